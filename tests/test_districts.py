import pytest

import jbanalysis as jb
from jbanalysis.errors import UnknownNameError
from jbanalysis.registry.districts import district_ids, load_districts, name_of, resolve_district


@pytest.mark.parametrize(
    "name",
    ["江北", "江北区", "Jiangbei", "Jiangbei District", "jiangbei", "500105", 500105, " JIANGBEI "],
)
def test_jiangbei_aliases(name):
    assert resolve_district(name) == "jiangbei"


def test_registry_has_38_units_the_city_and_nine_central():
    reg = load_districts()
    units = reg[reg["level"].isin(["district", "county"])]
    assert len(units) == 38
    assert units["adcode"].is_unique and reg["id"].is_unique
    assert reg.loc[reg["id"] == "chongqing", "adcode"].item() == "500000"
    assert district_ids("central") == [
        "yuzhong",
        "dadukou",
        "jiangbei",
        "shapingba",
        "jiulongpo",
        "nanan",
        "beibei",
        "yubei",
        "banan",
    ]
    assert len(district_ids("other")) == 29


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("渝中区", "yuzhong"),
        ("Nan'an", "nanan"),
        ("彭水苗族土家族自治县", "pengshui"),
        ("开县", "kaizhou"),  # the name before 2016
        ("梁平县", "liangping"),
        ("忠县", "zhongxian"),
        ("全市", "chongqing"),
        ("主城九区", "central9"),
        ("ＪＩＡＮＧＢＥＩ", "jiangbei"),  # full-width letters
    ],
)
def test_other_names(name, expected):
    assert resolve_district(name) == expected


def test_unknown_district_lists_close_matches():
    with pytest.raises(UnknownNameError) as err:
        resolve_district("jiangbie")
    assert "unknown district 'jiangbie'" in str(err.value)
    assert "jiangbei" in err.value.suggestions
    assert isinstance(err.value, LookupError)


def test_name_of():
    assert name_of("nanan", "en") == "Nan'an"
    assert name_of("500112") == "渝北区"


def test_public_api_reexports():
    assert jb.resolve_district is resolve_district
