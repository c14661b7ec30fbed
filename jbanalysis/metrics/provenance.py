"""Where the values a sentence rests on come from: their provenance, and the conflicts they are in."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

#: Provenance columns of a panel row that a sentence may need to qualify a value.
PROVENANCE_COLUMNS = ("flag", "vintage", "source_kind", "reliability", "correction", "record")


def provenance(
    panel: pd.DataFrame, indicator: str, district: str, years: Iterable[int]
) -> dict[int, dict[str, str]]:
    """The provenance of a district's values in ``years``: flag, vintage, source kind, ...

    Returns ``{year: {"flag": ..., "vintage": ..., "source_kind": ..., "reliability": ...,
    "correction": ..., "record": ..., "source_id": ...}}`` for the years with a row (a year
    without a value is left out).

    >>> from jbanalysis.metrics import provenance
    >>> import jbanalysis as jb
    >>> p = jb.load_panel(districts="jiangbei", indicators="gdp", years=[2021, 2022])
    >>> row = provenance(p, "gdp", "jiangbei", [2022])[2022]
    >>> row["flag"], row["reliability"], row["source_kind"], row["correction"]
    ('corrected', 'low', 'aggregator', 'C002')
    """
    wanted = [int(y) for y in years]
    sub = panel[
        (panel["indicator"] == indicator)
        & (panel["district"] == district)
        & panel["year"].isin(wanted)
        & panel["value"].notna()
    ]
    out: dict[int, dict[str, str]] = {}
    for row in sub.to_dict("records"):
        out[int(row["year"])] = {
            c: ("" if pd.isna(row.get(c, "")) else str(row.get(c, "")))
            for c in (*PROVENANCE_COLUMNS, "source_id")
        }
    return out


def district_conflicts(conflicts: pd.DataFrame, district: str) -> pd.DataFrame:
    """Every conflict between sources that one of the district's values is part of.

    A conflict is listed on the key it was found on (district, year, indicator); a value of the
    district is also part of a conflict listed on another key when the conflict names it on
    either side: ``districts`` (ids joined by ``|``), ``district_a``/``district_b`` (the district
    each side's value belongs to, e.g. the two sides of the 2022 渝中/江北 swap) or
    ``districts_involved``, where :func:`jbanalysis.panel.conflicts` gives them. Each conflict is
    counted once.

    >>> import pandas as pd
    >>> from jbanalysis.metrics import district_conflicts
    >>> c = pd.DataFrame({"district": ["yuzhong", "yubei"], "year": [2022, 2018],
    ...                   "district_b": ["jiangbei", "yubei"]})
    >>> district_conflicts(c, "jiangbei")["year"].tolist()
    [2022]
    """
    mask = conflicts["district"].astype(str) == district
    for column in ("district_a", "district_b"):
        if column in conflicts.columns:
            mask |= conflicts[column].astype(str) == district
    for column in ("districts", "districts_involved"):
        if column in conflicts.columns:
            mask |= conflicts[column].astype(str).str.split("|").map(lambda ids: district in ids)
    return conflicts[mask]
