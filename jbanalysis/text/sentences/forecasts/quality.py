"""Report 04: which model the backtest chose, and how good its forecasts and intervals were."""

from __future__ import annotations

import math

import pandas as pd

from jbanalysis.text.lang import pick
from jbanalysis.text.lists import join
from jbanalysis.text.numbers import fmt_number, fmt_pct
from jbanalysis.text.sentences.forecasts.words import model_name


def selection_sentence(
    label: str, mase: float, n_origins: int, lang: str = "zh", min_origins: int = 3
) -> str:
    """Which model the backtest chose and how it scored, or that it had too few origins.

    ``min_origins`` is the fewest origins on which a choice by backtest error is trusted
    (:data:`jbanalysis.forecast.MIN_ORIGINS_TO_SELECT`); below it nothing is chosen.

    >>> from jbanalysis.text.sentences.forecasts.quality import selection_sentence
    >>> selection_sentence("recent_drift", 0.457, 3, "en")
    'The backtest over 3 forecast origins chose recent drift (median of the last four changes) (MASE 0.46: its errors average 0.46 times the mean yearly change).'
    >>> selection_sentence("naive", 0.3, 1)
    '回测只有1个预测起点，不足以据误差选择模型（至少需要3个）；预测采用默认模型，见图下说明。'
    """
    if n_origins < min_origins:
        return pick(
            f"回测只有{n_origins}个预测起点，不足以据误差选择模型（至少需要{min_origins}个）；"
            "预测采用默认模型，见图下说明。",
            f"Only {n_origins} backtest origin(s): too few to choose a model by its errors "
            f"(at least {min_origins}); the forecast uses the default model named in the notes "
            "under its chart.",
            lang,
        )
    model = model_name(label, lang)
    return pick(
        f"在{n_origins}个预测起点上的回测选择了{model}（MASE {fmt_number(mase, 2)}：误差平均为年均变化量的"
        f"{fmt_number(mase, 2)}倍）。",
        f"The backtest over {n_origins} forecast origins chose {model} (MASE {fmt_number(mase, 2)}: its "
        f"errors average {fmt_number(mase, 2)} times the mean yearly change).",
        lang,
    )


def _too_few_origins(cal, lang: str) -> str:
    """The reason both kinds of calibration give when the backtest had too few origins."""
    from jbanalysis.forecast.protocol import MIN_ORIGINS_TO_SELECT

    return pick(
        f"回测起点只有{cal.n_origins}个（至少需要{MIN_ORIGINS_TO_SELECT}个）",
        f"only {cal.n_origins} backtest origin(s) (at least {MIN_ORIGINS_TO_SELECT})",
        lang,
    )


def _calibration_reasons(cal, lang: str) -> list[str]:
    """Why a calibration is not calibrated, in words of ``lang`` (from its fields)."""
    from jbanalysis.forecast.protocol import (
        CALIBRATED_BANDS,
        MIN_ERRORS_TO_CALIBRATE,
        MIN_ORIGINS_TO_SELECT,
    )

    if getattr(cal, "how", ""):
        return _backtest_interval_reasons(cal, lang)
    out = []
    if cal.n_origins < MIN_ORIGINS_TO_SELECT:
        return [_too_few_origins(cal, lang)]
    if cal.n_errors < MIN_ERRORS_TO_CALIBRATE:
        out.append(
            pick(
                f"回测预测只有{cal.n_errors}个（至少需要{MIN_ERRORS_TO_CALIBRATE}个）",
                f"only {cal.n_errors} backtest forecasts (at least {MIN_ERRORS_TO_CALIBRATE})",
                lang,
            )
        )
    if math.isfinite(cal.mase_naive) and cal.mase > cal.mase_naive:
        out.append(pick("模型不如朴素预测", "the model is worse than naive", lang))
    for lv, c in cal.coverage.items():
        lo, hi = CALIBRATED_BANDS.get(lv, (lv - 10, lv + 10))
        slack = 200 * math.sqrt(lv / 100 * (1 - lv / 100) / max(cal.n_errors, 1))
        if not lo - slack <= c <= hi + slack:
            out.append(
                pick(
                    f"{lv:g}%区间覆盖{fmt_pct(c, digits=0)}（应在{lo:g}–{hi:g}%）",
                    f"the {lv:g}% interval held {fmt_pct(c, digits=0)} (should be {lo:g}–{hi:g}%)",
                    lang,
                )
            )
    return out


