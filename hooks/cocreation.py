"""MkDocs adapter for co-creation (tools/content/cocreation.py): "Gelezen door ..." at the end of a page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tools.content.cocreation import FIELD, note_html
from tools.core.i18n import page_language

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not page.meta.get(FIELD):
        return markdown
    # The language of the text (a page that falls back to Dutch keeps a Dutch note).
    lang = page_language(page)
    note = note_html(page.meta, lang)
    return f"{markdown}\n\n{note}\n" if note else markdown
