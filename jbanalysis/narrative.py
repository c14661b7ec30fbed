"""Compatibility module: the names that lived here, re-exported from where they live now.

``narrative.py`` used to hold vocabulary, number formatting, data selection and every takeaway
sentence. They are split along the architecture (docs/reports.md, "Where the sentences live"):

- words shared by charts and sentences: :mod:`jbanalysis.vocabulary` (``data/terms.csv``);
- numbers, names and tables as printed: :mod:`jbanalysis.formatting`;
- which years and districts a statement compares, growth windows and breaks, the path of a
  series, derived values: :mod:`jbanalysis.metrics` (``selection``, ``windows``, ``direction``,
  ``derived``, ``takeaways``);
- the sentences, one module per report: :mod:`jbanalysis.sentences` (``common``, ``overview``,
  ``versus``, ``structure``; the forecast report's sentences stay below until
  ``jbanalysis.sentences.forecasts`` lands).

Code that imports ``jbanalysis.narrative`` keeps working; new code imports from the modules above.

>>> from jbanalysis import narrative as nar
>>> nar.fmt_value(1602.76, "cny_100m", "en"), nar.title("versus", "yubei", "en")
('CNY 160.3 bn', 'Yubei against the other central districts')
"""

from __future__ import annotations

import pandas as pd

from jbanalysis.formatting import (  # noqa: F401 - re-exported
    district_name,
    fmt_pct,
    fmt_points,
    fmt_span,
    fmt_value,
    fmt_years,
    indicator_kind,
    indicator_name,
    indicator_phrase,
    indicator_unit,
    join,
    markdown,
    names,
    ordinal,
    summary_markdown,
    table,
    unit_name,
    with_note,
)
from jbanalysis.formatting import ordinal as _ordinal  # noqa: F401 - old private name
from jbanalysis.formatting import pick as _pick
from jbanalysis.metrics.selection import (  # noqa: F401 - re-exported
    available_districts,
    complete_columns,
    complete_years,
)
from jbanalysis.metrics.windows import cagr_table, windows  # noqa: F401 - re-exported
from jbanalysis.sentences.common import (  # noqa: F401 - re-exported
    TITLES,
    breaks_phrase,
    caveat,
    data_vintage,
    flags_note,
    gaps_sentence,
    left_out_sentence,
    missing_phrase,
    title,
)
from jbanalysis.sentences.overview import (  # noqa: F401 - re-exported
    breaks_sentence,
    conflicts_sentence,
    coverage_sentence,
)
from jbanalysis.sentences.structure import (  # noqa: F401 - re-exported
    beta_sentence,
    dispersion_sentence,
    lq_sentence,
    sector_sentence,
    shift_share_sentence,
    specialisation_sentence,
)
from jbanalysis.sentences.versus import (  # noqa: F401 - re-exported
    growth_sentence,
    index_sentence,
    level_sentence,
    lines_note,
    path_phrase,
    rank_sentence,
    real_growth_sentence,
    share_sentence,
)
from jbanalysis.vocabulary import LANGS, check_lang, term, terms  # noqa: F401 - re-exported

# Words shared by sentences and chart legends live in the registry (data/terms.csv); this name
# stays for code that reads the vocabulary as a mapping.
TERMS: dict[str, tuple[str, str]] = terms()
_with_note = with_note


# --- The forecast report's sentences (owned by the forecasts work, moving to
# --- jbanalysis.sentences.forecasts); kept here unchanged until then.


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
