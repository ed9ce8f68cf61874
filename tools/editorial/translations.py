"""Translation status: for every Dutch page, is its English page missing or older than the Dutch text?

"Older" comes from git: the last commit that touched `x.md` is newer than the last commit that
touched `x.en.md`, or `x.md` has uncommitted changes and `x.en.md` has none. Without git, or when
a shallow clone hides the history, the status says "onbekend" rather than guess.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from tools.core import history
from tools.core.escape import md_inline
from tools.core.i18n import twin
from tools.core.pages import content_files, read_page

MISSING = "ontbreekt"
OUTDATED = "verouderd"
CURRENT = "bijgewerkt"
UNKNOWN = "onbekend"
UNCOMMITTED = "niet vastgelegd"  # shown instead of a date for uncommitted work

STATUS_TEXT = {
    MISSING: "Er is nog geen Engelse pagina.",
    OUTDATED: "De Nederlandse tekst is veranderd nadat de Engelse vertaling is gemaakt.",
    CURRENT: "De Engelse pagina is bijgewerkt na de laatste wijziging van de Nederlandse tekst.",
    UNKNOWN: "Dat kunnen we niet zien: de geschiedenis in git ontbreekt.",
}


@dataclass(frozen=True)
class Translation:
    page: str  # Dutch source relative to docs/, e.g. 'geld.md'
    title: str
    status: str  # MISSING | OUTDATED | CURRENT | UNKNOWN
    nl_changed: str  # date of the last change, UNCOMMITTED, or ''
    en_changed: str
    concept: bool = False

    @property
    def english(self) -> str:
        return twin(self.page, "en")


@dataclass
class TranslationReport:
    items: list[Translation]
    note: str = ""  # Dutch warning about the history (no git, shallow clone)

    def count(self, status: str) -> int:
        return sum(1 for t in self.items if t.status == status)

    def needing_work(self) -> list[Translation]:
        return [t for t in self.items if t.status in (MISSING, OUTDATED)]


def _compare(nl: str, en: str, log: dict, dirty: set[str], boundary: set[str]) -> tuple[str, str, str]:
    """(status, nl_changed, en_changed) for one pair of paths relative to the repository root."""
    nl_dirty, en_dirty = nl in dirty, en in dirty
    nl_last, en_last = log.get(nl), log.get(en)
    nl_date = UNCOMMITTED if nl_dirty else (nl_last.date if nl_last else "")
    en_date = UNCOMMITTED if en_dirty else (en_last.date if en_last else "")
    if en_dirty:
        return CURRENT, nl_date, en_date  # the translator is working on it now
    if nl_dirty:
        return OUTDATED, nl_date, en_date
    if nl_last is None or en_last is None:
        return UNKNOWN, nl_date, en_date
    if nl_last.commit == en_last.commit:
        # Changed together. On a shallow clone the oldest visible commit "adds" every file: unknown.
        return (UNKNOWN if nl_last.commit in boundary else CURRENT), nl_date, en_date
    return (OUTDATED if nl_last.order < en_last.order else CURRENT), nl_date, en_date


def translation_status(root: Path, docs_dir: Path | None = None) -> TranslationReport:
    root = Path(root)
    docs = Path(docs_dir) if docs_dir else root / "docs"
    try:
        prefix = docs.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        prefix = None
    repo = prefix is not None and history.is_repository(root)
    log = history.last_changes(root, prefix) if repo else {}
    dirty = history.uncommitted(root, prefix) if repo else set()
    boundary = history.shallow_boundary(root) if repo else set()
    note = ""
    if not repo:
        note = "Geen git-geschiedenis gevonden: we zien alleen welke vertalingen ontbreken."
    elif history.is_shallow(root):
        note = (
            "Dit is een ondiepe kopie van de repository (shallow clone): een deel van de geschiedenis "
            "ontbreekt. Haal alles op met 'git fetch --unshallow' voor een volledige status."
        )
    items = []
    for path in content_files(docs):
        page, _ = read_page(path, docs, root)
        if page.lang != "nl":
            continue
        title = str(page.meta.get("title") or page.rel)
        concept = page.meta.get("status") == "concept"
        english = docs / twin(page.rel, "en")
        if not english.exists():
            items.append(Translation(page.rel, title, MISSING, "", "", concept))
            continue
        if not repo:
            items.append(Translation(page.rel, title, UNKNOWN, "", "", concept))
            continue
        status, nl_date, en_date = _compare(f"{prefix}/{page.rel}", f"{prefix}/{twin(page.rel, 'en')}", log, dirty, boundary)
        items.append(Translation(page.rel, title, status, nl_date, en_date, concept))
    return TranslationReport(items, note)


# ---------------------------------------------------------------------------- output


def as_text(report: TranslationReport, everything: bool = False) -> str:
    shown = report.items if everything else report.needing_work()
    lines = []
    if report.note:
        lines += [f"Let op: {report.note}", ""]
    width = max([len(t.page) for t in shown] + [10])
    for t in shown:
        when = ""
        if t.status in (OUTDATED, CURRENT):
            when = f"  (Nederlands: {t.nl_changed or '?'}, Engels: {t.en_changed or '?'})"
        lines.append(f"{t.page:<{width}}  {t.status:<10}{' (concept)' if t.concept else ''}{when}")
    if not shown:
        lines.append("Alle Engelse pagina's zijn bijgewerkt.")
    lines += [
        "",
        f"{len(report.items)} Nederlandse pagina's: {report.count(MISSING)} zonder Engelse vertaling, "
        f"{report.count(OUTDATED)} met een verouderde vertaling, {report.count(CURRENT)} bijgewerkt, "
        f"{report.count(UNKNOWN)} onbekend.",
    ]
    return "\n".join(lines)


def as_json(report: TranslationReport) -> str:
    return json.dumps({"let_op": report.note, "paginas": [asdict(t) for t in report.items]}, ensure_ascii=False, indent=2)


def status_page(report: TranslationReport, today: str) -> str:
    """The editors' page redactie/vertalingen.md (out of the navigation and the search)."""
    from tools.core.pages import FRONT

    out = [
        FRONT.format(title="Vertalingen", description="Per pagina: ontbreekt de Engelse vertaling, of is hij verouderd?"),
        "# Vertalingen",
        "",
        f"Deze pagina is voor redacteuren. Gemaakt op {today}. "
        f"Van de {len(report.items)} Nederlandse pagina's hebben er {report.count(MISSING)} geen Engelse vertaling. "
        f"Bij {report.count(OUTDATED)} is de vertaling verouderd.",
        "",
    ]
    if report.note:
        out += ['!!! warning "Let op"', f"    {report.note}", ""]
    for status, heading in ((OUTDATED, "Verouderd"), (MISSING, "Ontbreekt"), (UNKNOWN, "Onbekend"), (CURRENT, "Bijgewerkt")):
        items = [t for t in report.items if t.status == status]
        if not items:
            continue
        out += [f"## {heading} ({len(items)})", "", STATUS_TEXT[status], ""]
        for t in items:
            out.append(f"- {_page_link(t)} · `docs/{t.page}`{_dates(t)}")
        out.append("")
    out += [
        "Dit overzicht staat ook in de terminal: `python -m tools vertalingen`. "
        "Met `--alles` zie je ook de pagina's die bijgewerkt zijn.",
        "",
    ]
    return "\n".join(out)


def _page_link(t: Translation) -> str:
    title = md_inline(t.title)
    # Concept pages are left out of production builds: a link to them would be dead there.
    return f"{title} (concept)" if t.concept else f"[{title}](../{t.page})"


def _dates(t: Translation) -> str:
    if t.status not in (OUTDATED, CURRENT):
        return ""
    return f". Nederlands gewijzigd: {t.nl_changed or '?'}. Engels gewijzigd: {t.en_changed or '?'}."
