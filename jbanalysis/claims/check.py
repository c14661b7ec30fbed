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

>>> import jbanalysis as jb
>>> result = jb.check_claims()
>>> row = result.set_index("claim_id").loc["R01"]
>>> row["verdict"], int(row["rank_low"]), int(row["rank_high"]), int(row["n_values"]), int(row["n_group"])
('partly checkable', 1, 5, 5, 9)
>>> row["missing"]
('dadukou', 'shapingba', 'nanan', 'banan')
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from jbanalysis.claims.evidence import CAVEATS, CheckData, same_page
from jbanalysis.claims.figures import related_indicators
from jbanalysis.claims.ledger import load_claims
from jbanalysis.claims.schema import Claim
from jbanalysis.claims.verdicts import CHECKS
from jbanalysis.registry.schema import MATCHED_VINTAGES

__all__ = ["CAVEATS", "RESULT_COLUMNS", "check_claims"]


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
    "stated_step",
    "base",
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
    "diagnosis",
    "computed",
    "independent",
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
    result["mixed_vintages"] = set(MATCHED_VINTAGES) <= vintages
    own = [ev for ev in evidence if ev["district"] == claim.district and not ev["bound"]]
    result["own_source"] = any(same_page(ev["url"], claim.url) for ev in own)


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
    >>> import jbanalysis as jb
    >>> result = jb.check_claims(lang="en").set_index("claim_id")
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
    wanted = sorted(related_indicators({c.indicator for c in parsed}) | {"gdp"})
    if panel is None:
        panel = load_panel(indicators=wanted, period=None)
    else:
        panel = panel[panel["indicator"].astype(str).isin(wanted)]
    if observations is None:
        observations = load_observations()
    observations = observations[observations["indicator"].astype(str).isin(wanted)]
    data = CheckData(panel, observations)
    rows = []
    for claim in parsed:
        result = CHECKS[claim.kind](claim, data)
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
                "stated_step": claim.stated_step,
                "base": claim.base,
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
            "independent": (),
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
