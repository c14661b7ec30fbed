"""Close a gap by a derivation from published inputs of the same year, flagged ``derived``.

Where a per-capita value is not published but its numerator and denominator are, for the same
district and year, the value is computed, and it says so: the rows come back shaped like the panel
with ``flag = "derived"``, ``candidates = 0`` (no published value competed) and a ``record`` that
names each input (indicator, source and record). 渝中 is not in the yearbook panel, so its GDP per
capita is published only in scattered years; its GDP and its census or year-end resident population
are published for others (2020: 1357.6 亿元 / 58.87 万人 = 230,603 元).

The statistics bureau divides by the *average* resident population of the year; a derivation from
one population figure (year-end, or the census count of 1 November) differs from it by the year's
population growth over two, about 1 % in the central districts. That is why a derived value is
flagged and never replaces a published one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from jbanalysis.registry.schema import RELIABILITIES

__all__ = ["DERIVATIONS", "derive", "with_derived"]

#: indicator -> (numerator, denominators in order of preference). Year-end resident population
#: is the bureau's own denominator series; the census count stands in for a census year without it.
DERIVATIONS: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "gdp_per_capita": ("gdp", ("pop_resident", "pop_census")),
}


def _weaker(a: str, b: str) -> str:
    ranks = {r: i for i, r in enumerate(RELIABILITIES)}
    return a if ranks.get(a, len(ranks)) >= ranks.get(b, len(ranks)) else b


def derive(
    panel: pd.DataFrame,
    indicator: str = "gdp_per_capita",
    districts: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Derived values of ``indicator`` where the panel has none but has its inputs that year.

    .. math:: y_{d,t} = \\frac{X_{d,t} \\cdot 10^8}{P_{d,t} \\cdot 10^4} \\text{ 元 per person}

    for GDP per capita, with :math:`X` the GDP (亿元) and :math:`P` the year-end resident
    population (万人), or the census population where the year has no year-end figure
    (:data:`DERIVATIONS`); units converted by :func:`jbanalysis.metrics.per_capita`.

    Parameters
    ----------
    panel : DataFrame
        The tidy panel (:func:`jbanalysis.load_panel`).
    indicator : str, default "gdp_per_capita"
        A key of :data:`DERIVATIONS`.
    districts : list of str, optional
        Only these districts (default: every district in the panel).

    Returns
    -------
    DataFrame
        Rows with the panel's columns: ``flag = "derived"``, ``candidates = 0``, ``record``
        naming the inputs (``gdp published_figures:PF0129 ÷ pop_census published_figures:PF0155``),
        ``source_id`` the inputs' sources, ``vintage`` and ``source_kind`` the numerator's,
        ``reliability`` the weaker of the two. Empty (same columns) when there is no gap to close.

    Examples
    --------
    >>> from jbanalysis.metrics import derive
    >>> import jbanalysis as jb
    >>> p = jb.load_panel(districts="yuzhong", years=2020)
    >>> row = derive(p).iloc[0]
    >>> row["district"], int(row["year"]), round(row["value"]), row["flag"]
    ('yuzhong', 2020, 230603, 'derived')
    >>> row["record"]
    'gdp published_figures:PF0129 ÷ pop_census published_figures:PF0155'
    """
    from jbanalysis.metrics.comparison import per_capita

    if indicator not in DERIVATIONS:
        raise ValueError(f"no derivation for {indicator!r}; known: {', '.join(DERIVATIONS)}")
    numerator, denominators = DERIVATIONS[indicator]
    sub = panel[panel["value"].notna()]
    if districts is not None:
        sub = sub[sub["district"].isin(list(districts))]
    have = set(
        zip(
            sub.loc[sub["indicator"] == indicator, "district"],
            sub.loc[sub["indicator"] == indicator, "year"],
            strict=True,
        )
    )
    tops = sub[sub["indicator"] == numerator].set_index(["district", "year"])
    bottoms = {
        name: sub[sub["indicator"] == name].set_index(["district", "year"]) for name in denominators
    }
    rows = []
    for key, top in tops.iterrows():
        if key in have:
            continue
        for name in denominators:
            if key not in bottoms[name].index:
                continue
            bottom = bottoms[name].loc[key]
            value = float(
                per_capita(
                    pd.Series([float(top["value"])], index=[int(key[1])]),
                    pd.Series([float(bottom["value"])], index=[int(key[1])]),
                    value_unit=str(top["unit"]),
                    population_unit=str(bottom["unit"]),
                ).iloc[0]
            )
            sources = list(dict.fromkeys([str(top["source_id"]), str(bottom["source_id"])]))
            row = {**top.to_dict(), "district": key[0], "year": int(key[1])}
            row.update(
                indicator=indicator,
                value=value,
                unit="cny",
                source_id="+".join(sources),
                record=(
                    f"{numerator} {top['source_id']}:{top['record']} ÷ "
                    f"{name} {bottom['source_id']}:{bottom['record']}"
                ),
                flag="derived",
                reliability=_weaker(str(top["reliability"]), str(bottom["reliability"])),
                correction="",
                candidates=0,
            )
            rows.append(row)
            break
    columns = list(panel.columns)
    if not rows:
        return panel.iloc[0:0].copy()
    out = pd.DataFrame(rows)[columns]
    out["year"] = out["year"].astype(panel["year"].dtype)
    out["candidates"] = out["candidates"].astype(np.int64)
    return out.sort_values(["district", "year"]).reset_index(drop=True)


def with_derived(
    panel: pd.DataFrame, indicators: Iterable[str] = ("gdp_per_capita",)
) -> pd.DataFrame:
    """The panel with :func:`derive`'s rows added (one value per key still).

    >>> from jbanalysis.metrics import with_derived
    >>> import jbanalysis as jb
    >>> p = with_derived(jb.load_panel(districts=["yuzhong", "jiangbei"], years=2020))
    >>> p.loc[p["indicator"] == "gdp_per_capita", ["district", "flag"]].values.tolist()
    [['jiangbei', 'observed'], ['yuzhong', 'derived']]
    """
    parts = [panel, *(derive(panel, i) for i in indicators)]
    parts = [p for p in parts if len(p)]
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else panel.copy()
    return out.sort_values(["indicator", "district", "year"], kind="stable").reset_index(drop=True)
