"""MkDocs adapter: build the other languages in a second process while the default language builds.

mkdocs-static-i18n builds the languages one after the other: the English build starts when the Dutch
one has finished. On a machine with more than one core, `mkdocs build` forks a child right after
the Dutch build has its files (on_files, after the i18n plugin chose them and MkDocs cleaned the
site folder). The child runs exactly the inner builds the i18n plugin would run later, with the
same configuration, into the same site folder, and hands back what the parent needs: the search
entries the i18n plugin merges into one index, what the hooks collected (BuildState.merge) and its
log messages, which the parent logs again so strict mode counts them. The parent then skips the
plugin's own loop for those languages. The built site is the same as a sequential build.

Only for `mkdocs build` with fork() available. RS_PARALLEL=0 turns it off (for comparing or debugging).

While serving (`make serve`), the languages build one after the other in the server's process, and
an edit of Dutch pages that all have an English twin rebuilds only the Dutch site: the English
pages cannot show that text, so their folder stays, and what their build handed over last time
(search entries, findings, script hashes, sitemap) is used again. Any other change (an English
page, a Dutch page without a twin, data, templates, code, mkdocs.yml) rebuilds every language.
"""

from __future__ import annotations

import gzip
import logging
import os
import pickle
import shutil
import sys
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority

from hooks.build import STATE, Order, inner_language_build, languages
from tools.core.i18n import LANGUAGES, twin
from tools.core.pages import GENERATED_FILES, GENERATED_FOLDERS

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.hooks.talen")
_child: dict = {}  # pid and result file of the running child; one per build, kept apart from STATE (never pickled)
_IN_CHILD = False
_templates: dict[str, str] = {}  # in the child: the site-wide files its builds wrote last (sitemap.xml)
_own_templates: dict[str, str] = {}  # in the parent: the same files of the default language


