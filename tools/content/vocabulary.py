"""The search vocabulary editors maintain (docs/_data/zoekwoorden.yml): load, validate, apply.

The vocabulary holds, per page and language, extra words people use for its topic (synonyms,
word forms, children's words: hidden keywords in the search index), best bets (a query that
contains one of the patterns always puts the page first; `gevaar` bets also show the direct-help
line and hide snippets), audiences (words that show who is asking, such as "mijn ouders" or
"leerling": a query with one of them prefers that group of pages), words that must never lead to a
page, page weights, and the safety net (`gevaar_vangnet`: a person from home named and the safety
page among the first results by content puts that page first; see safety_net), and words that
together are no danger (`geen_gevaar`: "dreigt met een advocaat"; see calmed). Danger patterns are
read with care for haste: a slip in a danger word is mended (repaired), "mn"/"me" is "mijn", a
final d/t is one sound, and a "mijn" inside a danger act may be left out.

Every problem is a Dutch Finding with file and line. `plan_query` is the Python twin of the query
rewriting in docs/assets/js/zoeken.js (typo, word form and compound handling, best bets): the tests
measure the site's search with it, and the browser test checks the JavaScript gives the same ranks.
"""

from __future__ import annotations

import difflib
import fnmatch
import functools
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tools.core.findings import Finding
from tools.core.pages import GENERATED_LOCATIONS
from tools.hulp.load import _compose, _Reader

VOCAB_FILE = Path("docs") / "_data" / "zoekwoorden.yml"
LANGS = ("nl", "en")
TOP_FIELDS = {
    "paginas": False,
    "voorrang": False,
    "doelgroepen": False,
    "gevaar_samen": False,
    "gevaar_vangnet": False,
    "geen_gevaar": False,
    "nooit": False,
    "gewicht": False,
    "gewone_woorden": False,
}
# A pattern is one or more words; a word may end in * ("begins with"). Letters, digits, ' and accents.
WORD_RE = re.compile(r"^[a-z0-9\u00e0-\u00ff']+\*?$")
MIN_PREFIX = 3  # "ge*" would match half the language
ANY = "*"  # a pattern word that matches any one word: "maakt * kapot" fits "maakt mijn spullen kapot"
MAX_TEXT = 80


@dataclass(frozen=True)
class Bet:
    page: str  # location, e.g. "veiligheid/"
    patterns: dict[str, tuple[tuple[str, ...], ...]]  # lang -> patterns, each a tuple of words
    danger: bool = False
    line: int = 0


@dataclass(frozen=True)
class Audience:
    """Who is asking: a query with one of the patterns prefers the pages that match `pages`
    (a location pattern such as "jongeren*"). `above_danger`: for professionals' words only; their
    pages then rank above the safety page (the direct-help line still shows)."""

    pages: str
    patterns: dict[str, tuple[tuple[str, ...], ...]]
    above_danger: bool = False
    line: int = 0
    # Words that show someone else is asking: "papa" from a parent who says "de kinderen" is no child.
    unless: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    @property
    def marker(self) -> str:
        return MARKER + "groep" + re.sub(r"[^a-z0-9]", "", self.pages.lower())


@dataclass(frozen=True)
class DangerPair:
    """Danger in one's own words: a person ("hij", "mijn ex") and a harmful act or feeling ("gooit",
    "keel", "gevaarlijk") in the same query, in any order, show the page first with the help line."""

    page: str
    who: dict[str, tuple[tuple[str, ...], ...]]
    what: dict[str, tuple[tuple[str, ...], ...]]
    line: int = 0


@dataclass(frozen=True)
class SafetyNet:
    """Danger in words no list has yet: a query that names one of these persons and whose results
    by content have the page among the first few gets that page first (see safety_net)."""

    page: str
    who: dict[str, tuple[tuple[str, ...], ...]]
    line: int = 0


@dataclass(frozen=True)
class Never:
    page: str  # "" = the words are dropped from every query
    words: dict[str, tuple[str, ...]]
    line: int = 0


@dataclass
class Vocabulary:
    words: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # location -> lang -> words
    bets: list[Bet] = field(default_factory=list)
    audiences: list[Audience] = field(default_factory=list)
    pairs: list[DangerPair] = field(default_factory=list)
    net: SafetyNet | None = None
    # Words that are no danger together ("dreigt met een advocaat"): they do not count for danger.
    calm: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    never: list[Never] = field(default_factory=list)
    weights: list[tuple[str, float]] = field(default_factory=list)  # (location pattern, boost)
    ordinary: dict[str, tuple[str, ...]] = field(default_factory=dict)  # place names that are common words

    def weight(self, location: str, default: float = 1.0) -> float:
        page = location.split("#")[0]
        for pattern, boost in self.weights:
            if fnmatch.fnmatchcase(page, pattern):
                return boost
        return default


@functools.lru_cache(maxsize=1)
def stop_words() -> list[str]:
    """The stop words of the site's lunr (Dutch from Material's lunr-languages, English from lunr)."""
    import importlib.util

    from lunr.stop_word_filter import WORDS

    # A data file of the theme, located without importing the theme (only hooks/ import MkDocs).
    theme = Path(importlib.util.find_spec("material").origin).parent
    js = theme / "templates/assets/javascripts/lunr/min/lunr.nl.min.js"
    match = re.search(r'generateStopWordFilter\("([^"]+)"\.split', js.read_text(encoding="utf-8"))
    return sorted(set(match.group(1).split() if match else ()) | set(WORDS))


