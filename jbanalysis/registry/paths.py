"""Where the bundled files live: ``data/`` and ``notebooks/`` in a checkout, ``jbanalysis/_bundled_data``
and ``jbanalysis/_notebooks`` in a wheel; and the layout of a data folder (the bundle's and a user's
folder share it). The one module that knows these paths: every other module asks it.

``JBANALYSIS_DATA`` (a folder with the same layout) overrides the bundle, for testing a modified
copy.

>>> from jbanalysis.registry.paths import OBSERVATIONS
>>> from jbanalysis.registry.paths import data_path, source_table_path
>>> data_path(OBSERVATIONS).name, source_table_path("csmar_city_gdp").parent.name
('observations.csv', 'sources')
"""

from __future__ import annotations

import os
import warnings
from functools import cache
from pathlib import Path

#: The package folder (``jbanalysis/``); the checkout's top folder is its parent.
PACKAGE_DIR = Path(__file__).resolve().parent.parent

# The files of a data folder. The registries (only in the bundle):
DISTRICTS = "districts.csv"
INDICATORS = "indicators.csv"
UNITS = "units.csv"
TERMS = "terms.csv"
BREAKS = "breaks.csv"
CLAIMS = "claims.csv"
BOUNDARIES = "boundaries/chongqing_units.geojson"
# The sources, their corrections and what is built from them (in the bundle and a user's folder):
SOURCES = "sources.csv"
SOURCE_TABLES = "sources"
CORRECTIONS = "corrections.csv"
OBSERVATIONS = "observations.csv"
DATAPACKAGE = "datapackage.json"
#: A user's folder also keeps the files as added.
ORIGINALS = "originals"
#: The files whose rows and sha256 ``datapackage.json`` records, beside the source tables.
HASHED = (DISTRICTS, INDICATORS, UNITS, TERMS, SOURCES, CORRECTIONS, BREAKS, OBSERVATIONS)


@cache
def _default_bundle_dir() -> Path:
    here = PACKAGE_DIR
    for candidate in (here / "_bundled_data", here.parent / "data"):
        if (candidate / DISTRICTS).is_file():
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
        if not (path / DISTRICTS).is_file():
            raise FileNotFoundError(f"JBANALYSIS_DATA={override!r} has no {DISTRICTS}")
        return path
    return _default_bundle_dir()


def bundle_path(name: str) -> Path:
    """Path of one bundled file, e.g. ``bundle_path(OBSERVATIONS)``."""
    return bundle_dir() / name


def data_path(name: str, folder: Path | str | None = None) -> Path:
    """Path of one file of a data folder (default: the bundle), e.g. ``data_path(SOURCES, mine)``."""
    return (Path(folder) if folder is not None else bundle_dir()) / name


def source_table_path(source_id: str, folder: Path | str | None = None) -> Path:
    """The transcribed table of one source: ``<folder>/sources/<source_id>.csv``."""
    return data_path(SOURCE_TABLES, folder) / f"{source_id}.csv"


def source_tables(folder: Path | str | None = None) -> list[Path]:
    """The source tables of a data folder (default: the bundle), in name order."""
    return sorted(data_path(SOURCE_TABLES, folder).glob("*.csv"))


def source_label(source_id: str) -> str:
    """A source table's path as a message names it, relative to its data folder.

    >>> from jbanalysis.registry.paths import source_label
    >>> source_label("csmar_city_gdp")
    'sources/csmar_city_gdp.csv'
    """
    return f"{SOURCE_TABLES}/{source_id}.csv"


def notebooks_dir() -> Path:
    """The report notebooks: ``jbanalysis/_notebooks`` in a wheel, else ``notebooks/`` of the checkout.

    >>> from jbanalysis.registry.paths import notebooks_dir
    >>> notebooks_dir().name in ("notebooks", "_notebooks")
    True
    """
    bundled = PACKAGE_DIR / "_notebooks"
    return bundled if bundled.is_dir() else PACKAGE_DIR.parent / "notebooks"


def user_dir_alias(user_dir: object, data_dir: object, function: str) -> object:
    """``user_dir``, or the deprecated ``data_dir=`` given in its place (with a ``FutureWarning``).

    ``data_dir`` used to name the user's folder, the bundle and a parameter at once; the user's
    folder is ``user_dir`` everywhere now.

    >>> import warnings
    >>> from jbanalysis.registry.paths import user_dir_alias
    >>> user_dir_alias("mine", None, "load_panel")
    'mine'
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     user_dir_alias(None, "mine", "load_panel"), str(caught[0].message)
    ('mine', 'load_panel(data_dir=...) is deprecated: pass the folder as user_dir=... instead')
    """
    if data_dir is None:
        return user_dir
    if user_dir is not None:
        raise TypeError(f"{function}() got both user_dir= and data_dir=; pass user_dir= only")
    warnings.warn(
        f"{function}(data_dir=...) is deprecated: pass the folder as user_dir=... instead",
        FutureWarning,
        stacklevel=3,
    )
    return data_dir
