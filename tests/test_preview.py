"""Test versions (tools/preview/testversion.py, hooks/preview.py) and co-creation notes (tools/content/cocreation.py).

One temporary git repository per module: `main` is the real site, the branch `wijziging` changes
a Dutch page (and a municipality). From it: one production build and one preview (the command
`python -m tools preview`, which also makes the zip). The zip is opened from disk in Chromium.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from conftest import ENV, copy_repo, run_mkdocs

from tools.content import cocreation
from tools.core.pages import concept_pages
from tools.preview import testversion as preview

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.invalid", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
NEW_SENTENCE = "Deze zin is nieuw in de testversie."
READ_NL = "gelezen_door:\n  - groep: ouders\n    datum: 2026-10\n"
READ_EN = "gelezen_door:\n  - groep: ouders\n    datum: 2026-10\n"


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, env={**os.environ, **GIT_ENV}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def add_front_matter(path: Path, lines: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    path.write_text("---\n" + lines + text[4:], encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> SimpleNamespace:
    base = tmp_path_factory.mktemp("preview")
    repo = copy_repo(base / "repo")
    docs = repo / "docs"
    # main: the real site, with co-readers recorded on the money page in both languages.
    add_front_matter(docs / "geld.md", READ_NL)
    add_front_matter(docs / "geld.en.md", READ_EN)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Basis")
    # The branch: a Dutch page and a municipality change; the English page stays as it was.
    git(repo, "checkout", "-q", "-b", "wijziging")
    with (docs / "geld.md").open("a", encoding="utf-8") as fh:
        fh.write(f"\n{NEW_SENTENCE}\n")
    with (repo / "gemeenten" / "breda.yml").open("a", encoding="utf-8") as fh:
        fh.write("# Nagekeken voor de test.\n")
    git(repo, "commit", "-q", "-am", "Geld: een nieuwe zin")

    prod = base / "productie"
    result = run_mkdocs(repo, prod)
    if result.returncode != 0:
        pytest.fail(f"De productiebouw faalde:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
    site, zip_path = base / "testversie", base / "testversie.zip"
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "tools", "preview", "--map", str(site), "--zip", str(zip_path)],
                            cwd=repo, env=ENV, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        pytest.fail(f"De testversie faalde:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
    version = git(repo, "describe", "--always", "--dirty").strip()
    return SimpleNamespace(repo=repo, prod=prod, site=site, zip=zip_path, version=version,
                           output=result.stdout, seconds=time.perf_counter() - started)


def html_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if not p.relative_to(site).as_posix().startswith(("assets/", "search/"))]


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- the preview build


def test_preview_command_gives_a_site_and_a_zip(sites):
    assert "Testversie gebouwd" in sites.output and "Zip" in sites.output
    with zipfile.ZipFile(sites.zip) as zf:
        names = set(zf.namelist())
    for rel in ("index.html", "en/index.html", "geld.html", "hulp/data/gemeenten.js", "hulp/data/breda.js",
                "assets/rs.css", "assets/rs.js", preview.CSS, preview.JS, "robots.txt", preview.README_NAME,
                "redactie/wijzigingen.html"):
        assert rel in names, rel
    assert not any(n.endswith(".gz") for n in names)


def test_every_preview_page_has_the_banner_feedback_link_and_noindex(sites):
    pages = html_pages(sites.site)
    assert len(pages) > 60
    for path in pages:
        rel = path.relative_to(sites.site).as_posix()
        html = path.read_text(encoding="utf-8")
        assert "data-rs-testversie" in html, rel
        assert sites.version in html, rel
        assert '<meta name="robots" content="noindex, nofollow">' in html, rel
        href = re.search(r'<a href="([^"]*)" data-rs-feedback>', html).group(1).replace("&amp;", "&")
        parts = urlsplit(href)
        assert parts.scheme == "mailto" and parts.path == "redactie@relatieenscheiding.nl", rel
        query = parse_qs(parts.query)
        body, subject = query["body"][0], query["subject"][0]
        assert sites.version in subject and sites.version in body, rel
        if rel.endswith("404.html"):
            continue
        source = re.search(r"(?:Bestand|File): docs/(\S+)", body).group(1)
        # The page filled in is this page: geld.html <- geld.md, en/geld.html <- geld.en.md (or geld.md as fallback).
        page = rel.removeprefix("en/").removesuffix(".html")
        assert re.sub(r"(\.en)?\.md$", "", source) == page, (rel, source)
        assert (rel.startswith("en/") and "Test version" in html) or (not rel.startswith("en/") and "Testversie" in html), rel


def test_robots_txt_disallows_everything(sites):
    assert read(sites.site, "robots.txt") == "User-agent: *\nDisallow: /\n"


def test_concept_pages_are_in_the_preview_only(sites):
    concepts = [c for c in concept_pages(sites.repo / "docs") if not c.split("/")[-1].startswith("_")]
    assert concepts, "expected at least one concept page (the example story)"
    for rel in concepts:
        stem = rel[:-3]
        if stem.endswith(".en"):
            stem = "en/" + stem[:-3]
        assert (sites.site / f"{stem}.html").exists(), rel
        assert not (sites.prod / stem / "index.html").exists(), rel
        assert not (sites.prod / f"{stem}.html").exists(), rel


def test_production_has_no_preview_traces(sites):
    for path in html_pages(sites.prod):
        html = path.read_text(encoding="utf-8")
        rel = path.relative_to(sites.prod).as_posix()
        assert "data-rs-testversie" not in html and "md-banner" not in html, rel
        assert "noindex" not in html and preview.CSS not in html and preview.JS not in html, rel
    assert not (sites.prod / "redactie" / "wijzigingen" / "index.html").exists()
    assert not (sites.prod / preview.CSS).exists()
    robots = sites.prod / "robots.txt"
    assert not robots.exists() or "Disallow: /\n" not in robots.read_text(encoding="utf-8")
    assert (sites.prod / "geld" / "index.html").exists()  # production keeps directory URLs


def test_preview_links_work_from_disk(sites):
    """No root-absolute links and no links to folders: file:// would show a folder listing or nothing."""
    attr = re.compile(r'\s(?:href|src)="([^"]*)"')
    problems = []
    for path in html_pages(sites.site):
        for url in set(attr.findall(path.read_text(encoding="utf-8"))):
            parts = urlsplit(url.replace("&amp;", "&"))
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = path.parent / unquote(parts.path)
            if parts.path.startswith("/") or not target.is_file():
                problems.append(f"{path.relative_to(sites.site)}: {url}")
    assert not problems, "\n".join(sorted(problems)[:20])


