"""Load and validate gemeenten/: every problem becomes a Dutch Finding with file, line and field."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from tools.core import clock
from tools.core.findings import ADVISORY, Finding
from tools.core.text import has_markup
from tools.hulp.model import Category, Dataset, Municipality, Offering, Owner, Referral, Region, Text

try:  # libyaml is in the PyYAML wheel and about 14x faster
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

CATALOGUE_FILE = "_categorieen.yml"
NATIONAL_FILE = "_landelijk.yml"
REGION_PREFIX = "_regio-"
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PHONE_RE = re.compile(r"^(?:112|113|14\d{2,4}|0(?:800|900|906|909)\d{4}(?:\d{3})?|0[1-9]\d{8}|\+31[1-9]\d{8})$")
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
POSTCODE_RE = re.compile(r"^(\d{4})(?:\s*-\s*(\d{4}))?$")


class DataError(Exception):
    """Raised when the data has blocking findings; carries them all."""

    def __init__(self, findings: list[Finding]):
        super().__init__(f"{len(findings)} fout(en) in de gegevens")
        self.findings = findings


# ---------------------------------------------------------------------------- field checks


def valid_phone(value: str) -> bool:
    return bool(PHONE_RE.match(re.sub(r"[\s\-().]", "", value)))


def valid_email(value: str) -> bool:
    return bool(EMAIL_RE.match(value))


_SPACE_RE = re.compile(r"\s")


def valid_https_url(value: str) -> bool:
    if _SPACE_RE.search(value) or has_markup(value.replace("javascript:", "")):
        return False
    parts = urlsplit(value)
    host = parts.hostname or ""
    return parts.scheme == "https" and "." in host and not host.endswith(".")


class _Reader:
    """Walks a composed YAML node tree, collecting findings instead of raising."""

    def __init__(self, file: str, findings: list[Finding]):
        self.file = file
        self.findings = findings

    def error(self, node: yaml.Node | None, field: str, message: str, tip: str, rule: str = "gegevens") -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.findings.append(Finding(self.file, line, rule, message, tip, field=field))

    # -- structure
    def mapping(self, node: yaml.Node | None, field: str, allowed: dict[str, bool]) -> dict[str, yaml.Node] | None:
        """Return key -> value node; report unknown keys (with a suggestion) and missing required ones."""
        if not isinstance(node, yaml.MappingNode):
            self.error(
                node,
                field,
                f"'{field}' moet een lijst van velden zijn (naam: waarde).",
                "Zet elk veld op een eigen regel, ingesprongen onder deze naam.",
            )
            return None
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                self.error(key_node, f"{field}.{key}", f"Het veld '{key}' staat er twee keer.", "Haal een van de twee weg.")
            if key not in allowed:
                close = difflib.get_close_matches(key, list(allowed), n=1)
                hint = f"Bedoel je '{close[0]}'?" if close else "Toegestaan zijn: " + ", ".join(allowed) + "."
                self.error(key_node, f"{field}.{key}", f"Onbekend veld '{key}'.", hint)
                continue
            out[key] = value_node
        for key, required in allowed.items():
            if required and key not in out:
                self.error(
                    node, f"{field}.{key}", f"Het verplichte veld '{key}' ontbreekt.", f"Voeg '{key}:' toe onder '{field}'."
                )
        return out

    def sequence(self, node: yaml.Node | None, field: str) -> list[yaml.Node]:
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.error(
                node, field, f"'{field}' moet een lijst zijn.", "Zet elk onderdeel op een eigen regel die begint met '- '."
            )
            return []
        return list(node.value)

    def scalar(self, node: yaml.Node | None, field: str) -> str | None:
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.error(
                node,
                field,
                f"'{field}' moet één waarde zijn, geen lijst of blok.",
                "Schrijf de waarde achter de dubbele punt, op dezelfde regel.",
            )
            return None
        return str(node.value).strip()

    def string(
        self, node: yaml.Node | None, field: str, check: Callable[[str], bool] | None = None, what: str = "", tip: str = ""
    ) -> str:
        value = self.scalar(node, field)
        if value is None:
            return ""
        if not value:
            self.error(node, field, f"'{field}' is leeg.", "Vul een waarde in of haal het veld weg.")
            return ""
        if has_markup(value) and check is None:
            self.error(
                node,
                field,
                f"'{field}' bevat opmaak of code ({value[:40]!r}).",
                "Schrijf gewone tekst zonder HTML, Markdown-links of 'javascript:'.",
                rule="opmaak-in-gegevens",
            )
            return ""
        if check is not None and not check(value):
            self.error(node, field, f"'{value}' is geen geldig(e) {what}.", tip, rule="ongeldige-waarde")
            return ""
        return value

    def text(self, node: yaml.Node | None, field: str) -> Text | None:
        if node is None:
            return None
        m = self.mapping(node, field, {"nl": True, "en": True})
        if m is None:
            return None
        nl = self.string(m.get("nl"), f"{field}.nl")
        en = self.string(m.get("en"), f"{field}.en")
        return Text(nl, en) if nl else None

    def date(self, node: yaml.Node | None, field: str) -> dt.date | None:
        value = self.scalar(node, field)
        if value is None:
            return None
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            self.error(
                node, field, f"'{value}' is geen geldige datum.", "Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-11-28."
            )
            return None
        if day > clock.today():
            self.error(
                node, field, f"De datum {value} ligt in de toekomst.", "Vul de dag in waarop je het echt hebt gecontroleerd."
            )
            return None
        return day

    def boolean(self, node: yaml.Node | None, field: str, default: bool) -> bool:
        value = self.scalar(node, field)
        if value is None:
            return default
        if value.lower() in ("true", "ja", "yes"):
            return True
        if value.lower() in ("false", "nee", "no"):
            return False
        self.error(node, field, f"'{value}' is geen ja of nee.", "Schrijf ja of nee (true of false mag ook).")
        return default


PHONE_TIP = "Schrijf een Nederlands nummer, bijvoorbeeld 076 529 3000, 0800-0432, 14 076 of 112."
URL_TIP = "Schrijf een volledig webadres dat begint met https://, zonder spaties."
EMAIL_TIP = "Schrijf een e-mailadres als naam@organisatie.nl."

OFFERING_FIELDS = {
    "naam": True,
    "organisatie": True,
    "categorieen": True,
    "wat": True,
    "voor_wie": False,
    "kosten": False,
    "openingstijden": False,
    "telefoon": False,
    "email": False,
    "website": False,
    "chat": False,
    "adres": False,
    "bron": False,
    "gecontroleerd": False,
    "direct_hulp": False,
    "ook_bij": False,
    "bron_soort": False,
    "anoniem": False,
    "toestemming": False,
    "leeftijd": False,
    "wachttijd": False,
    "talen": False,
    "tijden": False,
    "alleen_voor": False,
}

# Categories where crisis lines and shelters are the primary help; everywhere else they appear as
# "Direct hulp nodig?" (never as the housing or stress help).
DIRECT_HELP_CATEGORIES = frozenset({"veiligheid"})
BRON_SOORTEN = ("sterk", "zwak")
DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
ROUND_THE_CLOCK = "dag en nacht"
AGE_RE = re.compile(r"^(\d{1,2})(?:-(\d{1,2})|\+)$")
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
TIME_RANGE_RE = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)\s*-\s*([01]\d|2[0-4]):([0-5]\d)$")


def _category_list(r: _Reader, node: yaml.Node | None, field: str, categories: dict[str, Category]) -> list[str]:
    cats: list[str] = []
    for item in r.sequence(node, field):
        cid = r.scalar(item, field)
        if cid is None:
            continue
        if categories and cid not in categories:
            close = difflib.get_close_matches(cid, list(categories), n=1)
            r.error(
                item,
                field,
                f"Onbekende categorie '{cid}'.",
                (f"Bedoel je '{close[0]}'? " if close else "") + f"De categorieën staan in gemeenten/{CATALOGUE_FILE}.",
                rule="onbekende-categorie",
            )
            continue
        cats.append(cid)
    return cats


def _opening_times(r: _Reader, node: yaml.Node | None, field: str) -> tuple[tuple[int, int, int], ...]:
    """`tijden: {ma: "09:00-17:00", za: "dag en nacht"}` -> (weekday, start minute, end minute)."""
    if node is None:
        return ()
    m = r.mapping(node, field, {day: False for day in DAYS})
    if m is None:
        return ()
    slots: list[tuple[int, int, int]] = []
    for day, value_node in m.items():
        value = r.scalar(value_node, f"{field}.{day}")
        if not value:
            continue
        weekday = DAYS.index(day)
        if value.lower() == ROUND_THE_CLOCK:
            slots.append((weekday, 0, 24 * 60))
            continue
        for part in value.split(","):
            match = TIME_RANGE_RE.match(part.strip())
            start = end = 0
            if match:
                start = int(match.group(1)) * 60 + int(match.group(2))
                end = int(match.group(3)) * 60 + int(match.group(4))
            if not match or end <= start or end > 24 * 60:
                r.error(
                    value_node,
                    f"{field}.{day}",
                    f"'{part.strip()}' is geen geldige tijd.",
                    "Schrijf van-tot als 09:00-17:00, meerdere blokken met een komma "
                    "(09:00-12:30, 13:30-17:00), of 'dag en nacht'.",
                    rule="ongeldige-waarde",
                )
                continue
            slots.append((weekday, start, end))
    return tuple(slots)


def _offering(r: _Reader, node: yaml.Node, field: str, scope: str, categories: dict[str, Category]) -> Offering | None:
    m = r.mapping(node, field, OFFERING_FIELDS)
    if m is None:
        return None
    cat_nodes = r.sequence(m.get("categorieen"), f"{field}.categorieen")
    cats = _category_list(r, m.get("categorieen"), f"{field}.categorieen", categories)
    if isinstance(m.get("categorieen"), yaml.SequenceNode) and not cat_nodes:
        r.error(
            m["categorieen"],
            f"{field}.categorieen",
            "Er staat geen categorie bij dit aanbod.",
            "Noem minstens één categorie, bijvoorbeeld [eerste-aanspreekpunt].",
        )
    naam = r.string(m.get("naam"), f"{field}.naam")
    wat = r.text(m.get("wat"), f"{field}.wat")
    bron = r.string(m.get("bron"), f"{field}.bron", valid_https_url, "webadres", URL_TIP)
    checked = r.date(m.get("gecontroleerd"), f"{field}.gecontroleerd")
    if bool(bron) != bool(checked) and ("bron" in m) != ("gecontroleerd" in m):
        r.error(
            node,
            f"{field}.gecontroleerd",
            "'bron' en 'gecontroleerd' horen bij elkaar.",
            "Vul allebei in als je het aanbod hebt gecontroleerd, of laat allebei weg.",
        )
    offering = Offering(
        naam=naam,
        organisatie=r.string(m.get("organisatie"), f"{field}.organisatie"),
        categorieen=tuple(cats),
        wat=wat or Text("", ""),
        file=r.file,
        line=node.start_mark.line + 1,
        voor_wie=r.text(m.get("voor_wie"), f"{field}.voor_wie"),
        kosten=r.text(m.get("kosten"), f"{field}.kosten"),
        openingstijden=r.text(m.get("openingstijden"), f"{field}.openingstijden"),
        telefoon=r.string(m.get("telefoon"), f"{field}.telefoon", valid_phone, "telefoonnummer", PHONE_TIP),
        email=r.string(m.get("email"), f"{field}.email", valid_email, "e-mailadres", EMAIL_TIP),
        website=r.string(m.get("website"), f"{field}.website", valid_https_url, "webadres", URL_TIP),
        chat=r.string(m.get("chat"), f"{field}.chat", valid_https_url, "webadres", URL_TIP),
        adres=r.string(m.get("adres"), f"{field}.adres"),
        bron=bron,
        gecontroleerd=checked,
        scope=scope,
        direct_hulp=r.boolean(m.get("direct_hulp"), f"{field}.direct_hulp", False),
        ook_bij=tuple(_category_list(r, m.get("ook_bij"), f"{field}.ook_bij", categories)),
        bron_soort=r.string(
            m.get("bron_soort"),
            f"{field}.bron_soort",
            lambda v: v in BRON_SOORTEN,
            "soort bron",
            "Schrijf 'sterk' (de eigen website van de organisatie) of 'zwak' (nieuws of een ander).",
        ),
        anoniem=r.boolean(m.get("anoniem"), f"{field}.anoniem", False) if "anoniem" in m else None,
        toestemming=r.text(m.get("toestemming"), f"{field}.toestemming"),
        leeftijd=r.string(
            m.get("leeftijd"),
            f"{field}.leeftijd",
            lambda v: _valid_age(v),
            "leeftijd",
            "Schrijf van-tot in jaren (8-18) of een ondergrens met een plus (12+).",
        ),
        wachttijd=r.text(m.get("wachttijd"), f"{field}.wachttijd"),
        talen=tuple(
            t
            for t in (
                r.string(
                    n,
                    f"{field}.talen",
                    lambda v: bool(LANGUAGE_RE.match(v)),
                    "taalcode",
                    "Schrijf de taalcode in kleine letters: nl, en, ar, tr, pl.",
                )
                for n in r.sequence(m.get("talen"), f"{field}.talen")
            )
            if t
        ),
        tijden=_opening_times(r, m.get("tijden"), f"{field}.tijden"),
        alleen_voor=_only_for(r, m.get("alleen_voor"), f"{field}.alleen_voor", scope),
    )
    if offering.direct_hulp:
        misfits = [c for c in offering.categorieen if c not in DIRECT_HELP_CATEGORIES]
        if misfits:
            r.error(
                m.get("categorieen"),
                f"{field}.categorieen",
                f"'{naam}' is directe hulp (crisis of opvang), maar staat als hulp bij: {', '.join(misfits)}.",
                "Directe hulp hoort alleen bij 'veiligheid'. Op andere pagina's staat het vanzelf bij "
                "'Direct hulp nodig?'. Wil je het daar extra noemen, zet de categorie dan bij 'ook_bij'.",
                rule="hulp-past-niet",
            )
    overlap = set(offering.ook_bij) & set(offering.categorieen)
    if overlap:
        r.error(
            m.get("ook_bij"),
            f"{field}.ook_bij",
            f"De categorie {', '.join(sorted(overlap))} staat zowel bij 'categorieen' als bij 'ook_bij'.",
            "Zet een categorie bij 'categorieen' (hier helpt het vooral) of bij 'ook_bij' (hier is het ook nuttig).",
        )
    if naam and not (offering.telefoon or offering.email or offering.website or offering.chat or offering.adres):
        r.error(
            node,
            field,
            f"Bij '{naam}' staat niet hoe je ze bereikt.",
            "Vul minstens één van deze velden in: telefoon, email, website, chat of adres.",
        )
    return offering


def _valid_age(value: str) -> bool:
    match = AGE_RE.match(value)
    return bool(match) and (not match.group(2) or int(match.group(1)) < int(match.group(2)))


# file -> (text, node), only while `python -m tools check` runs: its loader and its editor gates read
# every file, and the second reader takes the first one's tree. A build keeps no trees (100 MB nationally).
_NODES: dict[str, tuple[str, yaml.Node]] | None = None


def share_nodes() -> None:
    global _NODES
    if _NODES is None:
        _NODES = {}


def compose_text(text: str, key: str) -> yaml.Node:
    """yaml.compose; with share_nodes(), the second reader of the same text of a file gets the tree."""
    if _NODES is None:
        return yaml.compose(text, Loader=_Loader)
    cached = _NODES.pop(key, None)
    if cached is not None and cached[0] == text:
        return cached[1]
    node = yaml.compose(text, Loader=_Loader)
    _NODES[key] = (text, node)
    return node


def _compose(path: Path, findings: list[Finding], display: str) -> yaml.Node | None:
    from tools.core.pages import decode  # issue 10: the line of the bad byte, a BOM is fine

    text, bad = decode(path.read_bytes(), display)
    if bad:
        findings.extend(bad)
        return None
    try:
        node = compose_text(text, str(path))
    except yaml.YAMLError as exc:
        from tools.core.text import unclosed_quote_line, yaml_error_mark  # issue 10: the line editors need

        mark = yaml_error_mark(exc)
        line = mark.line + 1 if mark else 1
        line = unclosed_quote_line(text, line) or line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        findings.append(
            Finding(
                display,
                line,
                "yaml",
                f"Het bestand is geen geldige YAML: {problem}.",
                "Kijk op deze regel en de regel erboven: klopt het inspringen met spaties "
                "(geen tabs), staat er een dubbele punt na elke veldnaam, en staan teksten "
                "met een dubbele punt tussen aanhalingstekens?",
            )
        )
        return None
    if node is None:
        findings.append(Finding(display, 1, "yaml", "Het bestand is leeg.", "Vul het bestand in of haal het weg."))
    return node


def load_categories(path: Path, findings: list[Finding], display: str) -> dict[str, Category]:
    node = _compose(path, findings, display)
    r = _Reader(display, findings)
    top = r.mapping(node, "bestand", {"categorieen": True}) if node is not None else None
    result: dict[str, Category] = {}
    if not top:
        return result
    for i, item in enumerate(r.sequence(top.get("categorieen"), "categorieen")):
        field = f"categorieen[{i + 1}]"
        m = r.mapping(item, field, {"id": True, "naam": True, "uitleg": True, "verplicht": False})
        if m is None:
            continue
        cid = r.string(
            m.get("id"),
            f"{field}.id",
            lambda v: bool(ID_RE.match(v)),
            "code",
            "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld schuldhulp.",
        )
        if cid in result:
            r.error(
                m.get("id"), f"{field}.id", f"De categorie '{cid}' staat er twee keer.", "Geef elke categorie een eigen code."
            )
            continue
        naam = r.text(m.get("naam"), f"{field}.naam")
        uitleg = r.text(m.get("uitleg"), f"{field}.uitleg")
        if cid and naam and uitleg:
            result[cid] = Category(
                cid, naam, uitleg, r.boolean(m.get("verplicht"), f"{field}.verplicht", False), item.start_mark.line + 1
            )
    return result


def _offerings(r: _Reader, node: yaml.Node | None, scope: str, categories: dict[str, Category]) -> tuple[Offering, ...]:
    items = []
    for i, item in enumerate(r.sequence(node, "aanbod")):
        off = _offering(r, item, f"aanbod[{i + 1}]", scope, categories)
        if off is not None:
            items.append(off)
    return tuple(items)


def _postcodes(r: _Reader, node: yaml.Node | None) -> tuple[tuple[int, int], ...]:
    ranges = []
    for item in r.sequence(node, "gemeente.postcodes"):
        value = r.scalar(item, "gemeente.postcodes")
        if value is None:
            continue
        match = POSTCODE_RE.match(value)
        if not match or int(match.group(1)) < 1000 or (match.group(2) and int(match.group(2)) < int(match.group(1))):
            r.error(
                item,
                "gemeente.postcodes",
                f"'{value}' is geen postcode of reeks postcodes.",
                'Schrijf de vier cijfers (4811) of een reeks van laag naar hoog ("4811-4839").',
                rule="ongeldige-waarde",
            )
            continue
        low = int(match.group(1))
        ranges.append((low, int(match.group(2) or low)))
    return tuple(ranges)


MUNICIPALITY_FIELDS = {
    "naam": True,
    "website": True,
    "regio": False,
    "plaatsen": True,
    "postcodes": True,
    "bron": False,
    "gecontroleerd": False,
    "eigenaar": False,
}


def load_municipality(path: Path, findings: list[Finding], display: str, categories: dict[str, Category]) -> Municipality | None:
    gid = path.stem
    r = _Reader(display, findings)
    if not ID_RE.match(gid):
        findings.append(
            Finding(
                display,
                1,
                "bestandsnaam",
                f"De bestandsnaam '{path.name}' is niet geldig.",
                "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld bergen-op-zoom.yml.",
            )
        )
        return None
    node = _compose(path, findings, display)
    if node is None:
        return None
    top = r.mapping(node, "bestand", {"gemeente": True, "aanbod": False, "verwijzingen": False})
    if not top:
        return None
    g = r.mapping(top.get("gemeente"), "gemeente", MUNICIPALITY_FIELDS) if "gemeente" in top else None
    if g is None:
        return None
    plaatsen = []
    for item in r.sequence(g.get("plaatsen"), "gemeente.plaatsen"):
        value = r.string(item, "gemeente.plaatsen")
        if value:
            plaatsen.append(value)
    referrals = []
    for i, item in enumerate(r.sequence(top.get("verwijzingen"), "verwijzingen")):
        field = f"verwijzingen[{i + 1}]"
        m = r.mapping(item, field, {"categorie": True, "naar": True, "reden": True})
        if m is None:
            continue
        cid = r.string(m.get("categorie"), f"{field}.categorie")
        if cid and categories and cid not in categories:
            close = difflib.get_close_matches(cid, list(categories), n=1)
            r.error(
                m.get("categorie"),
                f"{field}.categorie",
                f"Onbekende categorie '{cid}'.",
                (f"Bedoel je '{close[0]}'? " if close else "") + f"De categorieën staan in gemeenten/{CATALOGUE_FILE}.",
                rule="onbekende-categorie",
            )
            continue
        naar = r.string(
            m.get("naar"), f"{field}.naar", lambda v: v in ("landelijk", "regio"), "verwijzing", "Schrijf 'landelijk' of 'regio'."
        )
        reden = r.text(m.get("reden"), f"{field}.reden")
        if cid and naar and reden:
            referrals.append(Referral(cid, naar, reden, item.start_mark.line + 1))
    return Municipality(
        id=gid,
        naam=r.string(g.get("naam"), "gemeente.naam"),
        website=r.string(g.get("website"), "gemeente.website", valid_https_url, "webadres", URL_TIP),
        regio=r.string(
            g.get("regio"),
            "gemeente.regio",
            lambda v: bool(ID_RE.match(v)),
            "regiocode",
            "Gebruik de code uit de bestandsnaam _regio-<code>.yml.",
        ),
        plaatsen=tuple(plaatsen),
        postcodes=_postcodes(r, g.get("postcodes")),
        aanbod=_offerings(r, top.get("aanbod"), "lokaal", categories),
        verwijzingen=tuple(referrals),
        file=display,
        bron=r.string(g.get("bron"), "gemeente.bron", valid_https_url, "webadres", URL_TIP),
        gecontroleerd=r.date(g.get("gecontroleerd"), "gemeente.gecontroleerd"),
        eigenaar=_owner(r, g.get("eigenaar")),
    )


def load_dataset(folder: Path, root: Path | None = None) -> tuple[Dataset, list[Finding]]:
    """Load everything under gemeenten/. Returns the dataset and all findings (never raises on bad data)."""
    folder = Path(folder)
    root = Path(root) if root else folder.parent

    def display(p: Path) -> str:
        try:
            return p.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return p.as_posix()

    findings: list[Finding] = []
    data = Dataset()
    cat_path = folder / CATALOGUE_FILE
    if not cat_path.exists():
        findings.append(
            Finding(
                display(cat_path),
                0,
                "bestand-ontbreekt",
                "De catalogus met categorieën ontbreekt.",
                f"Zet de categorieën in gemeenten/{CATALOGUE_FILE}.",
            )
        )
    else:
        data.categories = load_categories(cat_path, findings, display(cat_path))
    national = folder / NATIONAL_FILE
    if national.exists():
        node = _compose(national, findings, display(national))
        r = _Reader(display(national), findings)
        top = r.mapping(node, "bestand", {"aanbod": True}) if node is not None else None
        if top:
            data.national = _offerings(r, top.get("aanbod"), "landelijk", data.categories)
    for path in sorted(folder.glob(f"{REGION_PREFIX}*.yml")):
        rid = path.stem[len(REGION_PREFIX) :]
        node = _compose(path, findings, display(path))
        r = _Reader(display(path), findings)
        top = r.mapping(node, "bestand", {"regio": True, "aanbod": True}) if node is not None else None
        if top:
            meta = r.mapping(top.get("regio"), "regio", {"naam": True})
            naam = r.string(meta.get("naam"), "regio.naam") if meta else ""
            data.regions[rid] = Region(rid, naam, _offerings(r, top.get("aanbod"), "regio", data.categories), display(path))
    for path in sorted(folder.iterdir()):
        if path.name.startswith(("_", ".")) or path.is_dir():
            continue
        if path.suffix == ".yaml":
            findings.append(
                Finding(
                    display(path),
                    1,
                    "bestandsnaam",
                    f"'{path.name}' eindigt op .yaml.",
                    "Noem het bestand ...yml, zoals de andere gemeenten.",
                )
            )
            continue
        if path.suffix != ".yml":
            continue
        g = load_municipality(path, findings, display(path), data.categories)
        if g is not None:
            data.municipalities[g.id] = g
    for g in data.municipalities.values():
        if g.regio and g.regio not in data.regions:
            findings.append(
                Finding(
                    g.file,
                    1,
                    "onbekende-regio",
                    f"De regio '{g.regio}' bestaat niet.",
                    f"Maak gemeenten/{REGION_PREFIX}{g.regio}.yml of haal 'regio' weg.",
                    field="gemeente.regio",
                )
            )
    if not data.municipalities and not findings:
        findings.append(
            Finding(
                display(folder),
                0,
                "geen-gemeenten",
                "Er is geen enkele gemeente.",
                "Voeg een bestand toe, bijvoorbeeld gemeenten/breda.yml.",
            )
        )
    return data, findings


def require_dataset(folder: Path, root: Path | None = None) -> Dataset:
    data, findings = load_dataset(folder, root)
    blocking = [f for f in findings if f.blocking]
    if blocking:
        raise DataError(blocking)
    return data


# ---------------------------------------------------------------------------- issue 14: owner, fit, duplicates

OWNER_FIELDS = {"rol": True, "contact": True}
# A local part like "j.jansen" or "jan.jansen" is a person's address; owners use a functional one.
PERSONAL_EMAIL_RE = re.compile(r"^[a-z]{1,3}\.[a-z-]{2,}@|^[a-z]+\.[a-z]+(?:\.[a-z]+)?@", re.IGNORECASE)
FUNCTIONAL_LOCAL_PARTS = ("info", "gemeente", "redactie", "postbus", "contact", "sociaal", "loket", "jeugd", "wmo", "team")


def _owner(r: _Reader, node: yaml.Node | None) -> Owner | None:
    """`eigenaar: {rol: ..., contact: ...}`: a role and a general e-mail address or web page."""
    if node is None:
        return None
    m = r.mapping(node, "gemeente.eigenaar", OWNER_FIELDS)
    if m is None:
        return None
    rol = r.string(m.get("rol"), "gemeente.eigenaar.rol")
    contact = r.string(
        m.get("contact"),
        "gemeente.eigenaar.contact",
        lambda v: valid_email(v) or valid_https_url(v),
        "contact",
        "Schrijf een algemeen e-mailadres (zoals info@gemeente.nl) of een webadres dat begint met https://.",
    )
    if (
        contact
        and valid_email(contact)
        and PERSONAL_EMAIL_RE.match(contact)
        and not contact.lower().startswith(FUNCTIONAL_LOCAL_PARTS)
    ):
        r.error(
            m.get("contact"),
            "gemeente.eigenaar.contact",
            f"'{contact}' lijkt het e-mailadres van een persoon.",
            "Zet hier een algemeen adres van de gemeente of het team, geen persoonlijk adres. "
            "Zo blijft het kloppen als iemand ander werk krijgt.",
            rule="eigenaar",
        )
        return None
    if not (rol and contact):
        return None
    return Owner(rol, contact, node.start_mark.line + 1)


def owner_findings(data: Dataset) -> list[Finding]:
    """Every municipality names who keeps its data true (advice: the site still builds without)."""
    return [
        Finding(
            g.file,
            1,
            "eigenaar",
            f"Bij {g.naam} staat niet wie de gegevens bijhoudt.",
            "Zet onder 'gemeente:' een blok 'eigenaar:' met 'rol:' (bijvoorbeeld: Team Sociaal Domein) "
            "en 'contact:' (een algemeen e-mailadres of webadres).",
            severity=ADVISORY,
            field="gemeente.eigenaar",
        )
        for g in data.municipalities.values()
        if g.eigenaar is None
    ]


# Words in a name or organisation that mean crisis help or a shelter. Whole words only, so that
# 'kinderopvang' (childcare) is not mistaken for 'opvang' (a shelter).
DIRECT_HELP_WORDS = re.compile(
    r"\b(?:opvang|vrouwenopvang|noodopvang|crisisopvang|maatschappelijke opvang|blijf-van-mijn-lijfhuis|"
    r"crisis\w*|shelter|zelfmoord\w*|suïcide\w*|suicide\w*|spoedeisend\w*)\b",
    re.IGNORECASE,
)


def fit_findings(data: Dataset) -> list[Finding]:
    """Crisis help and shelters must say `direct_hulp: true`, so they never pose as a topic's own help."""
    findings = []
    for o in all_offerings(data):
        match = DIRECT_HELP_WORDS.search(f"{o.naam} {o.organisatie}")
        if match and not o.direct_hulp:
            cats = ", ".join(o.categorieen)
            findings.append(
                Finding(
                    o.file,
                    o.line,
                    "hulp-past-niet",
                    f"'{o.naam}' klinkt als crisishulp of opvang ('{match.group(0)}'), maar staat als gewone hulp bij: {cats}.",
                    "Is het crisishulp of opvang? Zet dan 'direct_hulp: true' en alleen de categorie 'veiligheid'. "
                    "Op andere pagina's staat het dan vanzelf bij 'Direct hulp nodig?'. Is het geen crisishulp, "
                    "maak de naam dan duidelijker.",
                    field="direct_hulp",
                )
            )
    return findings


