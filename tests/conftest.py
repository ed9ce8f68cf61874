"""Shared fixtures: one production build of the real site per test session, and copies of the repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
# One build day for the whole session (tools/core/clock.py; MkDocs reads it for the sitemap): two
# builds compared by a test stay equal when midnight falls between them.
ENV.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
ENV.pop("RS_GEMEENTEN", None)
ENV.pop("RS_PREVIEW", None)
_IGNORE_ANYWHERE = shutil.ignore_patterns(".venv", ".git", "site", "site-*", "__pycache__", ".pytest_cache", "*.egg-info")
_GENERATED = {"hulp", "redactie"}  # docs/hulp/ and docs/redactie/ are written by the build


def COPY_IGNORE(folder: str, names: list[str]) -> set[str]:
    ignored = set(_IGNORE_ANYWHERE(folder, names))
    if Path(folder).name == "docs":
        ignored |= _GENERATED & set(names)
    return ignored


def run_mkdocs(root: Path, site_dir: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir), *extra],
        cwd=root,
        env={**ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
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


# ---------------------------------------------------------------------------- browser and security tests


@pytest.fixture(scope="session")
def site_dir(request) -> Path:
    """The built site for the browser and security tests: RS_SITE_DIR (a site you built) or built_site."""
    given = os.environ.get("RS_SITE_DIR")
    if given:
        return Path(given).resolve()
    return request.getfixturevalue("built_site")


@pytest.fixture(scope="session")
def site_server(site_dir):
    """The built site on http://127.0.0.1:<free port>/ with the headers of its _headers file."""
    from browser import StaticServer

    with StaticServer(site_dir) as server:
        yield server


@pytest.fixture(scope="session")
def chromium():
    """One headless Debian Chromium for the whole session (skips, or fails with RS_REQUIRE_BROWSER=1)."""
    from browser import launch, require_browser

    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        yield browser
        browser.close()
