"""Security and privacy without a browser: tools/security/policy.py and the built site (CSP, headers, links, security.txt)."""
from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.security import policy as security  # noqa: E402


def _config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


CONFIG = _config()


# ---------------------------------------------------------------------------- tools/security/policy.py


def test_script_hash_matches_the_csp_specification():
    # The example from the CSP specification / MDN.
    assert security.script_hash("alert('Hello, world.');") == "sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng="


def test_only_executable_inline_scripts_are_hashed():
    html = ('<script>a()</script><script src="x.js"></script><script id="__config" type="application/json">{"a":1}'
            '</script><script type="module">b()</script>')
    assert security.inline_scripts(html) == ["a()", "b()"]


def test_policy_is_strict():
    policy = security.csp(["sha256-abc="])
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self' 'sha256-abc='"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "*" not in policy
    assert directives["frame-ancestors"] == "'none'" and directives["base-uri"] == "'none'"
    assert directives["object-src"] == "'none'"
    meta = security.csp(["sha256-abc="], for_meta=True)
    assert "frame-ancestors" not in meta, "Browsers ignore frame-ancestors in a <meta> policy."


def test_meta_csp_goes_before_every_script_and_stylesheet():
    html = '<html><head>\n<meta charset="utf-8">\n<link rel="stylesheet" href="a.css"><script>x()</script></head><body></body></html>'
    out, hashes = security.secure_page(html, "www.example.nl")
    head = out.split("</head>")[0]
    assert head.index("Content-Security-Policy") < head.index("<link") < head.index("<script")
    assert hashes == [security.script_hash("x()")]
    assert security.secure_page(out, "www.example.nl")[0] == out, "Running twice must not add a second policy."


@pytest.mark.parametrize("tag, expected", [
    ('<a href="https://www.rijksoverheid.nl/x">', '<a href="https://www.rijksoverheid.nl/x" rel="noopener noreferrer">'),
    ('<a href="https://x.nl" rel="nofollow">', '<a href="https://x.nl" rel="nofollow noopener noreferrer">'),
    ('<a rel="noreferrer" href="http://x.nl" class="c">', '<a rel="noreferrer noopener" href="http://x.nl" class="c">'),
    ('<a href="//x.nl/">', '<a href="//x.nl/" rel="noopener noreferrer">'),
    ('<a href="../geld/">', '<a href="../geld/">'),
    ('<a href="https://www.example.nl/geld/">', '<a href="https://www.example.nl/geld/">'),
    ('<a href="mailto:a@b.nl">', '<a href="mailto:a@b.nl">'),
    ('<a href="tel:08002000">', '<a href="tel:08002000">'),
])
def test_external_links_get_noopener_noreferrer(tag, expected):
    assert security.secure_external_links(tag, "www.example.nl") == expected


@pytest.mark.parametrize("value, expected", [
    ("security@example.nl", "mailto:security@example.nl"),
    ("mailto:security@example.nl", "mailto:security@example.nl"),
    ("https://example.nl/melden", "https://example.nl/melden"),
])
def test_security_contact_is_normalised(value, expected):
    assert security.contact_uri(value) == expected


@pytest.mark.parametrize("value", ["", None, "http://example.nl/melden", "bel ons", "javascript:alert(1)"])
def test_bad_security_contact_is_refused(value):
    with pytest.raises(security.ConfigError):
        security.contact_uri(value)


def test_security_txt_fields():
    now = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)
    text = security.security_txt("security@example.nl", "https://www.example.nl/", now=now)
    fields = dict(line.split(": ", 1) for line in text.splitlines() if line and not line.startswith("#"))
    assert fields["Contact"] == "mailto:security@example.nl"
    assert fields["Preferred-Languages"] == "nl, en"
    assert fields["Canonical"] == "https://www.example.nl/.well-known/security.txt"
    expires = dt.datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    assert now < expires <= now + dt.timedelta(days=365)


