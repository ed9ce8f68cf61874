"""Shared by the hooks (not a hook itself): is this one of mkdocs-static-i18n's inner builds?

The i18n plugin builds the default language first and then, from that build's on_post_build, every
other language (`building` is true meanwhile). Work that must happen once per build checks this.
"""
from __future__ import annotations


def inner_language_build(config) -> bool:
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(getattr(i18n, "building", False))