#: The scale of intervals built from backtest errors, in words: name -> (zh, en).
SCALE_WORDS: dict[str, tuple[str, str]] = {
    "log": ("对数尺度（数值始终为正）", "a log scale (values stay above zero)"),
    "logit": (
        "对数几率尺度（比重始终在0–100%之间）",
        "a log-odds scale (a share stays within 0–100%)",
    ),
    "levels": (
        "原值尺度（在取值范围的边界处截断）",
        "the values themselves, cut at the edge of their range",
    ),
}


def _backtest_interval_reasons(cal, lang: str) -> list[str]:
    """Why intervals built from backtest errors are not calibrated (the checks of
    :func:`jbanalysis.forecast.intervals.calibrated_distribution`), in words of ``lang``."""
    from jbanalysis.forecast.protocol import (
        CALIBRATED_BANDS,
        MIN_ERRORS_TO_CALIBRATE,
        MIN_ORIGINS_TO_SELECT,
    )

    if cal.n_origins < MIN_ORIGINS_TO_SELECT:
        return [_too_few_origins(cal, lang)]
    out = []
    if cal.n_checked < MIN_ERRORS_TO_CALIBRATE:
        out.append(
            pick(
                f"样本外检验的预测只有{cal.n_checked}个（至少需要{MIN_ERRORS_TO_CALIBRATE}个）",
                f"only {cal.n_checked} forecasts checked out of sample "
                f"(at least {MIN_ERRORS_TO_CALIBRATE})",
                lang,
            )
        )
    if math.isfinite(cal.mase_naive) and cal.mase > cal.mase_naive:
        out.append(pick("模型不如朴素预测", "the model is worse than naive", lang))
    if cal.n_checked >= MIN_ERRORS_TO_CALIBRATE:
        for lv, c in cal.coverage.items():
            lo, hi = CALIBRATED_BANDS.get(lv, (lv - 10, lv + 10))
            slack = 200 * math.sqrt(lv / 100 * (1 - lv / 100) / cal.n_checked)
            if not lo - slack <= c <= hi + slack:
                out.append(
                    pick(
                        f"{lv:g}%区间覆盖{fmt_pct(c, digits=0)}（应在{lo:g}–{hi:g}%）",
                        f"the {lv:g}% interval held {fmt_pct(c, digits=0)} "
                        f"(should be {lo:g}–{hi:g}%)",
                        lang,
                    )
                )
    if "edge" in cal.reason:
        out.append(
            pick("区间触及取值范围的边界", "an interval reaches the edge of the values", lang)
        )
    return out


def _backtest_interval_body(cal, lang: str) -> str:
    """How intervals built from the backtest errors were made and held, in words."""
    scale = pick(*SCALE_WORDS.get(cal.scale, SCALE_WORDS["levels"]), lang)
    if not cal.n_checked:
        return pick(
            f"；预测区间按本序列的回测误差在{scale}上计算，尚无可作样本外检验的预测",
            f"; the intervals come from this series' backtest errors on {scale}; none could be "
            "checked out of sample yet",
            lang,
        )
    c80 = fmt_pct(cal.coverage.get(80, float("nan")), digits=0)
    c95 = fmt_pct(cal.coverage.get(95, float("nan")), digits=0)
    return pick(
        f"；预测区间按本序列的回测误差在{scale}上计算，样本外检验的{cal.n_checked}个预测中，"
        f"80%区间覆盖{c80}、95%区间覆盖{c95}",
        f"; the intervals come from this series' backtest errors on {scale}: checked out of "
        f"sample on {cal.n_checked} forecasts, the 80% interval held {c80} and the 95% interval "
        f"{c95}",
        lang,
    )


