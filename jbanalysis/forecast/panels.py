"""Forecasts and backtests for every district of a group, one indicator, in one call.

A district whose series cannot be used (too short, a gap, values <= 0 for the models asked) does
not stop the run: it gets a row (forecasts) or an entry in ``attrs["skipped"]`` (backtests) that
says why.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from jbanalysis.forecast.core import ModelArg, forecast
from jbanalysis.forecast.evaluate import backtest
from jbanalysis.forecast.models import ModelFitError

_TIDY_COLUMNS = {"district", "year", "indicator", "value"}


def as_wide(
    data: pd.DataFrame,
    indicator: str | None = None,
    districts: str | Sequence[str] | None = None,
    column: str = "value",
) -> pd.DataFrame | None:
    """Years x districts frame from a wide frame or from the tidy panel (one indicator).

    Parameters
    ----------
    data : pandas.DataFrame
        Either years (index) x districts (columns), as ``jbanalysis.panel.wide`` returns, or the
        tidy panel with columns ``district, year, indicator, value``.
    indicator : str, optional
        Required for the tidy panel (which holds several indicators).
    districts : str or list of str, optional
        Columns to keep; a group name (``"central"``, ``"other"``, ``"all"``) is resolved with
        ``jbanalysis.districts.district_ids``. Default: every column.
    column : str
        Column of the tidy panel to spread (``value``, ``vintage``, ``flag``); for another column
        than ``value`` a wide input (or a tidy one without that column) gives ``None``.

    Examples
    --------
    >>> tidy = pd.DataFrame({"district": ["a", "a", "b"], "year": [2020, 2021, 2020],
    ...                      "indicator": "gdp", "value": [1.0, 2.0, 3.0]})
    >>> as_wide(tidy, "gdp")
    district    a    b
    year
    2020      1.0  3.0
    2021      2.0  NaN
    """
    if _TIDY_COLUMNS <= set(data.columns):
        if column not in data.columns:
            return None
        if indicator is None:
            raise ValueError(
                "the tidy panel holds several indicators: pass indicator='gdp' (or another)"
            )
        rows = data[data["indicator"] == indicator]
        if rows.empty:
            known = sorted(data["indicator"].unique())
            raise ValueError(f"no rows for indicator {indicator!r}; the panel has {known}")
        from jbanalysis.tables import years_by_district

        wide = years_by_district(rows, column, what=f"the panel's {indicator} rows")
    elif column != "value":
        return None
    else:
        wide = data
    if districts is None:
        return wide
    if isinstance(districts, str):
        if districts in wide.columns:
            ids = [districts]
        else:
            from jbanalysis.districts import district_ids

            ids = district_ids(districts)
    else:
        ids = list(districts)
    missing = [d for d in ids if d not in wide.columns]
    if missing:
        raise KeyError(f"no column for district(s) {missing}; the data has {list(wide.columns)}")
    return wide[ids]


def _labels(data, indicator, districts) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Vintage and flag by year x district when ``data`` is the tidy panel, else ``None``."""
    return (
        as_wide(data, indicator, districts, column="vintage"),
        as_wide(data, indicator, districts, column="flag"),
    )


def _column(frame: pd.DataFrame | None, district: str) -> pd.Series | None:
    return None if frame is None else frame[district]


