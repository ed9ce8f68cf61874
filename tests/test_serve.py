"""`mkdocs serve`: an edit must not make the build rewrite files under docs/ (that triggers a second rebuild)."""

from __future__ import annotations

from pathlib import Path

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


# ---------------------------------------------------------------------------- a real `mkdocs serve`


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def _wait_for(log: Path, count: int, timeout: float = 240) -> str:
    """Wait until the server's log shows `count` finished builds; return the log."""
    import time

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        text = log.read_text(encoding="utf-8", errors="replace")
        if "Traceback" in text or "error happened during the rebuild" in text:
            raise AssertionError("mkdocs serve gaf een fout:\n" + text[-3000:])
        if text.count("Documentation built in") >= count:
            time.sleep(1.5)  # a second, unwanted rebuild would start within this time
            return log.read_text(encoding="utf-8", errors="replace")
        time.sleep(0.5)
    raise AssertionError("mkdocs serve bouwde niet op tijd:\n" + log.read_text(encoding="utf-8", errors="replace")[-3000:])


def _edit(page: Path, old: str, new: str) -> None:
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_serve_rebuilds_once_and_only_dutch_for_a_dutch_edit(tmp_path):
    """One edit gives one rebuild; a Dutch page with an English twin rebuilds only the Dutch site, the English
    site stays served and searchable; an English edit rebuilds every language."""
    import subprocess
    import sys

    from conftest import ENV, copy_repo

    repo = copy_repo(tmp_path / "repo")
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
            cwd=repo,
            env=ENV,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(log, 1)
        _edit(repo / "docs" / "geld.md", "\n# ", "\nEen zin die net is toegevoegd.\n\n# ")
        text = _wait_for(log, 2)
        assert "Alleen de Nederlandse pagina's worden opnieuw gebouwd: docs/geld.md" in text
        assert "Een zin die net is toegevoegd." in _get(f"{base}/geld/")
        assert "<h1" in _get(f"{base}/en/geld/")
        assert '"title":"Money and separation"' in _get(f"{base}/en/search/search_index.json")
        assert "/en/geld/</loc>" in _get(f"{base}/sitemap.xml")
        _edit(repo / "docs" / "geld.en.md", "\n# ", "\nA sentence just added.\n\n# ")
        text = _wait_for(log, 3)
        assert text.count("Alleen de Nederlandse") == 1
        assert "A sentence just added." in _get(f"{base}/en/geld/")
        assert text.count("Documentation built in") == 3, text[-3000:]  # no second rebuild after any edit
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_compiled_templates_are_reused_until_their_source_changes():
    """hooks/build.py CompiledTemplates: a rebuild reuses compiled templates, an edited one is new."""
    import jinja2

    from hooks.build import CompiledTemplates

    cache = CompiledTemplates()
    compiled: list[str] = []

    class Counting(jinja2.Environment):
        def _compile(self, source, filename):
            compiled.append(filename)
            return super()._compile(source, filename)

    def render(source: str) -> str:
        env = Counting(loader=jinja2.DictLoader({"t.html": source}), bytecode_cache=cache)
        return env.get_template("t.html").render(x=1)

    assert render("a {{ x }}") == "a 1"
    assert render("a {{ x }}") == "a 1"  # a new environment, as every MkDocs build makes one
    assert len(compiled) == 1
    assert render("b {{ x }}") == "b 1"  # the edited template is compiled afresh
    assert len(compiled) == 2


def _mini_site(tmp_path: Path, pages: dict[str, str]):
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    (tmp_path / "docs").mkdir(exist_ok=True)
    for name, text in pages.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions: [toc, attr_list]\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    return config, get_files(config)


def _render(cache, config, files, name: str):
    from mkdocs.structure.pages import Page

    page = Page(None, files.get_file_from_path(name), config)
    page.read_source(config)
    cache(page, config, files)
    return page


def test_an_unchanged_page_is_not_converted_again_while_serving(tmp_path, caplog):
    """hooks/paginacache.py: same Markdown, place and files -> the same page without converting;
    the conversion's warnings are written again; any change converts afresh."""
    from mkdocs.structure.pages import Page

    from hooks.paginacache import RenderCache

    cache = RenderCache(Page.render)
    text = "# Titel\n\n## Deel {#deel}\n\nZie [weg](weg.md) en [b](b.md#kop).\n"
    config, files = _mini_site(tmp_path, {"a.md": text, "b.md": "# B\n\n## Kop\n"})
    first = _render(cache, config, files, "a.md")
    warned = [r.getMessage() for r in caplog.records if "weg.md" in r.getMessage()]
    assert cache.misses == 1 and warned
    caplog.clear()
    config, files = _mini_site(tmp_path, {})  # the next build: new config and files objects
    again = _render(cache, config, files, "a.md")
    assert (cache.hits, cache.misses) == (1, 1)
    assert again.content == first.content and again.title == first.title == "Titel"
    assert [a.id for a in again.toc] == [a.id for a in first.toc] and "deel" in again.present_anchor_ids
    assert [r.getMessage() for r in caplog.records if "weg.md" in r.getMessage()] == warned  # reported again
    if first.links_to_anchors is not None:
        assert {f.src_uri for f in again.links_to_anchors} == {"b.md"}
    config, files = _mini_site(tmp_path, {"a.md": text + "\nNieuw.\n"})
    assert "Nieuw." in _render(cache, config, files, "a.md").content and cache.misses == 2
    caplog.clear()
    config, files = _mini_site(tmp_path, {"weg.md": "# Weg\n"})  # a link target appears: links change
    _render(cache, config, files, "a.md")
    assert cache.misses == 3 and not [r for r in caplog.records if "weg.md" in r.getMessage()]
