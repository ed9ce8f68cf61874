"""Check internal links and anchors in a built site, in every language (HTML level)."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools.findings import Finding

HREF_RE = re.compile(r"<a\s[^>]*?href=\"([^\"]*)\"", re.IGNORECASE)
ID_RE = re.compile(r"\sid=\"([^\"]+)\"")
SKIP_PREFIXES = ("search/", "assets/")


def check_site(site_dir: Path, source_of=None) -> list[Finding]:
    """Every relative link points to an existing file; every #anchor to an existing id.

    `source_of(html_rel)` maps a built page to its source file for messages (default: the HTML path).
    """
    site_dir = Path(site_dir)
    pages = {p.relative_to(site_dir).as_posix(): p for p in site_dir.rglob("*.html")}
    ids: dict[str, set[str]] = {}

    def ids_of(rel: str) -> set[str]:
        if rel not in ids:
            ids[rel] = set(ID_RE.findall(pages[rel].read_text(encoding="utf-8")))
        return ids[rel]

    findings = []
    for rel, path in sorted(pages.items()):
        if rel.startswith(SKIP_PREFIXES) or rel == "404.html" or rel.endswith("/404.html"):
            continue
        html = path.read_text(encoding="utf-8")
        for href in set(HREF_RE.findall(html)):
            parts = urlsplit(href.replace("&amp;", "&"))
            if parts.scheme or parts.netloc or href.startswith("//"):
                continue
            target_rel = rel
            if parts.path:
                if parts.path.startswith("/"):  # root-relative (the language switcher writes these)
                    target = (site_dir / unquote(parts.path).lstrip("/")).resolve()
                else:
                    target = (path.parent / unquote(parts.path)).resolve()
                if target.is_dir():
                    target = target / "index.html"
                try:
                    target_rel = target.relative_to(site_dir.resolve()).as_posix()
                except ValueError:
                    target_rel = ""
                if not target.exists():
                    findings.append(_finding(rel, source_of, f"De link '{href}' wijst naar een pagina die niet bestaat."))
                    continue
            if parts.fragment and target_rel in pages and unquote(parts.fragment) not in ids_of(target_rel):
                findings.append(_finding(rel, source_of, f"De link '{href}' wijst naar een kopje dat niet bestaat."))
    return findings


def _finding(rel: str, source_of, message: str) -> Finding:
    where = source_of(rel) if source_of else rel
    return Finding(where or rel, 0, "dode-link", message + f" (in de gebouwde pagina {rel})",
                   "Controleer de link in de bronpagina: de bestandsnaam en het kopje moeten bestaan, in elke taal.")
