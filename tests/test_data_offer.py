"""Issue 14: data owner, help that fits its category, duplicates, regional subsets, staleness and the
verification request. Loads the good fixture, breaks one thing, and checks the Dutch finding."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from tools.editorial import verification
from tools.editorial.coverage import coverage_page
from tools.hulp.load import duplicate_findings, fit_findings, load_dataset, offer_findings, only_for_findings, owner_findings
from tools.hulp.model import GRACE_DAYS, STALE_DAYS

GOOD = FIXTURES / "gemeenten-goed"
TODAY = dt.date(2026, 12, 1)
OWNER = """  postcodes: ["9990-9992", "9995"]
  eigenaar:
    rol: Team Sociaal Domein, gemeente Testdorp
    contact: {contact}"""


@pytest.fixture
def data_dir(tmp_path) -> Path:
    dest = tmp_path / "gemeenten"
    shutil.copytree(GOOD, dest)
    return dest


def load(folder: Path):
    return load_dataset(folder, folder.parent)


def _replace(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(folder: Path, name: str, needle: str) -> int:
    for i, line in enumerate((folder / name).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(needle)


# ---------------------------------------------------------------------------- data owner


@pytest.mark.parametrize("contact", ["info@testdorp.example.nl", "https://www.testdorp.example.nl/contact"])
def test_owner_with_role_and_functional_contact_loads(data_dir, contact):
    _replace(data_dir, "testdorp.yml", '  postcodes: ["9990-9992", "9995"]', OWNER.format(contact=contact))
    data, findings = load(data_dir)
    assert [f.as_text() for f in findings] == []
    owner = data.municipalities["testdorp"].eigenaar
    assert (owner.rol, owner.contact) == ("Team Sociaal Domein, gemeente Testdorp", contact)
    assert owner.line == _line_of(data_dir, "testdorp.yml", "rol: Team")
    assert [f.file for f in owner_findings(data)] == ["gemeenten/anderstad.yml"]


@pytest.mark.parametrize(
    "contact,rule",
    [
        ("j.jansen@testdorp.example.nl", "eigenaar"),  # a person's address
        ("jan.jansen@testdorp.example.nl", "eigenaar"),
        ("bel ons maar", "ongeldige-waarde"),  # neither e-mail nor https
        ("http://www.testdorp.example.nl", "ongeldige-waarde"),
    ],
)
def test_owner_contact_must_be_functional_and_valid(data_dir, contact, rule):
    _replace(data_dir, "testdorp.yml", '  postcodes: ["9990-9992", "9995"]', OWNER.format(contact=contact))
    data, findings = load(data_dir)
    hit = [f for f in findings if f.field == "gemeente.eigenaar.contact"]
    assert hit and hit[0].rule == rule and hit[0].blocking, [f.as_text() for f in findings]
    assert hit[0].line == _line_of(data_dir, "testdorp.yml", "contact:")
    assert data.municipalities["testdorp"].eigenaar is None


def test_owner_without_role_is_reported(data_dir):
    _replace(
        data_dir,
        "testdorp.yml",
        '  postcodes: ["9990-9992", "9995"]',
        '  postcodes: ["9990-9992", "9995"]\n  eigenaar:\n    contact: info@testdorp.example.nl',
    )
    _, findings = load(data_dir)
    assert any(f.field == "gemeente.eigenaar.rol" and "ontbreekt" in f.message for f in findings)


def test_missing_owner_is_advice_naming_the_file(data_dir):
    data, _ = load(data_dir)
    found = owner_findings(data)
    assert {f.file for f in found} == {"gemeenten/testdorp.yml", "gemeenten/anderstad.yml"}
    assert all(not f.blocking and "eigenaar" in f.tip for f in found)


def test_every_real_municipality_names_its_owner():
    data, _ = load_dataset(ROOT / "gemeenten", ROOT)
    assert owner_findings(data) == []
    for g in data.municipalities.values():
        assert g.eigenaar.rol and g.eigenaar.contact


# ---------------------------------------------------------------------------- help that fits


@pytest.mark.parametrize(
    "naam", ["Vrouwenopvang Testdorp", "Crisisdienst Jeugd", "Opvang bij geweld", "Zelfmoordpreventie lijn", "Shelter for women"]
)
def test_crisis_or_shelter_without_direct_hulp_is_a_misfit(data_dir, naam):
    _replace(data_dir, "testdorp.yml", "  - naam: Jongerenwerk Testdorp", f"  - naam: {naam}")
    data, findings = load(data_dir)
    assert not [f for f in findings if f.blocking]
    misfit = fit_findings(data)
    assert len(misfit) == 1 and misfit[0].blocking and misfit[0].rule == "hulp-past-niet"
    assert misfit[0].file == "gemeenten/testdorp.yml"
    assert misfit[0].line == _line_of(data_dir, "testdorp.yml", f"naam: {naam}")
    assert "direct_hulp: true" in misfit[0].tip


def test_shelter_as_housing_help_is_refused_by_the_loader(data_dir):
    _replace(
        data_dir,
        "testdorp.yml",
        "  - naam: Jongerenwerk Testdorp\n    organisatie: Stichting Test\n    categorieen: [kinderen-en-jongeren]",
        "  - naam: Vrouwenopvang Testdorp\n    organisatie: Stichting Test\n    categorieen: [wonen]\n    direct_hulp: true",
    )
    _, findings = load(data_dir)
    misfit = [f for f in findings if f.rule == "hulp-past-niet"]
    assert misfit and misfit[0].blocking and "wonen" in misfit[0].message


@pytest.mark.parametrize("naam", ["Kinderopvang Testdorp", "Bijzondere bijstand voor kinderopvang"])
def test_childcare_is_not_mistaken_for_a_shelter(data_dir, naam):
    _replace(data_dir, "testdorp.yml", "  - naam: Jongerenwerk Testdorp", f"  - naam: {naam}")
    data, _ = load(data_dir)
    assert fit_findings(data) == []


def test_real_data_has_no_misfits_and_crisis_help_only_in_safety():
    data, _ = load_dataset(ROOT / "gemeenten", ROOT)
    assert [f.as_text() for f in offer_findings(data) if f.blocking] == []
    from tools.hulp.load import all_offerings

    for o in all_offerings(data):
        if o.direct_hulp:
            assert o.categorieen == ("veiligheid",), o.naam
    for g in data.municipalities.values():  # no shelter or crisis line is a category's own help elsewhere
        for cid in data.categories:
            if cid != "veiligheid":
                assert not [o.naam for o in data.offerings_for(g, cid) if o.direct_hulp], (g.id, cid)


# ---------------------------------------------------------------------------- duplicates


def test_same_name_and_organisation_in_two_files_is_a_duplicate(data_dir):
    _replace(
        data_dir,
        "anderstad.yml",
        "aanbod:\n",
        """aanbod:
  - naam: Wijkteam testdorp
    organisatie: Gemeente Testdorp
    categorieen: [eerste-aanspreekpunt]
    wat: {nl: Het wijkteam helpt je., en: The team helps you.}
    website: https://www.testdorp.example.nl
