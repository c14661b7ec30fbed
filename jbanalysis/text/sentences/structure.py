"""Sentences of report 03 (structure and disparities): sector shares, location quotients,
shift-share, specialisation, dispersion (σ) and β-convergence.

A comparison across districts uses the structure year (:func:`jbanalysis.metrics.structure_year`:
two thirds of the group and the city with all three sectors); σ is described by its path, turning
points named (:func:`jbanalysis.metrics.dispersion_path`); a change over years that crosses a
registered break says so; β says whether it is significant.
"""

from __future__ import annotations

import pandas as pd

from jbanalysis.registry.terms import check_lang, has_term, term
from jbanalysis.text.headings import QUESTIONS, question
from jbanalysis.text.labels import district_name
from jbanalysis.text.lang import pick
from jbanalysis.text.lists import ordinal
from jbanalysis.text.numbers import fmt_number, fmt_pct, fmt_points, fmt_value
from jbanalysis.text.sentences.common import breaks_phrase, missing_phrase
from jbanalysis.text.sentences.disparities import beta_sentence, dispersion_sentence

__all__ = [
    "HEADINGS",
    "QUESTION",
    "beta_sentence",
    "dispersion_sentence",
    "heading",
    "lq_sentence",
    "no_structure_sentence",
    "sector_sentence",
    "shift_share_sentence",
    "specialisation_sentence",
]

QUESTION = QUESTIONS["structure"]

#: Section headings of report 03 and the notes under them, key -> (zh, en).
HEADINGS: dict[str, tuple[str, str]] = {
    "shares": ("## 1. 三次产业比重", "## 1. Sector shares"),
    "lq": (
        "## 2. 区位商\n\n参照为全市（重庆市）。区位商大于1表示该产业在本区的比重高于全市。",
        "## 2. Location quotients\n\nThe reference is the whole city; above 1 the sector weighs "
        "more in the district than in the city.",
    ),
    "shift_share": (
        "## 3. 偏离-份额分解\n\n按现价计算；区间跨越口径变化时，竞争效应也包含修订的影响。",
        "## 3. Shift-share\n\nAt current prices; across a change of basis the competitive effect "
        "also absorbs the revision.",
    ),
    "specialisation": ("## 4. 专业化", "## 4. Specialisation"),
    "inequality": (
        "## 5. 差距与收敛\n\n人均地区生产总值（现价）。离散度只在各单位都有数据的年份计算，"
        "缺年份的单位不纳入（一个单位进出样本本身就会改变离散度）。",
        "## 5. Inequality and convergence\n\nGDP per capita at current prices. Dispersion is "
        "measured only in years in which every unit has a value; units missing a year are left "
        "out (a unit dropping in or out would move the dispersion by itself).",
    ),
    "summary": ("## 要点", "## Summary"),
}


def heading(key: str, lang: str = "zh", district: str | None = None) -> str:
    """A section heading (with its note) of report 03 as Markdown; ``"question"`` its question.

    >>> from jbanalysis.text.sentences.structure import heading
    >>> heading("shares", "en"), heading("specialisation")
    ('## 1. Sector shares', '## 4. 专业化')
    """
    if key == "question":
        return question("structure", lang, district)
    return pick(*HEADINGS[key], lang)


