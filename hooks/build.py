"""Shared by the hooks (not a hook itself): the state of one build, the order of events, the languages.

The i18n plugin builds the default language first and then, from that build's on_post_build, every
other language (`building` is true meanwhile). A "build" here is that whole run: `mkdocs build`
with all its languages, or one rebuild while `mkdocs serve` watches. Work that must happen once per
build checks `inner_language_build`; what the hooks share during it lives in `STATE`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.exceptions import PluginError

from tools import build as site
from tools.core.i18n import DEFAULT
from tools.hulp.model import Dataset

ROOT = Path(__file__).resolve().parent.parent


class Order:
    """Event priorities (higher runs first; MkDocs' default is 0). One table, so the order is visible."""

    # on_config, on_pre_build, on_files
    EARLY = 100  # hooks/quality.py: Dutch menu messages before i18n copies the config; source gates start
    #              first (their report explains any later stop); unreadable pages stop before MkDocs reads them
    # on_post_page / on_post_template
    SECURE_PAGE = -90  # hooks/security.py: CSP and rel on links, after other plugins changed the page
    SEARCH_ROOT = -95  # hooks/zoeken.py: the page is final apart from where search looks for its index
    FILL_CARDS = -100  # hooks/gemeenten.py: escaped help cards with rel already set; nothing rescans them
    PAGE_SCRIPTS = -120  # hooks/onderdelen.py: drop component scripts the finished page has no markup for
    OUTPUT_GATE = -160  # hooks/quality.py: the very last change to a page: what is scanned is what is written
    # on_post_build
    SITE_FILES = -140  # hooks/security.py: _headers, security.txt, 404 pages, once after all languages
    SEARCH_SPLIT = -140  # hooks/zoeken.py: one search index per language, after i18n (-100) wrote the shared one
    PREVIEW_LINKS = -145  # hooks/preview.py: links that work from disk, after the site files
    REPORT = -150  # hooks/quality.py: built-site links and the one report, last of all
    # on_shutdown
    LAST = -1000  # hooks/quality.py: after a successful `mkdocs build`, exit without tearing the objects down
    # hooks/talen.py: the other languages in a second process, forked once the default language has its
    # files (after i18n, -100, chose them), joined before i18n's on_post_build would build them itself
    FORK_LANGUAGES = -200
    JOIN_LANGUAGES = -50


@dataclass
class BuildState:
    """What the hooks share. `command` and `dirty` hold for the whole run (on_startup); `begin` resets
    the rest at the start of every build, so a rebuild while serving never sees the previous one."""

    command: str | None = None  # "build", "serve" or "gh-deploy"
    dirty: bool = False
    # hooks/gemeenten.py and every hook that needs the offer: gemeenten/, validated once per build
    data: Dataset | None = None
    # hooks/quality.py: the atomic site swap (lives across begin: it spans the whole build), source gates, output gate
    swap: object | None = None
    check: object | None = None  # the `python -m tools check` process running beside the build
    check_json: str | None = None
    late_check: object | None = None  # while serving: the previous rebuild's source gates, still reporting
    site_dir: Path | None = None  # where the default language is built (the site root)
    sources: dict = field(default_factory=dict)  # built page -> its source, for the link report
    output: list = field(default_factory=list)  # output-gate findings of every language
    printed: set = field(default_factory=set)  # findings already shown (not repeated in the final report)
    env: object | None = None  # the theme's Jinja environment (known inline scripts are rendered with it)
    links: dict = field(default_factory=dict)  # built page -> its ids and link targets (tools/gates/linkcheck.py)
    succeeded: bool = False  # every gate passed in every language (hooks/quality.py)
    # hooks/security.py
    hashes: set = field(default_factory=set)  # inline-script hashes of every language, for _headers
    warned: set = field(default_factory=set)
    not_found: dict = field(default_factory=dict)  # language -> its 404 page
    nav: object | None = None
    fallback_titles: tuple = ()  # (nav, titles of untranslated pages) of the language being built
    # hooks/zoeken.py, hooks/woordenlijst.py
    vocab: object | None = None
    abbreviations: dict = field(default_factory=dict)  # language -> the glossary's abbreviation lines
    # hooks/talen.py while serving: the last full build's file times and what its other languages handed over
    serve_snapshot: dict | None = None
    serve_kept: dict | None = None
    serve_building: dict | None = None
    # hooks/metingen.py and hooks/preview.py (set in on_config, which runs before begin)
    measures: object | None = None
    preview: object | None = None

    # What one language's pages add; a language built in another process (hooks/talen.py) hands it back,
    # and while serving hooks/talen.py `_remember_language` keeps it for the next Dutch-only rebuild.
    PAGE_FIELDS = ("sources", "output", "hashes", "warned", "not_found", "links")

    def forget_pages(self) -> None:
        for name in self.PAGE_FIELDS:
            setattr(self, name, type(getattr(self, name))())

    def pages_part(self) -> dict:
        return {name: getattr(self, name) for name in self.PAGE_FIELDS}

    def merge(self, part: dict) -> None:
        for name in self.PAGE_FIELDS:  # dicts and sets update, the list extends
            mine = getattr(self, name)
            (mine.extend if isinstance(mine, list) else mine.update)(part[name])

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    def begin(self, config) -> None:
        """Start a new build: hooks/quality.py calls this from the first on_pre_build (priority EARLY).
        Inner language builds keep the state."""
        if inner_language_build(config):
            return
        keep = {"command", "dirty", "swap", "check", "check_json", "late_check", "measures", "preview"}
        keep |= {"serve_snapshot", "serve_kept", "serve_building"}
        fresh = BuildState()
        for name in self.__dataclass_fields__:
            if name not in keep:
                setattr(self, name, getattr(fresh, name))
        self.site_dir = Path(config["site_dir"])

    def dataset(self) -> Dataset:
        """The validated offer of this build; a Dutch stop when gemeenten/ has errors."""
        if self.data is None:
            try:
                self.data = site.dataset(ROOT)
            except site.BuildStop as stop:
                raise PluginError(str(stop)) from None
        return self.data


STATE = BuildState()


def inner_language_build(config) -> bool:
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(getattr(i18n, "building", False))


def languages(config) -> tuple[str, list[str]]:
    """The default language and the other languages built, as mkdocs-static-i18n is configured."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return (config.get("theme") or {}).get("language") or DEFAULT, []
    langs = [lang.locale for lang in i18n.config.languages if lang.build]
    default = next((lang.locale for lang in i18n.config.languages if lang.default), langs[0] if langs else DEFAULT)
    return default, [lang for lang in langs if lang != default]


def page_base_url(page) -> str:
    """The page's way back to the site root (what the theme's inline scripts are rendered with)."""
    from mkdocs.utils import get_relative_url

    return get_relative_url(".", page.url)


def template_base_url(template_name: str, config) -> str:
    from urllib.parse import urlsplit

    from mkdocs.utils import get_relative_url

    if template_name == "404.html":  # served at any depth: absolute from the site's path
        return urlsplit(config.get("site_url") or "/").path or "/"
    return get_relative_url(".", template_name)


class CompiledTemplates(jinja2.BytecodeCache):
    """Material's templates, compiled once per process instead of once per build.

    MkDocs makes a new Jinja environment for every build, so `make serve` compiled about 40 of
    Material's templates again on every rebuild. Jinja checks each entry against a checksum of the
    template's source, so an edited template (overrides/) is compiled afresh."""

    def __init__(self) -> None:
        self._code: dict[tuple, bytes] = {}

    def _key(self, bucket: jinja2.bccache.Bucket) -> tuple:
        return bucket.key, tuple(sorted(bucket.environment.extensions))

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(self._key(bucket))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[self._key(bucket)] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()
