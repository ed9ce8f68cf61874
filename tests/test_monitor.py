"""The regional monitor (issue 16): KPI data validation, example figures, SVG chart, tables, downloads."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT

from tools.hulp.load import load_cached
from tools.monitor.build import monitor_to_show
from tools.monitor.chart import svg_chart
from tools.monitor.data import REGION, Figure, load_monitor, period_frequency, period_start, previous_period
from tools.monitor.examples import example_monitor
from tools.monitor.pages import CSV_COLUMNS, figures_csv, figures_json, render_dashboard, safe_cell, table
from tools.monitor.view import kpi_view

TODAY = dt.date(2026, 12, 1)
PLACES = {"breda": "Breda", "altena": "Altena"}
GOOD_FIGURE = """  - kpi: {kpi}
    gemeente: {gemeente}
    waarde: {waarde}
    bron: Casusregistratie SLT en RET
    gecontroleerd_door: Beleidsmedewerker jeugd
    gecontroleerd_op: 2026-11-20
"""


@pytest.fixture
def folder(tmp_path) -> Path:
    dest = tmp_path / "gemeenten" / "_monitor"
    dest.mkdir(parents=True)
    shutil.copy(ROOT / "gemeenten" / "_monitor" / "kpis.yml", dest / "kpis.yml")
    return dest


def write(folder: Path, name: str, periode: str, *figures: str) -> Path:
    path = folder / name
    path.write_text(f"periode: {periode}\ncijfers:\n" + "".join(figures), encoding="utf-8")
    return path


def load(folder: Path):
    return load_monitor(folder, PLACES, folder.parent.parent, today=TODAY)


def one(findings, rule=None):
    blocking = [f for f in findings if f.blocking]
    assert len(blocking) == 1, "\n".join(f.as_text() for f in findings)
    if rule:
        assert blocking[0].rule == rule
    return blocking[0]


# ---------------------------------------------------------------------------- the catalogue


def test_catalogue_has_the_six_kpis_of_the_plan():
    monitor, findings = load_monitor(ROOT / "gemeenten" / "_monitor", PLACES, ROOT, today=TODAY)
    assert findings == []
    assert sorted(monitor.kpis) == [1, 2, 3, 4, 5, 6]
    freq = {k: v.frequentie for k, v in monitor.kpis.items()}
    assert freq == {1: "jaarlijks", 2: "halfjaarlijks", 3: "jaarlijks", 4: "kwartaal", 5: "jaarlijks", 6: "jaarlijks"}
    units = {k: v.eenheid for k, v in monitor.kpis.items()}
    assert units == {1: "procent", 2: "procent", 3: "aantal", 4: "aantal", 5: "aantal", 6: "cijfer"}
    # Only the target the plan sets (R2: 100 %); no invented targets.
    assert {k: v.doel for k, v in monitor.kpis.items() if v.doel is not None} == {2: 100.0}
    assert monitor.results["R2"].kpi == 2 and "100 %" in monitor.results["R2"].tekst.nl


def test_the_repository_ships_no_figures():
    monitor, _ = load_monitor(ROOT / "gemeenten" / "_monitor", PLACES, ROOT, today=TODAY)
    assert monitor.figures == []


# ---------------------------------------------------------------------------- validation


def test_good_figures_load(folder):
    write(
        folder,
        "2026-H1.yml",
        "2026-H1",
        GOOD_FIGURE.format(kpi=2, gemeente="breda", waarde=80),
        GOOD_FIGURE.format(kpi=2, gemeente="regio", waarde="75,5"),
    )
    write(folder, "2026-Q3.yml", "2026-Q3", GOOD_FIGURE.format(kpi=4, gemeente="altena", waarde=12))
    monitor, findings = load(folder)
    assert [f for f in findings if f.blocking] == []
    assert {(f.kpi, f.gemeente, f.periode, f.waarde) for f in monitor.figures} == {
        (2, "breda", "2026-H1", 80.0),
        (2, REGION, "2026-H1", 75.5),
        (4, "altena", "2026-Q3", 12.0),
    }


@pytest.mark.parametrize(
    "kpi, waarde, rule, words",
    [
        (1, 130, "ongeldige-waarde", "percentage"),
        (3, -4, "ongeldige-waarde", "aantal"),
        (3, "2,5", "ongeldige-waarde", "aantal"),
        (6, 11, "ongeldige-waarde", "rapportcijfer"),
        (1, "veel", "ongeldige-waarde", "getal"),
    ],
)
def test_impossible_values(folder, kpi, waarde, rule, words):
    path = write(folder, "2025.yml", "2025", GOOD_FIGURE.format(kpi=kpi, gemeente="breda", waarde=waarde))
    finding = one(load(folder)[1], rule)
    assert finding.file.endswith("gemeenten/_monitor/2025.yml") and finding.line == 5
    assert words in finding.message.lower() and finding.tip
    assert path.exists()


@pytest.mark.parametrize(
    "name, periode, kpi, example",
    [
        ("2026.yml", "2026", 2, "2026-H1"),  # half-yearly KPI in a yearly file
        ("2026-H1.yml", "2026-H1", 1, "2026"),  # yearly KPI in a half-year file
        ("2026-Q3.yml", "2026-Q3", 2, "2026-H1"),  # half-yearly KPI in a quarter file
        ("2026-H2.yml", "2026-H2", 4, "2026-Q3"),  # quarterly KPI in a half-year file
    ],
)
def test_period_that_does_not_fit_the_frequency(folder, name, periode, kpi, example):
    write(folder, name, periode, GOOD_FIGURE.format(kpi=kpi, gemeente="breda", waarde=5))
    finding = one(load(folder)[1], "periode")
    assert finding.line == 3 and f"KPI {kpi}" in finding.message and example in finding.tip


def test_unknown_municipality_with_suggestion(folder):
    write(folder, "2025.yml", "2025", GOOD_FIGURE.format(kpi=1, gemeente="breeda", waarde=50))
    finding = one(load(folder)[1], "onbekende-gemeente")
    assert finding.line == 4 and "breeda" in finding.message and "Bedoel je 'breda'?" in finding.tip


def test_missing_source_and_checker(folder):
    text = GOOD_FIGURE.format(kpi=1, gemeente="breda", waarde=50)
    text = text.replace("    bron: Casusregistratie SLT en RET\n", "").replace(
        "    gecontroleerd_door: Beleidsmedewerker jeugd\n", ""
    )
    write(folder, "2025.yml", "2025", text)
    findings = [f for f in load(folder)[1] if f.blocking]
    assert {f.field for f in findings} == {"cijfers[1].bron", "cijfers[1].gecontroleerd_door"}
    assert all("ontbreekt" in f.message and f.line == 3 for f in findings)


def test_future_dates_and_periods(folder):
    write(folder, "2026.yml", "2026", GOOD_FIGURE.format(kpi=1, gemeente="breda", waarde=50).replace("2026-11-20", "2026-12-24"))
    finding = one(load(folder)[1])
    assert "toekomst" in finding.message and finding.field == "cijfers[1].gecontroleerd_op"
    (folder / "2026.yml").unlink()
    write(folder, "2027-Q1.yml", "2027-Q1", GOOD_FIGURE.format(kpi=4, gemeente="breda", waarde=5))
    finding = one(load(folder)[1], "toekomst")
    assert "nog niet begonnen" in finding.message


def test_file_name_and_period_must_agree(folder):
    write(folder, "2025.yml", "2024", GOOD_FIGURE.format(kpi=1, gemeente="breda", waarde=50))
    assert "bestandsnaam" in one(load(folder)[1]).message
    (folder / "2025.yml").unlink()
    write(folder, "cijfers-2025.yml", "2025")
    assert one(load(folder)[1], "bestandsnaam").tip.startswith("Noem het bestand naar de periode")


def test_duplicates_unknown_kpi_and_typos_in_fields(folder):
    fig = GOOD_FIGURE.format(kpi=1, gemeente="breda", waarde=50)
    write(folder, "2025.yml", "2025", fig, fig)
    assert one(load(folder)[1], "dubbel").line == 9
    write(folder, "2025.yml", "2025", GOOD_FIGURE.format(kpi=9, gemeente="breda", waarde=50))
    assert "Er is geen KPI 9" in one(load(folder)[1]).message
    write(folder, "2025.yml", "2025", fig.replace("waarde:", "waard:"))
    messages = [f.message + f.tip for f in load(folder)[1] if f.blocking]
    assert any("Bedoel je 'waarde'?" in m for m in messages)


def test_broken_yaml_is_a_finding_not_a_traceback(folder):
    (folder / "2025.yml").write_text("periode: 2025\ncijfers:\n  - kpi: 1\n   gemeente: breda\n", encoding="utf-8")
    finding = one(load(folder)[1], "yaml")
    assert finding.line in (3, 4) and "geen geldige YAML" in finding.message


def test_check_command_reports_kpi_errors(tmp_path):
    from conftest import copy_repo

    from tools.gates.check import run_checks

    repo = copy_repo(tmp_path / "repo")
    write(repo / "gemeenten" / "_monitor", "2025.yml", "2025", GOOD_FIGURE.format(kpi=1, gemeente="breda", waarde=150))
    report = run_checks(repo, with_b1=False)
    found = [f for f in report.blocking if f.file == "gemeenten/_monitor/2025.yml"]
    assert len(found) == 1 and found[0].line == 5 and "150" in found[0].message


# ---------------------------------------------------------------------------- periods


def test_periods():
    assert [period_frequency(p) for p in ("2026", "2026-H1", "2026-Q3", "2026-Q5", "26")] == [
        "jaarlijks",
        "halfjaarlijks",
        "kwartaal",
        None,
        None,
    ]
    assert previous_period("2026-Q1") == "2025-Q4" and previous_period("2026-H2") == "2026-H1"
    assert previous_period("2026") == "2025" and period_start("2026-Q3") == dt.date(2026, 7, 1)


# ---------------------------------------------------------------------------- examples, chart, table


@pytest.fixture(scope="module")
def real():
    data, _ = load_cached(ROOT)
    monitor, _ = load_monitor(ROOT / "gemeenten" / "_monitor", data.municipalities, ROOT, today=TODAY)
    return data, monitor


def test_examples_only_in_previews_and_always_marked(real):
    data, _ = real
    production = monitor_to_show(ROOT, ROOT / "gemeenten", data, preview=False)
    preview = monitor_to_show(ROOT, ROOT / "gemeenten", data, preview=True)
    assert production.figures == [] and not production.examples
    assert preview.figures and all(f.voorbeeld for f in preview.figures)
    # Every KPI, every municipality; one honest gap per KPI in the latest period.
    for nummer in preview.kpis:
        latest = preview.periods(nummer)[-1]
        assert {f.gemeente for f in preview.for_kpi(nummer)} >= set(data.municipalities)
        reported = {f.gemeente for f in preview.for_kpi(nummer) if f.periode == latest}
        assert len(set(data.municipalities) - reported) == 1


def _view(real, nummer):
    data, monitor = real
    ex = example_monitor(monitor, sorted(data.municipalities), today=TODAY)
    places = [(g.id, g.naam) for g in sorted(data.municipalities.values(), key=lambda g: g.naam)]
    return ex, kpi_view(ex, ex.kpis[nummer], places, "Hele regio (5 gemeenten)")


def test_svg_chart_is_accessible_and_self_contained(real):
    _, view = _view(real, 2)
    svg = svg_chart(view, "nl", True, "t-2")
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "t-2-titel t-2-uitleg"
    title, desc = root.find(f"{ns}title"), root.find(f"{ns}desc")
    assert title.get("id") == "t-2-titel" and "voorbeeldcijfers" in title.text
    # The description carries every value in words, the missing one included, and the target.
    for row in view.rows:
        assert row.naam in desc.text
    assert "nog geen cijfers" in desc.text and "Het doel is 100\u00a0%" in desc.text
    # Direct value labels on the chart, a pattern for the previous period, a dashed target line.
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "Voorbeeldcijfers" in texts
    values = [c.value for r in view.rows for c in (r.get(view.latest),) if c]
    assert all(f"{v:.0f}\u00a0%" in texts for v in values)
    assert root.find(f".//{ns}pattern") is not None and "stroke-dasharray" in svg
    assert (
        not re.search(r"\sstyle\s*=", svg)
        and "<script" not in svg
        and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    )


def test_chart_and_table_escape_data(real):
    ex, view = _view(real, 1)
    view.rows[0].naam = "<img src=x onerror=alert(1)>&"
    assert "<img" not in svg_chart(view, "nl", False, "t") and "&lt;img" in svg_chart(view, "nl", False, "t")
    assert "<img" not in table(view, "nl", False)


def test_table_has_headers_trend_target_and_missing_state(real):
    _, view = _view(real, 2)
    html = table(view, "nl", True)
    assert ">KPI 2, 1 gezin, 1 plan, 1 regisseur: de cijfers (voorbeeldcijfers)</caption>" in html
    assert html.count('scope="row"') == 6 and 'scope="col"' in html
    assert "procentpunt" in html and "nog geen cijfers" in html and "Doel (100\u00a0%)" in html
    assert re.search(r"nog \d+ procentpunt<|doel gehaald", html)
    en = table(view, "en", True)
    assert "percentage points" in en and "(example figures)" in en and "no figures yet" in en


def test_region_counts_are_summed_only_when_all_reported(real):
    _, view = _view(real, 4)
    region = view.rows[-1]
    assert region.get(view.latest) is None  # one municipality has not reported
    previous = region.get(view.previous)
    assert previous.summed and previous.value == sum(r.get(view.previous).value for r in view.rows[:-1])


def test_downloads_contain_every_figure(real):
    data, monitor = real
    ex = example_monitor(monitor, sorted(data.municipalities), today=TODAY)
    rows = list(csv.DictReader(io.StringIO(figures_csv(ex, data))))
    assert list(rows[0]) == CSV_COLUMNS and len(rows) == len(ex.figures)
    assert all(r["voorbeeld"] == "true" for r in rows)
    payload = json.loads(figures_json(ex, data))
    assert payload["voorbeeldcijfers"] is True and len(payload["cijfers"]) == len(ex.figures)
    assert [k["nummer"] for k in payload["kpis"]] == [1, 2, 3, 4, 5, 6]
    empty = json.loads(figures_json(monitor, data))
    assert empty["cijfers"] == [] and empty["voorbeeldcijfers"] is False
    assert figures_csv(monitor, data).strip() == ",".join(CSV_COLUMNS)


def test_csv_cells_cannot_become_formulas():
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and safe_cell("-3") == "'-3" and safe_cell("Breda") == "Breda"


def test_pages_in_production_say_calmly_there_are_no_figures(real):
    data, monitor = real
    files = render_dashboard(monitor, data, "https://www.relatieenscheiding.nl/")
    nl, en = files["dashboard/index.md"], files["dashboard/index.en.md"]
    assert "Er zijn nog geen cijfers" in nl and "There are no figures yet" in en
    assert nl.count("Nog geen cijfers voor dit onderdeel.") == 6
    assert "oorbeeld" not in nl and "<svg" not in nl
    assert "De resultaten R1, R3, R4 en R5 uit het plan staan hier nog niet." in nl
    for n in range(1, 7):
        assert f"{{#kpi-{n}}}" in nl


def test_pages_in_previews_label_examples_everywhere(real):
    data, monitor = real
    ex = example_monitor(monitor, sorted(data.municipalities), today=TODAY)
    files = render_dashboard(ex, data, "https://www.relatieenscheiding.nl/")
    nl = files["dashboard/index.md"]
    assert nl.count("<svg") == 6 and nl.count("<table") == 6
    assert nl.count("<title") == 6 and len(re.findall(r"<title[^>]*>[^<]*\(voorbeeldcijfers\)</title>", nl)) == 6
    assert len(re.findall(r"<caption[^>]*>[^<]*\(voorbeeldcijfers\)</caption>", nl)) == 6
    fact = files["dashboard/factsheet.md"]
    assert "Voorbeeldcijfers" in fact and "Factsheet 2026" in fact and fact.count("<tr>") == 7


def test_figure_is_not_real_data_by_default():
    f = Figure(1, "breda", "2025", 50, "bron", "iemand", TODAY, "f", 1)
    assert f.voorbeeld is False


def test_the_build_stops_on_bad_kpi_data_with_file_and_line(tmp_path):
    from tools.monitor.build import MonitorDataError
    from tools.monitor.data import _cache

    gemeenten = tmp_path / "gemeenten"
    shutil.copytree(ROOT / "gemeenten", gemeenten)
    write(gemeenten / "_monitor", "2025.yml", "2025", GOOD_FIGURE.format(kpi=3, gemeente="breda", waarde=-2))
    data, _ = load_cached(ROOT)
    _cache.clear()
    with pytest.raises(MonitorDataError) as err:
        monitor_to_show(tmp_path, gemeenten, data, preview=False)
    assert "gemeenten/_monitor/2025.yml:5" in str(err.value) and "Een aantal kan niet -2 zijn" in str(err.value)
    _cache.clear()


def test_editor_schema_is_current_and_accepts_a_good_file(folder):
    import jsonschema
    import yaml

    from tools.monitor import schema

    assert schema.PATH.read_text(encoding="utf-8") == schema.text(), "Voer uit: python -m tools.monitor.schema"
    path = write(folder, "2026-H1.yml", "2026-H1", GOOD_FIGURE.format(kpi=2, gemeente="breda", waarde=80))
    # The editor's YAML server reads dates as text (YAML 1.2); PyYAML makes them dates: turn them back.
    content = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
    jsonschema.validate(content, schema.schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"periode": "2026-X", "cijfers": []}, schema.schema())
