"""The report side of a report's downloads: the captured charts and tables as one XLSX workbook
and as CSV files beside the HTML, every number with its provenance.

A chart's numbers are written long (one row a value: ``district``, ``year``, ``series``,
``value``) and joined with the panel by key (district, year, indicator): where the value *is* the
panel's value, the row carries its ``indicator``, ``unit``, ``source_id``, ``record``, ``vintage``
and ``flag`` (``basis`` = ``panel``); where it is computed from panel values (an index, a growth
rate, a share, a forecast) ``basis`` is ``computed`` and the chart's title says what it is. The
indicator comes from the chart where it knows it (:func:`jbanalysis.plots.indicator_lines`, a
``flags`` table, a map) and otherwise from the panel value equal to the drawn one at that key.
Tables are written as shown, unrounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from jbanalysis.report.capture import Capture

PROVENANCE = ["indicator", "unit", "source_id", "record", "vintage", "flag"]


def _district_ids(labels: Iterable) -> list[str] | None:
    """Registry ids of the labels if every one is a district (id or any name form), else None."""
    from jbanalysis.errors import UnknownNameError
    from jbanalysis.registry.districts import resolve_district

    labels = list(labels)
    ids = {}
    for value in dict.fromkeys(labels):
        if isinstance(value, bool | int | float):  # years, ranks, values: never a district here
            return None
        try:
            ids[value] = resolve_district(value)
        except (UnknownNameError, TypeError, ValueError):
            return None
    return [ids[v] for v in labels]


def _years(labels: Iterable) -> list[int] | None:
    out = []
    for value in labels:
        if isinstance(value, bool):
            return None
        try:
            year = int(value)
        except (TypeError, ValueError):
            return None
        if year != value or not 1900 <= year <= 2100:
            return None
        out.append(year)
    return out


def _long(capture: Capture) -> pd.DataFrame:
    """A chart's data as rows (district, year, series, value), whichever way round it was drawn.

    The index and the columns are each recognised as districts (registry ids or names), as years,
    or else as the series (a sector, ``median``, a share...).
    """
    frame = capture.data.copy()
    frame.index.name, frame.columns.name = "__row", "__column"
    long = frame.reset_index().melt(id_vars="__row", var_name="__column", value_name="__value")
    found = {}
    for axis in ("__row", "__column"):
        districts = _district_ids(long[axis])
        years = None if districts is not None else _years(long[axis])
        found[axis] = (districts, years)
    out = pd.DataFrame(index=long.index)
    districts = found["__row"][0] or found["__column"][0]
    if districts is None:
        districts = [capture.district or ""] * len(long)
    out["district"] = districts
    years = found["__row"][1] or found["__column"][1]
    out["year"] = pd.array(
        years if years is not None else [capture.year] * len(long), dtype="Int64"
    )
    rest = [axis for axis, (d, y) in found.items() if d is None and y is None]
    if rest == ["__column"] and frame.shape[1] == 1 and frame.columns[0] in (0, None, "value"):
        rest = []  # one unnamed column of values: no series to name
    out["series"] = long[rest].astype(str).agg(" | ".join, axis=1) if rest else ""
    out["value"] = long["__value"]
    return out


def tidy(capture: Capture, panel: pd.DataFrame) -> pd.DataFrame:
    """One capture as the sheet written: long rows with provenance for charts, as shown for tables.

    Parameters
    ----------
    capture : Capture
    panel : DataFrame
        The panel to join provenance from (:func:`jbanalysis.load_panel`).

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis import load_panel
    >>> from jbanalysis.report.capture import Capture
    >>> from jbanalysis.report.workbook import tidy
    >>> panel = load_panel(districts=["jiangbei", "yubei"], indicators="gdp", years=[2016, 2017])
    >>> drawn = pd.DataFrame({"jiangbei": [778.0091, 902.9378], "yubei": [1.0, 2.0]},
    ...                      index=pd.Index([2016, 2017], name="year"))
    >>> rows = tidy(Capture(1, "lines", drawn, title="an index"), panel)
    >>> rows[["district", "year", "value", "indicator", "flag", "basis"]].to_numpy().tolist()
    [['jiangbei', 2016, 778.0091, 'gdp', 'observed', 'panel'], ['jiangbei', 2017, 902.9378, 'gdp', 'interpolated', 'panel'], ['yubei', 2016, 1.0, '', '', 'computed'], ['yubei', 2017, 2.0, '', '', 'computed']]

    With the chart's indicator known (here from a title that is its name), a computed value
    names the input it rests on at its key:

    >>> rows = tidy(Capture(1, "lines", drawn, title="GDP"), panel)
    >>> rows.loc[2, ["indicator", "record", "basis"]].tolist()
    ['gdp', 'Sheet1!V429', 'computed']
    """
    if not capture.is_chart:
        shown = capture.data.copy()
        # the index is data (districts, years, models) unless it only numbers the rows
        numbering = shown.index.name is None and pd.api.types.is_integer_dtype(shown.index)
        shown = shown.reset_index(drop=numbering)
        shown.columns = [
            " ".join(map(str, c)) if isinstance(c, tuple) else str(c) for c in shown.columns
        ]
        return shown
    long = _long(capture)
    numeric = pd.to_numeric(long["value"], errors="coerce")
    is_number = numeric.notna() | long["value"].isna()
    keyed = (long["district"] != "") & long["year"].notna()
    hint = capture.indicator or _indicator_named(capture.title)
    # only the panel rows at the chart's keys (the panel has every indicator of every unit)
    near = panel["district"].isin(set(long.loc[keyed, "district"]))
    near &= panel["year"].isin(set(long.loc[keyed, "year"].astype("int64")))
    if hint is not None:
        near &= panel["indicator"] == hint
    candidates = panel.loc[near, ["district", "year", "indicator", "value", *PROVENANCE[1:]]]
    left = long.loc[keyed, ["district", "year"]].assign(
        __i=long.index[keyed], __v=numeric[keyed], __s=long.loc[keyed, "value"]
    )
    left["year"] = left["year"].astype("int64")
    joined = left.merge(candidates, on=["district", "year"], how="inner")
    if is_number.all():
        tolerance = 1e-9 * joined["value"].abs().clip(lower=1)
        same = (joined["value"] - joined["__v"]).abs() <= tolerance
    else:  # a coverage map: the drawn cell is the flag of the hinted indicator's value
        same = (joined["__s"].astype(str) == joined["flag"].astype(str)) & (hint is not None)
    joined = joined.assign(__same=same)
    if hint is None:  # no indicator known: only a value equal to a panel value names its source
        joined = joined[joined["__same"]]
    joined = joined[~joined["__i"].duplicated(keep=False)]  # equal to two indicators: neither
    found = joined.set_index("__i").reindex(long.index)
    gap = long["value"].isna() | (long["value"].astype(str) == "")
    out = long.copy()
    for column in PROVENANCE:
        out[column] = found[column].astype(object).where(found[column].notna() & ~gap, "")
    out["basis"] = "computed"
    out.loc[found["__same"].eq(True) & ~gap, "basis"] = "panel"
    out.loc[gap, "basis"] = "gap"
    return out


def _indicator_named(title: str) -> str | None:
    """The indicator whose registry name is exactly the chart's title (a coverage map's title)."""
    from jbanalysis.registry.indicators import load_indicators

    reg = load_indicators()
    for column in ("name_zh", "name_en"):
        match = reg.loc[reg[column] == title, "id"]
        if len(match) == 1:
            return str(match.iloc[0])
    return None


@dataclass
class Downloads:
    """The files written beside one report.

    Attributes
    ----------
    workbook : Path
        ``<report>.xlsx``: an about sheet, then one sheet per chart or table.
    folder : Path
        ``<report>_data/``: the same sheets as CSV (UTF-8 with a byte-order mark, for Excel).
    csvs : list of Path
        The CSV files, in report order.
    sheets : list of str
        The workbook's sheet names after the about sheet, in the same order.

    Examples
    --------
    >>> from jbanalysis.report.workbook import Downloads
    >>> from pathlib import Path
    >>> Downloads(Path("r/02_x_jiangbei_zh.xlsx"), Path("r/02_x_jiangbei_zh_data")).csvs
    []
    """

    workbook: Path
    folder: Path
    csvs: list[Path] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)


_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def sheet_name(number: int, title: str, kind: str) -> str:
    """An Excel sheet name (at most 31 characters, none of ``[]:*?/\\``), unique by its number.

    >>> from jbanalysis.report.workbook import sheet_name
    >>> sheet_name(3, "GDP: index", "lines")
    '03 GDP index'
    >>> sheet_name(12, "", "table")
    '12 table'
    """
    text = _SHEET_BAD.sub("", title).strip() or kind
    return f"{number:02d} {' '.join(text.split())}"[:31].rstrip()


def write_downloads(
    captures: list[Capture],
    out: Path,
    stem: str,
    *,
    panel: pd.DataFrame,
    title: str,
    vintage: str,
    lang: str,
    titles: dict[int, str] | None = None,
) -> Downloads:
    """Write ``<stem>.xlsx`` and ``<stem>_data/NN_kind.csv`` into ``out``.

    Parameters
    ----------
    captures : list of Capture
        From :func:`read_captures`, in report order; the data the report loaded (``panel``
        captures) go last.
    out : Path
        The report folder.
    stem : str
        The report's file name without ``.html`` (registry ids only).
    panel : DataFrame
        The panel provenance is joined from (:func:`loaded_panel`).
    title, vintage, lang : str
        The report's title, data vintage and language, for the about sheet.
    titles : dict, optional
        A title for a capture without one (by ``seq``), e.g. its section's heading.

    Examples
    --------
    >>> import pandas as pd
    >>> import tempfile
    >>> from jbanalysis import load_panel
    >>> from jbanalysis.report.capture import Capture
    >>> from jbanalysis.report.workbook import write_downloads
    >>> from pathlib import Path
    >>> out = Path(tempfile.mkdtemp())
    >>> chart = Capture(1, "bars", pd.DataFrame({"cagr": [15.7]}, index=["jiangbei"]), title="CAGR")
    >>> files = write_downloads([chart], out, "02_demo_jiangbei_en", panel=load_panel(indicators="gdp"),
    ...                         title="Demo", vintage="bundled data", lang="en")
    >>> files.workbook.name, [p.name for p in files.csvs], files.sheets
    ('02_demo_jiangbei_en.xlsx', ['01_bars.csv'], ['01 CAGR'])
    >>> list(pd.read_excel(files.workbook, sheet_name=None))
    ['about', '01 CAGR']
    """
    titles = titles or {}
    ordered = [c for c in captures if c.kind != "panel"] + [
        c for c in captures if c.kind == "panel"
    ]
    folder = out / f"{stem}_data"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.csv"):  # a rerun replaces, never mixes, the files
        old.unlink()
    result = Downloads(workbook=out / f"{stem}.xlsx", folder=folder)
    sheets: list[tuple[str, pd.DataFrame]] = []
    for number, capture in enumerate(ordered, 1):
        frame = tidy(capture, panel)
        name = sheet_name(number, capture.title or titles.get(capture.seq, ""), capture.kind)
        csv = folder / f"{number:02d}_{capture.kind}.csv"
        frame.to_csv(csv, index=False, encoding="utf-8-sig")
        result.csvs.append(csv)
        result.sheets.append(name)
        if capture.kind != "panel":  # the whole panel loaded is a CSV only: large, and a table
            sheets.append((name, frame))  # an analyst filters rather than reads
    _write_workbook(result.workbook, about_rows(title, vintage, lang, result.sheets), sheets)
    return result


def _write_workbook(path: Path, about: list[tuple[str, str]], sheets) -> None:
    """The workbook, streamed (openpyxl's write-only mode: several times faster than cell by
    cell, which matters because a report run must stay near its floor)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("about")
    for row in about:
        sheet.append(list(row))
    for name, frame in sheets:
        sheet = book.create_sheet(name)
        sheet.append([str(c) for c in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            sheet.append([_cell_value(v) for v in row])
    book.save(path)


def _cell_value(value: Any) -> Any:
    """A value openpyxl writes: missing as an empty cell, numpy scalars as Python numbers."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
        return None if isinstance(value, float) and value != value else value
    return value if isinstance(value, str | int | float | bool) else str(value)


def about_rows(title: str, vintage: str, lang: str, sheets: list[str]) -> list[tuple[str, str]]:
    """The about sheet: the report, its data, what the columns and ``basis`` values mean."""
    from jbanalysis.registry.terms import term

    rows = [(term("downloads_report", lang), title), (term("downloads_vintage", lang), vintage)]
    rows += [
        (name, term(_COLUMN_TERMS.get(name, f"downloads_{name}"), lang))
        for name in _COLUMNS_EXPLAINED
    ]
    rows += [(term("downloads_sheets", lang), "; ".join(sheets))]
    return rows


_COLUMN_TERMS = {"vintage": "downloads_vintage_column"}


_COLUMNS_EXPLAINED = [
    "district",
    "year",
    "series",
    "value",
    "indicator",
    "unit",
    "source_id",
    "record",
    "vintage",
    "flag",
    "basis",
]


def loaded_panel() -> pd.DataFrame:
    """The whole bundled panel (default policy), read once per data file version."""
    from jbanalysis.registry.paths import OBSERVATIONS, bundle_path

    path = bundle_path(OBSERVATIONS)
    return _panel_for(str(path), path.stat().st_mtime)


_PANELS: dict[tuple[str, float], Any] = {}


def _panel_for(path: str, mtime: float) -> pd.DataFrame:
    key = (path, mtime)
    if key not in _PANELS:
        from jbanalysis.panel.load import load_panel

        _PANELS.clear()
        _PANELS[key] = load_panel()
    return _PANELS[key]
