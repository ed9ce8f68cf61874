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
    },
}


def label(lang: str, key: str, **values: str) -> str:
    text = LABELS.get(lang, LABELS["nl"])[key]
    return text.format(**values) if values else text


def format_date(day: dt.date, lang: str) -> str:
    month = MONTHS.get(lang, MONTHS["nl"])[day.month - 1]
    return f"{day.day} {month} {day.year}" if lang == "nl" else f"{day.day} {month} {day.year}"


# ---------------------------------------------------------------------------- issue 16
# Dashboard (mon_), open data (od_), referral cards (card_), feedback widget and statistics (fb_).
ISSUE_16_LABELS = {
    "nl": {
        "mon_title": "Cijfers van de regio",
        "mon_description": "Hoe staan de vijf gemeenten ervoor met de hulp bij scheiding? Zes cijfers per gemeente en voor de regio.",
        "mon_intro": "Hier zie je hoe de gemeenten ervoor staan met de hulp bij scheiding. "
                     "Per cijfer zie je wat we meten, hoe vaak en waar het cijfer vandaan komt. "
                     "De beleidsmedewerkers van de gemeenten vullen de cijfers in.",
        "mon_examples_short": "Voorbeeldcijfers",
        "mon_examples_note": "Dit is een testversie. Deze cijfers zijn verzonnen door de computer, om te laten zien hoe "
                             "het eruitziet. Het zijn geen echte metingen. Op de echte site staan alleen echte cijfers.",
        "mon_no_figures": "Er zijn nog geen cijfers. De gemeenten vullen ze in zodra ze er zijn. "
                          "Hieronder zie je al wat we gaan meten.",
        "mon_none_kpi": "Nog geen cijfers voor dit onderdeel.",
        "mon_none_short": "nog geen cijfers",
        "mon_none_for": "Nog geen cijfers voor {wie} over {periode}.",
        "mon_desc_none": "{naam}: nog geen cijfers voor {periode}.",
        "mon_and": "en",
        "mon_in": "in",
        "mon_region": "Hele regio ({n} gemeenten)",
        "mon_summed": "opgeteld",
        "mon_previous": "vorige periode",
        "mon_target": "Doel",
        "mon_target_is": "Het doel is {doel}",
        "mon_target_met": "doel gehaald",
        "mon_target_met_sentence": "Het doel is gehaald.",
        "mon_target_gap": "nog {n} te gaan",
        "mon_target_gap_pp": "nog {n} procentpunt",
        "mon_chart_title": "{naam}: {periode} en de periode ervoor",
        "mon_table_caption": "KPI {nummer}, {naam}: de cijfers",
        "mon_col_place": "Gemeente",
        "mon_col_period": "Periode",
        "mon_col_trend": "Verschil met {periode}",
        "mon_col_target": "Doel ({doel})",
        "mon_no_previous": "geen vorig cijfer",
        "mon_same": "gelijk",
        "mon_more_pp": "{n} procentpunt meer",
        "mon_less_pp": "{n} procentpunt minder",
        "mon_more": "{n} meer",
        "mon_less": "{n} minder",
        "mon_higher": "{n} hoger",
        "mon_lower": "{n} lager",
        "mon_half_1": "1e helft {jaar}",
        "mon_half_2": "2e helft {jaar}",
        "mon_quarter": "{q}e kwartaal {jaar}",
        "mon_sum_region": "{naam}: {waarde} in {periode}.",
        "mon_sum_trend": "Dat is {verschil} dan in {periode}.",
        "mon_what": "Wat meten we",
        "mon_how_often": "Hoe vaak",
        "mon_source": "Bron",
        "mon_freq_jaarlijks": "Eén keer per jaar",
        "mon_freq_halfjaarlijks": "Twee keer per jaar",
        "mon_freq_kwartaal": "Elk kwartaal",
        "mon_sources": "Bron en controle van deze cijfers",
        "mon_source_item": "{naam}, {periode}: {bron}. Gecontroleerd door {door} op {datum}.",
        "mon_downloads": "Alle cijfers downloaden",
        "mon_csv": "Alle cijfers als CSV (voor Excel)",
        "mon_json": "Alle cijfers als JSON",
        "mon_factsheet_link": "Factsheet om te printen (1 pagina)",
        "mon_results": "Resultaten uit het plan",
        "mon_results_missing": "De resultaten {wie} uit het plan staan hier nog niet.",
        "mon_factsheet_title": "Factsheet {jaar}",
        "mon_factsheet_description": "Eén pagina om te printen met de cijfers van de regio over het laatste jaar.",
        "mon_factsheet_more": "Meer uitleg en alle cijfers:",
        "fb_question": "Heeft deze pagina je geholpen?",
        "fb_yes": "Ja",
        "fb_no": "Nee",
        "fb_thanks": "Dank je wel. We hebben je antwoord ontvangen.",
        "fb_failed": "Het versturen is niet gelukt. Dat is niet erg: je kunt gewoon verder lezen.",
        "fb_what_we_send": "We sturen alleen je antwoord en het adres van deze pagina. Geen cookies.",
        "fb_privacy_link": "Meer over privacy",
        "fb_priv_short_off": "- We **volgen niet** wat je doet. We tellen geen bezoekers en we maken geen profielen.",
        "fb_priv_short_on": "- We **volgen niet** wat je doet. We maken geen profielen. We tellen alleen hoe vaak een pagina "
                            "wordt bekeken. Dat doen we zonder cookies. Hieronder lees je hoe.",
        "fb_priv_fb_title": "Wat gebeurt er als je zegt of een pagina je hielp?",
        "fb_priv_fb_text": "Onder elke pagina staat de vraag: Heeft deze pagina je geholpen? "
                           "Druk je op Ja of Nee? Dan stuurt je browser drie dingen naar {host}:\n\n"
                           "- je antwoord: ja of nee;\n- het adres van de pagina, bijvoorbeeld /geld/;\n"
                           "- de taal van de pagina.\n\n"
                           "Meer niet. Geen cookies, en ook niet van welke site je kwam. "
                           "Druk je niet op een knop? Dan stuurt de site niets. "
                           "De server van {host} ziet wel je IP-adres, zoals elke server. Hij bewaart dat niet bij je antwoord.",
        "fb_priv_st_title": "Tellen we bezoekers?",
        "fb_priv_st_text": "Ja. We tellen hoe vaak elke pagina wordt bekeken. Zo zien we welke pagina's mensen helpen. "
                           "Dat doen we met {naam}. Bij elke pagina stuurt je browser twee dingen naar {host}:\n\n"
                           "- het adres van de pagina, bijvoorbeeld /geld/;\n- de taal van de pagina.\n\n"
                           "Meer niet. We gebruiken geen cookies en we maken geen profielen. We zien niet wie je bent. "
                           "De server van {host} ziet wel je IP-adres, zoals elke server. Hij bewaart dat niet. "
                           "Staat in je browser Do Not Track of Global Privacy Control aan? Dan stuurt je browser niets.",
        "card_title": "Verwijskaart {naam}",
        "card_description": "Eén pagina om te printen: de hulp bij relatieproblemen en scheiding in {naam}, met telefoonnummers en webadressen.",
        "card_intro": "Hulp bij relatieproblemen en scheiding in {naam}. Voor ouders, kinderen en professionals.",
        "card_qr_name": "QR-code naar {adres}",
        "card_qr_caption": "Scan voor alle hulp:",
        "card_urgent": "Direct hulp nodig?",
        "card_112": "Direct gevaar: bel 112.",
        "card_phone": "Bel",
        "card_route": "Hulp in {naam}",
        "card_national": "Landelijk: voor iedereen",
        "card_unverified": "nog niet gecontroleerd",
        "card_footer": "Gemaakt op {datum}. De nieuwste gegevens staan op {adres}",
        "card_print": "Print deze pagina met de printknop van je browser. Hij past op één A5- of A4-pagina.",
        "card_overview_title": "Verwijskaarten per gemeente",
        "card_overview_description": "Per gemeente één pagina om te printen met de hulp bij scheiding: voor folders, school en huisarts.",
        "card_overview_intro": "Per gemeente is er een verwijskaart. Daarop staat de hulp in die gemeente, met telefoonnummers, "
                               "webadressen en een QR-code. Print hem voor een folder, de school of de huisarts.",
        "od_title": "Open data: de sociale kaart",
        "od_description": "Alle hulp op deze site als open data: CSV, JSON en een JSON-schema, met uitleg per veld.",
        "od_intro": "Alle hulp op deze site staat ook in een bestand dat je kunt downloaden. Dat zijn nu {n} onderdelen: "
                    "per gemeente, voor de regio en landelijk. Het bestand wordt bij elke nieuwe versie van de site opnieuw gemaakt. "
                    "Je kunt het gebruiken voor je eigen sociale kaart of website.",
        "od_csv": "Alle hulp als CSV (voor Excel)",
        "od_json": "Alle hulp als JSON",
        "od_schema": "JSON-schema: de beschrijving van het JSON-bestand",
        "od_kpi": "De cijfers van de regio (KPI's) downloaden",
        "od_fields": "Wat staat er in elk veld?",
        "od_fields_intro": "Elke regel in de CSV en elk onderdeel in de JSON heeft deze velden. "
                           "In de CSV staan lijsten met '; ' ertussen.",
        "od_col_field": "Veld",
        "od_col_type": "Soort",
        "od_col_meaning": "Betekenis",
        "od_or_empty": "of leeg",
        "od_rules": "Goed om te weten",
        "od_rules_text": "Is geverifieerd false? Dan hebben we de gegevens nog niet bij de organisatie gecontroleerd. "
                         "Kijk dan eerst op hun website. De gemeenten hebben nog geen licentie gekozen voor deze gegevens. "
                         "Vraag het de gemeente als je de gegevens wilt hergebruiken.",
    },
    "en": {
        "mon_title": "Figures for the region",
        "mon_description": "How are the five municipalities doing with help around separation? Six figures per municipality and for the region.",
        "mon_intro": "Here you see how the municipalities are doing with help around separation. "
                     "For each figure you see what we measure, how often, and where the figure comes from. "
                     "Policy staff of the municipalities fill in the figures.",
        "mon_examples_short": "Example figures",
        "mon_examples_note": "This is a test version. These figures were made up by the computer to show what it looks "
                             "like. They are not real measurements. The real site shows only real figures.",
        "mon_no_figures": "There are no figures yet. The municipalities will fill them in as soon as they have them. "
                          "Below you can already see what we will measure.",
        "mon_none_kpi": "No figures for this item yet.",
        "mon_none_short": "no figures yet",
        "mon_none_for": "No figures yet for {wie} for {periode}.",
        "mon_desc_none": "{naam}: no figures yet for {periode}.",
        "mon_and": "and",
        "mon_in": "in",
        "mon_region": "Whole region ({n} municipalities)",
        "mon_summed": "added up",
        "mon_previous": "previous period",
        "mon_target": "Target",
        "mon_target_is": "The target is {doel}",
        "mon_target_met": "target met",
        "mon_target_met_sentence": "The target has been met.",
        "mon_target_gap": "{n} to go",
        "mon_target_gap_pp": "{n} points to go",
        "mon_chart_title": "{naam}: {periode} and the period before",
        "mon_table_caption": "KPI {nummer}, {naam}: the figures",
        "mon_col_place": "Municipality",
        "mon_col_period": "Period",
        "mon_col_trend": "Change since {periode}",
        "mon_col_target": "Target ({doel})",
        "mon_no_previous": "no previous figure",
        "mon_same": "the same",
        "mon_more_pp": "{n} percentage points more",
        "mon_less_pp": "{n} percentage points less",
        "mon_more": "{n} more",
        "mon_less": "{n} fewer",
        "mon_higher": "{n} higher",
        "mon_lower": "{n} lower",
        "mon_half_1": "first half of {jaar}",
        "mon_half_2": "second half of {jaar}",
        "mon_quarter": "Q{q} {jaar}",
        "mon_sum_region": "{naam}: {waarde} in {periode}.",
        "mon_sum_trend": "That is {verschil} than in {periode}.",
        "mon_what": "What we measure",
        "mon_how_often": "How often",
        "mon_source": "Source",
        "mon_freq_jaarlijks": "Once a year",
        "mon_freq_halfjaarlijks": "Twice a year",
        "mon_freq_kwartaal": "Every quarter",
        "mon_sources": "Source and check of these figures",
        "mon_source_item": "{naam}, {periode}: {bron}. Checked by {door} on {datum}.",
        "mon_downloads": "Download all figures",
        "mon_csv": "All figures as CSV (for Excel)",
        "mon_json": "All figures as JSON",
        "mon_factsheet_link": "Factsheet to print (1 page)",
        "mon_results": "Results from the plan",
        "mon_results_missing": "Results {wie} from the plan are not listed here yet.",
        "mon_factsheet_title": "Factsheet {jaar}",
        "mon_factsheet_description": "One page to print with the region's figures for the latest year.",
        "mon_factsheet_more": "More explanation and all figures:",
        "fb_question": "Did this page help you?",
        "fb_yes": "Yes",
        "fb_no": "No",
        "fb_thanks": "Thank you. We have received your answer.",
        "fb_failed": "Sending did not work. That is fine: you can just carry on reading.",
        "fb_what_we_send": "We only send your answer and the address of this page. No cookies.",
        "fb_privacy_link": "More about privacy",
        "fb_priv_short_off": "- We **do not track** what you do. We do not count visitors and we do not build profiles.",
        "fb_priv_short_on": "- We **do not track** what you do. We do not build profiles. We only count how often a page is "
                            "viewed. We do that without cookies. Read below how.",
        "fb_priv_fb_title": "What happens when you say whether a page helped?",
        "fb_priv_fb_text": "Under every page is the question: Did this page help you? "
                           "Do you press Yes or No? Then your browser sends three things to {host}:\n\n"
                           "- your answer: yes or no;\n- the address of the page, for example /en/geld/;\n"
                           "- the language of the page.\n\n"
                           "Nothing else. No cookies, and not which site you came from. "
                           "If you do not press a button, the site sends nothing. "
                           "The server of {host} does see your IP address, like every server. It does not keep it with your answer.",
        "fb_priv_st_title": "Do we count visitors?",
        "fb_priv_st_text": "Yes. We count how often each page is viewed. That shows us which pages help people. "
                           "We do that with {naam}. For every page your browser sends two things to {host}:\n\n"
                           "- the address of the page, for example /en/geld/;\n- the language of the page.\n\n"
                           "Nothing else. We use no cookies and we build no profiles. We do not see who you are. "
                           "The server of {host} does see your IP address, like every server. It does not keep it. "
                           "Is Do Not Track or Global Privacy Control switched on in your browser? Then your browser sends nothing.",
        "card_title": "Referral card {naam}",
        "card_description": "One page to print: help with relationship problems and separation in {naam}, with phone numbers and web addresses.",
        "card_intro": "Help with relationship problems and separation in {naam}. For parents, children and professionals.",
        "card_qr_name": "QR code to {adres}",
        "card_qr_caption": "Scan for all help:",
        "card_urgent": "Need help right now?",
        "card_112": "In immediate danger: call 112.",
        "card_phone": "Call",
        "card_route": "Help in {naam}",
        "card_national": "National: for everyone",
        "card_unverified": "not yet verified",
        "card_footer": "Made on {datum}. The latest details are at {adres}",
        "card_print": "Print this page with your browser's print button. It fits on one A5 or A4 page.",
        "card_overview_title": "Referral cards per municipality",
        "card_overview_description": "One page per municipality to print, with help around separation: for leaflets, schools and GPs.",
        "card_overview_intro": "There is a referral card for every municipality. It lists the help in that municipality, with phone "
                               "numbers, web addresses and a QR code. Print it for a leaflet, the school or the GP.",
        "od_title": "Open data: the social map",
        "od_description": "All help on this site as open data: CSV, JSON and a JSON Schema, with an explanation of every field.",
        "od_intro": "All help on this site is also in a file you can download. That is {n} items now: per municipality, "
                    "for the region and national. The file is made again with every new version of the site. "
                    "You can use it for your own social map or website.",
        "od_csv": "All help as CSV (for Excel)",
        "od_json": "All help as JSON",
        "od_schema": "JSON Schema: the description of the JSON file",
        "od_kpi": "Download the region's figures (KPIs)",
        "od_fields": "What is in each field?",
        "od_fields_intro": "Every row in the CSV and every item in the JSON has these fields. In the CSV, lists are separated by '; '.",
        "od_col_field": "Field",
        "od_col_type": "Type",
        "od_col_meaning": "Meaning",
        "od_or_empty": "or empty",
        "od_rules": "Good to know",
        "od_rules_text": "Is geverifieerd false? Then we have not yet checked the details with the organisation. "
                         "Look at their website first. The municipalities have not chosen a licence for this data yet. "
                         "Ask the municipality if you want to reuse it.",
    },
}
for _lang, _values in ISSUE_16_LABELS.items():
    LABELS[_lang].update(_values)
