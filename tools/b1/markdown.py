"""Turn a Markdown page into measurable text, keeping exact source positions.

Every cleaning step *blanks* characters (replaces them with spaces, keeping newlines), so an
offset in the cleaned text is the same offset in the source, and line numbers stay exact.

Structure:
- `Document.units`: headings, list items, paragraphs, table cells and admonition titles; each
  unit is measured on its own (a list item without a full stop is one sentence).
- `Unit.sentences`: sentences split at . ! ? with abbreviations and numbers protected.
- `Sentence.tokens`: word tokens with offsets and line numbers.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import yaml

# Kinds of units.
HEADING = "kop"
LIST_ITEM = "lijst"
PARAGRAPH = "alinea"
TABLE_CELL = "tabel"
TITLE = "titel"  # admonition or content-tab title

#: Units whose sentences count for page averages, passive share and Douma.
RUNNING_TEXT = (PARAGRAPH, LIST_ITEM)

# Abbreviations after which a full stop never ends a sentence (lower case, with final dot).
ABBREVIATIONS = frozenset(
    """
    bijv. bv. b.v. o.a. d.w.z. i.p.v. ca. c.a. m.b.t. t.a.v. i.v.m. n.a.v. o.b.v. m.u.v. zgn. z.g.
    z.g.a.n. resp. nl. evt. incl. excl. max. ong. mr. mevr. dhr. drs. dr. ir. prof. ing. st. nr.
    nrs. art. artt. jl. vs. e.v. z.s.m. a.u.b. s.v.p. tel. blz. pag. vgl. mln. mld. gem. afd.
    o.m. e.d. e.a. enz. etc. jan. feb. febr. mrt. apr. jun. jul. aug. sep. sept. okt. nov. dec.
    t.z.t. i.o.m. p.p. c.q. vlg. ovb. red. hfd. hst. par. bijz. vnl. wo. do. vr. za.
    """.split()
)
#: Abbreviations that may start with a capital (titles, or at the start of a sentence).
CAPITALISED_ABBREVIATIONS = frozenset(
    """mr. mevr. dhr. drs. dr. ir. prof. ing. st. art. artt. nr. nrs. bijv. bv. b.v. ca. c.a. zgn.
    z.g. evt. vgl. blz. tel. o.a. d.w.z. i.p.v. m.b.t. t.a.v. i.v.m. n.a.v. o.b.v. m.u.v. incl.
    excl. max. ong. resp. nl. pag. vnl. red.""".split()
)
#: Abbreviations that often end a sentence: split after them when a capital letter follows.
SENTENCE_FINAL_ABBREVIATIONS = frozenset("enz. etc. e.d. e.a. jl. e.v.".split())

# A word: letters/digits, joined by inner - ' ’ . , / (1.500, 3,5, co-ouderschap, z'n, d.w.z).
WORD_RE = re.compile(r"(?<![\w'’])['’][stn](?![\w])|\w+(?:[-'’./,]\w+|:\d+)*", re.UNICODE)
_LETTER_RE = re.compile(r"[^\W\d_]")
_DIGIT_RE = re.compile(r"\d")

_SENTENCE_END_RE = re.compile(r"[.!?…]+(?:[\"'”’»)\]]+)?(?=\s|$)")
_PREV_WORD_RE = re.compile(r"(\S+)$")


def _blank(s: str) -> str:
    """Spaces for every character except newlines."""
    return re.sub(r"[^\n]", " ", s)


def _blank_match(m: re.Match) -> str:
    return _blank(m.group(0))


@dataclass
class Token:
    text: str
    start: int
    end: int
    line: int
    in_link: bool = False

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_number(self) -> bool:
        return bool(_DIGIT_RE.search(self.text))

    @property
    def has_letter(self) -> bool:
        return bool(_LETTER_RE.search(self.text))


@dataclass
class Sentence:
    text: str  # whitespace-normalised text as the reader sees it
    start: int
    end: int
    line: int
    tokens: list[Token]
    unit: Unit
    index: int = 0  # position in document order

    @property
    def words(self) -> int:
        return len(self.tokens)

    @property
    def kind(self) -> str:
        return self.unit.kind


@dataclass
class Unit:
    kind: str
    start: int
    end: int
    line: int = 0
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Link:
    start: int  # of the link text in the cleaned text
    end: int
    text: str
    url: str
    line: int


@dataclass
class Document:
    path: str
    source: str  # newline-normalised source
    clean: str  # same length as source
    front_matter: dict
    front_matter_node: object | None  # yaml node (for line numbers), or None
    front_matter_error: str | None
    front_matter_first_line: int  # file line of the first YAML line (2 when there is front matter)
    units: list[Unit]
    links: list[Link]
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _sentences: list[Sentence] | None = field(default=None, repr=False)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    @property
    def sentences(self) -> list[Sentence]:
        """All sentences in document order (sentence.index is the position in this list)."""
        if self._sentences is None:
            self._sentences = [s for u in self.units for s in u.sentences]
        return self._sentences



# --------------------------------------------------------------------------- front matter

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?)(?:^|\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def _parse_front_matter(text: str):
    """Return (data, node, error, span_end)."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return {}, None, None, 0
    body = m.group(1)
    try:
        loader = yaml.CSafeLoader(body) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(body)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (regel {mark.line + 2})" if mark is not None else ""
        return {}, None, f"De front matter is geen geldige YAML{where}: {getattr(exc, 'problem', exc)}", m.end()
    if not isinstance(data, dict):
        return {}, None, "De front matter moet een lijst van sleutels en waarden zijn.", m.end()
    return data, node, None, m.end()


