"""Search quality: typical queries find the right page in the built search index.

The index is queried with the Python `lunr` package configured as mkdocs-material 9.8's search worker
is: no stemming and no trimmer, Dutch (lunr-languages, from Material's own bundle) and English stop
words, no field-length normalisation (b = 0), the fields and boosts of the index's own config (the
hidden `woorden` field included), document boosts, Material's own rescoring (pages above sections,
more query words found = higher) and grouping per page. The query first goes through
tools.search_vocab.plan_query, the Python twin of docs/assets/js/zoeken.js (typos, word forms,
compounds, best bets, exclusions); Material then appends `*` to every plain word.

tests/zoekvragen.yml: `nl`/`en` (older queries, each must be in the top 3), `kalibratie` (issue 13,
used while tuning), `controle` (held out: written with the others, checked only at the end) and
`proef` (written after tuning to find gaps), `extern` (phrasings from third-party pages), `extern2`
(session 2: sources not used before, measured before tuning, then tuned on with word families and
mechanisms only), `extern3`, `extern4`, `extern5` (each from fresh sources, measured once as the
unseen estimate, see its commit, then worked on with word families and mechanisms), `extern6`
(measured once as unseen at 77 % first / 83 % top 3 / danger first 6 of 9, then worked on in
session 3 with general mechanisms: witnesses, destroying things, control, a lone * in patterns)
`extern7-tuning` (session 3: written from real phrasings for each failure class while tuning;
seen and tuned on, so it is no estimate), `extern7` (measured once as unseen at 69 % first / 86 %
top 3 / danger first 11 of 14, then worked on in session 3, round 2: money and online control as
danger, professionals' roles and intents, parents' and children's feelings, place names as whole
words), `extern8-tuning` (written for the failure classes of extern7 while tuning; seen), `extern8`
(measured once as unseen at 68/83 %, danger 11 of 16, then worked on (round 3: danger only)) and
`extern9-tuning` (round 3: own phrasings for the danger classes of extern8; seen). Session 4: three
fresh sets by helpers who never saw the search, measured once each before any work on them:
`extern9` (84/90 %, then the dev set), `extern10` and `extern11` (held out until the session's last
measurement: 85/93 and 84/97 % before, 92/97 and 89/100 % after broadening the vocabulary per page);
then `extern12` and `extern13`, written after that work and measured twice without looking at them
(84/89 and 85/92 % at first, 86/91 and 85/92 % after the danger pass and the safety net), then worked on;
`extern14` and `extern15`, written after that, measured once (88/94 and 81/95 %), then worked on;
`extern16` and `extern17`, written last, measured once (97/98 and 91/98 %, danger 12/13 and 11/13),
then their three danger misses worked on (money for groceries, an ex at the window, a typo of geweld).
Session 5: `extern20`, a danger set (49 danger queries of every kind, 36 ordinary look-alikes),
measured once as unseen (80/87 %, danger 39/49), then the dev set: a final d/t ("slaad"), "mn" for
"mijn", insults, calls from hidden numbers, honour, forced marriage, shelter tonight, and
`geen_gevaar` (a threat of court is no threat of harm). Then `extern21` (a second danger set: older
people, men, LGBTQ people, teenagers, migrant families; 70/83 %, danger 34/49) and `extern22` (85/95 %,
danger 10/12), each measured once, then worked on: a slip in a danger word is mended towards it
(`repaired`), locked in, rough care, photos sent on, a stepparent at night; moving with the children
and a residence permit as best bets, which the safety net no longer overrules. `extern18` and
`extern19`, written at the start of session 5 and held out until all of that was done, measured once:
84/95 % and 91/97 %, danger 11/12 and 12/12; then the one miss mended (tracking a phone).
Sessions 6 and 9 added danger sets and held-out sets the same way (each measured once before its
work; the first figures are in the comments of MEASURED). Session 9 (`extern34`-`extern37`) read an act
told about someone else as about "me" ("slaat haar", "burns her"; SPOKEN_OF in tools/content/vocabulary.py).
Session 10 (`extern39`): harm to oneself told about someone else ("cutting herself"), burns on a child,
and acute danger told by a professional (a knife, last night): the safety page first, their pages next.
Session 11 (`extern48`, `extern49`, measured once: 88/95 % and 74/87 %, danger 14/14 and 44/50): every
receipt shown, an ex driving after and calling all day, two swapped letters ("bnag"), a marriage planned
abroad, banging on the door; "never violent" and a bailiff at the door are no danger; English "me" is no "mijn".
Then `extern50`, `extern51` (written after that work, measured once: 89/96 % and 81/87 %, danger 13/14 and
45/50): "wanna" is "want to", setting the house on fire, no bank card of one's own, the children asked where
a parent is, a carer paying with a parent's card, a marriage abroad; a child screaming "I hate you" is no danger.
UNSEEN holds the newest set nobody tuned on; it is empty until a fresh set is written.
The `extern*` sets in MEASURED are printed
with danger asserted, not held to the accuracy targets.
Targets on the first three: first result right >= 80 %, top 3 >= 95 %, every danger query has the
safety page first. The figures are printed (pytest -s, or see the test's output).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import material
import pytest
import yaml
from lunr import get_default_builder
from lunr.pipeline import Pipeline
from lunr.stop_word_filter import WORDS as EN_STOP_WORDS
from lunr.stop_word_filter import generate_stop_word_filter, stop_word_filter

from tools.content.vocabulary import Dictionary, plan_query, safety_net

QUERIES = yaml.safe_load((Path(__file__).parent / "zoekvragen.yml").read_text(encoding="utf-8"))
TOP = 3
SAFETY = {"nl": "veiligheid/", "en": "en/veiligheid/"}
TARGET_FIRST, TARGET_TOP = 0.80, 0.95
SECTIONS = ("kalibratie", "controle", "proef")  # held to the targets
MEASURED = (
    SECTIONS
    + (
        "extern",
        "extern2",
        "extern3",
        "extern4",
        "extern5",
        "extern6",  # measured once as unseen at 77/83 %, danger first 6 of 9, then worked on (session 3)
        "extern7-tuning",  # session 3: written for the failure classes of extern6, seen and tuned on
        "extern7",  # measured once as unseen at 69/86 %, danger 11 of 14, then worked on (session 3, round 2)
        "extern8-tuning",  # session 3, round 2: written for the failure classes of extern7, seen and tuned on
        "extern8",  # measured once as unseen at 68/83 %, danger 11 of 16, then worked on (round 3: danger only)
        "extern9-tuning",  # round 3: written for the danger classes of extern8, seen and tuned on
        "extern9",  # session 4: measured once as unseen at 84/90 %, danger 13 of 14, then the dev set of session 4
        "extern10",  # session 4: held out; 85/93 %, danger 12/13 before the session's work, 92/97 %, 12/13 after
        "extern11",  # session 4: held out; 84/97 %, danger 12/12 at its first run, 89/100 %, 12/12 after
        "extern12",  # session 4: held out; 84/89 %, 13/16 at its first run; 86/91 %, 14/16 at the last unseen run
        "extern13",  # session 4: held out; 85/92 %, 11/12 at its first run; 85/92 %, 11/12 at the last unseen run
        "extern14",  # session 4: written after all of the above, measured once as unseen at 88/94 %, danger 11/13
        "extern15",  # session 4: written after all of the above, measured once as unseen at 81/95 %, danger 12/13
        "extern16",  # session 4: written last, measured once as unseen at 97/98 %, danger 12/13
        "extern17",  # session 4: written last, measured once as unseen at 91/98 %, danger 11/13
        "extern20",  # session 5: a danger set (49 danger, 36 look-alikes), measured once as unseen at 80/87 %, danger 39/49
        "extern21",  # session 5: a second danger set (49 danger, 40 look-alikes), measured once as unseen at 70/83 %, danger 34/49
        "extern22",  # session 5: measured once as unseen at 85/95 %, danger 10/12
        "extern18",  # session 5: written first, held out until all work was done, measured once: 84/95 %, danger 11/12
        "extern19",  # session 5: written first, held out until all work was done, measured once: 91/97 %, danger 12/12
        "extern25",  # session 6: a danger set (55 danger, 40 look-alikes), measured once as unseen at 77/93 %, danger 50/55
        "extern26",  # session 6: a danger set around a separation, measured once as unseen at 76/88 %, danger 47/55
        "extern27",  # session 6: a danger set, half English, measured once as unseen at 77/85 %, danger 46/55
        "extern28",  # session 6, round 2: phone and street language, measured once (after round 1) at 75/85 %, danger 44/55
        "extern29",  # session 6, round 2: calm practical danger and look-alikes, measured once (after round 1) at 73/88 %, danger 30/35
        "extern30",  # session 6, round 3: all English, measured once (after rounds 1-2) at 81/90 %, danger 47/50
        "extern31",  # session 6, round 3: all Dutch (men, older people, simple Dutch), measured once (after rounds 1-2) at 80/91 %, danger 44/50
        "extern23",  # session 6: written first, held out until all work was done, measured once: 79/92 %, danger 15/16
        "extern24",  # session 6: written first, held out until all work was done, measured once: 82/96 %, danger 14/15
        "extern32",  # session 6: written after rounds 1-3 began, held out, measured once: 86/95 %, danger 14/15
        "extern33",  # session 6: written after rounds 1-3 began, held out, measured once: 88/98 %, danger 13/14
        "extern34",  # session 9: measured once as unseen at 82/95 %, danger 15/16, then worked on
        "extern35",  # session 9: measured once as unseen at 80/92 %, danger 14/16, then worked on
        "extern36",  # session 9: a danger set (50 danger), measured once as unseen at 87/91 %, danger 42/50
        "extern37",  # session 9: a danger set (50 danger), measured once as unseen at 82/90 %, danger 40/50
        "extern38",  # session 9: written in session 8, held out until all work was done, measured once: 92/98 %, danger 16/16
        "extern40",  # session 9: written during the work, held out, measured once: 91/98 %, danger 16/16
        "extern39",  # session 9: a danger set (50 danger), measured once as unseen at 87/94 %, danger 45/50
        "extern41",  # session 10: measured once as unseen at 79/94 %, danger 12/16, then worked on
        "extern42",  # session 10: a danger set (50 danger), measured once as unseen at 78/87 %, danger 42/50
        "extern43",  # session 10: young people and professionals, measured once as unseen at 86/94 %, danger 16/16
        "extern44",  # session 10: written after the work on extern39-43, measured once as unseen: 90/96 %, danger 15/16
        "extern45",  # session 10: a danger set written after that work, measured once as unseen: 88/93 %, danger 47/50
        "extern46",  # session 10: written last, measured once as unseen after all work: 89/95 %, danger 16/16
        "extern47",  # session 10: a danger set written last, measured once as unseen: 90/97 %, danger 49/50
        "extern48",  # session 11: written fresh, measured once as unseen: 88/95 %, danger 14/14, then worked on
        "extern49",  # session 11: a danger set written fresh, measured once as unseen: 74/87 %, danger 44/50
        "extern50",  # session 11: written after the work on extern48-49, measured once as unseen: 89/96 %, danger 13/14
        "extern51",  # session 11: a danger set written after that work, measured once as unseen: 81/87 %, danger 45/50
    )
)  # all measured and printed; danger first in every one
# The newest set nobody tuned on: printed as the estimate for unseen queries, never asserted (tuning
# on it would make the estimate worthless; a set moves up to MEASURED once its misses are worked on).
UNSEEN: tuple[str, ...] = ()  # empty until a fresh set is written


def dutch_stop_words() -> list[str]:
    js = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min/lunr.nl.min.js"
    match = re.search(r'generateStopWordFilter\("([^"]+)"\.split', js.read_text(encoding="utf-8"))
    return match.group(1).split()


def _plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text or ""))


def material_query(query: str) -> str:
    """Material's transform: every word without a boost or presence sign gets a trailing *."""
    return " ".join(t if re.search(r"(^[+-]|[~^]\d+$)", t) else f"{t}*" for t in query.split())


