"""Open data of the sociale kaart: every offering as CSV and JSON, a JSON Schema, a page that explains the
fields (nl + en), and schema.org JSON-LD for the offerings on a municipality page.

One field table (FIELDS) drives the records, the CSV columns, the JSON Schema and the documentation,
so they cannot drift apart. The fields of the data-model contract of issue 14 (direct_hulp, ook_bij,
...) appear automatically as soon as tools/hulp/model.py Offering has them.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from dataclasses import dataclass

from tools.core.escape import csv_cell as safe_cell
from tools.core.escape import md_inline
from tools.core.i18n import suffix
from tools.core.labels import label
from tools.hulp.model import LANGUAGES, Dataset, Offering, Text

FOLDER = "open-data"
CSV_FILE = "sociale-kaart.csv"
JSON_FILE = "sociale-kaart.json"
SCHEMA_FILE = "sociale-kaart.schema.json"
STAMP = "<!-- Gemaakt door tools/hulp/opendata.py uit gemeenten/. Niet met de hand aanpassen. -->"
DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # JSON Schema type: string, boolean, array, ...
    nl: str
    en: str
    nullable: bool = False
    contract: str = ""  # the Offering attribute of issue 14 this field needs; "" = always there


FIELDS: tuple[Field, ...] = (
    Field("id", "string", "Vaste code van dit aanbod: bereik/eigenaar/naam.", "Stable code of this offering: scope/owner/name."),
    Field("naam", "string", "Naam van het aanbod.", "Name of the offering."),
    Field("organisatie", "string", "Organisatie die het aanbod geeft.", "Organisation that provides it."),
    Field(
        "bereik",
        "string",
        "lokaal (één gemeente), regio of landelijk.",
        "lokaal (one municipality), regio (region) or landelijk (national).",
    ),
    Field(
        "gemeente",
        "string",
        "Code van de gemeente bij lokaal aanbod, anders leeg.",
        "Municipality code for local offerings, else empty.",
    ),
    Field("gemeente_naam", "string", "Naam van die gemeente.", "Name of that municipality."),
    Field(
        "regio",
        "string",
        "Code van de regio bij regionaal aanbod, anders leeg.",
        "Region code for regional offerings, else empty.",
    ),
    Field(
        "gemeenten",
        "array",
        "Codes van de gemeenten waar je dit aanbod ziet. Leeg bij landelijk aanbod: dat geldt overal.",
        "Codes of the municipalities where the offering is shown. Empty for national offerings: they apply everywhere.",
    ),
    Field(
        "categorieen",
        "array",
        "Codes van de soorten hulp (zie gemeenten/_categorieen.yml).",
        "Codes of the kinds of help (see gemeenten/_categorieen.yml).",
    ),
    Field("wat_nl", "string", "Wat het aanbod is, in het Nederlands.", "What the offering is, in Dutch."),
    Field("wat_en", "string", "Wat het aanbod is, in het Engels.", "What the offering is, in English."),
    Field("voor_wie_nl", "string", "Voor wie, in het Nederlands.", "For whom, in Dutch.", True),
    Field("voor_wie_en", "string", "Voor wie, in het Engels.", "For whom, in English.", True),
    Field("kosten_nl", "string", "Kosten, in het Nederlands.", "Cost, in Dutch.", True),
    Field("kosten_en", "string", "Kosten, in het Engels.", "Cost, in English.", True),
    Field(
        "openingstijden_nl", "string", "Openingstijden als tekst, in het Nederlands.", "Opening hours as text, in Dutch.", True
    ),
    Field("openingstijden_en", "string", "Openingstijden als tekst, in het Engels.", "Opening hours as text, in English.", True),
    Field("telefoon", "string", "Telefoonnummer zoals op de site.", "Phone number as shown on the site."),
    Field("email", "string", "E-mailadres.", "E-mail address."),
    Field("website", "string", "Website (https).", "Website (https)."),
    Field("chat", "string", "Adres van de chat (https).", "Address of the chat (https)."),
    Field("adres", "string", "Bezoekadres.", "Visiting address."),
    Field("bron", "string", "Webadres waar de gegevens zijn gecontroleerd.", "Web address where the details were checked."),
    Field(
        "gecontroleerd",
        "string",
        "Datum van de laatste controle (jjjj-mm-dd), anders leeg.",
        "Date of the last check (yyyy-mm-dd), else empty.",
        True,
    ),
    Field(
        "geverifieerd",
        "boolean",
        "true als er een bron en een controledatum zijn.",
        "true when there is a source and a check date.",
    ),
    Field(
        "direct_hulp",
        "boolean",
        "true bij crisishulp (zoals 112, 113, opvang).",
        "true for crisis help (such as 112, 113, shelter).",
        contract="direct_hulp",
    ),
    Field(
        "ook_bij",
        "array",
        "Codes van soorten hulp waar het ook bij past.",
        "Codes of kinds of help it is also relevant for.",
        contract="ook_bij",
    ),
    Field(
        "bron_soort",
        "string",
        "sterk (eigen site van de organisatie) of zwak (nieuws, derden).",
        "sterk (the organisation's own site) or zwak (news, third parties).",
        contract="bron_soort",
    ),
    Field(
        "anoniem",
        "boolean",
        "true als je anoniem kunt blijven; leeg als onbekend.",
        "true if you can stay anonymous; empty if unknown.",
        True,
        contract="anoniem",
    ),
    Field(
        "toestemming_nl",
        "string",
        "Wie toestemming moet geven, in het Nederlands.",
        "Who has to consent, in Dutch.",
        True,
        contract="toestemming",
    ),
    Field(
        "toestemming_en",
        "string",
        "Wie toestemming moet geven, in het Engels.",
        "Who has to consent, in English.",
        True,
        contract="toestemming",
    ),
    Field("leeftijd", "string", "Leeftijd, bijvoorbeeld 8-18.", "Age, for example 8-18.", contract="leeftijd"),
    Field("wachttijd_nl", "string", "Wachttijd, in het Nederlands.", "Waiting time, in Dutch.", True, contract="wachttijd"),
    Field("wachttijd_en", "string", "Wachttijd, in het Engels.", "Waiting time, in English.", True, contract="wachttijd"),
    Field("talen", "array", "Talen (codes zoals nl, en, ar).", "Languages (codes such as nl, en, ar).", contract="talen"),
    Field(
        "tijden",
        "array",
        "Open tijden per dag: dag (ma..zo), van en tot (uu:mm).",
        "Opening times per day: day (ma..zo), from and to (hh:mm).",
        contract="tijden",
    ),
    Field(
        "bestand",
        "string",
        "Het YAML-bestand in de broncode waar het aanbod staat.",
        "The YAML file in the source code that holds the offering.",
    ),
)


def active_fields() -> list[Field]:
    """The fields this build can fill: contract fields only once tools/hulp/model.py has them."""
    present = {f.name for f in dataclasses.fields(Offering)}
    return [f for f in FIELDS if not f.contract or f.contract in present]


def _text(value: Text | None, lang: str) -> str | None:
    return (value.en if lang == "en" else value.nl) if value else None


def _minutes(m: int) -> str:
    return f"{m // 60:02d}:{m % 60:02d}"


def record(o: Offering, data: Dataset, gid: str, rid: str, fields: list[Field], region_members: dict) -> dict:
    if o.scope == "lokaal":
        places = [gid]
    elif o.scope == "regio":
        places = list(region_members.get(rid, []))
    else:
        places = []  # national: everywhere (documented), not a list of every municipality
    g = data.municipalities.get(gid)
    owner = gid or rid or "nl"
    rec = {
        "id": f"{o.scope}/{owner}/{o.slug}",
        "naam": o.naam,
        "organisatie": o.organisatie,
        "bereik": o.scope,
        "gemeente": gid,
        "gemeente_naam": g.naam if g else "",
        "regio": rid,
        "gemeenten": places,
        "categorieen": list(o.categorieen),
        "wat_nl": o.wat.nl,
        "wat_en": o.wat.en,
        "voor_wie_nl": _text(o.voor_wie, "nl"),
        "voor_wie_en": _text(o.voor_wie, "en"),
        "kosten_nl": _text(o.kosten, "nl"),
        "kosten_en": _text(o.kosten, "en"),
        "openingstijden_nl": _text(o.openingstijden, "nl"),
        "openingstijden_en": _text(o.openingstijden, "en"),
        "telefoon": o.telefoon,
        "email": o.email,
        "website": o.website,
        "chat": o.chat,
        "adres": o.adres,
        "bron": o.bron,
        "gecontroleerd": o.gecontroleerd.isoformat() if o.gecontroleerd else None,
        "geverifieerd": o.verified,
        "direct_hulp": bool(getattr(o, "direct_hulp", False)),
        "ook_bij": list(getattr(o, "ook_bij", ()) or ()),
        "bron_soort": getattr(o, "bron_soort", "") or "",
        "anoniem": getattr(o, "anoniem", None),
        "toestemming_nl": _text(getattr(o, "toestemming", None), "nl"),
        "toestemming_en": _text(getattr(o, "toestemming", None), "en"),
        "leeftijd": getattr(o, "leeftijd", "") or "",
        "wachttijd_nl": _text(getattr(o, "wachttijd", None), "nl"),
        "wachttijd_en": _text(getattr(o, "wachttijd", None), "en"),
        "talen": list(getattr(o, "talen", ()) or ()),
        "tijden": [{"dag": DAYS[d], "van": _minutes(a), "tot": _minutes(b)} for d, a, b in getattr(o, "tijden", ()) or ()],
        "bestand": o.file,
    }
    return {f.name: rec[f.name] for f in fields}


def all_offerings(data: Dataset) -> list[tuple[Offering, str, str]]:
    """(offering, municipality id, region id) for every offering in the YAML, each exactly once."""
    out = [(o, "", "") for o in data.national]
    for rid, region in sorted(data.regions.items()):
        out += [(o, "", rid) for o in region.aanbod]
    for gid, g in sorted(data.municipalities.items()):
        out += [(o, gid, "") for o in g.aanbod]
    return out


def records(data: Dataset) -> list[dict]:
    out, seen, fields = [], {}, active_fields()
    region_members: dict[str, list[str]] = {}
    for g in sorted(data.municipalities.values(), key=lambda m: m.id):
        region_members.setdefault(g.regio, []).append(g.id)
    for o, gid, rid in all_offerings(data):
        rec = record(o, data, gid, rid, fields, region_members)
        n = seen.get(rec["id"], 0) + 1
        seen[rec["id"]] = n
        if n > 1:  # two offerings with the same name in one file: keep the ids unique
            rec["id"] += f"-{n}"
        out.append(rec)
    return out


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(f"{v['dag']} {v['van']}-{v['tot']}" if isinstance(v, dict) else str(v) for v in value)
    return safe_cell(str(value))


def to_csv(recs: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    names = [f.name for f in active_fields()]
    writer.writerow(names)
    for rec in recs:
        writer.writerow([_csv_value(rec[n]) for n in names])
    return buf.getvalue()


def to_json(recs: list[dict], site_url: str) -> str:
    """One offering per line: readable in a diff, and json's C encoder (indent= would use the slow one)."""
    head = {
        "omschrijving": "De sociale kaart van Relatie & Scheiding: alle hulp per gemeente, regionaal en landelijk.",
        "schema": site_url.rstrip("/") + f"/{FOLDER}/{SCHEMA_FILE}" if site_url else SCHEMA_FILE,
        "licentie": None,  # not decided yet by the municipalities: we do not pick one for them
        "aantal": len(recs),
    }
    lines = json.dumps(head, ensure_ascii=False)[:-1] + ', "aanbod": [\n'
    lines += ",\n".join(json.dumps(rec, ensure_ascii=False) for rec in recs)
    return lines + "\n]}\n"


