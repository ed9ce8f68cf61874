"""Generate the municipality pages, the referral-block data and the picker index from the dataset.

Output goes to a git-ignored folder under docs/ (mkdocs-static-i18n crashes on in-memory pages);
files are only rewritten when their content changed, so `mkdocs serve` does not loop.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from tools.core.escape import front_matter, html_attr, json_in_script, md_inline
from tools.core.i18n import suffix
from tools.core.labels import format_date, js_texts, label
from tools.core.text import phone_href
from tools.hulp.model import LANGUAGES, Dataset, Municipality, Offering

GENERATED_DIR = "hulp"  # docs/hulp/: the overview, one page per municipality, and data/
DATA_DIR = "data"
STAMP = "<!-- Gemaakt door tools/hulp/render.py uit gemeenten/. Niet met de hand aanpassen. -->"


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def external_link(url: str, text: str) -> str:
    return f'<a href="{html_attr(url)}" rel="noopener noreferrer">{html_attr(text)}</a>'


# Language names in their own language (NL Design System: no flags), with their language code.
LANGUAGE_NAMES = {
    "nl": "Nederlands",
    "en": "English",
    "ar": "العربية",
    "tr": "Türkçe",
    "pl": "Polski",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "uk": "Українська",
    "ru": "Русский",
    "fa": "فارسی",
    "ti": "ትግርኛ",
    "so": "Soomaali",
    "pap": "Papiamentu",
    "zgh": "ⵜⴰⵎⴰⵣⵉⵖⵜ",
}
DAY_MINUTES = 24 * 60
SENTENCE_RE = re.compile(r"(?<=[.?!])\s+")


def _lead(text: str) -> tuple[str, str]:
    """The one line a card shows (the first sentence, or the first two when the first is a short question)
    and the rest, which goes into the folded details."""
    parts = SENTENCE_RE.split(text.strip(), maxsplit=2)
    take = 2 if len(parts) > 1 and parts[0].endswith("?") and len(parts[0]) < 45 else 1
    return " ".join(parts[:take]), " ".join(parts[take:])


def _button(href: str, text: str, kind: str = "", external: bool = False) -> str:
    rel = ' rel="noopener noreferrer"' if external else ""
    cls = "rs-knop" + (f" rs-knop--{kind}" if kind else "")
    return f'<a class="{cls}" href="{html_attr(href)}"{rel}>{html_attr(text)}</a>'


def contact_buttons(o: Offering, lang: str) -> str:
    """Call, chat and website as tap targets of at least 44 px (rs.css .rs-knop)."""
    out = []
    if o.telefoon:
        out.append(_button(phone_href(o.telefoon), label(lang, "btn_call", nummer=o.telefoon), "bel"))
    if o.chat:
        out.append(_button(o.chat, label(lang, "btn_chat"), "chat", external=True))
    if o.website and o.website != o.chat:
        out.append(_button(o.website, label(lang, "btn_website"), external=True))
    if o.email and not (o.telefoon or o.chat):
        out.append(_button(f"mailto:{o.email}", label(lang, "btn_email")))
    return f'<p class="rs-knoppen">{"".join(out)}</p>' if out else ""


def opening_times_attr(o: Offering) -> str:
    """`tijden` for the browser's "nu open" (docs/assets/js/nu-open.js): 'weekday,start,end;...'."""
    if not o.tijden:
        return ""
    spans = ";".join(f"{d},{a},{b}" for d, a, b in o.tijden)
    return f' data-rs-tijden="{html_attr(spans)}"'


def _languages(o: Offering) -> str:
    return ", ".join(f'<span lang="{html_attr(code)}">{html_attr(LANGUAGE_NAMES.get(code, code))}</span>' for code in o.talen)


def check_line(o: Offering, lang: str) -> str:
    """Calm, honest wording for data that is not yet verified or only comes from a weak source."""
    notes = []
    if o.bron_soort == "zwak":
        notes.append(label(lang, "weak_source"))
    if not o.verified:
        if o.website:
            notes.append(label(lang, "check_site", naam=o.organisatie or o.naam))
        else:
            notes.append(label(lang, "check_contact"))
    return f'<p class="rs-controle">{html_attr(" ".join(notes))}</p>' if notes else ""