def forecast_panel(
    data: pd.DataFrame,
    horizon: int = 5,
    indicator: str | None = None,
    districts: str | Sequence[str] | None = None,
    model: ModelArg = "auto",
    level: Iterable[float] = (80, 95),
    *,
    breaks: str | Iterable[int] = "known",
    gaps: str = "error",
    k: int = 3,
) -> pd.DataFrame:
    """Forecast every district's series (see :func:`~jbanalysis.forecast.forecast`).

    ``data`` is a years x districts frame or the tidy panel (see :func:`as_wide`); from the tidy
    panel the ``vintage`` and ``flag`` columns also place the census breaks and are noted.

    Returns
    -------
    pandas.DataFrame
        The forecast tables stacked with a leading ``district`` column and a ``status`` column:
        ``ok``, or, on a single row with empty numbers, why that district could not be forecast.
        ``attrs["notes"]`` and ``attrs["diagnostics"]`` are dicts by district.

    Examples
    --------
    >>> wide = pd.DataFrame({"a": [1.0, 2, 3, 4], "b": [5.0, np.nan, 7, 8]},
    ...                     index=pd.Index(range(2019, 2023), name="year"))
    >>> fc = forecast_panel(wide, horizon=1, model="linear", breaks="none")
    >>> fc[["district", "year", "mean", "status"]]
      district  year  mean                                             status
    0        a  2023   5.0                                                 ok
    1        b  <NA>   NaN  'b' has no value for 2020 inside the fitting w...
    """
    wide = as_wide(data, indicator, districts)
    vintages, flags = _labels(data, indicator, districts)
    frames, notes, diagnostics = [], {}, {}
    for district in wide.columns:
        try:
            fc = forecast(
                wide[district].rename(district), horizon, model, level,
                breaks=breaks, gaps=gaps, indicator=indicator, k=k,
                vintages=_column(vintages, district), flags=_column(flags, district),
            )  # fmt: skip
        except (ValueError, ModelFitError) as exc:
            frames.append(pd.DataFrame({"district": [district], "status": [str(exc)]}))
            notes[district] = [str(exc)]
            continue
        notes[district] = fc.attrs["notes"]
        diagnostics[district] = fc.attrs["diagnostics"]
        fc.insert(0, "district", district)
        fc["status"] = "ok"
        fc.attrs = {}
        frames.append(fc)
    out = pd.concat(frames, ignore_index=True)
    for col in ("year", "fit_start", "fit_end", "n_fit"):
        if col in out:
            out[col] = out[col].astype("Int64")
    out.attrs["notes"] = notes
    out.attrs["diagnostics"] = diagnostics
    return out


def backtest_panel(
    data: pd.DataFrame,
    indicator: str | None = None,
    districts: str | Sequence[str] | None = None,
    models: str | Sequence[str] = "all",
    horizons: int | Iterable[int] = 5,
    min_train: int | None = None,
    level: Iterable[float] = (80, 95),
    *,
    breaks: str | Iterable[int] = "known",
    gaps: str = "error",
) -> pd.DataFrame:
    """Backtest every district's series (see :func:`~jbanalysis.forecast.backtest`).

    ``data`` is a years x districts frame or the tidy panel (see :func:`as_wide`).

    Returns
    -------
    pandas.DataFrame
        The backtest rows stacked with a leading ``district`` column (score them with
        ``score(frame, by=["district", "model"])``). ``attrs["skipped"]`` maps each district that
        could not be backtested to the reason; ``attrs["notes"]`` and ``attrs["diagnostics"]``
        are dicts by district.

    Examples
    --------
    >>> wide = pd.DataFrame({"a": [1.0, 2, 3, 4, 5], "b": [5.0, 6, 7, np.nan, np.nan]},
    ...                     index=pd.Index(range(2018, 2023), name="year"))
    >>> bt = backtest_panel(wide, models=["linear"], horizons=1, min_train=3, breaks="none")
    >>> bt[["district", "origin", "mean"]]
      district  origin  mean
    0        a    2020   4.0
    1        a    2021   5.0
    >>> bt.attrs["skipped"]  # doctest: +ELLIPSIS
    {'b': 'min_train=3 leaves no origin: the fitting window 2018–2020 has 3 values; ...'}
    """
    wide = as_wide(data, indicator, districts)
    vintages, flags = _labels(data, indicator, districts)
    frames, skipped, notes, diagnostics = [], {}, {}, {}
    for district in wide.columns:
        try:
            bt = backtest(
                wide[district].rename(district), models, horizons, min_train, level,
                breaks=breaks, gaps=gaps, indicator=indicator,
                vintages=_column(vintages, district), flags=_column(flags, district),
            )  # fmt: skip
        except ValueError as exc:
            skipped[district] = str(exc)
            continue
        notes[district] = bt.attrs["notes"]
        diagnostics[district] = bt.attrs["diagnostics"]
        bt.insert(0, "district", district)
        bt.attrs = {}
        frames.append(bt)
    if not frames:
        raise ValueError(f"no district could be backtested: {skipped}")
    out = pd.concat(frames, ignore_index=True)
    out.attrs["skipped"] = skipped
    out.attrs["notes"] = notes
    out.attrs["diagnostics"] = diagnostics
    return out