def cases(section: str, lang: str) -> list[tuple[str, list[str], bool]]:
    out = []
    for item in (QUERIES.get(section) or {}).get(lang, []):
        query, expected = item[0], item[1]
        out.append(
            (str(query), [expected] if isinstance(expected, str) else list(expected), len(item) > 2 and item[2] == "gevaar")
        )
    return out


class SiteSearch:
    def __init__(self, index_file: Path, language: str):
        data = json.loads(index_file.read_text(encoding="utf-8"))
        fields = data["config"]["fields"]
        self.rules = data["config"].get("rs_zoeken") or {}
        nl_stop = generate_stop_word_filter(dutch_stop_words(), "nl")
        builder = get_default_builder()
        builder.pipeline = Pipeline()
        builder.search_pipeline = Pipeline()
        for p in (builder.pipeline, builder.search_pipeline):
            p.add(stop_word_filter, nl_stop)  # no stemmer, no trimmer: as the site's pipeline
        builder.b(0)  # Material: this.b(0)
        builder.ref("location")
        for name, spec in fields.items():
            builder.field(name, boost=spec.get("boost", 1))
        self.prefix = "" if language == "nl" else f"{language}/"  # per-language index: locations from its root
        self.docs = {}
        self.titles = {}
        for doc in data["docs"]:
            loc = self.prefix + doc["location"]
            entry = {"location": loc}
            for name in fields:
                value = doc.get(name, "")
                # Material's tokenizer splits every tag into words; Python lunr would keep a list
                # element whole, so give it the words.
                entry[name] = " ".join(value) if isinstance(value, list) else _plain(value)
            builder.add(entry, {"boost": doc.get("boost", 1)})
            page = loc.split("#")[0]
            self.docs.setdefault(page, loc)
            self.titles[loc] = doc.get("title")
        self.dictionary = Dictionary(data["docs"])
        self.index = builder.build()
        self._seen: dict[str, tuple[list[str], bool]] = {}  # query -> (ranked, caught): the sets are asked many times

    def plan(self, query: str):
        return plan_query(query, self.rules, self.dictionary)

    def pages(self, query: str) -> list[str]:
        if query not in self._seen:
            self._seen[query] = self._rank(query)
        ranked, self.caught = self._seen[query]
        return list(ranked)

    def _rank(self, query: str) -> tuple[list[str], bool]:
        plan = self.plan(query)
        lunr_query = material_query(plan.query)
        clauses = [re.sub(r"[*]|\^\d+$", "", t) for t in plan.query.split() if not t.startswith("-")]
        clauses = [re.sub(r"\^\d+$", "", c).rstrip("*") for c in clauses]
        scored = []
        for hit in self.index.search(lunr_query):
            ref = hit["ref"]
            matched = list(hit["match_data"].metadata)
            terms = {}
            for clause in dict.fromkeys(clauses):
                if any(m.startswith(clause) for m in matched):
                    terms[clause] = True
                elif clause not in EN_STOP_WORDS:
                    terms[clause] = False
            is_section = self.docs.get(ref.split("#")[0]) != ref
            found = sum(terms.values()) / len(terms) if terms else 0
            boost = (0 if is_section else 1) + found
            scored.append((hit["score"] * (1 + boost**2), ref))
        ranked: list[str] = []
        for _, ref in sorted(scored, key=lambda s: -s[0]):
            page = ref.split("#")[0]
            if page not in ranked:
                ranked.append(page)
        net = self.rules.get("vangnet") or {}
        return safety_net(plan, ranked, self.prefix + net.get("pagina", ""), net.get("plaatsen", 0))

    def danger(self, query: str) -> bool:
        """The help line shows: danger words, or the safety net caught the query (see pages)."""
        self.pages(query)
        return self.plan(query).danger or self.caught