def offering_card(o: Offering, lang: str, heading: str = "h3", anchor: str = "", categories: str = "") -> str:
    """One offering as a compact card: name, one line, buttons; the rest folded in <details>.

    Every data value is escaped: data is never markup."""
    badge = ""
    if o.scope == "landelijk":
        badge = f' <span class="rs-badge">{html_attr(label(lang, "national_badge"))}</span>'
    elif o.scope == "regio":
        badge = f' <span class="rs-badge">{html_attr(label(lang, "regional"))}</span>'
    lead, rest = _lead(o.wat.get(lang))
    rows: list[tuple[str, str]] = []
    if categories:
        rows.append((label(lang, "helps_with"), html_attr(categories)))
    if o.organisatie and o.organisatie != o.naam:
        rows.append((label(lang, "organisation"), html_attr(o.organisatie)))
    if o.voor_wie:
        rows.append((label(lang, "for_whom"), html_attr(o.voor_wie.get(lang))))
    if o.leeftijd:
        rows.append((label(lang, "age"), html_attr(label(lang, "age_value", leeftijd=o.leeftijd))))
    if o.kosten:
        rows.append((label(lang, "cost"), html_attr(o.kosten.get(lang))))
    if o.openingstijden:
        rows.append((label(lang, "hours"), html_attr(o.openingstijden.get(lang))))
    if o.anoniem is not None:
        rows.append((label(lang, "anonymous"), html_attr(label(lang, "anonymous_yes" if o.anoniem else "anonymous_no"))))
    if o.toestemming:
        rows.append((label(lang, "consent"), html_attr(o.toestemming.get(lang))))
    if o.wachttijd:
        rows.append((label(lang, "waiting"), html_attr(o.wachttijd.get(lang))))
    if o.talen:
        rows.append((label(lang, "languages"), _languages(o)))
    if o.telefoon:
        rows.append((label(lang, "phone"), f'<a href="{html_attr(phone_href(o.telefoon))}">{html_attr(o.telefoon)}</a>'))
    if o.email:
        rows.append((label(lang, "email"), f'<a href="mailto:{html_attr(o.email)}">{html_attr(o.email)}</a>'))
    if o.website:
        rows.append((label(lang, "website"), external_link(o.website, _host(o.website))))
    if o.adres:
        rows.append((label(lang, "address"), html_attr(o.adres)))
    if o.verified:
        checked = (
            f"{html_attr(label(lang, 'last_checked', datum=format_date(o.gecontroleerd, lang)))} "
            f"({external_link(o.bron, label(lang, 'source'))})"
        )
    else:
        checked = html_attr(label(lang, "unverified")) + "."
    details = "".join(f"<dt>{html_attr(k)}</dt><dd>{v}</dd>" for k, v in rows)
    more = (
        f'<details class="rs-aanbod__meer"><summary>{html_attr(label(lang, "more"))}'
        f'<span class="rs-sr"> {html_attr(label(lang, "more_about", naam=o.naam))}</span></summary>'
        + (f"<p>{html_attr(rest)}</p>" if rest else "")
        + f'<dl class="rs-aanbod__gegevens">{details}</dl><p class="rs-status">{checked}</p></details>'
    )
    open_now = ""
    if o.tijden:
        open_now = (
            f' <span class="rs-nu-open" data-rs-nu-open data-rs-open="{html_attr(label(lang, "open_now"))}"'
            f' data-rs-dicht="{html_attr(label(lang, "closed_now"))}" hidden></span>'
        )
    ident = f' id="{html_attr(anchor)}"' if anchor else ""
    return (
        f'<div class="rs-aanbod{"" if o.verified else " rs-aanbod--open"}"{ident}{opening_times_attr(o)}>'
        f'<{heading} class="rs-aanbod__naam">{html_attr(o.naam)}{badge}{open_now}</{heading}>'
        f'<p class="rs-aanbod__wat">{html_attr(lead)}</p>{contact_buttons(o, lang)}{check_line(o, lang)}{more}</div>'
    )


