"""The question, headings and notes of report 02, in Chinese and English."""

from __future__ import annotations

from jbanalysis.text.headings import QUESTIONS, question
from jbanalysis.text.lang import pick

QUESTION = QUESTIONS["versus"]


#: Section headings of report 02 and the notes under them, key -> (zh, en).
HEADINGS: dict[str, tuple[str, str]] = {
    "level": ("## 1. 地区生产总值规模", "## 1. GDP level"),
    "index": ("## 2. 地区生产总值指数", "## 2. GDP index"),
    "growth": ("## 3. 年均增长", "## 3. Compound annual growth"),
    "growth_table": (
        "表中各区间为名义年均增长（%）；†：该区的序列在区间内跨越登记的口径断点，增长含口径变化。",
        "Nominal growth a year (%) over each window; †: the district's series crosses a "
        "registered break inside the window, so the rate includes the change of basis.",
    ),
    "real": (
        "## 4. 实际增长（可比价，公布值）",
        "## 4. Real growth (comparable prices, as published)",
    ),
    "shares": ("## 5. 占全市与九区比重", "## 5. Share of the city and of the nine"),
    "rank": ("## 6. 位次", "## 6. Rank"),
    "others": (
        "## 7. 人均地区生产总值、财政、消费、金融与收入",
        "## 7. Per capita, fiscal, consumption, finance, income",
    ),
    "summary": ("## 要点", "## Summary"),
}


def heading(key: str, lang: str = "zh", district: str | None = None) -> str:
    """A section heading (or note) of report 02 as Markdown; ``"question"`` gives the report's
    question for ``district``.

    >>> from jbanalysis.text.sentences.versus.headings import heading
    >>> heading("level", "en"), heading("rank")
    ('## 1. GDP level', '## 6. 位次')
    >>> heading("question", "en", "yubei")[:40]
    '**Question:** how does Yubei compare wit'
    """
    if key == "question":
        return question("versus", lang, district)
    return pick(*HEADINGS[key], lang)
