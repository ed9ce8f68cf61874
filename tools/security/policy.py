"""Security and privacy of the built site: one Content-Security-Policy, headers, security.txt, safe links.

For developers and hosting
==========================
The site is static. It makes no request to another server (no fonts, scripts, images or search
from elsewhere) and sets no cookies. The browser tests (tests/test_browser_*.py) check that on
every page. This module holds the single definition of the security headers; everything else is
generated from it:

- Every page gets ``<meta http-equiv="Content-Security-Policy">`` as the first element of its
  head (hooks/security.py). That protects the site even on hosts that cannot set headers (GitHub
  Pages). A meta policy cannot contain ``frame-ancestors``; the headers below add it.
- ``_headers`` in the root of the built site: the headers for Netlify and Cloudflare Pages.
- ``hosting/nginx.conf`` and ``hosting/apache.conf``: the same headers for nginx and Apache.
  These files are committed. Regenerate them after a build with
  ``python -m tools.security.policy write-hosting site/`` (a test fails when they are out of date).
- ``/.well-known/security.txt`` (RFC 9116) with the contact in ``mkdocs.yml`` under
  ``extra.security_contact``. Its ``Expires`` lies ``SECURITY_TXT_DAYS`` days after the build:
  rebuild and publish the site at least every few months (content checks ask for that anyway).

Scripts: only files from the site itself (``'self'``) and the small inline scripts that the
Material theme's templates and our own overrides put there. Those are allowed by their sha256
hash, computed from the *templates* (``known_inline_scripts``: Material's
``partials/javascripts/*.html`` under the same conditions Material includes them, and every inline
``<script>`` literally in ``overrides/``), never from whatever the built HTML contains and never
with ``'unsafe-inline'``. ``extra.scope: /`` in mkdocs.yml keeps Material's first inline script the
same on every page, so the list of hashes stays short and stable. Every built page is then scanned
(``scan_output``): an inline script that is not one of those, an event-handler attribute
(``onclick=``), a ``javascript:``/``vbscript:``/``data:`` URL, an ``<iframe>``/``<object>``/
``<embed>``/``<base>``, a form to another site or a ``<meta http-equiv>`` other than ours fails
the build with the page named. Non-executable JSON data blocks (``application/json``,
``application/ld+json``) may stay when they are valid JSON that cannot end the script early.
When a Material update changes its inline scripts, the hashes change: rebuild, run
``write-hosting`` and commit.

Styles: only stylesheets from the site. Inline ``style="..."`` attributes and ``<style>`` blocks
in content are blocked by the policy: use a class in docs/assets/rs.css instead. The build warns.

Command line::

    python -m tools.security.policy policy SITE_DIR        # print the policy for a built site
    python -m tools.security.policy check SITE_DIR         # check a built site (exit 1 on problems)
    python -m tools.security.policy write-hosting SITE_DIR # rewrite hosting/nginx.conf and hosting/apache.conf
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import posixpath
import re
import sys
from collections.abc import Callable, Mapping
from html import unescape as html_unescape
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
HOSTING_DIR = ROOT / "hosting"

# ---------------------------------------------------------------------------- the one definition

# Content-Security-Policy. Script hashes are added to script-src at build time.
CSP_DIRECTIVES: dict[str, list[str]] = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # data: for the theme's inline SVG icons in CSS
    "font-src": ["'self'"],
    "connect-src": ["'self'"],  # search index, sitemap (same server only)
    "worker-src": ["'self'"],  # the search worker
    "manifest-src": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],  # header only: browsers ignore it in a meta element
}
# Issue 16: origins the browser may send to besides 'self' (the feedback widget and statistics in
# mkdocs.yml `extra.paginafeedback` / `extra.statistieken`). Empty by default; hooks/metingen.py fills
# it in on_config, so the meta tag, _headers and the server snippets all follow the configuration.
CONNECT_SRC_FROM_CONFIG: list[str] = []


def allow_connect(origins) -> None:
    CONNECT_SRC_FROM_CONFIG[:] = sorted(set(origins))


HEADER_ONLY_DIRECTIVES = {"frame-ancestors", "report-uri", "report-to", "sandbox"}

REFERRER_POLICY = "no-referrer"

# Further response headers (besides the CSP) for every path.
RESPONSE_HEADERS: list[tuple[str, str]] = [
    ("Referrer-Policy", REFERRER_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    (
        "Permissions-Policy",
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
    ),
    ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
]

SECURITY_TXT_PATH = ".well-known/security.txt"
SECURITY_TXT_DAYS = 180
SECURITY_TXT_LANGUAGES = "nl, en"

GENERATED_NOTE = (
    "Generated by `python -m tools.security.policy write-hosting` from tools/security/policy.py. Do not edit by hand."
)

# ---------------------------------------------------------------------------- policy


def csp(script_hashes=(), for_meta: bool = False) -> str:
    """The policy as one header value; `for_meta` leaves out what a <meta> element cannot carry."""
    parts = []
    for name, values in CSP_DIRECTIVES.items():
        if for_meta and name in HEADER_ONLY_DIRECTIVES:
            continue
        values = list(values)
        if name == "script-src":
            values += [f"'{h}'" for h in sorted(set(script_hashes))]
        if name == "connect-src":  # issue 16
            values += CONNECT_SRC_FROM_CONFIG
        parts.append(f"{name} {' '.join(values)}")
    return "; ".join(parts)


def all_headers(script_hashes=()) -> list[tuple[str, str]]:
    return [("Content-Security-Policy", csp(script_hashes))] + RESPONSE_HEADERS


SCRIPT_RE = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
TYPE_RE = re.compile(r"\btype\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)
JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
# Script blocks a browser never runs, that our own code may emit (Material's __config, JSON-LD).
DATA_TYPES = {"application/json", "application/ld+json"}


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run (not src=, not JSON data blocks)."""
    out = []
    for m in SCRIPT_RE.finditer(html):
        attrs = m.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        t = TYPE_RE.search(attrs)
        if (t.group(1).lower() if t else "") not in JS_TYPES:
            continue
        out.append(m.group("body"))
    return out


