"""Forecasts from the bundled panel: one district (the same for API, CLI and reports) or all.

Every one of them takes its inputs from :func:`~jbanalysis.forecast.inputs.series_inputs` — the
values, their vintages (which place the census breaks) and flags, and the overlap ratios of break
years that the observations hold in two vintages — so that ``jbanalysis forecast``, report 04,
:func:`forecast_district` and :func:`forecast_panel` give the same numbers for the same request.

A district whose series cannot be used in :func:`forecast_panel` (too short, values <= 0 for the
models asked) does not stop the run: it gets a row that says why (``attrs["skipped"]`` in
backtests).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

import pandas as pd

from jbanalysis.forecast.core import forecast
from jbanalysis.forecast.evaluate import backtest
from jbanalysis.forecast.fitting import ModelArg
from jbanalysis.forecast.inputs import overlap_ratios, series_inputs
from jbanalysis.forecast.models import ModelFitError
from jbanalysis.forecast.options import CHOICES, FitOptions, fit_options
from jbanalysis.forecast.series import SeriesError

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
        ``jbanalysis.registry.districts.district_ids``. Default: every column.
    column : str
        Column of the tidy panel to spread (``value``, ``vintage``, ``flag``); for another column
        than ``value`` a wide input (or a tidy one without that column) gives ``None``.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.forecast.panels import as_wide
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
            from jbanalysis.registry.districts import district_ids

            ids = district_ids(districts)
    else:
        ids = list(districts)
    missing = [d for d in ids if d not in wide.columns]
    if missing:
        raise KeyError(f"no column for district(s) {missing}; the data has {list(wide.columns)}")
    return wide[ids]


def forecast_district(
    district: str,
    indicator: str = "gdp",
    horizon: int = 5,
    model: ModelArg = "auto",
    level: Iterable[float] = (80, 95),
    *,
    policy: str = "default",
    panel: pd.DataFrame | None = None,
    last_year: int | None = None,
    options: FitOptions | None = None,
    today: datetime.date | int | None = None,
    **fit,
) -> pd.DataFrame:
    """Forecast one district's indicator from the panel, as the CLI and report 04 do.

    The same as ``forecast(inputs.series, ..., options=inputs.options())`` with
    ``inputs = series_inputs(district, indicator, policy)``; ``attrs["inputs"]`` keeps them.
    ``last_year`` uses the data up to that year only (a report's ``end_year``); default: the
    series' last observed year.

    Parameters
    ----------
    district, indicator : str
        Ids or names (``"江北"``, ``"GDP"``) resolved through the registry.
    horizon, model, level
        As for :func:`~jbanalysis.forecast.forecast`.
    policy : str
        The panel's selection policy (:func:`jbanalysis.load_panel`).
    panel : pandas.DataFrame, optional
        A tidy panel to read instead of the bundled one (e.g. with the user's data).
    last_year : int, optional
        Fit on the data up to this year only; the panel's later values are the ``actual``
        column, beside the forecast of their years.
    today : datetime.date or int, optional
        As for :func:`~jbanalysis.forecast.forecast`: years before its year are ``past``.
    options : FitOptions, optional
        The choice of window (``breaks``, ``gaps``, ``on_break`` of
        :class:`~jbanalysis.forecast.FitOptions`); the series' own fields (indicator, district,
        vintages, flags, overlap ratios) come from the panel.
    **fit
        ``breaks``, ``gaps`` or ``on_break`` as keywords, overriding ``options``.

    Examples
    --------
    >>> from jbanalysis.forecast import forecast_district
    >>> fc = forecast_district("jiangbei", "gdp", horizon=2)
    >>> fc["year"].tolist()[:1] >= [2023], fc.attrs["inputs"].district
    (True, 'jiangbei')
    """
    inputs = series_inputs(district, indicator, policy, panel)
    choice = fit_options(options, "forecast_district", CHOICES, **fit)
    full = inputs.series
    if last_year is not None:
        inputs = inputs.until(last_year)
    fc = forecast(inputs.series, horizon, model, level, options=inputs.options(choice), today=today)
    fc["actual"] = full.reindex(fc["year"]).to_numpy(dtype=float)
    fc.attrs["inputs"] = inputs
    return fc


def outturn_check(
    district: str,
    indicator: str = "gdp",
    years: int = 2,
    *,
    policy: str = "default",
    model: ModelArg = "auto",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The forecast made without the latest ``years`` observed years, against what was published.

    Fitted on the series up to ``last - years`` (the same inputs as :func:`forecast_district`,
    with vintages and ratios cut there too), forecast ``years`` ahead, and compared with the
    published values by :func:`~jbanalysis.forecast.outturn`.

    Returns
    -------
    tuple of DataFrame
        The hold-out forecast table and the outturn table.

    Examples
    --------
    >>> from jbanalysis.forecast import outturn_check
    >>> held, table = outturn_check("jiangbei", "gdp", years=2)
    >>> int(held["fit_end"].iloc[0]) + 2 == int(table["year"].iloc[-1])
    True
    """
    from jbanalysis.forecast.core import outturn

    inputs = series_inputs(district, indicator, policy)
    observed = inputs.series.dropna()
    if len(observed) < 3 + years:
        raise SeriesError(
            f"{district} {indicator}: {len(observed)} values leave fewer than 3 to fit once the "
            f"latest {years} are held out",
            "too_few_to_hold_out",
            n=len(observed),
            held=years,
        )
    held_inputs = inputs.until(int(observed.index[-1]) - years)
    held = forecast(held_inputs.series, years, model, options=held_inputs.options())
    return held, outturn(held, inputs.series)


def _labels(data, indicator, districts) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Vintage and flag by year x district when ``data`` is the tidy panel, else ``None``."""
    return (
        as_wide(data, indicator, districts, column="vintage"),
        as_wide(data, indicator, districts, column="flag"),
    )


def _column(frame: pd.DataFrame | None, district: str) -> pd.Series | None:
    return None if frame is None else frame[district]


def _where(district: str, indicator: str | None, vintages: pd.Series | None) -> dict:
    """``district`` (for its registered breaks) and, from the tidy panel, its overlap ratios."""
    from jbanalysis.registry.districts import load_districts

    if district not in set(load_districts()["id"]):
        return {}
    out: dict = {"district": district}
    if vintages is not None and indicator is not None:
        out["ratios"] = overlap_ratios(district, indicator, vintages)
    return out


def forecast_panel(
    data: pd.DataFrame,
    horizon: int = 5,
    indicator: str | None = None,
    districts: str | Sequence[str] | None = None,
    model: ModelArg = "auto",
    level: Iterable[float] = (80, 95),
    *,
    k: int = 3,
    options: FitOptions | None = None,
    **fit,
) -> pd.DataFrame:
    """Forecast every district's series (see :func:`~jbanalysis.forecast.forecast`).

    ``data`` is a years x districts frame or the tidy panel (see :func:`as_wide`); from the tidy
    panel the ``vintage`` and ``flag`` columns also place the census breaks and are noted, and the
    overlap ratios of the observations splice the census breaks, exactly as
    :func:`forecast_district` (and so the CLI and the reports) does. Column names are taken as
    district ids for the registered breaks.
    ``options`` and ``**fit`` choose the window (``breaks``, ``gaps``, ``on_break`` of
    :class:`~jbanalysis.forecast.FitOptions`), as for :func:`forecast_district`.

    Returns
    -------
    pandas.DataFrame
        The forecast tables stacked with a leading ``district`` column and a ``status`` column:
        ``ok``, or, on a single row with empty numbers, why that district could not be forecast.
        ``attrs["notes"]`` and ``attrs["diagnostics"]`` are dicts by district.

    Examples
    --------
    >>> import pandas as pd
    >>> import numpy as np
    >>> from jbanalysis.forecast import forecast_panel
    >>> wide = pd.DataFrame({"a": [1.0, 2, 3, 4], "b": [5.0, np.nan, 7, 8]},
    ...                     index=pd.Index(range(2019, 2023), name="year"))
    >>> fc = forecast_panel(wide, horizon=1, model="linear", breaks="none", gaps="error")
    >>> fc[["district", "year", "mean", "status"]]
      district  year  mean                                             status
    0        a  2023   5.0                                                 ok
    1        b  <NA>   NaN  'b' has no value for 2020 inside the fitting w...
    """
    choice = fit_options(options, "forecast_panel", CHOICES, **fit)
    wide = as_wide(data, indicator, districts)
    vintages, flags = _labels(data, indicator, districts)
    tidy = vintages is not None
    frames, notes, diagnostics = [], {}, {}
    for district in wide.columns:
        where = _where(district, indicator, _column(vintages, district) if tidy else None)
        try:
            fc = forecast(
                wide[district].rename(district), horizon, model, level,
                k=k, options=choice, indicator=indicator, vintages=_column(vintages, district),
                flags=_column(flags, district), **where,
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
    options: FitOptions | None = None,
    **fit,
) -> pd.DataFrame:
    """Backtest every district's series (see :func:`~jbanalysis.forecast.backtest`).

    ``data`` is a years x districts frame or the tidy panel (see :func:`as_wide`).
    ``options`` and ``**fit`` choose the window (``breaks``, ``gaps``, ``on_break`` of
    :class:`~jbanalysis.forecast.FitOptions`), as for :func:`forecast_district`.

    Returns
    -------
    pandas.DataFrame
        The backtest rows stacked with a leading ``district`` column (score them with
        ``score(frame, by=["district", "model"])``). ``attrs["skipped"]`` maps each district that
        could not be backtested to the reason; ``attrs["notes"]`` and ``attrs["diagnostics"]``
        are dicts by district.

    Examples
    --------
    >>> import pandas as pd
    >>> import numpy as np
    >>> from jbanalysis.forecast import backtest_panel
    >>> wide = pd.DataFrame({"a": [1.0, 2, 3, 4, 5], "b": [5.0, 6, 7, np.nan, np.nan]},
    ...                     index=pd.Index(range(2018, 2023), name="year"))
    >>> bt = backtest_panel(wide, models=["linear"], horizons=1, min_train=3, breaks="none",
    ...                     gaps="error")
    >>> bt[["district", "origin", "mean"]]
      district  origin  mean
    0        a    2020   4.0
    1        a    2021   5.0
    >>> bt.attrs["skipped"]  # doctest: +ELLIPSIS
    {'b': 'min_train=3 leaves no origin: the fitting window 2018–2020 has 3 values; ...'}
    """
    choice = fit_options(options, "backtest_panel", CHOICES, **fit)
    wide = as_wide(data, indicator, districts)
    vintages, flags = _labels(data, indicator, districts)
    tidy = vintages is not None
    frames, skipped, notes, diagnostics = [], {}, {}, {}
    for district in wide.columns:
        where = _where(district, indicator, _column(vintages, district) if tidy else None)
        try:
            bt = backtest(
                wide[district].rename(district), models, horizons, min_train, level,
                options=choice, indicator=indicator, vintages=_column(vintages, district),
                flags=_column(flags, district), **where,
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
