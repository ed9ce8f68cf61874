"""'Wat moet ik regelen?': load and validate docs/_data/taken.yml, choose tasks, render the page parts.

One data file holds the questions and the tasks with their rules (`als`, `niet_als`). The same
validated objects give the no-JavaScript page (every task, grouped by moment) and the JSON rules
the browser evaluates (docs/assets/js/regelen.js), so no rule is written twice.
"""

from __future__ import annotations

import difflib
import functools
import html
import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tools.core.findings import Finding
from tools.core.labels import label
from tools.core.pages import decode
from tools.hulp.load import _compose, _Reader, valid_https_url
from tools.hulp.model import Dataset, Text

TASKS_FILE = "docs/_data/taken.yml"
INLINE_LIST_MAX = 12  # same limit as the referral blocks: above it, link to the overview

# A condition is a tuple of alternatives (OR); each alternative maps question -> allowed answers (AND).
Condition = tuple[tuple[tuple[str, frozenset[str]], ...], ...]


@dataclass(frozen=True)
class Answer:
    id: str
    tekst: Text
    onveilig: bool = False


@dataclass(frozen=True)
class Question:
    id: str
    vraag: Text
    antwoorden: tuple[Answer, ...]
    uitleg: Text | None = None
    toon_als: Condition = ()
    line: int = 0

    def answer(self, aid: str) -> Answer | None:
        return next((a for a in self.antwoorden if a.id == aid), None)


@dataclass(frozen=True)
class Task:
    id: str
    wanneer: str
    titel: Text
    uitleg: Text
    paginas: tuple[str, ...]
    hulp: tuple[str, ...]
    als: Condition = ()
    niet_als: Condition = ()
    termijn: Text | None = None
    samen: bool = False
    bron: str = ""
    line: int = 0


@dataclass
class TaskSet:
    momenten: dict[str, Text] = field(default_factory=dict)
    vragen: dict[str, Question] = field(default_factory=dict)
    taken: list[Task] = field(default_factory=list)


# ---------------------------------------------------------------------------- rules


def holds(condition: Condition, answers: dict[str, object]) -> bool:
    """True when one alternative holds: every question in it has one of the allowed answers.

    An answer may be a string or a list (several boxes ticked). An empty condition always holds."""
    if not condition:
        return True
    for alternative in condition:
        ok = True
        for qid, allowed in alternative:
            given = answers.get(qid)
            given_set = set(given) if isinstance(given, (list, tuple, set)) else {given}
            if not given_set & allowed:
                ok = False
                break
        if ok:
            return True
    return False


def applies(task: Task, answers: dict[str, object]) -> bool:
    return holds(task.als, answers) and not (task.niet_als and holds(task.niet_als, answers))


def choose(tasks: TaskSet, answers: dict[str, object]) -> list[Task]:
    """The tasks for these answers, in the order of the moments and then of the file."""
    order = list(tasks.momenten)
    chosen = [t for t in tasks.taken if applies(t, answers)]
    return sorted(chosen, key=lambda t: order.index(t.wanneer))


def condition_json(condition: Condition) -> list[dict[str, list[str]]]:
    return [{qid: sorted(allowed) for qid, allowed in alt} for alt in condition]


# ---------------------------------------------------------------------------- loading


class _TaskReader(_Reader):
    """The data reader, with a Dutch 'translation missing' rule for the texts."""

    def text(self, node, field):  # type: ignore[override]
        if node is None:
            return None
        if isinstance(node, yaml.MappingNode):
            keys = {str(k.value) for k, _ in node.value}
            if "nl" in keys and "en" not in keys:
                self.error(
                    node,
                    f"{field}.en",
                    f"De Engelse vertaling van '{field}' ontbreekt.",
                    "Zet onder de Nederlandse tekst een regel 'en:' met de vertaling.",
                    rule="vertaling-ontbreekt",
                )
                return super().text(_with_en(node), field)
        return super().text(node, field)