class _Collect(logging.Handler):
    """The child's log records, to be logged again (once) by the parent."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _wanted(config) -> bool:
    from mkdocs.commands import build

    i18n = config.plugins.get("i18n")
    return (
        STATE.command == "build"
        and os.environ.get("RS_PARALLEL", "1") != "0"
        and hasattr(os, "fork")
        and (os.cpu_count() or 1) > 1
        and i18n is not None
        and getattr(_plugin_module(i18n), "build", None) is build.build  # the plugin builds the way we know
        and list(i18n.build_languages)[:1] == [languages(config)[0]]  # the default language first
        and bool(languages(config)[1])
    )


@event_priority(Order.FORK_LANGUAGES)
def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    _restore_clean()
    if inner_language_build(config) or not _wanted(config):
        return files
    handle, path = tempfile.mkstemp(prefix="rs-talen-", suffix=".pickle")
    os.close(handle)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: the other languages, then leave without running the parent's exit handlers
        global _IN_CHILD
        _IN_CHILD = True
        os._exit(_build_others(config, path))
    _child.update(pid=pid, path=path)
    return files


def _build_others(config, path: str) -> int:
    from mkdocs import utils
    from mkdocs.commands.build import build

    mkdocs_log = logging.getLogger("mkdocs")
    collect = _Collect()
    for handler in list(mkdocs_log.handlers):
        mkdocs_log.removeHandler(handler)
    mkdocs_log.addHandler(collect)
    i18n = config.plugins.get("i18n")
    result: dict = {"error": None}
    # The parent owns the source gates' process and the site swap: the child's error handlers leave them alone.
    STATE.check = STATE.check_json = STATE.swap = None
    try:
        STATE.forget_pages()
        i18n.search_entries = []
        i18n.building = True
        utils.clean_directory = lambda folder: folder  # as the i18n plugin does: the default language is in there
        dirty = "--dirty" in sys.argv or "--dirtyreload" in sys.argv
        for locale in languages(config)[1]:  # the order of the plugin's own loop
            i18n.current_language = locale
            build(config, dirty=dirty)
        result["search_entries"] = i18n.search_entries
        result["templates"] = dict(_templates)
        result["state"] = STATE.pages_part()
    except Abort:  # MkDocs logged why (the parent logs it again)
        result["error"] = "zie de melding hierboven"
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent, in words
        result["error"] = str(exc) or type(exc).__name__
        result["trace"] = traceback.format_exc()
    result["log"] = collect.records
    try:
        with open(path, "wb") as out:
            pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - unpicklable: say so rather than hang the parent
        with open(path, "wb") as out:
            pickle.dump({"error": "de andere talen gaven een resultaat dat niet terug kon", "log": collect.records}, out)
        return 1
    return 0 if result["error"] is None else 1


@event_priority(Order.JOIN_LANGUAGES)  # before mkdocs-static-i18n (-100) would build the languages itself
def on_post_build(*, config: MkDocsConfig) -> None:
    _restore()
    if inner_language_build(config):
        if STATE.serving:
            _remember_language(config)
        return
    if _child.get("keep"):
        _reuse(config, _child.pop("keep"))
        return
    if STATE.serving:  # a full rebuild: the other languages collect apart, as a child would, for the next edit
        STATE.serve_kept = None
        STATE.serve_building = {"default": STATE.pages_part(), "entries": []}
        STATE.forget_pages()
    if "pid" not in _child:
        return
    result = _join()
    for name, level, message in result.get("log", []):
        logging.getLogger(name).log(level, message)
    if result.get("trace"):
        log.debug(result["trace"])
    if result.get("error"):
        others = ", ".join(languages(config)[1])
        raise PluginError(f"De site in de andere talen ({others}) kon niet gebouwd worden: " + result["error"])
    STATE.merge(result["state"])
    _write_templates(config, result["templates"])
    _skip_plugin_builds(config.plugins.get("i18n"), result["search_entries"])


@event_priority(Order.FORK_LANGUAGES)  # the final text, after every other hook
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
    if template_name not in config.theme.static_templates:
        return output_content
    if _IN_CHILD or (STATE.serving and inner_language_build(config)):
        _templates[template_name] = output_content
    elif not inner_language_build(config):
        _own_templates[template_name] = output_content
    return output_content


def _write_templates(config, templates: dict[str, str], join: bool = True) -> None:
    """A sequential build writes the site-wide templates last in the last language. The i18n sitemap
    there lists the pages of every language; the child only has its own languages' pages, so its
    entries follow the parent's own, as in one sitemap of a sequential build."""
    from mkdocs import utils

    # MkDocs stamps the gzip with the newest page's update date, which is the build date.
    stamp = int(datetime.fromisoformat(utils.get_build_date()).replace(tzinfo=UTC).timestamp())
    for name, text in templates.items():
        path = os.path.join(config.site_dir, name)
        if name == "sitemap.xml" and join:
            text = _join_sitemaps(_own_templates.get(name, ""), text)
        utils.write_file(text.encode("utf-8"), path)
        if name == "sitemap.xml":
            with open(f"{path}.gz", "wb") as out, gzip.GzipFile(fileobj=out, filename=f"{path}.gz", mode="wb", mtime=stamp) as gz:
                gz.write(text.encode("utf-8"))


def _join_sitemaps(own: str, child: str) -> str:
    """The default language's sitemap entries, then the other languages' (both processes write the file;
    which one wrote last does not matter, this text replaces it)."""
    head, sep, _ = own.rpartition("</urlset>")
    start = child.find("<url>")
    if not sep or start < 0:
        return child
    return head.rstrip() + "\n    " + child[start:]


def _plugin_module(i18n):
    return sys.modules[type(i18n).__module__]


def _skip_plugin_builds(i18n, entries: list) -> None:
    """The i18n plugin's loop calls `build` once per other language: those are built already, so for
    this loop `build` only adds their search entries (in the same place as a sequential build)."""
    module = _plugin_module(i18n)
    original = module.build
    last = [lang for lang in i18n.build_languages if lang != i18n.current_language][-1]

    def already_built(config, **_kwargs):
        if entries:
            i18n.search_entries.extend(entries)
            entries.clear()
        if i18n.current_language == last:
            module.build = original

    module.build = already_built
    _child["restore"] = (module, original)


def _join() -> dict:
    pid, path = _child.pop("pid"), _child.pop("path")
    try:
        os.waitpid(pid, 0)
        with open(path, "rb") as source:
            return pickle.load(source)
    except (OSError, EOFError, pickle.UnpicklingError) as exc:
        return {"error": f"het proces voor de andere talen stopte onverwacht ({exc})"}
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass


