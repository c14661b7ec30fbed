"""Claims check: a number a publication printed, checked against the sourced data.

A **claim** is one number a page printed about a district: a value (``5560亿元``), a growth rate
(``增长6.2%``), a share of the city or of a group (``占全市三分之一``) or a rank within a named
group (``增速居中心城区第一``). The claims ledger (``data/claims.csv``, or a user's file with the
same columns) holds each claim as printed, where it was published, and how to read it: district,
indicator, period, kind, the stated number, its printed precision, the group of a rank and the
denominator of a share.

:func:`check_claims` compares every claim with the panel and gives one of four verdicts:

``consistent``
    The data agree within the printed precision (``三分之一`` is a range, ``6.2%`` is 6.15–6.25).
``contradicted``
    The data disagree; the values that do so are named with their sources and flags.
``partly checkable``
    What the data hold agrees but cannot settle the claim: a rank where only some of the group have
    the period's value (who is missing is named), a value of which only a bound (``>1200``) exists.
``not verifiable``
    The data lack what the claim needs; the check says exactly what would settle it.

A verdict never rests silently on a weak value: every value behind it is listed with its source
kind, vintage and flag, and the caveats (preliminary, estimated, low reliability, derived,
interpolated, corrected, from an aggregator site, a bound, the claim's own publication) are named
by :mod:`jbanalysis.claims.explain`. Real growth (增长6.2% of GDP: ``gdp_real_growth``, 可比价)
is checked against published real growth only, never against growth computed from nominal levels.

How printed precision becomes a range is documented in ``docs/claims.md`` and in
:func:`jbanalysis.precision.fraction_range` and :func:`jbanalysis.precision.value_range`.

>>> result = check_claims()
>>> row = result.set_index("claim_id").loc["R01"]
>>> row["verdict"], int(row["rank_low"]), int(row["rank_high"]), int(row["n_values"]), int(row["n_group"])
('partly checkable', 1, 5, 5, 9)
>>> row["missing"]
('dadukou', 'shapingba', 'nanan', 'banan')
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from jbanalysis.claims.ledger import (
    Claim,
    group_ids,
    load_claims,
    unit_factor,
)
from jbanalysis.errors import UnknownNameError
from jbanalysis.precision import _EPS, printed_step
from jbanalysis.registry.districts import CITY
from jbanalysis.registry.paths import bundle_path

__all__ = [
    "CAVEATS",
    "RESULT_COLUMNS",
    "check_claims",
]

CAVEATS = (
    "estimate",
    "preliminary",
    "low",
    "derived",
    "interpolated",
    "corrected",
    "secondary",
)
_SECONDARY_KINDS = ("aggregator", "news", "encyclopedia", "dataset_page")


# --------------------------------------------------------------------------------------------
# The data a check looks at
# --------------------------------------------------------------------------------------------


def _records(frame: pd.DataFrame, columns: Iterable[str]) -> list[dict]:
    """Rows as dicts, built column-wise (``to_dict("records")`` is slow on categoricals)."""
    cols = [c for c in columns if c in frame]
    arrays = [frame[c].astype(object).to_numpy() for c in cols]
    return [dict(zip(cols, values, strict=True)) for values in zip(*arrays, strict=True)]


_ROW_COLUMNS = (
    "district",
    "indicator",
    "year",
    "period",
    "value",
    "unit",
    "source_id",
    "record",
    "source_kind",
    "vintage",
    "reliability",
    "flag",
    "correction",
    "bound",
)


class _Data:
    """The panel indexed by key, the bounds and other published values, and record URLs."""

    def __init__(self, panel: pd.DataFrame, observations: pd.DataFrame | None):
        panel = panel.copy()
        if "period" not in panel:
            panel["period"] = "Y"
        for col in ("flag", "vintage", "reliability", "source_kind", "correction", "record"):
            if col not in panel:
                panel[col] = ""
        if "source_id" not in panel:
            panel["source_id"] = ""
        panel["year"] = panel["year"].astype(int)
        self.by_key = {
            (str(r["district"]), str(r["indicator"]), int(r["year"]), str(r["period"])): r
            for r in _records(panel, _ROW_COLUMNS)
        }
        self.indicators = {str(i) for i in panel["indicator"].unique()}
        self.periods: dict[tuple[str, int, str], set[str]] = {}
        self.years: dict[tuple[str, str], list[tuple[int, str]]] = {}
        for d, i, y, p in self.by_key:
            self.periods.setdefault((i, y, p), set()).add(d)
            self.years.setdefault((d, i), []).append((y, p))
        self.bounds: dict[tuple, list[dict]] = {}
        self.observations = None
        if observations is not None and len(observations):
            obs = observations if "period" in observations else observations.assign(period="Y")
            obs = obs[obs["flag"].astype(str) != "excluded"]
            bound = obs["bound"].astype(str) if "bound" in obs else pd.Series("", index=obs.index)
            for r in _records(obs[bound != ""], _ROW_COLUMNS):
                self.bounds.setdefault(self._key(r), []).append(r)
            self.observations = obs[bound == ""]
        self._sources: dict[str, dict[str, dict[str, str]]] = {}

    @staticmethod
    def _key(r: Mapping[str, Any]) -> tuple:
        return (str(r["district"]), str(r["indicator"]), int(r["year"]), str(r["period"]))

    def value(self, district: str, claim: Claim, indicator: str | None = None) -> dict | None:
        return self.by_key.get((district, indicator or claim.indicator, claim.year, claim.period))

    def bound(self, district: str, claim: Claim) -> dict | None:
        found = self.bounds.get((district, claim.indicator, claim.year, claim.period))
        return found[0] if found else None

    def others(self, row: Mapping[str, Any]) -> list[dict]:
        """The other published values of a panel value's key (other sources, vintages)."""
        obs = self.observations
        if obs is None:
            return []
        d, i, y, p = self._key(row)
        same = obs[
            (obs["district"].astype(str) == d)
            & (obs["indicator"].astype(str) == i)
            & (obs["year"] == y)
            & (obs["period"].astype(str) == p)
            & (obs["record"].astype(str) != str(row.get("record")))
        ]
        return _records(same, _ROW_COLUMNS)

    def source_row(self, source_id: str, record: str) -> dict[str, str]:
        """The record's row of its source file: url, title, and the value and unit as written."""
        if source_id not in self._sources:
            self._sources[source_id] = _source_table(source_id)
        table = self._sources[source_id]
        return table.get(record, table["*"])