def _with_en(node: yaml.MappingNode) -> yaml.MappingNode:
    """A copy of a {nl} mapping with an empty-text 'en', so loading can go on after the finding."""
    nl = next(v for k, v in node.value if str(k.value) == "nl")
    key = yaml.ScalarNode("tag:yaml.org,2002:str", "en", node.start_mark, node.end_mark)
    return yaml.MappingNode(node.tag, list(node.value) + [(key, nl)], node.start_mark, node.end_mark)


QUESTION_FIELDS = {"id": True, "vraag": True, "uitleg": False, "toon_als": False, "antwoorden": True}
ANSWER_FIELDS = {"id": True, "tekst": True, "onveilig": False}
TASK_FIELDS = {
    "id": True,
    "wanneer": True,
    "titel": True,
    "termijn": False,
    "uitleg": True,
    "pagina": True,
    "hulp": True,
    "als": False,
    "niet_als": False,
    "samen": False,
    "bron": False,
    "gecontroleerd": False,
}


def _condition(r: _TaskReader, node, field: str, questions: dict[str, Question]) -> Condition:
    if node is None:
        return ()
    alternatives = node.value if isinstance(node, yaml.SequenceNode) else [node]
    out = []
    for alt in alternatives:
        if not isinstance(alt, yaml.MappingNode):
            r.error(
                alt,
                field,
                f"'{field}' moet vragen met antwoorden zijn, zoals {{kinderen: ja}}.",
                "Schrijf de code van de vraag, een dubbele punt en de code van het antwoord.",
                rule="verkeerde-voorwaarde",
            )
            continue
        clauses = []
        for key_node, value_node in alt.value:
            qid = str(key_node.value)
            question = questions.get(qid)
            if question is None:
                close = difflib.get_close_matches(qid, list(questions), n=1)
                r.error(
                    key_node,
                    field,
                    f"De voorwaarde noemt de onbekende vraag '{qid}'.",
                    (f"Bedoel je '{close[0]}'? " if close else "") + "De vragen staan bovenaan onder 'vragen'.",
                    rule="verkeerde-voorwaarde",
                )
                continue
            values = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            allowed = set()
            for v in values:
                aid = str(v.value) if isinstance(v, yaml.ScalarNode) else ""
                if v.tag == "tag:yaml.org,2002:bool" or aid.lower() in ("true", "false", "yes", "no"):
                    aid = {"true": "ja", "yes": "ja", "false": "nee", "no": "nee"}.get(aid.lower(), aid)
                if question.answer(aid) is None:
                    r.error(
                        v,
                        field,
                        f"De vraag '{qid}' heeft geen antwoord '{aid}'.",
                        "Kies uit: " + ", ".join(a.id for a in question.antwoorden) + ".",
                        rule="verkeerde-voorwaarde",
                    )
                    continue
                allowed.add(aid)
            if allowed:
                clauses.append((qid, frozenset(allowed)))
        if clauses:
            out.append(tuple(clauses))
    return tuple(out)


def _ids(r: _TaskReader, node, field: str) -> list[tuple[str, yaml.Node]]:
    if isinstance(node, yaml.ScalarNode):
        return [(str(node.value).strip(), node)]
    out = []
    for item in r.sequence(node, field):
        value = r.scalar(item, field)
        if value:
            out.append((value, item))
    return out


