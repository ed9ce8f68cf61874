"""Small text helpers: phone numbers become tel: links, nothing else changes."""
from __future__ import annotations

from tools.core.text import link_phone_numbers


def test_helpline_numbers_become_links():
    html = "<p>Bel gratis: <strong>0800-0432</strong>. Of bel 113 of 0800 0113. Bel 112 bij gevaar.</p>"
    out = link_phone_numbers(html)
    assert '<strong><a href="tel:08000432">0800-0432</a></strong>' in out
    assert '<a href="tel:113">113</a>' in out and '<a href="tel:08000113">0800 0113</a>' in out
    assert '<a href="tel:112">112</a>' in out


def test_existing_links_code_and_other_numbers_stay():
    html = ('<p><a href="tel:08002000">0800-2000</a> <code>0800-1234</code> '
            'Er zijn 113 kinderen. Artikel 1:247. Postcode 4921 AB. <a href="https://x.nl/0800-1111">x</a></p>')
    assert link_phone_numbers(html) == html


def test_attributes_are_not_touched():
    html = '<img alt="0800-0432" src="a.png"><p title="0900-8844">Politie: 0900-8844</p>'
    out = link_phone_numbers(html)
    assert 'alt="0800-0432"' in out and 'title="0900-8844"' in out
    assert out.endswith('Politie: <a href="tel:09008844">0900-8844</a></p>')


def test_short_numbers_in_bold_and_after_a_few_words():
    out = link_phone_numbers("<p>Bel <strong>112</strong>. Bel dan gratis <strong>113</strong> of chat.</p>")
    assert '<strong><a href="tel:112">112</a></strong>' in out and '<strong><a href="tel:113">113</a></strong>' in out
    html = '<p title="Bel 112">x</p><a href="tel:112">Bel 112</a>'
    assert link_phone_numbers(html) == html
