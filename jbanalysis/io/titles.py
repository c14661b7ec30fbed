"""What a table's title, its sheet's name and its notes say about every value in it.

The title lines (and the sheet name) may name the data year (``2024年…``), a yearbook edition
(``重庆统计年鉴—2024``: data year 2023, by the edition rule), a part of the year (``1-9月``,
``上半年``), one district, one indicator, the unit (``单位：亿元``, ``(亿元)``). Notes and titles may
say the price basis of the growth rates: ``增长速度按可比价格计算`` (real), ``本表按当年价格计算``
(everything at current prices, growth included: nominal), ``地区生产总值按现价计算`` (the levels
only: says nothing about growth).

>>> t = read_title(["重庆统计年鉴—2024", "表3-5 各区县社会消费品零售总额"], "")
>>> (t.year, t.edition, t.indicator)
(2023, 2024, 'retail_sales')
>>> t.year_said
"data year 2023 from the yearbook edition 2024 in the title (a yearbook holds the year before its edition: '重庆统计年鉴—2024')"
>>> growth_basis(["注：地区生产总值按现价计算，增长速度按可比价格计算。"])
'real'
>>> growth_basis(["本表按当年价格计算"])
'nominal'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from jbanalysis.io import labels as lb
from jbanalysis.io import periods as pr
from jbanalysis.io import words as w
from jbanalysis.registry.districts import CITY


@dataclass
class TitleFacts:
    year: int | None = None
    year_said: str = ""
    edition: int | None = None
    period: str | None = None
    period_said: str = ""
    period_other: str = ""  # a period the title names that the registry has no code for
    district: str | None = None
    districts: tuple[str, ...] = ()
    indicator: str | None = None
    indicators: tuple[str, ...] = ()
    unit: tuple[str, str] | None = None
    text: str = ""


_DEFAULT_SHEET = re.compile(r"^(sheet|工作表|表)\s*\d*$", re.I)


def read_title(lines: list[str], sheet: str, context: list[str] = ()) -> TitleFacts:
    """Facts from the table's own title lines and the sheet name; what they do not say, from the
    ``context`` (the lines above the sheet's first table)."""
    own = _read_title(lines, sheet)
    if not context:
        return own
    shared = _read_title(list(context), "")
    for name in (
        "year",
        "year_said",
        "edition",
        "period",
        "period_said",
        "period_other",
        "district",
        "indicator",
        "unit",
    ):
        if getattr(own, name) in (None, "") and getattr(shared, name) not in (None, ""):
            setattr(own, name, getattr(shared, name))
    own.districts = own.districts or shared.districts
    return own


def _read_title(lines: list[str], sheet: str) -> TitleFacts:
    sheet = "" if _DEFAULT_SHEET.match(sheet.strip()) else sheet
    text = " ".join([*lines, sheet]).strip()
    clean = lb.clean(text)[0]
    t = TitleFacts(text=clean)
    if not clean:
        return t
    years, edition = pr.title_years(clean)
    t.edition = edition
    short = clean if len(clean) <= 40 else clean[:40] + "…"
    if len(years) == 1:
        t.year, t.year_said = years[0], f"year {years[0]} from the title {short!r}"
    elif not years and edition:
        t.year = edition - 1
        m = pr._EDITION.search(clean)
        start = m.start()
        while start > 0 and not clean[start - 1].isspace() and not clean[start - 1].isascii():
            start -= 1
        t.year_said = (
            f"data year {t.year} from the yearbook edition {edition} in the title (a yearbook "
            f"holds the year before its edition: {clean[start : m.end()].strip()!r})"
        )
    _, when = pr.peel(pr._EDITION.sub(" ", clean))
    if when.period and when.period != "Y" and not when.other:
        t.period = when.period
        t.period_said = f"period {when.period} from the title {short!r}"
    elif when.other and not when.other.startswith("several years"):
        t.period_other = f"{when.other} (the title {short!r})"
    t.districts = tuple(_named(clean, _district_names()))
    if not t.districts and _named(clean, _city_names()):
        t.districts = (CITY,)  # the city's own table: 重庆市2024年前三季度主要经济指标
    if len(t.districts) == 1:
        t.district = t.districts[0]
    t.indicators = tuple(_named(clean, _indicator_names()))
    if len(t.indicators) == 1:
        t.indicator = t.indicators[0]
    m = re.search(r"[(（]\s*(?:单位\s*[:：]\s*)?([^()（）]{1,8}?)\s*[)）]", clean)
    if m and lb.unit_id(m.group(1)):
        t.unit = (lb.unit_id(m.group(1)), m.group(1))
    return t


def _named(text: str, names: list[tuple[str, str]]) -> list[str]:
    """Ids whose names occur in ``text``, longest names first, each stretch of text used once."""
    found: list[str] = []
    taken = [False] * len(text)
    for name, ident in names:
        start = text.find(name)
        while start >= 0:
            span = range(start, start + len(name))
            if not any(taken[i] for i in span):
                for i in span:
                    taken[i] = True
                if ident not in found:
                    found.append(ident)
            start = text.find(name, start + 1)
    return found


@cache
def _district_names() -> list[tuple[str, str]]:
    from jbanalysis.registry.districts import load_districts

    names = []
    for row in load_districts().itertuples(index=False):
        if row.level not in ("district", "county"):
            continue
        for name in [row.name_zh, *row.aliases.split("|")]:
            if name and len(name) >= 2 and not name.isascii() and not name.isdigit():
                names.append((name, row.id))
    return sorted(names, key=lambda p: -len(p[0]))


@cache
def _city_names() -> list[tuple[str, str]]:
    from jbanalysis.registry.districts import load_districts

    row = load_districts().set_index("id").loc[CITY]
    names = [row["name_zh"], *row["aliases"].split("|")]
    return [
        (n, CITY)
        for n in names
        if len(n) >= 2 and not n.isascii() and not n.isdigit() and n != "全市"
    ]


@cache
def _indicator_names() -> list[tuple[str, str]]:
    from jbanalysis.registry.indicators import load_indicators

    names = []
    for row in load_indicators().itertuples(index=False):
        for name in [row.name_zh, *str(row.aliases).split("|")]:
            if name and len(name) >= 4 and not name.isascii():
                names.append((name, row.id))
    return sorted(names, key=lambda p: -len(p[0]))


def growth_basis(texts: list[str]) -> str:
    """``real``, ``nominal`` or ``""``: the price basis notes and titles give growth rates.

    A clause that names growth (增长速度, 增速, 相对数) says the basis of growth; a clause that names
    only levels (绝对数, 地区生产总值) says nothing about it; a clause that names neither (本表按当年
    价格计算) says it of the whole table, growth included, unless a growth clause says otherwise.
    """
    said_growth, said_table = "", ""
    for text in texts:
        for clause in re.split(r"[，,；;。\n]", lb.clean(text)[0]):
            basis = (
                "nominal" if w.NOMINAL.search(clause) else "real" if w.REAL.search(clause) else ""
            )
            if not basis:
                continue
            if w.GROWTH_SUBJECT.search(clause):
                said_growth = said_growth or basis
            elif not w.LEVEL_SUBJECT.search(clause) and not _named(clause, _indicator_names()):
                said_table = said_table or basis
    return said_growth or said_table
