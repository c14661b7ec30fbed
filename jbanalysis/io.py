"""Read a user's own table (CSV or XLSX) into validated long observations.

``read_table`` accepts what yearbook extracts look like in practice:

* encodings UTF-8, UTF-8 with BOM, GBK/GB18030 and UTF-16 (detected, or given);
* five layouts (detected, or given with ``layout=``):

  ``long``           columns district, year, [indicator], value, [unit]
  ``indicators``     columns district, year and one column per indicator (``地区生产总值(亿元)``)
  ``districts_rows`` a district column and one column per year (``2019``, ``2020年``)
  ``districts_cols`` a year column and one column per district
  ``indicator_years`` a district column under a merged two-row header: indicators over years

* numbers written ``1,234.5``, with full-width digits (``１２３４．５``) or spaces;
* ``—``, ``-``, ``..``, ``…`` and empty cells are *missing*, never zero;
* units from a column, from the header (``(万元)``, ``亿元``) or from ``unit=``, converted to the
  canonical unit of the indicator;
* total rows and columns (合计, 总计, 全市, 全区) and notes (注：…) are excluded and reported, never
  summed in;
* comma, semicolon or tab separated; a truncated file or an unclosed quote is an error.

Every row that goes in is accounted for: ``result.attrs["report"]`` is a :class:`ReadReport` with
rows in = rows used + rows rejected (with the reason of each rejection). Anything else that is
wrong raises :class:`~jbanalysis.errors.DataError` naming the file, row and column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.data import OBSERVATION_COLUMNS, YEAR_RANGE, harmonise
from jbanalysis.districts import _alias_index, _normalise
from jbanalysis.errors import DataError, UnknownNameError
from jbanalysis.indicators import _indicators, load_indicators, resolve_unit
from jbanalysis.names import normalise as _norm

__all__ = ["ReadReport", "parse_number", "read_table"]

MISSING_TOKENS = {"", "-", "--", "—", "——", "–", "..", "...", "…", "……", "na", "n/a", "nan", "/"}
TOTAL_NAMES = {
    "合计",
    "总计",
    "全市",
    "全区",
    "全县",
    "总计合计",
    "total",
    "sum",
    "全市合计",
    "中心城区合计",
}
NOTE_PREFIXES = ("注", "note", "说明", "资料来源", "数据来源", "source")
DISTRICT_HEADERS = {
    "district",
    "地区",
    "区县",
    "区县名称",
    "区域",
    "名称",
    "地区名称",
    "行政区",
    "county",
    "区",
}
YEAR_HEADERS = {"year", "年份", "年", "年度"}
INDICATOR_HEADERS = {"indicator", "指标", "指标名称"}
VALUE_HEADERS = {"value", "数值", "值", "数据"}
UNIT_HEADERS = {"unit", "单位", "计量单位"}
_UNIT_IN_HEADER = re.compile(r"[（(\[]\s*(?:单位[:：]\s*)?([^()（）\[\]]+?)\s*[)）\]]")
_YEAR_HEADER = re.compile(r"^\s*(\d{4})\s*(?:年)?\s*$")


@dataclass
class ReadReport:
    """What went in and what came out of :func:`read_table` (``result.attrs["report"]``).

    rows_in = rows_used + rows_rejected; ``rejected`` lists (row, reason) for every row left out.

    >>> r = ReadReport("gdp.csv", "districts_rows", "utf-8", rows_in=3, rows_used=2, rejected=[(4, "total row '合计'")])
    >>> r.rows_in == r.rows_used + r.rows_rejected
    True
    """

    file: str
    layout: str = ""
    encoding: str = ""
    rows_in: int = 0
    rows_used: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    rejected_columns: list[str] = field(default_factory=list)
    values: int = 0
    missing_cells: int = 0

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected)

    def __str__(self) -> str:
        lines = [
            f"{self.file}: {self.layout} table ({self.encoding}): {self.rows_in} rows in = "
            f"{self.rows_used} used + {self.rows_rejected} rejected; "
            f"{self.values} values, {self.missing_cells} missing cells (not zero)"
        ]
        lines += [f"  row {row}: rejected: {why}" for row, why in self.rejected]
        lines += [
            f"  column {name!r}: rejected: total column (excluded, not summed in)"
            for name in self.rejected_columns
        ]
        return "\n".join(lines)


def parse_number(text: object) -> float | None:
    """A number as written in a statistical table, or ``None`` for a missing-value mark.

    >>> parse_number("1,234.5"), parse_number("１２３４．５"), parse_number("—"), parse_number("")
    (1234.5, 1234.5, None, None)
    >>> parse_number("8.1%"), parse_number("-3.2")
    (8.1, -3.2)
    >>> parse_number("abc")
    Traceback (most recent call last):
    ...
    ValueError: 'abc' is not a number
    """
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None
    if isinstance(text, int | float | np.integer | np.floating):
        return float(text)
    clean = unicodedata.normalize("NFKC", str(text)).strip()
    if clean.casefold() in MISSING_TOKENS:
        return None
    compact = clean.replace(",", "").replace(" ", "").replace("\u00a0", "").removesuffix("%")
    try:
        value = float(compact)
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if not np.isfinite(value):
        raise ValueError(f"{text!r} is not a finite number")
    return value


def _sniff_encoding(raw: bytes, path: Path) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        raw.decode("gb18030")  # a superset of GBK and GB2312
        return "gb18030"
    except UnicodeDecodeError:
        raise DataError(
            "cannot tell the encoding (tried UTF-8, UTF-16 and GB18030/GBK); pass encoding=",
            file=path,
        ) from None


def _read_grid(path: Path, encoding: str | None, sheet) -> tuple[pd.DataFrame, str]:
    """The file as a grid of strings, no header interpretation yet."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            grid = pd.read_excel(path, sheet_name=sheet or 0, header=None, dtype=object)
        except Exception as exc:  # openpyxl raises several types for a corrupt workbook
            raise DataError(f"cannot read the workbook: {exc}", file=path) from None
        return grid.map(
            lambda v: "" if v is None or (isinstance(v, float) and np.isnan(v)) else v
        ), "xlsx"
    if suffix not in (".csv", ".txt", ".tsv"):
        raise DataError(f"unsupported file type {suffix!r}; expected .csv or .xlsx", file=path)
    raw = path.read_bytes()
    if not raw.strip():
        raise DataError("the file is empty", file=path)
    enc = encoding or _sniff_encoding(raw, path)
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError as exc:
        raise DataError(f"not valid {enc}: {exc.reason} at byte {exc.start}", file=path) from None
    import csv
    import io as _io

    text = text.lstrip("\ufeff")
    sep = "\t" if suffix == ".tsv" else _sniff_delimiter(text)
    try:
        rows = list(csv.reader(_io.StringIO(text), delimiter=sep, strict=True))
    except csv.Error as exc:
        raise DataError(
            f"malformed CSV ({exc}): an unclosed quote, or a truncated file", file=path
        ) from None
    width = max((len(r) for r in rows), default=0)
    if rows and not text.endswith(("\n", "\r")) and 1 < len(rows[-1]) < len(rows[0]):
        raise DataError(
            f"the last row has {len(rows[-1])} of {len(rows[0])} fields and no line end: "
            "the file looks truncated",
            file=path,
            row=len(rows),
        )
    grid = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=object)
    return grid, enc


