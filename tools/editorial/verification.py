"""Verification requests (issue 14): per municipality, exactly what its data owner must check.

One function gathers the points (`points_for`); they are rendered as Markdown (printable), plain
text (the body of an e-mail) and reused on the editors' coverage page, so all three say the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from tools.core import clock
from tools.hulp.model import GRACE_DAYS, STALE_DAYS, Dataset, Municipality, Offering

# Why an offering is on the list, in the order an owner should work through them.
REASONS = {
    "niet-gecontroleerd": "Nog niet gecontroleerd. De site zegt nu: 'nog niet gecontroleerd'.",
    "zwakke-bron": "De bron is nieuws of een andere website, niet de organisatie zelf. "
    "De site zegt nu: 'nog niet bevestigd door de organisatie'.",
    "verouderd": "Langer dan 12 maanden geleden gecontroleerd (op {datum}).",
    "verouderd-op-site": "Langer dan 15 maanden geleden gecontroleerd (op {datum}). "
    "De site zegt nu dat de gegevens misschien niet meer kloppen.",
    "contact": "Er staat weinig bij over hoe je ze bereikt. Nu alleen: {routes}. Ontbreekt: {missing}.",
}
ROUTE_NAMES = {"telefoon": "telefoon", "chat": "chat", "email": "e-mail", "website": "website", "adres": "adres"}


@dataclass(frozen=True)
class OfferingPoint:
    offering: Offering
    reasons: tuple[str, ...]  # keys of REASONS
    shared: bool  # regional: also shown in other municipalities

    def reason_texts(self) -> list[str]:
        o = self.offering
        datum = o.gecontroleerd.isoformat() if o.gecontroleerd else ""
        routes = [ROUTE_NAMES[r] for r in o.contact_routes]
        missing = [ROUTE_NAMES[r] for r in ("telefoon", "email", "website", "adres") if r not in o.contact_routes]
        return [
            REASONS[k].format(datum=datum, routes=", ".join(routes) or "niets", missing=", ".join(missing)) for k in self.reasons
        ]

    def current_facts(self) -> list[str]:
        o = self.offering
        facts = [
            f"{label}: {value}"
            for label, value in (
                ("Telefoon", o.telefoon),
                ("E-mail", o.email),
                ("Website", o.website),
                ("Chat", o.chat),
                ("Adres", o.adres),
                ("Openingstijden", o.openingstijden.nl if o.openingstijden else ""),
                ("Kosten", o.kosten.nl if o.kosten else ""),
                ("Bron", o.bron),
            )
            if value
        ]
        return facts


@dataclass(frozen=True)
class CategoryPoint:
    category_id: str
    naam: str
    required: bool
    referral: str  # the reason of the referral, or "" when there is none


@dataclass
class Request:
    gemeente: Municipality
    today: dt.date
    to_check: list[OfferingPoint] = field(default_factory=list)
    in_order: list[Offering] = field(default_factory=list)
    empty: list[CategoryPoint] = field(default_factory=list)

    @property
    def referrals(self) -> list[CategoryPoint]:
        return [c for c in self.empty if c.referral]

    @property
    def gaps(self) -> list[CategoryPoint]:
        return [c for c in self.empty if not c.referral]

    @property
    def count(self) -> int:
        return len(self.to_check) + len(self.empty) + (0 if self.gemeente.eigenaar else 1)


def reasons_for(o: Offering, today: dt.date) -> tuple[str, ...]:
    reasons = []
    if not o.verified:
        reasons.append("niet-gecontroleerd")
    if o.bron_soort == "zwak":
        reasons.append("zwakke-bron")
    if o.stale(today):
        reasons.append("verouderd-op-site")
    elif o.due(today):
        reasons.append("verouderd")
    if not o.telefoon or len(o.contact_routes) < 2:
        reasons.append("contact")
    return tuple(reasons)


def points_for(data: Dataset, gemeente: Municipality, today: dt.date | None = None) -> Request:
    """Everything the owner of this municipality's data should look at, in working order."""
    today = today or clock.today()
    request = Request(gemeente, today)
    own = set(id(o) for o in gemeente.aanbod)
    for o in data.local_offerings(gemeente):
        reasons = reasons_for(o, today)
        if reasons:
            request.to_check.append(OfferingPoint(o, reasons, shared=id(o) not in own))
        else:
            request.in_order.append(o)
    for cid, cat in data.categories.items():
        if data.offerings_for(gemeente, cid):
            continue
        referral = data.referral_for(gemeente, cid)
        request.empty.append(CategoryPoint(cid, cat.naam.nl, cat.verplicht, referral.reden.nl if referral else ""))
    return request


# ---------------------------------------------------------------------------- rendering


def _intro(req: Request) -> list[str]:
    g = req.gemeente
    owner = (
        f"Dit verzoek is voor: {g.eigenaar.rol} ({g.eigenaar.contact})."
        if g.eigenaar
        else "Er staat nog niet wie de gegevens van deze gemeente bijhoudt. Zet dat in het bestand "
        f"{g.file}, onder 'gemeente:', bij 'eigenaar:'."
    )
    return [
        f"Gemaakt op {req.today.isoformat()}. Gegevens uit {g.file}.",
        owner,
        "Op de website Relatie & Scheiding staat per gemeente de hulp bij relatieproblemen en scheiding. "
        "Ouders en kinderen moeten erop kunnen vertrouwen. Kijk daarom elk jaar alles na.",
        "Zo doe je het: bel of mail de organisatie, of kijk op hun eigen website. Klopt alles? "
        "Zet dan de datum van vandaag bij 'gecontroleerd' en de pagina bij 'bron'. Klopt iets niet? "
        "Verbeter het, of haal het weg. Verzin nooit een nummer of adres.",
        f"Er zijn {req.count} punten om na te kijken.",
    ]