def direct_item(o: Offering, lang: str) -> str:
    """One "Direct hulp nodig?" entry: the name and one call (or chat) button, nothing more."""
    if o.telefoon:
        button = _button(phone_href(o.telefoon), label(lang, "btn_call", nummer=o.telefoon), "bel")
    elif o.chat:
        button = _button(o.chat, label(lang, "btn_chat"), "chat", external=True)
    else:
        return ""
    return f'<span class="rs-direct__item"><span class="rs-direct__naam">{html_attr(o.naam)}</span> {button}</span>'


def direct_line(items: list[str], lang: str) -> str:
    items = [i for i in dict.fromkeys(items) if i]
    if not items:
        return ""
    return (
        f'<div class="rs-direct"><p class="rs-direct__titel">{html_attr(label(lang, "direct_title"))}</p>{"".join(items)}</div>'
    )


def compact_item(o: Offering, lang: str, with_lead: bool = False, anchor: str = "") -> str:
    """A service in a list of helplines: name, (one line,) buttons. No details: the full card is elsewhere."""
    ident = f' id="{html_attr(anchor)}"' if anchor else ""
    lead = f'<span class="rs-kort__wat">{html_attr(_lead(o.wat.get(lang))[0])}</span>' if with_lead else ""
    return (
        f'<div class="rs-kort__item"{ident}><span class="rs-kort__naam">{html_attr(o.naam)}</span>{lead}'
        f"{contact_buttons(o, lang)}</div>"
    )


def _all_offerings(data: Dataset, g: Municipality) -> list[Offering]:
    return data.local_offerings(g) + list(data.national)


def _relevant(offerings: list[Offering], cid: str) -> tuple[list[Offering], list[Offering]]:
    """(primary, also-relevant) offerings for a category; crisis help is never a topic's own help."""
    crisis_ok = cid == "veiligheid"
    primary = [o for o in offerings if cid in o.categorieen and (crisis_ok or not o.direct_hulp)]
    also = [o for o in offerings if cid in o.ook_bij and cid not in o.categorieen and (crisis_ok or not o.direct_hulp)]
    return primary, also


def direct_items_for(data: Dataset, g: Municipality, cid: str, lang: str) -> list[str]:
    """Crisis lines that belong with a category (by `categorieen` or `ook_bij`), and 112, deduplicated by
    phone number (the regional Veilig Thuis and the national one share 0800 2000)."""
    if cid == "veiligheid":
        return []
    everything = _all_offerings(data, g)
    chosen = [o for o in everything if o.direct_hulp and (cid in o.categorieen or cid in o.ook_bij)]
    chosen += [o for o in everything if o.direct_hulp and o.telefoon.replace(" ", "") == "112"]
    seen, out = set(), []
    for o in chosen:
        key = o.telefoon.replace(" ", "") or o.chat
        if key in seen:
            continue
        seen.add(key)
        out.append(direct_item(o, lang))
    return [i for i in out if i]


_html_cache: dict = {}


def _memo(data: Dataset, key: tuple, make):
    if _html_cache.get("data") is not data:
        _html_cache.clear()
        _html_cache["data"] = data
    if key not in _html_cache:
        _html_cache[key] = make()
    return _html_cache[key]


def category_html(data: Dataset, g: Municipality, cid: str, lang: str, heading: str = "h4") -> str:
    """The help for one category in one municipality (for the help blocks on topic pages): what belongs
    here, the local offer first, then what is also useful, else where to go instead.

    Memoised per dataset: the same HTML goes into every municipality's block data."""
    return _memo(data, ("cat", g.id, cid, lang, heading), lambda: _category_html(data, g, cid, lang, heading))


