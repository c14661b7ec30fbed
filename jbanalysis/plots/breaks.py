"""Registered series breaks on a chart: which years each line's series changes basis, and how they
are drawn — a dotted line across the plot where every line shown crosses the break, a short
dotted mark on the line itself where only some do (渝北's revenue scope, 渝中's change of
vintage).

Every mark carries a ``gid`` naming the first year of the new basis and the registered breaks
that start it (``break:2009:B02`` across the plot, ``break:yubei:2011:B16`` on one line), so a
test or a script can read what a chart draws (:func:`drawn_breaks`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from jbanalysis.metrics.matching import MIXED_VINTAGES
from jbanalysis.plots.theme import BREAK_COLOUR
from jbanalysis.registry.terms import term

#: First years of a new basis, each with the ids of the breaks that start it, or years alone.
YearBreaks = Iterable[int] | Mapping[int, Sequence[str]]
#: Breaks of a chart: the same for every line, or each line's own (keyed by column).
Breaks = YearBreaks | Mapping[str, YearBreaks]

__all__ = [
    "Breaks",
    "YearBreaks",
    "break_gid",
    "draw_breaks",
    "drawn_breaks",
    "panel_breaks",
    "series_breaks",
]


def series_breaks(
    indicator: str | Sequence[str], districts: Sequence[str], panel: pd.DataFrame | None = None
) -> dict[int, tuple[str, ...]]:
    """First years of a new basis in any of ``districts``' series of ``indicator`` (or of any of
    several indicators), each with the ids of the registered breaks that start it: the breaks a
    total, share or ratio of their values crosses.

    With ``panel``, a census year whose value is already revised starts the new basis in that
    year (:func:`jbanalysis.metrics.basis_breaks`, the one owner of that rule).

    >>> from jbanalysis.plots.breaks import series_breaks
    >>> series_breaks("fiscal_revenue", ["jiangbei"])
    {2013: ('B14',)}
    >>> series_breaks("fiscal_revenue", ["jiangbei", "yubei"])
    {2011: ('B16',), 2012: ('B22',), 2013: ('B13', 'B14')}
    """
    from jbanalysis.metrics import basis_breaks, series_vintages

    found: dict[int, set[str]] = {}
    for name in [indicator] if isinstance(indicator, str) else indicator:
        for district in districts:
            table = basis_breaks(name, district, series_vintages(panel, name, district))
            for year, break_id in zip(table["basis_year"], table["break_id"], strict=True):
                found.setdefault(int(year), set()).add(str(break_id))
    return {year: tuple(sorted(found[year])) for year in sorted(found)}


def panel_breaks(
    panel: pd.DataFrame, indicator: str, columns: Iterable[str]
) -> dict[str, dict[int, tuple[str, ...]]]:
    """Each column's own breaks (a district's series of ``indicator`` in ``panel``).

    >>> import pandas as pd
    >>> from jbanalysis.plots.breaks import panel_breaks
    >>> p = pd.DataFrame({"district": ["yubei"], "year": [2012], "indicator": ["fiscal_revenue"],
    ...                   "value": [51.8], "vintage": ["first_release"]})
    >>> panel_breaks(p, "fiscal_revenue", ["yubei", "dadukou"])
    {'yubei': {2011: ('B16',), 2012: ('B22',), 2013: ('B13',)}, 'dadukou': {}}
    """
    return {c: series_breaks(indicator, [c], panel) for c in columns}


def share_breaks(
    shares: pd.DataFrame,
    indicator: str,
    total: str | Sequence[str],
    panel: pd.DataFrame | None = None,
) -> dict[int, tuple[str, ...]]:
    """Breaks a share path crosses: those of its part (the district of ``shares``) and of its
    total — a unit's series with the vintages the share divided by (the ``vintages`` column of
    :func:`jbanalysis.metrics.share`, ``part/total``: a total matched to the city's first
    release breaks where a first release does; a share left out as mixing vintages counts
    for nothing), or every member's of a group.

    >>> import pandas as pd
    >>> from jbanalysis.plots.breaks import share_breaks
    >>> s = pd.DataFrame({"year": [2008, 2009], "district": "jiangbei", "share": [4.3, 4.9],
    ...                   "vintages": ["first_release/first_release", "first_release/revised"]})
    >>> share_breaks(s, "gdp", "chongqing")  # the city's 2009 is revised: re-levelled in 2008
    {2005: ('B01',), 2009: ('B02',), 2014: ('B03',), 2018: ('B18',), 2019: ('B04',), 2022: ('B15',), 2024: ('B05',)}
    """
    district = str(shares["district"].iloc[0])
    found: dict[int, set[str]] = {}
    if isinstance(total, str):
        own = shares[shares["district"] == district]
        if "rule" in own.columns:  # a share left out as mixing vintages is not drawn
            own = own[own["rule"] != MIXED_VINTAGES]
        used = own["vintages"].astype(str).str.partition("/")[2]
        vintages = pd.DataFrame(
            {"district": total, "indicator": indicator, "year": own["year"], "vintage": used}
        )
        vintages = vintages[vintages["vintage"] != ""]
        pieces = [
            series_breaks(indicator, [district], panel),
            series_breaks(indicator, [total], vintages),
        ]
    else:
        pieces = [series_breaks(indicator, [district, *total], panel)]
    for piece in pieces:
        for year, ids in piece.items():
            found.setdefault(year, set()).update(ids)
    return {year: tuple(sorted(found[year])) for year in sorted(found)}


def break_gid(year: int, ids: Iterable[str] = (), line: str | None = None) -> str:
    """The ``gid`` of a break mark: ``break:[<line>:]<year>[:<id>+<id>]``.

    >>> from jbanalysis.plots.breaks import break_gid
    >>> break_gid(2013, ["B13", "B14"]), break_gid(2011, ["B16"], "yubei"), break_gid(2009)
    ('break:2013:B13+B14', 'break:yubei:2011:B16', 'break:2009')
    """
    ids = sorted(set(ids))
    parts = ["break", *([line] if line else []), str(int(year))]
    return ":".join([*parts, "+".join(ids)] if ids else parts)


def drawn_breaks(ax: Axes) -> list[tuple[int, str | None, tuple[str, ...]]]:
    """The break marks ``ax`` draws: ``(first year, line or None for across the plot, ids)``.

    >>> import matplotlib.pyplot as plt
    >>> from jbanalysis.plots.breaks import break_gid, drawn_breaks
    >>> fig, ax = plt.subplots()
    >>> _ = ax.axvline(2012.5, gid=break_gid(2013, ["B14"]))
    >>> _ = ax.plot([2010.5, 2010.5], [0, 1], gid=break_gid(2011, ["B16"], "yubei"))
    >>> _ = ax.plot([2019.5, 2019.5], [0, 1], gid=break_gid(2020, ["B07"], "share: city"))
    >>> drawn_breaks(ax)
    [(2011, 'yubei', ('B16',)), (2013, None, ('B14',)), (2020, 'share: city', ('B07',))]
    >>> plt.close("all")
    """
    out = []
    for artist in ax.get_children():
        gid = artist.get_gid()
        if not isinstance(gid, str) or not gid.startswith("break:"):
            continue
        parts = gid.split(":")[1:]  # read from the right: a line's name may hold a colon
        ids = tuple(parts.pop().split("+")) if not parts[-1].isdigit() else ()
        year = int(parts.pop())
        out.append((year, ":".join(parts) or None, ids))
    return sorted(out, key=lambda b: (b[0], b[1] or ""))


def _years(breaks: YearBreaks) -> dict[int, tuple[str, ...]]:
    if isinstance(breaks, Mapping):
        return {int(y): tuple(ids) for y, ids in breaks.items()}
    return {int(y): () for y in breaks}


def _per_line(breaks: Breaks, columns: Sequence[str]) -> dict[str, dict[int, tuple[str, ...]]]:
    if isinstance(breaks, Mapping) and any(isinstance(k, str) for k in breaks):
        return {c: _years(breaks.get(c, ())) for c in columns}
    years = _years(breaks)
    return {c: years for c in columns}


def _spans(series: pd.Series, year: int) -> tuple[float, float] | None:
    """The last value before ``year`` and the first from it, if the series has both."""
    before, after = series[series.index < year].dropna(), series[series.index >= year].dropna()
    if before.empty or after.empty:
        return None
    return float(before.iloc[-1]), float(after.iloc[0])


def draw_breaks(
    ax: Axes, values: pd.DataFrame, breaks: Breaks, colours: Mapping[str, str], lang: str
) -> list[Line2D]:
    """Mark each break between the year before it and its first year; return legend handles.

    A break that every line with values on both sides of it crosses is a dotted line across the
    plot; a break of some lines only is a short dotted mark across each of those lines, in its
    colour, from its last value before the break to its first value after.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from jbanalysis.plots.breaks import draw_breaks
    >>> fig, ax = plt.subplots()
    >>> v = pd.DataFrame({"yubei": [37.0, 113.0, 42.0], "banan": [20.0, 25.0, 27.0]},
    ...                  index=[2010, 2011, 2013])
    >>> handles = draw_breaks(ax, v, {"yubei": {2011: ["B16"], 2013: ["B13"]}, "banan": [2013]},
    ...                       {"yubei": "red", "banan": "grey"}, "en")
    >>> sorted(line.get_gid() for line in ax.lines)
    ['break:2013:B13', 'break:yubei:2011:B16']
    >>> [h.get_label() for h in handles]
    ['registered series break', 'registered break of some lines only']
    >>> plt.close("all")
    """
    columns = list(values.columns)
    per_line = _per_line(breaks, columns)
    across, partial = False, False
    for year in sorted(set().union(*per_line.values())) if per_line else []:
        crossing = {c: _spans(values[c], year) for c in columns}
        crossing = {c: s for c, s in crossing.items() if s is not None}
        hit = [c for c in crossing if year in per_line[c]]
        ids = [i for c in hit for i in per_line[c][year]]
        if not hit:
            continue
        if len(hit) == len(crossing):
            ax.axvline(
                year - 0.5, color=BREAK_COLOUR, ls=":", lw=1.2, zorder=1, gid=break_gid(year, ids)
            )
            across = True
            continue
        for c in hit:
            low, high = sorted(crossing[c])
            pad = 0.04 * (np.nanmax(values.to_numpy(dtype=float)) - np.nanmin(values.to_numpy()))
            ax.plot(
                [year - 0.5, year - 0.5],
                [low - pad, high + pad],
                ls=":",
                lw=1.6,
                color=colours.get(c, BREAK_COLOUR),
                zorder=3,
                gid=break_gid(year, per_line[c][year], c),
            )
            partial = True
    handles = []
    if across:
        handles.append(
            Line2D([], [], color=BREAK_COLOUR, lw=1.2, ls=":", label=term("registered_break", lang))
        )
    if partial:
        handles.append(
            Line2D(
                [], [], color=BREAK_COLOUR, lw=1.6, ls=":", label=term("registered_break_one", lang)
            )
        )
    return handles
