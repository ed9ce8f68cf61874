"""`mkdocs serve`: an edit must not make the build rewrite files under docs/ (that triggers a second rebuild)."""
from __future__ import annotations

from conftest import ROOT

from tools import build as site


def test_serving_writes_working_tree_pages_once(tmp_path, monkeypatch):
    calls = []
    real = site.render_editorial

    def recording(data, root=None, docs_dir=None):
        calls.append(root)
        pages = real(data, root, docs_dir)
        if root is not None:  # the working tree changes between two edits: the page differs each time
            pages["redactie/vertalingen.md"] += f"\n<!-- {len(calls)} -->\n"
        return pages

    monkeypatch.setattr(site, "render_editorial", recording)
    monkeypatch.setattr(site, "_prepared", {})
    docs = tmp_path / "docs"
    first = site.prepare(ROOT, docs, serving=True)
    assert "redactie/vertalingen.md" in first
    second = site.prepare(ROOT, docs, serving=True)
    assert second == [] and calls[-1] is None
    assert (docs / "redactie" / "vertalingen.md").exists()  # kept, not pruned


def test_a_normal_build_always_refreshes_the_editors_pages(tmp_path, monkeypatch):
    monkeypatch.setattr(site, "_prepared", {})
    docs = tmp_path / "docs"
    site.prepare(ROOT, docs)
    (docs / "redactie" / "vertalingen.md").write_text("oud", encoding="utf-8")
    assert "redactie/vertalingen.md" in site.prepare(ROOT, docs)