def measure(search: dict, section: str) -> dict:
    """First-result and top-3 accuracy of one set of queries, and the misses."""
    total = first = top = danger_total = danger_ok = 0
    misses = []
    for lang in ("nl", "en"):
        for query, expected, danger in cases(section, lang):
            ranked = search[lang].pages(query)
            shows_help = search[lang].danger(query)
            total += 1
            hit_first = bool(ranked) and ranked[0] in expected
            hit_top = any(p in expected for p in ranked[:TOP])
            first += hit_first
            top += hit_top
            if danger:
                danger_total += 1
                ok = bool(ranked) and ranked[0] == SAFETY[lang] and shows_help
                danger_ok += ok
            if not hit_first:
                misses.append((lang, query, expected, ranked[:3]))
    return {"total": total, "first": first, "top": top, "danger": danger_total, "danger_ok": danger_ok, "misses": misses}


def report(label: str, m: dict) -> str:
    if not m["total"]:
        return f"{label}: geen zoekvragen"
    return (
        f"{label}: {m['total']} zoekvragen, eerste resultaat goed {m['first']}/{m['total']} "
        f"({100 * m['first'] / m['total']:.0f} %), top {TOP} goed {m['top']}/{m['total']} "
        f"({100 * m['top'] / m['total']:.0f} %), gevaar eerst {m['danger_ok']}/{m['danger']}"
    )


@pytest.fixture(scope="module")
def searches(built_site):
    return {
        "nl": SiteSearch(built_site / "search/search_index.json", "nl"),
        "en": SiteSearch(built_site / "en/search/search_index.json", "en"),
    }


def test_each_language_has_its_own_index(built_site):
    nl = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built_site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert nl["docs"] and en["docs"]
    assert not [d for d in nl["docs"] if d["location"].startswith("en/")]
    titles_en = {d["title"] for d in en["docs"] if "#" not in d["location"]}
    assert "Parenting plan" in titles_en or any("arenting plan" in t for t in titles_en)
    assert "Ouderschapsplan" not in titles_en