def _source_table(source_id: str) -> dict[str, dict[str, str]]:
    """record -> url, title, value and unit as the source file has them (``*``: the registry's)."""
    path = bundle_path(f"sources/{source_id}.csv")
    stamp = path.stat().st_mtime if path.is_file() else None
    return _read_source_table(source_id, str(path), stamp)


@cache
def _read_source_table(source_id: str, file: str, stamp: float | None) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    default = {"url": "", "title": ""}
    path = Path(file)
    if stamp is not None:
        from jbanalysis.sources.observations import load_sources

        registry = load_sources().set_index("id")
        if source_id in registry.index:
            default = {k: str(registry.at[source_id, k]) for k in ("url", "title")}
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for col in ("url", "title", "value", "unit"):
            if col not in frame:
                frame[col] = ""
        frame["url"] = frame["url"].where(frame["url"] != "", default["url"])
        frame["title"] = frame["title"].where(frame["title"] != "", default["title"])
        columns = [frame[c].to_numpy() for c in ("url", "title", "value", "unit")]
        for record, url, title, value, unit in zip(frame["record"], *columns, strict=True):
            table[record] = {"url": url, "title": title, "value": value, "unit": unit}
    table["*"] = default
    return table


def _evidence(data: _Data, row: Mapping[str, Any], bound: bool = False) -> dict:
    """What a check says about one value: the value, its printed step and where it comes from."""
    line = data.source_row(str(row.get("source_id", "")), str(row.get("record", "")))
    ev = {
        "district": str(row["district"]),
        "indicator": str(row["indicator"]),
        "year": int(row["year"]),
        "period": str(row.get("period", "Y")),
        "value": float(row["value"]),
        "unit": str(row.get("unit", "")),
        "source_id": str(row.get("source_id", "")),
        "record": str(row.get("record", "")),
        "source_kind": str(row.get("source_kind", "")),
        "vintage": str(row.get("vintage", "")),
        "reliability": str(row.get("reliability", "")),
        "flag": str(row.get("flag", "")),
        "correction": str(row.get("correction", "") or ""),
        "bound": str(row.get("bound", "")) if bound else "",
        "url": line.get("url", ""),
        "title": line.get("title", ""),
    }
    ev["step"] = _printed_step_of(ev, line)
    ev["caveats"] = _caveats_of(ev)
    return ev