def _schema_type(f: Field) -> dict:
    if f.name == "tijden":
        item = {
            "type": "object",
            "required": ["dag", "van", "tot"],
            "additionalProperties": False,
            "properties": {
                "dag": {"enum": list(DAYS)},
                "van": {"type": "string", "pattern": "^\\d{2}:\\d{2}$"},
                "tot": {"type": "string", "pattern": "^\\d{2}:\\d{2}$"},
            },
        }
        return {"type": "array", "items": item}
    if f.type == "array":
        return {"type": "array", "items": {"type": "string"}}
    if f.name == "bereik":
        return {"enum": ["lokaal", "regio", "landelijk"]}
    return {"type": [f.type, "null"] if f.nullable else f.type}


def json_schema(site_url: str) -> str:
    fields = active_fields()
    item = {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields],
        "properties": {f.name: {**_schema_type(f), "description": f.nl} for f in fields},
    }
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site_url.rstrip("/") + f"/{FOLDER}/{SCHEMA_FILE}" if site_url else SCHEMA_FILE,
        "title": "Sociale kaart Relatie & Scheiding",
        "type": "object",
        "required": ["omschrijving", "schema", "licentie", "aantal", "aanbod"],
        "properties": {
            "omschrijving": {"type": "string"},
            "schema": {"type": "string"},
            "licentie": {"type": ["string", "null"]},
            "aantal": {"type": "integer", "minimum": 0},
            "aanbod": {"type": "array", "items": item},
        },
    }
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def page(data: Dataset, recs: list[dict], lang: str) -> str:
    front = {
        "title": label(lang, "od_title"),
        "description": label(lang, "od_description"),
        "doelgroep": "professionals",
        "gegenereerd": True,
        "hulp": [],
    }
    out = [
        "---",
        *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()),
        "---",
        STAMP,
        f"# {md_inline(label(lang, 'od_title'))}",
        "",
        md_inline(label(lang, "od_intro", n=str(len(recs)))),
        "",
        f"- [{md_inline(label(lang, 'od_csv'))}]({CSV_FILE})",
        f"- [{md_inline(label(lang, 'od_json'))}]({JSON_FILE})",
        f"- [{md_inline(label(lang, 'od_schema'))}]({SCHEMA_FILE})",
        f"- [{md_inline(label(lang, 'od_kpi'))}](../dashboard/index{suffix(lang)}.md#downloads)",
        "",
        "{: .rs-downloads }",
        "",
        f"## {md_inline(label(lang, 'od_fields'))} {{#velden}}",
        "",
        md_inline(label(lang, "od_fields_intro")),
        "",
        f"| {label(lang, 'od_col_field')} | {label(lang, 'od_col_type')} | {label(lang, 'od_col_meaning')} |",
        "| --- | --- | --- |",
    ]
    for f in active_fields():
        kind = f.type + (" " + label(lang, "od_or_empty") if f.nullable else "")
        out.append(f"| `{f.name}` | {md_inline(kind)} | {md_inline(f.en if lang == 'en' else f.nl)} |")
    out += [
        "{: .rs-velden }",
        "",
        f"## {md_inline(label(lang, 'od_rules'))} {{#afspraken}}",
        "",
        md_inline(label(lang, "od_rules_text")),
        "",
    ]
    return "\n".join(out)


