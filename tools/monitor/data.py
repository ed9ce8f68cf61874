"""Load and validate the KPI catalogue and the figure files in gemeenten/_monitor/ (Dutch findings)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from tools.core import clock
from tools.core.findings import ADVISORY, Finding
from tools.hulp.load import _compose, _Reader  # the same YAML reader and messages as the help data
from tools.hulp.model import Text

FOLDER = "_monitor"  # under gemeenten/
CATALOGUE = "kpis.yml"
REGION = "regio"  # `gemeente: regio` is a figure for the whole region

UNITS = ("procent", "aantal", "cijfer")
FREQUENCIES = {
    "jaarlijks": (re.compile(r"^(\d{4})$"), "2026"),
    "halfjaarlijks": (re.compile(r"^(\d{4})-H([12])$"), "2026-H1"),
    "kwartaal": (re.compile(r"^(\d{4})-Q([1-4])$"), "2026-Q3"),
}
FREQUENCY_WORDS = {"jaarlijks": "één keer per jaar", "halfjaarlijks": "twee keer per jaar", "kwartaal": "elk kwartaal"}
RESULT_RE = re.compile(r"^R[1-9]$")


@dataclass(frozen=True)
class Kpi:
    nummer: int
    naam: Text
    wat: Text
    eenheid: str
    frequentie: str
    bron: Text
    doel: float | None = None
    resultaat: str = ""
    line: int = 0


@dataclass(frozen=True)
class Result:
    id: str
    kpi: int
    tekst: Text


@dataclass(frozen=True)
class Figure:
    kpi: int
    gemeente: str  # a municipality id, or REGION
    periode: str
    waarde: float
    bron: str
    gecontroleerd_door: str
    gecontroleerd_op: dt.date | None
    file: str
    line: int
    toelichting: Text | None = None
    voorbeeld: bool = False  # generated example figure (previews only), never real data


@dataclass
class Monitor:
    kpis: dict[int, Kpi] = field(default_factory=dict)
    results: dict[str, Result] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)

    @property
    def examples(self) -> bool:
        return any(f.voorbeeld for f in self.figures)

    def for_kpi(self, nummer: int) -> list[Figure]:
        return [f for f in self.figures if f.kpi == nummer]

    def periods(self, nummer: int) -> list[str]:
        return sorted({f.periode for f in self.for_kpi(nummer)}, key=period_start)

    def value(self, nummer: int, gemeente: str, periode: str) -> Figure | None:
        for f in self.figures:
            if f.kpi == nummer and f.gemeente == gemeente and f.periode == periode:
                return f
        return None


# ---------------------------------------------------------------------------- periods


def period_frequency(periode: str) -> str | None:
    for name, (pattern, _) in FREQUENCIES.items():
        if pattern.match(periode):
            return name
    return None


def period_start(periode: str) -> dt.date:
    freq = period_frequency(periode)
    year = int(periode[:4])
    if freq == "halfjaarlijks":
        return dt.date(year, 1 if periode.endswith("H1") else 7, 1)
    if freq == "kwartaal":
        return dt.date(year, 3 * (int(periode[-1]) - 1) + 1, 1)
    return dt.date(year, 1, 1)


def previous_period(periode: str) -> str:
    freq = period_frequency(periode)
    year = int(periode[:4])
    if freq == "halfjaarlijks":
        return f"{year}-H1" if periode.endswith("H2") else f"{year - 1}-H2"
    if freq == "kwartaal":
        q = int(periode[-1])
        return f"{year}-Q{q - 1}" if q > 1 else f"{year - 1}-Q4"
    return str(year - 1)


# ---------------------------------------------------------------------------- catalogue

KPI_FIELDS = {
    "nummer": True,
    "naam": True,
    "wat": True,
    "eenheid": True,
    "frequentie": True,
    "bron": True,
    "doel": False,
    "resultaat": False,
}


def _number(r: _Reader, node, field: str) -> float | None:
    value = r.scalar(node, field)
    if value is None:
        return None
    try:
        return float(value.replace(",", "."))
    except ValueError:
        r.error(
            node,
            field,
            f"'{value}' is geen getal.",
            "Schrijf alleen het getal, bijvoorbeeld 78 of 7,5. Zonder % of andere tekens.",
            rule="ongeldige-waarde",
        )
        return None


def _choice(r: _Reader, node, field: str, options) -> str:
    value = r.scalar(node, field)
    if value is None:
        return ""
    if value not in options:
        close = difflib.get_close_matches(value, list(options), n=1)
        r.error(
            node,
            field,
            f"'{value}' kan hier niet.",
            (f"Bedoel je '{close[0]}'? " if close else "") + "Kies uit: " + ", ".join(options) + ".",
            rule="ongeldige-waarde",
        )
        return ""
    return value


def load_catalogue(path: Path, findings: list[Finding], display: str) -> Monitor:
    monitor = Monitor()
    node = _compose(path, findings, display)
    r = _Reader(display, findings)
    top = r.mapping(node, "bestand", {"kpis": True, "resultaten": False}) if node is not None else None
    if not top:
        return monitor
    for i, item in enumerate(r.sequence(top.get("kpis"), "kpis")):
        f = f"kpis[{i + 1}]"
        m = r.mapping(item, f, KPI_FIELDS)
        if m is None:
            continue
        nummer = _number(r, m.get("nummer"), f"{f}.nummer")
        if nummer is None:
            continue
        if nummer != int(nummer) or nummer < 1 or int(nummer) in monitor.kpis:
            r.error(
                m.get("nummer"),
                f"{f}.nummer",
                f"Het nummer {nummer:g} kan niet.",
                "Geef elke KPI een eigen heel nummer: 1, 2, 3 ...",
            )
            continue
        unit = _choice(r, m.get("eenheid"), f"{f}.eenheid", UNITS)
        freq = _choice(r, m.get("frequentie"), f"{f}.frequentie", FREQUENCIES)
        doel = _number(r, m.get("doel"), f"{f}.doel")
        naam, wat, bron = (r.text(m.get(k), f"{f}.{k}") for k in ("naam", "wat", "bron"))
        resultaat = r.string(
            m.get("resultaat"),
            f"{f}.resultaat",
            lambda v: bool(RESULT_RE.match(v)),
            "resultaat",
            "Schrijf het resultaat zoals in het plan, bijvoorbeeld R2.",
        )
        if naam and wat and bron and unit and freq:
            kpi = Kpi(int(nummer), naam, wat, unit, freq, bron, doel, resultaat, item.start_mark.line + 1)
            if doel is not None:
                problem = value_problem(kpi, doel)
                if problem:
                    r.error(m.get("doel"), f"{f}.doel", problem[0], problem[1], rule="ongeldige-waarde")
            monitor.kpis[kpi.nummer] = kpi
    for i, item in enumerate(r.sequence(top.get("resultaten"), "resultaten")):
        f = f"resultaten[{i + 1}]"
        m = r.mapping(item, f, {"id": True, "kpi": True, "tekst": True})
        if m is None:
            continue
        rid = r.string(
            m.get("id"),
            f"{f}.id",
            lambda v: bool(RESULT_RE.match(v)),
            "resultaat",
            "Schrijf het resultaat zoals in het plan, bijvoorbeeld R2.",
        )
        kpi = _number(r, m.get("kpi"), f"{f}.kpi")
        tekst = r.text(m.get("tekst"), f"{f}.tekst")
        if kpi is not None and int(kpi) not in monitor.kpis:
            r.error(m.get("kpi"), f"{f}.kpi", f"Er is geen KPI {kpi:g}.", "Kies een nummer uit de lijst 'kpis' hierboven.")
            continue
        if rid and kpi is not None and tekst:
            monitor.results[rid] = Result(rid, int(kpi), tekst)
    for kpi in monitor.kpis.values():
        if kpi.resultaat and kpi.resultaat not in monitor.results:
            findings.append(
                Finding(
                    display,
                    kpi.line,
                    "gegevens",
                    f"KPI {kpi.nummer} noemt resultaat {kpi.resultaat}, maar dat resultaat staat niet onder 'resultaten'.",
                    f"Voeg {kpi.resultaat} toe onder 'resultaten' of haal 'resultaat' weg.",
                    field="resultaat",
                )
            )
    return monitor


# ---------------------------------------------------------------------------- figures

FIGURE_FIELDS = {
    "kpi": True,
    "gemeente": True,
    "waarde": True,
    "bron": True,
    "gecontroleerd_door": True,
    "gecontroleerd_op": True,
    "toelichting": False,
}


def value_problem(kpi: Kpi, value: float) -> tuple[str, str] | None:
    """A Dutch message and tip when a value cannot be right for the KPI's unit, else None."""
    if kpi.eenheid == "procent" and not 0 <= value <= 100:
        return (
            f"Een percentage kan niet {value:g} zijn.",
            "Een percentage ligt tussen 0 en 100. Heb je het aantal ingevuld in plaats van het percentage?",
        )
    if kpi.eenheid == "aantal" and (value < 0 or value != int(value)):
        return (f"Een aantal kan niet {value:g} zijn.", "Een aantal is 0 of meer, zonder komma.")
    if kpi.eenheid == "cijfer" and not 1 <= value <= 10:
        return (f"Een rapportcijfer kan niet {value:g} zijn.", "Een rapportcijfer ligt tussen 1 en 10, bijvoorbeeld 7,4.")
    return None


