"""Generate the municipality pages, the referral-block data and the picker index from the dataset.

Output goes to a git-ignored folder under docs/ (mkdocs-static-i18n crashes on in-memory pages);
files are only rewritten when their content changed, so `mkdocs serve` does not loop.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from tools.core.labels import format_date, label
from tools.core.text import md_escape, phone_href
from tools.hulp.model import LANGUAGES, Dataset, Municipality, Offering

GENERATED_DIR = "hulp"  # docs/hulp/: the overview, one page per municipality, and data/
DATA_DIR = "data"
STAMP = "<!-- Gemaakt door tools/hulp/render.py uit gemeenten/. Niet met de hand aanpassen. -->"


def esc(value: str) -> str:
    return html.escape(value, quote=True)


def _suffix(lang: str) -> str:
    return "" if lang == "nl" else f".{lang}"


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def external_link(url: str, text: str) -> str:
    return f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(text)}</a>'


def offering_card(o: Offering, lang: str, heading: str = "h3") -> str:
    """One offering as an HTML card. Every data value is escaped: data is never markup."""
    badge = ""
    if o.scope == "landelijk":
        badge = f' <span class="rs-badge">{esc(label(lang, "national_badge"))}</span>'
    elif o.scope == "regio":
        badge = f' <span class="rs-badge">{esc(label(lang, "regional"))}</span>'
    rows: list[tuple[str, str]] = []
    if o.organisatie and o.organisatie != o.naam:
        rows.append((label(lang, "organisation"), esc(o.organisatie)))
    if o.telefoon:
        rows.append((label(lang, "phone"), f'<a href="{esc(phone_href(o.telefoon))}">{esc(o.telefoon)}</a>'))
    if o.chat:
        rows.append((label(lang, "chat"), external_link(o.chat, _host(o.chat))))
    if o.email:
        rows.append((label(lang, "email"), f'<a href="mailto:{esc(o.email)}">{esc(o.email)}</a>'))
    if o.website:
        rows.append((label(lang, "website"), external_link(o.website, _host(o.website))))
    if o.adres:
        rows.append((label(lang, "address"), esc(o.adres)))
    if o.voor_wie:
        rows.append((label(lang, "for_whom"), esc(o.voor_wie.get(lang))))
    if o.kosten:
        rows.append((label(lang, "cost"), esc(o.kosten.get(lang))))
    if o.openingstijden:
        rows.append((label(lang, "hours"), esc(o.openingstijden.get(lang))))
    details = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows)
    if o.verified:
        status = (f'<p class="rs-status rs-status--ok">{esc(label(lang, "verified", datum=format_date(o.gecontroleerd, lang)))}'
                  f' ({external_link(o.bron, label(lang, "source"))})</p>')
    else:
        status = (f'<p class="rs-status rs-status--open"><strong>{esc(label(lang, "unverified"))}.</strong> '
                  f'{esc(label(lang, "unverified_tip"))}</p>')
    return (f'<div class="rs-aanbod{"" if o.verified else " rs-aanbod--open"}">'
            f'<{heading} class="rs-aanbod__naam">{esc(o.naam)}{badge}</{heading}>'
            f'<p>{esc(o.wat.get(lang))}</p><dl class="rs-aanbod__gegevens">{details}</dl>{status}</div>')


_html_cache: dict = {}


def category_html(data: Dataset, g: Municipality, cid: str, lang: str, heading: str = "h3") -> str:
    """The help for one category in one municipality: local first, else the reason plus national help.

    Memoised per dataset: the same HTML goes into the page and into the referral-block data."""
    if _html_cache.get("data") is not data:
        _html_cache.clear()
        _html_cache["data"] = data
    key = (g.id, cid, lang, heading)
    if key not in _html_cache:
        _html_cache[key] = _category_html(data, g, cid, lang, heading)
    return _html_cache[key]


def _category_html(data: Dataset, g: Municipality, cid: str, lang: str, heading: str) -> str:
    local = data.offerings_for(g, cid)
    parts = [offering_card(o, lang, heading) for o in local]
    if not local:
        ref = data.referral_for(g, cid)
        reason = ref.reden.get(lang) if ref else label(lang, "no_local", naam=g.naam)
        parts.append(f'<p class="rs-verwijzing">{esc(reason)}</p>')
        national = data.national_for(cid)
        if national:
            parts.extend(offering_card(o, lang, heading) for o in national)
    return "\n".join(parts)


PLACEHOLDER_RE = re.compile(r"<!-- rs-invullen:([a-z0-9-]+):([a-z0-9-]+):([a-z]{2}) -->")


def placeholder(gid: str, cid: str, lang: str) -> str:
    """Where a category's help goes on a municipality page. Filled in the final HTML (fill_placeholders)
    so that Markdown and the search indexer never parse the cards: at national scale that is most
    of the build time, and the search index stays small enough for a cheap phone."""
    return f"<!-- rs-invullen:{gid}:{cid}:{lang} -->"


def fill_placeholders(html_text: str, data: Dataset) -> str:
    def repl(m: re.Match) -> str:
        g = data.municipalities.get(m.group(1))
        what, lang = m.group(2), m.group(3)
        if g is None:
            return m.group(0)
        if what == "keuze":
            return f'<div class="rs-gemeente-keuze" data-rs-gemeente-pagina="{esc(g.id)}"></div>'
        if what == "website":
            return f"<p>{external_link(g.website, label(lang, 'municipality_site', naam=g.naam))}</p>"
        if what not in data.categories:
            return m.group(0)
        return category_html(data, g, what, lang)

    return PLACEHOLDER_RE.sub(repl, html_text)


def _front_matter(values: dict) -> str:
    lines = ["---"]
    for key, value in values.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines)


def municipality_page(data: Dataset, g: Municipality, lang: str) -> str:
    fm = _front_matter({
        "title": label(lang, "page_title", naam=g.naam),
        "description": label(lang, "page_description", naam=g.naam),
        "doelgroep": "iedereen",
        "gemeente": g.id,
        "gegenereerd": True,
        "search": {"boost": 2},
        "tags": [g.naam, *(p for p in g.plaatsen if p != g.naam)],
    })
    # Plain Markdown with attr_list (no raw HTML blocks): at national scale Python-Markdown's raw
    # HTML handling dominated the build time.
    out = [fm, STAMP, f"# {md_escape(label(lang, 'page_title', naam=g.naam))}", "",
           md_escape(label(lang, "page_intro", naam=g.naam)), "{: .rs-lead }", "",
           f"**{md_escape(label(lang, 'emergency'))}**", "{: .rs-emergency }", "",
           f"<!-- rs-invullen:{g.id}:keuze:{lang} -->", ""]
    for cat in data.categories.values():
        out.append(f"## {md_escape(cat.naam.get(lang))} {{#{cat.id}}}")
        out.append("")
        out.append(md_escape(cat.uitleg.get(lang)))
        out.append("{: .rs-uitleg }")
        out.append("")
        out.append(placeholder(g.id, cat.id, lang))
        out.append("")
    out.append(f"## {md_escape(label(lang, 'places'))} {{#plaatsen}}")
    out.append("")
    out.append(md_escape(", ".join(g.plaatsen)) + ".")
    out.append("")
    out.append(f"<!-- rs-invullen:{g.id}:website:{lang} -->")
    out.append("")
    out.append(f"[{label(lang, 'other_municipality')}](index.md)")
    out.append("")
    return "\n".join(out)


def national_section(data: Dataset, lang: str) -> str:
    out = [f"## {esc(label(lang, 'national'))} {{#landelijk}}", "",
           f"<p>{esc(label(lang, 'national_intro'))}</p>", ""]
    out.extend(offering_card(o, lang) for o in data.national)
    return "\n".join(out)


def overview_page(data: Dataset, lang: str) -> str:
    fm = _front_matter({
        "title": label(lang, "overview_title"),
        "description": label(lang, "overview_description"),
        "doelgroep": "iedereen",
        "gegenereerd": True,
        "search": {"boost": 3},
        "tags": ["hulp", "help", "gemeente", "postcode", *[g.naam for g in data.municipalities.values()]],
    })
    out = [fm, STAMP, f"# {esc(label(lang, 'overview_title'))}", "",
           f'<p class="rs-lead">{esc(label(lang, "overview_intro"))}</p>', "",
           "<!-- gemeentekiezer -->", "",
           f"## {esc(label(lang, 'overview_list'))} {{#gemeenten}}", ""]
    for g in sorted(data.municipalities.values(), key=lambda m: m.naam.lower()):
        places = ", ".join(p for p in g.plaatsen if p != g.naam)
        out.append(f"- [{g.naam}]({g.id}.md)" + (f" ({places})" if places else ""))
    out.append("")
    out.append(national_section(data, lang))
    out.append("")
    return "\n".join(out)


def picker_index(data: Dataset) -> list[dict]:
    return [
        {"id": g.id, "naam": g.naam, "plaatsen": list(g.plaatsen), "postcodes": [list(r) for r in g.postcodes]}
        for g in sorted(data.municipalities.values(), key=lambda m: m.naam.lower())
    ]


def municipality_data(data: Dataset, g: Municipality) -> dict:
    """What the referral blocks need for one municipality: pre-rendered, escaped HTML per category."""
    return {
        "id": g.id,
        "naam": g.naam,
        "blokken": {lang: {cid: category_html(data, g, cid, lang, "h4") for cid in data.categories}
                    for lang in LANGUAGES},
    }


def _js(statement: str, payload) -> str:
    return f"{statement}({json.dumps(payload, ensure_ascii=False, separators=(',', ':'))});\n"


def render_pages(data: Dataset) -> dict[str, str]:
    """The generated Markdown pages, as path (relative to docs/) -> content."""
    files: dict[str, str] = {}
    for lang in LANGUAGES:
        files[f"{GENERATED_DIR}/index{_suffix(lang)}.md"] = overview_page(data, lang)
        for g in data.municipalities.values():
            files[f"{GENERATED_DIR}/{g.id}{_suffix(lang)}.md"] = municipality_page(data, g, lang)
    return files


def render_all(data: Dataset) -> dict[str, str]:
    """Every generated file (pages, picker index, referral-block data), as path -> content."""
    files = render_pages(data)
    files[f"{GENERATED_DIR}/{DATA_DIR}/gemeenten.js"] = _js("window.RS_HULP.index", picker_index(data))
    for g in data.municipalities.values():
        files[f"{GENERATED_DIR}/{DATA_DIR}/{g.id}.js"] = _js("window.RS_HULP.gemeente", municipality_data(data, g))
    return files


def write_files(docs_dir: Path, files: dict[str, str], folder: str = GENERATED_DIR) -> list[str]:
    """Write files that changed, remove stale ones under docs/<folder>/. Returns the paths written."""
    docs_dir = Path(docs_dir)
    written = []
    for rel, content in files.items():
        path = docs_dir / rel
        if path.exists() and path.read_text(encoding="utf-8") == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(content, encoding="utf-8")
        tmp.replace(path)
        written.append(rel)
    root = docs_dir / folder
    if root.exists():
        keep = {str(docs_dir / rel) for rel in files}
        for path in sorted(root.rglob("*"), reverse=True):
            if path.is_file() and str(path) not in keep:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written
