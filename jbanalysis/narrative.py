"""Takeaway sentences computed from the data, in Chinese (``lang="zh"``) or English (``"en"``).

Every chart in the notebooks carries one sentence made here from the numbers it shows, so the
text can never drift from the chart. The functions only *say* things: the numbers come from
:mod:`jbanalysis.metrics` and :mod:`jbanalysis.forecast` (ranks, CAGRs, shares, forecasts), or are
read off the frames given. A value that is missing is said to be missing, never skipped.

Formatting conventions: money totals in 亿元 in Chinese and in CNY billion in English
(1 亿元 = 0.1 billion yuan); per-capita money in yuan; rates with one decimal and a per-cent sign.
"""

from __future__ import annotations

import html
import itertools
import json
import math
from collections.abc import Iterable, Mapping

import pandas as pd

from jbanalysis._bundle import data_path
from jbanalysis.districts import name_of
from jbanalysis.indicators import load_indicators, load_units
from jbanalysis.vocabulary import LANGS, check_lang, term, terms  # noqa: F401 - re-exported


def table(frame: pd.DataFrame, digits: int = 1, missing: str = "—") -> pd.DataFrame:
    """A table for a report: numbers rounded to ``digits``, a missing value shown as ``missing``.

    A gap stays visible, but as a dash a reader understands rather than ``NaN``.

    >>> t = table(pd.DataFrame({"2005–2010": [24.04, float("nan")]}, index=["jiangbei", "yuzhong"]))
    >>> t["2005–2010"].tolist()
    [24.0, '—']
    """
    rounded = frame.round(digits)
    return rounded.astype(object).where(rounded.notna(), missing)


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


# Words shared by sentences and chart legends live in the registry (data/terms.csv); this name
# stays for code that reads the vocabulary as a mapping.
TERMS: dict[str, tuple[str, str]] = terms()

# Notebook titles: key -> (zh, en); "{d}" is the district's name.
TITLES: dict[str, tuple[str, str]] = {
    "overview": (
        "{d}与中心城区数据概览：来源、版本与标记",
        "Data behind {d} and the central districts: sources, vintages, flags",
    ),
    "versus": ("{d}与其他中心城区比较", "{d} against the other central districts"),
    "structure": ("{d}的产业结构与区域差距", "{d}: economic structure and regional disparities"),
    "forecasts": ("{d}的趋势预测与目标测算", "{d}: trend forecasts and targets"),
    "claims": (
        "已发表数字的核查：{d}及其他各区",
        "Published numbers checked: {d} and other districts",
    ),
}


def _pick(zh: str, en: str, lang: str) -> str:
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


def unit_name(unit: str, lang: str = "zh") -> str:
    """Unit as written in labels: the registry's Chinese symbol or English name.

    >>> unit_name("cny_100m"), unit_name("cny_100m", "en")
    ('亿元', '100 million yuan')
    """
    reg = load_units().set_index("id")
    return str(reg.at[unit, "symbol_zh" if check_lang(lang) == "zh" else "name_en"])


def indicator_unit(indicator: str) -> str:
    """Canonical unit id of an indicator (registry).

    >>> indicator_unit("gdp_per_capita")
    'cny'
    """
    return str(load_indicators().set_index("id").at[indicator, "unit"])


def fmt_value(value: float, unit: str, lang: str = "zh") -> str:
    """A value with its unit, for a sentence.

    Chinese keeps the published units (亿元, 元, 万人); English gives money totals in CNY billion
    (value / 10, since 1 亿元 = 10^8 yuan = 0.1 billion yuan).

    >>> fmt_value(1602.76, "cny_100m"), fmt_value(1602.76, "cny_100m", "en")
    ('1602.8亿元', 'CNY 160.3 bn')
    >>> fmt_value(98765.4, "cny", "en"), fmt_value(5.25, "pct")
    ('CNY 98,765', '5.2%')
    >>> fmt_value(float("nan"), "cny")
    '无数据'
    """
    if value is None or not math.isfinite(float(value)):
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


def fmt_pct(value: float, lang: str = "zh", signed: bool = False) -> str:
    """A percentage with one decimal (``signed`` adds + to positive values).

    >>> fmt_pct(7.256), fmt_pct(-1.0, signed=True), fmt_pct(2.0, signed=True)
    ('7.3%', '-1.0%', '+2.0%')
    """
    if value is None or not math.isfinite(float(value)):
        return term("no_data", lang)
    return f"{float(value):+.1f}%" if signed else f"{float(value):.1f}%"


def fmt_years(years: Iterable[int]) -> str:
    """Compact list of years: runs of consecutive years joined with an en dash.

    >>> fmt_years([2005, 2006, 2013, 2015, 2018, 2019, 2020])
    '2005–2006, 2013, 2015, 2018–2020'
    >>> fmt_years([])
    ''
    """
    runs: list[list[int]] = []
    for year in sorted({int(y) for y in years}):
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def _ordinal(n: int, lang: str) -> str:
    if lang == "zh":
        return f"第{n}位"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def data_vintage(lang: str = "zh") -> str:
    """Which data stand behind a report: source access dates and the observations' sha256.

    Read from ``data/sources.csv`` (``accessed``) and ``data/datapackage.json`` (the hash of
    ``observations.csv``, first 12 hex digits), so a reader can tell two data versions apart.

    >>> data_vintage("en")  # doctest: +ELLIPSIS
    'bundled data: sources accessed ..., observations.csv sha256 ...'
    """
    from jbanalysis.data import load_sources

    accessed = sorted(set(load_sources()["accessed"]) - {""})
    package = json.loads(data_path("datapackage.json").read_text(encoding="utf-8"))
    digest = next(
        (r["hash"] for r in package["resources"] if r["path"] == "observations.csv"), "sha256:?"
    ).removeprefix("sha256:")[:12]
    dates = ", ".join(accessed) or "?"
    return _pick(
        f"内置数据：来源访问日期 {dates}，observations.csv sha256 {digest}",
        f"bundled data: sources accessed {dates}, observations.csv sha256 {digest}",
        lang,
    )


