"""Source gates for issue 10: no markup from editors where it does not belong, clean data texts,
consistent data, nothing from outside the repository, a menu that points at real pages.

Every problem is a Dutch `Finding` with file and line; `python -m tools check` and the build (in
its second process) run all of them. The built HTML is checked again by tools/security/policy.py
`scan_output` (defence in depth), but these gates say *where in the sources* the problem is.
"""

from __future__ import annotations

import html
import os
import re
import unicodedata
from pathlib import Path

import yaml

from tools.core.findings import ADVISORY, Finding
from tools.core.text import mask_code
from tools.hulp.load import compose_text

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

# ---------------------------------------------------------------------------- characters and lengths

# Characters that make what a reader sees differ from what is there: bidirectional overrides and
# isolates (the "Trojan Source" trick), zero-width characters, byte order marks inside text.
INVISIBLE = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte order mark",
    "\u180e": "Mongolian vowel separator",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u061c": "Arabic letter mark",
    **{chr(c): "bidi override/isolate" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}
# Longest sensible value per kind of field; above that it is a copy-paste accident or an attack.
MAX_SHORT = 120  # names, places, organisations, titles, terms
MAX_TEXT = 1000  # explanations
MAX_URL = 500
SHORT_FIELDS = {
    "naam",
    "plaatsen",
    "organisatie",
    "adres",
    "telefoon",
    "email",
    "title",
    "term",
    "en",
    "regio",
    "categorie",
    "naar",
    "id",
    "varianten",
    "niet",
    "zoekwoorden",
    "doelgroep",
    "fase",
    "groep",
}
URL_FIELDS = {"website", "chat", "bron", "url"}


def bad_character(value: str) -> str:
    """A description of the first forbidden character in a text, or ''."""
    if value.replace("\n", "").replace("\t", "").isprintable():  # fast path: every forbidden character is "Other"
        return ""
    for ch in value:
        if ch in INVISIBLE:
            return f"een onzichtbaar teken ({INVISIBLE[ch]}, U+{ord(ch):04X})"
        if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") and ch != "\u00ad":
            return f"een stuurteken (U+{ord(ch):04X})"
    return ""


def text_problem(value: str, key: str) -> tuple[str, str]:
    """(message, tip) for a data or front matter text, or ('', '') when it is fine."""
    parts = [p for p in re.split(r"[.\[\]]+", key) if p and not p.isdigit()]
    base = parts[-1] if parts else key
    if base in ("nl", "en") and len(parts) > 1:  # a text in two languages: the field is its parent
        base = parts[-2]
    bad = bad_character(value)
    if bad:
        return (
            f"De tekst bevat {bad}. Wat de lezer ziet, is dan iets anders dan wat er staat.",
            "Typ de tekst opnieuw (niet plakken uit Word of een chat), of haal het teken weg.",
        )
    if base in SHORT_FIELDS and "\n" in value.strip():
        return (
            "Deze waarde moet op één regel staan, maar bevat een nieuwe regel.",
            "Zet de hele waarde op één regel achter de dubbele punt.",
        )
    limit = MAX_URL if base in URL_FIELDS else MAX_SHORT if base in SHORT_FIELDS else MAX_TEXT
    if len(value) > limit:
        return (
            f"De tekst is {len(value)} tekens lang; het maximum voor '{base}' is {limit}.",
            "Maak de tekst korter. Een lange uitleg hoort op een pagina, niet in een veld.",
        )
    return "", ""


def _scalars(node, path: str = ""):
    """(path, key node or value node, text) for every scalar in a YAML node tree (keys too)."""
    if isinstance(node, yaml.ScalarNode):
        yield path, node, str(node.value)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _scalars(item, f"{path}[{i + 1}]")
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = str(getattr(key, "value", ""))
            if isinstance(key, yaml.ScalarNode):
                bad = bad_character(name)
                if bad:
                    yield f"{path}.{name}".lstrip("."), key, name
            yield from _scalars(value, f"{path}.{name}".lstrip("."))


def duplicate_keys(node, file: str, line_offset: int = 0) -> list[Finding]:
    """YAML silently keeps the last of two equal keys; editors lose the first without noticing."""
    findings = []
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in n.value:
                name = str(getattr(key, "value", ""))
                line = key.start_mark.line + 1 + line_offset
                if name in seen:
                    findings.append(
                        Finding(
                            file,
                            line,
                            "dubbel-veld",
                            f"Het veld '{name}' staat er twee keer (ook op regel {seen[name]}). Alleen de laatste telt.",
                            "Haal een van de twee weg.",
                            field=name,
                        )
                    )
                else:
                    seen[name] = line
                stack.append(value)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
    return findings


