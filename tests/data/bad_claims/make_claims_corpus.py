"""Write the bad-ledger corpus of the claims check: the ledger files and ``manifest.csv``.

Run ``python tests/data/bad_claims/make_claims_corpus.py`` after adding a case; the files it writes are
committed (so a reader can open them) and ``tests/test_claims_ledger.py`` runs every row.

Each ledger holds good rows around the bad one, as real ledgers do: the bad row is rejected with
its row and column, the others are still checked (rows in = rows checked + rows rejected).

Manifest columns: ``case``, ``input`` (a file in this folder), ``expect`` (``ok``: read, with
rejected rows listed; ``error``: the whole file refused), ``row`` and ``column`` of the problem
(``|`` between several), ``contains`` (words the message must contain, ``|`` between them),
``rows_in``/``rows_checked``/``rows_rejected``, ``what`` (what is wrong with the input).
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = (
    "claim_id,text,title,date,url,district,indicator,period,kind,stated,unit,precision,group,"
    "denominator,note"
)
# two rows every ledger carries: a rank from 江北's work report, a value from the 2021 report
GOOD_1 = (
    "G1,增速居中心城区第一,江北区2023年政府工作报告完成情况,2024-01-26,,江北,gdp_real_growth,"
    "2023,rank,1,,,中心城区,,"
)
GOOD_2 = "G2,实现一般公共预算收入67.2亿元,,2023-06-07,,江北,fiscal_revenue,2020,value,67.2,亿元,,,,"
CASES: list[dict] = []


def case(name, what, bad_rows, *, expect="ok", row="", column="", contains="", rows=None, **kw):
    """One ledger: header, G1, the bad row(s), G2 (or the text given as ``raw``)."""
    file = f"{name}.csv"
    text = kw.get("raw")
    if text is None:
        lines = [HEADER, GOOD_1, *bad_rows, GOOD_2]
        text = "\n".join(lines) + "\n"
    (HERE / file).write_bytes(text.encode(kw.get("encoding", "utf-8")))
    rows_in, checked, rejected = rows or (2 + len(bad_rows), 2, len(bad_rows))
    CASES.append(
        {
            "case": name,
            "input": file,
            "expect": expect,
            "row": row,
            "column": column,
            "contains": contains,
            "rows_in": rows_in,
            "rows_checked": checked,
            "rows_rejected": rejected,
            "what": what,
        }
    )


def build() -> None:
    case(
        "unknown_district",
        "a district that is not in the registry (a county suffix on a district)",
        ["B1,江北县GDP增长6.2%,,,,江北县,gdp_real_growth,2023,growth,6.2,%,,,,"],
        row="3",
        column="district",
        contains="unknown district '江北县'|did you mean",
    )
    case(
        "unknown_indicator",
        "an indicator id with a typo",
        ["B1,GDP 1744亿元,,,,江北,gpd,2023,value,1744,亿元,,,,"],
        row="3",
        column="indicator",
        contains="unknown indicator 'gpd'|gdp",
    )
    case(
        "unparseable_fraction",
        "a fraction as printed that is not one (三分之 without the numerator)",
        ["B1,占全市三分之,,,,江北,gdp,2022,share,三分之,,,,全市,"],
        row="3",
        column="stated",
        contains="'三分之' is not a fraction",
    )
    case(
        "unparseable_precision",
        "a printed precision that is not a fraction (大半 is not a printed fraction word)",
        ["B1,占全市大半,,,,江北,gdp,2022,share,1/2,,大半,,全市,"],
        row="3",
        column="precision",
        contains="'大半' is not a printed fraction",
    )
    case(
        "precision_disagrees",
        "the stated fraction and the printed precision say different fractions",
        ["B1,占全市三分之一,,,,江北,gdp,2022,share,1/4,,三分之一,,全市,"],
        row="3",
        column="precision",
        contains="'三分之一' is 0.3333|1/4",
    )
    case(
        "unparseable_period",
        "a fourth quarter: the bundle has Q1, H1, Q1-Q3 and the year",
        ["B1,四季度GDP增长,,,,江北,gdp_real_growth,2023 Q4,growth,6.0,%,,,,"],
        row="3",
        column="period",
        contains="'2023 Q4' is not a period",
    )
    case(
        "period_without_year",
        "a period written without its year (前三季度 alone)",
        ["B1,前三季度GDP增长6.2%,,,,江北,gdp_real_growth,前三季度,growth,6.2,%,,,,"],
        row="3",
        column="period",
        contains="'前三季度' is not a period",
    )
    case(
        "missing_stated",
        "the stated number left empty",
        ["B1,GDP增长较快,,,,江北,gdp_real_growth,2023,growth,,%,,,,"],
        row="3",
        column="stated",
        contains="missing stated number",
    )
    case(
        "stated_not_a_number",
        "the stated number written in words",
        ["B1,GDP增长六点二,,,,江北,gdp_real_growth,2023,growth,六点二,%,,,,"],
        row="3",
        column="stated",
        contains="'六点二' is not a number",
    )
    case(
        "missing_claim_id",
        "a row without its claim id",
        [",GDP增长6.7%,,,,江北,gdp_real_growth,2023,growth,6.7,%,,,,"],
        row="3",
        column="claim_id",
        contains="missing claim id",
    )
    case(
        "duplicate_claim_id",
        "a claim id used twice (the second row is rejected, naming the first)",
        ["G1,GDP增长6.7%,,,,江北,gdp_real_growth,2023,growth,6.7,%,,,,"],
        row="3",
        column="claim_id",
        contains="claim id 'G1' already used in row 2",
    )
    case(
        "unknown_kind",
        "a kind that is not value, growth, share or rank",
        ["B1,GDP总量居前,,,,江北,gdp,2023,ranking,3,,,全市,,"],
        row="3",
        column="kind",
        contains="'ranking' is not a kind",
    )
    case(
        "growth_of_a_level",
        "growth claimed on a level indicator: 增长 of GDP is real growth, a published rate",
        ["B1,GDP增长6.7%,,,,江北,gdp,2023,growth,6.7,%,,,,"],
        row="3",
        column="indicator",
        contains="a growth claim needs a published growth rate|gdp_real_growth",
    )
    case(
        "rank_without_group",
        "a rank without the group it is a rank in",
        ["B1,增速第一,,,,江北,gdp_real_growth,2023,rank,1,,,,,"],
        row="3",
        column="group",
        contains="a rank needs its group",
    )
    case(
        "unknown_group",
        "a group the registry does not define (渝东北)",
        ["B1,渝东北第1,,,,万州,gdp,2023,rank,1,,,渝东北,,"],
        row="3",
        column="group",
        contains="unknown group '渝东北'",
    )
    case(
        "district_not_in_group",
        "万州 ranked among the central districts it is not one of",
        ["B1,中心城区第1,,,,万州,gdp,2023,rank,1,,,中心城区,,"],
        row="3",
        column="group",
        contains="wanzhou is not one of the group central",
    )
    case(
        "bad_rank",
        "a rank of zero",
        ["B1,第0位,,,,江北,gdp,2023,rank,0,,,全市,,"],
        row="3",
        column="stated",
        contains="'0' is not a rank",
    )
    case(
        "share_without_denominator",
        "a share without its denominator",
        ["B1,占三分之一,,,,江北,gdp,2022,share,1/3,,三分之一,,,"],
        row="3",
        column="denominator",
        contains="a share needs its denominator",
    )
    case(
        "share_of_a_rate",
        "a share of a growth rate, which has no sum to be a share of",
        ["B1,增长占全市一半,,,,江北,gdp_real_growth,2023,share,1/2,,一半,,全市,"],
        row="3",
        column="indicator",
        contains="a share needs a level or a count",
    )
    case(
        "unit_of_another_dimension",
        "GDP stated in 万人",
        ["B1,GDP 1744万人,,,,江北,gdp,2023,value,1744,万人,,,,"],
        row="3",
        column="unit",
        contains="cannot convert",
    )
    case(
        "unknown_unit",
        "a unit the registry does not know",
        ["B1,GDP 1744亿美元,,,,江北,gdp,2023,value,1744,亿美元,,,,"],
        row="3",
        column="unit",
        contains="unknown unit '亿美元'",
    )
    case(
        "bad_date",
        "a publication date written the Chinese way",
        ["B1,GDP 1744亿元,,2024年1月26日,,江北,gdp,2023,value,1744,亿元,,,,"],
        row="3",
        column="date",
        contains="'2024年1月26日' is not a date",
    )
    case(
        "stray_comma",
        "an unquoted comma in the text: one cell more than the header has",
        ["B1,实现地区生产总值1744亿元,增长6.7%,,,,江北,gdp,2023,value,1744,亿元,,,,"],
        row="3",
        column="(end of row)",
        contains="more cells than columns: 16 cells for 15 columns",
    )
    case(
        "several_problems_in_one_row",
        "one row with an unknown district and an unparseable period: both named, one row rejected",
        ["B1,增长6.2%,,,,江北县,gdp_real_growth,2023 四季度,growth,6.2,%,,,,"],
        row="3|3",
        column="district|period",
        contains="unknown district|is not a period",
    )
    case(
        "two_bad_rows",
        "two bad rows among good ones: each named, the good ones checked",
        [
            "B1,GDP增长6.2%,,,,江北县,gdp_real_growth,2023,growth,6.2,%,,,,",
            "B2,GDP增长6.2%,,,,江北,gdp_real_growth,2023,growth,,%,,,,",
        ],
        row="3|4",
        column="district|stated",
        contains="unknown district|missing stated number",
    )
    case(
        "gbk_encoded",
        "a ledger saved by Excel in GBK: read as it is",
        [],
        rows=(2, 2, 0),
        encoding="gbk",
    )
    case(
        "fullwidth_and_chinese_periods",
        "full-width digits and a Chinese period (２０２３年前三季度) are read",
        ["B1,前三季度增长,,,,渝中区,gdp_real_growth,２０２３年前三季度,growth,４.４,％,,,,"],
        rows=(3, 3, 0),
    )
    case(
        "blank_lines",
        "blank lines between rows are not rows",
        [],
        rows=(2, 2, 0),
        raw=f"{HEADER}\n\n{GOOD_1}\n,,,,,,,,,,,,,,\n{GOOD_2}\n\n",
    )
    case(
        "header_only",
        "a ledger with no claims: nothing to check, nothing rejected",
        [],
        rows=(0, 0, 0),
        raw=HEADER + "\n",
    )
    case(
        "missing_required_column",
        "no 'stated' column: the whole file is refused, naming the column",
        [],
        expect="error",
        row="1",
        contains="missing required column(s) ['stated']",
        rows=("", "", ""),
        raw=HEADER.replace(",stated", "") + "\n",
    )
    case(
        "empty_file",
        "an empty file",
        [],
        expect="error",
        row="1",
        contains="the ledger is empty",
        rows=("", "", ""),
        raw="",
    )
    with open(HERE / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(CASES[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(CASES)


if __name__ == "__main__":
    build()
