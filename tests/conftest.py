"""Shared fixtures and the two tiers of the suite.

* ``pytest -m "not slow"`` is everything that executes no notebook: a test that is not marked
  ``slow`` and still starts one fails (:func:`_no_notebook_outside_the_slow_tier`).
* The complete run adds the slow tests. The report sets they read are rendered once per run
  (``tests/rendering.py``): the tests marked ``reports`` say which sets they read, the rendering
  starts in its own process as soon as the session has collected, and those tests run last.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rendering import PLANS, SETS, merge

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
#: Docstring examples that execute a notebook (a kernel starts), as doctests and as pasted: in
#: the slow tier.
SLOW_DOCTESTS = {
    "jbanalysis.report.build.build_reports",
    "test_examples_run_as_pasted[jbanalysis.report.build]",
}


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "reports(*plans): reads the report sets rendered once per run ('full', 'audit'; "
        "tests/rendering.py); implies slow",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # before `-m` selects: a test that reads the report sets, or an example that starts a
    # kernel, is slow
    for item in items:
        if item.name in SLOW_DOCTESTS or item.get_closest_marker("reports"):
            item.add_marker(pytest.mark.slow)
        # under xdist --dist loadgroup: one worker (the mark exists only with xdist installed)
        if item.get_closest_marker("reports") and config.pluginmanager.hasplugin("xdist"):
            item.add_marker(pytest.mark.xdist_group("reports"))


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    """After selection: render the sets the selected tests read, and run those tests last."""
    items = session.items
    selected = [i for i in items if i.get_closest_marker("reports")]
    plans = [PLANS[p] for i in selected for m in i.iter_markers("reports") for p in m.args]
    if not plans or session.config.option.collectonly:
        return
    if hasattr(session.config, "workerinput"):  # an xdist worker: each renders what it reads
        return
    items[:] = [i for i in items if not i.get_closest_marker("reports")] + selected
    SETS.start(merge(plans))


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may change without touching the bundled files."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(autouse=True)
def _no_user_data_folder(monkeypatch):
    """A user data folder set in the shell must not change what the suite computes."""
    monkeypatch.delenv("JBANALYSIS_USER_DATA", raising=False)


@pytest.fixture(autouse=True)
def _no_notebook_outside_the_slow_tier(request, monkeypatch):
    """The fast tier executes no notebook: a test that does must be marked slow."""
    if request.node.get_closest_marker("slow"):
        return

    def refuse(path, *args, **kwargs):
        raise AssertionError(f"{request.node.nodeid} executes {Path(path).name}: mark it slow")

    monkeypatch.setattr("jbanalysis.report.execute.execute_notebook", refuse)
