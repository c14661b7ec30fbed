"""The break registry (``data/breaks.csv``): every known comparability break, as data.

A *break* is a year from which a series is on a new basis, so that its level before and after is
not like for like: an economic census re-levels GDP, a population census rebases resident
population, a boundary change adds territory, a scope or definition change alters what is counted,
a source switch changes the table the series is taken from. Every module that needs a break or
census year reads it here; nothing types it again.

Columns of ``data/breaks.csv``:

============ ======================================================================================
break_id     ``B01`` …, unique
kind         ``economic_census``, ``population_census``, ``definition``, ``boundary``, ``scope``,
             ``source_switch``
indicators   indicator ids joined by ``|``, or ``*`` (every indicator)
districts    district ids or groups (``central``, ``all``, …) joined by ``|``, or ``*``
year         reference year of the event (the census year; the year of a merger)
first_year   first year of the new basis *as a series of first releases shows it* (an economic
             census's first releases of the census year are still on the old basis: year + 1)
ratio        size of the break where measurable: new / old level (``ratio_basis`` says how)
ratio_basis  ``overlap`` (both bases exist for one year: median new/old vintage in ``year``) or
             ``jump`` (median level in ``first_year`` / level in ``first_year - 1``); empty if none
evidence     source rows, a URL, or the validation rule that found it
note         what an analyst must know
============ ======================================================================================

>>> from jbanalysis.registry.breaks import census_years, load_breaks
>>> b = load_breaks().set_index("break_id")
>>> b.loc["B04", "kind"], int(b.loc["B04", "year"]), int(b.loc["B04", "first_year"])
('economic_census', 2018, 2019)
>>> census_years("economic_census"), census_years("population_census")
((2004, 2008, 2013, 2018, 2023), (2010, 2020))
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pandas as pd

from jbanalysis.registry.paths import BREAKS, data_path
from jbanalysis.registry.schema import NEW_BASIS_VINTAGES

__all__ = [
    "BREAK_COLUMNS",
    "KINDS",
    "NEW_BASIS_VINTAGES",
    "basis_year",
    "break_districts",
    "breaks_for",
    "census_years",
    "check_breaks",
    "crossed_breaks",
    "describe_break",
    "load_breaks",
    "new_basis_years",
]

KINDS = (
    "economic_census",
    "population_census",
    "definition",
    "boundary",
    "scope",
    "source_switch",
)
BREAK_COLUMNS = [
    "break_id",
    "kind",
    "indicators",
    "districts",
    "year",
    "first_year",
    "ratio",
    "ratio_basis",
    "evidence",
    "note",
]
RATIO_BASES = ("", "overlap", "jump")
ALL = "*"


def check_breaks(table: pd.DataFrame, path: Path | str = BREAKS) -> pd.DataFrame:
    """Check a break table row by row; return it typed (``year``/``first_year`` int, ``ratio`` float).

    Errors (:class:`~jbanalysis.errors.DataError`) name the file, the line (header = line 1) and the
    column: a missing column, a duplicate id, an unknown kind, indicator or district, a year that is
    not a whole year, a first year before the event, a ratio that is not a positive number, or two
    rows that register the same break.

    >>> from jbanalysis.registry.breaks import check_breaks, load_breaks
    >>> bad = load_breaks().head(2).assign(kind=["economic_census", "earthquake"])
    >>> check_breaks(bad)
    Traceback (most recent call last):
    ...
    jbanalysis.errors.DataError: breaks.csv, row 3, column 'kind': 'earthquake' is not one of economic_census, population_census, definition, boundary, scope, source_switch
    """
    from jbanalysis.errors import DataError
    from jbanalysis.registry.districts import GROUPS, load_districts
    from jbanalysis.registry.indicators import load_indicators
    from jbanalysis.registry.schema import YEAR_RANGE

    missing = [c for c in BREAK_COLUMNS if c not in table.columns]
    if missing:
        raise DataError(f"missing required column(s) {missing}", file=path, row=1)
    out = table[BREAK_COLUMNS].reset_index(drop=True)
    out = out.astype(object).where(out.notna(), "").astype(str)
    indicator_ids = set(load_indicators()["id"])
    district_ids = set(load_districts()["id"]) | set(GROUPS)
    seen: dict[tuple, int] = {}
    for i, row in enumerate(out.to_dict("records")):
        line = i + 2

        def fail(column: str, message: str, line: int = line) -> None:
            raise DataError(message, file=path, row=line, column=column)

        if not row["break_id"].strip():
            fail("break_id", "empty break id")
        if row["kind"] not in KINDS:
            fail("kind", f"{row['kind']!r} is not one of {', '.join(KINDS)}")
        for column, known, what in (
            ("indicators", indicator_ids, "indicator (data/indicators.csv)"),
            ("districts", district_ids, "district or group (data/districts.csv)"),
        ):
            names = row[column].split("|")
            if row[column] == ALL:
                continue
            unknown = [n for n in names if n not in known]
            if unknown or not row[column]:
                fail(column, f"unknown {what} {unknown or row[column]!r}; or use '*' for all")
        for column in ("year", "first_year"):
            text = row[column]
            if not text.isdigit() or not YEAR_RANGE[0] <= int(text) <= YEAR_RANGE[1]:
                fail(column, f"{text!r} is not a whole year in {YEAR_RANGE[0]}–{YEAR_RANGE[1]}")
        if int(row["first_year"]) < int(row["year"]):
            fail(
                "first_year", f"first year {row['first_year']} is before the event ({row['year']})"
            )
        if row["ratio_basis"] not in RATIO_BASES:
            fail("ratio_basis", f"{row['ratio_basis']!r} is not one of overlap, jump or empty")
        if row["ratio"]:
            try:
                ratio = float(row["ratio"])
            except ValueError:
                ratio = float("nan")
            if not ratio > 0:
                fail("ratio", f"{row['ratio']!r} is not a positive number")
            if not row["ratio_basis"]:
                fail("ratio_basis", "a ratio needs its basis: overlap or jump")
        elif row["ratio_basis"]:
            fail("ratio", f"ratio_basis {row['ratio_basis']!r} given without a ratio")
        if not row["evidence"].strip():
            fail("evidence", "every break needs its evidence (source rows, URL or rule)")
        for indicator in row["indicators"].split("|"):
            for district in row["districts"].split("|"):
                key = (row["kind"], indicator, district, row["first_year"])
                if key in seen:
                    fail(
                        "break_id",
                        f"{row['break_id']} registers the same break as {seen[key][1]} "
                        f"(line {seen[key][0]}): {row['kind']} of {indicator} in {district} "
                        f"from {row['first_year']}",
                    )
                seen[key] = (line, row["break_id"])
    ids = out["break_id"]
    if ids.duplicated().any():
        i = int(ids[ids.duplicated()].index[0])
        raise DataError(
            f"break id {ids[i]!r} appears twice", file=path, row=i + 2, column="break_id"
        )
    out["year"] = out["year"].astype(int)
    out["first_year"] = out["first_year"].astype(int)
    out["ratio"] = pd.to_numeric(out["ratio"].replace("", None)).astype(float)
    return out


@cache
def _load(path: str, mtime: float) -> pd.DataFrame:
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return check_breaks(table, Path(path).name)


def load_breaks(folder: Path | str | None = None) -> pd.DataFrame:
    """The break registry of ``folder`` (default: the bundled data), checked.

    Returns
    -------
    DataFrame
        One row per registered break, columns :data:`BREAK_COLUMNS` (``year`` and ``first_year``
        int, ``ratio`` float, NaN where not measurable).

    Examples
    --------
    >>> from jbanalysis.registry.breaks import load_breaks
    >>> b = load_breaks()
    >>> sorted(b["kind"].unique())
    ['boundary', 'definition', 'economic_census', 'population_census', 'scope', 'source_switch']
    """
    path = data_path(BREAKS, folder)
    return _load(str(path), path.stat().st_mtime).copy()


def break_districts(spec: str) -> set[str] | None:
    """District ids a ``districts`` cell covers; ``None`` for ``*`` (every unit).

    >>> from jbanalysis.registry.breaks import break_districts
    >>> sorted(break_districts("qijiang|dazu")), break_districts("*") is None
    (['dazu', 'qijiang'], True)
    >>> len(break_districts("central|yongchuan"))
    10
    """
    if spec == ALL:
        return None
    from jbanalysis.registry.districts import GROUPS, district_ids

    out: set[str] = set()
    for name in spec.split("|"):
        out.update(district_ids(name) if name in GROUPS else [name])
    return out


def breaks_for(
    indicator: str, district: str | None = None, breaks: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The registered breaks that apply to one indicator (of one district), by first year.

    Parameters
    ----------
    indicator : str
        Indicator id.
    district : str, optional
        District id or name; ``None`` keeps only the breaks that apply to every unit.
    breaks : DataFrame, optional
        A break table (default: :func:`load_breaks`).

    Examples
    --------
    >>> from jbanalysis.registry.breaks import breaks_for
    >>> breaks_for("fiscal_revenue", "yubei")[["break_id", "kind", "first_year"]].to_numpy().tolist()
    [['B16', 'scope', 2011], ['B22', 'scope', 2012], ['B13', 'scope', 2013]]
    >>> breaks_for("gdp", "qijiang")["first_year"].tolist()
    [2005, 2009, 2011, 2014, 2018, 2019, 2024]
    """
    from jbanalysis.registry.indicators import resolve_indicator

    table = load_breaks() if breaks is None else breaks
    indicator = resolve_indicator(indicator)
    did = None
    if district is not None:
        from jbanalysis.registry.districts import resolve_district

        did = resolve_district(district)
    keep = []
    for row in table.itertuples(index=False):
        if row.indicators != ALL and indicator not in row.indicators.split("|"):
            keep.append(False)
            continue
        members = break_districts(row.districts)
        keep.append(members is None or (did is not None and did in members))
    out = table[keep]
    return out.sort_values(["first_year", "break_id"], kind="stable").reset_index(drop=True)