def _printed_step_of(ev: Mapping[str, Any], line: Mapping[str, str]) -> float:
    """The last printed digit of a value, in its canonical unit: from the digits as transcribed
    in the source file where there are any (``7.0`` -> 0.1), else from the number itself."""
    from jbanalysis.precision import last_digit

    text, unit = line.get("value", ""), line.get("unit", "")
    if text and unit and ev["unit"] and not ev["correction"]:
        try:
            return printed_step(text, exact_count=True) * unit_factor(unit, ev["unit"])
        except (UnknownNameError, ValueError):
            pass
    return float(last_digit([ev["value"]])[0])


def _caveats_of(ev: Mapping[str, str]) -> tuple[str, ...]:
    found = []
    if ev["vintage"] == "estimate":
        found.append("estimate")
    if ev["vintage"] == "preliminary":
        found.append("preliminary")
    if ev["reliability"] == "low":
        found.append("low")
    if ev["flag"] in ("derived", "interpolated", "corrected"):
        found.append(ev["flag"])
    if ev["source_kind"] in _SECONDARY_KINDS and ev["reliability"] != "low":
        found.append("secondary")
    return tuple(found)


def _same_page(a: str, b: str) -> bool:
    def key(url: str) -> str:
        return re.sub(r"^https?://(www\.)?", "", url.strip()).rstrip("/").casefold()

    return bool(a and b) and key(a) == key(b)


def _within(claim: Claim, value: float, half_step: float = 0.0) -> bool:
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


# --------------------------------------------------------------------------------------------
# The checks
# --------------------------------------------------------------------------------------------


def _result(claim: Claim, verdict: str, reason: str, **fields: Any) -> dict:
    out = {"verdict": verdict, "reason": reason, "found": math.nan}
    out.update(fields)
    return out


def _needs(districts: Iterable[str], claim: Claim, indicator: str | None = None) -> tuple:
    return (tuple(districts), indicator or claim.indicator, claim.year, claim.period)


def _context(data: _Data, claim: Claim, district: str, indicator: str | None = None) -> dict:
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


def _check_value(claim: Claim, data: _Data) -> dict:
    row = data.value(claim.district, claim)
    if row is None:
        bound = data.bound(claim.district, claim)
        if bound is not None:
            ev = _evidence(data, bound, bound=True)
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
    ev = _evidence(data, row)
    value = ev["value"]
    ok = _within(claim, value, ev["step"] / 2)
    agreeing: tuple = ()
    if not ok:
        others = [_evidence(data, r) for r in data.others(row)]
        agreeing = tuple(e for e in others if _within(claim, e["value"], e["step"] / 2))
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
    if op in (">", ">="):
        return claim.high > limit or (op == ">=" and claim.high >= limit)
    if op in ("<", "<="):
        return claim.low < limit or (op == "<=" and claim.low <= limit)
    return True


