"""MkDocs adapter for the open data of the sociale kaart (tools/hulp/opendata.py).

Before the build: docs/open-data/ (CSV, JSON, JSON Schema, a page per language; only changed files
are written). After rendering a municipality page: its offerings as schema.org JSON-LD in <head>.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from hooks.build import inner_language_build
from tools import build as site
from tools.hulp import opendata
from tools.hulp.render import write_files

ROOT = Path(__file__).resolve().parent.parent


def on_pre_build(config):
    if inner_language_build(config):
        return
    try:
        data = site.dataset(ROOT)
    except site.BuildStop as stop:
        raise PluginError(str(stop)) from None
    write_files(Path(config["docs_dir"]), opendata.render_open_data(data, config.get("site_url") or ""), folder=opendata.FOLDER)


def on_post_page(output, page, config):
    gid = (page.meta or {}).get("gemeente")
    if not gid:
        return output
    data = site.dataset(ROOT)  # cached: loaded once per change of gemeenten/
    if gid not in data.municipalities:
        return output
    lang = "en" if page.file.src_uri.endswith(".en.md") else "nl"
    return opendata.add_json_ld(output, opendata.json_ld(data, gid, lang))
