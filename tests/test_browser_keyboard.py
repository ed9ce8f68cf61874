"""Keyboard-only use and the quick exit in detail, in headless Chromium (one browser, one context per test).

- skip link first, quick exit second in the Tab order, both visible when focused;
- quick exit: Enter, Shift x3 (feedback, reset, page hidden at once, municipality choice wiped),
  without JavaScript a plain link, always in view and uncovered (desktop, open search, open menu);
- menu button, search, the municipality picker and a referral block, with the keyboard only;
- every Tab stop on a phone is visible (no focus on off-screen or hidden elements).
"""

from __future__ import annotations

import json
import re
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from browser import DESKTOP, EXIT_CHECK, PHONE, Guard, exit_link, exit_url, new_context, pages_containing

FOCUS_INFO = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) { return {tag: 'BODY'}; }
  const r = e.getBoundingClientRect();
  const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(cx, cy);
  const style = getComputedStyle(e);
  return {tag: e.tagName, cls: String(e.className), href: e.getAttribute('href') || '', text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40),
          w: r.width, h: r.height, inView: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
          visible: style.visibility !== 'hidden' && r.width > 0 && r.height > 0,
          onTop: !!hit && (hit === e || e.contains(hit) || hit.contains(e))};
}"""


@pytest.fixture(scope="module")
def site(site_dir, site_server):
    return {"dir": site_dir, "server": site_server, "exit": exit_url(site_dir)}


@contextmanager
def opened(chromium, site, rel="", viewport=PHONE, clock=False, **context_options):
    context = new_context(chromium, viewport=viewport, **context_options)
    guard = Guard(context, site["server"].origin, site["exit"])
    page = context.new_page()
    if clock:
        page.clock.install()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site["server"].url(rel), wait_until="load")
    if context_options.get("java_script_enabled", True):
        page.wait_for_function("() => document.documentElement.classList.contains('rs-js')")
    try:
        yield page, guard
    finally:
        context.close()
    assert not errors, f"JavaScript-fouten op /{rel}: {errors}"
    assert not guard.foreign, f"Verzoeken naar andere servers vanaf /{rel}: {guard.foreign}"


def focus(page) -> dict:
    return page.evaluate(FOCUS_INFO)


def tab_until(page, predicate, limit=80, key="Tab") -> dict:
    for _ in range(limit):
        page.keyboard.press(key)
        info = focus(page)
        if predicate(info):
            return info
    pytest.fail(f"Met {limit}x {key} niet gevonden; laatste focus: {focus(page)}")


def on_exit_site(page, site) -> bool:
    return urlsplit(page.url).netloc == urlsplit(site["exit"]).netloc


# ---------------------------------------------------------------------------- order and skip link


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["telefoon", "desktop"])
def test_skip_link_then_quick_exit_first_in_tab_order(chromium, site, viewport):
    with opened(chromium, site, "", viewport) as (page, _):
        first = tab_until(page, lambda i: True, limit=1)
        assert "md-skip" in first["cls"] and first["visible"] and first["inView"], first
        second = tab_until(page, lambda i: True, limit=1)
        assert "rs-snelweg__knop" in second["cls"], second
        assert second["visible"] and second["inView"] and second["onTop"], second
        third = tab_until(page, lambda i: True, limit=1)
        assert third["href"].endswith("veilig-online/"), f"Naast Snel weg hoort de link naar Veilig online: {third}"
        # Skip link: Enter moves to the content; the next Tab stop lies inside the content.
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
        assert "md-skip" in focus(page)["cls"]
        target = page.evaluate("document.querySelector('.md-skip').getAttribute('href')")
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == target
        page.keyboard.press("Tab")
        inside = page.evaluate("!!document.activeElement.closest('.md-content')")
        assert inside, f"Na 'Ga naar inhoud' ging Tab niet naar de inhoud maar naar {focus(page)}"


# ---------------------------------------------------------------------------- quick exit


def test_quick_exit_with_enter_wipes_choice_and_history(chromium, site):
    with opened(chromium, site, "") as (page, guard):
        page.evaluate("localStorage.setItem('rs-gemeente', 'breda'); sessionStorage.setItem('x', '1')")
        tab_until(page, lambda i: "rs-snelweg__knop" in i["cls"], limit=3)
        page.keyboard.press("Enter")
        page.wait_for_url(lambda u: on_exit_site(page, site))
        assert guard.exits, "De neutrale site werd niet geopend."
        page.go_back()
        assert not page.url.startswith(site["server"].origin), "Met Terug kom je weer op de site."
        again = page.context.new_page()
        again.goto(site["server"].url(""), wait_until="load")
        assert again.evaluate("localStorage.getItem('rs-gemeente')") is None, "De gekozen gemeente is niet gewist."


def test_quick_exit_shift_feedback_and_reset(chromium, site):
    with opened(chromium, site, "geld/" if (site["dir"] / "geld").exists() else "", clock=True) as (page, _):
        counter = "document.querySelector('[data-rs-snelweg-teller]').textContent"
        presses = "document.querySelector('[data-rs-snelweg-knop]').getAttribute('data-rs-presses')"
        page.keyboard.press("Shift")
        assert "2" in page.evaluate(counter) and page.evaluate(presses) == "1"
        assert page.locator("[data-rs-snelweg-teller]").is_visible()
        page.keyboard.press("Shift")
        assert "1" in page.evaluate(counter) and page.evaluate(presses) == "2"
        page.keyboard.press("a")  # another key starts over
        assert page.evaluate(counter) == "" and page.evaluate(presses) is None
        page.keyboard.press("Shift")
        page.clock.run_for(6000)  # more than 5 seconds: starts over
        assert page.evaluate(counter) == ""
        page.keyboard.down("Shift")  # holding Shift counts once
        for _ in range(5):
            page.keyboard.down("Shift")
        page.keyboard.up("Shift")
        assert page.evaluate(presses) == "1"
        assert not on_exit_site(page, site)


STATE_WHEN_LEAVING = """addEventListener('beforeunload', function () {
  console.log('RS-STATE ' + JSON.stringify({weg: document.documentElement.classList.contains('rs-weg'),
    body: getComputedStyle(document.body).display, title: document.title,
    keuze: localStorage.getItem('rs-gemeente')}));
});"""


def test_quick_exit_hides_page_at_once(chromium, site):
    """The moment the browser starts leaving (beforeunload), the page is already hidden and wiped."""
    with opened(chromium, site, "") as (page, guard):
        page.context.add_init_script(STATE_WHEN_LEAVING)
        page.reload(wait_until="load")
        page.wait_for_function("() => document.documentElement.classList.contains('rs-js')")
        states = []
        page.on("console", lambda m: states.append(m.text[len("RS-STATE ") :]) if m.text.startswith("RS-STATE ") else None)
        page.evaluate("localStorage.setItem('rs-gemeente', 'breda')")
        for _ in range(3):
            page.keyboard.press("Shift")
        page.wait_for_url(lambda u: on_exit_site(page, site))
        assert states, "Geen momentopname bij het weggaan."
        assert json.loads(states[0]) == {"weg": True, "body": "none", "title": "", "keuze": None}, states[0]


def test_quick_exit_without_javascript_is_a_plain_link(chromium, site):
    tag = exit_link(site["dir"])
    rel = set(re.search(r'rel="([^"]*)"', tag).group(1).split())
    assert {"noreferrer", "noopener", "nofollow"} <= rel, tag
    with opened(chromium, site, "", java_script_enabled=False) as (page, guard):
        state = page.evaluate(EXIT_CHECK)
        assert state["found"] and state["inView"] and not state["covered"], state
        page.click("[data-rs-snelweg-knop]")
        page.wait_for_url(lambda u: on_exit_site(page, site))
        assert guard.exits


@pytest.mark.parametrize("situation", ["desktop", "zoeken-open", "menu-open"])
def test_quick_exit_stays_in_view_and_uncovered(chromium, site, situation):
    viewport = DESKTOP if situation == "desktop" else PHONE

    def size(r: str) -> int:
        if r.endswith(".html"):
            return 0
        html = (site["dir"] / (r or ".") / "index.html").read_text(encoding="utf-8")
        # The tools pages hide most of their HTML (the no-JS task list) once JavaScript runs: too short.
        return 0 if "data-rs-regelen" in html or "data-rs-plan" in html else len(html)

    rel = max(pages_containing(site["dir"], "md-content"), key=size)
    with opened(chromium, site, rel, viewport) as (page, _):
        page.mouse.move(viewport["width"] // 2, 300)  # over the content, not a sidebar that scrolls itself
        page.mouse.wheel(0, 4000)
        page.wait_for_timeout(200)
        if situation == "zoeken-open":
            page.click("[data-rs-zoek]")
            page.wait_for_function("() => document.getElementById('__search').checked")
        elif situation == "menu-open":
            page.click("[data-rs-menu]")
            page.wait_for_function("() => document.getElementById('__drawer').checked")
        page.wait_for_timeout(300)
        state = page.evaluate(EXIT_CHECK)
        assert state["scrollY"] > 0 or situation != "desktop", "De pagina scrolde niet."
        assert state["inView"] and not state["covered"], state
        page.click("[data-rs-snelweg-knop]")
        page.wait_for_url(lambda u: on_exit_site(page, site))


# ---------------------------------------------------------------------------- theme controls


def test_menu_button_works_with_keyboard(chromium, site):
    with opened(chromium, site, "") as (page, _):
        button = tab_until(page, lambda i: i["text"] == "Menu", limit=8)
        assert button["tag"] == "BUTTON" and button["visible"], button
        assert page.get_attribute("[data-rs-menu]", "aria-expanded") == "false"
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
        assert page.get_attribute("[data-rs-menu]", "aria-expanded") == "true"
        inside = focus(page)
        assert inside["visible"] and inside["inView"], inside
        page.keyboard.press("Escape")
        assert page.evaluate("document.getElementById('__drawer').checked") is False
        assert page.evaluate("document.activeElement.hasAttribute('data-rs-menu')")


def test_the_closed_drawer_is_hidden_as_soon_as_the_page_runs(chromium, site):
    """Its links take no focus, not even in the first quarter second after thema.js starts (the
    visibility delay is for the drawer sliding shut; a fast Tab reached the drawer's logo in CI)."""
    with opened(chromium, site, "") as (page, _):
        hidden = page.evaluate("getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility")
        assert hidden == "hidden", hidden


def test_every_tab_stop_on_a_phone_is_visible(chromium, site):
    rel = "geld/" if (site["dir"] / "geld").exists() else ""
    with opened(chromium, site, rel) as (page, _):
        if page.locator("[data-rs-hulp]").count():
            # kiezer.js swaps the plain links of the referral block for the picker once the municipality
            # index has loaded; start tabbing after that, as a person would.
            page.wait_for_selector("[data-rs-hulp] .rs-kiezer__form", state="attached", timeout=10000)
        seen = []
        for _ in range(45):
            page.keyboard.press("Tab")
            info = focus(page)
            if info["tag"] == "BODY":
                break
            seen.append(info)
            assert info["visible"] and info["inView"] and info["onTop"], (
                f"Tab-stop {len(seen)} is niet (helemaal) zichtbaar: {info}"
            )
        assert len(seen) >= 10


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["telefoon", "desktop"])
def test_search_with_keyboard(chromium, site, viewport):
    word = "alimentatie" if (site["dir"] / "alimentatie").exists() else "scheiding"
    with opened(chromium, site, "", viewport) as (page, _):
        if viewport is PHONE:
            tab_until(page, lambda i: i["tag"] == "BUTTON" and i["text"] in ("Zoeken", "Search"), limit=12)
            page.keyboard.press("Enter")
            page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')")
        else:
            tab_until(page, lambda i: "md-search__input" in i["cls"], limit=12)
        info = focus(page)
        assert info["visible"] and info["onTop"], info
        page.keyboard.type(word)
        page.wait_for_selector(".md-search-result__item a", timeout=10000)
        link = tab_until(page, lambda i: i["tag"] == "A" and "md-search-result__link" in i["cls"], limit=6, key="ArrowDown")
        assert link["visible"], link
        page.keyboard.press("Enter")
        page.wait_for_load_state("load")
        assert page.url.startswith(site["server"].origin) and "?h=" not in page.url, page.url
        assert word in page.inner_text("article").lower()


