"""MkDocs adapter for the quality gates: check the sources once, the built site after all languages.

The source gates (`python -m tools check`: B1, front matter, links, markers, completeness) run in a
second process while MkDocs renders, so they cost no build time on a 2-core machine. Their findings
and those of the built HTML (links in every language) are reported together, once, after the last
language, and a blocking finding fails the build. This does not rely on strict mode, which
`mkdocs build -q` switches off (mkdocs#4126). Broken data in gemeenten/ still stops the build at
the start (hooks/gemeenten.py), before anything is written.

Output gate: every built page (every language, 404 included) is scanned as it is written, after
every other hook changed it (tools/security/policy.py `scan_output`): an inline script that the theme's
templates do not put there, an event-handler attribute or a javascript: URL fails the build and
names the page.

The last good site stays: `mkdocs build` (and `make build`) writes into a temporary folder next to
the site folder, and only when every gate passed in every language (and, with --strict, there were
no warnings) is it swapped with the site folder in one rename. A failed build leaves the previous
site exactly as it was. `mkdocs serve` and --dirty builds write in place, as MkDocs does.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hooks.build import STATE, Order, inner_language_build, page_base_url, template_base_url
from tools.core import atomic
from tools.core.findings import Finding, Report
from tools.core.runtime import fewer_gc_pauses
from tools.gates.linkcheck import check_site, page_links
from tools.preview.testversion import is_preview
from tools.security import policy as security

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.hooks.quality")


def on_startup(*, command: str, dirty: bool) -> None:
    STATE.command, STATE.dirty = command, dirty
    fewer_gc_pauses()


class _DutchNavMessages(logging.Filter):
    """MkDocs reports a menu entry to a missing page in English without naming the file: say it in
    Dutch and name mkdocs.yml (the source gates report the exact line as well)."""

    NAV_RE = __import__("re").compile(r"A reference to '([^']+)' is included in the 'nav' configuration, which is not found")

    def filter(self, record: logging.LogRecord) -> bool:
        m = self.NAV_RE.search(str(record.getMessage()))
        if m:
            record.msg = (
                f"mkdocs.yml: in het menu (nav) staat de pagina '{m.group(1)}', maar die bestaat niet in docs/. "
                "Verbeter de naam in mkdocs.yml of haal de regel uit het menu."
            )
            record.args = ()
        return True


_NAV_FILTER = _DutchNavMessages()


@event_priority(Order.EARLY)  # before mkdocs-static-i18n (-100) derives the other languages' folders from it
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    nav_log = logging.getLogger("mkdocs.structure.nav")
    if _NAV_FILTER not in nav_log.filters:
        nav_log.addFilter(_NAV_FILTER)
    if inner_language_build(config) or STATE.swap is not None:
        return config
    if STATE.command in ("build", "gh-deploy") and not STATE.dirty:
        final = Path(config["site_dir"]).resolve()
        STATE.swap = atomic.Swap(final)
        config["site_dir"] = str(STATE.swap.temp)
    return config


@event_priority(Order.EARLY)  # start the source gates first: if another hook stops the build, their report explains it
def on_pre_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return  # other languages: the sources were checked once already
    STATE.begin(config)  # the first on_pre_build of every build (this one runs EARLY)
    _stop_running_check()
    handle, json_path = tempfile.mkstemp(prefix="rs-check-", suffix=".json")
    os.close(handle)
    STATE.check_json = json_path
    STATE.check = subprocess.Popen(
        [sys.executable, "-m", "tools", "check", "--json", json_path],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    site_dir = STATE.site_dir
    if site_dir is not None:
        try:
            built = Path(page.file.abs_dest_path).resolve().relative_to(site_dir.resolve()).as_posix()
            STATE.sources[built] = f"docs/{page.file.src_uri}"
        except ValueError:
            pass
    return markdown


@event_priority(Order.EARLY)  # before MkDocs reads any page: a page it cannot read gives a traceback
def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Stop early, in Dutch, on what would crash MkDocs or publish something from outside."""
    if inner_language_build(config):
        return files
    from tools.core.pages import decode
    from tools.gates.editor import outside_links

    findings = list(outside_links(ROOT))
    outside = {f.file for f in findings}
    for file in files.documentation_pages():
        display = _display(Path(file.abs_src_path))
        if display in outside:
            continue
        try:
            findings.extend(decode(Path(file.abs_src_path).read_bytes(), display)[1])
        except OSError as exc:
            findings.append(
                Finding(
                    display, 1, "bestand", f"Het bestand is niet te lezen: {exc.strerror}.", "Controleer of het bestand bestaat."
                )
            )
    for folder in [Path(d) for d in config.theme.dirs if Path(d).resolve().is_relative_to(ROOT)]:
        for template in folder.rglob("*.html"):
            findings.extend(decode(template.read_bytes(), _display(template))[1])
    if findings:
        report = Report(findings)
        report.emit(sys.stderr, advisory=False)
        STATE.printed = set(findings)
        raise PluginError(
            f"De site is niet gebouwd: {len(findings)} fout(en) in de bestanden, zie hierboven."
            + (f" {STATE.swap.final.name}/ is niet veranderd." if STATE.swap else "")
        )
    return files


def _display(path: Path) -> str:
    try:
        return (
            path.resolve().relative_to(ROOT).as_posix() if not path.is_symlink() else path.absolute().relative_to(ROOT).as_posix()
        )
    except ValueError:
        return path.as_posix()


