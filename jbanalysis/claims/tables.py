"""Report 05's headings, its table of verdicts, the one-line summary and the ledger rows that
could not be read.
"""

from __future__ import annotations

import pandas as pd

from jbanalysis.claims.bodies import (
    explanation,
)
from jbanalysis.claims.words import (
    _VERDICT_KEYS,
    claim_label,
)
from jbanalysis.registry.schema import CAVEAT_FLAGS, CAVEAT_VINTAGES
from jbanalysis.registry.terms import check_lang, term
from jbanalysis.text.labels import district_name as name_of
from jbanalysis.text.lang import pick as _pick

__all__ = [
    "HEADINGS",
    "heading",
    "rejected_sentence",
    "rejected_table",
    "summary_sentence",
    "verdict_table",
]


#: Headings and fixed paragraphs of report 05: key -> (zh, en).
HEADINGS: dict[str, tuple[str, str]] = {
    "question": (
        "**问题：** 报道和政府报告里的数字与有来源的数据是否相符？哪些无法核实，需要什么数据才能核实？",
        "**Question:** do the numbers printed in the article and in government reports agree "
        "with the sourced data? Which cannot be checked, and what data would settle them?",
    ),
    "how": ("1. 如何核查", "1. How the claims are checked"),
    "how_text": (
        "每条说法按台账（`data/claims.csv`）中的区、指标、时期和类型，与内置数据中同一时期、"
        "同一口径的数值比较。印刷精度决定允许的范围：“6.2%”为6.15%–6.25%；“三分之一”为其与相邻"
        "常用分数（3/10与2/5）的中点之间，即31.7%–36.7%；“近六成”为55%–60%；“前十”为第10位或更前。"
        "位次需要整个组的同期数值：缺数的单位逐一列出。增长率只与发布的增长率比较，GDP增长为可比价"
        "增长，绝不用现价总量推算。每个数值注明来源类型与版本；初步数、预计数、可靠性低或转载的数值"
        "都会指出。",
        "Each claim is compared with the bundled value of the same district, indicator, period and "
        "basis, as the ledger (`data/claims.csv`) reads it. The printed precision sets the range "
        "allowed: '6.2%' is 6.15–6.25%; '三分之一' (a third) runs half-way to the neighbouring "
        "common fractions 3/10 and 2/5, i.e. 31.7–36.7%; '近六成' (nearly six tenths) is 55–60%; "
        "'前十' (top ten) is 10th or better. A rank needs the whole group's values for the period: "
        "every member without one is named. Growth is compared with published growth rates only, "
        "and GDP growth is real (comparable-price) growth, never derived from nominal levels. "
        "Every value is given with its kind of source and vintage; preliminary, estimated, "
        "low-reliability and republished values are said to be so.",
    ),
    "table": ("2. 各条说法的核查结论", "2. The verdict on each claim"),
    "rejected": ("3. 未能核查的台账行", "3. Ledger rows that could not be checked"),
    "summary": ("要点", "Summary"),
}


def heading(key: str, lang: str = "zh", level: int = 2) -> str:
    """A heading of report 05 as Markdown (``## 1. 如何核查``); ``level=0`` for a paragraph.

    >>> from jbanalysis.claims.explain import heading
    >>> heading("table", "en")
    '## 2. The verdict on each claim'
    >>> heading("how", "zh", level=3)
    '### 1. 如何核查'
    """
    zh, en = HEADINGS[key]
    text = _pick(zh, en, lang)
    return f"{'#' * level} {text}" if level else text


def summary_sentence(result: pd.DataFrame, district: str | None = None, lang: str = "zh") -> str:
    """One line on the whole ledger: how many claims got each verdict, and on what they rest.

    >>> import jbanalysis as jb
    >>> from jbanalysis.claims.explain import summary_sentence
    >>> summary_sentence(jb.check_claims(), "jiangbei", "en")  # doctest: +ELLIPSIS
    '57 claims checked against the bundled data: 9 consistent, 0 contradicted, 8 partly checkable and 40 not verifiable; 8 of the ... 49 of the claims are about Jiangbei.'
    """
    from jbanalysis.claims.ledger import verdict_counts

    counts = verdict_counts(result)
    n = len(result)
    report = result.attrs.get("report")
    rejected = report.rows_rejected if report is not None else 0
    weak = {*CAVEAT_VINTAGES, "low", *CAVEAT_FLAGS}
    leaning = sum(
        1
        for caveats, verdict in zip(result["caveats"], result["verdict"], strict=True)
        if verdict in ("consistent", "partly checkable") and weak & set(caveats or {})
    )
    zh = (
        f"核查了{n}条说法：{counts['consistent']}条相符，{counts['contradicted']}条与数据矛盾，"
        f"{counts['partly checkable']}条部分可核，{counts['not verifiable']}条无法核实"
    )
    en = (
        f"{n} claims checked against the bundled data: {counts['consistent']} consistent, "
        f"{counts['contradicted']} contradicted, {counts['partly checkable']} partly checkable "
        f"and {counts['not verifiable']} not verifiable"
    )
    zh += f"；相符或部分可核的说法中有{leaning}条部分依赖初步数、预计数、可靠性低或推算、插值、更正的数值"
    en += (
        f"; {leaning} of the consistent or partly checkable verdicts rest in part on preliminary, "
        "estimated, low-reliability, derived, interpolated or corrected values"
    )
    if district is not None:
        mine = int((result["district"] == district).sum())
        zh += f"；其中{mine}条关于{name_of(district, 'zh')}"
        en += f"; {mine} of the claims are about {name_of(district, 'en')}"
    if rejected:
        zh += f"（另有{rejected}行台账无法解读，未核查）"
        rows = (
            "1 ledger row could not be read and was"
            if rejected == 1
            else (f"{rejected} ledger rows could not be read and were")
        )
        en += f" ({rows} not checked)"
    return _pick(zh + "。", en + ".", lang)