def title(notebook: str, district: str, lang: str = "zh") -> str:
    """Title of a report (keys of :data:`TITLES`), with the district's name.

    >>> title("versus", "yubei", "en")
    'Yubei against the other central districts'
    """
    zh, en = TITLES[notebook]
    return _pick(zh, en, lang).format(d=district_name(district, lang))


def flags_note(flags: pd.Series | Mapping[int, str], lang: str = "zh") -> str:
    """Which years carry a flag other than ``observed`` (a gap in flags is not listed).

    >>> note = flags_note({2016: "observed", 2017: "interpolated", 2022: "corrected"})
    >>> note
    '2017年为插值，2022年为更正值'
    >>> flags_note({2017: "interpolated", 2018: "interpolated"}, "en")
    '2017–2018 interpolated'
    >>> flags_note({2016: "observed"})
    ''
    """
    by_flag: dict[str, list[int]] = {}
    for year, flag in flags.items():
        if isinstance(flag, str) and flag not in ("", "observed"):
            by_flag.setdefault(flag, []).append(int(year))
    parts = []
    for flag, years in by_flag.items():
        word = term(flag, lang) if flag in TERMS else flag
        parts.append(_pick(f"{fmt_years(years)}年为{word}", f"{fmt_years(years)} {word}", lang))
    return _pick("，".join(parts), "; ".join(parts), lang)


def _with_note(sentence: str, note: str, lang: str) -> str:
    if not note:
        return sentence
    if lang == "zh":
        return sentence.rstrip("。") + f"（{note}）。"
    return sentence.rstrip(".") + f" ({note})."


def level_sentence(
    values: pd.DataFrame,
    district: str,
    indicator: str,
    lang: str = "zh",
    flags: pd.Series | None = None,
) -> str:
    """The district's latest value, its rank among the columns that year, and its CAGR so far.

    Rank: :func:`jbanalysis.metrics.rank` among the columns with a value that year (how many is
    said). CAGR: :func:`jbanalysis.metrics.cagr` from the district's first to its last value.

    Parameters
    ----------
    values : DataFrame
        Years x districts, as from :func:`jbanalysis.panel.wide`.
    district, indicator : str
        Ids; the indicator gives the name and unit.
    flags : Series, optional
        The district's flag per year; non-observed years are named (:func:`flags_note`).

    Examples
    --------
    >>> v = pd.DataFrame({"jiangbei": [100.0, 121.0], "yubei": [150.0, 200.0],
    ...                   "banan": [50.0, None]}, index=[2010, 2012])
    >>> level_sentence(v, "jiangbei", "gdp")
    '2012年江北区地区生产总值为121.0亿元，在有数据的2个区中居第2位；2010–2012年年均增长10.0%。'
    >>> level_sentence(v, "jiangbei", "gdp", "en", flags=pd.Series({2012: "corrected"}))
    "Jiangbei's GDP was CNY 12.1 bn in 2012, 2nd of the 2 districts with data; it grew 10.0% a year over 2010–2012 (2012 corrected)."
    """
    from jbanalysis.metrics import cagr, rank

    series = values[district].dropna()
    if series.empty:
        return _pick(
            f"{district_name(district, lang)}没有{indicator_name(indicator, lang)}数据。",
            f"There is no {indicator_name(indicator, lang)} data for {district_name(district, 'en')}.",
            lang,
        )
    last, first = int(series.index[-1]), int(series.index[0])
    ranks = rank(values.loc[[last]], peers=list(values.columns), require_all=False)
    row = ranks[ranks["district"] == district].iloc[0]
    unit = indicator_unit(indicator)
    name, ind = district_name(district, lang), indicator_name(indicator, lang)
    value = fmt_value(series[last], unit, lang)
    position, n = _ordinal(int(row["rank"]), lang), int(row["n_ranked"])
    if last > first:
        growth = fmt_pct(cagr(series, first, last), lang)
        span = f"{first}–{last}"
        zh_tail = f"；{span}年年均增长{growth}"
        en_tail = f"; it grew {growth} a year over {span}"
    else:
        zh_tail = en_tail = ""
    sentence = _pick(
        f"{last}年{name}{ind}为{value}，在有数据的{n}个区中居{position}{zh_tail}。",
        f"{name}'s {ind} was {value} in {last}, {position} of the {n} districts with data{en_tail}.",
        lang,
    )
    return _with_note(sentence, flags_note(flags, lang) if flags is not None else "", lang)


