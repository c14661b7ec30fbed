"""``jbanalysis data info|validate|build``: inspect, check and rebuild the bundled dataset."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    info = sub.add_parser("info", help="sources, year range and coverage per district")
    info.add_argument("--indicator", default="gdp", help="indicator for the coverage table (gdp)")
    info.add_argument(
        "--districts", default="central", help="central, other, all, or comma-separated names"
    )
    check = sub.add_parser("validate", help="check the dataset; exit 1 on errors")
    check.add_argument("--data", default=None, help="a data folder (default: the bundled data)")
    check.add_argument(
        "--all", action="store_true", help="list warnings and fixed findings too, not only a count"
    )
    sub.add_parser("build", help="rebuild observations.csv and datapackage.json from the sources")


def run(args: argparse.Namespace) -> int:
    if args.action == "info":
        return _info(args.indicator, args.districts)
    if args.action == "validate":
        return _validate(args.data, args.all)
    from jbanalysis.data import build

    print(build())
    return 0


def _info(indicator: str, districts: str) -> int:
    import pandas as pd

    from jbanalysis.data import load_observations, load_sources
    from jbanalysis.indicators import resolve_indicator
    from jbanalysis.panel import coverage_matrix, load_panel

    indicator = resolve_indicator(indicator)
    group = districts if districts in ("central", "other", "all") else districts.split(",")
    obs = load_observations()
    sources = load_sources().set_index("id")
    counts = obs.groupby("source_id", observed=True).agg(
        values=("value", "size"), first=("year", "min"), last=("year", "max")
    )
    print("Sources")
    for sid, row in counts.iterrows():
        print(f"  {sid:<22} {row['values']:>6} values  {row['first']}–{row['last']}  ")
        print(f"  {'':<22} {sources.at[sid, 'title']}")
    print(f"\n{len(obs)} observations; flags: ", end="")
    print(", ".join(f"{k} {v}" for k, v in obs["flag"].value_counts().items()))
    panel = load_panel(indicators=indicator)
    matrix = coverage_matrix(panel, indicator, group)
    letters = {"observed": "●", "interpolated": "i", "corrected": "c", "derived": "d", "": "·"}
    print(f"\nCoverage of {indicator} (● observed, i interpolated, c corrected, · gap)")
    years = list(matrix.columns)
    print(f"  {'':<10} {years[0]}…{years[-1]}")
    for district, row in matrix.iterrows():
        cells = "".join(letters.get(v, "?") for v in row)
        have = int((row != "").sum())
        print(f"  {district:<10} {cells}  {have}/{len(years)} years")
    del pd
    return 0


def _validate(folder: str | None, show_all: bool) -> int:
    from jbanalysis.validation import validate

    findings = validate(folder)
    counts = findings["severity"].value_counts().to_dict()
    shown = findings if show_all else findings[findings["severity"] == "error"]
    for f in shown.to_dict("records"):
        where = ", ".join(
            str(x)
            for x in (
                f["file"],
                f"row {f['row']}" if f["row"] != "" else "",
                f"column {f['column']!r}" if f["column"] else "",
                f["record"],
            )
            if x
        )
        fix = f" [{f['correction']}]" if f["correction"] else ""
        print(f"{f['severity']}: {f['rule']}: {where}: {f['message']}{fix}")
    summary = ", ".join(
        f"{counts.get(s, 0)} {s}" for s in ("error", "warning", "accepted", "fixed")
    )
    print(f"validate: {summary}", file=sys.stderr if counts.get("error") else sys.stdout)
    return 1 if counts.get("error") else 0