def render_open_data(data: Dataset, site_url: str) -> dict[str, str]:
    """Every file under docs/open-data/, as path (relative to docs/) -> content."""
    recs = records(data)
    files = {f"{FOLDER}/index{suffix(lang)}.md": page(data, recs, lang) for lang in LANGUAGES}
    files[f"{FOLDER}/{CSV_FILE}"] = to_csv(recs)
    files[f"{FOLDER}/{JSON_FILE}"] = to_json(recs, site_url)
    files[f"{FOLDER}/{SCHEMA_FILE}"] = json_schema(site_url)
    return files


# ---------------------------------------------------------------------------- schema.org on a municipality page


def json_ld(data: Dataset, gid: str, lang: str) -> str:
    """The municipality's own and regional offerings as schema.org Services, ready for a <script> element."""
    g = data.municipalities[gid]
    area = {"@type": "AdministrativeArea", "name": f"{'Municipality of ' if lang == 'en' else 'Gemeente '}{g.naam}"}
    graph = []
    for o in data.local_offerings(g):
        provider = {"@type": "Organization", "name": o.organisatie or o.naam}
        for key, value in (("telephone", o.telefoon), ("email", o.email), ("url", o.website), ("address", o.adres)):
            if value:
                provider[key] = value
        service = {
            "@type": "Service",
            "name": o.naam,
            "description": o.wat.get(lang),
            "provider": provider,
            "areaServed": area,
            "serviceType": [data.categories[c].naam.get(lang) for c in o.categorieen if c in data.categories],
        }
        if o.website:
            service["url"] = o.website
        graph.append(service)
    payload = {"@context": "https://schema.org", "@graph": graph}
    return safe_json_for_html(payload)


def safe_json_for_html(payload) -> str:
    """JSON that cannot end its <script> element or open a comment: <, > and & as \\u escapes."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def add_json_ld(html: str, script_json: str) -> str:
    tag = f'<script type="application/ld+json">{script_json}</script>'
    head, sep, rest = html.partition("</head>")
    return head + tag + sep + rest if sep else html
