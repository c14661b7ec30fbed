"""A panel series as a forecast's inputs: values, vintages, flags and overlap ratios.

:func:`series_inputs` is the one place where a panel becomes a forecast's inputs, so that
``jbanalysis forecast``, report 04 and :func:`~jbanalysis.forecast.forecast_district` give the same
numbers for the same request.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from jbanalysis.forecast.options import FitOptions

#: What a panel series says about itself, as keywords of a forecast.
SERIES_FIELDS = ("indicator", "district", "vintages", "flags", "ratios")


@dataclass
class SeriesInputs:
    """Everything :func:`~jbanalysis.forecast.forecast` needs about one panel series.

    Attributes
    ----------
    district, indicator, unit : str
    series : pandas.Series
        Values by year (NaN where the panel has none).
    vintages, flags : pandas.Series
        The panel's ``vintage`` and ``flag`` by year.
    ratios : dict of int to float
        Overlap ratio (revised / first release of the same year) by break year, where the
        observations hold both vintages of a census year.
    """

    district: str
    indicator: str
    unit: str
    series: pd.Series
    vintages: pd.Series
    flags: pd.Series
    ratios: dict[int, float]

    def options(self, choice: FitOptions | None = None) -> FitOptions:
        """The series' :class:`~jbanalysis.forecast.FitOptions`: ``choice`` (breaks, gaps,
        on_break; default ``FitOptions()``) with this series' indicator, district, vintages,
        flags and overlap ratios."""
        return dataclasses.replace(
            choice or FitOptions(),
            indicator=self.indicator,
            district=self.district,
            vintages=self.vintages,
            flags=self.flags,
            ratios=self.ratios,
        )

    def kwargs(self) -> dict:
        """The series' fields of :meth:`options` as keywords of
        :func:`~jbanalysis.forecast.forecast` (``forecast(inputs.series, **inputs.kwargs())``)."""
        opts = self.options()
        return {name: getattr(opts, name) for name in SERIES_FIELDS}

    def until(self, year: int) -> SeriesInputs:
        """The same inputs with the data up to ``year`` only (values, labels and ratios)."""
        return SeriesInputs(
            self.district, self.indicator, self.unit, self.series.loc[:year],
            self.vintages.loc[:year], self.flags.loc[:year],
            {b: r for b, r in self.ratios.items() if b <= year},
        )  # fmt: skip


def overlap_ratios(
    district: str,
    indicator: str,
    vintages: pd.Series | None = None,
    observations: pd.DataFrame | None = None,
) -> dict[int, float]:
    """Overlap ratios of a series' census breaks, where the observations hold both vintages.

    For each registered economic census of the series whose reference year ``Y`` has a
    first-release and a revised value (``revised`` or ``census``), ``ratio = revised / first
    release``; it is keyed by the series' break year: ``Y`` where the series' own value of ``Y``
    is revised, else ``Y + 1``.

    Examples
    --------
    >>> from jbanalysis.forecast.inputs import overlap_ratios
    >>> r = overlap_ratios("yubei", "gdp")
    >>> sorted(r), round(r[2019], 4)  # 1752.83 / 1543.09, the 2018 revision
    ([2019], 1.1359)
    """
    from jbanalysis.registry.breaks import NEW_BASIS_VINTAGES, breaks_for
    from jbanalysis.sources.observations import load_observations

    obs = load_observations() if observations is None else observations
    rows = obs[(obs["district"] == district) & (obs["indicator"] == indicator)]
    vint = {} if vintages is None else {int(y): str(v) for y, v in vintages.dropna().items()}
    out: dict[int, float] = {}
    censuses = breaks_for(indicator, district)
    for year in censuses.loc[censuses["kind"] == "economic_census", "year"].astype(int):
        same = rows[rows["year"] == year]
        first = same.loc[same["vintage"] == "first_release", "value"].dropna()
        new = same.loc[same["vintage"].isin(NEW_BASIS_VINTAGES), "value"].dropna()
        if first.empty or new.empty or float(first.iloc[0]) <= 0:
            continue
        key = year if vint.get(year) in NEW_BASIS_VINTAGES else year + 1
        out[key] = float(new.iloc[0]) / float(first.iloc[0])
    return out


def series_inputs(
    district: str,
    indicator: str = "gdp",
    policy: str = "default",
    panel: pd.DataFrame | None = None,
) -> SeriesInputs:
    """The forecast inputs of one district's indicator from the panel (default: bundled).

    Examples
    --------
    >>> from jbanalysis.forecast import series_inputs
    >>> x = series_inputs("江北", "gdp")
    >>> x.district, x.unit, int(x.series.dropna().index[-1]) >= 2022
    ('jiangbei', 'cny_100m', True)
    """
    from jbanalysis.panel.load import load_panel
    from jbanalysis.registry.districts import resolve_district
    from jbanalysis.registry.indicators import resolve_indicator

    district = resolve_district(district)
    indicator = resolve_indicator(indicator)
    if panel is None:
        panel = load_panel(policy=policy, districts=[district], indicators=indicator)
    rows = panel[(panel["district"] == district) & (panel["indicator"] == indicator)]
    if rows.empty or rows["value"].notna().sum() == 0:
        from jbanalysis.forecast.series import SeriesError

        raise SeriesError(f"the panel has no {indicator} values for {district}", "no_values")
    by_year = rows.set_index("year").sort_index()
    by_year.index = by_year.index.astype(np.int64)
    series = by_year["value"].astype(float).rename(district)
    vintages = by_year["vintage"] if "vintage" in by_year else pd.Series(dtype=object)
    flags = by_year["flag"] if "flag" in by_year else pd.Series(dtype=object)
    ratios = overlap_ratios(district, indicator, vintages)
    unit = str(by_year["unit"].iloc[0]) if "unit" in by_year else ""
    return SeriesInputs(district, indicator, unit, series, vintages, flags, ratios)