def relocate(findings: list[Finding], trees: dict[str, yaml.Node]) -> list[Finding]:
    """Findings at line 1 with a field: put them at the line of that field in its file."""
    from dataclasses import replace

    out = []
    for f in findings:
        tree = trees.get(f.file)
        if f.line <= 1 and f.field and tree is not None:
            line = _field_line(tree, f.field)
            if line:
                f = replace(f, line=line)
        out.append(f)
    return out


def _field_line(tree: yaml.Node, field: str) -> int:
    node, line = tree, 0
    for part in [p for p in re.split(r"\.|\[(\d+)\]", field) if p]:
        if isinstance(node, yaml.MappingNode):
            hit = next(((k, v) for k, v in node.value if getattr(k, "value", None) == part), None)
            if hit is None:
                return line
            line, node = hit[0].start_mark.line + 1, hit[1]
        elif isinstance(node, yaml.SequenceNode) and part.isdigit() and 0 < int(part) <= len(node.value):
            node = node.value[int(part) - 1]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def compose_file(path: Path) -> yaml.Node | None:
    try:
        return compose_text(path.read_text(encoding="utf-8-sig"), str(path))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None  # reported by the loader with the right line


def data_texts(folder: Path, display) -> tuple[list[Finding], dict[str, yaml.Node]]:
    """Characters, lengths and duplicate keys in every value of every data file (fields added later
    included: the check walks the YAML, not the model). Also returns the node trees by file."""
    findings: list[Finding] = []
    trees: dict[str, yaml.Node] = {}
    for path in sorted(Path(folder).glob("*.yml")):
        node = compose_file(path)
        if node is None:
            continue
        name = display(path)
        trees[name] = node
        findings.extend(duplicate_keys(node, name))
        for key, n, value in _scalars(node):
            message, tip = text_problem(value, key)
            if message:
                findings.append(Finding(name, n.start_mark.line + 1, "tekens-in-gegevens", message, tip, field=key))
    return findings, trees


# ---------------------------------------------------------------------------- consistency of the data


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _lines(tree: yaml.Node | None) -> dict:
    """Line of gemeente.naam, of each place and of each postcode item in a municipality file."""
    out: dict = {}
    if not isinstance(tree, yaml.MappingNode):
        return out
    for key, value in tree.value:
        if getattr(key, "value", None) != "gemeente" or not isinstance(value, yaml.MappingNode):
            continue
        for k, v in value.value:
            name = getattr(k, "value", None)
            out[name] = k.start_mark.line + 1
            for item in v.value if isinstance(v, yaml.SequenceNode) else ():
                if isinstance(item, yaml.ScalarNode):
                    out[(name, str(item.value).strip())] = item.start_mark.line + 1
    return out


def consistency(data, trees: dict[str, yaml.Node]) -> list[Finding]:
    """One municipality per name, place and postcode: the picker must never send someone to the wrong help."""
    findings: list[Finding] = []
    names: dict[str, object] = {}
    places: dict[str, tuple[object, str]] = {}
    ranges: list[tuple[int, int, object, str]] = []
    for g in sorted(data.municipalities.values(), key=lambda m: m.file):
        lines = _lines(trees.get(g.file))
        if g.naam:
            other = names.get(_norm(g.naam))
            if other is not None:
                findings.append(
                    Finding(
                        g.file,
                        lines.get("naam", 1),
                        "dubbele-gemeente",
                        f"De gemeente '{g.naam}' bestaat al in {other.file}.",
                        "Is dit bestand een kopie? Geef elke gemeente een eigen naam, of haal de kopie weg.",
                        field="gemeente.naam",
                    )
                )
            else:
                names[_norm(g.naam)] = g
        for field, values in (("plaatsen", g.plaatsen), ("postcodes", g.postcodes)):
            if not values and field in lines:
                findings.append(
                    Finding(
                        g.file,
                        lines.get(field, 1),
                        "lege-lijst",
                        f"De lijst '{field}' van {g.naam or g.id} is leeg. Dan kan niemand deze gemeente kiezen.",
                        "Noem de plaatsen en de postcodes van de gemeente."
                        if field == "plaatsen"
                        else 'Noem de postcodes, bijvoorbeeld "4811-4839".',
                        field=f"gemeente.{field}",
                    )
                )
        seen_here: set[str] = set()
        for place in g.plaatsen:
            key = _norm(place)
            if key in seen_here:
                continue
            seen_here.add(key)
            other = places.get(key)
            if other is not None and other[0] is not g:
                findings.append(
                    Finding(
                        g.file,
                        lines.get(("plaatsen", place), lines.get("plaatsen", 1)),
                        "dubbele-plaats",
                        f"De plaats '{place}' staat ook bij {other[0].naam} ({other[0].file}).",
                        "Een plaats hoort bij één gemeente. Haal hem weg bij de gemeente waar hij niet bij hoort.",
                        field="gemeente.plaatsen",
                    )
                )
            else:
                places[key] = (g, place)
        for low, high in g.postcodes:
            label = f"{low}" if low == high else f"{low}-{high}"
            for olow, ohigh, other, olabel in ranges:
                if other is not g and low <= ohigh and olow <= high:
                    line = lines.get(("postcodes", label)) or _postcode_line(lines, low) or lines.get("postcodes", 1)
                    findings.append(
                        Finding(
                            g.file,
                            line,
                            "dubbele-postcode",
                            f"De postcodes {label} overlappen met {olabel} van {other.naam} ({other.file}).",
                            "Een postcode hoort bij één gemeente. Maak de reeksen zo dat ze elkaar niet raken.",
                            field="gemeente.postcodes",
                        )
                    )
                    break
            ranges.append((low, high, g, label))
    return findings


