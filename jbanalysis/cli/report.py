"""``jbanalysis report``: execute the notebooks and render the HTML reports with an index.

Kept light at import (argparse only): the notebook machinery is imported inside :func:`run`.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``jbanalysis report``."""
    parser.add_argument(
        "--district",
        default="jiangbei",
        help="district to report on, in any form (江北, 江北区, Jiangbei, 500105); default jiangbei",
    )
    parser.add_argument(
        "--lang", default="zh", choices=["zh", "en"], help="language of the reports (default zh)"
    )
    parser.add_argument(
        "--out", default="reports", help="output folder for the HTML reports (default reports/)"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        help=f"notebooks executed at once (default: the number of cores, {os.cpu_count()})",
    )
    parser.add_argument(
        "--start-year", type=int, default=None, help="first year shown (default 2005)"
    )
    parser.add_argument(
        "--end-year",
        type=int,
        default=None,
        help="last year shown (default: the latest in the data)",
    )
    parser.add_argument(
        "--horizon", type=int, default=None, help="forecast years ahead, 1-20 (default 5)"
    )
    parser.add_argument(
        "--data-dir",
        default=None,
        help="a user data folder whose values join the bundled ones (jbanalysis data add); "
        "default $JBANALYSIS_USER_DATA",
    )
    parser.add_argument(
        "--notebooks",
        default=None,
        help="folder of the report notebooks (default: notebooks/ of the source checkout)",
    )


def run(args: argparse.Namespace) -> int:
    """Check the district first, then build the reports; 1 if any notebook failed, else 0.

    Raises
    ------
    ValueError
        Unknown district or a bad ``--jobs`` (the CLI turns it into exit status 2).
    """
    from jbanalysis.report.build import build_reports, report_parameters

    if args.data_dir:
        _use_user_data(args.data_dir)
    # Validate everything before any kernel starts: a typo costs nothing.
    extra = {
        name: value
        for name, value in (
            ("start_year", args.start_year),
            ("end_year", args.end_year),
            ("horizon", args.horizon),
        )
        if value is not None
    }
    try:
        params = report_parameters(args.district, args.lang, extra)
    except ValueError as exc:
        # name the option as the user typed it: 'start year' -> '--start-year'
        raise ValueError(re.sub(r"^(start year|end year|horizon)", _option, str(exc))) from None
    if args.jobs is not None and args.jobs < 1:
        raise ValueError(f"--jobs must be at least 1, got {args.jobs}")
    _check_writable(args.out)
    results = build_reports(
        params["district"],
        params["lang"],
        args.out,
        jobs=args.jobs,
        notebooks=args.notebooks,
        extra=extra,
    )
    failed = [r for r in results if not r.ok]
    for r in results:
        if r.ok:
            print(f"{r.html}  ({r.seconds:.1f} s)")
            if r.workbook is not None:
                print(f"  numbers: {r.workbook.name}, {r.data_folder.name}/")
    index = os.path.join(os.path.abspath(args.out), "index.html")
    print(f"index: {index}")
    for r in failed:
        print(
            f"jbanalysis report: notebook {r.notebook} failed at {r.cell}: {r.error}",
            file=sys.stderr,
        )
    return 1 if failed else 0


def _use_user_data(folder: str) -> None:
    """Every notebook kernel (and the checks here) reads the folder through the environment."""
    from jbanalysis.checks.user import validate_user
    from jbanalysis.sources.user import ENV, user_data_dir

    path = user_data_dir(folder)
    errors = validate_user(path)
    errors = errors[errors["severity"] == "error"]
    if len(errors):
        first = errors.iloc[0]
        raise ValueError(
            f"--data-dir {folder}: {first['file']}: {first['message']} "
            f"(jbanalysis data validate --data-dir {folder} lists all)"
        )
    os.environ[ENV] = str(path.resolve())


def _option(match: re.Match) -> str:
    return "--" + match.group(1).replace(" ", "-")


def _check_writable(out: str) -> None:
    """The output folder can be created and written to; else a clear error before any work."""
    try:
        os.makedirs(out, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        raise ValueError(
            f"--out {out}: cannot write reports there ({exc.strerror or exc})"
        ) from None
