"""Build-time glue for the monitor: the figures to show (real, or labelled examples in previews) and the files."""

from __future__ import annotations

import os
from pathlib import Path

from tools.core.findings import Finding, Report
from tools.hulp.model import Dataset
from tools.monitor.data import Monitor, load_cached
from tools.monitor.examples import example_monitor
from tools.monitor.pages import FOLDER, render_dashboard

PREVIEW_ENV = "RS_PREVIEW"  # the same switch as tools/build.py: previews only


class MonitorDataError(ValueError):
    """The KPI data has blocking findings; the message is the full Dutch report."""


def findings(root: Path, data_folder: Path, data: Dataset) -> list[Finding]:
    """The monitor's findings for `python -m tools check` (the catalogue and every figure file)."""
    return load_cached(root, data_folder, data.municipalities)[1]


def monitor_to_show(root: Path, data_folder: Path, data: Dataset, preview: bool | None = None) -> Monitor:
    """Real figures; in a preview without any real figure, generated example figures (labelled).

    Raises MonitorDataError with the Dutch report when the KPI data has errors (the build stops)."""
    monitor, found = load_cached(root, data_folder, data.municipalities)
    report = Report(list(found))
    if report.blocking:
        raise MonitorDataError(
            "De KPI-cijfers in gemeenten/_monitor/ bevatten fouten. De site is niet gebouwd.\n" + report.as_text()
        )
    preview = os.environ.get(PREVIEW_ENV) == "1" if preview is None else preview
    if preview and not monitor.figures:
        return example_monitor(monitor, sorted(data.municipalities))
    return monitor


def dashboard_files(root: Path, data_folder: Path, data: Dataset, site_url: str) -> dict[str, str]:
    return render_dashboard(monitor_to_show(root, data_folder, data), data, site_url)


__all__ = ["FOLDER", "MonitorDataError", "dashboard_files", "findings", "monitor_to_show"]
