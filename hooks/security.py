"""MkDocs adapter for tools/security/policy.py: CSP per page, safe external links, _headers and security.txt.

All logic lives in tools/security/policy.py; this file only connects it to MkDocs events. With
mkdocs-static-i18n every event runs once per language: script hashes are collected over all
languages and the site-wide files are written once, after the last language.

Two i18n repairs for the language of parts (WCAG 3.1.2) live here too, because this hook already
sees every rendered page:
- i18n writes the 404 page of every language to the same /404.html, so the last language (English)
  won. The Dutch 404 page is put back at /404.html and the English one goes to /en/404.html.
- An English page that falls back to the Dutch text is wrapped in lang="nl" by overrides/main.html;
  its Dutch title also appears in the English navigation, header and footer, and its table of
  contents is Dutch: those get lang="nl" here.
"""

from __future__ import annotations

import logging
import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hooks.build import STATE, Order, inner_language_build, languages, page_base_url, template_base_url
from tools.core.i18n import build_language
from tools.security import policy as security

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.security")

ROOT = Path(__file__).resolve().parent.parent


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    extra = config.get("extra") or {}
    try:
        security.exit_url(extra.get("snel_weg_url"))
        security.contact_uri(extra.get("security_contact"))
    except security.ConfigError as err:
        raise PluginError(str(err)) from None
    return config


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
    STATE.env = env  # the theme's Jinja environment: the known inline scripts are rendered with it
    return env


def allowed_hashes(config, base_url: str) -> frozenset[str]:
    """The known inline scripts of the templates for a page with this base_url (never the page's own)."""
    env = STATE.env = STATE.env or config.theme.get_env()
    return security.known_hashes(env, config, base_url)


def _secure(html: str, config, where: str, base_url: str) -> str:
    host = urlsplit(config.get("site_url") or "").hostname
    allowed = allowed_hashes(config, base_url)
    STATE.hashes.update(allowed)
    html = security.secure_page(html, allowed, host)
    body = html.split("</head>", 1)[-1]
    if security.STYLE_ATTR_RE.search(body) and where not in STATE.warned:
        STATE.warned.add(where)
        log.warning(
            f'{where}: de pagina heeft een style="..." attribuut. De Content-Security-Policy '
            "blokkeert dat in de browser. Gebruik een class uit docs/assets/rs.css."
        )
    return html


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
    STATE.nav = nav
    return nav


@event_priority(Order.SECURE_PAGE)  # after other plugins changed the page, so the hashes match the final HTML
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    output = _mark_fallback_language(output, page, config)
    return _secure(output, config, f"docs/{page.file.src_uri}", page_base_url(page))


def _is_fallback(page, lang: str) -> bool:
    return not page.file.src_uri.endswith(f".{lang}.md") and not (page.meta or {}).get("gegenereerd")


def _mark_fallback_language(html: str, page, config) -> str:
    lang = build_language(config)
    default = _default_language(config)
    nav = STATE.nav
    if lang == default or nav is None:
        return html
    if not STATE.fallback_titles or STATE.fallback_titles[0] is not nav:
        titles = sorted({p.title for p in nav.pages if p.title and _is_fallback(p, lang)}, key=len, reverse=True)
        STATE.fallback_titles = (nav, titles)
    for title in STATE.fallback_titles[1]:
        for text in {title, escape(title, quote=False)}:
            html = re.sub(
                r'(<(span|div) class="md-ellipsis")(>\s*)' + re.escape(text) + r"(\s*</\2>)",
                lambda m, text=text: f'{m.group(1)} lang="{default}"{m.group(3)}{text}{m.group(4)}',
                html,
            )
    if _is_fallback(page, lang):
        html = html.replace(
            '<ul class="md-nav__list" data-md-component="toc"',
            f'<ul lang="{default}" class="md-nav__list" data-md-component="toc"',
        )
    return html


@event_priority(Order.SECURE_PAGE)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
    if not template_name.endswith(".html"):
        return output_content
    html = _secure(output_content, config, template_name, template_base_url(template_name, config))
    if template_name == "404.html":
        STATE.not_found[build_language(config)] = html
    return html


@event_priority(Order.SITE_FILES)
def on_post_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return  # an inner language build; write the site-wide files once, at the end
    site_dir = STATE.site_dir or Path(config["site_dir"])
    _write_404_pages(site_dir, config)
    hashes = sorted(STATE.hashes)
    extra = config.get("extra") or {}
    try:
        (site_dir / "_headers").write_text(security.headers_file(hashes), encoding="utf-8")
        txt = site_dir / security.SECURITY_TXT_PATH
        txt.parent.mkdir(parents=True, exist_ok=True)
        txt.write_text(security.security_txt(extra.get("security_contact"), config.get("site_url")), encoding="utf-8")
    except security.ConfigError as err:
        raise PluginError(str(err)) from None
    stale = security.stale_hosting_files(hashes)
    if stale:
        log.warning(
            "hosting/" + ", hosting/".join(stale) + " past niet meer bij de scripts van deze bouw. "
            "Voer uit: python -m tools.security.policy write-hosting " + str(site_dir)
        )


def _write_404_pages(site_dir: Path, config) -> None:
    pages = STATE.not_found or {}
    default = _default_language(config)
    for lang, html in pages.items():
        target = site_dir / ("404.html" if lang == default else f"{lang}/404.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


def _default_language(config) -> str:
    return languages(config)[0]
