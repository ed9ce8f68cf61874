"""Which component scripts a page loads: only those whose markup it has (a smaller first view on a phone).

Every script of `extra_javascript` is in every page's HTML (Material's template). A component module
(docs/assets/js/<name>.js) only does something where its data-rs-... markup is, so a page without
that markup does not need the file. Modules not listed here (search, quick exit, core, theme) load
on every page. Markup that a component inserts later counts for the modules it needs: a help block
(data-rs-hulp) brings cards with opening hours and a municipality picker.
"""

from __future__ import annotations

import re

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
