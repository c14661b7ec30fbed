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

from jbanalysis.checks.findings import finding, where
from jbanalysis.metrics.vintages import robust_scale
from jbanalysis.registry.schema import COMPILATION
from jbanalysis.tables import years_by_district

__all__ = ["RULES", "single_tables"]

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

    >>> from jbanalysis.checks.series_rules import single_tables
    >>> from jbanalysis.sources.observations import load_observations
    >>> sorted(single_tables(load_observations())["source_id"].unique())
    ['cq_yearbook_2025_pop', 'cq_yearbook_panel', 'csmar_city_gdp']
    """
    from jbanalysis.sources.observations import load_sources

    kinds = load_sources(folder).set_index("id")["kind"]
    compilations = set(kinds[kinds == COMPILATION].index)
    return obs[~obs["source_id"].astype(str).isin(compilations)]


def _step(rows: pd.DataFrame) -> np.ndarray:
    """Printed precision of each row's published value, in its published unit."""
    from jbanalysis.precision import last_digit

    return last_digit(rows["published_value"])


def _digits(value: float) -> int:
    """Significant digits of a value as printed (shortest form): 22146 -> 5, 0.35 -> 2."""
    return len(repr(float(value)).replace("-", "").replace(".", "").strip("0").removesuffix("e"))


def _kinds() -> pd.Series:
    from jbanalysis.registry.indicators import load_indicators

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


def _misaligned_year(tables: pd.DataFrame) -> list[dict]:
    from jbanalysis.registry.breaks import load_breaks

    registered = load_breaks()
    out = []
    for _, indicator, rows, wide in _frames(tables, ("level", "count")):
        firsts = _break_starts(registered, indicator)
        positive = wide.where(wide > 0)
        logs = np.log(positive)
        off = logs - (logs.shift(1) + logs.shift(-1)) / 2  # log distance from both neighbours
        spread = off.apply(robust_scale, axis=1).dropna()
        if len(spread) < 5:
            continue
        scale = robust_scale(spread)
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
    from jbanalysis.registry.breaks import new_basis_years
    from jbanalysis.registry.indicators import load_indicators, load_units

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


def _break_units(registered: pd.DataFrame, indicator: str) -> dict[int, set[str] | None]:
    """First year of each registered break of an indicator -> the units it covers (None: all)."""
    from jbanalysis.registry.breaks import break_districts

    out: dict[int, set[str] | None] = {}
    for r in registered.itertuples():
        if r.indicators != "*" and indicator not in r.indicators.split("|"):
            continue
        year, units = int(r.first_year), break_districts(r.districts)
        known = out.get(year, set())
        out[year] = None if units is None or known is None else known | units
    return out


def _break_starts(registered: pd.DataFrame, indicator: str) -> set[int]:
    """First years of the registered breaks of an indicator (in any district)."""
    return {
        int(r.first_year)
        for r in registered.itertuples()
        if r.indicators == "*" or indicator in r.indicators.split("|")
    }