def load_figures(
    path: Path, findings: list[Finding], display: str, monitor: Monitor, municipalities: dict, today: dt.date
) -> list[Figure]:
    """One figure file: `periode:` (the same as the file name) and a list `cijfers:`."""
    node = _compose(path, findings, display)
    r = _Reader(display, findings)
    top = r.mapping(node, "bestand", {"periode": True, "cijfers": True}) if node is not None else None
    if not top:
        return []
    periode = r.scalar(top.get("periode"), "periode") or ""
    if periode != path.stem:
        r.error(
            top.get("periode"),
            "periode",
            f"De periode '{periode}' past niet bij de bestandsnaam {path.name}.",
            f"Schrijf 'periode: {path.stem}', of geef het bestand de naam {periode}.yml.",
        )
        return []
    freq = period_frequency(periode)
    if freq is None:
        return []  # reported by load_monitor (file name)
    if period_start(periode) > today:
        r.error(
            top.get("periode"),
            "periode",
            f"De periode {periode} is nog niet begonnen.",
            "Vul alleen cijfers in over een periode die al begonnen of voorbij is.",
            rule="toekomst",
        )
        return []
    out: list[Figure] = []
    seen: set[tuple[int, str]] = set()
    for i, item in enumerate(r.sequence(top.get("cijfers"), "cijfers")):
        f = f"cijfers[{i + 1}]"
        m = r.mapping(item, f, FIGURE_FIELDS)
        if m is None:
            continue
        nummer = _number(r, m.get("kpi"), f"{f}.kpi")
        kpi = monitor.kpis.get(int(nummer)) if nummer is not None and nummer == int(nummer) else None
        if nummer is not None and kpi is None:
            r.error(
                m.get("kpi"),
                f"{f}.kpi",
                f"Er is geen KPI {nummer:g}.",
                "Kies een nummer uit gemeenten/_monitor/kpis.yml: " + ", ".join(str(k) for k in monitor.kpis) + ".",
            )
            continue
        if kpi is None:
            continue
        if kpi.frequentie != freq:
            _, example = FREQUENCIES[kpi.frequentie]
            r.error(
                m.get("kpi"),
                f"{f}.kpi",
                f"KPI {kpi.nummer} meten we {FREQUENCY_WORDS[kpi.frequentie]}. De periode {periode} past daar niet bij.",
                f"Zet dit cijfer in een bestand voor een periode als {example} ({example}.yml).",
                rule="periode",
            )
            continue
        gemeente = r.scalar(m.get("gemeente"), f"{f}.gemeente") or ""
        if gemeente and gemeente != REGION and gemeente not in municipalities:
            options = list(municipalities) + [REGION]
            close = difflib.get_close_matches(gemeente.lower(), options, n=1)
            r.error(
                m.get("gemeente"),
                f"{f}.gemeente",
                f"De gemeente '{gemeente}' kennen we niet.",
                (f"Bedoel je '{close[0]}'? " if close else "") + "Gebruik de naam van het gemeentebestand "
                "(bijvoorbeeld breda), of 'regio' voor de hele regio.",
                rule="onbekende-gemeente",
            )
            continue
        waarde = _number(r, m.get("waarde"), f"{f}.waarde")
        if waarde is not None:
            problem = value_problem(kpi, waarde)
            if problem:
                r.error(m.get("waarde"), f"{f}.waarde", problem[0], problem[1], rule="ongeldige-waarde")
                waarde = None
        bron = r.string(m.get("bron"), f"{f}.bron")
        door = r.string(m.get("gecontroleerd_door"), f"{f}.gecontroleerd_door")
        op = r.date(m.get("gecontroleerd_op"), f"{f}.gecontroleerd_op")
        toelichting = r.text(m.get("toelichting"), f"{f}.toelichting")
        if not gemeente or waarde is None or not bron or not door or op is None:
            continue
        if (kpi.nummer, gemeente) in seen:
            r.error(
                item,
                f,
                f"KPI {kpi.nummer} voor '{gemeente}' staat twee keer in {periode}.",
                "Houd één cijfer per KPI, gemeente en periode over.",
                rule="dubbel",
            )
            continue
        seen.add((kpi.nummer, gemeente))
        out.append(Figure(kpi.nummer, gemeente, periode, waarde, bron, door, op, display, item.start_mark.line + 1, toelichting))
    return out