def census_years(kind: str = "economic_census") -> tuple[int, ...]:
    """Reference years of the censuses of one kind, from the registry.

    >>> from jbanalysis.registry.breaks import census_years
    >>> census_years("population_census")
    (2010, 2020)
    """
    if kind not in ("economic_census", "population_census"):
        raise ValueError(f"kind must be economic_census or population_census, not {kind!r}")
    table = load_breaks()
    return tuple(sorted(set(table.loc[table["kind"] == kind, "year"].astype(int))))


def new_basis_years(
    indicator: str,
    district: str | None = None,
    vintages: Mapping[int, str] | None = None,
    breaks: pd.DataFrame | None = None,
) -> tuple[int, ...]:
    """First years of a new statistical basis of one series (sorted, unique).

    For an economic census the new basis starts in the census year itself where that year's value
    is ``revised`` or ``census`` (already re-levelled), otherwise in the year after (a first
    release of the census year is published before the census results). Every other break starts
    at its registered ``first_year``.

    Parameters
    ----------
    indicator : str
        Indicator id.
    district : str, optional
        District id; ``None`` gives only breaks that apply to every unit.
    vintages : mapping of int to str, optional
        The vintage of each year's value (e.g. the panel's ``vintage`` column by year).

    Examples
    --------
    >>> from jbanalysis.registry.breaks import new_basis_years
    >>> new_basis_years("gdp")
    (2005, 2009, 2014, 2019, 2024)
    >>> new_basis_years("gdp", vintages={2018: "revised"})
    (2005, 2009, 2014, 2018, 2024)
    >>> new_basis_years("pop_resident", "yubei")
    (2010, 2020)
    >>> new_basis_years("retail_sales", "jiangbei")
    (2014, 2018, 2019)
    """
    table = breaks_for(indicator, district, breaks)
    return tuple(sorted({basis_year(row, vintages) for row in table.to_dict("records")}))