def _category_html(data: Dataset, g: Municipality, cid: str, lang: str, heading: str) -> str:
    cat = data.categories[cid]
    level = int(heading[1])
    parts = [
        f'<h{level - 1} class="rs-hulp__cat">{html_attr(cat.naam.get(lang))}</h{level - 1}>',
        f'<p class="rs-uitleg">{html_attr(cat.uitleg.get(lang))}</p>',
    ]
    primary, also = _relevant(data.local_offerings(g), cid)
    parts.extend(offering_card(o, lang, heading) for o in primary)
    if not primary:
        ref = data.referral_for(g, cid)
        reason = ref.reden.get(lang) if ref else label(lang, "no_local", naam=g.naam)
        parts.append(f'<p class="rs-verwijzing">{html_attr(reason)}</p>')
        nat_primary, nat_also = _relevant(list(data.national), cid)
        parts.extend(offering_card(o, lang, heading) for o in nat_primary)
        also = also + nat_also
        if not nat_primary and not also and cid != "eerste-aanspreekpunt":
            first, _ = _relevant(data.local_offerings(g), "eerste-aanspreekpunt")
            if first:
                # Marked, so a block that shows the first point of contact itself can leave it out.
                parts.append(
                    f'<div class="rs-terugval"><p class="rs-verwijzing">{html_attr(label(lang, "ask_first", naam=g.naam))}</p>'
                    + offering_card(first[0], lang, heading)
                    + "</div>"
                )
    if also:
        parts.append(f'<p class="rs-ook">{html_attr(label(lang, "also_useful"))}</p>')
        parts.extend(offering_card(o, lang, heading) for o in also)
    return "\n".join(parts)


def summary_html(data: Dataset, g: Municipality, cid: str, lang: str) -> str:
    """The short local summary near the top of a topic page: the first local offering of the category
    that can be called or chatted (else one with a website), with its buttons."""

    def make() -> str:
        primary, _ = _relevant(data.local_offerings(g), cid)
        for o in sorted(primary, key=lambda o: not (o.telefoon or o.chat)):
            if o.telefoon or o.chat or o.website:
                return compact_item(o, lang)
        return ""

    return _memo(data, ("kort", g.id, cid, lang), make)


def first_stop_summary(data: Dataset, g: Municipality, lang: str) -> str:
    """When none of a page's categories has local help: the municipality's first point of contact."""
    return summary_html(data, g, "eerste-aanspreekpunt", lang)


PLACEHOLDER_RE = re.compile(r"<!-- rs-invullen:([a-z0-9-]+):([a-z0-9-]+):([a-z]{2}) -->")
SECTIONS = ("keuze", "website", "lokaal", "veilig", "jongeren", "professionals", "landelijk")


def placeholder(gid: str, cid: str, lang: str) -> str:
    """Where generated HTML goes on a municipality page. Filled in the final HTML (fill_placeholders)
    so that Markdown and the search indexer never parse the cards: at national scale that is most
    of the build time, and the search index stays small enough for a cheap phone."""
    return f"<!-- rs-invullen:{gid}:{cid}:{lang} -->"


def _card_anchor(o: Offering) -> str:
    return f"aanbod-{o.slug}"


def _category_names(data: Dataset, o: Offering, lang: str) -> str:
    ids = [c for c in (*o.categorieen, *o.ook_bij) if c in data.categories]
    return ", ".join(data.categories[c].naam.get(lang) for c in dict.fromkeys(ids))


def _local_section(data: Dataset, g: Municipality, lang: str) -> str:
    """Each local or regional service once, with all its categories (crisis help has its own section)."""
    items = [o for o in data.local_offerings(g) if not o.direct_hulp]
    return "\n".join(offering_card(o, lang, "h3", _card_anchor(o), _category_names(data, o, lang)) for o in items)


def _safety_section(data: Dataset, g: Municipality, lang: str) -> str:
    seen, out = set(), []
    for o in _all_offerings(data, g):
        if not o.direct_hulp:
            continue
        key = o.telefoon.replace(" ", "") or o.chat or o.naam
        if key in seen:
            continue
        seen.add(key)
        out.append(compact_item(o, lang, with_lead=True, anchor=_card_anchor(o)))
    return "\n".join(out)


def _link_to(o: Offering) -> str:
    return f'<a href="#{html_attr(_card_anchor(o))}">{html_attr(o.naam)}</a>'


