"""Sentences of report 01 (data overview): coverage, conflicts between sources, series breaks.

They say what :mod:`jbanalysis.panel` (``coverage_matrix``, ``conflicts``) and
:func:`jbanalysis.metrics.break_years` found, with each indicator's latest year, and count every
conflict a district's values are part of (:func:`jbanalysis.metrics.district_conflicts`).
"""

from __future__ import annotations

import pandas as pd

from jbanalysis.registry.terms import check_lang, has_term, term
from jbanalysis.text.headings import QUESTIONS, question
from jbanalysis.text.labels import district_name, indicator_name, indicator_phrase
from jbanalysis.text.lang import pick
from jbanalysis.text.sentences.common import flags_note

__all__ = [
    "HEADINGS",
    "QUESTION",
    "breaks_sentence",
    "conflicts_sentence",
    "coverage_sentence",
    "heading",
]

QUESTION = QUESTIONS["overview"]

#: Section headings and the notes under them, key -> (zh, en).
HEADINGS: dict[str, tuple[str, str]] = {
    "sources": ("## 1. 来源", "## 1. Sources"),
    "observations": (
        "每个来源各版本与标记的观测数：",
        "Observations per source, vintage and flag:",
    ),
    "coverage": (
        "## 2. 覆盖\n\n浅灰格为缺失：缺口保持可见，不做填补。",
        "## 2. Coverage\n\nLight-grey cells are gaps: they stay gaps, nothing is filled.",
    ),
    "conflicts": ("## 3. 来源不一致", "## 3. Conflicts between sources"),
    "breaks": (
        "## 4. 口径断裂\n\n全市各区县地区生产总值增长率在某一年异常分散时，新旧统计口径在该年相接。",
        "## 4. Series breaks\n\nWhen the GDP growth rates of all districts and counties scatter "
        "far more than usual in one year, two statistical bases meet there.",
    ),
    "trace": ("## 5. 追溯一个数字", "## 5. Trace one number to its source"),
    "summary": ("## 要点", "## Summary"),
}


def heading(key: str, lang: str = "zh") -> str:
    """A heading (with its note) of report 01 as Markdown; ``"question"`` gives its question.

    >>> from jbanalysis.text.sentences.overview import heading
    >>> heading("sources", "en"), heading("question")[:10]
    ('## 1. Sources', '**问题：** 报告')
    """
    if key == "question":
        return question("overview", lang)
    return pick(*HEADINGS[key], lang)


def coverage_sentence(matrix: pd.DataFrame, district: str, indicator: str, lang: str = "zh") -> str:
    """How many years of a coverage matrix (districts x years of flags, "" = gap) the district
    has, its latest year, and how many districts cover every year.

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.overview import coverage_sentence
    >>> m = pd.DataFrame({2016: ["observed", ""], 2017: ["interpolated", ""], 2018: ["observed", "observed"]},
    ...                  index=["jiangbei", "yuzhong"])
    >>> coverage_sentence(m, "jiangbei", "gdp")
    '江北区的地区生产总值在2016–2018年中有3年有值，最新为2018年（2017年为插值）；完全覆盖这些年份的区：1/2。'
    >>> coverage_sentence(m, "jiangbei", "gdp", "en")
    'Jiangbei has GDP for 3 of the years 2016–2018, the latest 2018 (2017 interpolated); 1 of 2 districts cover every year.'
    """
    check_lang(lang)
    row = matrix.loc[district]
    have = [int(y) for y, f in row.items() if f != ""]
    full = int((matrix != "").all(axis=1).sum())
    span = f"{min(matrix.columns)}–{max(matrix.columns)}"
    name = district_name(district, lang)
    note = flags_note(row[row != ""], lang)
    if not have:
        return pick(
            f"{name}在{span}年中没有{indicator_name(indicator, 'zh')}数据；"
            f"完全覆盖这些年份的区：{full}/{len(matrix)}。",
            f"{name} has no {indicator_phrase(indicator, 'en')} in {span}; {full} of "
            f"{len(matrix)} districts cover every year.",
            lang,
        )
    latest = max(have)
    if lang == "zh":
        note_zh = f"（{note}）" if note else ""
        return (
            f"{name}的{indicator_name(indicator, 'zh')}在{span}年中有{len(have)}年有值，"
            f"最新为{latest}年{note_zh}；完全覆盖这些年份的区：{full}/{len(matrix)}。"
        )
    note_en = f" ({note})" if note else ""
    return (
        f"{name} has {indicator_phrase(indicator, 'en')} for {len(have)} of the years {span}, the "
        f"latest {latest}{note_en}; {full} of {len(matrix)} districts cover every year."
    )


