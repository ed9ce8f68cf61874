"""MkDocs adapter: a search index per language (tools/content/search.py)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from hooks.build import inner_language_build
from tools.content.search import point_to_language_root, split_by_language

ROOT = Path(__file__).resolve().parent.parent
_state: dict = {}


def _languages(config) -> tuple[str, list[str]]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return "", []
    langs = [lang.locale for lang in i18n.config.languages if lang.build]
    default = next((lang.locale for lang in i18n.config.languages if lang.default), langs[0] if langs else "")
    return default, [lang for lang in langs if lang != default]


def on_pre_build(config):
    if not inner_language_build(config):
        _state["site_dir"] = Path(config["site_dir"])


@event_priority(-95)  # after hooks/security.py (-90): the page is final apart from this value
def on_post_page(output, page, config):
    lang = (config.get("theme") or {}).get("language")
    default, others = _languages(config)
    if lang in others:
        return point_to_language_root(output, lang)
    return output


@event_priority(-140)  # after i18n (-100) has built every language and written the shared index
def on_post_build(config):
    if inner_language_build(config):
        return
    _, others = _languages(config)
    if others:
        split_by_language(_state.get("site_dir") or Path(config["site_dir"]), others)
