"""hooks/talen.py: the other languages build in a second process; the site is the same as a sequential build."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from conftest import copy_repo, run_mkdocs

# Different on purpose: security.txt expires a fixed time after the build moment; the English 404 page's
# language switch points at the site root instead of the last page the English build happened to render.
EXPECTED_DIFFERENCES = {".well-known/security.txt", "en/404.html"}


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_parallel_build_gives_the_sequential_site(built_site, tmp_path):
    repo = copy_repo(tmp_path / "repo")
    sequential = tmp_path / "sequential"
    result = run_mkdocs(repo, sequential, env={"RS_PARALLEL": "0"})
    assert result.returncode == 0, result.stderr[-3000:]
    parallel = built_site  # the session's production build uses the parallel build (the default)
    assert _files(parallel) == _files(sequential)
    differ = {rel for rel in _files(parallel) if not filecmp.cmp(parallel / rel, sequential / rel, shallow=False)}
    assert differ <= EXPECTED_DIFFERENCES, sorted(differ - EXPECTED_DIFFERENCES)
    # Both languages are in the one sitemap, as in a sequential build.
    sitemap = (parallel / "sitemap.xml").read_text(encoding="utf-8")
    assert "relatieenscheiding.nl/alimentatie/</loc>" in sitemap
    assert "relatieenscheiding.nl/en/alimentatie/</loc>" in sitemap


@pytest.mark.parametrize(
    "page, addition, named",
    [
        # found in the English build's HTML: the report names the English source (sources come back from the child)
        ("geld.en.md", "<!-- hulp: bestaat-niet -->", "docs/geld.en.md: FOUT [dode-link]"),
        # an error that stops the English build itself (a hook raises in the second process)
        ("privacy.en.md", "<!-- metingen: onbekend -->", "docs/privacy.en.md: onbekende markering"),
    ],
)
def test_error_in_the_english_build_stops_the_build_in_dutch(tmp_path, page, addition, named):
    """A broken English page (built by the second process) stops the build and keeps the old site."""
    repo = copy_repo(tmp_path / "repo")
    source = repo / "docs" / page
    source.write_text(source.read_text(encoding="utf-8") + f"\n{addition}\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "oud.txt").write_text("vorige site", encoding="utf-8")
    result = run_mkdocs(repo, site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert named in result.stderr, result.stderr[-3000:]
    assert (site / "oud.txt").read_text(encoding="utf-8") == "vorige site"
    assert not (site / "en").exists()
