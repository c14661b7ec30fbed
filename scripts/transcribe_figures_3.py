"""Transcribe ``../shared/sources/published_figures_3/`` (third collection: 2025, and the city's
2024–2025 part-year values) into rows of ``data/sources/published_figures_3.csv``.

Called by ``scripts/transcribe_sources.py``. Two files of different layouts:

- ``figures_2025.csv`` has the columns of the second collection and is read the same way (period
  suffixes such as ``_h1``, bounds such as ``>=6``);
- ``figures_2023_2025.csv`` prints the indicator as the page did (some in traditional characters,
  some with a gloss in brackets), a ``period``, the value with its unit (empty where only a growth
  rate was printed) and the growth printed beside it (``growth_pct``). A value and its growth become
  two rows: the level (``record``) and its growth indicator (``record#growth``; real growth for GDP
  and value added, nominal for the others, as :func:`jbanalysis.registry.indicators.growth_of`
  says).

The judgements made here are recorded in the output: the canonical indicator of each printed
name, and the kind, reliability and vintage of each page (:data:`PAGES`). A row that is not a
statistic (F3_0041, a round figure in a New-Year greeting) is not transcribed, and the log says why.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from jbanalysis.names import simplified
from jbanalysis.registry.indicators import growth_of

#: Printed indicator names (simplified, gloss removed) -> canonical id. 规模以上工业增加值 is the
#: above-designated-size industry: its growth is ``industrial_va_growth`` with that note.
F3_INDICATORS = {
    "地区生产总值": "gdp",
    "第一产业增加值": "va_primary",
    "第二产业增加值": "va_secondary",
    "第三产业增加值": "va_tertiary",
    "规模以上工业增加值": "industrial_va",
    "规上工业增加值": "industrial_va",
    "社会消费品零售总额": "retail_sales",
    "固定资产投资": "fai",
    "全体居民人均可支配收入": "income_disposable",
    "一般公共预算收入": "fiscal_revenue",
    "常住人口": "pop_resident",
}
#: Rows that are not statistics, with the reason (SOURCES.md section 6; the folder's README).
NOT_STATISTICS = {
    "F3_0041": "a round figure ('43万') in a New-Year greeting of the district government, not a "
    "statistic; the yearbook's 44.72 万 (2024) stands",
}
#: The page of each record: (first record, last record) -> (source kind, reliability, vintage, why).
PAGES = (
    (("F3_0001", "F3_0005"), "news", "medium", "first_release", "repost of the bureau's release"),
    (("F3_0006", "F3_0008"), "news", "medium", "first_release", "Japanese-language news item"),
    (("F3_0009", "F3_0013"), "news", "medium", "first_release", "repost of the bureau's release"),
    (("F3_0014", "F3_0016"), "gov_plan_report", "high", "preliminary", "plan-execution report"),
    (("F3_0017", "F3_0017"), "gov_website", "high", "first_release", "the bureau's own page"),
    (("F3_0018", "F3_0022"), "gov_plan_report", "high", "preliminary", "plan-execution report"),
    (("F3_0023", "F3_0025"), "aggregator", "medium", "first_release", "secondary transcription"),
    (("F3_0026", "F3_0028"), "aggregator", "low", "first_release", "content farm, no source named"),
    (("F3_0029", "F3_0029"), "news", "medium", "preliminary", "government report quoted by news"),
    (("F3_0030", "F3_0039"), "aggregator", "medium", "first_release", "aggregator table"),
    (("F3_0040", "F3_0040"), "gov_plan_report", "high", "preliminary", "plan-execution report"),
)


def _page(record: str) -> tuple[str, str, str, str]:
    for (first, last), kind, reliability, vintage, why in PAGES:
        if first <= record <= last:
            return kind, reliability, vintage, why
    raise SystemExit(f"{record}: no page judgement in PAGES (add one)")


def _indicator(printed: str) -> str:
    name = simplified(re.sub(r"\s*\(.*\)\s*$", "", printed)).strip()
    if name not in F3_INDICATORS:
        raise SystemExit(f"unknown printed indicator {printed!r}: add it to F3_INDICATORS")
    return F3_INDICATORS[name]


def figures_2023_2025(shared: Path, log: list[str]) -> list[dict]:
    """The rows of ``figures_2023_2025.csv`` as source-table records (level and growth)."""
    path = shared / "published_figures_3" / "figures_2023_2025.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    records, skipped = [], []
    for row in table.itertuples(index=False):
        if row.record_id in NOT_STATISTICS:
            skipped.append(f"{row.record_id} ({NOT_STATISTICS[row.record_id]})")
            continue
        kind, reliability, vintage, why = _page(row.record_id)
        indicator = _indicator(row.indicator)
        base = {
            "district": row.district,
            "year": int(row.year),
            "vintage": vintage,
            "flag": "observed",
            "source_id": "published_figures_3",
            "source_kind": kind,
            "reliability": reliability,
            "url": row.url,
            "title": row.page_title,
            "excerpt": row.quote,
            "note": "; ".join(filter(None, [row.qualifier, why])),
            "period": row.period,
            "field": row.indicator,
        }
        if row.value:
            records.append(
                {**base, "record": row.record_id, "indicator": indicator, "value": row.value}
                | {"unit": row.unit}
            )
        if row.growth_pct:
            growth = growth_of(indicator)
            if growth is None:
                raise SystemExit(f"{row.record_id}: {indicator} has no growth indicator")
            records.append(
                {**base, "record": f"{row.record_id}#growth", "indicator": growth}
                | {"value": row.growth_pct, "unit": "%"}
            )
    log.append(
        f"published_figures_3 (figures_2023_2025.csv): {len(table)} rows = {len(records)} values "
        f"(levels and the growth printed beside them) from {len(table) - len(skipped)} rows "
        f"+ {len(skipped)} not transcribed: {', '.join(skipped)}"
    )
    return records
