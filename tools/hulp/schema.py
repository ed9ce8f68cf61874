"""JSON Schema of the gemeenten/ files, generated from the loader's own field lists, for editors' editors.

VS Code (YAML extension) picks it up through the `# yaml-language-server: $schema=...` line or the
`yaml.schemas` setting; it gives autocomplete and red underlines while typing.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from tools.hulp.load import CATALOGUE_FILE, MUNICIPALITY_FIELDS, OFFERING_FIELDS

ROOT = Path(__file__).resolve().parents[2]

DESCRIPTIONS = {
    "naam": "Naam van het aanbod, zoals de organisatie het noemt.",
    "organisatie": "Wie het aanbiedt.",
    "categorieen": "Codes uit gemeenten/_categorieen.yml.",
    "wat": "Wat het aanbod doet, in 1 tot 3 korte zinnen (B1).",
    "voor_wie": "Voor wie het is.",
    "kosten": "Wat het kost, bijvoorbeeld 'Gratis.'",
    "openingstijden": "Alleen als je ze zeker weet.",
    "telefoon": "Nederlands nummer, bijvoorbeeld 076 529 3000, 0800-0432, 14 076 of 112.",
    "email": "E-mailadres.",
    "website": "Webadres dat begint met https://",
    "chat": "Webadres van de chat, begint met https://",
    "adres": "Straat, huisnummer, postcode en plaats.",
    "bron": "De pagina waarop je de gegevens hebt gecontroleerd (https://).",
    "gecontroleerd": "Datum van de controle, jjjj-mm-dd. Laat weg als het nog niet gecontroleerd is.",
    "direct_hulp": "true bij crisishulp of opvang (112, 113, Veilig Thuis, vrouwenopvang): staat dan bij 'Direct hulp nodig?'.",
    "ook_bij": "Categorieën waar dit aanbod ook nuttig is, maar niet de eerste hulp.",
    "bron_soort": "sterk: de eigen website van de organisatie. zwak: nieuws of een andere website.",
    "anoniem": "true als je anoniem kunt bellen of chatten.",
    "toestemming": "Wie toestemming moet geven, bijvoorbeeld: beide ouders met gezag tekenen.",
    "leeftijd": "Leeftijd in jaren: 8-18 of 12+.",
    "wachttijd": "Hoe lang je ongeveer wacht, alleen als je het zeker weet.",
    "talen": "Talen waarin je geholpen wordt: nl, en, ar, tr, pl.",
    "tijden": "Openingstijden per dag (ma tot en met zo): 09:00-17:00, of 'dag en nacht'.",
}


def _text() -> dict:
    return {"type": "object", "required": ["nl", "en"], "additionalProperties": False,
            "properties": {"nl": {"type": "string", "minLength": 1, "description": "Nederlands (B1)"},
                           "en": {"type": "string", "minLength": 1, "description": "English"}}}


def _field(name: str, categories: list[str]) -> dict:
    https = {"type": "string", "pattern": "^https://[^\\s]+\\.[^\\s]+$"}
    kinds = {
        "categorieen": {"type": "array", "minItems": 1, "items": {"enum": categories}},
        "wat": _text(), "voor_wie": _text(), "kosten": _text(), "openingstijden": _text(),
        "telefoon": {"type": "string", "pattern": "^[0-9+ ()-]{3,20}$"},
        "email": {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$"},
        "website": https, "chat": https, "bron": https,
        "gecontroleerd": {"type": "string", "format": "date"},
        "direct_hulp": {"type": "boolean"}, "anoniem": {"type": "boolean"},
        "ook_bij": {"type": "array", "items": {"enum": categories}},
        "bron_soort": {"enum": ["sterk", "zwak"]},
        "toestemming": _text(), "wachttijd": _text(),
        "leeftijd": {"type": "string", "pattern": "^\\d{1,2}(-\\d{1,2}|\\+)$"},
        "talen": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]{2,3}$"}},
        "tijden": {"type": "object", "additionalProperties": False,
                   "properties": {d: {"type": "string"} for d in ("ma", "di", "wo", "do", "vr", "za", "zo")}},
    }
    schema = dict(kinds.get(name, {"type": "string", "minLength": 1}))
    if name in DESCRIPTIONS:
        schema["description"] = DESCRIPTIONS[name]
    return schema


def offering_schema(categories: list[str]) -> dict:
    return {"type": "object", "additionalProperties": False,
            "required": [k for k, req in OFFERING_FIELDS.items() if req],
            "properties": {k: _field(k, categories) for k in OFFERING_FIELDS}}


def municipality_schema(categories: list[str]) -> dict:
    g_props = {k: {"type": "string"} for k in MUNICIPALITY_FIELDS}
    g_props.update({"plaatsen": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                    "postcodes": {"type": "array", "minItems": 1,
                                  "items": {"type": ["string", "integer"], "pattern": "^\\d{4}(\\s*-\\s*\\d{4})?$"}},
                    "website": _field("website", categories), "bron": _field("bron", categories),
                    "gecontroleerd": _field("gecontroleerd", categories)})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Gemeente (Relatie & Scheiding)",
        "type": "object", "required": ["gemeente"], "additionalProperties": False,
        "properties": {
            "gemeente": {"type": "object", "additionalProperties": False,
                         "required": [k for k, req in MUNICIPALITY_FIELDS.items() if req], "properties": g_props},
            "aanbod": {"type": "array", "items": offering_schema(categories)},
            "verwijzingen": {"type": "array", "items": {
                "type": "object", "additionalProperties": False, "required": ["categorie", "naar", "reden"],
                "properties": {"categorie": {"enum": categories}, "naar": {"enum": ["landelijk", "regio"]},
                               "reden": _text()}}},
        },
    }


def national_schema(categories: list[str]) -> dict:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Landelijk aanbod",
            "type": "object", "required": ["aanbod"], "additionalProperties": False,
            "properties": {"aanbod": {"type": "array", "items": offering_schema(categories)}}}


def write_schemas(folder: Path, data_dir: Path | None = None) -> list[Path]:
    data_dir = data_dir or ROOT / "gemeenten"
    catalogue = yaml.safe_load((data_dir / CATALOGUE_FILE).read_text(encoding="utf-8"))
    categories = [c["id"] for c in catalogue["categorieen"]]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, schema in (("gemeente.schema.json", municipality_schema(categories)),
                         ("landelijk.schema.json", national_schema(categories))):
        path = folder / name
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        out.append(path)
    return out
