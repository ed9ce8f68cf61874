"""B1 checker: turning Markdown into sentences with the right line numbers."""

from tools.b1.markdown import HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, TITLE, parse


def texts(md):
    return [s.text for s in parse(md).sentences]


def test_front_matter_is_read_and_not_measured():
    md = "---\ntitle: Een titel met indien\ndoelgroep: jongeren\n---\n\nEen zin.\n"
    doc = parse(md)
    assert doc.front_matter == {"title": "Een titel met indien", "doelgroep": "jongeren"}
    assert texts(md) == ["Een zin."]
    assert doc.sentences[0].line == 6


def test_broken_front_matter_is_reported_not_raised():
    doc = parse("---\ntitle: [kapot\n---\nTekst.\n")
    assert doc.front_matter == {}
    assert "geen geldige YAML" in doc.front_matter_error


def test_code_comments_tags_and_urls_are_removed_link_text_kept():
    md = (
        "Dit is `code hier` weg.\n\n"
        "```python\nindien = 1\n```\n\n"
        "~~~\nook weg\n~~~\n\n"
        "<!-- hulp -->\n<!--\nmeerdere\nregels\n-->\n"
        "Zie <strong>vet</strong> en https://www.rijksoverheid.nl/x en <https://nibud.nl>.\n\n"
        'Mail info@voorbeeld.nl of lees [de pagina over geld](geld.md "titel").\n\n'
        "![plaatje van een huis](huis.png)\n"
    )
    assert texts(md) == [
        "Dit is weg.",
        "Zie vet en en .",
        "Mail of lees de pagina over geld .",
    ]
    doc = parse(md)
    assert [(lk.text, lk.url, lk.line) for lk in doc.links] == [("de pagina over geld", "geld.md", 18)]
    in_link = [t.text for s in doc.sentences for t in s.tokens if t.in_link]
    assert in_link == ["de", "pagina", "over", "geld"]


def test_units_headings_lists_tables_admonitions():
    md = (
        "# Wat is alimentatie\n\n"
        "Gewone tekst.\n\n"
        "- Een lijstpunt zonder punt\n"
        "- Nog een lijstpunt\n"
        "  dat doorloopt\n\n"
        "1. Genummerd punt\n\n"
        "| Wat | Hoeveel |\n|-----|:-------:|\n| Huur | € 800 |\n\n"
        '!!! tip "Goed om te weten"\n    Tekst in de tip.\n\n'
        '=== "Tab een"\n    Tekst in het tabblad.\n\n'
        "> Een citaat.\n"
    )
    doc = parse(md)
    got = [(s.kind, s.text) for s in doc.sentences]
    assert got == [
        (HEADING, "Wat is alimentatie"),
        (PARAGRAPH, "Gewone tekst."),
        (LIST_ITEM, "Een lijstpunt zonder punt"),
        (LIST_ITEM, "Nog een lijstpunt dat doorloopt"),
        (LIST_ITEM, "Genummerd punt"),
        (TABLE_CELL, "Wat"),
        (TABLE_CELL, "Hoeveel"),
        (TABLE_CELL, "Huur"),
        (TABLE_CELL, "€ 800"),
        (TITLE, "Goed om te weten"),
        (PARAGRAPH, "Tekst in de tip."),
        (TITLE, "Tab een"),
        (PARAGRAPH, "Tekst in het tabblad."),
        (PARAGRAPH, "Een citaat."),
    ]


def test_setext_heading_and_rule():
    doc = parse("Titel hier\n==========\n\nTekst.\n\n---\n\nMeer tekst.\n")
    assert [(s.kind, s.text) for s in doc.sentences] == [
        (HEADING, "Titel hier"),
        (PARAGRAPH, "Tekst."),
        (PARAGRAPH, "Meer tekst."),
    ]


def test_a_list_item_without_full_stop_is_one_sentence():
    doc = parse("- wat je samen afspreekt over de kinderen\n- wie wat betaalt\n")
    assert [s.words for s in doc.sentences] == [7, 3]


