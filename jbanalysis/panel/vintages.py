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

from jbanalysis.panel.selection import SelectionPolicy, select
from jbanalysis.registry.districts import resolve_district
from jbanalysis.registry.indicators import resolve_indicator
from jbanalysis.registry.schema import MATCHED_VINTAGES
from jbanalysis.sources.observations import load_observations

__all__ = ["VINTAGE_COLUMNS", "vintage_values"]

VINTAGE_COLUMNS = ["district", "year", "vintage", "value", "source_id", "record", "flag"]


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
    if years is not None:
        mask &= obs["year"].isin([int(y) for y in years]).to_numpy()
    if "period" in obs:
        mask &= (obs["period"] == "Y").to_numpy()
    sub = obs[mask]
    frames = []
    for vintage in vintages:
        mine = sub[(sub["vintage"] == vintage).to_numpy()]
        if len(mine):
            chosen = select(mine, policy)
            frames.append(chosen.assign(vintage=vintage)[VINTAGE_COLUMNS])
    if not frames:
        return pd.DataFrame(columns=VINTAGE_COLUMNS)
    out = pd.concat([f.astype({"district": str, "vintage": str}) for f in frames])
    return out.sort_values(["district", "year", "vintage"]).reset_index(drop=True)
