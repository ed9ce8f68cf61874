"""What one KPI shows: its periods, and per municipality and for the region the value of each period."""

from __future__ import annotations

from dataclasses import dataclass, field

from tools.monitor.data import REGION, Figure, Kpi, Monitor, period_start, previous_period

TABLE_PERIODS = 3  # the table shows the last three periods; the downloads have all of them


@dataclass(frozen=True)
class Cell:
    value: float
    figure: Figure | None = None  # None when the region value is the sum of the municipalities
    summed: bool = False


@dataclass
class Row:
    key: str  # municipality id or REGION
    naam: str
    cells: dict[str, Cell] = field(default_factory=dict)

    def get(self, periode: str | None) -> Cell | None:
        return self.cells.get(periode) if periode else None


@dataclass
class KpiView:
    kpi: Kpi
    periods: list[str]  # shown in the table, oldest first
    latest: str | None
    previous: str | None
    rows: list[Row]

    @property
    def empty(self) -> bool:
        return self.latest is None


def kpi_view(monitor: Monitor, kpi: Kpi, municipalities: list[tuple[str, str]], region_name: str) -> KpiView:
    """municipalities: (id, name) in display order. Region counts are summed only when all have reported."""
    figures = monitor.for_kpi(kpi.nummer)
    all_periods = sorted({f.periode for f in figures}, key=period_start)
    rows = []
    for gid, naam in municipalities:
        row = Row(gid, naam)
        for f in figures:
            if f.gemeente == gid:
                row.cells[f.periode] = Cell(f.waarde, f)
        rows.append(row)
    region = Row(REGION, region_name)
    for periode in all_periods:
        entered = next((f for f in figures if f.gemeente == REGION and f.periode == periode), None)
        if entered:
            region.cells[periode] = Cell(entered.waarde, entered)
        elif kpi.eenheid == "aantal" and rows and all(periode in r.cells for r in rows):
            region.cells[periode] = Cell(sum(r.cells[periode].value for r in rows), None, summed=True)
    rows.append(region)
    latest = all_periods[-1] if all_periods else None
    return KpiView(kpi, all_periods[-TABLE_PERIODS:], latest, previous_period(latest) if latest else None, rows)
