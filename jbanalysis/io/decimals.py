"""The decimal separator of a table, told from numbers that can be read only one way.

``1325,4`` and ``1.325,40`` can only have a decimal comma, ``1,325.4`` only a decimal point; a
table with both, or ``1,325`` in a ``;``-separated file with no other evidence, is an error asking
for ``decimal=``. A comma that is not a thousands separator is never dropped.
"""

from __future__ import annotations

import re

import pandas as pd

from jbanalysis.errors import DataError
from jbanalysis.io.grid import Grid
from jbanalysis.io.numbers import decimal_evidence


def choose_decimal(grid: Grid, raw: pd.Series) -> str:
    """``,`` when numbers can only be read with a decimal comma (``1325,4``), else ``.``."""
    values = raw.to_numpy(dtype=object)
    if grid.kind == "csv":
        hit = ["," in v for v in values]
        if grid.separator == ";":
            hit = [h or "." in v for h, v in zip(hit, values, strict=True)]
    else:
        hit = [isinstance(v, str) and ("," in v or "." in v) for v in values]
    texts = raw[hit]
    if not len(texts):
        return "."
    seen: dict[str, str] = {}
    for text in pd.unique(texts.astype(str))[:5000]:
        ev = decimal_evidence(text)
        if ev and ev not in seen:
            seen[ev] = text
    if len(seen) == 2:
        raise DataError(
            f"numbers written two ways: {seen[',']!r} (decimal comma) and "
            f"{seen['.']!r} (decimal point); pass decimal=',' or decimal='.'",
            file=grid.file,
        )
    if "," in seen:
        grid.notes.append(f"decimal comma (numbers such as {seen[',']!r})")
        return ","
    if grid.separator == ";":
        ambiguous = [
            t
            for t in pd.unique(texts.astype(str))[:50]
            if re.fullmatch(r"\d{1,3}[.,]\d{3}", t.strip())
        ]
        if ambiguous:
            raise DataError(
                f"{ambiguous[0]!r} in a ';'-separated file could be a decimal or a thousands "
                "separator; pass decimal=',' or decimal='.'",
                file=grid.file,
            )
    return "."
