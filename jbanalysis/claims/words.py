"""The words of the claims sentences: names of districts, indicators, periods and groups, numbers
with their units, the stated number as printed, and what a claim checks (:func:`claim_label`).

The pieces every other sentence module of :mod:`jbanalysis.claims` builds on. (The number
formatter and the name helpers are the text layer's to own, issue 19: they move to
:mod:`jbanalysis.text` when it lands, and these become imports.)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import pandas as pd

from jbanalysis.registry.districts import CITY
from jbanalysis.registry.terms import term
from jbanalysis.text.labels import district_name as name_of
from jbanalysis.text.labels import indicator_phrase as _indicator
from jbanalysis.text.labels import indicator_unit as _unit
from jbanalysis.text.lang import pick as _pick
from jbanalysis.text.lists import ordinal as _ordinal
from jbanalysis.text.numbers import fmt_pct
from jbanalysis.text.numbers import fmt_printed as fmt_number

__all__ = ["claim_label", "period_label"]


_VERDICT_KEYS = {
    "consistent": "claims_consistent",
    "contradicted": "claims_contradicted",
    "partly checkable": "claims_partly",
    "not verifiable": "claims_not_verifiable",
}


_GROUP_KEYS = {
    "central": "claims_group_central",
    "districts": "claims_group_districts",
    "all": "claims_group_all",
    "metro21": "claims_group_metro21",
}


def _true(value: Any) -> bool:
    """A flag of a result row: True only when set and true (a missing flag is no flag)."""
    return value is not None and not pd.isna(value) and bool(value)


def _false(value: Any) -> bool:
    """True only when the flag is set and false (``indicator_in_data`` of a value never looked up)."""
    return value is not None and not pd.isna(value) and not bool(value)


def period_label(year: int, period: str, lang: str = "zh") -> str:
    """A period in words: ``2023年前三季度`` / ``Q1–Q3 2023``.

    >>> from jbanalysis.claims.explain import period_label
    >>> period_label(2023, "Q1-Q3"), period_label(2023, "H1", "en"), period_label(2020, "Y", "en")
    ('2023年前三季度', 'H1 2023', '2020')
    """
    return term(f"claims_period_{period}", lang, year=year)


def _fraction_text(value: float) -> str:
    frac = Fraction(value).limit_denominator(20)
    return (
        f"{frac.numerator}/{frac.denominator}"
        if abs(float(frac) - value) < 1e-9
        else f"{value:.3g}"
    )


def _pct(share: float) -> str:
    return fmt_pct(share * 100)


def _group(gid: str, lang: str, article: bool = True) -> str:
    """A rank group with its size: ``中心城区9个区`` / ``the 9 central districts``."""
    from jbanalysis.claims.ledger import group_ids

    text = term(_GROUP_KEYS[gid], lang, n=len(group_ids(gid)))
    return f"the {text}" if lang == "en" and article else text


def _stated(row: Mapping[str, Any], lang: str) -> str:
    """The stated number as the claim printed it, in the report's language."""
    kind, text = row["kind"], str(row["stated_text"])
    precision = str(row.get("precision") or "")
    if kind == "share":
        if lang == "zh":
            return precision or text
        return _fraction_text(float(row["stated"]))
    if kind == "multiple":
        return _multiple_text(row, lang)
    if kind == "rank":
        n = int(row["stated"])
        if precision == "前":
            return _pick(f"前{n}位", f"top {n}", lang)
        return _ordinal(n, lang)
    unit = _claim_unit(row)
    stated = float(row["stated"])
    from jbanalysis.claims.stated import signed
    from jbanalysis.precision import printed_step

    step = row.get("stated_step")
    if step is None or not math.isfinite(float(step)) or float(step) <= 0:
        step = printed_step(signed(text)[0])
    decimals = max(0, -math.floor(math.log10(float(step)) + 1e-9)) if step < 1 else 0
    if not precision:
        return fmt_number(stated, unit, lang, decimals)
    if lang == "zh":
        if precision in ("余", "多"):  # 4000余人: before the unit
            return fmt_number(stated, unit, lang, decimals, infix=precision)
        value = fmt_number(stated, unit, lang, decimals)
        after = ("左右", "上下", "以上", "以下")
        return value + precision if precision in after else precision + value
    return _mode_en(precision, fmt_number(stated, unit, lang, decimals))