def basis_year(row: Mapping, vintages: Mapping[int, str] | None = None) -> int:
    """The first year of the new basis one break gives a series whose values have ``vintages``.

    An economic census re-levels its own year where that year's value is already ``revised`` or
    ``census``; every other break starts at its registered ``first_year``.

    >>> from jbanalysis.registry.breaks import basis_year, load_breaks
    >>> b04 = load_breaks().set_index("break_id").loc["B04"]
    >>> basis_year(b04), basis_year(b04, {2018: "revised"})
    (2019, 2018)
    """
    census = row["kind"] == "economic_census"
    if census and (vintages or {}).get(int(row["year"])) in NEW_BASIS_VINTAGES:
        return int(row["year"])
    return int(row["first_year"])


def crossed_breaks(
    indicator: str,
    start: int,
    end: int,
    district: str | None = None,
    breaks: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The breaks a comparison from ``start`` to ``end`` crosses: ``start < first_year <= end``.

    A growth rate or index over start–end compares a level on the old basis with one on the new
    basis exactly when a break's first year falls in (start, end].

    Examples
    --------
    >>> from jbanalysis.registry.breaks import crossed_breaks
    >>> crossed_breaks("gdp", 2010, 2020, "jiangbei")["break_id"].tolist()
    ['B03', 'B18', 'B04']
    >>> crossed_breaks("gdp", 2019, 2022, "jiangbei").empty
    True
    """
    table = breaks_for(indicator, district, breaks)
    inside = (table["first_year"] > int(start)) & (table["first_year"] <= int(end))
    return table[inside].reset_index(drop=True)


def describe_break(row: Mapping | pd.Series, lang: str = "zh") -> str:
    """A break in words, for sentences and chart notes.

    >>> from jbanalysis.registry.breaks import describe_break, load_breaks
    >>> b = load_breaks().set_index("break_id", drop=False)
    >>> describe_break(b.loc["B04"]), describe_break(b.loc["B11"], "en")
    ('2018年经济普查', 'the 2011 boundary change')
    """
    from jbanalysis.registry.terms import term

    return term(
        f"break_{row['kind']}", lang, year=int(row["year"]), first_year=int(row["first_year"])
    )
