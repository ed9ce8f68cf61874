"""MkDocs adapter for the quality gates: check the sources once, the built site after all languages.

The source gates (`python -m tools check`: B1, front matter, links, markers, completeness) run in a
second process while MkDocs renders, so they cost no build time on a 2-core machine. Their findings
and those of the built HTML (links in every language) are reported together, once, after the last
language, and a blocking finding fails the build. This does not rely on strict mode, which
`mkdocs build -q` switches off (mkdocs#4126). Broken data in gemeenten/ still stops the build at
the start (hooks/gemeenten.py), before anything is written.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hooks.build import inner_language_build
from tools.core.findings import Finding, Report
from tools.gates.linkcheck import check_site

ROOT = Path(__file__).resolve().parent.parent
_state: dict = {"report": None, "site_dir": None, "sources": {}}


def on_pre_build(config):
    if inner_language_build(config):
        return  # other languages: the sources were checked once already
    _stop_running_check()
    handle, json_path = tempfile.mkstemp(prefix="rs-check-", suffix=".json")
    os.close(handle)
    _state["check_json"] = json_path
    _state["check"] = subprocess.Popen(
        [sys.executable, "-m", "tools", "check", "--json", json_path],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _state["site_dir"] = Path(config["site_dir"])  # the first (default) language builds to the root
    _state["sources"] = {}


def on_page_markdown(markdown, page, config, files):
    site_dir = _state.get("site_dir")
    if site_dir is not None:
        try:
            built = Path(page.file.abs_dest_path).resolve().relative_to(site_dir.resolve()).as_posix()
            _state["sources"][built] = f"docs/{page.file.src_uri}"
        except ValueError:
            pass
    return markdown


@event_priority(-150)
def on_post_build(config):
    if inner_language_build(config):
        return  # an inner language build; the outer one reports once at the end
    report = _collect_check()
    site_dir = _state.get("site_dir") or Path(config["site_dir"])
    report.extend(check_site(site_dir, _state["sources"].get))
    json_path = os.environ.get("RS_RAPPORT")
    report.emit(sys.stderr if report.blocking else sys.stdout, json_path=json_path, advisory=False)
    if report.blocking:
        raise PluginError(f"De site is niet goedgekeurd: {len(report.blocking)} fout(en). Zie de lijst hierboven.")


def _stop_running_check() -> None:
    proc = _state.pop("check", None)
    if proc is not None and proc.poll() is None:
        proc.kill()
        proc.wait()


def _collect_check() -> Report:
    """Wait for the source gates and turn their JSON report back into findings."""
    proc = _state.pop("check", None)
    path = _state.pop("check_json", None)
    if proc is None or path is None:
        return Report()
    _, stderr = proc.communicate()
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return Report([Finding(**f) for f in data["bevindingen"]], [Finding(**f) for f in data["uitzonderingen"]])
    except (OSError, ValueError, KeyError, TypeError):
        return Report([Finding("tools/gates/check.py", 0, "controle-mislukt",
                               "De controle van de inhoud kon niet draaien: " + (stderr or "").strip()[-1500:],
                               "Draai 'python -m tools check' voor de volledige melding.")])
    finally:
        Path(path).unlink(missing_ok=True)


def on_shutdown():
    _stop_running_check()