def _postcode_line(lines: dict, low: int) -> int:
    for key, line in lines.items():
        if isinstance(key, tuple) and key[0] == "postcodes" and re.match(rf"^{low}\b", key[1]):
            return line
    return 0


# ---------------------------------------------------------------------------- pages: markup from editors

# Link destinations in every Markdown form: [t](url), ![t](url), [t](<url>), [id]: url, <scheme:...>
INLINE_LINK_RE = re.compile(r"\]\(\s*<?([^)>\s]*)")
REF_DEF_RE = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
AUTOLINK_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*)>")
ATTR_LIST_RE = re.compile(r"\{:?[^{}\n]*\}")
SCRIPT_SCHEME_RE = re.compile(r"(?:java|vb)\s*script\s*:", re.IGNORECASE)
URL_LIKE_SCRIPT_RE = re.compile(r"(?:java|vb)script:(?!\s)", re.IGNORECASE)  # prose "JavaScript: uit" is fine
DANGEROUS_SCHEMES = ("javascript", "vbscript", "data")


def _scheme(url: str) -> str:
    url = html.unescape(url)
    url = re.sub(r"[\x00-\x20]", "", url).lower()
    m = re.match(r"([a-z][a-z0-9+.-]*):", url)
    return m.group(1) if m else ""


