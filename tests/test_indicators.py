import pandas as pd
import pytest

from jbanalysis.errors import UnknownNameError
from jbanalysis.registry.indicators import (
    KINDS,
    convert,
    load_indicators,
    load_units,
    resolve_indicator,
    resolve_unit,
    unit_of,
)


def test_registry_is_complete():
    reg = load_indicators()
    assert reg["id"].is_unique
    assert set(reg["kind"]) <= set(KINDS)
    assert set(reg["unit"]) <= set(load_units()["id"])
    for col in ("name_zh", "name_en", "description"):
        assert (reg[col] != "").all(), col


@pytest.mark.parametrize(
    ("value", "src", "dst", "expected"),
    [
        (3913947, "万元", "亿元", 391.3947),  # 江北 GDP 2010, yearbook panel
        (95.8, "billion yuan", "亿元", 958.0),
        (2.79, "万亿元", "亿元", 27900.0),
        (1.950027, "trillion yuan", "cny_100m", 19500.27),
        (37, "thousand yuan", "元", 37000.0),
        (1520, "千人", "万人", 152.0),
        (874400, "人", "万人", 87.44),
        (1.63, "million persons", "万人", 163.0),
        (12.5, "%", "pct", 12.5),
    ],
)
def test_convert_hand_computed(value, src, dst, expected):
    assert convert(value, src, dst) == expected


def test_convert_series_keeps_index():
    out = convert(pd.Series([10000, 25000], index=[2019, 2020]), "万元", "亿元")
    assert out.to_dict() == {2019: 1.0, 2020: 2.5}


def test_convert_refuses_other_dimension():
    with pytest.raises(ValueError, match="cannot convert 万元 \\(money\\) to 万人 \\(persons\\)"):
        convert(1, "万元", "万人")


def test_unknown_unit_and_indicator():
    with pytest.raises(UnknownNameError, match="unknown unit '万美元'"):
        resolve_unit("万美元")
    with pytest.raises(UnknownNameError, match="did you mean 'gdp'"):
        resolve_indicator("gpd")
    assert unit_of("retail_sales") == "cny_100m"