def gaps_sentence(values: pd.DataFrame, lang: str = "zh") -> str:
    """Which columns lack values in which years (a visible gap, said in words).

    >>> v = pd.DataFrame({"yuzhong": [241.0, None, None, 804.2], "jiangbei": [1.0, 2, 3, 4]},
    ...                  index=[2005, 2006, 2007, 2013])
    >>> gaps_sentence(v)
    '图中缺失：渝中区 2006–2007。'
    >>> gaps_sentence(v[["jiangbei"]], "en")
    'No gaps in the years shown.'
    """
    parts = []
    for col in values.columns:
        missing = values.index[values[col].isna()]
        if len(missing):
            parts.append(f"{district_name(col, lang)} {fmt_years(missing)}")
    if not parts:
        return _pick("图中年份没有缺失值。", "No gaps in the years shown.", lang)
    return _pick(f"图中缺失：{'；'.join(parts)}。", f"Gaps: {'; '.join(parts)}.", lang)


def coverage_sentence(matrix: pd.DataFrame, district: str, indicator: str, lang: str = "zh") -> str:
    """How many years of a coverage matrix (districts x years of flags, "" = gap) the district has.

    >>> m = pd.DataFrame({2016: ["observed", ""], 2017: ["interpolated", ""], 2018: ["observed", "observed"]},
    ...                  index=["jiangbei", "yuzhong"])
    >>> coverage_sentence(m, "jiangbei", "gdp")
    '江北区的地区生产总值在2016–2018年中有3年有值（2017年为插值）；完全覆盖这些年份的区：1/2。'
    """
    row = matrix.loc[district]
    have = [int(y) for y, f in row.items() if f != ""]
    full = int((matrix != "").all(axis=1).sum())
    span = f"{min(matrix.columns)}–{max(matrix.columns)}"
    name, ind = district_name(district, lang), indicator_name(indicator, lang)
    note = flags_note(row[row != ""], lang)
    if lang == "zh":
        note_zh = f"（{note}）" if note else ""
        return (
            f"{name}的{ind}在{span}年中有{len(have)}年有值{note_zh}；"
            f"完全覆盖这些年份的区：{full}/{len(matrix)}。"
        )
    note_en = f" ({note})" if note else ""
    return (
        f"{name} has {ind} for {len(have)} of the years {span}{note_en}; "
        f"{full} of {len(matrix)} districts cover every year."
    )


def growth_sentence(cagrs: pd.DataFrame, district: str, lang: str = "zh") -> str:
    """The district's CAGR in the last window that has one, against the peers' median.

    Parameters
    ----------
    cagrs : DataFrame
        Districts (index) x windows (columns, labels such as ``"2015–2020"``), percent a year, as
        assembled from :func:`jbanalysis.metrics.rolling_cagr`.

    Examples
    --------
    >>> t = pd.DataFrame({"2010–2015": [10.0, 8.0, 6.0], "2015–2020": [9.0, 7.0, None]},
    ...                  index=["jiangbei", "yubei", "banan"])
    >>> growth_sentence(t, "jiangbei")
    '2015–2020年江北区年均增长9.0%，高于有数据各区的中位数8.0%，在2个区中居第1位。'
    >>> t.loc[["jiangbei", "yubei"], "2015–2020"] = [7.96, 8.0]
    >>> growth_sentence(t, "jiangbei", "en")
    'Over 2015–2020 Jiangbei grew 7.96% a year, below the median of the districts with data (7.98%), 2nd of 2.'
    """
    from jbanalysis.metrics import rank

    usable = [c for c in cagrs.columns if pd.notna(cagrs.at[district, c])]
    if not usable:
        return _pick(
            f"{district_name(district, lang)}没有可计算的年均增长率。",
            f"No growth rate can be computed for {district_name(district, 'en')}.",
            lang,
        )
    window = usable[-1]
    col = cagrs[window].dropna()
    median = float(col.median())
    frame = pd.DataFrame([col.to_numpy()], columns=list(col.index), index=[0])
    r = rank(frame, peers=list(col.index), districts=[district]).iloc[0]
    value = float(col[district])
    name = district_name(district, lang)
    # two decimals where one would print the value and the median alike
    digits = 2 if f"{value:.1f}" == f"{median:.1f}" and value != median else 1
    shown, shown_median = f"{value:.{digits}f}%", f"{median:.{digits}f}%"
    comp_zh = "高于" if value > median else ("等于" if value == median else "低于")
    comp_en = "above" if value > median else ("equal to" if value == median else "below")
    return _pick(
        f"{window}年{name}年均增长{shown}，{comp_zh}有数据各区的中位数{shown_median}，"
        f"在{len(col)}个区中居{_ordinal(int(r['rank']), 'zh')}。",
        f"Over {window} {name} grew {shown} a year, {comp_en} the median of the districts "
        f"with data ({shown_median}), {_ordinal(int(r['rank']), 'en')} of {len(col)}.",
        lang,
    )


