"""MkDocs adapter for the printable referral cards (tools/hulp/cards.py): pages before the build, cards after rendering."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from hooks.build import inner_language_build
from tools import build as site
from tools.hulp import cards
from tools.hulp.render import write_files

ROOT = Path(__file__).resolve().parent.parent


def on_pre_build(config):
    if inner_language_build(config):
        return
    try:
        data = site.dataset(ROOT)
    except site.BuildStop as stop:
        raise PluginError(str(stop)) from None
    write_files(Path(config["docs_dir"]), cards.render_cards(data), folder=cards.FOLDER)


def on_post_page(output, page, config):
    if not (page.meta or {}).get("kaart"):
        return output
    return cards.fill_cards(output, site.dataset(ROOT), config.get("site_url") or "")
