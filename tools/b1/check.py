"""Public entry points: check a Markdown page or a short text field."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

import yaml

from tools.core.findings import ADVISORY, BLOCKING, Finding

from . import lexicon
from .glossary import GlossaryMatcher, Term, load_glossary
from .markdown import WORD_RE, Document, parse
from .profiles import JONGEREN, PROFILES, STANDAARD, Profile
from .rules import IGNORABLE, PAGE_RULES, RULES, Context, prepare, rule_officialese, rule_sentence_length

#: front matter fields of a page that are checked as text fields
PAGE_TEXT_FIELDS = ("title", "description")
_EXCEPTION_KEYS = ("reden", "negeer", "woorden", "uitgelegd")
_TRANSLATION_RE = re.compile(r"\.([a-z]{2})(?:[-_][A-Za-z]{2})?\.md$")


def is_translation(path: str) -> bool:
    """`page.en.md` is an English translation (not checked); `page.md` and `page.nl.md` are Dutch."""
    m = _TRANSLATION_RE.search(str(path))
    return bool(m) and m.group(1) != "nl"


def resolve_profile(profile, front_matter: dict | None = None, path: str = "") -> Profile:
    """An explicit profile (name or Profile) wins; else `doelgroep: jongeren` or a jongeren/ folder."""
    if isinstance(profile, Profile):
        return profile
    if profile:
        try:
            return PROFILES[str(profile)]
        except KeyError:
            raise ValueError(f"Onbekend profiel '{profile}'. Kies uit: {', '.join(PROFILES)}.") from None
    doelgroep = (front_matter or {}).get("doelgroep")
    if doelgroep == "jongeren" or (isinstance(doelgroep, list) and doelgroep == ["jongeren"]):
        return JONGEREN
    if "jongeren" in PurePath(str(path).replace("\\", "/")).parts[:-1]:
        return JONGEREN
    return STANDAARD


_matcher_cache: dict[int, tuple[list[Term], GlossaryMatcher]] = {}


def _matcher(terms: list[Term]) -> GlossaryMatcher:
    key = id(terms)
    hit = _matcher_cache.get(key)
    if hit is None or hit[0] is not terms:
        if len(_matcher_cache) > 16:
            _matcher_cache.clear()
        hit = (terms, GlossaryMatcher(terms))
        _matcher_cache[key] = hit
    return hit[1]


_default_glossary: list[Term] | None = None
_default_key = None


def default_glossary() -> list[Term]:
    """The site glossary, loaded once (reloaded when the file changes)."""
    global _default_glossary, _default_key
    terms = load_glossary()  # cached on path + mtime inside
    key = tuple(terms)
    if _default_glossary is None or key != _default_key:
        _default_glossary, _default_key = terms, key
    return _default_glossary


# --------------------------------------------------------------------------- exceptions


@dataclass
class Exceptions:
    reden: str = ""
    line: int = 0  # line of the b1: key
    negeer: list[tuple[str, int]] = field(default_factory=list)  # (rule id, line)
    woorden: list[tuple[str, int]] = field(default_factory=list)
    uitgelegd: list[tuple[str, int]] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.negeer or self.woorden or self.uitgelegd)


def _fm_line(doc: Document, node) -> int:
    return node.start_mark.line + doc.front_matter_first_line if node is not None else 1


def _fm_child(doc: Document, key: str):
    node = doc.front_matter_node
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k, v
    return None, None


def read_exceptions(doc: Document, path: str, terms: list[Term]) -> tuple[Exceptions, list[Finding]]:
    exc = Exceptions()
    findings: list[Finding] = []
    knode, vnode = _fm_child(doc, "b1")
    if knode is None:
        return exc, findings
    exc.line = _fm_line(doc, knode)

    def bad(node, msg, tip=""):
        findings.append(Finding(path, _fm_line(doc, node), "uitzondering-ongeldig", msg, tip, BLOCKING, "b1"))

    if not isinstance(vnode, yaml.MappingNode):
        bad(knode, "'b1:' moet sleutels bevatten: reden, negeer, woorden, uitgelegd.",
            "Bijvoorbeeld:\n      b1:\n        reden: Namen van wetten blijven zoals ze zijn.\n        woorden: [Wet op het financieel toezicht]")
        return exc, findings
    glossary_forms = {f.lower() for t in terms for f in t.forms}
    for k, v in vnode.value:
        key = k.value if isinstance(k, yaml.ScalarNode) else None
        if key not in _EXCEPTION_KEYS:
            bad(k, f"Onbekende sleutel 'b1.{key}'. Kies uit: {', '.join(_EXCEPTION_KEYS)}.")
            continue
        if key == "reden":
            if isinstance(v, yaml.ScalarNode) and v.tag == "tag:yaml.org,2002:str":
                exc.reden = " ".join(v.value.split())
            elif not (isinstance(v, yaml.ScalarNode) and v.tag == "tag:yaml.org,2002:null"):
                bad(v, "'b1.reden' moet een zin zijn.")
            continue
        items = v.value if isinstance(v, yaml.SequenceNode) else None
        if items is None or not all(isinstance(x, yaml.ScalarNode) and x.value.strip() for x in items):
            bad(v, f"'b1.{key}' moet een lijst zijn, zoals [woord, nog een woord].")
            continue
        for x in items:
            value = " ".join(x.value.split())
            line = _fm_line(doc, x)
            if key == "negeer":
                if value not in IGNORABLE:
                    bad(x, f"'{value}' is geen regel die je kunt uitzetten.",
                        "Kies uit: " + ", ".join(sorted(IGNORABLE)) + ".")
                    continue
                exc.negeer.append((value, line))
            elif key == "woorden":
                exc.woorden.append((value, line))
            else:
                if value.lower() not in glossary_forms:
                    bad(x, f"'{value}' staat niet in de woordenlijst; 'b1.uitgelegd' is alleen voor termen uit de woordenlijst.",
                        "Controleer de spelling, of zet een gewoon woord onder 'b1.woorden'.")
                    continue
                exc.uitgelegd.append((value, line))
    if exc.any and not exc.reden:
        findings.append(Finding(
            path, exc.line, "uitzondering-zonder-reden",
            "Er staat een uitzondering onder 'b1:', maar zonder reden.",
            "Schrijf onder 'b1:' een regel 'reden: ...' die in gewone woorden zegt waarom de uitzondering nodig is. "
            "Bijvoorbeeld: 'reden: Namen van wetten blijven zoals ze zijn.'",
            BLOCKING, "b1"))
    return exc, findings


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(m.group(0).lower() for m in WORD_RE.finditer(text))


# --------------------------------------------------------------------------- API


def check_text_field(text: str, path: str, line: int, field: str, *, profile=None) -> list[Finding]:
    """Check a short text field (YAML): sentence length and officialese only, no page rules.

    `line` is the file line where the text starts; findings point into the text from there.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    prof = resolve_profile(profile)
    doc = parse(text, path, front_matter=False)
    ctx = Context(doc, prof, [], GlossaryMatcher([]), set(), set(), path)
    out = []
    for f in rule_sentence_length(ctx) + rule_officialese(ctx):
        if f.rule == "lange-zin":
            continue  # advisory about 16-25 words is for running text, not for short fields
        out.append(Finding(f.file, f.line + line - 1, f.rule, f.message, f.tip, f.severity, field, f.excerpt))
    return out


