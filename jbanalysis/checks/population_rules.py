"""Population rules: a 'resident' population that is the registered count, found from the counts or
from GDP per capita."""

from __future__ import annotations

import pandas as pd

from jbanalysis.checks.findings import finding, where
from jbanalysis.checks.series_rules import DEPARTURE, MIN_RUN, PER_CAPITA_GAP, SAME_BASIS


def _registered_as_resident(tables: pd.DataFrame) -> list[dict]:
    out = []
    pops = tables[tables["indicator"].isin(["pop_resident", "pop_registered"])]
    for _, rows in pops.groupby("source_id", observed=True):
        values = rows.pivot_table(
            index="year", columns=["indicator", "district"], values="value", observed=True
        )
        if "pop_resident" not in values or "pop_registered" not in values:
            continue
        ratio = values["pop_resident"] / values["pop_registered"]
        resident = rows[rows["indicator"] == "pop_resident"]
        by_district = dict(list(resident.groupby("district", observed=True)))
        for district in ratio.columns:
            r = (ratio[district] - 1).abs().dropna()
            departs = r[r >= DEPARTURE]
            if departs.empty:
                continue
            switch = int(departs.index[0])
            run = r[r.index < switch]
            if len(run) < MIN_RUN or run.max() >= SAME_BASIS:
                continue
            mine = by_district.get(district, resident.iloc[0:0])
            out += _resident_findings(mine[mine["year"] < switch], r, switch)
    out += _registered_by_per_capita(tables, {f["record"] for f in out})
    return out


def _resident_findings(mine: pd.DataFrame, gap: pd.Series, switch: int) -> list[dict]:
    out = []
    for row in mine.to_dict("records"):
        out.append(
            finding(
                "error",
                "registered_as_resident",
                f"'resident' population {row['value']:g} 万 equals the registered "
                f"population within {SAME_BASIS:.0%} in every year before {switch}, when "
                f"it departs by {gap[switch]:.0%}: the registered count, not residents",
                column="value",
                **where(row),
            )
        )
    return out


def _registered_by_per_capita(tables: pd.DataFrame, found: set[str]) -> list[dict]:
    """Years where 'resident' = registered population (2 %) but the bureau's per-capita GDP
    divides GDP by a population more than 10 % different: the sibling shows the label is wrong."""
    from jbanalysis.registry.indicators import per_capita_factor

    wanted = ["pop_resident", "pop_registered", "gdp", "gdp_per_capita"]
    sub = tables[tables["indicator"].isin(wanted)]
    sub = sub[~((sub["indicator"] == "gdp_per_capita") & (sub["flag"] == "interpolated"))]
    out = []
    for _, rows in sub.groupby("source_id", observed=True):
        t = rows.pivot_table(
            index=["district", "year"], columns="indicator", values="value", observed=True
        )
        if not set(wanted) <= set(t.columns):
            continue
        t = t.dropna(subset=wanted)
        implied = t["gdp"] * per_capita_factor() / t["gdp_per_capita"]  # 亿元 / 元 -> 万人
        same = (t["pop_resident"] / t["pop_registered"] - 1).abs() < SAME_BASIS
        off = (implied / t["pop_resident"] - 1).abs() > PER_CAPITA_GAP
        resident = rows[rows["indicator"] == "pop_resident"].drop_duplicates(["district", "year"])
        first = pd.MultiIndex.from_arrays(
            [resident["district"].astype(object).to_numpy(), resident["year"].to_numpy()]
        )
        for district, year in t.index[same & off]:
            row = resident.iloc[first.get_loc((district, year))]
            if row["record"] in found:
                continue
            out.append(
                finding(
                    "error",
                    "registered_as_resident",
                    f"'resident' population {row['value']:g} 万 equals the registered population "
                    f"within {SAME_BASIS:.0%}, but the bureau's per-capita GDP divides GDP by "
                    f"{implied[(district, year)]:.1f} 万 ("
                    f"{implied[(district, year)] / row['value'] - 1:+.0%}): the registered count, "
                    "not residents",
                    column="value",
                    **where(row.to_dict()),
                )
            )
    return out
