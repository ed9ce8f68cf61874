"""Editor markers in Markdown: `<!-- hulp: ... -->` (referral block) and `<!-- gemeentekiezer -->` (picker)."""
from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass

from tools.core.findings import Finding
from tools.core.labels import label
from tools.hulp.model import Dataset

MARKER_RE = re.compile(r"<!--\s*(hulp|gemeentekiezer)\b\s*(:?)([^>]*?)-->", re.IGNORECASE)
NEAR_MISS_RE = re.compile(r"<!--\s*(hulp[a-z]+|gemeente-?kiezers?|gemeentekeuze|kiezer)\b", re.IGNORECASE)
INLINE_LIST_MAX = 12  # above this many municipalities, blocks link to the overview instead of listing all


@dataclass(frozen=True)
class Marker:
    kind: str  # "hulp" | "gemeentekiezer"
    categories: tuple[str, ...]
    explicit: bool
    line: int
    start: int
    end: int


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def find_markers(text: str, line_offset: int = 0) -> list[Marker]:
    found = []
    for m in MARKER_RE.finditer(text):
        kind = m.group(1).lower()
        cats = tuple(c for c in re.split(r"[\s,]+", m.group(3).strip()) if c)
        found.append(Marker(kind, cats, bool(m.group(2)), _line_of(text, m.start()) + line_offset, m.start(), m.end()))
    return found


def check_markers(text: str, path: str, front_matter: dict, known: set[str], line_offset: int = 0) -> list[Finding]:
    """Unknown categories in markers or in front matter `hulp`, and misspelt markers."""
    findings = []

    def unknown(cid: str, line: int, where: str) -> None:
        close = difflib.get_close_matches(cid, sorted(known), n=1)
        findings.append(Finding(
            path, line, "onbekende-categorie", f"{where} noemt de onbekende hulpcategorie '{cid}'.",
            (f"Bedoel je '{close[0]}'? " if close else "") + "De categorieën staan in gemeenten/_categorieen.yml.",
            excerpt=cid))

    for marker in find_markers(text, line_offset):
        if marker.kind == "gemeentekiezer" and marker.categories:
            findings.append(Finding(path, marker.line, "verkeerde-markering",
                                    "De gemeentekiezer heeft geen categorieën.",
                                    "Schrijf alleen <!-- gemeentekiezer -->."))
        for cid in marker.categories if marker.kind == "hulp" else ():
            if cid not in known:
                unknown(cid, marker.line, "Het verwijsblok")
        if marker.kind == "hulp" and not marker.categories and not front_matter.get("hulp"):
            findings.append(Finding(path, marker.line, "verwijsblok-zonder-categorie",
                                    "Het verwijsblok <!-- hulp --> weet niet welke hulp het moet tonen.",
                                    "Noem de categorieën: <!-- hulp: mediation juridisch-advies -->, "
                                    "of zet 'hulp: [...]' bovenin de pagina."))
    for m in NEAR_MISS_RE.finditer(text):
        if m.group(1).lower() in ("hulp", "gemeentekiezer"):
            continue
        findings.append(Finding(path, _line_of(text, m.start()) + line_offset, "onbekende-markering",
                                f"Onbekende markering '{m.group(0)}'.",
                                "Bedoel je <!-- hulp: categorie --> of <!-- gemeentekiezer -->?"))
    fm_cats = front_matter.get("hulp")
    if fm_cats is not None:
        if not isinstance(fm_cats, list) or not all(isinstance(c, str) for c in fm_cats):
            findings.append(Finding(path, 1, "verkeerd-veld", "'hulp' bovenin de pagina moet een lijst met categorieën zijn.",
                                    "Schrijf bijvoorbeeld: hulp: [mediation, juridisch-advies]", field="hulp"))
        else:
            for cid in fm_cats:
                if cid not in known:
                    unknown(cid, _fm_line(text, "hulp"), "Het veld 'hulp' bovenin de pagina")
    return findings


def _fm_line(text: str, key: str) -> int:
    for i, line in enumerate(text.splitlines()[:80], start=1):
        if line.startswith(f"{key}:"):
            return i
    return 1


def _relative(target: str, page_src: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page_src) or ".")


def municipality_links(data: Dataset, page_src: str, anchor: str = "") -> str:
    """A Markdown list of links to the municipality pages (or to the overview for large datasets)."""
    if len(data.municipalities) > INLINE_LIST_MAX:
        return ""
    items = sorted(data.municipalities.values(), key=lambda g: g.naam.lower())
    suffix = f"#{anchor}" if anchor else ""
    return "\n".join(f"- [{g.naam}]({_relative(f'hulp/{g.id}.md', page_src)}{suffix})" for g in items)


def referral_block(data: Dataset, categories: tuple[str, ...], lang: str, page_src: str) -> str:
    overview = _relative("hulp/index.md", page_src)
    links = municipality_links(data, page_src, categories[0] if categories else "")
    names = ", ".join(data.categories[c].naam.get(lang) for c in categories if c in data.categories)
    return "\n".join([
        f'<section class="rs-hulp" data-rs-hulp="{" ".join(categories)}" data-rs-lang="{lang}" markdown>',
        "",
        f"## {label(lang, 'block_title')}",
        "",
        f'<p class="rs-hulp__onderwerpen">{names}</p>',
        "",
        '<div class="rs-hulp__keuze" markdown>',
        "",
        label(lang, "block_choose"),
        "",
        links,
        "",
        f"[{label(lang, 'block_overview')}]({overview})",
        "",
        "</div>",
        "",
        '<div class="rs-hulp__resultaat" aria-live="polite"></div>',
        "",
        "</section>",
    ])


def picker_block(data: Dataset, lang: str, page_src: str) -> str:
    links = municipality_links(data, page_src)
    overview = _relative("hulp/index.md", page_src)
    return "\n".join([
        f'<div class="rs-kiezer" data-rs-kiezer data-rs-lang="{lang}" markdown>',
        "",
        f'<p class="rs-kiezer__titel"><strong>{label(lang, "picker_title")}</strong></p>',
        "",
        links or f"[{label(lang, 'block_overview')}]({overview})",
        "",
        "</div>",
    ])


def expand_markers(text: str, data: Dataset, lang: str, page_src: str, front_matter_cats: list[str] | None) -> str:
    """Replace markers with blocks; append a block when front matter names categories but no marker does."""
    markers = find_markers(text)
    out, pos, has_block = [], 0, False
    for marker in markers:
        out.append(text[pos:marker.start])
        if marker.kind == "gemeentekiezer":
            out.append(picker_block(data, lang, page_src))
        else:
            cats = marker.categories or tuple(front_matter_cats or ())
            out.append(referral_block(data, cats, lang, page_src))
            has_block = True
        pos = marker.end
    out.append(text[pos:])
    result = "".join(out)
    if front_matter_cats and not has_block:
        result = result.rstrip() + "\n\n" + referral_block(data, tuple(front_matter_cats), lang, page_src) + "\n"
    return result