def known_pages(docs: Path, municipalities: list[str]) -> set[str]:
    """Locations (as in the search index) of the Dutch pages, plus the generated help pages."""
    found = {"", *GENERATED_LOCATIONS} | {f"hulp/{m}/" for m in municipalities}
    for path in Path(docs).rglob("*.md"):
        rel = path.relative_to(docs)
        if rel.parts[0].startswith("_") or rel.name.startswith("_") or rel.name.endswith(".en.md"):
            continue
        stem = rel.with_suffix("").as_posix()
        if stem == "index":
            found.add("")
        elif stem.endswith("/index"):
            found.add(stem[: -len("index")])
        else:
            found.add(stem + "/")
    return found


def page_location(value: str) -> str:
    """'veiligheid', 'veiligheid.md', '/jongeren/praten/' -> 'veiligheid/', 'jongeren/praten/'."""
    value = value.strip().strip("/")
    if value.endswith(".md"):
        value = value[:-3]
    if value in ("", "index"):
        return ""
    if value.endswith("/index"):
        value = value[: -len("/index")]
    return value + "/"


def load_vocabulary(path: Path, pages: set[str], display: str = "") -> tuple[Vocabulary, list[Finding]]:
    """Read and validate the vocabulary. Returns what is valid and every finding (never raises)."""
    display = display or Path(path).as_posix()
    findings: list[Finding] = []
    vocab = Vocabulary()
    if not Path(path).exists():
        return vocab, findings
    node = _compose(Path(path), findings, display)
    if node is None:
        return vocab, findings
    r = _Reader(display, findings)
    top = r.mapping(node, "bestand", TOP_FIELDS)
    if top is None:
        return vocab, findings

    def page_of(n: yaml.Node | None, fieldname: str) -> str | None:
        value = r.scalar(n, fieldname)
        if value is None:
            return None
        loc = page_location(value)
        if loc not in pages:
            close = difflib.get_close_matches(loc, sorted(pages), n=1)
            r.error(
                n,
                fieldname,
                f"De pagina '{value}' bestaat niet.",
                (f"Bedoel je '{close[0].rstrip('/') or 'index'}'? " if close else "")
                + "Schrijf de naam van het bestand in docs/ zonder .md, bijvoorbeeld veiligheid of jongeren/praten.",
                rule="zoekwoorden",
            )
            return None
        return loc

    def texts(n: yaml.Node | None, fieldname: str) -> list[str]:
        out = []
        for item in r.sequence(n, fieldname):
            value = r.string(item, fieldname)
            if not value:
                continue
            if len(value) > MAX_TEXT:
                r.error(
                    item,
                    fieldname,
                    f"'{value[:40]}...' is te lang voor een zoekwoord.",
                    f"Houd een zoekwoord korter dan {MAX_TEXT} tekens.",
                    rule="zoekwoorden",
                )
                continue
            out.append(value)
        return out

    def patterns(n: yaml.Node | None, fieldname: str, bet: bool = False) -> tuple[tuple[str, ...], ...]:
        out = []
        for item in r.sequence(n, fieldname):
            value = r.scalar(item, fieldname)
            if not value:
                if value is not None:
                    r.error(item, fieldname, "Er staat een leeg zoekpatroon.", "Haal de lege regel weg.", rule="zoekpatroon")
                continue
            # The search never sees one-letter words ("a", "i": see words_of), so neither does a
            # pattern: "wants a divorce" is "wants divorce", and still matches "she wants a divorce".
            words = tuple(w for w in value.lower().split() if len(w) > 1 or w == ANY)
            if not words:
                r.error(
                    item,
                    fieldname,
                    f"Het zoekpatroon '{value}' is te kort.",
                    "Gebruik woorden van minstens twee letters.",
                    rule="zoekpatroon",
                )
                continue
            # A lone * stands for any one word, only between two words ("maakt * kapot").
            bad = [w for i, w in enumerate(words) if not (WORD_RE.match(w) or (w == ANY and 0 < i < len(words) - 1))]
            if bad:
                r.error(
                    item,
                    fieldname,
                    f"Het zoekpatroon '{value}' kan niet: '{bad[0]}'.",
                    "Gebruik alleen letters, cijfers en spaties. Een * mag aan het eind van een woord "
                    "en betekent 'begint met'. Een losse * tussen twee woorden staat voor één woord naar keuze "
                    "('maakt * kapot'). Geen andere tekens.",
                    rule="zoekpatroon",
                )
                continue
            if bet and len(words) == 1 and (words[0] in stop_words() or (len(words[0]) < MIN_PREFIX and not words[0].isdigit())):
                r.error(
                    item,
                    fieldname,
                    f"'{value}' staat in bijna elke zoekvraag.",
                    "Kies een woord dat iets zegt over het onderwerp, of schrijf een paar woorden achter elkaar "
                    "(bijvoorbeeld 'bang voor').",
                    rule="zoekpatroon",
                )
                continue
            short = [w for w in words if w != ANY and w.endswith("*") and len(w) - 1 < MIN_PREFIX]
            if short:
                r.error(
                    item,
                    fieldname,
                    f"'{short[0]}' in '{value}' past op te veel woorden.",
                    f"Zet minstens {MIN_PREFIX} letters voor de *.",
                    rule="zoekpatroon",
                )
                continue
            out.append(words)
        return tuple(out)

    def items(n: yaml.Node | None, fieldname: str) -> list[tuple[yaml.Node, yaml.Node]]:
        """The name: value pairs of a block, with a Dutch error when it is not such a block."""
        if n is None:
            return []
        if not isinstance(n, yaml.MappingNode):
            r.error(
                n,
                fieldname,
                f"Onder '{fieldname}' horen regels als 'naam: waarde'.",
                "Zet elke pagina op een eigen regel, ingesprongen onder deze naam, met een dubbele punt erachter.",
                rule="zoekwoorden",
            )
            return []
        return list(n.value)

    for key_node, value_node in items(top.get("paginas"), "paginas"):
        loc = page_of(key_node, "paginas")
        langs = r.mapping(value_node, f"paginas.{key_node.value}", {"nl": False, "en": False})
        if loc is None or langs is None:
            continue
        entry = vocab.words.setdefault(loc, {})
        for lang in LANGS:
            entry.setdefault(lang, []).extend(texts(langs.get(lang), f"paginas.{key_node.value}.{lang}"))

    for i, item in enumerate(r.sequence(top.get("voorrang"), "voorrang")):
        m = r.mapping(item, f"voorrang[{i + 1}]", {"pagina": True, "gevaar": False, "nl": False, "en": False})
        if m is None:
            continue
        loc = page_of(m.get("pagina"), f"voorrang[{i + 1}].pagina")
        pats = {lang: patterns(m.get(lang), f"voorrang[{i + 1}].{lang}", bet=True) for lang in LANGS}
        if not any(pats.values()) and not ("nl" in m or "en" in m):
            r.error(
                item,
                f"voorrang[{i + 1}]",
                "Er staan geen zoekpatronen bij deze voorrang.",
                "Zet onder 'nl:' en/of 'en:' de woorden waarmee mensen zoeken.",
                rule="zoekpatroon",
            )
        if loc is not None:
            vocab.bets.append(
                Bet(loc, pats, r.boolean(m.get("gevaar"), f"voorrang[{i + 1}].gevaar", False), item.start_mark.line + 1)
            )

    for i, item in enumerate(r.sequence(top.get("gevaar_samen"), "gevaar_samen")):
        name = f"gevaar_samen[{i + 1}]"
        m = r.mapping(item, name, {"pagina": True, "wie": True, "wat": True})
        if m is None:
            continue
        loc = page_of(m.get("pagina"), f"{name}.pagina")
        sides = {}
        for side in ("wie", "wat"):
            langs = r.mapping(m.get(side), f"{name}.{side}", {"nl": False, "en": False}) or {}
            sides[side] = {lang: patterns(langs.get(lang), f"{name}.{side}.{lang}", bet=side == "wat") for lang in LANGS}
        if loc is not None:
            vocab.pairs.append(DangerPair(loc, sides["wie"], sides["wat"], item.start_mark.line + 1))

    net_node = top.get("gevaar_vangnet")
    m = r.mapping(net_node, "gevaar_vangnet", {"pagina": True, "wie": True}) if net_node is not None else None
    if m is not None:
        loc = page_of(m.get("pagina"), "gevaar_vangnet.pagina")
        langs = r.mapping(m.get("wie"), "gevaar_vangnet.wie", {"nl": False, "en": False}) or {}
        who = {lang: patterns(langs.get(lang), f"gevaar_vangnet.wie.{lang}") for lang in LANGS}
        if loc is not None:
            vocab.net = SafetyNet(loc, who, net_node.start_mark.line + 1)

    calm = top.get("geen_gevaar")
    m = r.mapping(calm, "geen_gevaar", {"nl": False, "en": False}) if calm is not None else None
    for lang in LANGS if m else ():
        vocab.calm[lang] = patterns(m.get(lang), f"geen_gevaar.{lang}", bet=True)

    for i, item in enumerate(r.sequence(top.get("doelgroepen"), "doelgroepen")):
        name = f"doelgroepen[{i + 1}]"
        m = r.mapping(item, name, {"paginas": True, "boven_gevaar": False, "behalve": False, "nl": False, "en": False})
        if m is None:
            continue
        target = r.scalar(m.get("paginas"), f"{name}.paginas")
        pats = {lang: patterns(m.get(lang), f"{name}.{lang}", bet=True) for lang in LANGS}
        unless_langs = (
            (r.mapping(m.get("behalve"), f"{name}.behalve", {"nl": False, "en": False}) or {}) if "behalve" in m else {}
        )
        unless = {lang: patterns(unless_langs.get(lang), f"{name}.behalve.{lang}", bet=True) for lang in LANGS}
        if target is None:
            continue
        pattern = target.strip().strip("/")
        pattern = pattern if pattern.endswith("*") else page_location(pattern)
        if not any(fnmatch.fnmatchcase(p, pattern) for p in pages):
            r.error(
                m.get("paginas"),
                f"{name}.paginas",
                f"Geen enkele pagina past bij '{target}'.",
                "Schrijf het begin van de paginanamen met een * erachter, bijvoorbeeld jongeren* of professionals*.",
                rule="zoekwoorden",
            )
            continue
        above = r.boolean(m.get("boven_gevaar"), f"{name}.boven_gevaar", False)
        vocab.audiences.append(Audience(pattern, pats, above, item.start_mark.line + 1, unless))

    for i, item in enumerate(r.sequence(top.get("nooit"), "nooit")):
        m = r.mapping(item, f"nooit[{i + 1}]", {"pagina": False, "nl": False, "en": False})
        if m is None:
            continue
        loc = page_of(m.get("pagina"), f"nooit[{i + 1}].pagina") if "pagina" in m else ""
        words = {}
        for lang in LANGS:
            pats = patterns(m.get(lang), f"nooit[{i + 1}].{lang}")
            multi = [p for p in pats if len(p) > 1]
            if multi:
                r.error(
                    m.get(lang),
                    f"nooit[{i + 1}].{lang}",
                    f"'{' '.join(multi[0])}' is meer dan één woord.",
                    "Zet bij 'nooit' losse woorden, elk op een eigen regel.",
                    rule="zoekpatroon",
                )
            words[lang] = tuple(p[0] for p in pats if len(p) == 1)
        if loc is not None:
            vocab.never.append(Never(loc, words, item.start_mark.line + 1))

    for key_node, value_node in items(top.get("gewicht"), "gewicht"):
        pattern = page_location(str(key_node.value)) if "*" not in str(key_node.value) else str(key_node.value).strip("/") + "/"
        if "*" not in pattern and pattern not in pages:
            page_of(key_node, "gewicht")
            continue
        value = r.scalar(value_node, f"gewicht.{key_node.value}")
        try:
            boost = float(value)
        except (TypeError, ValueError):
            boost = -1.0
        if not 0 < boost <= 10:
            r.error(
                value_node,
                f"gewicht.{key_node.value}",
                f"'{value}' is geen goed gewicht.",
                "Schrijf een getal groter dan 0 en hoogstens 10, bijvoorbeeld 0.5 (minder) of 2 (meer). "
                "Gebruik een punt, geen komma.",
                rule="zoekwoorden",
            )
            continue
        vocab.weights.append((pattern, boost))

    ordinary = top.get("gewone_woorden")
    if ordinary is not None:
        m = r.mapping(ordinary, "gewone_woorden", {"nl": False, "en": False})
        for lang in LANGS:
            if m and lang in m:
                vocab.ordinary[lang] = tuple(w.lower() for w in texts(m[lang], f"gewone_woorden.{lang}"))
    return vocab, findings


