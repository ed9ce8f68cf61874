"""MkDocs adapter, `make serve` only: a page whose Markdown did not change is not converted again.

Converting Markdown is most of a rebuild (about three quarters of it on the region). While serving,
every rebuild converted every page, although an edit changes one. The HTML of a page depends only on
its final Markdown (after every hook's on_page_markdown), its place, the site's files (links) and
the Markdown settings, so those are the key; anything else misses the cache and converts as before.
The log lines the conversion wrote (for example a link to a missing page) are written again on a
hit, so the report stays the same. `mkdocs build` never uses this.
"""

from __future__ import annotations

import copy
import hashlib
import logging
from typing import TYPE_CHECKING

from mkdocs.structure.pages import Page

from hooks.build import inner_language_build

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class RenderCache:
    """The last conversion of every page (by output file), with the key it was made for."""

    def __init__(self, render) -> None:
        self.render = render  # MkDocs' own Page.render
        self.entries: dict[str, tuple[bytes, tuple]] = {}
        self.hits = self.misses = 0

    @staticmethod
    def key(page: Page, config: MkDocsConfig, files: Files) -> bytes:
        sig = getattr(files, "_rs_signature", None)
        if sig is None:
            sig = hashlib.sha1(repr(sorted((f.src_uri, f.url) for f in files)).encode()).hexdigest()
            files._rs_signature = sig
        settings = (config["markdown_extensions"], config["mdx_configs"], config["validation"], config["use_directory_urls"])
        return hashlib.sha1(repr((page.markdown, page.file.src_uri, page.file.url, sig, settings)).encode()).digest()

    def __call__(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        key = self.key(page, config, files)
        last_key, hit = self.entries.get(page.file.dest_uri, (None, None))
        if last_key != key:
            self.misses += 1
            self.entries[page.file.dest_uri] = key, self._convert(page, config, files)
        else:
            self.hits += 1
            content, toc, title, anchors, links, records = hit
            page.content, page.toc, page._title_from_render = content, copy.deepcopy(toc), title
            page.present_anchor_ids = set(anchors)
            page.links_to_anchors = None if links is None else _files_back(links, files)
            for record in records:
                logging.getLogger(record.name).handle(record)

    def _convert(self, page: Page, config: MkDocsConfig, files: Files) -> tuple:
        capture = _Records()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(capture)
        try:
            self.render(page, config, files)
        finally:
            logger.removeHandler(capture)
        links = page.links_to_anchors
        return (
            page.content,
            copy.deepcopy(page.toc),
            page._title_from_render,
            frozenset(page.present_anchor_ids or ()),
            None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
            capture.records,
        )

    def next_build(self) -> None:
        self.hits = self.misses = 0


def _files_back(links: dict[str, dict[str, str]], files: Files) -> dict:
    back = {}
    for src_uri, anchors in links.items():
        target = files.get_file_from_path(src_uri)
        if target is not None:
            back[target] = dict(anchors)
    return back


def cache() -> RenderCache | None:
    """The cache, once `make serve` installed it."""
    return getattr(Page.render, "rs_cache", None)


def install() -> RenderCache:
    if cache() is None:
        wrapped = RenderCache(Page.render)

        def render(page: Page, config: MkDocsConfig, files: Files) -> None:  # a method must be a function
            wrapped(page, config, files)

        render.rs_cache = wrapped
        Page.render = render
    return cache()


def on_startup(*, command: str, dirty: bool) -> None:
    if command == "serve":
        install()


def on_pre_build(*, config: MkDocsConfig) -> None:
    cached = cache()
    if cached is not None and not inner_language_build(config):  # one build of every language
        cached.next_build()
