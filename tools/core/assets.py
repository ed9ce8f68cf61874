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
# Each pattern starts with its tag, not with the indentation before it: a pattern that can start
# anywhere is tried at every character, which took 1.7 s for 120 MB of national pages.
SCRIPT_RE = re.compile(r'<script src="(?:[^"]*/)?(assets/js/[a-z-]+\.js)"></script>\n?')


def _line_start(html: str, at: int) -> int:
    """Where the line of a tag starting at `at` starts, if only spaces and tabs come before it."""
    start = at
    while start > 0 and html[start - 1] in " \t":
        start -= 1
    return start


def drop_lines(pattern: re.Pattern, html: str, keep) -> str:
    """`html` without the tags `pattern` finds and `keep(match)` refuses, each with its indentation."""
    out, last = [], 0
    for m in pattern.finditer(html):
        if keep(m):
            continue
        out.append(html[last : _line_start(html, m.start())])
        last = m.end()
    out.append(html[last:])
    return "".join(out)


def present(html: str, markers) -> set[str]:
    """Which of `markers` occur in `html` (as `marker in html` would say), in one pass over the page:
    at national scale the pages come to 120 MB, and one `in` per marker scanned them twenty times."""
    markers = sorted(set(markers), key=len, reverse=True)
    if not markers:
        return set()
    found = set(re.findall("|".join(map(re.escape, markers)), html))
    return {m for m in markers if any(m in f for f in found)}


def drop_unused_scripts(html: str) -> str:
    """The page without the script tags of component modules it has no markup for."""
    here = present(html, [m for markers in NEEDS.values() for m in markers])

    def keep(m: re.Match) -> bool:
        markers = NEEDS.get(m.group(1))
        return markers is None or bool(here.intersection(markers))

    return drop_lines(SCRIPT_RE, html, keep)


# Material's bundle and the scripts that must run right before it (zoeken.js wraps its search
# worker). They load when the reader starts to use the page (docs/assets/js/bundel-laden.js).
BUNDLE_RE = re.compile(r'<script src="((?:[^"]*/)?)assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>\n?')
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
        tail = tail[: _line_start(tail, m.start())] + tail[m.end() :]
    start = _line_start(tail, bundle.start())
    return head + tail[:start] + loader + tail[bundle.end() :]


# Stylesheets of one part of the site (the tasks and plan pages, the dashboard and cards): a page
# loads one only if it, or a script it loads, uses one of the classes that stylesheet defines and the
# stylesheets every page needs do not. The classes are read from the files themselves.
PART_STYLES = ("assets/css/regelen.css", "assets/css/monitor.css")
CLASS_RE = re.compile(r"\.(rs-[a-z0-9-]+?)(?=__|--|[^a-z0-9-]|$)")
STYLE_RE = re.compile(r'<link rel="stylesheet" href="(?:[^"]*/)?(assets/[a-z/-]+\.css)">\n?')


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
    here = present(html, [c for own, _ in needs.values() for c in own])

    def keep(m: re.Match) -> bool:
        need = needs.get(m.group(1))
        return need is None or bool(loaded & need[1] or here & need[0])

    return drop_lines(STYLE_RE, html, keep)