def test_changes_page_lists_the_changed_page_and_municipality(sites):
    html = read(sites.site, "redactie/wijzigingen.html")
    assert 'href="../geld.html"' in html and "Nederlands gewijzigd" in html
    assert "Engels gewijzigd" not in html.split('href="../geld.html"')[1].split("</li>")[0]
    assert 'href="../hulp/breda.html"' in html and "gemeenten/breda.yml" in html
    assert "verhalen/voorbeeld-sanne.html" in html  # concepts are listed for reviewers
    en = read(sites.site, "en/redactie/wijzigingen.html")
    assert 'href="../geld.html"' in en and "Dutch changed" in en
    # The banner links to the changes page of its own language.
    assert 'href="redactie/wijzigingen.html">What has changed?' in read(sites.site, "en/geld.html")
    assert 'href="../redactie/wijzigingen.html">What has changed?' in read(sites.site, "en/jongeren/index.html")
    assert 'href="redactie/wijzigingen.html">Wat is er veranderd?' in read(sites.site, "geld.html")
    assert 'href="../redactie/wijzigingen.html">Wat is er veranderd?' in read(sites.site, "jongeren/index.html")
    assert NEW_SENTENCE in read(sites.site, "geld.html")


def test_translation_status_says_the_english_page_is_outdated(sites):
    for html in (read(sites.site, "redactie/vertalingen.html"), read(sites.prod, "redactie/vertalingen/index.html")):
        outdated = html.split('id="verouderd-1"')[1].split("<h2")[0]
        assert "docs/geld.md" in outdated
    result = subprocess.run([sys.executable, "-m", "tools", "vertalingen"], cwd=sites.repo, env=ENV,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("geld.md"))
    assert "verouderd" in line


def test_editors_pages_stay_out_of_navigation_and_search(sites):
    index = read(sites.prod, "index.html")
    assert "redactie/vertalingen" not in index and "redactie/dekking" not in index
    search = read(sites.prod, "search/search_index.json")
    assert '"location":"redactie/' not in search.replace(" ", "")


def test_co_readers_are_shown_in_production_and_preview(sites):
    assert "Gelezen door ouders in oktober 2026." in read(sites.prod, "geld/index.html")
    assert "Read by parents in October 2026." in read(sites.prod, "en/geld/index.html")
    assert "Gelezen door ouders in oktober 2026." in read(sites.site, "geld.html")
    assert "rs-gelezen" not in read(sites.prod, "wonen/index.html")


