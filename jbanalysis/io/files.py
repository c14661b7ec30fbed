"""What a file really is (by its bytes, not its name), and a text table as a grid of strings.

Encodings: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one: recognised by its
zero bytes), GB18030 (a superset of GBK and GB2312) and Big5, told apart by which decoding gives
the words statistical tables use. Line endings: Unix, Windows, old Mac (CR) or a mixture. Fields
of any length. A UTF-8 file is parsed by pandas' C reader straight from disk; other encodings are
decoded first.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError
from jbanalysis.io.grid import Grid

SNIFF_BYTES = 1 << 16
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# Characters frequent in Chinese statistical tables, simplified and traditional: a decoding that
# yields many of them is the right one (Big5 bytes decoded as GB18030 give rare characters).
_TABLE_CHARS = set(
    "区县市年地产生总值亿万元人口增长合计全数单位注指标项目城镇农村居民收入支出财政预算社会消费品零售"
    "固定资产投资金融机构存贷款余额中心北南江渝沙坪坝九龙坡大渡口碚巴重庆第一二三业"
    "區縣產總億萬長計數單標項鎮農財預會費資融機構貸餘額龍壩慶業"
)


def sniff_kind(path: Path, head: bytes) -> str:
    """``xlsx``, ``xls``, ``encrypted``, ``zip``, ``html``, ``pdf`` or ``text``, from the bytes."""
    if head.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile:
            return "zip"
        return "xlsx" if "xl/workbook.xml" in names else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "encrypted" if "EncryptedPackage".encode("utf-16-le") in head else "xls"
    if head.startswith(b"%PDF"):
        return "pdf"
    start = head[:1024].lstrip().lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) or b"<table" in start:
        return "html"
    return "text"


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when every other byte is zero (ASCII digits and separators)."""
    sample = head[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    z_even, z_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if z_odd > 0.3 and z_even < 0.05:
        return "utf-16-le"
    if z_even > 0.3 and z_odd < 0.05:
        return "utf-16-be"
    return None


def _score(text: str) -> float:
    chars = [c for c in text[:20000] if ord(c) > 0x2E80]
    if not chars:
        return 0.0
    return sum(c in _TABLE_CHARS for c in chars) / len(chars)


def choose_encoding(raw: bytes, path: Path) -> tuple[str, list[str]]:
    """The encoding of a text table, and notes about the choice."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", []
    bomless = _utf16_without_bom(raw)
    if bomless:
        return bomless, [f"UTF-16 without a byte-order mark (read as {bomless.upper()})"]
    try:
        raw.decode("utf-8")
        return "utf-8", []
    except UnicodeDecodeError as exc:
        if exc.start >= len(raw) - 3 and len(raw) >= SNIFF_BYTES:  # a sample cut mid-character
            return "utf-8", []
    scores = {}
    for enc in ("gb18030", "big5"):
        try:
            scores[enc] = _score(raw.decode(enc))
        except UnicodeDecodeError:
            continue
    if not scores:
        raise DataError(
            "cannot tell the encoding (tried UTF-8, UTF-16, GB18030/GBK and Big5); "
            "pass encoding= (for example encoding='gbk')",
            file=path,
        )
    best = max(scores, key=scores.get)
    if best == "big5":
        return "big5", ["Big5 (traditional characters; names compared in simplified form)"]
    return "gb18030", []


def sniff_separator(text: str, suffix: str) -> str:
    """Comma, semicolon or tab: whichever splits the first table-like lines into most fields."""
    if suffix == ".tsv":
        return "\t"
    lines = [ln for ln in re.split(r"\r\n|\r|\n", text)[:30] if ln.strip()]
    best, best_count = ",", 0
    for sep in (",", ";", "\t"):
        counts = sorted((ln.count(sep) for ln in lines), reverse=True)
        count = counts[min(2, len(counts) - 1)] if counts else 0  # robust to one odd line
        if count > best_count:
            best, best_count = sep, count
    return best


def read_text(path: Path, encoding: str | None) -> Grid:
    """A CSV/TSV file as a grid of strings (pandas' C reader; ragged rows padded with "")."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(SNIFF_BYTES)
        fh.seek(max(0, size - 4096))
        tail = fh.read()
    notes: list[str] = []
    direct = encoding is None and b"\x00" not in head and b"\x00" not in tail
    if encoding:
        enc = encoding
    else:
        enc, notes = choose_encoding(head if size > SNIFF_BYTES else path.read_bytes(), path)
    direct = direct and enc in ("utf-8", "utf-8-sig")
    text = None
    if not direct:
        raw = path.read_bytes()
        stripped = raw.rstrip(b"\x00") if not enc.startswith("utf-16") else raw
        if len(stripped) < len(raw):
            notes.append(f"{len(raw) - len(stripped)} NUL bytes of padding at the end ignored")
        try:
            text = stripped.decode(enc)
        except UnicodeDecodeError as exc:
            raise DataError(
                f"not valid {enc}: {exc.reason} at byte {exc.start}; pass encoding=", file=path
            ) from None
        except LookupError:
            raise DataError(f"unknown encoding {enc!r}", file=path) from None
        text = text.lstrip("\ufeff")
        if "\x00" in text:
            line = text[: text.index("\x00")].count("\n") + 1
            raise DataError(
                "a NUL byte inside the text: a binary file, or a different encoding "
                "(pass encoding=)",
                file=path,
                row=line,
            )
        if not text.strip():
            raise DataError("the file is empty", file=path)
        sample = text[:SNIFF_BYTES]
        end = text[-4096:]
    else:
        sample = head.decode(enc, errors="ignore").lstrip("\ufeff")
        end = tail.decode(enc, errors="ignore")
        if not head.strip(b" \t\r\n\xef\xbb\xbf"):
            raise DataError("the file is empty", file=path)
    sep = sniff_separator(sample, path.suffix.lower())
    width = _width(sample, sep)
    source = io.StringIO(text) if text is not None else path
    try:
        cells = pd.read_csv(
            source,
            sep=sep,
            header=None,
            names=range(width),
            dtype=object,  # plain Python strings: the cells are compared and mapped, not stored
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
            encoding=None if text is not None else enc,
            encoding_errors="strict",
        )
    except UnicodeDecodeError:
        if encoding:
            raise DataError(f"not valid {enc}; check encoding=", file=path) from None
        return read_text(path, _full_encoding(path))
    except pd.errors.ParserError as exc:
        raise _parser_error(exc, path, width) from None
    except pd.errors.EmptyDataError:
        raise DataError("the file is empty", file=path) from None
    _check_truncated(end, sep, width, path, len(cells))
    grid = Grid(
        path,
        cells,
        np.arange(1, len(cells) + 1),
        "csv",
        encoding=enc,
        separator=sep,
        notes=notes,
    )
    return grid


def _full_encoding(path: Path) -> str:
    enc, _ = choose_encoding(path.read_bytes(), path)
    return enc


def _width(sample: str, sep: str) -> int:
    """Widest row in the sample (the C reader needs it to accept a title line above the table)."""
    lines = sample.splitlines()[:-1] or sample.splitlines()
    reader = csv.reader(io.StringIO("\n".join(lines[:200])), delimiter=sep)
    try:
        return max((len(r) for r in reader), default=1)
    except csv.Error:
        return max((ln.count(sep) + 1 for ln in lines[:200]), default=1)


def _parser_error(exc: Exception, path: Path, width: int) -> DataError:
    text = str(exc)
    m = re.search(r"EOF inside string starting at row (\d+)", text)
    if m:
        return DataError(
            f"an unclosed quote: the quoted field that starts on row {int(m.group(1)) + 1} "
            "runs to the end of the file; close the quote or remove it",
            file=path,
            row=int(m.group(1)) + 1,
        )
    m = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", text)
    if m:
        return DataError(
            f"row {m.group(2)} has {m.group(3)} fields, more than the {width} of the table above "
            "it: a value under no column, or an unquoted separator inside a number "
            '(write "1,325.4" in quotes)',
            file=path,
            row=int(m.group(2)),
        )
    return DataError(f"malformed CSV: {text}", file=path)


def _check_truncated(end: str, sep: str, width: int, path: Path, n_rows: int) -> None:
    if not end or end.endswith(("\n", "\r")):
        return
    last = re.split(r"\r\n|\r|\n", end)[-1]
    try:
        fields = next(csv.reader([last], delimiter=sep))
    except (csv.Error, StopIteration):
        return
    if 1 < len(fields) < width:
        raise DataError(
            f"the last row has {len(fields)} of {width} fields and no line end: "
            "the file looks truncated",
            file=path,
            row=n_rows,
        )


_CONVERT = (
    "save it as .xlsx (Excel: File > Save As > Excel Workbook; LibreOffice: File > Save As > "
    "Excel 2007-365) or as CSV UTF-8, and read that"
)


def read_grid(path: Path, encoding: str | None, sheet) -> Grid:
    """The file as a grid of cells, whatever its name says: a CSV/TSV, or a workbook's sheet;
    other kinds of file are refused with how to convert them."""
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
        head = fh.read(SNIFF_BYTES)
    kind = sniff_kind(path, head)
    named = f" named {suffix}" if suffix != ".xls" else ""
    refused = {
        "xls": f"an Excel 97-2003 workbook (.xls){named}: jbanalysis reads .xlsx and CSV; {_CONVERT}",
        "encrypted": "a password-protected workbook: save a copy without a password and read that",
        "html": f"an HTML page named {suffix}, not a table file (web 'export to Excel' often writes "
        f"HTML): open it in Excel and {_CONVERT}",
        "pdf": "a PDF: copy the table into a spreadsheet and save it as .xlsx or CSV",
        "zip": "a zip archive, not an Excel workbook (it has no xl/workbook.xml)",
    }
    if kind in refused:
        raise DataError(refused[kind], file=path)
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
