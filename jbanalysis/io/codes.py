"""Columns of Python objects as integer codes, cheaply: the reader's key columns hold a few
distinct labels repeated over every row (38 districts, 78 indicators, one long note), and each
pass over them as strings costs what hashing every string costs.

pandas' C reader already makes one Python object per distinct string of a chunk, and the reader
builds its per-cell arrays as ``uniques[codes]``, so the same label is mostly the same object.
:func:`factorize` therefore groups cells by object identity first (the array's pointers, read as
integers: one pass in C, no string touched) and then merges the few distinct objects by value —
the same codes and uniques, in the same order, as ``pandas.factorize`` of the values (decision
20.15). Everything else here is built on it: missing marks, mappings and categoricals computed
once per distinct label and carried to the cells by their codes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


class _Pointers:
    """The pointers of a contiguous object array as an integer array (numpy's array interface);
    the object array is kept alive as long as the view."""

    def __init__(self, values: np.ndarray):
        self.values = values
        self.__array_interface__ = {
            "shape": values.shape,
            "typestr": np.dtype(np.intp).str,
            "data": (values.__array_interface__["data"][0], True),
            "version": 3,
        }


def factorize(values, use_na_sentinel: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """``pandas.factorize`` of ``values`` (codes, uniques), by identity first for objects.

    >>> a = np.array(["江北区", "渝中区", "江北区", None], dtype=object)
    >>> codes, uniques = factorize(a)
    >>> codes.tolist(), uniques.tolist()
    ([0, 1, 0, -1], ['江北区', '渝中区'])
    >>> factorize(np.array(["a", "".join(["a"])], dtype=object))[0].tolist()  # equal, not same
    [0, 0]
    """
    if isinstance(values, pd.Series | pd.Index):
        values = values.to_numpy()
    values = np.asarray(values)
    if values.dtype != object or values.ndim != 1:
        codes, uniques = pd.factorize(values, use_na_sentinel=use_na_sentinel)
        return np.asarray(codes), np.asarray(uniques, dtype=values.dtype)
    values = np.ascontiguousarray(values)
    id_codes, ids = pd.factorize(np.asarray(_Pointers(values)))  # in order of first appearance
    if len(ids) * 4 > len(values):  # mostly distinct objects: nothing to gain
        codes, uniques = pd.factorize(values, use_na_sentinel=use_na_sentinel)
        return np.asarray(codes), np.asarray(uniques, dtype=object)
    first = np.empty(len(ids), dtype=np.int64)
    first[id_codes[::-1]] = np.arange(len(values) - 1, -1, -1)
    merged, uniques = pd.factorize(values[first], use_na_sentinel=use_na_sentinel)
    return np.asarray(merged)[id_codes], np.asarray(uniques, dtype=object)


def isna(values) -> np.ndarray:
    """``pandas.isna`` of an object array, judged once per distinct object."""
    values = np.asarray(values)
    if values.dtype != object:
        return np.asarray(pd.isna(values))
    codes, _ = factorize(values)
    return codes < 0


def mapped(values, fn, dtype=object) -> np.ndarray:
    """``fn`` of each distinct value, carried to every cell (missing cells give ``fn(None)``)."""
    codes, uniques = factorize(values)
    table = np.array([*(fn(u) for u in uniques), fn(None)], dtype=dtype)
    return table[codes]


def categorical(values) -> pd.Categorical:
    """A categorical of ``values`` (missing cells missing), without hashing every string."""
    if isinstance(values, str):
        raise TypeError("a constant needs its length")
    codes, uniques = factorize(values)
    return pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object))
