"""The municipality picker and the referral blocks, as a parent uses them on a phone."""
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


def choose(p, text: str):
    field = p.get_by_label("Gemeente, woonplaats of postcode").first
    field.fill(text)
    field.press("Enter")


def stored(p) -> str | None:
    return p.evaluate("() => localStorage.getItem('rs-gemeente')")


@pytest.mark.parametrize("query,gid,naam", [
    ("4921", "drimmelen", "Drimmelen"),          # postcode of Made
    ("4921 AB", "drimmelen", "Drimmelen"),       # full postcode
    ("Raamsdonksveer", "geertruidenberg", "Geertruidenberg"),  # a place, not the municipality name
    ("werkendam", "altena", "Altena"),           # lower case
    ("Breda", "breda", "Breda"),
])
def test_choose_by_postcode_place_or_name(page, site_server, query, gid, naam):
    page.goto(site_server.url("hulp/"))
    choose(page, query)
    page.get_by_text(f"{naam} is nu jouw gemeente", exact=False).first.wait_for()
    assert stored(page) == gid
    link = page.get_by_role("link", name=f"Bekijk alle hulp in {naam}").first
    assert link.get_attribute("href").endswith(f"hulp/{gid}/")


def test_unknown_place_says_so_and_stores_nothing(page, site_server):
    page.goto(site_server.url("hulp/"))
    choose(page, "Timboektoe")
    page.get_by_text("Geen gemeente gevonden", exact=False).first.wait_for()
    assert stored(page) is None


def test_referral_block_shows_chosen_municipality_help_for_its_categories(page, site_server):
    page.goto(site_server.url("hulp/"))
    choose(page, "Oosterhout")
    page.get_by_text("Oosterhout is nu jouw gemeente", exact=False).first.wait_for()
    page.goto(site_server.url("geld/"))
    block = page.locator("section.rs-hulp").last
    result = block.locator(".rs-hulp__resultaat")
    result.locator(".rs-aanbod").first.wait_for()
    cats = block.get_attribute("data-rs-hulp").split()
    assert len(result.locator(".rs-hulp__categorie").all()) == len(cats)
    assert "Oosterhout" in result.inner_text()
    assert block.locator(".rs-hulp__keuze").is_hidden()
    # The choice survives a new page and can be cleared; then the links come back.
    page.goto(site_server.url("hulp/"))
    page.get_by_role("button", name="Keuze wissen").first.click()
    assert stored(page) is None
    page.goto(site_server.url("geld/"))
    block = page.locator("section.rs-hulp").last
    assert block.locator(".rs-hulp__keuze").is_visible()
    assert block.locator(".rs-hulp__resultaat .rs-aanbod").count() == 0


def test_english_page_gets_english_help(page, site_server):
    page.goto(site_server.url("en/hulp/"))
    field = page.get_by_label("Municipality, town or postcode").first
    field.fill("Breda")
    field.press("Enter")
    page.goto(site_server.url("en/ouderschapsplan/"))
    result = page.locator("section.rs-hulp .rs-hulp__resultaat").last
    result.locator(".rs-aanbod").first.wait_for()
    text = result.inner_text()
    assert "Your municipality" in text and ("Call" in text or "Website" in text)


def test_municipality_page_remembers_choice(page, site_server):
    page.goto(site_server.url("hulp/altena/"))
    page.get_by_role("button", name="Onthoud Altena als mijn gemeente").click()
    assert stored(page) == "altena"


def test_without_javascript_everything_is_plain_links(chromium, site_server):
    context = new_context(chromium, java_script_enabled=False)
    Guard(context, site_server.origin)
    p = context.new_page()
    p.goto(site_server.url("geld/"))
    links = p.locator("section.rs-hulp a[href*='hulp/']")
    hrefs = [a.get_attribute("href") for a in links.all()]
    assert any("hulp/breda/#" in h for h in hrefs) and any(h.endswith("hulp/") for h in hrefs)
    p.goto(site_server.url("hulp/"))
    assert p.locator(".rs-kiezer a[href='drimmelen/']").first.is_visible()
    context.close()