# --------------------------------------------------------------------------- block level

_FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_HTML_TAG_RE = re.compile(r"</?([A-Za-z][\w:-]*)(?:\s[^<>]*?)?/?>|<(?:https?|mailto|ftp):[^>\s]*>")
_HTML_CODE_RE = re.compile(r"<(script|style|pre|code|svg|math)\b.*?</\1\s*>", re.S | re.I)
#: HTML elements that start a new unit, and the kind of unit their text is
_HTML_BLOCKS = {
    **{f"h{i}": HEADING for i in range(1, 7)},
    **dict.fromkeys("li dt dd".split(), LIST_ITEM),
    **dict.fromkeys("td th".split(), TABLE_CELL),
    **dict.fromkeys("""p div section article aside header footer main nav details summary figure
        figcaption blockquote dl ul ol table tr thead tbody tfoot form fieldset address br hr""".split(),
                    PARAGRAPH),
}
_ATX_RE = re.compile(r"^([ \t]{0,3})(#{1,6})(?=\s|$)(.*?)(\s#+\s*)?$")
_SETEXT_RE = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
_HR_RE = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ADMONITION_RE = re.compile(
    r'^([ \t]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+[\w-]+)*[ \t]*)(?:"(.*)")?([ \t]*)$'
)
_TAB_RE = re.compile(r'^([ \t]*===\+?[ \t]*)"(.*)"([ \t]*)$')
_BLOCKS_RE = re.compile(r"^([ \t]*/{3,}[ \t]*[\w-]*[ \t]*)(?:\|[ \t]*(.*))?$")
_LIST_RE = re.compile(r"^([ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)(?=\S)")
_DEFLIST_RE = re.compile(r"^([ \t]*:[ \t]+)(?=\S)")
_FOOTNOTE_DEF_RE = re.compile(r"^([ \t]*\[\^[^\]]+\]:[ \t]*)")
_REF_DEF_RE = re.compile(r"^[ \t]{0,3}\[[^\]^][^\]]*\]:[ \t]*\S+.*$")
_ABBR_DEF_RE = re.compile(r"^[ \t]*\*\[[^\]]+\]:.*$")
_SNIPPET_RE = re.compile(r"^[ \t]*-{2,}8<-{2,}")  # pymdownx.snippets: --8<-- "file.md"
_QUOTE_RE = re.compile(r"^([ \t]*>[ \t>]*)")
_TABLE_SEP_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")


