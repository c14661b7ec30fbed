"""The claims ledger: printed precision, periods, groups, the bundled ledger, and the bad-ledger
corpus (tests/data/bad_claims/manifest.csv): every bad row named by row and column, the other rows
still checked, rows in = rows checked + rows rejected."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pandas as pd
import pytest

from jbanalysis.claims.check import check_claims
from jbanalysis.claims.ledger import (
    LEDGER_COLUMNS,
    REQUIRED_COLUMNS,
    group_ids,
    load_claims,
    parse_period,
)
from jbanalysis.errors import DataError
from jbanalysis.precision import (
    fraction_range,
    parse_fraction,
    parse_precision,
    printed_step,
    value_range,
)

BAD = Path(__file__).parent / "data" / "bad_claims"
with open(BAD / "manifest.csv", encoding="utf-8") as _fh:
    CASES = list(csv.DictReader(_fh))
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "claims" / "seed_article_claims.md"


# --- printed precision, by hand ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("三分之一", 1 / 3),
        ("四分之一", 0.25),
        ("五分之一", 0.2),
        ("十二分之一", 1 / 12),
        ("六成", 0.6),
        ("七成半", 0.75),
        ("一半", 0.5),
        ("半数", 0.5),
        ("1/12", 1 / 12),
        ("1∕12", 1 / 12),  # the division slash of GF0004's "占全市的1∕12"
        ("１／３", 1 / 3),  # full width
        ("60%", 0.6),
        ("0.25", 0.25),
    ],
)
def test_fractions_as_printed(printed, value):
    assert parse_fraction(printed) == pytest.approx(value, abs=1e-12)


@pytest.mark.parametrize("printed", ["三分之", "半半", "4/3", "一百", "", "110%"])
def test_what_is_not_a_fraction(printed):
    with pytest.raises(ValueError, match="is not a fraction"):
        parse_fraction(printed)


@pytest.mark.parametrize(
    ("fraction", "mode", "expected"),
    [
        # neighbours among halves, thirds, quarters, fifths, tenths and 1/6..1/20:
        # 1/3 lies between 3/10 and 2/5 -> (0.3 + 1/3) / 2, (1/3 + 0.4) / 2
        (1 / 3, "exact", (19 / 60, 11 / 30, False, False)),
        (0.25, "exact", (0.225, 0.275, False, False)),  # between 1/5 and 3/10
        (0.2, "exact", (11 / 60, 0.225, False, False)),  # between 1/6 and 1/4
        (0.5, "about", (0.45, 0.55, False, False)),  # 约一半: the fraction is already approximate
        (0.5, "nearly", (0.45, 0.5, False, False)),  # 近一半: from below, up to a half
        (0.6, "nearly", (0.55, 0.6, False, False)),  # 近六成: between 1/2 and 3/5
        (0.5, "over", (0.5, 1.0, True, False)),  # 过半: literally more than a half
        (0.25, "under", (0.0, 0.25, False, True)),  # 不到四分之一
        # 1/12 between 1/13 and 1/11
        (1 / 12, "exact", ((1 / 13 + 1 / 12) / 2, (1 / 12 + 1 / 11) / 2, False, False)),
    ],
)
def test_fraction_ranges(fraction, mode, expected):
    got = fraction_range(fraction, mode)
    assert got[:2] == pytest.approx(expected[:2], abs=1e-12)
    assert got[2:] == expected[2:]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("近六成", "share", ("nearly", 0.6)),
        ("约一半", "share", ("about", 0.5)),
        ("三分之一", "share", ("exact", 1 / 3)),
        ("超过四分之一", "share", ("over", 0.25)),
        ("过半", "share", ("over", 0.5)),
        ("", "share", ("exact", None)),
        ("约", "value", ("about", None)),
        ("左右", "growth", ("about", None)),
        ("余", "value", ("odd", None)),
        ("多", "value", ("odd", None)),
        ("近", "value", ("nearly", None)),
        ("超过", "value", ("over", None)),
        ("突破", "value", ("over", None)),
        ("不到", "value", ("under", None)),
        ("±0.05", "growth", ("plusminus", 0.05)),
        ("", "rank", ("exact", None)),
        ("前", "rank", ("top", None)),
    ],
)
def test_printed_precision_words(text, kind, expected):
    mode, extra = parse_precision(text, kind)
    assert mode == expected[0]
    assert extra == (pytest.approx(expected[1]) if expected[1] is not None else None)


@pytest.mark.parametrize(("text", "kind"), [("大致", "value"), ("前列", "rank"), ("大半", "share")])
def test_precision_words_that_are_not(text, kind):
    with pytest.raises(ValueError, match="is not a printed"):
        parse_precision(text, kind)


def test_printed_steps_and_value_ranges():
    # the last printed digit; a round whole number is rounded at its last non-zero digit
    assert [printed_step(t) for t in ("6.2", "67.20", "1744", "5560", "6800", "100")] == [
        0.1,
        0.01,
        1.0,
        10.0,
        100.0,
        100.0,
    ]
    assert printed_step("4000", exact_count=True) == 1.0  # 4000 firms are 4000 firms
    assert value_range(6.2, 0.1) == pytest.approx((6.15, 6.25, False, False))
    assert value_range(5560, 10) == (5555, 5565, False, False)
    assert value_range(5, 1, "about") == (4, 6, False, False)  # 5%左右
    assert value_range(100, 10, "nearly") == (90, 100, False, False)
    assert value_range(4000, 1000, "odd") == (4000, 5000, False, True)  # 4000余名
    assert value_range(1200, 100, "over") == (1200, math.inf, True, False)  # 突破1200
    assert value_range(5, 1, "under") == (-math.inf, 5, False, True)
    assert value_range(6.2, 0.1, "plusminus", 0.2) == pytest.approx((6.0, 6.4, False, False))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023", (2023, "Y")),
        ("2023 Q1-Q3", (2023, "Q1-Q3")),
        ("2023Q1–Q3", (2023, "Q1-Q3")),
        ("2023年前三季度", (2023, "Q1-Q3")),
        ("２０２３年前三季度", (2023, "Q1-Q3")),
        ("2023 H1", (2023, "H1")),
        ("2023年上半年", (2023, "H1")),
        ("2023 q1", (2023, "Q1")),
        ("2023年一季度", (2023, "Q1")),
        ("2023年", (2023, "Y")),
    ],
)
def test_periods(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["2023 Q4", "前三季度", "23", "2023-2024", "1800"])
def test_unparseable_periods(text):
    with pytest.raises(ValueError):
        parse_period(text)


def test_rank_groups_follow_the_registry():
    assert group_ids("central") == group_ids("中心城区")
    assert len(group_ids("中心城区")) == 9
    # 全市(行政区): the 26 units of level 区, the 12 counties left out; full-width brackets too
    districts = group_ids("全市（行政区）")
    assert len(districts) == 26 and "jiangbei" in districts and "chengkou" not in districts
    assert len(group_ids("全市")) == 38 and len(group_ids("主城都市区")) == 21
    with pytest.raises(ValueError, match="unknown group '渝东北'"):
        group_ids("渝东北")


# --- the bundled ledger --------------------------------------------------------------------------


def test_the_bundled_ledger_reads_whole():
    claims, report = load_claims()
    assert (report.rows_in, report.rows_checked, report.rows_rejected) == (57, 57, 0)
    frame = pd.read_csv(Path(report.file), dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == LEDGER_COLUMNS
    assert set(REQUIRED_COLUMNS) <= set(frame.columns)
    ids = [c.claim_id for c in claims]
    assert len(ids) == len(set(ids))
    by_id = {c.claim_id: c for c in claims}
    # every claim of the seed list S01-S17 is in the ledger, split where it states several numbers
    for n in range(1, 18):
        assert any(i.startswith(f"S{n:02d}") for i in ids), n
    # the seed's printed texts are quoted as printed
    seed = SEED.read_text(encoding="utf-8") if SEED.is_file() else ""
    for c in claims:
        if c.claim_id.startswith("S") and seed:
            assert c.text.replace("“", '"').replace("”", '"') in seed.replace("“", '"').replace(
                "”", '"'
            ), c.claim_id
    s12a, s12b, s12c = by_id["S12a"], by_id["S12b"], by_id["S12c"]
    assert (s12a.indicator, s12a.year, s12a.period, s12a.kind) == (
        "gdp_real_growth",
        2023,
        "Q1-Q3",
        "growth",
    )
    assert (s12a.low, s12a.high) == pytest.approx((6.15, 6.25))
    assert (s12b.kind, s12b.group, s12b.stated, s12c.period) == ("rank", "central", 1.0, "H1")
    assert by_id["S13b"].group == "districts"
    s09 = by_id["S09"]  # 近六成
    assert (s09.low, s09.high, s09.denominator) == pytest.approx((0.55, 0.6, "chongqing"))
    s17b = by_id["S17b"]  # 4000余名: 4000 to 5000, 5000 left out
    assert (s17b.low, s17b.high, s17b.high_open) == (4000, 5000, True)
    # 8万元 per head, in yuan: 80000 ± 5000
    assert (by_id["R22"].low, by_id["R22"].high) == (75000, 85000)
    r07 = by_id["R07"]  # 稳居全市前十位
    assert (r07.top, r07.low, r07.high, r07.group) == (True, 1, 10, "all")
    # the ranking statement of 江北's 2024 work report
    r01 = by_id["R01"]
    assert (r01.district, r01.indicator, r01.year, r01.group, r01.stated) == (
        "jiangbei",
        "gdp_real_growth",
        2023,
        "central",
        1.0,
    )
    assert "增速居中心城区第一" in r01.text and r01.date == "2024-01-26"
    assert r01.url.startswith("http://www.cqjb.gov.cn/")


def test_a_ledger_as_a_data_frame():
    frame = pd.DataFrame(
        [
            {
                "claim_id": "X1",
                "text": "增速居中心城区第一",
                "district": "江北区",
                "indicator": "gdp_real_growth",
                "period": "2023",
                "kind": "rank",
                "stated": "1",
                "group": "中心城区",
            },
            {
                "claim_id": "X2",
                "text": "—",
                "district": "江北",
                "indicator": "gdp",
                "period": "2023",
                "kind": "value",
                "stated": None,
            },
        ]
    )
    claims, report = load_claims(frame)
    assert [c.claim_id for c in claims] == ["X1"]
    assert [str(p) for p in report.problems] == [
        "<DataFrame>, row 3 (X2), column 'stated': missing stated number"
    ]


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="no claims ledger at"):
        load_claims(tmp_path / "nowhere.csv")


# --- the bad-ledger corpus -----------------------------------------------------------------------


def test_corpus_covers_the_issue():
    names = {c["case"] for c in CASES}
    # the issue's list: unknown district or indicator, unparseable fraction or period, missing number
    assert {
        "unknown_district",
        "unknown_indicator",
        "unparseable_fraction",
        "unparseable_period",
        "missing_stated",
    } <= names
    assert len(CASES) >= 25
    for c in CASES:
        assert c["what"] and (BAD / c["input"]).is_file(), c["case"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["case"])
def test_bad_ledger(case):
    path = BAD / case["input"]
    words = [w for w in case["contains"].split("|") if w]
    if case["expect"] == "error":
        with pytest.raises(DataError) as err:
            load_claims(path)
        message = str(err.value)
        assert path.name in message and f"row {case['row']}" in message
        for word in words:
            assert word in message, (word, message)
        return
    claims, report = load_claims(path)
    counts = (report.rows_in, report.rows_checked, report.rows_rejected)
    assert counts == tuple(int(case[k]) for k in ("rows_in", "rows_checked", "rows_rejected"))
    assert report.rows_in == report.rows_checked + report.rows_rejected
    rows = [int(r) for r in case["row"].split("|") if r]
    columns = [c for c in case["column"].split("|") if c]
    assert [p.row for p in report.problems] == rows
    assert [p.column for p in report.problems] == columns
    text = "\n".join(str(p) for p in report.problems)
    for word in words:
        assert word in text, (word, text)
    for problem in report.problems:
        assert str(problem).startswith(f"{path}, row {problem.row}")
    # the good rows around the bad ones are still checked
    if report.rows_checked:
        assert {"G1", "G2"} <= {c.claim_id for c in claims}
        result = check_claims(path)
        assert len(result) == report.rows_checked
        assert result.attrs["report"].rows_rejected == report.rows_rejected
        g2 = result.set_index("claim_id").loc["G2"]
        # 67.2 亿元 against the yearbook's 67.2409 (Sheet1!AA369)
        assert (g2["verdict"], g2["found"]) == ("consistent", pytest.approx(67.2409))
