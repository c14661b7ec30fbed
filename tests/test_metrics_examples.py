"""Every example in the docstrings of ``metrics`` and ``forecast``, public or not, runs as pasted
into a fresh ``import jbanalysis as jb`` session.

``tests/test_examples.py`` runs the public API's examples that way; the module doctests
(``--doctest-modules``) run every example, but with its module's globals, so an example may lean on
a name the module imported (``pd``, ``np``, the function itself). Here every docstring of these two
packages, the helpers' too, runs through the same ``run_as_pasted``.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest
from test_examples import run_as_pasted

PACKAGES = ("jbanalysis.metrics", "jbanalysis.forecast")


def _modules() -> list[str]:
    names = []
    for package in PACKAGES:
        names.append(package)
        path = importlib.import_module(package).__path__
        names += [m.name for m in pkgutil.walk_packages(path, package + ".")]
    return sorted(names)


@pytest.mark.parametrize("module", _modules())
def test_every_example_runs_in_a_fresh_session(module):
    mod = importlib.import_module(module)
    tests = [t for t in doctest.DocTestFinder().find(mod, module) if t.examples]
    failures = [report for t in tests if (report := run_as_pasted(t.name, t.docstring))]
    assert not failures, "\n".join(failures)
