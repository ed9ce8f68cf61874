"""MkDocs adapter for the regional dashboard (tools/monitor/): write docs/dashboard/ before the build.

Production shows only real figures from gemeenten/_monitor/; a preview (RS_PREVIEW=1) without real
figures shows generated, labelled example figures. Files are only rewritten when they changed.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from tools import site  # noqa: E402
from tools.generate import write_files  # noqa: E402
from tools.monitor.build import FOLDER, MonitorDataError, dashboard_files  # noqa: E402

from hooks.i18n_state import inner_language_build  # noqa: E402


def on_pre_build(config):
    if inner_language_build(config):
        return  # written once, before the first language
    try:
        data = site.dataset(ROOT)
        files = dashboard_files(ROOT, site.data_folder(ROOT), data, config.get("site_url") or "")
    except site.BuildStop as stop:
        raise PluginError(str(stop)) from None
    except MonitorDataError as err:
        raise PluginError(str(err)) from None
    write_files(Path(config["docs_dir"]), files, folder=FOLDER)
