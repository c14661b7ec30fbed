"""One options object for the fitting window: which years a model is fitted on, and what the series is.

Every forecasting door — :func:`~jbanalysis.forecast.forecast`,
:func:`~jbanalysis.forecast.backtest`, :func:`~jbanalysis.forecast.select_model`,
:func:`~jbanalysis.forecast.target_check` and :func:`~jbanalysis.forecast.fit_window` itself —
chooses its window the same way, from the same eight settings. They are declared, defaulted and
checked once, here, as the fields of :class:`FitOptions`; each door takes an ``options=`` object
and also the fields as keywords (``forecast(s, breaks="none")``), which override the object's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from jbanalysis.forecast.breaks import ON_BREAK

#: What a missing year inside the span does: the models step over it (default: the change across
#: it counts as equal yearly changes, nothing is filled), the window narrows to the years after
#: it, or it is an error naming it (``"last_stretch"`` is the old name of ``"narrow"``).
GAPS = ("step", "narrow", "error", "last_stretch")

#: The fields that describe a choice of window (the rest describe the series itself).
CHOICES = ("breaks", "gaps", "on_break")


@dataclass(frozen=True, eq=False)
class FitOptions:
    """How the years a model is fitted on are chosen, and what the series is.

    Parameters
    ----------
    breaks : {"known", "none"} or iterable of int
        ``"known"`` (default): the registered breaks of the series (``data/breaks.csv``, by
        indicator and district); ``"none"``; or the first years of a new statistical basis.
    gaps : {"step", "narrow", "error", "last_stretch"}
        A missing year inside the span: the models step over it (default; the change across the
        gap counts as equal yearly changes), the window narrows to the years after it, or it is
        an error naming it. Nothing is ever filled in the data or the results.
    on_break : {"adjust", "cut"}
        Keep the years before a break, re-levelled onto the newest basis (default), or fit on the
        stretch since the last break only (:mod:`jbanalysis.forecast.breaks`).
    indicator, district : str, optional
        Ids of the series, to find its registered breaks.
    vintages, flags : pandas.Series or mapping of year to str, optional
        The panel's ``vintage`` and ``flag`` by year: vintages place the census breaks, flags are
        named in the notes.
    ratios : mapping of int to float, optional
        Overlap ratios (new / old value of the same year) by break year, where both vintages of
        a census year exist.
    domain : str or (float, float), optional
        The values the series can take (``"[0, inf)"``, ``"[0, 100]"``, or a pair); default: the
        indicator's (``data/indicators.csv``), unbounded for a series of no indicator.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.forecast import FitOptions, forecast
    >>> s = pd.Series([100.0, 104, 106, 111, 113], index=range(2018, 2023))
    >>> plain = FitOptions(breaks="none")
    >>> forecast(s, horizon=1, model="naive", options=plain, calibrate=False)["median"].tolist()
    [113.0]
    >>> plain.replace(gaps="error").gaps, plain.breaks
    ('error', 'none')
    >>> FitOptions(gaps="fill")
    Traceback (most recent call last):
    ...
    ValueError: gaps='fill' is not understood; expected one of step, narrow, error, last_stretch
    """

    breaks: str | Iterable[int] = "known"
    gaps: str = "step"
    on_break: str = "adjust"
    indicator: str | None = None
    district: str | None = None
    vintages: pd.Series | Mapping[int, str] | None = None
    flags: pd.Series | Mapping[int, str] | None = None
    ratios: Mapping[int, float] | None = None
    domain: str | tuple[float, float] | None = None

    def __post_init__(self) -> None:
        if self.gaps not in GAPS:
            raise ValueError(
                f"gaps={self.gaps!r} is not understood; expected one of {', '.join(GAPS)}"
            )
        if self.on_break not in ON_BREAK:
            raise ValueError(
                f"on_break={self.on_break!r} is not understood; expected one of "
                f"{', '.join(ON_BREAK)}"
            )
        if isinstance(self.breaks, str) and self.breaks not in ("known", "none"):
            raise ValueError(
                f"breaks={self.breaks!r} is not understood; expected 'known', 'none' or a list "
                "of years"
            )

    def replace(self, **fit) -> FitOptions:
        """A copy with some fields changed (unknown names are an error naming the known ones)."""
        return fit_options(self, "FitOptions.replace", **fit)


FIELDS = tuple(f.name for f in dataclasses.fields(FitOptions))


def fit_options(
    options: FitOptions | None = None,
    door: str = "forecast",
    allowed: Iterable[str] = FIELDS,
    **fit,
) -> FitOptions:
    """The options of one call: ``options`` (default ``FitOptions()``) with ``fit`` applied.

    ``door`` names the function in the error for a keyword it does not take; ``allowed`` limits
    the keywords (a panel door reads the series' own fields from the panel).

    Examples
    --------
    >>> from jbanalysis.forecast.options import fit_options
    >>> fit_options(breaks="none").breaks
    'none'
    >>> fit_options(brakes="none")
    Traceback (most recent call last):
    ...
    TypeError: forecast() got an unexpected keyword argument 'brakes'; the fit-window keywords are breaks, gaps, on_break, indicator, district, vintages, flags, ratios, domain
    """
    allowed = tuple(allowed)
    unknown = [name for name in fit if name not in allowed]
    if unknown:
        raise TypeError(
            f"{door}() got an unexpected keyword argument {unknown[0]!r}; the fit-window "
            f"keywords are {', '.join(allowed)}"
        )
    if options is None:
        options = FitOptions()
    elif not isinstance(options, FitOptions):
        raise TypeError(
            f"{door}(): options must be a FitOptions, got {type(options).__name__} "
            f"{options!r}; pass the fit-window settings as keywords (breaks='none') or as "
            "options=FitOptions(breaks='none')"
        )
    return dataclasses.replace(options, **fit) if fit else options
