"""Editor markers in Markdown: `<!-- hulp: ... -->` (referral block) and `<!-- gemeentekiezer -->` (picker)."""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass

from tools.core.escape import html_attr, html_text, md_inline
from tools.core.findings import Finding
from tools.core.labels import js_texts, label
from tools.core.text import mask_code
from tools.hulp.model import Dataset

# The exact forms: <!-- hulp -->, <!-- hulp: cat cat -->, <!-- gemeentekiezer -->. Lower case, with
# the colon before categories. Anything close to these is a near miss and an error, because a
# misspelt marker would otherwise silently leave the help or the picker off the page.
MARKER_RE = re.compile(r"<!--[ \t]*(hulp|gemeentekiezer)(?:[ \t]*(:)[ \t]*([a-z0-9 \t,-]*?))?[ \t]*-->")
COMMENT_RE = re.compile(r"<!--(.*?)-->", re.DOTALL)
NEAR_MISS_RE = re.compile(r"^\s*(hulp|help|gemeente|kiezer|gemeentekeuze)", re.IGNORECASE)
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
    """Markers outside code: an example in `code` or a fenced block is shown, not expanded."""
    found = []
    for m in MARKER_RE.finditer(mask_code(text) if "`" in text or "~~~" in text else text):
        kind = m.group(1).lower()
        cats = tuple(c for c in re.split(r"[\s,]+", (m.group(3) or "").strip()) if c)
        found.append(Marker(kind, cats, bool(m.group(2)), _line_of(text, m.start()) + line_offset, m.start(), m.end()))
    return found


def check_markers(
    text: str, path: str, front_matter: dict, known: set[str], line_offset: int = 0, fm_line: int | None = None
) -> list[Finding]:
    """Unknown categories in markers or in front matter `hulp`, and misspelt markers."""
    findings = []

    def unknown(cid: str, line: int, where: str) -> None:
        close = difflib.get_close_matches(cid, sorted(known), n=1)
        findings.append(
            Finding(
                path,
                line,
                "onbekende-categorie",
                f"{where} noemt de onbekende hulpcategorie '{cid}'.",
                (f"Bedoel je '{close[0]}'? " if close else "") + "De categorieën staan in gemeenten/_categorieen.yml.",
                excerpt=cid,
            )
        )

    for marker in find_markers(text, line_offset):
        if marker.kind == "gemeentekiezer" and marker.categories:
            findings.append(
                Finding(
                    path,
                    marker.line,
                    "verkeerde-markering",
                    "De gemeentekiezer heeft geen categorieën.",
                    "Schrijf alleen <!-- gemeentekiezer -->.",
                )
            )
        for cid in marker.categories if marker.kind == "hulp" else ():
            if cid not in known:
                unknown(cid, marker.line, "Het verwijsblok")
        if marker.kind == "hulp" and not marker.categories and not front_matter.get("hulp"):
            findings.append(
                Finding(
                    path,
                    marker.line,
                    "verwijsblok-zonder-categorie",
                    "Het verwijsblok <!-- hulp --> weet niet welke hulp het moet tonen.",
                    "Noem de categorieën: <!-- hulp: mediation juridisch-advies -->, of zet 'hulp: [...]' bovenin de pagina.",
                )
            )
    findings.extend(near_misses(text, path, line_offset))
    fm_cats = front_matter.get("hulp")
    if fm_cats is not None:
        if not isinstance(fm_cats, list) or not all(isinstance(c, str) for c in fm_cats):
            findings.append(
                Finding(
                    path,
                    fm_line or 1,
                    "verkeerd-veld",
                    "'hulp' bovenin de pagina moet een lijst met categorieën zijn.",
                    "Schrijf bijvoorbeeld: hulp: [mediation, juridisch-advies]",
                    field="hulp",
                )
            )
        else:
            for cid in fm_cats:
                if cid not in known:
                    unknown(cid, fm_line or _fm_line(text, "hulp"), "Het veld 'hulp' bovenin de pagina")
    return findings


def _suggestion(content: str) -> str:
    """The marker an editor probably meant."""
    words = re.split(r"[\s,:]+", content.strip())
    first = re.sub(r"[\s_-]", "", content.strip().lower())
    if first.startswith(("gemeente", "kiezer")) or difflib.get_close_matches(words[0].lower(), ["gemeentekiezer"], cutoff=0.75):
        return "<!-- gemeentekiezer -->"
    rest = [w for w in words[1:] if w]
    if first.startswith(("hulp", "help")) and len(words[0]) > 4 and not rest:
        rest = [words[0][4:].lstrip("-_:")]
    return f"<!-- hulp: {' '.join(w.lower() for w in rest)} -->" if rest else "<!-- hulp -->"


