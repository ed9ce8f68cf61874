"""JSON Schema of the KPI figure files (gemeenten/_monitor/<periode>.yml), for autocomplete in editors.

Generated from the loader's own field list (tools/monitor/data.py FIGURE_FIELDS), so the two cannot
drift: `python -m tools.monitor.schema` rewrites gemeenten/schema/kpi-cijfers.schema.json, and a test
fails when the committed file is out of date. The loader stays the judge (ranges per unit, periods
per KPI frequency); the schema only helps while typing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tools.monitor.data import FIGURE_FIELDS, FREQUENCIES

ROOT = Path(__file__).resolve().parents[2]
PATH = ROOT / "gemeenten" / "schema" / "kpi-cijfers.schema.json"
DESCRIPTIONS = {
    "kpi": "Het nummer van de KPI uit gemeenten/_monitor/kpis.yml (1 tot en met 6).",
    "gemeente": "De naam van het gemeentebestand (bijvoorbeeld breda), of regio voor de hele regio.",
    "waarde": "Alleen het getal: een percentage (0-100), een aantal (0 of meer) of een rapportcijfer (1-10).",
    "bron": "Waar het cijfer vandaan komt.",
    "gecontroleerd_door": "Wie het cijfer heeft nagekeken (een functie is genoeg).",
    "gecontroleerd_op": "De datum van die controle: jjjj-mm-dd.",
    "toelichting": "Uitleg bij het cijfer, in het Nederlands (nl) en het Engels (en).",
}
TYPES = {
    "kpi": {"type": "integer", "minimum": 1},
    "gemeente": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    "waarde": {"type": ["number", "string"]},
    "gecontroleerd_op": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"},
    "toelichting": {
        "type": "object",
        "required": ["nl", "en"],
        "additionalProperties": False,
        "properties": {"nl": {"type": "string"}, "en": {"type": "string"}},
    },
}


def schema() -> dict:
    periods = "|".join(p.pattern.strip("^$") for p, _ in FREQUENCIES.values())
    figure = {
        "type": "object",
        "additionalProperties": False,
        "required": [k for k, required in FIGURE_FIELDS.items() if required],
        "properties": {k: {**TYPES.get(k, {"type": "string"}), "description": DESCRIPTIONS[k]} for k in FIGURE_FIELDS},
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "KPI-cijfers over één periode (gemeenten/_monitor/<periode>.yml)",
        "type": "object",
        "additionalProperties": False,
        "required": ["periode", "cijfers"],
        "properties": {
            "periode": {
                "type": "string",
                "pattern": f"^(?:{periods})$",
                "description": "De periode, hetzelfde als de bestandsnaam: 2026, 2026-H1 of 2026-Q3.",
            },
            "cijfers": {"type": "array", "items": figure},
        },
    }


def text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    PATH.parent.mkdir(parents=True, exist_ok=True)
    PATH.write_text(text(), encoding="utf-8")
    print(PATH.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
