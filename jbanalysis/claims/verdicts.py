"""One check a kind of claim: a value or growth rate, a share, a rank — each against the data.

Each check returns the fields of a result row (:data:`jbanalysis.claims.check.RESULT_COLUMNS`):
its verdict and reason, the value, share or best rank found, the evidence, and for a claim the
data cannot settle, what would (``needs``). The rules are ``docs/claims.md``'s, "How each kind is
checked"; the printed ranges are :mod:`jbanalysis.precision`'s.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from jbanalysis.claims.evidence import CheckData, evidence_of
from jbanalysis.claims.rows import group_ids
from jbanalysis.claims.schema import Claim
from jbanalysis.precision import _EPS
from jbanalysis.registry.districts import CITY
from jbanalysis.registry.schema import LOWER_BOUNDS, UPPER_BOUNDS

__all__ = ["CHECKS", "within"]


def within(claim: Claim, value: float, half_step: float = 0.0) -> bool:
    """Whether a value printed with ``± half_step`` overlaps the range the claim allows.

    Two printed ranges that only touch (126 and 127, each ± 0.5) do not overlap: a number
    rounds to one of them, not to both. A value without a step (a share) is inside a closed
    range, unless the claim's bound is strict (``超过``).
    """
    lo, hi = value - half_step, value + half_step
    strict_low = claim.low_open or half_step > 0
    strict_high = claim.high_open or half_step > 0
    above_low = hi > claim.low + _EPS if strict_low else hi >= claim.low - _EPS
    below_high = lo < claim.high - _EPS if strict_high else lo <= claim.high + _EPS
    return bool(above_low and below_high)


def _result(claim: Claim, verdict: str, reason: str, **fields: Any) -> dict:
    out = {"verdict": verdict, "reason": reason, "found": math.nan}
    out.update(fields)
    return out


def _needs(districts: Iterable[str], claim: Claim, indicator: str | None = None) -> tuple:
    return (tuple(districts), indicator or claim.indicator, claim.year, claim.period)


def _context(data: CheckData, claim: Claim, district: str, indicator: str | None = None) -> dict:
    """Who else has the period's value, and which periods the district has, for an absent value."""
    ind = indicator or claim.indicator
    places = [*group_ids("all"), CITY]
    holders = data.periods.get((ind, claim.year, claim.period), set())
    others = tuple(d for d in places if d in holders and d != district)
    available = tuple(sorted(data.years.get((district, ind), []), key=lambda yp: (yp[0], yp[1])))
    levels = False
    if ind == "gdp_real_growth":
        levels = all(
            (district, "gdp", y, claim.period) in data.by_key for y in (claim.year - 1, claim.year)
        )
    return {
        "indicator_in_data": ind in data.indicators,
        "others_with_period": others,
        "available": available,
        "levels_exist": levels,
    }


def _check_value(claim: Claim, data: CheckData) -> dict:
    row = data.value(claim.district, claim)
    if row is None:
        bound = data.bound(claim.district, claim)
        if bound is not None:
            ev = evidence_of(data, bound, bound=True)
            limit = ev["value"]
            op = ev["bound"]
            agrees = _bound_allows(op, limit, claim)
            verdict = "partly checkable" if agrees else "contradicted"
            return _result(
                claim,
                verdict,
                "bound agrees" if agrees else "bound contradicts",
                found=limit,
                evidence=(ev,),
                needs=_needs([claim.district], claim),
            )
        return _result(
            claim,
            "not verifiable",
            "no value",
            needs=_needs([claim.district], claim),
            **_context(data, claim, claim.district),
        )
    ev = evidence_of(data, row)
    value = ev["value"]
    ok = within(claim, value, ev["step"] / 2)
    agreeing: tuple = ()
    if not ok:
        others = [evidence_of(data, r) for r in data.others(row)]
        agreeing = tuple(e for e in others if within(claim, e["value"], e["step"] / 2))
    return _result(
        claim,
        "consistent" if ok else "contradicted",
        "within" if ok else "outside",
        found=value,
        evidence=(ev,),
        alternatives=agreeing,
    )


def _bound_allows(op: str, limit: float, claim: Claim) -> bool:
    """Whether some value the bound allows lies in the claim's range."""
    if op in LOWER_BOUNDS:
        return claim.high > limit or (op == ">=" and claim.high >= limit)
    if op in UPPER_BOUNDS:
        return claim.low < limit or (op == "<=" and claim.low <= limit)
    return True


def _denominator_values(claim: Claim, data: CheckData) -> tuple[list[str], list[dict], list[str]]:
    """(members, their rows, members without a value) of a share's denominator."""
    if claim.denominator == CITY:
        members = [CITY]
    else:
        members = group_ids(claim.denominator)
    rows, missing = [], []
    for m in members:
        r = data.value(m, claim)
        (rows.append(r) if r is not None else missing.append(m))
    return members, rows, missing