def _restore() -> None:
    module, original = _child.pop("restore", (None, None))
    if module is not None:
        module.build = original


def _restore_clean() -> None:
    utils, clean = _child.pop("clean", (None, None))
    if utils is not None:
        utils.clean_directory = clean


def on_build_error(*, error: Exception) -> None:
    STATE.serve_kept = STATE.serve_building = None  # the next edit rebuilds every language
    _restore_clean()
    _restore()
    if "pid" in _child:  # the default language failed: do not leave the child behind
        _join()


def on_shutdown() -> None:
    _restore()
    if "pid" in _child:
        _join()


# ---------------------------------------------------------------------------- serving: one language per edit

# Built into docs/ by the hooks (their sources are the data and code, which are watched themselves).
GENERATED = tuple(f"{folder}/" for folder in GENERATED_FOLDERS) + GENERATED_FILES


def _snapshot(root: Path) -> dict[str, int]:
    """Modification times of what a rebuild depends on: docs/ (without generated files), the data, the
    templates, the code and mkdocs.yml."""
    times: dict[str, int] = {}
    for folder in ("docs", "gemeenten", "overrides", "hooks", "tools"):
        for path in (root / folder).rglob("*"):
            rel = path.relative_to(root).as_posix()
            if folder == "docs" and rel[5:].startswith(GENERATED) or "__pycache__" in rel or not path.is_file():
                continue
            times[rel] = path.stat().st_mtime_ns
    times["mkdocs.yml"] = (root / "mkdocs.yml").stat().st_mtime_ns
    return times


def dutch_only(changed: set[str], root: Path) -> bool:
    """True when every change is a Dutch page of docs/ whose English twin exists (and did not change)."""
    for rel in changed:
        src = rel[5:] if rel.startswith("docs/") else ""
        if not src.endswith(".md") or src.startswith("_") or "/_" in src or src.startswith(GENERATED):
            return False
        if twin(src, "nl") != src or not (root / "docs" / twin(src, LANGUAGES[1])).is_file():
            return False
    return bool(changed)


@event_priority(Order.FORK_LANGUAGES)  # after every hook wrote its generated pages
def on_pre_build(*, config: MkDocsConfig) -> None:
    if inner_language_build(config) or not STATE.serving:
        return
    root = Path(config.config_file_path).parent  # the checkout being served
    now = _snapshot(root)
    before, STATE.serve_snapshot = STATE.serve_snapshot, now
    if before is None or STATE.serve_kept is None:
        return
    changed = {rel for rel in now.keys() | before.keys() if now.get(rel) != before.get(rel)}
    if not dutch_only(changed, root):
        return
    keep = languages(config)[1]
    log.info("Alleen de Nederlandse pagina's worden opnieuw gebouwd: " + ", ".join(sorted(changed)))
    _child["keep"] = STATE.serve_kept
    from mkdocs import utils

    clean = utils.clean_directory

    def clean_but_languages(folder):  # MkDocs empties the site folder next; the other languages stay
        for entry in os.scandir(folder):
            if entry.name in keep:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)

    utils.clean_directory = clean_but_languages
    _child["clean"] = (utils, clean)


def _remember_language(config) -> None:
    """After another language's build while serving: keep what it handed over (what a child would
    return), then put the default language's part back in front, as in a sequential build."""
    building = STATE.serve_building
    if building is None:
        return
    search = next((p for n, p in config.plugins.items() if n in ("search", "material/search")), None)
    index = getattr(search, "search_index", None)
    building["entries"] += list(getattr(index, "_entries", getattr(index, "entries", [])) or [])
    if languages(config)[1][-1] != config.plugins.get("i18n").current_language:
        return  # more languages follow; they collect into the same part
    part = STATE.pages_part()
    STATE.serve_kept = {"state": part, "templates": dict(_templates), "search_entries": building["entries"]}
    STATE.serve_building = None
    STATE.forget_pages()
    STATE.merge(building["default"])
    STATE.merge(part)


def _reuse(config, kept: dict) -> None:
    STATE.merge(kept["state"])
    _write_templates(config, kept["templates"], join=False)  # a sequential build's sitemap lists every language
    _skip_plugin_builds(config.plugins.get("i18n"), list(kept["search_entries"]))
