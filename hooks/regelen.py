"""MkDocs adapter for "Wat moet ik regelen?" and "Ons plan voor de kinderen": expand their markers.

`<!-- wat-moet-ik-regelen -->`, `<!-- ons-plan -->` and `<!-- weekplanner -->` become the HTML
from tools/regelen.py and tools/plan.py. All logic lives in tools/.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from tools import plan, regelen, site  # noqa: E402

MARKERS = ("<!-- wat-moet-ik-regelen -->", "<!-- ons-plan -->", "<!-- weekplanner -->")


def on_page_markdown(markdown, page, config, files):
    if not any(m in markdown for m in MARKERS):
        return markdown
    src = page.file.src_uri
    lang = "en" if src.endswith(".en.md") else "nl"
    if MARKERS[0] in markdown:
        try:
            data = site.dataset(ROOT)
        except site.BuildStop as stop:
            raise PluginError(str(stop)) from None
        tasks = regelen.load_for_build(ROOT, data.categories)
        pages = regelen.docs_pages(Path(config["docs_dir"]))
        markdown = markdown.replace(MARKERS[0], regelen.render_checklist(tasks, data, lang, src, pages))
    markdown = markdown.replace(MARKERS[1], plan.render_controls(lang))
    return markdown.replace(MARKERS[2], plan.render_weekplanner(lang))
