"""'Wat moet ik regelen?' and 'Ons plan voor de kinderen' in headless Chromium, as a parent on a phone.

Flows: answers -> exactly the tasks the Python rules choose; the chosen municipality's help beside
them; the error summary; print view; quick exit wipes; nothing leaves the device; axe 0; reflow;
and the versions without JavaScript.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import Guard, exit_url, format_violations, new_context, run_axe
from test_regelen import DRIMMELEN, FATHER_WITHOUT_AUTHORITY, NOT_SAFE, RENTERS

from tools.content import regelen
from tools.hulp.load import load_cached

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tasks():
    data, _ = load_cached(ROOT)
    result, _ = regelen.load_tasks(ROOT / regelen.TASKS_FILE, ROOT, data.categories, regelen.docs_pages(ROOT / "docs"))
    return result


@pytest.fixture
def ctx(chromium, site_server, site_dir):
    context = new_context(chromium)
    guard = Guard(context, site_server.origin, exit_url(site_dir))
    errors: list[str] = []
    context.on("page", lambda p: p.on("pageerror", lambda e: errors.append(str(e))))
    yield context, guard
    assert errors == [], errors
    assert guard.foreign == [], guard.foreign
    assert context.cookies() == []
    context.close()


@pytest.fixture
def page(ctx):
    return ctx[0].new_page()


def answer(p, answers: dict, gemeente: str = ""):
    for qid, aid in answers.items():
        box = p.locator(f"#vraag-{qid}")
        if box.is_hidden():
            continue
        p.locator(f"label[for='vraag-{qid}-{aid}']").click()
    if gemeente:
        p.select_option("#vraag-gemeente", gemeente)
    p.get_by_role("button", name="Maak mijn lijst").click()
    p.locator("[data-rs-regelen-resultaat]").wait_for(state="visible")


def visible_tasks(p) -> list[str]:
    return p.eval_on_selector_all("[data-rs-taak]", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.rsTaak)")


def test_parent_in_drimmelen_gets_tasks_deadlines_and_local_help_and_can_print(page, site_server, tasks):
    page.goto(site_server.url("wat-moet-ik-regelen/"))
    answer(page, DRIMMELEN, "drimmelen")
    expected = [t.id for t in regelen.choose(tasks, DRIMMELEN)]
    assert visible_tasks(page) == expected  # the browser follows the same rules as tools/content/regelen.py
    deadlines = page.locator("[data-rs-taak]:visible .rs-taak__termijn")
    assert deadlines.count() >= 6
    assert page.evaluate("document.activeElement.matches('[data-rs-regelen-kop]')")
    assert f"Er zijn {len(expected)} taken voor jou" in page.locator("[data-rs-regelen-aantal]").inner_text()
    # Drimmelen's own help beside the tasks, from the generated, escaped per-category blocks.
    page.locator("[data-rs-taak]:visible details.rs-taak__lokaal").first.wait_for()
    summaries = page.locator("[data-rs-taak]:visible details.rs-taak__lokaal > summary")
    assert summaries.count() == len(expected)
    assert summaries.first.inner_text() == "Hulp in Drimmelen bij deze taak"
    money = page.locator("#taak-geld-overzicht details.rs-taak__lokaal")
    money.locator(":scope > summary").click()
    assert "14 0162" in money.inner_text()  # Drimmelen's own Sociaal loket, with its call button
    assert page.evaluate("localStorage.length") == 0  # remembered in this tab only
    assert page.evaluate("JSON.parse(sessionStorage.getItem('rs-regelen')).gemeente") == "drimmelen"
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    # Print: the local help opens, and the site chrome and the form disappear.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("#taak-pensioen details.rs-taak__lokaal").get_attribute("open") is not None
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.rs-snelweg', '.md-sidebar--primary', '.md-footer', '[data-rs-regelen-vragen]',
                                     '.rs-regelen__acties'].map(s => { const e = document.querySelector(s);
                                     return !e || getComputedStyle(e).display === 'none'; })""")
    assert all(hidden), hidden
    assert page.locator("#taak-pensioen").is_visible()
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("#taak-pensioen details.rs-taak__lokaal").get_attribute("open") is None
    pdf = page.pdf()
    assert pdf[:4] == b"%PDF" and len(pdf) > 10000


