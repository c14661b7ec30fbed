"""The user data folder: your own tables, added to the bundled data for every panel and report.

The bundle stops where its sources stop; next year's figures arrive as bulletin tables and Excel
exports. ``jbanalysis data add FILE --user-dir DIR …`` reads such a file with
:func:`jbanalysis.read_table` and keeps it in a folder of yours, outside the package, laid out
like the bundled ``data/`` (:mod:`jbanalysis.registry.paths`)::

    DIR/sources.csv            one row per source you added: title, url, kind, vintage, …
    DIR/sources/<id>.csv       its values as read (published unit), one row per value, with the
                               cell each came from
    DIR/originals/<id>/<file>  the file itself, as you added it (its sha256 is in sources.csv)
    DIR/corrections.csv        your corrections of your own values (same columns as data/)
    DIR/observations.csv       built from the above (canonical ids and units)

Where it is used: ``load_panel(user_dir=DIR)``, ``load_observations(user_dir=DIR)``,
``conflicts(user_dir=DIR)``, ``jbanalysis report --user-dir DIR``, ``jbanalysis data validate
--user-dir DIR`` — or everywhere at once with the environment variable ``JBANALYSIS_USER_DATA=DIR``.
(``JBANALYSIS_DATA`` is different: it *replaces* the bundled data folder, for testing a modified
copy; ``JBANALYSIS_USER_DATA`` *adds* your folder to the bundle.) ``data_dir=``, the keyword's
older name, still works and warns.

Your values compete with the bundled ones under the same selection policy
(:mod:`jbanalysis.panel`), ranked by the source kind and vintage you declared; at equal rank the
bundled value wins. Every disagreement with a bundled value is listed by
:func:`jbanalysis.checks.user.compare` (and ``jbanalysis data add`` prints it), so a user value
never outranks an official statistic silently.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from jbanalysis.errors import DataError
from jbanalysis.registry.paths import (
    CORRECTIONS,
    OBSERVATIONS,
    ORIGINALS,
    SOURCE_TABLES,
    SOURCES,
    bundle_path,
    data_path,
    source_table_path,
    source_tables,
)
from jbanalysis.registry.schema import _OBS_DTYPES, ALL_SOURCE_KINDS, OBSERVATION_COLUMNS

__all__ = [
    "ENV",
    "UserData",
    "build_user",
    "init",
    "source_file",
    "user_data",
    "user_data_dir",
    "with_user_observations",
    "with_user_sources",
]

ENV = "JBANALYSIS_USER_DATA"
_ID = re.compile(r"^[a-z][a-z0-9_]{1,60}$")


def source_kinds() -> tuple[str, ...]:
    """Source kinds a user source may declare: those the default policy ranks, and ``user``
    (your own compilation; ranked after every published kind)."""
    return ALL_SOURCE_KINDS


def user_data_dir(user_dir: str | Path | None = None) -> Path | None:
    """The user data folder: ``user_dir`` if given, else ``$JBANALYSIS_USER_DATA``, else None.

    >>> from jbanalysis.sources.user import user_data_dir
    >>> user_data_dir() is None or user_data_dir().is_dir()
    True
    """
    folder = user_dir if user_dir is not None else (os.environ.get(ENV) or None)
    if folder is None:
        return None
    path = Path(folder).expanduser()
    if not path.is_dir():
        origin = "user_dir=" if user_dir is not None else ENV
        raise DataError(
            f"no such user data folder ({origin}); create it with jbanalysis data add", file=path
        )
    return path


def _empty_observations() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in OBSERVATION_COLUMNS})


@cache
def _read_observations(path: str, mtime: float) -> pd.DataFrame:
    from jbanalysis.sources.keys import check_observation_keys
    from jbanalysis.sources.source_files import read_sources_table

    obs = pd.read_csv(path, dtype=_OBS_DTYPES, keep_default_na=False, na_values={"value": [""]})
    folder = Path(path).parent
    mine = read_sources_table(folder)["id"] if data_path(SOURCES, folder).is_file() else []
    bundled = read_sources_table(bundle_path(SOURCES).parent)["id"]
    check_observation_keys(obs, path, {*bundled, *mine})
    return obs


def load_user_observations(folder: Path) -> pd.DataFrame:
    """The observations of a user data folder (empty if nothing was added yet)."""
    path = data_path(OBSERVATIONS, folder)
    if not path.is_file():
        return _empty_observations()
    return _read_observations(str(path), path.stat().st_mtime)


def with_user_observations(
    bundled: pd.DataFrame, user_dir: str | Path | None = None
) -> pd.DataFrame:
    """``bundled`` followed by the user folder's observations (bundled rows first: ties go to
    the bundled value).

    >>> import tempfile
    >>> from jbanalysis.sources.observations import bundled_observations
    >>> from jbanalysis.sources.user import init, with_user_observations
    >>> len(with_user_observations(bundled_observations(), init(tempfile.mkdtemp())))  # empty folder
    21705
    """
    folder = user_data_dir(user_dir)
    if folder is None:
        return bundled
    mine = load_user_observations(folder)
    if not len(mine):
        return bundled
    clash = set(mine["source_id"].astype(str)) & set(bundled["source_id"].astype(str))
    if clash:
        raise DataError(f"source id(s) {sorted(clash)} are bundled sources", file=folder)
    both = pd.concat([bundled.astype(object), mine.astype(object)], ignore_index=True)
    return both.astype({c: t for c, t in _OBS_DTYPES.items() if c in both.columns})


def with_user_sources(table: pd.DataFrame, user_dir: str | Path | None = None) -> pd.DataFrame:
    """``table`` (a source registry) followed by the user folder's ``sources.csv`` rows.

    >>> import tempfile
    >>> import pandas as pd
    >>> from jbanalysis.sources.user import init, with_user_sources
    >>> len(with_user_sources(pd.DataFrame({"id": ["a"]}), init(tempfile.mkdtemp())))
    1
    """
    folder = user_data_dir(user_dir)
    if folder is None or not data_path(SOURCES, folder).is_file():
        return table
    mine = pd.read_csv(data_path(SOURCES, folder), dtype=str, keep_default_na=False)
    return pd.concat([table, mine], ignore_index=True).fillna("")


@dataclass(frozen=True)
class UserData:
    """What a user data folder adds: its name, how many values, from which sources.

    >>> from jbanalysis.sources.user import UserData
    >>> UserData("mine", 2, ("jlp_2024",)).values
    2
    """

    name: str
    values: int
    sources: tuple[str, ...]


def user_data(user_dir: str | Path | None = None) -> UserData | None:
    """What the user data folder in use adds (``None`` when no folder is in use); the text layer
    words it for the data-vintage line of every report.

    >>> from jbanalysis.sources.user import user_data, user_data_dir
    >>> user_data() if user_data_dir() is None else None
    """
    folder = user_data_dir(user_dir)
    if folder is None:
        return None
    mine = load_user_observations(folder)
    return UserData(folder.name, len(mine), tuple(sorted(set(mine["source_id"].astype(str)))))


def source_file(source_id: str, user_dir: str | Path | None = None) -> Path:
    """The source table of ``source_id``: bundled, else in the user data folder.

    >>> from jbanalysis.sources.user import source_file
    >>> source_file("csmar_city_gdp").name
    'csmar_city_gdp.csv'
    """
    bundled = source_table_path(source_id)
    folder = user_data_dir(user_dir)
    if bundled.is_file() or folder is None:
        return bundled
    return source_table_path(source_id, folder)


def init(folder: str | Path) -> Path:
    """Create an empty user data folder (or check an existing one).

    >>> import tempfile
    >>> from jbanalysis.sources.user import init
    >>> sorted(p.name for p in init(tempfile.mkdtemp()).iterdir())
    ['corrections.csv', 'originals', 'sources', 'sources.csv']
    """
    folder = Path(folder).expanduser()
    data_path(SOURCE_TABLES, folder).mkdir(parents=True, exist_ok=True)
    data_path(ORIGINALS, folder).mkdir(exist_ok=True)
    for name in (SOURCES, CORRECTIONS):
        target = data_path(name, folder)
        if not target.is_file():
            header = bundle_path(name).read_text(encoding="utf-8").splitlines()[0]
            target.write_text(header + "\n", encoding="utf-8")
    return folder


def _user_sources(folder: Path) -> list[str]:
    path = data_path(SOURCES, folder)
    if not path.is_file():
        return []
    return pd.read_csv(path, dtype=str, keep_default_na=False)["id"].tolist()


def _source_table(obs: pd.DataFrame, url: str, title: str, reliability: str) -> pd.DataFrame:
    from jbanalysis.sources.build import _fmt

    table = pd.DataFrame(
        {
            "record": obs["record"],
            "district": obs["district"],
            "year": obs["year"],
            "indicator": obs["indicator"],
            "value": obs["published_value"].map(_fmt),
            "unit": obs["published_unit"],
            "vintage": obs["vintage"],
            "flag": obs["flag"],
            "source_id": obs["source_id"],
            "source_kind": obs["source_kind"],
            "reliability": reliability,
            "url": url,
            "title": title,
            "note": obs["note"],
        }
    )
    for col in ("period", "bound"):
        if col in obs.columns:
            table[col] = obs[col].to_numpy()
    return table


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    frame.to_csv(tmp, index=False, lineterminator="\n")
    tmp.replace(path)


def build_user(user_dir: str | Path) -> int:
    """Rebuild ``observations.csv`` of a user data folder from its sources; the number of rows.

    >>> import tempfile
    >>> from jbanalysis.sources.user import build_user, init
    >>> build_user(init(tempfile.mkdtemp()))
    0
    """
    from jbanalysis.sources.build import _fmt, build_observations

    folder = Path(user_dir)
    if not source_tables(folder):
        _write_csv(_empty_observations(), data_path(OBSERVATIONS, folder))
        return 0
    obs, _ = build_observations(folder)
    out = obs.copy()
    out["value"] = out["value"].map(_fmt)
    out["published_value"] = out["published_value"].map(_fmt)
    _write_csv(out, data_path(OBSERVATIONS, folder))
    _read_observations.cache_clear()
    return len(out)
