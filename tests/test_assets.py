"""tools/core/assets.py: pages load only the component scripts they have markup for."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tools.core.assets import NEEDS, drop_unused_scripts

ROOT = Path(__file__).resolve().parent.parent


def _scripts(html: str) -> set[str]:
    return set(re.findall(r'<script src="[^"]*?(assets/js/[a-z-]+\.js)"', html))


def test_a_page_without_markup_keeps_only_the_shared_modules():
    page = '<script src="../assets/js/core.js"></script>\n<script src="../assets/js/regelen.js"></script>\n<p>tekst</p>'
    assert _scripts(drop_unused_scripts(page)) == {"assets/js/core.js"}
    with_markup = page + '<div data-rs-regelen data-rs-tekst="{}"></div>'
    assert _scripts(drop_unused_scripts(with_markup)) == {"assets/js/core.js", "assets/js/regelen.js"}


def test_every_listed_module_exists_and_starts_on_its_markup():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    scripts = {str(s) for s in config["extra_javascript"]}
    for module, markers in NEEDS.items():
        assert module in scripts, module
        source = (ROOT / "docs" / module).read_text(encoding="utf-8")
        assert any(m.removeprefix("data-rs-") in source for m in markers), module


def test_built_pages_load_what_they_use(built_site):
    topic = (built_site / "alimentatie" / "index.html").read_text(encoding="utf-8")
    tasks = (built_site / "wat-moet-ik-regelen" / "index.html").read_text(encoding="utf-8")
    plan = (built_site / "ons-plan-voor-de-kinderen" / "index.html").read_text(encoding="utf-8")
    assert {"assets/js/hulpblok.js", "assets/js/zoeken.js", "assets/js/snelweg.js"} <= _scripts(topic)
    assert not {"assets/js/regelen.js", "assets/js/plan.js", "assets/js/gemeentepagina.js"} & _scripts(topic)
    assert "assets/js/regelen.js" in _scripts(tasks)
    assert "assets/js/plan.js" in _scripts(plan)
    for page in built_site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for module, markers in NEEDS.items():
            if any(m in html for m in markers):
                assert module in _scripts(html), (page, module)
