"""Docstring examples run as pasted: each imports every name it uses.

pytest's ``--doctest-modules`` runs an example inside its module, where every name of the module is
already defined; an analyst pastes it into a fresh ``python`` or JupyterLab session. This reads the
examples of the parts below the metrics (registry, sources, panel, checks) and fails on a name an
example uses but neither imports nor defines (the examples themselves run in the doctests).
"""

from __future__ import annotations

import builtins
import doctest
import importlib
import symtable
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "jbanalysis"
PARTS = ("registry", "sources", "panel", "checks")


def _modules() -> list[str]:
    names = []
    for part in PARTS:
        for path in sorted((PACKAGE / part).rglob("*.py")):
            parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def undefined_names(source: str) -> set[str]:
    """Names a piece of code reads from the global scope without defining or importing them.

    >>> sorted(undefined_names("import pandas as pd\\nx = pd.Series([y for y in z])\\nprint(x, w)"))
    ['w', 'z']
    """
    table = symtable.symtable(source, "<examples>", "exec")
    defined = {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported()}
    read: set[str] = set()

    def visit(scope: symtable.SymbolTable) -> None:
        for symbol in scope.get_symbols():
            top = scope is table
            if symbol.is_referenced() and (symbol.is_global() or top):
                read.add(symbol.get_name())
        for child in scope.get_children():
            visit(child)

    visit(table)
    return read - defined - set(dir(builtins))


@pytest.mark.parametrize("name", _modules())
def test_examples_import_what_they_use(name):
    module = importlib.import_module(name)
    missing = {}
    for test in doctest.DocTestFinder(exclude_empty=True).find(module, globs={}):
        source = "".join(example.source for example in test.examples)
        if source and (names := undefined_names(source)):
            missing[test.name] = sorted(names)
    assert missing == {}
