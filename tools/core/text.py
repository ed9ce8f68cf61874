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


def phone_href(number: str) -> str:
    """'0800-0432' -> 'tel:08000432'; '14 076' -> 'tel:14076'."""
    digits = re.sub(r"[^0-9+]", "", number)
    return f"tel:{digits}"


# Dutch helpline-style numbers in running text: 0800/0900/0906/0909 (4 or 7 digits), 088, and
# 112/113 only right after "bel"/"call" (elsewhere they are often just numbers).
_PHONE_IN_TEXT = re.compile(
    r"(?<![\w/.-])(0(?:800|900|906|909)[ -]?\d{4}(?:[ -]?\d{3})?|088[ -]?\d{3}[ -]?\d{2}[ -]?\d{2})(?![\w-])"
)
# "Bel (dan gratis) **112**": up to two words between, optionally in bold; never inside a tag.
_SHORT_NUMBER = re.compile(
    r"(\b(?:[Bb]el|[Cc]all)(?: [a-z]+){0,2} )((?:<(?:strong|b)>)?)(11[23])((?:</(?:strong|b)>)?)(?![\w-])(?![^<]*>)"
)
_LINKS = re.compile(r"(<a\b.*?</a>|<(?:code|pre|script|style)\b.*?</(?:code|pre|script|style)>)", re.DOTALL | re.IGNORECASE)
_HTML_SPLIT = re.compile(
    r"(<a\b.*?</a>|<(?:code|pre|script|style)\b.*?</(?:code|pre|script|style)>|<[^>]+>)", re.DOTALL | re.IGNORECASE
)


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
        parts[i] = _SHORT_NUMBER.sub(
            lambda m: f'{m.group(1)}{m.group(2)}<a href="tel:{m.group(3)}">{m.group(3)}</a>{m.group(4)}', parts[i]
        )
    return "".join(parts)


# Source text helpers shared by the page reader, the data loader, markers and the editor gates.
FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


INLINE_CODE_RE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)


def mask_code(text: str) -> str:
    """The text with fenced code blocks and inline code replaced by spaces (lines and columns kept).

    Examples in code are shown, never run: gates and markers ignore them."""
    out = []
    fence = None
    for line in text.splitlines(keepends=True):
        m = FENCE_RE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * len(m.group(1))
            out.append(re.sub(r"[^\n]", " ", line))
            continue
        if fence is not None:
            if m and m.group(1).startswith(fence):
                fence = None
            out.append(re.sub(r"[^\n]", " ", line))
            continue
        out.append(line)
    masked = "".join(out)
    return INLINE_CODE_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)


def yaml_error_mark(exc):
    """The mark editors need: where an unclosed quote or bracket *started*, else where YAML gave up."""
    context = str(getattr(exc, "context", "") or "")
    if getattr(exc, "context_mark", None) is not None and ("quoted" in context or "flow" in context):
        return exc.context_mark
    return getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)


def unclosed_quote_line(text: str, before: int) -> int:
    """The first line (1-based) up to line `before` with an unclosed quote, or 0.

    YAML reports an unclosed quote where it gives up (often many lines further, at the next quote);
    the editor needs the line where the quote was opened."""
    for number, line in enumerate(text.splitlines()[:before], start=1):
        value = line.split(": ", 1)[1] if ": " in line else line.lstrip(" -")
        value = value.strip()
        for quote in ('"', "'"):
            if (
                value.startswith(quote)
                and (len(value) == 1 or not value.rstrip().endswith(quote))
                and value.count(quote) % 2 == 1
            ):
                return number
    return 0
