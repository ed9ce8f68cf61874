"""Check internal links and anchors in a built site, in every language (HTML level)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools.core.findings import Finding

HREF_RE = re.compile(r"<a\s[^>]*?href=\"([^\"]*)\"", re.IGNORECASE)
ID_RE = re.compile(r"\sid=\"([^\"]+)\"")
SKIP_PREFIXES = ("search/", "assets/")


def page_links(html: str) -> tuple[frozenset[str], frozenset[str]]:
    """The ids and the link targets of one built page (what check_site needs of it)."""
    return frozenset(ID_RE.findall(html)), frozenset(HREF_RE.findall(html))


def check_site(site_dir: Path, source_of=None, known: dict | None = None) -> list[Finding]:
    """Every relative link points to an existing file; every #anchor to an existing id.

    `source_of(html_rel)` maps a built page to its source file for messages (default: the HTML path).
    `known`: page -> page_links(html) of pages the build saw as they were written (the build extracts
    them while rendering, in both language processes); other pages are read from disk.
    Paths are resolved as strings against one listing of the site (no file system call per link).
    """
    known = known or {}
    site_dir = Path(site_dir)
    files = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    dirs = {posixpath.dirname(f) for f in files}
    pages = sorted(f for f in files if f.endswith(".html"))
    ids: dict[str, set[str]] = {}
    texts: dict[str, str] = {}

    def text_of(rel: str) -> str:
        if rel not in texts:
            texts[rel] = (site_dir / rel).read_text(encoding="utf-8")
        return texts[rel]

    def ids_of(rel: str) -> set[str]:
        if rel not in ids:
            ids[rel] = known[rel][0] if rel in known else set(ID_RE.findall(text_of(rel)))
        return ids[rel]

    def hrefs_of(rel: str):
        return known[rel][1] if rel in known else set(HREF_RE.findall(text_of(rel)))

    findings = []
    for rel in pages:
        if rel.startswith(SKIP_PREFIXES) or rel == "404.html" or rel.endswith("/404.html"):
            continue
        here = posixpath.dirname(rel)
        for href in sorted(hrefs_of(rel)):
            parts = urlsplit(href.replace("&amp;", "&"))
            if parts.scheme or parts.netloc or href.startswith("//"):
                continue
            target = rel
            if parts.path:
                path = unquote(parts.path)
                joined = path.lstrip("/") if path.startswith("/") else posixpath.join(here, path)
                target = posixpath.normpath(joined)
                if target == ".":
                    target = ""
                if target.startswith(".."):
                    findings.append(_finding(rel, source_of, f"De link '{href}' wijst buiten de site."))
                    continue
                if target in dirs or path.endswith("/"):
                    target = posixpath.join(target, "index.html") if target else "index.html"
                if target not in files:
                    findings.append(_finding(rel, source_of, f"De link '{href}' wijst naar een pagina die niet bestaat."))
                    continue
            fragment = unquote(parts.fragment)
            if fragment and target.endswith(".html") and fragment not in ids_of(target):
                findings.append(_finding(rel, source_of, f"De link '{href}' wijst naar een kopje dat niet bestaat."))
        texts.pop(rel, None)  # keep memory flat at national scale; ids stay cached
    return findings


def _finding(rel: str, source_of, message: str) -> Finding:
    where = source_of(rel) if source_of else rel
    return Finding(
        where or rel,
        0,
        "dode-link",
        message + f" (in de gebouwde pagina {rel})",
        "Controleer de link in de bronpagina: de bestandsnaam en het kopje moeten bestaan, in elke taal.",
    )
