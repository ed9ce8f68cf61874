"""Lighthouse (mobile) on the built site served compressed, as `make bench` step `--alleen lighthouse`.

Lighthouse is a Node program, not a Python package: it is installed once into .cache/lighthouse with
npm (version pinned; 13 needs Node 22). It drives the Debian Chromium the browser tests use. The site
is served from 127.0.0.1 with gzip, as a real server would, so the byte weight is what a phone loads.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

LIGHTHOUSE = "lighthouse@12.2.3"
PAGES = ("", "alimentatie/", "veiligheid/", "jongeren/", "hulp/breda/", "en/alimentatie/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _Gzip(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        path = self.translate_path(self.path.split("?")[0])
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        data = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(data)

    def log_message(self, *args):
        pass


def lighthouse_binary(cache: Path) -> Path | None:
    """The pinned Lighthouse in `cache`, installed with npm if needed; None without Node or npm."""
    binary = cache / "node_modules" / ".bin" / "lighthouse"
    if binary.exists():
        return binary
    npm = shutil.which("npm")
    if not npm or not shutil.which("node"):
        return None
    cache.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [npm, "install", "--prefix", str(cache), "-E", LIGHTHOUSE, "--no-audit", "--no-fund"],
        capture_output=True,
        text=True,
    )
    return binary if done.returncode == 0 and binary.exists() else None


def audit(site: Path, binary: Path, chromium: str, pages=PAGES) -> list[dict]:
    """Scores (0-100 per category) and the main figures of every page, served compressed."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzip, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results = []
    try:
        for page in pages:
            url = f"http://127.0.0.1:{server.server_port}/{page}"
            done = subprocess.run(
                [
                    str(binary),
                    url,
                    "--quiet",
                    "--output=json",
                    "--output-path=stdout",
                    "--form-factor=mobile",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                ],
                capture_output=True,
                text=True,
                env={**os.environ, "CHROME_PATH": chromium},
            )
            if done.returncode != 0:
                results.append({"pagina": page, "fout": done.stderr.strip()[-400:]})
                continue
            report = json.loads(done.stdout)
            audits = report["audits"]
            results.append(
                {
                    "pagina": page,
                    "scores": {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES},
                    "kb": audits["total-byte-weight"]["numericValue"] / 1024,
                    "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
                    "tbt": audits["total-blocking-time"]["numericValue"],
                }
            )
    finally:
        server.shutdown()
    return results


def report_lines(results: list[dict]) -> tuple[list[str], bool]:
    lines, ok = [], True
    for r in results:
        name = "/" + r["pagina"]
        if "fout" in r:
            lines.append(f"lighthouse : {name:18} MISLUKT: {r['fout']}")
            ok = False
            continue
        scores = r["scores"]
        ok &= all(v == 100 for v in scores.values())
        lines.append(
            f"lighthouse : {name:18} "
            + " ".join(f"{c} {v}" for c, v in scores.items())
            + f"; {r['kb']:.0f} KB, LCP {r['lcp']:.1f} s, TBT {r['tbt']:.0f} ms"
            + ("" if all(v == 100 for v in scores.values()) else "  NIET 100")
        )
    return lines, ok
