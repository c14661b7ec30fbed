"""The path of a series, not its end points: where a direction word is true.

"Rose from a to b" is true of a stretch when the series never falls along it by more than a
tolerance (so a is its low and b its high); "fell" when it never rises by more. :func:`segments`
cuts a series at its largest reversals until every piece is such a stretch, so a sentence can say
"fell to 0.156 in 2011, then rose 62 % to 0.253" instead of comparing only the end points. The
tolerance is the larger of the rounding the sentence prints and a tenth of the series' range
(:data:`MATERIAL_SHARE`): a reversal smaller than that is noise for a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from jbanalysis.metrics._checks import as_year_series

__all__ = [
    "MATERIAL_SHARE",
    "Segment",
    "SeriesPath",
    "direction_of",
    "segments",
    "series_path",
    "turn_tolerance",
]


@dataclass(frozen=True)
class Segment:
    """A stretch of a series over which one direction word is true.

    Attributes
    ----------
    start, end : int
        First and last year.
    start_value, end_value : float
    direction : {"up", "down", "flat"}
        ``up``: ``start_value`` is the lowest and ``end_value`` the highest value of the stretch
        (within the tolerance); ``down`` the reverse; ``flat``: no move beyond the tolerance.

    Examples
    --------
    >>> from jbanalysis.metrics import Segment
    >>> s = Segment(2011, 2020, 0.156, 0.253, "up")
    >>> round(s.change_pct, 1)
    62.2
    """

    start: int
    end: int
    start_value: float
    end_value: float
    direction: str

    @property
    def change(self) -> float:
        """end - start, in the unit of the series."""
        return self.end_value - self.start_value

    @property
    def change_pct(self) -> float:
        """Relative change in percent: 100 (end / start - 1)."""
        return 100.0 * (self.end_value / self.start_value - 1.0)


def _reversals(v: np.ndarray) -> tuple[float, int, int, float, int, int]:
    """Largest fall (from a running high) and largest rise (from a running low), with positions."""
    fall = rise = 0.0
    fall_at = rise_at = (0, 0)
    high_i = low_i = 0
    for j in range(1, len(v)):
        if v[j] > v[high_i]:
            high_i = j
        if v[j] < v[low_i]:
            low_i = j
        if v[high_i] - v[j] > fall:
            fall, fall_at = float(v[high_i] - v[j]), (high_i, j)
        if v[j] - v[low_i] > rise:
            rise, rise_at = float(v[j] - v[low_i]), (low_i, j)
    return fall, *fall_at, rise, *rise_at


def direction_of(values: pd.Series, tolerance: float = 0.0) -> str:
    """``up``, ``down``, ``flat`` or ``mixed`` for one stretch of a series (in year order).

    ``up`` when the last value is above the first and the series never falls along the way by
    more than ``tolerance`` (so the first is the low and the last the high, within it); ``down``
    the reverse; ``flat`` when nothing moves beyond ``tolerance``; else ``mixed``.

    >>> import pandas as pd
    >>> from jbanalysis.metrics import direction_of
    >>> direction_of(pd.Series([1.0, 0.9999, 2.0, 3.0]), tolerance=0.001)
    'up'
    >>> direction_of(pd.Series([1.0, 5.0, 4.0, 6.0]), tolerance=0.5)
    'mixed'
    """
    v = values.dropna().to_numpy(dtype=float)
    if len(v) < 2 or v.max() - v.min() <= tolerance:
        return "flat"
    fall, _, _, rise, _, _ = _reversals(v)
    if v[-1] > v[0] and fall <= tolerance:
        return "up"
    if v[-1] < v[0] and rise <= tolerance:
        return "down"
    return "mixed"


#: A reversal smaller than this share of the series' range (max - min) is not a turn.
MATERIAL_SHARE = 0.1


def turn_tolerance(
    series: pd.Series, tolerance: float = 0.0, material: float = MATERIAL_SHARE
) -> float:
    """The smallest move that counts as a turn.

    .. math:: \\tau = \\max(t, \\; m \\, (\\max x - \\min x))

    Parameters
    ----------
    series : Series
        The values of the path.
    tolerance : float
        :math:`t`, the rounding a sentence prints (a move it cannot show is no turn).
    material : float, default MATERIAL_SHARE
        :math:`m`, the share of the series' range below which a move is not material.

    Returns
    -------
    float

    Examples
    --------
    :math:`\\max(0.0005, 0.1 \\times (0.298 - 0.156)) = 0.0142`:

    >>> import pandas as pd
    >>> from jbanalysis.metrics import turn_tolerance
    >>> turn_tolerance(pd.Series([0.298, 0.156, 0.253]), 0.0005)
    0.0142
    """
    values = series.dropna().to_numpy(dtype=float)
    spread = float(values.max() - values.min()) if len(values) else 0.0
    return round(max(float(tolerance), material * spread), 12)


def segments(
    series: pd.Series,
    tolerance: float = 0.0,
    max_segments: int = 8,
    material: float = MATERIAL_SHARE,
) -> list[Segment]:
    """Cut a series at its turning points until each piece has one true direction.

    A piece whose :func:`direction_of` is ``mixed`` is cut at its interior extreme when that lies
    beyond both ends by more than the tolerance, else where its largest reversal against the net
    direction (a fall in a rising piece, a rise in a falling one) starts; the pieces are cut again
    until none is mixed or ``max_segments`` is reached. Missing years are skipped (the segment runs from
    one value to the next).

    Parameters
    ----------
    series : Series indexed by year
    tolerance : float
        Moves up to this size (in the unit of the series) are not turns; pass the rounding the
        sentence prints (e.g. 0.0005 for three decimals).
    max_segments : int
        Stop cutting here; the caller says "fluctuated" when a piece is still ``mixed``.
    material : float, default 0.1
        Nor are reversals smaller than this share of the series' range (:func:`turn_tolerance`):
        a blip of 0.0007 in a σ that falls by 0.14 does not make "fell" untrue.

    Returns
    -------
    list of Segment
        In year order; ``direction`` is ``mixed`` only for a piece left uncut.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import segments
    >>> sigma = pd.Series([0.298, 0.2988, 0.156, 0.2, 0.19, 0.253],
    ...                   index=[2005, 2008, 2011, 2014, 2017, 2020])
    >>> [(s.start, s.end, s.direction) for s in segments(sigma, 0.0005)]
    [(2005, 2011, 'down'), (2011, 2020, 'up')]
    >>> [s.direction for s in segments(sigma, 0.0005, material=0.0)]
    ['up', 'down', 'up', 'down', 'up']
    """
    values = as_year_series(series.dropna(), "series").sort_index()
    if len(values) < 2:
        return []
    tolerance = turn_tolerance(values, tolerance, material)
    pieces = [(0, len(values) - 1)]
    while len(pieces) < max_segments:
        mixed = [
            i
            for i, (a, b) in enumerate(pieces)
            if direction_of(values.iloc[a : b + 1], tolerance) == "mixed"
        ]
        if not mixed:
            break
        i = mixed[0]
        a, b = pieces[i]
        v = values.iloc[a : b + 1].to_numpy(dtype=float)
        inner_v = v[1:-1]
        over = float(inner_v.max() - max(v[0], v[-1]))
        under = float(min(v[0], v[-1]) - inner_v.min())
        if max(over, under) > tolerance:
            # an interior high above both ends (or low below both) is a turning point
            cut = a + 1 + int(inner_v.argmax() if over >= under else inner_v.argmin())
        else:
            # else the largest reversal against the net direction: cut where it starts, or
            # where it ends when it starts the piece
            fall, f0, f1, rise, r0, r1 = _reversals(v)
            against_fall = v[-1] > v[0] or (v[-1] == v[0] and fall >= rise)
            ends = (f0, f1) if against_fall else (r0, r1)
            cut = a + next(k for k in ends if 0 < k < len(v) - 1)
        # a piece of two values is never mixed, so a mixed piece has an interior to cut at
        pieces[i : i + 1] = [(a, cut), (cut, b)]
    out = []
    for a, b in pieces:
        stretch = values.iloc[a : b + 1]
        out.append(
            Segment(
                int(values.index[a]),
                int(values.index[b]),
                float(values.iloc[a]),
                float(values.iloc[b]),
                direction_of(stretch, tolerance),
            )
        )
    return out


@dataclass(frozen=True)
class SeriesPath:
    """A series' path in words-ready form: its segments, extremes and the years without a value.

    Attributes
    ----------
    segments : list of Segment
        :func:`segments` of the values.
    low_year, high_year : int or None
        Years of the lowest and the highest value.
    low, high : float
    gaps : tuple of int
        Years between the first and the last value that have none.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics import series_path
    >>> p = series_path(pd.Series([4.0, None, 5.5], index=[2010, 2011, 2012]), digits=1)
    >>> [s.direction for s in p.segments], p.gaps, p.fluctuates
    (['up'], (2011,), False)
    """

    segments: list[Segment]
    low_year: int | None
    high_year: int | None
    low: float
    high: float
    gaps: tuple[int, ...]
    max_described: int = 4

    @property
    def fluctuates(self) -> bool:
        """Too many turns (or a piece left mixed) to describe segment by segment."""
        return len(self.segments) > self.max_described or any(
            s.direction == "mixed" for s in self.segments
        )


def series_path(series: pd.Series, digits: int = 1, max_described: int = 4) -> SeriesPath:
    """The path of a series as a sentence prints it with ``digits`` decimals.

    Tolerance half a unit of the last printed digit (a move the sentence cannot show is no turn),
    and :data:`MATERIAL_SHARE` of the range (:func:`turn_tolerance`).

    >>> import pandas as pd
    >>> from jbanalysis.metrics import series_path
    >>> p = series_path(pd.Series([0.298, 0.156, 0.253], index=[2005, 2011, 2020]), digits=3)
    >>> [(s.start, s.end, s.direction) for s in p.segments]
    [(2005, 2011, 'down'), (2011, 2020, 'up')]
    """
    values = as_year_series(series.dropna(), "series").sort_index()
    if values.empty:
        nan = float("nan")
        return SeriesPath([], None, None, nan, nan, (), max_described)
    parts = segments(values, 0.5 * 10.0 ** (-digits))
    first, last = int(values.index.min()), int(values.index.max())
    gaps = tuple(
        y for y in range(first, last + 1) if y not in values.index or pd.isna(series.get(y))
    )
    return SeriesPath(
        parts,
        int(values.idxmin()),
        int(values.idxmax()),
        float(values.min()),
        float(values.max()),
        gaps,
        max_described,
    )