def conflicts_sentence(conflicts: pd.DataFrame, district: str, lang: str = "zh") -> str:
    """How many disagreements between sources a district's values are part of, by kind.

    Counts every conflict :func:`jbanalysis.metrics.district_conflicts` finds for the district
    (on its own keys and where a conflict names it on either side, as the 2022 渝中/江北 swap).

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.overview import conflicts_sentence
    >>> c = pd.DataFrame({"district": ["jiangbei", "jiangbei", "yubei"],
    ...                   "kind": ["corrected error", "first release vs revised", "estimate vs statistic"]})
    >>> conflicts_sentence(c, "jiangbei")
    '江北区的数值涉及2处来源不一致（已更正的错误1处，首发数与修订数1处）；图表所示各区共3处。'
    >>> conflicts_sentence(c, "jiangbei", "en")
    "Sources disagree on 2 of Jiangbei's values (1 corrected error, 1 first release vs revised); 3 across the districts shown."
    """
    from jbanalysis.metrics import district_conflicts

    check_lang(lang)
    mine = district_conflicts(conflicts, district)
    name = district_name(district, lang)
    counts = mine["kind"].value_counts()
    if lang == "zh":
        kinds_zh = "，".join(
            f"{term(k, 'zh') if has_term(k) else k}{n}处" for k, n in counts.items()
        )
        detail = f"（{kinds_zh}）" if len(mine) else ""
        return (
            f"{name}的数值涉及{len(mine)}处来源不一致{detail}；图表所示各区共{len(conflicts)}处。"
        )
    kinds = ", ".join(f"{n} {k}" for k, n in counts.items())
    detail = f" ({kinds})" if len(mine) else ""
    return (
        f"Sources disagree on {len(mine)} of {name}'s values{detail}; "
        f"{len(conflicts)} across the districts shown."
    )


def revision_label(text: str, lang: str = "zh") -> str:
    """A census named by :func:`jbanalysis.metrics.revision_near` in the report's language.

    >>> from jbanalysis.text.sentences.overview import revision_label
    >>> revision_label("economic census 2018"), revision_label("economic census 2018", "en")
    ('2018年经济普查', 'economic census 2018')
    >>> revision_label("")
    ''
    """
    return _revision_name(text, check_lang(lang)) if text else ""


def _revision_name(text: str, lang: str) -> str:
    """``economic census 2018`` -> ``2018年经济普查`` in Chinese (several joined by "; ")."""
    if lang != "zh":
        return text
    out = []
    for part in text.split("; "):
        kind, _, year = part.rpartition(" ")
        key = f"break_{kind.replace(' ', '_')}"
        out.append(term(key, "zh", year=year) if has_term(key) else part)
    return "；".join(out)


def breaks_sentence(years: pd.DataFrame, lang: str = "zh") -> str:
    """Years in which the cross-section of growth rates breaks (from :func:`metrics.break_years`).

    >>> import pandas as pd
    >>> from jbanalysis.text.sentences.overview import breaks_sentence
    >>> b = pd.DataFrame({"year": [2018, 2019], "is_break": [False, True],
    ...                   "dispersion_z": [0.5, 9.1], "revision": ["", "economic census 2018"]})
    >>> breaks_sentence(b)
    '2019年（2018年经济普查）各区增长率的离散程度远超常年：跨这些年份比较水平需谨慎。'
    >>> breaks_sentence(b, "en")
    'Growth rates scatter far beyond the usual in 2019 (economic census 2018): compare levels across these years with care.'
    """
    hits = years[years["is_break"]]
    if hits.empty:
        return pick(
            "各年增长率的离散程度没有异常。", "No year shows an unusual scatter of growth.", lang
        )
    parts_en, parts_zh = [], []
    for _, r in hits.iterrows():
        year, rev = int(r["year"]), r["revision"]
        parts_en.append(f"{year} ({rev})" if rev else f"{year}")
        parts_zh.append(f"{year}年（{_revision_name(rev, 'zh')}）" if rev else f"{year}年")
    return pick(
        f"{'、'.join(parts_zh)}各区增长率的离散程度远超常年：跨这些年份比较水平需谨慎。",
        f"Growth rates scatter far beyond the usual in {', '.join(parts_en)}: "
        "compare levels across these years with care.",
        lang,
    )
