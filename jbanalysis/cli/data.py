"""``jbanalysis data info|validate|build|add|indicators|districts``: inspect, check and rebuild the
bundled dataset; add your own tables to a user data folder; list the names commands accept.

Heavy imports (pandas, the panel) happen inside the actions, not at import.
"""

from __future__ import annotations

import argparse
import sys

from jbanalysis.cli.common import Parser, add_user_dir, user_folder
from jbanalysis.cli.words import messages, say

EXAMPLES = (
    "jbanalysis data info --indicator 社零 --district 江北,渝北",
    "jbanalysis data validate --user-dir ~/jb-data",
    "jbanalysis data add bulletin_2024.csv --user-dir ~/jb-data --source-id jlp_bulletin_2024 \\",
    "    --kind official_bulletin --vintage first_release --title ... --url ...",
    "jbanalysis data indicators --grep 零售",
)


def _info(parser: Parser) -> None:
    parser.add_argument("--indicator", default="gdp", help=say("data.info.indicator"))
    parser.add_argument("--district", default="central", help=say("data.info.district"))
    parser.add_argument("--districts", dest="district", help=argparse.SUPPRESS)  # before 0.2
    add_user_dir(parser)


def _validate(parser: Parser) -> None:
    parser.add_argument(
        "--bundle-dir", "--data", metavar="DIR", help=say("data.validate.bundle_dir")
    )
    add_user_dir(parser, "data.validate.user_dir")
    parser.add_argument("--all", action="store_true", help=say("data.validate.all"))


def _build(parser: Parser) -> None:
    add_user_dir(parser, "data.build.user_dir")


def _add(parser: Parser) -> None:
    from jbanalysis.registry.schema import ALL_SOURCE_KINDS, RELIABILITIES, VINTAGES

    def option(name: str, **kwargs) -> None:
        key = f"data.add.{name.lstrip('-').replace('-', '_')}"
        parser.add_argument(name, help=say(key, **kwargs.pop("fields", {})), **kwargs)

    option("file")
    add_user_dir(parser, "data.add.user_dir")
    option("--source-id", required=True)
    option("--title", required=True)
    option("--url", required=True)
    option("--kind", required=True, fields={"kinds": say("list_sep").join(ALL_SOURCE_KINDS)})
    option("--vintage", required=True, fields={"vintages": say("list_sep").join(VINTAGES)})
    option("--publisher", default="")
    option("--accessed", default=None)
    option("--reliability", default="medium", choices=RELIABILITIES)
    option("--indicator", default=None)
    option("--unit", default=None)
    option("--year", type=int, default=None)
    option("--district", default=None)
    option("--sheet", default=None)
    option("--encoding", default=None)
    option("--decimal", default="auto", choices=["auto", ".", ","])
    option("--accept-implausible", metavar="REASON", default=None)
    option("--replace", action="store_true")
    option("--column", action="append", default=[], metavar="HEAD=ROLE")
    option("--dry-run", action="store_true")
    option("--save-recipe", metavar="NAME", default=None)
    option("--recipe", metavar="NAME", default=None)


def _grep(parser: Parser) -> None:
    parser.add_argument("--grep", default=None, help=say("data.grep"))


#: The actions of ``jbanalysis data``, in the order the help lists them, and their options.
ACTIONS = {
    "info": _info,
    "validate": _validate,
    "build": _build,
    "add": _add,
    "indicators": _grep,
    "districts": _grep,
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``data`` actions and their options to its sub-parser."""
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION", parser_class=Parser)
    parser._positionals.title = say("commands")
    for name, options in ACTIONS.items():
        help_text = say(f"data.{name}.help")
        key = f"data.{name}.description"
        description = say(key) if key in messages() else help_text
        action = sub.add_parser(name, help=help_text, description=description)
        options(action)


def run(args: argparse.Namespace) -> int:
    """Run the action ``args.action``; its exit status."""
    if args.action == "info":
        with user_folder(args.user_dir):
            return _show_info(args.indicator, args.district)
    if args.action == "validate":
        return _check(args.bundle_dir, args.all, args.user_dir)
    if args.action == "add":
        return _add_table(args)
    if args.action in ("indicators", "districts"):
        return _names(args.action, args.grep)
    if args.user_dir:
        from jbanalysis.sources.user import build_user

        print(f"{args.user_dir}: {build_user(args.user_dir)} observations")
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


def _add_table(args: argparse.Namespace) -> int:
    from jbanalysis.checks.user import add
    from jbanalysis.sources.user import ENV, user_data_dir

    folder = args.user_dir or (user_data_dir() and str(user_data_dir()))
    if not folder:
        raise ValueError(f"no user data folder: pass --user-dir DIR or set {ENV}")
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
        return print_dry_run(obs, comparison, args)
    print(obs.attrs["report"].explain())
    if args.save_recipe:
        print(
            f"recipe {args.save_recipe!r} saved in {folder}/recipes; next year: --recipe {args.save_recipe}"
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
    print(f"use it: jbanalysis report --user-dir {folder}   (or set {ENV}={folder})")
    return 0


def _show_info(indicator: str, districts: str) -> int:
    import pandas as pd

    from jbanalysis.panel.load import load_panel
    from jbanalysis.panel.views import coverage_matrix
    from jbanalysis.registry.districts import GROUPS
    from jbanalysis.registry.indicators import resolve_indicator
    from jbanalysis.sources.observations import load_observations, load_sources

    indicator = resolve_indicator(indicator)  # ids, 地区生产总值, 社零 …
    group = districts if districts in GROUPS else districts.split(",")
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


def _check(folder: str | None, show_all: bool, user_dir: str | None = None) -> int:
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
