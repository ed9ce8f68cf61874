"""B1 checker on real texts: easy Dutch passes, dense legal and policy Dutch fails.

The fixtures in tests/fixtures/b1/ are short excerpts of real public texts (sources at the top
of each file). They are judged by the language rules only (no site glossary), with the
standard profile, as a page on the site would be.
"""
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.b1 import check_markdown, douma_score  # noqa: E402
from tools.b1.markdown import parse  # noqa: E402
from tools.b1.rules import counted_sentences  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "b1"
EASY = sorted(FIXTURES.glob("makkelijk_*.md"))
HARD = sorted(FIXTURES.glob("moeilijk_*.md"))


def stats(path):
    doc = parse(path.read_text(encoding="utf-8"), str(path))
    sents = counted_sentences(doc)
    words = sum(s.words for s in sents)
    return words, words / len(sents), douma_score(sents)


def test_fixtures_exist_and_cite_their_source():
    assert len(EASY) >= 2 and len(HARD) >= 4
    for p in EASY + HARD:
        head = p.read_text(encoding="utf-8")[:600]
        assert head.startswith("<!--") and "https://" in head, p.name


@pytest.mark.parametrize("path", EASY, ids=lambda p: p.name)
def test_easy_real_texts_pass(path):
    findings, _ = check_markdown(path.read_text(encoding="utf-8"), str(path), glossary=[])
    assert [f for f in findings if f.blocking] == []
    words, avg, douma = stats(path)
    assert words >= 200
    assert avg <= 12.5
    assert douma >= 60


@pytest.mark.parametrize("path", HARD, ids=lambda p: p.name)
def test_hard_real_texts_fail(path):
    findings, _ = check_markdown(path.read_text(encoding="utf-8"), str(path), glossary=[])
    blocking = {f.rule for f in findings if f.blocking}
    assert {"zin-te-lang", "gemiddelde-zinslengte", "ambtelijk-woord"} <= blocking, blocking
    words, avg, douma = stats(path)
    assert avg > 20
    assert douma < 60
    assert "douma" in {f.rule for f in findings}


def test_childrens_news_meets_the_young_peoples_average():
    path = FIXTURES / "makkelijk_jeugdjournaal.md"
    findings, _ = check_markdown(path.read_text(encoding="utf-8"), str(path), glossary=[], profile="jongeren")
    assert "gemiddelde-zinslengte" not in {f.rule for f in findings}


def test_about_10000_words_are_checked_quickly():
    texts = [p.read_text(encoding="utf-8") for p in EASY + HARD]
    big = "\n\n".join(texts * 6)
    n = sum(s.words for s in parse(big).sentences)
    assert 8000 <= n <= 14000
    check_markdown(texts[0], "warm.md")  # load word lists once
    start = time.process_time()  # CPU time: other jobs on a busy machine do not count
    check_markdown(big, "groot.md")
    elapsed = time.process_time() - start
    assert elapsed < 1.0, f"{elapsed:.2f} s for {n} words"


def test_a_site_of_60_pages_is_checked_in_under_2_seconds_from_a_cold_start():
    # CPU time of a fresh process, imports and word lists included (wall time is about the
    # same on an idle machine; other jobs on a busy machine do not count this way).
    code = (
        "import sys, time; t = time.process_time(); sys.path.insert(0, '.')\n"
        "from pathlib import Path\n"
        "from tools.b1 import check_markdown\n"
        "texts = [p.read_text(encoding='utf-8') for p in sorted(Path('tests/fixtures/b1').glob('*.md'))]\n"
        "for i in range(60):\n"
        "    check_markdown(texts[i % len(texts)] + f'\\n\\nPagina {i}.\\n', f'docs/p{i}.md')\n"
        "print(time.process_time() - t)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert float(r.stdout.strip()) < 2.0
