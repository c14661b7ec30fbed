"""The corpus of table shapes (tests/data/tables/cases.json, written by make_tables.py): every case
reads to exactly its values, with its row account, or fails with exactly its message."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import pytest

from jbanalysis.errors import DataError
from jbanalysis.io import read_table

TABLES = Path(__file__).parent / "data" / "tables"
CASES = json.loads((TABLES / "cases.json").read_text(encoding="utf-8"))


def test_the_corpus_covers_the_issues_classes():
    counts = Counter(c["cls"] for c in CASES)
    assert len(CASES) >= 80
    assert set(counts) == {"wrong", "refused", "unclear", "numbers", "sheets", "slips", "yearbook"}
    assert counts["wrong"] >= 15 and counts["refused"] >= 25
    for c in CASES:
        assert (TABLES / c["file"]).is_file(), c["file"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_case(case):
    path = TABLES / case["file"]
    args = dict(case["args"])
    if case["expect"] == "error":
        with pytest.raises(DataError) as err:
            read_table(path, **args)
        want = case["error"]
        assert err.value.reason == want["reason"]
        assert (err.value.row, err.value.column) == (want["row"], want["column"])
        assert path.name in str(err.value.file)
        return
    obs = read_table(path, **args)
    got = sorted(
        [d, int(y), i, p, float(x)]
        for d, y, i, p, x in obs[["district", "year", "indicator", "period", "value"]].itertuples(
            index=False
        )
    )
    want = sorted(case["values"])
    assert [g[:4] for g in got] == [w[:4] for w in want]
    for g, w in zip(got, want, strict=True):
        assert math.isclose(g[4], w[4], rel_tol=1e-12), (g, w)
    report = obs.attrs["report"]
    assert [report.rows_in, report.rows_used, report.rows_rejected] == case["rows"]
    assert report.rows_in == report.rows_used + report.rows_rejected
    assert len(report.left_out) == case.get("left_out", 0)
    for head in case.get("ignored", []):
        assert head in report.rejected_columns, (head, report.ignored_columns)
    for note in case.get("notes", []):
        assert note in report.notes, (note, report.notes)
    if "note_of" in case:
        d, y, i, text = case["note_of"]
        row = obs[(obs["district"] == d) & (obs["year"] == y) & (obs["indicator"] == i)]
        assert row["note"].tolist() == [text]