def _line_at(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def body_markup(body: str, file: str, first_line: int) -> list[Finding]:
    """Scripts, event handlers, dangerous link schemes and embedded content in a page body."""
    from tools.security import policy as security

    findings: list[Finding] = []
    text = mask_code(body)

    def add(pos: int, rule: str, message: str, tip: str) -> None:
        findings.append(Finding(file, first_line + _line_at(text, pos) - 1, rule, message, tip))

    link_tip = "Gebruik een gewone link naar een pagina (geld.md) of een https-adres. Een voorbeeld zet je tussen `backticks`."
    for line, rule, message in security.scan_output(text, frozenset()):
        findings.append(
            Finding(
                file,
                first_line + line - 1,
                rule if rule != "onbekend-script" else "script-in-pagina",
                message.replace(
                    "De pagina bevat een inline script dat niet van het thema of van onze sjablonen komt",
                    "De pagina bevat een <script>",
                ),
                "Pagina's mogen geen HTML bevatten die iets uitvoert of insluit (script, on...=, iframe, "
                "object, embed, formulier naar elders). Nieuwe JavaScript hoort in docs/assets/js/.",
            )
        )
    for rx in (INLINE_LINK_RE, REF_DEF_RE, AUTOLINK_RE):
        for m in rx.finditer(text):
            scheme = _scheme(m.group(1))
            if scheme in DANGEROUS_SCHEMES:
                add(
                    m.start(),
                    "gevaarlijke-link",
                    f"De link '{m.group(1)[:40]}' gebruikt {scheme}: en is niet toegestaan.",
                    link_tip,
                )
    for m in ATTR_LIST_RE.finditer(text):
        inner = m.group(0)
        if re.search(r"(?:^|[\s{:])on[a-z]+\s*=", inner, re.IGNORECASE) or SCRIPT_SCHEME_RE.search(html.unescape(inner)):
            add(
                m.start(),
                "inline-javascript",
                f"De attributen '{inner[:50]}' bevatten JavaScript (on...= of javascript:).",
                "Gebruik in {: ... } alleen een class (.naam) of id (#naam).",
            )
    reported = {f.line for f in findings}
    for offset, source_line in enumerate(text.split("\n")):
        if not URL_LIKE_SCRIPT_RE.search(html.unescape(source_line) if "&" in source_line else source_line):
            continue
        line = first_line + offset
        if line not in reported:
            reported.add(line)
            findings.append(Finding(file, line, "gevaarlijke-link", "De tekst bevat 'javascript:'.", link_tip))
    if re.search(r"<style\b|\sstyle\s*=", text, re.IGNORECASE):
        m = re.search(r"<style\b|\sstyle\s*=", text, re.IGNORECASE)
        add(
            m.start(),
            "opmaak-in-pagina",
            'De pagina heeft style="..." of <style>. De browser blokkeert dat.',
            "Gebruik een class uit docs/assets/rs.css.",
        )
    return findings


ATTRIBUTE_KEYS = ("title", "description")  # the theme writes these into HTML without escaping
MARKUP_RE = re.compile(r"<[a-zA-Z/!?]|\{\{|\{%|javascript:|vbscript:", re.IGNORECASE)


def front_matter_values(meta_node, file: str, line_offset: int) -> list[Finding]:
    """No markup, no attribute-breaking quotes, no invisible characters in any front matter value."""
    findings: list[Finding] = []
    if meta_node is None:
        return findings
    findings.extend(duplicate_keys(meta_node, file, line_offset))
    for key, node, value in _scalars(meta_node):
        line = node.start_mark.line + 1 + line_offset
        top = key.split(".")[0].split("[")[0]
        message, tip = text_problem(value, key)
        if message:
            findings.append(Finding(file, line, "tekens-in-gegevens", message, tip, field=key))
            continue
        if MARKUP_RE.search(value) or (top in ATTRIBUTE_KEYS and '"' in value):
            if top == "bronnen" and key.endswith(".url") and not MARKUP_RE.search(value):
                continue
            findings.append(
                Finding(
                    file,
                    line,
                    "opmaak-in-gegevens",
                    f"'{key}' bovenin de pagina bevat opmaak, code of een dubbel aanhalingsteken ({value[:40]!r}).",
                    'Schrijf gewone tekst zonder <, >, " of javascript:. Gebruik ‘enkele’ aanhalingstekens als het moet.',
                    field=key,
                )
            )
    return findings


def page_filename(rel: str, display: str) -> list[Finding]:
    name = rel.rsplit("/", 1)[-1]
    if re.search(r"[A-Z\s]", rel) or not re.fullmatch(r"[a-z0-9_][a-z0-9._-]*\.md", name):
        return [
            Finding(
                display,
                1,
                "bestandsnaam",
                f"De bestandsnaam '{rel}' heeft hoofdletters, spaties of vreemde tekens.",
                "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld 'na-de-scheiding.md'. "
                "Het adres van de pagina komt uit de bestandsnaam.",
            )
        ]
    return []


# ---------------------------------------------------------------------------- the glossary


def glossary_texts(path: Path, display: str) -> list[Finding]:
    """The glossary is data too: no markup, no invisible characters, sensible lengths, no duplicate keys."""
    node = compose_file(path)
    if node is None:
        return []
    findings = duplicate_keys(node, display)
    for key, n, value in _scalars(node):
        line = n.start_mark.line + 1
        message, tip = text_problem(value, key)
        if not message and MARKUP_RE.search(value) or re.search(r"\]\(|^\s*\[[^\]]*\]:", value, re.M):
            message, tip = (
                f"De woordenlijst bevat opmaak of code ({value[:40]!r}).",
                "Schrijf gewone tekst zonder HTML, Markdown-links of 'javascript:'.",
            )
        if message:
            findings.append(
                Finding(
                    display, line, "opmaak-in-gegevens" if "opmaak" in message else "tekens-in-gegevens", message, tip, field=key
                )
            )
    return findings


def glossary_errors(errors: list[str], root: Path) -> list[Finding]:
    """GlossaryError's 'file:line: message' lines as findings."""
    out = []
    for err in errors:
        m = re.match(r"^(.*?\.ya?ml)(?::(\d+))?: (.*)$", err, re.DOTALL)
        if m:
            file = m.group(1)
            try:
                file = Path(file).resolve().relative_to(Path(root).resolve()).as_posix()
            except ValueError:
                pass
            out.append(
                Finding(
                    file,
                    int(m.group(2) or 1),
                    "woordenlijst",
                    m.group(3),
                    "Kijk in docs/_data/woordenlijst.yml hoe de andere woorden zijn geschreven.",
                )
            )
        else:
            out.append(Finding("docs/_data/woordenlijst.yml", 1, "woordenlijst", err, ""))
    return out


# ---------------------------------------------------------------------------- files from outside


def outside_links(root: Path, folders=("docs", "gemeenten", "overrides")) -> list[Finding]:
    """Symbolic links that point outside the repository (or into .git / .venv) are never published."""
    root = Path(root).resolve()
    findings = []
    for folder in folders:
        base = root / folder
        if not base.exists():
            continue
        for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
            for name in dirnames + filenames:
                path = Path(dirpath) / name
                if not path.is_symlink():
                    continue
                rel = path.relative_to(root).as_posix()
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    findings.append(
                        Finding(
                            rel,
                            1,
                            "link-naar-buiten",
                            f"'{rel}' is een snelkoppeling die nergens heen wijst.",
                            "Haal de snelkoppeling weg en zet het echte bestand hier neer.",
                        )
                    )
                    continue
                inside = target.is_relative_to(root) and target.relative_to(root).parts[:1] not in ((".git",), (".venv",))
                if not inside:
                    findings.append(
                        Finding(
                            rel,
                            1,
                            "link-naar-buiten",
                            f"'{rel}' is een snelkoppeling (symlink) naar iets buiten de repository. "
                            "Dat zou op de openbare site komen.",
                            "Haal de snelkoppeling weg en zet een kopie van het echte bestand in de repository.",
                        )
                    )
    return findings


# ---------------------------------------------------------------------------- the menu in mkdocs.yml


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name)."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_entries(config_file: Path) -> list[tuple[str, int]]:
    """(page path, line in mkdocs.yml) for every page in the menu."""
    try:
        node = yaml.compose(Path(config_file).read_text(encoding="utf-8-sig"), Loader=_ConfigLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    nav = next(
        (v for k, v in (node.value if isinstance(node, yaml.MappingNode) else ()) if getattr(k, "value", None) == "nav"), None
    )
    out: list[tuple[str, int]] = []

    def walk(n) -> None:
        if isinstance(n, yaml.ScalarNode):
            out.append((str(n.value), n.start_mark.line + 1))
        elif isinstance(n, yaml.SequenceNode):
            for item in n.value:
                walk(item)
        elif isinstance(n, yaml.MappingNode):
            for _k, v in n.value:
                walk(v)

    walk(nav)
    return out


def check_nav(config_file: Path, docs: Path, generated: set[str]) -> list[Finding]:
    """Every page in the menu exists (or is generated by the build); Dutch, naming mkdocs.yml and the line."""
    findings = []
    for entry, line in nav_entries(config_file):
        if re.match(r"^[a-z][a-z0-9+.-]*:", entry, re.IGNORECASE) or entry.startswith("/"):
            continue  # an external link in the menu
        if not entry.endswith(".md"):
            findings.append(
                Finding(
                    "mkdocs.yml",
                    line,
                    "menu",
                    f"In het menu (nav) staat '{entry}': dat is geen pagina.",
                    "Noem in het menu het .md-bestand, bijvoorbeeld 'geld.md'.",
                )
            )
            continue
        if entry in generated or (Path(docs) / entry).is_file():
            continue
        close = [p.relative_to(docs).as_posix() for p in Path(docs).rglob(Path(entry).name)]
        findings.append(
            Finding(
                "mkdocs.yml",
                line,
                "menu",
                f"In het menu (nav) staat de pagina '{entry}', maar die bestaat niet in docs/.",
                (f"Bedoel je '{close[0]}'? " if close else "") + "Verbeter de naam in mkdocs.yml of haal de regel uit het menu.",
            )
        )
    return findings


__all__ = [
    "ADVISORY",
    "bad_character",
    "body_markup",
    "check_nav",
    "consistency",
    "data_texts",
    "duplicate_keys",
    "front_matter_values",
    "glossary_errors",
    "glossary_texts",
    "mask_code",
    "outside_links",
    "page_filename",
    "text_problem",
]
