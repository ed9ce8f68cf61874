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
        # Issue 14: an offering past its yearly check plus grace period (Offering.stale(today)).
        "stale": "Misschien niet meer actueel",
        "stale_tip": "We hebben dit voor het laatst gecontroleerd op {datum}. Dat is meer dan een jaar geleden. "
                     "Kijk op de website of bel eerst even.",
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
        # Issue 14: an offering past its yearly check plus grace period (Offering.stale(today)).
        "stale": "Possibly out of date",
        "stale_tip": "We last checked this on {datum}. That is more than a year ago. "
                     "Look at the website or call first.",
    },
}


# Test versions (tools/preview/), co-creation notes and the glossary page: the same one table.
_MORE = {
    'nl': {
        'preview_subject': 'Feedback op testversie {versie}: {titel}',
        'preview_body': 'Pagina: {titel}\nBestand: docs/{pagina}\nAdres: {adres}\nVersie: {versie} ({datum})\n\nMijn feedback:\n\n',
        'preview_general': 'de hele site',
        'preview_changes_title': 'Wat is er veranderd',
        'preview_changes_description': "De pagina's die in deze testversie anders zijn dan op de echte site.",
        'preview_intro': "Deze testversie is {versie}, gemaakt op {datum}. We vergelijken hem met `{basis}`. Hieronder staan de pagina's die anders zijn. Kijk vooral daar.",
        'preview_no_base': 'We konden deze testversie niet vergelijken met de echte site.',
        'preview_pages': "Pagina's",
        'preview_municipalities': 'Hulp per gemeente',
        'preview_concepts': 'Concepten',
        'preview_concepts_intro': "Deze pagina's staan alleen in de testversie. Op de echte site staan ze (nog) niet.",
        'preview_other': 'Andere bestanden',
        'preview_other_intro': 'Techniek, opmaak en gegevens die je niet als pagina ziet.',
        'preview_nothing': "Er zijn geen pagina's veranderd.",
        'preview_nl': 'Nederlands',
        'preview_en': 'Engels',
        'preview_nieuw': 'nieuw',
        'preview_gewijzigd': 'gewijzigd',
        'preview_verwijderd': 'verwijderd',
        'preview_data': 'gegevens {status}',
        'preview_all_municipalities': 'Alle gemeenten',
        'preview_glossary': 'Woordenlijst',
        'cocreation_first': 'Gelezen door {groep} in {maand}',
        'cocreation_next': 'door {groep} in {maand}',
        'cocreation_and': ' en ',
        'cocreation_sep': ', ',
        'glossary_title': 'Woordenlijst',
        'glossary_description': 'Moeilijke woorden over scheiden, uitgelegd in gewone taal.',
        'glossary_intro': 'Hier staan woorden die je vaak tegenkomt als ouders uit elkaar gaan. Per woord lees je wat het betekent.',
    },
    'en': {
        'preview_subject': 'Feedback on test version {versie}: {titel}',
        'preview_body': 'Page: {titel}\nFile: docs/{pagina}\nAddress: {adres}\nVersion: {versie} ({datum})\n\nMy feedback:\n\n',
        'preview_general': 'the whole site',
        'preview_changes_title': 'What has changed',
        'preview_changes_description': 'The pages that differ in this test version from the real site.',
        'preview_intro': 'This test version is {versie}, made on {datum}. We compare it with `{basis}`. Below are the pages that differ. Look there first.',
        'preview_no_base': 'We could not compare this test version with the real site.',
        'preview_pages': 'Pages',
        'preview_municipalities': 'Help per municipality',
        'preview_concepts': 'Drafts',
        'preview_concepts_intro': 'These pages are only in the test version. They are not (yet) on the real site.',
        'preview_other': 'Other files',
        'preview_other_intro': 'Code, layout and data that you do not see as a page.',
        'preview_nothing': 'No pages have changed.',
        'preview_nl': 'Dutch',
        'preview_en': 'English',
        'preview_nieuw': 'new',
        'preview_gewijzigd': 'changed',
        'preview_verwijderd': 'deleted',
        'preview_data': 'data {status}',
        'preview_all_municipalities': 'All municipalities',
        'preview_glossary': 'Glossary',
        'cocreation_first': 'Read by {groep} in {maand}',
        'cocreation_next': 'by {groep} in {maand}',
        'cocreation_and': ' and ',
        'cocreation_sep': ', ',
        'glossary_title': 'Glossary',
        'glossary_description': 'Difficult words about separation, explained in plain language.',
        'glossary_intro': 'These are words you often come across when parents separate. For each word you read what it means. The Dutch word is given too, because you will meet it in letters and forms.',
    },
}
for _lang, _texts in _MORE.items():
    LABELS[_lang].update(_texts)

def label(lang: str, key: str, **values: str) -> str:
    text = LABELS.get(lang, LABELS["nl"])[key]
    return text.format(**values) if values else text


def format_date(day: dt.date, lang: str) -> str:
    month = MONTHS.get(lang, MONTHS["nl"])[day.month - 1]
    return f"{day.day} {month} {day.year}" if lang == "nl" else f"{day.day} {month} {day.year}"
