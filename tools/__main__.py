"""Command line: `python -m tools <command>`. Run `python -m tools --help` for the list."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.core.runtime import fewer_gc_pauses

ROOT = Path(__file__).resolve().parent.parent


def cmd_generate(args) -> int:
    from tools import build as site

    try:
        written = site.prepare(ROOT, ROOT / "docs")
    except site.BuildStop as stop:
        print(stop, file=sys.stderr)
        return 1
    print(f"{len(written)} bestand(en) bijgewerkt in docs/hulp/.")
    return 0


def cmd_check(args) -> int:
    from tools.gates.check import run_checks

    report = run_checks(ROOT, strict_dates=not args.geen_datums)
    report.emit(sys.stdout, json_path=args.json, advisory=not args.alleen_fouten)
    return 1 if report.blocking else 0


def cmd_extern(args) -> int:
    from tools.gates.external import check_external

    report = check_external(ROOT, max_days=args.max_dagen)
    report.emit(sys.stdout)
    return 1 if report.findings else 0


def cmd_schema(args) -> int:
    from tools.hulp.schema import write_schemas

    for path in write_schemas(ROOT / "gemeenten" / "schema"):
        print(path.relative_to(ROOT))
    return 0


def cmd_bench(args) -> int:
    from tools.bench import main as bench_main

    return bench_main(args)


def cmd_coverage(args) -> int:
    from tools.editorial.coverage import coverage_text
    from tools.hulp.load import data_folder, load_dataset

    data, findings = load_dataset(data_folder(ROOT), ROOT)
    print(coverage_text(data))
    return 0


def cmd_verification(args) -> int:
    from tools.editorial.verification import write_requests
    from tools.hulp.load import data_folder, load_dataset

    data, findings = load_dataset(data_folder(ROOT), ROOT)
    blocking = [f for f in findings if f.blocking]
    if blocking:
        for f in blocking:
            print(f.as_text(), file=sys.stderr)
        return 1
    only = args.gemeente.lower() if args.gemeente else None
    if only and not any(only in (gid, g.naam.lower()) for gid, g in data.municipalities.items()):
        print(
            f"De gemeente '{args.gemeente}' bestaat niet. Kies uit: " + ", ".join(sorted(data.municipalities)) + ".",
            file=sys.stderr,
        )
        return 1
    for path in write_requests(data, Path(args.map), only=only):
        print(path)
    return 0


def cmd_preview(args) -> int:
    from tools.preview.testversion import build

    site_dir, zip_path = Path(args.map), (None if args.geen_zip else Path(args.zip))
    code = build(ROOT, site_dir, zip_path, base=args.basis)
    if code == 0:
        print(f"Testversie gebouwd in {site_dir}/ (open index.html of gebruik een webserver).")
        if zip_path:
            print(f"Zip voor meelezers: {zip_path} (uitpakken, dan index.html openen; geen internet nodig).")
    return code


def cmd_translations(args) -> int:
    from tools.editorial.translations import as_json, as_text, translation_status

    report = translation_status(ROOT)
    print(as_json(report) if args.json else as_text(report, everything=args.alles))
    return 0


def cmd_tasks(args) -> int:
    """Issue 15: which tasks of "Wat moet ik regelen?" someone gets, for editors who change the rules."""
    from tools.content import regelen
    from tools.hulp.load import load_cached

    data, _ = load_cached(ROOT)
    tasks, findings = regelen.load_tasks(ROOT / regelen.TASKS_FILE, ROOT, data.categories, regelen.docs_pages(ROOT / "docs"))
    blocking = [f for f in findings if f.blocking]
    if blocking:
        print("\n".join(f.as_text() for f in blocking), file=sys.stderr)
        return 1
    answers = {}
    for item in args.antwoorden:
        qid, sep, aid = item.partition("=")
        if not sep or qid not in tasks.vragen or tasks.vragen[qid].answer(aid) is None:
            known = "; ".join(f"{q.id}=" + "|".join(a.id for a in q.antwoorden) for q in tasks.vragen.values())
            print(f"Onbekend antwoord '{item}'. Kies uit: {known}", file=sys.stderr)
            return 2
        answers[qid] = aid
    chosen = regelen.choose(tasks, answers)
    for t in chosen:
        when = f" ({t.termijn.nl})" if t.termijn else ""
        print(f"[{tasks.momenten[t.wanneer].nl}] {t.titel.nl}{when}")
    print(f"{len(chosen)} taken.")
    return 0


def main(argv: list[str] | None = None) -> int:
    fewer_gc_pauses()
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
    p = sub.add_parser("verificatie", help="Maak per gemeente een verzoek om de gegevens na te kijken (Markdown en tekst).")
    p.add_argument("gemeente", nargs="?", help="Alleen deze gemeente, bijvoorbeeld breda.")
    p.add_argument("--map", default="verificatie", help="Map voor de verzoeken (verificatie).")
    p.set_defaults(func=cmd_verification)
    p = sub.add_parser("extern", help="Controleer of externe websites nog antwoorden (vraagt internet; niet in de bouw).")
    p.add_argument("--max-dagen", type=int, default=7, help="Vraag een adres opnieuw als de vorige controle ouder is (7).")
    p.set_defaults(func=cmd_extern)
    p = sub.add_parser("schema", help="Schrijf het JSON-schema van de gemeentebestanden.")
    p.set_defaults(func=cmd_schema)
    p = sub.add_parser("bench", help="Meet bouwtijd, geheugen en grootte (landelijk en regio).")
    p.add_argument("--alleen", choices=["landelijk", "regio", "check", "serve", "lighthouse"], help="Meet maar één onderdeel.")
    p.add_argument("--gemeenten", type=int, default=342, help="Aantal gemeenten in de landelijke test (342).")
    p.set_defaults(func=cmd_bench)
    p = sub.add_parser("preview", help="Bouw een testversie voor meelezers (met concepten, banner en feedbacklink) en een zip.")
    p.add_argument("--map", default="site-preview", help="Map voor de testversie (site-preview).")
    p.add_argument("--zip", default="site-preview.zip", help="Zip-bestand voor meelezers (site-preview.zip).")
    p.add_argument("--geen-zip", action="store_true", help="Maak geen zip.")
    p.add_argument("--basis", help="Vergelijk met deze git-ref voor 'Wat is er veranderd' (standaard origin/main, anders main).")
    p.set_defaults(func=cmd_preview)
    p = sub.add_parser("vertalingen", help="Toon welke Engelse pagina's ontbreken of verouderd zijn.")
    p.add_argument("--alles", action="store_true", help="Toon ook de pagina's die bijgewerkt zijn.")
    p.add_argument("--json", action="store_true", help="Geef het overzicht als JSON.")
    p.set_defaults(func=cmd_translations)
    p = sub.add_parser(
        "taken",
        help="Toon welke taken van 'Wat moet ik regelen?' iemand krijgt, bijvoorbeeld: taken veilig=ja relatie=getrouwd kinderen=ja",
    )
    p.add_argument("antwoorden", nargs="*", help="Antwoorden als vraag=antwoord.")
    p.set_defaults(func=cmd_tasks)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