def share_sentence(shares: pd.DataFrame, district: str, of: str, lang: str = "zh") -> str:
    """How the district's share of a total moved between the first and last year it exists.

    Parameters
    ----------
    shares : DataFrame
        Output of :func:`jbanalysis.metrics.share` (``year, district, share, reason``).
    of : {"city", "central"}
        What the total is (for the wording).

    Examples
    --------
    >>> s = pd.DataFrame({"year": [2010, 2011, 2012], "district": ["jiangbei"] * 3,
    ...                   "share": [4.0, None, 5.5], "reason": ["", "total missing", ""]})
    >>> share_sentence(s, "jiangbei", "city")
    '江北区占全市比重由2010年的4.0%升至2012年的5.5%（2011年无法计算）。'
    """
    rows = shares[shares["district"] == district].sort_values("year")
    have = rows.dropna(subset=["share"])
    name = district_name(district, lang)
    what = term("share_city" if of == "city" else "share_central", lang)
    if have.empty:
        return _pick(f"{name}{what}无法计算。", f"{name}'s {what} cannot be computed.", lang)
    y0, y1 = int(have["year"].iloc[0]), int(have["year"].iloc[-1])
    s0, s1 = float(have["share"].iloc[0]), float(have["share"].iloc[-1])
    missing = rows.loc[rows["share"].isna(), "year"]
    missing = missing[(missing > y0) & (missing < y1)]
    verb_zh = "升至" if s1 > s0 else ("降至" if s1 < s0 else "持平于")
    verb_en = "rose" if s1 > s0 else ("fell" if s1 < s0 else "stayed")
    sentence = _pick(
        f"{name}{what}由{y0}年的{fmt_pct(s0)}{verb_zh}{y1}年的{fmt_pct(s1)}。",
        f"{name}'s {what} {verb_en} from {fmt_pct(s0)} in {y0} to {fmt_pct(s1)} in {y1}.",
        lang,
    )
    note = ""
    if len(missing):
        note = _pick(
            f"{fmt_years(missing)}年无法计算", f"not computable in {fmt_years(missing)}", lang
        )
    return _with_note(sentence, note, lang)


def rank_sentence(ranks: pd.DataFrame, district: str, lang: str = "zh") -> str:
    """The district's rank in the first and last ranked year (from :func:`metrics.rank`).

    >>> r = pd.DataFrame({"year": [2005, 2022], "district": ["jiangbei"] * 2, "rank": [5.0, 3.0],
    ...                   "n_ranked": [9, 8], "reason": ["", "ranked among 8 of 9"]})
    >>> rank_sentence(r, "jiangbei", "en")
    'Jiangbei ranked 5th of 9 in 2005 and 3rd of 8 in 2022.'
    """
    rows = ranks[(ranks["district"] == district) & ranks["rank"].notna()].sort_values("year")
    name = district_name(district, lang)
    if rows.empty:
        return _pick(f"{name}没有排名。", f"{name} has no rank.", lang)
    first, last = rows.iloc[0], rows.iloc[-1]

    def part(row, lang):
        return _pick(
            f"{int(row['year'])}年在{int(row['n_ranked'])}个区中居{_ordinal(int(row['rank']), 'zh')}",
            f"{_ordinal(int(row['rank']), 'en')} of {int(row['n_ranked'])} in {int(row['year'])}",
            lang,
        )

    return _pick(
        f"{name}{part(first, lang)}，{part(last, lang)}。",
        f"{name} ranked {part(first, lang)} and {part(last, lang)}.",
        lang,
    )


def sector_sentence(shares: pd.DataFrame | None, district: str, lang: str = "zh") -> str:
    """Tertiary share of the district in its first and last year with all three sectors.

    Parameters
    ----------
    shares : DataFrame
        Tidy output of :func:`jbanalysis.metrics.sector_shares` (``year, district, sector, share``).

    Examples
    --------
    >>> s = pd.DataFrame({"year": [2005, 2005, 2005, 2020, 2020, 2020],
    ...                   "district": ["jiangbei"] * 6,
    ...                   "sector": ["va_primary", "va_secondary", "va_tertiary"] * 2,
    ...                   "share": [2.0, 48.0, 50.0, 0.5, 29.5, 70.0]})
    >>> sector_sentence(s, "jiangbei")
    '江北区第三产业比重由2005年的50.0%变为2020年的70.0%（+20.0个百分点），第二产业比重为29.5%。'
    >>> sector_sentence(None, "yuzhong", "en")
    'Yuzhong has no complete sector data.'
    """
    name = district_name(district, lang)
    if shares is None:
        shares = pd.DataFrame(columns=["year", "district", "sector", "share"])
    rows = shares[(shares["district"] == district) & shares["share"].notna()]
    tertiary = rows[rows["sector"] == "va_tertiary"].sort_values("year")
    if tertiary.empty:
        return _pick(
            f"{name}没有完整的三次产业数据。", f"{name} has no complete sector data.", lang
        )
    y0, y1 = int(tertiary["year"].iloc[0]), int(tertiary["year"].iloc[-1])
    s0, s1 = float(tertiary["share"].iloc[0]), float(tertiary["share"].iloc[-1])
    sec = rows[(rows["sector"] == "va_secondary") & (rows["year"] == y1)]["share"]
    sec_value = fmt_pct(float(sec.iloc[0])) if len(sec) else term("no_data", lang)
    return _pick(
        f"{name}第三产业比重由{y0}年的{fmt_pct(s0)}变为{y1}年的{fmt_pct(s1)}"
        f"（{s1 - s0:+.1f}个百分点），第二产业比重为{sec_value}。",
        f"{name}'s tertiary share went from {fmt_pct(s0)} in {y0} to {fmt_pct(s1)} in {y1} "
        f"({s1 - s0:+.1f} points); the secondary share was {sec_value}.",
        lang,
    )