def topic_entry(data: Dataset, g: Municipality, cid: str, lang: str) -> str:
    """One category on a municipality page, in one short paragraph: where to go (links to the services
    on this page), with the editor's reason when the municipality has no local offer of its own."""
    local = data.local_offerings(g)
    primary, also = _relevant(local, cid)
    reason = ""
    targets = primary + also
    if not primary:
        ref = data.referral_for(g, cid)
        nat_primary, nat_also = _relevant(list(data.national), cid)
        targets = nat_primary + also + nat_also
        if ref:
            reason = ref.reden.get(lang)
        elif not targets:
            reason = label(lang, "no_local", naam=g.naam)
        if not targets and cid != "eerste-aanspreekpunt":
            first, _ = _relevant(local, "eerste-aanspreekpunt")
            if first:
                reason = (ref.reden.get(lang) + " " if ref else "") + label(lang, "ask_first", naam=g.naam)
                targets = first[:1]
    out = f'<span class="rs-verwijzing">{html_attr(reason.strip())}</span> ' if reason else ""
    if targets:
        links = ", ".join(_link_to(o) for o in dict.fromkeys(targets))
        out += f'<span class="rs-naar__links"><span class="rs-sr">{html_attr(label(lang, "go_to"))} </span>{links}</span>'
    return f'<p class="rs-naar">{out}</p>'


def _youth_section(data: Dataset, g: Municipality, lang: str) -> str:
    items = _youth_items(data, g)
    return f"<p>{html_attr(label(lang, 'youth_intro'))}</p>" + "".join(
        compact_item(o, lang, anchor=_card_anchor(o)) for o in items
    )


def _professionals_section(data: Dataset, g: Municipality, lang: str) -> str:
    first, _ = _relevant(data.local_offerings(g), "eerste-aanspreekpunt")
    vt = sorted(  # the one with a phone number first: professionals need the number to call
        (
            o
            for o in _all_offerings(data, g)
            if o.direct_hulp and "veiligheid" in o.categorieen and o.naam.lower().startswith("veilig thuis")
        ),
        key=lambda o: not o.telefoon,
    )[:1]
    out = [f"<p>{html_attr(label(lang, 'prof_intro', naam=g.naam))}</p>"]
    if first:
        out.append(f"<p>{html_attr(label(lang, 'prof_family'))}</p>")
        out.extend(compact_item(o, lang) for o in first)
    if vt:
        out.append(f"<p>{html_attr(label(lang, 'prof_worry'))}</p>")
        out.append(compact_item(vt[0], lang))
    out.append(f"<p>{html_attr(label(lang, 'prof_school'))}</p>")
    return "\n".join(out)


def _youth_items(data: Dataset, g: Municipality) -> list[Offering]:
    primary, also = _relevant(_all_offerings(data, g), "kinderen-en-jongeren")
    return list(dict.fromkeys(primary + also))


def _national_section(data: Dataset, g: Municipality, lang: str) -> str:
    """National helplines, compact; those already listed for young people are not repeated."""
    shown = set(id(o) for o in _youth_items(data, g))
    return "\n".join(
        compact_item(o, lang, anchor=_card_anchor(o)) for o in data.national if not o.direct_hulp and id(o) not in shown
    )


def fill_placeholders(html_text: str, data: Dataset) -> str:
    """Fill a municipality page's placeholders with escaped HTML."""

    def repl(m: re.Match) -> str:
        g = data.municipalities.get(m.group(1))
        what, lang = m.group(2), m.group(3)
        if g is None:
            return m.group(0)
        if what == "keuze":
            texts = js_texts(
                lang, "js_pick_this", "js_this_chosen", "js_device", "js_session", "js_remember", "js_forget", "js_remember_why"
            )
            return (
                f'<div class="rs-gemeente-keuze" data-rs-gemeente-pagina="{html_attr(g.id)}" data-rs-naam="{html_attr(g.naam)}" '
                f'data-rs-tekst="{texts}"></div>'
            )
        if what == "website":
            return f"<p>{external_link(g.website, label(lang, 'municipality_site', naam=g.naam))}</p>"
        if what == "lokaal":
            return _local_section(data, g, lang)
        if what == "veilig":
            return _safety_section(data, g, lang)
        if what == "jongeren":
            return _youth_section(data, g, lang)
        if what == "professionals":
            return _professionals_section(data, g, lang)
        if what == "landelijk":
            return _national_section(data, g, lang)
        if what not in data.categories:
            return m.group(0)
        return topic_entry(data, g, what, lang)

    return PLACEHOLDER_RE.sub(repl, html_text)


