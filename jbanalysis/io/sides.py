"""Tables side by side on one sheet: the same key head (地区, 指标) twice in one header row.

Reading such a sheet as one table would pair the right-hand table's values with the left-hand
table's title, or a second key column's names with the first's values; it is refused, naming
each table's columns, with advice that works: each table on a sheet or in a file of its own.
"""

from __future__ import annotations

from jbanalysis.errors import DataError
from jbanalysis.io import labels as lb
from jbanalysis.io.grid import Grid
from jbanalysis.io.header import Table

_KEYS = {"district": "district", "indicator": "indicator"}


def refuse_side_by_side(grid: Grid, roles: list, table: Table) -> None:
    """Raise if two key columns of one kind have the same head (``roles``: the column roles)."""
    for kind in _KEYS:
        heads: dict[str, list] = {}
        for r in roles:
            if r.kind == kind and r.head:
                heads.setdefault(lb.compact(r.head), []).append(r)
        same = next((rs for rs in heads.values() if len(rs) > 1), None)
        if same is None:
            continue
        starts = [r.pos for r in same]
        last = max(r.pos for r in roles)
        spans = []
        for k, start in enumerate(starts):
            end = (starts[k + 1] if k + 1 < len(starts) else last + 1) - 1
            while end > start and not any(r.pos == end for r in roles):
                end -= 1  # an empty column between the tables is no part of either
            spans.append(f"{grid.letter(start)}–{grid.letter(end)}")
        raise DataError(
            f"{len(same)} tables side by side: columns {' and '.join(spans)} each have their own "
            f"{same[0].head!r} column; the reader takes tables one below the other, not side by "
            "side: move each table to a sheet (or a CSV file) of its own and read each",
            file=grid.file,
            row=grid.row(table.head[-1]),
            column=same[1].head,
        )
