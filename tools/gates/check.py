"""All quality gates on the sources, without rendering HTML: data, completeness, pages, links, B1."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

from tools.content import cocreation
from tools.core import clock
from tools.core.findings import ADVISORY, Finding, Report
from tools.core.pages import Page, anchors_of, content_files, read_page
from tools.gates import editor as gates
from tools.hulp.blocks import check_markers
from tools.hulp.cards import render_cards
from tools.hulp.load import offer_findings
from tools.hulp.model import Dataset
from tools.hulp.render import render_pages

STALE_DAYS = 365
REQUIRED_META = ("title", "description", "doelgroep", "zoekwoorden", "gecontroleerd")
WANTED_META = ("fase", "bronnen")
AUDIENCES = ("ouders", "jongeren", "professionals", "iedereen")
PHASES = ("relatie-onder-druk", "uit-elkaar", "na-de-scheiding")

LINK_RE = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)")


# ---------------------------------------------------------------------------- data gates


def completeness(data: Dataset) -> list[Finding]:
    """Every municipality covers every required category, locally/regionally or by a reasoned reference."""
    findings = []
    required = [c for c in data.categories.values() if c.verplicht]
    for g in data.municipalities.values():
        for cat in required:
            if data.offerings_for(g, cat.id) or data.referral_for(g, cat.id):
                continue
            findings.append(
                Finding(
                    g.file,
                    1,
                    "categorie-ontbreekt",
                    f"De gemeente {g.naam} heeft geen aanbod voor de verplichte categorie '{cat.id}' ({cat.naam.nl}).",
                    f"Voeg onder 'aanbod' hulp toe met categorie {cat.id}, of zet onder 'verwijzingen' een verwijzing "
                    "naar landelijke of regionale hulp met een reden.",
                    field="aanbod",
                )
            )
    return findings


def freshness(data: Dataset, today: dt.date | None = None) -> list[Finding]:
    today = today or clock.today()
    findings = []
    offerings = list(data.national) + [o for r in data.regions.values() for o in r.aanbod]
    offerings += [o for g in data.municipalities.values() for o in g.aanbod]
    for o in offerings:
        if o.gecontroleerd and (today - o.gecontroleerd).days > STALE_DAYS:
            findings.append(
                Finding(
                    o.file,
                    o.line,
                    "verouderd",
                    f"'{o.naam}' is voor het laatst gecontroleerd op {o.gecontroleerd.isoformat()}: meer dan 12 maanden geleden.",
                    "Controleer de gegevens opnieuw bij de bron en zet de datum van vandaag bij 'gecontroleerd'.",
                    severity=ADVISORY,
                    field="gecontroleerd",
                )
            )
        elif not o.verified:
            findings.append(
                Finding(
                    o.file,
                    o.line,
                    "niet-gecontroleerd",
                    f"'{o.naam}' is nog niet gecontroleerd. De site toont 'nog niet gecontroleerd'.",
                    "Controleer de gegevens bij de organisatie en vul 'bron' en 'gecontroleerd' in.",
                    severity=ADVISORY,
                )
            )
    return findings


# ---------------------------------------------------------------------------- page gates


def check_page_meta(page: Page, known_categories: set[str]) -> list[Finding]:
    findings = []
    for key in REQUIRED_META:
        if not page.meta.get(key):
            findings.append(
                Finding(
                    page.display,
                    1,
                    "gegevens-pagina",
                    f"Bovenin de pagina ontbreekt '{key}'.",
                    f"Voeg '{key}:' toe tussen de twee regels met ---. Kijk in een andere pagina hoe het moet.",
                    field=key,
                )
            )
    for key in WANTED_META:
        if key not in page.meta:
            findings.append(
                Finding(
                    page.display,
                    1,
                    "gegevens-pagina",
                    f"Bovenin de pagina ontbreekt '{key}'.",
                    f"Voeg '{key}:' toe.",
                    severity=ADVISORY,
                    field=key,
                )
            )
    aud = page.meta.get("doelgroep")
    if aud and aud not in AUDIENCES:
        findings.append(
            Finding(
                page.display,
                page.meta_line("doelgroep"),
                "gegevens-pagina",
                f"'{aud}' is geen bekende doelgroep.",
                "Kies uit: " + ", ".join(AUDIENCES) + ".",
                field="doelgroep",
            )
        )
    fase = page.meta.get("fase")
    for f in fase if isinstance(fase, list) else ([fase] if fase else []):
        if f not in PHASES:
            findings.append(
                Finding(
                    page.display,
                    page.meta_line("fase"),
                    "gegevens-pagina",
                    f"'{f}' is geen bekende fase.",
                    "Kies uit: " + ", ".join(PHASES) + ".",
                    field="fase",
                )
            )
    checked = page.meta.get("gecontroleerd")
    if checked and not isinstance(checked, dt.date):
        findings.append(
            Finding(
                page.display,
                page.meta_line("gecontroleerd"),
                "gegevens-pagina",
                f"'{checked}' is geen datum.",
                "Schrijf de datum als jjjj-mm-dd.",
                field="gecontroleerd",
            )
        )
    elif isinstance(checked, dt.date) and (clock.today() - checked).days > STALE_DAYS:
        findings.append(
            Finding(
                page.display,
                page.meta_line("gecontroleerd"),
                "verouderd",
                "De feiten op deze pagina zijn meer dan 12 maanden niet gecontroleerd.",
                "Controleer de pagina met de bronnen en zet de datum van vandaag bij 'gecontroleerd'.",
                severity=ADVISORY,
                field="gecontroleerd",
            )
        )
    for i, src in enumerate(page.meta.get("bronnen") or []):
        url = src.get("url") if isinstance(src, dict) else src
        from tools.hulp.load import valid_https_url

        if not isinstance(url, str) or not valid_https_url(url):
            findings.append(
                Finding(
                    page.display,
                    _item_line(page, "bronnen", i),
                    "ongeldige-bron",
                    f"Bron {i + 1} heeft geen geldig https-adres ({url!r}).",
                    "Schrijf bij elke bron 'titel:' en 'url: https://...'.",
                    field="bronnen",
                )
            )
    findings.extend(
        check_markers(page.body, page.display, page.meta, known_categories, page.body_line - 1, page.meta_line("hulp"))
    )
    findings.extend(cocreation.check(page.meta, page.display, page.meta_line(cocreation.FIELD)))
    return findings


def _item_line(page: Page, key: str, index: int) -> int:
    """The file line of item `index` of the front matter list `key` (the key's line if unknown)."""
    import yaml

    node = page.meta_node
    for k, v in node.value if isinstance(node, yaml.MappingNode) else ():
        if getattr(k, "value", None) == key and isinstance(v, yaml.SequenceNode) and index < len(v.value):
            return v.value[index].start_mark.line + 2
    return page.meta_line(key)


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
                findings.append(
                    Finding(
                        page.display,
                        lineno,
                        "gevaarlijke-link",
                        f"De link '{url[:40]}' is niet toegestaan.",
                        "Gebruik een gewone link naar een pagina of een https-adres.",
                    )
                )
                continue
            if low.startswith("http://"):
                findings.append(
                    Finding(
                        page.display,
                        lineno,
                        "onveilige-link",
                        f"De link '{url}' gebruikt http:// in plaats van https://.",
                        "Verander http:// in https:// (en controleer of de site dat ondersteunt).",
                        severity=ADVISORY,
                    )
                )
                continue
            if re.match(r"^[a-z][a-z0-9+.-]*:", low) or url.startswith("#") and len(url) == 1:
                continue
            path, _, anchor = url.partition("#")
            if not path:
                target = page.rel
            else:
                if not path.endswith(".md"):
                    if path.endswith("/") or "." not in posixpath.basename(path):
                        findings.append(
                            Finding(
                                page.display,
                                lineno,
                                "link-naar-map",
                                f"De link '{url}' wijst naar een map, niet naar een pagina.",
                                "Link naar het .md-bestand, bijvoorbeeld 'geld.md' of 'jongeren/index.md'.",
                            )
                        )
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
            resolved = _resolve(target, page.lang, targets)
            if resolved is None:
                findings.append(
                    Finding(
                        page.display,
                        lineno,
                        "dode-link",
                        f"De link '{url}' wijst naar een pagina die niet bestaat.",
                        "Controleer de spelling van de bestandsnaam. Links gaan naar het .md-bestand, "
                        "gezien vanaf de map van deze pagina.",
                    )
                )
                continue
            if anchor and targets[resolved] is not None and anchor not in anchors_of(targets[resolved]):
                findings.append(
                    Finding(
                        page.display,
                        lineno,
                        "dode-link",
                        f"De link '{url}' wijst naar een kopje '#{anchor}' dat niet bestaat.",
                        "Kijk hoe het kopje heet op die pagina. Het anker is de kopje-tekst in kleine letters met streepjes.",
                    )
                )
    return findings


def _resolve(target: str, lang: str, targets: dict[str, str]) -> str | None:
    if lang != "nl":
        localized = target[:-3] + f".{lang}.md"
        if localized in targets:
            return localized
    return target if target in targets else None


def run_checks(root: Path, strict_dates: bool = True, with_b1: bool = True) -> Report:
    from tools.hulp.load import data_folder, load_cached, share_nodes

    share_nodes()  # the loader and the data gates below read the same files

    root = Path(root)
    docs = root / "docs"
    report = Report()
    outside = gates.outside_links(root)
    report.extend(outside)
    data, data_findings = load_cached(root)
    report.extend(data_findings)
    report.extend(_monitor_findings(root, data))  # issue 16: KPI data in gemeenten/_monitor/
    folder = data_folder(root)
    text_findings, trees = gates.data_texts(folder, lambda p: _display(p, root))
    report.extend(text_findings)
    report.findings = gates.relocate(report.findings, trees)
    if not [f for f in data_findings if f.blocking]:
        report.extend(gates.consistency(data, trees))
        report.extend(completeness(data))
        report.extend(offer_findings(data))  # issue 14: data owner, help that fits, duplicates
        if strict_dates:
            report.extend(freshness(data))
    known = set(data.categories)
    pages: list[Page] = []
    skip = {f.file for f in outside}
    for path in content_files(docs):
        page, findings = read_page(path, docs, root)
        report.extend(findings)
        if page.display in skip:
            continue
        report.extend(gates.page_filename(page.rel, page.display))
        report.extend(gates.front_matter_values(page.meta_node, page.display, 1))
        report.extend(gates.body_markup(page.body, page.display, page.body_line))
        pages.append(page)
    targets = {p.rel: p.body for p in pages}
    for rel in _other_pages(docs):
        targets.setdefault(rel, "")
    try:
        generated = render_pages(data) if data.municipalities else {}
        generated.update(render_cards(data) if data.municipalities else {})  # /kaart/: referral cards
    except Exception:  # noqa: BLE001 - data errors are reported above; links then just fail to resolve
        generated = {}
    for rel, content in generated.items():
        if rel.endswith(".md"):
            targets[rel] = content
    glossary_ok = _glossary(report, root, targets)
    report.extend(gates.check_nav(root / "mkdocs.yml", docs, set(targets)))
    for page in pages:
        report.extend(check_page_meta(page, known))
        report.extend(check_links(page, targets))
    # Issue 13: the search vocabulary (docs/_data/zoekwoorden.yml).
    from tools.content.vocabulary import check_vocabulary

    report.extend(check_vocabulary(root, list(data.municipalities)))
    if with_b1 and glossary_ok:
        _b1(report, pages, data, root)
    # Issue 15: the questions and tasks of "Wat moet ik regelen?" (rules, links, categories, B1).
    from tools.content import regelen

    report.extend(
        regelen.check(root, data.categories)
        if with_b1
        else regelen.load_tasks(root / regelen.TASKS_FILE, root, data.categories, regelen.docs_pages(docs))[1]
    )
    return report


def _display(path: Path, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _glossary(report: Report, root: Path, targets: dict[str, str]) -> bool:
    """Validate the glossary like other data; its pages become link targets. False when it is broken."""
    from tools.b1.glossary import DEFAULT_GLOSSARY, GlossaryError, load_glossary
    from tools.content.glossary import render_glossary

    path = Path(root) / "docs" / "_data" / "woordenlijst.yml"
    if not path.exists():
        path = DEFAULT_GLOSSARY
    found = gates.glossary_texts(path, _display(path, root))
    report.extend(found)
    try:
        terms = load_glossary(path)
    except GlossaryError as exc:
        report.extend(gates.glossary_errors(exc.errors, root))
        from tools.content.glossary import GLOSSARY_PAGES

        for rel in GLOSSARY_PAGES.values():
            targets[rel] = None  # the page exists at build time; its anchors are unknown until the list is fixed
        return False
    targets.update(render_glossary(terms))
    return not [f for f in found if f.blocking]


EDITORIAL_PAGES = ("redactie/dekking.md", "redactie/vertalingen.md", "redactie/wijzigingen.md", "redactie/wijzigingen.en.md")


def _monitor_findings(root: Path, data: Dataset) -> list[Finding]:
    """Issue 16: the KPI catalogue and figure files (tools/monitor/data.py)."""
    from tools.hulp.load import data_folder
    from tools.monitor.build import findings

    return findings(root, data_folder(root), data)


def _other_pages(docs: Path) -> list[str]:
    """Pages the build makes besides the content files. Named, never read from disk: files in docs/hulp/
    or docs/redactie/ may be stale leftovers of an earlier build (generated pages come from render_pages)."""
    return list(EDITORIAL_PAGES)


def _b1(report: Report, pages: list[Page], data: Dataset, root: Path) -> None:
    from dataclasses import replace

    from tools import b1

    for page in pages:
        if page.lang != "nl":
            continue
        found, exceptions = b1.check_markdown(page.text, page.display)
        report.extend(found)
        report.exceptions.extend(exceptions)
        # Issue 12b: the site's own editorial rule (glossary terms explained), apart from the B1 verdict.
        found, exceptions = b1.check_terms(page.text, page.display)
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
