"""Numbers, names and tables as a report prints them, in Chinese (``"zh"``) or English (``"en"``).

One owner for how a value is written: money totals in 亿元 in Chinese and in CNY billion in
English (1 亿元 = 10^8 yuan = 0.1 billion yuan); per-capita money in yuan; population in 万人 /
thousand people (1 万人 = 10 thousand people); rates with one decimal and a per-cent sign. Names
of districts, indicators and units come from the registries; table heads from the vocabulary
(:mod:`jbanalysis.registry.terms`) so that a Chinese report has Chinese heads.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence

import pandas as pd

from jbanalysis.registry.districts import load_districts, name_of
from jbanalysis.registry.indicators import load_indicators, load_units
from jbanalysis.registry.terms import check_lang, has_term, term

__all__ = [
    "district_name",
    "fmt_number",
    "fmt_pct",
    "fmt_points",
    "fmt_span",
    "fmt_value",
    "fmt_years",
    "indicator_kind",
    "indicator_name",
    "indicator_phrase",
    "indicator_unit",
    "join",
    "label",
    "markdown",
    "names",
    "ordinal",
    "pick",
    "show",
    "summary_markdown",
    "table",
    "unit_name",
    "with_note",
]


def pick(zh: str, en: str, lang: str) -> str:
    """The text of ``lang`` (checked).

    >>> pick("年", "year", "en")
    'year'
    """
    return zh if check_lang(lang) == "zh" else en


def district_name(district: str, lang: str = "zh") -> str:
    """Display name of a district id from the registry (江北区 / Jiangbei).

    >>> district_name("jiangbei"), district_name("jiangbei", "en")
    ('江北区', 'Jiangbei')
    """
    return name_of(district, check_lang(lang))


def indicator_name(indicator: str, lang: str = "zh") -> str:
    """Name of an indicator from the registry.

    >>> indicator_name("retail_sales"), indicator_name("gdp", "en")
    ('社会消费品零售总额', 'GDP')
    """
    reg = load_indicators().set_index("id")
    return str(reg.at[indicator, "name_zh" if check_lang(lang) == "zh" else "name_en"])


def indicator_phrase(indicator: str, lang: str = "zh") -> str:
    """Name of an indicator inside an English sentence: first letter lower-cased unless the
    first word is an acronym (``GDP``); Chinese as :func:`indicator_name`.

    >>> indicator_phrase("income_rural", "en"), indicator_phrase("gdp_per_capita", "en")
    ('per-capita disposable income (rural)', 'GDP per capita')
    """
    text = indicator_name(indicator, lang)
    if check_lang(lang) == "zh":
        return text
    first = text.split(" ")[0].split("-")[0]
    return text if first.isupper() else text[:1].lower() + text[1:]


def indicator_unit(indicator: str) -> str:
    """Canonical unit id of an indicator (registry).

    >>> indicator_unit("gdp_per_capita")
    'cny'
    """
    return str(load_indicators().set_index("id").at[indicator, "unit"])


def indicator_kind(indicator: str) -> str:
    """Kind of an indicator (registry): ``level``, ``per_capita``, ``rate`` or ``count``.

    >>> indicator_kind("gdp"), indicator_kind("gdp_real_growth")
    ('level', 'rate')
    """
    return str(load_indicators().set_index("id").at[indicator, "kind"])


def unit_name(unit: str, lang: str = "zh") -> str:
    """Unit as written in labels: the registry's Chinese symbol or English name.

    >>> unit_name("cny_100m"), unit_name("cny_100m", "en")
    ('亿元', '100 million yuan')
    """
    reg = load_units().set_index("id")
    return str(reg.at[unit, "symbol_zh" if check_lang(lang) == "zh" else "name_en"])


def _finite(value: object) -> bool:
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def fmt_number(value: float, digits: int = 1, lang: str = "zh") -> str:
    """A plain number with ``digits`` decimals and thousands separators.

    >>> fmt_number(1234.567), fmt_number(0.25287, 3), fmt_number(float("nan"), lang="en")
    ('1,234.6', '0.253', 'no data')
    """
    if not _finite(value):
        return term("no_data", lang)
    return f"{float(value):,.{digits}f}"


def fmt_value(value: float, unit: str, lang: str = "zh") -> str:
    """A value with its unit, for a sentence.

    Chinese keeps the published units (亿元, 元, 万人); English gives money totals in CNY billion
    (value / 10, since 1 亿元 = 10^8 yuan = 0.1 billion yuan) and population in thousand people
    (value x 10, since 1 万人 = 10^4 people).

    >>> fmt_value(1602.76, "cny_100m"), fmt_value(1602.76, "cny_100m", "en")
    ('1602.8亿元', 'CNY 160.3 bn')
    >>> fmt_value(98765.4, "cny", "en"), fmt_value(5.25, "pct")
    ('CNY 98,765', '5.2%')
    >>> fmt_value(58.8717, "persons_10k"), fmt_value(58.8717, "persons_10k", "en")
    ('58.9万人', '589 thousand people')
    >>> fmt_value(float("nan"), "cny")
    '无数据'
    """
    if not _finite(value):
        return term("no_data", lang)
    value = float(value)
    en = check_lang(lang) == "en"
    if unit == "pct":
        return f"{value:.1f}%"
    if unit == "cny_100m":
        return f"CNY {value / 10:,.1f} bn" if en else f"{value:.1f}亿元"
    if unit == "cny":
        return f"CNY {value:,.0f}" if en else f"{value:,.0f}元"
    if unit == "persons_10k":
        return f"{value * 10:,.0f} thousand people" if en else f"{value:.1f}万人"
    return f"{value:,.4g} {unit_name(unit, lang)}" if en else f"{value:,.4g}{unit_name(unit, lang)}"


def fmt_pct(value: float, lang: str = "zh", signed: bool = False, digits: int = 1) -> str:
    """A percentage with ``digits`` decimals (``signed`` adds + to positive values).

    >>> fmt_pct(7.256), fmt_pct(-1.0, signed=True), fmt_pct(2.0, signed=True), fmt_pct(7.256, digits=2)
    ('7.3%', '-1.0%', '+2.0%', '7.26%')
    """
    if not _finite(value):
        return term("no_data", lang)
    return f"{float(value):+.{digits}f}%" if signed else f"{float(value):.{digits}f}%"


def fmt_points(value: float, lang: str = "zh") -> str:
    """A change in percentage points, signed.

    >>> fmt_points(20.04), fmt_points(-1.25, "en")
    ('+20.0个百分点', '-1.2 points')
    """
    if not _finite(value):
        return term("no_data", lang)
    return pick(f"{float(value):+.1f}个百分点", f"{float(value):+.1f} points", lang)


def fmt_years(years: Iterable[int], lang: str = "en") -> str:
    """Compact list of years: runs of consecutive years joined with an en dash; runs separated by
    ", " (``lang="en"``, the default) or "、" (``"zh"``).

    >>> fmt_years([2005, 2006, 2013, 2015, 2018, 2019, 2020])
    '2005–2006, 2013, 2015, 2018–2020'
    >>> fmt_years([2007, 2008, 2014], "zh")
    '2007–2008、2014'
    >>> fmt_years([])
    ''
    """
    runs: list[list[int]] = []
    for year in sorted({int(y) for y in years}):
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    sep = "、" if check_lang(lang) == "zh" else ", "
    return sep.join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def fmt_span(start: int, end: int, lang: str = "zh") -> str:
    """A span of years: ``2005–2022年`` / ``2005–2022``.

    >>> fmt_span(2005, 2022), fmt_span(2005, 2022, "en")
    ('2005–2022年', '2005–2022')
    """
    return pick(f"{int(start)}–{int(end)}年", f"{int(start)}–{int(end)}", lang)


def ordinal(n: int, lang: str = "zh") -> str:
    """A rank: ``第3位`` / ``3rd``.

    >>> ordinal(3), ordinal(1, "en"), ordinal(12, "en"), ordinal(22, "en")
    ('第3位', '1st', '12th', '22nd')
    """
    if check_lang(lang) == "zh":
        return f"第{n}位"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def join(items: Sequence[str], lang: str = "zh") -> str:
    """A list in words: ``渝中区、大渡口区`` / ``Yuzhong and Dadukou`` (``a, b and c``).

    >>> join(["a", "b", "c"], "en"), join(["甲", "乙"]), join(["a"], "en")
    ('a, b and c', '甲、乙', 'a')
    """
    items = [str(i) for i in items]
    if check_lang(lang) == "zh":
        return "、".join(items)
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def names(districts: Iterable[str], lang: str = "zh") -> str:
    """District names joined as a list (:func:`join`).

    >>> names(["yuzhong", "dadukou"]), names(["yuzhong", "dadukou"], "en")
    ('渝中区、大渡口区', 'Yuzhong and Dadukou')
    """
    return join([district_name(d, lang) for d in districts], lang)


def with_note(sentence: str, note: str, lang: str = "zh") -> str:
    """Append a parenthesised note before the final full stop.

    >>> with_note("江北区居第1位。", "2017年为插值"), with_note("Jiangbei ranks 1st.", "x", "en")
    ('江北区居第1位（2017年为插值）。', 'Jiangbei ranks 1st (x).')
    """
    if not note:
        return sentence
    if check_lang(lang) == "zh":
        return sentence.rstrip("。") + f"（{note}）。"
    return sentence.rstrip(".") + f" ({note})."


def label(key: object, lang: str = "zh") -> str:
    """Display label of an id: a district or the city, a vocabulary term, an indicator, else as is.

    >>> label("jiangbei", "en"), label("va_tertiary"), label("gdp", "en"), label("x", "en")
    ('Jiangbei', '第三产业', 'GDP', 'x')
    """
    check_lang(lang)
    text = str(key)
    if text in set(load_districts()["id"]):
        return district_name(text, lang)
    if has_term(text):
        return term(text, lang)
    if text in set(load_indicators()["id"]):
        return indicator_name(text, lang)
    return text


def table(
    frame: pd.DataFrame,
    digits: int = 1,
    missing: str = "—",
    lang: str | None = None,
    marks: pd.DataFrame | None = None,
    mark: str = "†",
    values: Iterable[str] = (),
) -> pd.DataFrame:
    """A table for a report: numbers rounded to ``digits``, a missing value shown as ``missing``.

    A gap stays visible, but as a dash a reader understands rather than ``NaN``. With ``lang``
    the column heads, the index labels and the index name are translated (:func:`label`:
    districts, vocabulary terms, indicators), and so are the cells of the ``values`` columns
    (categories such as flags and vintages), so that a Chinese report has Chinese heads.
    ``marks`` (same shape, True/False) appends ``mark`` to the cells it flags (e.g. growth
    windows that cross a break, explained in a note under the table).

    >>> t = table(pd.DataFrame({"2005–2010": [24.04, float("nan")]}, index=["jiangbei", "yuzhong"]))
    >>> t["2005–2010"].tolist()
    [24.0, '—']
    >>> table(pd.DataFrame({"year": [2018], "flag": ["interpolated"]}), lang="zh", values=["flag"]).to_dict("list")
    {'年份': [2018], '标记': ['插值']}
    >>> counts = pd.DataFrame({"observed": [3]}, index=pd.MultiIndex.from_tuples(
    ...     [("cq_yearbook_panel", "first_release")], names=["source_id", "vintage"]))
    >>> t = table(counts, 0, lang="zh")
    >>> list(t.index.names), t.index[0], list(t.columns)
    (['来源', '版本'], ('cq_yearbook_panel', '首发数'), ['观测值'])
    >>> m = pd.DataFrame({"2005–2010": [True, False]}, index=["jiangbei", "yuzhong"])
    >>> table(pd.DataFrame({"2005–2010": [24.04, 3.0]}, index=["jiangbei", "yuzhong"]), marks=m, lang="en").to_dict()
    {'2005–2010': {'Jiangbei': '24.0†', 'Yuzhong': '3.0'}}
    """
    from jbanalysis.shown import RECORDED, show

    show("table", frame)  # the unrounded numbers, for the report's downloads
    rounded = frame.round(digits)
    out = rounded.astype(object).where(rounded.notna(), missing)
    if marks is not None:
        # every number as text with the same decimals, the flagged ones with their mark
        flagged = marks.reindex(index=out.index, columns=out.columns).fillna(False).astype(bool)
        for column in out.columns:
            for row in out.index:
                value = out.at[row, column]
                if isinstance(value, int | float) and not isinstance(value, bool):
                    shown = f"{value:.{digits}f}"
                    out.at[row, column] = f"{shown}{mark}" if flagged.at[row, column] else shown
    out.attrs[RECORDED] = True  # the display capture must not record the rounded copy again
    if lang is None:
        return out
    for column in values:
        if column in out.columns:
            out[column] = [label(v, lang) if isinstance(v, str) else v for v in out[column]]
    out = out.rename(columns=lambda c: label(c, lang), index=lambda i: label(i, lang))
    out.index.names = [None if n is None else label(n, lang) for n in out.index.names]
    out.columns.names = [None if n is None else label(n, lang) for n in out.columns.names]
    out.attrs[RECORDED] = True
    return out


def markdown(text: str):
    """A sentence as IPython Markdown, with ``<``, ``>`` and ``&`` escaped.

    Sentences carry strings from the data (district names, source titles, notes); escaping them
    here, where text becomes HTML, means a name such as ``<script>`` is shown as text in every
    report instead of being run or silently dropped. Markdown emphasis (``**``) still works.

    >>> markdown("**江北** <script>alert(1)</script> & more").data
    '**江北** &lt;script&gt;alert(1)&lt;/script&gt; &amp; more'
    """
    from IPython.display import Markdown

    return Markdown(html.escape(text, quote=False))


def show(*texts: str) -> None:
    """Display each non-empty sentence as Markdown (:func:`markdown`); an empty one shows nothing.

    >>> show("")  # a chart without a note leaves no empty paragraph
    """
    from IPython.display import display

    for text in texts:
        if text:
            display(markdown(text))


def summary_markdown(sentences: Iterable[str]) -> str:
    """Join takeaway sentences into one Markdown paragraph (used for the report's summary).

    >>> summary_markdown(["A.", "B."])
    'A. B.'
    """
    return " ".join(s.strip() for s in sentences if s and s.strip())
