"""MkDocs adapter for the printable referral cards (tools/cards.py): pages before the build, cards after rendering."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from tools import cards, site  # noqa: E402
from tools.generate import write_files  # noqa: E402

from hooks.i18n_state import inner_language_build  # noqa: E402


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
