"""B1 readability checker for the Dutch pages of "Relatie & Scheiding".

Public API (see the docstrings):

- `check_markdown(text, path, *, profile=None, glossary=None) -> (findings, exceptions)`
- `check_text_field(text, path, line, field, *, profile=None) -> findings`
- `load_glossary(path=None) -> list[Term]` (raises `GlossaryError`)
- `RULES`: rule id -> (severity, description); `PROFILES`: "standaard", "jongeren"

Command line: `python -m tools.b1 --help`.
"""
from .check import check_markdown, check_text_field, is_translation, resolve_profile
from .glossary import DEFAULT_GLOSSARY, GlossaryError, GlossaryMatcher, Term, load_glossary
from .profiles import JONGEREN, PROFILES, STANDAARD, Profile
from .rules import IGNORABLE, RULES, douma_score

__all__ = [
    "check_markdown",
    "check_text_field",
    "load_glossary",
    "GlossaryError",
    "GlossaryMatcher",
    "Term",
    "DEFAULT_GLOSSARY",
    "Profile",
    "PROFILES",
    "STANDAARD",
    "JONGEREN",
    "RULES",
    "IGNORABLE",
    "is_translation",
    "resolve_profile",
    "douma_score",
]
