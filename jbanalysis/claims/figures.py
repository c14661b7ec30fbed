"""The figure a claim is compared with: a published value, or one computed from its parts.

A :class:`Figure` is a value with the range its printed digits allow (``lo``–``hi``) and the
evidence it rests on. Most are published values (the panel's, or another source's or vintage's of
the same key). Some claims need a figure computed from others, and interval arithmetic carries
each part's printed precision into the result:

* a share of a whole (``share_of`` in ``data/indicator_relations.csv``: 第一产业比重 =
  第一产业增加值 / 地区生产总值 × 100): ``lo = (a − ha) / (b + hb)``, ``hi = (a + ha) / (b − hb)``;
* growth computed from two years of levels (``growth_of``: nominal GDP growth): ``100 (x₁/x₀ − 1)``;
* a change from the year before (``change``): ``x₁ − x₀``, ``lo = lo₁ − hi₀``, ``hi = hi₁ − lo₀``.

A computed figure is never a published one: its ``how`` says so and the verdict names its parts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from jbanalysis.claims.evidence import CheckData, evidence_of
from jbanalysis.claims.schema import Claim
from jbanalysis.precision import _EPS
from jbanalysis.registry.paths import bundle_path
from jbanalysis.registry.schema import EARLY_VINTAGES

__all__ = [
    "Figure",
    "all_published",
    "change",
    "computed",
    "figure",
    "multiple",
    "overlaps",
    "part_combinations",
    "published",
    "related_indicators",
    "relation",
]


@dataclass(frozen=True)
class Figure:
    """A value, the range its printed digits allow, and what it rests on.

    ``how``: ``published`` (a value as the data hold it), ``parts`` (a share computed from its
    parts), ``levels`` (growth computed from two levels) or ``difference`` (a change).
    """

    value: float
    lo: float
    hi: float
    evidence: tuple[dict, ...] = ()
    how: str = "published"
    indicator: str = ""
    year: int = 0
    parts: tuple[str, ...] = field(default=())

    @property
    def half(self) -> float:
        return (self.hi - self.lo) / 2


@cache
def relations() -> pd.DataFrame:
    """``data/indicator_relations.csv``: how one indicator is computed from others (``share_of``:
    a part over a whole; ``growth_of``: growth of a level), which it may be mistaken for
    (``mistaken_for``), and the structure ratio it is a term of (三次产业).

    >>> from jbanalysis.claims.figures import relations
    >>> r = relations().set_index("indicator")
    >>> r.loc["va_secondary_share", ["relation", "other", "denominator", "structure"]].tolist()
    ['share_of', 'va_secondary', 'gdp', '三次产业']
    """
    return pd.read_csv(bundle_path("indicator_relations.csv"), dtype=str, keep_default_na=False)


@cache
def _relations() -> dict[str, list[tuple[str, str, str]]]:
    out: dict[str, list[tuple[str, str, str]]] = {}
    for r in relations().itertuples(index=False):
        out.setdefault(r.indicator, []).append((r.relation, r.other, r.denominator))
    return out


def structure(name: str) -> tuple[str, ...]:
    """The terms of a structure ratio, in the order they are printed.

    >>> from jbanalysis.claims.figures import structure
    >>> structure("三次产业")
    ('va_primary_share', 'va_secondary_share', 'va_tertiary_share')
    """
    rel = relations()
    return tuple(rel.loc[rel["structure"] == name, "indicator"])


def structure_of(indicator: str) -> tuple[str, ...]:
    """The terms of the structure ratio an indicator is a term of (empty if none)."""
    rel = relations()
    names = set(rel.loc[rel["indicator"] == indicator, "structure"]) - {""}
    return structure(names.pop()) if names else ()


def relation(indicator: str, kind: str) -> list[tuple[str, str]]:
    """(other, denominator) of the relations of ``kind`` an indicator has.

    >>> from jbanalysis.claims.figures import relation
    >>> relation("va_primary_share", "share_of"), relation("pop_resident", "mistaken_for")
    ([('va_primary', 'gdp')], [('pop_registered', ''), ('pop_census', '')])
    """
    return [(o, d) for k, o, d in _relations().get(indicator, []) if k == kind]


def related_indicators(indicators: set[str]) -> set[str]:
    """Every indicator a check of ``indicators`` may look at: parts, levels, mistaken ones."""
    out = set(indicators)
    for ind in list(indicators):
        out.update(structure_of(ind))  # a ratio's term is checked against its siblings too
    for ind in list(out):
        for _kind, other, den in _relations().get(ind, []):
            out.update(x for x in (other, den) if x)
            for _k2, o2, d2 in _relations().get(other, []):  # the parts of a mistaken one
                out.update(x for x in (o2, d2) if x)
    return out


def _from_row(data: CheckData, row: dict | None) -> Figure | None:
    if row is None:
        return None
    ev = evidence_of(data, row)
    half = ev["step"] / 2
    return Figure(
        ev["value"],
        ev["value"] - half,
        ev["value"] + half,
        (ev,),
        "published",
        ev["indicator"],
        ev["year"],
    )


def published(
    data: CheckData, district: str, indicator: str, year: int, period: str
) -> Figure | None:
    """The panel's value of a key as a figure, or None."""
    return _from_row(data, data.row(district, indicator, year, period))


def all_published(
    data: CheckData, district: str, indicator: str, year: int, period: str
) -> list[Figure]:
    """Every published value of a key (the panel's first, then other sources and vintages)."""
    row = data.row(district, indicator, year, period)
    rows = ([row] if row is not None else []) + (
        data.others(row)
        if row is not None
        else data.published.get((district, indicator, year, period), [])
    )
    return [f for f in (_from_row(data, r) for r in rows) if f is not None]


