"""The dashboard pages (nl + en), the yearly factsheet and the downloads of all figures.

Output: docs/dashboard/ (git-ignored), written by hooks/monitor.py before the build. Every value is
HTML-escaped; blocks are single-line raw HTML so Markdown passes them through untouched.
"""

from __future__ import annotations

import csv
import io
import json
from html import escape

from tools.core.escape import csv_cell as safe_cell
from tools.core.escape import md_inline
from tools.core.i18n import suffix
from tools.core.labels import format_date, label
from tools.hulp.model import LANGUAGES, Dataset
from tools.monitor.chart import svg_chart
from tools.monitor.data import REGION, Monitor, period_start
from tools.monitor.numbers import difference_text, number, period_text, value_text
from tools.monitor.view import KpiView, Row, kpi_view

FOLDER = "dashboard"
CSV_FILE = "cijfers.csv"
JSON_FILE = "cijfers.json"
STAMP = "<!-- Gemaakt door tools/monitor/pages.py uit gemeenten/_monitor/. Niet met de hand aanpassen. -->"
CSV_COLUMNS = [
    "kpi",
    "kpi_naam",
    "eenheid",
    "frequentie",
    "periode",
    "gemeente",
    "gemeente_naam",
    "waarde",
    "bron",
    "gecontroleerd_door",
    "gecontroleerd_op",
    "toelichting_nl",
    "toelichting_en",
    "voorbeeld",
]


def _e(text: str) -> str:
    return escape(text, quote=True)


def _front(values: dict) -> str:
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in values.items()) + "---\n"


def municipality_list(data: Dataset) -> list[tuple[str, str]]:
    return [(g.id, g.naam) for g in sorted(data.municipalities.values(), key=lambda m: m.naam.lower())]


def region_name(data: Dataset, lang: str) -> str:
    return label(lang, "mon_region", n=str(len(data.municipalities)))


def views(monitor: Monitor, data: Dataset, lang: str) -> list[KpiView]:
    return [kpi_view(monitor, k, municipality_list(data), region_name(data, lang)) for k in monitor.kpis.values()]


# ---------------------------------------------------------------------------- the dashboard


def _cell_text(view: KpiView, row: Row, periode: str, lang: str) -> str:
    cell = row.get(periode)
    if cell is None:
        return f'<td class="rs-kpi__leeg">{_e(label(lang, "mon_none_short"))}</td>'
    note = f' <span class="rs-kpi__noot">({_e(label(lang, "mon_summed"))})</span>' if cell.summed else ""
    return f"<td>{_e(value_text(view.kpi, cell.value, lang))}{note}</td>"


def _trend(view: KpiView, row: Row, lang: str) -> str:
    cur, prev = row.get(view.latest), row.get(view.previous)
    if cur is None:
        return label(lang, "mon_none_short")
    if prev is None:
        return label(lang, "mon_no_previous")
    return difference_text(view.kpi, cur.value, prev.value, lang)


def _target(view: KpiView, row: Row, lang: str) -> str:
    k, cur = view.kpi, row.get(view.latest)
    if k.doel is None:
        return ""
    if cur is None:
        return label(lang, "mon_none_short")
    if cur.value >= k.doel:
        return label(lang, "mon_target_met")
    gap = k.doel - cur.value
    amount = value_text(k, gap, lang) if k.eenheid != "procent" else number(gap, lang, 0 if gap == int(gap) else 1)
    return label(lang, "mon_target_gap_pp" if k.eenheid == "procent" else "mon_target_gap", n=amount)


