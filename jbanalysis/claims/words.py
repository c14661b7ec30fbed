"""The words of the claims sentences: names of districts, indicators, periods and groups, numbers
with their units, the stated number as printed, and what a claim checks (:func:`claim_label`).

The pieces every other sentence module of :mod:`jbanalysis.claims` builds on. (The number
formatter and the name helpers are the text layer's to own, issue 19: they move to
:mod:`jbanalysis.text` when it lands, and these become imports.)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from fractions import Fraction
from functools import cache
from typing import Any

import pandas as pd

from jbanalysis.registry.districts import CITY, load_districts
from jbanalysis.registry.indicators import load_indicators, load_units
from jbanalysis.registry.terms import check_lang, term

__all__ = ["claim_label", "fmt_number", "name_of", "names", "period_label"]


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


@cache
def _registry_names() -> dict[str, tuple[str, str]]:
    reg = load_districts()
    return dict(zip(reg["id"], zip(reg["name_zh"], reg["name_en"], strict=True), strict=True))


@cache
def _indicator_rows() -> dict[str, tuple[str, str, str]]:
    reg = load_indicators()
    return {r.id: (r.name_zh, r.name_en, r.unit) for r in reg.itertuples(index=False)}


def name_of(district: str, lang: str = "zh") -> str:
    """A district's name from the registry (id -> 江北区 / Jiangbei), read once."""
    zh, en = _registry_names()[district]
    return zh if lang == "zh" else en


def _true(value: Any) -> bool:
    """A flag of a result row: True only when set and true (a missing flag is no flag)."""
    return value is not None and not pd.isna(value) and bool(value)


def _false(value: Any) -> bool:
    """True only when the flag is set and false (``indicator_in_data`` of a value never looked up)."""
    return value is not None and not pd.isna(value) and not bool(value)


def _pick(zh: str, en: str, lang: str) -> str:
    return zh if check_lang(lang) == "zh" else en


def names(ids: Iterable[str], lang: str = "zh") -> str:
    """District names joined as each language joins a list (、 / commas and "and").

    >>> from jbanalysis.claims.explain import names
    >>> names(["jiangbei", "yubei"]), names(["jiangbei", "yubei", "banan"], "en")
    ('江北区、渝北区', 'Jiangbei, Yubei and Banan')
    """
    items = [name_of(d, check_lang(lang)) for d in ids]
    if lang == "zh":
        return "、".join(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def period_label(year: int, period: str, lang: str = "zh") -> str:
    """A period in words: ``2023年前三季度`` / ``Q1–Q3 2023``.

    >>> from jbanalysis.claims.explain import period_label
    >>> period_label(2023, "Q1-Q3"), period_label(2023, "H1", "en"), period_label(2020, "Y", "en")
    ('2023年前三季度', 'H1 2023', '2020')
    """
    return term(f"claims_period_{period}", lang, year=year)


def _indicator(indicator: str, lang: str, lower: bool = True) -> str:
    zh, en, _ = _indicator_rows()[indicator]
    text = zh if lang == "zh" else en
    if lang == "en" and lower and len(text) > 1 and text[1].islower():
        text = text[0].lower() + text[1:]
    return text


def _decimals(value: float) -> int:
    if not math.isfinite(value) or float(value).is_integer():
        return 0
    text = repr(float(value))
    return min(len(text.split(".")[1]), 4) if "." in text and "e" not in text else 4


def fmt_number(
    value: float, unit: str, lang: str = "zh", decimals: int | None = None, infix: str = ""
) -> str:
    """A value with its unit at the precision it was printed (``decimals``; default its own).

    Chinese keeps the registry's units (亿元, 万人); English gives money totals in CNY billion
    (1 亿元 = 0.1 billion yuan, one more decimal so that no digit is lost). ``infix`` goes
    between the number and its unit (``4000余人``).

    >>> from jbanalysis.claims.explain import fmt_number
    >>> fmt_number(67.2409, "cny_100m"), fmt_number(67.2, "cny_100m", "en")
    ('67.2409亿元', 'CNY 6.72 bn')
    >>> fmt_number(6.7, "pct"), fmt_number(5.7, "persons_10k", "en"), fmt_number(2.3, "pp", "en")
    ('6.7%', '57 thousand people', '2.3 percentage points')
    >>> fmt_number(143380, "cny", "en"), fmt_number(15, "count"), fmt_number(4000, "persons", infix="余")
    ('CNY 143,380', '15', '4,000余人')
    >>> fmt_number(100, "visits_10k"), fmt_number(100, "visits_10k", "en")
    ('100万人次', '1 million visits')
    """
    if value is None or not math.isfinite(float(value)):
        return term("no_data", lang)
    v = float(value)
    d = _decimals(v) if decimals is None else decimals
    prefix, number, suffix = _number_parts(v, unit, check_lang(lang) == "en", d)
    return f"{prefix}{number}{infix}{suffix}"


def _number_parts(v: float, unit: str, en: bool, d: int) -> tuple[str, str, str]:
    """(before, number, unit after) of a value as each language writes it."""
    tens = max(d - 1, 0)  # 万 -> thousand: one decimal fewer
    if unit == "cny_100m":
        return ("CNY ", f"{v / 10:,.{d + 1}f}", " bn") if en else ("", f"{v:.{d}f}", "亿元")
    if unit == "cny":
        return ("CNY ", f"{v:,.{d}f}", "") if en else ("", f"{v:,.{d}f}", "元")
    if unit == "pct":
        return "", f"{v:.{d}f}", "%"
    thousands = {"persons_10k": ("people", "万人"), "visits_10k": ("visits", "万人次")}
    thousands["vehicles_10k"] = ("vehicles", "万辆")
    if unit in thousands:
        word, zh = thousands[unit]
        if not en:
            return "", f"{v:.{d}f}", zh
        if v >= 100:  # 100万 and more: millions
            return "", f"{v / 100:,.{max(d - 2, 0)}f}", f" million {word}"
        return "", f"{v * 10:,.{tens}f}", f" thousand {word}"
    if unit == "count":
        return "", f"{v:,.{d}f}", ""
    if unit == "persons":
        return ("", f"{v:,.{d}f}", " people") if en else ("", f"{v:,.{d}f}", "人")
    units = load_units().set_index("id")
    label = str(units.at[unit, "name_en" if en else "symbol_zh"]) if unit in units.index else unit
    return ("", f"{v:,.{d}f}", f" {label}") if en else ("", f"{v:,.{d}f}", label)


def _fraction_text(value: float) -> str:
    frac = Fraction(value).limit_denominator(20)
    return (
        f"{frac.numerator}/{frac.denominator}"
        if abs(float(frac) - value) < 1e-9
        else f"{value:.3g}"
    )


def _pct(share: float) -> str:
    return f"{share * 100:.1f}%"


def _ordinal(n: int, lang: str) -> str:
    if lang == "zh":
        return f"第{n}位"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


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


def _unit(indicator: str) -> str:
    return _indicator_rows()[indicator][2]


def _list(items: list[str], lang: str) -> str:
    return "、".join(items) if lang == "zh" else _join_en(items)


def _join_en(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


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
