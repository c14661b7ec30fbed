"""``jbanalysis data info|validate|build|add|indicators|districts``: inspect, check and rebuild the
bundled dataset; add your own tables to a user data folder; list the names commands accept."""

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
        "--data-dir",
        default=None,
        help="also check this user data folder (default: $JBANALYSIS_USER_DATA if set)",
    )
    check.add_argument(
        "--all", action="store_true", help="list warnings and fixed findings too, not only a count"
    )
    build = sub.add_parser(
        "build", help="rebuild observations.csv (and datapackage.json) from the sources"
    )
    build.add_argument(
        "--data-dir", default=None, help="rebuild this user data folder instead of the bundle"
    )
    _add_parser(sub)
    names = sub.add_parser("indicators", help="indicator ids with Chinese and English names")
    names.add_argument("--grep", default=None, help="only names containing this text")
    places = sub.add_parser("districts", help="district ids with Chinese and English names")
    places.add_argument("--grep", default=None, help="only names containing this text")


def _add_parser(sub) -> None:
    add = sub.add_parser(
        "add",
        help="read a table (CSV/XLSX) into a user data folder",
        description="Read FILE with read_table and add its values, with their source, to a user "
        "data folder outside the package (see jbanalysis.sources.user).",
    )
    add.add_argument("file", help="the table: .csv, .tsv or .xlsx")
    add.add_argument("--data-dir", default=None, help="user data folder ($JBANALYSIS_USER_DATA)")
    add.add_argument("--source-id", required=True, help="id of this source, e.g. jlp_bulletin_2024")
    add.add_argument("--title", required=True, help="title of the publication")
    add.add_argument("--url", required=True, help="where it was published")
    add.add_argument(
        "--kind",
        required=True,
        help="source kind, as the selection policy ranks it: official_yearbook, census_official, "
        "official_bulletin, gov_work_report, gov_plan_report, gov_website, dataset_page, "
        "aggregator, news, encyclopedia, user",
    )
    add.add_argument(
        "--vintage",
        required=True,
        help="first_release, revised, preliminary, census, unknown or estimate",
    )
    add.add_argument("--publisher", default="", help="who published it")
    add.add_argument("--accessed", default=None, help="date accessed (default today)")
    add.add_argument("--reliability", default="medium", choices=["high", "medium", "low"])
    add.add_argument("--indicator", default=None, help="indicator of a one-indicator table")
    add.add_argument("--unit", default=None, help="unit where the table gives none (亿元)")
    add.add_argument("--year", type=int, default=None, help="year of a one-year table")
    add.add_argument("--district", default=None, help="district of a one-district table")
    add.add_argument(
        "--sheet",
        default=None,
        help="sheet of a workbook: its name, or its number counting from 1 as Excel shows them",
    )
    add.add_argument("--encoding", default=None, help="text encoding (default: detected)")
    add.add_argument("--decimal", default="auto", choices=["auto", ".", ","])
    add.add_argument(
        "--accept-implausible",
        metavar="REASON",
        default=None,
        help="keep values that look like slips (5x or more from their neighbouring years or the "
        "table's other rows), stating why they are right; the reason is stored beside each",
    )
    add.add_argument("--replace", action="store_true", help="read a source already added again")
    from jbanalysis.cli.data_reading import add_reading_arguments

    add_reading_arguments(add)


def run(args: argparse.Namespace) -> int:
    if args.action == "info":
        return _info(args.indicator, args.districts)
    if args.action == "validate":
        return _validate(args.data, args.all, args.data_dir)
    if args.action == "add":
        return _add(args)
    if args.action in ("indicators", "districts"):
        return _names(args.action, args.grep)
    if args.data_dir:
        from jbanalysis.sources.user import build_user

        print(f"{args.data_dir}: {build_user(args.data_dir)} observations")
        return 0
    from jbanalysis.sources.build import build

    print(build())
    return 0