def near_misses(text: str, path: str, line_offset: int = 0) -> list[Finding]:
    """Comments that look like a marker but are not one exactly (spaces, capitals, a missing colon)."""
    masked = mask_code(text) if "`" in text or "~~~" in text else text
    if "<!--" not in masked:
        return []
    exact = {m.start() for m in MARKER_RE.finditer(masked)}
    findings = []
    for m in COMMENT_RE.finditer(masked):
        if m.start() in exact or not NEAR_MISS_RE.match(m.group(1)):
            continue
        content = m.group(1)
        normal = re.sub(r"[\s_-]", "", content.lower())
        if not (
            normal.startswith(("hulp", "help", "gemeentekiezer", "gemeentekeuze", "kiezer"))
            or difflib.get_close_matches(normal[:14], ["gemeentekiezer"], cutoff=0.75)
        ):
            continue
        findings.append(
            Finding(
                path,
                _line_of(masked, m.start()) + line_offset,
                "onbekende-markering",
                f"De markering '{' '.join(m.group(0).split())[:60]}' is niet precies goed geschreven. "
                "Zo werkt hij niet: de hulp of de gemeentekiezer komt dan niet op de pagina.",
                f"Bedoel je {_suggestion(content)}? Schrijf de markering met kleine letters, "
                "en een dubbele punt vóór de categorieën.",
                excerpt=m.group(0)[:80],
            )
        )
    return findings


def _fm_line(text: str, key: str) -> int:
    for i, line in enumerate(text.splitlines()[:80], start=1):
        if line.startswith(f"{key}:"):
            return i
    return 1


def _relative(target: str, page_src: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page_src) or ".")


# Texts of the browser modules (docs/assets/js/), rendered into the markup they belong to (issue 11).
PICKER_TEXTS = (
    "js_label",
    "js_search",
    "js_matches",
    "js_none",
    "js_outside",
    "js_national",
    "js_did_you_mean",
    "js_belongs",
    "js_place_of",
    "js_chosen",
    "js_session",
    "js_device",
    "js_remember",
    "js_remember_why",
    "js_change",
    "js_forget",
    "js_forgotten",
    "js_see",
    "js_shown",
)
BLOCK_TEXTS = (
    "js_chosen",
    "js_session",
    "js_device",
    "js_change",
    "js_forget",
    "js_forgotten",
    "js_see",
    "js_load_error",
    "direct_title",
    "summary_title",
    "summary_jump",
)
BLOCK_ANCHOR = "hulp-in-de-buurt"


def municipality_links(data: Dataset, page_src: str, anchor: str = "") -> str:
    """A Markdown list of links to the municipality pages (or to the overview for large datasets). With
    JavaScript the same links choose the municipality in place (docs/assets/js/kiezer.js)."""
    if len(data.municipalities) > INLINE_LIST_MAX:
        return ""
    items = sorted(data.municipalities.values(), key=lambda g: g.naam.lower())
    suffix = f"#{anchor}" if anchor else ""
    lines = [
        f'- [{md_inline(g.naam)}]({_relative(f"hulp/{g.id}.md", page_src)}{suffix}){{: data-rs-gemeente="{g.id}" }}'
        for g in items
    ]
    return "\n".join(lines)


def _youth_page(page_src: str) -> bool:
    return page_src.startswith("jongeren/")


def _youth_cards(data: Dataset, categories: tuple[str, ...], lang: str) -> str:
    """On young people's pages the national youth helplines are there at once, with a chat button,
    before any municipality is chosen."""
    from tools.hulp.render import compact_item

    items = [o for o in data.national if not o.direct_hulp and any(c in o.categorieen or c in o.ook_bij for c in categories)]
    if not items:
        return ""
    return f'<p class="rs-hulp__altijd">{label(lang, "youth_always")}</p>\n' + "\n".join(compact_item(o, lang) for o in items)


