"""The docs say what the code does: the API page is current; both READMEs show the same commands,
which the command line accepts, and their quick start runs as printed."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import jbanalysis as jb

ROOT = Path(__file__).resolve().parents[1]


def test_api_reference_is_current():
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_api_docs.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr


def test_every_public_function_has_an_example_in_the_api_reference():
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", text, flags=re.M)[1:]
    without = [
        s.splitlines()[0] for s in sections if "```python" not in s and "exception " not in s[:12]
    ]
    assert without == []


def test_every_indicator_and_source_is_in_the_data_dictionary():
    text = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    for indicator in jb.load_indicators()["id"]:
        assert f"`{indicator}`" in text, indicator
    for source in jb.load_sources()["id"]:
        assert f"`{source}`" in text, source


def test_the_data_dictionary_is_generated_from_the_registries():
    # every break of data/breaks.csv is in docs/data.md, as the registry has it today
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_data_docs.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    text = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    for break_id in jb.load_breaks()["break_id"]:
        assert f"| {break_id} |" in text, break_id


READMES = {"en": ROOT / "README.md", "zh": ROOT / "README.zh-CN.md"}
QUICK_START = {"en": "## Quick start in Python", "zh": "## Python 快速上手"}


def _blocks(text: str) -> list[tuple[str, str]]:
    """(language, code) of every fenced block."""
    return re.findall(r"^```(\w*)\n(.*?)^```", text, flags=re.S | re.M)


def _commands(lang: str) -> list[str]:
    """The shell and Python lines of a README, comments left out, continuation lines joined."""
    text = READMES[lang].read_text(encoding="utf-8")
    code = "".join(block for kind, block in _blocks(text) if kind in ("sh", "python"))
    code = code.replace("\\\n", " ")
    return [re.sub(r"\s+#.*$", "", line).rstrip() for line in code.splitlines() if line.strip()]


@pytest.mark.parametrize("lang", READMES)
def test_readme_quick_start_runs_as_written(lang, tmp_path):
    text = READMES[lang].read_text(encoding="utf-8")
    heading = re.escape(QUICK_START[lang])
    block = re.search(rf"{heading}\s+```python\n(.*?)```", text, flags=re.S).group(1)
    # run it as a new user would: a script of its own, in a folder of its own
    script = tmp_path / "quick_start.py"
    script.write_text(
        block + "\nprint(gdp.loc[2010, 'jiangbei'], jb.resolve_district('江北区'), len(panel))\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-W", "error", str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    value, district, rows = out.stdout.split()
    # the numbers the README promises in its comments
    assert (float(value), district) == (391.3947, "jiangbei")
    assert int(rows) == len(jb.load_panel())


def test_the_readmes_link_each_other_and_show_the_same_commands():
    assert "(README.zh-CN.md)" in READMES["en"].read_text(encoding="utf-8")
    assert "(README.md)" in READMES["zh"].read_text(encoding="utf-8")
    assert _commands("zh") == _commands("en")


@pytest.mark.parametrize("lang", READMES)
def test_every_command_in_the_readme_is_accepted(lang):
    """A README command with an option renamed or removed would fail as printed."""
    from jbanalysis.cli import build_parser

    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(), flags=re.M))
    checked = 0
    for line in _commands(lang):
        words = shlex.split(line)
        if words[0] == "jbanalysis" and words[1:] != ["--help"]:
            build_parser(words[1:]).parse_args(words[1:])
            checked += 1
        elif words[0] == "make":
            assert words[1] in targets, line
    assert checked >= 10