def _names(what: str, grep: str | None) -> int:
    """Ids and names, so that a command line can be written without guessing."""
    from jbanalysis.names import normalise
    from jbanalysis.registry.districts import load_districts
    from jbanalysis.registry.indicators import load_indicators

    if what == "indicators":
        table = load_indicators()[["id", "name_zh", "name_en", "unit", "aliases"]]
    else:
        table = load_districts()[["id", "name_zh", "name_en", "group", "aliases"]]
    if grep:
        key = normalise(grep)
        hit = table.apply(lambda r: any(key in normalise(v) for v in r), axis=1)
        table = table[hit]
    width = max((len(i) for i in table["id"]), default=2)
    for row in table.itertuples(index=False):
        extra = f"  [{row[3]}]" if row[3] else ""
        also = f"  also: {row[4].replace('|', ', ')}" if row[4] else ""
        print(f"{row[0]:<{width}}  {row[1]}  {row[2]}{extra}{also}")
    print(f"({len(table)} {what}; any of these names is accepted where an id is asked for)")
    return 0


def _add(args) -> int:
    from jbanalysis.checks.user import add
    from jbanalysis.sources.user import ENV, user_data_dir

    folder = args.data_dir or (user_data_dir() and str(user_data_dir()))
    if not folder:
        raise ValueError(f"no user data folder: pass --data-dir DIR or set {ENV}")
    from jbanalysis.cli.data_reading import columns_of, print_dry_run

    obs, comparison = add(
        args.file,
        folder,
        source_id=args.source_id,
        title=args.title,
        url=args.url,
        kind=args.kind,
        vintage=args.vintage,
        publisher=args.publisher,
        accessed=args.accessed,
        reliability=args.reliability,
        replace=args.replace,
        indicator=args.indicator,
        unit=args.unit,
        year=args.year,
        district=args.district,
        sheet=args.sheet,
        encoding=args.encoding,
        decimal=args.decimal,
        accept_implausible=args.accept_implausible,
        columns=columns_of(args.column),
        dry_run=args.dry_run,
        recipe=args.recipe,
        save_recipe=args.save_recipe,
    )
    if args.dry_run:
        return print_dry_run(obs, comparison, args, folder)
    print(obs.attrs["report"].explain())
    if args.save_recipe:
        print(
            f"recipe {args.save_recipe!r} saved in {folder}/recipes: next year, --recipe {args.save_recipe}"
        )
    counts = comparison["status"].value_counts().to_dict()
    print(
        f"added {len(obs)} values as {args.source_id!r} to {folder}: "
        f"{counts.get('new', 0)} new, {counts.get('agrees', 0)} agree with the bundled data, "
        f"{counts.get('conflicts', 0)} conflict"
    )
    for c in comparison[comparison["status"] == "conflicts"].to_dict("records"):
        print(
            f"  conflict: {c['district']} {c['year']} {c['indicator']}: yours {c['value']:g}, "
            f"bundled {c['bundled']}; the panel takes {c['chosen']}"
        )
    print(f"use it: jbanalysis report --data-dir {folder}   (or set {ENV}={folder})")
    return 0


def _info(indicator: str, districts: str) -> int:
    import pandas as pd

    from jbanalysis.panel.load import load_panel
    from jbanalysis.panel.views import coverage_matrix
    from jbanalysis.registry.indicators import resolve_indicator
    from jbanalysis.sources.observations import load_observations, load_sources

    indicator = resolve_indicator(indicator)  # ids, 地区生产总值, 社零 …
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


def _validate(folder: str | None, show_all: bool, user_dir: str | None = None) -> int:
    import pandas as pd

    from jbanalysis.checks.user import validate_user
    from jbanalysis.checks.validation import validate
    from jbanalysis.sources.user import user_data_dir

    findings = validate(folder)
    mine = user_dir or user_data_dir()
    if mine:
        extra = validate_user(mine)
        extra["file"] = [
            f"{mine}/{f}" if f and not str(f).startswith("/") else f for f in extra["file"]
        ]
        findings = pd.concat([findings, extra], ignore_index=True)
    counts = findings["severity"].value_counts().to_dict()
    outliers = (findings["severity"] == "accepted") & (findings["rule"] == "slip")
    shown = findings if show_all else findings[(findings["severity"] == "error") | outliers]
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