def test_keywords_are_hidden_not_shown_as_chips(built_site):
    """Material shows `tags` as chips under a result ('telefoon bespioneerd'): none may be left."""
    for path in (built_site / "search/search_index.json", built_site / "en/search/search_index.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert "tags" not in data["config"]["fields"] and "woorden" in data["config"]["fields"]
        assert not [d["location"] for d in data["docs"] if d.get("tags")]
        safety = next(d for d in data["docs"] if d["location"] == "veiligheid/")
        assert "geslagen" in safety["woorden"] or "beaten" in safety["woorden"]


@pytest.mark.parametrize("lang,query,expected", [(lang, q, e) for lang in ("nl", "en") for q, e in QUERIES[lang]])
def test_query_finds_page(searches, lang, query, expected):
    ranked = searches[lang].pages(query)
    assert expected in ranked[:TOP], f"'{query}' vond {ranked[:5]}, verwacht {expected}"


@pytest.mark.parametrize(
    "section,lang,query",
    [(section, lang, q) for section in MEASURED for lang in ("nl", "en") for q, _, danger in cases(section, lang) if danger],
)
def test_danger_query_shows_safety_page_first(searches, section, lang, query):
    ranked = searches[lang].pages(query)
    assert searches[lang].danger(query), f"'{query}' wordt niet herkend als vraag over gevaar"
    assert ranked[:1] == [SAFETY[lang]], f"'{query}' vond eerst {ranked[:3]}"


@pytest.mark.parametrize(
    "lang,query",
    [
        ("nl", "slecht slapen stress"),
        ("nl", "kind wil niet meer naar zijn moeder"),
        ("nl", "geweldig"),
        ("nl", "ik ben aangeslagen"),  # a danger word inside a separable verb
        ("nl", "overgeslagen"),
        ("nl", "klappen voor de juf"),
        ("nl", "de bank controleert mijn inkomen"),
        ("nl", "we willen niet meer samen leven"),  # "niet meer leven" only with small words between
        ("nl", "hij wil het huis verkopen"),  # a person without anything harmful
        ("nl", "mijn ex is boos over de alimentatie"),
        ("en", "I made a parenting plan"),
        ("en", "pushed for time"),
        ("en", "he is angry about child support"),
        # session 3: witnesses, children, destroying things; none of these is about danger
        ("nl", "ruzie met de buren over de schutting"),
        ("nl", "wat zeg ik tegen de buren over de scheiding"),
        ("nl", "de buren passen op de kinderen"),
        ("nl", "mijn moeder is kapot van de scheiding"),
        ("nl", "mijn zoon wil niet naar zijn vader"),
        ("nl", "mijn dochter huilt veel sinds de scheiding"),
        ("nl", "mijn kind heeft pijn in zijn buik van de stress"),
        ("nl", "mijn ex maakt de afspraken niet"),
        ("en", "my ex broke my heart"),
        ("en", "my neighbour helps with childcare"),
        ("en", "my son is sad since the divorce"),
        ("en", "my daughter checks in with her dad every night"),
        ("en", "my ex won't let me see the kids"),  # contact refused: the conflict page, not danger
        # session 3, round 2: near the new words for money and online control; none is about danger
        ("nl", "spaarrekening verdelen"),
        ("nl", "gezamenlijke rekening opheffen"),
        ("nl", "mijn ex wil de spaarrekening van de kinderen verdelen"),
        ("nl", "account aanmaken"),
        ("nl", "locatie delen met kinderen"),
        ("nl", "mijn ex wil de locatie van de kinderen delen"),
        ("nl", "hij heeft het huis op mijn naam gezet"),
        ("nl", "mijn ex heeft schulden"),
        ("nl", "hij betaalt de rekening niet"),
        ("nl", "mijn ex reageert niet op mijn berichten"),
        ("nl", "mijn vader geeft me geen zakgeld meer"),
        ("nl", "foto's van de kinderen delen met mijn ex"),
        ("en", "closing a joint account"),
        ("en", "my ex wants to share the children's location"),
        ("en", "can I make a new account for the kids"),
        ("en", "my ex pays the mortgage in my name"),
        ("en", "credit card debt in both our names after break up"),
        ("en", "share photos of the kids with my ex"),
        ("en", "can I share the kids' photos with my ex"),
        ("nl", "mijn ex wil de foto's van de vakantie niet delen"),
        ("nl", "mama vraagt steeds waar ik ben"),
        ("nl", "mijn ex wil bonnetjes zien van de kinderkosten"),
        ("nl", "mijn ex wil een eigen rekening voor de kinderen"),
        ("nl", "kan iemand anders in mijn account kijken"),
        ("nl", "iemand om mee te praten"),
        ("nl", "mijn ex stuurt berichten via een app"),
        ("en", "my ex wants receipts for the kids clothes"),
        ("en", "someone to talk to"),
        ("en", "he made me dinner"),
        ("en", "my son is hurting since the divorce"),
        ("en", "my wife is hurting after the separation"),
        ("nl", "mijn zwager helpt met verhuizen"),
        ("nl", "kan hij de kinderen zien in de vakantie"),
        ("en", "he could see the kids every weekend"),
        ("en", "can I take the kids abroad"),
        ("nl", "mijn ex heeft mijn nummer geblokkeerd"),
        ("nl", "mijn dochter mag van haar vader niet afspreken met vrienden"),
        ("en", "my ex decides who picks up the kids"),
        ("en", "my ex decides where the kids go to school"),
        ("en", "who can I talk to about my dad"),
        ("en", "my ex blocked me on whatsapp"),
        ("nl", "ik krijg geen geld van mijn ex voor de kinderen"),  # alimentatie
        ("nl", "mijn ex geeft me geen geld voor de kinderen"),
        ("nl", "mijn ex krijgt geen geld van de gemeente"),
        ("nl", "mijn ex wil foto's sturen naar de kinderen"),
        ("nl", "mijn zoon komt binnen en zegt niks"),
        ("en", "my ex wants to send photos to the kids"),
        ("en", "my ex won't give me money for the kids"),
        ("en", "my mum checks my homework"),
        ("nl", "mijn moeder controleert mijn huiswerk"),
        ("nl", "ik wacht op mijn ex om de kinderen op te halen"),
        ("en", "how do I make a profile on the parenting app"),
        ("nl", "mijn ex brengt de kinderen niet terug na de vakantie in het buitenland"),
        # round 3: near the new words for suicide, stalking, hacking, money control and neglect
        ("nl", "wachtwoord vergeten"),
        ("nl", "account aanmaken voor de kinderen"),
        ("nl", "ex woont in mijn straat"),
        ("nl", "buurkinderen spelen bij ons"),
        ("nl", "leven na de scheiding"),
        ("nl", "mijn ex haalt de kinderen op bij het schoolplein"),
        ("nl", "mag mijn kind van 12 alleen thuis blijven"),
        ("nl", "de buren passen op als de kinderen alleen thuis zijn"),
        ("nl", "samen het leven weer oppakken"),
        ("nl", "hij wil het huis kopen zonder te overleggen"),
        ("en", "buy a house after divorce"),
        ("en", "end of marriage"),
        ("en", "I want to end my marriage"),
        ("en", "life after divorce"),
        ("en", "forgot my password"),
        ("en", "my ex lives on my street"),
        ("en", "the neighbours' kids play with mine"),
        ("en", "my ex picks up the kids at the school gate"),
        # session 4: near the words for a partner who cuts someone off from friends and family
        ("nl", "van mijn ex mag ik de kinderen niet zien"),
        ("nl", "mijn ex wil niet dat de kinderen bij mijn familie logeren"),
        ("nl", "hij mag niet weten waar ik woon"),
        ("en", "my ex won't let me see the kids"),
        ("en", "he is not allowed to see the children"),
        ("en", "my ex won't let the kids see their friends"),
    ],
)
def test_ordinary_queries_are_not_danger(searches, lang, query):
    assert not searches[lang].plan(query).danger  # the danger words; the safety net: see below


# Danger told by a witness, by a parent hurt by their child, or in the words of destroying things,
# threats and control (session 3). Also compared with zoeken.js in tests/test_browser_search.py.
DANGER_IN_OWN_WORDS = [
    ("nl", "ik hoor gegil bij de buren"),
    ("nl", "de buurvrouw roept om hulp"),
    ("nl", "ik hoor de buren ruzie maken en dan een klap"),
    ("nl", "mijn puber slaat de boel kapot"),
    ("nl", "mijn stiefzoon bedreigt mij"),
    ("nl", "hij maakt al mijn spullen kapot"),
    ("nl", "mijn man kijkt stiekem in mijn telefoon"),
    ("nl", "hij neemt mijn bankpas af"),
    ("nl", "mijn ex staat elke avond voor de deur"),
    ("nl", "mijn zoon van 17 is gewelddadig"),
    ("nl", "mijn stiefvader raakt me aan"),
    ("nl", "hij heeft de deur ingetrapt"),
    ("nl", "ik mag van hem niet werken"),
    ("nl", "mama huilt omdat papa haar pijn doet"),
    ("nl", "mijn volwassen zoon pakt mijn geld af"),
    ("nl", "mijn ex staat steeds bij mijn werk"),
    ("nl", "de vriend van mama is eng"),
    ("en", "I hear banging and screaming upstairs"),
    ("en", "my neighbours are fighting all the time and I am worried about her"),
    ("en", "my teenager smashes things and hits me"),
    ("en", "he breaks my phone when he is angry"),
    ("en", "my boyfriend goes through my phone"),
    ("en", "my ex keeps calling me"),
    ("en", "my stepdad touches me"),
    ("en", "dad hurts mum"),
    ("en", "my adult son takes my money"),
    ("en", "he controls all the money"),
    ("en", "he won't let me work"),
    ("en", "mum's boyfriend is scary"),
    # session 3, round 2: money and online control
    ("nl", "mijn man haalt onze spaarrekening leeg"),
    ("nl", "ik krijg van mijn man geen eigen geld"),
    ("nl", "hij heeft schulden op mijn naam gezet"),
    ("nl", "mijn ex maakt steeds nepaccounts aan"),
    ("nl", "mijn ex volgt mijn locatie"),
    ("nl", "hij heeft spyware op mijn telefoon gezet"),
    ("nl", "mijn ex dreigt foto's van mij online te zetten"),
    ("nl", "mijn vriend wil al mijn wachtwoorden weten"),
    ("en", "my husband emptied our savings account"),
    ("en", "he took out loans in my name"),
    ("en", "my ex keeps making fake accounts to contact me"),
    ("en", "my boyfriend tracks my location"),
    ("en", "he put spyware on my phone"),
    ("en", "my ex is threatening to share my photos"),
    ("nl", "mijn man geeft mij maar 50 euro per week"),
    ("nl", "ik moet elk bonnetje laten zien aan mijn man"),
    ("nl", "ik word online gestalkt door mijn ex"),
    ("nl", "mijn ex logt in op mijn mail"),
    ("nl", "hij weet altijd waar ik ben"),
    ("nl", "ik mag van mijn man niet zelf pinnen"),
    ("en", "my husband won't let me have my own bank account"),
    ("en", "he tracks me with find my iphone"),
    ("en", "he made me take out a loan"),
    ("en", "someone keeps messaging me from different accounts"),
    ("nl", "mijn ex is mijn huis binnengedrongen"),
    ("nl", "hij sluit me buiten"),
    ("nl", "mijn vader drinkt en wordt dan boos"),
    ("nl", "mijn ex neemt de kinderen mee naar het buitenland en komt niet terug"),
    ("en", "my ex broke into my house"),
    ("en", "I think my sister's husband is hurting her"),
    ("nl", "mijn vriendje checkt steeds mijn telefoon"),
    ("nl", "mijn partner leest stiekem mijn whatsapp"),
    ("nl", "mijn man bepaalt met wie ik mag praten"),
    ("en", "my bf gets angry when I see my friends"),
    ("en", "my ex keeps showing up at my work"),
    ("en", "my ex keeps sending me messages after I blocked him"),
    ("nl", "papa pakt mama haar telefoon af"),
    ("nl", "mama mag van papa geen geld hebben"),
    ("nl", "iemand op instagram wil dat ik foto's stuur"),
    ("nl", "mijn ex komt zonder te vragen mijn huis in"),
    ("en", "dad takes mum's phone away"),
    ("en", "a guy online wants me to send pictures"),
    ("en", "my sister's husband takes all her money"),
    ("nl", "mijn ex vriend blijft me opwachten bij school"),
    ("nl", "ik word gechanteerd met foto's"),
    ("nl", "mijn ex heeft een nep profiel van mij gemaakt"),
    ("en", "my boyfriend is abusing me"),
    ("en", "someone is blackmailing me with photos"),
    ("en", "my ex made a fake profile of me"),
    ("en", "I don\u2019t want to live anymore"),  # a phone's curly apostrophe is the plain one
    ("en", "my husband won\u2019t let me leave the house"),
    ("en", "my husband wont let me leave the house"),  # typed in a hurry, without the apostrophe
    ("nl", "mijn trainer zit aan me"),  # one's own trainer: no professional asking
    ("nl", "huiselijk gewels"),  # a typo: the fix "geweld" beats the bare beginning "gewel"
    ("nl", "mijn man wil seks ook als ik nee zeg"),
    ("en", "my partner pressures me into sex"),
    # session 4: a partner who cuts someone off from friends and family (coercive control)
    ("nl", "van mijn man mag ik niet meer naar mijn vriendinnen"),
    ("nl", "mijn vriend wil niet dat ik met vriendinnen afspreek"),
    ("nl", "mijn man verbiedt me om mijn familie te zien"),
    ("en", "my husband won't let me see my friends"),
    ("en", "my boyfriend stops me from seeing my family"),
]


def test_one_letter_words_in_a_pattern_are_left_out(tmp_path):
    """The query never has them ("a", "i"), so "wants a divorce" must still match "she wants a divorce"."""
    from tools.content.vocabulary import _matches

    vocab, findings = _load(tmp_path, "voorrang:\n  - pagina: veiligheid\n    en: [wants a divorce, a]\n")
    assert findings and "te kort" in findings[0].as_text()
    pattern = vocab.bets[0].patterns["en"][0]
    assert pattern == ("wants", "divorce") and _matches(pattern, ["she", "wants", "divorce"], frozenset({"she"}))


@pytest.mark.parametrize("lang,query", DANGER_IN_OWN_WORDS)
def test_danger_in_own_words_shows_the_safety_page_first(searches, lang, query):
    plan = searches[lang].plan(query)
    assert plan.danger and searches[lang].pages(query)[:1] == [SAFETY[lang]], (query, plan.query)


def test_a_key_word_of_the_vocabulary_weighs_more_in_a_long_question(searches):
    """A word an editor gave a page on its own ("kinderen", "ex") counts more than the other words of a
    long question (a short one as typed only); alone, a word keeps its usual weight."""
    query = "wat kan ik doen als mijn ex de kinderen niet terugbrengt na het weekend"
    words = searches["nl"].plan(query).query.split()
    assert {"ex^12", "kinderen^12", "terugbrengt^4"} <= set(words) and "ex" not in words, words
    assert searches["nl"].pages(query)[0] in ("na-de-scheiding/", "conflict/", "ouderschapsplan/")
    assert searches["en"].plan("christmas").query == "christmas^4 christmas"


@pytest.mark.parametrize(
    "lang,query,child",
    [
        ("nl", "moet ik het melden als een kind vertelt dat papa mama slaat", False),  # a teacher about a child
        ("nl", "ik mis papa", True),
        ("nl", "hoe vertel ik de kinderen dat papa een nieuwe vriendin heeft", False),  # a parent says "papa" too
        ("en", "my dad moved out", True),
        ("en", "how do I tell my kids that their dad has moved out", False),
        ("en", "i don't want to go to my dad's every other weekend anymore", True),  # "dad's" is about "dad"
        ("nl", "praten met iemand wiens ouders ook gescheiden zijn", True),
        ("en", "someone to talk to whose parents are also divorced", True),
    ],
)
def test_a_parent_saying_papa_is_no_child(searches, lang, query, child):
    assert ("zzpgroepjongeren^" in searches[lang].plan(query).query) == child


@pytest.mark.parametrize(
    "lang,query,bet",
    [
        ("nl", "gezamenlijke rekening opheffen", None),  # "opheffen" ends in "effen", a village of Breda
        ("nl", "hulp in effen", "hulp/breda/"),
        ("nl", "scheiding hulp prinsenbeek", "hulp/breda/"),
    ],
)
def test_a_place_name_is_a_whole_word(searches, lang, query, bet):
    bets = searches[lang].plan(query).bets
    assert (bets[:1] == [bet]) if bet else not [b for b in bets if b.startswith("hulp/")], bets


@pytest.mark.parametrize(
    "lang,query,professional",
    [
        ("nl", "kind vraagt de mentor om het geheim te houden", True),
        ("nl", "mijn kind vraagt of het een geheim mag houden", False),  # a parent about their own child
        ("en", "a child asked me to keep a secret", True),
        ("en", "my child asked me to keep a secret", False),
    ],
)
def test_someone_telling_about_a_child_is_a_professional_a_parent_is_not(searches, lang, query, professional):
    assert ("zzpgroepprofessionals^" in searches[lang].plan(query).query) == professional


@pytest.mark.parametrize(
    "query,first",
    [("omgangs regeling", "omgangsregeling"), ("relatie therapie", "relatietherapie"), ("huis verbod", "huisverbod")],
)
def test_a_compound_written_as_two_words_is_one_word(searches, query, first):
    assert searches["nl"].plan(query).words[:1] == [first]


def test_two_words_that_make_no_known_word_stay_apart(searches):
    assert searches["nl"].plan("alimentatie betalen").words == ["alimentatie", "betalen"]


@pytest.mark.parametrize(
    "lang,query,expected",
    [
        ("nl", "mijn kind heeft buikpijn sinds de scheiding", "kinderen/"),
        ("nl", "leidster kinderdagverblijf kind huilt bij het brengen sinds scheiding", "professionals/signalen/"),
        ("en", "my son cries a lot since the divorce", "en/kinderen/"),
        ("en", "childminder child cries at drop off since parents split", "en/professionals/signalen/"),
    ],
)
def test_what_a_child_shows_goes_to_the_page_of_whoever_asks(searches, lang, query, expected):
    """The same words are on the parents' page and the professionals' page; the audience decides."""
    assert searches[lang].pages(query)[:1] == [expected]


def test_a_lone_star_in_a_pattern_is_any_one_word():
    from tools.content.vocabulary import _matches

    pattern = ("maakt", "*", "kapot")
    assert _matches(pattern, "hij maakt mijn spullen kapot".split(), frozenset({"hij", "mijn"}))
    assert _matches(pattern, "maakt alles kapot".split())
    assert not _matches(pattern, "maakt kapot".split())  # the * is one word, not none
    assert not _matches(pattern, "maakt mooie nieuwe spullen kapot".split())  # nor two


@pytest.mark.parametrize(
    "lang,query",
    [
        ("nl", "ik ben leerling en mijn vader slaat mij"),
        ("nl", "ik heb aan de juf verteld dat papa mama slaat"),
        ("nl", "mijn mentor weet dat ik thuis geslagen word"),
        ("nl", "hij valt mij steeds weer lastig"),  # a pattern with small words in between
        ("nl", "met spullen gooit hij als hij boos is"),  # gevaar_samen: a person and an act, any order
        ("en", "my boyfriend grabbed me by the throat"),
        ("en", "I told my teacher that my dad hits me"),
    ],
)
def test_a_child_in_danger_sees_the_safety_page_first(searches, lang, query):
    """Children also say 'leerling', 'juf', 'mentor': those words never lift professionals' pages
    above the safety page."""
    plan = searches[lang].plan(query)
    assert plan.danger and searches[lang].pages(query)[:1] == [SAFETY[lang]], (query, plan.query)


@pytest.mark.parametrize(
    "lang,query,expected",
    [
        ("nl", "vermoeden kindermishandeling als leerkracht", "professionals/meldcode/"),
        ("en", "as a teacher I suspect child abuse reporting code", "en/professionals/meldcode/"),
        # session 4: a trainer, a GP's assistant (a child telling about its own trainer: see below)
        ("nl", "doktersassistente patient vertelt over mishandeling mag ik melden", "professionals/meldcode/"),
        ("en", "football coach child told me about abuse at home reporting code", "en/professionals/meldcode/"),
    ],
)
def test_a_professional_asking_about_violence_gets_their_page_and_the_help_line(searches, lang, query, expected):
    plan = searches[lang].plan(query)
    ranked = searches[lang].pages(query)
    assert plan.danger and ranked[0] == expected, (ranked[:3], plan.query)  # danger: the direct-help line shows


@pytest.mark.parametrize(
    "lang,query,expected",
    [
        ("en", "does this site work with a screen reader", "en/toegankelijkheid/"),
        ("nl", "werkt deze site met een schermlezer", "toegankelijkheid/"),
        ("en", "does this site use cookies", "en/privacy/"),
        ("nl", "gebruikt deze site cookies", "privacy/"),
    ],
)
def test_questions_about_the_site_itself_find_its_statements(searches, lang, query, expected):
    """'work' or 'site' in such a question is no topic: the accessibility or privacy page comes first."""
    assert searches[lang].pages(query)[0] == expected, searches[lang].pages(query)[:3]


@pytest.mark.parametrize(
    "lang,query",
    [
        ("nl", "leerling vertelt dat papa mama slaat wat moet ik doen"),
        ("en", "patient says her partner forces sex on her and she wont go to the police"),
        # acute danger beats even a question about the rules
        ("en", "patient says her husband threatened her with a knife last night reporting code"),
        ("nl", "meldcode: patiënte vertelt dat haar man haar vannacht met een mes bedreigde"),
        ("nl", "leerling vertelt dat haar stiefvader haar met een sigaret brandt"),
    ],
)
def test_a_professional_telling_of_violence_sees_safety_first_and_their_pages_next(searches, lang, query):
    """Violence told is a danger query, also from a professional: the safety page first, theirs in the top 3.
    Only a question about the rules ("meldcode", "mag ik melden") puts their pages first, and not in acute
    danger (a weapon, burns, 'last night')."""
    ranked = searches[lang].pages(query)
    assert searches[lang].plan(query).danger and ranked[0] == SAFETY[lang], ranked[:3]
    assert any(p.startswith(("professionals/", "en/professionals/")) for p in ranked[1:3]), ranked[:3]


def test_accuracy(searches, capsys):
    figures = {section: measure(searches, section) for section in MEASURED}
    unseen = {section: measure(searches, section) for section in UNSEEN}
    with capsys.disabled():
        print()
        for section, m in [*figures.items(), *unseen.items()]:
            print(("Python lunr, " if section in figures else "Python lunr, nog niet gezien: ") + report(section, m))
            for lang, query, expected, got in m["misses"]:
                print(f"    mis [{lang}] {query!r}: verwacht {expected}, kreeg {got}")
    for section, m in figures.items():
        assert m["danger_ok"] == m["danger"], section
        if section not in SECTIONS:
            continue
        assert m["first"] >= TARGET_FIRST * m["total"], report(section, m)
        assert m["top"] >= TARGET_TOP * m["total"], report(section, m)


@pytest.mark.parametrize("query,expected", QUERIES.get("zwak", []))
@pytest.mark.xfail(reason="known weak spot of prefix search; see tests/zoekvragen.yml", strict=False)
def test_known_weak_queries(searches, query, expected):
    assert expected in searches["nl"].pages(query)[:TOP]


def test_editor_pages_are_not_searchable(searches):
    assert not [p for p in searches["nl"].titles if p.startswith("redactie/")]


# ---------------------------------------------------------------------------- the vocabulary file

from tools.content.vocabulary import VOCAB_FILE, known_pages, load_vocabulary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"veiligheid/", "alimentatie/", "jongeren/praten/", "hulp/", "hulp/breda/", ""}


