"""MkDocs adapter for the site's own measures (tools/security/measures.py), off by default.

on_config: read extra.paginafeedback / extra.statistieken, allow exactly their origins in the
CSP's connect-src (tools/security/policy.py), and load their scripts only when they are on.
on_page_markdown: the privacy page's `<!-- metingen: ... -->` markers become the text for this
configuration. on_post_page: the feedback widget at the end of the article, the statistics address
in <head>. With both off, pages are unchanged apart from the privacy text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from hooks.build import STATE
from tools.core.i18n import build_language, page_language, url_prefix
from tools.security import measures
from tools.security import policy as security

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    try:
        m = measures.from_extra(config.get("extra"))
    except measures.ConfigError as err:
        raise PluginError(str(err)) from None
    STATE.measures = m
    security.allow_connect(m.origins())
    present = [str(s) for s in config["extra_javascript"]]
    for script in m.scripts():
        if script not in present:
            config["extra_javascript"].append(script)
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if "metingen" not in markdown:
        return markdown
    text, unknown = measures.expand_privacy(markdown, STATE.measures or measures.Measures(), page_language(page))
    if unknown:
        raise PluginError(
            f"docs/{page.file.src_uri}: onbekende markering <!-- metingen: {unknown[0]} -->. "
            f"Gebruik <!-- metingen: kort --> of <!-- metingen: uitleg -->."
        )
    return text


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    m = STATE.measures
    if m is None or not (m.feedback or m.stats):
        return output
    lang = build_language(config)
    privacy = url_prefix(lang) + ("privacy/" if config["use_directory_urls"] else "privacy.html")
    href = get_relative_url(privacy, page.url)
    return measures.add_to_page(output, m, lang, "/" + page.url, href)
