"""The site's own editorial rule (glossary terms explained) is run by `python -m tools check`,
reported as its own rule, apart from the B1 language verdict of `python -m tools.b1`."""

from pathlib import Path

from conftest import FIXTURES

from tools.core.findings import BLOCKING, Report
from tools.core.pages import Page
from tools.gates.check import _b1
from tools.hulp.load import load_dataset

ROOT = Path(__file__).resolve().parents[1]


DATA, _ = load_dataset(FIXTURES / "gemeenten-goed", FIXTURES)
TEXT = "---\ntitle: Afspraken\n---\n# Afspraken\n\nJullie maken samen een ouderschapsplan. Dat doe je thuis.\n"


def run(text: str, rel: str = "afspraken.md") -> Report:
    report = Report()
    page = Page(ROOT / "docs" / rel, rel, f"docs/{rel}", text=text)
    _b1(report, [page], DATA, ROOT)
    return report


def test_tools_check_reports_an_unexplained_term_as_its_own_rule():
    report = run(TEXT)
    f = [x for x in report.findings if x.rule == "term-niet-uitgelegd"]
    assert len(f) == 1 and f[0].severity == BLOCKING and f[0].line == 6
    assert "'ouderschapsplan'" in f[0].message
    assert [x.rule for x in report.findings if x.blocking] == ["term-niet-uitgelegd"]


def test_an_explained_term_passes_and_exceptions_are_listed_once():
    explained = TEXT.replace("een ouderschapsplan.", "een ouderschapsplan: een plan met afspraken.")
    assert [x for x in run(explained).findings if x.blocking] == []
    fm = (
        "---\ntitle: Afspraken\nb1:\n  reden: De pagina legt het plan verderop uit.\n"
        "  uitgelegd: [ouderschapsplan]\n  negeer: [lange-zin]\n---\n"
    )
    report = run(fm + TEXT.split("---\n", 2)[2])
    assert [x for x in report.findings if x.blocking] == []
    assert sorted((e.rule, e.field) for e in report.exceptions) == [
        ("lange-zin", "b1.negeer"),
        ("term-niet-uitgelegd", "b1.uitgelegd"),
    ]


def test_english_pages_are_not_checked():
    assert run("Indien you make a parenting plan.\n", "afspraken.en.md").findings == []
