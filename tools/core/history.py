"""Git history of the sources: version string, files changed against a base, last commit per file.

Every function degrades gracefully: without git, outside a repository or on a shallow clone it
returns what it can (and says so) instead of raising. Uncommitted work counts as a change.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

BASE_ENV = "RS_BASIS"  # the ref to compare a preview with (default: origin/main, else main)
VERSION_ENV = "RS_VERSIE"  # overrides the version string (CI can put a pull-request number in it)
DEFAULT_BASES = ("origin/main", "main")


def git(root: Path, *args: str) -> str | None:
    """stdout of a git command in `root`, or None when git is missing or the command fails."""
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60,
                                env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def is_repository(root: Path) -> bool:
    return (git(root, "rev-parse", "--is-inside-work-tree") or "").strip() == "true"


def is_shallow(root: Path) -> bool:
    return (git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"


def shallow_boundary(root: Path) -> set[str]:
    """Commits whose parents are missing in a shallow clone (their diff shows every file)."""
    path = (git(root, "rev-parse", "--git-path", "shallow") or "").strip()
    if not path:
        return set()
    file = Path(root) / path if not Path(path).is_absolute() else Path(path)
    try:
        return {line.strip() for line in file.read_text(encoding="utf-8").splitlines() if line.strip()}
    except OSError:
        return set()


def version(root: Path) -> str:
    """`git describe --always --dirty` (e.g. 'a1b2c3d-dirty'), RS_VERSIE when set, else 'onbekend'."""
    forced = os.environ.get(VERSION_ENV, "").strip()
    if forced:
        return forced
    out = git(root, "describe", "--always", "--dirty")
    return out.strip() if out and out.strip() else "onbekend"


def resolve_base(root: Path, wanted: str | None = None) -> str | None:
    """The base ref to compare with: `wanted`, RS_BASIS, origin/main or main; None if none exists."""
    candidates = [wanted] if wanted else ([os.environ[BASE_ENV]] if os.environ.get(BASE_ENV) else list(DEFAULT_BASES))
    for ref in candidates:
        if ref and git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") is not None:
            return ref
    return None


@dataclass
class Changes:
    """Files changed on this branch (since it left the base), including uncommitted work."""

    base: str | None  # the ref compared with; None when there was nothing to compare with
    files: dict[str, str] = field(default_factory=dict)  # path -> 'nieuw' | 'gewijzigd' | 'verwijderd'
    problem: str = ""  # Dutch explanation when the comparison was not (fully) possible


_STATUS = {"A": "nieuw", "M": "gewijzigd", "D": "verwijderd", "T": "gewijzigd"}


def changed_files(root: Path, base: str | None = None) -> Changes:
    """Compare the working tree with where this branch left `base` (merge base), like a pull request."""
    root = Path(root)
    if not is_repository(root):
        return Changes(None, problem="Deze map is geen git-repository. Er is niets om mee te vergelijken.")
    ref = resolve_base(root, base)
    if ref is None:
        wanted = base or os.environ.get(BASE_ENV) or " of ".join(DEFAULT_BASES)
        return Changes(None, problem=f"De basis '{wanted}' bestaat niet in deze repository. "
                                     "Haal hem op met 'git fetch origin main', of kies een andere met --basis.")
    problem = ""
    start = (git(root, "merge-base", ref, "HEAD") or "").strip()
    if not start:
        start = ref  # unrelated or shallow history: compare with the base itself
        problem = (f"Het startpunt van deze versie ten opzichte van '{ref}' is niet gevonden (ondiepe kopie?). "
                   f"De lijst vergelijkt met '{ref}' zelf.")
    out = git(root, "diff", "--name-status", "--no-renames", "-z", start, "--")
    if out is None:
        return Changes(ref, problem=f"Vergelijken met '{ref}' lukte niet.")
    files: dict[str, str] = {}
    parts = out.split("\0")
    for status, path in zip(parts[0::2], parts[1::2]):
        if path:
            files[path] = _STATUS.get(status[:1], "gewijzigd")
    for path in (git(root, "ls-files", "--others", "--exclude-standard", "-z") or "").split("\0"):
        if path:
            files[path] = "nieuw"
    return Changes(ref, dict(sorted(files.items())), problem)


def uncommitted(root: Path, pathspec: str = ".") -> set[str]:
    """Paths with uncommitted changes (modified, added, untracked; not deleted)."""
    out = git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", pathspec)
    dirty: set[str] = set()
    if not out:
        return dirty
    for entry in out.split("\0"):
        if len(entry) > 3 and "D" not in entry[:2]:
            dirty.add(entry[3:])
    return dirty


@dataclass(frozen=True)
class LastChange:
    order: int  # 0 = the newest commit in the log; larger = older
    commit: str
    date: str  # committer date, yyyy-mm-dd


def last_changes(root: Path, pathspec: str = "docs") -> dict[str, LastChange]:
    """For every path under `pathspec`: the newest commit that touched it. One git call.

    `--topo-order` lists a commit before its ancestors, so a smaller `order` means "changed later".
    """
    out = git(root, "log", "--topo-order", "--no-renames", "--name-only", "-z", "--format=%x1e%H %cs", "--", pathspec)
    result: dict[str, LastChange] = {}
    if not out:
        return result
    for order, block in enumerate(out.split("\x1e")[1:]):
        head, *names = block.split("\0")
        sha, _, date = head.strip().partition(" ")
        for name in names:
            name = name.strip("\n")
            if name and name not in result:
                result[name] = LastChange(order, sha, date)
    return result
