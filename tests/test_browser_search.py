"""Search in a real browser: results come in the page's language and link into that language."""
from __future__ import annotations

import pytest
from browser import DESKTOP, Guard, new_context


@pytest.mark.parametrize("path,query,lang_part,title", [
    ("en/geld/", "parenting plan", "/en/", "Parenting plan"),
    ("geld/", "ouderschapsplan", "/", "Ouderschapsplan"),
])
def test_search_results_stay_in_the_page_language(chromium, site_server, path, query, lang_part, title):
    context = new_context(chromium, viewport=DESKTOP)
    Guard(context, site_server.origin)
    page = context.new_page()
    page.goto(site_server.url(path))
    field = page.locator("input.md-search__input")
    field.click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10000)
    hrefs = [a.get_attribute("href") for a in results.all()]
    origin = site_server.origin
    assert hrefs and all(h.startswith(origin + lang_part) for h in hrefs), hrefs
    if lang_part == "/":
        assert not [h for h in hrefs if h.startswith(origin + "/en/")], hrefs
    assert title.lower() in page.locator(".md-search-result").inner_text().lower()
    context.close()