def _folded(anchor: str, title: str, body: list[str]) -> list[str]:
    """A section that opens on tap: <details> with the section title as its summary (no JS needed)."""
    return [
        f'<details class="rs-vouw" id="{html_attr(anchor)}" markdown>',
        f'<summary class="rs-vouw__kop">{html_attr(title)}</summary>',
        "",
        *body,
        "",
        "</details>",
        "",
    ]


def municipality_page(data: Dataset, g: Municipality, lang: str) -> str:
    fm = front_matter(
        {
            "title": label(lang, "page_title", naam=g.naam),
            "description": label(lang, "page_description", naam=g.naam),
            "doelgroep": "iedereen",
            "gemeente": g.id,
            "gegenereerd": True,
            "search": {"boost": 2},
            "tags": [g.naam, *(p for p in g.plaatsen if p != g.naam)],
        }
    )
    sections = [
        ("lokaal", label(lang, "local_title", naam=g.naam)),
        ("niet-veilig", label(lang, "safety_title")),
        ("onderwerpen", label(lang, "by_topic")),
        ("jongeren", label(lang, "youth_title")),
        ("professionals", label(lang, "prof_title")),
        ("landelijk", label(lang, "national_title")),
    ]
    # Plain Markdown with attr_list (no raw HTML blocks): at national scale Python-Markdown's raw
    # HTML handling dominated the build time. The cards go in as placeholders (fill_placeholders).
    out = [
        fm,
        STAMP,
        f"# {md_inline(label(lang, 'page_title', naam=g.naam))}",
        "",
        f"**{md_inline(label(lang, 'emergency'))}** [{md_inline(label(lang, 'safety_title'))}](#niet-veilig)",
        "{: .rs-emergency }",
        "",
        placeholder(g.id, "keuze", lang),
        "",
        f"**{md_inline(label(lang, 'contents'))}**",
        "{: .rs-inhoud__titel }",
        "",
    ]
    out.extend(f"- [{md_inline(title)}](#{sid})" for sid, title in sections)
    out += [
        "",
        f"## {md_inline(sections[0][1])} {{#lokaal .rs-kop}}",
        "",
        placeholder(g.id, "lokaal", lang),
        "",
        f"## {md_inline(sections[1][1])} {{#niet-veilig .rs-kop}}",
        "",
        md_inline(label(lang, "safety_intro")),
        "",
        placeholder(g.id, "veilig", lang),
        "",
        f"## {md_inline(sections[2][1])} {{#onderwerpen .rs-kop}}",
        "",
    ]
    for cat in data.categories.values():
        out.append(f"### {md_inline(cat.naam.get(lang))} {{#{cat.id} .rs-onderwerp}}")
        out.append("")
        out.append(placeholder(g.id, cat.id, lang))
        out.append("")
    # The audience sections and the national lines are folded (GOV.UK accordion style), so the page
    # stays within eight phone screens; a link from the contents list opens its section (hulpblok.js).
    out += [
        *_folded("jongeren", sections[3][1], [placeholder(g.id, "jongeren", lang)]),
        *_folded(
            "professionals",
            sections[4][1],
            [
                placeholder(g.id, "professionals", lang),
                "",
                f"[{md_inline(label(lang, 'prof_more'))}](../professionals/verwijzen.md) · "
                f"[{md_inline(label(lang, 'prof_card'))}](../kaart/{g.id}.md)",
            ],
        ),
        *_folded(
            "landelijk", sections[5][1], [md_inline(label(lang, "national_intro")), "", placeholder(g.id, "landelijk", lang)]
        ),
        f"**{md_inline(label(lang, 'places'))}:** " + md_inline(", ".join(g.plaatsen)) + ".",
        "{: #plaatsen }",
        "",
        placeholder(g.id, "website", lang),
        "",
        f"[{md_inline(label(lang, 'other_municipality'))}](index.md)",
        "",
    ]
    return "\n".join(out)


def national_section(data: Dataset, lang: str) -> str:
    out = [
        f"## {md_inline(label(lang, 'national'))} {{#landelijk .rs-kop}}",
        "",
        f"<p>{html_attr(label(lang, 'national_intro'))}</p>",
        "",
    ]
    out.extend(offering_card(o, lang, "h3", _card_anchor(o)) for o in data.national)
    return "\n".join(out)