def _load(tmp_path, text):
    path = tmp_path / "zoekwoorden.yml"
    path.write_text(text, encoding="utf-8")
    return load_vocabulary(path, PAGES, "docs/_data/zoekwoorden.yml")


def _fresh_docs(tmp_path: Path) -> Path:
    """docs/ as a fresh checkout has it: only what git tracks, nothing the build generated."""
    import shutil
    import subprocess

    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True, check=True)
    for rel in tracked.stdout.split():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / rel, tmp_path / rel)
    return tmp_path / "docs"


def test_the_real_vocabulary_is_valid(tmp_path):
    # A fresh checkout has no generated pages on disk (CI failed once on 'open-data' for this reason).
    pages = known_pages(_fresh_docs(tmp_path), ["altena", "breda", "drimmelen", "geertruidenberg", "oosterhout"])
    vocab, findings = load_vocabulary(ROOT / VOCAB_FILE, pages)
    assert not findings, "\n".join(f.as_text() for f in findings)
    assert any(b.danger and b.page == "veiligheid/" for b in vocab.bets)
    assert "geslagen" in vocab.words["veiligheid/"]["nl"]


def test_a_good_entry_is_read(tmp_path):
    vocab, findings = _load(
        tmp_path,
        "paginas:\n  veiligheid.md:\n    nl: [geslagen]\n"
        "voorrang:\n  - pagina: /jongeren/praten/\n    nl: [kindertelefoon, met wie kan ik praten]\n"
        "nooit:\n  - pagina: alimentatie\n    nl: [slaan]\n"
        'gewicht:\n  hulp: 0.3\n  "hulp/*": 0.6\n',
    )
    assert not findings
    assert vocab.words == {"veiligheid/": {"nl": ["geslagen"], "en": []}}
    assert vocab.bets[0].page == "jongeren/praten/" and ("met", "wie", "kan", "ik", "praten") in vocab.bets[0].patterns["nl"]
    assert vocab.weight("hulp/breda/") == 0.6 and vocab.weight("hulp/") == 0.3 and vocab.weight("alimentatie/") == 1


