"""The built-site link check finds dead pages and anchors, in every language folder."""
from __future__ import annotations

from tools.gates.linkcheck import check_site


def test_dead_links_and_anchors(tmp_path):
    (tmp_path / "geld").mkdir()
    (tmp_path / "en" / "geld").mkdir(parents=True)
    (tmp_path / "index.html").write_text(
        '<a href="geld/">ok</a><a href="geld/#kosten">ok</a><a href="weg/">dood</a>'
        '<a href="geld/#nergens">anker</a><a href="/en/geld/">root</a><a href="https://x.nl/a">extern</a>'
        '<a href="#top">zelf</a><h1 id="top">T</h1>', encoding="utf-8")
    (tmp_path / "geld" / "index.html").write_text('<h2 id="kosten">K</h2><a href="../">terug</a>', encoding="utf-8")
    (tmp_path / "en" / "geld" / "index.html").write_text('<a href="../../geld/#weg">x</a>', encoding="utf-8")
    findings = check_site(tmp_path, {"index.html": "docs/index.md"}.get)
    messages = sorted((f.file, f.message.split(" (")[0]) for f in findings)
    assert messages == [
        ("docs/index.md", "De link 'geld/#nergens' wijst naar een kopje dat niet bestaat."),
        ("docs/index.md", "De link 'weg/' wijst naar een pagina die niet bestaat."),
        ("en/geld/index.html", "De link '../../geld/#weg' wijst naar een kopje dat niet bestaat."),
    ]
