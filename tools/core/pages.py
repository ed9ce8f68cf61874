"""Read content pages: front matter (with line numbers), body, language and the page list."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tools.core.findings import Finding

FRONT_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.DOTALL)
LANG_SUFFIX_RE = re.compile(r"\.([a-z]{2})\.md$")


@dataclass
class Page:
    path: Path
    rel: str  # relative to docs/, posix
    display: str  # relative to the repository root, for messages
    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the first body line in the file
    text: str = ""

    @property
    def lang(self) -> str:
        m = LANG_SUFFIX_RE.search(self.rel)
        return m.group(1) if m else "nl"

    @property
    def base(self) -> str:
        """The page's path without language suffix: 'geld.en.md' -> 'geld.md'."""
        return LANG_SUFFIX_RE.sub(".md", self.rel)

    def meta_line(self, key: str) -> int:
        for i, line in enumerate(self.text.splitlines()[: self.body_line], start=1):
            if line.startswith(f"{key}:"):
                return i
        return 1


def read_page(path: Path, docs_dir: Path, root: Path) -> tuple[Page, list[Finding]]:
    text = path.read_text(encoding="utf-8")
    rel = path.relative_to(docs_dir).as_posix()
    try:
        display = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        display = path.as_posix()
    page = Page(path, rel, display, text=text)
    findings: list[Finding] = []
    m = FRONT_RE.match(text)
    if not m:
        page.body = text
        return page, findings
    page.body = text[m.end():]
    page.body_line = text.count("\n", 0, m.end()) + 1
    try:
        meta = yaml.load(m.group(1) or "", Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark else 1
        findings.append(Finding(display, line, "yaml", f"De gegevens bovenin de pagina zijn geen geldige YAML: {getattr(exc, 'problem', exc)}.",
                                "Kijk of elke regel 'naam: waarde' is, en zet teksten met een dubbele punt tussen aanhalingstekens."))
        meta = {}
    if not isinstance(meta, dict):
        findings.append(Finding(display, 2, "yaml", "De gegevens bovenin de pagina moeten velden zijn (naam: waarde).",
                                "Begin elke regel met een veldnaam, bijvoorbeeld 'title: Geld'."))
        meta = {}
    page.meta = meta
    return page, findings


def content_files(docs_dir: Path) -> list[Path]:
    """All Markdown pages an editor wrote (not generated, not templates starting with '_')."""
    out = []
    for path in sorted(Path(docs_dir).rglob("*.md")):
        rel = path.relative_to(docs_dir)
        if rel.parts[0] in ("hulp", "redactie") or any(p.startswith(("_", ".")) for p in rel.parts):
            continue
        if rel.as_posix() in ("woordenlijst.md", "woordenlijst.en.md"):
            continue
        out.append(path)
    return out


CONCEPT_ENV = "RS_PREVIEW"  # set to 1 to build concept pages (preview builds)


def is_concept(path: Path) -> bool:
    """True when a page's front matter says `status: concept` (drafts, unapproved stories)."""
    try:
        with path.open(encoding="utf-8") as fh:
            if fh.readline().strip() != "---":
                return False
            for _ in range(60):
                line = fh.readline()
                if not line or line.strip() == "---":
                    return False
                if line.split("#")[0].strip().replace(" ", "") in ("status:concept", "status:'concept'", 'status:"concept"'):
                    return True
    except (OSError, UnicodeDecodeError):
        return False
    return False


def concept_pages(docs_dir: Path) -> list[str]:
    return sorted(p.relative_to(docs_dir).as_posix() for p in Path(docs_dir).rglob("*.md") if is_concept(p))


FRONT = """---
title: "{title}"
description: "{description}"
doelgroep: iedereen
gegenereerd: true
redactie: true
search:
  exclude: true
---
<!-- Gemaakt door tools/editorial/coverage.py. Niet met de hand aanpassen. -->
"""