def check_vocabulary(root: Path, municipalities: list[str]) -> list[Finding]:
    """The gate for `python -m tools check`."""
    root = Path(root)
    return load_vocabulary(root / VOCAB_FILE, known_pages(root / "docs", municipalities), VOCAB_FILE.as_posix())[1]


# ---------------------------------------------------------------------------- query planning
# Keep in step with docs/assets/js/zoeken.js (tests/test_browser_search.py compares both).

TAG_RE = re.compile(r"<[^>]*>")
SEPARATOR_RE = re.compile(r"[\s\-]+")
EDGE_RE = re.compile(r"^[^a-z0-9\u00e0-\u00ff]+|[^a-z0-9\u00e0-\u00ff]+$")
ALPHABET = "abcdefghijklmnopqrstuvwxyz\u00e9\u00eb\u00ef\u00f6\u00fc"
SUFFIXES = ("'s", "ing", "ed", "en", "es", "s", "e", "n")  # longest first; English -ing/-ed too

MARKER = "zzp"
TYPO_MIN = 5
PART_MIN = 4
HEAD_MIN = 5  # a compound's first part: a known word, or the known beginning of one if this long
EXACT_BOOST = 4
KEY_BOOST = 12  # a query word that is a one-word entry of the editors' vocabulary (rules "kern")
# A pattern of several words also matches with a few small words in between ("valt lastig" in
# "valt mij steeds lastig"): stop words or these, at most MAX_GAP in a row.
MAX_GAP = 3
# Short forms typed on a phone, read as the word they stand for ("mn ex" is "mijn ex").
SHORT_FORMS = {
    "mn": "mijn", "m'n": "mijn", "zn": "zijn", "z'n": "zijn", "d'r": "haar",
    "snachts": "nachts", "savonds": "avonds", "smorgens": "morgens", "sochtends": "ochtends",
    "gwn": "gewoon", "hes": "he's", "shes": "she's",
}  # fmt: skip
# Phone spelling of one language only (Dutch "wil" and "kil" are words of their own).
SHORT_FORMS_OF = {
    "en": {
        "bf": "boyfriend", "gf": "girlfriend", "sed": "said", "sez": "says", "wil": "will", "kil": "kill",
        "kils": "kills", "leve": "leave", "ur": "your", "cuz": "because", "coz": "because", "bc": "because",
        "wanna": "want to", "wana": "want to", "gonna": "going to", "gotta": "got to",
    },
}  # fmt: skip
# A fourth reading, for danger patterns only (see plan_query): a spoken "me" for "mijn" ("me man slaat
# me"), and an act told about someone else as if about "me" ("hij slaat haar", "burns her"): the acts
# need not be written twice. Objects only: "her pension" or "zijn loon" are no "my pension". Also "she
# wants to die" and a learner's "hij heb". Not "himself": "he hurt himself at football" is no self-harm.
SPOKEN_OF = {  # per language: "me" is "mijn" in Dutch only ("my ex is killing me with the schedule")
    "nl": {"me": "mijn", "haar": "me", "hem": "me", "heb": "heeft"},
    "en": {"her": "me", "him": "me", "wants": "want"},
}
DT_MIN = 4  # a word this long may end in d, t or dt for the same sound ("slaad" is "slaat")
FILLERS = (
    "steeds", "soms", "vaak", "weer", "telkens", "constant", "continu", "echt", "heel", "erg",
    "gewoon", "zomaar", "altijd", "overal", "stiekem", "always", "sometimes", "again", "constantly",
    "really", "secretly", "elke", "iedere", "ieder", "every", "each", "ermee", "erover",
    # when and how precisely ("staat elke avond bij mijn huis", "weet steeds precies waar ik ben")
    "avond", "avonds", "nacht", "nachts", "dag", "ochtend", "middag", "week", "weekend", "keer",
    "precies", "zelfs", "alweer", "opnieuw", "helemaal", "hele", "vandaag", "gisteren", "vannacht",
    "vanavond", "laatst", "night", "day", "evening", "morning", "time", "still", "even",
    "now", "whole", "literally", "already", "tonight", "today", "yesterday", "lately", "exactly",
    # a modal between a person and the act ("scared i can't afford", "says he'll take")
    "can't", "cant", "won't", "wont", "i'll", "he'll", "she'll", "i'm", "im", "gonna", "going",
)  # fmt: skip
# Separable verb parts: "aangeslagen" or "overgeslagen" are not "geslagen" in a compound. Also the
# prefixes that make a new verb: "ontslaat" (fires) and "verslaat" (beats in a game) are not "slaat".
PARTICLES = (
    "aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "terug", "toe", "uit", "voor",
    "weg", "achter", "vast", "los", "neer", "samen", "tegen", "onder", "binnen", "buiten",
    "ont", "ver", "her",
)  # fmt: skip
AUDIENCE_BOOST = 30
ABOVE_DANGER_BOOST = 200  # above the safety page as second bet (100), below a first bet (1000)
BET_BOOSTS = (1000, 100, 10, 1)  # first, second and third best bet (one step down below a professional group)


