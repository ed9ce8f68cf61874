"""Test versions ("testversies") for co-creation groups: banner data, feedback links, changes page, zip.

A preview is the normal site built with RS_PREVIEW=1 (`python -m tools preview`, `make preview`):
concept pages are included, every page shows "Testversie" with the version and date and a feedback
link for that page, and a page "Wat is er veranderd" lists what differs from the main branch.
Previews are `noindex` and disallowed in robots.txt. The same build opens from disk (file://)
without a server or internet: it uses .html links (no directory URLs), only relative links, and
the search (which needs a server) is hidden there. hooks/preview.py connects this to MkDocs and
does nothing in production builds.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from tools.core import clock, history
from tools.core.escape import md_inline
from tools.core.i18n import twin
from tools.core.labels import format_date, label
from tools.core.pages import CONCEPT_ENV, concept_pages

ASSETS = Path(__file__).resolve().parent / "assets"
CSS = "assets/rs-testversie.css"
JS = "assets/rs-testversie.js"
CHANGES = "redactie/wijzigingen"  # + .md / .en.md; only in previews
README_NAME = "LEES-MIJ.txt"
ROBOTS = "User-agent: *\nDisallow: /\n"
PLACEHOLDERS = ("pagina", "titel", "adres", "versie")


class ConfigError(Exception):
    """The preview cannot be built as configured; the message is Dutch, for editors."""


def is_preview() -> bool:
    return os.environ.get(CONCEPT_ENV) == "1"


def text(lang: str, key: str, **values) -> str:
    return label(lang, f"preview_{key}", **values)


# ---------------------------------------------------------------------------- version and feedback


@dataclass(frozen=True)
class Feedback:
    url: str = ""  # a form; {pagina}, {titel}, {adres}, {versie} are filled in
    email: str = ""


@dataclass
class PreviewInfo:
    version: str
    day: dt.date
    feedback: Feedback
    site_url: str = ""

    def date(self, lang: str) -> str:
        return format_date(self.day, lang)


def feedback_config(extra: dict | None) -> Feedback:
    """`extra.feedback` from mkdocs.yml: {url: ..., email: ...}. A preview needs at least one."""
    value = (extra or {}).get("feedback")
    if isinstance(value, str):  # a bare address or URL is fine too
        value = {"email": value} if "@" in value and "://" not in value else {"url": value}
    if value is not None and not isinstance(value, dict):
        raise ConfigError("'extra.feedback' in mkdocs.yml moet 'url:' en/of 'email:' hebben.")
    value = value or {}
    url = str(value.get("url") or "").strip()
    email = str(value.get("email") or "").strip().removeprefix("mailto:")
    if url and not url.startswith("https://"):
        raise ConfigError(f"'extra.feedback.url' in mkdocs.yml moet met https:// beginnen, niet '{url}'.")
    if url:
        try:
            url.format(**{k: "" for k in PLACEHOLDERS})
        except (KeyError, IndexError, ValueError):
            raise ConfigError(
                "'extra.feedback.url' in mkdocs.yml mag alleen {" + "}, {".join(PLACEHOLDERS) + "} tussen accolades hebben."
            ) from None
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", email, re.IGNORECASE):
        raise ConfigError(f"'extra.feedback.email' in mkdocs.yml is geen e-mailadres: '{email}'.")
    if not url and not email:
        raise ConfigError(
            "Een testversie heeft een feedbacklink nodig. Zet in mkdocs.yml onder 'extra.feedback' "
            "een formulier ('url: https://...') of een e-mailadres ('email: ...')."
        )
    return Feedback(url, email)


def preview_info(root: Path, extra: dict | None, site_url: str = "", today: dt.date | None = None) -> PreviewInfo:
    return PreviewInfo(history.version(root), today or clock.today(), feedback_config(extra), site_url or "")


def production_address(site_url: str, src: str) -> str:
    """Where a page will live on the real site: 'geld.en.md' -> '<site_url>en/geld/'."""
    path, lang = src, "nl"
    m = re.match(r"^(.*)\.([a-z]{2})\.md$", src)
    if m:
        path, lang = m.group(1) + ".md", m.group(2)
    path = path[:-3]
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    elif path:
        path += "/"
    prefix = "" if lang == "nl" else f"{lang}/"
    return (site_url.rstrip("/") + "/" if site_url else "/") + prefix + path


def feedback_href(info: PreviewInfo, lang: str, src: str | None, title: str) -> str:
    """The feedback link of one page: the form with the page filled in, or an e-mail with it."""
    values = {
        "pagina": src or "-",
        "titel": title or text(lang, "general"),
        "adres": production_address(info.site_url, src) if src else (info.site_url or "/"),
        "versie": info.version,
        "datum": info.date(lang),
    }
    if info.feedback.url:
        return info.feedback.url.format(**{k: quote(values[k], safe="") for k in PLACEHOLDERS})
    subject = text(lang, "subject", **values)
    body = text(lang, "body", **values)
    return f"mailto:{info.feedback.email}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def page_context(info: PreviewInfo, lang: str, src: str | None, title: str, url: str) -> dict:
    """What the banner of one page shows (overrides/main.html, block announce)."""
    here = posixpath.dirname(url) if url and not url.endswith("/") else url.rstrip("/")
    # Every language has its own changes page; page URLs start with the language folder ('en/...').
    changes = posixpath.relpath(("" if lang == "nl" else f"{lang}/") + f"{CHANGES}.html", here or ".")
    return {
        "versie": info.version,
        "datum": info.date(lang),
        "feedback": feedback_href(info, lang, src, title),
        "wijzigingen": changes,
    }


# ---------------------------------------------------------------------------- "Wat is er veranderd"


@dataclass
class ChangedPage:
    page: str  # docs-relative path of the Dutch page ('geld.md'), or a generated page for data
    title: dict[str, str] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)  # 'nl'/'en' -> status
    source: str = ""  # the data file, for municipality pages
    exists: bool = True


def _title(path: Path) -> str:
    from tools.core.pages import read_page

    if not path.exists():
        return ""
    page, _ = read_page(path, path.parent, path.parent)
    return str(page.meta.get("title") or "")


def _is_built_page(rel: str) -> bool:
    """A Markdown file that becomes a page (exclude_docs in mkdocs.yml leaves out '_' files)."""
    return rel.endswith(".md") and not any(part.startswith(("_", ".")) for part in rel.split("/"))


def classify_changes(
    changes: history.Changes, docs_dir: Path, root: Path
) -> tuple[list[ChangedPage], list[ChangedPage], list[tuple[str, str]]]:
    """(pages, municipality pages, other files) from the changed files of a branch."""
    docs_dir, root = Path(docs_dir), Path(root)
    try:
        docs_prefix = docs_dir.resolve().relative_to(root.resolve()).as_posix() + "/"
    except ValueError:
        docs_prefix = "docs/"
    pages: dict[str, ChangedPage] = {}
    municipalities: dict[str, ChangedPage] = {}
    other: list[tuple[str, str]] = []
    for path, status in changes.files.items():
        if path.startswith(docs_prefix) and _is_built_page(path[len(docs_prefix) :]):
            rel = path[len(docs_prefix) :]
            m = re.match(r"^(.*)\.([a-z]{2})\.md$", rel)
            base, lang = (m.group(1) + ".md", m.group(2)) if m else (rel, "nl")
            entry = pages.setdefault(base, ChangedPage(base))
            entry.languages[lang] = status
            continue
        if path.startswith("gemeenten/") and path.endswith((".yml", ".yaml")) and path.count("/") == 1:
            stem = Path(path).stem
            target = f"hulp/{stem}.md" if not stem.startswith("_") else "hulp/index.md"
            if not (docs_dir / target).exists():
                target = "hulp/index.md"
            entry = municipalities.setdefault(target, ChangedPage(target, source=path))
            entry.languages.setdefault("data", status)
            if entry.source != path:
                entry.source += f", {path}"
            continue
        if path == f"{docs_prefix}_data/woordenlijst.yml":
            entry = pages.setdefault("woordenlijst.md", ChangedPage("woordenlijst.md", source=path))
            entry.languages["data"] = status
            continue
        other.append((path, status))
    for entry in list(pages.values()) + list(municipalities.values()):
        # The glossary page is generated during the build (hooks/woordenlijst.py), maybe after this.
        entry.exists = (docs_dir / entry.page).exists() or entry.page == "woordenlijst.md"
        entry.title = {"nl": _title(docs_dir / entry.page)}
        entry.title["en"] = _title(docs_dir / twin(entry.page, "en")) or entry.title["nl"]
    return sorted(pages.values(), key=lambda p: p.page), sorted(municipalities.values(), key=lambda p: p.page), other


def _link(entry: ChangedPage, lang: str) -> str:
    title = md_inline(entry.title.get(lang) or entry.page)
    # The changes page is docs/redactie/wijzigingen(.en).md: pages are one folder up.
    return f"[{title}](../{entry.page})" if entry.exists else f"`docs/{entry.page}`"


def _what(entry: ChangedPage, lang: str) -> str:
    parts = []
    for key in ("nl", "en"):
        if key in entry.languages:
            parts.append(f"{text(lang, key)} {text(lang, entry.languages[key])}")
    if "data" in entry.languages:
        parts.append(text(lang, "data", status=text(lang, entry.languages["data"])) + f" (`{entry.source}`)")
    return ", ".join(parts)


def changes_page(info: PreviewInfo, changes: history.Changes, docs_dir: Path, root: Path, lang: str) -> str:
    from tools.core.pages import FRONT

    pages, municipalities, other = classify_changes(changes, docs_dir, root)
    concepts = [c for c in concept_pages(docs_dir) if _is_built_page(c) and not re.search(r"\.[a-z]{2}\.md$", c)]
    out = [
        FRONT.format(title=text(lang, "changes_title"), description=text(lang, "changes_description")),
        f"# {text(lang, 'changes_title')}?",
        "",
    ]
    if changes.base:
        out += [text(lang, "intro", versie=info.version, datum=info.date(lang), basis=changes.base), ""]
    else:
        out += [text(lang, "no_base"), ""]
    if changes.problem:
        out += ['!!! warning "Let op"', f"    {changes.problem}", ""]
    out += [f"## {text(lang, 'pages')} ({len(pages)})", ""]
    out += [f"- {_link(p, lang)}: {_what(p, lang)}." for p in pages] or [text(lang, "nothing")]
    out.append("")
    if municipalities:
        out += [f"## {text(lang, 'municipalities')} ({len(municipalities)})", ""]
        out += [f"- {_link(p, lang)}: {_what(p, lang)}." for p in municipalities]
        out.append("")
    if concepts:
        out += [f"## {text(lang, 'concepts')} ({len(concepts)})", "", text(lang, "concepts_intro"), ""]
        for rel in concepts:
            entry = ChangedPage(rel, {"nl": _title(docs_dir / rel), "en": _title(docs_dir / twin(rel, "en"))})
            entry.title["en"] = entry.title["en"] or entry.title["nl"]
            out.append(f"- {_link(entry, lang)}")
        out.append("")
    if other:
        out += [f'??? note "{text(lang, "other")} ({len(other)})"', f"    {text(lang, 'other_intro')}", ""]
        out += [f"    - `{path}`: {text(lang, status)}" for path, status in other]
        out.append("")
    return "\n".join(out)


def render_changes(root: Path, docs_dir: Path, base: str | None = None) -> dict[str, str]:
    """The changes page in both languages (for tools/editorial/coverage.py; only called in previews)."""
    info = PreviewInfo(history.version(root), clock.today(), Feedback())
    changes = history.changed_files(root, base)
    return {
        f"{CHANGES}.md": changes_page(info, changes, docs_dir, root, "nl"),
        f"{CHANGES}.en.md": changes_page(info, changes, docs_dir, root, "en"),
    }


# ---------------------------------------------------------------------------- the built preview


URL_ATTR_RE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


def local_links(html: str, file: Path, site_dir: Path) -> str:
    """Make links work from disk: root-absolute links relative, directory links to their .html file."""
    site_dir = site_dir.resolve()

    def fix(m: re.Match) -> str:
        url = m.group(2)
        parts = urlsplit(url.replace("&amp;", "&"))
        if parts.scheme or parts.netloc or url.startswith("//") or not parts.path:
            return m.group(0)
        raw = unquote(parts.path)
        if raw.startswith("/"):
            target = Path(os.path.normpath(site_dir / raw.lstrip("/")))
        else:
            target = Path(os.path.normpath(file.parent / raw))
        if target.is_dir() and (target / "index.html").is_file():
            target = target / "index.html"
        elif not target.exists() and raw.endswith("/") and target.with_name(target.name + ".html").is_file():
            target = target.with_name(target.name + ".html")
        elif not raw.startswith("/") or not target.exists():
            return m.group(0)  # already fine, or broken anyway (the link check reports it)
        rel = Path(os.path.relpath(target, file.parent)).as_posix()
        rest = ("?" + parts.query if parts.query else "") + ("#" + parts.fragment if parts.fragment else "")
        return m.group(1) + quote(rel, safe="/._-~") + rest.replace("&", "&amp;") + m.group(3)

    return URL_ATTR_RE.sub(fix, html)


def readme(info: PreviewInfo) -> str:
    return (
        f"Testversie van de site Relatie & Scheiding\n"
        f"Versie {info.version}, gemaakt op {info.date('nl')}.\n\n"
        "Zo bekijk je de testversie:\n"
        "1. Pak het zip-bestand helemaal uit. In Windows: klik met de rechtermuisknop op het bestand\n"
        "   en kies 'Alles uitpakken'. Op een Mac: dubbelklik op het zip-bestand.\n"
        "2. Open de map die je kreeg. Dubbelklik op index.html. De site opent in je browser.\n"
        "3. Je hebt geen internet nodig.\n\n"
        "Bovenaan elke pagina staat 'Testversie'. Daar staat ook de link 'Geef feedback op deze pagina'.\n"
        "Daarmee stuur je ons je opmerkingen. De naam van de pagina staat er dan al in.\n"
        "Wil je weten wat er nieuw is? Klik bovenaan op 'Wat is er veranderd?'.\n"
        "Zoeken werkt niet als je de testversie zo opent. Gebruik het menu.\n"
    )


def finish_site(site_dir: Path, info: PreviewInfo) -> None:
    """After the build: local links in every page, robots.txt, the preview's CSS/JS and a read-me."""
    site_dir = Path(site_dir)
    for rel in (CSS, JS):  # first: the link rewriting below only touches links to existing files
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ASSETS / Path(rel).name, target)
    for file in site_dir.rglob("*.html"):
        html = file.read_text(encoding="utf-8")
        fixed = local_links(html, file, site_dir)
        if fixed != html:
            file.write_text(fixed, encoding="utf-8")
    (site_dir / "robots.txt").write_text(ROBOTS, encoding="utf-8")
    (site_dir / README_NAME).write_text(readme(info), encoding="utf-8")


def make_zip(site_dir: Path, zip_path: Path) -> Path:
    """The built preview as one zip (files at the top level: unpacking gives a folder with index.html)."""
    site_dir, zip_path = Path(site_dir), Path(zip_path)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and path.suffix != ".gz":
                zf.write(path, path.relative_to(site_dir).as_posix())
    tmp.replace(zip_path)
    return zip_path


def build(root: Path, site_dir: Path, zip_path: Path | None, base: str | None = None) -> int:
    """Build the preview with MkDocs (RS_PREVIEW=1) into `site_dir`, then zip it. Returns an exit code."""
    env = {**os.environ, CONCEPT_ENV: "1", "NO_MKDOCS_2_WARNING": "1"}
    if base:
        env[history.BASE_ENV] = base
    # -q: quiet. The quality gates (hooks/quality.py) stop a broken build without strict mode.
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(Path(site_dir).resolve())]
    result = subprocess.run(cmd, cwd=root, env=env)
    if result.returncode != 0:
        return result.returncode
    if zip_path:
        make_zip(site_dir, zip_path)
    return 0
