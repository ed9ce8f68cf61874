"""How KPI values, differences and periods read in Dutch and English (one place for charts, tables, files)."""

from __future__ import annotations

from tools.core.labels import label
from tools.monitor.data import Kpi, period_frequency


def number(value: float, lang: str, decimals: int = 0) -> str:
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if lang == "nl" else text


def value_text(kpi: Kpi, value: float, lang: str) -> str:
    if kpi.eenheid == "procent":
        # A no-break space: "46 %" never splits over two lines.
        return number(value, lang, 0 if value == int(value) else 1) + ("\u00a0%" if lang == "nl" else "%")
    if kpi.eenheid == "cijfer":
        return number(value, lang, 1)
    return number(value, lang)


def difference_text(kpi: Kpi, now: float, before: float, lang: str) -> str:
    """'8 procentpunt meer', '3 minder', '0,3 hoger', 'gelijk'."""
    delta = now - before
    if abs(delta) < 1e-9:
        return label(lang, "mon_same")
    size = abs(delta)
    if kpi.eenheid == "cijfer":
        amount = number(size, lang, 1)
        return label(lang, "mon_higher" if delta > 0 else "mon_lower", n=amount)
    amount = number(size, lang, 0 if size == int(size) else 1)
    key = (
        ("mon_more_pp" if delta > 0 else "mon_less_pp") if kpi.eenheid == "procent" else ("mon_more" if delta > 0 else "mon_less")
    )
    return label(lang, key, n=amount)


def period_text(periode: str, lang: str) -> str:
    """'2026', '1e helft 2026' / 'first half of 2026', '3e kwartaal 2026' / 'Q3 2026'."""
    freq = period_frequency(periode)
    year = periode[:4]
    if freq == "halfjaarlijks":
        return label(lang, "mon_half_" + periode[-1], jaar=year)
    if freq == "kwartaal":
        return label(lang, "mon_quarter", q=periode[-1], jaar=year)
    return year


def scale_max(kpi: Kpi, values: list[float]) -> float:
    if kpi.eenheid == "procent":
        return 100.0
    if kpi.eenheid == "cijfer":
        return 10.0
    top = max(values + [kpi.doel or 0, 1])
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top <= step * 10:
            return float(-(-top * 1.1 // step) * step)
    return top * 1.1
