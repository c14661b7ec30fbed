"""Published group totals against the sum of their members' values in the panel."""

from __future__ import annotations

import numpy as np
import pandas as pd

from jbanalysis.registry.districts import group_members
from jbanalysis.registry.indicators import load_indicators


def aggregate_checks(
    panel: pd.DataFrame | None = None, groups=("central9", "metro21")
) -> pd.DataFrame:
    """Published group totals against the sum of their members' values in the panel.

    For each published total of an additive indicator (levels and counts), sums the members'
    panel values of the same year. A sum is computed only when every member has a value;
    otherwise ``members_sum`` is NaN and ``missing`` names the members without one, never a
    partial sum.

    difference = members_sum − published;  rel_difference = difference / published

    Where exactly one member is missing, ``implied_missing_value`` = published − the others' sum
    (e.g. 渝中 2009–2010 from the yearbook's zone table); it is reported, never put in the panel.

    >>> from jbanalysis.checks.aggregates import aggregate_checks
    >>> checks = aggregate_checks()
    >>> row = checks[(checks.group == "central9") & (checks.year == 2021) & (checks.indicator == "gdp")]
    >>> row[["published", "members_sum", "difference"]].round(2).to_numpy().tolist()
    [[10927.63, 10927.71, 0.08]]
    >>> checks.loc[(checks.group == "central9") & (checks.year == 2010) & (checks.indicator == "gdp"), "missing"].item()
    'yuzhong'
    """
    from jbanalysis.panel.load import load_panel
    from jbanalysis.sources.observations import load_observations

    obs = load_observations()
    kinds = load_indicators().set_index("id")["kind"]
    totals = obs[
        obs["district"].isin(groups) & obs["indicator"].map(kinds).isin(["level", "count"])
    ]
    totals = totals[totals["flag"] != "excluded"]
    panel = load_panel() if panel is None else panel
    values = panel.set_index(["district", "year", "indicator"])["value"]
    rows = []
    for t in totals.to_dict("records"):
        members = group_members(str(t["district"]))
        got = {m: values.get((m, t["year"], t["indicator"])) for m in members}
        missing = [m for m, v in got.items() if v is None or pd.isna(v)]
        total = np.nan if missing else float(sum(got.values()))
        rows.append(
            {
                "group": str(t["district"]),
                "year": int(t["year"]),
                "indicator": str(t["indicator"]),
                "published": float(t["value"]),
                "record": str(t["record"]),
                "vintage": str(t["vintage"]),
                "members_sum": total,
                "members_with_value": len(members) - len(missing),
                "missing": ", ".join(missing),
                "difference": total - float(t["value"]),
                "rel_difference": (total - float(t["value"])) / float(t["value"]),
                # With one member missing, what the published total implies for it (not a value
                # of the panel: the total and the members may be of different vintages).
                "implied_missing_value": (
                    float(t["value"]) - sum(v for m, v in got.items() if m not in missing)
                    if len(missing) == 1
                    else np.nan
                ),
            }
        )
    return pd.DataFrame(rows).sort_values(["group", "indicator", "year"]).reset_index(drop=True)
