"""``read_table``: a user's table (CSV or XLSX) into validated long observations."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError, UnknownNameError
from jbanalysis.io import labels as lb
from jbanalysis.io.account import ReadReport
from jbanalysis.io.files import TEXT_SUFFIXES, WORKBOOK_SUFFIXES, read_text, sniff_kind
from jbanalysis.io.grid import Grid, MissingFormula
from jbanalysis.io.numbers import CellError, decimal_evidence, parse_column
from jbanalysis.io.structure import Column, content, find_layout, row_indicator
from jbanalysis.names import normalise
from jbanalysis.registry.districts import resolve_district
from jbanalysis.registry.harmonise import harmonise
from jbanalysis.registry.indicators import (
    growth_of,
    load_indicators,
    load_units,
    resolve_indicator,
    resolve_unit,
)
from jbanalysis.registry.schema import OBSERVATION_COLUMNS, YEAR_RANGE

LAYOUTS = (
    "auto",
    "long",
    "indicators",
    "districts_rows",
    "districts_cols",
    "indicator_years",
    "indicator_rows",
    "indicator_districts",
    "years_indicators",
)
HAS_PERIOD = "period" in OBSERVATION_COLUMNS


def read_table(
    path: str | Path,
    source_id: str = "user",
    *,
    indicator: str | None = None,
    unit: str | None = None,
    year: int | None = None,
    district: str | None = None,
    layout: str = "auto",
    sheet: str | int | None = None,
    encoding: str | None = None,
    decimal: str = "auto",
    vintage: str = "unknown",
    source_kind: str = "user",
    accept_implausible: bool = False,
    ignore_columns: tuple[str, ...] | list[str] = (),
    reference: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Read a CSV or XLSX table of district figures into long observations, or say why not.

    Parameters
    ----------
    path : str or Path
    source_id : str
        Name of this source in the result (its rows' ``source_id``).
    indicator, unit, year, district : optional
        What the table does not say itself: the indicator of a one-indicator table, the unit
        where no column, header or ``单位：`` line gives one, the year of a one-year table (or
        the one year to take from a table of several), the district of a one-district bulletin.
        Where the table says otherwise, that is an error, not a choice.
    layout : str
        ``auto`` (detected) or the layout you expect (``long``, ``indicators``,
        ``districts_rows``, ``districts_cols``, ``indicator_years``, ``indicator_rows``,
        ``indicator_districts``, ``years_indicators``); a different table is an error.
    sheet, encoding : optional
        The sheet of a workbook (name or 0-based position; default the active visible sheet);
        the text encoding of a CSV (default: detected).
    decimal : ``auto``, ``"."`` or ``","``
        The decimal separator (``auto``: told from numbers that can be read only one way).
    vintage, source_kind : str
        Recorded on every row (the panel's selection policy ranks them).
    accept_implausible : bool
        Keep values 30× or more away from the bundled value of the same series (by default an
        error naming the likely unit mix-up).
    ignore_columns : list of str
        Columns to leave out (reported), e.g. a 排名 column.
    reference : DataFrame, optional
        Observations to judge the size of each value by (``accept_implausible``);
        :func:`jbanalysis.read_table` passes the bundled ones. ``None``: no size check.

    Returns
    -------
    DataFrame
        The observation columns of :func:`jbanalysis.load_observations` (canonical ids and
        units; ``published_value``/``published_unit`` as written). ``attrs["report"]`` is a
        :class:`ReadReport`: rows in = rows used + rows rejected, with reasons.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "gdp.csv").write_text(
    ...     "地区,2021年,2022年\\n江北区,\\"1,507.07\\",１６０２．７６\\n渝中区,1517.7,—\\n合计,3024.77,\\n",
    ...     encoding="gbk")
    >>> obs = read_table(folder / "gdp.csv", indicator="gdp", unit="亿元")
    >>> obs[["district", "year", "value", "unit"]].to_numpy().tolist()
    [['jiangbei', 2021, 1507.07, 'cny_100m'], ['jiangbei', 2022, 1602.76, 'cny_100m'], ['yuzhong', 2021, 1517.7, 'cny_100m']]
    >>> print(obs.attrs["report"])
    gdp.csv: districts_rows table (gb18030): 3 rows in = 2 used + 1 rejected; 3 values, 1 missing cells (not zero)
      row 4: rejected: total row '合计' (excluded, not summed in)
    """
    path = Path(path)
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {', '.join(LAYOUTS)}")
    if decimal not in ("auto", ".", ","):
        raise ValueError(f"decimal must be 'auto', '.' or ',', not {decimal!r}")
    grid = _read_grid(path, encoding, sheet)
    report = ReadReport(
        file=path.name, encoding=grid.encoding, sheet=grid.sheet, notes=list(grid.notes)
    )
    reader = _Reader(grid, report, indicator, unit, year, district, decimal, ignore_columns)
    cells = reader.run()
    table = _finish(
        cells, grid, report, source_id, vintage, source_kind, accept_implausible, reference
    )
    if layout != "auto" and report.layout != layout:
        raise DataError(
            f"the table is laid out as {report.layout!r}, not {layout!r} (layout=)", file=path
        )
    table.attrs["report"] = report
    return table


