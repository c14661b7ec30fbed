"""``read_table`` as users call it: a table of their own, with each value's size judged against the
bundled observations of the same series (:mod:`jbanalysis.io` reads; this module supplies the
reference, since the reader itself knows nothing of the bundle)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from jbanalysis.io import read_table as _read_table
from jbanalysis.sources.observations import bundled_observations

__all__ = ["read_table"]


def read_table(path: str | Path, source_id: str = "user", **options) -> pd.DataFrame:
    """:func:`jbanalysis.io.read_table` with ``reference`` = the bundled observations.

    Every option of :func:`jbanalysis.io.read_table` applies (``indicator=``, ``unit=``, …).

    >>> from jbanalysis.sources.read import read_table
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "jb.csv"
    >>> _ = path.write_text("地区,2020年\\n江北区,1325400\\n", encoding="utf-8")
    >>> read_table(path, indicator="gdp", unit="亿元")
    Traceback (most recent call last):
    ...
    jbanalysis.errors.DataError: ...
    """
    options.setdefault("reference", bundled_observations())
    return _read_table(path, source_id, **options)
