"""'Wat moet ik regelen?': the rules in docs/_data/taken.yml, the loader's Dutch errors, the rendering."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tools.content import plan, regelen
from tools.hulp.load import load_cached

ROOT = Path(__file__).resolve().parent.parent

DRIMMELEN = dict(veilig="ja", relatie="getrouwd", kinderen="ja", gezag="samen", wonen="koop", toeslagen="ja", uitkering="nee")
FATHER_WITHOUT_AUTHORITY = dict(
    veilig="ja", relatie="samenwonen", kinderen="ja", gezag="ex", wonen="huur", toeslagen="nee", uitkering="nee"
)
RENTERS = dict(veilig="ja", relatie="samenwonen", kinderen="nee", wonen="huur", toeslagen="ja", uitkering="nee")
NOT_SAFE = dict(veilig="nee", relatie="getrouwd", kinderen="ja", gezag="samen", wonen="huur", toeslagen="ja", uitkering="ja")


@pytest.fixture(scope="module")
def data():
    dataset, findings = load_cached(ROOT)
    return dataset


@pytest.fixture(scope="module")
def tasks(data):
    result, findings = regelen.load_tasks(ROOT / regelen.TASKS_FILE, ROOT, data.categories, regelen.docs_pages(ROOT / "docs"))
    assert [f.as_text() for f in findings if f.blocking] == []
    return result


def ids(tasks, answers):
    return [t.id for t in regelen.choose(tasks, answers)]


# ---------------------------------------------------------------------------- the real data


def test_real_file_passes_every_gate_including_b1(data):
    assert [f.as_text() for f in regelen.check(ROOT, data.categories) if f.blocking] == []


def test_every_task_has_dutch_and_english_text_a_page_and_help(tasks):
    assert len(tasks.taken) >= 20
    for t in tasks.taken:
        assert t.titel.nl and t.titel.en and t.uitleg.nl and t.uitleg.en, t.id
        assert t.paginas and t.hulp, t.id
        if t.termijn:
            assert t.termijn.en and t.bron.startswith("https://"), t.id


def test_married_parent_in_drimmelen_gets_at_least_six_tasks_with_deadlines(tasks):
    chosen = regelen.choose(tasks, DRIMMELEN)
    with_deadline = [t.id for t in chosen if t.termijn]
    assert len(with_deadline) >= 6, with_deadline
    for must in (
        "ouderschapsplan",
        "advocaat-scheiding",
        "scheiding-inschrijven",
        "pensioen",
        "verhuizing",
        "toeslagen-datum",
        "kinderbijslag",
        "koophuis",
    ):
        assert must in with_deadline + [t.id for t in chosen], must
    assert "huurhuis" not in ids(tasks, DRIMMELEN)
    # Grouped by moment, in the order of the file.
    moments = [t.wanneer for t in chosen]
    assert moments == sorted(moments, key=list(tasks.momenten).index)


def test_unmarried_father_without_authority(tasks):
    got = ids(tasks, FATHER_WITHOUT_AUTHORITY)
    assert "zonder-gezag" in got and "afspraken-kinderen" in got and "kinderalimentatie" in got
    # No court route, no required parenting plan, no pension split for unmarried parents without joint authority.
    for absent in ("ouderschapsplan", "advocaat-scheiding", "scheiding-inschrijven", "pensioen", "gezag-uitzoeken"):
        assert absent not in got, absent


def test_couple_who_rent(tasks):
    got = ids(tasks, RENTERS)
    assert {"huurhuis", "huurtoeslag", "toeslagen-doorgeven", "verhuizing", "samenlevingscontract"} <= set(got)
    assert "koophuis" not in got and "kinderbijslag" not in got and "toeslagen-datum" not in got


def test_not_safe_at_home_starts_with_safety_and_never_asks_to_talk_with_the_ex(tasks):
    chosen = regelen.choose(tasks, NOT_SAFE)
    assert [t.id for t in chosen][:2] == ["veilig-eerst", "veiligheidsplan"]
    assert not [t.id for t in chosen if t.samen]
    assert not [t.id for t in chosen if "mediation" in t.hulp]
    assert "ouderschapsplan-veilig" in [t.id for t in chosen]
    # And the safe version of the same family does not see the safety route.
    safe = ids(tasks, {**NOT_SAFE, "veilig": "ja"})
    assert "veilig-eerst" not in safe and "ouderschapsplan" in safe and "ouderschapsplan-veilig" not in safe


def test_follow_up_question_only_with_children(tasks):
    gezag = tasks.vragen["gezag"]
    assert regelen.holds(gezag.toon_als, {"kinderen": "ja"})
    assert not regelen.holds(gezag.toon_als, {"kinderen": "nee"})


def test_conditions_or_and_lists():
    cond = ((("a", frozenset({"1"})), ("b", frozenset({"x", "y"}))), (("c", frozenset({"z"})),))
    assert regelen.holds(cond, {"a": "1", "b": "y"})
    assert regelen.holds(cond, {"c": "z"})
    assert regelen.holds(cond, {"c": ["q", "z"]})  # several boxes ticked
    assert not regelen.holds(cond, {"a": "1", "b": "q"})
    assert not regelen.holds(cond, {})
    assert regelen.holds((), {})
    assert regelen.condition_json(cond) == [{"a": ["1"], "b": ["x", "y"]}, {"c": ["z"]}]


# ---------------------------------------------------------------------------- bad data: Dutch errors with file:line

BAD = textwrap.dedent("""\
    momenten:
      - id: nu
        naam: {nl: Nu, en: Now}
    vragen:
      - id: veilig
        vraag: {nl: Veilig?, en: Safe?}
        antwoorden:
          - id: ja
            tekst: {nl: Ja, en: "Yes"}
          - id: nee
            tekst: {nl: Nee, en: "No"}
            onveilig: true
    taken:
      - id: een
        wanneer: nu
        titel: {nl: Een}
        uitleg: {nl: Uitleg., en: Text.}
        pagina: bestaat-niet.md
        hulp: [schuldhulpp]
      - id: twee
        wanneer: straks
        als: {veilik: ja}
        titel: {nl: Twee, en: Two}
        uitleg: {nl: Uitleg., en: Text.}
        pagina: geld.md#geen-kopje
        hulp: [schuldhulp]
      - id: drie
        wanneer: nu
        als: {veilig: misschien}
        samen: true
        titel: {nl: Drie, en: Three}
        termijn: {nl: Binnen 4 weken., en: Within 4 weeks.}
        uitleg: {nl: "<b>Vet</b>", en: Text.}
        pagina: geld.md
        hulp: [schuldhulp]
    """)


@pytest.fixture
def bad_findings(tmp_path, data):
    path = tmp_path / "taken.yml"
    path.write_text(BAD, encoding="utf-8")
    _, findings = regelen.load_tasks(path, tmp_path, data.categories, regelen.docs_pages(ROOT / "docs"))
    return findings


@pytest.mark.parametrize(
    "rule,line,words",
    [
        ("vertaling-ontbreekt", 16, "Engelse vertaling"),
        ("dode-link", 18, "bestaat-niet.md"),
        ("onbekende-categorie", 19, "Bedoel je 'schuldhulp'?"),
        ("onbekend-moment", 21, "straks"),
        ("verkeerde-voorwaarde", 22, "Bedoel je 'veilig'?"),
        ("dode-link", 25, "#geen-kopje"),
        ("verkeerde-voorwaarde", 29, "misschien"),
        ("samen-zonder-veiligheid", 27, "niet_als: {veilig: nee}"),
        ("bron-ontbreekt", 27, "bron"),
        ("opmaak-in-gegevens", 33, "opmaak"),
    ],
)
def test_bad_data_gives_dutch_error_with_file_and_line(bad_findings, rule, line, words):
    hits = [f for f in bad_findings if f.rule == rule and f.line == line]
    assert hits, "\n".join(f.as_text() for f in bad_findings)
    text = hits[0].as_text()
    assert words in text and text.startswith(f"taken.yml:{line}: FOUT")


def test_broken_yaml_is_a_finding_not_a_traceback(tmp_path, data):
    path = tmp_path / "taken.yml"
    path.write_text("taken:\n  - id: [kapot\n", encoding="utf-8")
    _, findings = regelen.load_tasks(path, tmp_path, data.categories, {})
    assert findings and findings[0].rule == "yaml" and findings[0].line >= 2


def test_dutch_texts_go_through_the_b1_gate(tmp_path, data):
    (tmp_path / "docs" / "_data").mkdir(parents=True)
    long = " ".join(["woord"] * 30) + "."
    text = BAD.replace(
        "uitleg: {nl: Uitleg., en: Text.}\n    pagina: geld.md#geen-kopje",
        f"uitleg: {{nl: {long}, en: Text.}}\n    pagina: geld.md#geen-kopje",
    )
    (tmp_path / "docs" / "_data" / "taken.yml").write_text(text, encoding="utf-8")
    (tmp_path / "docs" / "geld.md").write_text("# Geld\n", encoding="utf-8")
    found = regelen.check(tmp_path, data.categories)
    b1 = [f for f in found if f.rule == "zin-te-lang"]
    assert b1 and b1[0].file == regelen.TASKS_FILE and b1[0].line == 24 and b1[0].field.endswith(".nl")


# ---------------------------------------------------------------------------- rendering


def test_no_js_page_lists_every_task_grouped_with_who_it_is_for(tasks, data):
    out = regelen.render_checklist(tasks, data, "nl", "wat-moet-ik-regelen.md", regelen.docs_pages(ROOT / "docs"))
    assert out.count('class="rs-taak"') == len(tasks.taken)
    assert out.count('class="rs-moment"') == 3
    assert out.index('data-rs-moment="nu"') < out.index('data-rs-moment="regelen"') < out.index('data-rs-moment="daarna"')
    assert "<form" in out and "novalidate hidden" in out  # the form waits for JavaScript
    assert 'href="../gezag/#wie-heeft-het-gezag"' in out
    assert 'href="../hulp/drimmelen/#juridisch-advies"' in out
    assert "Voor wie: Hebben jullie samen kinderen onder de 18 jaar? \u2018Ja\u2019" in out
    assert "Niet voor: Voel je je veilig thuis?" in out


def test_english_links_use_english_titles_and_only_existing_anchors(tasks, data):
    pages = regelen.docs_pages(ROOT / "docs")
    href, title = regelen.page_link(
        "gezag.md#wie-heeft-het-gezag", "en", pages, regelen.directory_linker("wat-moet-ik-regelen.en.md")
    )
    assert href == "../gezag/" and title == "Parental authority"
    out = regelen.render_checklist(tasks, data, "en", "wat-moet-ik-regelen.en.md", pages)
    assert "Make sure you are safe first" in out and "Zorg eerst" not in out


def test_text_is_escaped_in_every_context(tasks, data):
    from dataclasses import replace

    from tools.hulp.model import Text

    evil = replace(tasks.taken[0], titel=Text('a "b" <i>&', "x"), id="x")
    html = regelen.task_item(evil, tasks, data, "nl", "wat-moet-ik-regelen.md", {})
    assert "a &quot;b&quot; &lt;i&gt;&amp;" in html and "<i>" not in html


def test_plan_controls_and_week_planner():
    controls = plan.render_controls("nl")
    assert "data-rs-plan-bediening hidden" in controls and 'for="plan-kinderen"' in controls
    week = plan.render_weekplanner("en")
    assert week.count("<tr>") == 8 and "Monday" in week and "<caption>" in week


def test_directory_linker_from_nested_and_root_pages():
    assert regelen.directory_linker("wat-moet-ik-regelen.md")("gezag.md") == "../gezag/"
    assert regelen.directory_linker("jongeren/index.md")("gezag.md") == "../gezag/"
    assert regelen.directory_linker("index.md")("hulp/drimmelen.md") == "hulp/drimmelen/"
    assert regelen.directory_linker("a/b.md")("index.md") == "../../"


def test_command_line_lists_the_tasks_for_answers(capsys):
    from tools.__main__ import main

    assert main(["taken", "veilig=nee", "relatie=samenwonen", "kinderen=nee", "wonen=huur", "toeslagen=ja", "uitkering=nee"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "[Nu] Zorg eerst voor je veiligheid (Nu. Bij direct gevaar bel je 112.)"
    assert "Kies hoe jullie de afspraken maken" not in out
    assert main(["taken", "veilig=misschien"]) == 2
    assert "Kies uit: veilig=ja|nee" in capsys.readouterr().err