def table(view: KpiView, lang: str, examples: bool) -> str:
    k = view.kpi
    caption = label(lang, "mon_table_caption", nummer=str(k.nummer), naam=k.naam.get(lang))
    if examples:
        caption += f" ({label(lang, 'mon_examples_short').lower()})"
    head = [label(lang, "mon_col_place")] + [period_text(p, lang) for p in view.periods]
    head.append(label(lang, "mon_col_trend", periode=period_text(view.previous, lang)))
    if k.doel is not None:
        head.append(label(lang, "mon_col_target", doel=value_text(k, k.doel, lang)))
    rows = []
    for row in view.rows:
        cells = [f'<th scope="row">{_e(row.naam)}</th>']
        cells += [_cell_text(view, row, p, lang) for p in view.periods]
        cells.append(f"<td>{_e(_trend(view, row, lang))}</td>")
        if k.doel is not None:
            cells.append(f"<td>{_e(_target(view, row, lang))}</td>")
        css = ' class="rs-kpi__regio"' if row.key == REGION else ""
        rows.append(f"<tr{css}>{''.join(cells)}</tr>")
    # The visible title sits outside the scroll region so it wraps on a phone; the caption names the table.
    return (
        f'<div class="rs-kpi__cijfers"><p class="rs-kpi__tabeltitel" aria-hidden="true">{_e(caption)}</p>'
        f'<div class="rs-tabel-scroll" role="region" tabindex="0" aria-label="{_e(caption)}">'
        f'<table class="rs-kpi__tabel"><caption class="rs-sr-only">{_e(caption)}</caption><thead><tr>'
        + "".join(f'<th scope="col">{_e(h)}</th>' for h in head)
        + f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div></div>"
    )


def summary(view: KpiView, lang: str) -> str:
    """In words: the region against the previous period and the target, and who has no figures yet."""
    k = view.kpi
    region = view.rows[-1]
    now = period_text(view.latest, lang)
    parts = []
    cur, prev = region.get(view.latest), region.get(view.previous)
    if cur is not None:
        text = label(lang, "mon_sum_region", naam=region.naam, waarde=value_text(k, cur.value, lang), periode=now)
        if prev is not None:
            text += " " + label(
                lang,
                "mon_sum_trend",
                verschil=difference_text(k, cur.value, prev.value, lang),
                periode=period_text(view.previous, lang),
            )
        parts.append(text)
    missing = [r.naam for r in view.rows if r.get(view.latest) is None]
    if missing:
        parts.append(label(lang, "mon_none_for", wie=_join(missing, lang), periode=now))
    if k.doel is not None and cur is not None:
        parts.append(
            label(lang, "mon_target_met_sentence")
            if cur.value >= k.doel
            else label(lang, "mon_target_is", doel=value_text(k, k.doel, lang)) + "."
        )
    return " ".join(parts)


