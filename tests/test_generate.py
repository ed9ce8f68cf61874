"""Generation of municipality pages, picker data and referral blocks from the dataset."""

from __future__ import annotations

import json
import re

from conftest import FIXTURES

from tools.hulp.blocks import check_markers, expand_markers, find_markers
from tools.hulp.load import load_dataset
from tools.hulp.model import Offering, Text
from tools.hulp.render import fill_placeholders, offering_card, render_all, write_files

DATA, _ = load_dataset(FIXTURES / "gemeenten-goed", FIXTURES)


def test_every_municipality_gets_a_page_in_both_languages_and_data():
    files = render_all(DATA)
    for gid in ("testdorp", "anderstad"):
        assert f"hulp/{gid}.md" in files and f"hulp/{gid}.en.md" in files
        assert f"hulp/data/{gid}.js" in files
    assert "hulp/index.md" in files and "hulp/index.en.md" in files


def test_municipality_page_has_offering_per_category_and_unverified_mark():
    page = fill_placeholders(render_all(DATA)["hulp/testdorp.md"], DATA)
    assert "# Hulp in Testdorp" in page
    # the call is a button of its own, the number also in the folded details
    assert '<a class="rs-knop rs-knop--bel" href="tel:0123456789">Bel 0123 456 789</a>' in page
    assert '<a href="tel:0123456789">0123 456 789</a>' in page
    assert '<a href="mailto:wijkteam@testdorp.example.nl">' in page
    # every category has its own entry with a stable anchor, linking to the services on the page
    for cid in DATA.categories:
        assert f"{{#{cid} .rs-onderwerp}}" in page
    youth = page.split("{#kinderen-en-jongeren .rs-onderwerp}")[1].split("\n### ")[0]
    assert "Jongerenwerk Testdorp" in youth
    # the youth-work offering has no source: the card says so, calmly
    card = page.split('id="aanbod-jongerenwerk-testdorp"')[1].split('<div class="rs-aanbod')[0]
    assert "Nog niet gecontroleerd" in card or "Controleer de gegevens" in card
    # a required category without local help shows the editor's reason and links to the national help
    mediation = page.split("{#mediation .rs-onderwerp}")[1].split("\n### ")[0]
    assert "Er is geen lokaal aanbod. Het Juridisch Loket helpt je verder." in mediation
    assert 'href="#aanbod-het-juridisch-loket"' in mediation
    assert 'id="aanbod-het-juridisch-loket"' in page
    # contents list first, local offer before the national helplines
    assert page.index("{: .rs-inhoud__titel }") < page.index("{#lokaal") < page.index('id="landelijk"')


def test_english_page_uses_english_texts():
    page = fill_placeholders(render_all(DATA)["hulp/testdorp.en.md"], DATA)
    assert "# Help in Testdorp" in page
    assert "The neighbourhood team helps you with any question." in page
    assert "Not yet verified" in page or "Please check the details" in page


def test_picker_index_has_places_and_postcodes():
    js = render_all(DATA)["hulp/data/gemeenten.js"]
    payload = json.loads(re.match(r"window\.RS_HULP\.index\((.*)\);\s*$", js, re.S).group(1))
    testdorp = next(g for g in payload if g["id"] == "testdorp")
    assert testdorp["plaatsen"] == ["Testdorp", "Kleinveld"]
    assert testdorp["postcodes"] == [[9990, 9992], [9995, 9995]]


def test_data_is_escaped_never_markup():
    evil = Offering(
        naam="<img src=x onerror=alert(1)>",
        organisatie="A & B",
        categorieen=("mediation",),
        wat=Text('"><script>alert(1)</script>', "x"),
        file="f",
        line=1,
        website='https://a.nl/?q="x"',
    )
    html = offering_card(evil, "nl")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "A &amp; B" in html
    assert 'href="https://a.nl/?q=&quot;x&quot;"' in html
    assert 'rel="noopener noreferrer"' in html


def test_write_only_changed_files_and_remove_stale(tmp_path):
    files = render_all(DATA)
    assert len(write_files(tmp_path, files)) == len(files)
    assert write_files(tmp_path, files) == []  # nothing changed: nothing rewritten (no serve loop)
    stale = tmp_path / "hulp" / "oud.md"
    stale.write_text("oud", encoding="utf-8")
    smaller = {k: v for k, v in files.items() if "anderstad" not in k}
    write_files(tmp_path, smaller)
    assert not stale.exists() and not (tmp_path / "hulp" / "anderstad.md").exists()


def test_markers_found_with_line_numbers():
    text = "# Titel\n\nTekst.\n\n<!-- hulp: mediation, juridisch-advies -->\n\n<!-- gemeentekiezer -->\n"
    markers = find_markers(text)
    assert [(m.kind, m.categories, m.line) for m in markers] == [
        ("hulp", ("mediation", "juridisch-advies"), 5),
        ("gemeentekiezer", (), 7),
    ]


def test_unknown_category_in_marker_is_an_error_with_page_and_line():
    text = "Intro\n\n<!-- hulp: mediaton -->\n"
    findings = check_markers(text, "docs/x.md", {}, set(DATA.categories), line_offset=10)
    assert len(findings) == 1
    f = findings[0]
    assert (f.file, f.line, f.rule) == ("docs/x.md", 13, "onbekende-categorie")
    assert "Bedoel je 'mediation'?" in f.tip


def test_misspelt_marker_and_unknown_front_matter_category():
    findings = check_markers("<!-- hulpblok: x -->\n", "docs/x.md", {"hulp": ["geld"]}, set(DATA.categories))
    rules = sorted(f.rule for f in findings)
    assert rules == ["onbekende-categorie", "onbekende-markering"]


def test_referral_block_links_to_municipality_pages_relative_to_the_page():
    out = expand_markers("A\n\n<!-- hulp: mediation -->\n", DATA, "nl", "jongeren/praten.md", None)
    assert 'data-rs-hulp="mediation"' in out
    assert "[Testdorp](../hulp/testdorp.md#mediation)" in out
    assert "[Bekijk de hulp per gemeente](../hulp/index.md)" in out


def test_front_matter_categories_append_a_block_when_no_marker():
    out = expand_markers("Tekst zonder markering.\n", DATA, "en", "geld.en.md", ["schuldhulp"])
    assert out.startswith("Tekst zonder markering.")
    assert 'data-rs-hulp="schuldhulp" data-rs-lang="en"' in out and "## Help near you" in out


def test_bare_marker_uses_front_matter_categories():
    out = expand_markers("<!-- hulp -->", DATA, "nl", "geld.md", ["schuldhulp", "wonen"])
    assert out.count("data-rs-hulp=") == 1 and 'data-rs-hulp="schuldhulp wonen"' in out


def test_valid_markers_are_not_reported_as_misspelt():
    text = "<!-- gemeentekiezer -->\n<!-- hulp: mediation -->\n<!-- hulp -->\n"
    assert check_markers(text, "docs/x.md", {"hulp": ["mediation"]}, set(DATA.categories)) == []
