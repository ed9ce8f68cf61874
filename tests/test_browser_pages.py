"""Every built page, both languages, in headless Chromium on a phone (360x740).

One visit per page in a fresh browser context (no cookies, no storage, no history) checks:
- axe-core (WCAG 2.0/2.1 A and AA rules plus best practices): 0 violations;
- no request to any other origin (fonts, scripts, images, search...), no cookies;
- no Content-Security-Policy violation (the meta CSP and the `_headers` CSP both apply);
- the quick exit: still in view and not covered after scrolling to the end, visible feedback after
  one Shift, Shift x3 opens the exit site (answered locally, no network) and Back does not return.
The visits run in one browser, a few pages at a time (tests/browser.py `sweep`).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import exit_url, format_violations, page_paths, require_browser, sweep

REQUIRED_PAGES = ["", "en/", "veilig-online/", "en/veilig-online/", "privacy/", "en/privacy/",
                  "toegankelijkheid/", "en/toegankelijkheid/", "404.html"]


@pytest.fixture(scope="module")
def reports(site_dir, site_server):
    require_browser()
    return sweep(site_dir, site_server.origin, exit_url(site_dir))


def _problems(reports, key, show=str):
    return [f"{r['page'] or '/'}:\n{show(r[key])}" for r in reports if r[key]]


def test_every_page_was_visited_without_script_errors(reports, site_dir):
    visited = {r["page"] for r in reports}
    assert visited == set(page_paths(site_dir))
    for rel in REQUIRED_PAGES:
        assert rel in visited, f"De pagina /{rel} ontbreekt in de gebouwde site."
    problems = _problems(reports, "errors", lambda e: "\n".join(e))
    assert not problems, "JavaScript-fouten of pagina's die niet laadden:\n" + "\n".join(problems)


def test_no_axe_violations(reports):
    problems = _problems(reports, "axe", format_violations)
    assert not problems, f"axe-core vond toegankelijkheidsfouten op {len(problems)} pagina('s):\n" + "\n".join(problems)


def test_no_requests_to_other_servers(reports):
    problems = _problems(reports, "foreign", lambda urls: "\n".join(f"    {u}" for u in sorted(set(urls))))
    assert not problems, "Pagina's vroegen iets op bij een andere server:\n" + "\n".join(problems)


def test_no_cookies(reports):
    problems = _problems(reports, "cookies", lambda names: "    " + ", ".join(names))
    assert not problems, "Pagina's zetten cookies:\n" + "\n".join(problems)


def test_no_content_security_policy_violations(reports):
    problems = _problems(reports, "csp", lambda vs: "\n".join(f"    {v}" for v in vs))
    assert not problems, "De Content-Security-Policy blokkeerde iets:\n" + "\n".join(problems)


def test_quick_exit_on_every_page(reports):
    problems = _problems(reports, "exit", lambda msgs: "\n".join(f"    {m}" for m in msgs))
    assert not problems, "Snel weg werkt niet goed op:\n" + "\n".join(problems)


def test_untranslated_pages_are_marked_dutch(site_dir: Path):
    """English pages that fall back to the Dutch text: html lang="en", the text inside lang="nl" (WCAG 3.1.2)."""
    problems = []
    for rel in page_paths(site_dir):
        if not rel.startswith("en/") or rel.endswith(".html"):
            continue
        html = (site_dir / rel / "index.html").read_text(encoding="utf-8")
        if not re.search(r'<html lang="en"', html):
            problems.append(f"/{rel}: <html> heeft geen lang=\"en\"")
        if 'class="rs-fallback"' in html:
            article = html.split('class="md-content__inner md-typeset"', 1)[-1]
            if not re.search(r'<p class="rs-fallback"[^>]*>[^<]*</p>\s*<div lang="nl">', article):
                problems.append(f"/{rel}: Nederlandse tekst staat niet in <div lang=\"nl\">")
    for rel in page_paths(site_dir):
        if rel.startswith("en/"):
            continue
        html = (site_dir / (rel if rel.endswith(".html") else rel + "index.html")).read_text(encoding="utf-8")
        if not html.lstrip().startswith("<!doctype html>") or '<html lang="nl"' not in html:
            problems.append(f"/{rel}: <html> heeft geen lang=\"nl\"")
    assert not problems, "\n".join(problems)


def test_fallback_page_is_marked_dutch_everywhere(tmp_path):
    """Build a copy without one English translation: its Dutch text, title and contents get lang="nl"."""
    from conftest import copy_repo, run_mkdocs

    repo = copy_repo(tmp_path / "repo")
    (repo / "docs" / "toegankelijkheid.en.md").unlink()
    site = tmp_path / "site"
    result = run_mkdocs(repo, site)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (site / "en" / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page and 'class="rs-fallback"' in page
    assert re.search(r'<p class="rs-fallback"[^>]*>[^<]*</p>\s*<div lang="nl">', page)
    assert '<ul lang="nl" class="md-nav__list" data-md-component="toc"' in page
    home = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<span class="md-ellipsis" lang="nl">\s*Toegankelijkheid\s*</span>', home), \
        "The Dutch title in the English navigation has no lang=\"nl\"."
    assert not re.search(r'<span class="md-ellipsis">\s*Toegankelijkheid\s*</span>', home)
