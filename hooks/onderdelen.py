"""MkDocs adapter for tools/core/assets.py: a page loads only the component scripts it has markup for,
and Material's bundle at the first sign of use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from hooks.build import Order
from tools.core.assets import defer_bundle, drop_unused_scripts

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


@event_priority(Order.PAGE_SCRIPTS)  # after the help cards are filled in: their markup counts
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    return defer_bundle(drop_unused_scripts(output))


def on_post_template(
    output_content: str, *, template_name: str, config: MkDocsConfig
) -> str | None:  # the 404 page is a theme template
    return defer_bundle(drop_unused_scripts(output_content)) if template_name.endswith(".html") else None
