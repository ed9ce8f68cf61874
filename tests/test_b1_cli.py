"""B1 checker: the command line `python -m tools.b1`."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CLEAN = "# Geld\n\nJe kind gaat elke dag met de fiets naar school.\n"
BLOCKING = "# Geld\n\nIndien je vragen hebt, bel ons.\n"
ADVISORY_ONLY = "# Geld\n\nLees [hier](https://www.rijksoverheid.nl) de regels.\n"


def run(*args, cwd=ROOT):
    env = dict(os.environ)
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "tools.b1", *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def write(tmp_path, name, text):
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_clean_file_exits_0(tmp_path):
    r = run(write(tmp_path, "schoon.md", CLEAN))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 fout(en)" in r.stdout


def test_blocking_finding_exits_1_and_prints_location_rule_message_tip(tmp_path):
    p = write(tmp_path, "fout.md", BLOCKING)
    r = run(p)
    assert r.returncode == 1
    assert f"{p}:3: FOUT [ambtelijk-woord]: 'Indien' is ambtelijke taal." in r.stdout
    assert "> Indien je vragen hebt, bel ons." in r.stdout
    assert "Tip: Schrijf 'als'." in r.stdout


def test_advisories_are_hidden_by_default_and_shown_with_alles(tmp_path):
    p = write(tmp_path, "advies.md", ADVISORY_ONLY)
    r = run(p)
    assert r.returncode == 0
    assert "[vage-linktekst]" not in r.stdout and "--alles" in r.stdout
    r = run("--alles", p)
    assert r.returncode == 0
    assert "advies [vage-linktekst]" in r.stdout


def test_json_report(tmp_path):
    out = tmp_path / "b1.json"
    r = run("--json", out, write(tmp_path, "fout.md", BLOCKING), write(tmp_path, "advies.md", ADVISORY_ONLY))
    assert r.returncode == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["fouten"] == 1
    assert {f["rule"] for f in data["bevindingen"]} == {"ambtelijk-woord", "vage-linktekst"}
    assert {"file", "line", "rule", "message", "tip", "severity", "field", "excerpt"} <= set(data["bevindingen"][0])


def test_profile_option(tmp_path):
    # 31 words: under the hard cap for adults (40), over the one for young people (30)
    p = write(
        tmp_path,
        "lang.md",
        "Je kind gaat elke dag met de fiets naar school in de stad en dat is fijn want het is "
        "dichtbij huis en veilig voor iedereen en na school speelt het nog even.\n",
    )
    assert run(p).returncode == 0
    assert run("--profiel", "jongeren", p).returncode == 1


def test_unexplained_glossary_term_is_not_part_of_the_language_verdict(tmp_path):
    p = write(tmp_path, "term.md", "# Afspraken\n\nJullie maken samen een ouderschapsplan. Dat doe je thuis.\n")
    r = run("--alles", p)
    assert r.returncode == 0 and "term-niet-uitgelegd" not in r.stdout


def test_exceptions_are_listed(tmp_path):
    p = write(tmp_path, "uitz.md", "---\nb1:\n  reden: Citaat uit de wet.\n  negeer: [ambtelijk-woord]\n---\n" + BLOCKING)
    r = run(p)
    assert r.returncode == 0
    assert "Uitzonderingen die redacteuren hebben vastgelegd:" in r.stdout
    assert "Reden: Citaat uit de wet." in r.stdout


def test_exception_without_reason_exits_1(tmp_path):
    p = write(tmp_path, "uitz.md", "---\nb1:\n  negeer: [ambtelijk-woord]\n---\n" + BLOCKING)
    r = run(p)
    assert r.returncode == 1 and "[uitzondering-zonder-reden]" in r.stdout


def test_directories_and_translations(tmp_path):
    write(tmp_path, "site/geld.md", CLEAN)
    write(tmp_path, "site/geld.en.md", "Indien this is English.\n")
    write(tmp_path, "site/jongeren/ruzie.md", BLOCKING)
    r = run(tmp_path / "site")
    assert r.returncode == 1
    assert "ruzie.md:3" in r.stdout and "geld.en.md" not in r.stdout
    r = run(tmp_path / "site" / "geld.en.md")
    assert r.returncode == 0 and "overgeslagen" in r.stdout


def test_missing_file_exits_2(tmp_path):
    r = run(tmp_path / "bestaat-niet.md")
    assert r.returncode == 2 and "niet gevonden" in r.stderr


def test_broken_glossary_exits_2(tmp_path):
    bad = write(tmp_path, "woordenlijst.yml", "- term: plan\n  en: plan\n")
    r = run("--woordenlijst", bad, write(tmp_path, "schoon.md", CLEAN))
    assert r.returncode == 2
    assert "De woordenlijst klopt niet" in r.stderr and "woordenlijst.yml:1:" in r.stderr


def test_help_lists_rules_and_exit_codes():
    r = run("--help")
    assert r.returncode == 0
    for word in ("zin-te-lang", "te-veel-lange-zinnen", "douma", "--alles", "Afsluitcode", "--profiel", "python -m tools check"):
        assert word in r.stdout
