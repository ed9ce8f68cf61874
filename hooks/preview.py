"""MkDocs adapter for test versions (tools/preview/testversion.py): banner data per page, links that work from disk.

Only active with RS_PREVIEW=1 (`python -m tools preview`); in production builds every event
returns at once and changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hooks.build import STATE, Order, inner_language_build
from tools.core.i18n import build_language
from tools.preview import testversion as preview

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

ROOT = Path(__file__).resolve().parent.parent


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    if not preview.is_preview():
        STATE.preview = None
        return config
    if STATE.preview is None or not inner_language_build(config):
        try:
            STATE.preview = preview.preview_info(ROOT, config.get("extra"), config.get("site_url") or "")
        except preview.ConfigError as err:
            raise PluginError(str(err)) from None
    # .html links instead of directory URLs, so the preview also works from disk (file://).
    config["use_directory_urls"] = False
    if preview.CSS not in config["extra_css"]:
        config["extra_css"].append(preview.CSS)
    if preview.JS not in [str(s) for s in config["extra_javascript"]]:
        config["extra_javascript"].append(preview.JS)
    return config


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext | None:
    info = STATE.preview
    if info is not None:
        title = str(page.meta.get("title") or page.title or "")
        context["rs_preview_page"] = preview.page_context(info, build_language(config), page.file.src_uri, title, page.url)
    return context


def on_template_context(context: TemplateContext, *, template_name: str, config: MkDocsConfig) -> TemplateContext | None:
    info = STATE.preview
    if info is not None and template_name.endswith(".html"):  # 404.html, written into the language's folder
        lang = build_language(config)
        url = template_name if lang == "nl" else f"{lang}/{template_name}"
        context["rs_preview_page"] = preview.page_context(info, lang, None, "", url)
    return context


@event_priority(Order.PREVIEW_LINKS)  # after hooks/security.py (-140), before the link check in hooks/quality.py (-150)
def on_post_build(*, config: MkDocsConfig) -> None:
    info = STATE.preview
    if info is None or inner_language_build(config):
        return
    preview.finish_site(Path(config["site_dir"]), info)
