"""MkDocs adapter for tools/core/assets.py: a page loads only the component scripts and part
stylesheets it uses, and Material's bundle at the first sign of use."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from hooks.build import Order
from tools.core.assets import PART_STYLES, defer_bundle, drop_unused_scripts, drop_unused_styles, style_needs

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

_needs: dict = {}  # read from this build's stylesheets and scripts (on_pre_build)


def _trim(html: str) -> str:
    return defer_bundle(drop_unused_styles(drop_unused_scripts(html), _needs))


def on_pre_build(*, config: MkDocsConfig) -> None:
    always = [str(css) for css in config.extra_css if str(css) not in PART_STYLES]
    _needs.clear()
    _needs.update(style_needs(Path(config.docs_dir), always))


@event_priority(Order.PAGE_SCRIPTS)  # after the help cards are filled in: their markup counts
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    return _trim(output)


def on_post_template(
    output_content: str, *, template_name: str, config: MkDocsConfig
) -> str | None:  # the 404 page is a theme template
    return _trim(output_content) if template_name.endswith(".html") else None
