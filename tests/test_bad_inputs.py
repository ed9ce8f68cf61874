"""Bad input an editor (or an attacker) can produce: every kind is rejected in Dutch with file and
line by `python -m tools check`, `mkdocs build` and `mkdocs build -q`, without a traceback, and the
previous site stays as it was. Valid odd input (a BOM, CRLF, markers shown as code) builds.

Each case changes a private copy of the repository. `tools check` runs for every case; the two
builds run for a selection (each build takes seconds), chosen so every gate is crossed at least once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ENV, copy_repo, run_mkdocs

ROOT = Path(__file__).resolve().parent.parent


PAGE = "docs/geld.md"


def _edit(path: str, old: str, new: str):
    def apply(repo: Path) -> None:
        file = repo / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def _append(path: str, extra: str):
    def apply(repo: Path) -> None:
        file = repo / path
        file.write_text(file.read_text(encoding="utf-8") + extra, encoding="utf-8")

    return apply


def _write(path: str, content: str | bytes):
    def apply(repo: Path) -> None:
        file = repo / path
        file.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            file.write_bytes(content)
        else:
            file.write_text(content, encoding="utf-8")

    return apply


def _symlink(path: str, target: str):
    def apply(repo: Path) -> None:
        (repo / path).symlink_to(target)

    return apply


def _copy(src: str, dest: str):
    def apply(repo: Path) -> None:
        (repo / dest).write_text((repo / src).read_text(encoding="utf-8"), encoding="utf-8")

    return apply


def _title(value: str):
    def apply(repo: Path) -> None:
        file = repo / PAGE
        lines = file.read_text(encoding="utf-8").split("\n")
        i = next(i for i, line in enumerate(lines) if line.startswith("title:"))
        lines[i] = f"title: {value}"
        file.write_text("\n".join(lines), encoding="utf-8")

    return apply


def _description(value: str):
    def apply(repo: Path) -> None:
        file = repo / PAGE
        lines = file.read_text(encoding="utf-8").split("\n")
        i = next(i for i, line in enumerate(lines) if line.startswith("description:"))
        lines[i] = f"description: {value}"
        file.write_text("\n".join(lines), encoding="utf-8")

    return apply


FRONT = "---\ntitle: Test\ndescription: Een test.\ndoelgroep: ouders\nzoekwoorden: [test]\ngecontroleerd: 2026-11-01\n---\n"

# name -> (change, file named in the message, rule expected, build it too?)
CASES = {
    "script in page body": (_append(PAGE, "\n<script>alert(1)</script>\n"), PAGE, "script-in-pagina", True),
    "event handler in raw html": (_append(PAGE, '\n<p onclick="alert(1)">Klik</p>\n'), PAGE, "inline-javascript", False),
    "javascript in raw a href": (_append(PAGE, '\n<a href="javascript:alert(1)">Klik</a>\n'), PAGE, "inline-javascript", False),
    "javascript inline link": (_append(PAGE, "\n[Klik](javascript:alert(1))\n"), PAGE, "gevaarlijke-link", False),
    "javascript reference link": (_append(PAGE, "\n[Klik][x]\n\n[x]: javascript:alert(1)\n"), PAGE, "gevaarlijke-link", True),
    "entity-encoded javascript link": (_append(PAGE, "\n[Klik](&#106;avascript:alert(1))\n"), PAGE, "gevaarlijke-link", False),
    "data url link": (_append(PAGE, "\n[Klik](data:text/html;base64,PHNjcmlwdD4=)\n"), PAGE, "gevaarlijke-link", False),
    "attr_list handler": (_append(PAGE, '\nKlik hier\n{: onclick="alert(1)" }\n'), PAGE, "inline-javascript", False),
    "iframe": (_append(PAGE, '\n<iframe src="https://example.org/"></iframe>\n'), PAGE, "verboden-element", False),
    "object and embed": (_append(PAGE, '\n<object data="x"></object><embed src="x">\n'), PAGE, "verboden-element", False),
    "form elsewhere": (
        _append(PAGE, '\n<form action="https://evil.example/"><input name="q"></form>\n'),
        PAGE,
        "verboden-element",
        False,
    ),
    "meta refresh": (
        _append(PAGE, '\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n'),
        PAGE,
        "verboden-element",
        False,
    ),
    "script in title": (_title('"<script>alert(1)</script>"'), PAGE, "opmaak-in-gegevens", True),
    "quote in description": (_description("'Geld\" onmouseover=\"alert(1)'"), PAGE, "opmaak-in-gegevens", True),
    "bidi override in title": (_title('"Geld \u202egeheim"'), PAGE, "tekens-in-gegevens", False),
    "duplicate front matter key": (_edit(PAGE, "\ntitle:", "\ntitle: Eerste titel\ntitle:"), PAGE, "dubbel-veld", False),
    "latin-1 page": (
        _write("docs/cafe.md", FRONT.encode() + "# Caf\u00e9\n".encode("latin-1")),
        "docs/cafe.md",
        "geen-utf8",
        True,
    ),
    "page name with spaces": (_write("docs/Mijn Pagina.md", FRONT + "# Test\n"), "docs/Mijn Pagina.md", "bestandsnaam", False),
    "misspelt picker marker": (_append(PAGE, "\n<!-- gemeente kiezer -->\n"), PAGE, "onbekende-markering", False),
    "marker with capital": (_append(PAGE, "\n<!-- Hulp: mediation -->\n"), PAGE, "onbekende-markering", False),
    "marker without colon": (_append(PAGE, "\n<!-- hulp mediation -->\n"), PAGE, "onbekende-markering", True),
    "nav to missing page": (
        _edit("mkdocs.yml", "      - geld.md\n", "      - geld.md\n      - bestaat-niet.md\n"),
        "mkdocs.yml",
        "menu",
        True,
    ),
    "glossary yaml error": (
        _append("docs/_data/woordenlijst.yml", "\n- term: [kapot\n"),
        "docs/_data/woordenlijst.yml",
        "woordenlijst",
        True,
    ),
    "script in glossary": (
        _edit("docs/_data/woordenlijst.yml", "Een plan met afspraken", "<script>alert(1)</script> Een plan met afspraken"),
        "docs/_data/woordenlijst.yml",
        "opmaak-in-gegevens",
        True,
    ),
    "symlink page outside": (_symlink("docs/geheim.md", "/etc/hostname"), "docs/geheim.md", "link-naar-buiten", True),
    "symlink asset outside": (
        _symlink("docs/assets/geheim.txt", "/etc/hostname"),
        "docs/assets/geheim.txt",
        "link-naar-buiten",
        False,
    ),
    "symlink municipality outside": (
        _symlink("gemeenten/geheim.yml", "/etc/hostname"),
        "gemeenten/geheim.yml",
        "link-naar-buiten",
        False,
    ),
    "copied municipality": (
        _copy("gemeenten/breda.yml", "gemeenten/breda-kopie.yml"),
        "gemeenten/breda.yml",
        "dubbele-gemeente",
        True,
    ),
    "postcode in two municipalities": (
        _edit("gemeenten/drimmelen.yml", 'postcodes: ["4844-4845"', 'postcodes: ["4811", "4844-4845"'),
        "gemeenten/drimmelen.yml",
        "dubbele-postcode",
        False,
    ),
    "empty places": (
        _edit(
            "gemeenten/drimmelen.yml",
            "plaatsen: [Made, Drimmelen, Hooge Zwaluwe, Lage Zwaluwe, Terheijden, Wagenberg]",
            "plaatsen: []",
        ),
        "gemeenten/drimmelen.yml",
        "lege-lijst",
        False,
    ),
    "reference definition in a name": (
        _edit("gemeenten/drimmelen.yml", "naam: Drimmelen", 'naam: "Drimmelen\\n\\n[hulp]: https://evil.example/"'),
        "gemeenten/drimmelen.yml",
        "tekens-in-gegevens",
        True,
    ),
    "zero-width space in a place": (
        _edit("gemeenten/drimmelen.yml", "[Made,", "[Ma\u200bde,"),
        "gemeenten/drimmelen.yml",
        "tekens-in-gegevens",
        False,
    ),
    "very long name": (
        _edit("gemeenten/drimmelen.yml", "naam: Drimmelen", "naam: " + "Drimmelen" * 30),
        "gemeenten/drimmelen.yml",
        "tekens-in-gegevens",
        False,
    ),
    "latin-1 municipality": (
        _write("gemeenten/cafe.yml", "gemeente:\n  naam: Caf\u00e9\n".encode("latin-1")),
        "gemeenten/cafe.yml",
        "geen-utf8",
        False,
    ),
}


def _run_check(repo: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tools", "check", "--alleen-fouten", "--geen-datums"],
        cwd=repo,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return copy_repo(tmp_path_factory.mktemp("pristine") / "repo")


def _fresh(pristine: Path, tmp_path: Path) -> Path:
    import shutil

    repo = tmp_path / "repo"
    shutil.copytree(pristine, repo, symlinks=True)
    return repo


def _assert_reported(out: str, file: str, rule: str, name: str) -> None:
    assert "Traceback" not in out, f"{name}: traceback\n{out[-3000:]}"
    assert f"{file}:" in out, f"{name}: {file} is not named\n{out[-3000:]}"
    if rule:
        assert f"[{rule}]" in out, f"{name}: rule {rule} not reported\n{out[-3000:]}"
    assert "FOUT" in out


@pytest.mark.parametrize("name", list(CASES))
def test_tools_check_rejects(name, pristine, tmp_path):
    change, file, rule, _ = CASES[name]
    repo = _fresh(pristine, tmp_path)
    change(repo)
    result = _run_check(repo)
    out = result.stdout + result.stderr
    assert result.returncode == 1, f"{name}: tools check passed\n{out[-3000:]}"
    _assert_reported(out, file, rule, name)


BUILDS = [name for name, case in CASES.items() if case[3]]


@pytest.mark.parametrize("quiet", [True, False], ids=["build -q", "build"])
@pytest.mark.parametrize("name", BUILDS)
def test_build_rejects_and_keeps_the_last_site(name, quiet, pristine, tmp_path):
    change, file, rule, _ = CASES[name]
    repo = _fresh(pristine, tmp_path)
    change(repo)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("de vorige site", encoding="utf-8")
    if quiet:
        result = run_mkdocs(repo, site)
    else:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-d", str(site)],
            cwd=repo,
            env={**ENV},
            capture_output=True,
            text=True,
            timeout=600,
        )
    out = result.stdout + result.stderr
    assert result.returncode != 0, f"{name}: the build passed\n{out[-3000:]}"
    _assert_reported(out, file, rule, name)
    assert [p.name for p in site.iterdir()] == ["index.html"], f"{name}: the previous site was changed"
    assert (site / "index.html").read_text(encoding="utf-8") == "de vorige site"
    assert not list(tmp_path.glob(".rs-bouw-*")), f"{name}: the temporary build folder was left behind"


GOOD = {
    "byte order mark": lambda repo: (repo / PAGE).write_bytes(b"\xef\xbb\xbf" + (repo / PAGE).read_bytes()),
    "CRLF line ends": lambda repo: (repo / PAGE).write_bytes((repo / PAGE).read_bytes().replace(b"\n", b"\r\n")),
    "markers shown as code": _append(
        PAGE,
        "\nSchrijf `<!-- gemeentekiezer -->` of:\n\n```\n<!-- hulp: mediation -->\n"
        "<!-- gemeente kiezer -->\n<script>voorbeeld()</script>\n```\n",
    ),
}


def test_valid_odd_input_builds(pristine, tmp_path):
    repo = _fresh(pristine, tmp_path)
    for change in GOOD.values():
        change(repo)
    result = _run_check(repo)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=repo,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    html = (site / "geld" / "index.html").read_text(encoding="utf-8")
    assert "&lt;!-- gemeentekiezer --&gt;" in html and "&lt;script&gt;voorbeeld()" in html
    assert 'class="rs-kiezer"' not in html, "a marker shown as code must not become a picker"
    assert html.count('class="rs-hulp"') == 1, "the page's own <!-- hulp --> marker still works"


def test_strict_build_error_in_an_english_page_keeps_the_site(pristine, tmp_path):
    """A warning in the English build under --strict aborts inside i18n: no half site, Dutch report."""
    repo = _fresh(pristine, tmp_path)
    _append("docs/geld.en.md", "\n[Broken](does-not-exist.md)\n")(repo)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("de vorige site", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=repo,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert "docs/geld.en.md:" in out and "dode-link" in out, out[-3000:]
    assert "niet veranderd" in out
    assert [p.name for p in site.iterdir()] == ["index.html"]


def test_a_good_build_replaces_the_site_in_one_step(pristine, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "oud.txt").write_text("weg", encoding="utf-8")
    result = run_mkdocs(pristine, site)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert not (site / "oud.txt").exists() and (site / "index.html").exists() and (site / "_headers").exists()
    assert (site / "en" / "index.html").exists() and (site / "en" / "404.html").exists()
    assert oct(site.stat().st_mode & 0o777) == "0o755"
    assert not list(tmp_path.glob(".rs-bouw-*"))
    assert os.access(site / "index.html", os.R_OK)


BROKEN = [
    _write("docs/cafe.md", FRONT.encode() + "# Caf\u00e9\n".encode("latin-1")),
    _append("docs/_data/woordenlijst.yml", "\n- term: [kapot\n"),
    _write("gemeenten/kapot.yml", 'gemeente:\n  naam: "Kapot\n'),
    _write("gemeenten/latin.yml", "gemeente:\n  naam: Caf\u00e9\n".encode("latin-1")),
    _edit(PAGE, "\ntitle:", "\ntitle: [\n"),
]
CLIS = [
    ["tools", "check"],
    ["tools", "check", "--json", "rapport.json"],
    ["tools", "generate"],
    ["tools", "coverage"],
    ["tools", "vertalingen"],
    ["tools", "vertalingen", "--json"],
    ["tools.b1", "docs/cafe.md", PAGE],
    ["tools.security.policy", "check", "docs"],
    ["tools.security.policy", "policy", "bestaat-niet"],
    ["tools", "--help"],
    ["tools", "onbekend-commando"],
]


def test_no_command_line_tool_gives_a_traceback_on_broken_input(pristine, tmp_path):
    repo = _fresh(pristine, tmp_path)
    for change in BROKEN:
        change(repo)
    for cli in CLIS:
        result = subprocess.run([sys.executable, "-m", *cli], cwd=repo, env=ENV, capture_output=True, text=True, timeout=300)
        out = result.stdout + result.stderr
        assert "Traceback" not in out, f"python -m {' '.join(cli)}:\n{out[-3000:]}"
        assert out.strip(), f"python -m {' '.join(cli)} said nothing"
    result = run_mkdocs(repo, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out, out[-3000:]
    assert "docs/cafe.md:8" in out and "gemeenten/latin.yml:2" in out and not (tmp_path / "site").exists()