def load_tasks(path: Path, root: Path, categories: dict, pages: dict[str, str]) -> tuple[TaskSet, list[Finding]]:
    """Load the questions and tasks. `pages`: docs-relative path -> Markdown text, to check links and anchors.

    Never raises on bad data: every problem is a Dutch Finding with file and line."""
    from tools.core.pages import anchors_of

    path = Path(path)
    try:
        display = path.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        display = path.as_posix()
    findings: list[Finding] = []
    result = TaskSet()
    if not path.exists():
        findings.append(
            Finding(
                display, 0, "bestand-ontbreekt", "Het bestand met de taken ontbreekt.", f"Zet de vragen en taken in {TASKS_FILE}."
            )
        )
        return result, findings
    node = _compose(path, findings, display)
    r = _TaskReader(display, findings)
    top = r.mapping(node, "bestand", {"momenten": True, "vragen": True, "taken": True}) if node is not None else None
    if not top:
        return result, findings
    for i, item in enumerate(r.sequence(top.get("momenten"), "momenten")):
        m = r.mapping(item, f"momenten[{i + 1}]", {"id": True, "naam": True})
        if m:
            mid = r.string(m.get("id"), f"momenten[{i + 1}].id")
            naam = r.text(m.get("naam"), f"momenten[{i + 1}].naam")
            if mid and naam:
                result.momenten[mid] = naam
    for i, item in enumerate(r.sequence(top.get("vragen"), "vragen")):
        f = f"vragen[{i + 1}]"
        m = r.mapping(item, f, QUESTION_FIELDS)
        if not m:
            continue
        qid = r.string(m.get("id"), f"{f}.id")
        answers = []
        for j, a_node in enumerate(r.sequence(m.get("antwoorden"), f"{f}.antwoorden")):
            af = f"{f}.antwoorden[{j + 1}]"
            am = r.mapping(a_node, af, ANSWER_FIELDS)
            if not am:
                continue
            aid, tekst = r.string(am.get("id"), f"{af}.id"), r.text(am.get("tekst"), f"{af}.tekst")
            if aid and tekst:
                answers.append(Answer(aid, tekst, r.boolean(am.get("onveilig"), f"{af}.onveilig", False)))
        vraag = r.text(m.get("vraag"), f"{f}.vraag")
        if qid in result.vragen:
            r.error(m.get("id"), f"{f}.id", f"De vraag '{qid}' staat er twee keer.", "Geef elke vraag een eigen code.")
            continue
        if qid and vraag and answers:
            q = Question(qid, vraag, tuple(answers), r.text(m.get("uitleg"), f"{f}.uitleg"), (), item.start_mark.line + 1)
            toon = _condition(r, m.get("toon_als"), f"{f}.toon_als", result.vragen)
            result.vragen[qid] = Question(q.id, q.vraag, q.antwoorden, q.uitleg, toon, q.line)
    unsafe = {(q.id, a.id) for q in result.vragen.values() for a in q.antwoorden if a.onveilig}
    seen: set[str] = set()
    for i, item in enumerate(r.sequence(top.get("taken"), "taken")):
        task = _task(r, item, f"taken[{i + 1}]", result, categories, pages, anchors_of, unsafe)
        if task is None:
            continue
        if task.id in seen:
            r.error(item, f"taken[{i + 1}].id", f"De taak '{task.id}' staat er twee keer.", "Geef elke taak een eigen code.")
            continue
        seen.add(task.id)
        result.taken.append(task)
    return result, findings


