"""The model of ``forecast(model="auto")`` and the calibration of its intervals.

One small backtest per forecast: the default model against naive, the calibration of the chosen
model's intervals on the same errors (:func:`~jbanalysis.forecast.calibration.calibrate`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from jbanalysis.forecast.calibration import Calibration, calibrate, mase_of
from jbanalysis.forecast.fitting import model_label, predict
from jbanalysis.forecast.models import DEFAULT_MODEL, MODELS, ModelFitError
from jbanalysis.forecast.protocol import BACKTEST_HORIZON, MIN_ORIGINS_TO_SELECT, default_min_train
from jbanalysis.forecast.series import FitWindow


def _quick_backtest(
    window: FitWindow, names: Sequence[str], hs: int, min_train: int, levels: Sequence[float]
) -> dict[str, dict[str, np.ndarray]]:
    """The backtest behind ``model="auto"`` as arrays per model (no frames: it runs per forecast).

    The same forecasts as :func:`backtest_window` with ``horizons=hs`` (tested to agree).
    """
    y, n = window.published, window.n
    tails = [(lv, (1 - lv / 100) / 2) for lv in levels]
    cols = ["origin", "year", "actual", "median", "scale", *(f"{k}{lv:g}" for lv, _ in tails
                                                            for k in ("lo", "hi"))]  # fmt: skip
    out = {name: {c: [] for c in cols} for name in names}
    for i in range(min_train, n):
        steps = min(hs, n - i)
        if steps < 1:
            continue
        train = window.head(i)
        scale = float(np.mean(np.abs(np.diff(train.published))))
        for name in names:
            try:
                dist, _, _ = predict(tuple(name.removeprefix("combo(").rstrip(")").split("+")),
                                     train.values, steps, train.keep)  # fmt: skip
            except (ModelFitError, ValueError):
                continue
            acc = out[name]
            acc["origin"].extend([int(window.years[i - 1])] * steps)
            acc["year"].extend(window.years[i : i + steps].tolist())
            acc["actual"].extend(y[i : i + steps].tolist())
            acc["median"].extend(dist.quantile(0.5).tolist())
            acc["scale"].extend([scale] * steps)
            for lv, tail in tails:
                acc[f"lo{lv:g}"].extend(dist.quantile(tail).tolist())
                acc[f"hi{lv:g}"].extend(dist.quantile(1 - tail).tolist())
    return {
        name: {c: np.asarray(v, dtype=float) for c, v in acc.items()} for name, acc in out.items()
    }


@dataclass
class Choice:
    """What ``forecast(model="auto")`` (or a named model) is fitted with, and why."""

    names: tuple[str, ...]
    notes: list[str]
    calibration: Calibration | None


def choose_model(
    window: FitWindow,
    horizon: int,
    levels: Sequence[float],
    names: tuple[str, ...] | None = None,
    calibrate_intervals: bool = True,
) -> Choice:
    """The model of a forecast and the calibration of its intervals, from one small backtest.

    ``names=None`` (``model="auto"``): the default model (:data:`DEFAULT_MODEL`), unless its
    backtest (at least :data:`MIN_ORIGINS_TO_SELECT` origins, 1 to
    :data:`BACKTEST_HORIZON` years ahead) is worse than naive's, in which case naive is used and
    the notes say so. With fewer origins the default is used unchecked and the notes say so.
    Either way the intervals are then calibrated on the same backtest (:func:`calibrate`).
    """
    hs = min(horizon, BACKTEST_HORIZON)
    candidate = names or (DEFAULT_MODEL,)
    label = model_label(candidate)
    notes: list[str] = []
    need = max(MODELS[m].min_values for m in candidate)
    min_train = max(default_min_train(window.n), need)
    origins = window.n - min_train
    if window.n <= min_train or origins < 1:
        if names is None:
            notes.append(
                f"only {window.n} values: too few to check a model against naive in a backtest "
                f"(at least {MIN_ORIGINS_TO_SELECT + 3} are needed); the default model "
                f"{DEFAULT_MODEL} is used unchecked"
            )
        reason = (
            f"only {window.n} values, no backtest origin (the model needs {need} to fit)"
            if need > default_min_train(window.n)
            else f"only {window.n} values, no backtest origin"
        )
        cal = Calibration(1.0, 0, 0, {}, {}, np.nan, np.nan, False, reason)
        return Choice(candidate, notes, cal)
    members = list(dict.fromkeys([label, "naive"]))
    arrays = _quick_backtest(window, members, hs, min_train, levels)
    naive_rows, chosen_rows = arrays["naive"], arrays[label]
    n_origins = len(set(chosen_rows["origin"].tolist()))
    if names is None:
        if n_origins < MIN_ORIGINS_TO_SELECT:
            notes.append(
                f"only {n_origins} backtest origin(s): too few to check the default model "
                f"against naive (at least {MIN_ORIGINS_TO_SELECT}); {DEFAULT_MODEL} is used "
                "unchecked"
            )
        else:
            m1, m0 = mase_of(chosen_rows), mase_of(naive_rows)
            if not m1 <= m0:
                candidate, label = ("naive",), "naive"
                chosen_rows = naive_rows
                notes.append(
                    f"the default model {DEFAULT_MODEL} was worse than naive in the backtest "
                    f"(MASE {m1:.2f} vs {m0:.2f} over {n_origins} origins): naive is used — no "
                    "trend model beats last year's value here"
                )
            else:
                notes.append(
                    f"model {DEFAULT_MODEL}: the default, checked against naive in a backtest "
                    f"over {n_origins} origins (MASE {m1:.2f} vs {m0:.2f})"
                )
    cal = calibrate(chosen_rows, naive_rows, levels) if calibrate_intervals else None
    if cal is not None:
        notes.append(cal.note())
    return Choice(tuple(candidate), notes, cal)