def check_markdown(text: str, path: str, *, profile=None, glossary: list[Term] | None = None
                   ) -> tuple[list[Finding], list[Finding]]:
    """Check one Markdown page. Returns (findings, exceptions).

    - Translations (`*.en.md`) are skipped: ([], []).
    - `profile`: None (from front matter / path), "standaard", "jongeren" or a Profile.
    - `glossary`: the terms; default: docs/_data/woordenlijst.yml (GlossaryError if it is broken).
    - Front matter `title` and `description` are checked as text fields.
    - Exceptions in front matter `b1:` are applied and returned as the second list.
    """
    if is_translation(path):
        return [], []
    doc = parse(text, path)
    terms = glossary if glossary is not None else default_glossary()
    findings: list[Finding] = []
    if doc.front_matter_error:
        findings.append(Finding(path, 1, "metadata-ongeldig", doc.front_matter_error,
                                "Controleer de regels tussen de twee '---'-regels bovenaan.", BLOCKING))
    exc, exc_findings = read_exceptions(doc, path, terms)
    findings.extend(exc_findings)
    prof = resolve_profile(profile, doc.front_matter, path)

    allowed = {p for p in (_phrase(w) for w in lexicon.site_allowed_words()) if p}
    page_allowed = {}
    for w, line in exc.woorden:
        p = _phrase(w)
        if p:
            allowed.add(p)
            page_allowed[p] = (w, line)
    explained = {t.lower() for t, _ in exc.uitgelegd}
    ctx = Context(doc, prof, terms, _matcher(terms), allowed, explained, path)
    prepare(ctx)
    raw: list[Finding] = []
    for rule in PAGE_RULES:
        raw.extend(rule(ctx))
    for name in PAGE_TEXT_FIELDS:
        knode, vnode = _fm_child(doc, name)
        value = doc.front_matter.get(name)
        if isinstance(value, str) and vnode is not None:
            line = _fm_line(doc, vnode)
            if isinstance(vnode, yaml.ScalarNode) and vnode.style in ("|", ">"):
                line += 1
            raw.extend(check_text_field(value, path, line, name, profile=prof))

    ignored = {r for r, _ in exc.negeer}
    kept = [f for f in raw if f.rule not in ignored]
    exceptions: list[Finding] = []
    reason = f"Reden: {exc.reden}" if exc.reden else "Reden: (ontbreekt)"
    for rule, line in exc.negeer:
        n = sum(1 for f in raw if f.rule == rule)
        exceptions.append(Finding(
            path, line, rule,
            f"Regel '{rule}' staat uit op deze pagina; {n} melding(en) niet getoond.",
            "", ADVISORY, "b1.negeer", reason))
    for p, (w, line) in page_allowed.items():
        n = ctx.allowed_uses.get(p, 0)
        exceptions.append(Finding(
            path, line, "woord-toegestaan",
            f"'{w}' is toegestaan op deze pagina ({n} keer gebruikt)." if n
            else f"'{w}' is toegestaan op deze pagina, maar komt er niet in voor.",
            "", ADVISORY, "b1.woorden", reason))
    for t, line in exc.uitgelegd:
        exceptions.append(Finding(
            path, line, "term-niet-uitgelegd",
            f"'{t}' telt als uitgelegd op deze pagina.", "", ADVISORY, "b1.uitgelegd", reason))
    return findings + kept, exceptions


def rule_ids() -> dict[str, tuple[str, str]]:
    """All rule ids with (severity, description)."""
    return dict(RULES)
