"""Level shifts that a dispersion rule cannot see: every unit moves together.

``unregistered_break`` (:mod:`jbanalysis.checks.break_rules`) finds a year in which the units'
growth rates *scatter*; a change of basis that moves every unit by the same factor leaves them in
line and passes it. Two rules look at the level instead:

============== ======== ==================================================================
rule           severity finds
============== ======== ==================================================================
total_shift    warning  the sum of a table's units against the published total of the same
                        units (the city's first release: first release against first release)
                        moves by more than :data:`TOTAL_SHIFT` in a year: the units' values
                        changed basis against the total's (2018 district GDP: 86.8 % → 93.3 %
                        of the city's first release)
common_shift   warning  the median unit's growth in a year departs from the series' usual
                        median growth by more than :data:`COMMON_Z` robust scales and
                        :data:`COMMON_MIN` log points (industrial enterprises 2011: −44 log
                        points against a usual +7)
============== ======== ==================================================================

A finding is about a whole column-year (``record`` ``*``): a registered break that covers the
units and starts that year explains it; a ``keep`` row of ``corrections.csv`` accepts it with a
reason (a real shock, such as the 2009 credit expansion, moves every unit too).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from jbanalysis.checks.findings import finding
from jbanalysis.checks.series_rules import MIN_UNITS, _break_units, _kinds
from jbanalysis.metrics.vintages import robust_scale
from jbanalysis.registry.paths import source_label

__all__ = ["COMMON_MIN", "COMMON_Z", "TOTAL_SHIFT", "shift_findings"]

#: A units' sum that moves by more than 5 % against the total in one year has changed basis: the
#: sum of the districts drifts from the city's total by a point or two a year (statistical
#: discrepancy), never by five in one year without a change of definition or coverage.
TOTAL_SHIFT = 0.05
#: Robust z (median absolute deviation of the series' yearly median growth) of a common shift.
COMMON_Z = 4.0
#: ... and at least this far (log points) from the usual median growth.
COMMON_MIN = 0.10
#: A total is compared only when the units with values in both years hold this share of its members.
MIN_COVERAGE = 0.8


def _explained(covered: dict, year: int, units: set[str]) -> bool:
    """Whether a registered break starting in ``year`` covers (most of) these units."""
    if year not in covered:
        return False
    mine = covered[year]
    return mine is None or len(units & mine) >= len(units) / 2


def _total_shifts(tables: pd.DataFrame, annual: pd.DataFrame, registered) -> list[dict]:
    from jbanalysis.registry.districts import group_members

    kinds = _kinds()
    totals = annual[
        (annual["vintage"].astype(str) == "first_release")
        & annual["indicator"].astype(str).map(kinds).isin(["level", "count"])
    ]
    out = []
    for (source, indicator), rows in tables.groupby(["source_id", "indicator"], observed=True):
        if rows["district"].nunique() < MIN_UNITS:
            continue
        if not (rows["vintage"].astype(str) == "first_release").all():
            continue
        units = rows.drop_duplicates(["district", "year"]).pivot(
            index="year", columns="district", values="value"
        )
        covered = _break_units(registered, str(indicator))
        mine = totals[(totals["indicator"] == indicator) & (totals["source_id"] != source)]
        for group, tot in mine.groupby("district", observed=True):
            try:
                members = set(group_members(str(group)))
            except ValueError:
                continue
            series = tot.sort_values("record").drop_duplicates("year").set_index("year")["value"]
            cols = [c for c in units.columns if c in members]
            for year in sorted(series.index):
                if year - 1 not in series.index or year not in units.index:
                    continue
                if year - 1 not in units.index:
                    continue
                both = [c for c in cols if pd.notna(units.at[year, c])]
                both = [c for c in both if pd.notna(units.at[year - 1, c])]
                if len(both) < MIN_COVERAGE * len(members):
                    continue
                before = units.loc[year - 1, both].sum() / series[year - 1]
                after = units.loc[year, both].sum() / series[year]
                shift = after / before - 1
                if abs(shift) <= TOTAL_SHIFT or _explained(covered, int(year), set(both)):
                    continue
                out.append(
                    _shift_finding(
                        "total_shift",
                        f"the {len(both)} units' {indicator} sum to {before:.1%} of the published "
                        f"{group} total in {year - 1} and {after:.1%} in {year} ({shift:+.1%}, "
                        "first release against first release): the units' values changed basis "
                        "against the total's",
                        source,
                        year,
                        indicator,
                    )
                )
    return out


def _shift_finding(rule: str, what: str, source, year, indicator) -> dict:
    """A shift of a whole table's units, with the advice both shift rules give."""
    return finding(
        "warning",
        rule,
        f"{what} and no registered break starts then: register it in breaks.csv with its "
        "evidence, or accept it in corrections.csv",
        file=source_label(str(source)),
        source_id=str(source),
        record="*",
        district="*",
        year=int(year),
        indicator=str(indicator),
    )