def script_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def inline_script_hashes(html: str) -> list[str]:
    """Hashes of the inline scripts in a piece of HTML. Used on *templates*, never to allow a built page."""
    return sorted({script_hash(s) for s in inline_scripts(html) if s.strip()})


# ---------------------------------------------------------------------------- the known inline scripts

# Material's inline scripts live in partials/javascripts/; base.html and partials/header.html include
# each under these conditions (mkdocs-material 9.x). A partial that is not listed here, or an inline
# script in the output that none of these produce, is not allowed: the build fails and names the page.
THEME_INLINE_PARTIALS: dict[str, Callable[[dict], bool]] = {
    "partials/javascripts/base.html": lambda c: True,
    "partials/javascripts/content.html": lambda c: True,
    "partials/javascripts/palette.html": lambda c: not isinstance((c.get("theme") or {}).get("palette"), Mapping),
    "partials/javascripts/announce.html": lambda c: "announce.dismiss" in _features(c),
    "partials/javascripts/outdated.html": lambda c: bool((c.get("extra") or {}).get("version")),
    "partials/javascripts/consent.html": lambda c: bool((c.get("extra") or {}).get("consent")),
}
OVERRIDES_DIR = ROOT / "overrides"
_TEMPLATE_SCRIPT_RE = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)


def _features(config) -> list[str]:
    return list((config.get("theme") or {}).get("features") or [])


def known_inline_scripts(env, config, base_url: str, overrides: Path | None = OVERRIDES_DIR) -> set[str]:
    """The inline scripts the templates put on a page with this base_url (Jinja `env` = the theme's).

    Material's partials are rendered exactly as the theme renders them (same environment, same
    config), so their text and hash match byte for byte. Our overrides are read as files: every
    inline <script> element written literally in them is rendered on its own."""
    context = {"config": config, "base_url": base_url, "features": _features(config)}
    scripts: set[str] = set()
    for name, included in THEME_INLINE_PARTIALS.items():
        if not included(config):
            continue
        try:
            rendered = env.get_template(name).render(**context)
        except Exception:  # noqa: BLE001 - a partial that does not exist in this theme version adds nothing
            continue
        scripts.update(s for s in inline_scripts(rendered) if s.strip())
    for path in sorted(Path(overrides).rglob("*.html")) if overrides and Path(overrides).is_dir() else ():
        for block in _TEMPLATE_SCRIPT_RE.findall(path.read_text(encoding="utf-8")):
            try:
                rendered = env.from_string(block).render(**context)
            except Exception:  # noqa: BLE001 - needs page context: not a site-wide known script
                continue
            scripts.update(s for s in inline_scripts(rendered) if s.strip())
    return scripts