def _read_grid(path: Path, encoding, sheet) -> Grid:
    if not path.is_file():
        raise DataError("no such file", file=path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES + WORKBOOK_SUFFIXES + (".xls",):
        raise DataError(
            f"unsupported file type {suffix!r}; expected .csv, .tsv, .txt or .xlsx", file=path
        )
    if path.stat().st_size == 0:
        raise DataError("the file is empty (0 bytes)", file=path)
    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
    kind = sniff_kind(path, head)
    convert = (
        "save it as .xlsx (Excel: File > Save As > Excel Workbook; LibreOffice: File > Save As > "
        "Excel 2007-365) or as CSV UTF-8, and read that"
    )
    named = f" named {suffix}" if suffix != ".xls" else ""
    if kind == "xls":
        raise DataError(
            f"an Excel 97-2003 workbook (.xls){named}: jbanalysis reads .xlsx and CSV; {convert}",
            file=path,
        )
    if kind == "encrypted":
        raise DataError(
            "a password-protected workbook: save a copy without a password and read that",
            file=path,
        )
    if kind == "html":
        raise DataError(
            f"an HTML page named {suffix}, not a table file (web 'export to Excel' often writes HTML): "
            f"open it in Excel and {convert}",
            file=path,
        )
    if kind == "pdf":
        raise DataError(
            "a PDF: copy the table into a spreadsheet and save it as .xlsx or CSV", file=path
        )
    if kind == "zip":
        raise DataError(
            "a zip archive, not an Excel workbook (it has no xl/workbook.xml)", file=path
        )
    if kind == "xlsx":
        from jbanalysis.io.workbook import read_workbook

        grid = read_workbook(path, sheet)
        if suffix not in WORKBOOK_SUFFIXES:
            grid.notes.insert(0, f"an Excel workbook named {suffix}: read as a workbook")
        return grid
    if suffix in (*WORKBOOK_SUFFIXES, ".xls"):
        raise DataError(
            f"cannot read the workbook: the file is plain text, not an Excel workbook "
            f"(a CSV named {suffix}?); rename it .csv",
            file=path,
        )
    if sheet is not None:
        raise DataError("sheet= is for workbooks; this is a text file", file=path)
    return read_text(path, encoding)


# --- the reader: one table ---------------------------------------------------------------------


class _Reader:
    def __init__(self, grid, report, indicator, unit, year, district, decimal, ignore):
        self.grid, self.report, self.path = grid, report, grid.path
        self.arg_indicator = resolve_indicator(indicator) if indicator else None
        self.arg_unit = (unit, self._unit(unit, None, None)) if unit else None
        self.arg_year = int(year) if year is not None else None
        self.arg_district = self._district(district, None, "district=") if district else None
        self.decimal = decimal
        self.ignore = {normalise(c) for c in ignore}
        self._factors: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    # helpers that raise DataError with a location
    def _err(self, message, row=None, column=None):
        return DataError(message, file=self.path, row=row, column=column)

    def _unit(self, text, row, column):
        try:
            return resolve_unit(text)
        except UnknownNameError as exc:
            raise self._err(str(exc), row, column) from None

    def _district(self, text, row, column):
        try:
            return resolve_district(lb.clean(text)[0])
        except UnknownNameError as exc:
            raise self._err(str(exc), row, column) from None

    def run(self) -> pd.DataFrame:
        grid = self.grid
        lay = find_layout(grid)
        self.layout = lay
        self.report.header_row = grid.row(lay.header_pos)
        body = grid.cells.iloc[lay.body_start :].reset_index(drop=True)
        self.rows = grid.rows[lay.body_start :]
        self.body = body
        if not len(body):
            raise self._err("header only: the table has no data rows", row=self.report.header_row)
        self.report.rows_in = len(body)
        cols = self._columns(lay.columns, body)
        self.keys = {
            c.role: c for c in cols if c.role in ("district", "year", "indicator", "value", "unit")
        }
        self.note_cols = [c for c in cols if c.role == "note"]
        self.data = [c for c in cols if c.role == "data"]
        if "value" in self.keys:
            self.data = [*self.data, self.keys["value"]]
        self.report.layout = self._layout_name()
        keep = self._classify_rows()
        return self._cells(keep)

    def _codes(self, frame, col_pos: int) -> tuple[np.ndarray, np.ndarray]:
        """Codes (at each cell's row) and distinct labels of a body column, factorized once."""
        if col_pos not in self._factors:
            values = self.body[col_pos].to_numpy(dtype=object)
            self._factors[col_pos] = pd.factorize(values, use_na_sentinel=False)
        codes, uniques = self._factors[col_pos]
        return codes[frame["pos"].to_numpy()], uniques

    def _present(self, frame, col_pos: int) -> list[str]:
        """The distinct labels of a body column on the cells' rows (rejected rows left out)."""
        codes, uniques = self._codes(frame, col_pos)
        return [str(u) for u in uniques[np.sort(pd.unique(codes))]]

    def _lookup(self, frame, col_pos: int, fn) -> pd.Series:
        """``fn`` of the body column ``col_pos`` at each cell's row, computed once per distinct
        label on those rows."""
        codes, uniques = self._codes(frame, col_pos)
        mapped = np.empty(len(uniques), dtype=object)
        used = pd.unique(codes)
        mapped[used] = [fn(str(u)) for u in uniques[used]]
        return pd.Series(mapped[codes], index=frame.index, dtype=object)

    # columns ----------------------------------------------------------------------------------

    def _columns(self, columns: list[Column], body: pd.DataFrame) -> list[Column]:
        headers = [c.header for c in columns]
        dup = [h for h in headers if h and headers.count(h) > 1]
        if dup:
            raise self._err(
                f"duplicate column {dup[0]!r}", row=self.report.header_row, column=dup[0]
            )
        used = (body.to_numpy(dtype=object) != "").any(axis=0)
        out = []
        for col in columns:
            has = bool(used[col.pos]) if col.pos < len(used) else False
            if (
                normalise(col.header) in self.ignore
                or normalise(lb.clean(col.header)[0]) in self.ignore
            ):
                self.report.ignored_columns.append((col.header, "ignored (ignore_columns)"))
                continue
            if col.role == "skip":
                self.report.ignored_columns.append((col.header, col.reason))
                continue
            if col.role == "blank" and not has:
                continue
            out.append(col)
        out = self._label_columns(out, body)
        out = self._district_columns(out, body)
        if all(c.role in ("blank", "unknown") for c in out):
            raise self._err(
                "cannot tell the layout: no column names a district (地区, 区县), a year "
                "(年份, 2020年) or an indicator (指标, 地区生产总值)",
                row=self.report.header_row,
            )
        for col in out:
            if col.role == "blank":
                values = body[col.pos][body[col.pos] != ""]
                first = int(values.index[0])
                raise self._err(
                    "a value under a column with no header",
                    row=int(self.rows[first]),
                    column=f"#{col.pos + 1}",
                )
            if col.role == "unknown":
                hint = ""
                name = lb.split_unit(lb.clean(col.header)[0])[0]
                try:
                    resolve_indicator(name)
                except UnknownNameError as exc:
                    hint = exc.args[0].partition(";")[2]
                    hint = f";{hint}" if hint else ""
                raise self._err(
                    f"column {col.header!r} is not a known indicator (an id, Chinese or English "
                    "name or alias in data/indicators.csv), year, district or growth column, nor a "
                    f"key column (地区, 年份, 指标, 数值, 单位, 备注){hint}; rename it, or pass "
                    f"ignore_columns=[{col.header!r}]",
                    row=self.report.header_row,
                    column=col.header,
                )
        roles = [c.role for c in out if c.role not in ("data", "note")]
        for role in set(roles):
            if roles.count(role) > 1:
                names = [c.header for c in out if c.role == role]
                raise self._err(f"two {role} columns: {names}", row=self.report.header_row)
        return out

    def _label_columns(self, cols: list[Column], body) -> list[Column]:
        """An unnamed or unknown first column: district, indicator or year names, by content."""
        key_roles = {c.role for c in cols}
        out = []
        for col in cols:
            if col.role in ("blank", "unknown") and col.pos == min(c.pos for c in cols):
                counts = content(body[col.pos])
                best = max(("district", "indicator", "year"), key=lambda k: counts[k])
                if counts[best] and best not in key_roles and counts[best] >= counts["other"]:
                    col = Column(col.pos, col.header, best, unit=col.unit, unit_text=col.unit_text)
            out.append(col)
        return out

    def _district_columns(self, cols: list[Column], body) -> list[Column]:
        """Two district-like columns (地区 = 重庆市, 区县 = 江北区; 区域 = 中心城区): the one that
        names districts is the district; the others are reported as a parent area or grouping."""
        cands = [c for c in cols if c.role == "district"]
        if len(cands) < 2:
            return cols
        counts = {c.pos: content(body[c.pos]) for c in cands}
        best = max(cands, key=lambda c: counts[c.pos]["district"])
        ties = [c for c in cands if counts[c.pos]["district"] == counts[best.pos]["district"]]
        if len(ties) > 1 and counts[best.pos]["district"]:
            a, b = ties[0], ties[1]
            ids = lambda t: lb.district_of(lb.clean(t)[0])  # noqa: E731
            differ = _map_unique(body[a.pos], ids) != _map_unique(body[b.pos], ids)
            if differ.any():
                pos = int(np.flatnonzero(differ.to_numpy())[0])
                raise self._err(
                    f"two district columns disagree: {a.header!r} says {body[a.pos].iloc[pos]!r}, "
                    f"{b.header!r} says {body[b.pos].iloc[pos]!r}",
                    row=int(self.rows[pos]),
                )
        out = []
        for col in cols:
            if col.role == "district" and col is not best:
                c = counts[col.pos]
                if c["group"] and not c["district"]:
                    why = "a grouping of districts (such as 中心城区), not the district"
                elif c["city"] and not c["district"]:
                    why = "the parent area (重庆市) on every row, not the district"
                else:
                    why = f"a second district column; {best.header!r} is the district"
                self.report.ignored_columns.append((col.header, why))
                continue
            out.append(col)
        return out

    def _layout_name(self) -> str:
        keys = self.keys
        if "value" in keys:
            return "long"
        data = self.data
        if not data and "indicator" in keys and ("district" in keys or "year" in keys):
            raise self._err(
                "a long table (district, year, indicator) needs a value column (value/数值)",
                row=self.report.header_row,
            )
        if not data:
            raise self._err(
                "cannot tell the layout: expected a district column (district/地区/区县) and a "
                "year column (year/年份) or year columns (2020, 2020年), a year column and "
                "district columns, or an indicator column (指标) and year columns",
                row=self.report.header_row,
            )
        if any(c.indicator and c.year for c in data):
            return "indicator_years"
        has = {k for k in ("district", "year", "indicator") if k in keys}
        by = {
            "year": any(c.year is not None or (c.growth and not c.indicator) for c in data),
            "district": any(c.district for c in data),
            "indicator": any(c.indicator for c in data),
        }
        if "district" in has:
            return "indicators" if by["indicator"] else "districts_rows"
        if "indicator" in has:
            return "indicator_districts" if by["district"] else "indicator_rows"
        if "year" in has:
            return "years_indicators" if by["indicator"] else "districts_cols"
        raise self._err(
            "cannot tell the layout: no district, year or indicator column labels the rows",
            row=self.report.header_row,
        )

    # rows -------------------------------------------------------------------------------------

    def _label_col(self) -> int:
        for role in ("district", "indicator", "year"):
            if role in self.keys:
                return self.keys[role].pos
        return min(c.pos for c in self.data)

    def _classify_rows(self) -> np.ndarray:
        """Positions of data rows; every other row is rejected with its reason.

        Each rule is judged once per distinct label (a 50 MB table has few), and only rows that
        a rule picks out are walked one by one (for the lines that continue a note)."""
        body, report = self.body, self.report
        n = len(body)
        grid = body.to_numpy(dtype=object)
        filled = grid != ""
        n_filled = filled.sum(axis=1)
        label_pos = self._label_col()
        first_pos = filled.argmax(axis=1)  # the first filled cell of each row (0 for empty rows)
        single = n_filled == 1
        data_cols = [c.pos for c in self.data]
        has_data = filled[:, data_cols].any(axis=1) if data_cols else np.zeros(n, bool)
        # each rule once per distinct text: factorize, judge the distinct values, take back
        l_codes, l_uniques = pd.factorize(grid[:, label_pos], use_na_sentinel=False)
        f_codes, f_uniques = pd.factorize(grid[np.arange(n), first_pos], use_na_sentinel=False)
        f_text = [str(t).strip() for t in f_uniques]
        l_text = [str(t).strip() for t in l_uniques]
        labels = pd.Series(np.array(l_text, dtype=object)[l_codes], dtype=object)
        first = pd.Series(np.array(f_text, dtype=object)[f_codes], dtype=object)

        def per_first(fn, dtype=object):
            return np.array([fn(t) for t in f_text], dtype=dtype)[f_codes]

        unit_of = per_first(lb.unit_row)
        note_text = per_first(lb.is_note, bool)
        note_strong = per_first(lambda t: normalise(t).startswith(("注:", "备注", "注：")), bool)
        label_verdict = np.array([self._label_verdict(t) for t in l_text], dtype=object)[l_codes]
        is_unit = single & pd.notna(unit_of)
        is_note = note_text & (single | note_strong)
        special = (n_filled == 0) | is_unit | is_note | (label_verdict != "") | ~has_data
        reasons = np.full(n, "", dtype=object)
        self.unit_lines: dict[int, tuple[str, str]] = {}
        notes_text: list[str] = []
        in_note = False
        for pos in np.flatnonzero(special):
            if n_filled[pos] == 0:
                reasons[pos] = "empty row"
                continue
            text, label = first.iat[pos], labels.iat[pos]
            if is_unit[pos]:
                written = unit_of[pos]
                self.unit_lines[pos] = (self._unit(written, int(self.rows[pos]), None), written)
                reasons[pos] = f"unit line {text!r} (applies to the rows below)"
                in_note = False
                continue
            if is_note[pos]:
                why = f"note row {text[:20]!r}"
            elif label_verdict[pos]:
                why = label_verdict[pos]
            elif single[pos] and in_note and pos - 1 >= 0 and reasons[pos - 1].startswith("note"):
                why = "note (continued)"
            else:
                why = "no values (a label only)" if label else "text row (no values)"
            if why.startswith("note"):
                notes_text.append(text)
            in_note = why.startswith("note")
            reasons[pos] = why
        self.footnotes = _footnotes(notes_text)
        keep = np.flatnonzero(reasons == "")
        for pos in np.flatnonzero(reasons != ""):
            report.rejected.append((int(self.rows[pos]), reasons[pos]))
        return keep

    def _label_verdict(self, label: str) -> str:
        clean = lb.clean(label)[0]
        if not clean or "indicator" in self.keys:
            return ""
        if lb.is_total(clean):
            return f"total row {label!r} (excluded, not summed in)"
        district = lb.district_of(clean)
        if district and lb.level_of(district) == "group":
            return f"group total row {label!r} (a published aggregate, not a district)"
        return ""

    # cells ------------------------------------------------------------------------------------

    def _cells(self, keep: np.ndarray) -> pd.DataFrame:
        body, rows = self.body, self.rows
        keys = self.keys
        section_unit = self._section_units(len(body))
        chunks = []
        for col in self.data:
            raw = body[col.pos].to_numpy(dtype=object)[keep]
            chunks.append(
                pd.DataFrame(
                    {
                        "pos": keep,
                        "col": col.pos,
                        "raw": pd.Series(raw, dtype=object),
                    }
                )
            )
        frame = pd.concat(chunks, ignore_index=True) if chunks else pd.DataFrame()
        if not len(frame):
            raise self._err("no data rows: every row was rejected (see the row account)")
        by_col = {c.pos: c for c in self.data}
        frame["line"] = rows[frame["pos"].to_numpy()]
        frame["header"] = _per_col(frame, {c.pos: c.header for c in self.data})
        # values
        self._check_special(frame)
        values, info = self._values(frame)
        frame["value"] = values
        percent = np.zeros(len(frame), dtype=bool)
        markers = np.full(len(frame), "", dtype=object)
        if info:
            where = np.fromiter(info.keys(), dtype=np.int64, count=len(info))
            percent[where] = [c.percent for c in info.values()]
            markers[where] = [c.markers for c in info.values()]
        frame["percent"] = percent
        frame["markers"] = markers
        # keys per cell: from the column, the row, or the table
        frame["district"] = self._key_district(frame, keys, by_col)
        frame["year"], frame["period"], frame["estimate"] = self._key_year(frame, keys, by_col)
        frame, ind, unit, written = self._key_indicator_unit(frame, keys, by_col, section_unit)
        frame = frame.assign(indicator=ind, unit=unit, unit_text=written)
        frame["note"] = self._notes(frame, keys, by_col)
        # rows with no value at all: rejected, not used
        present = ~np.isnan(frame["value"].to_numpy(float))
        pos = frame["pos"].to_numpy(dtype=np.int64)
        counted = np.bincount(pos, weights=present, minlength=len(body))
        on_rows = np.flatnonzero(np.bincount(pos, minlength=len(body)))
        empty = on_rows[counted[on_rows] == 0]
        for p in empty:
            self.report.rejected.append((int(rows[p]), "no values (every cell is missing)"))
        self.report.rejected.sort(key=lambda r: r[0])
        self.report.rows_used = len(on_rows) - len(empty)
        self.report.missing_cells = int((~present).sum())
        frame = frame[present]
        if len(self.data) > 1:  # cells in the order of the table: row by row, left to right
            frame = frame.iloc[np.lexsort((frame["col"].to_numpy(), frame["pos"].to_numpy()))]
        frame = frame.reset_index(drop=True)
        frame = self._year_rules(frame)
        frame = self._percent_rules(frame)
        return frame

    def _values(self, frame):
        decimal = self.decimal
        if decimal == "auto":
            decimal = self._decimal(frame["raw"])
        try:
            return parse_column(frame["raw"], decimal, text=self.grid.kind == "csv")
        except CellError as exc:
            row = frame.iloc[exc.pos]
            raise self._err(
                f"{exc}; expected a number or a missing mark (—, .., empty)",
                row=int(row["line"]),
                column=str(row["header"]),
            ) from None

    def _decimal(self, raw: pd.Series) -> str:
        """``,`` when numbers can only be read with a decimal comma (``1325,4``), else ``.``."""
        values = raw.to_numpy(dtype=object)
        if self.grid.kind == "csv":
            hit = ["," in v for v in values]
            if self.grid.separator == ";":
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
            raise self._err(
                f"numbers written two ways: {seen[',']!r} (decimal comma) and {seen['.']!r} "
                "(decimal point); pass decimal=',' or decimal='.'"
            )
        if "," in seen:
            self.report.notes.append(f"decimal comma (numbers such as {seen[',']!r})")
            return ","
        if self.grid.separator == ";":
            ambiguous = [
                t
                for t in pd.unique(texts.astype(str))[:50]
                if re.fullmatch(r"\d{1,3}[.,]\d{3}", t.strip())
            ]
            if ambiguous:
                raise self._err(
                    f"{ambiguous[0]!r} in a ';'-separated file could be a decimal or a thousands "
                    "separator; pass decimal=',' or decimal='.'"
                )
        return "."

    def _check_special(self, frame):
        if self.grid.kind != "xlsx":
            return  # text cells are strings
        for i, raw in enumerate(frame["raw"].to_numpy()):
            if isinstance(raw, MissingFormula):
                row = frame.iloc[i]
                raise self._err(
                    f"a formula ({raw}) saved without its result: open the workbook in Excel or "
                    "LibreOffice and save it, so that the values are stored",
                    row=int(row["line"]),
                    column=str(row["header"]),
                )
            if isinstance(raw, datetime.date | datetime.datetime):
                row = frame.iloc[i]
                raise self._err(
                    f"a date ({raw}) where a number is expected",
                    row=int(row["line"]),
                    column=str(row["header"]),
                )

    def _section_units(self, n: int) -> tuple[pd.Series, pd.Series]:
        """Unit (id, as written) of a ``单位：`` line, for the body rows below it."""
        ids = pd.Series([None] * n, dtype=object)
        texts = ids.copy()
        for pos, (uid, written) in self.unit_lines.items():
            ids.iat[pos], texts.iat[pos] = uid, written
        return ids.ffill(), texts.ffill()

    def _key_district(self, frame, keys, by_col) -> pd.Series:
        col_d = _per_col(frame, {p: c.district for p, c in by_col.items()})
        title = None
        if "district" in keys:
            dpos = keys["district"].pos
            row_d = self._lookup(frame, dpos, str)
            resolved = {}
            for label in self._present(frame, dpos):
                text = lb.clean(label)[0]
                if not text:
                    resolved[label] = None
                    continue
                d = lb.district_of(text)
                if d is None:
                    pos = int(frame.loc[row_d == label, "line"].iloc[0])
                    self._district(text, pos, "district")
                resolved[label] = d
            out = self._lookup(frame, dpos, resolved.get)
            if out.isna().any() and col_d.isna().all():
                line = int(frame.loc[out.isna(), "line"].iloc[0])
                raise self._err("a row of values with no district", row=line, column="district")
            out = out.where(out.notna(), col_d)
        else:
            out = col_d
        missing = out.isna()
        if missing.any():
            fill = self.arg_district or self._title_district()
            if fill is None:
                row = frame[missing].iloc[0]
                raise self._err(
                    "no district: the table has no district column or district headers, and its "
                    "title names none; pass district=",
                    row=int(row["line"]),
                    column=str(row["header"]),
                )
            out = out.fillna(fill)
            title = fill
        if self.arg_district and title is None:
            other = out[out != self.arg_district]
            if len(other):
                raise self._err(
                    f"district={self.arg_district!r} but the table says {other.iloc[0]!r}",
                    row=int(frame.loc[other.index[0], "line"]),
                )
        return out

    def _title_district(self) -> str | None:
        title = lb.clean(self.layout.title)[0]
        if not title:
            return None
        found = set()
        for name, did in _district_names():
            if name in title and lb.level_of(did) not in ("city", "group"):
                found.add(did)
        if len(found) == 1:
            did = found.pop()
            self.report.notes.append(f"district {did} from the title {self.layout.title[:40]!r}")
            return did
        if len(found) > 1:
            raise self._err(
                f"the title names several districts ({', '.join(sorted(found))}); pass district="
            )
        return None

    def _key_year(self, frame, keys, by_col):
        col_y = _per_col(frame, {p: c.year for p, c in by_col.items()})
        period = _per_col(frame, {p: c.period for p, c in by_col.items()})
        estimate = _per_col(frame, {p: c.estimate for p, c in by_col.items()}).astype(bool)
        # a growth column takes the year of the year column on its left (one-year bulletins)
        for p, c in by_col.items():
            if c.growth and c.year is None:
                left = [d.year for d in self.data if d.pos < p and d.year is not None]
                if left:
                    col_y[frame["col"] == p] = left[-1]
        if "year" in keys:
            row_y = self._lookup(frame, keys["year"].pos, str)  # shared strings: quick to hash
            codes, uniques = pd.factorize(row_y.to_numpy(dtype=object))
            parsed = []
            for label in uniques:
                text = lb.clean(label)[0]
                y = lb.year_label(text)
                if y is None and re.fullmatch(r"\d{4}", text):
                    y = lb.YearLabel(int(text))
                if y is None:
                    line = int(frame.loc[row_y == label, "line"].iloc[0])
                    raise self._err(
                        f"{label!r} is not a year", row=line, column=keys["year"].header
                    )
                parsed.append(y)
            target = np.array([y.target for y in parsed], dtype=bool)[codes]
            if target.any():
                raise self._err(
                    "a plan target row (目标/预期) among observations: remove it",
                    row=int(frame["line"].to_numpy()[np.flatnonzero(target)[0]]),
                    column=keys["year"].header,
                )
            row_year = pd.Series(np.array([y.year for y in parsed])[codes], index=frame.index)
            row_period = pd.Series(
                np.array([y.period for y in parsed], dtype=object)[codes], index=frame.index
            )
            row_est = np.array([y.estimate for y in parsed], dtype=bool)[codes]
            col_y = col_y.where(col_y.notna(), row_year)
            period = period.where(col_y.isna() | (period != "Y"), row_period)
            estimate = estimate | row_est
        missing = col_y.isna()
        if missing.any():
            fill = self.arg_year if self.arg_year is not None else self._title_year()
            if fill is None:
                row = frame[missing].iloc[0]
                raise self._err(
                    "no year: the table has no year column or year headers; pass year=",
                    row=int(row["line"]),
                    column=str(row["header"]),
                )
            col_y = col_y.fillna(fill)
        return col_y.astype(int), period, estimate

    def _title_year(self) -> int | None:
        years = set(re.findall(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", self.layout.title))
        if len(years) == 1:
            y = int(years.pop())
            self.report.notes.append(f"year {y} from the title {self.layout.title[:40]!r}")
            return y
        return None

    def _key_indicator_unit(self, frame, keys, by_col, section_unit):
        col_i = _per_col(frame, {p: c.indicator for p, c in by_col.items()})
        growth = _per_col(frame, {p: c.growth for p, c in by_col.items()}).astype(bool)
        col_u = _per_col(frame, {p: c.unit for p, c in by_col.items()})
        col_ut = _per_col(frame, {p: c.unit_text for p, c in by_col.items()})
        row_u = pd.Series([None] * len(frame), index=frame.index, dtype=object)
        row_ut = row_u.copy()
        ind = col_i
        if "indicator" in keys:
            ipos = keys["indicator"].pos
            labels = self.body[ipos].astype(str)
            row_label = self._lookup(frame, ipos, str)
            parsed = {label: row_indicator(label) for label in self._present(frame, ipos)}
            unknown = [lab for lab, p in parsed.items() if p[0] is None and lb.clean(lab)[0]]
            if unknown:
                bad = row_label.isin(unknown)
                for pos in pd.unique(frame.loc[bad, "pos"]):
                    label = labels.iat[pos]
                    try:
                        resolve_indicator(row_indicator(label)[0] or lb.clean(label)[0])
                        hint = ""
                    except UnknownNameError as exc:
                        hint = exc.args[0].partition(";")[2].strip()
                    self.report.rejected.append(
                        (
                            int(self.rows[pos]),
                            f"indicator {label!r} is not in data/indicators.csv"
                            + (f" ({hint})" if hint else ""),
                        )
                    )
                    self.report.rows_used -= 1
                keep = ~bad
                frame = frame.drop(frame.index[bad])
                row_label, col_i, growth, col_u, col_ut = (
                    s[keep] for s in (row_label, col_i, growth, col_u, col_ut)
                )
                row_u, row_ut = row_u[keep], row_ut[keep]
            row_i = self._lookup(frame, ipos, lambda lab: parsed[lab][0])
            row_u = self._lookup(frame, ipos, lambda lab: parsed[lab][1])
            row_ut = self._lookup(frame, ipos, lambda lab: parsed[lab][2])
            ind = col_i.where(col_i.notna(), row_i)
        if self.arg_indicator:
            other = ind[ind.notna() & (ind != self.arg_indicator) & ~growth]
            if len(other):
                raise self._err(
                    f"indicator={self.arg_indicator!r} but the table says {other.iloc[0]!r}",
                    row=int(frame.loc[other.index[0], "line"]),
                    column=str(frame.loc[other.index[0], "header"]),
                )
            ind = ind.fillna(self.arg_indicator)
        if ind.isna().any():
            row = frame[ind.isna()].iloc[0]
            raise self._err(
                "no indicator: the table has no indicator column or indicator headers; pass indicator=",
                row=int(row["line"]),
                column=str(row["header"]),
            )
        # a growth column: the growth indicator of the row's level (gdp -> gdp_real_growth)
        if growth.any():
            mapped = {}
            for level in pd.unique(ind[growth & frame["value"].notna()]):
                g = growth_of(level)
                if g is None:
                    row = frame[growth & (ind == level)].iloc[0]
                    raise self._err(
                        f"a growth column for {level!r}, which has no growth indicator in "
                        "data/indicators.csv (column 'growth'); remove the column or pass ignore_columns=",
                        row=int(row["line"]),
                        column=str(row["header"]),
                    )
                mapped[level] = g
            ind = ind.where(~growth, _map_unique(ind, mapped.get))
        # units: the cell's unit column, the column header, the row label, a 单位 line (numpy
        # object arrays: a long table has one unit column and few distinct units)
        n = len(frame)
        none = np.full(n, None, dtype=object)
        unit_cell, unit_cell_text = none, none
        if "unit" in keys:
            upos = keys["unit"].pos
            resolved = {}
            for t in self._present(frame, upos):
                c = lb.clean(t)[0]
                try:
                    resolved[t] = resolve_unit(c) if c else None
                except UnknownNameError:
                    texts = self._lookup(frame, upos, str)
                    line = int(frame.loc[texts == t, "line"].iloc[0])
                    resolved[t] = self._unit(c, line, "unit")
            unit_cell = self._lookup(frame, upos, resolved.get).to_numpy(dtype=object)
            unit_cell_text = self._lookup(
                frame, upos, lambda t: t if resolved.get(t) else None
            ).to_numpy(dtype=object)
        level = ~growth.to_numpy(dtype=bool)  # the table's units are the levels'; growth is %
        unit, written, source = none.copy(), none.copy(), none.copy()
        candidates = [
            (unit_cell, unit_cell_text, "the unit column"),
            (col_u.to_numpy(dtype=object), col_ut.to_numpy(dtype=object), "the column header"),
            (row_u.to_numpy(dtype=object), row_ut.to_numpy(dtype=object), "the row label"),
        ]
        if self.unit_lines:
            candidates.append(
                (
                    _at(frame, section_unit[0]).to_numpy(dtype=object),
                    _at(frame, section_unit[1]).to_numpy(dtype=object),
                    "a 单位 line above",
                )
            )
        for u, t, name in candidates:
            has = level & ~pd.isna(u)
            if not has.any():
                continue
            known = ~pd.isna(unit)
            both = has & known
            if both.any() and name != "a 单位 line above":
                differ = np.flatnonzero(both)[unit[both] != u[both]]
                if len(differ):
                    i = int(differ[0])
                    raise self._err(
                        f"two units for one value: {written[i]!r} ({source[i]}) and {t[i]!r} ({name})",
                        row=int(frame["line"].iat[i]),
                        column=str(frame["header"].iat[i]),
                    )
            take = has & ~known
            unit[take], written[take], source[take] = u[take], t[take], name
        growth_unit = ~level & pd.isna(unit)
        unit[growth_unit], written[growth_unit], source[growth_unit] = (
            "pct",
            "%",
            "the growth column",
        )
        table = self.layout.table_unit
        if table:
            take = pd.isna(unit)
            unit[take], written[take] = table[0], table[1]
            source[take] = f"the 单位 line (row {table[2]})"
        if self.arg_unit:
            text, uid = self.arg_unit
            said = np.flatnonzero(~pd.isna(unit) & level)
            said = said[unit[said] != uid]
            if len(said):
                i = int(said[0])
                raise self._err(
                    f"unit={text!r} but {source[i]} says {written[i]!r}: "
                    "which is it? Drop unit= if the table is right",
                    row=int(frame["line"].iat[i]),
                    column=str(frame["header"].iat[i]),
                )
            take = pd.isna(unit)
            unit[take], written[take], source[take] = uid, text, "unit="
        # a rate read with a % and no unit is in percent
        rate = frame["percent"].to_numpy(dtype=bool) & pd.isna(unit)
        unit[rate], written[rate] = "pct", "%"
        if pd.isna(unit).any():
            i = int(np.flatnonzero(pd.isna(unit))[0])
            raise self._err(
                f"no unit for {ind.iat[i]!r}: expected a unit column, a unit in the "
                "header such as '(万元)', a '单位：' line, or unit=",
                row=int(frame["line"].iat[i]),
                column=str(frame["header"].iat[i]),
            )
        written = np.where(pd.isna(written), unit, written)
        index = frame.index
        return (
            frame,
            ind,
            pd.Series(unit, index=index, dtype=object),
            pd.Series(written, index=index, dtype=object),
        )

    def _notes(self, frame, keys, by_col) -> pd.Series:
        """Footnotes (marker and its text), the row's 备注/来源 cells and 预计, per value."""
        notes = np.full(len(frame), "", dtype=object)
        label_pos = self._label_col()
        col_markers = _per_col(frame, {p: c.markers for p, c in by_col.items()})
        label_markers = self._lookup(frame, label_pos, lambda t: lb.clean(t)[1])
        markers = frame["markers"].to_numpy(dtype=object)
        if any(c.markers for c in by_col.values()) or (label_markers != "").any():
            markers = (
                markers + col_markers.to_numpy(dtype=object) + label_markers.to_numpy(dtype=object)
            )
        if (markers != "").any():
            for m in pd.unique(markers[markers != ""]):
                parts = [
                    f"footnote {c}: {self.footnotes[c]}" if c in self.footnotes else f"footnote {c}"
                    for c in dict.fromkeys(m)
                ]
                notes[markers == m] = "; ".join(parts)
        # 备注, 来源 … kept with each value of the row: joined once per distinct combination
        parts = []
        for col in self.note_cols:
            label = lb.clean(col.header)[0]
            plain = normalise(label) in ("备注", "note", "notes", "注", "附注")
            codes, uniques = self._codes(frame, col.pos)
            shown = [str(t).strip() for t in uniques]
            parts.append((codes, [t if plain or not t else f"{label}: {t}" for t in shown]))
        if parts:
            n_codes, n_uniques = pd.factorize(notes)
            parts.insert(0, (n_codes, list(n_uniques)))
            combo = np.zeros(len(frame), dtype=np.int64)
            for codes, uniques in parts:
                combo = combo * len(uniques) + codes
            c_codes, c_first = pd.factorize(combo)
            first = np.zeros(len(c_first), dtype=np.int64)
            first[c_codes[::-1]] = np.arange(len(frame))[::-1]
            joined = np.array(
                ["; ".join(u[codes[i]] for codes, u in parts if u[codes[i]]) for i in first],
                dtype=object,
            )
            notes = joined[c_codes]
        est = frame["estimate"].to_numpy(dtype=bool)
        if est.any():
            notes[est] = np.where(notes[est] != "", notes[est] + "; ", "") + "estimate (预计)"
        return pd.Series(notes, index=frame.index, dtype=object)

    def _year_rules(self, frame) -> pd.DataFrame:
        years = frame["year"]
        bad = (years < YEAR_RANGE[0]) | (years > YEAR_RANGE[1])
        if bad.any():
            row = frame[bad].iloc[0]
            raise self._err(
                f"year {row['year']} is out of range {YEAR_RANGE[0]}–{YEAR_RANGE[1]}",
                row=int(row["line"]),
                column=str(row["header"]),
            )
        this_year = datetime.date.today().year
        future = years > this_year
        if future.any():
            row = frame[future].iloc[0]
            raise self._err(
                f"year {row['year']} is after this year ({this_year}): a plan target or a typo, "
                "not an observation; remove it (a column headed 目标/预期 is left out by itself)",
                row=int(row["line"]),
                column=str(row["header"]),
            )
        if self.arg_year is not None:
            other = frame["year"] != self.arg_year
            if other.any():
                if not (~other).any():
                    have = sorted(set(frame["year"]))
                    raise self._err(f"no values for year={self.arg_year}; the table has {have}")
                for header in pd.unique(frame.loc[other, "header"]):
                    col_years = frame.loc[other & (frame["header"] == header), "year"]
                    if "year" in self.keys:
                        continue
                    self.report.ignored_columns.append(
                        (
                            str(header),
                            f"year {int(col_years.iloc[0])} not requested (year={self.arg_year})",
                        )
                    )
                if "year" in self.keys:
                    lines = pd.unique(frame.loc[other, "line"])
                    keep_lines = set(frame.loc[~other, "line"])
                    for line in lines:
                        if line not in keep_lines:
                            y = int(frame.loc[frame["line"] == line, "year"].iloc[0])
                            self.report.rejected.append(
                                (int(line), f"year {y} not requested (year={self.arg_year})")
                            )
                            self.report.rows_used -= 1
                    self.report.rejected.sort(key=lambda r: r[0])
                frame = frame[~other].reset_index(drop=True)
        if frame["period"].ne("Y").any():
            row = frame[frame["period"] != "Y"].iloc[0]
            if not HAS_PERIOD:
                raise self._err(
                    f"a part-year value ({row['period']}): only annual values can be stored in "
                    "this version",
                    row=int(row["line"]),
                    column=str(row["header"]),
                )
        return frame

    def _percent_rules(self, frame) -> pd.DataFrame:
        units = load_units().set_index("id")["dimension"]
        pct = frame["percent"].astype(bool)
        if pct.any():
            dims = frame.loc[pct, "unit"].map(units)
            wrong = dims != "percent"
            if wrong.any():
                row = frame[pct][wrong].iloc[0]
                raise self._err(
                    f"{row['raw']!r} has a '%' but is read as {row['indicator']} in "
                    f"{row['unit']}: a growth rate or share in a level column? Put rates in a "
                    "column of their own (比上年增长(%)), or remove the '%'",
                    row=int(row["line"]),
                    column=str(row["header"]),
                )
        return frame


def _at(frame: pd.DataFrame, values) -> pd.Series:
    """The body column ``values`` (a Series by body position) at each cell's row."""
    arr = (
        values.to_numpy(dtype=object)
        if isinstance(values, pd.Series)
        else np.asarray(values, dtype=object)
    )
    return pd.Series(arr[frame["pos"].to_numpy()], index=frame.index, dtype=object)


def _per_col(frame: pd.DataFrame, attrs: dict) -> pd.Series:
    """A per-column attribute (``{column position: value}``) at each cell."""
    cols = frame["col"].to_numpy()
    table = np.empty(int(cols.max()) + 1 if len(cols) else 0, dtype=object)
    for pos, value in attrs.items():
        table[pos] = value
    return pd.Series(table[cols], index=frame.index, dtype=object)


def _objects(series: pd.Series) -> pd.Series:
    """Plain Python strings in an object column (no str-dtype check of every cell)."""
    return pd.Series(series.to_numpy(dtype=object), dtype=object)


def _map_unique(series: pd.Series, fn) -> pd.Series:
    """``series.map(fn)`` computed once per distinct value (a long table has few)."""
    codes, uniques = pd.factorize(series.to_numpy(dtype=object), use_na_sentinel=False)
    mapped = np.empty(len(uniques), dtype=object)
    mapped[:] = [fn(u) for u in uniques]
    return pd.Series(mapped[codes], index=series.index, dtype=object)


def _footnotes(texts: list[str]) -> dict[str, str]:
    """Marker -> its text, from note rows such as ``注：①含两江新区。②初步核算数。``."""
    from jbanalysis.io.numbers import MARKER_CHARS

    out = {}
    pattern = re.compile(f"([{MARKER_CHARS}])([^{MARKER_CHARS}]*)")
    for text in texts:
        body = re.sub(r"^(注|备注|说明)\s*[:：]\s*", "", text.strip())
        for marker, note in pattern.findall(body):
            note = note.strip(" .、:：;；")
            if note and marker not in out:
                out[marker] = note
    return out


def _district_names() -> list[tuple[str, str]]:
    from jbanalysis.registry.districts import load_districts

    reg = load_districts()
    names = []
    for row in reg.itertuples(index=False):
        for name in [row.name_zh, *row.aliases.split("|")]:
            if name and len(name) >= 2 and not name.isascii() and not name.isdigit():
                names.append((name, row.id))
    return names


# --- finishing: units, checks, the observation columns --------------------------------------


def _finish(
    frame, grid: Grid, report, source_id, vintage, source_kind, accept, reference
) -> pd.DataFrame:
    path = grid.path
    if not len(frame):
        report.values = 0
        return pd.DataFrame(columns=OBSERVATION_COLUMNS)
    lines = frame["line"].to_numpy()
    cols = frame["col"].to_numpy()
    if grid.kind == "xlsx":
        from openpyxl.utils import get_column_letter

        start = {c: f"{path.name}:{grid.sheet}!{get_column_letter(int(c) + 1)}" for c in set(cols)}
        record = [f"{start[c]}{line}" for c, line in zip(cols, lines, strict=True)]
    else:
        heads = dict(zip(cols, frame["header"], strict=True))
        record = [f"{path.name}:row {line}:{heads[c]}" for c, line in zip(cols, lines, strict=True)]
    record = pd.Series(np.array(record, dtype=object), dtype=object)
    vintages = np.where(frame["estimate"].to_numpy(bool), "estimate", vintage)
    obs = pd.DataFrame(
        {
            "district": frame["district"].astype("category"),
            "year": frame["year"].astype(int).to_numpy(),
            "indicator": _objects(frame["indicator"]),
            "value": frame["value"].to_numpy(float),
            "unit": _objects(frame["unit_text"]),
            "source_id": source_id,
            "record": record,
            "vintage": vintages,
            "flag": "observed",
            "source_kind": source_kind,
            "reliability": "",
            "published_value": frame["value"].to_numpy(float),
            "published_unit": _objects(frame["unit_text"]),
            "correction": "",
            "note": pd.Series(frame["note"].to_numpy(dtype=object), dtype=object),
            "line": lines,
            "column": _objects(frame["header"]),
        }
    )
    if HAS_PERIOD:
        obs["period"] = _objects(frame["period"])
    if "bound" in OBSERVATION_COLUMNS:
        obs["bound"] = ""  # a bound (>1200) is refused when read, never stored as a value
    obs = _harmonise(obs, path)
    _check_values(obs, path)
    if reference is not None:
        from jbanalysis.io.plausible import check_plausible

        check_plausible(obs, path, accept, report, reference)
    report.values = len(obs)
    columns = [c for c in OBSERVATION_COLUMNS]
    return obs[columns].reset_index(drop=True)


def _harmonise(obs: pd.DataFrame, path: Path) -> pd.DataFrame:
    """:func:`jbanalysis.data.harmonise` run once per distinct (district, indicator, unit):
    names resolved, dimensions checked; values then converted per unit pair with
    :func:`jbanalysis.registry.indicators.convert` (exact, as harmonise does)."""
    from jbanalysis.registry.indicators import convert

    key = ["district", "indicator", "unit"]
    codes = [pd.factorize(obs[k].to_numpy(dtype=object)) for k in key]
    # one integer per combination (mixed radix over the three factorizations: exact)
    combo = (codes[0][0] * len(codes[1][1]) + codes[1][0]) * len(codes[2][1]) + codes[2][0]
    combo_codes, first = pd.factorize(combo)
    where = np.zeros(len(first), dtype=np.int64)
    where[combo_codes[::-1]] = np.arange(len(obs))[::-1]  # first row of each combination
    distinct = obs.iloc[where].copy()
    distinct["value"] = 1.0
    distinct = harmonise(distinct, path)
    out = obs.copy()
    for col in ("district", "unit"):
        out[col] = distinct[col].to_numpy(dtype=object)[combo_codes]
    values = obs["value"].to_numpy(float)
    src_units = obs["unit"].to_numpy(dtype=object)
    converted = np.empty_like(values)
    from jbanalysis.registry.indicators import resolve_unit

    pair_of = [
        (resolve_unit(src), dst)
        for src, dst in zip(src_units[where], distinct["unit"].to_numpy(dtype=object), strict=True)
    ]
    pair_codes, pairs = pd.factorize(np.array([f"{a}|{b}" for a, b in pair_of], dtype=object))
    row_pair = pair_codes[combo_codes]
    for i, pair in enumerate(pairs):
        mask = row_pair == i
        converted[mask] = convert(values[mask], *pair.split("|"))
    out["value"] = converted
    return out


def _check_values(frame: pd.DataFrame, path: Path) -> None:
    key = ["district", "year", "indicator", *(["period"] if HAS_PERIOD else [])]
    coded = pd.DataFrame({k: pd.factorize(frame[k].to_numpy(dtype=object))[0] for k in key})
    dup = pd.Series(coded.duplicated(keep=False).to_numpy(), index=frame.index)
    if dup.any():
        d = frame[dup]
        first = d.iloc[0]
        same = d[(d[key] == first[key]).all(axis=1)]
        second = same.iloc[1]
        raise DataError(
            f"duplicate key {first['district']} {first['year']} {first['indicator']}: also on row {first['line']}",
            file=path,
            row=int(second["line"]),
            column=str(second["column"]),
        )
    kinds = load_indicators().set_index("id")["kind"]
    negative = frame[
        (frame["value"] < 0)
        & _map_unique(frame["indicator"], kinds.to_dict().get).isin(
            ["level", "count", "per_capita"]
        )
    ]
    if len(negative):
        bad = negative.iloc[0]
        raise DataError(
            f"negative {bad['indicator']} {bad['published_value']:g}: a level cannot be negative",
            file=path,
            row=int(bad["line"]),
            column=str(bad["column"]),
        )