def _blank_fenced_code(lines: list[str]) -> None:
    fence = None
    for i, line in enumerate(lines):
        if fence is None:
            m = _FENCE_RE.match(line)
            if m:
                fence = m.group(1)
                lines[i] = _blank(line)
        else:
            stripped = line.strip()
            if stripped.startswith(fence[0] * len(fence)) and set(stripped) <= {fence[0]}:
                fence = None
            lines[i] = _blank(line)


def _is_table_row(line: str) -> bool:
    return "|" in line


def _split_cells(line: str) -> list[tuple[int, int]]:
    """Cell spans (start, end) within the line; pipes are separators (unless escaped)."""
    spans = []
    start = 0
    i = 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == "|":
            spans.append((start, i))
            start = i + 1
        i += 1
    spans.append((start, len(line)))
    return [(a, b) for a, b in spans if line[a:b].strip()]


def _blocks(text: str, line_starts: list[int]) -> tuple[str, list[Unit]]:
    """Classify lines into units and blank block markers. Returns (text, units)."""
    lines = text.split("\n")
    units: list[Unit] = []
    cur: Unit | None = None
    cur_first_line = -1
    in_table = False

    def close():
        nonlocal cur
        if cur is not None:
            units.append(cur)
        cur = None

    def span_unit(kind, i, a, b):
        off = line_starts[i]
        units.append(Unit(kind, off + a, off + b, i + 1))

    for i, line in enumerate(lines):
        off = line_starts[i]
        end = off + len(line)
        if not line.strip():
            close()
            in_table = False
            continue
        if _REF_DEF_RE.match(line) or _ABBR_DEF_RE.match(line) or _SNIPPET_RE.match(line):
            lines[i] = _blank(line)
            close()
            continue
        m = _ADMONITION_RE.match(line)
        if m:
            close()
            title = m.group(2)
            lines[i] = _blank(line)
            if title and title.strip():
                a = line.index('"', len(m.group(1))) + 1
                lines[i] = lines[i][:a] + title + lines[i][a + len(title):]
                span_unit(TITLE, i, a, a + len(title))
            continue
        m = _TAB_RE.match(line) or _BLOCKS_RE.match(line)
        if m:
            close()
            title = m.group(2) or ""
            lines[i] = _blank(line)
            if title.strip():
                a = line.index(title, len(m.group(1)))
                lines[i] = lines[i][:a] + title + lines[i][a + len(title):]
                span_unit(TITLE, i, a, a + len(title))
            continue
        m = _ATX_RE.match(line)
        if m:
            close()
            a = len(m.group(1)) + len(m.group(2))
            b = a + len(m.group(3))
            lines[i] = _blank(line[:a]) + line[a:b] + _blank(line[b:])
            span_unit(HEADING, i, a, b)
            continue
        if _SETEXT_RE.match(line) and cur is not None and cur.kind == PARAGRAPH and cur_first_line == i - 1:
            cur.kind = HEADING
            lines[i] = _blank(line)
            close()
            continue
        if _HR_RE.match(line):
            lines[i] = _blank(line)
            close()
            continue
        if _is_table_row(line) and (
            in_table or (i + 1 < len(lines) and _TABLE_SEP_RE.match(lines[i + 1]) and "|" in lines[i + 1])
        ):
            close()
            in_table = True
            if _TABLE_SEP_RE.match(line):
                lines[i] = _blank(line)
                continue
            cells = _split_cells(line)
            lines[i] = "".join(" " if ch == "|" else ch for ch in line)
            for a, b in cells:
                span_unit(TABLE_CELL, i, a, b)
            continue
        in_table = False
        m = _QUOTE_RE.match(line)
        if m:
            line = _blank(m.group(1)) + line[m.end():]
            lines[i] = line
            if not line.strip():
                close()
                continue
        m = _LIST_RE.match(line) or _DEFLIST_RE.match(line) or _FOOTNOTE_DEF_RE.match(line)
        if m:
            close()
            lines[i] = _blank(m.group(1)) + line[m.end():]
            cur = Unit(LIST_ITEM, off + m.end(), end, i + 1)
            cur_first_line = i
            continue
        if cur is None or cur.kind not in (PARAGRAPH, LIST_ITEM):
            close()
            cur = Unit(PARAGRAPH, off, end, i + 1)
            cur_first_line = i
        else:
            cur.end = end
    close()
    return "\n".join(lines), units