def lq_sentence(lq: pd.DataFrame, district: str, year: int, lang: str = "zh") -> str:
    """The sector in which the district is most specialised (highest location quotient).

    >>> lq = pd.DataFrame({"jiangbei": [0.1, 0.7, 1.4]},
    ...                   index=["va_primary", "va_secondary", "va_tertiary"])
    >>> lq_sentence(lq, "jiangbei", 2020, "en")
    "In 2020 Jiangbei's location quotient is highest in the tertiary sector (1.40): its share there is 1.40 times the reference's."
    """
    col = lq[district]
    top = str(col.idxmax())
    value = float(col.max())
    name = district_name(district, lang)
    sector = term(top, lang) if top in TERMS else top
    return _pick(
        f"{year}年{name}区位商最高的是{sector}（{value:.2f}），该产业比重是参照地区的{value:.2f}倍。",
        f"In {year} {name}'s location quotient is highest in the {sector} sector ({value:.2f}): "
        f"its share there is {value:.2f} times the reference's.",
        lang,
    )


def shift_share_sentence(
    table: pd.DataFrame, district: str, start: int, end: int, lang: str = "zh"
) -> str:
    """Shift-share totals of :func:`jbanalysis.metrics.shift_share` in one sentence.

    >>> t = pd.DataFrame({"change": [5.0], "reference_growth": [2.0], "sector_mix": [0.0],
    ...                   "competitive": [3.0]}, index=["total"])
    >>> shift_share_sentence(t, "jiangbei", 2005, 2020)
    '2005–2020年江北区三次产业增加值合计增加5.0亿元：全市增长效应2.0亿元，结构效应0.0亿元，竞争效应3.0亿元。'
    """
    total = table.loc["total"]
    name = district_name(district, lang)
    parts = [
        (term(key, lang), fmt_value(float(total[key]), "cny_100m", lang))
        for key in ("reference_growth", "sector_mix", "competitive")
    ]
    change = fmt_value(float(total["change"]), "cny_100m", lang)
    return _pick(
        f"{start}–{end}年{name}三次产业增加值合计增加{change}："
        + "，".join(f"{k}{v}" for k, v in parts)
        + "。",
        f"Over {start}–{end} {name}'s value added rose by {change}: "
        + ", ".join(f"{k} {v}" for k, v in parts)
        + ".",
        lang,
    )


def specialisation_sentence(index: pd.Series, district: str, year: int, lang: str = "zh") -> str:
    """Where the district's Krugman index stands among the regions given.

    >>> k = pd.Series({"jiangbei": 0.3, "yubei": 0.1, "banan": 0.5})
    >>> specialisation_sentence(k, "jiangbei", 2020)
    '2020年江北区克鲁格曼专业化指数为0.30（0为与参照结构相同），在3个区中居第2位。'
    """
    from jbanalysis.metrics import rank

    frame = pd.DataFrame([index.to_numpy()], columns=list(index.index), index=[year])
    r = rank(frame, peers=list(index.index), districts=[district]).iloc[0]
    value = float(index[district])
    name = district_name(district, lang)
    return _pick(
        f"{year}年{name}克鲁格曼专业化指数为{value:.2f}（0为与参照结构相同），"
        f"在{len(index)}个区中居{_ordinal(int(r['rank']), 'zh')}。",
        f"In {year} {name}'s Krugman specialisation index is {value:.2f} (0 = the reference's "
        f"structure), {_ordinal(int(r['rank']), 'en')} of {len(index)}.",
        lang,
    )


def dispersion_sentence(sigma: pd.DataFrame, group: str, lang: str = "zh") -> str:
    """Whether sigma (std of log per-capita values) fell or rose between the measured years.

    Parameters
    ----------
    sigma : DataFrame
        Output of :func:`jbanalysis.metrics.sigma_convergence` (index year, ``sigma``, ``n``).
    group : str
        A :data:`TERMS` key (``"central"`` or ``"all"``) or a label.

    Examples
    --------
    >>> s = pd.DataFrame({"sigma": [0.5, None, 0.4], "n": [8, 7, 8]}, index=[2005, 2006, 2020])
    >>> dispersion_sentence(s, "central", "en")
    'Dispersion of the nine central districts (std of log values) fell from 0.500 in 2005 to 0.400 in 2020: convergence (not measured in 2006).'
    """
    have = sigma["sigma"].dropna()
    label = term(group, lang) if group in TERMS else group
    if have.empty:
        return _pick(
            f"{label}的离散度无法计算。", f"Dispersion of {label} cannot be measured.", lang
        )
    y0, y1 = int(have.index[0]), int(have.index[-1])
    s0, s1 = float(have.iloc[0]), float(have.iloc[-1])
    n = int(sigma.loc[y1, "n"])
    if s1 < s0:
        verdict = _pick("降至", "fell", lang), _pick("趋于收敛", "convergence", lang)
    else:
        verdict = _pick("升至", "rose", lang), _pick("趋于发散", "divergence", lang)
    missing = [int(y) for y in sigma.index if pd.isna(sigma.at[y, "sigma"]) and y0 < y < y1]
    sentence = _pick(
        f"{label}（{n}个单位）人均值对数标准差由{y0}年的{s0:.3f}{verdict[0]}{y1}年的{s1:.3f}，{verdict[1]}。",
        f"Dispersion of {label} (std of log values) {verdict[0]} from {s0:.3f} in {y0} to "
        f"{s1:.3f} in {y1}: {verdict[1]}.",
        lang,
    )
    note = ""
    if missing:
        note = _pick(f"{fmt_years(missing)}年未测算", f"not measured in {fmt_years(missing)}", lang)
    return _with_note(sentence, note, lang)


