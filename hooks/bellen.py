"""MkDocs adapter: phone numbers in page text become tappable tel: links (tools/core/text.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tools.core.text import link_phone_numbers

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    return link_phone_numbers(html)
