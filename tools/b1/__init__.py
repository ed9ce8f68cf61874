"""B1 readability checker for the Dutch pages of "Relatie & Scheiding".

Public API (see the docstrings):

- `check_markdown(text, path, *, profile=None, glossary=None) -> (findings, exceptions)`: the
  language-level verdict (sentence length, officialese, average, advice on words, passive, ...)
- `check_terms(text, path, *, profile=None, glossary=None) -> (findings, exceptions)`: the site's
  own editorial rule (glossary terms explained on first use), run by `python -m tools check`
- `check_text_field(text, path, line, field, *, profile=None) -> findings`
- `load_glossary(path=None) -> list[Term]` (raises `GlossaryError`)
- `RULES`: language rule id -> (severity, description); `EDITORIAL_RULES`: the site's own rule;
  `PROFILES`: "standaard", "jongeren"

Command line: `python -m tools.b1 --help`.
"""

from .check import check_markdown, check_terms, check_text_field, is_translation, resolve_profile
from .glossary import DEFAULT_GLOSSARY, GlossaryError, GlossaryMatcher, Term, load_glossary
from .profiles import JONGEREN, PROFILES, STANDAARD, Profile
from .rules import EDITORIAL_RULES, IGNORABLE, RULES, douma_score, robust_average

__all__ = [
    "check_markdown",
    "check_terms",
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
    "EDITORIAL_RULES",
    "robust_average",
    "IGNORABLE",
    "is_translation",
    "resolve_profile",
    "douma_score",
]