def beta_sentence(result, lang: str = "zh") -> str:
    """A :class:`jbanalysis.metrics.BetaConvergence` in words: beta, significance, half-life.

    >>> from jbanalysis.metrics import BetaConvergence
    >>> r = BetaConvergence(beta=-0.02, intercept=0.3, speed=0.0211, half_life=32.9,
    ...                     r_squared=0.4, p_value=0.01, n=37, start=2005, end=2020)
    >>> beta_sentence(r, "en")
    'Across 37 units, 2005–2020, growth fell with the initial level (beta = -0.0200 a year, p = 0.010): poorer units caught up, half-life 32.9 years.'
    """
    span = f"{result.start}–{result.end}"
    if result.beta < 0 and math.isfinite(result.half_life):
        tail = _pick(
            f"低水平单位增长更快，差距减半约需{result.half_life:.1f}年",
            f"poorer units caught up, half-life {result.half_life:.1f} years",
            lang,
        )
    else:
        tail = _pick("没有追赶", "no catching up", lang)
    return _pick(
        f"{span}年{result.n}个单位中，增长率随初始水平下降（β = {result.beta:.4f}/年，"
        f"p = {result.p_value:.3f}）：{tail}。"
        if result.beta < 0
        else f"{span}年{result.n}个单位中，增长率未随初始水平下降（β = {result.beta:.4f}/年，"
        f"p = {result.p_value:.3f}）：{tail}。",
        f"Across {result.n} units, {span}, growth "
        + ("fell" if result.beta < 0 else "did not fall")
        + f" with the initial level (beta = {result.beta:.4f} a year, p = {result.p_value:.3f}): "
        f"{tail}.",
        lang,
    )


def left_out_sentence(left_out: Iterable[str], why: str, lang: str = "zh") -> str:
    """Say which districts a chart leaves out and why (empty string when none).

    >>> left_out_sentence(["yuzhong"], "no value in 2010", "en")
    'Left out: Yuzhong (no value in 2010).'
    >>> left_out_sentence([], "x")
    ''
    """
    names = [district_name(d, lang) for d in left_out]
    if not names:
        return ""
    return _pick(
        f"未纳入：{'、'.join(names)}（{why}）。", f"Left out: {', '.join(names)} ({why}).", lang
    )


def complete_columns(values: pd.DataFrame, years: Iterable[int]) -> tuple[list[str], list[str]]:
    """Split columns into those with a value in every one of ``years`` and the rest.

    >>> v = pd.DataFrame({"a": [1.0, 2.0], "b": [None, 2.0]}, index=[2010, 2011])
    >>> complete_columns(v, [2010, 2011])
    (['a'], ['b'])
    """
    rows = values.reindex(list(years))
    full = rows.notna().all(axis=0)
    return [str(c) for c in values.columns[full]], [str(c) for c in values.columns[~full]]


def conflicts_sentence(conflicts: pd.DataFrame, district: str, lang: str = "zh") -> str:
    """How many disagreements between sources concern the district, by kind.

    >>> c = pd.DataFrame({"district": ["jiangbei", "jiangbei", "yubei"],
    ...                   "kind": ["corrected error", "first release vs revised", "estimate vs statistic"]})
    >>> conflicts_sentence(c, "jiangbei")
    '江北区有2处来源不一致（已更正的错误1处，首发数与修订数1处）；图表所示各区共3处。'
    >>> conflicts_sentence(c, "jiangbei", "en")
    'Sources disagree on 2 values for Jiangbei (1 corrected error, 1 first release vs revised); 3 across the districts shown.'
    """
    mine = conflicts[conflicts["district"] == district]
    name = district_name(district, lang)
    counts = mine["kind"].value_counts()
    kinds = ", ".join(f"{n} {k}" for k, n in counts.items())
    if lang == "zh":
        kinds_zh = "，".join(
            f"{term(k, 'zh') if k in TERMS else k}{n}处" for k, n in counts.items()
        )
        detail = f"（{kinds_zh}）" if len(mine) else ""
        return f"{name}有{len(mine)}处来源不一致{detail}；图表所示各区共{len(conflicts)}处。"
    detail = f" ({kinds})" if len(mine) else ""
    return (
        f"Sources disagree on {len(mine)} values for {name}{detail}; "
        f"{len(conflicts)} across the districts shown."
    )


def _revision_name(text: str, lang: str) -> str:
    """``economic census 2018`` -> ``2018年经济普查`` in Chinese (several joined by "; ")."""
    if lang != "zh":
        return text
    out = []
    for part in text.split("; "):
        kind, _, year = part.rpartition(" ")
        key = f"break_{kind.replace(' ', '_')}"
        out.append(term(key, "zh", year=year) if key in TERMS else part)
    return "；".join(out)


