"""MkDocs adapter for the glossary: generate the Woordenlijst pages, add tooltips to every page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from hooks.build import STATE, inner_language_build
from tools.b1.glossary import GlossaryError, load_glossary
from tools.content.glossary import abbreviations, render_glossary
from tools.core.i18n import LANGUAGES, page_language

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent


def _terms():
    try:
        return load_glossary()
    except GlossaryError as exc:
        raise PluginError("De woordenlijst bevat fouten:\n" + "\n".join(exc.errors)) from None


def on_pre_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config) and STATE.abbreviations:
        return  # generated once per build, not once per language
    terms = _terms()
    docs = Path(config["docs_dir"])
    for rel, content in render_glossary(terms).items():
        path = docs / rel
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
    STATE.abbreviations = {lang: abbreviations(terms, lang) for lang in LANGUAGES}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if page.meta.get("gegenereerd"):
        return markdown  # generated pages (glossary, municipalities) need no tooltips
    lang = page_language(page)
    defs = STATE.abbreviations.get(lang)
    return f"{markdown}\n\n{defs}\n" if defs else markdown