""",
    )
    data, findings = load(data_dir)
    assert not [f for f in findings if f.blocking], [f.as_text() for f in findings]
    dups = duplicate_findings(data)
    assert len(dups) == 1 and dups[0].rule == "dubbel-aanbod"
    assert dups[0].file in ("gemeenten/testdorp.yml", "gemeenten/anderstad.yml")
    assert "staat ook in" in dups[0].message and "regio" in dups[0].tip
    # two municipality files: each page shows it once, so it is advice (a copied file is work in progress)
    assert not dups[0].blocking


def test_same_service_in_a_municipality_and_its_region_is_blocking(data_dir):
    _replace(
        data_dir,
        "testdorp.yml",
        "  - naam: Jongerenwerk Testdorp\n    organisatie: Stichting Test",
        "  - naam: Veilig Thuis Testregio\n    organisatie: Veilig Thuis",
    )
    data, _ = load(data_dir)
    dups = [f for f in duplicate_findings(data) if f.blocking]
    assert len(dups) == 1 and "_regio-testregio.yml" in dups[0].message + dups[0].file


def test_same_phone_in_two_files_is_a_duplicate_but_14_numbers_are_not(data_dir):
    _replace(data_dir, "testdorp.yml", '    telefoon: "0123 456 789"', '    telefoon: "0800-2000"')
    data, _ = load(data_dir)
    dups = duplicate_findings(data)
    assert len(dups) == 1 and "0800-2000" in dups[0].message and dups[0].field == "telefoon"
    assert dups[0].blocking  # the region's number: it would show twice on Testdorp's page
    _replace(data_dir, "testdorp.yml", '    telefoon: "0800-2000"', '    telefoon: "14 0999"')
    _replace(data_dir, "_regio-testregio.yml", '    telefoon: "0800-2000"', '    telefoon: "14 0999"')
    data, _ = load(data_dir)
    assert duplicate_findings(data) == []


def test_same_phone_twice_in_one_file_is_allowed(data_dir):
    _replace(data_dir, "anderstad.yml", '    telefoon: "0123 456 789"', '    telefoon: "0123 456 000"')
    _replace(
        data_dir,
        "testdorp.yml",
        "    website: https://www.jongerenwerk.example.nl",
        '    website: https://www.jongerenwerk.example.nl\n    telefoon: "0123 456 789"',
    )
    data, _ = load(data_dir)
    assert duplicate_findings(data) == []


def test_duplicates_are_reported_by_python_m_tools_check(tmp_path):
    from tools.gates.check import run_checks

    root = tmp_path / "site"
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("hulp"))
    shutil.copytree(GOOD, root / "gemeenten")
    _replace(root / "gemeenten", "testdorp.yml", '    telefoon: "0123 456 789"', '    telefoon: "0800-2000"')
    report = run_checks(root, with_b1=False)
    assert any(f.rule == "dubbel-aanbod" and f.blocking for f in report.findings)


# ---------------------------------------------------------------------------- regional subsets


def test_alleen_voor_limits_regional_help_to_some_municipalities(data_dir):
    _replace(
        data_dir, "_regio-testregio.yml", '    telefoon: "0800-2000"', '    telefoon: "0800-2000"\n    alleen_voor: [anderstad]'
    )
    data, findings = load(data_dir)
    assert [f.as_text() for f in findings] == []
    testdorp, anderstad = data.municipalities["testdorp"], data.municipalities["anderstad"]
    assert data.offerings_for(testdorp, "veiligheid") == []
    assert [o.naam for o in data.offerings_for(anderstad, "veiligheid")] == ["Veilig Thuis Testregio"]
    assert only_for_findings(data) == []


def test_alleen_voor_with_unknown_municipality_suggests_the_right_one(data_dir):
    _replace(
        data_dir, "_regio-testregio.yml", '    telefoon: "0800-2000"', '    telefoon: "0800-2000"\n    alleen_voor: [anderstadt]'
    )
    data, _ = load(data_dir)
    found = only_for_findings(data)
    assert len(found) == 1 and "anderstadt" in found[0].message and "'anderstad'" in found[0].tip


def test_alleen_voor_outside_a_region_file_is_refused(data_dir):
    _replace(
        data_dir,
        "testdorp.yml",
        "    website: https://www.jongerenwerk.example.nl",
        "    website: https://www.jongerenwerk.example.nl\n    alleen_voor: [testdorp]",
    )
    _, findings = load(data_dir)
    hit = [f for f in findings if f.field.endswith("alleen_voor")]
    assert hit and hit[0].blocking and hit[0].line == _line_of(data_dir, "testdorp.yml", "alleen_voor")


# ---------------------------------------------------------------------------- staleness


def test_due_after_12_months_and_stale_on_site_after_the_grace_period():
    data, _ = load(GOOD)
    o = data.municipalities["testdorp"].aanbod[0]
    checked = o.gecontroleerd
    assert not o.due(checked + dt.timedelta(days=STALE_DAYS))
    assert o.due(checked + dt.timedelta(days=STALE_DAYS + 1))
    assert not o.stale(checked + dt.timedelta(days=STALE_DAYS + GRACE_DAYS))
    assert o.stale(checked + dt.timedelta(days=STALE_DAYS + GRACE_DAYS + 1))
    never = replace(o, bron="", gecontroleerd=None)
    assert not never.due(TODAY) and not never.stale(TODAY) and never.age_days(TODAY) is None


# ---------------------------------------------------------------------------- verification request


def test_verification_request_lists_exactly_what_to_check(data_dir):
    _replace(data_dir, "testdorp.yml", '  postcodes: ["9990-9992", "9995"]', OWNER.format(contact="info@testdorp.example.nl"))
    _replace(data_dir, "testdorp.yml", "    gecontroleerd: 2026-10-01", "    gecontroleerd: 2025-06-01\n    bron_soort: zwak")
    data, findings = load(data_dir)
    assert [f.as_text() for f in findings] == []
    req = verification.points_for(data, data.municipalities["testdorp"], TODAY)
    by_name = {p.offering.naam: p for p in req.to_check}
    # checked long ago, weak source: both reasons; past the grace period it is stale on the site too
    assert by_name["Wijkteam Testdorp"].reasons == ("zwakke-bron", "verouderd-op-site")
    # never checked, and only a website: unverified and missing contact routes
    assert by_name["Jongerenwerk Testdorp"].reasons == ("niet-gecontroleerd", "contact")
    assert by_name["Veilig Thuis Testregio"].shared
    assert {c.category_id for c in req.referrals} == {"mediation", "juridisch-advies"}
    assert "wonen" in {c.category_id for c in req.gaps}
    md, text = verification.as_markdown(req), verification.as_text(req)
    for out in (md, text):
        assert "Testdorp" in out and "Team Sociaal Domein, gemeente Testdorp (info@testdorp.example.nl)" in out
        assert "gemeenten/testdorp.yml, regel" in out
        assert "nog niet bevestigd door de organisatie" in out
        assert "Langer dan 15 maanden geleden gecontroleerd (op 2025-06-01)" in out
        assert "Ontbreekt: telefoon, e-mail, adres" in out
        assert "Er is geen lokaal aanbod. Het Juridisch Loket helpt je verder." in out
        assert f"Er zijn {req.count} punten" in out
    assert md.startswith("# Verzoek om na te kijken: hulp in Testdorp") and "### [ ] Wijkteam Testdorp" in md
    assert text.startswith("Onderwerp: Verzoek om na te kijken: hulp in Testdorp")
    assert "#" not in text.replace("# ", "")  # no Markdown in the e-mail body
    assert "<" not in text


def test_verification_request_without_owner_says_how_to_add_one(data_dir):
    data, _ = load(data_dir)
    text = verification.as_text(verification.points_for(data, data.municipalities["anderstad"], TODAY))
    assert "Er staat nog niet wie de gegevens van deze gemeente bijhoudt" in text
    assert "gemeenten/anderstad.yml" in text


def test_a_fully_checked_entry_is_listed_as_in_order(data_dir):
    data, _ = load(data_dir)
    g = data.municipalities["testdorp"]
    req = verification.points_for(data, g, dt.date(2026, 11, 1))
    # the wijkteam has a phone and an e-mail, a source and a recent date: nothing to check
    assert [o.naam for o in req.in_order] == ["Wijkteam Testdorp"]
    assert "Wijkteam Testdorp (Gemeente Testdorp): gecontroleerd op 2026-10-01." in verification.as_markdown(req)


def test_write_requests_writes_markdown_and_text_per_municipality(data_dir, tmp_path):
    data, _ = load(data_dir)
    out = verification.write_requests(data, tmp_path / "verzoeken", today=TODAY)
    assert sorted(p.name for p in out) == ["anderstad.md", "anderstad.txt", "testdorp.md", "testdorp.txt"]
    only = verification.write_requests(data, tmp_path / "een", only="testdorp", today=TODAY)
    assert sorted(p.name for p in only) == ["testdorp.md", "testdorp.txt"]


def test_cli_writes_a_request_for_one_municipality(tmp_path, capsys):
    from tools.__main__ import main

    assert main(["verificatie", "altena", "--map", str(tmp_path)]) == 0
    text = (tmp_path / "altena.txt").read_text(encoding="utf-8")
    assert "Verzoek om na te kijken: hulp in Altena" in text and "Gemeente Altena" in text
    assert main(["verificatie", "atlantis", "--map", str(tmp_path)]) == 1
    assert "bestaat niet" in capsys.readouterr().err


def test_coverage_page_shows_the_same_points_and_marks_stale_entries(data_dir):
    _replace(data_dir, "testdorp.yml", "    gecontroleerd: 2026-10-01", "    gecontroleerd: 2025-06-01")
    data, _ = load(data_dir)
    page = coverage_page(data, TODAY)
    assert "## Wat moet er worden nagekeken?" in page and "### Testdorp" in page
    assert '<strong class="rs-verouderd">verouderd</strong> Wijkteam Testdorp' in page
    req = verification.points_for(data, data.municipalities["testdorp"], TODAY)
    assert f"{req.count} punten." in page
    assert "Eigenaar: <strong>nog niet ingevuld</strong>." in page


def test_coverage_page_escapes_data(data_dir):
    _replace(data_dir, "testdorp.yml", "    organisatie: Stichting Test", '    organisatie: "Stichting Test & Zonen"')
    data, _ = load(data_dir)
    page = coverage_page(data, TODAY)
    assert "Stichting Test &amp; Zonen" in page and "Stichting Test & Zonen" not in page
