"""Open data of the sociale kaart and the printable referral cards (issue 16), without a browser."""

from __future__ import annotations

import csv
import io
import json
import re

import jsonschema
import pytest
import segno
import yaml
from conftest import ROOT

from tools.hulp import cards, opendata
from tools.hulp.load import load_cached

SITE = "https://www.relatieenscheiding.nl/"


@pytest.fixture(scope="module")
def data():
    return load_cached(ROOT)[0]


def yaml_offerings() -> list[tuple[str, str]]:
    """(file, name) of every offering in gemeenten/, read with plain PyYAML: independent of our loader."""
    out = []
    for path in sorted((ROOT / "gemeenten").glob("*.yml")):
        if path.name == "_categorieen.yml":
            continue
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out += [(f"gemeenten/{path.name}", item["naam"]) for item in content.get("aanbod") or []]
    return out


def test_every_offering_in_the_yaml_is_in_csv_and_json(data):
    files = opendata.render_open_data(data, SITE)
    expected = sorted(yaml_offerings())
    rows = list(csv.DictReader(io.StringIO(files["open-data/sociale-kaart.csv"])))
    payload = json.loads(files["open-data/sociale-kaart.json"])
    assert sorted((r["bestand"], r["naam"]) for r in rows) == expected
    assert sorted((r["bestand"], r["naam"]) for r in payload["aanbod"]) == expected
    assert payload["aantal"] == len(expected) > 20
    assert len({r["id"] for r in rows}) == len(rows)


def test_records_carry_municipality_categories_contact_source_and_status(data):
    recs = {r["id"]: r for r in opendata.records(data)}
    zorg = recs["lokaal/breda/zorg-voor-elkaar-breda"]
    assert zorg["gemeente"] == "breda" and zorg["gemeente_naam"] == "Breda" and zorg["gemeenten"] == ["breda"]
    assert zorg["categorieen"] == ["eerste-aanspreekpunt"] and zorg["website"].startswith("https://")
    assert zorg["bron"] and zorg["gecontroleerd"] == "2026-11-28" and zorg["geverifieerd"] is True
    regional = [r for r in recs.values() if r["bereik"] == "regio"]
    assert regional and all(set(r["gemeenten"]) == set(data.municipalities) for r in regional)
    assert any(r["geverifieerd"] is False for r in recs.values()) or all(o.verified for o, _, _ in opendata.all_offerings(data))


