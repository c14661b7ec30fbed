"""The kernel side of a report's downloads: what each chart and table showed, captured.

The chart functions of :mod:`jbanalysis.plots` and the report table helper
(:func:`jbanalysis.text.tables.table`) announce what they show (:func:`jbanalysis.shown.show`);
:func:`install_display_capture` makes :func:`record` listen to them and to every DataFrame a
cell displays. It does nothing unless ``JBANALYSIS_CAPTURE_DIR`` names a folder — which the
report run sets for each notebook — and then writes what was drawn (the data, the chart's title,
the indicator where the chart knows it, the cell's execution count and the figure number) into
that folder, one JSON file a chart or table. :func:`read_captures` (the report process) reads
them back in the order drawn.
"""

from __future__ import annotations

import itertools
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from jbanalysis.shown import RECORDED, listen

#: Environment variable naming the folder a kernel records into (set by jbanalysis.report).
CAPTURE_ENV = "JBANALYSIS_CAPTURE_DIR"


#: Kinds of capture that are charts (an image in the report); the rest are tables.
CHART_KINDS = ("lines", "bars", "coverage", "heatmap", "shares", "fan", "scatter", "map")


_counter = itertools.count(1)


_figures = itertools.count(1)


@dataclass
class Capture:
    """One chart or table as the kernel recorded it.

    Attributes
    ----------
    seq : int
        Order of recording in the notebook (from 1).
    kind : str
        ``lines``, ``bars``, ``coverage``, ``heatmap``, ``shares``, ``fan``, ``scatter``, ``map``
        (charts) or ``table``.
    data : DataFrame
        What was drawn or shown.
    title : str
        The chart's title (empty for most tables).
    indicator : str or None
        The indicator the values are of, where the chart knows it.
    year : int or None
        The year of a chart without a year axis (a map).
    cell : int or None
        Execution count of the cell that drew it.
    figure : int or None
        Which figure of the notebook it was drawn on (charts; one number a figure).
    district : str or None
        The one district a chart without a district axis is about (a fan chart).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.report.capture import Capture
    >>> Capture(1, "bars", pd.DataFrame({"value": [1.0]}), title="GDP").is_chart
    True
    """

    seq: int
    kind: str
    data: pd.DataFrame
    title: str = ""
    indicator: str | None = None
    year: int | None = None
    cell: int | None = None
    figure: int | None = None
    district: str | None = None

    @property
    def is_chart(self) -> bool:
        return self.kind in CHART_KINDS


def _folder() -> Path | None:
    folder = os.environ.get(CAPTURE_ENV)
    return Path(folder) if folder else None


def _cell() -> int | None:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return None
    shell = get_ipython()
    count = getattr(shell, "execution_count", None) if shell is not None else None
    # While a cell runs, IPython's counter is already the next cell's; the notebook records the
    # running cell's as one less (ipykernel replies execution_count - 1).
    return count - 1 if isinstance(count, int) else None


def _figure_token(figure: Any) -> int | None:
    """A number for a figure, the same for every chart drawn on it and never reused (figure
    numbers are: pyplot gives a closed figure's number to the next one)."""
    if figure is None:
        return None
    token = getattr(figure, "_jbanalysis_token", None)
    if token is None:
        token = next(_figures)
        figure._jbanalysis_token = token
    return token


def record(
    kind: str,
    data: pd.DataFrame | pd.Series,
    *,
    title: str = "",
    indicator: str | None = None,
    year: int | None = None,
    figure: Any = None,
    district: str | None = None,
) -> None:
    """Record what a chart or table shows, if ``JBANALYSIS_CAPTURE_DIR`` is set (else nothing).

    Examples
    --------
    >>> import os
    >>> import pandas as pd
    >>> import tempfile
    >>> from jbanalysis.report.capture import CAPTURE_ENV, read_captures, record
    >>> folder = tempfile.mkdtemp()
    >>> os.environ[CAPTURE_ENV] = folder
    >>> record("bars", pd.Series({"jiangbei": 15.7}, name="cagr"), title="CAGR")
    >>> [(c.kind, c.title, c.data.to_dict()) for c in read_captures(folder)]
    [('bars', 'CAGR', {'cagr': {'jiangbei': 15.7}})]
    >>> del os.environ[CAPTURE_ENV]
    >>> record("bars", pd.Series({"jiangbei": 1.0}))  # not capturing: nothing happens
    """
    folder = _folder()
    if folder is None:
        return
    frame = data.to_frame() if isinstance(data, pd.Series) else data.copy()
    frame.attrs = {}
    seq = next(_counter)
    district = district if isinstance(district, str) else None
    meta = {
        "seq": seq,
        "kind": kind,
        "title": str(title or ""),
        "indicator": indicator,
        "year": _plain(year),
        "cell": _cell(),
        "figure": _figure_token(figure),
        "district": district,
    }
    text = json.dumps({"meta": meta, "frame": _frame_to_json(frame)}, ensure_ascii=False)
    (folder / f"{seq:04d}.json").write_text(text, encoding="utf-8")


def _plain(value: Any) -> Any:
    """A JSON value: missing as null, numpy scalars as Python numbers, anything else as text.
    Floats keep every digit (``json`` writes their ``repr``)."""
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return str(value)


def _axis_to_json(axis: pd.Index) -> dict:
    return {"names": [_plain(n) for n in axis.names], "values": [_plain(v) for v in axis]}


def _axis_from_json(spec: dict) -> pd.Index:
    if len(spec["names"]) > 1:
        return pd.MultiIndex.from_tuples([tuple(v) for v in spec["values"]], names=spec["names"])
    return pd.Index(
        spec["values"], name=spec["names"][0], dtype=object if not spec["values"] else None
    )


def _frame_to_json(frame: pd.DataFrame) -> dict:
    return {
        "index": _axis_to_json(frame.index),
        "columns": _axis_to_json(frame.columns),
        "data": [[_plain(v) for v in frame.iloc[:, i].tolist()] for i in range(frame.shape[1])],
    }


def _frame_from_json(spec: dict) -> pd.DataFrame:
    index, columns = _axis_from_json(spec["index"]), _axis_from_json(spec["columns"])
    data = {i: pd.Series(values, index=index) for i, values in enumerate(spec["data"])}
    frame = pd.DataFrame(data, index=index)
    frame.columns = columns
    return frame


def install_display_capture() -> None:
    """Record every DataFrame a cell displays (the tables of a report), when capturing.

    Registers an HTML formatter for DataFrames in the running IPython kernel that records the
    frame and returns pandas' own HTML; frames already recorded (``formatting.table``) are skipped.
    Nothing happens outside a kernel or when not capturing.

    >>> from jbanalysis.report.capture import install_display_capture
    >>> install_display_capture()  # not in a report run: nothing to do
    """
    if _folder() is None:
        return
    from IPython import get_ipython

    listen(record)  # every chart and report table the kernel shows from now on
    shell = get_ipython()
    if shell is None:
        return

    def html(frame: pd.DataFrame) -> str | None:
        if not frame.attrs.get(RECORDED):
            record("table", frame)
        return frame._repr_html_()

    shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, html)


def read_captures(folder: str | Path) -> list[Capture]:
    """The captures a kernel wrote into ``folder``, in recording order.

    >>> import tempfile
    >>> from jbanalysis.report.capture import read_captures
    >>> read_captures(tempfile.mkdtemp())
    []
    """
    captures = []
    for path in sorted(Path(folder).glob("*.json")):
        payload = json.loads(path.read_text(encoding="utf-8"))
        meta = payload["meta"]
        captures.append(Capture(data=_frame_from_json(payload["frame"]), **meta))
    return captures