@pytest.mark.parametrize(
    "answers,must,never",
    [
        (FATHER_WITHOUT_AUTHORITY, ["zonder-gezag", "afspraken-kinderen"], ["ouderschapsplan", "scheiding-inschrijven"]),
        (RENTERS, ["huurhuis", "huurtoeslag"], ["koophuis", "kinderbijslag"]),
        (
            NOT_SAFE,
            ["veilig-eerst", "veiligheidsplan", "ouderschapsplan-veilig"],
            ["afspraken-maken", "kinderen-vertellen", "ouderschapsplan"],
        ),
    ],
    ids=["vader-zonder-gezag", "huurders", "niet-veilig"],
)
def test_scenarios_match_the_rules(page, site_server, tasks, answers, must, never):
    page.goto(site_server.url("wat-moet-ik-regelen/"))
    answer(page, answers, "breda")
    got = visible_tasks(page)
    assert got == [t.id for t in regelen.choose(tasks, answers)]
    assert set(must) <= set(got) and not set(never) & set(got)
    if answers["veilig"] == "nee":
        assert got[0] == "veilig-eerst"
        cats = page.eval_on_selector_all(
            "[data-rs-taak]:not([hidden]) [data-rs-hulp-cats]", "els => els.map(e => e.dataset.rsHulpCats)"
        )
        assert not [c for c in cats if "mediation" in c]
        visible_text = page.eval_on_selector_all("[data-rs-taak]:not([hidden])", "els => els.map(e => e.innerText).join(' ')")
        assert "mediator" not in visible_text.lower()


def test_error_summary_and_follow_up_question(page, site_server):
    page.goto(site_server.url("wat-moet-ik-regelen/"))
    assert page.locator("#vraag-gezag").is_hidden()
    page.get_by_role("button", name="Maak mijn lijst").click()
    summary = page.locator("[data-rs-foutsamenvatting]")
    assert summary.is_visible() and page.evaluate("document.activeElement.matches('[data-rs-foutsamenvatting]')")
    links = summary.locator("a")
    assert links.count() == 6  # every question except the follow-up about parental authority
    assert links.first.inner_text() == "Voel je je veilig thuis? Kies een antwoord."
    links.first.click()
    assert page.evaluate("document.activeElement.id") == "vraag-veilig-ja"
    assert page.locator("#vraag-veilig.rs-vraag--fout").count() == 1
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    page.locator("label[for='vraag-kinderen-ja']").click()
    assert page.locator("#vraag-gezag").is_visible()
    page.locator("label[for='vraag-gezag-samen']").click()
    page.locator("label[for='vraag-kinderen-nee']").click()
    assert page.locator("#vraag-gezag").is_hidden()
    assert page.evaluate("JSON.parse(sessionStorage.getItem('rs-regelen')).antwoorden.gezag") is None


def test_answers_survive_reading_a_linked_page_but_not_the_quick_exit(ctx, site_server):
    context, guard = ctx
    page = context.new_page()
    page.goto(site_server.url("wat-moet-ik-regelen/"))
    answer(page, DRIMMELEN, "drimmelen")
    page.locator("#taak-pensioen .rs-taak__lees a").first.click()
    page.wait_for_url("**/geld/**")
    page.go_back()
    page.locator("[data-rs-regelen-resultaat]").wait_for(state="visible")
    assert "pensioen" in visible_tasks(page)
    # Quick exit: the neutral site, and nothing left in this tab.
    page.locator("[data-rs-snelweg-knop]").click()
    page.wait_for_url(lambda u: u.startswith(exit_url_of(guard)))
    assert guard.exits
    page.goto(site_server.url("wat-moet-ik-regelen/"))
    assert page.evaluate("sessionStorage.length") == 0
    assert page.locator("[data-rs-regelen-resultaat]").is_hidden()
    assert page.eval_on_selector_all("[data-rs-regelen] input:checked", "els => els.length") == 0
    assert page.locator("#vraag-gezag").is_hidden()


def exit_url_of(guard) -> str:
    return "https://" + guard.exit_host


def test_quick_exit_wipes_memory_and_fields_at_once(page, site_server):
    page.goto(site_server.url("wat-moet-ik-regelen/"))
    answer(page, NOT_SAFE, "altena")
    # What rs.js does first when leaving (before the neutral site loads): mark the page.
    page.evaluate("document.documentElement.classList.add('rs-weg')")
    page.wait_for_function("() => document.querySelectorAll('[data-rs-regelen] input:checked').length === 0")
    state = page.evaluate("""() => ({stored: sessionStorage.getItem('rs-regelen'),
        select: document.querySelector('#vraag-gemeente').value,
        result: document.querySelector('[data-rs-regelen-resultaat]').hidden,
        local: document.querySelectorAll('details.rs-taak__lokaal').length})""")
    assert state == {"stored": None, "select": "", "result": True, "local": 0}