# ---------------------------------------------------------------------------- municipality picker


def _first_municipality(site_dir):
    text = (site_dir / "hulp" / "data" / "gemeenten.js").read_text(encoding="utf-8")
    data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    return data[0]


def test_picker_with_keyboard(chromium, site):
    pages = pages_containing(site["dir"], "data-rs-kiezer")
    if not pages:
        pytest.skip("Geen pagina met een gemeentekiezer in deze bouw.")
    gemeente = _first_municipality(site["dir"])
    with opened(chromium, site, pages[0]) as (page, _):
        field = tab_until(page, lambda i: i["tag"] == "INPUT" and "rs-kiezer__invoer" in i["cls"])
        assert field["visible"] and field["onTop"], field
        label = page.evaluate("document.activeElement.labels[0].textContent")
        assert label.strip(), "Het invoerveld van de kiezer heeft geen label."
        page.keyboard.type("xyzxyz")
        page.keyboard.press("Enter")
        assert page.locator(".rs-kiezer__status").first.inner_text().strip(), "Geen melding bij een onbekende plaats."
        page.keyboard.press("Control+A")
        page.keyboard.type(gemeente["naam"])
        page.keyboard.press("Enter")
        page.wait_for_function("() => sessionStorage.getItem('rs-gemeente') !== null")
        assert page.evaluate("sessionStorage.getItem('rs-gemeente')") == gemeente["id"]
        assert page.evaluate("localStorage.getItem('rs-gemeente')") is None, "Onthouden op het apparaat zonder te vragen."
        assert gemeente["naam"] in page.locator(".rs-kiezer__status").first.inner_text()
        see = focus(page)
        assert see["tag"] == "A" and f"hulp/{gemeente['id']}/" in see["href"], (
            f"Na het kiezen staat de focus niet op de link naar de hulp in {gemeente['naam']}: {see}"
        )
        assert see["visible"] and see["onTop"], see
        clear = tab_until(
            page, lambda i: i["tag"] == "BUTTON" and i["text"] in ("Vergeet mijn keuze", "Forget my choice"), limit=4
        )
        page.keyboard.press("Enter")
        assert page.evaluate("sessionStorage.getItem('rs-gemeente')") is None
        assert "rs-kiezer__invoer" in focus(page)["cls"], "Na 'Vergeet mijn keuze' staat de focus niet in het invoerveld."
        assert clear


def test_referral_block_with_keyboard(chromium, site):
    pages = [p for p in pages_containing(site["dir"], "rs-hulp__keuze") if not p.startswith("hulp/")]
    if not pages:
        pytest.skip("Geen pagina met een verwijsblok in deze bouw.")
    gemeente = _first_municipality(site["dir"])
    with opened(chromium, site, pages[0]) as (page, _):
        tab_until(page, lambda i: i["tag"] == "INPUT" and "rs-kiezer__invoer" in i["cls"], limit=200)
        page.keyboard.type(gemeente["naam"])
        page.keyboard.press("Enter")
        page.wait_for_selector(".rs-hulp__resultaat .rs-hulp__gemeente")
        assert gemeente["naam"] in page.inner_text(".rs-hulp__resultaat")
        page.wait_for_function("() => document.activeElement.closest('.rs-hulp__gemeente') !== null")
        link = focus(page)
        assert link["tag"] == "A" and f"hulp/{gemeente['id']}/" in link["href"], link
        assert link["visible"] and link["onTop"], link
