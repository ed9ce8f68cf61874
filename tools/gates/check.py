"""All quality gates on the sources, without rendering HTML: data, completeness, pages, links, B1."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

from tools.content import cocreation
from tools.core.findings import ADVISORY, Finding, Report
from tools.core.pages import Page, content_files, read_page
from tools.hulp.blocks import check_markers
from tools.hulp.model import Dataset
from tools.hulp.render import render_pages

STALE_DAYS = 365
REQUIRED_META = ("title", "description", "doelgroep", "zoekwoorden", "gecontroleerd")
WANTED_META = ("fase", "bronnen")
AUDIENCES = ("ouders", "jongeren", "professionals", "iedereen")
PHASES = ("relatie-onder-druk", "uit-elkaar", "na-de-scheiding")

LINK_RE = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*#(?P<id>[\w-]+)[^}]*\})?\s*#*\s*$")
HTML_ID_RE = re.compile(r"\bid=\"([^\"]+)\"")
ATTR_ID_RE = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}")


# ---------------------------------------------------------------------------- data gates


def completeness(data: Dataset) -> list[Finding]:
    """Every municipality covers every required category, locally/regionally or by a reasoned reference."""
    findings = []
    required = [c for c in data.categories.values() if c.verplicht]
    for g in data.municipalities.values():
        for cat in required:
            if data.offerings_for(g, cat.id) or data.referral_for(g, cat.id):
                continue
            findings.append(Finding(
                g.file, 1, "categorie-ontbreekt",
                f"De gemeente {g.naam} heeft geen aanbod voor de verplichte categorie '{cat.id}' ({cat.naam.nl}).",
                f"Voeg onder 'aanbod' hulp toe met categorie {cat.id}, of zet onder 'verwijzingen' een verwijzing "
                "naar landelijke of regionale hulp met een reden.", field="aanbod"))
    return findings


def freshness(data: Dataset, today: dt.date | None = None) -> list[Finding]:
    today = today or dt.date.today()
    findings = []
    offerings = list(data.national) + [o for r in data.regions.values() for o in r.aanbod]
    offerings += [o for g in data.municipalities.values() for o in g.aanbod]
    for o in offerings:
        if o.gecontroleerd and (today - o.gecontroleerd).days > STALE_DAYS:
            findings.append(Finding(o.file, o.line, "verouderd",
                                    f"'{o.naam}' is voor het laatst gecontroleerd op {o.gecontroleerd.isoformat()}: meer dan 12 maanden geleden.",
                                    "Controleer de gegevens opnieuw bij de bron en zet de datum van vandaag bij 'gecontroleerd'.",
                                    severity=ADVISORY, field="gecontroleerd"))
        elif not o.verified:
            findings.append(Finding(o.file, o.line, "niet-gecontroleerd",
                                    f"'{o.naam}' is nog niet gecontroleerd. De site toont 'nog niet gecontroleerd'.",
                                    "Controleer de gegevens bij de organisatie en vul 'bron' en 'gecontroleerd' in.",
                                    severity=ADVISORY))
    return findings






# ---------------------------------------------------------------------------- page gates


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


def check_page_meta(page: Page, known_categories: set[str]) -> list[Finding]:
    findings = []
    for key in REQUIRED_META:
        if not page.meta.get(key):
            findings.append(Finding(page.display, 1, "gegevens-pagina", f"Bovenin de pagina ontbreekt '{key}'.",
                                    f"Voeg '{key}:' toe tussen de twee regels met ---. Kijk in een andere pagina hoe het moet.",
                                    field=key))
    for key in WANTED_META:
        if key not in page.meta:
            findings.append(Finding(page.display, 1, "gegevens-pagina", f"Bovenin de pagina ontbreekt '{key}'.",
                                    f"Voeg '{key}:' toe.", severity=ADVISORY, field=key))
    aud = page.meta.get("doelgroep")
    if aud and aud not in AUDIENCES:
        findings.append(Finding(page.display, page.meta_line("doelgroep"), "gegevens-pagina",
                                f"'{aud}' is geen bekende doelgroep.", "Kies uit: " + ", ".join(AUDIENCES) + ".", field="doelgroep"))
    fase = page.meta.get("fase")
    for f in fase if isinstance(fase, list) else ([fase] if fase else []):
        if f not in PHASES:
            findings.append(Finding(page.display, page.meta_line("fase"), "gegevens-pagina", f"'{f}' is geen bekende fase.",
                                    "Kies uit: " + ", ".join(PHASES) + ".", field="fase"))
    checked = page.meta.get("gecontroleerd")
    if checked and not isinstance(checked, dt.date):
        findings.append(Finding(page.display, page.meta_line("gecontroleerd"), "gegevens-pagina",
                                f"'{checked}' is geen datum.", "Schrijf de datum als jjjj-mm-dd.", field="gecontroleerd"))
    elif isinstance(checked, dt.date) and (dt.date.today() - checked).days > STALE_DAYS:
        findings.append(Finding(page.display, page.meta_line("gecontroleerd"), "verouderd",
                                "De feiten op deze pagina zijn meer dan 12 maanden niet gecontroleerd.",
                                "Controleer de pagina met de bronnen en zet de datum van vandaag bij 'gecontroleerd'.",
                                severity=ADVISORY, field="gecontroleerd"))
    for i, src in enumerate(page.meta.get("bronnen") or []):
        url = src.get("url") if isinstance(src, dict) else src
        from tools.hulp.load import valid_https_url

        if not isinstance(url, str) or not valid_https_url(url):
            findings.append(Finding(page.display, page.meta_line("bronnen"), "ongeldige-bron",
                                    f"Bron {i + 1} heeft geen geldig https-adres ({url!r}).",
                                    "Schrijf bij elke bron 'titel:' en 'url: https://...'.", field="bronnen"))
    findings.extend(check_markers(page.body, page.display, page.meta, known_categories, page.body_line - 1))
    findings.extend(cocreation.check(page.meta, page.display, page.meta_line(cocreation.FIELD)))
    return findings


def check_links(page: Page, targets: dict[str, str]) -> list[Finding]:
    """Internal links resolve (with the language fallback of i18n) and their anchors exist."""
    findings = []
    in_code = False
    for offset, line in enumerate(page.body.splitlines()):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if in_code:
            continue
        for m in LINK_RE.finditer(line):
            url = m.group("url")
            lineno = page.body_line + offset
            low = url.lower()
            if low.startswith(("javascript:", "data:", "vbscript:")):
                findings.append(Finding(page.display, lineno, "gevaarlijke-link", f"De link '{url[:40]}' is niet toegestaan.",
                                        "Gebruik een gewone link naar een pagina of een https-adres."))
                continue
            if low.startswith("http://"):
                findings.append(Finding(page.display, lineno, "onveilige-link", f"De link '{url}' gebruikt http:// in plaats van https://.",
                                        "Verander http:// in https:// (en controleer of de site dat ondersteunt).", severity=ADVISORY))
                continue
            if re.match(r"^[a-z][a-z0-9+.-]*:", low) or url.startswith("#") and len(url) == 1:
                continue
            path, _, anchor = url.partition("#")
            if not path:
                target = page.rel
            else:
                if not path.endswith(".md"):
                    if path.endswith("/") or "." not in posixpath.basename(path):
                        findings.append(Finding(page.display, lineno, "link-naar-map",
                                                f"De link '{url}' wijst naar een map, niet naar een pagina.",
                                                "Link naar het .md-bestand, bijvoorbeeld 'geld.md' of 'jongeren/index.md'."))
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
            resolved = _resolve(target, page.lang, targets)
            if resolved is None:
                findings.append(Finding(page.display, lineno, "dode-link", f"De link '{url}' wijst naar een pagina die niet bestaat.",
                                        "Controleer de spelling van de bestandsnaam. Links gaan naar het .md-bestand, "
                                        "gezien vanaf de map van deze pagina."))
                continue
            if anchor and anchor not in anchors_of(targets[resolved]):
                findings.append(Finding(page.display, lineno, "dode-link",
                                        f"De link '{url}' wijst naar een kopje '#{anchor}' dat niet bestaat.",
                                        "Kijk hoe het kopje heet op die pagina. Het anker is de kopje-tekst in kleine letters met streepjes."))
    return findings


def _resolve(target: str, lang: str, targets: dict[str, str]) -> str | None:
    if lang != "nl":
        localized = target[:-3] + f".{lang}.md"
        if localized in targets:
            return localized
    return target if target in targets else None


def run_checks(root: Path, strict_dates: bool = True, with_b1: bool = True) -> Report:
    from tools.hulp.load import load_cached

    root = Path(root)
    docs = root / "docs"
    report = Report()
    data, data_findings = load_cached(root)
    report.extend(data_findings)
    if not [f for f in data_findings if f.blocking]:
        report.extend(completeness(data))
        if strict_dates:
            report.extend(freshness(data))
    known = set(data.categories)
    pages: list[Page] = []
    for path in content_files(docs):
        page, findings = read_page(path, docs, root)
        report.extend(findings)
        pages.append(page)
    targets = {p.rel: p.body for p in pages}
    for rel in _other_pages(docs):
        targets.setdefault(rel, (docs / rel).read_text(encoding="utf-8"))
    try:
        generated = render_pages(data) if data.municipalities else {}
    except Exception:  # noqa: BLE001 - data errors are reported above; links then just fail to resolve
        generated = {}
    for rel, content in generated.items():
        if rel.endswith(".md"):
            targets[rel] = content
    try:
        from tools.b1.glossary import load_glossary
        from tools.content.glossary import render_glossary

        targets.update(render_glossary(load_glossary()))
    except Exception:  # noqa: BLE001 - glossary errors are reported by the B1 gate
        pass
    for page in pages:
        report.extend(check_page_meta(page, known))
        report.extend(check_links(page, targets))
    # Issue 13: the search vocabulary (docs/_data/zoekwoorden.yml).
    from tools.content.vocabulary import check_vocabulary

    report.extend(check_vocabulary(root, list(data.municipalities)))
    if with_b1:
        _b1(report, pages, data, root)
    return report


def _other_pages(docs: Path) -> list[str]:
    """Pages that exist at build time but are not content files (generated glossary, editor pages)."""
    return [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
            if not p.relative_to(docs).parts[0].startswith("_")]


def _b1(report: Report, pages: list[Page], data: Dataset, root: Path) -> None:
    from dataclasses import replace

    from tools import b1

    for page in pages:
        if page.lang != "nl":
            continue
        found, exceptions = b1.check_markdown(page.text, page.display)
        report.extend(found)
        report.exceptions.extend(exceptions)
    # Data texts repeat a lot (the same sentence in many offerings, nationally thousands of times):
    # check each distinct text once and place its findings at every use.
    memo: dict[str, list[Finding]] = {}

    def field(text: str, file: str, line: int, name: str) -> None:
        if text not in memo:
            memo[text] = b1.check_text_field(text, "", 1, "")  # lines relative to the text's start
        report.extend(replace(f, file=file, line=line + f.line - 1, field=name) for f in memo[text])

    seen = set()
    offerings = list(data.national) + [o for r in data.regions.values() for o in r.aanbod]
    offerings += [o for g in data.municipalities.values() for o in g.aanbod]
    for o in offerings:
        for fname in ("wat", "voor_wie", "kosten", "openingstijden"):
            value = getattr(o, fname)
            if value and (o.file, o.line, fname) not in seen:
                seen.add((o.file, o.line, fname))
                field(value.nl, o.file, o.line, f"{fname}.nl")
    for g in data.municipalities.values():
        for r in g.verwijzingen:
            field(r.reden.nl, g.file, r.line, "reden.nl")
