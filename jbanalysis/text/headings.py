"""Titles, questions and headings of the reports, in Chinese and English: each typed once, here.

The notebooks' first cells (what JupyterLab shows before anything runs) carry the same question
in both languages; ``scripts/sync_notebook_questions.py`` writes it from :data:`QUESTIONS` and
``tests/test_notebooks.py`` fails when a notebook says something else.

>>> from jbanalysis.text.headings import question, title
>>> title("versus", "yubei", "en")
'Yubei against the other central districts'
>>> question("structure", "en", "yubei")[:40]
"**Question:** how did Yubei's sector str"
"""

from __future__ import annotations

from collections.abc import Mapping

from jbanalysis.text.labels import district_name
from jbanalysis.text.lang import capitalised, pick

__all__ = ["QUESTIONS", "TITLES", "heading", "notebook_question", "question", "title"]

#: Report titles: report -> (zh, en); "{d}" is the district's name.
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

#: The question each report answers: report -> (zh, en); "{d}" is the district's name.
QUESTIONS: dict[str, tuple[str, str]] = {
    "overview": (
        "报告中的数字来自哪里？哪些是插值、推算或更正值，哪里有缺口，哪些年份口径断裂？",
        "where do the numbers come from, which are interpolated, derived or corrected, where are "
        "the gaps and where does the basis change?",
    ),
    "versus": (
        "{d}的经济规模、增长、比重和位次与其他中心城区相比如何？人均地区生产总值、财政、消费、金融和"
        "收入呢？",
        "how does {d} compare with the other central districts in size, growth, share and rank, "
        "and in GDP per capita, fiscal revenue, consumption, finance and income?",
    ),
    "structure": (
        "{d}的三次产业结构如何变化？相对全市在哪些产业更集中？增长中多少来自全市增长、产业结构与"
        "自身竞争力？九个中心城区之间、全市各区县之间的差距在缩小吗？",
        "how did {d}'s sector structure shift, where is it specialised relative to the city, how "
        "much of its growth is city growth, sector mix and competitiveness, and are the nine "
        "central districts (and all districts and counties) converging?",
    ),
    "forecasts": (
        "按简单、经回测检验的趋势模型，{d}未来几年的地区生产总值和社会消费品零售总额会到什么水平？"
        "实现“翻一番”之类的目标需要多快的增长、可能性多大？",
        "with simple, backtested trend models, where could {d}'s GDP and retail sales be in a few "
        "years, and how fast must they grow to meet a target such as doubling?",
    ),
    "claims": (
        "报道和政府报告里的数字与有来源的数据是否相符？哪些无法核实，需要什么数据才能核实？",
        "do the numbers printed in the article and in government reports agree with the sourced "
        "data? Which cannot be checked, and what data would settle them?",
    ),
}

#: How a notebook names the district before it runs (the parameters cell chooses it).
_ANY_DISTRICT = ("所选区（默认江北区）", "the district (Jiangbei by default)")


def title(report: str, district: str, lang: str = "zh") -> str:
    """Title of a report (keys of :data:`TITLES`), with the district's name.

    >>> from jbanalysis.text.headings import title
    >>> title("versus", "yubei", "en"), title("overview", "jiangbei")
    ('Yubei against the other central districts', '江北区与中心城区数据概览：来源、版本与标记')
    """
    return pick(*TITLES[report], lang).format(d=district_name(district, lang))


def question(report: str, lang: str = "zh", district: str | None = None) -> str:
    """The question a report answers, as the report's first paragraph (Markdown).

    >>> from jbanalysis.text.headings import question
    >>> question("overview", "en")[:45]
    '**Question:** where do the numbers come from,'
    >>> question("versus", "zh", "yubei").split("？")[0]
    '**问题：** 渝北区的经济规模、增长、比重和位次与其他中心城区相比如何'
    """
    text = pick(*QUESTIONS[report], lang).format(d=district_name(district or "jiangbei", lang))
    return pick(f"**问题：** {text}", f"**Question:** {text}", lang)


def notebook_question(report: str) -> str:
    """The question line of a notebook's first cell: both languages, any district.

    >>> from jbanalysis.text.headings import notebook_question
    >>> notebook_question("overview").split("？")[0]
    '**问题 / Question:** 报告中的数字来自哪里'
    """
    zh, en = QUESTIONS[report]
    return (
        f"**问题 / Question:** {zh.format(d=_ANY_DISTRICT[0])} "
        f"{capitalised(en.format(d=_ANY_DISTRICT[1]))}"
    )


def heading(
    table: Mapping[str, tuple[str, str]],
    key: str,
    lang: str = "zh",
    level: int = 0,
    **fields: object,
) -> str:
    """An entry of a report's ``(zh, en)`` heading table in ``lang``, its ``{fields}`` filled;
    ``level`` > 0 makes it a Markdown heading of that level.

    >>> from jbanalysis.text.headings import heading
    >>> heading({"how": ("1. 如何核查", "1. How the claims are checked")}, "how", "en", level=2)
    '## 1. How the claims are checked'
    """
    text = pick(*table[key], lang)
    text = text.format(**fields) if fields else text
    return f"{'#' * level} {text}" if level else text