def _denominator_values(claim: Claim, data: _Data) -> tuple[list[str], list[dict], list[str]]:
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


def _check_share(claim: Claim, data: _Data) -> dict:
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
            evidence=tuple(_evidence(data, r) for r in ([own] if own is not None else [])),
            **_context(data, claim, claim.district),
        )
    evidence = tuple(_evidence(data, r) for r in [own, *[r for r in rows if r is not own]])
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
    ok = math.isfinite(share) and _within(claim, share)
    return _result(
        claim,
        "consistent" if ok else "contradicted",
        "within" if ok else "outside",
        found=share,
        evidence=evidence,
        n_group=len(members),
        n_values=len(rows),
    )


def _check_rank(claim: Claim, data: _Data) -> dict:
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
            evidence=tuple(_evidence(data, rows[m]) for m in with_values),
            needs=_needs([claim.district, *[m for m in missing if m != claim.district]], claim),
            **_context(data, claim, claim.district),
        )
    found = {m: _evidence(data, rows[m]) for m in with_values}
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
        bounds.append(_evidence(data, b, bound=True))
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


_CHECKS = {
    "value": _check_value,
    "growth": _check_value,
    "share": _check_share,
    "rank": _check_rank,
}

RESULT_COLUMNS = [
    "claim_id",
    "verdict",
    "kind",
    "district",
    "indicator",
    "year",
    "period",
    "stated",
    "stated_text",
    "precision",
    "low",
    "high",
    "group",
    "denominator",
    "found",
    "rank_low",
    "rank_high",
    "n_group",
    "n_values",
    "members",
    "above",
    "ties",
    "below",
    "bounds_above",
    "missing",
    "unknown",
    "evidence",
    "bound_evidence",
    "alternatives",
    "caveats",
    "mixed_vintages",
    "own_source",
    "needs",
    "indicator_in_data",
    "others_with_period",
    "available",
    "levels_exist",
    "reason",
    "explanation",
    "text",
    "title",
    "date",
    "url",
    "note",
    "row",
]


def _summarise_caveats(claim: Claim, result: dict) -> None:
    evidence = list(result.get("evidence", ())) + list(result.get("bound_evidence", ()))
    by_caveat: dict[str, list[str]] = {}
    for ev in evidence:
        if ev["bound"]:
            continue
        if ev["caveats"]:
            by_caveat.setdefault(ev["caveats"][0], []).append(ev["district"])
    result["caveats"] = {c: tuple(by_caveat[c]) for c in CAVEATS if c in by_caveat}
    vintages = {ev["vintage"] for ev in evidence if not ev["bound"]}
    result["mixed_vintages"] = {"first_release", "revised"} <= vintages
    own = [ev for ev in evidence if ev["district"] == claim.district and not ev["bound"]]
    result["own_source"] = any(_same_page(ev["url"], claim.url) for ev in own)


