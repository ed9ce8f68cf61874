"""Thresholds per audience, calibrated on real texts (tests/fixtures/b1/, see tools/b1/README.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    name: str
    #: a sentence (or heading, list item) with more words than this is long for B1. One such
    #: sentence in a page is advisory ('zin-boven-grens'); in a text field it is blocking.
    max_sentence: int = 25
    #: blocking on a page: a sentence with more words than this hard cap ('zin-te-lang')
    hard_cap: int = 40
    #: blocking: more than this share of a page's sentences is long (> max_sentence) ...
    max_long_share: float = 0.125
    #: ... and at least this many of them: one long sentence never blocks a page on its own
    min_long_sentences: int = 2
    #: advisory: sentences from this many words up to max_sentence
    long_sentence: int = 16
    #: blocking: average words per sentence above this (pages of min_page_words or more),
    #: measured without the single longest sentence (that one is judged by the rules above)
    max_average: float = 15.0
    min_page_words: int = 100
    #: advisory: individual long sentences are listed up to this many, then summarised
    list_long_sentences: int = 3
    #: advisory: share of sentences in the passive voice
    max_passive: float = 0.10
    min_passive_sentences: int = 2
    #: advisory: sentences in one paragraph
    max_paragraph: int = 5
    #: advisory: Flesch-Douma score below this (pages of min_page_words or more)
    min_douma: float = 60.0
    #: advisory: share of words outside the 5,000 most frequent (after exemptions)
    max_difficult_share: float = 0.10
    #: advisory: Zipf frequency below which a word is rare (unless a compound of common parts)
    rare_zipf: float = 2.5
    #: both parts of a compound need at least this Zipf frequency
    compound_part_zipf: float = 3.3
    #: advisory: words with at least this many syllables...
    long_word_syllables: int = 5
    #: ...unless the word is this frequent (mogelijkheden, minderjarige, uitzonderingen)
    long_word_common_zipf: float = 3.5
    #: word advisories per rule listed one by one; more are summarised
    list_words: int = 10


STANDAARD = Profile("standaard")
JONGEREN = Profile(
    "jongeren",
    max_sentence=18,
    hard_cap=30,
    long_sentence=13,
    max_average=12.0,
    max_paragraph=4,
    min_douma=65.0,
)

PROFILES = {p.name: p for p in (STANDAARD, JONGEREN)}
