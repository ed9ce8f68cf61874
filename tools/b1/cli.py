"""Command line: python -m tools.b1 FILE..."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.core.findings import Report

from .check import check_markdown, is_translation
from .glossary import GlossaryError, load_glossary
from .profiles import PROFILES
from .rules import RULES

EPILOG = """\
Regels (fout = blokkeert, advies = alleen melding):
{rules}

Uitvoer: standaard alleen de fouten en het aantal adviezen; met --alles ook de adviezen.
Het JSON-bestand (--json) bevat altijd alles. Uitzonderingen uit de front matter (b1:)
staan altijd in het rapport.

Afsluitcode: 0 = geen fouten, 1 = minstens één fout, 2 = gebruiksfout of kapotte woordenlijst.
Vertalingen (*.en.md) worden overgeslagen. Een map wordt doorzocht op *.md.
"""


def _rules_text() -> str:
    width = max(len(r) for r in RULES)
    return "\n".join(f"  {r.ljust(width)}  {sev:6}  {desc}" for r, (sev, desc) in RULES.items())


def _files(args: list[str]) -> tuple[list[Path], list[str]]:
    files, problems = [], []
    for a in args:
        p = Path(a)
        if p.is_dir():
            files.extend(sorted(x for x in p.rglob("*.md") if not is_translation(str(x))))
        elif p.is_file():
            files.append(p)
        else:
            problems.append(f"{a}: bestand niet gevonden.")
    return files, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.b1",
        description="Controleer Nederlandse Markdown-pagina's op taalniveau B1.",
        epilog=EPILOG.format(rules=_rules_text()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="BESTAND", help="Markdown-bestanden of mappen")
    parser.add_argument("--json", metavar="PAD", help="schrijf alle bevindingen als JSON naar PAD")
    parser.add_argument("--profiel", choices=sorted(PROFILES),
                        help="profiel voor alle bestanden (anders: doelgroep in front matter of map jongeren/)")
    parser.add_argument("--alles", action="store_true", help="toon ook de adviezen")
    parser.add_argument("--woordenlijst", metavar="PAD", help="andere woordenlijst (standaard docs/_data/woordenlijst.yml)")
    args = parser.parse_args(argv)

    try:
        glossary = load_glossary(args.woordenlijst)
    except GlossaryError as exc:
        print("De woordenlijst klopt niet:", file=sys.stderr)
        print(str(exc), file=sys.stderr)
        return 2

    files, problems = _files(args.files)
    for p in problems:
        print(p, file=sys.stderr)
    report = Report()
    checked = skipped = 0
    for f in files:
        name = str(f)
        if is_translation(name):
            skipped += 1
            continue
        try:
            text = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{name}: niet te lezen ({exc}).", file=sys.stderr)
            problems.append(name)
            continue
        findings, exceptions = check_markdown(text, name, profile=args.profiel, glossary=glossary)
        report.extend(findings)
        report.exceptions.extend(exceptions)
        checked += 1
    report.emit(sys.stdout, json_path=args.json, advisory=args.alles)
    n_adv = sum(1 for f in report.findings if not f.blocking)
    if n_adv and not args.alles:
        print(f"({n_adv} advies/adviezen niet getoond: gebruik --alles.)")
    if skipped:
        print(f"({skipped} vertaling(en) overgeslagen.)")
    if problems:
        return 2
    return 1 if report.blocking else 0
