"""Where the bundled files live: ``data/`` and ``notebooks/`` in a checkout, ``jbanalysis/_bundled_data``
and ``jbanalysis/_notebooks`` in a wheel. The one module that knows these paths.

``JBANALYSIS_DATA`` (a folder with the same layout) overrides both, for testing a modified copy.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

#: The package folder (``jbanalysis/``); the checkout's top folder is its parent.
PACKAGE_DIR = Path(__file__).resolve().parent.parent


@cache
def _default_bundle_dir() -> Path:
    here = PACKAGE_DIR
    for candidate in (here / "_bundled_data", here.parent / "data"):
        if (candidate / "districts.csv").is_file():
            return candidate
    raise FileNotFoundError(
        f"jbanalysis: bundled data not found in {here / '_bundled_data'} or {here.parent / 'data'}; "
        "reinstall the package or set JBANALYSIS_DATA to a data folder"
    )


def bundle_dir() -> Path:
    """Folder of the bundled dataset (``districts.csv``, ``observations.csv``, ``sources/`` …)."""
    override = os.environ.get("JBANALYSIS_DATA")
    if override:
        path = Path(override)
        if not (path / "districts.csv").is_file():
            raise FileNotFoundError(f"JBANALYSIS_DATA={override!r} has no districts.csv")
        return path
    return _default_bundle_dir()


def bundle_path(name: str) -> Path:
    """Path of one bundled file, e.g. ``bundle_path("observations.csv")``."""
    return bundle_dir() / name


def notebooks_dir() -> Path:
    """The report notebooks: ``jbanalysis/_notebooks`` in a wheel, else ``notebooks/`` of the checkout.

    >>> notebooks_dir().name in ("notebooks", "_notebooks")
    True
    """
    bundled = PACKAGE_DIR / "_notebooks"
    return bundled if bundled.is_dir() else PACKAGE_DIR.parent / "notebooks"