def _check_share(claim: Claim, data: CheckData) -> dict:
    own = data.value(claim.district, claim)
    members, rows, missing = _denominator_values(claim, data)
    if own is None or (claim.denominator == CITY and missing):
        lacking = ([claim.district] if own is None else []) + missing
        return _result(
            claim,
            "not verifiable",
            "no value" if own is None else "no denominator",
            needs=_needs(lacking, claim),
            missing=tuple(missing),
            evidence=tuple(evidence_of(data, r) for r in ([own] if own is not None else [])),
            **_context(data, claim, claim.district),
        )
    evidence = tuple(evidence_of(data, r) for r in [own, *[r for r in rows if r is not own]])
    numerator = float(own["value"])
    total = sum(float(r["value"]) for r in rows)
    if claim.denominator != CITY and missing:
        # the group total is at least the members with values: the share is at most this
        most = numerator / total if total > 0 else math.nan
        verdict = "contradicted" if most < claim.low - _EPS else "partly checkable"
        return _result(
            claim,
            verdict,
            "share at most" if verdict == "contradicted" else "group incomplete",
            found=most,
            evidence=evidence,
            missing=tuple(missing),
            needs=_needs(missing, claim),
            n_group=len(members),
            n_values=len(rows),
        )
    share = numerator / total if total else math.nan
    ok = math.isfinite(share) and within(claim, share)
    return _result(
        claim,
        "consistent" if ok else "contradicted",
        "within" if ok else "outside",
        found=share,
        evidence=evidence,
        n_group=len(members),
        n_values=len(rows),
    )


def _check_rank(claim: Claim, data: CheckData) -> dict:
    members = group_ids(claim.group)
    own = data.value(claim.district, claim)
    rows = {m: data.value(m, claim) for m in members}
    with_values = [m for m in members if rows[m] is not None]
    missing = [m for m in members if rows[m] is None]
    if own is None:
        return _result(
            claim,
            "not verifiable",
            "no value",
            n_group=len(members),
            n_values=len(with_values),
            members=tuple(with_values),
            missing=tuple(missing),
            evidence=tuple(evidence_of(data, rows[m]) for m in with_values),
            needs=_needs([claim.district, *[m for m in missing if m != claim.district]], claim),
            **_context(data, claim, claim.district),
        )
    found = {m: evidence_of(data, rows[m]) for m in with_values}
    x, sx = found[claim.district]["value"], found[claim.district]["step"]
    above, ties, below = [], [], []
    for m in with_values:
        if m == claim.district:
            continue
        v = found[m]["value"]
        # a tie: the two printed values could stand for the same number
        tol = (sx + found[m]["step"]) / 2 - _EPS
        (above if v >= x + tol else below if v <= x - tol else ties).append(m)
    known_above, known_below, bounds = [], [], []
    for m in missing:
        b = data.bound(m, claim)
        if b is None:
            continue
        limit, op = float(b["value"]), str(b["bound"])
        if (op == ">" and limit >= x) or (op == ">=" and limit > x):
            known_above.append(m)
        elif (op == "<" and limit <= x) or (op == "<=" and limit < x):
            known_below.append(m)
        bounds.append(evidence_of(data, b, bound=True))
    unknown = [m for m in missing if m not in known_above and m not in known_below]
    rank_low = 1 + len(above) + len(known_above)
    rank_high = rank_low + len(unknown)
    stated = int(claim.stated)
    compared = len(with_values) - 1 + len(known_above) + len(known_below)
    if claim.top:
        contradicted, settled = rank_low > stated, rank_high <= stated
    else:
        contradicted = not rank_low <= stated <= rank_high
        settled = rank_low == rank_high == stated
    if contradicted:
        verdict = "contradicted"
    elif compared == 0:
        verdict = "not verifiable"
    else:
        verdict = "consistent" if settled else "partly checkable"
    evidence = tuple(found[m] for m in with_values)
    order = sorted(with_values, key=lambda m: -float(rows[m]["value"]))
    return _result(
        claim,
        verdict,
        "ranked" if compared else "alone",
        found=float(rank_low),
        rank_low=rank_low,
        rank_high=rank_high,
        n_group=len(members),
        n_values=len(with_values),
        members=tuple(order),
        above=tuple(sorted(above, key=lambda m: -float(rows[m]["value"]))),
        ties=tuple(ties),
        below=tuple(sorted(below, key=lambda m: -float(rows[m]["value"]))),
        bounds_above=tuple(known_above),
        bounds_below=tuple(known_below),
        bound_evidence=tuple(bounds),
        missing=tuple(missing),
        unknown=tuple(unknown),
        evidence=evidence,
        needs=_needs(unknown, claim) if verdict != "consistent" else (),
        **(_context(data, claim, claim.district) if compared == 0 else {}),
    )


CHECKS = {
    "value": _check_value,
    "growth": _check_value,
    "share": _check_share,
    "rank": _check_rank,
}
