"""Benchmark: build time, peak memory, page count and site size for a synthetic national dataset
(342 municipalities, every category, about 3 offerings each) and for the real region; plus the
editors' `python -m tools check`. Prints figures; never asserts (no timed tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from tools.hulp.load import CATALOGUE_FILE, NATIONAL_FILE

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"landelijk": (15.0, 1024.0), "regio": (5.0, None), "check": (2.0, None)}
FIRST_VIEW_TARGET_KB = 60.0  # a topic page on a phone: HTML, CSS and JavaScript, gzip
FIRST_VIEW_PAGE = "alimentatie/index.html"
RATIO_TARGET = 0.40  # our national build against plain MkDocs building the same offerings as Markdown
SYNTHETIC_NOTE = "# Synthetische testgegevens voor de benchmark. Verzonnen: nooit publiceren.\n"


def synthetic_dataset(folder: Path, municipalities: int = 342, per_category: int = 3) -> None:
    """Write a fictional national dataset: every municipality has `per_category` offerings in every category."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "gemeenten" / CATALOGUE_FILE, folder / CATALOGUE_FILE)
    if (ROOT / "gemeenten" / NATIONAL_FILE).exists():
        shutil.copy(ROOT / "gemeenten" / NATIONAL_FILE, folder / NATIONAL_FILE)
    cats = [c["id"] for c in yaml.safe_load((folder / CATALOGUE_FILE).read_text(encoding="utf-8"))["categorieen"]]
    for i in range(municipalities):
        gid = f"testgemeente-{i:03d}"
        naam = f"Testgemeente {i:03d}"
        postcode = 1000 + (i * 25) % 8900
        offers = []
        for c, cid in enumerate(cats):
            for k in range(per_category):
                offers.append(
                    {
                        "naam": f"Aanbod {cid} {k + 1} in {naam}",
                        "organisatie": f"Stichting Voorbeeld {c}-{k}",
                        "categorieen": [cid],
                        "wat": {
                            "nl": "Hier kun je terecht met vragen over je gezin. Je krijgt snel een gesprek.",
                            "en": "You can come here with questions about your family. You get a talk soon.",
                        },
                        "kosten": {"nl": "Gratis.", "en": "Free."},
                        "telefoon": f"0{10 + c:02d} {100 + k:03d} {1000 + i:04d}",
                        "email": f"info{k}@{gid}.example.nl",
                        "website": f"https://www.{gid}.example.nl/{cid}",
                        "bron": f"https://www.{gid}.example.nl/{cid}",
                        "gecontroleerd": "2026-01-15",
                    }
                )
        doc = {
            "gemeente": {
                "naam": naam,
                "website": f"https://www.{gid}.example.nl",
                "plaatsen": [naam, f"Dorp {i}a", f"Dorp {i}b"],
                "postcodes": [f"{postcode}-{postcode + 20}"],
            },
            "aanbod": offers,
        }
        (folder / f"{gid}.yml").write_text(
            SYNTHETIC_NOTE + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )


def _run(cmd: list[str], cwd: Path, env: dict) -> tuple[float, float, int, str]:
    """Run a command; return wall seconds, peak RSS in MB of the child, exit code, output tail."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    return seconds, usage.ru_maxrss / 1024.0, proc.returncode, out[-3000:]


def _site_stats(site: Path) -> tuple[int, float]:
    pages = sum(1 for _ in site.rglob("index.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return pages, size / (1024 * 1024)


def _ignore(folder: str, names: list[str]) -> set[str]:
    """Skip caches and built sites, and the generated docs/hulp/ (not tools/hulp/)."""
    ignored = set(
        shutil.ignore_patterns(".venv", ".git", "site", "site-*", "__pycache__", ".pytest_cache", "*.egg-info")(folder, names)
    )
    if Path(folder).name == "docs":
        ignored |= {"hulp", "redactie"} & set(names)
    return ignored


def _copy_repo(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=_ignore)
    return dest


PLAIN_CONFIG = """site_name: Plain
theme: {name: material, language: nl, font: false}
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: nl, name: Nederlands, default: true, build: true}
        - {locale: en, name: English, build: true}
