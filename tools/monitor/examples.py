"""Generated example figures ("voorbeeldcijfers") for test versions only: never real, always labelled.

Co-creation groups and policy staff review the dashboard before real figures exist. The numbers are
derived from a hash of (KPI, municipality, period), so every preview shows the same figures, and
every Figure carries voorbeeld=True, which the pages, charts, tables and downloads print as a label.
One municipality has no figure for the latest period of each KPI, so the "nog geen cijfers" state
is visible too.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from tools.core import clock
from tools.monitor.data import REGION, Figure, Kpi, Monitor, period_start, previous_period

RANGES = {"procent": (45, 95), "aantal": (2, 30), "cijfer": (6.0, 8.6)}
SOURCE = "Voorbeeldcijfer: gemaakt door de testversie, geen echte meting"


def _last_periods(kpi: Kpi, today: dt.date, count: int) -> list[str]:
    """The last `count` periods that have ended before today, oldest first."""
    year = today.year
    current = {
        "jaarlijks": str(year),
        "halfjaarlijks": f"{year}-H{1 if today.month <= 6 else 2}",
        "kwartaal": f"{year}-Q{(today.month - 1) // 3 + 1}",
    }[kpi.frequentie]
    out = []
    periode = previous_period(current)
    while len(out) < count:
        out.append(periode)
        periode = previous_period(periode)
    return sorted(out, key=period_start)


def _pick(*parts: str) -> float:
    digest = hashlib.sha256("|".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


def _value(kpi: Kpi, key: str, step: int) -> float:
    low, high = RANGES[kpi.eenheid]
    base = low + (high - low) * _pick(str(kpi.nummer), key)
    drift = (high - low) * 0.06 * step
    value = min(high, base + drift) if kpi.eenheid != "aantal" else base + drift
    return round(value, 1) if kpi.eenheid == "cijfer" else float(round(value))


def example_monitor(monitor: Monitor, municipalities: list[str], today: dt.date | None = None) -> Monitor:
    """A copy of the catalogue with example figures for every KPI, municipality and recent period."""
    today = today or clock.today()
    figures: list[Figure] = []
    for kpi in monitor.kpis.values():
        periods = _last_periods(kpi, today, 3 if kpi.frequentie == "jaarlijks" else 4)
        gap = municipalities[kpi.nummer % len(municipalities)] if municipalities else ""
        for step, periode in enumerate(periods):
            values = []
            for gid in municipalities:
                if gid == gap and periode == periods[-1]:
                    continue  # one honest gap: "nog geen cijfers"
                values.append(_value(kpi, gid, step))
                figures.append(
                    Figure(kpi.nummer, gid, periode, values[-1], SOURCE, "testversie", today, "voorbeeld", 0, voorbeeld=True)
                )
            if kpi.eenheid != "aantal" and values:  # counts: the region is the sum, made by the view
                mean = sum(values) / len(values)
                figures.append(
                    Figure(
                        kpi.nummer,
                        REGION,
                        periode,
                        round(mean, 1 if kpi.eenheid == "cijfer" else 0),
                        SOURCE,
                        "testversie",
                        today,
                        "voorbeeld",
                        0,
                        voorbeeld=True,
                    )
                )
    return Monitor(dict(monitor.kpis), dict(monitor.results), figures)