def referral_block(data: Dataset, categories: tuple[str, ...], lang: str, page_src: str, first: bool = True) -> str:
    overview = _relative("hulp/index.md", page_src)
    links = municipality_links(data, page_src, categories[0] if categories else "")
    names = html_text(", ".join(data.categories[c].naam.get(lang) for c in categories if c in data.categories))
    known = " ".join(c for c in categories if c in data.categories)
    youth = _youth_page(page_src)
    title = label(lang, "block_title_youth" if youth else "block_title")
    anchor = f" {{#{BLOCK_ANCHOR}}}" if first else ""
    return "\n".join(
        [
            f'<section class="rs-hulp" data-rs-hulp="{html_attr(known)}" data-rs-lang="{html_attr(lang)}" '
            f'data-rs-tekst="{js_texts(lang, *BLOCK_TEXTS)}" markdown>',
            "",
            f"## {title}{anchor}",
            "",
            f'<p class="rs-hulp__onderwerpen">{names}</p>',
            "",
            _youth_cards(data, categories, lang) if youth else "",
            "",
            f'<div class="rs-hulp__keuze rs-kiezer rs-kiezer--inline" data-rs-kiezer data-rs-lang="{lang}" '
            f'data-rs-tekst="{js_texts(lang, *PICKER_TEXTS)}" markdown>',
            "",
            label(lang, "block_choose_youth" if youth else "block_choose"),
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
        ]
    )


def summary_block(categories: tuple[str, ...], lang: str) -> str:
    """Near the top of a topic page: one visible jump to the help block; with a chosen municipality
    docs/assets/js/hulpblok.js adds the first local call or chat button here."""
    return (
        f'<div class="rs-kort" data-rs-hulp-kort="{" ".join(categories)}" data-rs-lang="{lang}" '
        f'data-rs-tekst="{js_texts(lang, *BLOCK_TEXTS)}">'
        f'<p class="rs-sprong"><a href="#{BLOCK_ANCHOR}">{label(lang, "summary_jump")}</a></p></div>'
    )


def picker_block(data: Dataset, lang: str, page_src: str) -> str:
    links = municipality_links(data, page_src)
    overview = _relative("hulp/index.md", page_src)
    return "\n".join(
        [
            f'<div class="rs-kiezer" data-rs-kiezer data-rs-lang="{html_attr(lang)}" data-rs-tekst="{js_texts(lang, *PICKER_TEXTS)}" markdown>',
            "",
            f'<p class="rs-kiezer__titel"><strong>{label(lang, "picker_title")}</strong></p>',
            "",
            links or f"[{label(lang, 'block_overview')}]({overview})",
            "",
            "</div>",
        ]
    )


H1_RE = re.compile(r"^# .+$", re.MULTILINE)


def _insert_summary(text: str, categories: tuple[str, ...], lang: str) -> str:
    """Put the summary after the first plain paragraph of the page (after the title and any warning box
    at the top), and never below the first section heading."""
    m = H1_RE.search(text)
    pos = m.end() if m else 0
    at = None
    for block in re.finditer(r"(?:^|\n)((?:[^\n]+\n?)+)", text[pos:]):
        first = block.group(1).lstrip()
        if first.startswith("#"):
            at = pos + block.start()
            break
        if first.startswith(("!!!", "???", "<", "-", "*", "|", "{", ">")) or block.group(1).startswith((" ", "\t")):
            continue
        at = pos + block.end()
        break
    if at is None:
        at = pos
    return text[:at].rstrip("\n") + "\n\n" + summary_block(categories, lang) + "\n\n" + text[at:].lstrip("\n")


def expand_markers(text: str, data: Dataset, lang: str, page_src: str, front_matter_cats: list[str] | None) -> str:
    """Replace markers with blocks; append a block when front matter names categories but no marker does.
    A page with a help block also gets a short summary (a jump to it) near the top."""
    markers = find_markers(text)
    out, pos, blocks = [], 0, []
    for marker in markers:
        out.append(text[pos : marker.start])
        if marker.kind == "gemeentekiezer":
            out.append(picker_block(data, lang, page_src))
        else:
            cats = marker.categories or tuple(front_matter_cats or ())
            out.append(referral_block(data, cats, lang, page_src, first=not blocks))
            blocks.append(cats)
        pos = marker.end
    out.append(text[pos:])
    result = "".join(out)
    if front_matter_cats and not blocks:
        cats = tuple(front_matter_cats)
        result = result.rstrip() + "\n\n" + referral_block(data, cats, lang, page_src) + "\n"
        blocks.append(cats)
    if blocks and blocks[0]:
        result = _insert_summary(result, blocks[0], lang)
    return result
