"""Shared helpers for the browser tests: Debian's Chromium via Playwright, a local static server, axe-core.

No network is used: the site is served from 127.0.0.1 on an ephemeral port, and every request to
another origin is recorded and blocked (or, for the quick-exit host, answered locally).

Environment:
- RS_REQUIRE_BROWSER=1  fail (instead of skip) when Playwright or Chromium is missing (set in CI).
- RS_CHROMIUM           path of the Chromium binary (default: /usr/bin/chromium, or `chromium` on PATH).
- RS_AXE_JS             path of axe.min.js (default: the copy inside the axe-playwright-python package).
- RS_SITE_DIR           test an already built site instead of building one (handy while editing).
"""

from __future__ import annotations

import fnmatch
import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
# WCAG 2.0/2.1 A and AA rules of axe-core, plus its best practices.
AXE_OPTIONS = {"resultTypes": ["violations"]}

# Collects CSP violations from the first moment of the page (registered before any page script).
CSP_LISTENER = """
window.__rsCsp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__rsCsp.push({directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample,
                       source: e.sourceFile, line: e.lineNumber});
});
"""


# ---------------------------------------------------------------------------- availability


def chromium_path() -> str | None:
    wanted = os.environ.get("RS_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).exists() else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def axe_path() -> Path | None:
    wanted = os.environ.get("RS_AXE_JS")
    if wanted:
        return Path(wanted) if Path(wanted).exists() else None
    try:
        import axe_playwright_python
    except ImportError:
        return None
    path = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    return path if path.exists() else None


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is niet geïnstalleerd (pip install playwright; geen 'playwright install' nodig)."
    if chromium_path() is None:
        return "Chromium is niet gevonden (apt-get install chromium, of zet RS_CHROMIUM)."
    if axe_path() is None:
        return "axe.min.js is niet gevonden (pip install axe-playwright-python, of zet RS_AXE_JS)."
    return None


def require_browser() -> None:
    """Skip with a clear reason, or fail when CI demands the browser tests (RS_REQUIRE_BROWSER=1)."""
    reason = browser_missing()
    if reason is None:
        return
    if os.environ.get("RS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"Browsertests zijn verplicht (RS_REQUIRE_BROWSER=1), maar: {reason}", pytrace=False)
    pytest.skip(f"Browsertests overgeslagen: {reason}")


@functools.lru_cache(maxsize=1)
def axe_source() -> str:
    return axe_path().read_text(encoding="utf-8")


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)


# ---------------------------------------------------------------------------- static server


def parse_headers_file(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Netlify/Cloudflare Pages `_headers`: a path pattern, then indented `Name: value` lines."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not raw[0].isspace():
            rules.append((raw.strip(), []))
        elif rules and ":" in raw:
            name, _, value = raw.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(rules, path: str) -> list[tuple[str, str]]:
    out = []
    for pattern, headers in rules:
        if fnmatch.fnmatchcase(path, pattern.replace(":splat", "*")):
            out.extend(headers)
    return out


class StaticServer:
    """The built site on http://127.0.0.1:<free port>/, sending the headers of its `_headers` file."""

    def __init__(self, root: Path, send_headers: bool = True):
        self.root = Path(root)
        headers_file = self.root / "_headers"
        rules = parse_headers_file(headers_file.read_text(encoding="utf-8")) if send_headers and headers_file.exists() else []

        class Handler(http.server.SimpleHTTPRequestHandler):
            extensions_map = {
                **http.server.SimpleHTTPRequestHandler.extensions_map,
                ".js": "text/javascript",
                ".svg": "image/svg+xml",
                ".json": "application/json",
                ".txt": "text/plain; charset=utf-8",
                "": "application/octet-stream",
            }

            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(root), **kwargs)

            def end_headers(self):
                for name, value in headers_for(rules, unquote(urlsplit(self.path).path)):
                    self.send_header(name, value)
                self.send_header("Cache-Control", "no-store")
                super().end_headers()

            def log_message(self, *args):  # quiet
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, rel: str) -> str:
        return f"{self.origin}/{rel.lstrip('/')}"


