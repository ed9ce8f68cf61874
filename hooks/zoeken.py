"""MkDocs adapter for search: one index per language, enriched with the search vocabulary.

All logic is in tools/content/search.py and tools/content/vocabulary.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hooks.build import Order, inner_language_build
from tools import build as site
from tools.content.search import enrich_site, point_to_language_root, split_by_language
from tools.content.vocabulary import VOCAB_FILE, known_pages, load_vocabulary
from tools.core.labels import LABELS

ROOT = Path(__file__).resolve().parent.parent
_state: dict = {}


def _languages(config) -> tuple[str, list[str]]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return (config.get("theme") or {}).get("language") or "nl", []
    langs = [lang.locale for lang in i18n.config.languages if lang.build]
    default = next((lang.locale for lang in i18n.config.languages if lang.default), langs[0] if langs else "")
    return default, [lang for lang in langs if lang != default]


def on_pre_build(config):
    if inner_language_build(config):
        return
    _state["site_dir"] = Path(config["site_dir"])
    data = site.dataset(ROOT)
    vocab, findings = load_vocabulary(
        ROOT / VOCAB_FILE, known_pages(Path(config["docs_dir"]), list(data.municipalities)), VOCAB_FILE.as_posix()
    )
    if findings:  # an editor's mistake: stop with the Dutch messages, not a traceback
        raise PluginError("Fout in de zoekwoorden:\n" + "\n".join(f.as_text() for f in findings))
    _state["vocab"], _state["data"] = vocab, data


def on_env(env, config, files):
    """Search texts for the templates (overrides/partials/language.html and search.html)."""

    def text(lang: str, key: str) -> str:  # "" for keys that are not ours: Material's own text stays
        return LABELS.get(lang, LABELS["nl"]).get(key, "") if key.startswith("search") else ""

    env.globals["rs_zoek_tekst"] = text
    return env


@event_priority(Order.SEARCH_ROOT)
def on_post_page(output, page, config):
    lang = (config.get("theme") or {}).get("language")
    default, others = _languages(config)
    if lang in others:
        return point_to_language_root(output, lang)
    return output


@event_priority(Order.SEARCH_SPLIT)
def on_post_build(config):
    if inner_language_build(config):
        return
    default, others = _languages(config)
    site_dir = _state.get("site_dir") or Path(config["site_dir"])
    if others:
        split_by_language(site_dir, others)
    if "vocab" in _state:
        enrich_site(site_dir, [default, *others], _state["vocab"], _state["data"])
