"""MkDocs adapter for the open data of the sociale kaart (tools/hulp/opendata.py).

Before the build: docs/open-data/ (CSV, JSON, JSON Schema, a page per language; only changed files
are written). After rendering a municipality page: its offerings as schema.org JSON-LD in <head>.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hooks.build import STATE, inner_language_build
from tools.core.i18n import page_language
from tools.hulp import opendata
from tools.hulp.render import write_files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def on_pre_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return
    data = STATE.dataset()
    write_files(Path(config["docs_dir"]), opendata.render_open_data(data, config.get("site_url") or ""), folder=opendata.FOLDER)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    gid = (page.meta or {}).get("gemeente")
    if not gid:
        return output
    data = STATE.dataset()
    if gid not in data.municipalities:
        return output
    lang = page_language(page)
    return opendata.add_json_ld(output, opendata.json_ld(data, gid, lang))
