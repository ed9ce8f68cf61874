"""Build-time glue shared by hooks and the command line: load once, generate, exclude concepts."""
from __future__ import annotations

import os
from pathlib import Path

from tools.data import load_dataset
from tools.findings import Report
from tools.generate import render_all, write_files
from tools.model import Dataset

CONCEPT_ENV = "RS_PREVIEW"  # set to 1 to build concept pages (preview builds)
DATA_ENV = "RS_GEMEENTEN"  # another gemeenten/ folder (benchmarks, tests); default: <root>/gemeenten


class BuildStop(Exception):
    """The build must stop; the message is the full Dutch report."""


_cache: dict[str, tuple[tuple, tuple[Dataset, list]]] = {}
_prepared: dict = {}


def _fingerprint(folder: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.glob("*.y*ml")))


def data_folder(root: Path) -> Path:
    return Path(os.environ.get(DATA_ENV) or Path(root) / "gemeenten")


def load_cached(root: Path) -> tuple[Dataset, list]:
    """Load gemeenten/ once per change (hooks, checks and i18n's per-language builds share it)."""
    folder = data_folder(root)
    key = str(folder)
    fp = _fingerprint(folder)
    cached = _cache.get(key)
    if cached and cached[0] == fp:
        return cached[1]
    result = load_dataset(folder, root)
    _cache[key] = (fp, result)
    return result


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
    from tools.editorial import EDITORIAL_DIR, render_editorial

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


def is_concept(path: Path) -> bool:
    """True when a page's front matter says `status: concept` (drafts, unapproved stories)."""
    try:
        with path.open(encoding="utf-8") as fh:
            if fh.readline().strip() != "---":
                return False
            for _ in range(60):
                line = fh.readline()
                if not line or line.strip() == "---":
                    return False
                if line.split("#")[0].strip().replace(" ", "") in ("status:concept", "status:'concept'", 'status:"concept"'):
                    return True
    except (OSError, UnicodeDecodeError):
        return False
    return False


def concept_pages(docs_dir: Path) -> list[str]:
    return sorted(p.relative_to(docs_dir).as_posix() for p in Path(docs_dir).rglob("*.md") if is_concept(p))


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
