"""What a number that is not its key's figure really is.

Before a claim is called contradicted (or left unverifiable), the stated number is looked for
where writers find their numbers:

1. **the same key, another release** — every published value of the district, indicator, year and
   period: a first release before a census revision (``earlier_release``: the claim was right when
   printed, so the verdict is *consistent*), another source of the same vintage
   (``other_source``: the sources disagree, *partly checkable*), or only the page that makes the
   claim (``own_source``: not an independent check, the verdict stands);
2. **a neighbouring year** (``other_year``): the same indicator one or two years either side, for
   a level whose printed range is narrower than half the series' smallest move from one year to
   the next (so that a match is no coincidence: 69 firms is not, 982.58 亿元 is), and only when
   exactly one year matches, with a figure printed at least as finely as the claim; a match of
   the printed digits cut rather than rounded (1462.88 printed 1462) is said so (``truncated``);
3. **a related indicator** (``related``): the ``mistaken_for`` rows of
   ``data/indicator_relations.csv`` — 户籍 for 常住 population, nominal for real growth — published
   or computed from levels.

The first that finds the number is the diagnosis; the verdict then says it (``equals the 2018
figure``, ``the first release, before the 2018 economic census revision``).
"""

from __future__ import annotations

import math
from itertools import pairwise

from jbanalysis.claims.evidence import CheckData, same_page
from jbanalysis.claims.figures import (
    Figure,
    all_published,
    computed,
    overlaps,
    part_combinations,
    relation,
    same_release,
)
from jbanalysis.claims.schema import Claim
from jbanalysis.registry.breaks import census_years
from jbanalysis.registry.districts import CITY
from jbanalysis.registry.indicators import load_indicators
from jbanalysis.registry.schema import EARLY_VINTAGES

__all__ = ["diagnose", "share_elsewhere", "verdict_after"]

_YEAR_SHIFTS = (1, -1, 2, -2)


def _level(indicator: str) -> bool:
    reg = load_indicators().set_index("id")
    return indicator in reg.index and reg.at[indicator, "kind"] in ("level", "count", "per_capita")


def _census_after(year: int) -> int | None:
    """The first economic census in the five years from ``year`` (it revises that year's GDP)."""
    later = [c for c in census_years("economic_census") if year <= c <= year + 5]
    return min(later) if later else None


def _early(fig: Figure) -> bool:
    return all(ev["vintage"] in EARLY_VINTAGES for ev in fig.evidence)


def _classify(claim: Claim, matches: list[Figure], panel: Figure | None) -> dict:
    """earlier_release, other_source or own_source, from the figures that hold the number.

    A figure computed from parts (a share) counts as early when all its parts are, and as the
    claim's own when any part comes from the claim's page.
    """
    independent = [
        f for f in matches if not any(same_page(ev["url"], claim.url) for ev in f.evidence)
    ]
    later_panel = panel is not None and not _early(panel)
    if not independent:
        earlier = later_panel and _early(matches[0])
        return {"kind": "own_source", "figure": matches[0], "earlier": earlier}
    early = [f for f in independent if _early(f)]
    if early and later_panel:
        return {"kind": "earlier_release", "figure": early[0], "census": _census_after(claim.year)}
    return {"kind": "other_source", "figure": independent[0]}


def _same_key(claim: Claim, data: CheckData, panel: Figure | None) -> dict | None:
    key = (claim.district, claim.indicator, claim.year, claim.period)
    figures = all_published(data, *key)
    if panel is not None and panel.how == "published":
        figures = figures[1:]  # the panel's own value was compared already
    if relation(claim.indicator, "share_of"):  # the share from every published value of its parts
        used = {tuple(ev["record"] for ev in panel.evidence)} if panel is not None else set()
        figures += [
            f
            for f in part_combinations(data, *key)
            if tuple(ev["record"] for ev in f.evidence) not in used
        ]
    matches = [f for f in figures if overlaps(claim, f)]
    return _classify(claim, matches, panel) if matches else None


def _narrow(claim: Claim, series: dict[int, float]) -> bool:
    """Whether the claim's range is narrower than half the smallest move of the series from one
    year to the next: only then does a match in another year tell which year it is."""
    if not (math.isfinite(claim.low) and math.isfinite(claim.high)) or len(series) < 2:
        return False
    years = sorted(series)
    moves = [abs(series[b] - series[a]) for a, b in pairwise(years)]
    return claim.high - claim.low < min(moves) / 2


def _truncates(claim: Claim, fig: Figure) -> bool:
    """Whether the stated number is the figure's digits cut at the printed step (1462 of 1462.88)."""
    step = claim.high - claim.low
    return step > 0 and claim.stated - 1e-9 <= fig.value < claim.stated + step - 1e-9


