"""MkDocs adapter for the regional dashboard (tools/monitor/): write docs/dashboard/ before the build.

Production shows only real figures from gemeenten/_monitor/; a preview (RS_PREVIEW=1) without real
figures shows generated, labelled example figures. Files are only rewritten when they changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from hooks.build import ROOT, STATE, inner_language_build
from tools.hulp.load import data_folder
from tools.hulp.render import write_files
from tools.monitor.build import FOLDER, MonitorDataError, dashboard_files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_pre_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config):
        return  # written once, before the first language
    try:
        files = dashboard_files(ROOT, data_folder(ROOT), STATE.dataset(), config.get("site_url") or "")
    except MonitorDataError as err:
        raise PluginError(str(err)) from None
    write_files(Path(config["docs_dir"]), files, folder=FOLDER)
