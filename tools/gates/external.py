"""Opt-in check that external websites in the data and pages still answer, with a cache.

Not part of the build or CI (there is no internet there): run `python -m tools extern` by hand or on
a schedule. Results are cached in .cache/externe-links.json so a re-run only asks again for
addresses older than --max-dagen days.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import json
import re
import urllib.error
import urllib.request
from pathlib import Path

from tools.core import clock
from tools.core.findings import ADVISORY, Finding, Report
from tools.core.pages import content_files, read_page

CACHE_FILE = Path(".cache") / "externe-links.json"
URL_IN_MD = re.compile(r"\]\((https://[^)\s]+)\)")
USER_AGENT = "RelatieEnScheiding-linkcontrole/1.0 (+https://www.relatieenscheiding.nl)"


def collect_urls(root: Path) -> dict[str, tuple[str, int]]:
    """Every external https address -> first place it is used (file, line)."""
    from tools.hulp.load import load_cached

    found: dict[str, tuple[str, int]] = {}
    data, _ = load_cached(root)
    offerings = list(data.national) + [o for r in data.regions.values() for o in r.aanbod]
    offerings += [o for g in data.municipalities.values() for o in g.aanbod]
    for o in offerings:
        for url in (o.website, o.chat, o.bron):
            if url:
                found.setdefault(url, (o.file, o.line))
    for g in data.municipalities.values():
        found.setdefault(g.website, (g.file, 1))
    docs = root / "docs"
    for path in content_files(docs):
        page, _ = read_page(path, docs, root)
        for src in page.meta.get("bronnen") or []:
            if isinstance(src, dict) and isinstance(src.get("url"), str):
                found.setdefault(src["url"], (page.display, page.meta_line("bronnen")))
        for i, line in enumerate(page.body.splitlines()):
            for url in URL_IN_MD.findall(line):
                found.setdefault(url, (page.display, page.body_line + i))
    return found


def probe(url: str, timeout: float = 10.0) -> tuple[int, str]:
    """Status code (0 when unreachable) and a short reason. HEAD first, GET when HEAD is refused."""
    for method in ("HEAD", "GET"):
        req = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - https only
                return resp.status, "ok"
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue
            return exc.code, exc.reason if isinstance(exc.reason, str) else str(exc.reason)
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            return 0, str(getattr(exc, "reason", exc))
    return 0, "geen antwoord"


def check_external(
    root: Path, cache_file: Path | None = None, max_days: int = 7, today: dt.date | None = None, prober=probe
) -> Report:
    root = Path(root)
    cache_file = cache_file or root / CACHE_FILE
    today = today or clock.today()
    cache = json.loads(cache_file.read_text(encoding="utf-8")) if cache_file.exists() else {}
    urls = collect_urls(root)
    todo = [u for u in urls if u not in cache or (today - dt.date.fromisoformat(cache[u]["datum"])).days > max_days]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        for url, (status, reason) in zip(todo, pool.map(prober, todo), strict=True):
            cache[url] = {"status": status, "reden": reason, "datum": today.isoformat()}
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(cache, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    report = Report()
    for url, (file, line) in sorted(urls.items(), key=lambda kv: kv[1]):
        entry = cache[url]
        if 200 <= entry["status"] < 400:
            continue
        what = f"geeft fout {entry['status']}" if entry["status"] else "is niet bereikbaar"
        report.findings.append(
            Finding(
                file,
                line,
                "externe-link",
                f"De website {url} {what} ({entry['reden']}).",
                "Kijk of de pagina verhuisd is en pas het adres aan, of haal de link weg.",
                severity=ADVISORY,
            )
        )
    return report