def all_offerings(data: Dataset) -> list[Offering]:
    return (
        list(data.national)
        + [o for r in data.regions.values() for o in r.aanbod]
        + [o for g in data.municipalities.values() for o in g.aanbod]
    )


def _digits(phone: str) -> str:
    return re.sub(r"\D", "", phone)


def _duplicate_severity(a: Offering, b: Offering) -> str:
    """Blocking when both would show on the same page (one of them is national or regional help);
    advice when two municipality files each hold it (for example a file just copied from another)."""
    return ADVISORY if a.scope == b.scope == "lokaal" else "fout"


def duplicate_findings(data: Dataset) -> list[Finding]:
    """The same service stored twice (same name and organisation, or same phone number) in different files.

    14-numbers (14 0162) are the municipalities' own short numbers; municipalities that share an area
    code share the number by design, so they are not duplicates."""
    findings = []
    by_name: dict[tuple[str, str], Offering] = {}
    by_phone: dict[str, Offering] = {}
    for o in all_offerings(data):
        key = (o.naam.strip().lower(), o.organisatie.strip().lower())
        first = by_name.setdefault(key, o)
        if first is not o and first.file != o.file:
            findings.append(
                Finding(
                    o.file,
                    o.line,
                    "dubbel-aanbod",
                    f"'{o.naam}' van {o.organisatie} staat ook in {first.file} (regel {first.line}).",
                    "Zet hetzelfde aanbod maar één keer in de gegevens. Werkt het voor meer gemeenten? "
                    "Zet het dan in het bestand van de regio.",
                    severity=_duplicate_severity(first, o),
                    field="naam",
                )
            )
            continue
        digits = _digits(o.telefoon)
        if not digits or digits.startswith("14"):
            continue
        first = by_phone.setdefault(digits, o)
        if first is not o and first.file != o.file:
            findings.append(
                Finding(
                    o.file,
                    o.line,
                    "dubbel-aanbod",
                    f"Het telefoonnummer {o.telefoon} van '{o.naam}' staat ook bij '{first.naam}' in {first.file} "
                    f"(regel {first.line}).",
                    "Is het dezelfde hulp? Zet hem dan maar één keer in de gegevens. Is het echt andere hulp met "
                    "hetzelfde nummer? Laat het nummer dan bij één van de twee weg en noem het in de tekst.",
                    severity=_duplicate_severity(first, o),
                    field="telefoon",
                )
            )
    return findings