def test_abbreviations_and_numbers_do_not_end_a_sentence():
    md = (
        "Denk bijv. aan school, o.a. de kosten, d.w.z. het geld, i.p.v. de tijd, bv. de fiets, "
        "ca. 3,5 % of € 1.000,- per maand, zie art. 1:247 BW en boeken, kleren enz. voor je kind. "
        "Mr. De Vries helpt. Daarna bel je."
    )
    assert texts(md) == [
        "Denk bijv. aan school, o.a. de kosten, d.w.z. het geld, i.p.v. de tijd, bv. de fiets, "
        "ca. 3,5 % of € 1.000,- per maand, zie art. 1:247 BW en boeken, kleren enz. voor je kind.",
        "Mr. De Vries helpt.",
        "Daarna bel je.",
    ]
    tokens = [t.text for t in parse(md).sentences[0].tokens]
    assert "1.000" in tokens and "3,5" in tokens and "1:247" in tokens and "d.w.z" in tokens


def test_sentence_final_abbreviation_and_names():
    assert texts("Boeken, kleren enz. Daarna gaan we.") == ["Boeken, kleren enz.", "Daarna gaan we."]
    # "jan." is a month abbreviation, but "Jan." at the end of a sentence is a name.
    assert texts("Dit is meester Jan. Hij is 75 jaar.") == ["Dit is meester Jan.", "Hij is 75 jaar."]
    assert texts("Op 3 jan. 2026 begint het.") == ["Op 3 jan. 2026 begint het."]
    assert texts("Het was J. de Vries. Zij belde.") == ["Het was J. de Vries.", "Zij belde."]
    assert texts("Echt? Ja! Goed zo.") == ["Echt?", "Ja!", "Goed zo."]


def test_line_numbers_point_to_the_source():
    md = (
        "---\ntitle: x\n---\n"  # lines 1-3
        "\n"  # 4
        "# Kop\n"  # 5
        "\n"  # 6
        "Eerste zin op regel zeven. Tweede zin\n"  # 7
        "loopt door. Derde zin op regel acht.\n"  # 8
        "<!-- een\ncommentaar -->\n"  # 9-10
        "Regel elf.\n"  # 11
    )
    doc = parse(md)
    assert [(s.text, s.line) for s in doc.sentences] == [
        ("Kop", 5),
        ("Eerste zin op regel zeven.", 7),
        ("Tweede zin loopt door.", 7),
        ("Derde zin op regel acht.", 8),
        ("Regel elf.", 11),
    ]
    second = doc.sentences[2]
    assert [(t.text, t.line) for t in second.tokens] == [("Tweede", 7), ("zin", 7), ("loopt", 8), ("door", 8)]


def test_crlf_line_endings_keep_line_numbers():
    doc = parse("# Kop\r\n\r\nTekst op drie.\r\n")
    assert [(s.text, s.line) for s in doc.sentences] == [("Kop", 1), ("Tekst op drie.", 3)]


def test_emphasis_attributes_emoji_and_snippets_are_removed():
    md = (
        "**Vet** en _schuin_ en ~~weg~~ :material-phone: bellen.\n\n"
        "[Tekst](a.md){ target=_blank } hier.\n\n"
        '--8<-- "stukje.md"\n\n'
        "*[LBIO]: Landelijk Bureau Inning Onderhoudsbijdragen\n"
    )
    assert texts(md) == ["Vet en schuin en weg bellen.", "Tekst hier."]


def test_offsets_of_clean_text_match_the_source():
    md = "# Kop\n\nZie [de **pagina**](x.md) en `code`.\n"
    doc = parse(md)
    assert len(doc.clean) == len(doc.source)
    for s in doc.sentences:
        for t in s.tokens:
            assert doc.source[t.start : t.end] == t.text


def test_block_level_html_starts_new_units():
    md = (
        '<div class="aanbod"><h3>Hulp van de gemeente</h3><p>Bel de gemeente. Zij helpen.</p>'
        "<dl><dt>Bellen</dt><dd>14 076</dd></dl></div>\n\n"
        "<pre>indien code</pre>\n\n"
        "<ul><li>Een</li><li>Twee</li></ul>\n"
    )
    doc = parse(md)
    assert [(s.kind, s.text, s.line) for s in doc.sentences] == [
        (HEADING, "Hulp van de gemeente", 1),
        (PARAGRAPH, "Bel de gemeente.", 1),
        (PARAGRAPH, "Zij helpen.", 1),
        (LIST_ITEM, "Bellen", 1),
        (LIST_ITEM, "14 076", 1),
        (LIST_ITEM, "Een", 5),
        (LIST_ITEM, "Twee", 5),
    ]
