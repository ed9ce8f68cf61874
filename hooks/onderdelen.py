"""MkDocs adapter for tools/core/assets.py: a page loads only the component scripts it has markup for."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from hooks.build import Order
from tools.core.assets import drop_unused_scripts


@event_priority(Order.PAGE_SCRIPTS)  # after the help cards are filled in: their markup counts
def on_post_page(output, page, config):
    return drop_unused_scripts(output)
