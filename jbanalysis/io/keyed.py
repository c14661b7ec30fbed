"""Each value's keys as integer codes, resolved once per distinct combination.

A value's district, year, indicator and unit depend on a handful of things: what its row says
(the key columns, the section above), what its column's heads say, what its cell says. A long
table of 228,000 values has 38 districts and 78 indicators, so the rules of
:mod:`jbanalysis.io.resolve` run on each distinct combination of what they depend on (a few
hundred at most), and the answers are carried to the cells by their codes: no pass over the
cells touches a string. The rules see the first cell of each combination, in table order, so an
error names the same cell it would name if the rules ran cell by cell (decision 20.15).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from jbanalysis.io.codes import factorize


class Field:
    """One key of every value: ``table[codes]`` (``codes == -1`` is the last entry, None)."""

    __slots__ = ("codes", "table")

    def __init__(self, codes: np.ndarray, table: np.ndarray):
        self.codes, self.table = codes, table

    @classmethod
    def of(cls, values: np.ndarray, at: np.ndarray | None = None) -> Field:
        """From one value per row (taken at the rows ``at``) or per cell."""
        codes, uniques = factorize(np.asarray(values, dtype=object))
        table = np.empty(len(uniques) + 1, dtype=object)
        table[: len(uniques)] = uniques
        return cls(codes if at is None else codes[at], table)

    @classmethod
    def per_column(cls, per: dict[int, object], cols: np.ndarray) -> Field | None:
        """From one value per column (None where no column says anything)."""
        if all(v is None for v in per.values()):
            return None
        size = max(per) + 1
        table = np.empty(size + 1, dtype=object)
        for pos, value in per.items():
            table[pos] = value
        return cls(cols.astype(np.int64), table)

    def take(self, mask: np.ndarray) -> Field:
        return Field(self.codes[mask], self.table)

    def values(self) -> np.ndarray:
        return self.table[self.codes]


class Distinct:
    """The distinct combinations of some fields over ``n`` cells: ``firsts`` (the first cell of
    each, in table order) and ``inverse`` (each cell's combination)."""

    def __init__(self, n: int, fields: list[Field | None]):
        combo = np.zeros(n, dtype=np.int64)
        size = 1
        for f in fields:
            if f is None:
                continue
            k = len(f.table)
            if size * k >= 1 << 52:
                combo, uniques = pd.factorize(combo)
                size = len(uniques)
            combo = combo * k + f.codes % k
            size *= k
        self.inverse, uniques = pd.factorize(combo)
        self.firsts = np.zeros(len(uniques), dtype=np.int64)
        self.firsts[self.inverse[::-1]] = np.arange(n - 1, -1, -1)

    def at_firsts(self, f: Field | None) -> np.ndarray | None:
        """The field's values at each combination's first cell (None: the field says nothing)."""
        return None if f is None else f.table[f.codes[self.firsts]]

    def spread(self, values: np.ndarray) -> np.ndarray:
        """Per combination → per cell."""
        return np.asarray(values)[self.inverse]