_known_cache: dict = {}


def known_hashes(env, config, base_url: str) -> frozenset[str]:
    """Hashes of `known_inline_scripts`, memoised per theme environment and base_url."""
    if _known_cache.get("env") is not env:
        _known_cache.clear()
        _known_cache["env"] = env
    if base_url not in _known_cache:
        _known_cache[base_url] = frozenset(script_hash(s) for s in known_inline_scripts(env, config, base_url))
    return _known_cache[base_url]


# ---------------------------------------------------------------------------- scanning the output

# A tokenizer for start tags that follows the HTML parsing rules where attackers play: attribute
# names end at whitespace, "/", ">" or "=", a quote starts a value only after "=", and a quoted
# value may contain ">" (so `<a title=">" onclick=x>` is one tag with an onclick).
_ATTR = r"""[\s/]*(?P<name>[^\s/>][^\s/>=]*)(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s>]*))?"""
ATTR_RE = re.compile(_ATTR)
TOKEN_RE = re.compile(
    r"<!--(?:>|->|.*?(?:--!?>|\Z))"  # comment, as browsers end it (also <!-->)
    r"|<(?P<tag>[a-zA-Z][^\s/>]*)(?P<attrs>(?:" + _ATTR.replace("?P<name>", "?:").replace("?P<value>", "?:") + r")*)[\s/]*>?",
    re.DOTALL,
)
RAW_TEXT_TAGS = {"script", "style", "textarea", "title", "xmp", "noembed", "noframes"}
FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "plaintext"}
SPECIAL_TAGS = RAW_TEXT_TAGS | FORBIDDEN_TAGS | {"meta", "form"}
# A superset of what the slow path reports: an attribute name starting with "on" followed by "=",
# a ":" (a URL scheme), an entity (which could hide one), or srcdoc.
SUSPECT_ATTRS_RE = re.compile(r"""[\s/"']on[^\s/>=]*\s*=|:|&|srcdoc""", re.IGNORECASE)
URL_CONTROL_RE = re.compile(r"[\x00-\x20]")
# Runs of text and of start tags that cannot carry code, skipped in C (a built page has ~1,100 tags).
# A "simple" tag is one TOKEN_RE would match with exactly this extent and the fast path below would
# skip: a plain name that is not special, and only attributes whose names do not start with "on" or
# "srcdoc" and whose values are double-quoted without ":", "&", "<" or ">". Anything else ends the
# run, and the next token is read by TOKEN_RE itself. tests/test_csp.py compares both scanners.
_SIMPLE_TAG = (
    r"<(?!(?i:" + "|".join(sorted(SPECIAL_TAGS)) + r")[\s/>])[a-zA-Z][a-zA-Z0-9-]*"
    r"""(?:\s+(?![oO][nN])(?![sS][rR][cC][dD][oO][cC])[a-zA-Z_][a-zA-Z0-9_.-]*(?:="[^"<>&:]*")?)*\s*/?>"""
)
SKIP_RE = re.compile(r"(?:[^<]++|<(?![a-zA-Z]|!--)|" + _SIMPLE_TAG + r")*+")


def _url_scheme(value: str) -> str:
    """The scheme a browser sees: entities decoded, tabs/newlines removed, leading blanks ignored."""
    value = html_unescape(value) if "&" in value else value
    value = URL_CONTROL_RE.sub("", value).lower()
    m = re.match(r"([a-z][a-z0-9+.-]*):", value)
    return m.group(1) if m else ""


def _attrs(text: str) -> list[tuple[str, str | None]]:
    out = []
    for m in ATTR_RE.finditer(text):
        value = m.group("value")
        if value is not None and value[:1] in ("'", '"'):
            value = value[1:-1]
        out.append((m.group("name").lower(), value))
    return out