def computed(
    data: CheckData, district: str, indicator: str, year: int, period: str
) -> Figure | None:
    """A figure computed from the panel's values of its parts (a share) or levels (a growth)."""
    for other, den in relation(indicator, "share_of"):
        a, b = (
            published(data, district, other, year, period),
            published(data, district, den, year, period),
        )
        if a is None or b is None or b.lo <= 0:
            continue
        lo, hi = 100 * max(a.lo, 0) / b.hi, 100 * a.hi / b.lo
        return Figure(
            100 * a.value / b.value,
            lo,
            hi,
            a.evidence + b.evidence,
            "parts",
            indicator,
            year,
            (other, den),
        )
    for other, _ in relation(indicator, "growth_of"):
        x1, x0 = (
            published(data, district, other, year, period),
            published(data, district, other, year - 1, period),
        )
        if x1 is None or x0 is None or x0.lo <= 0:
            continue
        value = 100 * (x1.value / x0.value - 1)
        lo, hi = 100 * (x1.lo / x0.hi - 1), 100 * (x1.hi / x0.lo - 1)
        return Figure(value, lo, hi, x1.evidence + x0.evidence, "levels", indicator, year, (other,))
    return None


def figure(data: CheckData, district: str, indicator: str, year: int, period: str) -> Figure | None:
    """The published value of a key, else one computed from its parts or levels."""
    return published(data, district, indicator, year, period) or computed(
        data, district, indicator, year, period
    )


def change(
    data: CheckData,
    district: str,
    indicator: str,
    year: int,
    period: str,
    step: float = 0.0,
    base: int = 0,
) -> Figure | None:
    """The change of an indicator from the same period of ``base`` (default the year before):
    ``x₁ − x₀``.

    Writers subtract the two values as they print them, each rounded at the printed step of the
    change (55.8 − 68.8 = −13.0 where the unrounded shares differ by −13.06), so the range allows
    each term to move by half a ``step`` either way.
    """
    x1 = figure(data, district, indicator, year, period)
    x0 = figure(data, district, indicator, base or year - 1, period)
    if x1 is None or x0 is None:
        return None
    lo, hi = x1.lo - x0.hi - step, x1.hi - x0.lo + step
    how = "difference"
    return Figure(
        x1.value - x0.value,
        lo,
        hi,
        x1.evidence + x0.evidence,
        how,
        indicator,
        year,
        (x1.how, x0.how),
    )


def same_release(a: Figure, b: Figure) -> bool:
    """Whether two parts can be put together: one source's, or both early releases (a share of a
    first-release part over a revised whole is neither release's share)."""
    ea, eb = a.evidence[0], b.evidence[0]
    both_early = ea["vintage"] in EARLY_VINTAGES and eb["vintage"] in EARLY_VINTAGES
    return ea["source_id"] == eb["source_id"] or both_early


def multiple(
    data: CheckData, district: str, indicator: str, year: int, period: str, base: int
) -> Figure | None:
    """How many times its ``base`` year's value an indicator is (翻一番: 2), ``x₁ / x₀``."""
    x1 = figure(data, district, indicator, year, period)
    x0 = figure(data, district, indicator, base, period)
    if x1 is None or x0 is None or x0.lo <= 0:
        return None
    return Figure(
        x1.value / x0.value,
        max(x1.lo, 0) / x0.hi,
        x1.hi / x0.lo,
        x1.evidence + x0.evidence,
        "ratio",
        indicator,
        year,
        (x1.how, x0.how),
    )


def part_combinations(
    data: CheckData, district: str, indicator: str, year: int, period: str
) -> list[Figure]:
    """A share computed from every published value of its parts (not only the panel's), so that
    a share printed with a bulletin's own parts can be told from the yearbook's."""
    out = []
    for other, den in relation(indicator, "share_of"):
        tops = all_published(data, district, other, year, period)
        bottoms = all_published(data, district, den, year, period)
        for a in tops:
            for b in bottoms:
                if b.lo > 0 and same_release(a, b):
                    lo, hi = 100 * max(a.lo, 0) / b.hi, 100 * a.hi / b.lo
                    value = 100 * a.value / b.value
                    parts = (other, den)
                    out.append(
                        Figure(
                            value, lo, hi, a.evidence + b.evidence, "parts", indicator, year, parts
                        )
                    )
    return out


def overlaps(claim: Claim, fig: Figure) -> bool:
    """Whether a figure's range and the claim's overlap (touching is not overlapping, unless the
    figure is exact).

    >>> from jbanalysis.claims.figures import Figure, overlaps
    >>> from jbanalysis.claims.schema import Claim
    >>> c = Claim("X", "", "jiangbei", "gdp", 2020, "Y", "value", 126, "126", "cny_100m", "", 125.5, 126.5)
    >>> overlaps(c, Figure(127, 126.5, 127.5)), overlaps(c, Figure(126.4, 126.35, 126.45))
    (False, True)
    """
    if not (math.isfinite(fig.lo) and math.isfinite(fig.hi)):
        return False
    exact = fig.hi - fig.lo <= _EPS
    strict_low = claim.low_open or not exact
    strict_high = claim.high_open or not exact
    above = fig.hi > claim.low + _EPS if strict_low else fig.hi >= claim.low - _EPS
    below = fig.lo < claim.high - _EPS if strict_high else fig.lo <= claim.high + _EPS
    return bool(above and below)
