"""The one number formatter (jbanalysis.text.numbers): exact strings in both languages.

Every expected string is worked out by hand from the unit registry's factors (1 亿元 = 10^8 yuan =
0.1 billion yuan; 1 万人 = 10^4 people = 10 thousand = 0.01 million) and 四舍五入 rounding.
"""

from __future__ import annotations

import pandas as pd
import pytest

from jbanalysis.registry.indicators import load_units
from jbanalysis.text import formatting as fm
from jbanalysis.text.numbers import (
    fmt_pct,
    fmt_printed,
    fmt_range,
    fmt_value,
    printed_decimals,
    round_half_up,
)


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "zh", "en"),
    [
        # the million bug: 122.50万 is 1,225,000 people, never "1 million"
        (122.5, "persons_10k", None, "122.5万人", "1.225 million people"),
        (122.5, "persons_10k", 2, "122.50万人", "1.2250 million people"),
        (100, "visits_10k", 0, "100万人次", "1.00 million visits"),
        (199.9, "persons_10k", 1, "199.9万人", "1.999 million people"),
        (3213.34, "persons_10k", None, "3213.3万人", "32.133 million people"),
        # below a million: thousands, one decimal fewer than 万
        (58.8717, "persons_10k", None, "58.9万人", "589 thousand people"),
        (5.7, "persons_10k", 1, "5.7万人", "57 thousand people"),
        (99.99, "persons_10k", 2, "99.99万人", "999.9 thousand people"),
        # money totals: 亿元 as published, CNY billion in English (one decimal more when printed)
        (1602.76, "cny_100m", None, "1602.8亿元", "CNY 160.3 bn"),
        (67.2409, "cny_100m", 4, "67.2409亿元", "CNY 6.72409 bn"),
        (5560, "cny_100m", 0, "5560亿元", "CNY 556.0 bn"),
        (98765.4, "cny", None, "98,765元", "CNY 98,765"),
        (12.5, "cny_10k", 1, "12.5万元", "CNY 125,000"),
        # rates, points, counts
        (6.25, "pct", None, "6.3%", "6.3%"),
        (2.3, "pp", 1, "2.3个百分点", "2.3 percentage points"),
        (15, "count", 0, "15", "15"),
        (4000, "persons", 0, "4,000人", "4,000 people"),
        (12345.678, "households", None, "12,346户", "12,346 households"),
    ],
)
def test_a_value_with_its_unit_in_both_languages(value, unit, decimals, zh, en):
    assert fmt_value(value, unit, "zh", decimals) == zh
    assert fmt_value(value, unit, "en", decimals) == en


def test_a_published_value_keeps_the_digits_it_was_printed_with():
    assert printed_decimals(67.2409) == 4 and printed_decimals(122.5) == 1
    assert fmt_printed(67.2409, "cny_100m") == "67.2409亿元"
    assert fmt_printed(67.2, "cny_100m", "en") == "CNY 6.72 bn"
    assert fmt_printed(122.5, "persons_10k", "en") == "1.225 million people"
    assert fmt_printed(4000, "persons", infix="余") == "4,000余人"
    assert fmt_printed(float("nan"), "pct", "en") == "no data"


def test_ranges_never_collapse_to_the_same_text():
    # 122.45–122.55万: one decimal of a million would print both ends as 1.2 million
    assert fmt_range(122.45, 122.55, "persons_10k", "en") == (
        "1.2245 million people–1.2255 million people"
    )
    assert fmt_range(122.45, 122.55, "persons_10k") == "122.45万人–122.55万人"
    # asked for one decimal where both ends round alike: one more until they differ
    assert fmt_range(6.21, 6.24, "pct", decimals=1) == "6.21%–6.24%"
    assert fmt_range(131.5, 132.5, "cny_100m", "en", decimals=1) == "CNY 13.15 bn–CNY 13.25 bn"
    assert fmt_range(5.0, 5.0, "pct", decimals=1) == "5.0%–5.0%"  # one value: one text


def test_rounding_is_half_up_on_the_printed_digits():
    # binary floating point prints 6.25 -> 6.2 but 6.45 -> 6.5; a reader rounds both up
    assert [fmt_pct(v) for v in (6.15, 6.25, 6.35, 6.45)] == ["6.2%", "6.3%", "6.4%", "6.5%"]
    assert fmt_pct(-0.04) == "0.0%" and fmt_pct(-0.04, signed=True) == "+0.0%"
    assert str(round_half_up(-1.25, 1)) == "-1.3"
    shown = fm.table(pd.DataFrame({"a": [6.25, 6.35]}, index=["x", "y"]))
    assert shown["a"].tolist() == [6.3, 6.4]  # tables round as sentences do


def test_every_unit_of_the_registry_has_a_way_to_be_written():
    units = load_units()
    for row in units.itertuples(index=False):
        for target in filter(None, row.written_en.split("|")):
            assert target in set(units["id"]), (row.id, target)
        zh, en = fmt_value(1234.5, row.id, "zh", 1), fmt_value(1234.5, row.id, "en", 1)
        assert "1" in zh and "1" in en and "{" not in zh + en, (row.id, zh, en)
