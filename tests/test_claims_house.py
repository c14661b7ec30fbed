"""The claims part of the house: every docstring example runs as pasted into a fresh session.

pytest's ``--doctest-modules`` runs an example with its module's globals, so an example that calls
a module's own helpers by their bare name passes there and fails with NameError in a user's
``import jbanalysis as jb`` session. Here each example runs with empty globals instead.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import jbanalysis.claims

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(jbanalysis.claims.__path__, "jbanalysis.claims.")
)
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS


def _examples(module_name: str) -> list[doctest.DocTest]:
    module = importlib.import_module(module_name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    return [t for t in finder.find(module, globs={}) if t.examples]


@pytest.mark.parametrize("module_name", MODULES)
def test_every_example_runs_in_a_fresh_session(module_name):
    tests = _examples(module_name)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    failed = []
    for test in tests:
        test.globs = {}  # nothing of the module: only what the example imports itself
        result = runner.run(test, out=lambda _s: None, clear_globs=True)
        if result.failed:
            failed.append(test.name)
    assert not failed, f"examples that need the module's own names: {failed}"


def test_the_claims_modules_have_examples():
    # the fresh-session test above is only worth something if it runs examples
    counted = {m: sum(len(t.examples) for t in _examples(m)) for m in MODULES}
    assert counted["jbanalysis.claims.ledger"] >= 4
    assert counted["jbanalysis.claims.check"] >= 4
    assert counted["jbanalysis.claims.rows"] >= 3
