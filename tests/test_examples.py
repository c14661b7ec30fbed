"""Docstring examples run as pasted into a session that did ``import jbanalysis as jb``.

``docs/api.md`` shows the examples of the public API (``scripts/make_api_docs.py`` lists its
modules); a reader copies them into JupyterLab after ``import jbanalysis as jb`` and nothing else.
Each docstring (a module's, a public function's or class's, a public method's) runs here in a fresh
namespace holding only ``jb``: an example that leans on the module's own globals (``load_panel(…)``
instead of ``jb.load_panel(…)``, ``pd`` without ``import pandas as pd``) fails with its NameError.

The result is reported per defining module: whoever owns the module fixes its examples. Modules not
yet converted are expected failures in :data:`NOT_YET_CONVERTED` (strict: a converted module that
is still listed fails too, so the list can only shrink); the end state is an empty set. A listed
package also covers the modules it is split into later, without the strictness (some of them may
already pass).
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from _pytest.doctest import _get_checker

import jbanalysis as jb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from make_api_docs import MODULES, public_members  # noqa: E402

#: Modules whose examples do not yet run as pasted, one a line: remove yours when they do.
NOT_YET_CONVERTED: set[str] = set()
# The module doctests' flags (pyproject.toml), NUMBER included: it is pytest's, and so is the
# checker that understands it (a private helper; the same one --doctest-modules uses).
#: The command line's modules, beyond those docs/api.md shows.
COMMAND_LINE = [
    f"jbanalysis.cli.{m.name}"
    for m in pkgutil.iter_modules(jb.cli.__path__)
    if m.name != "__main__"
]
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS | doctest.register_optionflag("NUMBER")


def _docstrings() -> dict[str, list[tuple[str, str]]]:
    """Defining module -> [(name, docstring)] of every public docstring holding an example."""
    found: dict[str, dict[str, str]] = defaultdict(dict)

    def keep(module: str, name: str, doc: str | None) -> None:
        if doc and ">>>" in doc:
            found[module][name] = doc

    for module_name in [m for m, _title in MODULES] + COMMAND_LINE:
        module = importlib.import_module(module_name)
        keep(module_name, module_name, module.__doc__)
        for name, obj in public_members(module):
            owner = getattr(obj, "__module__", module_name)
            keep(owner, f"{owner}.{obj.__qualname__}", inspect.getdoc(obj))
            if not inspect.isclass(obj):
                continue
            for attr, member in vars(obj).items():
                member = getattr(member, "__func__", member)  # classmethod, staticmethod
                member = getattr(member, "fget", member)  # property
                if not attr.startswith("_") and callable(member):
                    keep(owner, f"{owner}.{name}.{attr}", inspect.getdoc(member))
    return {m: sorted(d.items()) for m, d in found.items()}


DOCSTRINGS = _docstrings()


def run_as_pasted(name: str, doc: str) -> str:
    """Run one docstring's examples in a namespace holding only ``jb``; the failures as text."""
    test = doctest.DocTestParser().get_doctest(doc, {"jb": jb}, name, None, 0)
    report: list[str] = []
    runner = doctest.DocTestRunner(checker=_get_checker(), optionflags=FLAGS)
    runner.run(test, out=report.append, clear_globs=True)
    return "".join(report)


def _expected(module: str) -> tuple:
    """The xfail mark of a module not yet converted: strict when listed itself."""
    if module in NOT_YET_CONVERTED:
        return (pytest.mark.xfail(strict=True, reason="examples not yet converted"),)
    if any(module.startswith(f"{listed}.") for listed in NOT_YET_CONVERTED):
        return (pytest.mark.xfail(strict=False, reason="in a package not yet converted"),)
    return ()


@pytest.mark.parametrize(
    "module", [pytest.param(m, marks=_expected(m)) for m in sorted(DOCSTRINGS)]
)
def test_examples_run_as_pasted(module):
    failures = [report for name, doc in DOCSTRINGS[module] if (report := run_as_pasted(name, doc))]
    assert not failures, "\n".join(failures)


def test_the_list_of_modules_not_yet_converted_names_only_modules_with_examples():
    unknown = {
        listed
        for listed in NOT_YET_CONVERTED
        if not any(m == listed or m.startswith(f"{listed}.") for m in DOCSTRINGS)
    }
    assert unknown == set()


def test_a_docstring_that_leans_on_its_module_fails():
    leaning = ">>> load_panel(years=2010)\n"
    assert "NameError: name 'load_panel' is not defined" in run_as_pasted("leaning", leaning)
    pasted = ">>> jb.resolve_district(\"江北区\")\n'jiangbei'\n"
    assert run_as_pasted("pasted", pasted) == ""