def sector_sentence(change, district: str | None = None, lang: str = "zh") -> str:
    """A :class:`jbanalysis.metrics.SectorChange` in words: the tertiary share then and now.

    >>> import pandas as pd
    >>> from jbanalysis.metrics import SectorChange
    >>> from jbanalysis.text.sentences.structure import sector_sentence
    >>> b = pd.DataFrame({"kind": ["economic_census"], "year": [2018], "first_year": [2019]})
    >>> c = SectorChange("jiangbei", pd.DataFrame(), 2005, 2020, 45.2, 78.5, 21.4, b)
    >>> sector_sentence(c)
    '江北区第三产业比重由2005年的45.2%变为2020年的78.5%（+33.3个百分点；区间跨越2018年经济普查），2020年第二产业比重为21.4%。'
    >>> sector_sentence(c, lang="en")
    "Jiangbei's tertiary share went from 45.2% in 2005 to 78.5% in 2020 (+33.3 percentage points; the span crosses the 2018 economic census); the secondary share was 21.4% in 2020."
    >>> sector_sentence(SectorChange("yuzhong", pd.DataFrame(), None, None, 0, 0, 0, pd.DataFrame()), lang="en")
    'Yuzhong has no complete sector data.'
    """
    check_lang(lang)
    name = district_name(change.district, lang)
    if change.first is None:
        return pick(f"{name}没有完整的三次产业数据。", f"{name} has no complete sector data.", lang)
    y0, y1, s0, s1 = change.first, change.last, change.tertiary_first, change.tertiary_last
    notes = [fmt_points(s1 - s0, lang)] if y1 > y0 else []
    if len(change.breaks):
        notes.append(
            pick(
                f"区间跨越{breaks_phrase(change.breaks, 'zh')}",
                f"the span crosses {breaks_phrase(change.breaks, 'en')}",
                lang,
            )
        )
    paren = pick(f"（{'；'.join(notes)}）", f" ({'; '.join(notes)})", lang) if notes else ""
    secondary = fmt_pct(change.secondary_last, lang)
    if y1 == y0:
        return pick(
            f"{y1}年{name}第三产业比重为{fmt_pct(s1)}，第二产业比重为{secondary}。",
            f"In {y1} {name}'s tertiary share was {fmt_pct(s1)} and its secondary share "
            f"{secondary}.",
            lang,
        )
    return pick(
        f"{name}第三产业比重由{y0}年的{fmt_pct(s0)}变为{y1}年的{fmt_pct(s1)}{paren}，"
        f"{y1}年第二产业比重为{secondary}。",
        f"{name}'s tertiary share went from {fmt_pct(s0)} in {y0} to {fmt_pct(s1)} in {y1}{paren}; "
        f"the secondary share was {secondary} in {y1}.",
        lang,
    )


def no_structure_sentence(comparison, lang: str = "zh") -> str:
    """Why there is no structure comparison (a :class:`jbanalysis.metrics.ComparisonYear`).

    >>> from jbanalysis.metrics import ComparisonYear
    >>> from jbanalysis.text.sentences.structure import no_structure_sentence
    >>> c = ComparisonYear("yuzhong", None, 2020, ("yuzhong", "jiangbei"), (), (), 3,
    ...                    "no value for yuzhong in any year")
    >>> no_structure_sentence(c, "en")
    'No structure comparison for Yuzhong: no year in which it, the city and two thirds of the districts have all three sectors (the latest for the others is 2020).'
    """
    check_lang(lang)
    name = district_name(comparison.district, lang)
    latest_zh = f"（其他区最近为{comparison.group_year}年）" if comparison.group_year else ""
    latest_en = (
        f" (the latest for the others is {comparison.group_year})" if comparison.group_year else ""
    )
    return pick(
        f"{name}没有可比的产业结构：没有哪一年该区、全市和三分之二以上的区都有三次产业数据{latest_zh}。",
        f"No structure comparison for {name}: no year in which it, the city and two thirds of the "
        f"districts have all three sectors{latest_en}.",
        lang,
    )


def lq_sentence(lq: pd.DataFrame, district: str, year: int, lang: str = "zh") -> str:
    """The sector in which the district is most specialised (highest location quotient).

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.structure import lq_sentence
    >>> lq = pd.DataFrame({"jiangbei": [0.1, 0.7, 1.4]},
    ...                   index=["va_primary", "va_secondary", "va_tertiary"])
    >>> lq_sentence(lq, "jiangbei", 2020, "en")
    "In 2020 Jiangbei's location quotient is highest in the tertiary sector (1.40): its share there is 1.40 times the city's."
    >>> lq_sentence(lq, "jiangbei", 2020)
    '2020年江北区区位商最高的是第三产业（1.40），该产业比重是全市的1.40倍。'
    """
    check_lang(lang)
    col = lq[district]
    top = str(col.idxmax())
    value = float(col.max())
    name = district_name(district, lang)
    sector = term(top, lang) if has_term(top) else top
    shown = fmt_number(value, 2)
    return pick(
        f"{year}年{name}区位商最高的是{sector}（{shown}），该产业比重是全市的{shown}倍。",
        f"In {year} {name}'s location quotient is highest in the {sector} sector ({shown}): "
        f"its share there is {shown} times the city's.",
        lang,
    )


