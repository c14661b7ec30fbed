"""The command line: ``jbanalysis data|forecast|report|claims``, and :func:`main` to run it from
Python.

One module a command (``cli/<name>.py``) with ``add_arguments(parser)``, ``run(args) -> int`` and
its ``EXAMPLES``; a command's options are built only when that command runs, so ``jbanalysis
--help`` answers at once. Every help text is typed once per language in ``cli/messages.csv``
(:mod:`jbanalysis.cli.words`): Chinese where the locale is Chinese, English otherwise.

>>> import jbanalysis as jb
>>> jb.cli.main(["data", "districts", "--grep", "江北"])
jiangbei  江北区  Jiangbei  [central]  also: ...
(1 districts; any of these names is accepted where an id is asked for)
0
"""

from __future__ import annotations

import importlib
import os
import sys
from importlib.metadata import PackageNotFoundError, version

from jbanalysis.cli.common import Parser
from jbanalysis.cli.words import say

__all__ = ["COMMANDS", "UsageError", "build_parser", "main"]

#: The commands, in the order the help lists them.
COMMANDS = ("data", "forecast", "report", "claims")
#: Exit status after the reader of the output went away (``| head``): what a shell reports for a
#: program ended by SIGPIPE (128 + 13), so ``set -o pipefail`` sees what it sees of ``cat``.
CLOSED_PIPE = 141


class UsageError(Exception):
    """A command-line argument was wrong; the message says which and what was expected.

    Examples
    --------
    >>> issubclass(jb.cli.UsageError, Exception)
    True
    """


def _version() -> str:
    try:
        return version("jbanalysis")
    except PackageNotFoundError:  # a source tree on sys.path, never installed
        return "unknown (not installed: pip install -e .)"


def _examples(module) -> str | None:
    lines = [f"  {line}" for line in getattr(module, "EXAMPLES", ())]
    return "\n".join([say("examples"), *lines]) if lines else None


def build_parser(argv: list[str] | None = None) -> Parser:
    """The parser of ``jbanalysis``, its help in the reader's language.

    Parameters
    ----------
    argv : list of str, optional
        The arguments about to be parsed: only the command they name gets its options (a
        command's options may need the package's heavier modules). Default: every command.

    Returns
    -------
    jbanalysis.cli.common.Parser

    Examples
    --------
    >>> parser = jb.cli.build_parser()
    >>> args = parser.parse_args(["forecast", "--district", "江北", "--horizon", "3"])
    >>> args.command, args.district, args.horizon, args.indicator
    ('forecast', '江北', 3, 'gdp')
    """
    wanted = next((a for a in argv if a in COMMANDS), "") if argv is not None else None
    parser = Parser(prog="jbanalysis", description=say("description"), epilog=say("more"))
    parser.add_argument(
        "--version", action="version", version=f"jbanalysis {_version()}", help=say("version")
    )
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=Parser
    )
    parser._positionals.title = say("commands")
    for name in COMMANDS:
        module = importlib.import_module(f"jbanalysis.cli.{name}")
        actions = getattr(module, "ACTIONS", None)
        listing = say(f"{name}.help")
        if actions:
            listing = say("listing", help=listing, items=say("list_sep").join(actions))
        command = sub.add_parser(
            name, help=listing, description=say(f"{name}.description"), epilog=_examples(module)
        )
        command.set_defaults(_module=module.__name__)
        if wanted in (None, name):
            module.add_arguments(command)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``jbanalysis`` with ``argv`` (default: the command line); the exit status.

    A wrong argument or a name not found prints one line naming it and returns 2; ``--help``,
    ``--version`` and no arguments at all (the help) return 0; a closed pipe (``jbanalysis data info | head``) ends quietly
    with :data:`CLOSED_PIPE`; Ctrl-C with 130.

    Parameters
    ----------
    argv : list of str, optional
        The arguments after ``jbanalysis``.

    Returns
    -------
    int
        0 on success; 1 when the command found errors (``data validate``) or failed
        (``report``); 2 on a usage error.

    Examples
    --------
    >>> jb.cli.main(["data", "info", "--indicator", "gdpp"])  # the error is on stderr
    2
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        code = _run(argv)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
        return code
    except BrokenPipeError:
        return _closed_pipe()
    except KeyboardInterrupt:
        return 130


def _run(argv: list[str]) -> int:
    command = "jbanalysis"
    if not argv:  # nothing asked: the overview, as --help gives it
        argv = ["--help"]
    try:
        args = build_parser(argv).parse_args(argv)
        command = f"jbanalysis {args.command}"
        return int(importlib.import_module(args._module).run(args) or 0)
    except SystemExit as done:  # --help, --version, an argparse error: already printed
        return 0 if done.code is None else done.code if isinstance(done.code, int) else 2
    except (UsageError, LookupError, ValueError) as exc:
        print(say("error_line", prog=command, message=exc), file=sys.stderr)
        return 2


def _closed_pipe() -> int:
    """The reader of the output went away: print nothing more, not even in the last flush."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a file (a test's capture)
        pass
    return CLOSED_PIPE