def verdict_table(
    result: pd.DataFrame, lang: str = "zh", district: str | None = None
) -> pd.DataFrame:
    """The report's table: id, what is checked, the claim as printed, where, verdict, evidence.

    Claims about ``district`` come first, then the others in ledger order. The claim as printed
    and the publication's title are quoted as published (a citation keeps its words).

    >>> import jbanalysis as jb
    >>> from jbanalysis.claims.explain import verdict_table
    >>> t = verdict_table(jb.check_claims(lang="en"), "en", "jiangbei")
    >>> list(t.columns)
    ['claim', 'what is checked', 'as printed', 'published in', 'verdict', 'evidence']
    """
    check_lang(lang)
    frame = result.copy()
    if district is not None:
        frame = frame.assign(_mine=frame["district"] != district).sort_values(
            "_mine", kind="stable"
        )
    heads = {
        "id": term("claims_col_id", lang),
        "claim": term("claims_col_claim", lang),
        "text": term("claims_col_text", lang),
        "source": term("claims_col_source", lang),
        "verdict": term("claims_col_verdict", lang),
        "evidence": term("claims_col_evidence", lang),
    }
    rows = []
    for r in frame.to_dict("records"):
        where = r["title"] or ""
        if r["date"]:
            where = f"{where} ({r['date']})" if where else r["date"]
        rows.append(
            {
                heads["id"]: r["claim_id"],
                heads["claim"]: claim_label(r, lang),
                heads["text"]: r["text"],
                heads["source"]: where or "—",
                heads["verdict"]: term(_VERDICT_KEYS[r["verdict"]], lang),
                heads["evidence"]: explanation(r, lang),
            }
        )
    return pd.DataFrame(rows, columns=list(heads.values()))


_PROBLEM_WORDS = {
    "missing": ("缺失", "missing"),
    "unknown": ("不在登记表中", "not in the registry"),
    "unparseable": ("无法解读", "cannot be read"),
    "duplicate": ("编号重复", "a duplicate id"),
    "mismatch": ("与所称数字不一致", "disagrees with the stated number"),
    "not allowed": ("不适用于这类说法", "does not apply to this kind of claim"),
    "not in group": ("该区不在所称的组中", "the district is not in that group"),
    "extra": ("单元格多于列数", "more cells than columns"),
}


def rejected_table(report, lang: str = "zh") -> pd.DataFrame:
    """The ledger rows that were not checked: row, id, column, what is wrong (and the cell).

    >>> from jbanalysis.claims.explain import rejected_table
    >>> from jbanalysis.claims.ledger import LedgerProblem, LedgerReport
    >>> r = LedgerReport("x.csv", 2, 1, [LedgerProblem("x.csv", 3, "S9", "district", "…", "unknown", "江北县")])
    >>> rejected_table(r, "en").to_dict("records")
    [{'row': 3, 'claim': 'S9', 'column': 'district', 'problem': "'江北县': not in the registry"}]
    """
    heads = [
        term(k, lang)
        for k in ("claims_col_row", "claims_col_id", "claims_col_column", "claims_col_problem")
    ]
    rows = []
    for p in report.problems:
        zh, en = _PROBLEM_WORDS.get(p.code, _PROBLEM_WORDS["unparseable"])
        cell = _pick(f"“{p.value}”", f"{p.value!r}", lang) if p.value else ""
        problem = _pick(f"{cell}{zh}", f"{cell}: {en}" if cell else en, lang)
        rows.append(dict(zip(heads, [p.row, p.claim_id or "—", p.column, problem], strict=True)))
    return pd.DataFrame(rows, columns=heads)


def rejected_sentence(report, lang: str = "zh") -> str:
    """How many ledger rows went in and how many were checked and rejected.

    >>> from jbanalysis.claims.explain import rejected_sentence
    >>> from jbanalysis.claims.ledger import LedgerReport
    >>> rejected_sentence(LedgerReport("x.csv", 3, 3), "en")
    'All 3 ledger rows were read and checked.'
    >>> rejected_sentence(LedgerReport("x.csv", 3, 3))
    '台账3行全部读入并核查。'
    """
    if not report.rows_rejected:
        return _pick(
            f"台账{report.rows_in}行全部读入并核查。",
            f"All {report.rows_in} ledger rows were read and checked.",
            lang,
        )
    return _pick(
        f"台账{report.rows_in}行中核查了{report.rows_checked}行，{report.rows_rejected}行无法解读，见下表（行号以表头为第1行）。",
        f"Of {report.rows_in} ledger rows, {report.rows_checked} "
        f"{'was' if report.rows_checked == 1 else 'were'} checked and {report.rows_rejected} "
        "could not be read (below; the header is row 1).",
        lang,
    )