def shift_share_sentence(
    table: pd.DataFrame,
    district: str,
    start: int,
    end: int,
    lang: str = "zh",
    breaks: pd.DataFrame | None = None,
) -> str:
    """Shift-share totals of :func:`jbanalysis.metrics.shift_share` in one sentence.

    ``breaks``: the registered breaks in (start, end] (:func:`jbanalysis.metrics.crossed`); the
    sentence names them, since the competitive effect then absorbs the revision.

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.structure import shift_share_sentence
    >>> t = pd.DataFrame({"change": [5.0], "reference_growth": [2.0], "sector_mix": [0.0],
    ...                   "competitive": [3.0]}, index=["total"])
    >>> shift_share_sentence(t, "jiangbei", 2005, 2020)
    '2005–2020年江北区三次产业增加值合计增加5.0亿元（现价）：全市增长效应2.0亿元，结构效应0.0亿元，竞争效应3.0亿元。'
    >>> b = pd.DataFrame({"kind": ["economic_census"], "year": [2018], "first_year": [2019]})
    >>> shift_share_sentence(t, "jiangbei", 2005, 2020, "en", breaks=b)
    "Over 2005–2020 Jiangbei's value added rose by CNY 0.5 bn (current prices): city growth CNY 0.2 bn, sector mix CNY 0.0 bn, competitive CNY 0.3 bn; the span crosses the 2018 economic census, whose revision the competitive effect absorbs."
    """
    check_lang(lang)
    total = table.loc["total"]
    name = district_name(district, lang)
    parts = [
        (term(key, lang), fmt_value(float(total[key]), "cny_100m", lang))
        for key in ("reference_growth", "sector_mix", "competitive")
    ]
    change_value = float(total["change"])
    change = fmt_value(abs(change_value), "cny_100m", lang)
    zh_verb, en_verb = ("增加", "rose by") if change_value >= 0 else ("减少", "fell by")
    tail_zh = tail_en = ""
    if breaks is not None and len(breaks):
        tail_zh = f"；区间跨越{breaks_phrase(breaks, 'zh')}，竞争效应含修订的影响"
        tail_en = (
            f"; the span crosses {breaks_phrase(breaks, 'en')}, whose revision the competitive "
            "effect absorbs"
        )
    return pick(
        f"{start}–{end}年{name}三次产业增加值合计{zh_verb}{change}（现价）："
        + "，".join(f"{k}{v}" for k, v in parts)
        + f"{tail_zh}。",
        f"Over {start}–{end} {name}'s value added {en_verb} {change} (current prices): "
        + ", ".join(f"{k} {v}" for k, v in parts)
        + f"{tail_en}.",
        lang,
    )


def specialisation_sentence(
    index: pd.Series, district: str, year: int, lang: str = "zh", peers=None
) -> str:
    """Where the district's Krugman index stands among its group in ``year``.

    The rank is among the districts with an index (at least two thirds of ``peers``, default
    the districts of ``index``, :func:`jbanalysis.metrics.standing`); the missing are named.

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.structure import specialisation_sentence
    >>> k = pd.Series({"jiangbei": 0.3, "yubei": 0.1, "banan": 0.5})
    >>> specialisation_sentence(k, "jiangbei", 2020)
    '2020年江北区克鲁格曼专业化指数为0.30（0为与全市结构相同，越大越专业化），在有数据的3个区中居第2位。'
    >>> specialisation_sentence(k, "jiangbei", 2020, "en", peers=["jiangbei", "yubei", "banan", "nanan"])
    "In 2020 Jiangbei's Krugman specialisation index is 0.30 (0 = the city's structure; higher is more specialised), 2nd of the 3 districts with data (no data for Nan'an)."
    """
    from jbanalysis.metrics import standing

    check_lang(lang)
    members = list(index.index) if peers is None else list(peers)
    frame = pd.DataFrame([index.reindex(members).to_numpy()], columns=members, index=[int(year)])
    result = standing(frame, district, members)
    name = district_name(district, lang)
    if not result.comparison.ok:
        return pick(
            f"{year}年有专业化指数的区不足三分之二，不作比较。",
            f"Fewer than two thirds of the districts have a specialisation index for {year}: "
            "no comparison.",
            lang,
        )
    value = result.value
    missing = missing_phrase(result.comparison.missing, lang)
    notes_zh = f"（{missing}）" if missing else ""
    notes_en = f" ({missing})" if missing else ""
    return pick(
        f"{year}年{name}克鲁格曼专业化指数为{fmt_number(value, 2)}（0为与全市结构相同，越大越专业化），"
        f"在有数据的{result.n}个区中居{ordinal(int(result.rank), 'zh')}{notes_zh}。",
        f"In {year} {name}'s Krugman specialisation index is {fmt_number(value, 2)} (0 = the city's "
        f"structure; higher is more specialised), {ordinal(int(result.rank), 'en')} of the "
        f"{result.n} districts with data{notes_en}.",
        lang,
    )
