"""Which scripts a page loads, and when: a smaller first view on a phone.

Only the component scripts whose markup the page has, and Material's bundle not before the first
sign of use (docs/assets/js/bundel-laden.js).

Every script of `extra_javascript` is in every page's HTML (Material's template). A component module
(docs/assets/js/<name>.js) only does something where its data-rs-... markup is, so a page without
that markup does not need the file. Modules not listed here (search, quick exit, core, theme) load
on every page. Markup that a component inserts later counts for the modules it needs: a help block
(data-rs-hulp) brings cards with opening hours and a municipality picker.
"""

from __future__ import annotations

import re
from pathlib import Path

NEEDS = {
    "assets/js/kiezer.js": ("data-rs-kiezer", "data-rs-gemeente", "data-rs-hulp", "data-rs-regelen"),
    "assets/js/hulpblok.js": ("data-rs-hulp",),
    "assets/js/gemeentepagina.js": ("data-rs-gemeente-pagina",),
    "assets/js/nu-open.js": ("data-rs-nu-open", "data-rs-hulp", "data-rs-regelen"),
    "assets/js/regelen.js": ("data-rs-regelen",),
    "assets/js/plan.js": ("data-rs-plan", "data-rs-weekplanner"),
}
SCRIPT_RE = re.compile(r'[ \t]*<script src="(?:[^"]*/)?(assets/js/[a-z-]+\.js)"></script>\n?')


def drop_unused_scripts(html: str) -> str:
    """The page without the script tags of component modules it has no markup for."""

    def keep(m: re.Match) -> str:
        markers = NEEDS.get(m.group(1))
        if markers is None or any(marker in html for marker in markers):
            return m.group(0)
        return ""

    return SCRIPT_RE.sub(keep, html)


# Material's bundle and the scripts that must run right before it (zoeken.js wraps its search
# worker). They load when the reader starts to use the page (docs/assets/js/bundel-laden.js).
BUNDLE_RE = re.compile(r'[ \t]*<script src="((?:[^"]*/)?)assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>\n?')
BEFORE_BUNDLE = ("assets/js/zoeken.js",)
LOADER = "assets/js/bundel-laden.js"


def defer_bundle(html: str) -> str:
    """The page with Material's bundle (and BEFORE_BUNDLE) started by the loader instead of at once.

    A page without the bundle, or without one of BEFORE_BUNDLE, is returned as it is."""
    at = html.rfind("assets/javascripts/bundle.")  # near the end: scan only the page's scripts
    head, tail = html[: max(at - 300, 0)], html[max(at - 300, 0) :]
    bundle = BUNDLE_RE.search(tail) if at >= 0 else None
    if not bundle:
        return html
    prefix = bundle.group(1)
    before = [m for m in SCRIPT_RE.finditer(tail, bundle.end()) if m.group(1) in BEFORE_BUNDLE]
    if len(before) != len(BEFORE_BUNDLE):
        return html
    src = bundle.group(0).strip()[len('<script src="') : -len('"></script>')]
    ervoor = " ".join(prefix + m.group(1) for m in before)
    loader = f'<script src="{prefix}{LOADER}" data-rs-bundel="{src}" data-rs-ervoor="{ervoor}"></script>\n'
    for m in reversed(before):
        tail = tail[: m.start()] + tail[m.end() :]
    return head + tail[: bundle.start()] + loader + tail[bundle.end() :]


# Stylesheets of one part of the site (the tasks and plan pages, the dashboard and cards): a page
# loads one only if it, or a script it loads, uses one of the classes that stylesheet defines and the
# stylesheets every page needs do not. The classes are read from the files themselves.
PART_STYLES = ("assets/css/regelen.css", "assets/css/monitor.css")
CLASS_RE = re.compile(r"\.(rs-[a-z0-9-]+?)(?=__|--|[^a-z0-9-]|$)")
STYLE_RE = re.compile(r'[ \t]*<link rel="stylesheet" href="(?:[^"]*/)?(assets/[a-z/-]+\.css)">\n?')


def style_needs(docs: Path, always: list[str]) -> dict[str, tuple[set[str], set[str]]]:
    """Per part stylesheet: the classes only it defines, and the component scripts that use them."""
    shared = set()
    for name in always:
        if (docs / name).is_file():
            shared |= set(CLASS_RE.findall((docs / name).read_text(encoding="utf-8")))
    scripts = {f"assets/js/{p.name}": p.read_text(encoding="utf-8") for p in sorted((docs / "assets" / "js").glob("*.js"))}
    needs = {}
    for name in PART_STYLES:
        if not (docs / name).is_file():
            continue
        own = set(CLASS_RE.findall((docs / name).read_text(encoding="utf-8"))) - shared
        users = {script for script, source in scripts.items() if any(c in source for c in own)}
        needs[name] = (own, users)
    return needs


def drop_unused_styles(html: str, needs: dict[str, tuple[set[str], set[str]]]) -> str:
    """The page without the <link>s of part stylesheets it has no class or script for."""
    loaded = set(SCRIPT_RE.findall(html))

    def keep(m: re.Match) -> str:
        need = needs.get(m.group(1))
        if need is None:
            return m.group(0)
        own, users = need
        return m.group(0) if loaded & users or any(c in html for c in own) else ""

    return STYLE_RE.sub(keep, html)