# --------------------------------------------------------------------------- inline level

_INLINE_CODE_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_IMAGE_RE = re.compile(r"!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_LINK_RE = re.compile(
    r"\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]"
    r"(?:\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
    r"|\[(?P<ref>[^\]\n]*)\])"
)
_FOOTNOTE_REF_RE = re.compile(r"\[\^[^\]\n]+\]")
_URL_RE = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_ATTR = r"""(?:[.#][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}]+))"""
_ATTR_LIST_RE = re.compile(r"\{:?[ \t]*" + _ATTR + r"(?:[ \t]+" + _ATTR + r")*[ \t]*\}|\{:[^}\n]*\}")
_TEMPLATE_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_EMPHASIS_RE = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|~~|==|\^\^|\+\+")
_EMOJI_RE = re.compile(r"(?<![\w:]):[a-z][a-z0-9_+-]*:(?![\w:])")  # :material-phone:
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~=^])")
_ENTITIES = {"&amp;": "&", "&nbsp;": " ", "&euro;": "€", "&lt;": "<", "&gt;": ">", "&quot;": '"'}


def _inline(text: str, line_starts: list[int]) -> tuple[str, list[Link]]:
    text = _INLINE_CODE_RE.sub(_blank_match, text)
    text = _TEMPLATE_RE.sub(_blank_match, text)
    text = _IMAGE_RE.sub(_blank_match, text)
    links: list[Link] = []

    def link(m: re.Match) -> str:
        whole = m.group(0)
        label = m.group("text")
        a = m.start("text") - m.start()
        links.append(
            Link(m.start("text"), m.end("text"), label, m.group("url") or m.group("ref") or "",
                 bisect.bisect_right(line_starts, m.start("text")))
        )
        return _blank(whole[:a]) + label + _blank(whole[a + len(label):])

    text = _LINK_RE.sub(link, text)
    text = _FOOTNOTE_REF_RE.sub(_blank_match, text)
    text = _URL_RE.sub(_blank_match, text)
    text = _EMAIL_RE.sub(_blank_match, text)
    text = _ATTR_LIST_RE.sub(_blank_match, text)
    text = _EMOJI_RE.sub(_blank_match, text)
    text = _ENTITY_RE.sub(lambda m: _ENTITIES.get(m.group(0), " ").ljust(len(m.group(0))), text)
    text = _ESCAPE_RE.sub(lambda m: " " + m.group(1), text)
    text = _EMPHASIS_RE.sub(_blank_match, text)
    # Links inside link text (rare) and nested brackets: strip leftover brackets.
    return text, links


# --------------------------------------------------------------------------- sentences


