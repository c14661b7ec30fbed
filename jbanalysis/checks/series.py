"""The series rules in the order :func:`jbanalysis.validate` runs them, and the two that need the
selection: a city total that breaks its own series, and a tie the policy cannot rank."""

from __future__ import annotations

import numpy as np
import pandas as pd

from jbanalysis.checks.break_rules import _bounds, _break_sizes, _scope_notes, _unregistered_breaks
from jbanalysis.checks.findings import finding, where
from jbanalysis.checks.population_rules import _registered_as_resident
from jbanalysis.checks.series_rules import (
    SPIKE_FACTOR,
    _annual,
    _collapse,
    _copied_year,
    _kinds,
    _misaligned_year,
    _neighbour_mean,
    _shared_values,
    single_tables,
)
from jbanalysis.checks.shift_rules import shift_findings

__all__ = ["series_findings"]


def _city_spike(panel: pd.DataFrame) -> list[dict]:
    from jbanalysis.registry.breaks import new_basis_years
    from jbanalysis.registry.districts import load_districts

    registry = load_districts()
    totals = set(registry.loc[registry["level"].isin(["city", "group"]), "id"])
    sub = panel[
        panel["district"].isin(totals)
        & panel["indicator"].astype(str).map(_kinds()).isin(["level"])
        & (panel["value"] > 0)
    ]
    out = []
    for (district, indicator), rows in sub.groupby(["district", "indicator"]):
        s = rows.set_index("year")["value"].sort_index()
        breaks = new_basis_years(indicator, district)
        for year in s.index:
            if year - 1 not in s.index or year + 1 not in s.index:
                continue
            if year in breaks or year + 1 in breaks:
                continue
            r = s[year] / np.sqrt(s[year - 1] * s[year + 1])
            if SPIKE_FACTOR > r > 1 / SPIKE_FACTOR:
                continue
            row = rows[rows["year"] == year].iloc[0].to_dict()
            out.append(
                finding(
                    "error",
                    "city_spike",
                    f"{s[year]:g} is {r:.2f}× the geometric mean of {year - 1} ({s[year - 1]:g}) "
                    f"and {year + 1} ({s[year + 1]:g}): a different scope or caliber?",
                    column="value",
                    **where(row),
                )
            )
    return out


def _unresolved_ties(obs: pd.DataFrame) -> list[dict]:
    from jbanalysis.panel.selection import select

    panel = select(obs)
    out = []
    for row in panel[panel["rule"] == "unresolved tie"].to_dict("records"):
        rivals = obs[
            (obs["district"] == row["district"])
            & (obs["year"] == row["year"])
            & (obs["indicator"] == row["indicator"])
            & (obs["record"] != row["record"])
            & (obs["flag"] != "excluded")
        ]
        others = ", ".join(f"{r['value']:g} ({r['record']})" for r in rivals.to_dict("records"))
        out.append(
            finding(
                "error",
                "unresolved_tie",
                f"{row['value']:g} ({row['record']}) ties with {others} on every criterion of the "
                "selection policy: resolve it with evidence (a published total, another vintage) "
                "in corrections.csv",
                column="value",
                **where(row),
            )
        )
    return out


def series_findings(obs: pd.DataFrame, folder=None) -> list[dict]:
    """Every finding of the rules of this module on ``obs`` (observations, as published or fixed).

    >>> from jbanalysis.checks.series import series_findings
    >>> from jbanalysis.sources.observations import load_observations
    >>> found = series_findings(load_observations())
    >>> sorted({(f["rule"], f["year"]) for f in found if f["severity"] == "error"})
    [('shared_values', 2009), ('shared_values', 2017)]

    (Two coincidences that ``corrections.csv`` keeps with a reason; :func:`jbanalysis.validate`
    reports them as ``accepted``.)
    """
    from jbanalysis.panel.selection import select

    annual = _annual(obs)
    tables = single_tables(annual, folder)
    out: list[dict] = []
    out += _neighbour_mean(tables)
    out += _copied_year(tables)
    out += _misaligned_year(tables)
    out += _shared_values(tables)
    out += _collapse(tables)
    out += _registered_as_resident(tables)
    out += _city_spike(select(annual))
    out += _unregistered_breaks(tables)
    out += shift_findings(tables, annual)
    out += _unresolved_ties(annual)
    out += _bounds(obs[obs["period"].astype(str) == "Y"] if "period" in obs else obs)
    out += _scope_notes(obs)
    out += _break_sizes(obs)
    return out