def _sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever splits the first table-like line into most fields."""
    for line in text.splitlines()[:20]:
        counts = {sep: line.count(sep) for sep in (",", ";", "\t")}
        best = max(counts, key=counts.get)
        if counts[best] >= 1:
            return best
    return ","


def _header_row(grid: pd.DataFrame) -> int:
    """First row with at least two non-empty cells (title lines above a table are skipped)."""
    for i in range(len(grid)):
        if sum(str(v).strip() != "" for v in grid.iloc[i]) >= 2:
            return i
    return -1


def _year_of(header: str) -> int | None:
    m = _YEAR_HEADER.match(unicodedata.normalize("NFKC", str(header)).replace(".0", ""))
    return int(m.group(1)) if m else None


def _split_unit(header: str) -> tuple[str, str | None]:
    """``'地区生产总值(亿元)'`` -> (``'地区生产总值'``, ``'cny_100m'``)."""
    text = unicodedata.normalize("NFKC", str(header)).strip()
    m = _UNIT_IN_HEADER.search(text)
    if m:
        try:
            return (text[: m.start()] + text[m.end() :]).strip(), resolve_unit(m.group(1))
        except UnknownNameError:
            pass
    for symbol in ("万亿元", "亿元", "万元", "万人", "元"):  # a unit written after the name
        if text.endswith(symbol) and len(text) > len(symbol):
            return text[: -len(symbol)].strip(" ,:：/"), resolve_unit(symbol)
    return text, None


def _indicator_of(name: str) -> str | None:
    key = _norm(name)
    reg = _indicators()
    for col in ("id", "name_zh", "name_en"):
        hit = reg[reg[col].map(_norm) == key]
        if len(hit):
            return str(hit["id"].iloc[0])
    return None


def _is_total(name: str) -> bool:
    key = _norm(name).replace(" ", "")
    return key in TOTAL_NAMES or key.endswith("合计") or key.endswith("总计")


def _is_note(first_cell: str, rest_empty: bool) -> bool:
    key = _norm(first_cell)
    return key.startswith(NOTE_PREFIXES) and (rest_empty or key.startswith(("注:", "注：")))


def read_table(
    path: str | Path,
    source_id: str = "user",
    *,
    indicator: str | None = None,
    unit: str | None = None,
    year: int | None = None,
    layout: str = "auto",
    sheet: str | int | None = None,
    encoding: str | None = None,
    vintage: str = "unknown",
    source_kind: str = "user",
) -> pd.DataFrame:
    """Read a CSV or XLSX table of district figures into long observations.

    Parameters
    ----------
    path : str or Path
    source_id : str
        Name of this source in the result (its rows' ``source_id``).
    indicator, unit, year : optional
        Fill in what the table does not say: the indicator of a one-indicator table, the unit
        where no column or header gives one, the year of a one-year table.
    layout : ``auto``, ``long``, ``indicators``, ``districts_rows``, ``districts_cols`` or
        ``indicator_years``
    sheet, encoding : optional
        The sheet of a workbook; the text encoding of a CSV (default: detected).
    vintage, source_kind : str
        Recorded on every row (the panel's selection policy ranks them).

    Returns
    -------
    DataFrame
        The observation columns of :func:`jbanalysis.load_observations` (canonical ids and
        units; ``published_value``/``published_unit`` as written), ready to
        ``pd.concat`` with the bundled observations and pass to ``load_panel(observations=...)``.
        ``attrs["report"]`` counts rows in, used and rejected.

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
    if not path.is_file():
        raise DataError("no such file", file=path)
    grid, enc = _read_grid(path, encoding, sheet)
    head = _header_row(grid)
    if head < 0:
        raise DataError("no table found (no row with two or more filled cells)", file=path)
    header = [str(v).strip() for v in grid.iloc[head]]
    second = _second_header(grid, head)
    report = ReadReport(file=path.name, encoding=enc)
    if second is not None:
        # A merged two-row header (indicator over years): '地区生产总值(亿元)|2019' per column.
        filled, last = [], ""
        for j, name in enumerate(header):
            last = name or last
            filled.append(f"{last}|{second[j]}" if j and second[j] else name)
        header = filled
        if layout == "auto":
            layout = "indicator_years"
    body = grid.iloc[head + (2 if second is not None else 1) :]
    if not len(body):
        raise DataError("header only: the table has no data rows", file=path, row=head + 1)
    dup = [h for h in header if h and header.count(h) > 1]
    if dup:
        raise DataError(f"duplicate column {dup[0]!r}", file=path, row=head + 1, column=dup[0])
    report.layout = layout if layout != "auto" else _detect_layout(header, path, head)
    records = _records(report.layout, header, body, head, path, report, indicator, year, second)
    table = _finish(records, path, report, source_id, indicator, unit, vintage, source_kind)
    table.attrs["report"] = report
    return table


def _find(header: list[str], names: set[str]) -> int | None:
    for i, h in enumerate(header):
        if _norm(_split_unit(h)[0]) in names:
            return i
    return None


def _detect_layout(header: list[str], path: Path, head: int) -> str:
    d, y, v = (
        _find(header, DISTRICT_HEADERS),
        _find(header, YEAR_HEADERS),
        _find(header, VALUE_HEADERS),
    )
    if d is not None and y is not None:
        if v is None and _find(header, INDICATOR_HEADERS) is not None:
            raise DataError(
                "a long table (district, year, indicator) needs a value column (value/数值)",
                file=path,
                row=head + 1,
            )
        return "long" if v is not None else "indicators"
    if d is not None and any(_year_of(h) for h in header):
        return "districts_rows"
    if y is not None:
        return "districts_cols"
    if any(_year_of(h) for h in header[1:]):  # an unnamed first column holding district names
        return "districts_rows"
    raise DataError(
        "cannot tell the layout: expected a district column (district/地区/区县) and a year column "
        "(year/年份) or year columns (2020, 2020年), or a year column and district columns",
        file=path,
        row=head + 1,
    )


def _cell(value) -> str:
    return "" if value is None else str(value).strip()


def _second_header(grid: pd.DataFrame, head: int) -> list[str] | None:
    """The year row under a merged header row, or None (first cell empty, the rest years)."""
    if head + 1 >= len(grid):
        return None
    top = [str(v).strip() for v in grid.iloc[head]]
    below = [str(v).strip() for v in grid.iloc[head + 1]]
    filled = [c for c in below[1:] if c]
    if below[0] or not filled or "" not in top[1:]:
        return None
    if all(_year_of(c) for c in filled):
        return [str(_year_of(c)) if c else "" for c in below]
    return None


def _records(layout, header, body, head, path, report, indicator, year, second=None) -> list[dict]:
    """One dict per non-missing cell: district, year, indicator, value, unit, line, column."""
    records: list[dict] = []
    report.rows_in = len(body)
    d_col = _find(header, DISTRICT_HEADERS)
    y_col = _find(header, YEAR_HEADERS)
    if layout in ("districts_rows", "indicator_years") and d_col is None:
        d_col = 0
    total_cols = set()
    if layout == "districts_cols":
        total_cols = {
            j for j, h in enumerate(header) if j != y_col and _is_total(_split_unit(h)[0])
        }
        report.rejected_columns = [header[j] for j in sorted(total_cols)]
    first_line = head + (3 if second is not None else 2)
    for offset, (_, row) in enumerate(body.iterrows()):
        line = first_line + offset
        cells = [_cell(v) for v in row]
        if all(c == "" for c in cells):
            report.rejected.append((line, "empty row"))
            continue
        first = next(c for c in cells if c != "")
        if _is_note(first, sum(c != "" for c in cells) == 1):
            report.rejected.append((line, f"note row {first[:20]!r}"))
            continue
        label = cells[d_col] if d_col is not None else cells[y_col]
        if layout != "districts_cols" and _is_total(label):
            report.rejected.append((line, f"total row {label!r} (excluded, not summed in)"))
            continue
        if layout == "long":
            records += _long_row(header, cells, line, year, path)
        elif layout == "indicators":
            records += _cells(
                header,
                cells,
                line,
                path,
                district=cells[d_col],
                year=_year_cell(cells[y_col], path, line, header[y_col]),
                skip={d_col, y_col},
                by="indicator",
            )
        elif layout == "districts_rows":
            records += _cells(
                header,
                cells,
                line,
                path,
                district=cells[d_col],
                indicator=indicator,
                skip={d_col},
                by="year",
            )
        elif layout == "districts_cols":
            records += _cells(
                header,
                cells,
                line,
                path,
                year=_year_cell(cells[y_col], path, line, header[y_col]),
                indicator=indicator,
                skip={y_col, *total_cols},
                by="district",
            )
        elif layout == "indicator_years":
            records += _cells(
                header,
                cells,
                line,
                path,
                district=cells[d_col],
                skip={d_col},
                by="indicator_year",
            )
        else:
            raise ValueError(f"unknown layout {layout!r}")
        report.rows_used += 1
    return records


def _year_cell(text: str, path, line, column) -> int:
    y = _year_of(text) if text else None
    if y is None:
        try:
            value = parse_number(text)
        except ValueError:
            value = None
        y = int(value) if value is not None and float(value).is_integer() else None
    if y is None:
        raise DataError(f"{text!r} is not a year", file=path, row=line, column=column)
    return y


def _long_row(header, cells, line, year, path) -> list[dict]:
    col = {
        name: _find(header, names)
        for name, names in [
            ("district", DISTRICT_HEADERS),
            ("year", YEAR_HEADERS),
            ("indicator", INDICATOR_HEADERS),
            ("value", VALUE_HEADERS),
            ("unit", UNIT_HEADERS),
        ]
    }
    value_header = header[col["value"]]
    return [
        {
            "district": cells[col["district"]],
            "year": _year_cell(cells[col["year"]], path, line, header[col["year"]])
            if col["year"] is not None
            else year,
            "indicator": cells[col["indicator"]] if col["indicator"] is not None else None,
            "raw": cells[col["value"]],
            "unit": cells[col["unit"]]
            if col["unit"] is not None and cells[col["unit"]]
            else _split_unit(value_header)[1],
            "line": line,
            "column": value_header,
        }
    ]


def _cells(
    header, cells, line, path, skip, by, district=None, year=None, indicator=None
) -> list[dict]:
    out = []
    for j, (name, text) in enumerate(zip(header, cells, strict=True)):
        if j in skip or (name == "" and text == ""):
            continue
        if name == "":
            raise DataError(
                "a value under a column with no header", file=path, row=line, column=f"#{j + 1}"
            )
        rec = {
            "district": district,
            "year": year,
            "indicator": indicator,
            "raw": text,
            "unit": None,
            "line": line,
            "column": name,
        }
        if by == "year":
            rec["year"] = _year_of(name)
            if rec["year"] is None:
                raise DataError(
                    "expected a year column (2020 or 2020年)", file=path, row=line, column=name
                )
        elif by == "district":
            rec["district"] = _split_unit(name)[0]
        else:  # by indicator, or by indicator and year ('地区生产总值(亿元)|2019')
            label, _, year_text = name.partition("|")
            if by == "indicator_year":
                rec["year"] = _year_of(year_text)
            label, unit = _split_unit(label)
            rec["indicator"] = _indicator_of(label)
            rec["unit"] = unit
            if rec["indicator"] is None:
                raise DataError(
                    f"column {name!r} is not a known indicator (an id, Chinese or English name in "
                    "data/indicators.csv)",
                    file=path,
                    row=line,
                    column=name,
                )
        out.append(rec)
    return out


def _finish(
    records, path, report, source_id, indicator, unit, vintage, source_kind
) -> pd.DataFrame:
    rows = []
    index = _alias_index()
    for rec in records:
        try:
            value = parse_number(rec["raw"])
        except ValueError as exc:
            raise DataError(
                f"{exc}; expected a number or a missing mark (—, .., empty)",
                file=path,
                row=rec["line"],
                column=rec["column"],
            ) from None
        if value is None:
            report.missing_cells += 1
            continue
        name = str(rec["district"]).strip()
        if _normalise(name) not in index:
            try:
                from jbanalysis.districts import resolve_district

                resolve_district(name)
            except UnknownNameError as exc:
                col = rec["column"] if report.layout == "districts_cols" else "district"
                raise DataError(str(exc), file=path, row=rec["line"], column=col) from None
        ind = rec["indicator"] or indicator
        if not ind:
            raise DataError(
                "no indicator: the table has no indicator column; pass indicator=",
                file=path,
                row=rec["line"],
                column=rec["column"],
            )
        resolved = _indicator_of(ind) or ind
        u = rec["unit"] or unit
        if not u:
            raise DataError(
                f"no unit for {resolved!r}: expected a unit column, a unit in the header such as "
                "'(万元)', or unit=",
                file=path,
                row=rec["line"],
                column=rec["column"],
            )
        year = rec["year"]
        if year is None:
            raise DataError(
                "no year: the table has no year column or year headers; pass year=",
                file=path,
                row=rec["line"],
                column=rec["column"],
            )
        if not YEAR_RANGE[0] <= int(year) <= YEAR_RANGE[1]:
            raise DataError(
                f"year {year} is out of range {YEAR_RANGE[0]}–{YEAR_RANGE[1]}",
                file=path,
                row=rec["line"],
                column=rec["column"],
            )
        rows.append(
            {
                "district": name,
                "year": int(year),
                "indicator": resolved,
                "value": value,
                "unit": u,
                "source_id": source_id,
                "record": f"{path.name}:row {rec['line']}:{rec['column']}",
                "vintage": vintage,
                "flag": "observed",
                "source_kind": source_kind,
                "reliability": "",
                "published_value": value,
                "published_unit": u,
                "correction": "",
                "note": "",
                "period": "Y",
                "bound": "",
                "line": rec["line"],
                "column": rec["column"],
            }
        )
    report.values = len(rows)
    if not rows:
        return pd.DataFrame(columns=OBSERVATION_COLUMNS)
    frame = pd.DataFrame(rows)
    frame = harmonise(frame, path)
    _check_values(frame, path)
    return frame[OBSERVATION_COLUMNS].reset_index(drop=True)


def _check_values(frame: pd.DataFrame, path: Path) -> None:
    key = ["district", "year", "indicator"]
    dup = frame[frame.duplicated(key, keep=False)]
    if len(dup):
        first, second = dup.iloc[0], dup[(dup[key] == dup.iloc[0][key]).all(axis=1)].iloc[1]
        raise DataError(
            f"duplicate key {first['district']} {first['year']} {first['indicator']}: also on row {first['line']}",
            file=path,
            row=int(second["line"]),
            column=str(second["column"]),
        )
    kinds = load_indicators().set_index("id")["kind"]
    negative = frame[
        (frame["value"] < 0) & frame["indicator"].map(kinds).isin(["level", "count", "per_capita"])
    ]
    if len(negative):
        bad = negative.iloc[0]
        raise DataError(
            f"negative {bad['indicator']} {bad['published_value']:g}: a level cannot be negative",
            file=path,
            row=int(bad["line"]),
            column=str(bad["column"]),
        )
