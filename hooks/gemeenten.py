"""MkDocs adapter for gemeenten/: generate pages before the build, expand editor markers per page.

All logic lives in tools/; this file only connects it to MkDocs events.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hooks.build import ROOT, STATE, Order, inner_language_build
from tools import build as site
from tools.core.i18n import build_language, is_fallback, page_language, url_prefix
from tools.core.labels import js_texts, label
from tools.hulp.blocks import MARKER_RE, expand_markers
from tools.hulp.render import fill_placeholders

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    site.exclude_concepts(config)
    return config


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
    # Issue 11: templates (overrides/) render the browser modules' texts from tools/core/labels.py.
    env.globals["rs_js_texts"] = js_texts
    # One string table for the templates too, and the language decided here, not in Jinja.
    env.globals["rs_label"] = label
    env.globals["rs_lang"] = build_language(config)
    env.globals["rs_url_prefix"] = url_prefix(build_language(config))
    return env


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext | None:
    # overrides/main.html: a page of another language's build that shows the Dutch text says so
    context["rs_fallback"] = is_fallback(page, config) and not page.meta.get("gegenereerd")
    return context


def on_pre_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return  # the other languages of the same build: everything is generated already
    try:
        site.prepare(ROOT, Path(config["docs_dir"]), serving=STATE.serving)
    except site.BuildStop as stop:
        raise PluginError(str(stop)) from None
    STATE.dataset()


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    data = STATE.dataset()
    src = page.file.src_uri
    lang = page_language(page)
    tags = page.meta.get("zoekwoorden")
    if isinstance(tags, list) and "tags" not in page.meta:
        # Material's search weighs tags heavily; keywords are not shown (tags plugin is off).
        page.meta["tags"] = [str(t) for t in tags]
    cats = page.meta.get("hulp")
    if not cats and not MARKER_RE.search(markdown):
        return markdown
    return expand_markers(markdown, data, lang, src, cats if isinstance(cats, list) else None)


@event_priority(Order.FILL_CARDS)  # after hooks/security.py: the cards are escaped data with rel set already,
def on_post_page(
    output: str, *, page: Page, config: MkDocsConfig
) -> str | None:  # so nothing needs to rescan them (national scale)
    if page.meta.get("gemeente"):
        return fill_placeholders(output, STATE.dataset())
    return output