def breaks_sentence(years: pd.DataFrame, lang: str = "zh") -> str:
    """Years in which the cross-section of growth rates breaks (from :func:`metrics.break_years`).

    >>> b = pd.DataFrame({"year": [2018, 2019], "is_break": [False, True],
    ...                   "dispersion_z": [0.5, 9.1], "revision": ["", "economic census 2018"]})
    >>> breaks_sentence(b)
    '2019年（2018年经济普查）各区增长率的离散程度远超常年：跨这些年份比较水平需谨慎。'
    >>> breaks_sentence(b, "en")
    'Growth rates scatter far beyond the usual in 2019 (economic census 2018): compare levels across these years with care.'
    """
    hits = years[years["is_break"]]
    if hits.empty:
        return _pick(
            "各年增长率的离散程度没有异常。", "No year shows an unusual scatter of growth.", lang
        )
    parts_en, parts_zh = [], []
    for _, r in hits.iterrows():
        year, rev = int(r["year"]), r["revision"]
        parts_en.append(f"{year} ({rev})" if rev else f"{year}")
        parts_zh.append(f"{year}年（{_revision_name(rev, 'zh')}）" if rev else f"{year}年")
    return _pick(
        f"{'、'.join(parts_zh)}各区增长率的离散程度远超常年：跨这些年份比较水平需谨慎。",
        f"Growth rates scatter far beyond the usual in {', '.join(parts_en)}: "
        "compare levels across these years with care.",
        lang,
    )


def forecast_sentence(
    forecast: pd.DataFrame, district: str, indicator: str, lang: str = "zh"
) -> str:
    """The last forecast year's median and 80 % interval (a :func:`jbanalysis.forecast.forecast` frame).

    >>> f = pd.DataFrame({"year": [2027], "median": [2101.6], "lo80": [1702.6], "hi80": [2554.9],
    ...                   "model": ["drift"], "fit_start": [2019], "fit_end": [2022]})
    >>> forecast_sentence(f, "jiangbei", "gdp")
    '按drift模型（拟合2019–2022年），2027年江北区地区生产总值中位预测为2101.6亿元，80%区间为1702.6亿元至2554.9亿元。'
    """
    row = forecast.iloc[-1]
    unit = indicator_unit(indicator)
    name, ind = district_name(district, lang), indicator_name(indicator, lang)
    fit = f"{int(row['fit_start'])}–{int(row['fit_end'])}"
    med = fmt_value(float(row["median"]), unit, lang)
    lo, hi = fmt_value(float(row["lo80"]), unit, lang), fmt_value(float(row["hi80"]), unit, lang)
    return _pick(
        f"按{row['model']}模型（拟合{fit}年），{int(row['year'])}年{name}{ind}中位预测为{med}，"
        f"80%区间为{lo}至{hi}。",
        f"With the {row['model']} model (fitted on {fit}), the median forecast of {name}'s {ind} "
        f"for {int(row['year'])} is {med}, 80% interval {lo} to {hi}.",
        lang,
    )


def selection_sentence(
    label: str, mase: float, n_origins: int, lang: str = "zh", min_origins: int = 3
) -> str:
    """Which model the backtest chose and how it scored, or that it had too few origins.

    ``min_origins`` is the fewest origins on which a choice by backtest error is trusted
    (:data:`jbanalysis.forecast.evaluate.MIN_ORIGINS_TO_SELECT`); below it the forecast falls
    back to its default model, whose notes say which.

    >>> selection_sentence("drift", 0.457, 3, "en")
    'The backtest over 3 forecast origins chose drift (MASE 0.46; below 1 beats the naive forecast in-sample).'
    >>> selection_sentence("naive", 0.3, 1, "en")
    'Only 1 backtest origin(s): too few to choose a model by its errors (at least 3); the forecast uses the default model named in the notes under its chart.'
    """
    if n_origins < min_origins:
        return _pick(
            f"回测只有{n_origins}个预测起点，不足以据误差选模型（至少{min_origins}个）；"
            "预测采用默认模型，见图下说明。",
            f"Only {n_origins} backtest origin(s): too few to choose a model by its errors "
            f"(at least {min_origins}); the forecast uses the default model named in the notes "
            "under its chart.",
            lang,
        )
    return _pick(
        f"在{n_origins}个预测起点上的回测选择了{label}（MASE {mase:.2f}；小于1表示优于样本内朴素预测）。",
        f"The backtest over {n_origins} forecast origins chose {label} (MASE {mase:.2f}; "
        "below 1 beats the naive forecast in-sample).",
        lang,
    )


def target_sentence(check, district: str, indicator: str, lang: str = "zh") -> str:
    """A :class:`jbanalysis.forecast.TargetCheck` in words: required growth, trend, probability.

    >>> from types import SimpleNamespace
    >>> t = pd.DataFrame({"basis": ["required", "historical 5 years"], "cagr": [14.87, 10.0]})
    >>> c = SimpleNamespace(last_year=2022, last_value=146.41, target_year=2027,
    ...                     target_value=292.82, required_cagr=14.87, probability=0.031, table=t)
    >>> target_sentence(c, "jiangbei", "retail_sales", "en")
    "To reach CNY 29.3 bn by 2027 from CNY 14.6 bn in 2022, Jiangbei's Retail sales of consumer goods must grow 14.9% a year, against 10.0% over the last 5 years; the forecast gives it a 3% chance."
    """
    unit = indicator_unit(indicator)
    name, ind = district_name(district, lang), indicator_name(indicator, lang)
    hist = check.table[check.table["basis"].str.startswith("historical")].dropna(subset=["cagr"])
    if len(hist):
        row = hist.iloc[-1]
        years = row["basis"].split()[1]
        trend_zh = f"，近{years}年实际年均增长{fmt_pct(row['cagr'])}"
        trend_en = f", against {fmt_pct(row['cagr'])} over the last {years} years"
    else:
        trend_zh = trend_en = ""
    target = fmt_value(check.target_value, unit, lang)
    last = fmt_value(check.last_value, unit, lang)
    chance = f"{100 * check.probability:.0f}%"
    return _pick(
        f"要在{check.target_year}年由{check.last_year}年的{last}达到{target}，{name}{ind}"
        f"需年均增长{fmt_pct(check.required_cagr)}{trend_zh}；按预测分布，达成概率约{chance}。",
        f"To reach {target} by {check.target_year} from {last} in {check.last_year}, {name}'s "
        f"{ind} must grow {fmt_pct(check.required_cagr)} a year{trend_en}; the forecast gives it "
        f"a {chance} chance.",
        lang,
    )


