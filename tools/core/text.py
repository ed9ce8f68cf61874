"""Small text helpers shared by loaders, generators and checks."""
from __future__ import annotations

import re
import unicodedata

_MARKUP = re.compile(r"<[a-zA-Z/!][^>]*>|\{\{|\{%|\]\(|javascript:", re.IGNORECASE)


def slugify(value: str) -> str:
    """'Sociaal Wijkteam Breda' -> 'sociaal-wijkteam-breda' (ASCII, stable for anchors and URLs)."""
    norm = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-") or "x"


def has_markup(value: str) -> bool:
    """True when a data text contains HTML, template or Markdown-link syntax or a script URL."""
    return bool(_MARKUP.search(value))


def md_escape(value: str) -> str:
    """Escape a plain data text so Markdown renders it literally (data is never markup)."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]#|~])", r"\\\1", value)


def phone_href(number: str) -> str:
    """'0800-0432' -> 'tel:08000432'; '14 076' -> 'tel:14076'."""
    digits = re.sub(r"[^0-9+]", "", number)
    return f"tel:{digits}"


# Dutch helpline-style numbers in running text: 0800/0900/0906/0909 (4 or 7 digits), 088, and
# 112/113 only right after "bel"/"call" (elsewhere they are often just numbers).
_PHONE_IN_TEXT = re.compile(
    r"(?<![\w/.-])(0(?:800|900|906|909)[ -]?\d{4}(?:[ -]?\d{3})?|088[ -]?\d{3}[ -]?\d{2}[ -]?\d{2})(?![\w-])")
# "Bel (dan gratis) **112**": up to two words between, optionally in bold; never inside a tag.
_SHORT_NUMBER = re.compile(
    r"(\b(?:[Bb]el|[Cc]all)(?: [a-z]+){0,2} )((?:<(?:strong|b)>)?)(11[23])((?:</(?:strong|b)>)?)(?![\w-])(?![^<]*>)")
_LINKS = re.compile(r"(<a\b.*?</a>|<(?:code|pre|script|style)\b.*?</(?:code|pre|script|style)>)",
                    re.DOTALL | re.IGNORECASE)
_HTML_SPLIT = re.compile(r"(<a\b.*?</a>|<(?:code|pre|script|style)\b.*?</(?:code|pre|script|style)>|<[^>]+>)",
                         re.DOTALL | re.IGNORECASE)


def link_phone_numbers(html: str) -> str:
    """Make phone numbers in page text tappable (`tel:` links); existing links and code stay as they are."""
    def link(m: re.Match) -> str:
        number = m.group(0)
        return f'<a href="{phone_href(number)}">{number}</a>'

    parts = _HTML_SPLIT.split(html)
    for i in range(0, len(parts), 2):  # even indexes are text between tags
        parts[i] = _PHONE_IN_TEXT.sub(link, parts[i])
    parts = _LINKS.split("".join(parts))
    for i in range(0, len(parts), 2):  # outside existing links and code
        parts[i] = _SHORT_NUMBER.sub(lambda m: f'{m.group(1)}{m.group(2)}<a href="tel:{m.group(3)}">{m.group(3)}</a>{m.group(4)}',
                                     parts[i])
    return "".join(parts)
