"""Draw the README's chart: GDP of the nine central districts with the chosen one highlighted.

The same chart as in ``notebooks/02_jiangbei_vs_central_districts.ipynb`` (via
:func:`jbanalysis.plots.indicator_lines`), saved as a PNG with its takeaway sentence printed.

Usage::

    .venv/bin/python scripts/make_readme_chart.py [--district jiangbei] [--lang en]
        [--out docs/img/gdp_central_districts.png]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # a file, no window

import matplotlib.pyplot as plt

import jbanalysis as jb
from jbanalysis import metrics, plots
from jbanalysis.text.sentences import common, versus

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--district", default="jiangbei")
    parser.add_argument("--lang", default="en", choices=["zh", "en"])
    parser.add_argument("--out", default=str(ROOT / "docs" / "img" / "gdp_central_districts.png"))
    args = parser.parse_args(argv)
    district = jb.resolve_district(args.district)
    theme = plots.set_theme(args.lang)
    members = jb.district_ids("central")
    panel = jb.load_panel(districts=members, indicators="gdp", years=range(2005, 2023))
    ax = plots.indicator_lines(
        panel,
        "gdp",
        district,
        members,
        title=common.title("versus", district, theme.chart_lang),
    )
    ax.figure.set_size_inches(8.0, 4.4)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    ax.figure.savefig(out, dpi=110)
    plt.close(ax.figure)
    print(f"wrote {out}")
    comparison = metrics.level_comparison(panel, "gdp", district, members)
    print(versus.level_sentence(comparison, args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