def marker(location: str) -> str:
    """The hidden token that identifies a page in the index (for best bets and exclusions)."""
    return MARKER + re.sub(r"[^a-z0-9]", "", location.replace("/", "x")) if location else MARKER + "home"


APOSTROPHES_RE = re.compile("[\u2018\u2019\u02bc\u0060\u00b4]")  # phones type \u2019: "don\u2019t" is "don't"


def words_of(text: str) -> list[str]:
    out = []
    plain = APOSTROPHES_RE.sub("'", html.unescape(TAG_RE.sub(" ", text or "")).lower())
    for raw in SEPARATOR_RE.split(plain):
        word = EDGE_RE.sub("", raw)
        if len(word) >= 2:
            out.append(word)
    return out


class Dictionary:
    """Every word of one language's index with its document frequency (markers left out)."""

    def __init__(self, docs: list[dict]):
        freq: dict[str, int] = {}
        topic: set[str] = set()  # words of titles, headings and hidden keywords: what typos aim at
        for doc in docs:
            seen = set()
            for name in ("title", "text", "woorden"):
                found = words_of(doc.get(name) or "")
                seen.update(found)
                if name != "text":
                    topic.update(w for w in found if not w.startswith(MARKER))
            for word in seen:
                if not word.startswith(MARKER):
                    freq[word] = freq.get(word, 0) + 1
        self.freq = freq
        self.sorted = sorted(freq)
        self.topic = topic
        self.topic_sorted = sorted(topic)

    def has_prefix(self, prefix: str, words: list[str] | None = None) -> bool:
        import bisect

        words = self.sorted if words is None else words
        i = bisect.bisect_left(words, prefix)
        return i < len(words) and words[i].startswith(prefix)

    def correct(self, word: str) -> str | None:
        """A known word one letter away (or a known beginning of one), the most frequent first."""
        cands = set()
        for i in range(len(word) + 1):
            # The first letter stays (two letters may swap): people seldom miss it, and a new first
            # letter turns a real word into another one ("verblijf" -> "overblijf").
            if i > 0:
                for c in ALPHABET:
                    cands.add(word[:i] + c + word[i:])
                    if i < len(word):
                        cands.add(word[:i] + c + word[i + 1 :])
                if i < len(word):
                    cands.add(word[:i] + word[i + 1 :])
            if i < len(word) - 1:
                cands.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
        cands.discard(word)
        best = None
        for cand in cands:
            # Only towards topic words (titles, headings, keywords): a real word that the body text
            # happens to lack is not rewritten into another body word ("raken" -> "reken").
            if len(cand) < TYPO_MIN - 1:
                continue
            if cand in self.topic:
                key = (2, self.freq.get(cand, 0), cand)
            elif len(cand) > TYPO_MIN and self.has_prefix(cand, self.topic_sorted):  # "alive" is no "alime(ntatie)"
                key = (1, 0, cand)
            else:
                continue
            if best is None or key[:2] > best[:2] or (key[:2] == best[:2] and key[2] < best[2]):
                best = key
        return best[2] if best else None

    def split(self, word: str) -> list[str] | None:
        """A compound as two known words (kinderalimentatiebedrag -> kinderalimentatie bedrag, also with
        the linking s: scheidingsmediator -> scheiding mediator), or its longest known beginning
        (alimentatieplicht -> alimentatie). The first part is a known word or a long known beginning
        ("weiger" + "ouder"): "verblijf" is not "verb" + "lijf"."""
        for cut in range(PART_MIN, len(word) - PART_MIN + 1):
            head, tail = word[:cut], word[cut:]
            if head in PARTICLES:  # "overgeslagen" is not "over" + "geslagen"
                continue
            word_ok = head in self.freq or (len(head) >= HEAD_MIN and self.has_prefix(head))
            link_ok = head.endswith("s") and head[:-1] in self.freq  # the linking s: scheidings-
            if tail in self.freq and (word_ok or link_ok):
                return [head if word_ok else head[:-1], tail]
        for cut in range(len(word) - PART_MIN, TYPO_MIN, -1):  # the rest is a word too, not an ending
            if word[:cut] in self.freq:
                return [word[:cut]]
        return None


