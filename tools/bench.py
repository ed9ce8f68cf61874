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
                offers.append({
                    "naam": f"Aanbod {cid} {k + 1} in {naam}",
                    "organisatie": f"Stichting Voorbeeld {c}-{k}",
                    "categorieen": [cid],
                    "wat": {"nl": "Hier kun je terecht met vragen over je gezin. Je krijgt snel een gesprek.",
                            "en": "You can come here with questions about your family. You get a talk soon."},
                    "kosten": {"nl": "Gratis.", "en": "Free."},
                    "telefoon": f"0{10 + c:02d} {100 + k:03d} {1000 + i:04d}",
                    "email": f"info{k}@{gid}.example.nl",
                    "website": f"https://www.{gid}.example.nl/{cid}",
                    "bron": f"https://www.{gid}.example.nl/{cid}",
                    "gecontroleerd": "2026-01-15",
                })
        doc = {
            "gemeente": {"naam": naam, "website": f"https://www.{gid}.example.nl",
                         "plaatsen": [naam, f"Dorp {i}a", f"Dorp {i}b"],
                         "postcodes": [f"{postcode}-{postcode + 20}"]},
            "aanbod": offers,
        }
        (folder / f"{gid}.yml").write_text(SYNTHETIC_NOTE + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False),
                                           encoding="utf-8")


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


def _copy_repo(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".venv", ".git", "site", "__pycache__", ".pytest_cache", "hulp"))
    return dest


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
            seconds, mb, code, out = _run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp / "site-regio")], repo, env)
            pages, size = _site_stats(tmp / "site-regio")
            print(f"regio      : {seconds:6.2f} s, piekgeheugen {mb:7.1f} MB, {pages} pagina's, {size:6.1f} MB  "
                  f"{_verdict('regio', seconds, None)}" + ("" if code == 0 else f"  BOUW MISLUKT:\n{out}"))
            failed |= code != 0
        if only in (None, "check"):
            seconds, mb, code, out = _run([sys.executable, "-m", "tools", "check", "--alleen-fouten"], ROOT, env)
            print(f"check      : {seconds:6.2f} s, piekgeheugen {mb:7.1f} MB (python -m tools check, regio)  "
                  f"{_verdict('check', seconds, None)}")
        if only in (None, "landelijk"):
            repo = _copy_repo(tmp / "landelijk")
            data = tmp / "gemeenten-landelijk"
            synthetic_dataset(data, count)
            nenv = {**env, "RS_GEMEENTEN": str(data)}
            seconds, mb, code, out = _run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp / "site-nl")], repo, nenv)
            pages, size = _site_stats(tmp / "site-nl")
            print(f"landelijk  : {seconds:6.2f} s, piekgeheugen {mb:7.1f} MB, {pages} pagina's, {size:6.1f} MB "
                  f"({count} gemeenten)  {_verdict('landelijk', seconds, mb)}" + ("" if code == 0 else f"  BOUW MISLUKT:\n{out}"))
            failed |= code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
