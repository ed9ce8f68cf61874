"""The opt-in external link check: collects addresses, probes them (here on 127.0.0.1), caches results."""
from __future__ import annotations

import datetime as dt
import http.server
import threading

from conftest import ROOT

from tools.gates.external import check_external, collect_urls, probe


def test_collects_data_and_page_addresses():
    urls = collect_urls(ROOT)
    assert "https://www.breda.nl" in urls
    assert any(file.startswith("docs/") for file, _ in urls.values())
    assert all(u.startswith("https://") for u in urls)


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


def test_probe_against_local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        assert probe(base + "/ok", timeout=5)[0] == 200
        assert probe(base + "/weg", timeout=5)[0] == 404
    finally:
        server.shutdown()
    assert probe("http://127.0.0.1:9/", timeout=2)[0] == 0


def test_cache_is_used_and_failures_become_findings(tmp_path):
    calls = []

    def fake(url):
        calls.append(url)
        return (404, "Not Found") if "breda.nl" in url else (200, "ok")

    cache = tmp_path / "cache.json"
    report = check_external(ROOT, cache_file=cache, prober=fake, today=dt.date(2026, 11, 1))
    assert calls and any("breda.nl" in f.message for f in report.findings)
    assert all(f.rule == "externe-link" and f.line >= 1 for f in report.findings)
    n = len(calls)
    check_external(ROOT, cache_file=cache, prober=fake, today=dt.date(2026, 11, 3))
    assert len(calls) == n  # everything was fresh in the cache
    check_external(ROOT, cache_file=cache, prober=fake, today=dt.date(2026, 11, 20))
    assert len(calls) == 2 * n  # older than 7 days: asked again