@pytest.mark.parametrize(
    "text,line,words",
    [
        ("paginas:\n  veiligheidd:\n    nl: [geslagen]\n", 2, ["bestaat niet", "Bedoel je 'veiligheid'"]),
        ('voorrang:\n  - pagina: veiligheid\n    nl: [geslagen, "sla(an|at)"]\n', 3, ["kan niet", "letters"]),
        ("voorrang:\n  - pagina: veiligheid\n    nl: [ge*]\n", 3, ["te veel woorden", "3 letters"]),
        ('voorrang:\n  - pagina: veiligheid\n    nl: ["* kapot"]\n', 3, ["kan niet", "losse *"]),  # a lone * only between words
        ('voorrang:\n  - pagina: veiligheid\n    nl: ["maakt *"]\n', 3, ["kan niet", "losse *"]),
        ('voorrang:\n  - pagina: veiligheid\n    nl: ["*slaan"]\n', 3, ["kan niet"]),
        ("voorrang:\n  - pagina: veiligheid\n    gevaar: misschien\n    nl: [slaan]\n", 3, ["ja of nee"]),
        ("voorrang:\n  - paginaa: veiligheid\n", 2, ["Onbekend veld", "Bedoel je 'pagina'"]),
        ("gewicht:\n  alimentatie: 0,5\n", 2, ["geen goed gewicht", "punt"]),
        ('paginas:\n  veiligheid:\n    nl: ["<script>x</script>"]\n', 3, ["opmaak"]),
        ("paginas:\n  veiligheid:\n    nl: [geslagen\n", 3, ["geen geldige YAML"]),  # the line where the [ was opened
        ("nooit:\n  - pagina: veiligheid\n    nl: [slecht slapen]\n", 3, ["meer dan één woord"]),
        ("voorrang:\n  - pagina: veiligheid\n    nl: [ik]\n", 3, ["bijna elke zoekvraag"]),
        ("paginas:\n  - veiligheid\n", 2, ["naam: waarde"]),
        ("doelgroepen:\n  - paginas: profesionals*\n    nl: [leerling]\n", 2, ["Geen enkele pagina", "jongeren*"]),
        ("doelgroepen:\n  - paginas: jongeren*\n    boven_gevaar: misschien\n    nl: [papa]\n", 3, ["ja of nee"]),
        ("doelgroepen:\n  - nl: [papa]\n", 2, ["pagina"]),
        ("doelgroepen:\n  - paginas: jongeren*\n    nl: [papa]\n    behalve:\n      nl: [ik]\n", 5, ["bijna elke"]),
        ("gevaar_samen:\n  - pagina: veiligheidd\n    wie: {nl: [hij]}\n    wat: {nl: [gooit]}\n", 2, ["bestaat niet"]),
        ("gevaar_samen:\n  - pagina: veiligheid\n    wie: {nl: [hij]}\n    wat: {nl: [ge*]}\n", 4, ["te veel woorden"]),
        ('geen_gevaar:\n  nl: [dreig* advocaat, "dreig(t)"]\n', 2, ["kan niet", "letters"]),
        ("geen_gevaar:\n  - dreig* advocaat\n", 2, ["naam: waarde"]),
    ],
)
def test_a_bad_entry_gets_a_dutch_error_with_file_and_line(tmp_path, text, line, words):
    _, findings = _load(tmp_path, text)
    assert findings, text
    f = findings[0]
    assert f.file == "docs/_data/zoekwoorden.yml" and f.line == line, f.as_text()
    for word in words:
        assert word in f.as_text(), f.as_text()


def test_check_reports_a_bad_vocabulary(tmp_path):
    from conftest import copy_repo

    from tools.gates.check import run_checks

    repo = copy_repo(tmp_path / "repo")
    (repo / VOCAB_FILE).write_text("voorrang:\n  - pagina: bestaat-niet\n    nl: [iets]\n", encoding="utf-8")
    report = run_checks(repo, with_b1=False)
    found = [f for f in report.findings if f.file == VOCAB_FILE.as_posix()]
    assert found and found[0].line == 2 and "bestaat niet" in found[0].message