# ---------------------------------------------------------------------------- pages


def page_paths(site: Path) -> list[str]:
    """URL paths of every HTML page of the built site (both languages), e.g. '', 'geld/', 'en/404.html'."""
    out = []
    for path in sorted(Path(site).rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return out


def new_context(browser, viewport=PHONE, **kwargs):
    """A fresh context (no cookies, no storage), with the CSP listener installed before page scripts."""
    context = browser.new_context(viewport=viewport, service_workers="block", **kwargs)
    context.add_init_script(CSP_LISTENER)
    return context


class Guard:
    """Record (and block) every request that leaves our origin; answer the quick-exit host locally."""

    def __init__(self, context, origin: str, exit_url: str | None = None):
        self.origin = origin
        self.exit_host = urlsplit(exit_url).netloc if exit_url else None
        self.foreign: list[str] = []
        self.exits: list[str] = []
        context.route("**/*", self._handle)

    def _handle(self, route):
        url = route.request.url
        if url.startswith(self.origin + "/") or url == self.origin or url.startswith(("data:", "blob:")):
            route.continue_()
            return
        if self.exit_host and urlsplit(url).netloc == self.exit_host:
            self.exits.append(url)
            route.fulfill(
                status=200,
                content_type="text/html; charset=utf-8",
                body="<!doctype html><html lang='nl'><title>Weer</title><h1>Het weer</h1></html>",
            )
            return
        self.foreign.append(url)
        route.abort()


def run_axe(page) -> list[dict]:
    """axe-core violations on the current page (the source is evaluated via DevTools, not blocked by CSP)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return result["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(
                f"    {' '.join(node['target'][:1]) if isinstance(node['target'][0], str) else node['target']}: "
                f"{node.get('failureSummary', '').splitlines()[-1].strip() if node.get('failureSummary') else ''}"
            )
    return "\n".join(lines)


def csp_violations(page) -> list[dict]:
    return page.evaluate("window.__rsCsp || []")


# ---------------------------------------------------------------------------- sweep over every page

EXIT_CHECK = """() => {
  const link = document.querySelector('[data-rs-snelweg-knop]');
  if (!link) { return {found: false}; }
  const r = link.getBoundingClientRect();
  const inView = r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
    && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 4, r.top + 4], [r.right - 4, r.bottom - 4]];
  const covered = points.some(([x, y]) => { const hit = document.elementFromPoint(x, y); return !hit || !link.contains(hit); });
  return {found: true, inView, covered, scrollY: window.scrollY, href: link.href,
          box: [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)]};
}"""


async def _visit(browser, origin: str, rel: str, exit_url: str, viewport: dict, axe_js: str) -> dict:
    """Open one page in a fresh context: axe, CSP, foreign requests, cookies, then the quick exit."""
    report = {"page": rel, "axe": [], "csp": [], "foreign": [], "cookies": [], "exit": [], "errors": []}
    exit_host = urlsplit(exit_url).netloc
    context = await browser.new_context(viewport=viewport, service_workers="block")
    await context.add_init_script(CSP_LISTENER)
    exits: list[str] = []

    async def handle(route):
        url = route.request.url
        if url.startswith(origin + "/") or url.startswith(("data:", "blob:")):
            await route.continue_()
        elif urlsplit(url).netloc == exit_host:
            exits.append(url)
            await route.fulfill(
                status=200,
                content_type="text/html; charset=utf-8",
                body="<!doctype html><html lang='nl'><title>Weer</title><h1>Het weer</h1></html>",
            )
        else:
            report["foreign"].append(url)
            await route.abort()

    await context.route("**/*", handle)
    page = await context.new_page()
    page.on("pageerror", lambda exc: report["errors"].append(str(exc)))
    try:
        await page.goto(f"{origin}/{rel}", wait_until="load")
        await page.wait_for_function("() => document.documentElement.classList.contains('rs-js')", timeout=5000)
        await page.evaluate(axe_js)
        result = await page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
        report["axe"] = result["violations"]
        report["csp"] = await page.evaluate("window.__rsCsp || []")
        report["cookies"] = [c["name"] for c in await context.cookies()]
        # Scroll to the end like a reader: the quick exit must still be in view and uncovered.
        await page.mouse.move(viewport["width"] / 2, viewport["height"] / 2)
        await page.mouse.wheel(0, 100000)
        await page.wait_for_timeout(150)
        await page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        await page.wait_for_timeout(50)
        state = await page.evaluate(EXIT_CHECK)
        if not state["found"]:
            report["exit"].append("geen Snel weg-knop")
        else:
            if not state["inView"]:
                report["exit"].append(f"knop niet in beeld na scrollen (box {state['box']})")
            if state["covered"]:
                report["exit"].append(f"knop (deels) bedekt door iets anders (box {state['box']})")
        # Shift three times: visible feedback after the first, then the neutral site, history replaced.
        await page.keyboard.press("Shift")
        feedback = await page.evaluate("() => (document.querySelector('[data-rs-snelweg-teller]') || {}).textContent || ''")
        if not feedback.strip():
            report["exit"].append("geen zichtbare reactie na 1x Shift")
        await page.keyboard.press("Shift")
        await page.keyboard.press("Shift")
        try:
            await page.wait_for_url(lambda u: urlsplit(u).netloc == exit_host, timeout=5000)
        except Exception:  # noqa: BLE001 - reported below
            report["exit"].append(f"3x Shift ging niet naar {exit_url} (nu: {page.url})")
        else:
            await page.go_back(wait_until="load", timeout=3000)
            if page.url.startswith(origin):
                report["exit"].append("met Terug kom je weer op de site")
    except Exception as exc:  # noqa: BLE001 - one broken page must not hide the others
        report["errors"].append(f"{type(exc).__name__}: {exc}".splitlines()[0])
    finally:
        await context.close()
    return report


def sweep(site: Path, origin: str, exit_url: str, viewport: dict = PHONE, workers: int | None = None) -> list[dict]:
    """Visit every page of the built site with one browser and a few pages at once (own thread and loop)."""
    import asyncio

    rels = page_paths(site)
    workers = workers or int(os.environ.get("RS_BROWSER_WORKERS", "3"))
    axe_js = axe_source()

    async def main():
        from playwright.async_api import async_playwright

        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
            queue = list(rels)
            out = []

            async def worker():
                while queue:
                    rel = queue.pop(0)
                    out.append(await _visit(browser, origin, rel, exit_url, viewport, axe_js))

            await asyncio.gather(*(worker() for _ in range(max(1, workers))))
            await browser.close()
            return sorted(out, key=lambda r: r["page"])

    result: dict = {}

    def run():
        try:
            result["value"] = asyncio.run(main())
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            result["error"] = exc

    thread = threading.Thread(target=run, name="rs-browser-sweep")
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


# ---------------------------------------------------------------------------- facts about the built site

EXIT_LINK_RE = re.compile(r"<a\b[^>]*data-rs-snelweg-knop[^>]*>", re.IGNORECASE)


def exit_link(site: Path) -> str:
    """The quick-exit <a> tag of the home page (as built)."""
    m = EXIT_LINK_RE.search((Path(site) / "index.html").read_text(encoding="utf-8"))
    return m.group(0) if m else ""


def exit_url(site: Path) -> str:
    m = re.search(r'href="([^"]+)"', exit_link(site))
    return m.group(1).replace("&amp;", "&") if m else ""


def pages_containing(site: Path, needle: str) -> list[str]:
    """URL paths of pages whose HTML contains `needle` (Dutch pages first)."""
    out = []
    for rel in page_paths(site):
        path = Path(site) / (rel + "index.html" if rel.endswith("/") or rel == "" else rel)
        if needle in path.read_text(encoding="utf-8"):
            out.append(rel)
    return sorted(out, key=lambda r: (r.startswith("en/"), len(r), r))
