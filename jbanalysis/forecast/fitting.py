"""Argument checks and the one fitting step shared by forecasts, backtests and targets.

Kept apart from :mod:`~jbanalysis.forecast.core` so that :mod:`~jbanalysis.forecast.evaluate`
(backtests) and ``core`` (forecasts) both build on it without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from jbanalysis.forecast.distributions import Combination, Predictive
from jbanalysis.forecast.models import MODEL_NAMES, fit_model

ModelArg = str | Sequence[str]

#: Longest forecast horizon (years) of every door: ``forecast()``, the CLI and the reports.
MAX_HORIZON = 20


def check_levels(level: Iterable[float]) -> tuple[float, ...]:
    """Validate interval levels in percent, e.g. ``(80, 95)``.

    Examples
    --------
    >>> from jbanalysis.forecast.fitting import check_levels
    >>> check_levels([95, 80])
    (80, 95)
    """
    try:
        levels = tuple(sorted({float(lv) for lv in level}))
    except (TypeError, ValueError):
        raise ValueError(
            f"interval levels must be percentages between 0 and 100; got {level!r}"
        ) from None
    if not levels or any(not 0 < lv < 100 for lv in levels):
        raise ValueError(f"interval levels must be percentages between 0 and 100; got {level!r}")
    return tuple(int(lv) if lv.is_integer() else lv for lv in levels)


def check_horizon(horizon: int) -> int:
    """Validate a forecast horizon: whole years ahead, 1 to :data:`MAX_HORIZON`.

    Examples
    --------
    >>> from jbanalysis.forecast.fitting import check_horizon
    >>> check_horizon(5)
    5
    >>> check_horizon(50)
    Traceback (most recent call last):
    ...
    ValueError: horizon 50: expected a whole number of years from 1 to 20 (a trend fitted on yearly data says little beyond that)
    """
    if (
        isinstance(horizon, bool)
        or not isinstance(horizon, int | np.integer)
        or not 1 <= horizon <= MAX_HORIZON
    ):
        raise ValueError(
            f"horizon {horizon!r}: expected a whole number of years from 1 to {MAX_HORIZON} "
            "(a trend fitted on yearly data says little beyond that)"
        )
    return int(horizon)


def level_name(kind: str, lv: float) -> str:
    """Column name of an interval bound: ``lo80``, ``hi95``, ``lo99.5``."""
    return f"{kind}{lv:g}"


def parse_model(model: ModelArg) -> tuple[str, ...] | None:
    """``"auto"`` -> None; a name -> (name,); a sequence or ``"a+b"`` -> a combination.

    Examples
    --------
    >>> from jbanalysis.forecast.fitting import parse_model
    >>> parse_model("auto") is None, parse_model("naive+theta")
    (True, ('naive', 'theta'))
    """
    if isinstance(model, str):
        if model == "auto":
            return None
        names = tuple(m.strip() for m in model.removeprefix("combo(").rstrip(")").split("+"))
    else:
        names = tuple(model)
    if not names or any(n not in MODEL_NAMES for n in names):
        raise ValueError(
            f"unknown model {model!r}; expected 'auto', one of {', '.join(MODEL_NAMES)}, "
            "or a list of them (an equal-weight combination)"
        )
    if len(set(names)) != len(names):
        raise ValueError(f"model {model!r} lists a model twice")
    return names


def model_label(names: Sequence[str]) -> str:
    """Name of a model or combination: ``drift`` or ``combo(drift+ets)``."""
    return names[0] if len(names) == 1 else f"combo({'+'.join(names)})"


def predict(
    names: Sequence[str], values: np.ndarray, horizon: int, keep: np.ndarray | None = None
) -> tuple[Predictive | Combination, str, list[str]]:
    """Fit the models ``names`` and return their (combined) distribution, detail and diagnostics."""
    fits = [fit_model(name, values, horizon, keep) for name in names]
    diagnostics = [d for f in fits for d in f.diagnostics]
    detail = " + ".join(f.label for f in fits)
    if len(fits) == 1:
        return fits[0].predictive, detail, diagnostics
    return Combination(tuple(f.predictive for f in fits)), detail, diagnostics
