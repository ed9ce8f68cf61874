"""Fuzz-style: attack payloads in every data field and every front matter key.

For each field kind and each payload, either the gates reject it (a blocking Dutch finding that names
the file and the field), or everything generated from it is safe: the generated Markdown is rendered
the way MkDocs renders it (same extensions), the cards are filled in, the theme's unescaped use of
`title` and `description` is imitated, and the result goes through the output gate
(tools/security/policy.py scan_output) and a search for the payload's working parts.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import markdown
import pytest
import yaml

from tools.core.pages import read_page
from tools.gates import editor as gates
from tools.gates.check import check_page_meta
from tools.hulp.load import load_dataset
from tools.hulp.render import fill_placeholders, render_all
from tools.security import policy as security

ROOT = Path(__file__).resolve().parent.parent


PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "close script": "</script><script>alert(1)</script>",
    "attribute breakout": '" onmouseover="alert(1)" x="',
    "single quote breakout": "' onmouseover='alert(1)' x='",
    "tag breakout": '"><img src=x onerror=alert(1)>',
    "javascript url": "javascript:alert(1)",
    "reference definition": "Breda\n\n[Breda]: https://evil.example/phish",
    "reference definition inline": "[hulp]: https://evil.example/phish",
    "markdown link": "[klik](https://evil.example/phish)",
    "attr_list": 'Breda {: onclick="alert(1)" }',
    "entities": "&lt;script&gt;alert(1)&lt;/script&gt;",
    "template": "{{ config.extra }}{% include 'x' %}",
    "marker": "<!-- gemeentekiezer -->",
    "abbr": "*[Breda]: <script>alert(1)</script>",
    "heading": "# Kop\n## Kop",
    "bidi": "Breda\u202egnissab",
    "zero width": "Br\u200beda",
    "control": "Breda\x07",
    "long": "Breda " * 200,
}
# The working parts: if one of these survives into the HTML as markup, the payload got through.
DANGER = [
    re.compile(r"<script>alert", re.I),
    re.compile(r"<img\b", re.I),
    re.compile(r"href=\"https://evil\.example", re.I),
    re.compile(r"href=\"javascript:", re.I),
    re.compile(r"\{\{|\{%"),
    re.compile(r"<abbr\b"),
]

EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "md_in_html",
    "def_list",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]
FRONT_RE = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


_MD: list = []


def _html(md_text: str) -> tuple[str, dict]:
    m = FRONT_RE.match(md_text)
    meta = yaml.safe_load(m.group(1)) if m else {}
    body = md_text[m.end() :] if m else md_text
    if not _MD:
        _MD.append(markdown.Markdown(extensions=EXTENSIONS))
    html = _MD[0].reset().convert(body)
    # The theme writes these without escaping (autoescape is off in MkDocs' Jinja environment).
    head = f'<title>{meta.get("title", "")}</title><meta name="description" content="{meta.get("description", "")}">'
    nav = "".join(f"<li>{t}</li>" for t in meta.get("tags") or [])
    return head + nav + html, meta


def _leaves(value, path=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value[:1]):  # one item per list: the others are the same kind of field
            yield from _leaves(v, path + (i,))
    elif isinstance(value, str):
        yield path


def _kinds(folder: Path) -> list[tuple[str, tuple]]:
    """(file, path) for every distinct kind of string field in the data files."""
    seen, out = set(), []
    for name in ("breda.yml", "_categorieen.yml", "_landelijk.yml", "_regio-west-brabant.yml"):
        tree = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
        for path in _leaves(tree):
            keys = tuple(p for p in path if isinstance(p, str))
            kind = (name.startswith("_") and name, keys[-2:] if keys[-1:] in (("nl",), ("en",)) else keys[-1:])
            if kind not in seen:
                seen.add(kind)
                out.append((name, path))
    return out


DATA = ROOT / "gemeenten"
KINDS = _kinds(DATA)


@pytest.fixture(scope="module")
def baseline():
    data, findings = load_dataset(DATA, ROOT)
    assert not [f for f in findings if f.blocking]
    return render_all(data)


def _node_line(tree: yaml.Node, path) -> int:
    node = tree
    for p in path:
        if isinstance(node, yaml.MappingNode):
            node = next(v for k, v in node.value if k.value == p)
        else:
            node = node.value[p]
    return node.start_mark.line + 1


@pytest.mark.parametrize("payload_name", list(PAYLOADS))
def test_payload_in_every_data_field(payload_name, tmp_path, baseline):
    """The payload goes into every kind of string field at once. The loader drops what it rejects and
    keeps the rest, so one load and one render per payload cover every field: each injected field
    either has a blocking finding at its line, or what is generated from it is safe."""
    payload = PAYLOADS[payload_name]
    folder = tmp_path / "gemeenten"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("schema", "README.md"))
    trees = {}
    for name, path in KINDS:
        tree = trees.setdefault(name, yaml.safe_load((folder / name).read_text(encoding="utf-8")))
        node = tree
        for p in path[:-1]:
            node = node[p]
        plain = path[-1] in ("website", "chat", "bron", "email", "telefoon", "id", "categorie", "naar", "regio")
        node[path[-1]] = payload if plain else f"{node[path[-1]]} {payload}"
    for name, tree in trees.items():
        (folder / name).write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=10000), encoding="utf-8")
    data, findings = load_dataset(folder, tmp_path)
    text_findings, nodes = gates.data_texts(folder, lambda p: p.relative_to(tmp_path).as_posix())
    findings = findings + text_findings + gates.consistency(data, nodes)
    blocked = {(f.file, f.line) for f in findings if f.blocking}
    rejected = sum((f"gemeenten/{name}", _node_line(nodes[f"gemeenten/{name}"], path)) in blocked for name, path in KINDS)
    if not data.municipalities:
        assert rejected, payload_name
        return
    files = render_all(data)
    for rel, content in files.items():
        if baseline.get(rel) == content:
            continue
        if rel.endswith(".js"):
            assert "</script" not in content.lower() and "<!--" not in content, rel
            payload_data = json.loads(content[content.index("(") + 1 : content.rindex(")")])
            # hulpblok.js puts these pre-rendered blocks into the page with innerHTML: they must be safe HTML.
            blocks = payload_data.get("blokken", {}) if isinstance(payload_data, dict) else {}
            for block in _strings(blocks):  # every pre-rendered piece (a block may be several parts)
                assert not security.scan_output(block, frozenset(), "www.relatieenscheiding.nl"), (rel, block)
                assert not any(rx.search(block) for rx in DANGER), (rel, block)
            continue
        html, meta = _html(content)
        html = fill_placeholders(html, data)
        problems = security.scan_output(html, frozenset(), "www.relatieenscheiding.nl")
        assert not problems, f"{payload_name} -> {rel}: {problems}"
        for rx in DANGER:
            hit = rx.search(html)
            assert not hit, f"{payload_name} -> {rel}: {hit.group(0)!r} in\n{html[max(0, hit.start() - 200) : hit.end() + 200]}"


FRONT_KEYS = ["title", "description", "doelgroep", "zoekwoorden", "fase", "hulp", "bronnen", "gelezen_door", "extra_veld"]


@pytest.mark.parametrize("payload_name", list(PAYLOADS))
def test_payload_in_every_front_matter_key(payload_name, tmp_path):
    """Front matter is not escaped by the theme: every payload with markup, quotes or invisible
    characters is a blocking finding at the line of the key."""
    payload = PAYLOADS[payload_name]
    docs = tmp_path / "docs"
    docs.mkdir()
    for key in FRONT_KEYS:
        value = json.dumps([payload]) if key in ("zoekwoorden", "fase", "hulp") else json.dumps(payload)
        if key == "bronnen":
            value = json.dumps([{"titel": payload, "url": "https://www.rijksoverheid.nl/"}])
        page = docs / "p.md"
        page.write_text(f"---\ntitle: Pagina\ndescription: Een pagina.\n{key}: {value}\n---\n# Pagina\n", encoding="utf-8")
        p, findings = read_page(page, docs, tmp_path)
        found = findings + gates.front_matter_values(p.meta_node, p.display, 1) + check_page_meta(p, {"mediation"})
        in_html = key in ("title", "description")  # written into the HTML unescaped by the theme
        dangerous = (
            bool(re.search(r"[<>]|javascript:|\{\{|\{%" + ('|"' if in_html else ""), payload))
            or bool(gates.bad_character(payload))
            or (len(payload) > 120 and key == "title")
        )
        if key in ("title", "description") and ("\n" in payload.strip() or dangerous):
            assert any(f.blocking and f.line == 4 for f in found), (key, payload_name, found)
        elif dangerous:
            assert any(f.blocking for f in found), (key, payload_name, found)


@pytest.mark.parametrize("payload_name", list(PAYLOADS))
def test_payload_in_a_page_body(payload_name, tmp_path):
    """A page body may hold Markdown, but nothing that runs: the body gate or, failing that, the
    output gate on the rendered HTML stops every payload that would run."""
    payload = PAYLOADS[payload_name]
    body = f"# Pagina\n\nTekst.\n\n{payload}\n"
    found = gates.body_markup(body, "docs/p.md", 5)
    html = markdown.Markdown(extensions=EXTENSIONS).convert(body)
    problems = security.scan_output(html, frozenset(), "www.relatieenscheiding.nl")
    if problems:
        assert any(f.blocking for f in found), (payload_name, problems, found)


ACCEPTED = [
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)",
    '{: onclick="alert(1)" }',
    "&lt;script&gt;alert(1)",
    "[hulp]: https://evil.example/phish",
    "*[Breda]: x",
]


def test_accepted_payloads_everywhere_in_a_full_build(tmp_path):
    """Payloads the gates accept (they are plain text) go into every text of one municipality and the
    categories; the real build must pass, and no output file (pages, search index, data) may let
    one work: every page passes the output gate, every search entry is safe HTML."""
    from conftest import copy_repo, run_mkdocs

    repo = copy_repo(tmp_path / "repo")
    for name in ("drimmelen.yml", "_categorieen.yml"):
        path = repo / "gemeenten" / name
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
        count = [0]

        def inject(node, key=None, count=count):
            if isinstance(node, dict):
                return {k: inject(v, k) for k, v in node.items()}
            if isinstance(node, list):
                return [inject(v, key) for v in node]
            if isinstance(node, str) and key in (
                "naam",
                "plaatsen",
                "organisatie",
                "wat",
                "voor_wie",
                "kosten",
                "openingstijden",
                "adres",
                "nl",
                "en",
                "uitleg",
                "reden",
            ):
                count[0] += 1
                return f"{node} {ACCEPTED[count[0] % len(ACCEPTED)]}"
            return node

        path.write_text(yaml.safe_dump(inject(tree), allow_unicode=True, sort_keys=False, width=10000), encoding="utf-8")
    site = tmp_path / "site"
    result = run_mkdocs(repo, site)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out[-4000:]
    allowed_for, _ = security.config_hashes(repo / "mkdocs.yml")
    checked = 0
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            html = path.read_text(encoding="utf-8")
            assert not security.scan_output(html, allowed_for(rel), "www.relatieenscheiding.nl"), rel
            assert "evil.example" not in re.sub(r">[^<]*<", "><", html), rel
            checked += "Drimmelen" in html
        elif path.name == "search_index.json":
            for doc in json.loads(path.read_text(encoding="utf-8"))["docs"]:
                for field in ("title", "text"):
                    assert not security.scan_output(doc.get(field, ""), frozenset()), (rel, doc.get("location"))
        elif path.suffix == ".js" and "hulp/data" in rel:
            text = path.read_text(encoding="utf-8")
            assert "</script" not in text.lower() and "<!--" not in text
    assert checked > 4


def _strings(value):
    """Every string in nested dicts and lists (the shape of the pre-rendered help blocks)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
