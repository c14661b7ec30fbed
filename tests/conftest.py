"""Shared fixtures: a writable copy of the bundled data, and paths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


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