def _offering_lines(p: OfferingPoint) -> tuple[str, list[str]]:
    o = p.offering
    head = f"{o.naam} ({o.organisatie})"
    lines = [f"Waar: {o.file}, regel {o.line}."]
    if p.shared:
        lines.append("Dit is regionale hulp: overleg met de andere gemeenten in de regio.")
    lines += p.reason_texts()
    facts = p.current_facts()
    lines.append("Nu staat er: " + ("; ".join(f.rstrip(".") for f in facts) if facts else "geen contactgegevens") + ".")
    return head, lines


def _category_line(c: CategoryPoint) -> str:
    if c.referral:
        return (
            f'{c.naam}: nu een verwijzing: "{c.referral}" Klopt dit nog? '
            "Is er nu wel hulp in de gemeente of de regio? Zet die dan bij 'aanbod'."
        )
    if c.required:
        return (
            f"{c.naam}: er is geen hulp en geen verwijzing, maar deze soort hulp is verplicht. "
            "Zet hulp bij 'aanbod' of een verwijzing met een reden bij 'verwijzingen'."
        )
    return f"{c.naam}: geen hulp in de gemeente of de regio. Weet je goede hulp? Zet die bij 'aanbod'."


def as_markdown(req: Request) -> str:
    g = req.gemeente
    out = [f"# Verzoek om na te kijken: hulp in {g.naam}", ""]
    out += [line + "\n" for line in _intro(req)]
    out.append("## 1. Hulp om na te kijken\n")
    if not req.to_check:
        out.append("Alles is gecontroleerd en heeft een goede bron.\n")
    for p in req.to_check:
        head, lines = _offering_lines(p)
        out.append(f"### [ ] {head}\n")
        out += [f"- {line}" for line in lines]
        out.append("")
    out.append("## 2. Soorten hulp zonder aanbod\n")
    out += [f"- [ ] {_category_line(c)}" for c in req.gaps] or ["Bij elke soort hulp staat aanbod of een verwijzing."]
    out.append("")
    out.append("## 3. Verwijzingen om na te kijken\n")
    out += [f"- [ ] {_category_line(c)}" for c in req.referrals] or ["Er zijn geen verwijzingen."]
    out.append("")
    out.append("## 4. In orde\n")
    out += [f"- {o.naam} ({o.organisatie}): gecontroleerd op {o.gecontroleerd.isoformat()}." for o in req.in_order] or [
        "Nog niets is helemaal in orde."
    ]
    out.append("")
    out.append(f"Klaar? Stuur het bestand {g.file} terug naar de redactie, of pas het zelf aan.")
    return "\n".join(out) + "\n"


def as_text(req: Request) -> str:
    """Plain text for the body of an e-mail: no markup, short lines, boxes to tick on paper."""
    g = req.gemeente
    out = [f"Onderwerp: Verzoek om na te kijken: hulp in {g.naam}", ""]
    for line in _intro(req):
        out += [line, ""]
    out += ["1. HULP OM NA TE KIJKEN", ""]
    if not req.to_check:
        out += ["Alles is gecontroleerd en heeft een goede bron.", ""]
    for p in req.to_check:
        head, lines = _offering_lines(p)
        out.append(f"[ ] {head}")
        out += [f"    - {line}" for line in lines]
        out.append("")
    out += ["2. SOORTEN HULP ZONDER AANBOD", ""]
    out += [f"[ ] {_category_line(c)}" for c in req.gaps] or ["Bij elke soort hulp staat aanbod of een verwijzing."]
    out += ["", "3. VERWIJZINGEN OM NA TE KIJKEN", ""]
    out += [f"[ ] {_category_line(c)}" for c in req.referrals] or ["Er zijn geen verwijzingen."]
    out += ["", "4. IN ORDE", ""]
    out += [f"- {o.naam} ({o.organisatie}): gecontroleerd op {o.gecontroleerd.isoformat()}." for o in req.in_order] or [
        "Nog niets is helemaal in orde."
    ]
    out += ["", f"Klaar? Stuur het bestand {g.file} terug naar de redactie, of pas het zelf aan."]
    return "\n".join(out) + "\n"


def write_requests(data: Dataset, folder: Path, only: str | None = None, today: dt.date | None = None) -> list[Path]:
    """Write <gemeente>.md and <gemeente>.txt per municipality (or only the one asked for)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for gid, g in sorted(data.municipalities.items()):
        if only and only not in (gid, g.naam.lower()):
            continue
        req = points_for(data, g, today)
        for suffix, text in ((".md", as_markdown(req)), (".txt", as_text(req))):
            path = folder / f"{gid}{suffix}"
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


__all__ = ["GRACE_DAYS", "STALE_DAYS", "Request", "points_for", "as_markdown", "as_text", "write_requests"]