def test_hook_refuses_a_bad_exit_url_or_contact():
    from mkdocs.exceptions import PluginError

    spec = importlib.util.spec_from_file_location("rs_security_hook", ROOT / "hooks" / "security.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    good = {"snel_weg_url": "https://www.buienradar.nl/", "security_contact": "mailto:a@b.nl"}
    assert hook.on_config({"extra": good}) == {"extra": good}
    for bad in ({**good, "snel_weg_url": "http://www.buienradar.nl/"}, {**good, "snel_weg_url": ""},
                {**good, "security_contact": ""}):
        with pytest.raises(PluginError):
            hook.on_config({"extra": bad})


def test_configuration_in_mkdocs_yml():
    extra = CONFIG["extra"]
    assert security.exit_url(extra["snel_weg_url"])
    assert security.contact_uri(extra["security_contact"])
    assert "hooks/security.py" in CONFIG["hooks"]
    assert CONFIG["theme"].get("font") is False, "theme.font must be false: no Google Fonts."
    features = CONFIG["theme"].get("features") or []
    assert "search.highlight" not in features, "search.highlight puts search words in the address (history)."
    plugins = [p if isinstance(p, str) else next(iter(p)) for p in CONFIG.get("plugins") or []]
    for leaky in ("social", "privacy", "info", "optimize"):
        assert leaky not in plugins and f"material/{leaky}" not in plugins


# ---------------------------------------------------------------------------- the built site


def test_built_site_passes_the_security_check(site_dir):
    problems = security.check_built_site(site_dir)
    assert not problems, "\n".join(problems)


def test_headers_file_and_hosting_files_match_the_build(site_dir):
    hashes = security.site_hashes(site_dir)
    assert 1 <= len(hashes) <= 4, f"Unexpected number of inline scripts: {hashes}"
    assert (site_dir / "_headers").read_text(encoding="utf-8") == security.headers_file(hashes)
    stale = security.stale_hosting_files(hashes)
    assert not stale, ("hosting/" + ", hosting/".join(stale) + " is out of date. Run: "
                       "python -m tools.security.policy write-hosting <built site>")
    headers = (site_dir / "_headers").read_text(encoding="utf-8")
    for name in ("Content-Security-Policy", "Referrer-Policy: no-referrer", "X-Content-Type-Options: nosniff",
                 "Strict-Transport-Security", "Permissions-Policy"):
        assert name in headers


def test_every_page_has_the_referrer_policy_and_the_quick_exit(site_dir):
    exit_href = CONFIG["extra"]["snel_weg_url"]
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        html = path.read_text(encoding="utf-8")
        assert '<meta name="referrer" content="no-referrer">' in html, rel
        tag = re.search(r"<a\b[^>]*data-rs-snelweg-knop[^>]*>", html)
        assert tag, f"{rel}: no quick exit"
        assert f'href="{exit_href}"' in tag.group(0), f"{rel}: the quick exit does not go to {exit_href}"
        assert "veilig-online/" in html.split("data-rs-snelweg-knop", 1)[1][:1200], f"{rel}: no link to Veilig online next to the quick exit"
        assert html.index("data-rs-snelweg") < html.index('class="md-header'), f"{rel}: the quick exit comes after the header"


def test_security_txt_in_built_site(site_dir):
    text = (site_dir / ".well-known" / "security.txt").read_text(encoding="utf-8")
    fields = dict(line.split(": ", 1) for line in text.splitlines() if line and not line.startswith("#"))
    assert fields["Contact"] == security.contact_uri(CONFIG["extra"]["security_contact"])
    assert fields["Preferred-Languages"] == "nl, en"
    expires = dt.datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    now = dt.datetime.now(dt.UTC)
    assert now < expires <= now + dt.timedelta(days=365)
    assert fields["Canonical"] == CONFIG["site_url"].rstrip("/") + "/.well-known/security.txt"


@pytest.mark.parametrize("page", ["privacy", "toegankelijkheid", "veilig-online"])
def test_statements_are_in_both_languages(site_dir, page):
    for rel, lang in ((f"{page}/index.html", "nl"), (f"en/{page}/index.html", "en")):
        html = (site_dir / rel).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html, rel
        assert 'class="rs-fallback"' not in html, f"{rel} is not translated"


def test_privacy_statement_says_what_the_site_does(site_dir):
    text = re.sub(r"<[^>]+>", " ", (site_dir / "privacy" / "index.html").read_text(encoding="utf-8"))
    for claim in ("geen cookies", "volgen niet", "eigen server", "alleen jouw apparaat"):
        assert claim in text, f"The privacy statement no longer says '{claim}'"


def test_dutch_404_page_stays_dutch(site_dir):
    assert '<html lang="nl"' in (site_dir / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (site_dir / "en" / "404.html").read_text(encoding="utf-8")
