"""``jbanalysis report``: execute the notebooks and render the HTML reports with an index.

Kept light at import: the notebook machinery is imported inside :func:`run`.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile

from jbanalysis.cli.common import add_user_dir, user_folder
from jbanalysis.cli.words import say

EXAMPLES = (
    "jbanalysis report",
    "jbanalysis report --district 渝北 --lang en --out reports/yubei",
    "jbanalysis report --user-dir ~/jb-data --district 九龙坡 --end-year 2024",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``report`` options to its sub-parser."""
    from jbanalysis.forecast import MAX_HORIZON
    from jbanalysis.registry.terms import LANGS

    parser.add_argument("--district", default="jiangbei", help=say("report.district"))
    parser.add_argument("--lang", default="zh", choices=LANGS, help=say("report.lang"))
    parser.add_argument("--out", default="reports", help=say("report.out"))
    parser.add_argument(
        "--jobs", type=int, default=None, help=say("report.jobs", cores=os.cpu_count())
    )
    parser.add_argument("--start-year", type=int, default=None, help=say("report.start_year"))
    parser.add_argument("--end-year", type=int, default=None, help=say("report.end_year"))
    parser.add_argument(
        "--horizon", type=int, default=None, help=say("report.horizon", max=MAX_HORIZON)
    )
    add_user_dir(parser)
    parser.add_argument("--notebooks", default=None, help=say("report.notebooks"))


def run(args: argparse.Namespace) -> int:
    """Check the district first, then build the reports; 1 if any notebook failed, else 0.

    Raises
    ------
    ValueError
        Unknown district or a bad ``--jobs`` (the CLI turns it into exit status 2).
    """
    if args.user_dir:
        _check_user_folder(args.user_dir)
    with user_folder(args.user_dir):  # the notebook kernels inherit it
        return _build(args)


def _build(args: argparse.Namespace) -> int:
    from jbanalysis.report.build import build_reports, report_parameters

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


def _check_user_folder(folder: str) -> None:
    """A user folder with errors stops the run before any kernel starts, naming the first."""
    from jbanalysis.checks.user import validate_user
    from jbanalysis.sources.user import user_data_dir

    errors = validate_user(user_data_dir(folder))
    errors = errors[errors["severity"] == "error"]
    if len(errors):
        first = errors.iloc[0]
        raise ValueError(
            f"--user-dir {folder}: {first['file']}: {first['message']} "
            f"(jbanalysis data validate --user-dir {folder} lists all)"
        )


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
