"""MkDocs adapter for "Wat moet ik regelen?" and "Ons plan voor de kinderen": expand their markers.

`<!-- wat-moet-ik-regelen -->`, `<!-- ons-plan -->` and `<!-- weekplanner -->` become the HTML
from tools/content/regelen.py and tools/content/plan.py. All logic lives in tools/.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.utils import get_relative_url

from hooks.build import ROOT, STATE
from tools.content import plan, regelen
from tools.core.i18n import page_language

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

MARKERS = ("<!-- wat-moet-ik-regelen -->", "<!-- ons-plan -->", "<!-- weekplanner -->")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not any(m in markdown for m in MARKERS):
        return markdown
    src = page.file.src_uri
    lang = page_language(page)
    if MARKERS[0] in markdown:
        data = STATE.dataset()
        tasks = regelen.load_for_build(ROOT, data.categories)
        pages = regelen.docs_pages(Path(config["docs_dir"]))
        markdown = markdown.replace(
            MARKERS[0], regelen.render_checklist(tasks, data, lang, src, pages, _linker(page, files, lang))
        )
    markdown = markdown.replace(MARKERS[1], plan.render_controls(lang))
    return markdown.replace(MARKERS[2], plan.render_weekplanner(lang))


def _linker(page, files, lang):
    """MkDocs' own URLs (directory URLs or .html, language folder), relative to this page."""
    urls = {f.src_uri: f.url for f in files.documentation_pages()}
    fallback = regelen.directory_linker(page.file.src_uri)

    def link(target: str) -> str:
        localized = target[:-3] + f".{lang}.md"
        url = urls.get(localized) if lang != "nl" else None
        url = url or urls.get(target)
        return get_relative_url(url, page.url) if url is not None else fallback(target)

    return link
