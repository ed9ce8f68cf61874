"""Editors' pages (kept out of the public navigation and search): coverage, translations, changes."""

from __future__ import annotations

import datetime as dt
import html

from tools.core import clock
from tools.core.pages import FRONT
from tools.editorial.verification import points_for
from tools.hulp.model import Dataset

EDITORIAL_DIR = "redactie"

LEGEND = {
    "✓": "aanbod, gecontroleerd",
    "?": "aanbod, niet alles gecontroleerd",
    "V": "verwijzing naar landelijke of regionale hulp, met reden",
    "!": "verplicht en ontbreekt",
    "-": "geen aanbod (niet verplicht)",
}


def coverage_page(data: Dataset, today: dt.date | None = None) -> str:
    today = today or clock.today()
    cats = list(data.categories.values())
    head = "".join(f'<th scope="col">{html.escape(c.naam.nl)}{" *" if c.verplicht else ""}</th>' for c in cats)
    rows = []
    for naam, cells in coverage_rows(data):
        tds = "".join(f'<td class="rs-dekking--{_kind(c)}">{html.escape(c)}</td>' for c in cells)
        rows.append(f'<tr><th scope="row">{html.escape(naam)}</th>{tds}</tr>')
    legend = "\n".join(f"- **{k}**: {v}" for k, v in LEGEND.items())
    total = sum(len(g.aanbod) for g in data.municipalities.values())
    unverified = sum(1 for g in data.municipalities.values() for o in g.aanbod if not o.verified)
    return (
        FRONT.format(
            title="Dekking van het aanbod",
            description="Per gemeente en categorie: hoeveel aanbod er is en of het is gecontroleerd.",
        )
        + "\n# Dekking van het aanbod\n\n"
        + f"Deze pagina is voor redacteuren. Gemaakt op {today.isoformat()}. "
        + f"{len(data.municipalities)} gemeenten, {total} lokaal aanbod, waarvan {unverified} nog niet gecontroleerd. "
        + "Categorieën met * zijn verplicht.\n\n"
        + legend
        + "\n\n"
        + '<div class="rs-tabel" tabindex="0" role="region" aria-label="Dekking per gemeente">'
        + f'<table class="rs-dekking"><thead><tr><th scope="col">Gemeente</th>{head}</tr></thead>'
        + f"<tbody>{''.join(rows)}</tbody></table></div>\n\n"
        + "Een getal is het aantal keer aanbod. Zo maak je dit overzicht ook in de terminal: "
        + "`python -m tools coverage`.\n"
        + to_check_section(data, today)
    )


def to_check_section(data: Dataset, today: dt.date) -> str:
    """Per municipality the same points as its verification request (issue 14), stale entries marked."""
    parts = [
        "\n## Wat moet er worden nagekeken?\n\n",
        "Per gemeente dezelfde punten als in het verzoek aan de eigenaar van de gegevens. "
        "Dat verzoek maak je met `python -m tools verificatie`. "
        "**Verouderd** betekent: langer dan 12 maanden geleden gecontroleerd. "
        "Na nog 3 maanden zegt de site zelf dat de gegevens misschien niet meer kloppen.\n",
    ]
    for g in sorted(data.municipalities.values(), key=lambda m: m.naam.lower()):
        req = points_for(data, g, today)
        owner = (
            f"Eigenaar: {html.escape(g.eigenaar.rol)} ({html.escape(g.eigenaar.contact)})."
            if g.eigenaar
            else "Eigenaar: <strong>nog niet ingevuld</strong>."
        )
        items = []
        for p in req.to_check:
            o = p.offering
            flags = []
            if "verouderd-op-site" in p.reasons or "verouderd" in p.reasons:
                flags.append('<strong class="rs-verouderd">verouderd</strong>')
            label = f"{html.escape(o.naam)} ({html.escape(o.organisatie)}), {html.escape(o.file)} regel {o.line}"
            reasons = " ".join(html.escape(t) for t in p.reason_texts())
            items.append(f"<li>{' '.join(flags + [label])}: {reasons}</li>")
        for c in req.gaps:
            kind = "verplicht, ontbreekt" if c.required else "geen aanbod"
            items.append(f"<li>{html.escape(c.naam)}: {kind}.</li>")
        for c in req.referrals:
            items.append(f"<li>{html.escape(c.naam)}: verwijzing, kijk na of die nog klopt.</li>")
        parts.append(
            f"\n### {html.escape(g.naam)}\n\n{owner} {req.count} punten.\n\n"
            + (f"<ul>{''.join(items)}</ul>\n" if items else "Niets na te kijken.\n")
        )
    return "".join(parts)


def _kind(cell: str) -> str:
    return {"V": "verwijzing", "!": "ontbreekt", "-": "geen"}.get(cell, "ok" if cell.endswith("✓") else "open")


def coverage_rows(data: Dataset) -> list[tuple[str, list[str]]]:
    """Municipality x category: 'n✓' (n offerings, all verified), 'n?' (some unverified), 'V' reference, '-' none."""
    rows = []
    for g in sorted(data.municipalities.values(), key=lambda m: m.naam.lower()):
        cells = []
        for cid, cat in data.categories.items():
            offers = data.offerings_for(g, cid)
            if offers:
                cells.append(f"{len(offers)}{'✓' if all(o.verified for o in offers) else '?'}")
            elif data.referral_for(g, cid):
                cells.append("V")
            else:
                cells.append("!" if cat.verplicht else "-")
        rows.append((g.naam, cells))
    return rows


def coverage_text(data: Dataset) -> str:
    ids = list(data.categories)
    width = max([len(g.naam) for g in data.municipalities.values()] + [8])
    lines = [
        "Dekking per gemeente en categorie",
        "n✓ = n keer aanbod, gecontroleerd · n? = niet alles gecontroleerd · V = verwijzing met reden · "
        "! = verplicht en ontbreekt · - = geen aanbod",
        "",
    ]
    for i, cid in enumerate(ids):
        lines.append(f"  {i + 1:>2} = {cid}{' (verplicht)' if data.categories[cid].verplicht else ''}")
    lines.append("")
    lines.append(" " * width + " " + " ".join(f"{i + 1:>4}" for i in range(len(ids))))
    for naam, cells in coverage_rows(data):
        lines.append(f"{naam:<{width}} " + " ".join(f"{c:>4}" for c in cells))
    return "\n".join(lines)
