"""Read content pages: front matter (with line numbers), body, language and the page list."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tools.core.findings import Finding
from tools.core.i18n import language_of, source_of

FRONT_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.DOTALL)


@dataclass
class Page:
    path: Path
    rel: str  # relative to docs/, posix
    display: str  # relative to the repository root, for messages
    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the first body line in the file
    text: str = ""
    meta_node: object = None  # the front matter as a YAML node tree (line numbers, duplicate keys)

    @property
    def lang(self) -> str:
        return language_of(self.rel)

    @property
    def base(self) -> str:
        """The page's path without language suffix: 'geld.en.md' -> 'geld.md'."""
        return source_of(self.rel)

    def meta_line(self, key: str) -> int:
        node = self.meta_node
        for k, _v in node.value if isinstance(node, yaml.MappingNode) else ():
            if getattr(k, "value", None) == key:
                return k.start_mark.line + 2  # the node tree starts after the first ---
        for i, line in enumerate(self.text.splitlines()[: self.body_line], start=1):
            if line.startswith(f"{key}:"):
                return i
        return 1


def decode(raw: bytes, display: str) -> tuple[str, list[Finding]]:
    """UTF-8 text (a byte order mark is fine); other encodings get a Dutch finding at the bad byte."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start : exc.start + 1].hex().upper()
        return raw.decode("utf-8", errors="replace").lstrip("\ufeff"), [
            Finding(
                display,
                line,
                "geen-utf8",
                f"Het bestand is niet opgeslagen als UTF-8: het teken op regel {line}, positie {column} (byte {byte}) "
                "is onleesbaar. Dat gebeurt vaak met é, ë of € uit een ouder programma.",
                "Open het bestand in je editor en sla het op met de codering 'UTF-8'. Controleer daarna de letters met accenten.",
            )
        ]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def read_page(path: Path, docs_dir: Path, root: Path) -> tuple[Page, list[Finding]]:
    rel = path.relative_to(docs_dir).as_posix()
    try:
        display = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        display = path.as_posix()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Page(path, rel, display), [
            Finding(
                display,
                1,
                "bestand",
                f"Het bestand is niet te lezen: {exc.strerror}.",
                "Controleer of het bestand bestaat en leesbaar is.",
            )
        ]
    text, findings = decode(raw, display)
    page = Page(path, rel, display, text=text)
    m = FRONT_RE.match(text)
    if not m:
        page.body = text
        return page, findings
    page.body = text[m.end() :]
    page.body_line = text.count("\n", 0, m.end()) + 1
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        page.meta_node = yaml.compose(m.group(1) or "", Loader=loader)
        meta = yaml.load(m.group(1) or "", Loader=loader) or {}
    except yaml.YAMLError as exc:
        from tools.core.text import unclosed_quote_line, yaml_error_mark

        mark = yaml_error_mark(exc)
        line = (mark.line + 2) if mark else 1
        quote = unclosed_quote_line(m.group(1) or "", line - 1)
        line = quote + 1 if quote else line
        findings.append(
            Finding(
                display,
                line,
                "yaml",
                f"De gegevens bovenin de pagina zijn geen geldige YAML: {getattr(exc, 'problem', exc)}.",
                "Kijk of elke regel 'naam: waarde' is, en zet teksten met een dubbele punt tussen aanhalingstekens.",
            )
        )
        meta = {}
    if not isinstance(meta, dict):
        findings.append(
            Finding(
                display,
                2,
                "yaml",
                "De gegevens bovenin de pagina moeten velden zijn (naam: waarde).",
                "Begin elke regel met een veldnaam, bijvoorbeeld 'title: Geld'.",
            )
        )
        meta = {}
    page.meta = meta
    return page, findings


# What the build writes into docs/ before MkDocs reads it (never on disk in a fresh checkout).
GENERATED_FOLDERS = ("hulp", "redactie", "dashboard", "open-data", "kaart")
GENERATED_FILES = ("woordenlijst.md", "woordenlijst.en.md")
# Generated pages other pages may name, as search locations ("hulp/<gemeente>/" comes on top).
GENERATED_LOCATIONS = ("hulp/", "woordenlijst/", "dashboard/", "open-data/")


def content_files(docs_dir: Path) -> list[Path]:
    """All Markdown pages an editor wrote (not generated, not templates starting with '_')."""
    out = []
    for path in sorted(Path(docs_dir).rglob("*.md")):
        rel = path.relative_to(docs_dir)
        if rel.parts[0] in GENERATED_FOLDERS or any(p.startswith(("_", ".")) for p in rel.parts):
            continue
        if rel.as_posix() in GENERATED_FILES:
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


# Anchors of a Markdown page as Python-Markdown's toc makes them (links to '#...' are checked against these).
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*#(?P<id>[\w-]+)[^}]*\})?\s*#*\s*$")
HTML_ID_RE = re.compile(r"\bid=\"([^\"]+)\"")
ATTR_ID_RE = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}")


def _slug(text: str) -> str:
    """Python-Markdown's toc slugify (the one MkDocs uses): ASCII, lowercase, hyphens."""
    import unicodedata

    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]", "", text)
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def anchors_of(markdown: str) -> set[str]:
    ids: set[str] = set()
    seen: dict[str, int] = {}
    in_code = False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        m = HEADING_RE.match(line)
        if m:
            if m.group("id"):
                ids.add(m.group("id"))
            else:
                slug = _slug(m.group(2))
                n = seen.get(slug, 0)
                ids.add(slug if n == 0 else f"{slug}_{n}")
                seen[slug] = n + 1
        ids.update(HTML_ID_RE.findall(line))
        ids.update(ATTR_ID_RE.findall(line))
    return ids
