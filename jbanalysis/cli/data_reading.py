"""``jbanalysis data add``: the options that say how to read a table (``--column``, ``--recipe``,
``--save-recipe``, ``--dry-run``), and what a dry run prints."""

from __future__ import annotations

import argparse


def add_reading_arguments(add: argparse.ArgumentParser) -> None:
    add.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="HEAD=ROLE",
        help="read a column as you say (repeatable): HEAD as the reading shows it, its letter "
        "(C) or #position; ROLE ignore, district, year, indicator, unit, note, value, an "
        "indicator (gdp_real_growth, 人均地区生产总值(元)), a year or period (2025年1-9月), or "
        "several joined with '|'",
    )
    add.add_argument(
        "--dry-run",
        action="store_true",
        help="print how the table is read (every column's role, the rows left out, each value "
        "new / agreeing / conflicting) and store nothing",
    )
    add.add_argument(
        "--save-recipe",
        metavar="NAME",
        default=None,
        help="remember this reading (sheet, column roles, unit, period rule) in the folder, for "
        "next year's table of the same shape",
    )
    add.add_argument(
        "--recipe",
        metavar="NAME",
        default=None,
        help="read with a recipe saved earlier; a table whose layout changed is refused",
    )


def columns_of(said: list[str]) -> dict[str, str]:
    """``["比上年增长(%)=gdp_real_growth", "位次=ignore"]`` → a ``columns=`` dict.

    >>> columns_of(["上年=100=ignore", "C=gdp"])
    {'上年=100': 'ignore', 'C': 'gdp'}
    """
    out = {}
    for item in said:
        head, sep, role = item.rpartition("=")
        if not sep or not head.strip() or not role.strip():
            raise ValueError(f"--column {item!r}: expected HEAD=ROLE, e.g. --column '位次=ignore'")
        out[head.strip()] = role.strip()
    return out


def print_dry_run(obs, comparison, args, folder) -> int:
    print(obs.attrs["report"].explain())
    counts = comparison["status"].value_counts().to_dict() if len(comparison) else {}
    print(
        f"dry run: {len(obs)} values would be added as {args.source_id!r}: "
        f"{counts.get('new', 0)} new, {counts.get('agrees', 0)} agree with the bundled data, "
        f"{counts.get('conflicts', 0)} conflict; nothing stored"
    )
    for c in comparison[comparison["status"] == "conflicts"].to_dict("records"):
        print(
            f"  conflict: {c['district']} {c['year']} {c['indicator']}: yours {c['value']:g}, "
            f"bundled {c['bundled']}"
        )
    if args.save_recipe:
        print(
            f"(the recipe {args.save_recipe!r} is saved when the table is added, not in a dry run)"
        )
    return 0
