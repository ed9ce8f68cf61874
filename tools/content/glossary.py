"""Glossary output for the site: the generated "Woordenlijst" page (nl, en) and tooltip definitions.

Tooltips use Python-Markdown's `abbr` extension (`*[term]: explanation`), which Material shows as a
tooltip with `content.tooltips`: no JavaScript of ours, and a plain `title` without it.
"""

from __future__ import annotations

import json

from tools.b1.glossary import Term
from tools.core.escape import md_inline
from tools.core.labels import label

GLOSSARY_PAGES = {"nl": "woordenlijst.md", "en": "woordenlijst.en.md"}


def glossary_page(terms: list[Term], lang: str) -> str:
    title, description, intro = (label(lang, f"glossary_{k}") for k in ("title", "description", "intro"))
    front = {
        "title": title,
        "description": description,
        "doelgroep": "iedereen",
        "gegenereerd": True,
        "zoekwoorden": ["woordenlijst", "betekenis", "wat betekent"]
        if lang == "nl"
        else ["glossary", "meaning", "what does it mean"],
    }
    lines = (
        ["---"]
        + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()]
        + [
            "---",
            "<!-- Gemaakt door tools/content/glossary.py uit docs/_data/woordenlijst.yml. Niet met de hand aanpassen. -->",
            f"# {title}",
            "",
            intro,
            "",
        ]
    )
    key = (lambda t: t.term.lower()) if lang == "nl" else (lambda t: t.en.lower())
    for term in sorted(terms, key=key):
        heading = term.term if lang == "nl" else f"{term.en} ({term.term})"
        lines += [f"## {md_inline(heading)} {{#{term.slug or 'term'}}}", "", md_inline(term.uitleg[lang]), ""]
    # One definition per block: Markdown re-tests a whole block after each definition it takes from
    # it, so 80 definitions in one block cost ~85 ms per page and separate blocks ~1 ms.
    return "\n\n".join(lines)


def render_glossary(terms: list[Term]) -> dict[str, str]:
    return {path: glossary_page(terms, lang) for lang, path in GLOSSARY_PAGES.items()}


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("]", ")").replace("[", "(")


def abbreviations(terms: list[Term], lang: str) -> str:
    """`*[form]: explanation` lines for every term form in the page's language."""
    lines = []
    for term in terms:
        forms = term.forms if lang == "nl" else (term.en,)
        for form in forms:
            if form and "]" not in form:
                lines.append(f"*[{form}]: {_one_line(term.uitleg[lang])}")
    # One definition per block: Markdown re-tests a whole block after each definition it takes from
    # it, so 80 definitions in one block cost ~85 ms per page and separate blocks ~1 ms.
    return "\n\n".join(lines)
