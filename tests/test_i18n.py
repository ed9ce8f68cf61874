"""The one place that knows the language rules (tools/core/i18n.py)."""

from __future__ import annotations

from types import SimpleNamespace

from tools.core import i18n


def _page(src: str):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src))


def test_language_twin_and_source():
    assert i18n.language_of("jongeren/praten.en.md") == "en"
    assert i18n.language_of("jongeren/praten.md") == "nl"
    assert i18n.language_of("ouders.engels.md") == "nl"  # only a known language suffix counts
    assert i18n.source_of("geld.en.md") == "geld.md"
    assert i18n.twin("geld.md", "en") == "geld.en.md"
    assert i18n.twin("geld.en.md", "nl") == "geld.md"
    assert (i18n.suffix("nl"), i18n.suffix("en")) == ("", ".en")
    assert (i18n.url_prefix("nl"), i18n.url_prefix("en")) == ("", "en/")


def test_build_language_and_fallback():
    english_build = {"theme": {"language": "en"}}
    dutch_build = {"theme": {"language": None}}
    assert i18n.build_language(english_build) == "en"
    assert i18n.build_language(dutch_build) == "nl"
    assert i18n.is_fallback(_page("geld.md"), english_build)
    assert not i18n.is_fallback(_page("geld.en.md"), english_build)
    assert not i18n.is_fallback(_page("geld.md"), dutch_build)
