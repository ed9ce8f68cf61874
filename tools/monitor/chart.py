"""One KPI as an accessible SVG bar chart, rendered at build time in plain Python (no JavaScript).

Why plain SVG and no chart library: the chart is small (one bar pair per municipality), and we need
control over what assistive technology gets: role="img" with <title> and <desc> that carry every
value in words. Colour is never the only carrier: the latest period is a solid bar, the period
before a hatched, outlined bar, each with its value written next to it; the target is a dashed line
labelled "doel". Only presentation attributes, no style attributes (the CSP blocks those). The
viewBox is narrow (320 units) so that on a phone the text stays at about the page's text size,
and it grows with the page at 200 % zoom.
"""

from __future__ import annotations

from html import escape

from tools.core.labels import label
from tools.monitor.numbers import period_text, scale_max, value_text
from tools.monitor.view import KpiView

WIDTH = 320
LABEL_SPACE = 74  # room right of the longest bar for its value ("100 %")
FONT = 15
INK = "#1a1a1a"
BAR = "#1f4e8c"
TARGET = "#8a1c1c"


def _e(text: str) -> str:
    return escape(text, quote=True)


def description(view: KpiView, lang: str, examples: bool) -> str:
    """Every value of the chart in one text, for screen readers (and the <desc>)."""
    k = view.kpi
    parts = [label(lang, "mon_examples_short") + "." if examples else ""]
    now, before = view.latest, view.previous
    for row in view.rows:
        cur, prev = row.get(now), row.get(before)
        if cur is None:
            parts.append(label(lang, "mon_desc_none", naam=row.naam, periode=period_text(now, lang)))
            continue
        text = f"{row.naam}: {value_text(k, cur.value, lang)} {label(lang, 'mon_in')} {period_text(now, lang)}"
        if prev is not None:
            text += f", {value_text(k, prev.value, lang)} {label(lang, 'mon_in')} {period_text(before, lang)}"
        parts.append(text + ".")
    if k.doel is not None:
        parts.append(label(lang, "mon_target_is", doel=value_text(k, k.doel, lang)) + ".")
    return " ".join(p for p in parts if p)


def svg_chart(view: KpiView, lang: str, examples: bool, chart_id: str) -> str:
    """The chart for the latest period and the one before it, one bar pair per row (municipalities, region)."""
    k = view.kpi
    now, before = view.latest, view.previous
    values = [c.value for r in view.rows for c in (r.get(now), r.get(before)) if c is not None]
    top = scale_max(k, values)
    bar_area = WIDTH - LABEL_SPACE

    def x(value: float) -> float:
        return round(bar_area * value / top, 1) if top else 0

    out: list[str] = []
    y = 6
    if examples:
        y += FONT + 2
        out.append(f'<text x="0" y="{y}" font-weight="bold" fill="{TARGET}">{_e(label(lang, "mon_examples_short"))}</text>')
        y += 8
    # Legend: the pattern and the words, so nothing depends on telling colours apart.
    y += 4
    out.append(f'<rect x="0" y="{y}" width="22" height="14" fill="{BAR}"/>')
    out.append(f'<text x="30" y="{y + 12}" fill="{INK}">{_e(period_text(now, lang))}</text>')
    y += 22
    out.append(
        f'<rect x="0" y="{y + 2}" width="22" height="10" fill="url(#{chart_id}-arcering)" stroke="{BAR}" stroke-width="1.5"/>'
    )
    out.append(
        f'<text x="30" y="{y + 12}" fill="{INK}">{_e(period_text(before, lang))} ({_e(label(lang, "mon_previous"))})</text>'
    )
    if k.doel is not None:
        y += 22
        out.append(
            f'<line x1="0" y1="{y + 7}" x2="22" y2="{y + 7}" stroke="{TARGET}" stroke-width="2.5" stroke-dasharray="5 3"/>'
        )
        out.append(
            f'<text x="30" y="{y + 12}" fill="{INK}">{_e(label(lang, "mon_target"))}: {_e(value_text(k, k.doel, lang))}</text>'
        )
    y += 30
    rows_top, rows_index = y, len(out)
    for row in view.rows:
        cur, prev = row.get(now), row.get(before)
        out.append(f'<text x="0" y="{y + FONT - 2}" font-weight="bold" fill="{INK}">{_e(row.naam)}</text>')
        y += FONT + 4
        if cur is None:
            out.append(
                f'<text x="0" y="{y + FONT - 3}" font-style="italic" fill="{INK}">{_e(label(lang, "mon_none_short"))}</text>'
            )
            y += FONT + 2
        else:
            w = max(x(cur.value), 1.5)
            out.append(f'<rect x="0" y="{y}" width="{w}" height="18" fill="{BAR}"/>')
            out.append(f'<text x="{w + 5}" y="{y + 14}" fill="{INK}">{_e(value_text(k, cur.value, lang))}</text>')
            y += 22
        if prev is not None:
            w = max(x(prev.value), 1.5)
            out.append(
                f'<rect x="0.75" y="{y}" width="{w}" height="11" fill="url(#{chart_id}-arcering)" '
                f'stroke="{BAR}" stroke-width="1.5"/>'
            )
            out.append(
                f'<text x="{w + 5}" y="{y + 11}" font-size="{FONT - 2}" fill="{INK}">{_e(value_text(k, prev.value, lang))}</text>'
            )
            y += 15
        y += 12
    if k.doel is not None:  # drawn first, behind the bars and their values
        tx = x(k.doel)
        out.insert(
            rows_index,
            f'<line x1="{tx}" y1="{rows_top - 4}" x2="{tx}" y2="{y - 8}" stroke="{TARGET}" '
            f'stroke-width="2.5" stroke-dasharray="5 3"/>',
        )
    height = y
    title = label(lang, "mon_chart_title", naam=k.naam.get(lang), periode=period_text(now, lang))
    if examples:
        title += f" ({label(lang, 'mon_examples_short').lower()})"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-titel {chart_id}-uitleg" class="rs-grafiek__svg" '
        f'font-family="system-ui, sans-serif" font-size="{FONT}" focusable="false">'
        f'<title id="{chart_id}-titel">{_e(title)}</title>'
        f'<desc id="{chart_id}-uitleg">{_e(description(view, lang, examples))}</desc>'
        f'<defs><pattern id="{chart_id}-arcering" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{BAR}" stroke-width="3"/></pattern></defs>'
    )
    return head + "".join(out) + "</svg>"