def _common_shifts(tables: pd.DataFrame, registered) -> list[dict]:
    kinds = _kinds()
    out = []
    sub = tables[tables["indicator"].astype(str).map(kinds).isin(["level", "count"])]
    for (source, indicator), rows in sub.groupby(["source_id", "indicator"], observed=True):
        if rows["district"].nunique() < MIN_UNITS:
            continue
        wide = rows.drop_duplicates(["district", "year"]).pivot(
            index="year", columns="district", values="value"
        )
        full = wide.reindex(range(int(wide.index.min()), int(wide.index.max()) + 1))
        growth = np.log(full.where(full > 0)).diff()  # one year's growth: a gap year gives none
        enough = growth.notna().sum(axis=1) >= MIN_UNITS
        median = growth[enough].median(axis=1)
        if len(median) < 6:
            continue
        usual = float(median.median())
        scale = robust_scale(median)
        if not scale > 0:
            continue
        covered = _break_units(registered, str(indicator))
        for year, m in median.items():
            z = (m - usual) / scale
            if abs(z) <= COMMON_Z or abs(m - usual) <= COMMON_MIN:
                continue
            moved = set(growth.columns[growth.loc[year].notna()])
            if _explained(covered, int(year), moved):
                continue
            out.append(
                _shift_finding(
                    "common_shift",
                    f"the median unit's {indicator} grows {np.expm1(m):+.1%} in {year} against "
                    f"a usual {np.expm1(usual):+.1%} (robust z = {z:.1f}, {len(moved)} units): "
                    "every unit moved together",
                    source,
                    year,
                    indicator,
                )
            )
    return out


def shift_findings(
    tables: pd.DataFrame, annual: pd.DataFrame, breaks: pd.DataFrame | None = None
) -> list[dict]:
    """The findings of ``total_shift`` and ``common_shift``.

    ``tables`` are the single-table sources' calendar-year values (the units), ``annual`` every
    calendar-year value (the published totals among them), ``breaks`` the registry that explains
    a shift (default :func:`jbanalysis.registry.breaks.load_breaks`).

    Examples
    --------
    >>> from jbanalysis.checks.series_rules import _annual, single_tables
    >>> from jbanalysis.checks.shift_rules import shift_findings
    >>> from jbanalysis.sources.observations import load_observations
    >>> annual = _annual(load_observations())
    >>> found = shift_findings(single_tables(annual), annual)
    >>> sorted((f["rule"], f["indicator"], f["year"]) for f in found)[:3]
    [('common_shift', 'crop_sown_area', 2008), ('common_shift', 'grain_output', 2006), ('common_shift', 'grain_output', 2007)]
    """
    from jbanalysis.registry.breaks import load_breaks

    registered = load_breaks() if breaks is None else breaks
    return _total_shifts(tables, annual, registered) + _common_shifts(tables, registered)
