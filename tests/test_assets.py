"""tools/core/assets.py: pages load only the component scripts they have markup for."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tools.core.assets import NEEDS, defer_bundle, drop_unused_scripts

ROOT = Path(__file__).resolve().parent.parent


def _scripts(html: str) -> set[str]:
    return set(re.findall(r'<script src="[^"]*?(assets/js/[a-z-]+\.js)"', html))


def _at_first_use(html: str) -> list[str]:
    loader = re.search(r'<script src="[^"]*assets/js/bundel-laden\.js" data-rs-bundel="([^"]+)" data-rs-ervoor="([^"]*)">', html)
    return [loader.group(1), *loader.group(2).split()] if loader else []


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
    assert {"assets/js/hulpblok.js", "assets/js/snelweg.js"} <= _scripts(topic)
    assert "assets/js/zoeken.js" not in _scripts(topic)  # it comes with Material's bundle
    assert _at_first_use(topic) == ["../assets/javascripts/" + _bundle_name(), "../assets/js/zoeken.js"]
    assert not {"assets/js/regelen.js", "assets/js/plan.js", "assets/js/gemeentepagina.js"} & _scripts(topic)
    assert "assets/js/regelen.js" in _scripts(tasks)
    assert "assets/js/plan.js" in _scripts(plan)
    for page in built_site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for module, markers in NEEDS.items():
            if any(m in html for m in markers):
                assert module in _scripts(html), (page, module)


def _bundle_name() -> str:
    import material

    js = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    return next(js.glob("bundle.*.min.js")).name


def test_material_bundle_and_search_script_wait_for_the_loader():
    page = (
        '<p>x</p>\n      <script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>\n'
        '        <script src="../assets/js/zoeken.js"></script>\n        <script src="../assets/js/core.js"></script>\n'
    )
    out = defer_bundle(page)
    assert '<script src="../assets/javascripts/bundle' not in out
    assert _scripts(out) == {"assets/js/bundel-laden.js", "assets/js/core.js"}
    assert _at_first_use(out) == ["../assets/javascripts/bundle.a5f9d56c.min.js", "../assets/js/zoeken.js"]
    assert out.index("bundel-laden.js") < out.index("core.js")  # the loader sits where the bundle was


def test_a_page_without_the_search_script_keeps_its_bundle():
    page = '<script src="assets/javascripts/bundle.a5f9d56c.min.js"></script>\n<p>x</p>'
    assert defer_bundle(page) == page  # nothing half-deferred: then Material loads as it always does


def test_every_built_page_defers_the_bundle(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<script src="[^"]*javascripts/bundle\.', html), page
        if "bundel-laden.js" in html:
            for ref in _at_first_use(html):
                base = built_site if ref.startswith("/") else page.parent  # the 404 page links from the root
                assert (base / ref.split("?")[0].lstrip("/")).resolve().is_file(), (page, ref)


def test_part_stylesheets_load_only_where_their_classes_are(tmp_path):
    from tools.core.assets import drop_unused_styles, style_needs

    (tmp_path / "assets" / "css").mkdir(parents=True)
    (tmp_path / "assets" / "js").mkdir()
    (tmp_path / "assets" / "rs.css").write_text(".rs-sr { position: absolute; }\n", encoding="utf-8")
    (tmp_path / "assets" / "css" / "regelen.css").write_text(
        ".rs-sr { x: 1; }\n.md-typeset .rs-taak__titel { y: 2; }\n.rs-week--vol { z: 3; }\n", encoding="utf-8"
    )
    (tmp_path / "assets" / "js" / "plan.js").write_text('el("div", {"class": "rs-week"})', encoding="utf-8")
    needs = style_needs(tmp_path, ["assets/rs.css"])
    assert needs["assets/css/regelen.css"] == ({"rs-taak", "rs-week"}, {"assets/js/plan.js"})  # rs-sr is shared
    link = '<link rel="stylesheet" href="../assets/css/regelen.css">\n'
    assert drop_unused_styles(link + '<p class="rs-sr">x</p>', needs) == '<p class="rs-sr">x</p>'
    assert link in drop_unused_styles(link + '<li class="rs-taak__titel">', needs)
    assert link in drop_unused_styles(link + '<script src="../assets/js/plan.js"></script>', needs)  # it makes rs-week


def test_built_pages_load_the_part_stylesheets_their_classes_need(built_site):
    from tools.core.assets import CLASS_RE, PART_STYLES

    docs = ROOT / "docs"
    shared = set(CLASS_RE.findall((docs / "assets" / "rs.css").read_text(encoding="utf-8")))
    own = {css: set(CLASS_RE.findall((docs / css).read_text(encoding="utf-8"))) - shared for css in PART_STYLES}
    topic = (built_site / "alimentatie" / "index.html").read_text(encoding="utf-8")
    assert not [css for css in PART_STYLES if css in topic]
    assert "assets/css/regelen.css" in (built_site / "wat-moet-ik-regelen" / "index.html").read_text(encoding="utf-8")
    assert "assets/css/monitor.css" in (built_site / "dashboard" / "index.html").read_text(encoding="utf-8")
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        classes = {c.split("__")[0].split("--")[0] for attr in re.findall(r'class="([^"]*)"', html) for c in attr.split()}
        for css, names in own.items():
            assert not (classes & names) or css in html, (page, css, classes & names)