def quality_sentence(forecast: pd.DataFrame, lang: str = "zh") -> str:
    """How good the forecast's model was in its backtest, in words.

    Says the backtest MASE of the model and of naive, how often its intervals held, whether they
    were widened, and plainly when no trend model beat naive.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.forecast import Calibration
    >>> from jbanalysis.text.sentences.forecasts.quality import quality_sentence
    >>> c = Calibration(1.3, 10, 27, {80: 70.4, 95: 85.2}, {80: 85.0, 95: 95.0}, 0.82, 1.9,
    ...                 True, "", scale="log", how="from the backtest errors", n_checked=20)
    >>> f = pd.DataFrame({"model": ["combo(holt_damped+ar1_drift)"]})
    >>> f.attrs["calibration"] = c
    >>> quality_sentence(f)
    '回测（10个起点、27个预测）中，阻尼趋势与ARIMA(1,1,0)的等权组合的平均误差为年均变化量的0.82倍（MASE），朴素预测为1.90倍；预测区间按本序列的回测误差在对数尺度（数值始终为正）上计算，样本外检验的20个预测中，80%区间覆盖85%、95%区间覆盖95%：区间经回测校准。'
    >>> quality_sentence(f, "en")
    "In the backtest (10 origins, 27 forecasts) the errors of the equal-weight mix of a damped trend and ARIMA(1,1,0) averaged 0.82 times the mean yearly change (MASE), naive's 1.90; the intervals come from this series' backtest errors on a log scale (values stay above zero): checked out of sample on 20 forecasts, the 80% interval held 85% and the 95% interval 95%: the intervals are calibrated on the backtest."
    """
    cal = forecast.attrs.get("calibration")
    label = str(forecast["model"].iloc[0])
    model = model_name(label, lang)
    if cal is None or cal.n_origins == 0 or not cal.coverage:
        why = _calibration_reasons(cal, lang) if cal is not None else []
        return pick(
            f"{model}未经回测检验（{join(why, 'zh') or '未做回测'}）：区间是模型自身的，未经校准。",
            f"The {model} was not checked in a backtest ({join(why, 'en') or 'none run'}): "
            "its intervals are the model's own, not calibrated.",
            lang,
        )
    cov = {lv: fmt_pct(c, digits=0) for lv, c in cal.coverage.items()}
    worse = math.isfinite(cal.mase_naive) and cal.mase > cal.mase_naive
    head = pick(
        f"回测（{cal.n_origins}个起点、{cal.n_errors}个预测）中，{model}的平均误差为年均变化量的"
        f"{fmt_number(cal.mase, 2)}倍（MASE），朴素预测为{fmt_number(cal.mase_naive, 2)}倍",
        f"In the backtest ({cal.n_origins} origins, {cal.n_errors} forecasts) the errors of the "
        f"{model} averaged {fmt_number(cal.mase, 2)} times the mean yearly change (MASE), "
        f"naive's {fmt_number(cal.mase_naive, 2)}",
        lang,
    )
    if label == "naive":
        head += pick(
            "；没有可用的趋势模型优于朴素预测，预测沿用最后一年的值",
            "; no available trend model beat naive, so the forecast carries the last value forward",
            lang,
        )
    elif worse:
        head += pick("；该模型不如朴素预测", "; this model is worse than the naive forecast", lang)
    c80, c95 = cov.get(80, "–"), cov.get(95, "–")
    if cal.how:
        body = _backtest_interval_body(cal, lang)
    elif cal.widened:
        body = pick(
            f"；模型自身的区间偏窄，已按回测误差放宽{fmt_number(cal.factor, 2)}倍，放宽后80%区间覆盖{c80}、"
            f"95%区间覆盖{c95}",
            f"; the model's own intervals were too narrow and were widened {fmt_number(cal.factor, 2)} "
            f"times from the backtest errors, after which the 80% interval held {c80} and the "
            f"95% interval {c95}",
            lang,
        )
    else:
        body = pick(
            f"；80%区间覆盖{c80}、95%区间覆盖{c95}",
            f"; the 80% interval held {c80} and the 95% interval {c95}",
            lang,
        )
    if cal.calibrated:
        tail = pick("：区间经回测校准。", ": the intervals are calibrated on the backtest.", lang)
    else:
        why = _calibration_reasons(cal, lang)
        tail = pick(
            f"：区间未达校准标准（{join(why, 'zh')}），概率不可估计。",
            f": the intervals are not calibrated ({join(why, 'en')}), so no probability is "
            "estimable.",
            lang,
        )
    return head + body + tail