nav: [index.md]
not_in_nav: |
  /*.md
"""


def plain_site(dest: Path, data: Path) -> Path:
    """The same offerings as hand-written Markdown, one page per municipality and language, built by
    plain MkDocs + Material + i18n without our hooks: the yardstick for our generator's overhead."""
    docs = dest / "docs"
    docs.mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Hulp\n", encoding="utf-8")
    (docs / "index.en.md").write_text("# Help\n", encoding="utf-8")
    cats = {c["id"]: c for c in yaml.safe_load((data / CATALOGUE_FILE).read_text(encoding="utf-8"))["categorieen"]}
    for path in sorted(data.glob("[!_]*.yml")):
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        for lang, suffix in (("nl", ""), ("en", ".en")):
            lines = [f"# {doc['gemeente']['naam']}", ""]
            for cid, cat in cats.items():
                lines += [f"## {cat['naam'][lang]}", ""]
                for o in (o for o in doc.get("aanbod", []) if cid in o["categorieen"]):
                    lines += [
                        f"### {o['naam']}",
                        "",
                        o["wat"][lang],
                        "",
                        f"- {o['organisatie']}",
                        f"- [{o['telefoon']}](tel:{o['telefoon'].replace(' ', '')})",
                        f"- [{o['email']}](mailto:{o['email']})",
                        f"- [{o['website']}]({o['website']})",
                        f"- {o['kosten'][lang]}",
                        "",
                    ]
            (docs / f"{path.stem}{suffix}.md").write_text("\n".join(lines), encoding="utf-8")
    return dest


def first_view(site: Path, page: str = FIRST_VIEW_PAGE) -> dict[str, int]:
    """Bytes (gzip -9) a browser fetches to show `page` the first time: the HTML, every stylesheet and
    script it links; apart: what loads at the first sign of use (Material's bundle and the scripts
    docs/assets/js/bundel-laden.js starts with it), the search worker and the search index."""
    import gzip
    import json
    import posixpath
    import re

    html = (site / page).read_bytes()
    sizes = {"html": len(gzip.compress(html, 9)), "css": 0, "js": 0, "gebruik": 0, "zoekwerker": 0, "zoekindex": 0}
    here = posixpath.dirname(page)
    refs = [("css", r) for r in re.findall(rb'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)]
    refs += [("js", r) for r in re.findall(rb'<script[^>]+src="([^"]+)"', html)]
    for loader in re.findall(rb'<script[^>]+data-rs-bundel="[^>]+>', html):
        refs += [("gebruik", r) for a in re.findall(rb'data-rs-(?:bundel|ervoor)="([^"]*)"', loader) for r in a.split()]
    config = re.search(rb'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    if config:
        settings = json.loads(config.group(1))
        if settings.get("search"):
            refs.append(("zoekwerker", settings["search"].encode()))
            refs.append(("zoekindex", posixpath.join(settings.get("base", "."), "search/search_index.json").encode()))
    for kind, ref in refs:
        path = site / posixpath.normpath(posixpath.join(here, ref.decode().split("?")[0]))
        if path.is_file():
            sizes[kind] += len(gzip.compress(path.read_bytes(), 9))
    return sizes


def _first_view_line(site: Path) -> str:
    s = {k: v / 1024 for k, v in first_view(site).items()}
    # docs/assets/js/zoeken-laden.js: the worker and the index load only when someone opens the search.
    lazy = b"assets/js/zoeken-laden.js" in (site / FIRST_VIEW_PAGE).read_bytes()
    total = s["html"] + s["css"] + s["js"] + (0 if lazy else s["zoekwerker"] + s["zoekindex"])
    search = s["zoekwerker"] + s["zoekindex"]
    verdict = "OK" if total <= FIRST_VIEW_TARGET_KB else "TE GROOT"
    later = [f"bij eerste gebruik (scrollen, tikken, toets) {s['gebruik']:.1f}"] if s["gebruik"] else []
    later += [f"pas bij zoeken: werker en index {search:.1f}"] if lazy else []
    return (
        f"eerste keer: {total:6.1f} KB gzip voor /{FIRST_VIEW_PAGE.removesuffix('index.html')} (HTML {s['html']:.1f}, "
        f"CSS {s['css']:.1f}, JS {s['js']:.1f}{'' if lazy else f', zoeken {search:.1f}'}"
        f"{'; ' + '; '.join(later) if later else ''})  {verdict} (doel ≤ {FIRST_VIEW_TARGET_KB:g} KB)"
    )


def _lighthouse(tmp: Path, env: dict) -> bool:
    """Lighthouse mobile on the region's site served compressed (tools/lighthouse.py); skipped without Node."""
    from tools.lighthouse import audit, lighthouse_binary, report_lines

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    binary = lighthouse_binary(ROOT / ".cache" / "lighthouse")
    if binary is None or not Path(chromium).exists():
        print("lighthouse : overgeslagen (Node met npm en Chromium nodig)")
        return True
    site = tmp / "site-regio"
    if not site.is_dir():
        _run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], _copy_repo(tmp / "regio-lh"), env)
    lines, ok = report_lines(audit(site, binary, chromium))
    print("\n".join(lines))
    return ok


SERVE_PAGE = "geld"  # a Dutch page with an English twin


def serve_rebuilds(repo: Path, env: dict, rounds: int = 3, timeout: float = 180.0) -> tuple[float, float, float] | None:
    """`mkdocs serve` on a copy: seconds of the first build (a full build), and the medians of `rounds`
    rebuilds after a Dutch edit (only the Dutch site) and after an English edit (every language), as
    MkDocs logs them."""
    import re
    import socket
    import statistics

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = repo / "serve-bench.log"
    built = re.compile(r"Documentation built in ([0-9.]+) seconds")
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
            cwd=repo,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:

        def wait(count: int) -> list[float]:
            end = time.monotonic() + timeout
            while time.monotonic() < end:
                times = [float(t) for t in built.findall(log.read_text(encoding="utf-8", errors="replace"))]
                if len(times) >= count:
                    time.sleep(1.0)
                    return times
                time.sleep(0.2)
            raise TimeoutError

        first = wait(1)[0]
        rebuilds: dict[str, list[float]] = {"nl": [], "en": []}
        for n in range(rounds):
            for lang, name, line in (
                ("nl", f"{SERVE_PAGE}.md", f"Zin {n} voor de meting."),
                ("en", f"{SERVE_PAGE}.en.md", f"Sentence {n} to measure."),
            ):
                page = repo / "docs" / name
                page.write_text(page.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
                times = wait(len(built.findall(log.read_text(encoding="utf-8", errors="replace"))) + 1)
                rebuilds[lang].append(times[-1])
        return first, statistics.median(rebuilds["nl"]), statistics.median(rebuilds["en"])
    except (TimeoutError, IndexError):
        return None
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _serve_line(repo: Path, env: dict) -> str:
    times = serve_rebuilds(repo, env)
    if times is None:
        return "serve      : GEMETEN NIET (mkdocs serve bouwde niet op tijd)"
    first, dutch, every = times
    ratio = dutch / first
    return (
        f"serve      : volledige bouw {first:.2f} s; na een Nederlandse wijziging {dutch:.2f} s: {ratio:.2f} x  "
        f"{'OK' if ratio <= 0.5 else 'TE TRAAG'} (doel ≤ 0.50); na een Engelse (alle talen opnieuw) {every:.2f} s: "
        f"Nederlands {dutch / every:.2f} x daarvan (mediaan van 3)"
    )


def _verdict(name: str, seconds: float, mb: float | None) -> str:
    t_max, m_max = TARGETS[name]
    ok = seconds <= t_max and (m_max is None or mb is None or mb <= m_max)
    target = f"doel ≤ {t_max:g} s" + (f", ≤ {m_max:g} MB" if m_max else "")
    return f"{'OK' if ok else 'TE TRAAG/GROOT'} ({target})"


def main(args=None) -> int:
    only = getattr(args, "alleen", None)
    count = getattr(args, "gemeenten", 342) or 342
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("RS_GEMEENTEN", None)
    print(f"Benchmark op {os.cpu_count()} kernen, Python {sys.version.split()[0]}")
    failed = False
    with tempfile.TemporaryDirectory(prefix="rs-bench-") as tmp:
        tmp = Path(tmp)
        if only in (None, "regio"):
            repo = _copy_repo(tmp / "regio")
            _run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp / "warmup")], repo, env)  # warm caches
            seconds, mb, code, out = _run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp / "site-regio")], repo, env
            )
            pages, size = _site_stats(tmp / "site-regio")
            print(
                f"regio      : {seconds:6.2f} s, piekgeheugen {mb:7.1f} MB, {pages} pagina's, {size:6.1f} MB  "
                f"{_verdict('regio', seconds, None)}" + ("" if code == 0 else f"  BOUW MISLUKT:\n{out}")
            )
            failed |= code != 0
            if code == 0:
                print(_first_view_line(tmp / "site-regio"))
        if only in (None, "lighthouse"):
            failed |= not _lighthouse(tmp, env)
        if only in (None, "serve"):
            print(_serve_line(_copy_repo(tmp / "serve"), env))
        if only in (None, "check"):
            seconds, mb, code, out = _run([sys.executable, "-m", "tools", "check", "--alleen-fouten"], ROOT, env)
            print(
                f"check      : {seconds:6.2f} s, piekgeheugen {mb:7.1f} MB (python -m tools check, regio)  "
                f"{_verdict('check', seconds, None)}"
            )
        if only in (None, "landelijk"):
            repo = _copy_repo(tmp / "landelijk")
            data = tmp / "gemeenten-landelijk"
            synthetic_dataset(data, count)
            nenv = {**env, "RS_GEMEENTEN": str(data)}
            seconds, mb, code, out = _run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp / "site-nl")], repo, nenv)
            pages, size = _site_stats(tmp / "site-nl")
            print(
                f"landelijk  : {seconds:6.2f} s, piekgeheugen {mb:7.1f} MB, {pages} pagina's, {size:6.1f} MB "
                f"({count} gemeenten)  {_verdict('landelijk', seconds, mb)}" + ("" if code == 0 else f"  BOUW MISLUKT:\n{out}")
            )
            failed |= code != 0
            plain = plain_site(tmp / "kaal", data)
            p_seconds, p_mb, p_code, p_out = _run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp / "site-kaal")], plain, env
            )
            if p_code == 0:
                ratio = seconds / p_seconds
                print(
                    f"kaal       : {p_seconds:6.2f} s, piekgeheugen {p_mb:7.1f} MB: dezelfde aanbieders als Markdown, "
                    f"MkDocs + Material + i18n zonder onze hooks"
                )
                print(
                    f"verhouding : {ratio:.2f} x kaal  {'OK' if ratio <= RATIO_TARGET else 'TE TRAAG'} (doel ≤ {RATIO_TARGET:.2f})"
                )
            else:
                print(f"kaal       : BOUW MISLUKT\n{p_out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
