"""Validation rules that find errors and breaks *in the published values* of a series.

Each rule looks at the observations as a source printed them and reports what a careful reader of
the table would notice: a year that is the mean of its neighbours in every unit (interpolated by
the compilers), a year copied from the year before, a column shifted between units, identical
values in several districts (an area average), a level that collapses while its peers do not, a
"resident" population that is the registered one, a city total that breaks its own series, a
cross-section of growth rates that scatters in a year no registered break explains, a tie the
panel cannot resolve, a bound a value contradicts, a registered break size the data no longer
show. A finding is fixed by a correction or a flag (``data/corrections.csv``, the transcription)
or explained by a break (``data/breaks.csv``); :func:`jbanalysis.validate` reports both.

================== ======== ==================================================================
rule               severity finds
================== ======== ==================================================================
neighbour_mean     error    a year whose values are the mean of the years around it in ≥ 90 %
                            of a table's units, not flagged ``interpolated``
copied_year        error    a year equal to the year before in ≥ half of a table's units
misaligned_year    error    a year whose values scatter against both neighbours far more than
                            any other year's (a column shifted between units)
shared_values      error    a per-capita value (5+ digits) printed identically for several units
                            in one year (an area average, not a district figure)
collapse           error    a money or population level changing ≥ 6× in a year while the
                            table's median unit changes < 2×, at no registered break
registered_as_     error    a 'resident' population equal to the registered one (within 2 %) for
resident                    5+ years before it departs from it (≥ 3 %): the registered count
city_spike         error    a city or group total ≥ 1.5× off both neighbouring years
unregistered_break warning  a year in which the growth rates of a table's units scatter far
                            beyond the usual (:func:`jbanalysis.metrics.break_years`) with no
                            registered break starting then
unresolved_tie     error    two different values the selection policy cannot rank
bound              error    a value of the same key that contradicts a printed bound (突破)
scope_note         error    a value whose source says it excludes part of the unit (不含 …)
break_size         error    a registered break ratio that the data no longer show (> 0.5 % off)
================== ======== ==================================================================
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from jbanalysis.findings import finding, where
from jbanalysis.tables import years_by_district

__all__ = ["RULES", "series_findings", "single_tables"]

MEAN_SHARE = 0.9
COPY_SHARE = 0.5
COPY_MAGNITUDE = 1000  # small counts (schools, committees) repeat by nature
MIN_UNITS = 10
COLLAPSE_FACTOR = 6.0
SAME_BASIS = 0.02
DEPARTURE = 0.03
MIN_RUN = 5
PER_CAPITA_GAP = 0.10
SPIKE_FACTOR = 1.5
MISALIGN_Z = 10.0
MISALIGN_SPREAD = 0.15  # log points: values ≈ 15 % off their neighbours in the median unit
BREAK_SIZE_TOLERANCE = 0.005

RULES = (
    "neighbour_mean",
    "copied_year",
    "misaligned_year",
    "shared_values",
    "collapse",
    "registered_as_resident",
    "city_spike",
    "unregistered_break",
    "unresolved_tie",
    "bound",
    "scope_note",
    "break_size",
)
#: What a transcriber's note says when a value leaves part of the unit out.
SCOPE_WORDS = re.compile(r"\bexclud\w*|不含", re.IGNORECASE)


def single_tables(obs: pd.DataFrame, folder=None) -> pd.DataFrame:
    """Observations from single-table sources (a panel, a dataset): not compilations of pages.

    >>> from jbanalysis.data import load_observations
    >>> sorted(single_tables(load_observations())["source_id"].unique())
    ['cq_yearbook_2025_pop', 'cq_yearbook_panel', 'csmar_city_gdp']
    """
    from jbanalysis.data import load_sources

    kinds = load_sources(folder).set_index("id")["kind"]
    compilations = set(kinds[kinds == "compilation"].index)
    return obs[~obs["source_id"].astype(str).isin(compilations)]


def _step(rows: pd.DataFrame) -> np.ndarray:
    """Printed precision of each row's published value, in its published unit."""
    from jbanalysis.panel import last_digit

    return last_digit(rows["published_value"])


def _digits(value: float) -> int:
    """Significant digits of a value as printed (shortest form): 22146 -> 5, 0.35 -> 2."""
    return len(repr(float(value)).replace("-", "").replace(".", "").strip("0").removesuffix("e"))


def _kinds() -> pd.Series:
    from jbanalysis.indicators import load_indicators

    return load_indicators().set_index("id")["kind"]


def _annual(obs: pd.DataFrame) -> pd.DataFrame:
    out = obs[(obs["flag"] != "excluded")]
    if "period" in out:
        out = out[out["period"].astype(str) == "Y"]
    if "bound" in out:
        out = out[out["bound"].astype(str) == ""]
    return out


def _frames(tables: pd.DataFrame, kinds=("level", "count", "per_capita")):
    """(source, indicator, rows, years × districts published values) for each table column."""
    kind_of = _kinds()
    sub = tables[tables["indicator"].astype(str).map(kind_of).isin(kinds)]
    for (source, indicator), rows in sub.groupby(["source_id", "indicator"], observed=True):
        rows = rows.drop_duplicates(["district", "year"])
        if rows["district"].nunique() < MIN_UNITS:
            continue
        wide = years_by_district(rows, "published_value")
        yield str(source), str(indicator), rows.set_index(["district", "year"]), wide


