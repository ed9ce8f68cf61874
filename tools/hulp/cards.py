"""Printable referral cards ("verwijskaarten"): per municipality the local route on one A5/A4 page.

For professionals (schools, GPs, consultation bureaus) and for leaflets: phone numbers and full web
addresses written out (paper has no links), and a QR code to the municipality's help page. Made from
the same YAML as the site, in nl and en, at /kaart/<gemeente>/. The QR code is SVG from segno (pure
Python), inline in the page: no image request, no third party. Every data value is HTML-escaped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html import escape

import segno

from tools.core import clock
from tools.core.escape import md_inline
from tools.core.i18n import suffix
from tools.core.labels import format_date, label
from tools.hulp.model import LANGUAGES, Dataset, Municipality, Offering

FOLDER = "kaart"
STAMP = "<!-- Gemaakt door tools/hulp/cards.py uit gemeenten/. Niet met de hand aanpassen. -->"
QR_MASK = 0
PLACEHOLDER_RE = re.compile(r"<!-- rs-kaart:([a-z0-9-]+):([a-z]{2}) -->")
SAFETY_CATEGORY = "veiligheid"  # until issue 14's `direct_hulp` exists, the safety category is the urgent help


def _e(text: str) -> str:
    return escape(text, quote=True)


def help_page_url(site_url: str, gid: str, lang: str) -> str:
    """The address the QR code opens: the municipality's help page on the real site."""
    return site_url.rstrip("/") + "/" + ("" if lang == "nl" else f"{lang}/") + f"hulp/{gid}/"


def qr_svg(url: str, lang: str) -> str:
    """The QR code as inline SVG with an accessible name that says where it goes."""
    # A fixed mask: segno's search for the best of eight masks is 90 % of the time, and at national
    # scale (hundreds of cards per build) that adds up. Mask 0 gives a valid, readable code.
    code = segno.make(url, error="m", micro=False, mask=QR_MASK)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="rs-qr", dark="#000000", light="#ffffff")
    name = _e(label(lang, "card_qr_name", adres=url))
    return svg.replace("<svg ", f'<svg role="img" aria-label="{name}" focusable="false" ', 1)


def _is_urgent(o: Offering) -> bool:
    return bool(getattr(o, "direct_hulp", False)) or SAFETY_CATEGORY in o.categorieen


def _line(o: Offering, lang: str, topic: str = "") -> str:
    parts = []
    if topic:
        parts.append(f'<span class="rs-kaart__onderwerp">{_e(topic)}</span>')
    # The organisation only where the name does not say it already: paper space is short.
    same = not o.organisatie or o.naam.lower() in o.organisatie.lower() or o.organisatie.lower() in o.naam.lower()
    who = o.naam if same else f"{o.naam} ({o.organisatie})"
    parts.append(f"<strong>{_e(who)}</strong>")
    contact = []
    if o.telefoon:
        contact.append(
            f'{_e(label(lang, "card_phone"))} <a href="tel:{_e("".join(c for c in o.telefoon if c.isdigit() or c == "+"))}">'
            f"{_e(o.telefoon)}</a>"
        )
    if o.website:
        contact.append(f'<a class="rs-kaart__adres" href="{_e(o.website)}" rel="noopener noreferrer">{_e(o.website)}</a>')
    elif o.chat:
        contact.append(f'<a class="rs-kaart__adres" href="{_e(o.chat)}" rel="noopener noreferrer">{_e(o.chat)}</a>')
    if o.email:
        contact.append(f'<a href="mailto:{_e(o.email)}">{_e(o.email)}</a>')
    if contact:
        parts.append("<br>" + " · ".join(contact))
    if not o.verified:
        parts.append(f" <em>({_e(label(lang, 'card_unverified'))})</em>")
    return "<li>" + " ".join(parts) + "</li>"


