"""One search index per language, enriched with the editors' search vocabulary.

mkdocs-static-i18n leaves one shared index in which Dutch results show up on the English site
(upstream issue #271). After the build, `split_by_language` writes `<lang>/search/search_index.json`
with that language's pages (locations relative to the language root) and keeps only the default
language in the root index; `point_to_language_root` makes the pages of a language look there.

`enrich` then prepares each language's index for Material's lunr worker (issue 13):
- front matter `zoekwoorden` (which Material indexes as `tags` and shows as chips) and the words of
  docs/_data/zoekwoorden.yml move to a hidden field `woorden`: indexed and weighted, never shown;
- a municipality's page gets its name, places and the names of its own offerings as hidden words;
- every page and its sections get a marker token (tools/search_vocab.marker) that best bets and
  exclusions address, a marker per audience whose pages it belongs to (`doelgroepen`), and a weight
  (topic pages above generated pages and the overview);
- `config.rs_zoeken` carries the best bets, exclusions and ignored words for docs/assets/js/zoeken.js,
  and the vocabulary's one-word entries (`kern`), which weigh more in a query of several words,
  and the safety net (`vangnet`: the persons and the page of `gevaar_vangnet`).
"""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path

from tools.content.vocabulary import (
    FILLERS,
    PARTICLES,
    SHORT_FORMS,
    SHORT_FORMS_OF,
    SPOKEN_OF,
    Vocabulary,
    marker,
    page_location,
    stop_words,
)
from tools.core.labels import label
from tools.hulp.model import Dataset

INDEX = Path("search") / "search_index.json"
BASE_RE = re.compile(r'("base": ")([^"]*)(")')
HIDDEN = "woorden"
HIDDEN_BOOST = 3000
GENERATED_WEIGHT = 0.6  # municipality pages: below topic pages unless a place name is in the query
OVERVIEW_WEIGHT = 0.3  # the overview never above a specific page
NET_WITHIN = 3  # the safety net moves the safety page up from this many first results


