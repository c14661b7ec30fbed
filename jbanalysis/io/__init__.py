"""Read a user's own table (CSV or XLSX) into validated long observations: :func:`read_table`.

``read_table`` reads what yearbook pages, bulletins and government Excel exports look like, and
is never silently wrong: each value is read right, or the table is refused with an error naming
the file, row and column, the cause and what to do. What is left out is accounted for
(``result.attrs["report"]``: rows in = rows used + rows rejected, with a reason for each).

* files: CSV/TSV in UTF-8 (BOM or not), UTF-16 (BOM or not), GB18030/GBK or Big5, any line
  endings; XLSX workbooks (the active visible sheet, or ``sheet=``), recognised by their bytes
  whatever their name; ``.xls``, HTML and PDF files are refused with how to convert them;
* layouts (detected): long (district, year, indicator, value, unit [, 比上年增长(%)]), one column
  per indicator, districts × years, years × districts, indicators over years (merged header),
  a one-district bulletin (指标 | 单位 | 2024年 | 比上年增长(%)), indicators × districts;
* numbers: ``1,234.5``, ``1.234,5`` (decimal comma, told from the numbers), full-width digits,
  footnote markers (①, ¹, ``*``: dropped, never digits), missing marks (—, .., empty: missing,
  never zero); Excel errors (``#REF!``), formulas without saved results, bounds (``>1200``) and a
  ``%`` on a level are errors;
* units from a unit column, the header (``(万元)``), the row label, a ``单位：亿元`` line or
  ``unit=`` — and an error where they disagree; converted to the canonical unit;
* rows: totals (合计, 全市), group totals (中心城区), notes (注：…, 备注, ``*``, their second line),
  unit lines, empty rows and rows with no values are rejected with their reason;
* values 30× or more away from the bundled value of the same series are refused as a likely unit
  mix-up unless ``accept_implausible=True``; plan targets (目标, 2035年) are not observations.
"""

from jbanalysis.io.account import ReadReport
from jbanalysis.io.numbers import parse_number
from jbanalysis.io.table import read_table

__all__ = ["ReadReport", "parse_number", "read_table"]