@dataclass
class Plan:
    query: str  # what zoeken.js sends to Material's worker (before Material adds the *)
    danger: bool
    bets: list[str]
    words: list[str]
    net: bool = False  # no danger words, but someone from home is named: see safety_net


def safety_net(plan: Plan, ranked: list[str], safety: str, within: int) -> tuple[list[str], bool]:
    """Danger in words no list has yet: a query that names someone from home ("mijn man", "hij")
    and whose results by content have the safety page among the first `within` gets that page
    first, with the help line. Returns the pages and whether the net caught the query."""
    if not plan.net or safety not in ranked[:within]:
        return ranked, False
    return [safety] + [p for p in ranked if p != safety], True


def normalise(word: str, dictionary: Dictionary) -> list[str]:
    """A query word as the index knows it: unchanged, a word form, a typo fixed, or compound parts."""
    if dictionary.has_prefix(word):
        return [word]
    beginning = None  # a stem that only begins words ("gewels" -> "gewel"): a typo fix may know better
    for suffix in SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= PART_MIN and dictionary.has_prefix(stem):
            if stem in dictionary.freq:
                return [stem]
            beginning = beginning or stem
    if len(word) >= TYPO_MIN:
        fixed = dictionary.correct(word)
        if fixed and (beginning is None or fixed in dictionary.topic):
            return [fixed]
        if beginning:
            return [beginning]
        parts = dictionary.split(word)
        if parts:
            return parts
    return [beginning or word]