def _is_abbreviation(prev: str, next_char: str) -> bool:
    """Does the full stop after `prev` belong to an abbreviation (so no sentence end)?"""
    bare = prev.lstrip("([{\"'‘“«")
    word = bare.lower() + "."
    # Month and day abbreviations are lower case in Dutch: "Jan." is a name ending a sentence.
    if word in ABBREVIATIONS and (bare[:1].islower() or word in CAPITALISED_ABBREVIATIONS):
        return not (word in SENTENCE_FINAL_ABBREVIATIONS and next_char.isupper())
    core = word[:-1]
    if len(core) == 1 and core.isalpha():  # an initial: "J. de Vries"
        return True
    if re.fullmatch(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}", core):  # unknown dotted abbreviation
        return not next_char.isupper()
    return False


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans within `text` (offsets relative to text)."""
    spans = []
    start = 0
    n = len(text)
    for m in _SENTENCE_END_RE.finditer(text):
        end = m.end()
        j = end
        while j < n and text[j].isspace():
            j += 1
        if j >= n:
            break
        next_char = text[j]
        if next_char.islower():
            continue
        if m.group(0)[0] in ".…" and len(m.group(0).rstrip("\"'”’»)]")) == 1:
            pm = _PREV_WORD_RE.search(text, 0, m.start())
            if pm and _is_abbreviation(pm.group(1), next_char):
                continue
        spans.append((start, end))
        start = j
    if text[start:].strip():
        spans.append((start, n))
    return spans


def _tokens(clean: str, start: int, end: int, doc_lines: list[int], link_spans) -> list[Token]:
    out = []
    for m in WORD_RE.finditer(clean, start, end):
        a = m.start()
        in_link = False
        if link_spans:
            k = bisect.bisect_right(link_spans, (a, float("inf"))) - 1
            in_link = k >= 0 and link_spans[k][0] <= a < link_spans[k][1]
        out.append(Token(m.group(0), a, m.end(), bisect.bisect_right(doc_lines, a), in_link))
    return out


def _split_at_html(units: list[Unit], breaks: list[tuple[int, str]]) -> list[Unit]:
    """Block-level HTML tags (<p>, <li>, <dt>, <h3>, ...) end a unit; the tag sets the next kind."""
    offsets = [b[0] for b in breaks]
    out = []
    for u in units:
        i = bisect.bisect_left(offsets, u.start)
        start, kind = u.start, u.kind
        while i < len(breaks) and breaks[i][0] < u.end:
            at, next_kind = breaks[i]
            if at > start:
                out.append(Unit(kind, start, at, u.line))
            start, kind = at, (next_kind if u.kind == PARAGRAPH else u.kind)
            i += 1
        out.append(Unit(kind, start, u.end, u.line))
    return out


def parse(text: str, path: str = "", *, front_matter: bool = True) -> Document:
    """Parse Markdown `text` into a Document (see module docstring)."""
    source = text.replace("\r\n", "\n").replace("\r", "\n")
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
    data, node, error, fm_end = ({}, None, None, 0)
    if front_matter:
        data, node, error, fm_end = _parse_front_matter(source)
    work = _blank(source[:fm_end]) + source[fm_end:]
    work = _COMMENT_RE.sub(_blank_match, work)
    lines = work.split("\n")
    _blank_fenced_code(lines)
    work = "\n".join(lines)
    work = _HTML_CODE_RE.sub(_blank_match, work)
    html_breaks: list[tuple[int, str]] = []  # (offset, kind of the text after it)

    def html_tag(m: re.Match) -> str:
        name = (m.group(1) or "").lower()
        if name in _HTML_BLOCKS:
            closing = m.group(0).startswith("</")
            html_breaks.append((m.start(), PARAGRAPH if closing or name in ("br", "hr") else _HTML_BLOCKS[name]))
        return _blank(m.group(0))

    work = _HTML_TAG_RE.sub(html_tag, work)
    work, units = _blocks(work, line_starts)
    work, links = _inline(work, line_starts)
    assert len(work) == len(source)

    link_spans = sorted((lk.start, lk.end) for lk in links)
    index = 0
    if html_breaks:
        units = _split_at_html(units, html_breaks)
    kept_units = []
    for unit in units:
        for a, b in split_sentences(work[unit.start:unit.end]):
            a += unit.start
            b += unit.start
            toks = [t for t in _tokens(work, a, b, line_starts, link_spans) if t.has_letter or t.is_number]
            if not toks:
                continue
            seg = work[a:b]
            first = a + len(seg) - len(seg.lstrip())
            sent = Sentence(" ".join(work[first:b].split()), first, b, toks[0].line, toks, unit, index)
            index += 1
            unit.sentences.append(sent)
        if unit.sentences:
            unit.line = unit.sentences[0].line
            kept_units.append(unit)
    for lk in links:
        lk.text = " ".join(work[lk.start:lk.end].split())
    return Document(
        path=path,
        source=source,
        clean=work,
        front_matter=data,
        front_matter_node=node,
        front_matter_error=error,
        front_matter_first_line=2,
        units=kept_units,
        links=links,
        _line_starts=line_starts,
    )
