"""tools/gates/editor.py, tools/hulp/blocks.py, tools/core/pages.py and tools/core/atomic.py on small examples of our own."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tools.core import atomic
from tools.core import text as text_helpers
from tools.core.pages import read_page
from tools.gates import editor as gates
from tools.hulp import blocks as markers
from tools.hulp.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------------------- characters


@pytest.mark.parametrize("text", ["Bre\u200bda", "Breda\u202e", "Breda\u2066x\u2069", "a\x00b", "a\x1bb", "x\ufeffy", "a\u200fb"])
def test_invisible_and_control_characters_are_refused(text):
    assert gates.bad_character(text)
    assert gates.text_problem(text, "gemeente.naam")[0]


@pytest.mark.parametrize(
    "text", ["'s-Hertogenbosch", "Café € 5,-", "Zoë, Øystein, Ελένη, محمد", "regel\nregel", "zacht\u00adafbreken"]
)
def test_ordinary_text_is_fine(text):
    assert not gates.bad_character(text)


def test_lengths_and_single_lines():
    assert gates.text_problem("x" * 121, "gemeente.naam")[0]
    assert not gates.text_problem("x" * 121, "aanbod[1].wat.nl")[0]
    assert gates.text_problem("x" * 1001, "aanbod[1].wat.nl")[0]
    assert gates.text_problem("Breda\n[x]: https://evil.example/", "gemeente.naam")[0]
    assert gates.text_problem("Breda\n[x]: https://evil.example/", "gemeente.plaatsen[2]")[0]


# ---------------------------------------------------------------------------- page bodies


@pytest.mark.parametrize(
    "body, rule",
    [
        ("<script>x()</script>", "script-in-pagina"),
        ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "script-in-pagina"),
        ('<a href="javascript:x()">a</a>', "inline-javascript"),
        ('<a href="jav&#x09;ascript:x()">a</a>', "inline-javascript"),
        ("[a](javascript:x())", "gevaarlijke-link"),
        ("[a]( <javascript:x()> )", "gevaarlijke-link"),
        ("![a](javascript:x())", "gevaarlijke-link"),
        ("[a][r]\n\n[r]: javascript:x()", "gevaarlijke-link"),
        ("[a][r]\n\n   [r]: <data:text/html,x>", "gevaarlijke-link"),
        ("<javascript:x()>", "gevaarlijke-link"),
        ("[a](vbscript:x)", "gevaarlijke-link"),
        ('Tekst\n{: onclick="x()" }', "inline-javascript"),
        ('[a](https://x.nl){: onmouseover="x()" }', "inline-javascript"),
        ("<iframe src=https://x.nl></iframe>", "verboden-element"),
        ('<form action="https://evil.example"></form>', "verboden-element"),
        ("<embed src=x>", "verboden-element"),
        ('<div markdown onclick="x()">a</div>', "inline-javascript"),
    ],
)
def test_body_gate(body, rule):
    found = gates.body_markup(f"# Kop\n\n{body}\n", "docs/x.md", 10)
    assert any(f.rule == rule and f.line >= 12 and f.blocking for f in found), found


@pytest.mark.parametrize(
    "body",
    [
        "Schrijf nooit `<script>x()</script>` of `[a](javascript:x())`.",
        '```html\n<script>x()</script>\n<a href="javascript:x()">a</a>\n```',
        "~~~\n<iframe></iframe>\n~~~",
        "[Geld](geld.md) en [Rijksoverheid](https://www.rijksoverheid.nl/) en [bel](tel:0800-2000).",
        "Tekst\n{: .rs-lead #intro }",
        '<div class="rs-tip" markdown>\nTekst\n</div>',
        "Kijk online. Dat is handig, one = twee.",
    ],
)
def test_body_gate_lets_through(body):
    assert [f for f in gates.body_markup(body, "docs/x.md", 1) if f.blocking] == []


def test_mask_code_keeps_lines():
    text = "a\n```\n<script>\n```\nb `<x>` c\n"
    masked = text_helpers.mask_code(text)
    assert masked.count("\n") == text.count("\n") and "<script>" not in masked and "<x>" not in masked
    assert masked.splitlines()[4].startswith("b ") and masked.splitlines()[4].endswith(" c")


# ---------------------------------------------------------------------------- markers


@pytest.mark.parametrize(
    "text, hint",
    [
        ("<!-- gemeente kiezer -->", "<!-- gemeentekiezer -->"),
        ("<!-- Gemeentekiezer -->", "<!-- gemeentekiezer -->"),
        ("<!-- gemeentekiezr -->", "<!-- gemeentekiezer -->"),
        ("<!-- Hulp: mediation -->", "<!-- hulp: mediation -->"),
        ("<!-- hulp mediation -->", "<!-- hulp: mediation -->"),
        ("<!-- HULP -->", "<!-- hulp -->"),
        ("<!--hulp:Mediation-->", "<!-- hulp: mediation -->"),
    ],
)
def test_near_miss_markers_are_errors_with_a_suggestion(text, hint):
    found = markers.near_misses(f"Tekst\n\n{text}\n", "docs/x.md", 4)
    assert len(found) == 1 and found[0].line == 7 and found[0].blocking
    assert f"Bedoel je {hint}?" in found[0].tip


@pytest.mark.parametrize(
    "text",
    [
        "<!-- hulp -->",
        "<!-- hulp: mediation juridisch-advies -->",
        "<!-- gemeentekiezer -->",
        "<!-- Een gewone opmerking -->",
        "`<!-- gemeente kiezer -->`",
    ],
)
def test_exact_markers_and_other_comments_are_fine(text):
    assert markers.near_misses(text, "docs/x.md") == []


def test_markers_in_code_are_not_expanded():
    text = "`<!-- gemeentekiezer -->`\n\n```\n<!-- hulp: mediation -->\n```\n\n<!-- gemeentekiezer -->\n"
    found = markers.find_markers(text)
    assert [(m.kind, m.line) for m in found] == [("gemeentekiezer", 7)]


# ---------------------------------------------------------------------------- front matter and pages


def test_duplicate_front_matter_key_and_markup(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "x.md"
    page.write_text('---\ntitle: Een\ntitle: "<b>Twee</b>"\ndescription: \'x" y\'\n---\n# X\n', encoding="utf-8")
    p, found = read_page(page, docs, tmp_path)
    found += gates.front_matter_values(p.meta_node, p.display, 1)
    rules = {(f.rule, f.line) for f in found}
    assert ("dubbel-veld", 3) in rules and ("opmaak-in-gegevens", 3) in rules and ("opmaak-in-gegevens", 4) in rules


def test_bom_crlf_and_latin1(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bom.md").write_bytes(b"\xef\xbb\xbf---\r\ntitle: Geld\r\n---\r\n# Geld\r\n")
    p, found = read_page(docs / "bom.md", docs, tmp_path)
    assert found == [] and p.meta == {"title": "Geld"} and p.body == "# Geld\n"
    (docs / "latin.md").write_bytes(b"---\ntitle: x\n---\n# Caf\xe9\n")
    p, found = read_page(docs / "latin.md", docs, tmp_path)
    assert [(f.rule, f.line) for f in found] == [("geen-utf8", 4)] and "UTF-8" in found[0].tip


def test_page_file_names():
    assert gates.page_filename("Geld Zaken.md", "docs/Geld Zaken.md")
    assert gates.page_filename("Geld.md", "docs/Geld.md")
    assert not gates.page_filename("jongeren/wat-gebeurt-er.en.md", "docs/jongeren/wat-gebeurt-er.en.md")


# ---------------------------------------------------------------------------- data consistency


def _folder(tmp_path: Path, extra: dict[str, str]) -> Path:
    import shutil

    folder = tmp_path / "gemeenten"
    shutil.copytree(ROOT / "gemeenten", folder, ignore=shutil.ignore_patterns("schema", "README.md"))
    for name, text in extra.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _consistency(tmp_path, extra):
    folder = _folder(tmp_path, extra)
    data, findings = load_dataset(folder, tmp_path)
    _, trees = gates.data_texts(folder, lambda p: p.relative_to(tmp_path).as_posix())
    return gates.consistency(data, trees)


NEW = """gemeente:
  naam: {naam}
  website: https://www.example.nl
  plaatsen: [{plaatsen}]
  postcodes: [{postcodes}]
