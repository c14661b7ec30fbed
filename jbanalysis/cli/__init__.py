"""Command line: ``jbanalysis data info|validate|build``, ``forecast``, ``report``, ``claims``.

Each sub-command lives in its own module (``cli/<name>.py``) exposing ``add_arguments(parser)`` and
``run(args) -> int``; it is imported only when used so that ``jbanalysis --help`` answers at once.
"""

from __future__ import annotations

import argparse
import importlib
import sys

_COMMANDS = {
    "data": ("jbanalysis.cli.data", "inspect, validate and rebuild the bundled dataset"),
    "forecast": ("jbanalysis.cli.forecast", "forecast one indicator for one district"),
    "report": ("jbanalysis.cli.report", "execute the notebooks and render the HTML reports"),
    "claims": ("jbanalysis.cli.claims", "check a claims ledger against the sourced data"),
}


class UsageError(Exception):
    """A command-line argument was wrong; the message says which and what was expected."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jbanalysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (module, help_text) in _COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:  # a sub-command not built yet
            if exc.name != module:
                raise
            cmd.set_defaults(_module=None)
            continue
        mod.add_arguments(cmd)
        cmd.set_defaults(_module=module)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args._module is None:
        parser.error(f"'{args.command}' is not available in this version")
    try:
        return int(importlib.import_module(args._module).run(args) or 0)
    except (UsageError, LookupError, ValueError) as exc:
        print(f"jbanalysis {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
