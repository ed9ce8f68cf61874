"""The gates of `python -m tools check`: page front matter, links and anchors, completeness, reports."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from conftest import ENV, FIXTURES, ROOT

from tools.core.findings import Finding, Report
from tools.core.pages import Page
from tools.editorial.coverage import coverage_text
from tools.gates.check import anchors_of, check_links, check_page_meta, completeness, freshness
from tools.hulp.load import load_dataset

DATA, _ = load_dataset(FIXTURES / "gemeenten-goed", FIXTURES)
KNOWN = set(DATA.categories)


def page(rel: str, body: str, meta: dict | None = None, body_line: int = 10) -> Page:
    return Page(Path(rel), rel, f"docs/{rel}", meta=meta or {}, body=body, body_line=body_line, text=body)


GOOD_META = {"title": "T", "description": "D", "doelgroep": "ouders", "zoekwoorden": ["x"],
             "gecontroleerd": dt.date.today(), "fase": ["uit-elkaar"], "bronnen": [{"titel": "R", "url": "https://www.rijksoverheid.nl"}]}


def test_complete_front_matter_passes():
    assert check_page_meta(page("a.md", "tekst", GOOD_META), KNOWN) == []


def test_missing_and_wrong_front_matter():
    meta = dict(GOOD_META, doelgroep="ouder", fase=["tijdens"], gecontroleerd="gisteren",
                bronnen=[{"titel": "x", "url": "http://example.nl"}])
    del meta["description"]
    rules = sorted((f.field, f.severity) for f in check_page_meta(page("a.md", "x", meta), KNOWN))
    assert ("description", "fout") in rules and ("doelgroep", "fout") in rules
    assert ("fase", "fout") in rules and ("gecontroleerd", "fout") in rules and ("bronnen", "fout") in rules


def test_stale_page_is_advisory():
    meta = dict(GOOD_META, gecontroleerd=dt.date.today() - dt.timedelta(days=400))
    findings = check_page_meta(page("a.md", "x", meta), KNOWN)
    assert [(f.rule, f.severity) for f in findings] == [("verouderd", "advies")]


def test_dead_links_and_anchors_with_line_numbers():
    targets = {"a.md": "", "geld.md": "# Geld\n\n## Wat kost het?\n\n## Hulp {#hulp-blok}\n", "geld.en.md": "# Money\n"}
    body = "Regel\n[goed](geld.md#wat-kost-het)\n[weg](gelt.md)\n[anker](geld.md#bestaat-niet)\n[id](geld.md#hulp-blok)\n[js](javascript:alert(1))\n[map](geld/)\n"
    findings = check_links(page("a.md", body, body_line=5), targets)
    got = sorted((f.line, f.rule) for f in findings)
    assert got == [(7, "dode-link"), (8, "dode-link"), (10, "gevaarlijke-link"), (11, "link-naar-map")]


def test_english_page_links_fall_back_to_dutch_target():
    targets = {"a.en.md": "", "kinderen.md": "# Kinderen\n"}
    assert check_links(page("a.en.md", "[k](kinderen.md)\n"), targets) == []


def test_heading_anchors_follow_markdown_slugs():
    ids = anchors_of("# Titel\n## Wat kost het? \n## Wat kost het?\n## Één & twee\n## Hulp {#eigen}\n<div id=\"x\"></div>\n")
    assert {"titel", "wat-kost-het", "wat-kost-het_1", "een-twee", "eigen", "x"} <= ids


def test_completeness_and_freshness():
    assert completeness(DATA) == []
    stale = freshness(DATA, today=dt.date(2028, 1, 1))
    assert any(f.rule == "verouderd" and "Wijkteam Testdorp" in f.message for f in stale)
    assert any(f.rule == "niet-gecontroleerd" for f in freshness(DATA))
    text = coverage_text(DATA)
    assert "Testdorp" in text and "verplicht" in text


def test_report_formats(monkeypatch, tmp_path, capsys):
    report = Report([Finding("docs/a.md", 3, "zin-te-lang", "Te lang, 30 woorden", "Splits de zin."),
                     Finding("docs/a.md", 4, "lijdende-vorm", "Veel lijdende vorm", severity="advies")])
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    report.emit(sys.stdout, json_path=tmp_path / "r.json")
    out = capsys.readouterr().out
    assert "docs/a.md:3: FOUT [zin-te-lang]: Te lang, 30 woorden" in out
    assert "::error file=docs/a.md,line=3,title=zin-te-lang::Te lang, 30 woorden Tip: Splits de zin." in out
    assert "::warning file=docs/a.md,line=4" in out
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["fouten"] == 1 and len(data["bevindingen"]) == 2


def test_check_command_passes_on_main_content():
    result = subprocess.run([sys.executable, "-m", "tools", "check", "--alleen-fouten"], cwd=ROOT,
                            capture_output=True, text=True, env=ENV, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 fout(en)" in result.stdout