def scan_output(html: str, allowed: frozenset[str] | set[str], site_host: str | None = None) -> list[tuple[int, str, str]]:
    """Everything in a built page that could run code or send the reader elsewhere unasked.

    Returns (line in the built HTML, rule, Dutch message). `allowed`: the hashes of the known inline
    scripts (known_hashes), never derived from this HTML."""
    problems: list[tuple[int, str, str]] = []

    def add(pos: int, rule: str, message: str) -> None:
        problems.append((html.count("\n", 0, pos) + 1, rule, message))

    # TOKEN_RE.finditer gives the tokens that TOKEN_RE.search from each token's end would give, but
    # iterated in C; after a raw-text element (script, style, ...) scanning restarts where its text
    # ends (that text is not markup, and a token starting inside it must not swallow what follows).
    search_suspect = SUSPECT_ATTRS_RE.search
    skip, token = SKIP_RE.match, TOKEN_RE.match
    resume, size = 0, len(html)
    while resume is not None:
        start, resume = resume, None
        while True:
            start = skip(html, start).end()
            m = (token(html, start) or TOKEN_RE.search(html, start)) if start < size else None  # search: belt and braces
            if m is None:
                break
            start = m.end()
            tag, raw = m.group(1, 2)
            if not tag:
                continue  # a comment
            tag = tag.lower()
            if tag not in SPECIAL_TAGS and not (raw and search_suspect(raw)):
                continue  # fast path: no on...=, no URL scheme, no entity, nothing that can carry code
            raw = raw or ""
            pos = m.end()
            attrs = _attrs(raw)
            names = {n for n, _ in attrs}
            for name, value in attrs:
                if name.startswith("on"):
                    add(m.start(), "inline-javascript", f"<{tag}> heeft een event-attribuut '{name}=' (JavaScript in de pagina).")
                # Without ":" there is no scheme, and without "&" no entity that could hide one.
                scheme = _url_scheme(value) if value and (":" in value or "&" in value) else ""
                if scheme in ("javascript", "vbscript"):
                    add(m.start(), "inline-javascript", f"<{tag} {name}=...> bevat een {scheme}:-adres.")
                elif (
                    scheme == "data"
                    and name in ("href", "action", "formaction", "xlink:href", "src", "data", "poster")
                    and not (tag in ("img", "source") and name == "src")
                ):
                    add(m.start(), "gevaarlijke-link", f"<{tag} {name}=...> bevat een data:-adres.")
                if name == "srcdoc":
                    add(m.start(), "verboden-element", f"<{tag}> heeft een srcdoc-attribuut.")
            if tag == "script" and "src" in names:
                src = next((v or "" for n, v in attrs if n == "src"), "")
                if src.startswith("//") or _url_scheme(src) not in ("", "https", "http") or is_external(src, site_host):
                    add(m.start(), "onbekend-script", f"De pagina laadt een script van buiten de site: {src[:80]}")
            if tag in FORBIDDEN_TAGS:
                add(m.start(), "verboden-element", f"De pagina bevat <{tag}>: dat laadt of toont iets buiten de site.")
            elif tag == "meta" and "http-equiv" in names:
                kind = next((v or "" for n, v in attrs if n == "http-equiv"), "").lower()
                if kind != "content-security-policy":
                    add(
                        m.start(), "verboden-element", f'<meta http-equiv="{kind}"> is niet toegestaan (bijvoorbeeld doorsturen).'
                    )
            elif tag == "form":
                action = next((v or "" for n, v in attrs if n == "action"), "")
                if action and is_external(action, site_host):
                    add(m.start(), "verboden-element", f"Een formulier stuurt naar een andere site ({action[:60]}).")
            if tag in RAW_TEXT_TAGS:
                end = re.compile(rf"</{tag}[\s/>]", re.IGNORECASE).search(html, pos)
                body_end = end.start() if end else len(html)
                body = html[pos:body_end]
                if tag == "script" and "src" not in names:
                    kind = next((v or "" for n, v in attrs if n == "type"), "").strip().lower()
                    if kind in DATA_TYPES:
                        problem = _data_block_problem(body)
                        if problem:
                            add(m.start(), "onveilig-datablok", problem)
                    elif script_hash(body) not in allowed:
                        add(
                            m.start(),
                            "onbekend-script",
                            "De pagina bevat een inline script dat niet van het thema of "
                            f"van onze sjablonen komt: {' '.join(body.split())[:80]!r}.",
                        )
                resume = end.end() if end else len(html)
                break
    return problems