def test_a_bad_vocabulary_stops_the_build_with_a_dutch_message(tmp_path):
    from conftest import copy_repo, run_mkdocs

    repo = copy_repo(tmp_path / "repo")
    (repo / VOCAB_FILE).write_text('voorrang:\n  - pagina: veiligheid\n    nl: ["sla(an)"]\n', encoding="utf-8")
    result = run_mkdocs(repo, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/_data/zoekwoorden.yml:3" in out and "zoekpatroon" in out, out[-2000:]
    assert "Traceback" not in out, out[-2000:]


def test_a_possessive_matches_the_word_it_belongs_to():
    from tools.content.vocabulary import _word_matches

    assert _word_matches("dad", "dad's") and _word_matches("papa", "papa's") and not _word_matches("dad", "dads'")
    assert _word_matches("mum's", "mum's") and not _word_matches("mum's", "mum")
    assert _word_matches("won't", "wont") and _word_matches("can't", "cant") and not _word_matches("want", "wont")


@pytest.mark.parametrize(
    "lang,query",
    [("nl", "moeder geeft de kinderen niet mee in mijn weekend"), ("en", "my ex won't bring the kids back after the weekend")],
)
def test_a_parent_who_keeps_the_children_leads_to_the_conflict_page(searches, lang, query):
    assert searches[lang].pages(query)[0] == ("" if lang == "nl" else "en/") + "conflict/"


def test_a_final_d_t_or_dt_and_a_short_mijn_are_read_as_meant(searches):
    """Writers mix up a final d and t ("hij slaad me", "ik word"), phones type "mn" and "m'n"."""
    from tools.content.vocabulary import _word_matches

    assert _word_matches("slaat", "slaad") and _word_matches("wordt", "word") and _word_matches("word", "wordt")
    assert not _word_matches("slaat", "slaan") and not _word_matches("kat", "kad")  # d/t from four letters
    for query in ("mijn man slaad me", "m'n vriend staat elke nacht voor mn deur"):
        assert searches["nl"].plan(query).danger and searches["nl"].pages(query)[0] == SAFETY["nl"], query


def test_when_and_how_words_and_verb_prefixes_are_read_as_meant(searches):
    """Words of time and degree may stand between the words of an act ("staat elke avond bij mijn huis",
    "weet steeds precies waar ik ben"); "'s nachts" typed as "snachts" is "nachts"; a verb with ont-, ver-
    or her- is another verb ("mijn baas ontslaat me" is about work, not about hitting)."""
    from tools.content.vocabulary import _word_matches

    for query in (
        "mijn ex staat elke avond bij mijn huis",
        "mijn ex weet steeds precies waar ik ben",
        "oom komt snachts in mijn kamer",
    ):
        assert searches["nl"].plan(query).danger and searches["nl"].pages(query)[0] == SAFETY["nl"], query
    assert _word_matches("slaat", "ontslaat") is False and _word_matches("slaat", "verslaat") is False
    assert _word_matches("geweld", "partnergeweld")  # a compound's head still counts
    assert not searches["nl"].plan("ik ben bang dat mijn baas me ontslaat").danger


@pytest.mark.parametrize(
    "lang,query,danger",
    [
        ("en", "scared i will be alone forever", False),  # the longer calm pattern goes first
        ("en", "scared to be alone with him", True),
        ("nl", "ik ben bang dat ik de hypotheek niet alleen kan betalen", False),
        ("nl", "ik ben bang dat hij me iets aandoet", True),
        ("nl", "het doet zo'n pijn dat hij weg is", False),
        ("nl", "hij doet me pijn", True),
        ("nl", "mijn dochter slaat de deur dicht als ze naar haar vader moet", False),
    ],
)
def test_fear_and_pain_about_ordinary_things_are_no_danger(searches, lang, query, danger):
    """Fear of money, school or being alone and the pain of a loss are calmed (`geen_gevaar`); fear of a
    person or pain done by a person stays danger."""
    assert searches[lang].danger(query) is danger, query


@pytest.mark.parametrize(
    "lang,query",
    [
        ("nl", "mijn ex dreigt met een advocaat"),
        ("nl", "ex dreigt ermee naar de rechter te gaan voor de omgang"),
        ("en", "my ex threatened to get a lawyer"),
        ("en", "ex threatens to take me to court for the house"),
    ],
)
def test_a_threat_of_court_is_no_threat_of_harm(searches, lang, query):
    """`geen_gevaar`: the words of such a pattern do not count for danger, and the safety page stays out."""
    assert not searches[lang].danger(query) and SAFETY[lang] not in searches[lang].pages(query)[:3], query


@pytest.mark.parametrize(
    "lang,query",
    [("nl", "hij dreigt me te slaan en naar de rechter te stappen"), ("en", "he threatens to kill me and take me to court")],
)
def test_a_threat_of_harm_next_to_a_threat_of_court_stays_danger(searches, lang, query):
    assert searches[lang].plan(query).danger and searches[lang].pages(query)[0] == SAFETY[lang], query


def _slip(query: str, rng) -> str | None:
    """One slip (a letter dropped, swapped or changed, never the first or last) in a long word."""
    words = query.split()
    long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not long:
        return None
    i = rng.choice(long)
    w, j = words[i], rng.randrange(1, len(words[i]) - 1)
    kind = rng.choice("dsr")
    words[i] = (
        w[:j] + w[j + 1 :]
        if kind == "d"
        else w[:j] + w[j + 1] + w[j] + w[j + 2 :]
        if kind == "s"
        else w[:j] + rng.choice("aeiounrst") + w[j + 1 :]
    )
    return " ".join(words)


def test_a_slip_in_a_danger_word_still_shows_the_safety_page(searches):
    """Every danger query of the measured sets and the examples with one slip in a long word
    ("verkragt", "choekd"): at least 95 in 100 still show the safety page first (464 of 497 did
    before `repaired`, 84 %), and ordinary queries with a slip alarm hardly more than as written."""
    import random

    rng = random.Random(7)
    danger = [(lang, q) for section in MEASURED for lang in ("nl", "en") for q, _, d in cases(section, lang) if d]
    danger += [tuple(item) for item in EXAMPLES["gevaar"]]
    slipped = [(lang, s) for lang, s in ((lang, _slip(q, rng)) for lang, q in danger) if s]
    missed = [
        (lang, q) for lang, q in slipped if not (searches[lang].danger(q) and searches[lang].pages(q)[:1] == [SAFETY[lang]])
    ]
    assert len(slipped) > 300 and len(missed) <= len(slipped) // 20, missed
    ordinary = [(lang, q) for section in MEASURED for lang in ("nl", "en") for q, _, d in cases(section, lang) if not d]
    as_written = sum(searches[lang].danger(q) for lang, q in ordinary)
    slipped = [(lang, s) for lang, s in ((lang, _slip(q, rng)) for lang, q in ordinary) if s]
    alarms = sum(searches[lang].danger(q) for lang, q in slipped)
    assert alarms <= as_written + len(slipped) // 100, (alarms, as_written)


def test_a_slip_is_mended_only_towards_a_danger_word_and_not_in_a_word_the_pages_use(searches):
    from tools.content.vocabulary import _one_edit, repaired

    assert _one_edit("choekd", "choked") and _one_edit("leve", "leven") and _one_edit("verkragt", "verkracht") is False
    plan = searches["en"].plan("my husband choekd me")
    assert plan.danger, plan
    assert searches["nl"].plan("ik heb zelfmtordgedachten").danger
    dictionary = searches["nl"].dictionary
    assert repaired(["straks"], ["stalk*"], dictionary) == ["straks"]  # a word of the pages stays
    assert repaired(["starks"], ["stalkt"], dictionary) == ["starks"]  # two slips away
    assert not searches["nl"].danger("bij wie ga ik starks wonen")


def test_two_swapped_letters_in_a_short_danger_word_are_mended():
    """Four-letter danger words ("bang") are too short for any slip, but two neighbouring letters
    swapped after the first ("bnag") are mended; the first letter and the other slips stay."""
    from tools.content.vocabulary import Dictionary, _swapped, repaired

    assert _swapped("bnag", "bang") and _swapped("bagn", "bang") and not _swapped("abng", "bang")  # the first stays
    assert not _swapped("bank", "bang") and not _swapped("bang", "bang")
    empty = Dictionary([])
    assert repaired(["bnag", "voor", "mijn", "man"], ["bang"], empty) == ["bang", "voor", "mijn", "man"]
    assert repaired(["bank"], ["bang"], empty) == ["bank"]  # one letter changed: no slip of "bang"


@pytest.mark.parametrize("lang,query", [("nl", "bnag voor mijn man"), ("en", "my husband hrut me")])
def test_a_swapped_short_danger_word_shows_the_safety_page(searches, lang, query):
    assert searches[lang].plan(query).danger and searches[lang].pages(query)[0] == SAFETY[lang], query


@pytest.mark.parametrize(
    "query",
    ["me man checkt me bankrekening", "ex rijdt langs huis", "partner checkt bankrekening", "vriend pakt pinpas af"],
)
def test_danger_in_a_hurry_without_mijn_or_with_a_spoken_me(searches, query):
    """People in a hurry drop "mijn" or say "me" ("me man"): a danger act's "mijn" may be left out."""
    assert searches["nl"].plan(query).danger and searches["nl"].pages(query)[0] == SAFETY["nl"], query


@pytest.mark.parametrize(
    "lang,query",
    [
        ("nl", "mijn zus haar man trapt haar elke dag"),
        ("nl", "de vriend van mijn moeder sluit hem op"),
        ("en", "pupil told me her stepdad burns her with cigarettes"),
        ("en", "my daughter says her dad touches her when she stays over"),
        # session 10: harm to oneself told about someone else; a learner's "hij heb"
        ("en", "my daughter of 14 is cutting herself and says she wants to die"),
        ("nl", "mijn dochter snijdt zichzelf in haar armen"),
        ("nl", "man zeg ik moet weg uit nederland als ik ga hij heb mijn paspoort"),
    ],
)
def test_an_act_told_about_someone_else_is_danger_too(searches, lang, query):
    """The acts are written about "me" ("slaat me", "burns me", "cut myself", "want to die"); "haar", "hem",
    "her", "him", "herself" and "wants" count as "me", "myself" and "want"."""
    assert searches[lang].plan(query).danger and searches[lang].pages(query)[0] == SAFETY[lang], query


def test_english_phone_spelling_is_read_as_the_words_it_stands_for(searches):
    """'kil' and 'wil' are Dutch words of their own, so only the English index reads them as 'kill', 'will'."""
    assert searches["en"].plan("bf sed he wil kil me if i leve").danger
    assert searches["en"].pages("bf sed he wil kil me if i leve")[0] == SAFETY["en"]
    assert not searches["nl"].plan("het voelt kil tussen ons en ik wil praten").danger


@pytest.mark.parametrize("query", ["i wanna die", "dont wanna live anymore", "hes gonna hurt me"])
def test_english_phone_contractions_are_read_as_two_words(searches, query):
    """'wanna' is 'want to', 'gonna' 'going to': the danger patterns are written out ('want to die')."""
    assert searches["en"].plan(query).danger and searches["en"].pages(query)[0] == SAFETY["en"], query


def test_spoken_words_are_read_per_language(searches):
    """Dutch "me" is often "mijn" ("me man slaat me"); English "me" is only "me", so a figure of speech
    about a schedule stays calm in English, and a real threat does not."""
    assert not searches["en"].plan("my ex is killing me with the christmas schedule").danger
    assert searches["en"].plan("he said he will kill me").danger
    assert searches["nl"].plan("me man slaat me").danger


@pytest.mark.parametrize(
    "lang,query",
    [("nl", "hoe vertel ik hem dat ik wil scheiden"), ("nl", "mijn ex haalt haar op van school"),
     ("en", "my ex picks her up from school on fridays"), ("en", "my son misses her since she moved out")],
)  # fmt: skip
def test_him_or_her_in_an_ordinary_question_is_no_danger(searches, lang, query):
    assert not searches[lang].plan(query).danger and searches[lang].pages(query)[0] != SAFETY[lang], query


@pytest.mark.parametrize(
    "lang,query,first",
    [
        ("nl", "verwijskaart oosterhout voor in de wachtkamer", "kaart/oosterhout/"),
        ("nl", "geertruidenberg verwijskaarten", "kaart/geertruidenberg/"),
        ("nl", "hulp in oosterhout", "hulp/oosterhout/"),
        ("en", "referral card drimmelen", "en/kaart/drimmelen/"),
    ],
)
def test_a_referral_card_with_a_place_leads_to_that_card(searches, lang, query, first):
    """A place leads to the municipality's page, the card's title with a place to its card."""
    assert searches[lang].pages(query)[0] == first, searches[lang].pages(query)[:3]


def test_a_left_out_mijn_is_for_danger_acts_only():
    from tools.content.vocabulary import _matches

    assert _matches(("langs", "mijn", "huis"), ["langs", "huis"], loose=True)
    assert not _matches(("langs", "mijn", "huis"), ["langs", "huis"])  # best bets and groups stay strict
    assert not _matches(("leest", "mijn"), ["leest"], loose=True)  # a "mijn" at the end stays
    assert not _matches(("mijn", "locatie"), ["locatie"], loose=True)  # and at the start
    assert not _matches(("share", "my", "photos"), ["share", "photos"], loose=True)  # "my" always stays


def test_a_typo_fix_aims_at_a_beginning_of_six_letters_or_more(searches):
    """A real word the index lacks is not rewritten into the beginning of a topic word ("alive" is
    not "alime", the start of "alimentatie"); a long beginning still is ("alimentatieberekening")."""
    assert "alive" in searches["en"].plan("don't want to be alive").words
    assert searches["nl"].pages("alimentatieberekning")[0] == "alimentatie/"


def test_the_safety_net_puts_the_safety_page_first_from_the_first_three():
    from tools.content.vocabulary import Plan

    caught = Plan("", False, [], [], net=True)
    assert safety_net(caught, ["a/", "b/", "veiligheid/", "c/"], "veiligheid/", 3) == (["veiligheid/", "a/", "b/", "c/"], True)
    assert safety_net(caught, ["a/", "b/", "c/", "veiligheid/"], "veiligheid/", 3) == (["a/", "b/", "c/", "veiligheid/"], False)
    ordinary = Plan("", False, [], [], net=False)
    assert safety_net(ordinary, ["a/", "veiligheid/"], "veiligheid/", 3) == (["a/", "veiligheid/"], False)


@pytest.mark.parametrize("lang,query", [("nl", "mijn vriend gaat over de rooie")])  # no danger word, an idiom
def test_the_safety_net_catches_danger_in_words_no_list_has(searches, lang, query):
    assert not searches[lang].plan(query).danger
    assert searches[lang].danger(query) and searches[lang].pages(query)[0] == SAFETY[lang]


def test_the_safety_net_seldom_fires_on_ordinary_queries(searches):
    """Of all ordinary queries of the measured sets (about 700), the net alone shows the help line for
    at most 1 in 100. Known: "my wife is hurting after the separation" ("hurting" may be harm)."""
    ordinary = [(lang, q) for section in MEASURED for lang in ("nl", "en") for q, _, danger in cases(section, lang) if not danger]
    alarms = [(lang, q) for lang, q in ordinary if searches[lang].danger(q) and not searches[lang].plan(q).danger]
    assert len(ordinary) > 500 and len(alarms) <= len(ordinary) // 100, alarms
    assert not searches["nl"].plan("mijn kind heeft pijn in zijn buik van de stress").net  # children are not in the net
    assert not searches["nl"].plan("mijn ex reageert niet op mijn berichten").net  # nor the ex


EXAMPLES = yaml.safe_load((Path(__file__).parent / "gevaar_voorbeelden.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang,query", [tuple(item) for item in EXAMPLES["gevaar"]])
def test_each_kind_of_danger_in_own_words_shows_the_safety_page_first(searches, lang, query):
    assert searches[lang].plan(query).danger and searches[lang].pages(query)[:1] == [SAFETY[lang]], query


@pytest.mark.parametrize("lang,query", [tuple(item) for item in EXAMPLES["gewoon"]])
def test_ordinary_questions_near_the_kinds_of_danger_are_no_danger(searches, lang, query):
    assert not searches[lang].danger(query), query
