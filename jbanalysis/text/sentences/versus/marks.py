"""Report 02: what the marks of an indicator chart mean (hollow markers, break lines), computed."""

from __future__ import annotations

import pandas as pd

from jbanalysis.registry.terms import check_lang, term
from jbanalysis.text.labels import district_name
from jbanalysis.text.lang import pick
from jbanalysis.text.lists import fmt_years, names
from jbanalysis.text.sentences.common import (
    breaks_phrase,
)


def lines_note(
    panel: pd.DataFrame, indicator: str, districts, district: str, lang: str = "zh"
) -> str:
    """What the marks of an indicator chart mean, computed: hollow markers and break lines — the
    district's own breaks, and the short marks of breaks that only some of the lines have (the
    chart draws every line's breaks, :func:`jbanalysis.plots.indicator_lines`).

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.versus.marks import lines_note
    >>> p = pd.DataFrame({"district": ["jiangbei", "yubei"], "year": [2017, 2017],
    ...                   "indicator": ["gdp", "gdp"], "value": [1.0, 2.0],
    ...                   "flag": ["interpolated", "observed"], "vintage": ["first_release"] * 2})
    >>> lines_note(p, "gdp", ["jiangbei", "yubei"], "jiangbei")
    '空心圆为插值（2017年：江北区）。'
    >>> p = pd.DataFrame({"district": ["dadukou", "yubei"] * 2, "year": [2010, 2010, 2014, 2014],
    ...                   "indicator": "fiscal_revenue", "value": 1.0, "flag": "observed"})
    >>> lines_note(p, "fiscal_revenue", ["dadukou", "yubei"], "dadukou", "en")
    'Short dotted marks on a line are breaks of some districts only (Yubei: the 2011, 2012 and 2013 changes of scope).'
    """
    from jbanalysis.metrics import basis_breaks, series_vintages

    check_lang(lang)
    districts = list(districts)
    sub = panel[
        (panel["indicator"] == indicator)
        & panel["district"].isin(districts)
        & panel["value"].notna()
    ]
    shapes = {
        "interpolated": ("空心圆", "hollow circles"),
        "corrected": ("空心菱形", "hollow diamonds"),
        "derived": ("空心方块", "hollow squares"),
    }
    parts = []
    for flag, (zh_shape, en_shape) in shapes.items():
        rows = sub[sub["flag"] == flag]
        if rows.empty:
            continue
        groups = []
        for year, group in rows.groupby("year"):
            who = [d for d in districts if d in set(group["district"])]
            if len(who) > 3:  # a list of eight names says less than their number
                groups.append(
                    pick(
                        f"{int(year)}年：{len(who)}个区", f"{int(year)}: {len(who)} districts", lang
                    )
                )
            else:
                groups.append(
                    pick(
                        f"{int(year)}年：{names(who, 'zh')}",
                        f"{int(year)}: {names(who, 'en')}",
                        lang,
                    )
                )
        word = term(flag, lang)
        parts.append(
            pick(
                f"{zh_shape}为{word}（{'；'.join(groups)}）",
                f"{en_shape} are {word} values ({'; '.join(groups)})",
                lang,
            )
        )
    table = basis_breaks(indicator, district, series_vintages(panel, indicator, district))
    years = sorted(set(sub["year"]))
    if years:
        inside = table[(table["basis_year"] > years[0]) & (table["basis_year"] <= years[-1])]
        if len(inside):
            lines = fmt_years(sorted(set(inside["basis_year"])), lang)
            parts.append(
                pick(
                    f"点线标出{district_name(district, 'zh')}序列新口径的起始年（{lines}年：{breaks_phrase(inside, 'zh')}）",
                    f"dotted lines mark where {district_name(district, 'en')}'s series starts a "
                    f"new basis ({lines}: {breaks_phrase(inside, 'en')})",
                    lang,
                )
            )
        others = _others_breaks(panel, indicator, districts, district, years, lang)
        if others:
            parts.append(
                pick(
                    f"线上的短点线为部分区的口径断点（{others}）",
                    f"short dotted marks on a line are breaks of some districts only ({others})",
                    lang,
                )
            )
    if not parts:
        return ""
    if lang == "zh":
        return "；".join(parts) + "。"
    text = "; ".join(parts) + "."
    return text[:1].upper() + text[1:]


def _others_breaks(panel, indicator, districts, district, years, lang) -> str:
    """The breaks of the other lines inside the years shown that not every line has — the short
    marks of the chart (:func:`jbanalysis.plots.breaks.draw_breaks`) — in words, each with the
    districts it belongs to (those with the same breaks together)."""
    from jbanalysis.metrics import basis_breaks, series_vintages

    def inside(d):
        table = basis_breaks(indicator, d, series_vintages(panel, indicator, d))
        return table[(table["basis_year"] > years[0]) & (table["basis_year"] <= years[-1])]

    tables = {d: inside(d) for d in districts}
    counts = pd.concat([t["break_id"] for t in tables.values()]).value_counts()
    common = set(counts.index[counts == len(tables)])  # drawn across the plot, named above
    by_phrase: dict[str, list[str]] = {}
    for d, rows in tables.items():
        rows = rows[~rows["break_id"].isin(common)]
        if d != district and len(rows):
            by_phrase.setdefault(breaks_phrase(rows, lang), []).append(d)
    return pick("；", "; ", lang).join(
        pick(f"{names(who, 'zh')}：{phrase}", f"{names(who, 'en')}: {phrase}", lang)
        for phrase, who in by_phrase.items()
    )
