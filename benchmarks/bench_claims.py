"""Benchmark of the claims check, as a ratio of medians measured side by side in one run.

``check_claims()`` on the bundled ledger (57 claims: read and check the ledger, select the panel
of its indicators in every period, index it, check, word the verdicts) against its floor: the
one panel selection it cannot avoid, ``load_panel(indicators=<the ledger's>, period=None)``.
Both warm (observations cached in the process, as in a notebook or a second CLI call). The
difference is the claims check's own work; no target is set by the issue, the figure is recorded.

Then drafting (issue 17): ``extract_claims`` on the stored articles (``tests/data/articles``,
``data/articles``)
against checking the drafts it makes, side by side: how much of "paste a text, get verdicts"
the drafting costs.

Run: ``.venv/bin/python benchmarks/bench_claims.py [--repeat N]``; prints a Markdown table.
"""

from __future__ import annotations

import argparse

from bench_data import _interleaved  # one timing loop for the benchmarks (same folder)


def main(repeat: int) -> None:
    from jbanalysis.claims.check import check_claims
    from jbanalysis.claims.ledger import load_claims
    from jbanalysis.panel.load import load_panel

    claims, _ = load_claims()
    wanted = sorted({c.indicator for c in claims} | {"gdp"})
    cases = {
        "check_claims() (57 claims, en)": lambda: check_claims(lang="en"),
        "load_panel(the ledger's indicators, period=None)": lambda: load_panel(
            indicators=wanted, period=None
        ),
    }
    for fn in cases.values():  # first calls pay imports and caches; not what is measured
        fn()
    medians = _interleaved(cases, repeat)  # in turn: drift hits both alike
    (check, floor) = medians.values()
    print("| measured side by side (warm, median of", repeat, "runs) | seconds |")
    print("|---|---|")
    for name, seconds in medians.items():
        print(f"| `{name}` | {seconds:.3f} |")
    print(f"| ratio | {check / floor:.2f}× |")
    drafting(repeat)


def drafting(repeat: int) -> None:
    """``extract_claims`` on every stored article against ``check_claims`` on the drafts."""
    from pathlib import Path

    import pandas as pd

    from jbanalysis.claims.check import check_claims
    from jbanalysis.claims.extract.draft import extract_claims

    root = Path(__file__).parents[1]
    texts = sorted(
        [*(root / "tests/data/articles").glob("*.txt"), *(root / "data/articles").glob("*.txt")]
    )
    drafts = pd.concat([extract_claims(t, id_prefix=f"{i:02d}A") for i, t in enumerate(texts)])
    cases = {
        f"extract_claims() on {len(texts)} articles": lambda: [extract_claims(t) for t in texts],
        f"check_claims() on their {len(drafts)} drafted claims": lambda: check_claims(
            drafts, lang="en"
        ),
    }
    for fn in cases.values():
        fn()
    medians = _interleaved(cases, repeat)
    (extract, check) = medians.values()
    print()
    print("| drafting, side by side (warm, median of", repeat, "runs) | seconds |")
    print("|---|---|")
    for name, seconds in medians.items():
        print(f"| `{name}` | {seconds:.3f} |")
    print(f"| ratio | {extract / check:.2f}× |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    main(parser.parse_args().repeat)
