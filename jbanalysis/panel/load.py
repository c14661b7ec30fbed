"""``load_panel``: the observations (bundled and the user's) selected into a panel, filtered."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.panel.selection import POLICIES, SelectionPolicy, select
from jbanalysis.registry.districts import GROUPS, district_ids, resolve_district
from jbanalysis.registry.indicators import resolve_indicator
from jbanalysis.registry.paths import user_dir_alias
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
    if isinstance(districts, str) and districts in GROUPS:
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
    which: str | Iterable[str] | SelectionPolicy | None = None,
    /,
    *,
    districts: str | Iterable[str] | None = None,
    policy: str | SelectionPolicy = "default",
    indicators: str | Iterable[str] | None = None,
    years: int | Iterable[int] | None = None,
    observations: pd.DataFrame | None = None,
    period: str | None = "Y",
    user_dir: str | Path | None = None,
    data_dir: str | Path | None = None,
) -> pd.DataFrame:
    """The bundled data as a tidy panel: one value per (district, year, indicator).

    ``jb.load_panel("江北")`` is 江北's panel: the one positional argument is the districts,
    every other option is a keyword. (A policy given first, as older scripts do —
    ``load_panel("latest", districts="渝北")`` — still works, with a ``FutureWarning`` asking for
    ``policy=``.)

    Parameters
    ----------
    which, districts : str or list of str, optional
        A group (``"central"``, ``"districts"``, ``"other"``, ``"all"``, ``"city"``) or district
        names in any form (江北, 江北区, Jiangbei, 500105). Default: every unit, the city and
        published groups.
    policy : str or SelectionPolicy
        ``"default"`` (official statistics first, then the most revised vintage; see
        :mod:`jbanalysis.panel.selection`), ``"latest"``, ``"first_release"`` or ``"official"``.
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
    user_dir : str or Path, optional
        A user data folder (:mod:`jbanalysis.sources.user`) whose values join the bundled ones under
        the same policy; default ``$JBANALYSIS_USER_DATA`` if set. Ignored with ``observations``.
    data_dir : str or Path, optional
        Deprecated name of ``user_dir`` (a ``FutureWarning``).

    Returns
    -------
    DataFrame
        district, year, indicator, value, unit, source_id, record, vintage, flag, source_kind,
        reliability, period, correction, candidates, rule.

    Examples
    --------
    >>> import jbanalysis as jb
    >>> p = jb.load_panel("江北", indicators="gdp", years=range(2016, 2019))
    >>> p[["year", "value", "flag"]].to_numpy().tolist()
    [[2016, 778.0091, 'observed'], [2017, 902.9378, 'interpolated'], [2018, 1027.8664, 'observed']]
    >>> jb.load_panel("jiangbei", policy="first_release", indicators="gdp", years=2018)["value"].item()
    1027.8664
    """
    user_dir = user_dir_alias(user_dir, data_dir, "load_panel")
    if isinstance(which, SelectionPolicy) or (isinstance(which, str) and which in POLICIES):
        name = which if isinstance(which, str) else which.name
        warnings.warn(
            f"load_panel({name!r}, ...): the positional argument is the districts now; pass the "
            f"policy as load_panel(policy={name!r}, ...)",
            FutureWarning,
            stacklevel=2,
        )
        policy = which
    elif which is not None:
        if districts is not None:
            raise TypeError(
                f"load_panel() got the districts twice: {which!r} and districts={districts!r}"
            )
        districts = which
    obs = load_observations(user_dir) if observations is None else observations
    wanted_d = _district_filter(districts)
    wanted_i = _indicator_filter(indicators)
    wanted_y = _year_filter(years)
    mask = np.ones(len(obs), dtype=bool)
    if wanted_d is not None:
        mask &= obs["district"].isin(wanted_d).to_numpy()
    if wanted_i is not None:
        mask &= obs["indicator"].isin(wanted_i).to_numpy()
    if period is not None:
        if period not in PERIODS:
            raise ValueError(f"period must be one of {', '.join(PERIODS)} or None, not {period!r}")
        if "period" in obs:
            mask &= (obs["period"] == period).to_numpy()
    # the years are kept after the selection: the series rule counts a table's years, so
    # selecting among one year's rows alone could pick another value than the whole panel does
    panel = select(obs[mask], policy)
    if wanted_y is None:
        return panel
    return panel[panel["year"].isin(wanted_y).to_numpy()].reset_index(drop=True)
