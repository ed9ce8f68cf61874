"""'Ons plan voor de kinderen': the plan's controls and the week planner for two homes, as HTML.

The parts of the plan and their questions are plain Markdown in the page (headings with the class
`rs-plan-deel`), so they print as a list of questions without JavaScript. docs/assets/js/plan.js
adds the text fields; every text it shows comes from these data- attributes.
"""

from __future__ import annotations

import html

from tools.core.labels import label


def esc(value: str) -> str:
    return html.escape(value, quote=True)


def render_controls(lang: str) -> str:
    """Names, privacy note, print and wipe buttons (hidden without JavaScript), and the no-JS note."""
    L = lambda key: esc(label(lang, key))  # noqa: E731
    fields = "".join(
        f'<div class="rs-plan__veld"><label for="plan-{key}">{L(text)}</label>'
        f'<input type="text" id="plan-{key}" data-rs-plan-veld="{key}" autocomplete="off" spellcheck="false"></div>'
        for key, text in (
            ("kinderen", "plan_children"),
            ("ouder1", "plan_parent1"),
            ("ouder2", "plan_parent2"),
            ("datum", "plan_date"),
        )
    )
    return (
        f'<div class="rs-plan" data-rs-plan data-tekst-afspraken="{L("plan_agreements")}"'
        f' data-tekst-gewist="{L("plan_wiped")}" data-tekst-huis1="{L("plan_house1")}"'
        f' data-tekst-huis2="{L("plan_house2")}" data-tekst-leeg="{L("plan_empty")}"'
        f' data-tekst-wissel="{L("plan_switch")}" data-tekst-voor="{L("plan_printed_for")}"'
        f' data-tekst-ouders="{L("plan_printed_parents")}">'
        f'<p class="rs-plan__nojs" data-rs-plan-nojs>{L("plan_nojs")}</p>'
        f'<div class="rs-plan__bediening" data-rs-plan-bediening hidden>'
        f'<fieldset class="rs-plan__namen"><legend>{L("plan_names_title")}</legend>{fields}</fieldset>'
        f'<p class="rs-plan__privacy">{L("plan_privacy")}</p>'
        f'<p class="rs-plan__acties"><button type="button" class="md-button md-button--primary" data-rs-plan-print>{L("plan_print")}</button> '
        f'<button type="button" class="md-button" data-rs-plan-wissen>{L("plan_wipe")}</button></p>'
        f'<p class="rs-plan__status" data-rs-plan-status aria-live="polite"></p></div>'
        f'<p class="rs-plan__kop-print" data-rs-plan-kop aria-hidden="true"></p></div>'
    )


def render_weekplanner(lang: str) -> str:
    """Two weeks, seven days: where the children are. Empty cells print as boxes to fill in by hand."""
    L = lambda key: esc(label(lang, key))  # noqa: E731
    days = label(lang, "plan_days").split(",")
    rows = "".join(
        f'<tr><th scope="row">{esc(day.capitalize())}</th>'
        f'<td data-rs-week-cel="w1-{i}"></td><td data-rs-week-cel="w2-{i}"></td></tr>'
        for i, day in enumerate(days)
    )
    return (
        f'<div class="rs-week" data-rs-weekplanner>'
        f'<table class="rs-week__tabel"><caption>{L("plan_week_caption")}</caption>'
        f'<thead><tr><th scope="col">{L("plan_day")}</th><th scope="col">{L("plan_week1")}</th>'
        f'<th scope="col">{L("plan_week2")}</th></tr></thead><tbody>{rows}</tbody></table>'
        f'<div class="rs-plan__invul" data-rs-plan-vrij="wissel"><label for="plan-wissel">{L("plan_week_note")}</label>'
        f'<textarea id="plan-wissel" rows="3" data-rs-plan-tekst="wissel" autocomplete="off"></textarea>'
        f'<div class="rs-plan__afdruk" data-rs-plan-afdruk="wissel" aria-hidden="true"></div></div></div>'
    )
