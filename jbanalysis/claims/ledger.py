"""The claims ledger: reading ``data/claims.csv`` (or a user's file) into checkable claims.

One row a claim: its id, the text as printed, where it was published (title, date, URL), the
district, indicator and period, the kind (``value``, ``growth``, ``share``, ``rank``), the stated
number and its printed precision (:mod:`jbanalysis.precision`), the group of a rank and the
denominator of a share. A row that cannot be read is reported with its row (the header is row 1)
and column and left out; the others are still read: rows in = rows checked + rows rejected.
The columns and types are :mod:`jbanalysis.claims.schema`'s, one row is read by
:func:`jbanalysis.claims.rows.parse_row`.

>>> import jbanalysis as jb
>>> claims, report = jb.load_claims()
>>> report.rows_in == report.rows_checked + report.rows_rejected
True
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import pandas as pd

from jbanalysis.claims.rows import GROUPS, group_ids, parse_period, parse_row, unit_factor
from jbanalysis.claims.schema import (
    KINDS,
    LEDGER_COLUMNS,
    REQUIRED_COLUMNS,
    VERDICTS,
    Claim,
    LedgerProblem,
    LedgerReport,
    verdict_counts,
)
from jbanalysis.errors import DataError
from jbanalysis.registry.paths import CLAIMS, bundle_path

# the ledger's public names, wherever they are defined (scripts import them from here)
__all__ = [
    "GROUPS",
    "KINDS",
    "LEDGER_COLUMNS",
    "REQUIRED_COLUMNS",
    "VERDICTS",
    "Claim",
    "LedgerProblem",
    "LedgerReport",
    "group_ids",
    "load_claims",
    "parse_period",
    "unit_factor",
    "verdict_counts",
]


def _read_ledger(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes nearly anything
        raise DataError("cannot tell the encoding: save the ledger as UTF-8", file=path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise DataError("the ledger is empty: expected a header row", file=path, row=1) from None
    except csv.Error as exc:
        raise DataError(f"not a CSV file ({exc})", file=path, row=1) from None
    rows, start = [], reader.line_num + 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                if len(cells) > len(header):
                    extra = {"__extra__": f"{len(cells)} cells for {len(header)} columns"}
                else:
                    extra = {}
                record = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
                rows.append((start, {**record, **extra}))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataError(f"broken CSV ({exc})", file=path, row=reader.line_num) from None
    return header, rows


def _read_workbook(path: Path) -> pd.DataFrame:
    """The ledger sheet of a workbook (``ledger``, else the first), every cell as text."""
    try:
        sheets = pd.read_excel(path, sheet_name=None, dtype=str, keep_default_na=False)
    except (ValueError, OSError) as exc:
        raise DataError(f"not a workbook Excel can read ({exc})", file=path) from None
    if not sheets:
        raise DataError("the workbook has no sheet", file=path)
    return sheets.get("ledger", next(iter(sheets.values())))


def _frame_rows(frame: pd.DataFrame) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    header = [str(c) for c in frame.columns]
    rows = []
    for i, record in enumerate(frame.astype(object).to_dict("records")):
        cells = {
            str(k): "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)
            for k, v in record.items()
        }
        rows.append((i + 2, cells))  # row 1 is the header, as in a file
    return header, rows


def load_claims(
    claims: str | Path | pd.DataFrame | None = None,
) -> tuple[list[Claim], LedgerReport]:
    """Read and check a claims ledger: the claims that can be checked, and a report of the rest.

    Parameters
    ----------
    claims : path or DataFrame, optional
        A ledger with the columns of :data:`LEDGER_COLUMNS` (``claim_id, text, district, indicator,
        period, kind, stated`` required): a CSV file, a workbook (its sheet ``ledger``, else its
        first: a draft reviewed in a spreadsheet) or a DataFrame; default the bundled
        ``data/claims.csv``.

    Returns
    -------
    claims : list of Claim
    report : LedgerReport
        rows in = rows checked + rows rejected; each rejected row's problems name the row (as an
        editor shows it: the header is row 1) and the column.

    Raises
    ------
    DataError
        The file cannot be read, or a required column is missing (no row can be checked).

    Examples
    --------
    >>> import jbanalysis as jb
    >>> claims, report = jb.load_claims()
    >>> str(report)  # doctest: +ELLIPSIS
    '...claims.csv: 57 rows in = 57 checked + 0 rejected'
    >>> c = next(c for c in claims if c.claim_id == "S09")
    >>> c.indicator, c.period, c.kind, round(c.low, 3), c.high, c.denominator
    ('nev_output', 'Y', 'share', 0.55, 0.6, 'chongqing')
    """
    if claims is None:
        claims = bundle_path(CLAIMS)
    if isinstance(claims, pd.DataFrame):
        name = "<DataFrame>"
        header, rows = _frame_rows(claims)
    else:
        path = Path(claims)
        name = str(path)
        if not path.is_file():
            raise FileNotFoundError(f"no claims ledger at {path}")
        if path.suffix.lower() in (".xlsx", ".xlsm"):  # a draft reviewed in a spreadsheet
            header, rows = _frame_rows(_read_workbook(path))
        else:
            header, rows = _read_ledger(path)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise DataError(
            f"missing required column(s) {missing}; a ledger has the columns "
            f"{', '.join(LEDGER_COLUMNS)}",
            file=name,
            row=1,
        )
    report = LedgerReport(name, rows_in=len(rows))
    parsed: list[Claim] = []
    seen: dict[str, int] = {}
    for line, cells in rows:
        problems = []
        claim = parse_row(cells, name, line, seen, problems)
        if problems:
            report.problems.extend(problems)
        elif claim is not None:
            parsed.append(claim)
            seen[claim.claim_id] = line
    report.rows_checked = len(parsed)
    assert report.rows_in == report.rows_checked + report.rows_rejected
    return parsed, report
