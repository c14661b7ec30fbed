"""What a read did with each row, column and cell, into its :class:`ReadReport`: the row account,
the columns left out and why, the words of an error where nothing could be read, and ``year=``
applied to a table of several years."""

from __future__ import annotations

import pandas as pd

from jbanalysis.errors import DataError, UnknownNameError
from jbanalysis.io.account import ReadReport
from jbanalysis.io.cells import Args, Cells
from jbanalysis.io.explain import column_readings
from jbanalysis.io.grid import Grid
from jbanalysis.io.header import Table
from jbanalysis.io.roles import Role
from jbanalysis.registry.indicators import resolve_indicator


def nothing_read(grid: Grid, report: ReadReport) -> DataError:
    """No value read: the error says why each row and cell was left out."""
    said = [f"row {row}: {why}" for row, why in sorted(report.rejected)[:6]]
    said += [f"{where}: {why}" for where, why in report.left_out[:3]]
    more = len(report.rejected) + len(report.left_out) - len(said)
    first = sorted(report.rejected)[0] if report.rejected else (None, "")
    column = report._rejected_by.get(first[0]) if first[0] is not None else None
    return DataError(
        "no values read: every row was left out — "
        + "; ".join(said)
        + (f"; … {more} more" if more > 0 else ""),
        file=grid.file,
        row=first[0],
        column=column,
    )


def where(grid: Grid, table: Table) -> str:
    rows = f"rows {grid.row(table.head[0])}–{grid.row(table.end - 1)}"
    title = f", {table.title[-1][:30]!r}" if table.title else ""
    return rows + title


def no_values(roles: list[Role]) -> str:
    kinds = {r.kind for r in roles}
    if "indicator" in kinds and kinds & {"district", "year"} and not kinds & {"unknown"}:
        return "a long table (district, year, indicator) needs a value column (value/数值)"
    said = "; ".join(
        f"{r.letter} {r.head!r}: " + (_unknown(r) if r.kind == "unknown" else r.reason or r.kind)
        for r in roles
        if r.kind not in ("district", "year", "indicator", "unit", "note", "code", "code_check")
    )
    return (
        "cannot tell the layout: no column holds values the reader can place — "
        f"{said or 'no columns besides the keys'}"
    )


def account(
    grid, table, roles, rows, keys, cells: Cells, title, report: ReadReport, k, count
) -> None:
    body_rows = grid.rows[table.start : table.end]
    rejected = list(rows.rejected)
    rejected += [(int(body_rows[p]), why) for p, why in sorted(keys.rejected.items())]
    rejected += [(r, "no values (every cell is missing)") for r in cells.empty_rows]
    report.rejected += rejected
    report._rejected_by.update({int(body_rows[p]): head for p, head in keys.rejected_by.items()})
    report.rows_in += len(body_rows)
    report.rows_used += len(body_rows) - len(rejected)
    report.missing_cells += cells.missing
    report.left_out += cells.left_out
    if count > 1:
        report.tables.append(f"{where(grid, table)}: {len(body_rows)} rows")
    for r in roles:
        if r.kind in ("ignore", "unknown", "parent", "text") and r.head:
            why = r.reason or "its head is not a known indicator, year, district or measure"
            if r.kind == "unknown":
                why = _unknown(r)
                r.reason = why
            report.ignored_columns.append((r.head, why))
    done = {c.letter for c in report.columns}
    report.columns += column_readings(roles, cells.frame, done if count > 1 else set())
    if rows.inherited:
        report.notes.append(
            f"row(s) {', '.join(map(str, rows.inherited[:8]))}: the district of the row above "
            "(an empty cell under a merged one)"
        )
    parts = sorted(set(pd.unique(cells.frame["period"])) - {"Y"}) if len(cells.frame) else []
    if parts:
        report.notes.append(
            f"values for part of a year ({', '.join(parts)}): kept as such; annual figures, "
            "panels and report sentences use full-year (Y) values only"
        )
    if not len(cells.frame):  # every cell left out: nothing came from the title
        return
    if title.year_said and (cells.frame["year"] == title.year).any():
        report.notes.append(title.year_said)
    if title.period_said and (cells.frame["period"] == title.period).any():
        report.notes.append(title.period_said)
    if (
        title.district
        and (cells.frame["district"] == title.district).all()
        and not any(r.kind == "district" for r in roles)
    ):
        report.notes.append(f"district {title.district} from the title {title.text[:40]!r}")


def _unknown(r: Role) -> str:
    name = r.facets.unknown or r.head
    hint = ""
    try:
        resolve_indicator(name)
    except UnknownNameError as exc:
        hint = exc.args[0].partition(";")[2].strip()
        hint = f" ({hint})" if hint else ""
    return (
        f"{name!r} is not a known indicator, year, district or measure{hint}; to read it, name "
        f"it: columns={{{r.head!r}: 'INDICATOR'}} (--column '{r.head}=INDICATOR')"
    )


def year_filter(frame: pd.DataFrame, args: Args, report: ReadReport, readings) -> pd.DataFrame:
    """``year=`` on a table of several years keeps that year, and reports what it left out."""
    if args.year is None:
        return frame
    other = frame["year"].to_numpy() != args.year
    if "relative" in frame:
        other &= ~frame["relative"].to_numpy(dtype=bool)
    if not other.any():
        return frame
    if other.all():
        raise DataError(
            f"no values for year={args.year}; the table has {sorted(set(frame['year']))}",
            file=report.file,
        )
    year_keyed = any(r.kind == "year" for roles in readings for r in roles)
    if year_keyed:
        keep_lines = set(frame.loc[~other, "line"])
        for line in pd.unique(frame.loc[other, "line"]):
            if line not in keep_lines:
                y = int(frame.loc[frame["line"] == line, "year"].iloc[0])
                report.rejected.append((int(line), f"year {y} not requested (year={args.year})"))
                report.rows_used -= 1
    else:
        for header in pd.unique(frame.loc[other, "header"]):
            y = int(frame.loc[other & (frame["header"] == header).to_numpy(), "year"].iloc[0])
            report.ignored_columns.append(
                (str(header), f"year {y} not requested (year={args.year})")
            )
    return frame[~other].reset_index(drop=True)