def _task(r, item, f, result: TaskSet, categories, pages, anchors_of, unsafe) -> Task | None:
    m = r.mapping(item, f, TASK_FIELDS)
    if not m:
        return None
    tid = r.string(m.get("id"), f"{f}.id")
    wanneer = r.string(m.get("wanneer"), f"{f}.wanneer")
    if wanneer and wanneer not in result.momenten:
        r.error(
            m.get("wanneer"),
            f"{f}.wanneer",
            f"'{wanneer}' is geen bekend moment.",
            "Kies uit: " + ", ".join(result.momenten) + ".",
            rule="onbekend-moment",
        )
        wanneer = ""
    hulp = []
    for cid, node in _ids(r, m.get("hulp"), f"{f}.hulp"):
        if categories and cid not in categories:
            close = difflib.get_close_matches(cid, list(categories), n=1)
            r.error(
                node,
                f"{f}.hulp",
                f"Onbekende hulpcategorie '{cid}'.",
                (f"Bedoel je '{close[0]}'? " if close else "") + "De categorieën staan in gemeenten/_categorieen.yml.",
                rule="onbekende-categorie",
            )
            continue
        hulp.append(cid)
    paginas = []
    for target, node in _ids(r, m.get("pagina"), f"{f}.pagina"):
        page, _, anchor = target.partition("#")
        if page not in pages:
            close = difflib.get_close_matches(page, list(pages), n=1)
            r.error(
                node,
                f"{f}.pagina",
                f"De pagina '{page}' bestaat niet.",
                (f"Bedoel je '{close[0]}'? " if close else "") + "Schrijf het .md-bestand uit docs/, zoals gezag.md.",
                rule="dode-link",
            )
            continue
        if anchor and anchor not in anchors_of(pages[page]):
            r.error(
                node,
                f"{f}.pagina",
                f"De pagina '{page}' heeft geen kopje '#{anchor}'.",
                "Kijk hoe het kopje heet. Het anker is de tekst van het kopje in kleine letters met streepjes.",
                rule="dode-link",
            )
            continue
        paginas.append(target)
    bron = r.string(
        m.get("bron"), f"{f}.bron", valid_https_url, "webadres", "Schrijf een volledig webadres dat begint met https://."
    )
    r.date(m.get("gecontroleerd"), f"{f}.gecontroleerd")  # optional; a bad or future date is a finding
    termijn = r.text(m.get("termijn"), f"{f}.termijn")
    if termijn and not bron:
        r.error(
            item,
            f"{f}.bron",
            f"De taak '{tid}' noemt een termijn, maar geen bron.",
            "Zet bij 'bron' de officiële pagina waar de termijn staat.",
            rule="bron-ontbreekt",
        )
    als = _condition(r, m.get("als"), f"{f}.als", result.vragen)
    niet_als = _condition(r, m.get("niet_als"), f"{f}.niet_als", result.vragen)
    samen = r.boolean(m.get("samen"), f"{f}.samen", False)
    if samen and unsafe:
        # A task that needs talking with the ex must never reach someone who is not safe at home.
        excluded = any(len(alt) == 1 and any((alt[0][0], a) in unsafe for a in alt[0][1]) for alt in niet_als)
        if not excluded:
            qid, aid = sorted(unsafe)[0]
            r.error(
                item,
                f"{f}.niet_als",
                f"De taak '{tid}' vraagt overleg met je ex, maar staat ook aan als het thuis niet veilig is.",
                f"Zet bij deze taak: niet_als: {{{qid}: {aid}}}",
                rule="samen-zonder-veiligheid",
            )
    titel, uitleg = r.text(m.get("titel"), f"{f}.titel"), r.text(m.get("uitleg"), f"{f}.uitleg")
    if not (tid and wanneer and titel and uitleg and paginas):
        return None
    return Task(
        tid, wanneer, titel, uitleg, tuple(paginas), tuple(hulp), als, niet_als, termijn, samen, bron, item.start_mark.line + 1
    )


