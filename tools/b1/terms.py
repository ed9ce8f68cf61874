"""The site's own editorial rule: every glossary term is explained (or linked) on first use.

This is not part of the language-level verdict of `python -m tools.b1` (a real easy text may use
a term its readers know); `python -m tools check` runs it on our own Dutch pages as its own rule,
`term-niet-uitgelegd`. Entry point: `tools.b1.check_terms`.
"""

from __future__ import annotations

import re

from tools.core.findings import Finding

from .glossary import Term
from .markdown import HEADING, TITLE, Sentence
from .rules import Context

_EXPLAIN_PHRASES = [
    "dat is",
    "dit is",
    "dat zijn",
    "dit zijn",
    "dat betekent",
    "dit betekent",
    "betekent",
    "betekenen",
    "dat heet",
    "dit heet",
    "heet",
    "heten",
    "noem je",
    "noemen we",
    "noemt men",
    "wil zeggen",
    "houdt in",
    "is een",
    "zijn de",
    "bedoelen we",
    "oftewel",
    "ofwel",
    "met andere woorden",
]
_EXPLAIN_RE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _EXPLAIN_PHRASES) + r")\b|, dus \w")
# Right after the term: a colon, "(", a dash, or an apposition (", het meldpunt voor ...",
# ", een plan met ...", ", die ...").
_AFTER_TERM_RE = re.compile(
    r"\s*(?::|\(|\s[-–—]\s|[–—]|,\s+(?:de|het|een|die|dus|oftewel|ofwel|dat is|dat zijn|dat wil zeggen)\s)", re.I
)
_TERM_VERBS = frozenset("is zijn betekent betekenen heet heten houdt".split())


def _explained_in(sentence: Sentence) -> bool:
    return bool(_EXPLAIN_RE.search(sentence.text.lower()))


def _defines(ctx: Context, sentence: Sentence, term: Term) -> bool:
    """Does the sentence say '<term> is/zijn/betekent ...' (e.g. 'Alimentatie is geld ...')?"""
    lower = [t.lower for t in sentence.tokens]
    for _start, b, t in ctx.term_hits.get(sentence.index, ()):
        if t == term and b < len(lower) and lower[b] in _TERM_VERBS:
            return True
    return False


def _is_explained(ctx: Context, s: Sentence, a: int, b: int, term: Term) -> bool:
    """The explanation patterns, in the sentence of the term or the next sentence."""
    toks = s.tokens[a:b]
    if any(t.in_link for t in toks):
        return True
    after = ctx.doc.clean[toks[-1].end : toks[-1].end + 20]
    if _AFTER_TERM_RE.match(after):
        return True
    if b < len(s.tokens) and s.tokens[b].lower in _TERM_VERBS:
        return True
    lead = [t.lower for t in s.tokens[:a]]
    if lead in (["een"], ["bij"], ["bij", "een"]) and b < len(s.tokens):
        return True  # "Een mediator helpt jullie ...", "Bij co-ouderschap zorgen jullie ..."
    unit = s.unit.sentences
    if a == 0 and b == len(s.tokens) and unit[-1] is not s:
        return True  # a label: "**Begeleide omgang.** Je kind ziet de andere ouder ..."
    if _explained_in(s):
        return True
    sentences = ctx.doc.sentences
    nxt = sentences[s.index + 1] if s.index + 1 < len(sentences) else None
    return nxt is not None and (_explained_in(nxt) or _defines(ctx, nxt, term))


def rule_terms(ctx: Context) -> list[Finding]:
    out = []
    done: set[Term] = set()
    for s in ctx.doc.sentences:
        hits = ctx.term_hits.get(s.index)
        if not hits:
            continue
        lower = [t.lower for t in s.tokens]
        for a, b, term in hits:
            if term in done:
                continue
            if ctx.matcher.is_everyday_use(lower, a, b, term):
                continue
            if not term.uitleg_verplicht or any(f.lower() in ctx.explained for f in term.forms):
                done.add(term)
                continue
            toks = s.tokens[a:b]
            if _is_explained(ctx, s, a, b, term):
                done.add(term)
                continue
            if s.kind in (HEADING, TITLE):
                # A heading only names the topic: the first use in running text counts.
                continue
            done.add(term)
            word = " ".join(t.text for t in toks)
            out.append(
                ctx.finding(
                    toks[0].line,
                    "term-niet-uitgelegd",
                    f"'{word}' is een vakterm en staat hier voor het eerst op de pagina, zonder uitleg of link.",
                    f"Leg het woord uit in dezelfde zin of de zin erna, bijvoorbeeld '{word}: ...', "
                    f"'{word} (...)', '{word.capitalize() if not term.case_sensitive else word} is ...' of 'Dat betekent ...'. "
                    f'Of maak er een link van. Uitleg uit de woordenlijst: "{term.uitleg_nl}" '
                    "Staat de uitleg al eerder op de pagina? Zet het woord dan onder 'b1: uitgelegd:' in de front matter, met een reden.",
                    text=s.text,
                )
            )
    return out
