"""The municipality picker and the help blocks, as a parent uses them on a phone (issue 11).

Remembering is a choice: a chosen municipality lives in sessionStorage (this visit) until the visitor
asks to remember it on the device (localStorage). The picker forgives small typos, says which
municipality a place belongs to, and gives a next step for places outside the region."""

from __future__ import annotations

import pytest
from browser import Guard, new_context


@pytest.fixture
def page(chromium, site_server):
    context = new_context(chromium)
    guard = Guard(context, site_server.origin)
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    yield p
    assert errors == [], errors
    assert guard.foreign == [], guard.foreign
    context.close()


def type_place(p, text: str, label: str = "Gemeente, woonplaats of postcode"):
    field = p.get_by_label(label).first
    field.press_sequentially(text)
    field.press("Enter")


def stored(p) -> dict:
    return p.evaluate("() => ({visit: sessionStorage.getItem('rs-gemeente'), device: localStorage.getItem('rs-gemeente')})")


@pytest.mark.parametrize(
    "query,gid,naam",
    [
        ("4921", "drimmelen", "Drimmelen"),  # postcode of Made
        ("4921 AB", "drimmelen", "Drimmelen"),  # full postcode
        ("Raamsdonksveer", "geertruidenberg", "Geertruidenberg"),  # a place, not the municipality name
        ("werkendam", "altena", "Altena"),  # lower case
        ("Breda", "breda", "Breda"),
    ],
)
def test_choose_by_postcode_place_or_name_for_this_visit_only(page, site_server, query, gid, naam):
    page.goto(site_server.url("hulp/"))
    type_place(page, query)
    page.get_by_text(f"Je ziet nu de hulp in {naam}", exact=False).first.wait_for()
    assert stored(page) == {"visit": gid, "device": None}, "Zonder te vragen iets op het apparaat bewaard."
    link = page.get_by_role("link", name=f"Bekijk alle hulp in {naam}").first
    assert link.get_attribute("href").endswith(f"hulp/{gid}/")


def test_a_place_says_which_municipality_it_belongs_to(page, site_server):
    page.goto(site_server.url("hulp/"))
    type_place(page, "Raamsdonksveer")
    page.get_by_text("Raamsdonksveer hoort bij de gemeente Geertruidenberg.", exact=False).first.wait_for()


@pytest.mark.parametrize(
    "typo,suggestion,gid",
    [
        ("Oosterhoud", "Oosterhout", "oosterhout"),
        ("Geertruidenburg", "Geertruidenberg", "geertruidenberg"),
        ("Wekendam", "Werkendam", "altena"),
    ],
)
def test_small_typos_find_the_place(page, site_server, typo, suggestion, gid):
    page.goto(site_server.url("wonen/"))
    type_place(page, typo)
    page.get_by_text(f"Bedoel je {suggestion}?", exact=False).first.wait_for()
    assert stored(page)["visit"] is None, "Een gok mag niet vanzelf gekozen worden."
    page.locator(".rs-kiezer__keuzes button").first.click()
    assert stored(page)["visit"] == gid
    page.locator(".rs-hulp__resultaat .rs-aanbod").first.wait_for()


def test_place_outside_the_region_gets_a_next_step(page, site_server):
    page.goto(site_server.url("hulp/"))
    type_place(page, "Timboektoe")
    page.get_by_text("We vinden deze plaats niet", exact=False).first.wait_for()
    link = page.get_by_role("link", name="Bekijk de landelijke hulp").first
    assert link.get_attribute("href").endswith("hulp/#landelijk")
    assert stored(page) == {"visit": None, "device": None}
    # the five municipalities stay on offer as large buttons
    buttons = page.locator(".rs-kiezer a[data-rs-gemeente]")
    assert buttons.count() == 5
    for box in (b.bounding_box() for b in buttons.all()):
        assert box["height"] >= 44 and box["width"] >= 44


def test_the_five_buttons_choose_in_place_everywhere(page, site_server):
    page.goto(site_server.url("geld/"))
    block = page.locator("section.rs-hulp").last
    block.locator("a[data-rs-gemeente='oosterhout']").click()
    block.locator(".rs-hulp__resultaat .rs-aanbod").first.wait_for()
    assert page.url.endswith("/geld/"), "De knop opende een andere pagina in plaats van te kiezen."
    assert stored(page)["visit"] == "oosterhout"


def test_help_block_shows_choice_with_forget_and_remember_is_asked(page, site_server):
    page.goto(site_server.url("hulp/"))
    type_place(page, "Oosterhout")
    page.get_by_text("Je ziet nu de hulp in Oosterhout", exact=False).first.wait_for()
    page.get_by_role("button", name="Onthoud op dit apparaat").first.click()
    assert stored(page) == {"visit": "oosterhout", "device": "oosterhout"}
    page.goto(site_server.url("geld/"))
    block = page.locator("section.rs-hulp").last
    result = block.locator(".rs-hulp__resultaat")
    result.locator(".rs-aanbod").first.wait_for()
    cats = block.get_attribute("data-rs-hulp").split()
    assert len(result.locator(".rs-hulp__categorie").all()) == len(cats)
    assert "Oosterhout" in result.inner_text() and "onthouden op dit apparaat" in result.inner_text()
    assert block.locator(".rs-hulp__keuze").is_hidden()
    # the choice can be forgotten on the topic page itself; then the picker comes back
    result.get_by_role("button", name="Vergeet mijn keuze").click()
    assert stored(page) == {"visit": None, "device": None}
    assert block.locator(".rs-hulp__keuze").is_visible()
    assert block.locator(".rs-hulp__resultaat .rs-aanbod").count() == 0


def test_english_page_gets_english_help(page, site_server):
    page.goto(site_server.url("en/hulp/"))
    type_place(page, "Breda", "Municipality, town or postcode")
    page.goto(site_server.url("en/ouderschapsplan/"))
    result = page.locator("section.rs-hulp .rs-hulp__resultaat").last
    result.locator(".rs-aanbod").first.wait_for()
    text = result.inner_text()
    assert "Your municipality" in text and ("Call" in text or "Website" in text)


def test_municipality_page_asks_before_remembering(page, site_server):
    page.goto(site_server.url("hulp/altena/"))
    page.get_by_role("button", name="Altena is mijn gemeente").click()
    assert stored(page) == {"visit": "altena", "device": None}
    page.get_by_role("button", name="Onthoud op dit apparaat").click()
    assert stored(page) == {"visit": "altena", "device": "altena"}
    page.get_by_role("button", name="Vergeet mijn keuze").click()
    assert stored(page) == {"visit": None, "device": None}


def test_without_javascript_everything_is_plain_links(chromium, site_server):
    context = new_context(chromium, java_script_enabled=False)
    Guard(context, site_server.origin)
    p = context.new_page()
    p.goto(site_server.url("geld/"))
    links = p.locator("section.rs-hulp a[href*='hulp/']")
    hrefs = [a.get_attribute("href") for a in links.all()]
    assert any("hulp/breda/#" in h for h in hrefs) and any(h.endswith("hulp/") for h in hrefs)
    # the jump near the top works without JavaScript too
    jump = p.locator(".rs-sprong a").first
    assert jump.get_attribute("href") == "#hulp-in-de-buurt" and p.locator("#hulp-in-de-buurt").count() == 1
    p.goto(site_server.url("hulp/"))
    assert p.locator(".rs-kiezer a[href='drimmelen/']").first.is_visible()
    context.close()
