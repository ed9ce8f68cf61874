"""Build-time glue shared by hooks and the command line: load once, generate, exclude concepts."""

from __future__ import annotations

import os
from pathlib import Path

from tools.core import clock
from tools.core.findings import Report
from tools.core.pages import CONCEPT_ENV, concept_pages
from tools.editorial.coverage import EDITORIAL_DIR, coverage_page
from tools.hulp.load import load_cached
from tools.hulp.model import Dataset
from tools.hulp.render import render_all, write_files


class BuildStop(Exception):
    """The build must stop; the message is the full Dutch report."""


_prepared: dict = {}


def dataset(root: Path) -> Dataset:
    """The validated dataset; stops the build with the full Dutch report when the data has errors."""
    data, findings = load_cached(root)
    report = Report(list(findings))
    if report.blocking:
        raise BuildStop("De gegevens in gemeenten/ bevatten fouten. De site is niet gebouwd.\n" + report.as_text())
    return data


def prepare(root: Path, docs_dir: Path, serving: bool = False) -> list[str]:
    """Validate the data and write the generated pages (only files whose content changed).

    While serving, the editors' pages that depend on the git working tree (translation status,
    changes) are written by the first build only: rewriting them after every edit made the watcher
    rebuild the whole site a second time.
    """
    from tools.editorial.coverage import EDITORIAL_DIR

    data = dataset(root)
    key = (str(docs_dir), id(data))
    written: list[str] = []
    if _prepared.get("key") != key:  # the help pages depend only on the data: render once per change
        _prepared["key"] = key
        written = write_files(docs_dir, render_all(data))
    if serving and "editorial" in _prepared:  # keep the first build's working-tree pages as they are
        pages = {**_prepared["editorial"], **render_editorial(data)}
    else:
        pages = render_editorial(data, root, docs_dir)
    _prepared["editorial"] = pages
    written += write_files(docs_dir, pages, folder=EDITORIAL_DIR)
    return written


def exclude_concepts(config) -> None:
    """Production builds leave concept pages out; preview builds (RS_PREVIEW=1) keep them."""
    if os.environ.get(CONCEPT_ENV) == "1":
        return
    pages = concept_pages(Path(config["docs_dir"]))
    if not pages:
        return
    import pathspec

    extra = pathspec.gitignore.GitIgnoreSpec.from_lines(["/" + p for p in pages])
    current = config.get("exclude_docs")
    patterns = list(current.patterns) if current is not None else []
    config["exclude_docs"] = pathspec.gitignore.GitIgnoreSpec(patterns + list(extra.patterns))


def render_editorial(data: Dataset, root: Path | None = None, docs_dir: Path | None = None) -> dict[str, str]:
    """Every editors' page. With `root` also the translation status, and in previews the changes page."""
    pages = {f"{EDITORIAL_DIR}/dekking.md": coverage_page(data)}
    if root is not None:
        from tools.editorial import translations
        from tools.preview import testversion as preview

        docs_dir = Path(docs_dir) if docs_dir else Path(root) / "docs"
        report = translations.translation_status(root, docs_dir)
        pages[f"{EDITORIAL_DIR}/vertalingen.md"] = translations.status_page(report, clock.today().isoformat())
        if preview.is_preview():
            pages.update(preview.render_changes(root, docs_dir))
    return pages