COMPOUND_MIN = 5  # a pattern this long also matches as the last part of a compound word


def _head_ok(head: str) -> bool:
    return len(head) >= 3 and head not in PARTICLES


def _final_t(word: str) -> str:
    """Dutch writers mix up a final d, t and dt ("hij slaad", "word"): one spelling for all three."""
    if word.endswith("dt"):
        return word[:-2] + "t"
    return word[:-1] + "t" if word.endswith("d") else word


@functools.lru_cache(maxsize=1 << 17)  # some two thousand patterns meet the same few query words
def _word_matches(pattern: str, word: str, whole: bool = False, slip: bool = False) -> bool:
    """Dutch puts the head of a compound last: 'geweld' also matches 'partnergeweld', and
    'mishandel*' also 'kindermishandeling'. The part in front must be 3 letters or more and not a
    separable verb part ('aangeslagen' is not about hitting). A lone * matches any word.
    `whole`: the word itself only (place names: 'opheffen' is not about Effen). `slip` (calm patterns):
    a whole word of TYPO_MIN letters or more also with one slip ("dreigt met een advocat")."""
    if pattern == ANY:
        return word != CALMED
    if word.endswith("'s") and not pattern.endswith("'s"):
        word = word[:-2]  # "my dad's" is about "my dad"; Dutch "papa's" too
    if "'" in pattern and "'" not in word:
        pattern = pattern.replace("'", "")  # typed in a hurry: "wont" is "won't", "cant" is "can't"
    if whole:
        return word == pattern
    if pattern.endswith("*"):
        stem = pattern[:-1]
        if word.startswith(stem):
            return True
        at = word.find(stem, 3) if len(stem) >= COMPOUND_MIN else -1
        return at != -1 and _head_ok(word[:at])
    if word == pattern or (len(pattern) >= DT_MIN and _final_t(word) == _final_t(pattern)):
        return True
    if slip and len(pattern) >= TYPO_MIN and len(word) >= TYPO_MIN and _one_edit(word, pattern):
        return True
    return len(pattern) >= COMPOUND_MIN and word.endswith(pattern) and _head_ok(word[: -len(pattern)])


# In danger acts, between two words: "ex rijdt langs huis" is "langs mijn huis". Not at the start ("mijn
# locatie" is no "locatie"), not for persons ("mijn kind"), not "my" ("share my photos" is no "share photos").
OPTIONAL = frozenset({"mijn"})


def _positions(
    pattern: tuple[str, ...],
    words: list[str],
    fillers: frozenset[str],
    whole: bool = False,
    loose: bool = False,
    slip: bool = False,
    gap: int = 0,
) -> list[int] | None:
    """Where the pattern's words stand, in order; between two of them at most MAX_GAP filler words
    and `gap` other words (a best bet's `tussen`). `loose` (danger acts): a "mijn" between two pattern
    words may be left out (see OPTIONAL)."""

    def skippable(k: int) -> bool:
        return loose and 0 < k < len(pattern) - 1 and pattern[k] in OPTIONAL

    def rest(k: int, j: int) -> list[int] | None:
        if k == len(pattern):
            return []
        if skippable(k):
            tail = rest(k + 1, j)
            if tail is not None:
                return tail
        others = 0
        for pos in range(j, min(j + MAX_GAP + gap + 1, len(words))):
            if _word_matches(pattern[k], words[pos], whole, slip):
                tail = rest(k + 1, pos + 1)
                if tail is not None:
                    return [pos, *tail]
            if words[pos] not in fillers:
                others += 1
                if others > gap:
                    return None
        return None

    for i, w in enumerate(words):
        if _word_matches(pattern[0], w, whole, slip):
            tail = rest(1, i + 1)
            if tail is not None:
                return [i, *tail]
    return None