def load_monitor(
    folder: Path, municipalities: dict, root: Path | None = None, today: dt.date | None = None
) -> tuple[Monitor, list[Finding]]:
    """gemeenten/_monitor/: the catalogue and every figure file. Never raises on bad data."""
    folder = Path(folder)
    root = Path(root) if root else folder.parent.parent
    today = today or clock.today()

    def display(p: Path) -> str:
        try:
            return p.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return p.as_posix()

    findings: list[Finding] = []
    cat = folder / CATALOGUE
    if not cat.exists():
        findings.append(
            Finding(
                display(cat),
                0,
                "bestand-ontbreekt",
                "De lijst met KPI's ontbreekt.",
                f"Zet de KPI's in gemeenten/{FOLDER}/{CATALOGUE}.",
            )
        )
        return Monitor(), findings
    monitor = load_catalogue(cat, findings, display(cat))
    for path in sorted(folder.iterdir()):
        if path.name == CATALOGUE or path.name.startswith(("_", ".")) or path.is_dir() or path.suffix == ".md":
            continue
        if path.suffix not in (".yml", ".yaml") or period_frequency(path.stem) is None:
            findings.append(
                Finding(
                    display(path),
                    1,
                    "bestandsnaam",
                    f"'{path.name}' is geen naam voor een cijferbestand.",
                    "Noem het bestand naar de periode: 2026.yml (jaar), 2026-H1.yml (half jaar) of 2026-Q3.yml (kwartaal).",
                )
            )
            continue
        monitor.figures.extend(load_figures(path, findings, display(path), monitor, municipalities, today))
    return monitor, findings


_cache: dict = {}


def load_cached(root: Path, data_folder: Path, municipalities: dict) -> tuple[Monitor, list[Finding]]:
    """Load once per change of the folder (the checks and every language build share it).

    Another data folder (RS_GEMEENTEN: benchmarks, tests) without its own _monitor/ uses the
    repository's: the KPIs are the plan's, whatever the municipalities."""
    folder = Path(data_folder) / FOLDER
    if not folder.is_dir():
        folder = Path(root) / "gemeenten" / FOLDER
    if not folder.is_dir():
        return Monitor(), [
            Finding(
                f"gemeenten/{FOLDER}",
                0,
                "bestand-ontbreekt",
                "De map met KPI-cijfers ontbreekt.",
                f"Maak de map gemeenten/{FOLDER}/ met het bestand {CATALOGUE}.",
                severity=ADVISORY,
            )
        ]
    fp = (
        str(folder),
        tuple(sorted(municipalities)),
        clock.today(),
        tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.iterdir())),
    )
    if _cache.get("fp") != fp:
        _cache["fp"] = fp
        _cache["value"] = load_monitor(folder, municipalities, root)
    return _cache["value"]