def test_english_checklist(page, site_server, tasks):
    page.goto(site_server.url("en/wat-moet-ik-regelen/"))
    for qid, aid in RENTERS.items():
        if page.locator(f"#vraag-{qid}").is_visible():
            page.locator(f"label[for='vraag-{qid}-{aid}']").click()
    page.select_option("#vraag-gemeente", "oosterhout")
    page.get_by_role("button", name="Make my list").click()
    page.locator("[data-rs-regelen-resultaat]").wait_for(state="visible")
    assert visible_tasks(page) == [t.id for t in regelen.choose(tasks, RENTERS)]
    first_help = page.locator("[data-rs-taak]:not([hidden]) details.rs-taak__lokaal > summary").first
    first_help.wait_for()
    assert first_help.inner_text() == "Help in Oosterhout with this task"
    assert "Report a move to the municipality" in page.locator("#taak-verhuizing").inner_text()


def zoom_text(page):
    """200 % text: Material's root is 125 %, so 250 %. Set through the CSSOM (the CSP blocks inline styles)."""
    page.evaluate("document.documentElement.style.setProperty('font-size', '250%', 'important')")


@pytest.mark.parametrize("width,text_zoom", [(320, False), (360, True)], ids=["320px", "200%-tekst"])
def test_reflow_and_tap_targets(chromium, site_server, width, text_zoom):
    context = new_context(chromium, viewport={"width": width, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(site_server.url("wat-moet-ik-regelen/"))
        if text_zoom:
            zoom_text(page)
        answer(page, DRIMMELEN, "drimmelen")
        page.locator("[data-rs-taak]:not([hidden]) details.rs-taak__lokaal").first.wait_for()
        page.evaluate("document.querySelectorAll('details.rs-taak__lokaal').forEach(d => d.open = true)")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.get_by_role("button", name="Antwoorden aanpassen").click()
        small = page.evaluate("""() => [...document.querySelectorAll('.rs-keuze label, .rs-regelen button, #vraag-gemeente')]
            .filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect())
            .filter(r => r.height < 44).length""")
        assert small == 0
        page.goto(site_server.url("ons-plan-voor-de-kinderen/"))
        page.locator("[data-rs-plan-bediening]").wait_for(state="visible")
        if text_zoom:
            zoom_text(page)
        # The plan's own parts fit. (The shared municipality picker at the end of the page is
        # issue 11's component; its input overflows at 200 % text on the current main branch.)
        too_wide = page.evaluate(f"""() => [...document.querySelectorAll(
            '.rs-plan *, .rs-week *, .rs-plan__invul *, .rs-plan-deel')]
            .filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > {width} + 1)
            .map(e => e.tagName + '.' + e.className)""")
        assert too_wide == []
    finally:
        context.close()


def test_without_javascript_every_task_is_listed_and_the_plan_is_a_list_of_questions(chromium, site_server, tasks):
    context = new_context(chromium, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_server.url("wat-moet-ik-regelen/"))
        assert page.locator("[data-rs-regelen-vragen]").is_hidden()
        assert page.locator(".rs-taak:visible").count() == len(tasks.taken)
        assert page.locator(".rs-moment h2").all_inner_texts() == ["Nu", "Bij het regelen van de scheiding", "Daarna"]
        first = page.locator("#taak-veilig-eerst")
        assert "Voor wie:" in first.inner_text() and first.locator("a[href*='hulp/drimmelen/#veiligheid']").count() == 1
        page.goto(site_server.url("ons-plan-voor-de-kinderen/"))
        assert page.locator("[data-rs-plan-nojs]").is_visible() and page.locator("[data-rs-plan-bediening]").is_hidden()
        assert page.locator("h2.rs-plan-deel").count() == 4 and page.locator("h3.rs-plan-deel").count() == 6
        assert page.locator("article li").count() > 40
        assert page.locator(".rs-week__tabel tbody tr").count() == 7
    finally:
        context.close()


def test_plan_typed_text_prints_and_the_quick_exit_wipes_it(ctx, site_server):
    context, guard = ctx
    page = context.new_page()
    page.goto(site_server.url("ons-plan-voor-de-kinderen/"))
    page.locator("[data-rs-plan-bediening]").wait_for(state="visible")
    assert page.locator("textarea[data-rs-plan-tekst]").count() == 11  # 10 parts + the changeover note
    page.get_by_label("Namen van de kinderen").press_sequentially("Sam en Noor")
    page.get_by_label("Naam van ouder 1").press_sequentially("Papa")
    page.get_by_label("Naam van ouder 2").press_sequentially("Mama")
    page.get_by_label("Jullie afspraken over: Zorg en opvoeding").press_sequentially("Om de week wisselen op vrijdag.")
    page.get_by_label("Maandag, Week 1").select_option("1")
    page.get_by_label("Zaterdag, Week 2").select_option("2")
    assert page.get_by_label("Maandag, Week 1").locator("option:checked").inner_text() == "Papa"
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    # Printed: what the parent typed, without fields, buttons or site chrome.
    page.emulate_media(media="print")
    printed = page.evaluate("""() => ({
        zorg: document.querySelector('[data-rs-plan-afdruk="zorg"]').innerText,
        zorgShown: getComputedStyle(document.querySelector('[data-rs-plan-afdruk="zorg"]')).display,
        field: getComputedStyle(document.querySelector('textarea[data-rs-plan-tekst="zorg"]')).display,
        controls: getComputedStyle(document.querySelector('[data-rs-plan-bediening]')).display,
        header: getComputedStyle(document.querySelector('.md-header')).display,
        exit: getComputedStyle(document.querySelector('.rs-snelweg')).display,
        head: document.querySelector('[data-rs-plan-kop]').innerText,
        week: [...document.querySelectorAll('.rs-week .rs-plan__afdruk')].map(e => e.innerText).filter(Boolean)})""")
    assert printed == {
        "zorg": "Om de week wisselen op vrijdag.",
        "zorgShown": "block",
        "field": "none",
        "controls": "none",
        "header": "none",
        "exit": "none",
        "head": "Plan voor: Sam en Noor · Ouders: Papa, Mama",
        "week": ["Papa", "Mama"],
    }
    page.emulate_media(media="screen")
    # Kept in this tab (a reload keeps the work), never in localStorage; the quick exit wipes it.
    page.reload()
    page.locator("[data-rs-plan-bediening]").wait_for(state="visible")
    assert page.get_by_label("Jullie afspraken over: Zorg en opvoeding").input_value() == "Om de week wisselen op vrijdag."
    assert page.evaluate("localStorage.length") == 0
    page.evaluate("document.documentElement.classList.add('rs-weg')")
    page.wait_for_function("() => !document.querySelector('textarea[data-rs-plan-tekst=\"zorg\"]').value")
    assert page.evaluate("sessionStorage.getItem('rs-plan')") is None
    assert page.get_by_label("Naam van ouder 1").input_value() == ""
    assert page.get_by_label("Maandag, Week 1").input_value() == ""


def test_shift_three_times_leaves_and_back_shows_no_answers(ctx, site_server):
    context, guard = ctx
    page = context.new_page()
    page.goto(site_server.url("wat-moet-ik-regelen/"))
    answer(page, NOT_SAFE, "geertruidenberg")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(lambda u: u.startswith(exit_url_of(guard)))
    page.go_back(wait_until="load")
    if page.url.startswith(site_server.origin):  # Back may return (history cannot be erased): nothing shows
        page.locator("[data-rs-regelen-vragen]").wait_for(state="visible")
        assert page.eval_on_selector_all("[data-rs-regelen] input:checked", "els => els.length") == 0
        assert page.locator("[data-rs-regelen-resultaat]").is_hidden()
        assert page.evaluate("sessionStorage.getItem('rs-regelen')") is None


def test_english_plan_page(page, site_server):
    page.goto(site_server.url("en/ons-plan-voor-de-kinderen/"))
    page.locator("[data-rs-plan-bediening]").wait_for(state="visible")
    field = page.get_by_label("Your agreements about: Care and upbringing")
    field.press_sequentially("Week on, week off.")
    assert page.get_by_label("Monday, Week 1").locator("option").all_inner_texts() == [
        "Choose",
        "Home of parent 1",
        "Home of parent 2",
        "Changeover on this day",
    ]
    page.get_by_role("button", name="Clear everything I typed").click()
    assert field.input_value() == "" and page.get_by_text("Everything has been cleared.").is_visible()


def test_without_a_municipality_the_plain_links_stay_and_it_says_so_once(page, site_server):
    page.goto(site_server.url("wat-moet-ik-regelen/"))
    answer(page, RENTERS)
    assert page.locator("[data-rs-regelen-geen-gemeente]").is_visible()
    assert page.locator("details.rs-taak__lokaal").count() == 0
    links = page.locator("#taak-huurhuis .rs-taak__hulp-links")
    assert links.is_visible() and links.locator("a").count() == 5
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
