"""One check a kind of claim: a value or growth rate, a share, a rank — each against the data.

Each check returns the fields of a result row (:data:`jbanalysis.claims.check.RESULT_COLUMNS`):
its verdict and reason, the value, share or best rank found, the evidence, and for a claim the
data cannot settle, what would (``needs``). The rules are ``docs/claims.md``'s, "How each kind is
checked"; the printed ranges are :mod:`jbanalysis.precision`'s.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from jbanalysis.claims.diagnose import diagnose, share_elsewhere, verdict_after
from jbanalysis.claims.evidence import CheckData, evidence_of, same_page
from jbanalysis.claims.figures import (
    Figure,
    change,
    figure,
    multiple,
    overlaps,
    structure_of,
)
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
    fig = figure(data, claim.district, claim.indicator, claim.year, claim.period)
    if fig is None:
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
            diagnosis=diagnose(claim, data, None),
            **_context(data, claim, claim.district),
        )
    return _compare(claim, data, fig)


def _compare(claim: Claim, data: CheckData, fig: Figure) -> dict:
    """The verdict of a value (or change) against its figure, with a diagnosis when it disagrees."""
    ok = overlaps(claim, fig)
    agreeing: tuple = ()
    diagnosis = None
    verdict, reason = ("consistent", "within") if ok else ("contradicted", "outside")
    others = []
    if fig.how == "published":
        others = [evidence_of(data, r) for r in data.others(fig.evidence[0])]
    if not ok and _residual_term(claim, data, fig):
        verdict, reason = "consistent", "ratio residual"
    elif not ok:
        agreeing = tuple(e for e in others if within(claim, e["value"], e["step"] / 2))
        diagnosis = diagnose(claim, data, fig) if claim.kind not in ("change", "multiple") else None
        verdict, reason = verdict_after(verdict, diagnosis)
    # the panel's value from the claim's own page: do other pages have the key, and agree?
    independent: tuple = ()
    if fig.how == "published" and same_page(fig.evidence[0]["url"], claim.url):
        independent = tuple(e for e in others if not same_page(e["url"], claim.url))
    return _result(
        claim,
        verdict,
        reason,
        found=fig.value,
        evidence=fig.evidence,
        alternatives=agreeing,
        diagnosis=diagnosis,
        computed=_computed(fig),
        independent=tuple(
            dict(e, agrees=within(claim, e["value"], e["step"] / 2)) for e in independent
        ),
    )


def _residual_term(claim: Claim, data: CheckData, fig: Figure) -> bool:
    """Whether a term of a structure ratio is 100 minus its siblings as printed.

    A bulletin's 9.9:56.2:33.9 sums to 100 though the shares round to 9.9, 56.2 and 33.8: the
    last term was printed as what the others leave. A term that equals 100 minus the others
    rounded at its printed step is consistent with the data (reason ``ratio residual``).
    """
    terms = structure_of(claim.indicator)
    step = claim.stated_step
    if claim.kind != "value" or not terms or not (step and math.isfinite(step)):
        return False
    siblings = [
        figure(data, claim.district, t, claim.year, claim.period)
        for t in terms
        if t != claim.indicator
    ]
    if any(f is None for f in siblings):
        return False
    residual = 100 - sum(round(f.value / step) * step for f in siblings)
    return abs(residual - claim.stated) < step / 2 and abs(fig.value - claim.stated) < 1.5 * step


def _computed(fig: Figure) -> dict | None:
    """How a figure that is not a published value was made (None for a published one)."""
    if fig.how == "published":
        return None
    return {"how": fig.how, "value": fig.value, "lo": fig.lo, "hi": fig.hi, "parts": fig.parts}


def _check_change(claim: Claim, data: CheckData) -> dict:
    base = claim.base or claim.year - 1
    if claim.kind == "multiple":
        fig = multiple(data, claim.district, claim.indicator, claim.year, claim.period, base)
    else:
        step = claim.high - claim.low if math.isfinite(claim.high - claim.low) else 0.0
        fig = change(data, claim.district, claim.indicator, claim.year, claim.period, step, base)
    if fig is None:
        missing = [
            y
            for y in (base, claim.year)
            if figure(data, claim.district, claim.indicator, y, claim.period) is None
        ]
        return _result(
            claim,
            "not verifiable",
            "no value",
            needs=(
                (claim.district,),
                claim.indicator,
                missing[0] if missing else claim.year,
                claim.period,
            ),
            **_context(data, claim, claim.district),
        )
    return _compare(claim, data, fig)


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
    verdict, reason = ("consistent", "within") if ok else ("contradicted", "outside")
    diagnosis = None
    if not ok and claim.denominator == CITY:
        panel = Figure(share, share, share, evidence, "parts")
        diagnosis = share_elsewhere(claim, data, panel)
        verdict, reason = verdict_after(verdict, diagnosis)
    return _result(
        claim,
        verdict,
        reason,
        found=share,
        evidence=evidence,
        n_group=len(members),
        n_values=len(rows),
        diagnosis=diagnosis,
    )


def _check_rank(claim: Claim, data: CheckData) -> dict:
    result = _rank(claim, data)
    if result["verdict"] == "contradicted":
        result["diagnosis"] = _rank_elsewhere(claim, data)
    return result


def _rank_elsewhere(claim: Claim, data: CheckData) -> dict | None:
    """The neighbouring year (±1, ±2) in which the data settle the claimed rank, if exactly one."""
    years = []
    for shift in (1, -1, 2, -2):
        other = replace(claim, year=claim.year + shift)
        if _rank(other, data)["verdict"] == "consistent":
            years.append(other.year)
    if len(years) != 1:
        return None
    return {"kind": "other_year", "year": years[0], "rank": int(claim.stated)}


def _rank(claim: Claim, data: CheckData) -> dict:
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
    "change": _check_change,
    "multiple": _check_change,
    "share": _check_share,
    "rank": _check_rank,
}
