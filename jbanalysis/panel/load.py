"""``load_panel``: the observations (bundled and the user's) selected into a panel, filtered."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.panel.selection import SelectionPolicy, select
from jbanalysis.registry.districts import district_ids, resolve_district
from jbanalysis.registry.indicators import resolve_indicator
from jbanalysis.registry.schema import PERIODS
from jbanalysis.sources.observations import load_observations


def _indicator_filter(indicators) -> list[str] | None:
    if indicators is None:
        return None
    if isinstance(indicators, str):
        return [resolve_indicator(indicators)]
    return [resolve_indicator(i) for i in indicators]


def _district_filter(districts) -> list[str] | None:
    if districts is None:
        return None
    if isinstance(districts, str) and districts in ("central", "other", "all", "city"):
        return district_ids(districts)
    if isinstance(districts, str):
        return [resolve_district(districts)]
    return [resolve_district(d) for d in districts]


def _year_filter(years) -> list[int] | None:
    if years is None:
        return None
    if isinstance(years, int | np.integer):
        return [int(years)]
    if isinstance(years, range | list | tuple | np.ndarray | pd.Index):
        return [int(y) for y in years]
    raise TypeError(f"years must be an int, a range or a list of ints, not {type(years).__name__}")


def load_panel(
    policy: str | SelectionPolicy = "default",
    districts: str | Iterable[str] | None = None,
    indicators: str | Iterable[str] | None = None,
    years: int | Iterable[int] | None = None,
    observations: pd.DataFrame | None = None,
    period: str | None = "Y",
    data_dir: str | Path | None = None,
) -> pd.DataFrame:
    """The bundled data as a tidy panel: one value per (district, year, indicator).

    Parameters
    ----------
    policy : str or SelectionPolicy
        ``"default"`` (official statistics first, then the most revised vintage; see the module
        docstring), ``"latest"``, ``"first_release"`` or ``"official"``.
    districts : str or list of str, optional
        A group (``"central"``, ``"other"``, ``"all"``, ``"city"``) or district names in any form
        (江北, 江北区, Jiangbei, 500105). Default: every unit, the city and published groups.
    indicators : str or list of str, optional
        Indicator ids (``data/indicators.csv``). Default: all.
    years : int, range or list of int, optional
    observations : DataFrame, optional
        Observations to select from (default: the bundled ones); e.g. bundled plus
        :func:`jbanalysis.read_table` output concatenated.
    period : str or None, default "Y"
        ``"Y"`` for calendar-year values; ``"Q1"``, ``"H1"`` or ``"Q1-Q3"`` for the cumulative
        values of part of a year (bulletins' 前三季度 figures); ``None`` for every period (the
        ``period`` column then tells them apart).
    data_dir : str or Path, optional
        A user data folder (:mod:`jbanalysis.sources.user`) whose values join the bundled ones under
        the same policy; default ``$JBANALYSIS_USER_DATA`` if set. Ignored with ``observations``.

    Returns
    -------
    DataFrame
        district, year, indicator, value, unit, source_id, record, vintage, flag, source_kind,
        reliability, period, correction, candidates, rule.

    Examples
    --------
    >>> p = load_panel(districts="江北", indicators="gdp", years=range(2016, 2019))
    >>> p[["year", "value", "flag"]].to_numpy().tolist()
    [[2016, 778.0091, 'observed'], [2017, 902.9378, 'interpolated'], [2018, 1027.8664, 'observed']]
    """
    obs = load_observations(data_dir) if observations is None else observations
    wanted_d = _district_filter(districts)
    wanted_i = _indicator_filter(indicators)
    wanted_y = _year_filter(years)
    mask = np.ones(len(obs), dtype=bool)
    if wanted_d is not None:
        mask &= obs["district"].isin(wanted_d).to_numpy()
    if wanted_i is not None:
        mask &= obs["indicator"].isin(wanted_i).to_numpy()
    if wanted_y is not None:
        mask &= obs["year"].isin(wanted_y).to_numpy()
    if period is not None:
        if period not in PERIODS:
            raise ValueError(f"period must be one of {', '.join(PERIODS)} or None, not {period!r}")
        if "period" in obs:
            mask &= (obs["period"] == period).to_numpy()
    return select(obs[mask], policy)
