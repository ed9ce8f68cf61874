"""Translation status from git history (tools/editorial/translations.py, tools/core/history.py), in small temporary repositories."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.core import history
from tools.editorial.translations import (
    CURRENT,
    MISSING,
    OUTDATED,
    UNCOMMITTED,
    UNKNOWN,
    as_text,
    status_page,
    translation_status,
)

ROOT = Path(__file__).resolve().parent.parent
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.invalid", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is niet geïnstalleerd")


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, env={**os.environ, **GIT_ENV}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def page(title: str, body: str = "Tekst.") -> str:
    return f"---\ntitle: {title}\ndescription: Een zin.\n---\n\n# {title}\n\n{body}\n"


def write(repo: Path, rel: str, text: str) -> None:
    path = repo / "docs" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path) -> Path:
    """docs/ with a translated page, an untranslated page and a translated page in a folder."""
    repo = tmp_path / "repo"
    write(repo, "geld.md", page("Geld"))
    write(repo, "geld.en.md", page("Money"))
    write(repo, "wonen.md", page("Wonen"))
    write(repo, "jongeren/index.md", page("Voor jongeren"))
    write(repo, "jongeren/index.en.md", page("For young people"))
    write(repo, "verhalen/concept.md", "---\ntitle: Concept\nstatus: concept\n---\n\nTekst.\n")
    write(repo, "verhalen/concept.en.md", "---\ntitle: Draft\nstatus: concept\n---\n\nText.\n")
    write(repo, "hulp/breda.md", page("Generated"))  # generated folders are not content pages
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "Basis")
    return repo


def statuses(repo: Path) -> dict[str, str]:
    return {t.page: t.status for t in translation_status(repo).items}


def test_missing_and_current_after_one_commit(repo):
    assert statuses(repo) == {"geld.md": CURRENT, "jongeren/index.md": CURRENT, "verhalen/concept.md": CURRENT,
                              "wonen.md": MISSING}
    assert translation_status(repo).note == ""


def test_dutch_commit_after_the_translation_makes_it_outdated(repo):
    write(repo, "geld.md", page("Geld", "Nieuwe tekst over toeslagen."))
    commit(repo, "Geld: toeslagen")
    report = translation_status(repo)
    geld = next(t for t in report.items if t.page == "geld.md")
    assert geld.status == OUTDATED
    assert geld.nl_changed and geld.en_changed and geld.nl_changed != UNCOMMITTED
    assert statuses(repo)["jongeren/index.md"] == CURRENT

    write(repo, "geld.en.md", page("Money", "New text on allowances."))
    commit(repo, "Money: allowances")
    assert statuses(repo)["geld.md"] == CURRENT


def test_changing_both_in_one_commit_keeps_it_current(repo):
    write(repo, "geld.md", page("Geld", "Anders."))
    write(repo, "geld.en.md", page("Money", "Different."))
    commit(repo, "Both")
    assert statuses(repo)["geld.md"] == CURRENT


def test_english_commit_after_dutch_is_current(repo):
    write(repo, "geld.en.md", page("Money", "Better English."))
    commit(repo, "English only")
    assert statuses(repo)["geld.md"] == CURRENT


def test_uncommitted_dutch_change_is_outdated_until_english_changes_too(repo):
    write(repo, "jongeren/index.md", page("Voor jongeren", "Nieuw."))
    report = translation_status(repo)
    item = next(t for t in report.items if t.page == "jongeren/index.md")
    assert (item.status, item.nl_changed) == (OUTDATED, UNCOMMITTED)
    write(repo, "jongeren/index.en.md", page("For young people", "New."))
    assert statuses(repo)["jongeren/index.md"] == CURRENT


def test_new_uncommitted_pages(repo):
    write(repo, "nieuw.md", page("Nieuw"))
    assert statuses(repo)["nieuw.md"] == MISSING
    write(repo, "nieuw.en.md", page("New"))
    assert statuses(repo)["nieuw.md"] == CURRENT


def test_without_git_only_missing_is_known(repo, tmp_path):
    plain = tmp_path / "plain"
    shutil.copytree(repo, plain, ignore=shutil.ignore_patterns(".git"))
    report = translation_status(plain)
    assert {t.page: t.status for t in report.items}["geld.md"] == UNKNOWN
    assert {t.page: t.status for t in report.items}["wonen.md"] == MISSING
    assert "git" in report.note


def test_shallow_clone_says_unknown_instead_of_guessing(repo, tmp_path):
    write(repo, "wonen.md", page("Wonen", "Tweede versie."))
    commit(repo, "Tweede")
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    assert history.is_shallow(shallow)
    report = translation_status(shallow)
    found = {t.page: t.status for t in report.items}
    assert found["geld.md"] == UNKNOWN  # both files only appear in the one visible commit
    assert found["wonen.md"] == MISSING
    assert "ondiepe kopie" in report.note
    # New history on top of the shallow clone is read normally.
    write(shallow, "geld.md", page("Geld", "Na de kloon."))
    commit(shallow, "Na de kloon")
    assert statuses(shallow)["geld.md"] == OUTDATED


def test_text_and_page_output(repo):
    write(repo, "geld.md", page("Geld", "Nieuw."))
    commit(repo, "Geld")
    report = translation_status(repo)
    text = as_text(report)
    assert "geld.md" in text and "verouderd" in text and "wonen.md" in text and "ontbreekt" in text
    assert "jongeren/index.md" not in text  # up to date: only with --alles
    assert "jongeren/index.md" in as_text(report, everything=True)
    md = status_page(report, "2026-11-28")
    assert "[Geld](../geld.md)" in md and "## Verouderd (1)" in md and "## Ontbreekt (1)" in md
    assert "search:\n  exclude: true" in md
    # Concept pages are not built in production: named, never linked.
    assert "Concept (concept)" in md and "(../verhalen/concept.md)" not in md


def test_history_helpers_outside_a_repository(tmp_path):
    assert history.version(tmp_path) == "onbekend"
    changes = history.changed_files(tmp_path)
    assert changes.base is None and changes.files == {} and "git" in changes.problem
    assert history.last_changes(tmp_path) == {}


def test_changed_files_against_the_base_branch(repo):
    git(repo, "checkout", "-q", "-b", "wijziging")
    write(repo, "geld.md", page("Geld", "Anders."))
    commit(repo, "Geld")
    (repo / "docs" / "wonen.md").unlink()
    write(repo, "nieuw.md", page("Nieuw"))  # untracked
    changes = history.changed_files(repo)
    assert changes.base == "main" and changes.problem == ""
    assert changes.files == {"docs/geld.md": "gewijzigd", "docs/wonen.md": "verwijderd", "docs/nieuw.md": "nieuw"}
    missing = history.changed_files(repo, "bestaat-niet")
    assert missing.base is None and "bestaat-niet" in missing.problem


def test_command_line_in_the_real_repository():
    result = subprocess.run([sys.executable, "-m", "tools", "vertalingen", "--alles"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Nederlandse pagina's" in result.stdout and "index.md" in result.stdout