verwijzingen: []
"""


def test_a_second_breda_a_shared_place_and_postcode_are_errors(tmp_path):
    found = _consistency(
        tmp_path, {"nieuw.yml": NEW.format(naam="breda ", plaatsen="Nieuwdorp, Teteringen", postcodes='"9990", "4815-4816"')}
    )
    rules = {(f.file, f.rule, f.line) for f in found}
    assert ("gemeenten/nieuw.yml", "dubbele-gemeente", 2) in rules
    assert ("gemeenten/nieuw.yml", "dubbele-plaats", 4) in rules
    assert ("gemeenten/nieuw.yml", "dubbele-postcode", 5) in rules


def test_empty_places_and_postcodes_are_errors(tmp_path):
    found = _consistency(tmp_path, {"nieuw.yml": NEW.format(naam="Nieuwstad", plaatsen="", postcodes="")})
    assert {f.rule for f in found if f.file == "gemeenten/nieuw.yml"} == {"lege-lijst"}
    assert len([f for f in found if f.file == "gemeenten/nieuw.yml"]) == 2


def test_unique_data_is_fine(tmp_path):
    assert (
        _consistency(tmp_path, {"nieuw.yml": NEW.format(naam="Nieuwstad", plaatsen="Nieuwdorp", postcodes='"9990-9991"')}) == []
    )


def test_duplicate_keys_in_data(tmp_path):
    folder = _folder(tmp_path, {"nieuw.yml": NEW.format(naam="A", plaatsen="B", postcodes='"9990"') + "verwijzingen: []\n"})
    found, _ = gates.data_texts(folder, lambda p: p.relative_to(tmp_path).as_posix())
    assert [(f.rule, f.line) for f in found if f.file == "gemeenten/nieuw.yml"] == [("dubbel-veld", 7)]


# ---------------------------------------------------------------------------- symlinks, menu


def test_symlinks_out_of_the_repository(tmp_path):
    repo = tmp_path / "repo"
    (repo / "docs" / "assets").mkdir(parents=True)
    (repo / "gemeenten").mkdir()
    (repo / "docs" / "echt.md").write_text("# x\n", encoding="utf-8")
    (tmp_path / "geheim.txt").write_text("geheim", encoding="utf-8")
    (repo / "docs" / "binnen.md").symlink_to(repo / "docs" / "echt.md")
    (repo / "docs" / "assets" / "buiten.txt").symlink_to(tmp_path / "geheim.txt")
    (repo / "gemeenten" / "map").symlink_to(tmp_path, target_is_directory=True)
    (repo / "docs" / "kapot.md").symlink_to(repo / "bestaat-niet.md")
    found = {f.file for f in gates.outside_links(repo)}
    assert found == {"docs/assets/buiten.txt", "gemeenten/map", "docs/kapot.md"}


def test_nav_entries_name_mkdocs_yml(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "geld.md").write_text("# Geld\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nnav:\n  - Home: geld.md\n  - Ouders:\n      - gel.md\n"
        "      - hulp/index.md\n      - https://example.org/\n",
        encoding="utf-8",
    )
    found = gates.check_nav(tmp_path / "mkdocs.yml", tmp_path / "docs", {"hulp/index.md"})
    assert [(f.file, f.line, f.rule) for f in found] == [("mkdocs.yml", 5, "menu")]
    assert "gel.md" in found[0].message and "menu" in found[0].message


def test_nav_of_the_real_site_is_complete():
    from tools.hulp.load import load_cached
    from tools.hulp.render import render_pages

    data, _ = load_cached(ROOT)
    generated = set(render_pages(data)) | {"woordenlijst.md", "woordenlijst.en.md"}
    assert gates.check_nav(ROOT / "mkdocs.yml", ROOT / "docs", generated) == []


# ---------------------------------------------------------------------------- atomic swap


def test_swap_replaces_in_one_step_and_discard_keeps(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "oud.html").write_text("oud", encoding="utf-8")
    swap = atomic.Swap(site)
    (swap.temp / "nieuw.html").write_text("nieuw", encoding="utf-8")
    swap.commit()
    assert [p.name for p in site.iterdir()] == ["nieuw.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    failed = atomic.Swap(site)
    (failed.temp / "half.html").write_text("half", encoding="utf-8")
    failed.discard()
    assert [p.name for p in site.iterdir()] == ["nieuw.html"] and [p.name for p in tmp_path.iterdir()] == ["site"]


def test_swap_into_a_new_folder(tmp_path):
    swap = atomic.Swap(tmp_path / "nieuw" / "site")
    (swap.temp / "index.html").write_text("x", encoding="utf-8")
    swap.commit()
    assert (tmp_path / "nieuw" / "site" / "index.html").read_text(encoding="utf-8") == "x"


def test_yaml_front_matter_lines_are_file_lines(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "x.md").write_text("---\ntitle: X\nhulp: [a]\n---\n# X\n", encoding="utf-8")
    p, _ = read_page(docs / "x.md", docs, tmp_path)
    assert p.meta_line("hulp") == 3 and isinstance(p.meta_node, yaml.MappingNode)
