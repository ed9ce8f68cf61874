"""Loading and validating gemeenten/: good data loads, every kind of bad data gives a Dutch finding."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from tools.hulp.load import load_dataset, valid_email, valid_https_url, valid_phone

GOOD = FIXTURES / "gemeenten-goed"


@pytest.fixture
def data_dir(tmp_path) -> Path:
    dest = tmp_path / "gemeenten"
    shutil.copytree(GOOD, dest)
    return dest


def load(folder: Path):
    return load_dataset(folder, folder.parent)


def test_good_fixture_loads_without_findings():
    data, findings = load(GOOD)
    assert findings == []
    assert set(data.municipalities) == {"testdorp", "anderstad"}
    testdorp = data.municipalities["testdorp"]
    assert testdorp.plaatsen == ("Testdorp", "Kleinveld")
    assert testdorp.postcodes == ((9990, 9992), (9995, 9995))
    # the region's offering counts as local help for that municipality
    assert [o.naam for o in data.offerings_for(testdorp, "veiligheid")] == ["Veilig Thuis Testregio"]
    assert data.referral_for(testdorp, "mediation").naar == "landelijk"


def test_real_data_loads_without_blocking_findings():
    data, findings = load_dataset(ROOT / "gemeenten", ROOT)
    assert [f.as_text() for f in findings if f.blocking] == []
    assert {"breda", "oosterhout", "geertruidenberg", "drimmelen", "altena"} <= set(data.municipalities)


def _break(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(folder: Path, name: str, needle: str) -> int:
    for i, line in enumerate((folder / name).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(needle)


@pytest.mark.parametrize(
    "old,new,rule,field",
    [
        ('telefoon: "0123 456 789"', 'telefoon: "012-34"', "ongeldige-waarde", "telefoon"),
        ("email: wijkteam@testdorp.example.nl", "email: wijkteam.testdorp.example.nl", "ongeldige-waarde", "email"),
        ("website: https://www.jongerenwerk.example.nl", "website: http://www.jongerenwerk.example.nl", "ongeldige-waarde", "website"),
        ("website: https://www.jongerenwerk.example.nl", "website: javascript:alert(1)", "ongeldige-waarde", "website"),
        ("[eerste-aanspreekpunt, opvoedondersteuning, schuldhulp]", "[eerste-aanspreekpunt, opvoedondersteunig]", "onbekende-categorie", "categorieen"),
        ("gecontroleerd: 2026-10-01", "gecontroleerd: 1 oktober", "gegevens", "gecontroleerd"),
        ("      nl: Jongerenwerkers om mee te praten.", "      nl: <script>alert(1)</script>", "opmaak-in-gegevens", "wat.nl"),
        ("    kosten: {nl: Gratis., en: Free.}", "    kosten: {nl: Gratis.}", "gegevens", "kosten.en"),
        ("    organisatie: Stichting Test", "    organisatie: Stichting Test\n    telefon: \"0123 456 789\"", "gegevens", "telefon"),
    ],
)
def test_bad_values_give_dutch_finding_with_file_line_and_field(data_dir, old, new, rule, field):
    _break(data_dir, "testdorp.yml", old, new)
    needle = new.splitlines()[-1].strip().split(":")[0] + ":" if "\n" in new else new.strip()
    data, findings = load(data_dir)
    blocking = [f for f in findings if f.blocking]
    assert len(blocking) >= 1, findings
    f = blocking[0]
    assert f.file == "gemeenten/testdorp.yml"
    assert f.rule == rule
    assert f.field.endswith(field)
    assert f.line == _line_of(data_dir, "testdorp.yml", needle.split("\n")[-1][:20])
    assert f.tip  # every finding says how to fix it


def test_unknown_field_suggests_the_right_name(data_dir):
    _break(data_dir, "testdorp.yml", "    organisatie: Stichting Test", '    organisatie: Stichting Test\n    telefon: "0123 456 789"')
    _, findings = load(data_dir)
    assert any("Bedoel je 'telefoon'?" in f.tip for f in findings)


def test_broken_yaml_names_file_and_line(data_dir):
    _break(data_dir, "anderstad.yml", "  naam: Anderstad", "  naam: Anderstad\n plaatsen: [kapot")
    data, findings = load(data_dir)
    assert len(findings) == 1
    f = findings[0]
    assert f.file == "gemeenten/anderstad.yml" and f.rule == "yaml"
    assert 2 <= f.line <= 4
    assert "geen geldige YAML" in f.message
    # the other municipality still loads; the build stops on the finding, not on a traceback
    assert "testdorp" in data.municipalities


def test_missing_required_fields(data_dir):
    _break(data_dir, "anderstad.yml", "  website: https://www.anderstad.example.nl\n", "")
    _, findings = load(data_dir)
    assert any(f.field == "gemeente.website" and "ontbreekt" in f.message for f in findings)


def test_wrong_types(data_dir):
    _break(data_dir, "anderstad.yml", "  plaatsen: [Anderstad, Grootveld]", "  plaatsen: Anderstad")
    _, findings = load(data_dir)
    assert any(f.field == "gemeente.plaatsen" and "lijst" in f.message for f in findings)


def test_offering_without_any_contact_route(data_dir):
    _break(data_dir, "testdorp.yml", "    website: https://www.jongerenwerk.example.nl\n", "")
    _, findings = load(data_dir)
    assert any("niet hoe je ze bereikt" in f.message for f in findings)


def test_unknown_region(data_dir):
    _break(data_dir, "anderstad.yml", "regio: testregio", "regio: nergens")
    _, findings = load(data_dir)
    assert any(f.rule == "onbekende-regio" for f in findings)


def test_future_date_is_refused(data_dir):
    _break(data_dir, "testdorp.yml", "gecontroleerd: 2026-10-01", "gecontroleerd: 2999-01-01")
    _, findings = load(data_dir)
    assert any("toekomst" in f.message for f in findings)


@pytest.mark.parametrize("number", ["076 529 3000", "0800-0432", "0800 2000", "0900-8020", "14 076", "14 0162", "112", "113",
                                    "+31 76 529 3000", "088 123 4567", "(076) 529 30 00"])
def test_valid_dutch_phone_numbers(number):
    assert valid_phone(number)


@pytest.mark.parametrize("number", ["12345", "076 529 300", "0800-04", "00 31 76 529 3000", "abc", "0761234567890", "tel:0800"])
def test_invalid_phone_numbers(number):
    assert not valid_phone(number)


def test_url_and_email_checks():
    assert valid_https_url("https://www.breda.nl/jeugd")
    for bad in ("http://www.breda.nl", "javascript:alert(1)", "https://", "https://breda", "www.breda.nl", "https://www.breda.nl/a b"):
        assert not valid_https_url(bad), bad
    assert valid_email("info@breda.nl") and not valid_email("info@breda") and not valid_email("a b@c.nl")


# ---------------------------------------------------------------- issue 14 contract: fit and access facts

_FACTS = '''    categorieen: [kinderen-en-jongeren]
    ook_bij: [veiligheid]
    anoniem: true
    leeftijd: "8-18"
    talen: [nl, en]
    bron_soort: sterk
    toestemming:
      nl: Je ouders hoeven niets te weten.
      en: Your parents do not need to know.
    tijden: {ma: "11:00-21:00", za: "dag en nacht", zo: "09:00-12:30, 13:30-17:00"}'''


def test_access_facts_load(data_dir):
    _break(data_dir, "_landelijk.yml", "    categorieen: [kinderen-en-jongeren]", _FACTS)
    data, findings = load(data_dir)
    assert [f.as_text() for f in findings] == []
    o = data.national[0]
    assert (o.ook_bij, o.anoniem, o.leeftijd, o.talen, o.bron_soort) == (("veiligheid",), True, "8-18", ("nl", "en"), "sterk")
    assert o.toestemming.get("en") == "Your parents do not need to know."
    assert o.tijden == ((0, 660, 1260), (5, 0, 1440), (6, 540, 750), (6, 810, 1020))
    assert o.direct_hulp is False


@pytest.mark.parametrize("bad,field", [
    ('    leeftijd: "18-8"', "leeftijd"),
    ("    talen: [Nederlands]", "talen"),
    ("    bron_soort: goed", "bron_soort"),
    ('    tijden: {ma: "9 tot 5"}', "tijden.ma"),
    ('    tijden: {maandag: "09:00-17:00"}', "tijden.maandag"),
    ("    ook_bij: [wonnen]", "ook_bij"),
    ("    ook_bij: [kinderen-en-jongeren]", "ook_bij"),
    ("    anoniem: misschien", "anoniem"),
])
def test_bad_access_facts_are_reported_at_their_line(data_dir, bad, field):
    _break(data_dir, "_landelijk.yml", "    categorieen: [kinderen-en-jongeren]", "    categorieen: [kinderen-en-jongeren]\n" + bad)
    _, findings = load(data_dir)
    line = _line_of(data_dir, "_landelijk.yml", bad.strip())
    assert any(f.field.endswith(field) and f.line == line for f in findings), [f.as_text() for f in findings]


def test_direct_help_as_a_topics_own_help_is_a_misfit(data_dir):
    _break(data_dir, "_landelijk.yml", "    categorieen: [juridisch-advies, mediation]",
           "    categorieen: [juridisch-advies, mediation]\n    direct_hulp: true")
    _, findings = load(data_dir)
    misfit = [f for f in findings if f.rule == "hulp-past-niet"]
    assert misfit and misfit[0].blocking and "juridisch-advies" in misfit[0].message
