"""MkDocs adapter for the quality gates: check the sources once, the built site after all languages.

Source findings stop the build before anything is written (the previous site stays intact);
findings in the built HTML (links in every language) stop it once, after the last language. This does not rely
on strict mode, which `mkdocs build -q` switches off (mkdocs#4126).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from tools.check import run_checks  # noqa: E402
from tools.findings import Report  # noqa: E402
from tools.linkcheck import check_site  # noqa: E402

_state: dict = {"report": None, "site_dir": None, "sources": {}}


def _i18n(config):
    return config.plugins.get("i18n")


def on_pre_build(config):
    i18n = _i18n(config)
    if i18n is not None and getattr(i18n, "building", False):
        return  # other languages: the sources were checked once already
    report = run_checks(ROOT)
    _state["report"] = report
    if report.blocking:
        # Stop before MkDocs cleans and writes the site: the previous site stays intact.
        report.emit(sys.stderr, json_path=os.environ.get("RS_RAPPORT"), advisory=False)
        raise PluginError(f"De site is niet gebouwd: {len(report.blocking)} fout(en). Zie de lijst hierboven.")
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
    i18n = _i18n(config)
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner language build; the outer one reports once at the end
    report: Report = _state.get("report") or Report()
    site_dir = _state.get("site_dir") or Path(config["site_dir"])
    report.extend(check_site(site_dir, _state["sources"].get))
    json_path = os.environ.get("RS_RAPPORT")
    report.emit(sys.stderr if report.blocking else sys.stdout, json_path=json_path, advisory=False)
    if report.blocking:
        raise PluginError(f"De site is niet goedgekeurd: {len(report.blocking)} fout(en). Zie de lijst hierboven.")
