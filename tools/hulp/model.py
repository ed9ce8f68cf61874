"""Plain typed objects for the help data: categories, offerings, municipalities, regions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

LANGUAGES = ("nl", "en")

# Issue 14: an entry is due for its yearly check after STALE_DAYS; after a further GRACE_DAYS the site
# says so calmly ("mogelijk verouderd") instead of presenting old facts as current.
STALE_DAYS = 365
GRACE_DAYS = 91


@dataclass(frozen=True)
class Text:
    """A text visitors read, in Dutch and English."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.nl


@dataclass(frozen=True)
class Category:
    id: str
    naam: Text
    uitleg: Text
    verplicht: bool
    line: int = 0


@dataclass(frozen=True)
class Offering:
    naam: str
    organisatie: str
    categorieen: tuple[str, ...]
    wat: Text
    file: str
    line: int
    voor_wie: Text | None = None
    kosten: Text | None = None
    openingstijden: Text | None = None
    telefoon: str = ""
    email: str = ""
    website: str = ""
    chat: str = ""
    adres: str = ""
    bron: str = ""
    gecontroleerd: dt.date | None = None
    scope: str = "lokaal"  # lokaal | regio | landelijk
    # Issue 14: how an offering fits the categories, and facts that decide whether someone can use it.
    direct_hulp: bool = False  # crisis line, shelter, 112/113: shown as "Direct hulp nodig?", never as a topic's own help
    ook_bij: tuple[str, ...] = ()  # categories where it is relevant but not the primary help
    bron_soort: str = ""  # "sterk" (the organisation's own page) or "zwak" (news, third party)
    anoniem: bool | None = None
    toestemming: Text | None = None  # e.g. both parents with gezag must sign
    leeftijd: str = ""  # e.g. "8-18"
    wachttijd: Text | None = None
    talen: tuple[str, ...] = ()
    tijden: tuple[tuple[int, int, int], ...] = ()  # (weekday 0=Monday, start minute, end minute) for "nu open"
    alleen_voor: tuple[str, ...] = ()  # issue 14: a regional offering that serves only these municipality ids

    @property
    def verified(self) -> bool:
        return bool(self.bron and self.gecontroleerd)

    def age_days(self, today: dt.date) -> int | None:
        """Days since the last check, or None when it was never checked."""
        return (today - self.gecontroleerd).days if self.gecontroleerd else None

    def due(self, today: dt.date) -> bool:
        """Older than 12 months: the editors' page and the verification request flag it."""
        age = self.age_days(today)
        return age is not None and age > STALE_DAYS

    def stale(self, today: dt.date) -> bool:
        """Older than 12 months plus a grace period: the site shows it calmly as possibly outdated."""
        age = self.age_days(today)
        return age is not None and age > STALE_DAYS + GRACE_DAYS

    @property
    def contact_routes(self) -> tuple[str, ...]:
        """The ways to reach this offering that are filled in, in the order a visitor uses them."""
        return tuple(name for name in ("telefoon", "chat", "email", "website", "adres") if getattr(self, name))

    @property
    def slug(self) -> str:
        from tools.core.text import slugify

        return slugify(self.naam)


@dataclass(frozen=True)
class Referral:
    """An explicit, reasoned reference to regional or national help for a category."""

    categorie: str
    naar: str
    reden: Text
    line: int = 0


@dataclass(frozen=True)
class Owner:
    """Who keeps a municipality's data true: a role and a functional contact, never a private person."""

    rol: str
    contact: str  # a general e-mail address or an https:// page
    line: int = 0


@dataclass(frozen=True)
class Region:
    id: str
    naam: str
    aanbod: tuple[Offering, ...]
    file: str


@dataclass(frozen=True)
class Municipality:
    id: str
    naam: str
    website: str
    plaatsen: tuple[str, ...]
    postcodes: tuple[tuple[int, int], ...]
    aanbod: tuple[Offering, ...]
    verwijzingen: tuple[Referral, ...]
    file: str
    regio: str = ""
    bron: str = ""
    gecontroleerd: dt.date | None = None
    eigenaar: Owner | None = None  # issue 14: the data owner who receives the verification request

    def postcode_labels(self) -> list[str]:
        return [f"{a}" if a == b else f"{a}-{b}" for a, b in self.postcodes]


@dataclass
class Dataset:
    categories: dict[str, Category] = field(default_factory=dict)
    national: tuple[Offering, ...] = ()
    regions: dict[str, Region] = field(default_factory=dict)
    municipalities: dict[str, Municipality] = field(default_factory=dict)

    def local_offerings(self, gemeente: Municipality) -> list[Offering]:
        """The municipality's own offering plus its region's."""
        items = list(gemeente.aanbod)
        region = self.regions.get(gemeente.regio)
        if region:
            items.extend(o for o in region.aanbod if not o.alleen_voor or gemeente.id in o.alleen_voor)
        return items

    def offerings_for(self, gemeente: Municipality, categorie: str) -> list[Offering]:
        return [o for o in self.local_offerings(gemeente) if categorie in o.categorieen]

    def national_for(self, categorie: str) -> list[Offering]:
        return [o for o in self.national if categorie in o.categorieen]

    def referral_for(self, gemeente: Municipality, categorie: str) -> Referral | None:
        for r in gemeente.verwijzingen:
            if r.categorie == categorie:
                return r
        return None
