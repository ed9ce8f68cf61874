"""Shared fixtures: one production build of the real site per test session, and copies of the repo."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
ENV.pop("RS_GEMEENTEN", None)
ENV.pop("RS_PREVIEW", None)
COPY_IGNORE = shutil.ignore_patterns(".venv", ".git", "site", "site-*", "__pycache__", ".pytest_cache", "hulp", "redactie")


def run_mkdocs(root: Path, site_dir: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir), *extra],
        cwd=root, env={**ENV, **(env or {})}, capture_output=True, text=True, timeout=600,
    )


def copy_repo(dest: Path) -> Path:
    """A private copy of the repository (without generated files), to change and build freely."""
    shutil.copytree(ROOT, dest, ignore=COPY_IGNORE)
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once in production mode from a copy of the repository."""
    base = tmp_path_factory.mktemp("site")
    repo = copy_repo(base / "repo")
    site = base / "site"
    result = run_mkdocs(repo, site)
    if result.returncode != 0:
        pytest.fail(f"De productiebouw faalde:\n{result.stdout[-4000:]}\n{result.stderr[-6000:]}")
    return site
