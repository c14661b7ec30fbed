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
    """What the marks of an indicator chart mean, computed: hollow markers and break lines.

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.versus.marks import lines_note
    >>> p = pd.DataFrame({"district": ["jiangbei", "yubei"], "year": [2017, 2017],
    ...                   "indicator": ["gdp", "gdp"], "value": [1.0, 2.0],
    ...                   "flag": ["interpolated", "observed"], "vintage": ["first_release"] * 2})
    >>> lines_note(p, "gdp", ["jiangbei", "yubei"], "jiangbei")
    '空心圆为插值（2017年：江北区）。'
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
    if not parts:
        return ""
    if lang == "zh":
        return "；".join(parts) + "。"
    text = "; ".join(parts) + "."
    return text[:1].upper() + text[1:]