def _data_block_problem(body: str) -> str:
    """Why a JSON data block is unsafe, or ''. It must be JSON and unable to end the script early."""
    low = body.lower()
    if "<!--" in low or "<script" in low or "</script" in low:
        return "Een JSON-datablok bevat '<!--' of '<script': de browser kan het script te vroeg laten eindigen."
    try:
        json.loads(body)
    except ValueError:
        return 'Een JSON-datablok (<script type="application/json">) is geen geldige JSON.'
    return ""


CHARSET_RE = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
META_CSP_RE = re.compile(r"<meta\s+http-equiv=\"Content-Security-Policy\"[^>]*>", re.IGNORECASE)


def add_csp_meta(html: str, policy: str) -> str:
    """Put the policy in a <meta> right after <meta charset>, before any script or stylesheet."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    if META_CSP_RE.search(html):
        return META_CSP_RE.sub(tag, html, count=1)
    m = CHARSET_RE.search(html)
    if m:
        return html[: m.end()] + "\n      " + tag + html[m.end() :]
    head = re.search(r"<head[^>]*>", html, re.IGNORECASE)
    if head:
        return html[: head.end()] + tag + html[head.end() :]
    return html


ALTERNATE_LINK_RE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_alternate_links(html: str) -> str:
    """Remove the per-page hreflang <link>s from <head>.

    Material treats every `link[rel=alternate]` as a language root and fetches `<it>/sitemap.xml`,
    which with mkdocs-static-i18n's per-page alternates means two failing requests on every page
    (a cost on a cheap phone, and console errors). The language switcher in the header and the
    sitemap keep the language links."""
    head, sep, body = html.partition("</head>")
    return ALTERNATE_LINK_RE.sub("", head) + sep + body


def secure_page(html: str, allowed_hashes, site_host: str | None = None) -> str:
    """Add rel="noopener noreferrer" to external links and the meta CSP allowing `allowed_hashes`
    (the known inline scripts, see known_hashes)."""
    html = drop_alternate_links(html)
    html = secure_external_links(html, site_host)
    return add_csp_meta(html, csp(allowed_hashes, for_meta=True))


# ---------------------------------------------------------------------------- links

A_TAG_RE = re.compile(r"<a\b(?P<attrs>[^>]*)>", re.IGNORECASE)
HREF_RE = re.compile(r"\bhref\s*=\s*\"(?P<v>[^\"]*)\"", re.IGNORECASE)
REL_RE = re.compile(r"\brel\s*=\s*\"(?P<v>[^\"]*)\"", re.IGNORECASE)


def is_external(href: str, site_host: str | None = None) -> bool:
    parts = urlsplit(href.replace("&amp;", "&"))
    if href.startswith("//"):
        return (parts.hostname or "") != (site_host or "")
    return parts.scheme in ("http", "https") and (parts.hostname or "") != (site_host or "")


def secure_external_links(html: str, site_host: str | None = None) -> str:
    """Every link to another site gets rel="noopener noreferrer" (existing rel values are kept)."""

    def fix(m: re.Match) -> str:
        attrs = m.group("attrs")
        href = HREF_RE.search(attrs)
        if not href or not is_external(href.group("v"), site_host):
            return m.group(0)
        rel = REL_RE.search(attrs)
        if rel:
            tokens = rel.group("v").split()
            tokens += [t for t in ("noopener", "noreferrer") if t not in tokens]
            attrs = attrs[: rel.start()] + f'rel="{" ".join(tokens)}"' + attrs[rel.end() :]
        else:
            attrs = attrs.rstrip("/ ") + ' rel="noopener noreferrer"' + (" /" if attrs.rstrip().endswith("/") else "")
        return f"<a{attrs}>"

    return A_TAG_RE.sub(fix, html)


# ---------------------------------------------------------------------------- files for hosts


def headers_file(script_hashes=()) -> str:
    """`_headers` for Netlify and Cloudflare Pages."""
    lines = [
        "# Security headers for Netlify and Cloudflare Pages. Generated at build time by hooks/security.py",
        "# from tools/security/policy.py. Do not edit by hand.",
        "/*",
    ]
    lines += [f"  {name}: {value}" for name, value in all_headers(script_hashes)]
    lines += ["", f"/{SECURITY_TXT_PATH}", "  Content-Type: text/plain; charset=utf-8", ""]
    return "\n".join(lines)


def nginx_conf(script_hashes=()) -> str:
    lines = [
        f"# {GENERATED_NOTE}",
        "# Security headers for Relatie & Scheiding. Include this file inside the `server { }` block:",
        "#     include /etc/nginx/snippets/relatieenscheiding.conf;",
        "# nginx drops these headers in any `location` that has its own `add_header`: include the file",
        "# there too, or keep add_header out of locations. See hosting/README.md.",
        "",
    ]
    lines += [f'add_header {name} "{value}" always;' for name, value in all_headers(script_hashes)]
    lines += [
        "",
        "charset utf-8;",
        "error_page 404 /404.html;",
        "location ^~ /en/ { error_page 404 /en/404.html; }",
        "# Not needed on nginx: the same headers for Netlify/Cloudflare Pages.",
        "location = /_headers { return 404; }",
        "",
    ]
    return "\n".join(lines)


def apache_conf(script_hashes=()) -> str:
    lines = [
        f"# {GENERATED_NOTE}",
        "# Security headers for Relatie & Scheiding (Apache 2.4 with mod_headers). Put this in the",
        "# VirtualHost or in .htaccess in the site root. See hosting/README.md.",
        "",
        "<IfModule mod_headers.c>",
    ]
    lines += [f'  Header always set {name} "{value}"' for name, value in all_headers(script_hashes)]
    lines += [
        "</IfModule>",
        "AddDefaultCharset utf-8",
        "ErrorDocument 404 /404.html",
        '<If "%{REQUEST_URI} =~ m#^/en/#">',
        "  ErrorDocument 404 /en/404.html",
        "</If>",
        '<Files "_headers">',
        "  Require all denied",
        "</Files>",
        "",
    ]
    return "\n".join(lines)


HOSTING_FILES = {"nginx.conf": nginx_conf, "apache.conf": apache_conf}


def write_hosting(script_hashes, folder: Path = HOSTING_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in HOSTING_FILES.items():
        path = folder / name
        content = make(script_hashes)
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            written.append(path)
    return written


def stale_hosting_files(script_hashes, folder: Path = HOSTING_DIR) -> list[str]:
    """Names of committed hosting files that no longer match the policy of this build."""
    stale = []
    for name, make in HOSTING_FILES.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != make(script_hashes):
            stale.append(name)
    return stale


# ---------------------------------------------------------------------------- security.txt


class ConfigError(ValueError):
    """A setting in mkdocs.yml is missing or wrong; the message says how to fix it (Dutch)."""


def contact_uri(value) -> str:
    """extra.security_contact as an RFC 9116 Contact URI (mailto:, https: or tel:)."""
    text = str(value or "").strip()
    if not text:
        raise ConfigError(
            "Vul in mkdocs.yml bij 'extra: security_contact:' een e-mailadres of https-adres in "
            "voor meldingen over beveiliging (bijvoorbeeld mailto:security@voorbeeld.nl)."
        )
    if re.fullmatch(r"[^@\s:/]+@[^@\s/]+\.[a-z]{2,}", text, re.IGNORECASE):
        text = "mailto:" + text
    if (
        re.fullmatch(r"mailto:[^@\s]+@[^@\s]+\.[a-z]{2,}", text, re.IGNORECASE)
        or re.fullmatch(r"https://[^\s/]+\.[^\s]+", text)
        or re.fullmatch(r"tel:\+?[0-9-]+", text)
    ):
        return text
    raise ConfigError(
        f"'extra: security_contact: {text}' in mkdocs.yml is geen geldig contact. "
        "Gebruik mailto:adres@voorbeeld.nl of een https-adres."
    )


def security_txt(contact, site_url: str | None, now: dt.datetime | None = None, days: int = SECURITY_TXT_DAYS) -> str:
    now = now or dt.datetime.now(dt.UTC)
    expires = (now + dt.timedelta(days=days)).replace(microsecond=0).astimezone(dt.UTC)
    lines = [
        "# Relatie & Scheiding: report a security problem (RFC 9116).",
        "# Meld een beveiligingsprobleem via het contact hieronder.",
        f"Contact: {contact_uri(contact)}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        f"Preferred-Languages: {SECURITY_TXT_LANGUAGES}",
    ]
    if site_url:
        lines.append(f"Canonical: {site_url.rstrip('/')}/{SECURITY_TXT_PATH}")
    return "\n".join(lines) + "\n"


def exit_url(value) -> str:
    """extra.snel_weg_url: an absolute https address of a neutral site."""
    text = str(value or "").strip()
    parts = urlsplit(text)
    if parts.scheme != "https" or not parts.hostname:
        raise ConfigError(
            "Vul in mkdocs.yml bij 'extra: snel_weg_url:' een https-adres van een neutrale site in "
            "(bijvoorbeeld https://www.buienradar.nl/)."
        )
    return text


# ---------------------------------------------------------------------------- checking a built site

RESOURCE_RE = re.compile(
    r"<(?P<tag>script|img|link|iframe|source|video|audio|embed|object|track|image|use)\b[^>]*?"
    r"\b(?P<attr>src|href|srcset|data|poster|xlink:href)\s*=\s*\"(?P<url>[^\"]*)\"",
    re.IGNORECASE,
)
EVENT_ATTR_RE = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTR_RE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.IGNORECASE)
CSS_URL_RE = re.compile(r"url\(\s*[\"']?(?P<url>[^\"')]+)", re.IGNORECASE)
CSS_IMPORT_RE = re.compile(r"@import\s+[\"'](?P<url>[^\"']+)", re.IGNORECASE)
NO_FETCH_RELS = {"canonical", "alternate", "next", "prev", "author", "license", "help", "search"}


def foreign_resources(html: str) -> list[str]:
    """URLs on other servers that a page would load by itself (not links the reader clicks)."""
    found = []
    for m in RESOURCE_RE.finditer(html):
        tag, url = m.group("tag").lower(), m.group("url").replace("&amp;", "&")
        if tag == "link":
            rel = re.search(r"\brel\s*=\s*\"([^\"]*)\"", m.group(0) + html[m.end() : m.end() + 200])
            rels = set((rel.group(1) if rel else "").lower().split())
            if rels and rels <= NO_FETCH_RELS:
                continue
        for candidate in url.split(",") if m.group("attr").lower() == "srcset" else [url]:
            candidate = candidate.strip().split(" ")[0]
            if candidate.startswith("//") or re.match(r"https?:", candidate, re.IGNORECASE):
                found.append(candidate)
    return found


def page_base_url(rel: str, site_url: str | None = None) -> str:
    """MkDocs' base_url for a built file (relative path in the site): what the templates saw."""
    if rel in ("404.html",) or rel.endswith("/404.html") and rel.count("/") == 1:
        return urlsplit(site_url or "/").path or "/"
    folder = posixpath.dirname(rel)
    depth = 0 if not folder else folder.count("/") + 1
    return "." if depth == 0 else "/".join([".."] * depth)


