"""B1 checker: the glossary (docs/_data/woordenlijst.yml) and its loader."""

import pytest

from tools.b1 import DEFAULT_GLOSSARY, GlossaryError, check_text_field, load_glossary

REQUIRED_TERMS = (
    """ouderschapsplan alimentatie kinderalimentatie partneralimentatie omgangsregeling
zorgregeling gezag co-ouderschap mediation mediator convenant boedelscheiding verevening griffierecht
toevoeging advocaat rechtbank kindgesprek meldcode jeugdbescherming gezinsvoogd ondertoezichtstelling
vechtscheiding loyaliteitsconflict draagkracht behoefte toeslagen""".split()
    + [
        "huwelijkse voorwaarden",
        "gemeenschap van goederen",
        "geregistreerd partnerschap",
        "samenlevingscontract",
        "eigen bijdrage",
        "bijzondere curator",
        "Veilig Thuis",
        "kindgebonden budget",
    ]
)


def test_site_glossary_loads_and_covers_the_domain():
    terms = load_glossary()
    assert 30 <= len(terms) <= 40
    names = {t.term for t in terms}
    assert set(REQUIRED_TERMS) <= names
    for t in terms:
        assert t.en and t.uitleg_nl and t.uitleg_en and t.line > 0
        assert t.uitleg_nl.endswith((".", "?", "!")) and t.uitleg_en.endswith((".", "?", "!"))
        assert t.slug and t.slug == t.slug.lower()


def test_site_glossary_explanations_are_plain_dutch():
    """The explanations feed the glossary page and tooltips: B1 themselves, one or two sentences."""
    for t in load_glossary():
        found = check_text_field(t.uitleg_nl, str(DEFAULT_GLOSSARY), t.line, f"{t.term}.uitleg.nl")
        assert [f for f in found if f.blocking] == [], (t.term, found)
        assert len([s for s in t.uitleg_nl.replace("?", ".").split(". ") if s]) <= 3, t.term


def test_term_properties():
    terms = {t.term: t for t in load_glossary()}
    assert terms["Veilig Thuis"].case_sensitive and not terms["gezag"].case_sensitive
    assert terms["ouderschapsplan"].forms == ("ouderschapsplan", "ouderschapsplannen")
    assert terms["huwelijkse voorwaarden"].slug == "huwelijkse-voorwaarden"
    assert terms["ouderschapsplan"].uitleg == {"nl": terms["ouderschapsplan"].uitleg_nl, "en": terms["ouderschapsplan"].uitleg_en}
    assert terms["advocaat"].uitleg_verplicht is False


def write(tmp_path, text):
    p = tmp_path / "woordenlijst.yml"
    p.write_text(text, encoding="utf-8")
    return p


GOOD = "- term: plan\n  en: plan\n  uitleg:\n    nl: Een plan.\n    en: A plan.\n"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("- term: plan\n  en: plan\n  uitleg: [kapot\n", ":4: de YAML klopt niet"),
        ("term: plan\n", ":1: de woordenlijst moet een lijst zijn"),
        ("", ": de woordenlijst is leeg"),
        ("- term: plan\n  en: plan\n", ":1: term 'plan': 'uitleg' ontbreekt"),
        ("- term: plan\n  en: plan\n  uitleg:\n    nl: Een plan.\n", ":1: term 'plan': 'uitleg.en' ontbreekt"),
        (GOOD + "- term: pan\n  en: pan\n  uitleg: {nl: '', en: A pan.}\n", ":8: term 'pan': 'uitleg.nl' moet een tekst zijn"),
        (
            GOOD + "- term: pan\n  en: pan\n  uitleg: {nl: x., en: y.}\n  variaties: [pannen]\n",
            ":6: term 'pan': onbekende sleutel 'variaties'",
        ),
        (
            GOOD + "- term: plannen\n  en: plans\n  uitleg: {nl: x., en: y.}\n  varianten: [Plan]\n",
            ":6: term 'plannen': 'Plan' staat ook al bij term 'plan' (regel 1)",
        ),
        (
            GOOD + "- term: pan\n  en: pan\n  uitleg: {nl: x., en: y.}\n  varianten: pannen\n",
            ":9: term 'pan': 'varianten' moet een lijst van woorden zijn",
        ),
        (
            GOOD + "- term: pan\n  en: pan\n  uitleg: {nl: x., en: y.}\n  uitleg_verplicht: soms\n",
            ":9: term 'pan': 'uitleg_verplicht' moet true of false zijn",
        ),
        ("- plan\n", ":1: elk item moet een term zijn"),
        ("- term: 12\n  en: x\n  uitleg: {nl: x., en: y.}\n", ":1: term '12': 'term' moet een tekst zijn"),
    ],
)
def test_loader_errors_name_file_and_line(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(GlossaryError) as info:
        load_glossary(path)
    message = str(info.value)
    assert "woordenlijst.yml" in message
    assert expected in message, message
    assert all("woordenlijst.yml" in e for e in info.value.errors)


def test_loader_reports_all_bad_entries_at_once(tmp_path):
    text = "- term: a\n  en: a\n- term: b\n  en: b\n"
    with pytest.raises(GlossaryError) as info:
        load_glossary(write(tmp_path, text))
    assert len(info.value.errors) == 2
    assert ":1:" in info.value.errors[0] and ":3:" in info.value.errors[1]


def test_missing_file(tmp_path):
    with pytest.raises(GlossaryError, match="bestaat niet"):
        load_glossary(tmp_path / "nergens.yml")


def test_loader_reloads_after_a_change(tmp_path):
    path = write(tmp_path, GOOD)
    assert [t.term for t in load_glossary(path)] == ["plan"]
    path.write_text(GOOD + "- term: pannenkoek\n  en: pancake\n  uitleg: {nl: Eten., en: Food.}\n", encoding="utf-8")
    assert [t.term for t in load_glossary(path)] == ["plan", "pannenkoek"]
