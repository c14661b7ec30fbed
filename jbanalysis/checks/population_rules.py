"""Population rules: a 'resident' population that is the registered count, found from the counts or
from GDP per capita."""

from __future__ import annotations

import numpy as np
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
    divides GDP by a population more than 10 % different: the sibling shows the label is wrong.

    A gap under 10 % counts too when it lasts: five or more consecutive years with the column
    within the departure threshold (3 %) of the registered count and the implied population off
    by more than 3 % the same way every year (永川 2011–2016, issue 18: 3–8 %). A one-year gap of
    that size is the mean-versus-year-end difference; a run of them is not."""
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
        apart = (t["pop_resident"] / t["pop_registered"] - 1).abs()
        gap = implied / t["pop_resident"] - 1
        strict = (apart < SAME_BASIS) & (gap.abs() > PER_CAPITA_GAP)
        flagged = strict | _long_runs(gap, apart)
        resident = rows[rows["indicator"] == "pop_resident"].drop_duplicates(["district", "year"])
        first = pd.MultiIndex.from_arrays(
            [resident["district"].astype(object).to_numpy(), resident["year"].to_numpy()]
        )
        for district, year in t.index[flagged]:
            row = resident.iloc[first.get_loc((district, year))]
            if row["record"] in found:
                continue
            band = SAME_BASIS if strict[(district, year)] else DEPARTURE
            out.append(
                finding(
                    "error",
                    "registered_as_resident",
                    f"'resident' population {row['value']:g} 万 equals the registered population "
                    f"within {band:.0%}, but the bureau's per-capita GDP divides GDP by "
                    f"{implied[(district, year)]:.1f} 万 ("
                    f"{implied[(district, year)] / row['value'] - 1:+.0%}): the registered count, "
                    "not residents",
                    column="value",
                    **where(row.to_dict()),
                )
            )
    return out


def _long_runs(gap: pd.Series, apart: pd.Series) -> pd.Series:
    """Years of runs of :data:`MIN_RUN` or more consecutive years of one unit whose column is
    within :data:`DEPARTURE` of the registered count while the bureau's per-capita GDP implies a
    population off by more than :data:`DEPARTURE` the same way, year after year."""
    near = (apart < DEPARTURE) & (gap.abs() > DEPARTURE)
    out = pd.Series(False, index=gap.index)
    for _, flags in near.groupby(level="district"):
        run: list = []
        for key, ok in [*flags.items(), (None, False)]:
            same_way = run and np.sign(gap[key]) == np.sign(gap[run[-1]]) if ok else False
            if ok and (not run or (key[1] == run[-1][1] + 1 and same_way)):
                run.append(key)
                continue
            if len(run) >= MIN_RUN:
                out[run] = True
            run = [key] if ok else []
    return out
