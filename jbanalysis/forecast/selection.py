"""Model selection by backtest: every model and the best-k combination scored, and the nested score.

:func:`select_model` is for the analyst who wants to see how every model fared on a series;
``forecast(model="auto")`` makes its own, smaller choice (:mod:`~jbanalysis.forecast.choice`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from jbanalysis.forecast.evaluate import backtest_window, combine_backtest, score
from jbanalysis.forecast.models import DEFAULT_MODEL, MODEL_NAMES
from jbanalysis.forecast.options import FitOptions, fit_options
from jbanalysis.forecast.protocol import BACKTEST_HORIZON, MIN_ORIGINS_TO_SELECT
from jbanalysis.forecast.series import FitWindow, fit_window


@dataclass
class Selection:
    """Result of :func:`select_model`.

    Attributes
    ----------
    model : tuple of str
        The chosen model, or the members of the chosen combination.
    label : str
        Its name (``drift`` or ``combo(drift+ets+arima)``).
    scores : pandas.DataFrame
        :func:`score` of every candidate, best first.
    backtest : pandas.DataFrame
        The backtest rows, the combination's included.
    notes : list of str
    honest : pandas.DataFrame
        Score of choosing by backtest out of sample (:func:`honest_score`).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.forecast import Selection, select_model
    >>> s = pd.Series([100.0, 108, 115, 125, 134, 146, 155, 168, 180, 194], index=range(2010, 2020))
    >>> sel = select_model(s, horizons=1, breaks="none")
    >>> isinstance(sel, Selection), sel.scores.index[0] == sel.label
    (True, True)
    """

    model: tuple[str, ...]
    label: str
    scores: pd.DataFrame
    backtest: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    honest: pd.DataFrame = field(default_factory=pd.DataFrame)


def honest_score(frame: pd.DataFrame, candidates: Sequence[str] | None = None) -> pd.DataFrame:
    """Score of choosing by backtest, each choice made on errors known before it was used.

    At every origin ``o`` that has at least :data:`MIN_ORIGINS_TO_SELECT` earlier origins whose
    outcomes are known by ``o`` (target year <= ``o``), the candidate with the smallest MASE on
    those known errors is picked and its forecasts from ``o`` are kept. The score of the kept rows
    is what selection by backtest would have achieved out of sample (a nested backtest), unlike
    the winner's own score, which the selection has seen.

    Returns
    -------
    pandas.DataFrame
        One row (``model = "selected by backtest (nested)"``) of :func:`score`, plus ``picks``:
        the model picked at each scored origin. Empty when no origin has enough history.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.forecast import backtest, honest_score
    >>> s = pd.Series([1.0, 2, 4, 5, 7, 8, 10, 11, 13, 14], index=range(2010, 2020))
    >>> bt = backtest(s, models=["naive", "drift_level"], horizons=1, min_train=3, breaks="none")
    >>> h = honest_score(bt)
    >>> h["picks"].iloc[0], int(h["n"].iloc[0])
    ('2015: drift_level; 2016: drift_level; 2017: drift_level; 2018: drift_level', 4)
    """
    ok = frame[frame["status"] == "ok"]
    names = list(candidates or dict.fromkeys(ok["model"]))
    origins = sorted(ok["origin"].unique())
    kept, picks = [], []
    for o in origins:
        known = ok[(ok["year"] <= o) & ok["model"].isin(names)]
        if known["origin"].nunique() < MIN_ORIGINS_TO_SELECT:
            continue
        mase = score(known)["MASE"].dropna()
        if mase.empty:
            continue
        order = {m: i for i, m in enumerate(names)}
        best = min(mase.index, key=lambda m: (mase[m], order.get(m, len(order))))
        kept.append(frame[(frame["origin"] == o) & (frame["model"] == best)])
        picks.append(f"{o}: {best}")
    if not kept:
        return pd.DataFrame()
    rows = pd.concat(kept, ignore_index=True).assign(model="selected by backtest (nested)")
    out = score(rows)
    out["picks"] = "; ".join(picks)
    return out


def select_window(
    window: FitWindow,
    horizons: int | Iterable[int] = BACKTEST_HORIZON,
    min_train: int | None = None,
    k: int = 3,
    level: Iterable[float] = (80, 95),
    models: str | Sequence[str] = "all",
) -> Selection:
    """Model selection on an already chosen fitting window (see :func:`select_model`)."""
    bt = backtest_window(window, models, horizons, min_train, level)
    singles = score(bt)
    order = {name: i for i, name in enumerate(MODEL_NAMES)}
    ranked = sorted(singles.index, key=lambda m: (singles.at[m, "MASE"], order[m]))
    ranked = [m for m in ranked if np.isfinite(singles.at[m, "MASE"])]
    frames = [bt]
    if k >= 2 and len(ranked) >= 2:
        members = ranked[: min(k, len(ranked))]
        # keep the members in the order of simplicity: a stable, readable name
        members = sorted(members, key=order.__getitem__)
        frames.append(combine_backtest(bt, members))
    full = pd.concat(frames, ignore_index=True)
    full.attrs = bt.attrs
    scores = score(full)
    candidates = [m for m in scores.index if np.isfinite(scores.at[m, "MASE"])]
    if not candidates:
        raise ValueError("no model could be scored: every backtest forecast failed")
    rank = {m: i for i, m in enumerate(scores.index)}  # singles in simplicity order, combo last
    scores = scores.loc[sorted(scores.index, key=lambda m: (scores.at[m, "MASE"], rank[m]))]
    n_origins = int(full["origin"].nunique())
    span = f"{full['origin'].min()}–{full['origin'].max()}"
    honest = honest_score(full, [m for m in scores.index if m in candidates])
    if n_origins < MIN_ORIGINS_TO_SELECT:
        best = DEFAULT_MODEL if DEFAULT_MODEL in candidates else candidates[0]
        why = (
            f"only {n_origins} backtest origin(s) ({span}): too few to choose a model by its "
            f"errors (at least {MIN_ORIGINS_TO_SELECT}); the default model {best} is used"
        )
    else:
        best = min(candidates, key=lambda m: (scores.at[m, "MASE"], rank[m]))
        why = (
            f"model chosen by backtest MASE over {n_origins} origins ({span}): {best} "
            f"(MASE {scores.at[best, 'MASE']:.3f})"
        )
        if len(honest):
            why += (
                f"; choosing this way scored MASE {honest['MASE'].iloc[0]:.3f} on origins it "
                "had not seen (nested backtest)"
            )
    names = tuple(best.removeprefix("combo(").rstrip(")").split("+"))
    notes = [*bt.attrs["notes"], why]
    return Selection(names, best, scores, full, notes, honest)


def select_model(
    series: pd.Series,
    horizons: int | Iterable[int] = BACKTEST_HORIZON,
    min_train: int | None = None,
    k: int = 3,
    level: Iterable[float] = (80, 95),
    *,
    models: str | Sequence[str] = "all",
    options: FitOptions | None = None,
    **fit,
) -> Selection:
    """Compare models by backtest MASE; the best-``k`` combination competes too.

    Every eligible model is backtested (:func:`backtest`); the ``k`` best by MASE are combined
    with equal weights (:func:`combine_backtest`) and the combination is scored alongside. Ties
    go to the simpler model. With fewer than :data:`MIN_ORIGINS_TO_SELECT` origins nothing is
    chosen: the default model is named. The winner's own score has been seen by the choice, so
    ``Selection.honest`` also scores the choice made at each origin from earlier errors only
    (:func:`honest_score`). ``forecast(model="auto")`` does not pick freely among these: see
    :func:`choose_model`.

    Returns
    -------
    Selection

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.forecast import select_model
    >>> s = pd.Series([100.0, 108, 115, 125, 134, 146, 155, 168, 180, 194], index=range(2010, 2020))
    >>> sel = select_model(s, breaks="none", models=["naive", "recent_drift", "drift_level"])
    >>> sel.label
    'recent_drift'
    >>> sel.scores[["n", "MASE"]].round(3)
                                            n   MASE
    model
    recent_drift                           12  0.493
    drift_level                            12  0.559
    combo(naive+recent_drift+drift_level)  12  1.142
    naive                                  12  2.388
    """
    window = fit_window(series, fit_options(options, "select_model", **fit))
    return select_window(window, horizons, min_train, k, level, models)
