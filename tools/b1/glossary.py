"""The glossary (docs/_data/woordenlijst.yml): loading, validation and finding terms in text.

Format: a YAML list; each entry::

    - term: ouderschapsplan            # as it appears in running text (capitals only for names)
      varianten: [ouderschapsplannen]  # optional: plural and other forms
      en: parenting plan               # the English term
      uitleg:
        nl: Een plan met afspraken over de kinderen na een scheiding.   # plain Dutch, 1-2 sentences
        en: A plan with agreements about the children after a separation.
      uitleg_verplicht: true           # optional (default true): must be explained on first use
      niet: [behoefte aan]             # optional: everyday phrases in which the word is not the term

A term written with a capital letter (Veilig Thuis) is matched case-sensitively; other terms
match in any case.

Other code (the generated glossary page, tooltips) uses `load_glossary()`; it raises
`GlossaryError` with Dutch messages that name the file and line of every bad entry.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .markdown import WORD_RE

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GLOSSARY = REPO_ROOT / "docs" / "_data" / "woordenlijst.yml"

_KEYS_REQUIRED = ("term", "en", "uitleg")
_KEYS_OPTIONAL = ("varianten", "uitleg_verplicht", "niet")


class GlossaryError(ValueError):
    """The glossary file is missing or has bad entries. `errors` lists 'file:line: message'."""

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass(frozen=True)
class Term:
    term: str
    en: str
    uitleg_nl: str
    uitleg_en: str
    varianten: tuple[str, ...] = ()
    uitleg_verplicht: bool = True
    niet: tuple[str, ...] = ()
    line: int = 0

    @property
    def forms(self) -> tuple[str, ...]:
        """The term and its variants."""
        return (self.term,) + self.varianten

    @property
    def uitleg(self) -> dict[str, str]:
        return {"nl": self.uitleg_nl, "en": self.uitleg_en}

    @property
    def case_sensitive(self) -> bool:
        return any(ch.isupper() for ch in self.term)

    @property
    def slug(self) -> str:
        """An id for anchors: lower case, ascii letters/digits and hyphens."""
        import unicodedata

        s = unicodedata.normalize("NFKD", self.term).encode("ascii", "ignore").decode().lower()
        return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(m.group(0) for m in WORD_RE.finditer(text))


def _display(path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


def load_glossary(path: str | os.PathLike | None = None) -> list[Term]:
    """Load and validate the glossary. Raises GlossaryError (Dutch messages with file:line)."""
    path = Path(path) if path is not None else DEFAULT_GLOSSARY
    st = None
    try:
        st = path.stat()
    except OSError:
        pass
    key = (str(path.resolve()), st.st_mtime_ns if st else None, st.st_size if st else None)
    return list(_load_cached(key))


@functools.lru_cache(maxsize=8)
def _load_cached(key) -> tuple[Term, ...]:
    path = Path(key[0])
    name = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GlossaryError([f"{name}: de woordenlijst bestaat niet."]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossaryError([f"{name}: de woordenlijst is niet te lezen ({exc})."]) from None
    try:
        loader = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise GlossaryError([f"{name}{line}: de YAML klopt niet: {getattr(exc, 'problem', exc)}."]) from None
    if root is None:
        raise GlossaryError([f"{name}: de woordenlijst is leeg."])
    if not isinstance(root, yaml.SequenceNode):
        raise GlossaryError(
            [f"{name}:{root.start_mark.line + 1}: de woordenlijst moet een lijst zijn (elke term begint met '- term:')."]
        )

    errors: list[str] = []
    terms: list[Term] = []
    seen: dict[str, tuple[str, int]] = {}

    def err(node, msg):
        errors.append(f"{name}:{node.start_mark.line + 1}: {msg}")

    for item in root.value:
        if not isinstance(item, yaml.MappingNode):
            err(item, "elk item moet een term zijn met 'term:', 'en:' en 'uitleg:'.")
            continue
        fields: dict[str, yaml.Node] = {}
        for k, v in item.value:
            if not isinstance(k, yaml.ScalarNode):
                err(k, "ongeldige sleutel.")
                continue
            if k.value in fields:
                err(k, f"de sleutel '{k.value}' staat er twee keer.")
            fields[k.value] = v
        label = fields["term"].value if isinstance(fields.get("term"), yaml.ScalarNode) else "?"
        for k in fields:
            if k not in _KEYS_REQUIRED + _KEYS_OPTIONAL:
                err(item, f"term '{label}': onbekende sleutel '{k}'. Kies uit: {', '.join(_KEYS_REQUIRED + _KEYS_OPTIONAL)}.")
        before = len(errors)

        def text_of(node, what, item=item, label=label):
            if node is None:
                err(item, f"term '{label}': '{what}' ontbreekt.")
                return ""
            if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str" or not node.value.strip():
                err(node, f"term '{label}': '{what}' moet een tekst zijn (niet leeg).")
                return ""
            return " ".join(node.value.split())

        def list_of(node, what, label=label):
            if node is None:
                return ()
            if not isinstance(node, yaml.SequenceNode) or not all(
                isinstance(x, yaml.ScalarNode) and x.value.strip() for x in node.value
            ):
                err(node, f"term '{label}': '{what}' moet een lijst van woorden zijn, zoals [woord, woorden].")
                return ()
            return tuple(" ".join(x.value.split()) for x in node.value)

        term = text_of(fields.get("term"), "term")
        en = text_of(fields.get("en"), "en")
        uitleg = fields.get("uitleg")
        nl_text = en_text = ""
        if uitleg is None:
            err(item, f"term '{label}': 'uitleg' ontbreekt (met 'nl:' en 'en:').")
        elif not isinstance(uitleg, yaml.MappingNode):
            err(uitleg, f"term '{label}': 'uitleg' moet 'nl:' en 'en:' bevatten.")
        else:
            sub = {k.value: v for k, v in uitleg.value if isinstance(k, yaml.ScalarNode)}
            for k in sub:
                if k not in ("nl", "en"):
                    err(uitleg, f"term '{label}': onbekende sleutel 'uitleg.{k}'. Kies uit: nl, en.")
            nl_text = text_of(sub.get("nl"), "uitleg.nl")
            en_text = text_of(sub.get("en"), "uitleg.en")
        varianten = list_of(fields.get("varianten"), "varianten")
        niet = list_of(fields.get("niet"), "niet")
        verplicht = True
        vnode = fields.get("uitleg_verplicht")
        if vnode is not None:
            if not (isinstance(vnode, yaml.ScalarNode) and vnode.tag == "tag:yaml.org,2002:bool"):
                err(vnode, f"term '{label}': 'uitleg_verplicht' moet true of false zijn.")
            else:
                verplicht = vnode.value.lower() in ("true", "yes", "on")
        if len(errors) > before:
            continue
        for form in (term,) + varianten:
            key = form.lower()
            if not _tokens(form):
                err(item, f"term '{label}': '{form}' bevat geen woord.")
            elif key in seen:
                other, other_line = seen[key]
                err(item, f"term '{label}': '{form}' staat ook al bij term '{other}' (regel {other_line}).")
            else:
                seen[key] = (term, item.start_mark.line + 1)
        terms.append(Term(term, en, nl_text, en_text, varianten, verplicht, niet, item.start_mark.line + 1))
    if errors:
        raise GlossaryError(errors)
    return tuple(terms)


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class _Pattern:
    tokens: tuple[str, ...]
    term: Term
    case_sensitive: bool


class GlossaryMatcher:
    """Finds glossary terms (longest match first) in a token sequence."""

    def __init__(self, terms: list[Term]):
        self.terms = list(terms)
        self._index: dict[str, list[_Pattern]] = {}
        self._niet: dict[Term, list[tuple[str, ...]]] = {}
        for t in self.terms:
            for form in t.forms:
                toks = _tokens(form)
                if not toks:
                    continue
                pat = _Pattern(toks if t.case_sensitive else tuple(x.lower() for x in toks), t, t.case_sensitive)
                self._index.setdefault(toks[0].lower(), []).append(pat)
            self._niet[t] = [tuple(x.lower() for x in _tokens(p)) for p in t.niet]
        for pats in self._index.values():
            pats.sort(key=lambda p: -len(p.tokens))

    def find(self, words: list[str]) -> list[tuple[int, int, Term]]:
        """Non-overlapping (start, end, term) matches in a list of token texts."""
        out = []
        lower = [w.lower() for w in words]
        i = 0
        n = len(words)
        while i < n:
            hit = None
            for pat in self._index.get(lower[i], ()):
                k = len(pat.tokens)
                seq = words[i : i + k] if pat.case_sensitive else lower[i : i + k]
                if tuple(seq) == pat.tokens:
                    hit = (i, i + k, pat.term)
                    break
            if hit:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out

    def is_everyday_use(self, lower_words: list[str], start: int, end: int, term: Term) -> bool:
        """Is the match part of one of the term's `niet` phrases (e.g. 'behoefte aan')?"""
        for phrase in self._niet.get(term, ()):
            k = len(phrase)
            for a in range(max(0, start - k + 1), end):
                if tuple(lower_words[a : a + k]) == phrase and a < end and a + k > start:
                    return True
        return False
