"""MkDocs adapter for gemeenten/: generate pages before the build, expand editor markers per page.

All logic lives in tools/; this file only connects it to MkDocs events.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from tools import site  # noqa: E402
from tools.markers import expand_markers  # noqa: E402


def on_config(config):
    site.exclude_concepts(config)
    return config


def on_pre_build(config):
    try:
        site.prepare(ROOT, Path(config["docs_dir"]))
    except site.BuildStop as stop:
        raise PluginError(str(stop)) from None


def on_page_markdown(markdown, page, config, files):
    data = site.dataset(ROOT)
    src = page.file.src_uri
    lang = "en" if src.endswith(".en.md") else "nl"
    tags = page.meta.get("zoekwoorden")
    if isinstance(tags, list) and "tags" not in page.meta:
        # Material's search weighs tags heavily; keywords are not shown (tags plugin is off).
        page.meta["tags"] = [str(t) for t in tags]
    cats = page.meta.get("hulp")
    return expand_markers(markdown, data, lang, src, cats if isinstance(cats, list) else None)
