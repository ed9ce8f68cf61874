"""Shared by the hooks (not a hook itself): the order of their events and the i18n inner builds.

The i18n plugin builds the default language first and then, from that build's on_post_build, every
other language (`building` is true meanwhile). Work that must happen once per build checks this.
"""

from __future__ import annotations


class Order:
    """Event priorities (higher runs first; MkDocs' default is 0). One table, so the order is visible."""

    # on_config, on_pre_build, on_files
    EARLY = 100  # hooks/quality.py: Dutch menu messages before i18n copies the config; source gates start
    #              first (their report explains any later stop); unreadable pages stop before MkDocs reads them
    # on_post_page / on_post_template
    SECURE_PAGE = -90  # hooks/security.py: CSP and rel on links, after other plugins changed the page
    SEARCH_ROOT = -95  # hooks/zoeken.py: the page is final apart from where search looks for its index
    FILL_CARDS = -100  # hooks/gemeenten.py: escaped help cards with rel already set; nothing rescans them
    OUTPUT_GATE = -160  # hooks/quality.py: the very last change to a page: what is scanned is what is written
    # on_post_build
    SITE_FILES = -140  # hooks/security.py: _headers, security.txt, 404 pages, once after all languages
    SEARCH_SPLIT = -140  # hooks/zoeken.py: one search index per language, after i18n (-100) wrote the shared one
    PREVIEW_LINKS = -145  # hooks/preview.py: links that work from disk, after the site files
    REPORT = -150  # hooks/quality.py: built-site links and the one report, last of all


def inner_language_build(config) -> bool:
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(getattr(i18n, "building", False))