def overview_page(data: Dataset, lang: str) -> str:
    fm = front_matter(
        {
            "title": label(lang, "overview_title"),
            "description": label(lang, "overview_description"),
            "doelgroep": "iedereen",
            "gegenereerd": True,
            "search": {"boost": 3},
            "tags": ["hulp", "help", "gemeente", "postcode", *[g.naam for g in data.municipalities.values()]],
        }
    )
    out = [
        fm,
        STAMP,
        f"# {md_inline(label(lang, 'overview_title'))}",
        "",
        f'<p class="rs-lead">{html_attr(label(lang, "overview_intro"))}</p>',
        "",
        "<!-- gemeentekiezer -->",
        "",
        f"## {md_inline(label(lang, 'overview_list'))} {{#gemeenten}}",
        "",
    ]
    for g in sorted(data.municipalities.values(), key=lambda m: m.naam.lower()):
        places = ", ".join(p for p in g.plaatsen if p != g.naam)
        out.append(f"- [{md_inline(g.naam)}]({g.id}.md)" + (f" ({md_inline(places)})" if places else ""))
    out.append("")
    out.append(national_section(data, lang))
    out.append("")
    return "\n".join(out)


def picker_index(data: Dataset) -> list[dict]:
    return [
        {"id": g.id, "naam": g.naam, "plaatsen": list(g.plaatsen), "postcodes": [list(r) for r in g.postcodes]}
        for g in sorted(data.municipalities.values(), key=lambda m: m.naam.lower())
    ]


def municipality_data(data: Dataset, g: Municipality) -> dict:
    """What the referral blocks need for one municipality: pre-rendered, escaped HTML per category."""
    return {
        "id": g.id,
        "naam": g.naam,
        # Per language and category: the help ("h"), the crisis lines that go with it ("d", shown once
        # per block as "Direct hulp nodig?") and the short summary for the top of the page ("k").
        "blokken": {
            lang: {
                cid: {
                    "h": category_html(data, g, cid, lang, "h4"),
                    "d": direct_items_for(data, g, cid, lang),
                    "k": summary_html(data, g, cid, lang),
                }
                for cid in data.categories
            }
            for lang in LANGUAGES
        },
        "eerste": {lang: first_stop_summary(data, g, lang) for lang in LANGUAGES},
    }


def _js(statement: str, payload) -> str:
    return f"{statement}({json_in_script(payload)});\n"


def render_pages(data: Dataset) -> dict[str, str]:
    """The generated Markdown pages, as path (relative to docs/) -> content."""
    files: dict[str, str] = {}
    for lang in LANGUAGES:
        files[f"{GENERATED_DIR}/index{suffix(lang)}.md"] = overview_page(data, lang)
        for g in data.municipalities.values():
            files[f"{GENERATED_DIR}/{g.id}{suffix(lang)}.md"] = municipality_page(data, g, lang)
    return files


def render_all(data: Dataset) -> dict[str, str]:
    """Every generated file (pages, picker index, referral-block data), as path -> content."""
    files = render_pages(data)
    files[f"{GENERATED_DIR}/{DATA_DIR}/gemeenten.js"] = _js("window.RS_HULP.index", picker_index(data))
    for g in data.municipalities.values():
        files[f"{GENERATED_DIR}/{DATA_DIR}/{g.id}.js"] = _js("window.RS_HULP.gemeente", municipality_data(data, g))
    return files


def write_files(docs_dir: Path, files: dict[str, str], folder: str = GENERATED_DIR) -> list[str]:
    """Write files that changed, remove stale ones under docs/<folder>/. Returns the paths written."""
    docs_dir = Path(docs_dir)
    written = []
    for rel, content in files.items():
        path = docs_dir / rel
        data = content.encode("utf-8")
        if path.exists() and path.read_bytes() == data:  # bytes: read_text would turn CSV's \r\n into \n
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written.append(rel)
    root = docs_dir / folder
    if root.exists():
        keep = {str(docs_dir / rel) for rel in files}
        for path in sorted(root.rglob("*"), reverse=True):
            if path.is_file() and str(path) not in keep:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written
