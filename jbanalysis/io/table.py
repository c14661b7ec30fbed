"""``read_table``: a user's table (CSV or XLSX) into validated long observations."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis.errors import DataError, UnknownNameError
from jbanalysis.io import finish
from jbanalysis.io import labels as lb
from jbanalysis.io.account import ReadReport
from jbanalysis.io.cells import Args, table_cells
from jbanalysis.io.explain import layout_name
from jbanalysis.io.files import read_grid
from jbanalysis.io.grid import Grid
from jbanalysis.io.header import Table, find_tables
from jbanalysis.io.recipes import Recipe, heads_shape, role_words
from jbanalysis.io.roles import column_roles
from jbanalysis.io.rowkeys import row_keys
from jbanalysis.io.rows import classify_rows
from jbanalysis.io.sides import merge_reads, side_windows, span
from jbanalysis.io.slips import check_slips
from jbanalysis.io.tally import account, no_values, nothing_read, where, year_filter
from jbanalysis.io.titles import growth_basis, read_title
from jbanalysis.registry.indicators import resolve_indicator, resolve_unit
from jbanalysis.registry.schema import OBSERVATION_COLUMNS

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
    "one_row",
)


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
    accept_implausible: str | None = None,
    ignore_columns: tuple[str, ...] | list[str] = (),
    columns: dict[str, str] | None = None,
    reference: pd.DataFrame | None = None,
    recipe: Recipe | None = None,
    explain: bool = False,
) -> pd.DataFrame:
    """Read a CSV or XLSX table of district figures into long observations, or say why not.

    Every column gets a role — a key (district, year, indicator, unit), values (with their
    indicator, year, period, unit) or left out with a reason (a rank, a row number, an index, a
    plan target, a single month, a measure the registry has no indicator for) — from its heads,
    its content and the title; ``columns=`` overrides any of it. The reading is in
    ``result.attrs["report"]`` (``print(report.explain())``; ``explain=True`` prints it).

    Parameters
    ----------
    path : str or Path
    source_id : str
        Name of this source in the result (its rows' ``source_id``).
    indicator, unit, year, district : optional
        What the table does not say itself: the indicator of a one-indicator table, the unit
        where no column, head or ``单位：`` line gives one, the year of a one-year table (or
        the one year to take from a table of several), the district of a one-district bulletin.
        Where the table says otherwise, that is an error, not a choice.
    layout : str
        ``auto`` or the layout you expect (``long``, ``indicators``, ``districts_rows``,
        ``districts_cols``, ``indicator_years``, ``indicator_rows``, ``indicator_districts``,
        ``years_indicators``); a different table is an error.
    sheet : str or int, optional
        The sheet of a workbook: its name, or its position as Excel users count (1 = the first
        sheet). Default: the active sheet if it holds a table, else the first that does.
    encoding : str, optional
        The text encoding of a CSV (default: detected).
    decimal : ``auto``, ``"."`` or ``","``
        The decimal separator (``auto``: told from numbers that can be read only one way).
    vintage, source_kind : str
        Recorded on every row (the panel's selection policy ranks them).
    accept_implausible : str, optional
        The reason values that look like slips are right (5× or more away from their series'
        neighbouring years or the table's other rows); stored in each such value's note.
    ignore_columns : list of str
        Columns to leave out (reported); the same as ``columns={head: "ignore"}``.
    columns : dict, optional
        Roles you give columns, by head (as written or as the report shows it), letter (``C``)
        or ``#position``: ``"ignore"``, ``"district"``, ``"year"``, ``"indicator"``,
        ``"unit"``, ``"note"``, ``"value"``, an indicator (``"gdp_real_growth"``,
        ``"人均地区生产总值(元)"``), a year or period (``"2025年1-9月"``), or several joined with
        ``|``.
    reference : DataFrame, optional
        Observations the values are compared with for slips (the bundled data and earlier user
        data: :func:`jbanalysis.userdata.reference`); without it, only the table itself.
    recipe : jbanalysis.io.recipes.Recipe, optional
        A reading saved from last year's table of the same shape: its column roles and
        arguments are applied, and a table whose layout changed is refused with what changed.
    explain : bool
        Print the reading (every column's role, the rows left out) as well.

    Returns
    -------
    DataFrame
        The observation columns of :func:`jbanalysis.load_observations` (canonical ids and
        units; ``published_value``/``published_unit`` as written). ``attrs["report"]`` is a
        :class:`ReadReport`: rows in = rows used + rows rejected, with reasons, and every
        column's reading.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "gdp.csv").write_text(
    ...     "地区,2021年,2022年\\n江北区,\\"1,507.07\\",１６０２．７６\\n渝中区,1517.7,—\\n合计,3024.77,\\n",
    ...     encoding="gbk")
    >>> obs = jb.io.read_table(folder / "gdp.csv", indicator="gdp", unit="亿元")
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
    overrides = dict(columns or {})
    for head in ignore_columns:
        overrides.setdefault(head, "ignore")
    if recipe is not None:
        sheet = recipe.sheet_for(path, sheet)
        decimal = decimal if decimal != "auto" else recipe.args.get("decimal", "auto")
        indicator, unit, district = (
            indicator or recipe.args.get("indicator"),
            unit or recipe.args.get("unit"),
            district or recipe.args.get("district"),
        )
    grid = read_grid(path, encoding, sheet)
    args = _args(path, indicator, unit, year, district, decimal)
    read = dict(
        overrides=overrides,
        args=args,
        recipe=recipe,
        source=(source_id, vintage, source_kind),
        reference=reference,
        accept_implausible=accept_implausible,
    )
    windows = side_windows(grid)
    if len(windows) > 1 and recipe is not None:
        spans = " and ".join(span(w) for w in windows)
        raise DataError(
            f"recipe {recipe.name!r} describes one table, and this sheet holds {len(windows)} "
            f"tables side by side (columns {spans}): read it without a recipe (each table is "
            "then read on its own)",
            file=grid.file,
        )
    if len(windows) > 1:  # tables side by side: each its own grid, read alone, then together
        out = merge_reads([_read_window(w, read) for w in windows], windows)
    else:
        out = _read_grid(grid, **read)
    report = out.attrs["report"]
    if layout != "auto" and report.layout != layout:
        raise DataError(
            f"the table is laid out as {report.layout!r}, not {layout!r} (layout=)", file=path
        )
    if explain:
        print(report.explain())
    return out


def _read_window(window: Grid, read: dict) -> pd.DataFrame:
    """One of the tables side by side; its errors name its columns."""
    try:
        return _read_grid(window, **read)
    except DataError as exc:
        raise DataError(
            f"the table in columns {span(window)} (tables side by side): {exc.reason}",
            file=exc.file,
            row=exc.row,
            column=exc.column,
        ) from None


def _read_grid(
    grid: Grid, *, overrides, args, recipe, source, reference, accept_implausible
) -> pd.DataFrame:
    """Every table of one grid, read, checked and accounted for (``attrs["report"]``)."""
    source_id, vintage, source_kind = source
    report = ReadReport(
        file=grid.path.name,
        encoding=grid.encoding,
        sheet=grid.sheet,
        notes=list(grid.notes),
        sheet_position=grid.sheet_position,
    )
    report._note_rows, report._rejected_by = [], {}
    tables = find_tables(grid)
    report.shape = heads_shape(grid, tables)
    if recipe is not None:
        overrides = recipe.apply(report.shape, overrides, grid.file)
        report.notes.append(f"read with recipe {recipe.name!r} (saved from {recipe.file})")
    frames, readings = [], []
    layouts = []
    for k, table in enumerate(tables):
        try:
            part, roles = _read_one(grid, table, overrides, args, report, k, len(tables))
        except DataError as exc:
            if len(tables) == 1:
                raise
            raise DataError(
                f"table {k + 1} of {len(tables)} ({where(grid, table)}): {exc.reason}",
                file=exc.file,
                row=exc.row,
                column=exc.column,
            ) from None
        if part is None:
            continue
        frames.append(part)
        readings.append(roles)
        layouts.append(layout_name(roles))
        shape = report.shape[k]
        by_col = (
            dict(tuple(part[["col", "indicator", "year", "period"]].groupby("col")))
            if len(part)
            else {}
        )
        shape["roles"] = [role_words(r, by_col.get(r.pos), shape["year"]) for r in roles]
    report.layout = layouts[0] if len(set(layouts)) == 1 else "several"
    report.header_row = grid.row(tables[0].head[0])
    frame = (
        pd.concat(frames, ignore_index=True)
        if len(frames) > 1
        else (frames[0] if frames else pd.DataFrame())
    )
    if len(frame) and frame["col"].nunique() > 1:  # in the order of the table: row by row
        frame = frame.iloc[np.lexsort((frame["col"].to_numpy(), frame["line"].to_numpy()))]
        frame = frame.reset_index(drop=True)
    if not len(frame):
        raise nothing_read(grid, report)
    frame = year_filter(frame, args, report, readings)
    finish.check_cells(grid, frame)
    frame["note"] = pd.Series(
        finish.notes_of(frame, finish.footnotes(report._note_rows)), index=frame.index, dtype=object
    )
    obs = finish.observations([(grid, frame)], source_id, vintage, source_kind)
    obs, repeats = finish.drop_repeats(obs)
    report.notes += repeats
    obs = check_slips(obs, reference, {"file": grid.file}, accept_implausible, report)
    report.values = len(obs)
    report.rejected.sort(key=lambda r: r[0])
    if recipe is not None:
        recipe.check_roles(report.shape, grid.file)
    out = obs[OBSERVATION_COLUMNS].reset_index(drop=True)
    out.attrs["report"] = report
    return out


def _args(path, indicator, unit, year, district, decimal) -> Args:
    from jbanalysis.registry.districts import resolve_district

    def named(fn, text, what):
        try:
            return fn(text)
        except UnknownNameError as exc:
            raise DataError(f"{what}={text!r}: {exc}", file=path) from None

    return Args(
        indicator=named(resolve_indicator, indicator, "indicator") if indicator else None,
        unit=(unit, named(resolve_unit, unit, "unit")) if unit else None,
        year=int(year) if year is not None else None,
        district=named(resolve_district, district, "district") if district else None,
        decimal=decimal,
    )


def _read_one(
    grid: Grid, table: Table, overrides, args: Args, report: ReadReport, k: int, count: int
):
    roles = column_roles(grid, table, overrides if k == 0 or count > 1 else {})
    data = [r for r in roles if r.kind in ("data", "value")]
    rows = classify_rows(grid, table, roles)
    notes = getattr(report, "_note_rows", [])
    report._note_rows = notes + rows.notes
    body_rows = grid.rows[table.start : table.end]
    if not data:
        if (k == 0 and count == 1) or not len(body_rows):
            raise DataError(no_values(roles), file=grid.file, row=grid.row(table.head[0]))
        report.rejected += [
            (int(r), f"in a table with no value columns ({where(grid, table)})") for r in body_rows
        ]
        report.rows_in += len(body_rows)
        return None, roles
    if len(body_rows) == 0:
        raise DataError(
            "header only: the table has no data rows", file=grid.file, row=grid.row(table.head[-1])
        )
    keys = row_keys(grid, table, roles, rows)
    title = read_title(table.title, grid.sheet, table.context)
    corner = [  # the head over the row labels, never a column left out (年均增长(%))
        r for r in roles if r.kind not in ("data", "value", "unit", "ignore") and r.facets.unit
    ]
    if table.unit is None and corner:  # 单位：亿元 in the corner cell, above the row labels
        table.unit = (corner[0].facets.unit, corner[0].facets.unit_text, grid.row(table.head[0]))
    if table.unit is None:  # 注：单位为亿元: a note giving the whole table's unit (one, or none)
        said = {u: t for t in [*table.title, *table.context, *rows.notes] if (u := lb.note_unit(t))}
        if len(said) == 1:
            (written, text), line = next(iter(said.items())), grid.row(table.head[0])
            table.unit, table.unit_said = (lb.unit_id(written), written, line), f"the note {text!r}"
            report.notes.append(f"unit {written} from {table.unit_said}, where nothing else says")
    basis = growth_basis([*table.title, *table.context, *rows.notes])
    cells = table_cells(grid, table, roles, rows, keys, title, args, basis)
    account(grid, table, roles, rows, keys, cells, title, report, k, count)
    return cells.frame, roles
