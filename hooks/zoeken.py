"""MkDocs adapter for search: one index per language, enriched with the search vocabulary.

All logic is in tools/content/search.py and tools/content/vocabulary.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hooks.build import ROOT, STATE, Order, inner_language_build, languages
from tools.content.search import enrich_site, point_to_language_root, split_by_language
from tools.content.vocabulary import VOCAB_FILE, known_pages, load_vocabulary
from tools.core.i18n import build_language
from tools.core.labels import LABELS

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_pre_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return
    data = STATE.dataset()
    vocab, findings = load_vocabulary(
        ROOT / VOCAB_FILE, known_pages(Path(config["docs_dir"]), list(data.municipalities)), VOCAB_FILE.as_posix()
    )
    if findings:  # an editor's mistake: stop with the Dutch messages, not a traceback
        raise PluginError("Fout in de zoekwoorden:\n" + "\n".join(f.as_text() for f in findings))
    STATE.vocab = vocab


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
    """Search texts for the templates (overrides/partials/language.html and search.html)."""

    def text(lang: str, key: str) -> str:  # "" for keys that are not ours: Material's own text stays
        return LABELS.get(lang, LABELS["nl"]).get(key, "") if key.startswith("search") else ""

    env.globals["rs_zoek_tekst"] = text
    return env


@event_priority(Order.SEARCH_ROOT)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    lang = build_language(config)
    default, others = languages(config)
    if lang in others:
        return point_to_language_root(output, lang)
    return output


@event_priority(Order.SEARCH_SPLIT)
def on_post_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return
    default, others = languages(config)
    site_dir = STATE.site_dir or Path(config["site_dir"])
    if others:
        split_by_language(site_dir, others)
    if STATE.vocab is not None:
        enrich_site(site_dir, [default, *others], STATE.vocab, STATE.dataset())
