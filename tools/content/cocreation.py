"""Co-creation: who read a page before it went online, and when (front matter `gelezen_door`).

    gelezen_door:
      - groep: ouders
        datum: 2026-10        # month (jjjj-mm) or a full date (jjjj-mm-dd)
      - groep: jongeren
        datum: 2026-11

The page then ends with "Gelezen door ouders in oktober 2026 en door jongeren in november 2026."
(in English on English pages), in production too. Groups are a fixed list so the sentence can be
translated; an unknown group or a bad date is an error of `python -m tools check`.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

from tools.core.findings import Finding
from tools.core.labels import MONTHS

FIELD = "gelezen_door"
GROUPS = {
    "ouders": {"nl": "ouders", "en": "parents"},
    "vaders": {"nl": "vaders", "en": "fathers"},
    "moeders": {"nl": "moeders", "en": "mothers"},
    "jongeren": {"nl": "jongeren", "en": "young people"},
    "kinderen": {"nl": "kinderen", "en": "children"},
    "professionals": {"nl": "professionals", "en": "professionals"},
    "ervaringsdeskundigen": {"nl": "ervaringsdeskundigen", "en": "experts by experience"},
}
MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})(?:-\d{1,2})?$")
TEXT = {
    "nl": {"first": "Gelezen door {groep} in {maand}", "next": "door {groep} in {maand}", "and": " en ", "sep": ", "},
    "en": {"first": "Read by {groep} in {maand}", "next": "by {groep} in {maand}", "and": " and ", "sep": ", "},
}
TIP = ("Schrijf het zo:\n      gelezen_door:\n        - groep: ouders\n          datum: 2026-10\n"
       "Groepen: " + ", ".join(GROUPS) + ".")


@dataclass(frozen=True)
class Reading:
    group: str
    year: int
    month: int


def parse(value) -> tuple[list[Reading], list[str]]:
    """The readings in a page's `gelezen_door`, and Dutch problems (empty when all is well)."""
    if value in (None, "", []):
        return [], []
    entries = value if isinstance(value, list) else [value]
    readings, problems = [], []
    for i, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or set(entry) - {"groep", "datum"}:
            problems.append(f"Regel {i} onder '{FIELD}' moet 'groep:' en 'datum:' hebben, en niets anders.")
            continue
        group = str(entry.get("groep") or "").strip().lower()
        if group not in GROUPS:
            problems.append(f"'{entry.get('groep')}' is geen bekende groep onder '{FIELD}'.")
            continue
        when = entry.get("datum")
        if isinstance(when, dt.date):
            year, month = when.year, when.month
        else:
            m = MONTH_RE.match(str(when or "").strip())
            if not m or not 1 <= int(m.group(2)) <= 12:
                problems.append(f"'{when}' is geen maand onder '{FIELD}'. Schrijf jjjj-mm, bijvoorbeeld 2026-10.")
                continue
            year, month = int(m.group(1)), int(m.group(2))
        readings.append(Reading(group, year, month))
    return readings, problems


def sentence(readings: list[Reading], lang: str) -> str:
    """'Gelezen door ouders in oktober 2026 en door jongeren in november 2026.' ('' without readings)."""
    if not readings:
        return ""
    t = TEXT.get(lang, TEXT["nl"])
    months = MONTHS.get(lang, MONTHS["nl"])
    parts = []
    for i, r in enumerate(sorted(readings, key=lambda r: (r.year, r.month))):
        values = {"groep": GROUPS[r.group].get(lang, r.group), "maand": f"{months[r.month - 1]} {r.year}"}
        parts.append(t["first" if i == 0 else "next"].format(**values))
    text = parts[0] if len(parts) == 1 else t["sep"].join(parts[:-1]) + t["and"] + parts[-1]
    return text + "."


def note_html(meta: dict, lang: str) -> str:
    """The paragraph shown at the end of a page ('' when nobody read it, or the field is wrong)."""
    readings, _ = parse(meta.get(FIELD))
    text = sentence(readings, lang)
    return f'<p class="rs-gelezen">{html.escape(text)}</p>' if text else ""


def check(meta: dict, file: str, line: int) -> list[Finding]:
    _, problems = parse(meta.get(FIELD))
    return [Finding(file, line, "gelezen-door", p, TIP, field=FIELD) for p in problems]