def _scan(html: str, config, where: str, built: str, base_url: str) -> None:
    env = STATE.env = STATE.env or config.theme.get_env()  # set by hooks/security.py on_env
    allowed = security.known_hashes(env, config, base_url)
    host = security.urlsplit(config.get("site_url") or "").hostname
    for line, rule, message in security.scan_output(html, allowed, host):
        STATE.output.append(
            Finding(
                where,
                0,
                rule,
                f"In de gebouwde pagina {built} (regel {line}): {message}",
                "Haal scripts, on...=-attributen, javascript:-links en ingesloten inhoud weg uit de pagina of "
                "de gegevens. Een nieuw script hoort als bestand in docs/assets/js/ (zie README).",
            )
        )


@event_priority(Order.OUTPUT_GATE)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    _scan(output, config, f"docs/{page.file.src_uri}", page.file.dest_uri, page_base_url(page))
    if not is_preview():  # a test version rewrites its links after the build: the link check reads those files
        STATE.links[page.file.dest_uri] = page_links(output)
    return output


@event_priority(Order.OUTPUT_GATE)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
    if template_name.endswith(".html"):
        _scan(output_content, config, template_name, template_name, template_base_url(template_name, config))
    return output_content


def _report(config) -> Report:
    if STATE.serving and STATE.check is not None and STATE.check.poll() is None:
        # Serving: the rebuilt page is shown now; the source gates print their report when they are done.
        _report_when_done(STATE.check, STATE.check_json)
        STATE.check = STATE.check_json = None
        report = Report()
    else:
        report = _collect_check()
    report.extend(STATE.output)
    return report


def _report_when_done(proc, path: str) -> None:
    import threading

    STATE.late_check = proc  # the next rebuild stops it (_stop_running_check)

    def wait() -> None:
        report = _read_check(proc, path)
        if proc.returncode is not None and proc.returncode < 0:
            return  # stopped by a newer rebuild
        print("Controle van de inhoud (klaar na het herbouwen):", file=sys.stderr)
        report.emit(sys.stderr if report.blocking else sys.stdout, advisory=False)

    threading.Thread(target=wait, name="rs-check-report", daemon=True).start()


@event_priority(Order.REPORT)
def on_post_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return  # an inner language build; the outer one reports once at the end
    report = _report(config)
    site_dir = STATE.site_dir or Path(config["site_dir"])
    report.extend(check_site(site_dir, STATE.sources.get, STATE.links))
    json_path = os.environ.get("RS_RAPPORT")
    report.emit(sys.stderr if report.blocking else sys.stdout, json_path=json_path, advisory=False)
    swap = STATE.swap
    if report.blocking:
        _discard(swap)
        raise PluginError(
            f"De site is niet goedgekeurd: {len(report.blocking)} fout(en). Zie de lijst hierboven."
            + (f" {swap.final.name}/ is niet veranderd." if swap else "")
        )
    warnings = _strict_warnings(config)
    if warnings:
        _discard(swap)
        print(
            f"De bouw gaf {warnings} waarschuwing(en) in de strikte modus (--strict of 'strict: true' in "
            "mkdocs.yml): de site is niet goedgekeurd" + (f" en {swap.final.name}/ is niet veranderd." if swap else "."),
            file=sys.stderr,
        )
        return
    if swap is not None:
        swap.commit()
        STATE.swap = None
        config["site_dir"] = str(swap.final)
    STATE.succeeded = True


def _strict_warnings(config) -> int:
    """Warnings counted so far in strict mode; MkDocs aborts on them only after on_post_build."""
    if not config.get("strict"):
        return 0
    try:
        from mkdocs.utils import CountHandler
    except ImportError:  # another MkDocs-compatible engine: it aborts on its own
        return 0
    return sum(n for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler) for _level, n in h.get_counts())


def _discard(swap) -> None:
    if swap is not None:
        swap.discard()
    STATE.swap = None


def on_build_error(*, error: Exception) -> None:
    """An exception stopped the build (also one in another language): report in Dutch, keep the old site."""
    if STATE.check is not None:
        report = _report(None)
        report.findings = [f for f in report.findings if f not in STATE.printed]
        if report.blocking:
            report.emit(sys.stderr, advisory=False)
    swap = STATE.swap
    if swap is not None:
        print(f"De bouw is afgebroken: {swap.final.name}/ is niet veranderd (de vorige site staat er nog).", file=sys.stderr)
    _discard(swap)


def _stop_running_check() -> None:
    for proc in (STATE.check, STATE.late_check):
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
    STATE.check = STATE.late_check = None


def _collect_check() -> Report:
    """Wait for the source gates and turn their JSON report back into findings."""
    proc, path = STATE.check, STATE.check_json
    STATE.check = STATE.check_json = None
    return _read_check(proc, path)


def _read_check(proc, path) -> Report:
    if proc is None or path is None:
        return Report()
    _, stderr = proc.communicate()
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return Report([Finding(**f) for f in data["bevindingen"]], [Finding(**f) for f in data["uitzonderingen"]])
    except (OSError, ValueError, KeyError, TypeError):
        return Report(
            [
                Finding(
                    "tools/gates/check.py",
                    0,
                    "controle-mislukt",
                    "De controle van de inhoud kon niet draaien: " + (stderr or "").strip()[-1500:],
                    "Draai 'python -m tools check' voor de volledige melding.",
                )
            ]
        )
    finally:
        Path(path).unlink(missing_ok=True)


@event_priority(Order.LAST)
def on_shutdown() -> None:
    _stop_running_check()
    _discard(STATE.swap)
    if STATE.command == "build" and STATE.succeeded:
        # The site is written and approved. Tearing down the build's objects (hundreds of MB at national
        # scale) takes seconds and changes nothing on disk, so `mkdocs build` ends here, with exit code 0.
        sys.stdout.flush()
        sys.stderr.flush()
        logging.shutdown()
        os._exit(0)
