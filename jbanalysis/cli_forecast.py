"""``jbanalysis forecast``: forecast one indicator of one district from the bundled panel.

Example: ``jbanalysis forecast --district jiangbei --indicator gdp --horizon 5`` prints the year,
mean, median and the 80 % / 95 % prediction intervals, then which years were fitted and why.
Heavy imports (pandas, statsmodels, the forecast package) happen in :func:`run`, not at import.
"""

from __future__ import annotations

import argparse


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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``forecast`` options to its sub-parser."""
    parser.add_argument(
        "--district", required=True, help="district name: jiangbei, 江北, 500105, …"
    )
    parser.add_argument(
        "--indicator",
        default="gdp",
        help="indicator: id, Chinese name or alias (gdp, 地区生产总值, 社零; default gdp)",
    )
    parser.add_argument("--horizon", type=int, default=5, help="years ahead (default: 5)")
    parser.add_argument(
        "--model",
        default="auto",
        help="auto (smallest backtest MASE), naive, drift, linear, loglinear, ets, arima, "
        "or several joined by + for an equal-weight combination (default: auto)",
    )
    parser.add_argument(
        "--breaks",
        default="known",
        help="known (fit since the last census revision), none, or years like 2009,2019",
    )
    parser.add_argument(
        "--gaps",
        default="error",
        choices=("error", "last_stretch"),
        help="a missing year in the fitting window is an error, or fit after the last gap",
    )
    parser.add_argument("--level", default="80,95", help="interval levels in %% (default: 80,95)")
    parser.add_argument("--policy", default="default", help="panel selection policy")
    parser.add_argument("--digits", type=int, default=2, help="decimals shown (default: 2)")


def run(args: argparse.Namespace) -> int:
    """Print the forecast table of ``args.indicator`` for ``args.district``; 0 on success."""
    from jbanalysis.districts import resolve_district
    from jbanalysis.forecast import forecast
    from jbanalysis.panel import load_panel, wide

    district = resolve_district(args.district)
    if args.horizon < 1:
        raise ValueError(f"--horizon {args.horizon}: expected a whole number of years >= 1")
    if args.digits < 0:
        raise ValueError(f"--digits {args.digits}: expected 0 or more")
    panel = load_panel(policy=args.policy, districts=[district], indicators=args.indicator)
    if panel.empty:
        raise ValueError(f"the bundled panel has no {args.indicator} values for {district}")
    indicator = str(panel["indicator"].iloc[0])
    series = wide(panel, indicator, districts=[district])[district]
    by_year = panel.set_index("year")
    try:
        table = forecast(
            series,
            horizon=args.horizon,
            model=args.model,
            level=_levels(args.level),
            breaks=_breaks(args.breaks),
            gaps=args.gaps,
            indicator=indicator,
            vintages=by_year["vintage"],
            flags=by_year["flag"],
        )
    except ValueError as exc:  # name the command-line options, not the Python arguments
        message = str(exc).replace("gaps='last_stretch'", "--gaps last_stretch")
        raise ValueError(message.replace("breaks=[...]", "--breaks YEAR,...")) from None
    unit = str(panel["unit"].iloc[0])
    model, detail = table["model"].iloc[0], table["detail"].iloc[0]
    print(f"{district} · {indicator} ({unit}) · model {model}: {detail}")
    shown = table.drop(columns=["model", "detail", "fit_start", "fit_end", "n_fit"])
    print(shown.to_string(index=False, float_format=lambda v: f"{v:.{args.digits}f}"))
    print("notes:")
    for note in table.attrs["notes"]:
        print(f"  - {note}")
    if table.attrs["diagnostics"]:
        print("diagnostics (warnings from statsmodels, kept out of the way):")
        for line in table.attrs["diagnostics"]:
            print(f"  - {line}")
    return 0