def _neighbour_mean(tables: pd.DataFrame) -> list[dict]:
    out = []
    for _, _, rows, wide in _frames(tables):
        step = pd.Series(_step(rows.reset_index()), index=rows.index)
        steps = step.unstack("district").reindex_like(wide)
        for year in wide.index:
            if year - 1 not in wide.index or year + 1 not in wide.index:
                continue
            before, after, now = wide.loc[year - 1], wide.loc[year + 1], wide.loc[year]
            tol = 0.5 * pd.concat(
                [steps.loc[year - 1], steps.loc[year + 1], steps.loc[year]], axis=1
            )
            tol = tol.max(axis=1)
            mean = (before + after) / 2
            exact = ((now - mean).abs() <= tol + 1e-9) & (before != after)
            n = int(now.notna().sum())
            if n < MIN_UNITS or exact.sum() < MEAN_SHARE * n:
                continue
            for district in exact.index[exact]:
                row = rows.loc[(district, year)]
                if row["flag"] == "interpolated":
                    continue
                out.append(
                    finding(
                        "error",
                        "neighbour_mean",
                        f"{now[district]:g} is the mean of {year - 1} ({before[district]:g}) and "
                        f"{year + 1} ({after[district]:g}), as in {int(exact.sum())} of {n} units "
                        f"in {year}: interpolated by the compilers, not published; flag it "
                        "'interpolated'",
                        column="value",
                        **where({**row.to_dict(), "district": district, "year": year}),
                    )
                )
    return out


def _copied_year(tables: pd.DataFrame) -> list[dict]:
    out = []
    for _, _, rows, wide in _frames(tables):
        for year in wide.index:
            if year - 1 not in wide.index:
                continue
            now, before = wide.loc[year], wide.loc[year - 1]
            same = (now == before) & (now.abs() >= COPY_MAGNITUDE)
            n = int((now.notna() & before.notna()).sum())
            if n < MIN_UNITS or same.sum() < COPY_SHARE * n:
                continue
            for district in same.index[same]:
                row = rows.loc[(district, year)]
                out.append(
                    finding(
                        "error",
                        "copied_year",
                        f"{now[district]:g} equals the {year - 1} value exactly, as in "
                        f"{int(same.sum())} of {n} units: carried forward, not a {year} figure",
                        column="value",
                        **where({**row.to_dict(), "district": district, "year": year}),
                    )
                )
    return out


def _robust(values) -> float:
    arr = np.asarray(values, dtype=float)
    arr = arr[np.isfinite(arr)]
    if arr.size == 0:
        return float("nan")
    return float(1.4826 * np.median(np.abs(arr - np.median(arr))))


def _misaligned_year(tables: pd.DataFrame) -> list[dict]:
    from jbanalysis.breaks import load_breaks

    registered = load_breaks()
    out = []
    for _, indicator, rows, wide in _frames(tables, ("level", "count")):
        firsts = _break_starts(registered, indicator)
        positive = wide.where(wide > 0)
        logs = np.log(positive)
        off = logs - (logs.shift(1) + logs.shift(-1)) / 2  # log distance from both neighbours
        spread = off.apply(_robust, axis=1).dropna()
        if len(spread) < 5:
            continue
        scale = _robust(spread)
        if not scale > 0:
            continue
        z = (spread - spread.median()) / scale
        for year in z.index:
            local_max = all(spread[year] > spread.get(y, -np.inf) for y in (year - 1, year + 1))
            if not (local_max and z[year] > MISALIGN_Z and spread[year] > MISALIGN_SPREAD):
                continue
            if {year, year + 1} & firsts:  # a registered break moves the level, not the column
                continue
            for district in wide.columns[wide.loc[year].notna()]:
                row = rows.loc[(district, year)]
                out.append(
                    finding(
                        "error",
                        "misaligned_year",
                        f"the {year} values scatter against both neighbouring years "
                        f"{spread[year]:.2f} log points across units (z = {z[year]:.0f} against "
                        f"the other years): the column looks shifted between units; "
                        f"{district} {wide.at[year, district]:g} between "
                        f"{wide.at[year - 1, district]:g} and {wide.at[year + 1, district]:g}",
                        column="value",
                        **where({**row.to_dict(), "district": district, "year": year}),
                    )
                )
    return out


def _shared_values(tables: pd.DataFrame) -> list[dict]:
    out = []
    sub = tables[tables["indicator"].astype(str).map(_kinds()) == "per_capita"]
    for (_, _, year), rows in sub.groupby(["source_id", "indicator", "year"], observed=True):
        long = rows[rows["published_value"].map(lambda v: _digits(v) >= 5)]
        dup = long[long["published_value"].duplicated(keep=False)]
        for value, group in dup.groupby("published_value"):
            names = sorted(group["district"].astype(str))
            for row in group.to_dict("records"):
                out.append(
                    finding(
                        "error",
                        "shared_values",
                        f"{value:g} is printed for {len(names)} units in {year} "
                        f"({', '.join(names)}): an area average, not a district figure?",
                        column="value",
                        **where(row),
                    )
                )
    return out


