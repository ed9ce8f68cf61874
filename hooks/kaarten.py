"""MkDocs adapter for the printable referral cards (tools/hulp/cards.py): pages before the build, cards after rendering."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hooks.build import STATE, inner_language_build
from tools.hulp import cards
from tools.hulp.render import write_files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def on_pre_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return
    data = STATE.dataset()
    write_files(Path(config["docs_dir"]), cards.render_cards(data), folder=cards.FOLDER)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    if not (page.meta or {}).get("kaart"):
        return output
    return cards.fill_cards(output, STATE.dataset(), config.get("site_url") or "")
