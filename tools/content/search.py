"""One search index per language.

mkdocs-static-i18n leaves one shared index in which Dutch results show up on the English site
(upstream issue #271). After the build, `split_by_language` writes `<lang>/search/search_index.json`
with that language's pages (locations relative to the language root) and keeps only the default
language in the root index; `point_to_language_root` makes the pages of a language look there.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

INDEX = Path("search") / "search_index.json"
BASE_RE = re.compile(r'("base": ")([^"]*)(")')


def split_by_language(site_dir: Path, languages: list[str]) -> dict[str, int]:
    """Split the shared index; returns the number of entries per language ('' is the default)."""
    path = Path(site_dir) / INDEX
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    prefixes = {lang: f"{lang}/" for lang in languages}
    counts = {}
    for lang, prefix in prefixes.items():
        docs = [dict(d, location=d["location"][len(prefix):]) for d in data["docs"] if d["location"].startswith(prefix)]
        target = Path(site_dir) / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(dict(data, docs=docs), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang] = len(docs)
    default = [d for d in data["docs"] if not any(d["location"].startswith(p) for p in prefixes.values())]
    path.write_text(json.dumps(dict(data, docs=default), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    counts[""] = len(default)
    return counts


def point_to_language_root(html: str, lang: str) -> str:
    """Material reads `base` from its __config JSON for the index URL and result links."""
    def repl(m: re.Match) -> str:
        base = m.group(2).rstrip("/") or "."
        return f"{m.group(1)}{base}/{lang}/{m.group(3)}"  # trailing slash: a URL base

    return BASE_RE.sub(repl, html, count=1)
