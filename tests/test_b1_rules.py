"""B1 checker: every rule passing and failing, profiles, exceptions and text fields."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.b1 import IGNORABLE, RULES, check_markdown, check_text_field, load_glossary  # noqa: E402
from tools.core.findings import ADVISORY, BLOCKING  # noqa: E402

GLOSSARY_YAML = """\
- term: ouderschapsplan
  varianten: [ouderschapsplannen]
  en: parenting plan
  uitleg: {nl: Een plan met afspraken over de kinderen., en: A plan with agreements about the children.}
- term: mediation
  en: mediation
  uitleg: {nl: Hulp van een bemiddelaar., en: Help from a go-between.}
- term: huwelijkse voorwaarden
  en: prenuptial agreement
  uitleg: {nl: Afspraken bij de notaris., en: Agreements made at a notary.}
- term: Veilig Thuis
  en: Safe at Home
  uitleg: {nl: Hulp bij geweld thuis., en: Help with domestic violence.}
- term: behoefte
  en: need
  uitleg: {nl: Wat iemand nodig heeft om van te leven., en: What someone needs to live on.}
  niet: [behoefte aan]
- term: advocaat
  en: lawyer
  uitleg: {nl: Een jurist die voor je opkomt., en: A lawyer.}
  uitleg_verplicht: false
