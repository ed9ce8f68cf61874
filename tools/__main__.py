"""Command line: `python -m tools <command>`. Run `python -m tools --help` for the list."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cmd_generate(args) -> int:
    from tools import site

    try:
        written = site.prepare(ROOT, ROOT / "docs")
    except site.BuildStop as stop:
        print(stop, file=sys.stderr)
        return 1
    print(f"{len(written)} bestand(en) bijgewerkt in docs/hulp/.")
    return 0


def cmd_check(args) -> int:
    from tools.check import run_checks

    report = run_checks(ROOT, strict_dates=not args.geen_datums)
    report.emit(sys.stdout, json_path=args.json, advisory=not args.alleen_fouten)
    return 1 if report.blocking else 0


def cmd_extern(args) -> int:
    from tools.external import check_external

    report = check_external(ROOT, max_days=args.max_dagen)
    report.emit(sys.stdout)
    return 1 if report.findings else 0


def cmd_schema(args) -> int:
    from tools.schema import write_schemas

    for path in write_schemas(ROOT / "gemeenten" / "schema"):
        print(path.relative_to(ROOT))
    return 0


def cmd_bench(args) -> int:
    from tools.bench import main as bench_main

    return bench_main(args)


def cmd_coverage(args) -> int:
    from tools.check import coverage_text
    from tools.site import data_folder
    from tools.data import load_dataset

    data, findings = load_dataset(data_folder(ROOT), ROOT)
    print(coverage_text(data))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools", description="Gereedschap voor de site Relatie & Scheiding.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("generate", help="Maak de gemeentepagina's in docs/hulp/ uit gemeenten/.")
    p.set_defaults(func=cmd_generate)
    p = sub.add_parser("check", help="Controleer alle inhoud (taalniveau B1, links, gegevens) zonder de site te bouwen.")
    p.add_argument("--json", help="Schrijf het rapport ook als JSON naar dit bestand.")
    p.add_argument("--alleen-fouten", action="store_true", help="Toon alleen fouten, geen adviezen.")
    p.add_argument("--geen-datums", action="store_true", help="Sla de controle op verouderde datums over.")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("coverage", help="Toon per gemeente en categorie hoeveel aanbod er is.")
    p.set_defaults(func=cmd_coverage)
    p = sub.add_parser("extern", help="Controleer of externe websites nog antwoorden (vraagt internet; niet in de bouw).")
    p.add_argument("--max-dagen", type=int, default=7, help="Vraag een adres opnieuw als de vorige controle ouder is (7).")
    p.set_defaults(func=cmd_extern)
    p = sub.add_parser("schema", help="Schrijf het JSON-schema van de gemeentebestanden.")
    p.set_defaults(func=cmd_schema)
    p = sub.add_parser("bench", help="Meet bouwtijd, geheugen en grootte (landelijk en regio).")
    p.add_argument("--alleen", choices=["landelijk", "regio", "check"], help="Meet maar één onderdeel.")
    p.add_argument("--gemeenten", type=int, default=342, help="Aantal gemeenten in de landelijke test (342).")
    p.set_defaults(func=cmd_bench)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