def test_json_validates_against_the_published_schema(data):
    files = opendata.render_open_data(data, SITE)
    schema = json.loads(files["open-data/sociale-kaart.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(files["open-data/sociale-kaart.json"]), schema)
    broken = json.loads(files["open-data/sociale-kaart.json"])
    broken["aanbod"][0]["bereik"] = "ergens"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_field_page_documents_every_column(data):
    files = opendata.render_open_data(data, SITE)
    header = files["open-data/sociale-kaart.csv"].splitlines()[0].split(",")
    for lang in ("", ".en"):
        page = files[f"open-data/index{lang}.md"]
        for name in header:
            assert f"| `{name}` |" in page, name


def test_contract_fields_appear_once_the_model_has_them():
    names = {f.name for f in opendata.active_fields()}
    model = {f.name for f in __import__("dataclasses").fields(opendata.Offering)}
    for f in opendata.FIELDS:
        if f.contract:
            assert (f.name in names) == (f.contract in model)


def test_json_ld_is_schema_org_and_cannot_break_out_of_its_script(data):
    text = opendata.json_ld(data, "breda", "nl")
    payload = json.loads(text)
    assert payload["@context"] == "https://schema.org"
    names = {s["name"] for s in payload["@graph"]}
    assert names == {o.naam for o in data.local_offerings(data.municipalities["breda"])}
    assert all(s["@type"] == "Service" and s["provider"]["@type"] == "Organization" for s in payload["@graph"])
    hostile = opendata.safe_json_for_html({"naam": "</script><script>alert(1)</script><!-- & -->"})
    assert "<" not in hostile and ">" not in hostile and "&" not in hostile
    assert json.loads(hostile)["naam"] == "</script><script>alert(1)</script><!-- & -->"
    html = opendata.add_json_ld("<html><head><title>x</title></head><body></body></html>", hostile)
    assert html.count("</script>") == 1 and html.index("application/ld+json") < html.index("</head>")


# ---------------------------------------------------------------------------- cards


def qr_matrix_from_svg(svg: str) -> list[list[int]]:
    """Rebuild the dark modules from segno's SVG path (M x y, then h/m moves on half-module lines)."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    grid = [[0] * size for _ in range(size)]
    (path,) = re.findall(r'<path[^>]*\bstroke="#000"[^>]*\bd="([^"]+)"', svg)  # the dark modules
    x = y = 0.0
    for cmd, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path):
        if cmd == "M":
            x, y = float(a), float(b)
        elif cmd == "m":
            x, y = x + float(a), y + float(b)
        else:
            for i in range(int(float(a))):
                grid[int(y)][int(x) + i] = 1
            x += float(a)
    return grid


def test_qr_code_encodes_the_municipality_page():
    url = cards.help_page_url(SITE, "breda", "nl")
    assert url == "https://www.relatieenscheiding.nl/hulp/breda/"
    assert cards.help_page_url(SITE, "breda", "en") == "https://www.relatieenscheiding.nl/en/hulp/breda/"
    svg = cards.qr_svg(url, "nl")
    assert 'role="img"' in svg and f'aria-label="QR-code naar {url}"' in svg
    expected = segno.make(url, error="m", micro=False, mask=cards.QR_MASK)
    border = 4
    want = [[0] * (len(expected.matrix) + 2 * border) for _ in range(len(expected.matrix) + 2 * border)]
    for r, row in enumerate(expected.matrix):
        for c, v in enumerate(row):
            want[r + border][c + border] = 1 if v else 0
    assert qr_matrix_from_svg(svg) == want
    # And it is not just any QR code: another address gives another matrix.
    other = segno.make(cards.help_page_url(SITE, "altena", "nl"), error="m", micro=False, mask=cards.QR_MASK)
    assert [list(map(bool, r)) for r in other.matrix] != [list(map(bool, r)) for r in expected.matrix]


def test_a_card_per_municipality_and_language(data):
    files = cards.render_cards(data)
    for gid, g in data.municipalities.items():
        for lang in ("", ".en"):
            source = files[f"kaart/{gid}{lang}.md"]
            assert source.count("\n# ") == 1 and g.naam in source
            page = cards.fill_cards(source, data, SITE)
            assert "<!-- rs-kaart" not in page and "<svg" in page
            for o in data.local_offerings(g):
                if o.telefoon:
                    assert o.telefoon in page, (gid, o.naam)
                if o.website and not (cards._is_urgent(o) and not o.telefoon):  # urgent help is listed by its number
                    assert f">{o.website}</a>" in page  # the full address, readable on paper
    assert "kaart/index.md" in files and "kaart/index.en.md" in files


def test_card_marks_unverified_help_and_escapes(data):
    from dataclasses import replace

    g = data.municipalities["breda"]
    o = replace(g.aanbod[0], naam="<b>Hulp</b> & zo", bron="", gecontroleerd=None)
    html = cards._line(o, "nl")
    assert "&lt;b&gt;Hulp&lt;/b&gt; &amp; zo" in html and "<b>" not in html and "nog niet gecontroleerd" in html


def test_segno_is_pinned():
    assert "segno==1.6.6" in (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert "segno==1.6.6" in (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert segno.__version__ == "1.6.6"


def test_generated_folders_are_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    for folder in ("/docs/dashboard/", "/docs/open-data/", "/docs/kaart/"):
        assert folder in ignored