def card_html(data: Dataset, g: Municipality, lang: str, site_url: str, today: dt.date) -> str:
    url = help_page_url(site_url, g.id, lang)
    local = data.local_offerings(g)
    urgent = [o for o in local + list(data.national) if _is_urgent(o) and o.telefoon]
    out = [
        f'<div class="rs-kaart-pagina"><div class="rs-kaart__kop"><div>'
        f"<p>{_e(label(lang, 'card_intro', naam=g.naam))}</p></div>"
        f'<figure class="rs-kaart__qr">{qr_svg(url, lang)}<figcaption>{_e(label(lang, "card_qr_caption"))}<br>'
        f'<a class="rs-kaart__adres" href="{_e(url)}">{_e(url)}</a></figcaption></figure></div>'
    ]
    call_112 = "" if any(o.telefoon == "112" for o in urgent) else f"<li><strong>{_e(label(lang, 'card_112'))}</strong></li>"
    out.append(
        f'<div class="rs-kaart__direct"><h2 id="direct">{_e(label(lang, "card_urgent"))}</h2>'
        f'<ul class="rs-kaart__lijst">{call_112}' + "".join(_line(o, lang) for o in urgent) + "</ul></div>"
    )
    out.append(f'<h2 id="route">{_e(label(lang, "card_route", naam=g.naam))}</h2><ul class="rs-kaart__lijst">')
    shown: set[int] = set()
    for cid, cat in data.categories.items():
        for o in data.offerings_for(g, cid):
            if id(o) in shown or _is_urgent(o):
                continue
            shown.add(id(o))
            out.append(_line(o, lang, cat.naam.get(lang)))
    out.append("</ul>")
    national = [o for o in data.national if not _is_urgent(o) and (o.telefoon or o.website)]
    if national:
        out.append(f'<h2 id="landelijk">{_e(label(lang, "card_national"))}</h2><ul class="rs-kaart__lijst">')
        out += [_line(o, lang) for o in national]
        out.append("</ul>")
    out.append(f'<p class="rs-kaart__voet">{_e(label(lang, "card_footer", datum=format_date(today, lang), adres=url))}</p>')
    out.append(f'<p class="rs-kaart__print">{_e(label(lang, "card_print"))}</p></div>')
    return "".join(out)


def card_page(data: Dataset, g: Municipality, lang: str) -> str:
    front = {
        "title": label(lang, "card_title", naam=g.naam),
        "description": label(lang, "card_description", naam=g.naam),
        "doelgroep": "professionals",
        "gegenereerd": True,
        "hulp": [],
        "hide": ["navigation", "toc"],
        "kaart": g.id,
    }
    # The card itself is filled in after rendering (fill_cards): Markdown and the search index never
    # parse it, which keeps hundreds of cards cheap and keeps phone numbers out of search results.
    lines = [
        "---",
        *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()),
        "---",
        STAMP,
        "",
        f"# {md_inline(label(lang, 'card_title', naam=g.naam))} {{#kaart .rs-kaart__titel}}",
        "",
        f"<!-- rs-kaart:{g.id}:{lang} -->",
        "",
    ]
    return "\n".join(lines)


_memo: dict = {}


def fill_cards(html: str, data: Dataset, site_url: str, today: dt.date | None = None) -> str:
    """Replace the card placeholder of a rendered page with the card."""
    today = today or clock.today()
    if _memo.get("key") != (id(data), site_url, today):  # mkdocs serve: unchanged data, no new QR codes
        _memo.clear()
        _memo["key"] = (id(data), site_url, today)

    def repl(m: re.Match) -> str:
        g = data.municipalities.get(m.group(1))
        if g is None:
            return m.group(0)
        if m.group(0) not in _memo:
            _memo[m.group(0)] = card_html(data, g, m.group(2), site_url, today)
        return _memo[m.group(0)]

    return PLACEHOLDER_RE.sub(repl, html)


def overview_page(data: Dataset, lang: str) -> str:
    front = {
        "title": label(lang, "card_overview_title"),
        "description": label(lang, "card_overview_description"),
        "doelgroep": "professionals",
        "gegenereerd": True,
        "hulp": [],
    }
    lines = [
        "---",
        *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()),
        "---",
        STAMP,
        "",
        f"# {md_inline(label(lang, 'card_overview_title'))}",
        "",
        md_inline(label(lang, "card_overview_intro")),
        "",
    ]
    for g in sorted(data.municipalities.values(), key=lambda m: m.naam.lower()):
        lines.append(f"- [{md_inline(label(lang, 'card_title', naam=g.naam))}]({g.id}{suffix(lang)}.md)")
    return "\n".join(lines + [""])


def render_cards(data: Dataset) -> dict[str, str]:
    """Every card page under docs/kaart/ and the overview, as path (relative to docs/) -> content."""
    files = {f"{FOLDER}/index{suffix(lang)}.md": overview_page(data, lang) for lang in LANGUAGES}
    files.update(
        {
            f"{FOLDER}/{g.id}{suffix(lang)}.md": card_page(data, g, lang)
            for g in data.municipalities.values()
            for lang in LANGUAGES
        }
    )
    return files