def test_serve_leaves_concept_pages_out(sites):
    """`make serve` is `mkdocs serve` without RS_PREVIEW: no concepts, no banner."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # --no-strict: this test is about concept pages, not about warnings of other parts.
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--no-strict", "-a", f"127.0.0.1:{port}"],
                            cwd=sites.repo, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while True:
            try:
                home = urllib.request.urlopen(base, timeout=5).read().decode("utf-8")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("mkdocs serve startte niet:\n" + (proc.stderr.read() if proc.poll() is not None else ""))
                time.sleep(0.3)
        assert "data-rs-testversie" not in home
        # The preview built before left docs/redactie/wijzigingen.md behind; serve removes it again.
        for path in ("verhalen/voorbeeld-sanne/", "redactie/wijzigingen/"):
            with pytest.raises(urllib.error.HTTPError) as missing:
                urllib.request.urlopen(base + path, timeout=5)
            assert missing.value.code == 404, path
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


# ---------------------------------------------------------------------------- from disk, in Chromium


@pytest.fixture(scope="module")
def unpacked(sites, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("uitgepakt")
    with zipfile.ZipFile(sites.zip) as zf:
        zf.extractall(folder)
    return folder


def test_zip_opens_from_disk_with_styles_links_and_picker(unpacked, sites, chromium):
    import browser

    context = chromium.new_context(viewport=browser.DESKTOP, service_workers="block")  # fresh storage
    try:
        page = context.new_page()
        foreign, errors = [], []
        page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
        page.on("pageerror", lambda e: errors.append(str(e)))

        page.goto((unpacked / "index.html").as_uri())
        banner = page.locator("[data-rs-testversie]")
        assert banner.is_visible() and "Testversie" in banner.text_content() and sites.version in banner.text_content()
        # Styles from Material, from our rs.css and from the preview's own stylesheet are applied.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        exit_bg = page.evaluate("getComputedStyle(document.querySelector('.rs-snelweg__knop')).backgroundColor")
        assert exit_bg not in ("rgba(0, 0, 0, 0)", "transparent")
        assert page.evaluate("getComputedStyle(document.querySelector('.md-banner')).backgroundColor") == "rgb(255, 243, 176)"
        # Search needs a server: hidden on file://, and the banner says so.
        assert page.evaluate("document.documentElement.classList.contains('rs-bestand')")
        assert page.locator(".rs-testversie__zoeken").is_visible()
        assert not page.locator(".md-search").is_visible()

        # Navigation: a link in the menu opens the page from disk.
        page.locator('.md-sidebar--primary a.md-nav__link[href$="geld.html"]').first.click()
        page.wait_for_url("**/geld.html", timeout=10000)
        assert "Geld" in page.locator("h1").first.inner_text()
        assert page.locator("[data-rs-testversie]").is_visible()
        # The language switcher (i18n writes root-absolute links that the preview made relative).
        # Clicked by script: the fixed quick-exit button may cover the switcher on this viewport.
        page.locator('a.md-select__link[hreflang="en"]').first.evaluate("a => a.click()")
        page.wait_for_url("**/en/geld.html", timeout=10000)
        assert "Test version" in page.locator("[data-rs-testversie]").text_content()

        # The municipality picker loads hulp/data/*.js with script tags, which works on file://.
        page.goto((unpacked / "hulp" / "index.html").as_uri())
        field = page.locator("[data-rs-kiezer] input").first
        field.fill("Breda")
        field.press("Enter")
        page.locator("[data-rs-kiezer] .rs-kiezer__status").first.filter(has_text="Breda").wait_for(timeout=5000)
        page.goto((unpacked / "geld.html").as_uri())
        page.locator(".rs-hulp__resultaat .rs-hulp__categorie").first.wait_for(timeout=5000)
        assert "Breda" in page.locator(".rs-hulp__resultaat").first.inner_text()
        # The "all help in Breda" link of the block opens the municipality page from disk too.
        page.locator(".rs-hulp__resultaat a", has_text="Breda").first.click()
        page.wait_for_url("**/hulp/breda.html", timeout=10000)
        assert "Hulp in Breda" in page.locator("h1").first.inner_text()

        assert not foreign, f"requests that left the disk: {foreign}"
        # Material tries to load the search index anyway; that (harmless) error is the only one allowed.
        assert not [e for e in errors if "search" not in e], errors
    finally:
        context.close()


# ---------------------------------------------------------------------------- units


INFO = preview.PreviewInfo("abc1234", dt.date(2026, 11, 28), preview.Feedback(email="redactie@example.nl"),
                           "https://www.relatieenscheiding.nl/")


def test_feedback_mail_has_page_address_and_version():
    href = preview.feedback_href(INFO, "nl", "jongeren/index.md", "Voor jongeren")
    parts = urlsplit(href)
    query = parse_qs(parts.query)
    assert parts.scheme == "mailto" and parts.path == "redactie@example.nl"
    assert query["subject"] == ["Feedback op testversie abc1234: Voor jongeren"]
    body = query["body"][0]
    assert "Bestand: docs/jongeren/index.md" in body and "Versie: abc1234 (28 november 2026)" in body
    assert "Adres: https://www.relatieenscheiding.nl/jongeren/" in body
    en = parse_qs(urlsplit(preview.feedback_href(INFO, "en", "geld.en.md", "Money")).query)
    assert en["subject"] == ["Feedback on test version abc1234: Money"]
    assert "Address: https://www.relatieenscheiding.nl/en/geld/" in en["body"][0]


def test_feedback_form_gets_the_placeholders_filled_in():
    info = preview.PreviewInfo("v 1", INFO.day, preview.feedback_config(
        {"feedback": {"url": "https://forms.example.nl/f?pagina={pagina}&versie={versie}&t={titel}"}}), INFO.site_url)
    href = preview.feedback_href(info, "nl", "geld.md", "Geld & scheiding")
    assert href == "https://forms.example.nl/f?pagina=geld.md&versie=v%201&t=Geld%20%26%20scheiding"


@pytest.mark.parametrize("extra, needle", [
    ({}, "feedbacklink nodig"),
    ({"feedback": ""}, "feedbacklink nodig"),
    ({"feedback": {"url": "http://formulier.nl"}}, "https://"),
    ({"feedback": {"url": "https://f.nl/{onbekend}"}}, "accolades"),
    ({"feedback": {"email": "geen-adres"}}, "geen e-mailadres"),
])
def test_bad_feedback_settings_stop_with_a_dutch_message(extra, needle):
    with pytest.raises(preview.ConfigError) as err:
        preview.feedback_config(extra)
    assert needle in str(err.value)


def test_feedback_setting_as_plain_address():
    assert preview.feedback_config({"feedback": "mailto:redactie@example.nl"}).email == "redactie@example.nl"


@pytest.mark.parametrize("src, address", [
    ("index.md", "https://x.nl/"), ("index.en.md", "https://x.nl/en/"), ("geld.md", "https://x.nl/geld/"),
    ("jongeren/index.md", "https://x.nl/jongeren/"), ("hulp/breda.en.md", "https://x.nl/en/hulp/breda/"),
])
def test_production_address(src, address):
    assert preview.production_address("https://x.nl/", src) == address


def test_local_links(tmp_path):
    (tmp_path / "en" / "jongeren").mkdir(parents=True)
    for rel in ("index.html", "veilig-online.html", "en/index.html", "en/jongeren/index.html"):
        (tmp_path / rel).write_text("x", encoding="utf-8")
    page = tmp_path / "en" / "jongeren" / "index.html"
    html = ('<a href="/">a</a><a href="/en/jongeren/index.html#top">b</a><a href="../../veilig-online/">c</a>'
            '<a href="../index.html">d</a><a href="https://x.nl/">e</a><script src="/assets/x.js"></script>'
            '<a href="../">f</a><a href="#kop">g</a>')
    out = preview.local_links(html, page, tmp_path)
    assert out == ('<a href="../../index.html">a</a><a href="index.html#top">b</a><a href="../../veilig-online.html">c</a>'
                   '<a href="../index.html">d</a><a href="https://x.nl/">e</a><script src="/assets/x.js"></script>'
                   '<a href="../index.html">f</a><a href="#kop">g</a>')


def test_co_reading_sentence_and_check():
    readings, problems = cocreation.parse([{"groep": "jongeren", "datum": "2026-11"},
                                           {"groep": "ouders", "datum": dt.date(2026, 10, 3)}])
    assert problems == []
    assert cocreation.sentence(readings, "nl") == "Gelezen door ouders in oktober 2026 en door jongeren in november 2026."
    assert cocreation.sentence(readings, "en") == "Read by parents in October 2026 and by young people in November 2026."
    assert cocreation.note_html({}, "nl") == ""
    assert cocreation.note_html({"gelezen_door": None}, "nl") == ""
    findings = cocreation.check({"gelezen_door": [{"groep": "buren", "datum": "2026-10"}, {"groep": "ouders", "datum": "oktober"},
                                                  "ouders, oktober 2026"]}, "docs/geld.md", 7)
    assert [f.line for f in findings] == [7, 7, 7] and all(f.blocking for f in findings)
    assert "buren" in findings[0].message and "jjjj-mm" in findings[1].message and "groep:" in findings[2].message


def test_preview_hook_is_inactive_without_rs_preview(monkeypatch):
    monkeypatch.delenv("RS_PREVIEW", raising=False)
    assert not preview.is_preview()
    monkeypatch.setenv("RS_PREVIEW", "1")
    assert preview.is_preview()
