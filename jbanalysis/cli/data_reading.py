"""``jbanalysis data add``: the roles given with ``--column HEAD=ROLE``, and what a dry run
prints (the reading, and what would be added; nothing is stored)."""

from __future__ import annotations


def columns_of(said: list[str]) -> dict[str, str]:
    """``["比上年增长(%)=gdp_real_growth", "位次=ignore"]`` → a ``columns=`` dict.

    >>> from jbanalysis.cli.data_reading import columns_of
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


def print_dry_run(obs, comparison, args) -> int:
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
