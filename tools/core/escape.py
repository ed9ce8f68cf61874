"""Escaping of data values, one function per output context. Data is never markup.

Every value that comes from an editor's data (gemeenten/*.yml, the glossary) and lands in generated
output goes through exactly one of these, chosen by where it lands:

- ``md_inline``: running text in generated Markdown (a heading, a list item, a paragraph, a link
  text). Whitespace (newlines too) becomes one space, so a value can never start a block of its own
  (a reference definition, a heading, a list, a code block, an ``attr_list`` line); every character
  Markdown or HTML could read as syntax becomes a numeric character reference, which Markdown
  passes through as text and the browser shows as the character. ``&`` is escaped too, so a value
  with ``&lt;script&gt;`` shows exactly that, never a decoded ``<script>``.
- ``html_text``: text between HTML tags.
- ``html_attr``: a value inside a double-quoted HTML attribute.
- ``front_matter``: a front matter block for generated pages. The theme puts ``title`` and
  ``description`` into the HTML without escaping (``<title>``, ``<meta content="...">``, the
  navigation), so string values are HTML-escaped first and then written as JSON strings (valid YAML).
- ``json_in_script``: JSON inside ``<script type="application/ld+json">`` or a JavaScript data file:
  ``<``, ``>``, ``&`` and the line separators become ``\\u`` escapes, so ``</script`` or ``<!--`` can
  never appear and end or confuse the script element.
"""

from __future__ import annotations

import html
import json
import re

_WS = re.compile(r"\s+")
# Characters with a meaning in Markdown (Python-Markdown and the extensions in mkdocs.yml:
# emphasis, code, links, attr_list braces, abbr, admonitions, tables) or in HTML.
_MD_SPECIAL = set("\\`*_{}[]()<>&\"'#+!|~:^=$%@")
_MD_LINE_START = re.compile(r"^([-+>#=]|\d+[.)])")


def _ref(ch: str) -> str:
    return f"&#{ord(ch)};"


def md_inline(value: str) -> str:
    """Plain text for running Markdown: one line, every syntax character as a character reference."""
    text = _WS.sub(" ", str(value)).strip()
    out = "".join(_ref(c) if c in _MD_SPECIAL else c for c in text)
    m = _MD_LINE_START.match(out)
    if m:  # a list marker, quote, heading or setext line when the value starts a line
        first = m.group(1)
        out = (_ref(first) if len(first) == 1 else first[:-1] + _ref(first[-1])) + out[len(first) :]
    return out


def html_text(value: str) -> str:
    """Text between HTML tags."""
    return html.escape(str(value), quote=True)


def html_attr(value: str) -> str:
    """A value inside a double-quoted HTML attribute (also safe in single quotes)."""
    return html.escape(str(value), quote=True).replace("`", "&#96;")


def _front_value(value):
    if isinstance(value, str):
        return html.escape(_WS.sub(" ", value).strip(), quote=False).replace('"', "&quot;")
    if isinstance(value, (list, tuple)):
        return [_front_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _front_value(v) for k, v in value.items()}
    return value


def front_matter(values: dict) -> str:
    """A YAML front matter block (between --- lines) whose values are safe in the theme's HTML."""
    lines = ["---"]
    for key, value in values.items():
        lines.append(f"{key}: {json.dumps(_front_value(value), ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines)


_JSON_SCRIPT = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_in_script(payload, compact: bool = True) -> str:
    """JSON that is safe inside a <script> element and in a JavaScript file."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":") if compact else None)
    for char, escaped in _JSON_SCRIPT.items():  # str.replace: the data files hold megabytes of HTML
        text = text.replace(char, escaped)
    return text


def csv_cell(value: str) -> str:
    """A CSV cell: spreadsheets run a cell that starts with = + - @ as a formula, so make such text literal."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