def text_fields(path: Path) -> list[tuple[str, int, str]]:
    """Every Dutch text in the file as (field path, line, text), for the B1 gate."""
    out: list[tuple[str, int, str]] = []
    try:
        node = yaml.compose(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return out

    def walk(n, trail: str) -> None:
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                key = str(k.value)
                if key == "nl" and isinstance(v, yaml.ScalarNode):
                    out.append((f"{trail}.nl", v.start_mark.line + 1, str(v.value)))
                else:
                    walk(v, f"{trail}.{key}" if trail else key)
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                walk(v, f"{trail}[{i + 1}]")

    walk(node, "")
    return out


def docs_pages(docs: Path) -> dict[str, str]:
    """Every hand-written Markdown page under docs/ (posix path -> text), for link checks."""
    out = {}
    for p in Path(docs).rglob("*.md"):
        rel = p.relative_to(docs).as_posix()
        if rel.split("/")[0] in ("hulp", "redactie") or any(part.startswith(("_", ".")) for part in rel.split("/")):
            continue
        # A page in another encoding is reported by the page gates; here it only needs its headings.
        out[rel] = decode(p.read_bytes(), rel)[0]
    return out


def check(root: Path, categories: dict) -> list[Finding]:
    """All findings for the tasks file: structure, rules, links, categories, translations and B1."""
    from tools import b1

    root = Path(root)
    path = root / TASKS_FILE
    _, findings = load_tasks(path, root, categories, docs_pages(root / "docs"))
    display = TASKS_FILE
    for fname, line, value in text_fields(path):
        findings.extend(b1.check_text_field(value, display, line, fname))
    return findings


# ---------------------------------------------------------------------------- rendering


def esc(value: str) -> str:
    return html.escape(value, quote=True)


@functools.lru_cache(maxsize=512)
def _meta_title(text: str) -> str:
    from tools.core.pages import FRONT_RE

    m = FRONT_RE.match(text)
    if m:
        try:
            meta = yaml.load(m.group(1) or "", Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        except yaml.YAMLError:
            meta = {}
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"])
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


Linker = Callable[[str], str]  # docs-relative .md path -> href from the current page (without anchor)


def directory_linker(page_src: str) -> Linker:
    """Links as built with directory URLs (`gezag.md` -> `../gezag/`). The build passes MkDocs' own
    URLs instead (hooks/regelen.py), so test versions without directory URLs work too."""
    here = page_src.split(".")[0]
    here_dir = "" if here == "index" else (here[: -len("/index")] if here.endswith("/index") else here)

    def link(target: str) -> str:
        base = target[:-3]
        url_path = "" if base == "index" else (base[: -len("/index")] + "/" if base.endswith("/index") else base + "/")
        href = posixpath.relpath(url_path or ".", here_dir or ".")
        return "./" if href == "." else (href + "/" if not href.endswith("/") else href)

    return link


def page_link(target: str, lang: str, pages: dict[str, str], link: Linker) -> tuple[str, str]:
    """(href, title) of a task's page, in the page's language.

    English pages get the English title, and the anchor only when the English page has it."""
    from tools.core.pages import anchors_of

    page, _, anchor = target.partition("#")
    source = page
    if lang != "nl":
        localized = page[:-3] + f".{lang}.md"
        if localized in pages:
            source = localized
            if anchor and anchor not in anchors_of(pages[localized]):
                anchor = ""
    href = link(page) + (f"#{anchor}" if anchor else "")
    return href, _meta_title(pages.get(source, "")) or page[:-3]


def _municipality_links(data: Dataset, cid: str, lang: str, link: Linker) -> str:
    if len(data.municipalities) > INLINE_LIST_MAX or not data.municipalities:
        return f'<a href="{esc(link("hulp/index.md"))}">{esc(label(lang, "block_overview"))}</a>'
    items = sorted(data.municipalities.values(), key=lambda g: g.naam.lower())
    return ", ".join(f'<a href="{esc(link(f"hulp/{g.id}.md"))}#{esc(cid)}">{esc(g.naam)}</a>' for g in items)


def _for_whom(task: Task, tasks: TaskSet, lang: str) -> str:
    """'Voor wie' in words, from the rules: shown without JavaScript, where every task is listed."""

    def describe(condition: Condition) -> list[str]:
        parts = []
        for alt in condition:
            bits = []
            for qid, allowed in alt:
                q = tasks.vragen[qid]
                answers = [a.tekst.get(lang) for a in q.antwoorden if a.id in allowed]
                bits.append(f"{q.vraag.get(lang)} ‘{' / '.join(answers)}’")
            parts.append(f" {label(lang, 'regelen_and')} ".join(bits))
        return parts

    yes, no = describe(task.als), describe(task.niet_als)
    out = []
    if yes:
        out.append(label(lang, "regelen_for") + " " + f"; {label(lang, 'regelen_or')} ".join(yes) + ".")
    if no:
        out.append(label(lang, "regelen_not_for") + " " + f"; {label(lang, 'regelen_or')} ".join(no) + ".")
    return " ".join(out) if out else label(lang, "regelen_for_all")


def task_item(
    task: Task, tasks: TaskSet, data: Dataset, lang: str, page_src: str, pages: dict[str, str], link: Linker | None = None
) -> str:
    link = link or directory_linker(page_src)
    links = []
    for target in task.paginas:
        href, title = page_link(target, lang, pages, link)
        links.append(f'<a href="{esc(href)}">{esc(title)}</a>')
    deadline = ""
    if task.termijn:
        deadline = (
            f'<p class="rs-taak__termijn"><strong>{esc(label(lang, "regelen_deadline"))}</strong> '
            f"{esc(task.termijn.get(lang))}</p>"
        )
    first_cat = task.hulp[0] if task.hulp else ""
    local = ""
    if task.hulp:
        names = ", ".join(data.categories[c].naam.get(lang) for c in task.hulp if c in data.categories)
        local = (
            f'<div class="rs-taak__hulp" data-rs-hulp-cats="{esc(" ".join(task.hulp))}">'
            f'<p class="rs-taak__hulp-links">{esc(label(lang, "regelen_local_help"))} ({esc(names)}): '
            f"{_municipality_links(data, first_cat, lang, link)}</p></div>"
        )
    return (
        f'<li class="rs-taak" id="taak-{esc(task.id)}" data-rs-taak="{esc(task.id)}"'
        f' data-als="{esc(json.dumps(condition_json(task.als)))}"'
        f' data-niet-als="{esc(json.dumps(condition_json(task.niet_als)))}">'
        f'<h3 class="rs-taak__titel">{esc(task.titel.get(lang))}</h3>'
        f"{deadline}<p>{esc(task.uitleg.get(lang))}</p>"
        f'<p class="rs-taak__voor-wie">{esc(_for_whom(task, tasks, lang))}</p>'
        f'<p class="rs-taak__lees">{esc(label(lang, "regelen_read_more"))} {" · ".join(links)}</p>'
        f"{local}</li>"
    )


def _question(q: Question, lang: str) -> str:
    hint_id = f"vraag-{q.id}-uitleg"
    error_id = f"vraag-{q.id}-fout"
    hint = f'<p class="rs-vraag__uitleg" id="{hint_id}">{esc(q.uitleg.get(lang))}</p>' if q.uitleg else ""
    described = " ".join(x for x in (hint_id if q.uitleg else "", error_id) if x)
    options = "".join(
        f'<div class="rs-keuze"><input type="radio" id="vraag-{esc(q.id)}-{esc(a.id)}" name="{esc(q.id)}" value="{esc(a.id)}" autocomplete="off">'
        f'<label for="vraag-{esc(q.id)}-{esc(a.id)}">{esc(a.tekst.get(lang))}</label></div>'
        for a in q.antwoorden
    )
    toon = f' data-toon-als="{esc(json.dumps(condition_json(q.toon_als)))}"' if q.toon_als else ""
    return (
        f'<fieldset class="rs-vraag" id="vraag-{esc(q.id)}" data-rs-vraag="{esc(q.id)}"{toon} aria-describedby="{described}">'
        f'<legend class="rs-vraag__legend">{esc(q.vraag.get(lang))}</legend>{hint}'
        f'<p class="rs-vraag__fout" id="{error_id}" hidden><span class="rs-sr">{esc(label(lang, "regelen_error_prefix"))} </span>'
        f"{esc(label(lang, 'regelen_error_choose'))}</p>{options}</fieldset>"
    )


def _municipality_question(data: Dataset, lang: str) -> str:
    options = [f'<option value="">{esc(label(lang, "regelen_no_municipality"))}</option>']
    for g in sorted(data.municipalities.values(), key=lambda m: m.naam.lower()):
        options.append(f'<option value="{esc(g.id)}">{esc(g.naam)}</option>')
    return (
        f'<div class="rs-vraag rs-vraag--gemeente"><label class="rs-vraag__legend" for="vraag-gemeente">'
        f"{esc(label(lang, 'regelen_municipality'))}</label>"
        f'<p class="rs-vraag__uitleg" id="vraag-gemeente-uitleg">{esc(label(lang, "regelen_municipality_hint"))}</p>'
        f'<select id="vraag-gemeente" name="gemeente" aria-describedby="vraag-gemeente-uitleg" autocomplete="off">'
        f"{''.join(options)}</select></div>"
    )


def render_checklist(
    tasks: TaskSet, data: Dataset, lang: str, page_src: str, pages: dict[str, str], link: Linker | None = None
) -> str:
    """The whole interactive part of the page as one HTML block.

    Without JavaScript: every task, grouped by moment (the form stays hidden). With it: the form,
    then only the tasks for the answers, each with the chosen municipality's help."""
    L = lambda key, **kw: esc(label(lang, key, **kw))  # noqa: E731
    questions = "".join(_question(q, lang) for q in tasks.vragen.values())
    form = (
        f'<form class="rs-regelen__vragen" data-rs-regelen-vragen novalidate hidden>'
        f'<div class="rs-foutsamenvatting" data-rs-foutsamenvatting tabindex="-1" role="alert" hidden>'
        f'<h2 class="rs-foutsamenvatting__titel">{L("regelen_error_title")}</h2><ul></ul></div>'
        f"<p>{L('regelen_form_intro')}</p>{questions}{_municipality_question(data, lang)}"
        f'<p class="rs-regelen__privacy">{L("regelen_privacy")}</p>'
        f'<button type="submit" class="md-button md-button--primary">{L("regelen_submit")}</button></form>'
    )
    result_bar = (
        f'<div class="rs-regelen__resultaat" data-rs-regelen-resultaat hidden>'
        f'<h2 tabindex="-1" data-rs-regelen-kop>{L("regelen_result_title")}</h2>'
        f'<p data-rs-regelen-aantal aria-live="polite"></p>'
        f'<p class="rs-regelen__hint" data-rs-regelen-geen-gemeente hidden>{L("regelen_choose_hint")}</p>'
        f'<p class="rs-regelen__acties"><button type="button" class="md-button md-button--primary" data-rs-print>{L("regelen_print")}</button> '
        f'<button type="button" class="md-button" data-rs-aanpassen>{L("regelen_change")}</button> '
        f'<button type="button" class="md-button" data-rs-wissen>{L("regelen_wipe")}</button></p></div>'
    )
    groups = []
    for mid, naam in tasks.momenten.items():
        items = [task_item(t, tasks, data, lang, page_src, pages, link) for t in tasks.taken if t.wanneer == mid]
        if not items:
            continue
        groups.append(
            f'<section class="rs-moment" data-rs-moment="{esc(mid)}"><h2 id="moment-{esc(mid)}">{esc(naam.get(lang))}</h2>'
            f'<ol class="rs-taken">{"".join(items)}</ol></section>'
        )
    all_note = f'<p class="rs-regelen__alles" data-rs-regelen-alles>{L("regelen_all_tasks")}</p>'
    return (
        f'<div class="rs-regelen" data-rs-regelen data-rs-lang="{esc(lang)}"'
        f' data-tekst-aantal="{L("regelen_count")}" data-tekst-aantal1="{L("regelen_count1")}"'
        f' data-tekst-hulp="{L("regelen_help_in")}" data-tekst-laden="{L("regelen_load_error")}">'
        f'{form}{result_bar}{all_note}<div class="rs-regelen__lijst">{"".join(groups)}</div></div>'
    )


# ---------------------------------------------------------------------------- loading for the build

_cache: dict = {}


def load_for_build(root: Path, categories: dict) -> TaskSet:
    """The tasks for rendering, loaded once per change of the file (i18n builds each language)."""
    path = Path(root) / TASKS_FILE
    key = (path.stat().st_mtime_ns, path.stat().st_size) if path.exists() else None
    if _cache.get("key") != key:
        tasks, _ = load_tasks(path, root, categories, docs_pages(Path(root) / "docs"))
        _cache.update(key=key, tasks=tasks)
    return _cache["tasks"]