def split_by_language(site_dir: Path, languages: list[str]) -> dict[str, int]:
    """Split the shared index; returns the number of entries per language ('' is the default)."""
    path = Path(site_dir) / INDEX
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    prefixes = {lang: f"{lang}/" for lang in languages}
    counts = {}
    for lang, prefix in prefixes.items():
        docs = [dict(d, location=d["location"][len(prefix) :]) for d in data["docs"] if d["location"].startswith(prefix)]
        target = Path(site_dir) / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(dict(data, docs=docs), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang] = len(docs)
    default = [d for d in data["docs"] if not any(d["location"].startswith(p) for p in prefixes.values())]
    path.write_text(json.dumps(dict(data, docs=default), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    counts[""] = len(default)
    return counts


def point_to_language_root(html: str, lang: str) -> str:
    """Material reads `base` from its __config JSON for the index URL and result links."""

    def repl(m: re.Match) -> str:
        base = m.group(2).rstrip("/") or "."
        return f"{m.group(1)}{base}/{lang}/{m.group(3)}"  # trailing slash: a URL base

    return BASE_RE.sub(repl, html, count=1)


def municipality_words(data: Dataset) -> dict[str, list[str]]:
    """Per municipality page: its name, its places and the names of its own offerings."""
    out = {}
    for g in data.municipalities.values():
        words = [g.naam, *g.plaatsen]
        for o in g.aanbod:
            words += [o.naam, o.organisatie]
        out[f"hulp/{g.id}/"] = words
    return out


def rules(vocab: Vocabulary, data: Dataset, lang: str) -> dict:
    """The query rules zoeken.js applies in the browser (and tests/test_search.py in Python)."""

    # Order = rank: danger first; then a place or an organisation ("schuldhulp breda": the
    # municipality's page first, the topic second); then the topics.
    def vocab_bets(danger: bool) -> list[dict]:
        return [
            {"pagina": b.page, "gevaar": b.danger, "patronen": [list(p) for p in b.patterns.get(lang, ())]}
            for b in vocab.bets
            if b.danger == danger and b.patterns.get(lang)
        ]

    out_bets = vocab_bets(True)
    ordinary = set(vocab.ordinary.get(lang, ()))
    for g in sorted(data.municipalities.values(), key=lambda g: g.id):
        names = [n.lower() for n in dict.fromkeys([g.naam, *g.plaatsen])]
        pats = [n.replace("-", " ").split() for n in names if n not in ordinary]
        if pats:
            # "verwijskaart oosterhout": the card, not the municipality's page that the place leads to.
            card = card_patterns(lang, pats)
            out_bets.append({"pagina": f"kaart/{g.id}/", "gevaar": False, "tussen": CARD_GAP, "patronen": card})
            # Whole words only: a place is no compound tail ("opheffen" is not about Effen).
            out_bets.append({"pagina": f"hulp/{g.id}/", "gevaar": False, "heel": True, "patronen": pats})
    out_bets.extend(organisation_bets(data))
    out_bets.extend(vocab_bets(False))
    never = [{"pagina": n.page, "woorden": list(n.words.get(lang, ()))} for n in vocab.never if n.page and n.words.get(lang)]
    ignore = sorted({w for n in vocab.never if not n.page for w in n.words.get(lang, ())})
    groups = [
        {
            "marker": a.marker,
            "boven_gevaar": a.above_danger,
            "patronen": [list(p) for p in a.patterns.get(lang, ())],
            "behalve": [list(p) for p in a.unless.get(lang, ())],
        }
        for a in vocab.audiences
        if a.patterns.get(lang)
    ]
    pairs = [
        {"pagina": d.page, "wie": [list(p) for p in d.who.get(lang, ())], "wat": [list(p) for p in d.what.get(lang, ())]}
        for d in vocab.pairs
        if d.who.get(lang) and d.what.get(lang)
    ]
    # The one-word entries of the vocabulary: the words that name a page's topic (see plan_query).
    key_words = sorted({w.strip().lower() for page in vocab.words.values() for w in page.get(lang, []) if len(w.split()) == 1})
    # The safety net (tools/content/vocabulary.safety_net).
    has_net = vocab.net is not None and vocab.net.who.get(lang)
    net = {"pagina": vocab.net.page, "wie": [list(p) for p in vocab.net.who[lang]], "plaatsen": NET_WITHIN} if has_net else {}
    return {
        "vangnet": net,
        # Longest first: "scared * be alone forever" calms "scared" before "alone forever" takes its words.
        "geen_gevaar": [list(p) for p in sorted(vocab.calm.get(lang, ()), key=len, reverse=True)],
        "samen": pairs,
        "kern": key_words,
        "voorrang": out_bets,
        "groepen": groups,
        "nooit": never,
        "negeer": ignore,
        "stop": stop_words(),
        "vul": list(FILLERS),
        "kort": {**SHORT_FORMS, **SHORT_FORMS_OF.get(lang, {})},
        "spreek": SPOKEN_OF.get(lang, {}),
        "deeltjes": list(PARTICLES),
    }


ORG_SPLIT_RE = re.compile(r",\s*|\s+(?:samen met|met|en|bij)\s+|[()]")


CARD_GAP = 3  # words between a card's title and its place: "verwijskaart printen voor school in drimmelen"


def card_patterns(lang: str, places: list[list[str]]) -> list[list[str]]:
    """The card's title with each place, in either order: "Verwijskaart {naam}" gives
    "verwijskaart* oosterhout" and "oosterhout verwijskaart*" (also "verwijskaarten")."""
    words = label(lang, "card_title", naam="").lower().split()
    words[-1] += "*"
    return [p for place in places for p in ([*words, *place], [*place, *words])]


def organisation_bets(data: Dataset) -> list[dict]:
    """People type an organisation's name ("IMW", "Kredietbank"): an organisation that only one
    municipality lists among its own offerings leads to that municipality's page first."""
    regions = {r.naam.lower() for r in data.regions.values()}
    owners: dict[tuple[str, ...], set[str]] = {}
    for g in data.municipalities.values():
        strip = {g.naam.lower(), *regions}
        for o in g.aanbod:
            for name in ORG_SPLIT_RE.split(o.organisatie):
                name = name.strip()
                if not name or name.lower().startswith("gemeente") or name == name.lower():
                    continue
                words = re.sub(r"[^a-z0-9\u00e0-\u00ff' ]", " ", name.lower().replace("-", " ")).split()
                for tail in sorted(strip, key=len, reverse=True):
                    tail_words = tail.replace("-", " ").split()
                    if len(words) > len(tail_words) and words[-len(tail_words) :] == tail_words:
                        words = words[: -len(tail_words)]
                if words:
                    owners.setdefault(tuple(words), set()).add(g.id)
    return [
        {"pagina": f"hulp/{next(iter(ids))}/", "gevaar": False, "patronen": [list(words)]}
        for words, ids in sorted(owners.items())
        if len(ids) == 1
    ]


def enrich_index(index: dict, vocab: Vocabulary, data: Dataset, lang: str) -> dict:
    """Return the language's index prepared as described in the module docstring."""
    places = municipality_words(data)
    generated = set(places)
    config = dict(index["config"])
    fields = {k: v for k, v in config.get("fields", {}).items() if k != "tags"}
    fields[HIDDEN] = {"boost": (config.get("fields", {}).get("tags") or {}).get("boost", HIDDEN_BOOST)}
    config["fields"] = fields
    config["rs_zoeken"] = rules(vocab, data, lang)
    docs = []
    for doc in index["docs"]:
        doc = dict(doc)
        page = page_location(doc["location"].split("#")[0])
        hidden = [marker(page)] + [a.marker for a in vocab.audiences if fnmatch.fnmatchcase(page, a.pages)]
        if "#" not in doc["location"]:
            hidden += list(doc.pop("tags", None) or [])
            hidden += vocab.words.get(page, {}).get(lang, [])
            hidden += places.get(page, [])
        else:
            doc.pop("tags", None)
        doc[HIDDEN] = " ".join(hidden)
        default = GENERATED_WEIGHT if page in generated else OVERVIEW_WEIGHT if page == "hulp/" else 1.0
        doc["boost"] = vocab.weight(page, default)
        docs.append(doc)
    return dict(index, config=config, docs=docs)


def enrich_site(site_dir: Path, languages: list[str], vocab: Vocabulary, data: Dataset) -> None:
    """Enrich the per-language indexes written by split_by_language ('' or the default first)."""
    for i, lang in enumerate(languages):
        path = Path(site_dir) / (INDEX if i == 0 else Path(lang) / INDEX)
        if not path.exists():
            continue
        index = json.loads(path.read_text(encoding="utf-8"))
        index = enrich_index(index, vocab, data, lang)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
