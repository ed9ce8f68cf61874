"""The folder tree is the architecture: tools/ in layers whose imports point one way, only hooks/ import MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

TOOLS = ROOT / "tools"
# Lower layers never import higher ones; packages of one layer do not import each other.
LAYERS = {
    "core": 0,
    "hulp": 1,
    "b1": 1,
    "content": 2,
    "monitor": 2,
    "security": 3,
    "gates": 4,
    "editorial": 4,
    "preview": 4,
    "build": 5,
    "bench": 5,
    "lighthouse": 5,
    "__main__": 5,
    "__init__": 5,
}
TOP = 5  # the build and the command line may use each other (no cycles)


def _package(module: str) -> str:
    """'tools.hulp.load' -> 'hulp'; 'tools.build' -> 'build'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 2:
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every tools module this file imports, also inside functions."""
    found = set()
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:  # inside its own package
            if node.module:
                found.add(f"{package}.{node.module}")
            else:
                found |= {f"{package}.{a.name}" for a in node.names}
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and node.module.split(".")[0] == "tools":
            for alias in node.names:  # `from tools.hulp import load` imports the module tools.hulp.load
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if _exists(candidate) else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "tools"}
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: `from ..` import; write `from tools.... import` so layers stay visible")
    return found


def _exists(module: str) -> bool:
    base = ROOT / Path(*module.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def _graph() -> dict[str, set[str]]:
    return {_module_name(p): _imports(p) for p in TOOLS.rglob("*.py")}


def test_every_package_has_a_layer():
    packages = {_package(m) for m in _graph()}
    assert packages <= set(LAYERS), f"Give these a layer in tests/test_architecture.py: {packages - set(LAYERS)}"


def test_imports_point_down():
    wrong = []
    for module, imports in _graph().items():
        here = _package(module)
        for target in imports:
            there = _package(target)
            if there == here:
                continue
            if LAYERS[there] > LAYERS[here] or (LAYERS[there] == LAYERS[here] and LAYERS[here] < TOP):
                wrong.append(f"{module} -> {target} ({here}: layer {LAYERS[here]}, {there}: layer {LAYERS[there]})")
    assert not wrong, "Imports that point up or sideways:\n" + "\n".join(sorted(wrong))


def test_no_import_cycles():
    graph = {m: {t for t in ts if t in _graph_keys()} for m, ts in _graph().items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(stack[stack.index(nxt) :] + [nxt]))
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "Import cycles:\n" + "\n".join(cycles)


def _graph_keys() -> set[str]:
    return {_module_name(p) for p in TOOLS.rglob("*.py")}


# The one exception, and why: outside a build (python -m tools.security.policy write-hosting) the
# allowed inline-script hashes come from rendering the theme's own templates, which needs MkDocs'
# config loader. It is imported inside that function only.
MKDOCS_ALLOWED = {"tools/security/policy.py"}


def test_only_hooks_import_mkdocs_and_no_hook_edits_sys_path():
    for path in TOOLS.rglob("*.py"):
        if path.relative_to(ROOT).as_posix() in MKDOCS_ALLOWED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                assert not any(n.split(".")[0] in ("mkdocs", "material", "hooks") for n in names), path
    for path in (ROOT / "hooks").glob("*.py"):
        assert "sys.path" not in path.read_text(encoding="utf-8"), f"{path.name} edits sys.path"


# MkDocs passes the event's item (if any) by position and everything else by keyword
# (mkdocs.plugins.PluginCollection.run_event).
EVENT_ITEM = {
    "on_config": "config",
    "on_files": "files",
    "on_nav": "nav",
    "on_env": "env",
    "on_page_markdown": "markdown",
    "on_page_content": "html",
    "on_page_context": "context",
    "on_template_context": "context",
    "on_post_page": "output",
    "on_post_template": "output_content",
}


def test_hook_signatures_are_typed_and_keyword_only():
    wrong = []
    for path in sorted((ROOT / "hooks").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not (isinstance(node, ast.FunctionDef) and node.name.startswith("on_")):
                continue
            args = node.args
            item = EVENT_ITEM.get(node.name)
            positional = [a.arg for a in args.posonlyargs + args.args]
            if positional != ([item] if item else []):
                wrong.append(f"{path.name}:{node.lineno} {node.name}: by position only {item or 'nothing'}")
            if any(a.annotation is None for a in args.posonlyargs + args.args + args.kwonlyargs) or not node.returns:
                wrong.append(f"{path.name}:{node.lineno} {node.name}: every parameter and the result typed")
    assert not wrong, wrong