def summary_markdown(sentences: Iterable[str]) -> str:
    """Join takeaway sentences into one Markdown paragraph (used for the report's summary).

    >>> summary_markdown(["A.", "B."])
    'A. B.'
    """
    return " ".join(s.strip() for s in sentences if s and s.strip())


def windows(start: int, end: int, step: int = 5) -> list[tuple[int, int]]:
    """Consecutive windows of ``step`` years from ``start``; the last one ends at ``end``.

    >>> windows(2005, 2022)
    [(2005, 2010), (2010, 2015), (2015, 2020), (2020, 2022)]
    >>> windows(2010, 2012)
    [(2010, 2012)]
    """
    if end <= start:
        raise ValueError(f"end ({end}) must be after start ({start})")
    edges = [*range(start, end, step), end]
    return list(itertools.pairwise(edges))


def cagr_table(values: pd.DataFrame, spans: Iterable[tuple[int, int]]) -> pd.DataFrame:
    """Districts x windows of CAGR (percent a year) from :func:`jbanalysis.metrics.rolling_cagr`.

    A window without both endpoint values stays NaN (``rolling_cagr`` gives the reason).

    >>> v = pd.DataFrame({"a": [100.0, 121.0, 133.1], "b": [100.0, None, 110.0]},
    ...                  index=[2010, 2012, 2013])
    >>> cagr_table(v, [(2010, 2012), (2012, 2013)]).round(3).to_dict()
    {'2010–2012': {'a': 10.0, 'b': nan}, '2012–2013': {'a': 10.0, 'b': nan}}
    """
    from jbanalysis.metrics import rolling_cagr

    full = values.reindex(range(int(values.index.min()), int(values.index.max()) + 1))
    columns = {}
    for start, end in spans:
        table = rolling_cagr(full, end - start)
        table = table[table["end"] == end].set_index("district")["cagr"]
        columns[f"{start}–{end}"] = table.reindex(values.columns)
    return pd.DataFrame(columns)


def index_sentence(index: pd.DataFrame, district: str, base_year: int, lang: str = "zh") -> str:
    """The district's index (base year = 100) in its last year, and its rank among the columns.

    >>> i = pd.DataFrame({"jiangbei": [100.0, 250.0], "yubei": [100.0, 300.0]}, index=[2010, 2020])
    >>> index_sentence(i, "jiangbei", 2010)
    '以2010年为100，2020年江北区为250，在2个区中居第2位。'
    """
    from jbanalysis.metrics import rank

    series = index[district].dropna()
    last = int(series.index[-1])
    r = rank(index.loc[[last]], peers=list(index.columns), require_all=False)
    row = r[r["district"] == district].iloc[0]
    name = district_name(district, lang)
    return _pick(
        f"以{base_year}年为100，{last}年{name}为{series[last]:.0f}，"
        f"在{int(row['n_ranked'])}个区中居{_ordinal(int(row['rank']), 'zh')}。",
        f"With {base_year} = 100, {name} stood at {series[last]:.0f} in {last}, "
        f"{_ordinal(int(row['rank']), 'en')} of {int(row['n_ranked'])}.",
        lang,
    )


def complete_years(
    panel: pd.DataFrame, indicators: Iterable[str], districts: Iterable[str]
) -> list[int]:
    """Years in which every district has a value for every indicator (from the tidy panel).

    >>> p = pd.DataFrame({"district": ["a", "a", "b"], "year": [2010, 2011, 2011],
    ...                   "indicator": ["gdp"] * 3, "value": [1.0, 2.0, 3.0]})
    >>> complete_years(p, ["gdp"], ["a", "b"])
    [2011]
    """
    indicators, districts = list(indicators), list(districts)
    sub = panel[panel["indicator"].isin(indicators) & panel["district"].isin(districts)]
    sub = sub[sub["value"].notna()]
    counts = sub.groupby("year")[["district", "indicator"]].apply(
        lambda g: len(g.drop_duplicates())
    )
    need = len(indicators) * len(districts)
    return sorted(int(y) for y, n in counts.items() if n == need)


def available_districts(
    panel: pd.DataFrame, indicators: Iterable[str], year: int, districts: Iterable[str]
) -> tuple[list[str], list[str]]:
    """Split districts into those with every indicator in ``year`` and those left out.

    >>> p = pd.DataFrame({"district": ["a", "b"], "year": [2020, 2020],
    ...                   "indicator": ["va_primary", "va_tertiary"], "value": [1.0, 2.0]})
    >>> available_districts(p, ["va_primary"], 2020, ["a", "b"])
    (['a'], ['b'])
    """
    indicators = list(indicators)
    kept, left = [], []
    for d in districts:
        cut = panel[(panel["district"] == d) & (panel["year"] == year)]
        have = set(cut.loc[cut["value"].notna(), "indicator"])
        (kept if set(indicators) <= have else left).append(d)
    return kept, left
