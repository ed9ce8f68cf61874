"""Word knowledge: officialese with plain alternatives, word frequency, syllables, link texts.

wordfreq and pyphen are loaded lazily (first use) and cached for the whole process.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path

from tools.core.findings import ADVISORY, BLOCKING

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Officialese:
    phrase: tuple[str, ...]  # lower-case tokens
    alternative: str
    severity: str = BLOCKING
    note: str = ""


def _entries() -> list[Officialese]:
    # (forms separated by |, plain alternative, severity, note)
    raw = [
        ("indien", "als", BLOCKING, ""),
        ("derhalve", "daarom", BLOCKING, ""),
        ("teneinde|ten einde", "om", BLOCKING, ""),
        ("middels", "met of via", BLOCKING, ""),
        ("alsmede", "en, of: en ook", BLOCKING, ""),
        ("omtrent", "over (of: ongeveer)", BLOCKING, ""),
        ("inzake", "over", BLOCKING, ""),
        ("reeds", "al", BLOCKING, ""),
        ("tevens", "ook", BLOCKING, ""),
        ("alvorens", "voordat", BLOCKING, ""),
        ("woonachtig", "wonen (bijvoorbeeld 'je woont in Breda')", BLOCKING, ""),
        ("ten behoeve van", "voor", BLOCKING, ""),
        ("echter", "maar", BLOCKING, ""),
        ("aldus", "zo, of: dus", BLOCKING, ""),
        ("ingevolge", "volgens, of: door", BLOCKING, ""),
        ("onverwijld|terstond|per omgaande", "meteen", BLOCKING, ""),
        ("hetgeen", "wat", BLOCKING, ""),
        ("wegens", "door, of: omdat", BLOCKING, ""),
        ("ten aanzien van", "over, of: voor", BLOCKING, ""),
        ("met betrekking tot", "over", BLOCKING, ""),
        ("in het kader van", "bij, of: voor", BLOCKING, ""),
        ("naar aanleiding van", "door, of: na", BLOCKING, ""),
        ("ten gevolge van|tengevolge van", "door", BLOCKING, ""),
        ("opdat", "zodat", BLOCKING, ""),
        ("danwel", "of", BLOCKING, ""),
        ("dan wel", "of (als je 'of' bedoelt)", ADVISORY, ""),
        ("mits", "als", BLOCKING, ""),
        ("nadien", "daarna", BLOCKING, ""),
        ("alsook", "en ook", BLOCKING, ""),
        ("benevens", "en, of: naast", BLOCKING, ""),
        ("voorts", "verder, of: ook", BLOCKING, ""),
        ("evenwel", "maar, of: toch", BLOCKING, ""),
        ("doch", "maar", BLOCKING, ""),
        ("jegens", "tegenover, of: voor", BLOCKING, ""),
        ("gaarne", "graag", BLOCKING, ""),
        ("thans", "nu", BLOCKING, ""),
        ("voornoemd|voornoemde|bovengenoemd|bovengenoemde|bovenvermeld|bovenvermelde",
         "noem het gewoon opnieuw, of: deze", BLOCKING, ""),
        ("onderhavig|onderhavige", "deze", BLOCKING, ""),
        ("bijgaand|bijgaande", "hierbij, of: de bijlage", BLOCKING, ""),
        ("geschieden|geschiedt|geschiedde|geschiedden", "gebeuren", BLOCKING, ""),
        ("behoeven|behoeft|behoefde", "hoeven", BLOCKING, ""),
        ("trachten|tracht|trachtte|trachtten", "proberen", BLOCKING, ""),
        ("te allen tijde", "altijd", BLOCKING, ""),
        ("krachtens", "volgens", BLOCKING, ""),
        ("dientengevolge", "daardoor", BLOCKING, ""),
        ("desalniettemin|niettemin|nochtans", "toch", BLOCKING, ""),
        ("niettegenstaande", "ondanks", BLOCKING, ""),
        ("alwaar", "waar", BLOCKING, ""),
        ("zulks", "dat", BLOCKING, ""),
        ("dusdanig|dusdanige", "zo, of: zo'n", BLOCKING, ""),
        ("hieromtrent", "hierover", BLOCKING, ""),
        ("daaromtrent", "daarover", BLOCKING, ""),
        ("aangaande", "over", BLOCKING, ""),
        ("conform", "volgens", BLOCKING, ""),
        ("ter zake|terzake", "hierover, of: over", BLOCKING, ""),
        # Advisory: often fine, but a plainer word usually exists.
        ("betreffende", "over", ADVISORY, ""),
        ("op grond van", "volgens, of: door", ADVISORY, ""),
        ("in verband met", "door, of: omdat", ADVISORY, ""),
        ("verstrekken|verstrekt|verstrekte|verstrekten", "geven", ADVISORY, ""),
        ("verkrijgen|verkrijgt", "krijgen", ADVISORY, ""),
        ("zodoende", "zo, of: daardoor", ADVISORY, ""),
        ("evenals", "net als, of: en", ADVISORY, ""),
        ("voornamelijk", "vooral", ADVISORY, ""),
        ("dergelijk|dergelijke", "zo'n, of: zulke", ADVISORY, ""),
        ("aanvang", "begin", ADVISORY, ""),
        ("aanvangen|vangt aan", "beginnen", ADVISORY, ""),
        ("uiteraard", "natuurlijk", ADVISORY, ""),
        ("hiertoe", "hiervoor", ADVISORY, ""),
        ("daartoe", "daarvoor", ADVISORY, ""),
        ("zoals bedoeld in|als bedoeld in", "zoals staat in", ADVISORY, ""),
        ("dienaangaande", "daarover", BLOCKING, ""),
        ("alsdan", "dan", BLOCKING, ""),
        ("eveneens", "ook", ADVISORY, ""),
        ("wederom", "weer, of: opnieuw", ADVISORY, ""),
        ("teneinde", "om", BLOCKING, ""),
    ]
    out = []
    seen = set()
    for forms, alt, sev, note in raw:
        for form in forms.split("|"):
            key = tuple(form.split())
            if key in seen:
                continue
            seen.add(key)
            out.append(Officialese(key, alt, sev, note))
    return out


OFFICIALESE: list[Officialese] = _entries()
#: first token -> entries starting with it, longest first
OFFICIALESE_INDEX: dict[str, list[Officialese]] = {}
for _e in sorted(OFFICIALESE, key=lambda e: -len(e.phrase)):
    OFFICIALESE_INDEX.setdefault(_e.phrase[0], []).append(_e)

#: forms of "dienen" that, followed by "te" in the same sentence, make "dienen te" (→ moeten)
DIENEN_FORMS = frozenset("dien dient dienen diende dienden".split())
#: link texts that do not say where the link goes
VAGUE_LINK_TEXTS = frozenset(
    """hier|klik hier|klik|hier klikken|klik op deze link|lees meer|lees verder|lees hier|meer|
    meer info|meer informatie|deze link|link|via deze link|zie hier|kijk hier|deze pagina|pagina|
    website|deze website|download|bekijk|verder|>>|»|→""".replace("\n", "").split("|")
)

PASSIVE_AUX = frozenset("word wordt worden werd werden".split())
_PARTICIPLE_RE = re.compile(r"^[a-zà-ÿ]*ge[a-zà-ÿ]{2,}(?:d|t|en)$|^(?:be|ver|ont|her|er)[a-zà-ÿ]{2,}[dt]$")
#: strong participles without "ge" (be-/ver-/ont-/her-/er- + -en) that the pattern cannot tell
#: from infinitives
_STRONG_PARTICIPLES = frozenset(
    """besproken beschreven bevolen verboden verkregen vergeten verschenen verzonden ontvangen
    ontslagen ontnomen verbonden bewezen beslecht bedongen verworven ervaren verloren vertrokken
    verheven ontheven ontbonden benoemd""".split()
)
#: words that match the pattern but are not participles
_NOT_PARTICIPLE = frozenset(
    """geworden gebied gebieden gezicht gezichten gevecht gevechten gerecht gerechten geheugen
    gedachten gelegenheid gevolgen gebeuren gelden gebruiken gesprekken gevallen gemeenten
    gezinnen geheimen getallen gebouwen gewoonten geleden gemiddeld begeleiden geduld gebed
    geloven genieten gemoed gezant gehalte bericht verband verbod verlof verstand verzet bestand
    bedrag besef overigens volgens verschillend verkeerd verleden beleid beroemd bekend
    verstandig vriendelijkheid geweld ernst""".split()
)


def looks_like_participle(word: str) -> bool:
    w = word.lower()
    if w in _STRONG_PARTICIPLES:
        return True
    if w in _NOT_PARTICIPLE or w.endswith(("heid", "teit", "ing", "schap", "lijk", "ig")):
        return False
    return bool(_PARTICIPLE_RE.match(w))


# --------------------------------------------------------------------------- frequency


@functools.lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    import wordfreq  # lazy: about 0.2 s import + 0.1 s data

    return wordfreq.get_frequency_dict("nl", wordlist="best")


@functools.lru_cache(maxsize=1)
def top_words(n: int = 5000) -> frozenset[str]:
    import wordfreq

    return frozenset(wordfreq.top_n_list("nl", n))


_EMPHASIS_ACCENTS = str.maketrans("áéíóúÁÉÍÓÚ", "aeiouAEIOU")


def zipf(word: str) -> float:
    """Zipf frequency (0-8) of a lower-case word in Dutch; 0 when unknown.

    Accents used for emphasis (kúnnen, dát) are ignored when the accented form is unknown.
    """
    freqs = _frequencies()
    f = freqs.get(word)
    if not f:
        plain = word.translate(_EMPHASIS_ACCENTS)
        if plain != word:
            f = freqs.get(plain)
    return math.log10(f) + 9 if f else 0.0


@functools.lru_cache(maxsize=100_000)
def is_common(word: str, threshold: float, part_threshold: float) -> bool:
    """A word is common when it is frequent itself, or a compound of frequent parts.

    Dutch writes compounds as one word (huurtoeslag, omgangsafspraken): try to split the word
    into two parts (the first may end in a linking s, e or en) that are each frequent, or whose
    second part can be split again.
    """
    w = word.lower()
    if "-" in w or "/" in w:
        parts = [p for p in re.split(r"[-/]", w) if p]
        return bool(parts) and all(is_common(p, threshold, part_threshold) for p in parts)
    if zipf(w) >= threshold:
        return True
    return _compound(w, part_threshold, 2)


def _compound(w: str, part_threshold: float, depth: int) -> bool:
    n = len(w)
    if n < 6:
        return False
    for i in range(3, n - 2):
        left, right = w[:i], w[i:]
        if zipf(right) < part_threshold and not (depth > 1 and _compound(right, part_threshold, depth - 1)):
            continue
        for cut in (0, 1, 2):
            stem = left[: len(left) - cut] if cut else left
            if cut == 1 and not left.endswith(("s", "e")):
                continue
            if cut == 2 and not left.endswith("en"):
                continue
            if len(stem) >= 3 and zipf(stem) >= part_threshold:
                return True
    return False


# --------------------------------------------------------------------------- syllables

_VOWEL_GROUP_RE = re.compile(r"aai|ooi|oei|eeu|ieu|aa|ee|oo|uu|ie|oe|eu|ui|ei|ij|ou|au|[aeiouyáéíóúàèëïöüâêîôû]")


@functools.lru_cache(maxsize=1)
def _pyphen():
    try:
        import pyphen
    except ImportError:  # pragma: no cover - pyphen is a pinned dependency
        return None
    return pyphen.Pyphen(lang="nl_NL", left=1, right=1)


@functools.lru_cache(maxsize=100_000)
def syllables(word: str) -> int:
    """Syllables in a Dutch word (pyphen nl_NL; vowel groups as a fallback)."""
    if "/" in word:  # alternatives (geweld/kindermishandeling): the longest one counts
        return max(syllables(p) for p in word.split("/"))
    total = 0
    hyph = _pyphen()
    for part in re.split(r"[-'’.]", word.lower()):
        if not part or not re.search(r"[^\W\d_]", part):
            continue
        if hyph is not None:
            total += len(hyph.positions(part)) + 1
        else:
            total += max(1, len(_VOWEL_GROUP_RE.findall(part)))
    return total


# --------------------------------------------------------------------------- allowed words


@functools.lru_cache(maxsize=1)
def site_allowed_words() -> frozenset[str]:
    """Words and names that are fine on every page (data/toegestaan.txt), lower case."""
    path = DATA_DIR / "toegestaan.txt"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line.lower())
    return frozenset(words)
