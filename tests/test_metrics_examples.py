"""Every example in the docstrings of ``metrics`` and ``forecast`` runs as pasted into a fresh
``import jbanalysis as jb`` session.

The doctests (``--doctest-modules``) run each example with its module's globals, so an example may
silently lean on a name the module imported (``pd``, ``np``, the function itself). A reader pastes
it into a session that has only ``jb``: here each docstring runs in exactly that namespace, and the
examples import whatever else they use.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest
from _pytest.doctest import _get_checker  # the checker --doctest-modules uses (knows NUMBER)

import jbanalysis

PACKAGES = ("jbanalysis.metrics", "jbanalysis.forecast")
# the project's doctest flags (pyproject.toml); NUMBER is pytest's, registered by its plugin
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS | doctest.register_optionflag("NUMBER")


def _modules() -> list[str]:
    names = []
    for package in PACKAGES:
        names.append(package)
        path = importlib.import_module(package).__path__
        names += [m.name for m in pkgutil.walk_packages(path, package + ".")]
    return sorted(names)


@pytest.mark.parametrize("module", _modules())
def test_examples_run_in_a_fresh_session(module):
    mod = importlib.import_module(module)
    tests = doctest.DocTestFinder().find(mod, module, globs={"jb": jbanalysis})
    runner = doctest.DocTestRunner(checker=_get_checker(), optionflags=FLAGS)
    report: list[str] = []
    for test in tests:
        runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)


def test_the_session_has_only_jb():
    # the check above is only as strict as its namespace: a name the session lacks fails
    probe = doctest.DocTestParser().get_doctest(">>> pd.Series\n", {"jb": jbanalysis}, "p", None, 0)
    runner = doctest.DocTestRunner()
    runner.run(probe, out=lambda _: None)
    assert runner.failures == 1