def _matches(
    pattern: tuple[str, ...],
    words: list[str],
    fillers: frozenset[str] = frozenset(),
    whole: bool = False,
    loose: bool = False,
    gap: int = 0,
) -> bool:
    return _positions(pattern, words, fillers, whole, loose, gap=gap) is not None


CALMED = "\x00"  # stands in for a word that does not count for danger: it matches no pattern word


def calmed(words: list[str], patterns: list, fillers: frozenset[str]) -> list[str]:
    """The words without those of a `geen_gevaar` pattern: "ex dreigt naar de rechter te stappen"
    keeps no danger word, "hij dreigt me te slaan en naar de rechter" keeps "slaan". A slip in a long
    word still calms ("naar de rechetr"), as a slip in a danger word still alarms (see `repaired`)."""
    out = list(words)
    for p in patterns:
        at = _positions(tuple(p), out, fillers, slip=True)
        while at is not None:
            for pos in at:
                out[pos] = CALMED
            at = _positions(tuple(p), out, fillers, slip=True)
    return out


LETTERS_RE = re.compile("[a-z\u00e0-\u00ff]+")
REPAIR_MIN = 4  # a typed word this long may be one slip away from a danger word
REPAIR_TARGET_MIN = 5  # of this length or more ("leve" is "leven", "slaa" is no "slaat")


