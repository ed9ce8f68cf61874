"""Issue 16 in the built site: production against a preview with the measures switched on.

Production (the shared `built_site`): the dashboard says calmly that there are no figures, no page
shows example figures, the downloads and open data exist, every municipality has a card, JSON-LD on
the municipality pages, no feedback widget, connect-src 'self' only.
Preview (RS_PREVIEW=1, with extra.paginafeedback and extra.statistieken set in a copy): charts and
tables labelled "voorbeeldcijfers", the widget, the CSP and the privacy page follow the config.
Then headless Chromium: axe 0 on the dashboard, factsheet, open data and card pages, reflow at
320 px and 200 % text, each card prints on one A5 page, and the widget sends exactly what the
privacy page says (to a locally answered endpoint).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, copy_repo, run_mkdocs

from tools.hulp.load import load_cached
from tools.security import measures

FEEDBACK = "https://meten.voorbeeld-gemeente.nl/feedback"
STATS = "https://statistiek.voorbeeld-gemeente.nl/tel"
STATS_NAME = "Een zelf gehost telprogramma, op een server van de regio"
MUNICIPALITIES = sorted(load_cached(ROOT)[0].municipalities)
EXAMPLE_WORDS = ("voorbeeldcijfer", "example figure")


def html(site: Path, rel: str) -> str:
    path = site / rel
    return (path / "index.html" if path.is_dir() else path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("monitor-preview")
    repo = copy_repo(base / "repo")
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace('  paginafeedback:\n    url: ""', f'  paginafeedback:\n    url: "{FEEDBACK}"')
    text = text.replace(
        '  statistieken:\n    url: ""\n    naam: ""', f'  statistieken:\n    url: "{STATS}"\n    naam: "{STATS_NAME}"'
    )
    assert FEEDBACK in text and STATS in text
    config.write_text(text, encoding="utf-8")
    site = base / "site"
    result = run_mkdocs(repo, site, env={"RS_PREVIEW": "1"})
    if result.returncode != 0:
        pytest.fail(f"De testversie faalde:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
    return site


# ---------------------------------------------------------------------------- production


def test_production_never_shows_example_figures(built_site):
    for path in built_site.rglob("*"):
        if path.suffix in (".html", ".csv", ".json") and "search" not in path.parts:
            text = path.read_text(encoding="utf-8").lower().replace('"voorbeeldcijfers": false', "")
            assert not any(w in text for w in EXAMPLE_WORDS), path.relative_to(built_site)
    nl, en = html(built_site, "dashboard"), html(built_site, "en/dashboard")
    assert "Er zijn nog geen cijfers" in nl and "There are no figures yet" in en
    assert "rs-grafiek" not in nl and "rs-grafiek" not in en  # no charts without figures
    figures = json.loads((built_site / "dashboard/cijfers.json").read_text(encoding="utf-8"))
    assert figures["cijfers"] == [] and figures["voorbeeldcijfers"] is False and len(figures["kpis"]) == 6
    assert (built_site / "dashboard/cijfers.csv").read_text(encoding="utf-8").startswith("kpi,kpi_naam,")


def test_production_downloads_and_links_resolve(built_site):
    for rel in (
        "dashboard/cijfers.csv",
        "dashboard/cijfers.json",
        "open-data/sociale-kaart.csv",
        "open-data/sociale-kaart.json",
        "open-data/sociale-kaart.schema.json",
    ):
        assert (built_site / rel).is_file(), rel
    for page in ("dashboard", "en/dashboard", "open-data", "en/open-data"):
        for href in re.findall(r'href="([^"]+\.(?:csv|json))"', html(built_site, page)):
            target = (built_site / page / href).resolve()
            assert target.is_file(), (page, href)


def test_production_open_data_is_complete(built_site):
    data = load_cached(ROOT)[0]
    expected = (
        len(data.national)
        + sum(len(r.aanbod) for r in data.regions.values())
        + sum(len(g.aanbod) for g in data.municipalities.values())
    )
    rows = list(csv.DictReader((built_site / "open-data/sociale-kaart.csv").open(encoding="utf-8")))
    payload = json.loads((built_site / "open-data/sociale-kaart.json").read_text(encoding="utf-8"))
    assert len(rows) == len(payload["aanbod"]) == payload["aantal"] == expected


def test_production_cards_and_json_ld(built_site):
    for gid in MUNICIPALITIES:
        for prefix in ("", "en/"):
            card = html(built_site, f"{prefix}kaart/{gid}")
            assert card.count("<svg") >= 1 and 'class="rs-qr"' in card
            page = html(built_site, f"{prefix}hulp/{gid}")
            blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
            assert len(blocks) == 1
            assert json.loads(blocks[0])["@context"] == "https://schema.org"


def test_production_has_no_widget_and_no_extra_connect_src(built_site):
    home = html(built_site, "")
    assert "data-rs-paginafeedback" not in home and "paginafeedback.js" not in home and "rs-statistiek" not in home
    assert "connect-src 'self';" in home
    assert "connect-src 'self';" in (built_site / "_headers").read_text(encoding="utf-8")
    privacy = html(built_site, "privacy")
    assert "We tellen geen bezoekers en we maken geen profielen." in privacy and "metingen" not in privacy
    assert "We do not count visitors" in html(built_site, "en/privacy")


# ---------------------------------------------------------------------------- preview with measures on


def test_preview_labels_example_figures_on_every_chart_and_table(preview_site):
    for rel, word in (("dashboard/index.html", "voorbeeldcijfers"), ("en/dashboard/index.html", "example figures")):
        page = html(preview_site, rel)
        titles = re.findall(r'<title id="rs-kpi-\d-[a-z]{2}-titel">([^<]*)</title>', page)
        captions = re.findall(r"<caption[^>]*>([^<]*)</caption>", page)
        assert len(titles) == 6 and all(word in t.lower() for t in titles)
        assert len(captions) == 6 and all(word in c.lower() for c in captions)
        assert page.count('class="rs-voorbeeld"') == 1
    fact = html(preview_site, "dashboard/factsheet.html")
    assert "oorbeeldcijfers" in fact
    rows = list(csv.DictReader((preview_site / "dashboard/cijfers.csv").open(encoding="utf-8")))
    assert rows and all(r["voorbeeld"] == "true" for r in rows)


def test_preview_measures_follow_the_configuration(preview_site):
    page = html(preview_site, "geld.html")
    assert f'data-url="{FEEDBACK}"' in page and f'content="{STATS}"' in page
    assert "assets/js/paginafeedback.js" in page and "assets/js/statistiek.js" in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    connect = re.search(r"connect-src ([^;]+)", policy).group(1).split()
    assert connect == ["'self'", "https://meten.voorbeeld-gemeente.nl", "https://statistiek.voorbeeld-gemeente.nl"]
    assert "https://meten.voorbeeld-gemeente.nl https://statistiek.voorbeeld-gemeente.nl" in (
        preview_site / "_headers"
    ).read_text(encoding="utf-8")
    privacy = html(preview_site, "privacy.html")
    assert 'id="paginafeedback"' in privacy and 'id="statistieken"' in privacy
    assert "meten.voorbeeld-gemeente.nl" in privacy and STATS_NAME in privacy
    assert "We tellen alleen hoe vaak een pagina wordt bekeken" in privacy
    assert "We tellen geen bezoekers" not in privacy


def test_measures_config_errors_are_dutch():
    assert measures.from_extra({}).origins() == []
    with pytest.raises(measures.ConfigError, match="https"):
        measures.from_extra({"paginafeedback": {"url": "http://x.nl/a"}})
    with pytest.raises(measures.ConfigError, match="naam"):
        measures.from_extra({"statistieken": {"url": "https://x.nl/a"}})
    with pytest.raises(measures.ConfigError):
        measures.from_extra({"paginafeedback": {"url": "https://x.nl/a'; script-src *"}})
    m = measures.from_extra({"paginafeedback": {"url": "https://a.nl/f"}})
    assert m.origins() == ["https://a.nl"] and m.scripts() == [measures.FEEDBACK_JS]
    assert measures.widget_html(measures.Measures(), "nl", "/", "privacy/") == ""


# ---------------------------------------------------------------------------- in the browser


def _axe_page(chromium, server, rel, viewport=None, text_zoom=False):
    from browser import PHONE, csp_violations, new_context, run_axe

    context = new_context(chromium, viewport=viewport or PHONE)
    foreign = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(server.origin)
            else (foreign.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    page.goto(server.url(rel), wait_until="load")
    if text_zoom:
        # 200 % text: Material's root is 125 %. Set through the CSSOM, which the CSP allows (no inline style).
        page.evaluate("document.documentElement.style.setProperty('font-size', '250%', 'important')")
        page.wait_for_timeout(100)
    result = {
        "axe": run_axe(page),
        "csp": csp_violations(page),
        "foreign": foreign,
        "width": page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]"),
    }
    context.close()
    return result


PAGES = [
    "dashboard/",
    "en/dashboard/",
    "dashboard/factsheet/",
    "open-data/",
    "en/open-data/",
    "kaart/",
    "kaart/breda/",
    "en/kaart/breda/",
]


@pytest.mark.parametrize("rel", PAGES)
def test_production_pages_pass_axe_and_reflow(chromium, site_server, rel):
    from browser import format_violations

    result = _axe_page(chromium, site_server, rel)
    assert not result["axe"], format_violations(result["axe"])
    assert not result["csp"] and not result["foreign"]
    for viewport, zoom in (({"width": 320, "height": 640}, False), ({"width": 360, "height": 740}, True)):
        width, inner = _axe_page(chromium, site_server, rel, viewport, zoom)["width"]
        assert width <= inner, f"{rel}: {width}px breed bij {viewport['width']}px (200 % tekst: {zoom})"


@pytest.fixture(scope="module")
def preview_server(preview_site):
    from browser import StaticServer, require_browser

    require_browser()
    with StaticServer(preview_site) as server:
        yield server


@pytest.mark.parametrize("rel", ["dashboard/index.html", "en/dashboard/index.html", "dashboard/factsheet.html"])
def test_preview_dashboard_with_charts_passes_axe_and_reflow(chromium, preview_server, rel):
    from browser import format_violations

    result = _axe_page(chromium, preview_server, rel)
    assert not result["axe"], format_violations(result["axe"])
    assert not result["csp"]
    for viewport, zoom in (
        ({"width": 320, "height": 640}, False),
        ({"width": 360, "height": 740}, True),
        ({"width": 1280, "height": 800}, False),
    ):
        width, inner = _axe_page(chromium, preview_server, rel, viewport, zoom)["width"]
        assert width <= inner, f"{rel}: {width}px breed bij {viewport['width']}px (200 % tekst: {zoom})"


def test_cards_print_on_one_a4_page(chromium, site_server):
    for gid in MUNICIPALITIES:
        for prefix in ("", "en/"):
            page = chromium.new_page()
            page.goto(site_server.url(f"{prefix}kaart/{gid}/"), wait_until="load")
            pdf = page.pdf(prefer_css_page_size=True)
            page.close()
            pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
            box = [float(v) for v in re.search(rb"/MediaBox\s*\[([^\]]*)\]", pdf).group(1).split()]
            assert pages == 1, f"{prefix}kaart/{gid}: {pages} pagina's"
            assert abs(box[2] - 595) < 2 and abs(box[3] - 842) < 2, box  # A4 in points


def test_factsheet_prints_on_one_page(chromium, preview_server):
    page = chromium.new_page()
    page.goto(preview_server.url("dashboard/factsheet.html"), wait_until="load")
    pdf = page.pdf(prefer_css_page_size=True)
    page.close()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_widget_sends_only_what_the_privacy_page_says(chromium, preview_server):
    from browser import csp_violations, new_context

    context = new_context(chromium)
    sent = []

    def handle(route):
        url = route.request.url
        if url.startswith(preview_server.origin):
            route.continue_()
        elif url in (FEEDBACK, STATS):
            sent.append((url, route.request.method, route.request.post_data, route.request.headers))
            route.fulfill(status=204, headers={"Access-Control-Allow-Origin": "*"})
        else:
            route.abort()

    context.route("**/*", handle)
    page = context.new_page()
    page.goto(preview_server.url("geld.html"), wait_until="load")
    page.wait_for_timeout(300)
    box = page.locator("[data-rs-paginafeedback]")
    assert box.is_visible()
    stats = [s for s in sent if s[0] == STATS]
    assert len(stats) == 1 and json.loads(stats[0][2]) == {"pagina": "/geld.html", "taal": "nl"}
    assert [s for s in sent if s[0] == FEEDBACK] == []  # nothing until a button is pressed
    page.get_by_role("button", name="Ja").click()
    page.wait_for_function("() => document.querySelector('[data-rs-feedback-status]').textContent.length > 0")
    feedback = [s for s in sent if s[0] == FEEDBACK]
    assert len(feedback) == 1 and feedback[0][1] == "POST"
    assert json.loads(feedback[0][2]) == {"pagina": "/geld.html", "antwoord": "ja", "taal": "nl"}
    assert "cookie" not in {k.lower() for k in feedback[0][3]} and "referer" not in {k.lower() for k in feedback[0][3]}
    assert "Dank je wel" in page.locator("[data-rs-feedback-status]").text_content()
    assert csp_violations(page) == [] and context.cookies() == []
    context.close()
