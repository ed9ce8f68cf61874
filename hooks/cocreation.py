"""MkDocs adapter for co-creation (tools/content/cocreation.py): "Gelezen door ..." at the end of a page."""
from __future__ import annotations

from pathlib import Path

from tools.content.cocreation import FIELD, note_html

ROOT = Path(__file__).resolve().parent.parent


def on_page_markdown(markdown, page, config, files):
    if not page.meta.get(FIELD):
        return markdown
    # The language of the text (a page that falls back to Dutch keeps a Dutch note).
    lang = "en" if page.file.src_uri.endswith(".en.md") else "nl"
    note = note_html(page.meta, lang)
    return f"{markdown}\n\n{note}\n" if note else markdown