def config_hashes(config_file: Path = ROOT / "mkdocs.yml"):
    """(function rel -> allowed hashes, site url) from mkdocs.yml and the theme's templates."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    env = config.theme.get_env()
    site_url = config.get("site_url")
    return (lambda rel: known_hashes(env, config, page_base_url(rel, site_url))), site_url


def check_built_site(site_dir: Path, site_host: str | None = None, allowed_for=None) -> list[str]:
    """Problems in a built site (Dutch messages for editors). Empty list: all good.

    `allowed_for(rel)` gives the hashes of the known inline scripts for a built page (default:
    computed from mkdocs.yml and the theme's templates); nothing is allowed because it is there."""
    site_dir = Path(site_dir)
    problems = []
    if allowed_for is None:
        allowed_for, _ = config_hashes()
    if site_host is None:
        home = site_dir / "index.html"
        canonical = (
            re.search(r'<link rel="canonical" href="([^"]+)"', home.read_text(encoding="utf-8")) if home.exists() else None
        )
        site_host = urlsplit(canonical.group(1)).hostname if canonical else None
    pages = sorted(p for p in site_dir.rglob("*.html") if not p.relative_to(site_dir).as_posix().startswith("assets/"))
    hashes: set[str] = set()
    for path in pages:
        rel = path.relative_to(site_dir).as_posix()
        html = path.read_text(encoding="utf-8")
        allowed = allowed_for(rel)
        hashes.update(allowed)
        head = html.split("</head>", 1)[0]
        meta = META_CSP_RE.search(head)
        first_load = re.search(r"<(script|link|style)\b", head, re.IGNORECASE)
        if not meta:
            problems.append(f"{rel}: de pagina heeft geen Content-Security-Policy (meta).")
        elif first_load and first_load.start() < meta.start():
            problems.append(f"{rel}: de Content-Security-Policy staat niet vóór de eerste script of stylesheet.")
        elif meta.group(0) != f'<meta http-equiv="Content-Security-Policy" content="{csp(allowed, for_meta=True)}">':
            problems.append(f"{rel}: de Content-Security-Policy is niet de policy van de bekende scripts.")
        for line, _rule, message in scan_output(html, allowed, site_host):
            problems.append(f"{rel}:{line}: {message}")
        for url in foreign_resources(html):
            problems.append(f"{rel}: de pagina laadt iets van een andere server: {url}")
        if STYLE_ATTR_RE.search(html) or re.search(r"<style\b", html, re.IGNORECASE):
            problems.append(f'{rel}: de pagina heeft style="..." of <style>; de CSP blokkeert dat. Gebruik een class.')
        for m in A_TAG_RE.finditer(html):
            href = HREF_RE.search(m.group("attrs"))
            if href and is_external(href.group("v"), site_host):
                rel_attr = REL_RE.search(m.group("attrs"))
                tokens = set(rel_attr.group("v").split()) if rel_attr else set()
                if not {"noopener", "noreferrer"} <= tokens:
                    problems.append(f'{rel}: de externe link {href.group("v")} heeft geen rel="noopener noreferrer".')
    for css in sorted(site_dir.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        for url in [m.group("url") for m in CSS_URL_RE.finditer(text)] + [m.group("url") for m in CSS_IMPORT_RE.finditer(text)]:
            if url.startswith("//") or re.match(r"https?:", url, re.IGNORECASE):
                problems.append(f"{css.relative_to(site_dir).as_posix()}: de stylesheet laadt iets van een andere server: {url}")
    headers = site_dir / "_headers"
    if not headers.exists():
        problems.append("_headers ontbreekt in de gebouwde site.")
    elif headers.read_text(encoding="utf-8") != headers_file(hashes):
        problems.append("_headers past niet bij de bekende inline scripts van het thema.")
    if not (site_dir / SECURITY_TXT_PATH).exists():
        problems.append(f"{SECURITY_TXT_PATH} ontbreekt in de gebouwde site.")
    return problems


def site_hashes(site_dir: Path, allowed_for=None) -> list[str]:
    """The hashes the policy of a built site allows: the known scripts of its pages' templates."""
    if allowed_for is None:
        allowed_for, _ = config_hashes()
    hashes: set[str] = set()
    for path in Path(site_dir).rglob("*.html"):
        hashes.update(allowed_for(path.relative_to(site_dir).as_posix()))
    return sorted(hashes)


# ---------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tools.security.policy", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["policy", "check", "write-hosting"])
    parser.add_argument("site_dir", type=Path, help="de gebouwde site (bijvoorbeeld site/)")
    args = parser.parse_args(argv)
    if not args.site_dir.is_dir():
        print(f"{args.site_dir} is geen map. Bouw eerst de site.", file=sys.stderr)
        return 2
    hashes = site_hashes(args.site_dir)  # from mkdocs.yml and the theme's templates, not from the pages
    if args.command == "policy":
        print(csp(hashes))
        return 0
    if args.command == "write-hosting":
        problems = check_built_site(args.site_dir)
        if problems:
            print("De gebouwde site heeft problemen; de hosting-bestanden zijn niet bijgewerkt:", file=sys.stderr)
            for p in problems:
                print("  " + p, file=sys.stderr)
            return 1
        for path in write_hosting(hashes):
            print(f"Bijgewerkt: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        return 0
    problems = check_built_site(args.site_dir)
    for p in problems:
        print(p)
    print(f"{len(problems)} probleem/problemen." if problems else "Geen problemen gevonden.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
