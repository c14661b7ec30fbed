"""What a column takes from the columns beside it (the roles' last step).

A growth, share or per-head column without a year or period of its own takes them (and the
indicator, the district) from the level column it belongs to: the nearest level on its left, else
on its right, or the newest year when it is the only such column beside several years. One
beside a column left out for a period the registry has no code for (1-2月) is left out with it.
A 上年同期 column without a period of its own is the same period as the table's dated columns
when they all share one part-year period (1-9月 | 增长 | 上年同期: Q1-Q3 of the year before).

The roles are :class:`jbanalysis.io.roles.Role` objects (not imported: roles imports this).
"""

from __future__ import annotations

import re
from dataclasses import replace

_SAME_PERIOD = re.compile(r"同期|same period", re.I)
_TIME = ("year", "relative", "period")


def _level(r) -> bool:
    return r.kind == "data" and r.facets.measure in ("", "level")


def anchors(roles: list) -> list:
    """A growth, share or per-head column takes what it lacks from the level column it belongs to."""
    roles = _same_period(roles)
    data = [r for r in roles if r.kind == "data"]
    levels = [r for r in data if _level(r)]
    measures = [r for r in data if not _level(r)]
    timeless = [r for r in measures if all(getattr(r.facets, k) is None for k in _TIME)]
    timed = [r for r in levels if any(getattr(r.facets, k) is not None for k in _TIME)]
    same = {(r.facets.indicator, r.facets.district) for r in timed}
    off = [r for r in roles if r.kind == "ignore" and r.facets.off_period]
    out = []
    for r in roles:
        if r not in measures:
            out.append(r)
            continue
        beside = [x for x in [*levels, *off] if x.pos < r.pos]
        if r in timeless and beside and max(beside, key=lambda x: x.pos) in off:
            # the growth beside 1-2月 is Jan-Feb's growth (同期): left out with it, never the year's
            head = max(beside, key=lambda x: x.pos)
            why = f"beside {head.head or head.letter!r}, of its period: {head.reason}"
            out.append(replace(r, kind="ignore", reason=why))
            continue
        anchor = None
        if r in timeless and len(timeless) == 1 and len(timed) > 1 and len(same) == 1:
            anchor = max(timed, key=_order)
        else:
            left = [x for x in levels if x.pos < r.pos]
            right = [x for x in levels if x.pos > r.pos]
            anchor = left[-1] if left else (right[0] if right else None)
        if anchor is None:
            out.append(r)
            continue
        f = r.facets
        fill = {}
        if all(getattr(f, k) is None for k in _TIME):
            fill.update({k: getattr(anchor.facets, k) for k in _TIME})
        for k in ("indicator", "district"):
            if getattr(f, k) is None and getattr(anchor.facets, k) is not None:
                fill[k] = getattr(anchor.facets, k)
        out.append(replace(r, facets=replace(f, **fill), anchor=anchor.pos))
    return out


_PERIOD_ORDER = {"Q1": 1, "H1": 2, "Q1-Q3": 3, "Y": 4, None: 4}


def _order(r) -> tuple:
    f = r.facets
    return (
        f.year or 0,
        f.relative if f.relative is not None else 0,
        _PERIOD_ORDER.get(f.period, 4),
    )


def _same_period(roles: list) -> list:
    """上年同期 with no period of its own: the period of the table's dated columns if they share
    one part-year period; beside several, left out (which period it matches is unclear)."""
    dated = {
        r.facets.period
        for r in roles
        if r.kind == "data" and r.facets.period and r.facets.relative is None
    }
    if not dated or dated == {"Y"}:
        return roles
    out = []
    for r in roles:
        f = r.facets
        if r.kind != "data" or f.relative is None or f.period or not _SAME_PERIOD.search(r.head):
            out.append(r)
        elif len(dated) == 1:
            out.append(replace(r, facets=replace(f, period=next(iter(dated)))))
        else:
            why = (
                f"the same period of the year before, beside several periods "
                f"({', '.join(sorted(dated))}): which one is unclear; say it with columns= "
                f"(e.g. {{{r.head!r}: '2023年1-9月'}})"
            )
            out.append(replace(r, kind="ignore", reason=why))
    return out
