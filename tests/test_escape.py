"""tools/core/escape.py: one escaping function per output context, each tested in its own context."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import markdown
import pytest

from tools.core import escape
from tools.security import policy as security

ROOT = Path(__file__).resolve().parent.parent


EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "md_in_html",
    "def_list",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]
NASTY = [
    "Breda\n\n[Breda]: https://evil.example/",
    "[klik](https://evil.example/)",
    'Breda {: onclick="alert(1)" }',
    "<script>alert(1)</script>",
    "&lt;b&gt;vet&lt;/b&gt; &amp; meer",
    "*schuin* en **vet** en `code` en _x_",
    "# kop",
    "- lijst",
    "1. lijst",
    "> citaat",
    "    code",
    "*[Breda]: uitleg",
    "a | b | c",
    "!!! warning",
    "<!-- gemeentekiezer -->",
    "'s-Hertogenbosch & Oss",
    "Breda\\",
]


def _render(md_text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(md_text)


def _text(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


@pytest.mark.parametrize("value", NASTY)
@pytest.mark.parametrize("template", ["{v}", "# {v}", "## {v} {{#id}}", "- [{v}](breda.md) ({v})", "**{v}**\n{{: .c }}"])
def test_markdown_context_shows_the_value_and_nothing_else(value, template):
    out = _render(template.format(v=escape.md_inline(value)))
    assert not security.scan_output(out, frozenset())
    assert "evil.example" not in re.sub(r">[^<]*<", "><", out), f"a link or attribute was made: {out}"
    assert "<script" not in out and "<abbr" not in out and "<blockquote" not in out and "<pre" not in out
    shown = " ".join(value.split())
    assert shown in " ".join(_text(out).split()), f"{value!r} is not shown literally: {out}"


def test_markdown_context_never_decodes_entities():
    out = _render(escape.md_inline("&lt;script&gt;"))
    assert _text(out) == "&lt;script&gt;"


@pytest.mark.parametrize("value", ['"><script>alert(1)</script>', "' onmouseover='x", "a & b", "`x`"])
def test_html_attribute_context(value):
    tag = f'<a title="{escape.html_attr(value)}" href="x">t</a>'
    attrs = security._attrs(tag[2 : -len(">t</a>")])
    assert dict(attrs)["title"] and html.unescape(dict(attrs)["title"]) == value
    assert [n for n, _ in attrs] == ["title", "href"]
    single = f"<a title='{escape.html_attr(value)}'>t</a>"
    assert [n for n, _ in security._attrs(single[2 : -len(">t</a>")])] == ["title"]


@pytest.mark.parametrize("value", ["<script>alert(1)</script>", "a &amp; b", "</p><p onclick=x>"])
def test_html_text_context(value):
    out = f"<p>{escape.html_text(value)}</p>"
    assert not security.scan_output(out, frozenset())
    assert _text(out) == value


def test_front_matter_values_are_safe_in_the_themes_unescaped_html():
    import yaml

    block = escape.front_matter(
        {
            "title": 'Hulp in "Breda"<script>',
            "description": 'x" onload="y',
            "tags": ["<b>", "a & b"],
            "search": {"boost": 2},
            "gegenereerd": True,
        }
    )
    meta = yaml.safe_load(block.strip("-\n"))
    page = f'<title>{meta["title"]}</title><meta name="description" content="{meta["description"]}">'
    assert not security.scan_output(page, frozenset())
    assert html.unescape(meta["title"]) == 'Hulp in "Breda"<script>'
    assert meta["search"] == {"boost": 2} and meta["gegenereerd"] is True
    assert meta["tags"] == ["&lt;b&gt;", "a &amp; b"]


@pytest.mark.parametrize("value", ["</script><script>alert(1)</script>", "<!--", "a\u2028b", "&amp;"])
def test_json_in_script_context(value):
    text = escape.json_in_script({"naam": value})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"naam": value}
    page = f'<script type="application/ld+json">{text}</script>'
    assert not security.scan_output(page, frozenset())
