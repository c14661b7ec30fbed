"""What every command shares: argparse in the reader's language, and the user's folder.

:class:`Parser` is an ``argparse.ArgumentParser`` whose headings, usage line, ``-h`` and common
errors come from the message table (:mod:`jbanalysis.cli.words`), and whose help wraps Chinese
text by its width on screen (a Chinese character takes two columns; ``textwrap`` counts one).
:func:`add_user_dir` gives a command ``--user-dir`` (also spelled ``--data-dir``);
:func:`user_folder` makes the folder join the bundled data while the command runs.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from jbanalysis.cli.words import say

__all__ = ["Formatter", "Parser", "add_user_dir", "display_width", "user_folder", "wrap"]

# a line never starts with closing punctuation, nor ends with opening punctuation
_CLOSING = set("，。、；：！？）》」』】,.;:!?)]")
_OPENING = set("（《「『【([")


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: two for a wide (CJK) character, one otherwise.

    >>> import jbanalysis as jb
    >>> jb.cli.common.display_width("江北 gdp")
    8
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _units(text: str) -> list[str]:
    """Pieces a line may break between: spaces, ASCII words, single wide characters (with the
    punctuation that must stay beside them)."""
    units: list[str] = []
    for piece in re.findall(r"\s+|[^\s]", text):
        wide = display_width(piece) == 2
        if units and not piece.isspace() and not units[-1].isspace():
            previous_wide = display_width(units[-1][-1]) == 2
            glue = piece in _CLOSING or units[-1][-1] in _OPENING
            if glue or (not wide and not previous_wide):
                units[-1] += piece
                continue
        units.append(piece)
    return units


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns, broken at spaces and between Chinese characters.

    >>> import jbanalysis as jb
    >>> jb.cli.common.wrap("区县，任何写法：jiangbei、江北", 12)  # "、" stays with its word
    ['区县，任何写', '法：', 'jiangbei、江', '北']
    """
    lines: list[str] = []
    line = ""
    for unit in _units(" ".join(text.split())):
        if line and display_width(line + unit.rstrip()) > width:
            lines.append(line.rstrip())
            line = "" if unit.isspace() else unit
        elif line or not unit.isspace():
            line += unit
    if line.strip():
        lines.append(line.rstrip())
    return lines


class Formatter(argparse.HelpFormatter):
    """Help laid out for both languages: wrapped by width on screen, example lines (indented by
    two spaces) kept as typed, a command's list without its placeholder line."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        if prefix is None:
            prefix = say("usage")
            prefix += " " if prefix.endswith(":") else ""
        super().add_usage(usage, actions, groups, prefix)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for paragraph in text.splitlines():
            if not paragraph.strip() or paragraph.startswith("  "):
                lines.append(indent + paragraph)
            else:
                lines += [indent + line for line in wrap(paragraph, width - len(indent))]
        return "\n".join(lines)

    def _format_action(self, action: argparse.Action) -> str:
        if isinstance(action, argparse._SubParsersAction):  # the commands, one a line
            return "".join(self._format_action(a) for a in action._get_subactions())
        return super()._format_action(action)


# argparse's own errors, as it words them (3.11-3.13), and the key of their translation
_ERRORS = (
    (r"the following arguments are required: (?P<names>.+)", "required"),
    (r"argument (?P<option>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)", "invalid_choice"),
    (r"unrecognized arguments: (?P<names>.+)", "unrecognized"),
    (r"argument (?P<option>\S+): expected one argument", "expected_one"),
    (r"argument (?P<option>\S+): invalid (?P<kind>int|float) value: (?P<value>.+)", "invalid_value"),
)  # fmt: skip


def translate_error(message: str, lang: str | None = None) -> str:
    """An error of argparse's own in the reader's language (as it is where not known).

    >>> import jbanalysis as jb
    >>> jb.cli.common.translate_error("argument --horizon: invalid int value: 'five'", "zh")
    "参数 --horizon：'five' 不是有效的整数"
    """
    for pattern, key in _ERRORS:
        match = re.fullmatch(pattern, message)
        if match:
            fields = match.groupdict()
            if "kind" in fields:
                fields["kind"] = say(f"kind_{fields['kind']}", lang)
            return say(key, lang, **fields)
    return message


class Parser(argparse.ArgumentParser):
    """An ``argparse.ArgumentParser`` that speaks the reader's language.

    >>> import jbanalysis as jb
    >>> parser = jb.cli.common.Parser(prog="demo")
    >>> _ = parser.add_argument("--year", type=int, help="a year")
    >>> parser.parse_args(["--year", "2024"]).year
    2024
    """

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = say("arguments")
        self._optionals.title = say("options")
        self.add_argument("-h", "--help", action="help", help=say("help"))

    def format_help(self) -> str:
        text = super().format_help()
        for group in self._action_groups:  # argparse ends a heading with ":", whatever the language
            if group.title:
                text = text.replace(
                    f"\n{group.title}:\n", f"\n{say('heading', title=group.title)}\n"
                )
        return text

    def _print_message(self, message: str, file=None) -> None:
        # argparse swallows a closed pipe here; main() ends quietly on it with the usual status
        if message:
            (file or sys.stderr).write(message)

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, say("error_line", prog=self.prog, message=translate_error(message)) + "\n")


def add_user_dir(parser: argparse.ArgumentParser, key: str = "user_dir") -> None:
    """Give a command ``--user-dir DIR`` (``--data-dir DIR``, the earlier spelling, still works).

    ``key`` is the message that says what the folder does for this command.

    >>> import jbanalysis as jb
    >>> parser = jb.cli.common.Parser(prog="demo")
    >>> jb.cli.common.add_user_dir(parser)
    >>> parser.parse_args(["--data-dir", "~/jb-data"]).user_dir
    '~/jb-data'
    """
    parser.add_argument("--user-dir", "--data-dir", dest="user_dir", metavar="DIR", help=say(key))


@contextmanager
def user_folder(folder: str | None) -> Iterator[None]:
    """While the command runs, the user's folder joins the bundled data everywhere (in this
    process and in the report kernels it starts), as ``JBANALYSIS_USER_DATA`` would; the
    environment is restored afterwards. ``None``: nothing changes.

    Raises
    ------
    jbanalysis.errors.DataError
        The folder does not exist (with how to create it).

    Examples
    --------
    >>> import os, tempfile
    >>> import jbanalysis as jb
    >>> with tempfile.TemporaryDirectory() as folder, jb.cli.common.user_folder(folder):
    ...     os.environ["JBANALYSIS_USER_DATA"] == os.path.realpath(folder)
    True
    """
    if folder is None:
        yield
        return
    from jbanalysis.sources.user import ENV, user_data_dir

    path = user_data_dir(folder)
    before = os.environ.get(ENV)
    os.environ[ENV] = str(path.resolve())
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = before