def _mode_en(precision: str, value: str) -> str:
    from jbanalysis.precision import parse_precision

    mode, extra = parse_precision(precision, "value")
    words = {
        "about": f"about {value}",
        "nearly": f"nearly {value}",
        "odd": f"over {value}",
        "over": f"more than {value}",
        "under": f"less than {value}",
        "plusminus": f"{value} ± {extra}",
    }
    return words.get(mode, value)


def _claim_unit(row: Mapping[str, Any]) -> str:
    """The unit a claim's number is in: percentage points for a change of a rate."""
    unit = _unit(row["indicator"])
    return "pp" if row.get("kind") == "change" and unit == "pct" else unit


def _multiple_text(row: Mapping[str, Any], lang: str) -> str:
    """A multiple as printed: 翻一番 / doubled; 2.1倍 / 2.1 times."""
    text = str(row["stated_text"])
    if lang == "zh":
        return text if text.startswith("翻") or text.endswith("倍") else f"{text}倍"
    n = float(row["stated"])
    return (
        {2.0: "doubled", 4.0: "quadrupled"}.get(n, f"{n:g} times")
        if text.startswith("翻")
        else f"{n:g} times"
    )


def claim_label(row: Mapping[str, Any], lang: str = "zh") -> str:
    """What is checked, restated from the ledger: district, period, indicator and the number.

    >>> from jbanalysis.claims.explain import claim_label
    >>> claim_label({"kind": "rank", "district": "jiangbei", "indicator": "gdp_real_growth",
    ...              "year": 2023, "period": "Y", "stated": 1.0, "stated_text": "1",
    ...              "precision": "", "group": "central"}, "en")
    "Jiangbei's real GDP growth, 2023: 1st of the 9 central districts"
    >>> claim_label({"kind": "share", "district": "jiangbei", "indicator": "commodity_sales",
    ...              "year": 2023, "period": "Q1-Q3", "stated": 1 / 3, "stated_text": "1/3",
    ...              "precision": "三分之一", "denominator": "chongqing"})
    '江北区2023年前三季度商品销售总额占重庆市的三分之一'
    """
    d = name_of(row["district"], lang)
    when = period_label(int(row["year"]), row["period"], lang)
    ind = _indicator(row["indicator"], lang)
    stated = _stated(row, lang)
    kind = row["kind"]
    if kind == "rank":
        return _pick(
            f"{d}{when}{ind}在{_group(row['group'], 'zh')}中居{stated}",
            f"{d}'s {ind}, {when}: {stated} of {_group(row['group'], 'en')}",
            lang,
        )
    if kind == "share":
        of = row["denominator"]
        whole = name_of(of, lang) if of == CITY else _group(of, lang)
        whole = whole if of == CITY else _pick(f"{whole}合计", f"the total of {whole}", lang)
        return _pick(
            f"{d}{when}{ind}占{whole}的{stated}",
            f"{d}'s {ind}, {when}: {stated} of {whole}",
            lang,
        )
    if kind in ("change", "multiple"):
        return _from_base_label(row, d, when, ind, stated, lang)
    return _pick(f"{d}{when}{ind}为{stated}", f"{d}'s {ind}, {when}: {stated}", lang)


def _from_base_label(row, d: str, when: str, ind: str, stated: str, lang: str) -> str:
    """``江北区2023年城镇化率比2022年提高0.94个百分点`` / ``…: +0.94 points on 2022``."""
    year = int(row["year"])
    base = int(row.get("base") or 0) or year - 1
    if row["kind"] == "multiple":
        return _pick(
            f"{d}{when}{ind}比{base}年{stated}",
            f"{d}'s {ind}, {when}: {stated} since {base}",
            lang,
        )
    return _pick(
        f"{d}{when}{ind}比{base}年变化{stated}",
        f"{d}'s {ind}, {when}: a change of {stated} on {base}",
        lang,
    )
