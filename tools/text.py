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