def _other_year(claim: Claim, data: CheckData) -> dict | None:
    if claim.kind != "value" or not _level(claim.indicator):
        return None
    found: dict[int, tuple[str, Figure]] = {}
    series: dict[int, float] = {}
    for shift in (0, *_YEAR_SHIFTS):
        year = claim.year + shift
        figures = all_published(data, claim.district, claim.indicator, year, claim.period)
        if figures:
            series[year] = figures[0].value
        for fig in figures if shift else ():
            if fig.hi - fig.lo > claim.high - claim.low + 1e-9:
                continue  # a coarser figure (67 万人 of a claim's 67.00) tells nothing
            if overlaps(claim, fig):
                found.setdefault(year, ("other_year", fig))
            elif _truncates(claim, fig) and year not in found:
                found[year] = ("truncated", fig)
    if not _narrow(claim, series):
        return None
    rounded = {y: v for y, v in found.items() if v[0] == "other_year"}
    pick = rounded or found
    if len(pick) != 1:
        return None  # none, or several years: no telling which
    year, (kind, fig) = next(iter(pick.items()))
    return {"kind": kind, "figure": fig, "year": year}


def _related(claim: Claim, data: CheckData) -> dict | None:
    if claim.kind not in ("value", "growth"):
        return None
    for other, _ in relation(claim.indicator, "mistaken_for"):
        figures = all_published(data, claim.district, other, claim.year, claim.period)
        made = computed(data, claim.district, other, claim.year, claim.period)
        for fig in figures + ([made] if made is not None else []):
            if overlaps(claim, fig):
                return {"kind": "related", "figure": fig, "indicator": other}
    return None


def diagnose(claim: Claim, data: CheckData, panel: Figure | None) -> dict | None:
    """Where the stated number of a claim that its key's figure does not confirm is found.

    Returns a dict with ``kind`` (``earlier_release``, ``other_source``, ``own_source``,
    ``other_year``, ``truncated`` or ``related``), the ``figure`` found and, as they apply, the
    ``year``, the related ``indicator`` or the ``census`` that revised the figure; None when the
    number is nowhere else.

    >>> import jbanalysis as jb
    >>> r = jb.check_claims(jb.extract_claims("2017年,重庆GDP总量达到19500.27亿元。"), lang="en")
    >>> r.loc[0, "verdict"], r.loc[0, "diagnosis"]["kind"], r.loc[0, "diagnosis"]["census"]
    ('consistent', 'earlier_release', 2018)
    """
    return _same_key(claim, data, panel) or _other_year(claim, data) or _related(claim, data)


def verdict_after(verdict: str, diagnosis: dict | None) -> tuple[str, str]:
    """The verdict a diagnosis leads to, and its reason.

    An earlier release of the same figure makes a contradicted claim consistent (it was right when
    printed); another source of the same vintage makes it partly checkable (the sources disagree),
    and so does a first release that only the claim's own page holds against a later figure (it
    may be right, but nothing independent says so). Another year, the claim's own page otherwise,
    or a related indicator leave the verdict as it was.

    >>> from jbanalysis.claims.diagnose import verdict_after
    >>> verdict_after("contradicted", {"kind": "earlier_release"}), verdict_after("contradicted", {"kind": "other_year"})
    (('consistent', 'earlier release'), ('contradicted', 'outside'))
    """
    kind = diagnosis["kind"] if diagnosis else ""
    if verdict == "contradicted" and kind == "earlier_release":
        return "consistent", "earlier release"
    if verdict == "contradicted" and kind == "other_source":
        return "partly checkable", "sources disagree"
    if verdict == "contradicted" and kind == "own_source" and diagnosis.get("earlier"):
        return "partly checkable", "own first release"
    return verdict, "outside" if verdict == "contradicted" else "no value"


def share_elsewhere(claim: Claim, data: CheckData, panel: Figure) -> dict | None:
    """A share of the city that the panel's figures contradict, computed from every published
    value of the district and of the city: a match of first releases of both is an earlier
    release (the city's total was revised since)."""
    key = (claim.year, claim.period)
    tops = all_published(data, claim.district, claim.indicator, *key)
    bottoms = all_published(data, CITY, claim.indicator, *key)
    matches = []
    for a in tops:
        for b in bottoms:
            if b.lo > 0 and same_release(a, b):
                fig = Figure(
                    a.value / b.value,
                    max(a.lo, 0) / b.hi,
                    a.hi / b.lo,
                    a.evidence + b.evidence,
                    "parts",
                )
                if overlaps(claim, fig) and (a.evidence + b.evidence) != panel.evidence:
                    matches.append(fig)
    return _classify(claim, matches, panel) if matches else None
