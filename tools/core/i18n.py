"""The language rules of the site in one place: which language a source file or build is in, and its twin.

Pages are `x.md` (Dutch, the default) and `x.en.md` (English), as mkdocs-static-i18n's suffix layout
expects. mkdocs-static-i18n builds the site once per language; the build's language is the theme
language it sets. A page of the English build whose source is Dutch is a fallback (not translated yet).
"""

from __future__ import annotations

import re

DEFAULT = "nl"
LANGUAGES = ("nl", "en")
SUFFIX_RE = re.compile(r"\.(" + "|".join(LANGUAGES[1:]) + r")\.md$")


def language_of(src: str) -> str:
    """The language of a source file: 'geld.en.md' -> 'en', 'geld.md' -> 'nl'."""
    m = SUFFIX_RE.search(src)
    return m.group(1) if m else DEFAULT


def source_of(src: str) -> str:
    """The Dutch source of a page: 'geld.en.md' -> 'geld.md'."""
    return SUFFIX_RE.sub(".md", src)


def suffix(lang: str) -> str:
    """The file suffix before `.md`: '' for Dutch, '.en' for English."""
    return "" if lang == DEFAULT else f".{lang}"


def twin(src: str, lang: str) -> str:
    """The same page in another language: twin('geld.md', 'en') -> 'geld.en.md'."""
    return source_of(src)[:-3] + suffix(lang) + ".md"


def url_prefix(lang: str) -> str:
    """Where a language's site starts, relative to the site root: '' or 'en/'."""
    return "" if lang == DEFAULT else f"{lang}/"


def build_language(config) -> str:
    """The language mkdocs-static-i18n is building now (it sets the theme language per build)."""
    lang = (config["theme"]["language"] or DEFAULT) if config else DEFAULT
    return lang if lang in LANGUAGES else DEFAULT


def page_language(page) -> str:
    """The language of a page's text (a fallback page in the English build is Dutch)."""
    return language_of(page.file.src_uri)


def is_fallback(page, config) -> bool:
    """True for a page of another language's build that shows the Dutch text (not translated yet)."""
    return page_language(page) != build_language(config)