def check_claims(
    claims: str | Path | pd.DataFrame | None = None,
    panel: pd.DataFrame | None = None,
    *,
    observations: pd.DataFrame | None = None,
    lang: str = "en",
) -> pd.DataFrame:
    """Check every claim of a ledger against the panel: one row per claim, with its verdict.

    Parameters
    ----------
    claims : path or DataFrame, optional
        The ledger (:func:`load_claims`); default the bundled ``data/claims.csv``.
    panel : DataFrame, optional
        Values to check against, with a ``period`` column (else every value is a calendar-year
        value); default :func:`jbanalysis.load_panel` with ``period=None`` (every period).
    observations : DataFrame, optional
        Where bounds (``>1200``: a page's 突破) and the other published values of a key are
        looked up; default the bundled observations. Bounds are never panel values: they only
        check a claim whose district has no value, or order a rank.
    lang : {"en", "zh"}
        Language of the ``explanation`` column (:mod:`jbanalysis.claims.explain`).

    Returns
    -------
    DataFrame
        One row per checked claim (columns :data:`RESULT_COLUMNS`): ``verdict`` (one of
        :data:`VERDICTS`), ``found`` (the value, the share, or the best rank the data allow),
        ``rank_low``/``rank_high`` (the ranks the data leave possible), ``missing`` (group
        members without the period's value), ``evidence`` (every value used, with source,
        record, kind, vintage, reliability, flag and caveats), ``caveats`` (caveat -> districts),
        ``own_source`` (the claim's district's value comes from the page that makes the claim),
        ``needs`` (what would settle it: districts, indicator, year, period) and
        ``explanation``. ``attrs["report"]`` is the :class:`LedgerReport`: rows in = rows
        checked + rows rejected, with the row and column of every problem.

    The verdict of a rank: the ranks still possible run from 1 + (members above, by value or
    by a bound) to that + (members without a value or bound). The claim is contradicted when
    its rank is outside that range, consistent when the range is that rank alone, and partly
    checkable otherwise; ``前N`` (top N) is consistent when the lowest possible rank is N or
    better. Values equal within their printed precision are ties and share a rank.

    Examples
    --------
    >>> result = check_claims(lang="en").set_index("claim_id")
    >>> r13 = result.loc["R13"]
    >>> r13["verdict"], float(r13["found"]), int(r13["n_values"]), int(r13["n_group"])
    ('consistent', 1.0, 38, 38)
    >>> result.loc["S06a", "verdict"], result.loc["S06a", "needs"]
    ('not verifiable', (('jiangbei',), 'commodity_sales', 2023, 'Q1-Q3'))
    """
    from jbanalysis.claims.explain import explanation
    from jbanalysis.panel.load import load_panel
    from jbanalysis.registry.terms import check_lang
    from jbanalysis.sources.observations import load_observations

    check_lang(lang)
    parsed, report = load_claims(claims)
    # the claims' indicators (and GDP levels, to say why real growth is not derived from them)
    wanted = sorted({c.indicator for c in parsed} | {"gdp"})
    if panel is None:
        panel = load_panel(indicators=wanted, period=None)
    else:
        panel = panel[panel["indicator"].astype(str).isin(wanted)]
    if observations is None:
        observations = load_observations()
    observations = observations[observations["indicator"].astype(str).isin(wanted)]
    data = _Data(panel, observations)
    rows = []
    for claim in parsed:
        result = _CHECKS[claim.kind](claim, data)
        _summarise_caveats(claim, result)
        row = {c: None for c in RESULT_COLUMNS}
        row.update(
            {
                "claim_id": claim.claim_id,
                "kind": claim.kind,
                "district": claim.district,
                "indicator": claim.indicator,
                "year": claim.year,
                "period": claim.period,
                "stated": claim.stated,
                "stated_text": claim.stated_text,
                "precision": claim.precision,
                "low": claim.low,
                "high": claim.high,
                "group": claim.group,
                "denominator": claim.denominator,
                "text": claim.text,
                "title": claim.title,
                "date": claim.date,
                "url": claim.url,
                "note": claim.note,
                "row": claim.row,
            }
        )
        defaults = {
            "members": (),
            "above": (),
            "ties": (),
            "below": (),
            "bounds_above": (),
            "missing": (),
            "unknown": (),
            "evidence": (),
            "bound_evidence": (),
            "alternatives": (),
            "needs": (),
            "others_with_period": (),
            "available": (),
        }
        row.update(defaults)
        row.update({k: v for k, v in result.items() if k in row})
        row["explanation"] = explanation(row, lang)
        rows.append(row)
    out = pd.DataFrame(rows, columns=RESULT_COLUMNS)
    for col in ("rank_low", "rank_high", "n_group", "n_values"):
        out[col] = out[col].astype("Int64")
    out["found"] = out["found"].astype(float)
    out["indicator_in_data"] = out["indicator_in_data"].astype("boolean")
    out["levels_exist"] = out["levels_exist"].astype("boolean")
    out.attrs["report"] = report
    return out