"""

# Ten plain words: a sentence of exactly 10 words.
S10 = "Je kind gaat elke dag met de fiets naar school."
# Seventeen plain words.
S17 = "Je kind gaat elke dag met de fiets naar school in de stad en dat is fijn."


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    path = tmp_path_factory.mktemp("b1") / "woordenlijst.yml"
    path.write_text(GLOSSARY_YAML, encoding="utf-8")
    return load_glossary(path)


@pytest.fixture
def check(glossary):
    def run(text, path="docs/pagina.md", **kw):
        kw.setdefault("glossary", glossary)
        findings, exceptions = check_markdown(text, path, **kw)
        return findings, exceptions

    return run


def rules(findings, severity=None):
    return [f.rule for f in findings if severity is None or f.severity == severity]


def words(n):
    """A plain sentence of n words."""
    base = "je kind gaat elke dag met de fiets naar school in de stad en dat is fijn want het is dichtbij huis en veilig voor iedereen daar".split()
    assert n <= len(base)
    return " ".join(base[:n]).capitalize() + "."


def page(*sentences, per_paragraph=4):
    paras = [" ".join(sentences[i:i + per_paragraph]) for i in range(0, len(sentences), per_paragraph)]
    return "# Pagina\n\n" + "\n\n".join(paras) + "\n"


# --------------------------------------------------------------------------- sentence length


def test_sentence_of_25_words_passes_26_fails(check):
    ok, _ = check(words(25) + "\n")
    assert "zin-te-lang" not in rules(ok)
    bad, _ = check("# Kop\n\n" + words(26) + "\n")
    f = [x for x in bad if x.rule == "zin-te-lang"]
    assert len(f) == 1
    assert f[0].line == 3 and f[0].severity == BLOCKING
    assert "26 woorden" in f[0].message and "25" in f[0].message
    assert f[0].excerpt.startswith("Je kind gaat")
    assert f[0].tip


def test_long_sentence_tip_suggests_a_split_point(check):
    text = ("Je kunt hulp vragen aan een bemiddelaar in de buurt van je huis, omdat jullie er samen "
            "niet uitkomen en de kinderen last hebben van de ruzie thuis.\n")
    bad, _ = check(text)
    f = [x for x in bad if x.rule == "zin-te-lang"][0]
    assert "omdat" in f.tip and "twee zinnen" in f.tip


def test_long_list_item_and_heading_fail_too(check):
    bad, _ = check("# " + words(26)[:-1] + "\n\n- " + words(26)[:-1] + "\n")
    msgs = [x.message for x in bad if x.rule == "zin-te-lang"]
    assert any(m.startswith("Deze kop") for m in msgs)
    assert any(m.startswith("Dit lijstpunt") for m in msgs)


def test_sentences_of_16_to_25_words_are_advisory_and_summarised(check):
    few, _ = check(page(S17, S10, S10))
    f = [x for x in few if x.rule == "lange-zin"]
    assert len(f) == 1 and f[0].severity == ADVISORY and "17 woorden" in f[0].message
    many, _ = check(page(*([S17] * 5 + [S10] * 10)))
    f = [x for x in many if x.rule == "lange-zin"]
    assert len(f) == 1 and f[0].message.startswith("5 zinnen hebben 16 tot 25 woorden")
    none, _ = check(page(S10, S10))
    assert "lange-zin" not in rules(none)


def test_page_average_over_15_fails_for_pages_of_100_words(check):
    long_page = page(*([S17] * 8))  # 136 words, average 17
    bad, _ = check(long_page)
    f = [x for x in bad if x.rule == "gemiddelde-zinslengte"]
    assert len(f) == 1 and f[0].severity == BLOCKING
    assert "17,0 woorden per zin" in f[0].message and "grens is 15" in f[0].message
    assert f[0].line == 1
    short_page, _ = check(page(*([S17] * 5)))  # 85 words: too short to judge
    assert "gemiddelde-zinslengte" not in rules(short_page)
    ok, _ = check(page(*([S17] * 4 + [S10] * 8)))  # average 12
    assert "gemiddelde-zinslengte" not in rules(ok)


def test_young_people_profile_is_stricter(check):
    s19 = words(19)
    assert "zin-te-lang" not in rules(check(s19 + "\n")[0])
    assert "zin-te-lang" in rules(check(s19 + "\n", profile="jongeren")[0])
    fm = "---\ntitle: Voor jou\ndoelgroep: jongeren\n---\n"
    assert "zin-te-lang" in rules(check(fm + s19 + "\n")[0])
    assert "zin-te-lang" in rules(check(s19 + "\n", path="docs/jongeren/ruzie.md")[0])
    # an explicit profile wins over the front matter
    assert "zin-te-lang" not in rules(check(fm + s19 + "\n", profile="standaard")[0])
    # page average: 13 words is fine for adults, too long for young people
    p13 = page(*([words(13)] * 10))
    assert "gemiddelde-zinslengte" not in rules(check(p13)[0])
    assert "gemiddelde-zinslengte" in rules(check(p13, profile="jongeren")[0])


def test_unknown_profile_is_an_error(check):
    with pytest.raises(ValueError, match="Onbekend profiel"):
        check("Tekst.\n", profile="kinderen")


# --------------------------------------------------------------------------- officialese


@pytest.mark.parametrize(
    "sentence, word, alternative",
    [
        ("Indien je vragen hebt, bel ons.", "Indien", "als"),
        ("Derhalve bellen we je.", "Derhalve", "daarom"),
        ("Bel ons teneinde een afspraak te maken.", "teneinde", "om"),
        ("Je betaalt middels een formulier.", "middels", "met"),
        ("Je krijgt een brief alsmede een folder.", "alsmede", "en"),
        ("Lees de regels omtrent alimentatie.", "omtrent", "over"),
        ("Dit is de brief inzake de kinderen.", "inzake", "over"),
        ("Je hebt reeds betaald.", "reeds", "al"),
        ("Je kunt tevens bellen.", "tevens", "ook"),
        ("Lees dit alvorens je tekent.", "alvorens", "voordat"),
        ("U bent woonachtig in Breda.", "woonachtig", "wonen"),
        ("Dit geld is ten behoeve van de kinderen.", "ten behoeve van", "voor"),
        ("Het is echter niet verplicht.", "echter", "maar"),
        ("Zo gaat het aldus.", "aldus", "zo"),
        ("Ingevolge de wet betaal je.", "Ingevolge", "volgens"),
        ("Meld het onverwijld.", "onverwijld", "meteen"),
        ("Dat is hetgeen je moet weten.", "hetgeen", "wat"),
        ("Je belt wegens de kinderen.", "wegens", "door"),
    ],
)
def test_officialese_is_blocking_with_a_plain_alternative(check, sentence, word, alternative):
    found, _ = check(sentence + "\n")
    f = [x for x in found if x.rule == "ambtelijk-woord"]
    assert len(f) == 1, found
    assert f[0].severity == BLOCKING
    assert f"'{word}'" in f[0].message
    assert alternative in f[0].tip


def test_plain_text_has_no_officialese(check):
    found, _ = check("Als je vragen hebt, bel ons. Je kunt ook mailen. Je dient een verzoek in bij de rechtbank.\n")
    assert "ambtelijk-woord" not in rules(found)


def test_dienen_te_is_officialese(check):
    found, _ = check("Je dient het formulier op tijd in te vullen.\n")
    f = [x for x in found if x.rule == "ambtelijk-woord"]
    assert len(f) == 1 and "moeten" in f[0].tip


def test_relative_welke_and_dan_wel_are_advisory(check):
    found, _ = check("Dit zijn de regels, welke gelden voor iedereen. Welke school kies je? Bel dan wel eerst.\n")
    f = [x for x in found if x.rule == "ambtelijk-woord"]
    assert [x.severity for x in f] == [ADVISORY, ADVISORY]
    assert "'welke'" in f[0].message and "'dan wel'" in f[1].message


def test_officialese_line_points_to_the_word(check):
    found, _ = check("Dit is een zin die over\ntwee regels loopt en reeds klaar is.\n")
    assert [(x.rule, x.line) for x in found] == [("ambtelijk-woord", 2)]


# --------------------------------------------------------------------------- glossary terms


def term_findings(check, text, **kw):
    found, exc = check(text, **kw)
    return [x for x in found if x.rule == "term-niet-uitgelegd"], exc


def test_term_without_explanation_fails(check):
    f, _ = term_findings(check, "# Afspraken\n\nJe maakt samen een ouderschapsplan. Dat doe je thuis.\n")
    assert len(f) == 1 and f[0].severity == BLOCKING and f[0].line == 3
    assert "'ouderschapsplan'" in f[0].message
    assert "Een plan met afspraken over de kinderen." in f[0].tip  # the glossary explanation


@pytest.mark.parametrize(
    "text",
    [
        "Je maakt een ouderschapsplan: een plan met afspraken over de kinderen.",
        "Je maakt een ouderschapsplan (een plan met afspraken over de kinderen).",
        "Je maakt een ouderschapsplan – een plan met afspraken.",
        "Een ouderschapsplan is een plan met afspraken.",
        "Ouderschapsplannen zijn plannen met afspraken.",
        "Je maakt een ouderschapsplan. Dat is een plan met afspraken.",
        "Je maakt een ouderschapsplan. Dat betekent: je schrijft afspraken op.",
        "Jullie schrijven afspraken op. Dit heet een ouderschapsplan.",
        "Je maakt een [ouderschapsplan](ouderschapsplan.md) samen.",
        "Wat is een ouderschapsplan? Het ouderschapsplan is een plan met afspraken.",
        "Bel Veilig Thuis, het meldpunt voor geweld thuis.",
        "Je maakt een ouderschapsplan, dus een plan met afspraken.",
        "Een ouderschapsplan beschrijft jullie afspraken over de kinderen.",
        "- **Mediation.** Iemand helpt jullie om samen afspraken te maken.",
        "Bij mediation helpt iemand jullie om samen afspraken te maken.",
        "Jullie kiezen voor mediation, dus hulp van iemand die geen kant kiest.",
    ],
)
def test_explanation_patterns(check, text):
    f, _ = term_findings(check, text + "\n")
    assert f == []


def test_a_label_alone_is_not_an_explanation(check):
    f, _ = term_findings(check, "- mediation\n- een advocaat\n")
    assert len(f) == 1


def test_only_the_first_use_counts(check):
    f, _ = term_findings(check, "Een ouderschapsplan is een plan. Later pas je het ouderschapsplan aan.\n")
    assert f == []
    f, _ = term_findings(check, "Maak een ouderschapsplan. Sommige mensen maken het samen.\n\n"
                                "Een ouderschapsplan is een plan.\n")
    assert len(f) == 1 and f[0].line == 1


def test_a_heading_is_not_the_first_use(check):
    text = "# Het ouderschapsplan\n\nJe maakt een ouderschapsplan: een plan met afspraken.\n"
    assert term_findings(check, text)[0] == []
    text = "# Het ouderschapsplan\n\nJe maakt samen een ouderschapsplan. Dat doe je thuis.\n"
    f, _ = term_findings(check, text)
    assert len(f) == 1 and f[0].line == 3


def test_multiword_case_sensitive_optional_and_everyday_terms(check):
    f, _ = term_findings(check, "Jullie maken huwelijkse voorwaarden bij de notaris. Dan weet je waar je aan toe bent.\n")
    assert [x.message.split("'")[1] for x in f] == ["huwelijkse voorwaarden"]
    f, _ = term_findings(check, "Bel Veilig Thuis voor hulp. Dan weet je meer.\n")
    assert len(f) == 1
    f, _ = term_findings(check, "Je voelt je veilig thuis bij je moeder.\n")  # not the organisation
    assert f == []
    f, _ = term_findings(check, "Vraag je advocaat om hulp.\n")  # uitleg_verplicht: false
    assert f == []
    f, _ = term_findings(check, "Je kind heeft behoefte aan rust.\n")  # 'niet: [behoefte aan]'
    assert f == []


def test_term_declared_explained_in_front_matter(check):
    fm = "---\nb1:\n  reden: De hele pagina gaat over dit plan.\n  uitgelegd: [ouderschapsplan]\n---\n"
    f, exc = term_findings(check, fm + "Maak een ouderschapsplan. Samen.\n")
    assert f == []
    assert [(e.rule, e.line, e.field) for e in exc] == [("term-niet-uitgelegd", 4, "b1.uitgelegd")]
    assert exc[0].excerpt == "Reden: De hele pagina gaat over dit plan."


# --------------------------------------------------------------------------- passive, words, paragraphs


def test_passive_share_over_10_percent_is_advisory(check):
    passive = ["De alimentatie wordt betaald door je ex.", "Het plan wordt door jullie samen gemaakt.",
               "De kosten worden eerlijk verdeeld."]
    found, _ = check(page(*(passive + [S10] * 7)))
    f = [x for x in found if x.rule == "lijdende-vorm"]
    assert len(f) == 1 and f[0].severity == ADVISORY and "3 van de 10 zinnen" in f[0].message
    found, _ = check(page(*([S10] * 10 + ["Het wordt moeilijk."])))  # no participle: not passive
    assert "lijdende-vorm" not in rules(found)


def test_rare_and_long_words(check):
    found, _ = check("De verzoeker overlegt een vaststellingsovereenkomst aan de griffie.\n")
    rare = [x.message.split("'")[1] for x in found if x.rule == "zeldzaam-woord"]
    long_ = [x.message.split("'")[1] for x in found if x.rule == "lang-woord"]
    assert "vaststellingsovereenkomst" in long_
    assert "verzoeker" in rare or "griffie" in rare
    assert all(x.severity == ADVISORY for x in found if x.rule in ("zeldzaam-woord", "lang-woord"))


def test_common_words_compounds_names_numbers_terms_are_not_rare(check):
    text = ("Je krijgt huurtoeslag en zorgtoeslag. Jan woont in Drimmelen sinds 2019. "
            "Een ouderschapsplan is een plan. Er zijn veel mogelijkheden. De IND belt.\n")
    found, _ = check(text)
    assert [x for x in found if x.rule in ("zeldzaam-woord", "lang-woord")] == []


def test_word_allowed_on_the_page(check):
    fm = "---\nb1:\n  reden: Zo heet de wet.\n  woorden: [vaststellingsovereenkomst]\n---\n"
    found, exc = check(fm + "Je tekent een vaststellingsovereenkomst.\n")
    assert [x for x in found if x.rule in ("zeldzaam-woord", "lang-woord")] == []
    assert exc[0].rule == "woord-toegestaan" and "1 keer gebruikt" in exc[0].message


def test_long_paragraph_is_advisory(check):
    six = "\n\n" + " ".join([S10] * 6) + "\n"
    found, _ = check("# Kop" + six)
    f = [x for x in found if x.rule == "lange-alinea"]
    assert len(f) == 1 and f[0].line == 3 and "6 zinnen" in f[0].message
    found, _ = check("# Kop\n\n" + " ".join([S10] * 5) + "\n")
    assert "lange-alinea" not in rules(found)


def test_difficult_word_share_and_douma_on_dense_text(check):
    dense = ("De verzoeker verzoekt de rechtbank de beschikking te wijzigen. "
             "Verweerster concludeert tot niet-ontvankelijkverklaring van het verzoek. "
             "Het hof bekrachtigt de bestreden beschikking en compenseert de proceskosten. ")
    found, _ = check(page(*([dense] * 5)))
    assert "moeilijke-woorden" in rules(found, ADVISORY)
    assert "douma" in rules(found, ADVISORY)
    f = [x for x in found if x.rule == "douma"][0]
    assert "advies: minstens 60" in f.message
    easy, _ = check(page(*([S10] * 12)))
    assert "moeilijke-woorden" not in rules(easy) and "douma" not in rules(easy)
    short, _ = check(page(dense))  # fewer than 100 words: no page scores
    assert "douma" not in rules(short) and "moeilijke-woorden" not in rules(short)


@pytest.mark.parametrize("label", ["klik hier", "Hier", "lees meer", "Lees verder"])
def test_vague_link_text_is_advisory(check, label):
    found, _ = check(f"Voor de regels: [{label}](https://www.rijksoverheid.nl).\n")
    f = [x for x in found if x.rule == "vage-linktekst"]
    assert len(f) == 1 and f[0].severity == ADVISORY


def test_descriptive_link_text_is_fine(check):
    found, _ = check("Lees meer over [kinderalimentatie bij de Rijksoverheid](https://www.rijksoverheid.nl).\n")
    assert "vage-linktekst" not in rules(found)


# --------------------------------------------------------------------------- exceptions


def test_ignored_rule_with_reason(check):
    fm = "---\nb1:\n  reden: Dit is een citaat uit de wet.\n  negeer: [zin-te-lang, ambtelijk-woord]\n---\n"
    found, exc = check(fm + words(26) + " Indien nodig.\n")
    assert "zin-te-lang" not in rules(found) and "ambtelijk-woord" not in rules(found)
    assert [(e.rule, e.line) for e in exc] == [("zin-te-lang", 4), ("ambtelijk-woord", 4)]
    assert "1 melding(en) niet getoond" in exc[0].message
    assert all(e.excerpt == "Reden: Dit is een citaat uit de wet." for e in exc)


def test_exception_without_reason_is_blocking(check):
    fm = "---\ntitle: x\nb1:\n  negeer: [zin-te-lang]\n---\n"
    found, exc = check(fm + words(26) + "\n")
    f = [x for x in found if x.rule == "uitzondering-zonder-reden"]
    assert len(f) == 1 and f[0].severity == BLOCKING and f[0].line == 3
    assert "reden:" in f[0].tip
    assert exc and exc[0].excerpt == "Reden: (ontbreekt)"
    fm_empty = "---\nb1:\n  reden: ''\n  woorden: [x]\n---\n"
    assert "uitzondering-zonder-reden" in rules(check(fm_empty + "Tekst.\n")[0])


def test_invalid_exceptions_are_blocking(check):
    cases = [
        ("b1: [zin-te-lang]\n", "moet sleutels bevatten"),
        ("b1:\n  reden: x\n  negeren: [zin-te-lang]\n", "Onbekende sleutel 'b1.negeren'"),
        ("b1:\n  reden: x\n  negeer: [zin-te-kort]\n", "'zin-te-kort' is geen regel"),
        ("b1:\n  reden: x\n  negeer: [uitzondering-zonder-reden]\n", "geen regel die je kunt uitzetten"),
        ("b1:\n  reden: x\n  uitgelegd: [fiets]\n", "staat niet in de woordenlijst"),
        ("b1:\n  reden: x\n  woorden: fiets\n", "moet een lijst zijn"),
    ]
    for fm, expected in cases:
        found, _ = check("---\n" + fm + "---\nTekst.\n")
        f = [x for x in found if x.rule == "uitzondering-ongeldig"]
        assert len(f) == 1 and f[0].severity == BLOCKING, fm
        assert expected in f[0].message + f[0].tip, (fm, f[0].message)


def test_rule_lists_are_consistent():
    assert "uitzondering-zonder-reden" in RULES and "uitzondering-zonder-reden" not in IGNORABLE
    assert {r for r, (sev, _) in RULES.items() if sev == BLOCKING} >= {
        "zin-te-lang", "ambtelijk-woord", "term-niet-uitgelegd", "gemiddelde-zinslengte"}


# --------------------------------------------------------------------------- fields, pages, other


def test_text_field_checks_length_and_officialese_only():
    found = check_text_field("Indien je gaat scheiden, lees hier wat je moet weten.", "gemeenten/breda.yml", 12, "beschrijving")
    assert [(f.rule, f.line, f.field) for f in found] == [("ambtelijk-woord", 12, "beschrijving")]
    long_text = "Eerste regel.\n" + words(26)
    found = check_text_field(long_text, "x.yml", 5, "tekst")
    assert [(f.rule, f.line) for f in found] == [("zin-te-lang", 6)]
    assert check_text_field(words(17), "x.yml", 1, "tekst") == []  # no advisory 'lange-zin' for fields
    assert check_text_field("", "x.yml", 1, "tekst") == []


def test_front_matter_title_and_description_are_checked(check):
    fm = "---\ntitle: Geld\ndescription: >\n  Indien je gaat scheiden, lees dan dit.\n---\nTekst.\n"
    found, _ = check(fm)
    assert [(f.rule, f.line, f.field) for f in found] == [("ambtelijk-woord", 4, "description")]


def test_translations_are_skipped(check):
    assert check("Indien " + words(26), path="docs/geld.en.md") == ([], [])
    assert check("Indien je belt.\n", path="docs/geld.nl.md")[0]


def test_invalid_front_matter_is_blocking(check):
    found, _ = check("---\ntitle: [kapot\n---\nTekst.\n")
    assert [(f.rule, f.line, f.severity) for f in found] == [("metadata-ongeldig", 1, BLOCKING)]


def test_default_glossary_is_the_site_glossary():
    found, _ = check_markdown("Jullie maken een convenant. Dan is alles geregeld.\n", "docs/x.md")
    assert "term-niet-uitgelegd" in rules(found)
