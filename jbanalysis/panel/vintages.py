"""Every vintage of a value: the first release and the revision side by side, for like-for-like
comparisons.

The panel holds one value per (district, year, indicator), of whichever vintage the policy ranks
first: the city's GDP of 2005–2018 is CSMAR's revised series while the districts' are first
releases. A share or a rank that divides or orders values of one vintage needs the other vintage
of the same figure where the sources hold it; :func:`vintage_values` gives each vintage's own best
value, chosen by the same policy among the observations of that vintage.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from jbanalysis.panel.load import _district_filter
from jbanalysis.panel.selection import SelectionPolicy, select
from jbanalysis.registry.breaks import breaks_for
from jbanalysis.registry.districts import resolve_district
from jbanalysis.registry.indicators import resolve_indicator
from jbanalysis.registry.schema import MATCHED_VINTAGES
from jbanalysis.sources.observations import load_observations

__all__ = ["MIX_COLUMNS", "VINTAGE_COLUMNS", "vintage_mix", "vintage_values"]

VINTAGE_COLUMNS = ["district", "year", "vintage", "value", "source_id", "record", "flag"]
MIX_COLUMNS = [
    "indicator",
    "year",
    "district",
    "vintage",
    "value",
    "record",
    "common_vintage",
    "others",
    "matched_value",
    "matched_record",
    "breaks",
]


def vintage_values(
    indicator: str,
    districts: str | Iterable[str] | None = None,
    years: Iterable[int] | None = None,
    *,
    vintages: Iterable[str] = MATCHED_VINTAGES,
    observations: pd.DataFrame | None = None,
    policy: str | SelectionPolicy = "default",
    user_dir: str | Path | None = None,
) -> pd.DataFrame:
    """One value per (district, year, vintage): each vintage's own best value.

    For each vintage (default the first release and the revision), the observations of that
    vintage alone are selected by ``policy`` (:func:`jbanalysis.panel.select`), so a first release
    stands beside its revision even where the panel shows only one of them. Calendar-year values
    only; excluded values and bounds are never chosen.

    Parameters
    ----------
    indicator : str
    districts : str or list of str, optional
        Names in any form; default every unit.
    years : iterable of int, optional
    vintages : iterable of str, default ("first_release", "revised")
    observations : DataFrame, optional
        Default the bundled ones and the user's folder (``user_dir``).
    policy : str or SelectionPolicy, default "default"
    user_dir : str or Path, optional

    Returns
    -------
    DataFrame
        :data:`VINTAGE_COLUMNS`, sorted by district, year and vintage.

    Examples
    --------
    The city's 2018 GDP: the first release (before the fourth economic census) and the revision.

    >>> from jbanalysis.panel.vintages import vintage_values
    >>> v = vintage_values("gdp", "chongqing", [2018])
    >>> v[["vintage", "value", "record"]].to_numpy().tolist()
    [['first_release', 20363.19, 'PF0013'], ['revised', 21588.8, 'line 39:Gdpct01']]
    """
    indicator = resolve_indicator(indicator)
    obs = load_observations(user_dir) if observations is None else observations
    mask = (obs["indicator"] == indicator).to_numpy().copy()
    if districts is not None:
        names = [districts] if isinstance(districts, str) else list(districts)
        mask &= obs["district"].isin([resolve_district(d) for d in names]).to_numpy()
    if "period" in obs:
        mask &= (obs["period"] == "Y").to_numpy()
    sub = obs[mask]
    wanted_years = None if years is None else [int(y) for y in years]
    frames = []
    for vintage in vintages:
        mine = sub[(sub["vintage"] == vintage).to_numpy()]
        if len(mine):
            # every year is selected, then the years kept: the series rule counts a table's years
            chosen = select(mine, policy)
            if wanted_years is not None:
                chosen = chosen[chosen["year"].isin(wanted_years).to_numpy()]
            frames.append(chosen.assign(vintage=vintage)[VINTAGE_COLUMNS])
    if not frames:
        return pd.DataFrame(columns=VINTAGE_COLUMNS)
    out = pd.concat([f.astype({"district": str, "vintage": str}) for f in frames])
    return out.sort_values(["district", "year", "vintage"]).reset_index(drop=True)


def vintage_mix(
    panel: pd.DataFrame,
    districts: str | Iterable[str] | None = "central",
    *,
    user_dir: str | Path | None = None,
) -> pd.DataFrame:
    """The values of a group that stand on another vintage than the rest of their year.

    The panel takes each value's best vintage on its own, so one year of a group can mix them: in
    2018–2020 渝中's GDP is the revised value while the other central districts' are first
    releases. For every (indicator, year) of the group whose calendar-year values are of more than
    one vintage, one row per value off the year's common vintage (the more frequent of first
    release and revised, the first release on a tie, as the metrics compare), with the same
    figure's value of the common vintage where the sources hold it (what
    :func:`jbanalysis.metrics.rank` and :func:`~jbanalysis.metrics.share` compare instead) and the
    next registered change of source of that district and indicator
    (``source_switch``, first year after the value's), where the run of the odd vintage ends, so
    the switch is named. Nothing is replaced in the panel.

    Parameters
    ----------
    panel : DataFrame
        A tidy panel (:func:`jbanalysis.load_panel`).
    districts : str or list of str, default "central"
        A group name or districts in any form; ``None``: every district of the panel.
    user_dir : str or Path, optional
        The user's folder, for the other vintages.

    Returns
    -------
    DataFrame
        :data:`MIX_COLUMNS`; ``others`` counts the group's values of the common vintage that year,
        ``matched_value`` is NaN where the sources hold no value of the common vintage.

    Examples
    --------
    >>> from jbanalysis import load_panel
    >>> from jbanalysis.panel.vintages import vintage_mix
    >>> mix = vintage_mix(load_panel("central", indicators="gdp", years=range(2017, 2022)))
    >>> mix[["year", "district", "vintage", "common_vintage", "others"]].to_numpy().tolist()
    [[2018, 'yuzhong', 'revised', 'first_release', 8], [2019, 'yuzhong', 'revised', \
'first_release', 8], [2020, 'yuzhong', 'revised', 'first_release', 8]]
    >>> mix[["value", "matched_value", "matched_record", "breaks"]].to_numpy().tolist()[0]
    [1205.6, 1203.85, 'PF0123', 'B23']
    """
    rows = panel
    if "period" in rows:
        rows = rows[(rows["period"] == "Y").to_numpy()]
    wanted = _district_filter(districts)
    if wanted is not None:
        rows = rows[rows["district"].isin(wanted).to_numpy()]
    rows = rows.astype({"district": str, "indicator": str, "vintage": str})
    found = []
    for (indicator, year), group in rows.groupby(["indicator", "year"], sort=True):
        counts = group["vintage"].value_counts()
        if len(counts) < 2:
            continue
        # as metrics.rank compares: the more frequent of first release and revised (the first
        # release on a tie); a year with neither, its most frequent vintage
        known = [v for v in MATCHED_VINTAGES if v in counts.index] or sorted(counts.index)
        common = max(known, key=lambda v: counts[v])
        off = group[group["vintage"] != common]
        other = vintage_values(
            indicator, off["district"], [int(year)], vintages=[common], user_dir=user_dir
        ).set_index("district")
        for r in off.sort_values("district").itertuples(index=False):
            switch = breaks_for(indicator, r.district)
            switch = switch[(switch["kind"] == "source_switch") & (switch["first_year"] > year)]
            match = other.loc[r.district] if r.district in other.index else None
            found.append(
                {
                    "indicator": indicator,
                    "year": int(year),
                    "district": r.district,
                    "vintage": r.vintage,
                    "value": float(r.value),
                    "record": str(r.record),
                    "common_vintage": common,
                    "others": int(counts[common]),
                    "matched_value": float("nan") if match is None else float(match["value"]),
                    "matched_record": "" if match is None else str(match["record"]),
                    "breaks": "|".join(switch["break_id"].head(1)),
                }
            )
    return pd.DataFrame(found, columns=MIX_COLUMNS)