def _join(names: list[str], lang: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {label(lang, 'mon_and')} " + names[-1]


def _sources(view: KpiView, lang: str) -> str:
    items = []
    for row in view.rows:
        for periode in (view.latest, view.previous):  # the two periods of the chart
            cell = row.get(periode)
            if cell is None or cell.figure is None:
                continue
            f = cell.figure
            text = label(
                lang,
                "mon_source_item",
                naam=row.naam,
                periode=period_text(periode, lang),
                bron=f.bron,
                door=f.gecontroleerd_door,
                datum=format_date(f.gecontroleerd_op, lang),
            )
            if f.toelichting:
                text += " " + f.toelichting.get(lang)
            items.append(f"<li>{_e(text)}</li>")
    if not items:
        return ""
    return (
        f'<details class="rs-kpi__bronnen"><summary>{_e(label(lang, "mon_sources"))}</summary><ul>{"".join(items)}</ul></details>'
    )


def kpi_section(view: KpiView, lang: str, examples: bool) -> list[str]:
    k = view.kpi
    out = [f"## KPI {k.nummer}: {_e(k.naam.get(lang))} {{#kpi-{k.nummer}}}", ""]
    facts = [
        (label(lang, "mon_what"), k.wat.get(lang)),
        (label(lang, "mon_how_often"), label(lang, f"mon_freq_{k.frequentie}")),
        (label(lang, "mon_source"), k.bron.get(lang)),
    ]
    if k.doel is not None:
        facts.append((label(lang, "mon_target"), value_text(k, k.doel, lang)))
    dl = "".join(f"<dt>{_e(a)}</dt><dd>{_e(b)}</dd>" for a, b in facts)
    out += [f'<dl class="rs-kpi__feiten">{dl}</dl>', ""]
    if view.empty:
        out += [f'<p class="rs-kpi__geen">{_e(label(lang, "mon_none_kpi"))}</p>', ""]
        return out
    chart = svg_chart(view, lang, examples, f"rs-kpi-{k.nummer}-{lang}")
    out.append(f'<div class="rs-kpi"><figure class="rs-grafiek">{chart}</figure>{table(view, lang, examples)}</div>')
    out += ["", f'<p class="rs-kpi__samenvatting">{_e(summary(view, lang))}</p>', ""]
    sources = _sources(view, lang)
    if sources:
        out += [sources, ""]
    return out


def dashboard_page(monitor: Monitor, data: Dataset, lang: str) -> str:
    examples = monitor.examples
    out = [
        _front(
            {
                "title": label(lang, "mon_title"),
                "description": label(lang, "mon_description"),
                "doelgroep": "iedereen",
                "gegenereerd": True,
                "hulp": [],
                "hide": ["navigation"],
            }
        ),
        STAMP,
        f"# {_e(label(lang, 'mon_title'))}",
        "",
        f'<p class="rs-lead">{_e(label(lang, "mon_intro"))}</p>',
        "",
    ]
    if examples:
        out += [
            f'<div class="rs-voorbeeld" role="note"><p><strong>{_e(label(lang, "mon_examples_short"))}.</strong> '
            f"{_e(label(lang, 'mon_examples_note'))}</p></div>",
            "",
        ]
    elif not monitor.figures:
        out += [f'<div class="rs-kpi__nog-niets" role="note"><p>{_e(label(lang, "mon_no_figures"))}</p></div>', ""]
    # Markdown links (not raw HTML): MkDocs and the i18n plugin then resolve them in every language.
    out += [
        f"## {_e(label(lang, 'mon_downloads'))} {{#downloads}}",
        "",
        f"- [{md_inline(label(lang, 'mon_csv'))}]({CSV_FILE})",
        f"- [{md_inline(label(lang, 'mon_json'))}]({JSON_FILE})",
        f"- [{md_inline(label(lang, 'mon_factsheet_link'))}](factsheet{suffix(lang)}.md)",
        "",
        "{: .rs-downloads }",
        "",
    ]
    for view in views(monitor, data, lang):
        out += kpi_section(view, lang, examples)
    if monitor.results:
        out += [f"## {_e(label(lang, 'mon_results'))} {{#resultaten}}", ""]
        out.append(
            "<ul>"
            + "".join(
                f"<li><strong>{_e(r.id)}</strong> (KPI {r.kpi}): {_e(r.tekst.get(lang))}</li>" for r in monitor.results.values()
            )
            + "</ul>"
        )
        missing = [f"R{i}" for i in range(1, 6) if f"R{i}" not in monitor.results]
        if missing:  # the plan has R1-R5; say which ones are not here yet instead of leaving them out silently
            out.append(f"<p>{_e(label(lang, 'mon_results_missing', wie=_join(missing, lang)))}</p>")
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------------------- the yearly factsheet


def factsheet_year(monitor: Monitor) -> int | None:
    years = [period_start(f.periode).year for f in monitor.figures]
    return max(years) if years else None


def factsheet_page(monitor: Monitor, data: Dataset, lang: str, site_url: str) -> str:
    examples = monitor.examples
    year = factsheet_year(monitor)
    title = label(lang, "mon_factsheet_title", jaar=str(year) if year else "")
    out = [
        _front(
            {
                "title": title.strip(),
                "description": label(lang, "mon_factsheet_description"),
                "doelgroep": "iedereen",
                "gegenereerd": True,
                "hulp": [],
                "hide": ["navigation", "toc"],
            }
        ),
        STAMP,
        f"# {_e(title.strip())}",
        "",
    ]
    if examples:
        out += [
            f'<div class="rs-voorbeeld" role="note"><p><strong>{_e(label(lang, "mon_examples_short"))}.</strong> '
            f"{_e(label(lang, 'mon_examples_note'))}</p></div>",
            "",
        ]
    if year is None:
        out += [f"<p>{_e(label(lang, 'mon_no_figures'))}</p>", ""]
        return "\n".join(out)
    places = municipality_list(data)
    head = ["KPI", label(lang, "mon_col_period")] + [n for _, n in places] + [region_name(data, lang), label(lang, "mon_target")]
    rows = []
    for view in views(monitor, data, lang):
        k = view.kpi
        in_year = [p for p in view.periods if period_start(p).year == year]
        periode = in_year[-1] if in_year else None
        cells = [
            f'<th scope="row">{k.nummer}. {_e(k.naam.get(lang))}</th>',
            f"<td>{_e(period_text(periode, lang)) if periode else ''}</td>",
        ]
        for row in view.rows:
            cells.append(
                _cell_text(view, row, periode, lang)
                if periode
                else f'<td class="rs-kpi__leeg">{_e(label(lang, "mon_none_short"))}</td>'
            )
        cells.append(f"<td>{_e(value_text(k, k.doel, lang)) if k.doel is not None else '–'}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    caption = title.strip() + (f" ({label(lang, 'mon_examples_short').lower()})" if examples else "")
    out.append(
        f'<div class="rs-tabel-scroll" role="region" tabindex="0" aria-label="{_e(caption)}">'
        f'<table class="rs-factsheet"><caption>{_e(caption)}</caption><thead><tr>'
        + "".join(f'<th scope="col">{_e(h)}</th>' for h in head)
        + f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
    out.append("")
    address = site_url.rstrip("/") + "/" + ("" if lang == "nl" else f"{lang}/") + f"{FOLDER}/"
    out += [
        f"{md_inline(label(lang, 'mon_factsheet_more'))} [{md_inline(address)}](index{suffix(lang)}.md)",
        "{: .rs-factsheet__meer }",
        "",
    ]
    return "\n".join(out)


# ---------------------------------------------------------------------------- downloads


def figure_records(monitor: Monitor, data: Dataset) -> list[dict]:
    names = dict(municipality_list(data))
    out = []
    for f in sorted(monitor.figures, key=lambda f: (f.kpi, period_start(f.periode), f.gemeente)):
        k = monitor.kpis[f.kpi]
        out.append(
            {
                "kpi": f.kpi,
                "kpi_naam": k.naam.nl,
                "eenheid": k.eenheid,
                "frequentie": k.frequentie,
                "periode": f.periode,
                "gemeente": f.gemeente,
                "gemeente_naam": names.get(f.gemeente, label("nl", "mon_region", n=str(len(names)))),
                "waarde": int(f.waarde) if f.waarde == int(f.waarde) else f.waarde,
                "bron": f.bron,
                "gecontroleerd_door": f.gecontroleerd_door,
                "gecontroleerd_op": f.gecontroleerd_op.isoformat() if f.gecontroleerd_op else "",
                "toelichting_nl": f.toelichting.nl if f.toelichting else "",
                "toelichting_en": f.toelichting.en if f.toelichting else "",
                "voorbeeld": f.voorbeeld,
            }
        )
    return out


def figures_csv(monitor: Monitor, data: Dataset) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for rec in figure_records(monitor, data):
        writer.writerow({k: safe_cell(str(v).lower() if isinstance(v, bool) else str(v)) for k, v in rec.items()})
    return buf.getvalue()


def figures_json(monitor: Monitor, data: Dataset) -> str:
    kpis = [
        {
            "nummer": k.nummer,
            "naam": {"nl": k.naam.nl, "en": k.naam.en},
            "wat": {"nl": k.wat.nl, "en": k.wat.en},
            "eenheid": k.eenheid,
            "frequentie": k.frequentie,
            "bron": {"nl": k.bron.nl, "en": k.bron.en},
            "doel": k.doel,
            "resultaat": k.resultaat or None,
        }
        for k in monitor.kpis.values()
    ]
    payload = {
        "omschrijving": "KPI-cijfers van de regionale monitor Relatie & Scheiding",
        "voorbeeldcijfers": monitor.examples,
        "kpis": kpis,
        "resultaten": [
            {"id": r.id, "kpi": r.kpi, "tekst": {"nl": r.tekst.nl, "en": r.tekst.en}} for r in monitor.results.values()
        ],
        "cijfers": figure_records(monitor, data),
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def render_dashboard(monitor: Monitor, data: Dataset, site_url: str) -> dict[str, str]:
    """Every file under docs/dashboard/, as path (relative to docs/) -> content."""
    files = {}
    for lang in LANGUAGES:
        files[f"{FOLDER}/index{suffix(lang)}.md"] = dashboard_page(monitor, data, lang)
        files[f"{FOLDER}/factsheet{suffix(lang)}.md"] = factsheet_page(monitor, data, lang, site_url)
    files[f"{FOLDER}/{CSV_FILE}"] = figures_csv(monitor, data)
    files[f"{FOLDER}/{JSON_FILE}"] = figures_json(monitor, data)
    return files
