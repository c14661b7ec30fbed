"""``jbanalysis forecast``: forecast one indicator of one district from the panel.

``jbanalysis forecast --district jiangbei --indicator gdp --horizon 5`` prints the year,
median (the point forecast), mean and the 80 % / 95 % prediction intervals, then which years were
fitted and why. It calls :func:`jbanalysis.forecast.panels.forecast_district`, as report 04 does,
so both give the same numbers for the same request (same vintages, breaks, horizon limit).
Heavy imports (pandas, statsmodels, the forecast package) happen in :func:`run`, not at import.
"""

from __future__ import annotations

import argparse

from jbanalysis.cli.common import add_user_dir, user_folder
from jbanalysis.cli.words import say

EXAMPLES = (
    "jbanalysis forecast --district 江北 --indicator gdp --horizon 5",
    "jbanalysis forecast --district 渝北 --indicator 社零 --model theta --level 80",
    "jbanalysis forecast --district jiangbei --breaks none --on-break cut",
    "jbanalysis forecast --district 大渡口 --indicator 社零 --last-year 2020 --user-dir ~/jb-data",
)


def _breaks(text: str) -> str | list[int]:
    if text in ("known", "none"):
        return text
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise ValueError(
            f"--breaks {text!r}: expected 'known', 'none' or comma-separated years like 2009,2019"
        ) from None


def _levels(text: str) -> list[float]:
    try:
        return [float(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise ValueError(f"--level {text!r}: expected percentages like 80,95") from None


def _age_line(table) -> str:
    """The last observed year, today's, the forecast years the data hold (an outturn beside the
    forecast, column ``actual``) and those already past but not yet in the data."""
    from jbanalysis.text.lists import fmt_years

    held = table["actual"].notna()
    published = table.loc[held, "year"].tolist()
    past = table.loc[table["past"] & ~held, "year"].tolist()
    last = table.attrs["last_observed"]
    line = f"last observed year {last}; today {table.attrs['today']}"
    if published:  # --last-year cut the series: its last year is the fit's, not the data's
        line = f"fitted to {last} (--last-year); today {table.attrs['today']}"
        line += f"; {fmt_years(published, 'en')} published (column actual, beside the forecast)"
    if past:
        line += f"; {fmt_years(past, 'en')}: past {'year' if len(past) == 1 else 'years'}, not yet in the data"
    return line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``forecast`` options to its sub-parser."""
    from jbanalysis.forecast import DEFAULT_MODEL, MAX_HORIZON, MODEL_NAMES
    from jbanalysis.forecast.options import GAPS

    parser.add_argument("--district", required=True, help=say("forecast.district"))
    parser.add_argument("--indicator", default="gdp", help=say("forecast.indicator"))
    parser.add_argument(
        "--horizon", type=int, default=5, help=say("forecast.horizon", max=MAX_HORIZON)
    )
    models = say("list_sep").join(MODEL_NAMES)
    parser.add_argument(
        "--model",
        default="auto",
        help=say("forecast.model", default=DEFAULT_MODEL, models=models),
    )
    parser.add_argument("--breaks", default="known", help=say("forecast.breaks"))
    parser.add_argument(
        "--on-break", default="adjust", choices=("adjust", "cut"), help=say("forecast.on_break")
    )
    parser.add_argument("--gaps", default="step", choices=GAPS, help=say("forecast.gaps"))
    parser.add_argument("--level", default="80,95", help=say("forecast.level"))
    parser.add_argument("--policy", default="default", help=say("forecast.policy"))
    parser.add_argument("--digits", type=int, default=2, help=say("forecast.digits"))
    parser.add_argument("--last-year", type=int, default=None, help=say("forecast.last_year"))
    add_user_dir(parser)


def run(args: argparse.Namespace) -> int:
    """Print the forecast table of ``args.indicator`` for ``args.district``; 0 on success."""
    from jbanalysis.forecast import MAX_HORIZON
    from jbanalysis.forecast.panels import forecast_district

    if not 1 <= args.horizon <= MAX_HORIZON:
        raise ValueError(
            f"--horizon {args.horizon}: expected a whole number of years from 1 to {MAX_HORIZON}"
        )
    if args.digits < 0:
        raise ValueError(f"--digits {args.digits}: expected 0 or more")
    try:
        with user_folder(args.user_dir):
            table = forecast_district(
                args.district,
                args.indicator,
                horizon=args.horizon,
                model=args.model,
                level=_levels(args.level),
                policy=args.policy,
                breaks=_breaks(args.breaks),
                gaps=args.gaps,
                on_break=args.on_break,
                last_year=args.last_year,
            )
    except ValueError as exc:  # name the command-line options, not the Python arguments
        message = str(exc).replace("gaps='narrow'", "--gaps narrow")
        message = message.replace("gaps='step'", "--gaps step")
        raise ValueError(message.replace("breaks=[...]", "--breaks YEAR,...")) from None
    inputs = table.attrs["inputs"]
    model, detail = table["model"].iloc[0], table["detail"].iloc[0]
    print(f"{inputs.district} · {inputs.indicator} ({inputs.unit}) · model {model}: {detail}")
    print(_age_line(table))
    shown = table.drop(columns=["model", "detail", "fit_start", "fit_end", "n_fit"])
    if shown["actual"].isna().all():
        shown = shown.drop(columns="actual")
    front = ["year", "median", "mean"]
    shown = shown[front + [c for c in shown.columns if c not in front]]
    print(shown.to_string(index=False, float_format=lambda v: f"{v:.{args.digits}f}"))
    print("point forecast: the median; notes:")
    for note in table.attrs["notes"]:
        print(f"  - {note}")
    if table.attrs["diagnostics"]:
        print("diagnostics (warnings from statsmodels, kept out of the way):")
        for line in table.attrs["diagnostics"]:
            print(f"  - {line}")
    return 0
