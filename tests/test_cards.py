"""Compact help cards and topic fit (issue 11): crisis help apart, ook_bij after the primary help,
access facts folded, calm wording for unverified or weakly sourced data."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from conftest import FIXTURES, ROOT

from tools.hulp.load import load_dataset
from tools.hulp.model import Offering, Text
from tools.hulp.render import category_html, direct_items_for, municipality_data, offering_card, summary_html

DATA, _ = load_dataset(FIXTURES / "gemeenten-goed", FIXTURES)
REAL, _ = load_dataset(ROOT / "gemeenten", ROOT / "gemeenten")


def _offering(**kw) -> Offering:
    base = dict(
        naam="Dienst",
        organisatie="Org",
        categorieen=("wonen",),
        wat=Text("Eerste zin. Tweede zin.", "First. Second."),
        file="f",
        line=1,
    )
    base.update(kw)
    return Offering(**base)


def test_card_has_buttons_of_its_own_and_details_folded():
    o = _offering(
        telefoon="0800 1234",
        chat="https://chat.example.nl",
        website="https://www.example.nl",
        kosten=Text("Gratis.", "Free."),
        anoniem=True,
        leeftijd="8-18",
        talen=("nl", "ar"),
        toestemming=Text("Beide ouders tekenen.", "Both parents sign."),
        wachttijd=Text("2 weken.", "2 weeks."),
    )
    html = offering_card(o, "nl")
    assert '<a class="rs-knop rs-knop--bel" href="tel:08001234">Bel 0800 1234</a>' in html
    assert 'class="rs-knop rs-knop--chat" href="https://chat.example.nl" rel="noopener noreferrer">Chat</a>' in html
    buttons, details = html.split("<details", 1)
    assert "Eerste zin." in buttons and "Tweede zin." not in buttons  # one line visible, the rest folded
    for fact in (
        "Gratis.",
        "Tweede zin.",
        "8-18 jaar",
        "Beide ouders tekenen.",
        "2 weken.",
        "je hoeft je naam niet",
        '<span lang="ar">العربية</span>',
    ):
        assert fact in details, fact


def test_unverified_and_weak_source_are_calm():
    html = offering_card(_offering(website="https://www.example.nl"), "nl")
    assert "Controleer de gegevens op de website van Org." in html
    weak = offering_card(
        _offering(bron="https://nieuws.example.nl", gecontroleerd=dt.date(2026, 11, 28), bron_soort="zwak"), "nl"
    )
    assert "Nog niet bevestigd door de organisatie." in weak
    assert "Laatst gecontroleerd: 28 november 2026." in weak
    assert "rs-status--open" not in weak


def test_opening_times_reach_the_browser():
    html = offering_card(_offering(tijden=((0, 540, 1020), (5, 0, 1440))), "nl")
    assert 'data-rs-tijden="0,540,1020;5,0,1440"' in html and "data-rs-nu-open" in html
    assert 'data-rs-open="Nu open"' in html


def test_crisis_help_is_never_a_topics_own_help():
    altena = REAL.municipalities["altena"]
    for cid in ("wonen", "gezondheid", "schuldhulp", "opvoedondersteuning"):
        html = category_html(REAL, altena, cid, "nl")
        names = re.findall(r'class="rs-aanbod__naam">([^<]+)', html)
        crisis = {o.naam for o in (*REAL.national, *REAL.local_offerings(altena)) if o.direct_hulp}
        assert not crisis & set(names), (cid, names)
    # ... but they are a "Direct hulp nodig?" line with a call button, and cards under veiligheid
    direct = " ".join(direct_items_for(REAL, altena, "gezondheid", "nl"))
    assert "113 Zelfmoordpreventie" in direct and 'href="tel:08000113"' in direct and 'href="tel:112"' in direct
    safety = category_html(REAL, altena, "veiligheid", "nl")
    assert "Veilig Thuis West-Brabant" in safety and direct_items_for(REAL, altena, "veiligheid", "nl") == []


def test_ook_bij_comes_after_the_primary_help():
    g = next(iter(DATA.municipalities.values()))
    primary = _offering(naam="Eerst", categorieen=("wonen",))
    extra = _offering(naam="Ook", categorieen=("schuldhulp",), ook_bij=("wonen",))
    data = dataclasses.replace(DATA, municipalities={g.id: dataclasses.replace(g, aanbod=(extra, primary))})
    html = category_html(data, data.municipalities[g.id], "wonen", "nl")
    assert html.index(">Eerst<") < html.index("Ook handig") < html.index(">Ook<")


def test_every_category_says_what_belongs_there_and_the_block_data_has_a_summary():
    breda = REAL.municipalities["breda"]
    payload = municipality_data(REAL, breda)
    for cid, cat in REAL.categories.items():
        assert cat.uitleg.get("nl") in payload["blokken"]["nl"][cid]["h"].replace("&#x27;", "'")
    assert "Bel 076 530 58 88" in summary_html(REAL, breda, "opvoedondersteuning", "nl")


def test_summary_goes_after_the_first_paragraph_also_without_a_title_line():
    from tools.hulp.blocks import expand_markers

    text = '!!! warning "Direct gevaar? Bel 112"\n    Bel 112.\n\nEerste alinea.\nNog een zin.\n\n## Kop\n\nTekst.\n'
    out = expand_markers(text, DATA, "nl", "veiligheid.md", ["veiligheid"])
    assert out.count("data-rs-hulp-kort") == 1
    assert out.index("Nog een zin.") < out.index("data-rs-hulp-kort") < out.index("## Kop")
    assert 'href="#hulp-in-de-buurt"' in out and "{#hulp-in-de-buurt}" in out


def test_module_texts_are_escaped_json_in_an_attribute():
    import html
    import json

    from tools.core.labels import js_texts

    raw = js_texts("nl", "js_did_you_mean", "js_forget")
    assert '"' not in raw and "<" not in raw
    assert json.loads(html.unescape(raw)) == {"did_you_mean": "Bedoel je {naam}?", "forget": "Vergeet mijn keuze"}
