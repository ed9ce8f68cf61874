"""The B1 rules. Each rule reads a prepared `Context` and returns Findings (Dutch text)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from tools.core.findings import ADVISORY, BLOCKING, Finding

from . import lexicon
from .glossary import GlossaryMatcher, Term
from .markdown import HEADING, LIST_ITEM, PARAGRAPH, RUNNING_TEXT, TABLE_CELL, TITLE, Document, Sentence
from .profiles import Profile

#: rule id -> (severity, what it checks). Severity of ambtelijk-woord depends on the word.
RULES: dict[str, tuple[str, str]] = {
    "zin-te-lang": (BLOCKING, "zin (of kop, lijstpunt) langer dan de grens"),
    "ambtelijk-woord": (BLOCKING, "ambtelijk woord met een gewoon alternatief"),
    "term-niet-uitgelegd": (BLOCKING, "vakterm uit de woordenlijst zonder uitleg of link bij het eerste gebruik"),
    "gemiddelde-zinslengte": (BLOCKING, "gemiddelde zinslengte van de pagina te hoog"),
    "uitzondering-zonder-reden": (BLOCKING, "uitzondering in de front matter zonder reden"),
    "uitzondering-ongeldig": (BLOCKING, "uitzondering in de front matter klopt niet"),
    "metadata-ongeldig": (BLOCKING, "front matter is geen geldige YAML"),
    "lange-zin": (ADVISORY, "zin van 16 tot 25 woorden"),
    "lijdende-vorm": (ADVISORY, "te veel zinnen in de lijdende vorm"),
    "zeldzaam-woord": (ADVISORY, "weinig gebruikt woord"),
    "lang-woord": (ADVISORY, "woord met veel lettergrepen"),
    "lange-alinea": (ADVISORY, "alinea met te veel zinnen"),
    "moeilijke-woorden": (ADVISORY, "te veel woorden buiten de 5.000 meest gebruikte"),
    "douma": (ADVISORY, "Flesch-Douma-score te laag"),
    "vage-linktekst": (ADVISORY, "linktekst zegt niet waar de link heen gaat"),
}
#: rules an editor may switch off for a page (with a reason)
IGNORABLE = frozenset(RULES) - {"uitzondering-zonder-reden", "uitzondering-ongeldig", "metadata-ongeldig"}

_KIND_NOUN = {
    PARAGRAPH: "Deze zin",
    LIST_ITEM: "Dit lijstpunt",
    HEADING: "Deze kop",
    TABLE_CELL: "Deze tabelcel",
    TITLE: "Deze titel",
}


def nl_number(x: float, decimals: int = 1) -> str:
    """Dutch number formatting: 12,5 and 1.234."""
    if decimals == 0 or float(x).is_integer() and decimals == 0:
        return f"{round(x):,}".replace(",", ".")
    return f"{x:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def percent(x: float) -> str:
    return f"{round(x * 100)} %"


def excerpt(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _lines(lines, limit: int = 12) -> str:
    lines = sorted(set(lines))
    shown = ", ".join(str(n) for n in lines[:limit])
    return shown + (f" en nog {len(lines) - limit}" if len(lines) > limit else "")


@dataclass
class Context:
    doc: Document
    profile: Profile
    glossary: list[Term]
    matcher: GlossaryMatcher
    allowed_phrases: set[tuple[str, ...]]  # lower-case token tuples allowed on this page
    explained: set[str]  # lower-case terms declared explained on this page
    path: str
    #: token id -> why the token is exempt from word rules ("naam", "toegestaan", "term", "getal")
    exempt: dict[int, str] = field(default_factory=dict)
    #: allowed phrase -> number of uses (for the exception report)
    allowed_uses: dict[tuple[str, ...], int] = field(default_factory=dict)
    #: glossary matches per sentence index: list of (start, end, term)
    term_hits: dict[int, list[tuple[int, int, Term]]] = field(default_factory=dict)

    def finding(self, line, rule, message, tip="", severity=None, text="", fieldname=""):
        sev = severity or RULES[rule][0]
        return Finding(self.path, line, rule, message, tip, sev, fieldname, excerpt(text) if text else "")


_DOMAIN_RE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:nl|com|org|net|eu|be|info|nu|io|frl)$", re.I)


def prepare(ctx: Context) -> None:
    """Mark exempt tokens (names, numbers, allowed words, glossary terms) and find terms."""
    sentences = ctx.doc.sentences
    capitalised_inside = set()
    for s in sentences:
        for t in s.tokens[1:]:
            if t.text[:1].isupper():
                capitalised_inside.add(t.text)
    max_phrase = max((len(p) for p in ctx.allowed_phrases), default=0)
    for s in sentences:
        toks = s.tokens
        lower = [t.lower for t in toks]
        for i, t in enumerate(toks):
            if t.is_number:
                ctx.exempt[id(t)] = "getal"
            elif _DOMAIN_RE.match(t.text):
                ctx.exempt[id(t)] = "naam"  # kindertelefoon.nl
            elif len(t.text) > 1 and t.text.isupper():
                ctx.exempt[id(t)] = "naam"
            elif t.text[:1].isupper() and (i > 0 or t.text in capitalised_inside):
                ctx.exempt[id(t)] = "naam"
        # allowed phrases, longest first
        i = 0
        while i < len(toks) and max_phrase:
            for k in range(min(max_phrase, len(toks) - i), 0, -1):
                key = tuple(lower[i:i + k])
                if key in ctx.allowed_phrases:
                    ctx.allowed_uses[key] = ctx.allowed_uses.get(key, 0) + 1
                    for t in toks[i:i + k]:
                        ctx.exempt[id(t)] = "toegestaan"
                    i += k
                    break
            else:
                i += 1
        hits = ctx.matcher.find([t.text for t in toks])
        if hits:
            ctx.term_hits[s.index] = hits
            for a, b, _term in hits:
                for t in toks[a:b]:
                    ctx.exempt.setdefault(id(t), "term")


# --------------------------------------------------------------------------- sentence length

_SPLIT_HINTS = [
    (", omdat ", "zet een punt voor 'omdat' en begin de nieuwe zin met 'Dat komt omdat' of 'Want'"),
    (", want ", "zet een punt voor 'want' en begin de nieuwe zin met 'Want'"),
    (", maar ", "zet een punt voor 'maar' en begin de nieuwe zin met 'Maar'"),
    (", zodat ", "zet een punt voor 'zodat' en begin de nieuwe zin met 'Zo'"),
    (", waardoor ", "zet een punt voor 'waardoor' en begin de nieuwe zin met 'Daardoor'"),
    (", terwijl ", "zet een punt voor 'terwijl' en begin de nieuwe zin met 'Maar' of 'Ondertussen'"),
    (", die ", "maak van het deel na ', die' een eigen zin"),
    (", dat ", "maak van het deel na ', dat' een eigen zin"),
    (", wat ", "maak van het deel na ', wat' een eigen zin: 'Dat ...'"),
    (", als ", "begin een nieuwe zin: 'Als ...? Dan ...'"),
    (", en ", "zet een punt voor 'en' en begin een nieuwe zin"),
    (", of ", "zet een punt voor 'of' en begin een nieuwe zin"),
    ("; ", "vervang de puntkomma door een punt"),
    (": ", "maak van het deel na de dubbele punt een lijstje of een nieuwe zin"),
]


def split_tip(sentence: Sentence) -> str:
    text = sentence.text
    words = text.split()
    if text.count(",") >= 3:
        return "Maak er twee of drie korte zinnen van, of zet de opsomming in een lijstje met streepjes."
    best = None
    for needle, advice in _SPLIT_HINTS:
        start = 0
        while True:
            pos = text.find(needle, start)
            if pos < 0:
                break
            k = len(text[:pos].split())
            score = abs(k - len(words) / 2)
            if k >= 4 and len(words) - k >= 4 and (best is None or score < best[0]):
                best = (score, k, advice)
            start = pos + 1
    if best:
        return f"Maak er twee zinnen van: {best[2]} (na woord {best[1]}). Eén boodschap per zin."
    return "Maak er twee of drie korte zinnen van, met één boodschap per zin. Laat bijzinnen en tussenzinnen weg."


def rule_sentence_length(ctx: Context) -> list[Finding]:
    out = []
    long_ones = []
    p = ctx.profile
    for s in ctx.doc.sentences:
        n = s.words
        noun = _KIND_NOUN.get(s.kind, "Deze zin")
        if n > p.max_sentence:
            out.append(ctx.finding(
                s.line, "zin-te-lang",
                f"{noun} heeft {n} woorden; de grens is {p.max_sentence} woorden.",
                split_tip(s), text=s.text))
        elif n >= p.long_sentence:
            long_ones.append(s)
    if len(long_ones) <= p.list_long_sentences:
        for s in long_ones:
            out.append(ctx.finding(
                s.line, "lange-zin",
                f"{_KIND_NOUN.get(s.kind, 'Deze zin')} heeft {s.words} woorden; advies: hoogstens {p.long_sentence - 1}.",
                split_tip(s), text=s.text))
    else:
        counted = [s for s in ctx.doc.sentences if s.kind in RUNNING_TEXT]
        share = len(long_ones) / max(1, len(counted))
        out.append(ctx.finding(
            long_ones[0].line, "lange-zin",
            f"{len(long_ones)} zinnen hebben {p.long_sentence} tot {p.max_sentence} woorden "
            f"({percent(share)} van de zinnen); advies: hoogstens {p.long_sentence - 1} woorden per zin. "
            f"Regels: {_lines(s.line for s in long_ones)}.",
            "Knip de langste zinnen in tweeën. Begin bij de zin hieronder. " + split_tip(long_ones[0]),
            text=long_ones[0].text))
    return out


def counted_sentences(doc: Document) -> list[Sentence]:
    """Sentences of running text (paragraphs, list items): the base of page averages."""
    return [s for s in doc.sentences if s.kind in RUNNING_TEXT]


def first_line(doc: Document) -> int:
    return doc.units[0].line if doc.units else 1


def rule_average(ctx: Context) -> list[Finding]:
    sents = counted_sentences(ctx.doc)
    words = sum(s.words for s in sents)
    p = ctx.profile
    if words < p.min_page_words or not sents:
        return []
    avg = words / len(sents)
    if avg <= p.max_average:
        return []
    longest = sorted(sents, key=lambda s: -s.words)[:3]
    return [ctx.finding(
        first_line(ctx.doc), "gemiddelde-zinslengte",
        f"Gemiddeld {nl_number(avg)} woorden per zin; de grens is {nl_number(p.max_average, 0)} "
        f"(gemeten over {len(sents)} zinnen en {words} woorden).",
        "Maak de langste zinnen korter: regel " + ", ".join(f"{s.line} ({s.words} woorden)" for s in longest)
        + ". Eén boodschap per zin.")]


# --------------------------------------------------------------------------- officialese


def rule_officialese(ctx: Context, sentences=None, fieldname="", line_offset=0) -> list[Finding]:
    out = []
    for s in sentences if sentences is not None else ctx.doc.sentences:
        toks = s.tokens
        lower = [t.lower for t in toks]
        n = len(toks)
        i = 0
        while i < n:
            hit = None
            for e in lexicon.OFFICIALESE_INDEX.get(lower[i], ()):
                k = len(e.phrase)
                if tuple(lower[i:i + k]) == e.phrase:
                    hit = (e, k)
                    break
            if hit:
                e, k = hit
                if not any(ctx.exempt.get(id(t)) == "toegestaan" for t in toks[i:i + k]):
                    word = " ".join(t.text for t in toks[i:i + k])
                    out.append(ctx.finding(
                        toks[i].line + line_offset, "ambtelijk-woord",
                        f"'{word}' is ambtelijke taal"
                        + (" (advies)." if e.severity == ADVISORY else "."),
                        f"Schrijf '{e.alternative}'." + (f" {e.note}" if e.note else ""),
                        severity=e.severity, text=s.text, fieldname=fieldname))
                i += k
                continue
            w = lower[i]
            if w in lexicon.DIENEN_FORMS and ctx.exempt.get(id(toks[i])) != "toegestaan":
                if "te" in lower[i + 1:i + 10]:
                    out.append(ctx.finding(
                        toks[i].line + line_offset, "ambtelijk-woord",
                        f"'{toks[i].text} ... te' is ambtelijke taal.",
                        "Schrijf 'moeten': niet 'je dient het formulier in te vullen', maar 'je moet het formulier invullen'.",
                        text=s.text, fieldname=fieldname))
            elif w == "welke" and i > 0 and ctx.exempt.get(id(toks[i])) != "toegestaan":
                # Only ", welke" is clearly relative ("de regels, welke gelden"); "bij welke
                # ouder" and "welke school" are questions.
                before = ctx.doc.clean[toks[i - 1].end:toks[i].start]
                if "," in before and not s.text.rstrip().endswith("?"):
                    out.append(ctx.finding(
                        toks[i].line + line_offset, "ambtelijk-woord",
                        "'welke' als betrekkelijk voornaamwoord is ambtelijke taal (advies).",
                        "Schrijf 'die', 'dat' of 'wat', bijvoorbeeld: 'de regels die gelden' in plaats van 'de regels welke gelden'.",
                        severity=ADVISORY, text=s.text, fieldname=fieldname))
            i += 1
    return out


# --------------------------------------------------------------------------- glossary terms

_EXPLAIN_PHRASES = [
    "dat is", "dit is", "dat zijn", "dit zijn", "dat betekent", "dit betekent", "betekent", "betekenen",
    "dat heet", "dit heet", "heet", "heten", "noem je", "noemen we", "noemt men", "wil zeggen",
    "houdt in", "is een", "zijn de", "bedoelen we", "oftewel", "ofwel", "met andere woorden",
]
_EXPLAIN_RE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _EXPLAIN_PHRASES) + r")\b|, dus \w")
# Right after the term: a colon, "(", a dash, or an apposition (", het meldpunt voor ...",
# ", een plan met ...", ", die ...").
_AFTER_TERM_RE = re.compile(
    r"\s*(?::|\(|\s[-–—]\s|[–—]|,\s+(?:de|het|een|die|dus|oftewel|ofwel|dat is|dat zijn|dat wil zeggen)\s)", re.I)
_TERM_VERBS = frozenset("is zijn betekent betekenen heet heten houdt".split())


def _explained_in(sentence: Sentence) -> bool:
    return bool(_EXPLAIN_RE.search(sentence.text.lower()))


def _defines(ctx: Context, sentence: Sentence, term: Term) -> bool:
    """Does the sentence say '<term> is/zijn/betekent ...' (e.g. 'Alimentatie is geld ...')?"""
    lower = [t.lower for t in sentence.tokens]
    for a, b, t in ctx.term_hits.get(sentence.index, ()):
        if t == term and b < len(lower) and lower[b] in _TERM_VERBS:
            return True
    return False


def _is_explained(ctx: Context, s: Sentence, a: int, b: int, term: Term) -> bool:
    """The explanation patterns, in the sentence of the term or the next sentence."""
    toks = s.tokens[a:b]
    if any(t.in_link for t in toks):
        return True
    after = ctx.doc.clean[toks[-1].end:toks[-1].end + 20]
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
            out.append(ctx.finding(
                toks[0].line, "term-niet-uitgelegd",
                f"'{word}' is een vakterm en staat hier voor het eerst op de pagina, zonder uitleg of link.",
                f"Leg het woord uit in dezelfde zin of de zin erna, bijvoorbeeld '{word}: ...', "
                f"'{word} (...)', '{word.capitalize() if not term.case_sensitive else word} is ...' of 'Dat betekent ...'. "
                f"Of maak er een link van. Uitleg uit de woordenlijst: \"{term.uitleg_nl}\" "
                "Staat de uitleg al eerder op de pagina? Zet het woord dan onder 'b1: uitgelegd:' in de front matter, met een reden.",
                text=s.text))
    return out


# --------------------------------------------------------------------------- passive


def is_passive(sentence: Sentence) -> bool:
    lower = [t.lower for t in sentence.tokens]
    if not any(w in lexicon.PASSIVE_AUX for w in lower):
        return False
    return any(w not in lexicon.PASSIVE_AUX and lexicon.looks_like_participle(w) for w in lower)


def rule_passive(ctx: Context) -> list[Finding]:
    sents = counted_sentences(ctx.doc)
    passive = [s for s in sents if is_passive(s)]
    p = ctx.profile
    if not sents or len(passive) < p.min_passive_sentences:
        return []
    share = len(passive) / len(sents)
    if share <= p.max_passive:
        return []
    return [ctx.finding(
        passive[0].line, "lijdende-vorm",
        f"{len(passive)} van de {len(sents)} zinnen ({percent(share)}) staan in de lijdende vorm; "
        f"advies: hoogstens {percent(p.max_passive)}.",
        "Schrijf wie iets doet. Niet 'De alimentatie wordt door je ex betaald', maar 'Je ex betaalt de alimentatie'. "
        f"Lijdende vorm op regel {_lines(s.line for s in passive)}.",
        text=passive[0].text)]


# --------------------------------------------------------------------------- words


def _word_candidates(ctx: Context):
    """(token, sentence) for tokens that word rules may judge (not exempt, first use only)."""
    seen = set()
    for s in ctx.doc.sentences:
        for t in s.tokens:
            if id(t) in ctx.exempt or not t.has_letter:
                continue
            w = t.lower
            if w in seen:
                continue
            seen.add(w)
            yield t, s


def _site_allowed(word: str) -> bool:
    return word in lexicon.site_allowed_words()


def _is_officialese_token(word: str) -> bool:
    return word in lexicon.OFFICIALESE_INDEX


def rule_words(ctx: Context) -> list[Finding]:
    p = ctx.profile
    rare, long_ = [], []
    for t, s in _word_candidates(ctx):
        w = t.lower.strip("'’")
        if len(w) < 3 or _site_allowed(w) or _is_officialese_token(w):
            continue
        common = lexicon.is_common(w, p.rare_zipf, p.compound_part_zipf)
        if not common:
            rare.append((t, s, lexicon.zipf(w)))
        n = lexicon.syllables(w)
        if n >= p.long_word_syllables and lexicon.zipf(w) < p.long_word_common_zipf:
            long_.append((t, s, n))
    out = []
    tip_rare = ("Kies een gewoner woord, of leg het uit. Is het een vakterm van de site? Zet het in de "
                "woordenlijst. Is het goed zo (een naam)? Zet het onder 'b1: woorden:' in de front matter, met een reden.")
    tip_long = "Kies een korter woord, of schrijf het anders: 'afspraken over de zorg' in plaats van 'zorgafspraken'."
    for items, rule, make, tip in (
        (rare, "zeldzaam-woord",
         lambda x: f"'{x[0].text}' is een weinig gebruikt woord (frequentie {nl_number(x[2])} op de Zipf-schaal; "
                   f"advies: minstens {nl_number(p.rare_zipf)}, of een samenstelling van gewone woorden).", tip_rare),
        (long_, "lang-woord",
         lambda x: f"'{x[0].text}' heeft {x[2]} lettergrepen; advies: hoogstens {p.long_word_syllables - 1}.", tip_long),
    ):
        for x in items[: p.list_words]:
            out.append(ctx.finding(x[0].line, rule, make(x), tip, text=x[1].text))
        rest = items[p.list_words:]
        if rest:
            listed = ", ".join(f"'{x[0].text}' (regel {x[0].line})" for x in rest[:25])
            more = f" en nog {len(rest) - 25}" if len(rest) > 25 else ""
            what = "weinig gebruikte woorden" if rule == "zeldzaam-woord" else "lange woorden"
            out.append(ctx.finding(rest[0][0].line, rule, f"Nog {len(rest)} {what}: {listed}{more}.", tip))
    return out


def rule_difficult_share(ctx: Context) -> list[Finding]:
    p = ctx.profile
    sents = counted_sentences(ctx.doc)
    total = sum(s.words for s in sents)
    if total < p.min_page_words:
        return []
    top = lexicon.top_words()
    judged = 0
    outside = []
    for s in sents:
        for t in s.tokens:
            if id(t) in ctx.exempt:
                continue
            judged += 1
            w = t.lower
            if w not in top and not _site_allowed(w):
                outside.append(t.text)
    if not judged:
        return []
    share = len(outside) / judged
    if share <= p.max_difficult_share:
        return []
    examples = []
    for w in outside:
        if w.lower() not in (e.lower() for e in examples):
            examples.append(w)
    return [ctx.finding(
        first_line(ctx.doc), "moeilijke-woorden",
        f"{percent(share)} van de woorden hoort niet bij de 5.000 meest gebruikte woorden; "
        f"advies: hoogstens {percent(p.max_difficult_share)}.",
        "Gebruik vaker gewone woorden. Voorbeelden op deze pagina: " + ", ".join(examples[:12]) + ".")]


@functools.lru_cache(maxsize=1)
def _textstat():
    from textstat.textstat import textstatistics  # lazy: imports nltk

    ts = textstatistics()
    ts.set_lang("nl")  # Flesch-Douma. Never "en": that downloads cmudict at run time.
    return ts


def douma_text(sentences: list[Sentence]) -> str:
    """Text for textstat: one clean sentence per sentence of 3+ words, internal stops removed."""
    parts = []
    for s in sentences:
        if s.words < 3:  # textstat ignores such sentences but keeps their words
            continue
        parts.append(" ".join(re.sub(r"[.!?…]", "", t.text) for t in s.tokens) + ".")
    return " ".join(parts)


def douma_score(sentences: list[Sentence]) -> float | None:
    text = douma_text(sentences)
    if not text:
        return None
    return float(_textstat().flesch_reading_ease(text))


def rule_douma(ctx: Context) -> list[Finding]:
    p = ctx.profile
    sents = counted_sentences(ctx.doc)
    words = sum(s.words for s in sents)
    if words < p.min_page_words:
        return []
    score = douma_score(sents)
    if score is None or score >= p.min_douma:
        return []
    measured = [s for s in sents if s.words >= 3]
    avg = sum(s.words for s in measured) / max(1, len(measured))
    return [ctx.finding(
        first_line(ctx.doc), "douma",
        f"De Flesch-Douma-score is {nl_number(score, 0)}; advies: minstens {nl_number(p.min_douma, 0)}.",
        f"Gebruik kortere zinnen (nu gemiddeld {nl_number(avg)} woorden) en kortere, gewone woorden.")]


def rule_paragraphs(ctx: Context) -> list[Finding]:
    out = []
    p = ctx.profile
    for u in ctx.doc.units:
        if u.kind == PARAGRAPH and len(u.sentences) > p.max_paragraph:
            out.append(ctx.finding(
                u.line, "lange-alinea",
                f"Deze alinea heeft {len(u.sentences)} zinnen; advies: hoogstens {p.max_paragraph}.",
                "Verdeel de alinea in stukken met elk één onderwerp, of maak een lijstje.",
                text=u.sentences[0].text))
    return out


def _norm_link_text(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s>»→]", " ", text.lower()).split())


def rule_links(ctx: Context) -> list[Finding]:
    out = []
    for lk in ctx.doc.links:
        t = _norm_link_text(lk.text)
        if t in lexicon.VAGUE_LINK_TEXTS:
            out.append(ctx.finding(
                lk.line, "vage-linktekst",
                f"De linktekst '{lk.text}' zegt niet waar de link heen gaat.",
                "Zet in de linktekst waar de lezer uitkomt, bijvoorbeeld: 'Lees meer over [kinderalimentatie](...)' "
                "in plaats van '[Klik hier](...)'. Schermlezers lezen links vaak los voor."))
    return out


PAGE_RULES = (
    rule_sentence_length,
    rule_officialese,
    rule_terms,
    rule_average,
    rule_passive,
    rule_words,
    rule_paragraphs,
    rule_difficult_share,
    rule_douma,
    rule_links,
)
