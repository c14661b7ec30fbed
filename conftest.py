"""Doctests see ``jb`` as a user's session does after ``import jbanalysis as jb``.

Docstring examples are written to run as pasted into such a session (``tests/test_examples.py``
runs each in a namespace holding only ``jb``); under ``--doctest-modules`` they also see the
module's own globals, which is why that test, not this fixture, is the judge.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _jb_in_doctests(doctest_namespace):
    import jbanalysis as jb

    doctest_namespace["jb"] = jb


@pytest.fixture(autouse=True)
def _english_command_line(monkeypatch):
    """The command line's help follows the locale (jbanalysis.cli.words): tests that read it in
    Chinese set the locale themselves."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
