"""The website's own measures, privacy-first and off by default: "Heeft deze pagina je geholpen?" and
cookieless statistics on a server the region runs itself.

Configured in mkdocs.yml `extra.paginafeedback.url` and `extra.statistieken.url` / `.naam`. Empty
(the default): nothing is rendered, no script is loaded, nothing is sent. When set:
- the Content-Security-Policy's connect-src gets exactly those origins (tools/security/policy.py);
- the privacy page (markers `<!-- metingen: kort -->` and `<!-- metingen: uitleg -->` in
  docs/privacy*.md) says exactly what is sent, generated from this configuration;
- the feedback widget (docs/assets/js/paginafeedback.js) sends {"pagina", "antwoord", "taal"} only
  when the reader presses Ja or Nee; the statistics (docs/assets/js/statistiek.js) send
  {"pagina", "taal"} once per page view, without cookies, and nothing when the browser asks not to
  be tracked (Do Not Track or Global Privacy Control).
Both POST a JSON text as text/plain (a "simple" request: no CORS preflight), with credentials
omitted and no referrer. The receiving server must not store IP addresses with the answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from tools.core.labels import label

FEEDBACK_JS = "assets/js/paginafeedback.js"
STATS_JS = "assets/js/statistiek.js"
MARKER_RE = re.compile(r"<!--\s*metingen\s*:\s*([a-z-]*)\s*-->")
PARTS = ("kort", "uitleg")


class ConfigError(ValueError):
    """A setting in mkdocs.yml is wrong; the message says how to fix it (Dutch)."""


@dataclass(frozen=True)
class Measures:
    feedback_url: str = ""
    stats_url: str = ""
    stats_name: str = ""

    @property
    def feedback(self) -> bool:
        return bool(self.feedback_url)

    @property
    def stats(self) -> bool:
        return bool(self.stats_url)

    def origins(self) -> list[str]:
        """The origins the browser may send to (connect-src), besides the site itself."""
        return sorted({origin(u) for u in (self.feedback_url, self.stats_url) if u})

    def scripts(self) -> list[str]:
        return ([FEEDBACK_JS] if self.feedback else []) + ([STATS_JS] if self.stats else [])


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _url(value, where: str) -> str:
    text = str(value or "").strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if (
        parts.scheme != "https"
        or not parts.hostname
        or "." not in parts.hostname
        or any(c.isspace() for c in text)
        or any(c in text for c in "'\"<>;,")
    ):
        raise ConfigError(
            f"'extra: {where}: {text}' in mkdocs.yml is geen goed https-adres. Schrijf het volledige "
            "adres van jullie eigen server, bijvoorbeeld https://statistiek.gemeente.nl/ontvang. "
            "Laat het leeg om dit uit te zetten."
        )
    return text


def from_extra(extra: dict | None) -> Measures:
    extra = extra or {}
    fb = extra.get("paginafeedback") or {}
    st = extra.get("statistieken") or {}
    if not isinstance(fb, dict) or not isinstance(st, dict):
        raise ConfigError(
            "'extra: paginafeedback:' en 'extra: statistieken:' in mkdocs.yml moeten velden hebben, zoals 'url: \"\"'."
        )
    measures = Measures(
        _url(fb.get("url"), "paginafeedback: url"), _url(st.get("url"), "statistieken: url"), str(st.get("naam") or "").strip()
    )
    if measures.stats and not measures.stats_name:
        raise ConfigError(
            "Bij 'extra: statistieken:' in mkdocs.yml ontbreekt 'naam:'. Schrijf welk programma telt en "
            "op wiens server, bijvoorbeeld 'Matomo, op een server van de gemeente Breda'. "
            "Dat komt op de privacypagina."
        )
    if re.search(r"[<>{}\[\]`*_]", measures.stats_name):
        raise ConfigError("'extra: statistieken: naam:' in mkdocs.yml mag geen opmaak of code bevatten.")
    return measures


# ---------------------------------------------------------------------------- privacy page


def privacy_markdown(m: Measures, lang: str, part: str) -> str:
    """The privacy text for the configuration: the summary bullet ('kort') or the sections ('uitleg')."""
    if part == "kort":
        return label(lang, "fb_priv_short_on" if m.stats else "fb_priv_short_off")
    out = []
    if m.feedback:
        out += [
            f"## {label(lang, 'fb_priv_fb_title')} {{#paginafeedback}}",
            "",
            label(lang, "fb_priv_fb_text", host=urlsplit(m.feedback_url).hostname),
            "",
        ]
    if m.stats:
        out += [
            f"## {label(lang, 'fb_priv_st_title')} {{#statistieken}}",
            "",
            label(lang, "fb_priv_st_text", host=urlsplit(m.stats_url).hostname, naam=m.stats_name),
            "",
        ]
    return "\n".join(out)


def expand_privacy(markdown: str, m: Measures, lang: str) -> tuple[str, list[str]]:
    """Replace the markers; returns the text and the names of unknown markers (an editor's typo)."""
    unknown = [p for p in MARKER_RE.findall(markdown) if p not in PARTS]
    return MARKER_RE.sub(
        lambda x: privacy_markdown(m, lang, x.group(1)) if x.group(1) in PARTS else x.group(0), markdown
    ), unknown


# ---------------------------------------------------------------------------- markup


def widget_html(m: Measures, lang: str, page_path: str, privacy_href: str) -> str:
    """The widget, hidden until its script runs (without JavaScript it cannot send, so it is not shown)."""
    if not m.feedback:
        return ""

    def e(text: str) -> str:
        return escape(text, quote=True)

    return (
        f'<section class="rs-feedback" data-rs-paginafeedback data-url="{e(m.feedback_url)}" '
        f'data-pagina="{e(page_path)}" data-taal="{e(lang)}" aria-labelledby="rs-feedback-titel" hidden>'
        f'<h2 id="rs-feedback-titel">{e(label(lang, "fb_question"))}</h2>'
        f'<div class="rs-feedback__knoppen"><button type="button" data-antwoord="ja">{e(label(lang, "fb_yes"))}</button>'
        f'<button type="button" data-antwoord="nee">{e(label(lang, "fb_no"))}</button></div>'
        f'<p class="rs-feedback__status" role="status" data-rs-feedback-status data-dank="{e(label(lang, "fb_thanks"))}" '
        f'data-fout="{e(label(lang, "fb_failed"))}"></p>'
        f'<p class="rs-feedback__uitleg">{e(label(lang, "fb_what_we_send"))} '
        f'<a href="{e(privacy_href)}#paginafeedback">{e(label(lang, "fb_privacy_link"))}</a></p></section>'
    )


def stats_meta(m: Measures, lang: str) -> str:
    if not m.stats:
        return ""
    return f'<meta name="rs-statistiek" content="{escape(m.stats_url, quote=True)}" data-taal="{escape(lang, quote=True)}">'


def add_to_page(html: str, m: Measures, lang: str, page_path: str, privacy_href: str) -> str:
    widget = widget_html(m, lang, page_path, privacy_href)
    if widget and "</article>" in html:
        before, sep, after = html.rpartition("</article>")
        html = before + widget + sep + after
    meta = stats_meta(m, lang)
    if meta and "</head>" in html:
        html = html.replace("</head>", meta + "</head>", 1)
    return html
