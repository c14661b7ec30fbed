"""The house: the import graph has no cycle and no arrow against the flow; modules stay small.

The flow runs one way (docs/architecture.md): each folder of ``jbanalysis/`` is one part of it,
and a module may import only from parts below its own, or from its own part. Imports inside
functions count: a deferred import is still an arrow.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "jbanalysis"

#: The parts of the flow, bottom up. Parts of the same rank must not import each other.
RANKS = {
    "base": 0,  # errors, names, tables, precision, shown: import only each other
    "registry": 1,
    "io": 2,
    "sources": 3,
    "panel": 4,
    "metrics": 5,
    "checks": 6,
    "forecast": 6,
    "text": 7,
    "plots": 8,
    "claims": 9,
    "report": 10,
    "cli": 11,
    "face": 12,  # jbanalysis/__init__.py and the public facade jbanalysis/data.py
}
FACES = {"jbanalysis", "jbanalysis.data"}
#: Modules allowed over 400 lines, and why (generated or data-only).
LONG_MODULES: dict[str, str] = {}
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def part(module: str) -> str:
    if module in FACES:
        return "face"
    pieces = module.split(".")
    if len(pieces) >= 2 and pieces[1] in RANKS:
        return pieces[1]
    return "base"


def imports(mods: dict[str, Path]) -> dict[str, set[str]]:
    """module -> the jbanalysis modules it imports anywhere in its code."""
    edges: dict[str, set[str]] = {m: set() for m in mods}
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                targets = [f"{base}.{a.name}" for a in node.names] + [base]
            else:
                continue
            for target in targets:
                while target and target not in mods:
                    target = target.rsplit(".", 1)[0] if "." in target else ""
                if target and target != name and not name.startswith(target + "."):
                    edges[name].add(target)
                    break
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in edges:
        if v not in index:
            visit(v)
    return found


def test_the_parts_are_the_folders():
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == set(RANKS) - {"base", "face"}
    loose = {module_name(p) for p in PACKAGE.glob("*.py")} - FACES
    assert loose == {
        "jbanalysis.errors",
        "jbanalysis.names",
        "jbanalysis.precision",
        "jbanalysis.shown",
        "jbanalysis.tables",
    }


def test_the_import_graph_has_no_cycle():
    assert cycles(imports(modules())) == []


def test_every_arrow_runs_with_the_flow():
    against = []
    for module, targets in imports(modules()).items():
        here = part(module)
        for target in targets:
            there = part(target)
            if there == here:
                continue
            if RANKS[there] >= RANKS[here]:
                against.append(f"{module} ({here}) -> {target} ({there})")
    assert against == []


def test_the_base_modules_import_only_each_other():
    edges = imports(modules())
    outside = {
        m: t for m, ts in edges.items() if part(m) == "base" for t in ts if part(t) != "base"
    }
    assert outside == {}


@pytest.mark.parametrize("module", sorted(modules()))
def test_modules_stay_under_400_lines(module):
    lines = modules()[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES or module in LONG_MODULES, f"{module}: {lines} lines"


def test_the_checker_sees_cycles_and_arrows_against_the_flow():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(edges) == [["a", "b", "c"]]
    assert part("jbanalysis.registry.breaks") == "registry"
    assert part("jbanalysis.errors") == "base" and part("jbanalysis.data") == "face"
