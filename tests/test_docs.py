"""The docs say what the code does: the API page is current, the README's quick start runs."""

import re
import subprocess
import sys
from pathlib import Path

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


def test_readme_quick_start_runs_as_written(tmp_path):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start in Python\s+```python\n(.*?)```", text, flags=re.S).group(1)
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