def _collapse(tables: pd.DataFrame) -> list[dict]:
    from jbanalysis.breaks import new_basis_years
    from jbanalysis.indicators import load_indicators, load_units

    units = load_units().set_index("id")["dimension"]
    dims = load_indicators().set_index("id")["unit"].map(units)
    money = set(dims[dims.isin(["money", "persons"])].index)
    out = []
    for _, indicator, rows, wide in _frames(tables, ("level", "per_capita")):
        if indicator not in money:
            continue
        steps = _step(rows.reset_index())
        # two printed digits at least: 1 亿 after 0 亿 is rounding, not a collapse
        floor = pd.Series(10 * steps, index=rows.index).unstack("district").reindex_like(wide)
        clear = wide.where(wide >= floor)
        ratio = clear / clear.shift(1)
        median = ratio.median(axis=1)
        for year in ratio.index:
            if not 0.5 < median.get(year, np.nan) < 2:
                continue
            r = ratio.loc[year]
            hit = r[(r >= COLLAPSE_FACTOR) | (r <= 1 / COLLAPSE_FACTOR)]
            for district, value in hit.items():
                if year in new_basis_years(indicator, district):
                    continue
                row = rows.loc[(district, year)]
                out.append(
                    finding(
                        "error",
                        "collapse",
                        f"{wide.at[year, district]:g} is {value:.3g}× the {year - 1} value "
                        f"({wide.at[year - 1, district]:g}) while the median unit changed "
                        f"{median[year]:.2f}×, at no registered break: a digit dropped or added?",
                        column="value",
                        **where(row.to_dict() | {"district": district, "year": year}),
                    )
                )
    return out


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
    from jbanalysis.validation import PER_CAPITA_FACTOR

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
        implied = t["gdp"] * PER_CAPITA_FACTOR / t["gdp_per_capita"]  # 亿元 / 元 -> 万人
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


def _city_spike(panel: pd.DataFrame) -> list[dict]:
    from jbanalysis.breaks import new_basis_years
    from jbanalysis.districts import load_districts

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


def _break_starts(registered: pd.DataFrame, indicator: str) -> set[int]:
    """First years of the registered breaks of an indicator (in any district)."""
    return {
        int(r.first_year)
        for r in registered.itertuples()
        if r.indicators == "*" or indicator in r.indicators.split("|")
    }


def _unregistered_breaks(tables: pd.DataFrame) -> list[dict]:
    from jbanalysis.breaks import load_breaks
    from jbanalysis.metrics.vintages import break_years

    registered = load_breaks()
    out = []
    for source, indicator, _, wide in _frames(tables):
        firsts = _break_starts(registered, indicator)
        try:
            years = break_years(wide.where(wide > 0))
        except Exception:
            continue
        for r in years[years["is_break"]].itertuples():
            if int(r.year) in firsts or r.n < MIN_UNITS:
                continue
            out.append(
                finding(
                    "warning",
                    "unregistered_break",
                    f"growth of {indicator} scatters across the {r.n} units in {r.year} "
                    f"(dispersion z = {r.dispersion_z:.1f}, {r.flagged} units out of line) and no "
                    "registered break starts then: register it in breaks.csv with its evidence, "
                    "or accept it in corrections.csv",
                    file=f"sources/{source}.csv",
                    source_id=source,
                    record="*",
                    district="*",
                    year=int(r.year),
                    indicator=indicator,
                )
            )
    return out


def _unresolved_ties(obs: pd.DataFrame) -> list[dict]:
    from jbanalysis.panel import select

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
    from jbanalysis.breaks import _members

    indicators = row["indicators"].split("|")
    indicator = "gdp" if row["indicators"] == "*" else indicators[0]
    members = _members(row["districts"])
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
    from jbanalysis.districts import district_ids

    return district_ids("all")


def _break_sizes(obs: pd.DataFrame) -> list[dict]:
    from jbanalysis.breaks import load_breaks

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
                file="breaks.csv",
                column="ratio",
                record=row["break_id"],
                indicator=row["indicators"],
                year=int(row["first_year"]),
            )
        )
    return out


def series_findings(obs: pd.DataFrame, folder=None) -> list[dict]:
    """Every finding of the rules of this module on ``obs`` (observations, as published or fixed).

    >>> from jbanalysis.data import load_observations
    >>> found = series_findings(load_observations())
    >>> sorted({(f["rule"], f["year"]) for f in found if f["severity"] == "error"})
    [('shared_values', 2009), ('shared_values', 2017)]

    (Two coincidences that ``corrections.csv`` keeps with a reason; :func:`jbanalysis.validate`
    reports them as ``accepted``.)
    """
    from jbanalysis.panel import select

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
    out += _unresolved_ties(annual)
    out += _bounds(obs[obs["period"].astype(str) == "Y"] if "period" in obs else obs)
    out += _scope_notes(obs)
    out += _break_sizes(obs)
    return out
