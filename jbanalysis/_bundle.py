"""Where the bundled dataset lives: ``data/`` in a checkout, ``jbanalysis/_bundled_data`` in a wheel.

``JBANALYSIS_DATA`` (a folder with the same layout) overrides both, for testing a modified copy.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path


@cache
def _default_data_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "_bundled_data", here.parent / "data"):
        if (candidate / "districts.csv").is_file():
            return candidate
    raise FileNotFoundError(
        f"jbanalysis: bundled data not found in {here / '_bundled_data'} or {here.parent / 'data'}; "
        "reinstall the package or set JBANALYSIS_DATA to a data folder"
    )


def data_dir() -> Path:
    """Folder of the bundled dataset (``districts.csv``, ``observations.csv``, ``sources/`` …)."""
    override = os.environ.get("JBANALYSIS_DATA")
    if override:
        path = Path(override)
        if not (path / "districts.csv").is_file():
            raise FileNotFoundError(f"JBANALYSIS_DATA={override!r} has no districts.csv")
        return path
    return _default_data_dir()


def data_path(name: str) -> Path:
    """Path of one bundled file, e.g. ``data_path("observations.csv")``."""
    return data_dir() / name
