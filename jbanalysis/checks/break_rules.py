"""Break rules: growth that scatters in a year no registered break explains, a registered break
size the data no longer show, bounds a value contradicts, values whose source excludes part of the unit."""

from __future__ import annotations

import numpy as np
import pandas as pd

from jbanalysis.checks.findings import finding, where
from jbanalysis.checks.series_rules import (
    BREAK_SIZE_TOLERANCE,
    MIN_UNITS,
    SCOPE_WORDS,
    _break_units,
    _frames,
    single_tables,
)
from jbanalysis.registry.paths import BREAKS, source_label


def _unregistered_breaks(tables: pd.DataFrame) -> list[dict]:
    from jbanalysis.metrics.vintages import break_years
    from jbanalysis.registry.breaks import load_breaks

    registered = load_breaks()
    out = []
    for source, indicator, _, wide in _frames(tables):
        covered = _break_units(registered, indicator)
        try:
            years = break_years(wide.where(wide > 0))
        except Exception:
            continue
        for r in years[years["is_break"]].itertuples():
            units = covered.get(int(r.year), set())
            if units is None or r.n < MIN_UNITS:
                continue
            if units:
                # A break of a few units (a boundary change) explains their own growth, not the
                # scatter of the others: judge the year again without them.
                rest = wide.drop(columns=[c for c in wide.columns if c in units])
                if rest.shape[1] < MIN_UNITS:
                    continue
                again = break_years(rest.where(rest > 0))
                again = again[(again["year"] == r.year) & again["is_break"]]
                if again.empty:
                    continue
                r = next(again.itertuples())
            out.append(
                finding(
                    "warning",
                    "unregistered_break",
                    f"growth of {indicator} scatters across the {r.n} units in {r.year} "
                    f"(dispersion z = {r.dispersion_z:.1f}, {r.flagged} units out of line) and no "
                    "registered break starts then: register it in breaks.csv with its evidence, "
                    "or accept it in corrections.csv",
                    file=source_label(source),
                    source_id=source,
                    record="*",
                    district="*",
                    year=int(r.year),
                    indicator=indicator,
                )
            )
    return out


def _bounds(obs: pd.DataFrame) -> list[dict]:
    if "bound" not in obs:
        return []
    bounds = obs[(obs["bound"].astype(str) != "") & (obs["flag"] != "excluded")]
    values = obs[(obs["bound"].astype(str) == "") & (obs["flag"] != "excluded")]
    key = ["district", "year", "indicator", "period"]
    pairs = bounds.merge(values, on=key, suffixes=("", "_value"))
    ok = {
        ">": lambda v, b: v > b,
        ">=": lambda v, b: v >= b,
        "<": lambda v, b: v < b,
        "<=": lambda v, b: v <= b,
    }
    out = []
    for row in pairs.to_dict("records"):
        if ok[str(row["bound"])](row["value_value"], row["value"]):
            continue
        out.append(
            finding(
                "error",
                "bound",
                f"{row['value_value']:g} ({row['record_value']}) contradicts the printed bound "
                f"{row['bound']}{row['value']:g} ({row['record']})",
                column="value",
                **where(row),
            )
        )
    return out


def _scope_notes(obs: pd.DataFrame) -> list[dict]:
    if "note" not in obs:
        return []
    noted = obs[obs["note"].astype(str).str.contains(SCOPE_WORDS) & (obs["flag"] != "excluded")]
    return [
        finding(
            "error",
            "scope_note",
            f"the source's note says this value leaves part of the unit out ({row['note'][:80]}): "
            "it is not the registry unit's value; exclude it or register the scope change",
            column="value",
            **where(row),
        )
        for row in noted.to_dict("records")
    ]


def measured_break_size(row, obs: pd.DataFrame) -> float:
    """The ratio a registered break shows in the observations (see ``data/breaks.csv``).

    ``overlap``: median over units of revised / first-release value in the break's ``year``;
    ``jump``: median over its units of the single-table level in ``first_year`` over the one before
    (for boundary changes, GDP).
    """
    from jbanalysis.registry.breaks import break_districts

    indicators = row["indicators"].split("|")
    indicator = "gdp" if row["indicators"] == "*" else indicators[0]
    members = break_districts(row["districts"])
    # the size of a break in the values as published: an excluded old-basis value still counts
    sub = obs[obs["indicator"] == indicator]
    if "period" in sub:
        sub = sub[(sub["period"].astype(str) == "Y") & (sub["bound"].astype(str) == "")]
    if members is not None:
        sub = sub[sub["district"].isin(members)]
    if row["ratio_basis"] == "overlap":
        year = int(row["year"]) if row["kind"] != "source_switch" else int(row["first_year"]) - 1
        sub = sub[sub["year"] == year]
        if row["kind"] == "source_switch":
            tables = single_tables(sub)
            pages = sub[~sub.index.isin(tables.index) & (sub["vintage"] == "first_release")]
            old = tables.groupby("district", observed=True)["value"].first()
            new = pages.groupby("district", observed=True)["value"].first()
        else:
            sub = sub[sub["district"].isin(_districts_only())]
            old = sub[sub["vintage"] == "first_release"].groupby("district", observed=True)["value"]
            new = sub[sub["vintage"] == "revised"].groupby("district", observed=True)["value"]
            old, new = old.first(), new.first()
        ratio = (new / old).dropna()
    else:
        tables = single_tables(sub)
        first = int(row["first_year"])
        wide = tables.pivot_table(
            index="year", columns="district", values="value", aggfunc="first", observed=True
        )
        if first not in wide.index or first - 1 not in wide.index:
            return float("nan")
        ratio = (wide.loc[first] / wide.loc[first - 1]).dropna()
    return float(ratio.median()) if len(ratio) else float("nan")


def _districts_only() -> list[str]:
    from jbanalysis.registry.districts import district_ids

    return district_ids("all")


def _break_sizes(obs: pd.DataFrame) -> list[dict]:
    from jbanalysis.registry.breaks import load_breaks

    out = []
    for row in load_breaks().to_dict("records"):
        if not np.isfinite(row["ratio"]):
            continue
        measured = measured_break_size(row, obs)
        if np.isfinite(measured) and abs(measured / row["ratio"] - 1) <= BREAK_SIZE_TOLERANCE:
            continue
        out.append(
            finding(
                "error",
                "break_size",
                f"{row['break_id']}: the registry gives ratio {row['ratio']:g} ({row['ratio_basis']}) "
                f"but the data show {measured:.4g}",
                file=BREAKS,
                column="ratio",
                record=row["break_id"],
                indicator=row["indicators"],
                year=int(row["first_year"]),
            )
        )
    return out
