"""The fan chart: history, the fitting window and the 80 %/95 % forecast bands."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from jbanalysis.plots.breaks import YearBreaks, draw_breaks, series_breaks
from jbanalysis.plots.layout import indicator_of, new_ax, record
from jbanalysis.plots.theme import (
    BREAK_COLOUR,
    CITY_COLOUR,
    FLAG_MARKERS,
    HIGHLIGHT,
    PALETTE,
    chart_lang,
)
from jbanalysis.registry.terms import term

_FAN_COLUMNS = ("median", "lo80", "hi80", "lo95", "hi95")


def fan_chart(
    history: pd.Series,
    forecast: pd.DataFrame,
    *,
    flags: pd.Series | None = None,
    target: tuple[int, float] | None = None,
    breaks: YearBreaks | None = None,
    ax: Axes | None = None,
    title: str = "",
    ylabel: str = "",
    lang: str | None = None,
) -> Axes:
    """History, median forecast and 80 %/95 % bands of a :func:`jbanalysis.forecast.forecast`.

    The fitted years (``fit_start``–``fit_end``) are shaded, so it is clear which history the
    model learnt from. ``target`` marks a (year, value) to reach. Registered breaks of the series
    inside the years shown, history and forecast, are dotted lines: ``breaks`` (first years of a
    new basis), by default the series' own — read from the forecast's inputs
    (``forecast.attrs["inputs"]``: indicator, district, vintages) or from the indicator of
    ``flags`` and the district named by ``history`` (:func:`jbanalysis.plots.breaks.series_breaks`).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from jbanalysis.plots.fan import fan_chart
    >>> from jbanalysis.plots.theme import set_theme
    >>> _ = set_theme("en")
    >>> h = pd.Series([100.0, 110.0, 121.0], index=[2020, 2021, 2022])
    >>> f = pd.DataFrame({"year": [2023], "median": [133.0], "lo80": [125.0], "hi80": [141.0],
    ...                   "lo95": [120.0], "hi95": [146.0], "fit_start": [2020], "fit_end": [2022]})
    >>> ax = fan_chart(h, f, target=(2023, 150.0))
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['actual', 'median forecast', '80% interval', '95% interval', 'target']
    >>> ax = fan_chart(h, f, breaks=[2022])
    >>> [line.get_gid() for line in ax.lines if line.get_gid()]
    ['break:2022']
    >>> plt.close("all")
    """
    lang = chart_lang(lang)
    ax = new_ax(ax)
    hist = history.dropna()
    x_hist = hist.index.to_numpy(dtype=float)
    ax.plot(
        x_hist, hist.to_numpy(), "-o", color=HIGHLIGHT, lw=2.2, ms=3.5, label=term("history", lang)
    )
    if flags is not None:
        for flag, marker in FLAG_MARKERS.items():
            years = [y for y in hist.index if flags.get(y) == flag]
            if years:
                ax.plot(
                    years,
                    hist.loc[years].to_numpy(),
                    linestyle="",
                    marker=marker,
                    ms=8,
                    markerfacecolor="white",
                    markeredgecolor=HIGHLIGHT,
                    markeredgewidth=1.6,
                    zorder=6,
                    label=term(flag, lang),
                )
    years = np.concatenate([[x_hist[-1]], forecast["year"].to_numpy(dtype=float)])
    last = float(hist.iloc[-1])

    def with_last(column: str) -> np.ndarray:
        return np.concatenate([[last], forecast[column].to_numpy(dtype=float)])

    ax.plot(years, with_last("median"), "--", color=CITY_COLOUR, lw=1.8, label=term("median", lang))
    for lv, alpha in (("80", 0.35), ("95", 0.15)):
        if f"lo{lv}" in forecast.columns:
            ax.fill_between(
                years,
                with_last(f"lo{lv}"),
                with_last(f"hi{lv}"),
                color=HIGHLIGHT,
                alpha=alpha,
                lw=0,
                label=term(f"interval{lv}", lang),
            )
    if "fit_start" in forecast.columns:
        start, end = float(forecast["fit_start"].iloc[0]), float(forecast["fit_end"].iloc[0])
        ax.axvspan(start - 0.4, end + 0.4, color=PALETTE["fit_window"], alpha=0.5, lw=0, zorder=0)
    if target is not None:
        ax.plot(
            [target[0]],
            [target[1]],
            marker="*",
            ms=14,
            color=PALETTE["target"],
            ls="",
            label=term("target", lang),
        )
    if breaks is None:
        breaks = _own_breaks(history, forecast, flags)
    shown = pd.concat([hist, forecast.set_index("year")["median"]])
    handles, _ = ax.get_legend_handles_labels()
    handles += draw_breaks(ax, shown.to_frame("history"), breaks, {"history": BREAK_COLOUR}, lang)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(handles=handles, loc="upper left")
    ax.set_title(title, loc="left")
    ax.set_ylabel(ylabel)
    drawn = forecast.set_index("year")[[c for c in _FAN_COLUMNS if c in forecast.columns]]
    drawn = pd.concat([hist.rename("history"), drawn], axis=1)
    record("fan", ax, drawn, indicator=indicator_of(flags), district=history.name)
    return ax


def _own_breaks(history: pd.Series, forecast: pd.DataFrame, flags) -> YearBreaks:
    """The series' registered breaks, where the chart can tell which series it is."""
    inputs = forecast.attrs.get("inputs")
    if inputs is not None:
        vintages = pd.DataFrame(
            {
                "district": inputs.district,
                "indicator": inputs.indicator,
                "year": inputs.vintages.index.astype(int),
                "vintage": inputs.vintages.to_numpy(),
            }
        )
        return series_breaks(inputs.indicator, [inputs.district], vintages)
    indicator, district = indicator_of(flags), history.name
    if indicator is None or not isinstance(district, str):
        return ()
    from jbanalysis.registry.districts import CITY, district_ids

    known = [*district_ids("all"), CITY]
    return series_breaks(indicator, [district]) if district in known else ()
