"""Run the bad-input corpus (tests/data/bad/manifest.csv): every case, its outcome, its counts."""

from __future__ import annotations

import csv
import json
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from jbanalysis.checks.validation import validate
from jbanalysis.cli import main as cli_main
from jbanalysis.sources.build import build
from jbanalysis.sources.read import read_table

BAD = Path(__file__).parent / "data" / "bad"
DATA = Path(__file__).resolve().parents[1] / "data"
with open(BAD / "manifest.csv", encoding="utf-8") as _fh:
    CASES = list(csv.DictReader(_fh))


def test_corpus_is_large_enough():
    assert len(CASES) >= 40
    assert {c["target"] for c in CASES} >= {"read_table", "validate", "cli", "forecast"}
    for c in CASES:
        assert c["what"], c["case"]
        if c["input"] and c["target"] == "read_table":
            assert (BAD / c["input"]).is_file(), c["input"]


def _words(case: dict) -> list[str]:
    return [w for w in case["contains"].split("|") if w]


def _check_error_text(case: dict, text: str) -> None:
    for word in _words(case):
        assert word in text, f"{case['case']}: {word!r} not in {text!r}"


@pytest.mark.parametrize(
    "case", [c for c in CASES if c["target"] == "read_table"], ids=lambda c: c["case"]
)
def test_read_table(case):
    args = json.loads(case["args"])
    path = BAD / case["input"]
    if case["expect"] == "error":
        with pytest.raises(Exception) as err:
            read_table(path, **args)
        assert isinstance(err.value, ValueError), type(err.value)
        _check_error_text(case, str(err.value))
        assert path.name in str(err.value), "the error names the file"
        return
    obs = read_table(path, **args)
    got = sorted(map(list, obs[["district", "year", "indicator", "value"]].itertuples(index=False)))
    want = sorted(json.loads(case["contains"]))
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert g[:3] == w[:3] and math.isclose(g[3], w[3], rel_tol=1e-12), (g, w)
    report = obs.attrs["report"]
    assert (report.rows_in, report.rows_used, report.rows_rejected) == tuple(
        int(case[k]) for k in ("rows_in", "rows_used", "rows_rejected")
    )
    assert report.rows_in == report.rows_used + report.rows_rejected


@pytest.mark.parametrize(
    "case", [c for c in CASES if c["target"] == "validate"], ids=lambda c: c["case"]
)
def test_validate(case, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    args = json.loads(case["args"])
    target = folder / case["input"]
    if args.get("delete"):
        target.unlink()
    if "replace" in args:
        old, new = args["replace"]
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{case['case']}: the edit does not apply"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    if args.get("rebuild"):
        build(folder)  # a deliberate change, rebuilt: only the value rules can object
    findings = validate(folder)
    errors = findings[findings.severity == "error"]
    assert len(errors), case["case"]
    text = " ".join(
        f"{r.rule} {r.file} row {r.row} {r.record} {r.message} {r.correction}"
        for r in errors.itertuples()
    )
    _check_error_text(case, text)


@pytest.mark.parametrize(
    "case", [c for c in CASES if c["target"] == "cli"], ids=lambda c: c["case"]
)
def test_cli(case, capsys, tmp_path):
    argv = [a.format(tmp=tmp_path, bad=BAD) for a in json.loads(case["args"])["argv"]]
    code = cli_main(argv)
    out = capsys.readouterr()
    _check_error_text(case, f"exit {code} {out.out} {out.err}")
    assert not (tmp_path / "out").exists(), "nothing is written when the arguments are wrong"


@pytest.mark.parametrize(
    "case", [c for c in CASES if c["target"] == "forecast"], ids=lambda c: c["case"]
)
def test_forecast(case):
    from jbanalysis.forecast import forecast

    args = json.loads(case["args"])
    values = {int(y): float(v) for y, v in args.pop("values").items()}
    series = pd.Series(values, dtype=float)
    if case["expect"] == "ok":
        table = forecast(series, horizon=3, **args)
        for column, expected in json.loads(case["contains"]).items():
            assert table[column].to_numpy() == pytest.approx(expected), column
        return
    with pytest.raises(ValueError) as err:
        forecast(series, horizon=3, **args)
    _check_error_text(case, str(err.value))
