"""Interface texts of generated pages and blocks, Dutch first, English second."""
from __future__ import annotations

import datetime as dt

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}

LABELS = {
    "nl": {
        "overview_title": "Hulp in jouw gemeente",
        "overview_description": "Kies je gemeente en zie welke hulp er bij jou in de buurt is bij relatieproblemen en scheiding.",
        "overview_intro": "Kies je gemeente. Dan zie je welke hulp er bij jou in de buurt is. "
                          "Je kunt ook zoeken op je woonplaats of postcode.",
        "overview_list": "Alle gemeenten",
        "national": "Landelijke hulp: voor iedereen",
        "national_intro": "Deze hulp is er in heel Nederland. Je kunt altijd bellen of chatten.",
        "page_title": "Hulp in {naam}",
        "page_description": "Hulp bij relatieproblemen en scheiding in de gemeente {naam}: wie kun je bellen of mailen?",
        "page_intro": "Hier vind je hulp in de gemeente {naam} bij relatieproblemen en scheiding. "
                      "Per onderwerp zie je wie je kunt bellen, mailen of bezoeken.",
        "places": "Plaatsen in deze gemeente",
        "municipality_site": "Website van de gemeente {naam}",
        "other_municipality": "Andere gemeente kiezen",
        "no_local": "Hiervoor is er in {naam} geen apart aanbod.",
        "see_national": "Je kunt terecht bij:",
        "verified": "Gecontroleerd op {datum}",
        "source": "bron",
        "unverified": "Nog niet gecontroleerd",
        "unverified_tip": "Deze gegevens hebben we nog niet gecontroleerd. Kijk op de website of bel eerst even.",
        "phone": "Bellen",
        "email": "E-mail",
        "website": "Website",
        "chat": "Chatten",
        "address": "Adres",
        "for_whom": "Voor wie",
        "cost": "Kosten",
        "hours": "Open",
        "organisation": "Organisatie",
        "regional": "Regionaal",
        "national_badge": "Landelijk",
        "block_title": "Hulp bij jou in de buurt",
        "block_choose": "Kies je gemeente. Dan zie je hier de hulp bij jou in de buurt.",
        "block_overview": "Bekijk de hulp per gemeente",
        "emergency": "Is er direct gevaar? Bel 112.",
        "picker_title": "Kies je gemeente",
        "updated": "Bijgewerkt op {datum}",
        # Issue 13: search. Material's search texts in B1 (overrides/partials/language.html) and the
        # direct-help line shown above the results of a query about danger (overrides/partials/search.html).
        "search.placeholder": "Zoeken",
        "search.reset": "Wissen",
        "search.result.initializer": "Zoeken wordt klaargezet",
        "search.result.placeholder": "Typ wat je zoekt",
        "search.result.none": "Niets gevonden. Probeer een ander woord.",
        "search.result.one": "1 pagina gevonden",
        "search.result.other": "# pagina's gevonden",
        "search.result.more.one": "Nog 1 stuk op deze pagina",
        "search.result.more.other": "Nog # stukken op deze pagina",
        "search.result.term.missing": "Niet gevonden",
        "search_help": "Direct hulp:",
        "search_help_112": "112",
        "search_help_vt": "Veilig Thuis 0800-2000",
        "search_help_113": "113",
    },
    "en": {
        "overview_title": "Help in your municipality",
        "overview_description": "Choose your municipality and see what help is available near you with relationship problems and separation.",
        "overview_intro": "Choose your municipality to see the help near you. "
                          "You can also search by town or postcode.",
        "overview_list": "All municipalities",
        "national": "National help: for everyone",
        "national_intro": "This help is available throughout the Netherlands. You can always call or chat.",
        "page_title": "Help in {naam}",
        "page_description": "Help with relationship problems and separation in the municipality of {naam}: who can you call or e-mail?",
        "page_intro": "Here you find help in the municipality of {naam} with relationship problems and separation. "
                      "For each topic you see who you can call, e-mail or visit.",
        "places": "Towns and villages in this municipality",
        "municipality_site": "Website of the municipality of {naam}",
        "other_municipality": "Choose another municipality",
        "no_local": "{naam} has no separate local service for this.",
        "see_national": "You can go to:",
        "verified": "Checked on {datum}",
        "source": "source",
        "unverified": "Not yet verified",
        "unverified_tip": "We have not checked these details yet. Look at the website or call first.",
        "phone": "Call",
        "email": "E-mail",
        "website": "Website",
        "chat": "Chat",
        "address": "Address",
        "for_whom": "For whom",
        "cost": "Cost",
        "hours": "Opening hours",
        "organisation": "Organisation",
        "regional": "Regional",
        "national_badge": "National",
        "block_title": "Help near you",
        "block_choose": "Choose your municipality to see the help near you here.",
        "block_overview": "See the help per municipality",
        "emergency": "In immediate danger? Call 112.",
        "picker_title": "Choose your municipality",
        "updated": "Updated on {datum}",
        # Issue 13: search (see the Dutch block).
        "search.placeholder": "Search",
        "search.reset": "Clear",
        "search.result.initializer": "Getting search ready",
        "search.result.placeholder": "Type what you are looking for",
        "search.result.none": "Nothing found. Try another word.",
        "search.result.one": "1 page found",
        "search.result.other": "# pages found",
        "search.result.more.one": "1 more part of this page",
        "search.result.more.other": "# more parts of this page",
        "search.result.term.missing": "Not found",
        "search_help": "Help now:",
        "search_help_112": "112",
        "search_help_vt": "Veilig Thuis 0800-2000",
        "search_help_113": "113",
    },
}


def label(lang: str, key: str, **values: str) -> str:
    text = LABELS.get(lang, LABELS["nl"])[key]
    return text.format(**values) if values else text


def format_date(day: dt.date, lang: str) -> str:
    month = MONTHS.get(lang, MONTHS["nl"])[day.month - 1]
    return f"{day.day} {month} {day.year}" if lang == "nl" else f"{day.day} {month} {day.year}"
