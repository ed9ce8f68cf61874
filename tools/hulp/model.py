"""Plain typed objects for the help data: categories, offerings, municipalities, regions."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

LANGUAGES = ("nl", "en")


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

    @property
    def verified(self) -> bool:
        return bool(self.bron and self.gecontroleerd)

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
            items.extend(region.aanbod)
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
