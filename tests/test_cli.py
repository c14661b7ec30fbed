"""The command line's surface: --version, help complete and plain in English and in Chinese, the
old spellings of options, a closed pipe, and every help text typed once per language."""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
import tomllib
import unicodedata
from pathlib import Path

import pytest

import jbanalysis.cli.words as words
from jbanalysis.cli import COMMANDS, build_parser, main
from jbanalysis.cli.common import display_width, wrap
from jbanalysis.cli.data import ACTIONS
from jbanalysis.cli.words import cli_lang, messages

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "jbanalysis" / "cli"
SCRIPT = Path(sys.executable).with_name("jbanalysis")
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _chinese(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")


def _parsers(parser: argparse.ArgumentParser):
    """The parser and every parser below it."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def _helps() -> dict[tuple[str, str], str]:
    """(parser, option) -> help text, for every option of every command."""
    found = {}
    for parser in _parsers(build_parser()):
        found[(parser.prog, "description")] = parser.description or ""
        for action in parser._actions:
            if action.help != argparse.SUPPRESS and not isinstance(
                action, argparse._SubParsersAction
            ):
                found[(parser.prog, "/".join(action.option_strings) or action.dest)] = action.help
    return found


def test_version_is_the_packaged_one(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"jbanalysis {VERSION}\n"
    out = subprocess.run(
        [sys.executable, "-m", "jbanalysis.cli", "--version"], capture_output=True, text=True
    )
    assert (out.returncode, out.stdout) == (0, f"jbanalysis {VERSION}\n")


def test_top_level_help_is_complete_and_plain(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: jbanalysis [-h] [--version] COMMAND ...\n")
    for command in COMMANDS:
        assert f"\n  {command} " in out, command
    listed = " ".join(out.split("\n  data", 1)[1].split("\n  forecast")[0].split())
    assert listed.endswith("(info, validate, build, add, indicators, districts)")
    assert list(ACTIONS) == ["info", "validate", "build", "add", "indicators", "districts"]
    for markup in ("``", ":func:", ":mod:", "%%"):
        assert markup not in out
    assert main([]) == 0  # no arguments: the same overview
    assert capsys.readouterr().out == out


def test_top_level_help_in_chinese(monkeypatch, capsys):
    _chinese(monkeypatch)
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：jbanalysis [-h] [--version] COMMAND ...\n")
    assert "\n命令：\n" in out and "\n选项：\n" in out
    assert "-h, --help  显示本帮助并退出" in out
    assert "（info、validate、build、add、indicators、districts）" in "".join(out.split())
    assert "forecast    预测一个区县的一个指标，附预测区间" in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_help_text_is_there_and_plain(lang, monkeypatch):
    if lang == "zh":
        _chinese(monkeypatch)
    helps = _helps()
    assert all(helps.values()), [k for k, v in helps.items() if not v]
    for where, text in helps.items():
        assert "``" not in text and ":func:" not in text, where
        text % {"default": "x", "prog": "x"}  # argparse fills these; no other % is allowed
    if lang == "zh":  # every help says something in Chinese
        plain = [k for k, v in helps.items() if not any("\u4e00" <= c <= "\u9fff" for c in v)]
        assert plain == []


def test_every_help_text_is_translated(monkeypatch):
    english = _helps()
    _chinese(monkeypatch)
    chinese = _helps()
    assert english.keys() == chinese.keys()
    same = [k for k in english if english[k] == chinese[k]]
    assert same == []


def test_every_message_is_used_and_every_used_message_exists(monkeypatch, capsys):
    used: set[str] = set()

    class Recording(dict):
        def __getitem__(self, key):
            used.add(key)
            return super().__getitem__(key)

    monkeypatch.setattr(words, "messages", lambda: Recording(messages()))
    for parser in _parsers(build_parser()):
        parser.format_help()
    wrong = [
        ["forecast", "--horizon", "five", "--district", "x"],  # invalid int
        ["report", "--lang", "fr"],  # invalid choice
        ["forecast"],  # required
        ["data", "info", "--colour"],  # unrecognized
        ["data", "info", "--indicator"],  # expected one argument
        ["forecast", "--district", "x", "--level", "80", "--digits", "2.5"],  # invalid int
    ]
    for argv in wrong:
        assert main(argv) == 2
    assert main(["data", "info", "--indicator", "gdpp"]) == 2  # an error of the command's own
    capsys.readouterr()
    assert set(messages()) - used == {"kind_float"}  # argparse's float errors: no float option


def test_no_help_text_is_typed_outside_the_table():
    """Help texts come from say(…): a literal would be English only, and typed twice."""
    literals = []
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg in ("help", "description", "epilog"):
                value = node.value
                allowed = isinstance(value, ast.Call | ast.Name | ast.Attribute) or (
                    isinstance(value, ast.Constant) and value.value is None
                )
                if not allowed:
                    literals.append(f"{path.name}:{node.lineno}")
    assert literals == []


def test_the_message_table_is_complete():
    table = messages()
    assert all(zh and en for zh, en in table.values())
    assert len(table) == len(
        (CLI / "messages.csv").read_text(encoding="utf-8").strip().splitlines()[1:]
    )


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh"),  # LC_ALL wins
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_MESSAGES before LANG
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"}, "zh"),  # gettext's list comes first
        ({"LANG": "C", "LANGUAGE": "zh_CN"}, "en"),  # … except under the C locale
    ],
)
def test_the_language_follows_the_locale(environ, lang):
    assert cli_lang(environ) == lang


def test_argparse_errors_in_chinese(monkeypatch, capsys):
    _chinese(monkeypatch)
    assert main(["forecast", "--district", "江北", "--horizon", "five"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：jbanalysis forecast")
    assert err.endswith("jbanalysis forecast：错误：参数 --horizon：'five' 不是有效的整数\n")
    assert main(["forecast"]) == 2
    assert "错误：缺少必需的参数：--district" in capsys.readouterr().err
    # an error of the command's own keeps the library's words, with the prefix translated
    assert main(["data", "info", "--indicator", "gdpp"]) == 2
    assert capsys.readouterr().err.startswith("jbanalysis data：错误：unknown indicator 'gdpp'")


def test_old_spellings_still_work():
    parser = build_parser()
    old = parser.parse_args(["data", "info", "--districts", "江北,渝北", "--data-dir", "d"])
    new = parser.parse_args(["data", "info", "--district", "江北,渝北", "--user-dir", "d"])
    assert vars(old) == vars(new)
    assert vars(parser.parse_args(["data", "info"]))["district"] == "central"
    data = parser.parse_args(["data", "validate", "--data", "x"])
    assert data.bundle_dir == "x"
    for command in (["forecast", "--district", "x"], ["report"], ["claims"]):
        args = parser.parse_args([*command, "--data-dir", "mine"])
        assert args.user_dir == "mine"


def test_the_user_folder_joins_for_the_command_only(tmp_path, capsys):
    assert main(["data", "info", "--user-dir", str(tmp_path)]) == 0
    assert "Coverage of gdp" in capsys.readouterr().out
    assert "JBANALYSIS_USER_DATA" not in os.environ  # restored after the command
    assert main(["forecast", "--district", "江北", "--user-dir", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "no such user data folder" in err and "jbanalysis data add" in err


@pytest.mark.parametrize(
    "argv", [["data", "info"], ["data", "districts"], ["--help"]], ids=" ".join
)
def test_a_closed_pipe_ends_quietly(argv):
    """`jbanalysis data info | head -1`: the first line, then silence, and the exit status a
    shell reports for a program ended by its closed pipe."""
    shell = f"set -o pipefail; {SCRIPT} {' '.join(argv)} | head -1"
    out = subprocess.run(["bash", "-c", shell], capture_output=True, text=True)
    assert out.stderr == ""
    assert out.stdout.count("\n") == 1 and out.stdout.strip()
    assert out.returncode in (0, 141)  # 0 when all was written before head closed the pipe
    # the reader gone before anything was written: always the closed-pipe path
    proc = subprocess.Popen([SCRIPT, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert (proc.wait(), err) == (141, b"")


def test_chinese_help_wraps_by_width_on_screen():
    text = messages()["user_dir"][0] * 3
    lines = wrap(text, 40)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
    assert all(display_width(line) <= 40 for line in lines)
    assert max(display_width(line) for line in lines) >= 38  # filled, not broken early
    assert not any(line[0] in "，。、；：）" for line in lines)
    assert display_width("江北 gdp") == 8
    assert all(unicodedata.east_asian_width(c) == "W" for c in "江北区")
