"""Measure the B1 verdict on real texts: easy ones should pass, hard ones should be flagged.

The fixtures in tests/fixtures/b1/ are excerpts of real public texts (source and date in each
file's header): `makkelijk_*.md` (texts for children, easy-language news, patient leaflets,
municipal and government pages for the public) and `moeilijk_*.md` (rulings, statutes,
parliamentary papers, policy documents). `kalibratie/` was used to choose the thresholds;
`toets/` is held out and only measured.

    python -m tools.b1.calibration            # both sets, with the texts that go wrong
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from .check import check_markdown

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "b1"
SETS = ("kalibratie", "toets")


@dataclass
class Result:
    name: str
    easy: list[Path] = field(default_factory=list)
    hard: list[Path] = field(default_factory=list)
    easy_failed: dict[str, list[str]] = field(default_factory=dict)  # file -> blocking rules
    hard_passed: list[str] = field(default_factory=list)

    @property
    def easy_pass_rate(self) -> float:
        return 1 - len(self.easy_failed) / len(self.easy) if self.easy else 0.0

    @property
    def hard_flag_rate(self) -> float:
        return 1 - len(self.hard_passed) / len(self.hard) if self.hard else 0.0

    def summary(self) -> str:
        return (
            f"{self.name}: {len(self.easy) - len(self.easy_failed)} van {len(self.easy)} makkelijke teksten "
            f"komen door ({self.easy_pass_rate:.0%}), {len(self.hard) - len(self.hard_passed)} van "
            f"{len(self.hard)} moeilijke teksten worden tegengehouden ({self.hard_flag_rate:.0%})."
        )


def blocking_rules(path: Path) -> list[str]:
    """The blocking rules of the language verdict (standard profile, no site glossary)."""
    findings, _ = check_markdown(path.read_text(encoding="utf-8"), str(path), profile="standaard", glossary=[])
    return sorted({f.rule for f in findings if f.blocking})


def evaluate(folder: Path) -> Result:
    result = Result(folder.name)
    for path in sorted(folder.glob("*.md")):
        rules = blocking_rules(path)
        if path.name.startswith("makkelijk_"):
            result.easy.append(path)
            if rules:
                result.easy_failed[path.name] = rules
        elif path.name.startswith("moeilijk_"):
            result.hard.append(path)
            if not rules:
                result.hard_passed.append(path.name)
    return result


def main(argv: list[str] | None = None) -> int:
    for name in SETS:
        r = evaluate(FIXTURES / name)
        print(r.summary())
        for f, rules in r.easy_failed.items():
            print(f"  makkelijk maar tegengehouden: {f} ({', '.join(rules)})")
        for f in r.hard_passed:
            print(f"  moeilijk maar doorgelaten: {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