def offer_findings(data: Dataset) -> list[Finding]:
    """All issue-14 checks on a loaded dataset: owner, fit of help to categories, duplicates."""
    return owner_findings(data) + fit_findings(data) + duplicate_findings(data) + only_for_findings(data)


def _only_for(r: _Reader, node: yaml.Node | None, field: str, scope: str) -> tuple[str, ...]:
    """`alleen_voor: [oosterhout, drimmelen]`: regional help that serves only some municipalities."""
    if node is None:
        return ()
    if scope != "regio":
        r.error(
            node,
            field,
            "'alleen_voor' kan alleen in het bestand van een regio.",
            "Haal 'alleen_voor' weg. Hulp in het bestand van een gemeente geldt alleen voor die gemeente.",
        )
        return ()
    ids = []
    for item in r.sequence(node, field):
        value = r.string(
            item,
            field,
            lambda v: bool(ID_RE.match(v)),
            "gemeentecode",
            "Schrijf de naam van het bestand zonder .yml, bijvoorbeeld oosterhout.",
        )
        if value:
            ids.append(value)
    return tuple(ids)


def only_for_findings(data: Dataset) -> list[Finding]:
    """Every municipality named in `alleen_voor` exists and belongs to that region."""
    findings = []
    for rid, region in data.regions.items():
        members = {gid for gid, g in data.municipalities.items() if g.regio == rid}
        for o in region.aanbod:
            for gid in o.alleen_voor:
                if gid not in members:
                    close = difflib.get_close_matches(gid, sorted(members), n=1)
                    findings.append(
                        Finding(
                            o.file,
                            o.line,
                            "onbekende-gemeente",
                            f"Bij '{o.naam}' staat de gemeente '{gid}' bij 'alleen_voor', maar die hoort niet bij deze regio.",
                            (f"Bedoel je '{close[0]}'? " if close else "")
                            + "Gebruik de naam van het bestand van de gemeente, zonder .yml.",
                            field="alleen_voor",
                        )
                    )
    return findings


DATA_ENV = "RS_GEMEENTEN"  # another gemeenten/ folder (benchmarks, tests); default: <root>/gemeenten


_cache: dict[str, tuple[tuple, tuple[Dataset, list]]] = {}


def _fingerprint(folder: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.glob("*.y*ml")))


def data_folder(root: Path) -> Path:
    return Path(os.environ.get(DATA_ENV) or Path(root) / "gemeenten")


def load_cached(root: Path) -> tuple[Dataset, list]:
    """Load gemeenten/ once per change (hooks, checks and i18n's per-language builds share it)."""
    folder = data_folder(root)
    key = str(folder)
    fp = _fingerprint(folder)
    cached = _cache.get(key)
    if cached and cached[0] == fp:
        return cached[1]
    result = load_dataset(folder, root)
    _cache[key] = (fp, result)
    return result