def _one_edit(a: str, b: str) -> bool:
    """The same, or one letter added, dropped or changed, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    return a[i + 1 :] == b[i + 1 :] or (a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :])


def _swapped(a: str, b: str) -> bool:
    """Two neighbouring letters after the first change places ("bnag" for "bang")."""
    diff = [k for k in range(len(a)) if len(a) == len(b) and a[k] != b[k]]
    return len(diff) == 2 and diff[0] > 0 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def danger_words(rules: dict) -> list[str]:
    """The words of the danger patterns (persons, acts, danger bets) that a slip can be mended
    towards: whole words of five letters or more, and beginnings ("mishandel*") of six or more;
    whole words of four letters ("bang") only for two letters swapped (see repaired)."""
    out: dict[str, None] = {}
    pats = [p for pair in rules.get("samen", []) for side in ("wie", "wat") for p in pair[side]]
    pats += [p for bet in rules.get("voorrang", []) if bet.get("gevaar") for p in bet["patronen"]]
    for p in pats:
        for w in p:
            if w == ANY:
                continue
            short = len(w) == REPAIR_MIN and LETTERS_RE.fullmatch(w)
            if short or len(w.rstrip("*")) >= REPAIR_TARGET_MIN + w.endswith("*"):  # "stark" is no "stalk*"
                out[w] = None
    return list(out)


def _danger_words_of(rules: dict) -> list[str]:
    """danger_words, once per index (zoeken.js keeps them on its rules object the same way)."""
    if "_gevaar_woorden" not in rules:
        rules["_gevaar_woorden"] = danger_words(rules)
    return rules["_gevaar_woorden"]


def repaired(typed: list[str], targets: list[str], dictionary: Dictionary) -> list[str]:
    """The typed words with one slip mended towards a danger word ("verkragt", "choekd",
    "zelfmtord"): the index's own typo fix knows only the words of the pages. A word the pages
    use is no slip and stays. The first letter stays, as in Dictionary.correct."""
    out = []
    known = set(targets)
    for w in typed:
        fixed = w
        if len(w) >= REPAIR_MIN and LETTERS_RE.fullmatch(w) and w not in dictionary.freq and w not in known:
            for t in targets:
                if t[0] != w[0]:
                    continue
                if t.endswith("*"):
                    stem = t[:-1]
                    if w.startswith(stem):
                        break
                    k = next((k for k in (0, 1, -1) if len(w) >= len(stem) + k and _one_edit(w[: len(stem) + k], stem)), None)
                    if k is not None:
                        fixed = stem + w[len(stem) + k :]
                        break
                elif _swapped(w, t) if len(t) < REPAIR_TARGET_MIN else _one_edit(w, t):
                    fixed = t
                    break
        out.append(fixed)
    return out


JOIN_MIN = 3  # both halves of a compound written apart are this long or longer


def joined(typed: list[str], stop: set[str], dictionary: Dictionary) -> list[str]:
    """Dutch compounds written as two words ("omgangs regeling", "relatie therapie"): two neighbours
    whose join is a word of the index become that word."""
    out: list[str] = []
    i = 0
    while i < len(typed):
        a = typed[i]
        b = typed[i + 1] if i + 1 < len(typed) else ""
        if (
            b
            and min(len(a), len(b)) >= JOIN_MIN
            and a not in stop
            and b not in stop
            and not a.isdigit()
            and not b.isdigit()
            and a + b in dictionary.freq
        ):
            out.append(a + b)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _distinct(readings) -> tuple[list[str], ...]:
    return tuple(list(r) for r in dict.fromkeys(tuple(r) for r in readings))


def plan_query(text: str, rules: dict, dictionary: Dictionary) -> Plan:
    """Rewrite a visitor's query for Material's lunr worker. `rules` is the `rs_zoeken` block of the
    language's search index (see tools/content/search.py)."""
    stop = set(rules.get("stop", []))
    dropped = set(rules.get("negeer", []))
    fillers = frozenset(stop | set(rules.get("vul", [])))
    short, spoken = rules.get("kort", {}), rules.get("spreek", {})  # as zoeken.js: from the index's rules
    typed = [part for w in (re.sub(r"[:^~*+]", "", w) for w in words_of(text)) if w for part in short.get(w, w).split()]
    words: list[str] = []  # every word, normalised, for best bets (stop words included)
    for word in joined(typed, stop, dictionary):
        words.extend([word] if word in stop or re.fullmatch(r"\d+", word) else normalise(word, dictionary))
    words = [w for w in (re.sub(r"[:^~*+]", "", w) for w in words) if w]
    terms = [w for w in words if w not in stop and w not in dropped]
    if not terms:
        terms = [w for w in words if w not in dropped] or words

    # As normalised, as typed (a typo fix may change a real word), with a slip mended towards a danger
    # word, and in spoken words (see SPOKEN_OF: "me man slaat me", "hij slaat haar").
    readings = (words, typed, repaired(typed, _danger_words_of(rules), dictionary), [spoken.get(w, w) for w in typed])
    plain = _distinct(readings[:2])  # the readings are often the same words: match each distinct one once

    def found(
        patterns: list, whole: bool = False, among: tuple[list[str], ...] | None = None, loose: bool = False, gap: int = 0
    ) -> bool:
        return any(_matches(tuple(p), reading, fillers, whole, loose, gap) for p in patterns for reading in among or plain)

    calm = rules.get("geen_gevaar", [])
    for_danger = tuple(calmed(reading, calm, fillers) for reading in readings)
    danger_readings = _distinct(for_danger)

    bets: list[str] = []
    danger = False
    for pair in rules.get("samen", []):  # a person and a harmful act: danger, in any order
        if (
            pair["pagina"] not in bets
            and found(pair["wie"], among=danger_readings)
            and found(pair["wat"], among=danger_readings, loose=True)
        ):
            bets.append(pair["pagina"])
            danger = True
    for bet in rules.get("voorrang", []):
        among, loose = (danger_readings, True) if bet.get("gevaar") else (None, False)
        if bet["pagina"] not in bets and found(bet["patronen"], bool(bet.get("heel")), among, loose, bet.get("tussen", 0)):
            bets.append(bet["pagina"])
            danger = danger or bool(bet.get("gevaar"))
    groups = [g for g in rules.get("groepen", []) if found(g["patronen"]) and not found(g.get("behalve", []))]
    # A professional asking ("leerling", "meldcode"): their pages above the safety page.
    above = any(g.get("boven_gevaar") for g in groups)
    excluded = [
        n["pagina"]
        for n in rules.get("nooit", [])
        if n["pagina"] not in bets and any(_word_matches(p, w) for w in words for p in n["woorden"])
    ]
    if not danger and for_danger != readings:  # "dreigt met een advocaat": not the safety page either
        excluded += [pair["pagina"] for pair in rules.get("samen", [])]
        excluded += [bet["pagina"] for bet in rules.get("voorrang", []) if bet.get("gevaar")]
    parts = []
    unique = list(dict.fromkeys(terms))
    key_words = set(rules.get("kern", []))
    for i, term in enumerate(unique):
        # A long question matches many pages on its side words ("kids", "separation" in the editors'
        # phrases); a word an editor gave a page on its own ("christmas") names the topic: it counts more.
        if term in key_words and len(unique) > 1:
            parts.extend([f"{term}^{KEY_BOOST}"] + ([term] if len(term) > 3 else []))  # short: as typed only
            continue
        # Material makes every word a prefix ("mis" finds "mishandeling", "huis" finds "huiselijk").
        # Short words count only as typed (the last one stays a prefix: it may still be typed);
        # longer words count as typed more than as a beginning.
        if len(term) <= 2 or (len(term) == 3 and i < len(unique) - 1):
            parts.append(f"{term}^1")
        else:
            parts.extend([f"{term}^{EXACT_BOOST}", term])
    for rank, page in enumerate(bets[:3]):
        parts.append(f"{marker(page)}^{BET_BOOSTS[rank + above]}")
    boosts: dict[str, int] = {}  # one audience may have several entries (words above danger, and not)
    for g in groups:
        boosts[g["marker"]] = max(boosts.get(g["marker"], 0), ABOVE_DANGER_BOOST if g.get("boven_gevaar") else AUDIENCE_BOOST)
    parts.extend(f"{m}^{b}" for m, b in boosts.items())
    parts.extend(f"-{marker(page)}" for page in dict.fromkeys(excluded))
    net = rules.get("vangnet") or {}
    # An editor's best bet ("verblijfsvergunning") says which page comes first: the net does not overrule it.
    caught = bool(net) and not danger and not above and not bets and found(net.get("wie", []), among=danger_readings)
    return Plan(" ".join(parts) or text, danger, bets, terms, caught)
