"""The user data folder: your own tables, added to the bundled data for every panel and report.

The bundle stops where its sources stop; next year's figures arrive as bulletin tables and Excel
exports. ``jbanalysis data add FILE --data-dir DIR …`` reads such a file with
:func:`jbanalysis.read_table` and keeps it in a folder of yours, outside the package, laid out
like the bundled ``data/``::

    DIR/sources.csv            one row per source you added: title, url, kind, vintage, …
    DIR/sources/<id>.csv       its values as read (published unit), one row per value, with the
                               cell each came from
    DIR/originals/<id>/<file>  the file itself, as you added it (its sha256 is in sources.csv)
    DIR/corrections.csv        your corrections of your own values (same columns as data/)
    DIR/observations.csv       built from the above (canonical ids and units)

Where it is used: ``load_panel(data_dir=DIR)``, ``load_observations(data_dir=DIR)``,
``conflicts(data_dir=DIR)``, ``jbanalysis report --data-dir DIR``, ``jbanalysis data validate
--data-dir DIR`` — or everywhere at once with the environment variable ``JBANALYSIS_USER_DATA=DIR``.
(``JBANALYSIS_DATA`` is different: it *replaces* the bundled data folder, for testing a modified
copy; ``JBANALYSIS_USER_DATA`` *adds* your folder to the bundle.)

Your values compete with the bundled ones under the same selection policy
(:mod:`jbanalysis.panel`), ranked by the source kind and vintage you declared; at equal rank the
bundled value wins. Every disagreement with a bundled value is listed by :func:`compare` (and
``jbanalysis data add`` prints it), so a user value never outranks an official statistic
silently.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import pandas as pd

from jbanalysis.errors import DataError

__all__ = [
    "ENV",
    "build_user",
    "init",
    "user_data_dir",
    "with_user_observations",
    "with_user_sources",
]

ENV = "JBANALYSIS_USER_DATA"
SOURCE_FILE_COLUMNS = [
    "record",
    "district",
    "year",
    "indicator",
    "value",
    "unit",
    "vintage",
    "flag",
    "source_id",
    "source_kind",
    "reliability",
    "url",
    "title",
    "note",
]
_ID = re.compile(r"^[a-z][a-z0-9_]{1,60}$")


def source_kinds() -> tuple[str, ...]:
    """Source kinds a user source may declare: those the default policy ranks, and ``user``
    (your own compilation; ranked after every published kind)."""
    from jbanalysis.registry.schema import SOURCE_KINDS, USER_SOURCE_KIND

    return (*SOURCE_KINDS, USER_SOURCE_KIND)


def user_data_dir(data_dir: str | Path | None = None) -> Path | None:
    """The user data folder: ``data_dir`` if given, else ``$JBANALYSIS_USER_DATA``, else None.

    >>> user_data_dir() is None or user_data_dir().is_dir()
    True
    """
    folder = data_dir if data_dir is not None else (os.environ.get(ENV) or None)
    if folder is None:
        return None
    path = Path(folder).expanduser()
    if not path.is_dir():
        origin = "data_dir=" if data_dir is not None else ENV
        raise DataError(
            f"no such user data folder ({origin}); create it with jbanalysis data add", file=path
        )
    return path


def _empty_observations() -> pd.DataFrame:
    from jbanalysis.registry.schema import OBSERVATION_COLUMNS

    return pd.DataFrame({c: pd.Series(dtype=object) for c in OBSERVATION_COLUMNS})


@cache
def _read_observations(path: str, mtime: float) -> pd.DataFrame:
    from jbanalysis.registry.schema import _OBS_DTYPES

    return pd.read_csv(path, dtype=_OBS_DTYPES, keep_default_na=False, na_values={"value": [""]})


def load_user_observations(folder: Path) -> pd.DataFrame:
    """The observations of a user data folder (empty if nothing was added yet)."""
    path = folder / "observations.csv"
    if not path.is_file():
        return _empty_observations()
    return _read_observations(str(path), path.stat().st_mtime)


def with_user_observations(bundled: pd.DataFrame, data_dir=None) -> pd.DataFrame:
    """``bundled`` followed by the user folder's observations (bundled rows first: ties go to
    the bundled value).

    >>> import tempfile
    >>> from jbanalysis.sources.observations import bundled_observations
    >>> len(with_user_observations(bundled_observations(), init(tempfile.mkdtemp())))  # empty folder
    21640
    """
    folder = user_data_dir(data_dir)
    if folder is None:
        return bundled
    mine = load_user_observations(folder)
    if not len(mine):
        return bundled
    clash = set(mine["source_id"].astype(str)) & set(bundled["source_id"].astype(str))
    if clash:
        raise DataError(f"source id(s) {sorted(clash)} are bundled sources", file=folder)
    return _concat(bundled, mine, str(folder), (folder / "observations.csv").stat().st_mtime)


def _concat(bundled, mine, key, mtime) -> pd.DataFrame:
    both = pd.concat([bundled.astype(object), mine.astype(object)], ignore_index=True)
    from jbanalysis.registry.schema import _OBS_DTYPES

    return both.astype({c: t for c, t in _OBS_DTYPES.items() if c in both.columns})


def with_user_sources(table: pd.DataFrame, data_dir=None) -> pd.DataFrame:
    """``table`` (a source registry) followed by the user folder's ``sources.csv`` rows.

    >>> import tempfile
    >>> len(with_user_sources(pd.DataFrame({"id": ["a"]}), init(tempfile.mkdtemp())))
    1
    """
    folder = user_data_dir(data_dir)
    if folder is None or not (folder / "sources.csv").is_file():
        return table
    mine = pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False)
    return pd.concat([table, mine], ignore_index=True).fillna("")


def describe(lang: str = "zh") -> str:
    """What a report adds from the user data folder (``""`` when none is in use), for the
    data-vintage line of every report: the folder's sources and how many values they hold.

    >>> describe() if user_data_dir() is None else ""
    ''
    """
    folder = user_data_dir()
    if folder is None:
        return ""
    mine = load_user_observations(folder)
    ids = ", ".join(sorted(set(mine["source_id"].astype(str)))) or "-"
    if lang == "zh":
        return f"；另加用户数据 {folder.name}（{len(mine)} 个数值，来源 {ids}）"
    return f"; plus user data {folder.name} ({len(mine)} values from {ids})"


def source_file(source_id: str) -> Path:
    """The source table of ``source_id``: bundled, else in the user data folder."""
    from jbanalysis.registry.paths import bundle_path

    bundled = bundle_path(f"sources/{source_id}.csv")
    folder = user_data_dir()
    if bundled.is_file() or folder is None:
        return bundled
    return folder / "sources" / f"{source_id}.csv"


def init(folder: str | Path) -> Path:
    """Create an empty user data folder (or check an existing one).

    >>> import tempfile
    >>> sorted(p.name for p in init(tempfile.mkdtemp()).iterdir())
    ['corrections.csv', 'originals', 'sources', 'sources.csv']
    """
    from jbanalysis.registry.paths import bundle_path

    folder = Path(folder).expanduser()
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    (folder / "originals").mkdir(exist_ok=True)
    for name in ("sources.csv", "corrections.csv"):
        target = folder / name
        if not target.is_file():
            header = bundle_path(name).read_text(encoding="utf-8").splitlines()[0]
            target.write_text(header + "\n", encoding="utf-8")
    return folder


def _user_sources(folder: Path) -> list[str]:
    path = folder / "sources.csv"
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


def build_user(data_dir: str | Path) -> int:
    """Rebuild ``observations.csv`` of a user data folder from its sources; the number of rows.

    >>> import tempfile
    >>> build_user(init(tempfile.mkdtemp()))
    0
    """
    from jbanalysis.sources.build import _fmt, build_observations

    folder = Path(data_dir)
    if not list((folder / "sources").glob("*.csv")):
        _write_csv(_empty_observations(), folder / "observations.csv")
        return 0
    obs, _ = build_observations(folder)
    out = obs.copy()
    out["value"] = out["value"].map(_fmt)
    out["published_value"] = out["published_value"].map(_fmt)
    _write_csv(out, folder / "observations.csv")
    _read_observations.cache_clear()
    return len(out)
