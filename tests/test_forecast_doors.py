"""Issue 16 at every door: the years already past and a user's outturn (CLI, API, report
sentences), and a series that cannot be forecast said the same way by API, CLI and report."""

from __future__ import annotations

import datetime

import pandas as pd
import pytest

from jbanalysis.cli import main
from jbanalysis.errors import UnknownNameError
from jbanalysis.forecast import SeriesError, forecast_district, outturn, series_inputs
from jbanalysis.panel.load import load_panel
from jbanalysis.text.sentences.forecasts import (
    outturn_sentence,
    stale_sentence,
    unavailable_sentence,
)

NOW = datetime.date.today().year


def add(tmp_path, rows: str, name: str = "added") -> str:
    """A user folder holding ``rows`` (区县,年份,指标,数值,单位 lines), added with ``data add``."""
    table = tmp_path / f"{name}.csv"
    table.write_text("区县,年份,指标,数值,单位\n" + rows, encoding="utf-8")
    user = tmp_path / "data"
    code = main(["data", "add", str(table), "--user-dir", str(user), "--source-id", name,
                 "--kind", "user", "--vintage", "first_release", "--title", "test input",
                 "--publisher", "test", "--url", "https://example.org/test"])  # fmt: skip
    assert code == 0
    return str(user)


def test_the_cli_labels_past_years_and_shows_a_users_outturn_against_them(tmp_path, capsys):
    # 大渡口's retail sales end in 2020 (67.43 亿元); the user adds 2021. The figure is the test's
    # own input: the mechanism is tested, not the number.
    user = add(tmp_path, "大渡口区,2021,社会消费品零售总额,70.5,亿元\n")
    capsys.readouterr()  # what data add said
    argv = ["forecast", "--district", "大渡口", "--indicator", "社零", "--user-dir", user]
    assert main([*argv, "--horizon", "5", "--last-year", "2020"]) == 0
    lines = capsys.readouterr().out.splitlines()
    today = datetime.date.today().isoformat()
    assert lines[1] == (
        f"fitted to 2020 (--last-year); today {today}; 2021 published (column actual, beside "
        f"the forecast); 2022–{NOW - 1}: past years, not yet in the data"
    )
    assert lines[2].split() == ["year", "median", "mean", "lo80", "hi80", "lo95", "hi95",
                                "past", "actual"]  # fmt: skip
    first = lines[3].split()
    assert first[0] == "2021" and first[-2:] == ["True", "70.50"]
    # the forecast beside the outturn is the one made from the bundled data to 2020
    bundled = forecast_district("大渡口", "retail_sales", horizon=5, last_year=2020)
    assert float(first[1]) == pytest.approx(bundled["median"].iloc[0], abs=0.006)
    assert [line.split()[-1] for line in lines[4:8]] == ["NaN"] * 4
    # without --last-year the outturn is data: the series ends in 2021, 2022 on are past
    assert main([*argv, "--horizon", "3"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        f"last observed year 2021; today {today}; 2022–2024: past years, not yet in the data"
    )


def test_the_reports_sentences_say_the_same_in_both_languages():
    # Jiangbei GDP forecast from 2005-2020 only, read in 2026: 2021-2023 are published
    f = forecast_district("江北", "gdp", horizon=6, last_year=2020, today=2026)
    actual = series_inputs("江北", "gdp").series
    held = [y for y in range(2021, 2027) if pd.notna(actual.get(y))]
    assert held[0] == 2021 and held == list(range(2021, held[-1] + 1))
    zh, en = stale_sentence(f, "zh"), stale_sentence(f, "en")
    span = f"2021–{held[-1]}"
    assert zh.startswith(
        f"预测所用数据截至2020年，现为2026年：{span}年已有公布值，与预测的对照见下"
    )
    assert en.startswith(
        f"The forecast uses the data to 2020 and it is now 2026: {span} have published values"
    )
    if held[-1] < 2025:  # the years after the data: still said to be past and not in the data
        rest = f"{held[-1] + 1}–2025" if held[-1] < 2024 else "2025"
        assert f"；{rest}年已经过去，但尚无数据" in zh and f"; {rest} " in en
    # the outturn sentence: each published value against the forecast of its year
    table = outturn(f, actual)
    assert table["year"].tolist() == held
    assert table["actual"].tolist() == pytest.approx(actual.loc[held].tolist())
    text = outturn_sentence(table, "jiangbei", "gdp", "zh")
    assert text.startswith(
        "已有公布值可对照：2021年江北区地区生产总值（现价）为1507.1亿元，预测中位数"
    )
    english = outturn_sentence(table, "jiangbei", "gdp", "en")
    assert english.startswith("Published values to check against: in 2021 ")
    assert " was CNY 150.7 bn against a median forecast of " in english


@pytest.mark.parametrize(
    ("rows", "reason", "zh", "en"),
    [
        ("", "no_values", "数据中没有数值", "the data hold no value"),
        ("大渡口区,2021,存款余额,300,亿元\n大渡口区,2022,存款余额,320,亿元\n", "too_few",
         "只有2个数值（2021–2022年），至少需要3个", "only 2 values (2021–2022), at least 3"),
    ],
)  # fmt: skip
def test_a_series_that_cannot_be_forecast_is_the_same_error_at_every_door(
    tmp_path, capsys, rows, reason, zh, en
):
    # the CLI reads the user's folder; the API and the report read the same panel
    user = add(tmp_path, rows or "大渡口区,2021,地区生产总值,300,亿元\n")
    capsys.readouterr()  # what data add said
    with pytest.raises(SeriesError) as api:
        forecast_district("大渡口", "deposits", horizon=3, panel=load_panel(user_dir=user))
    assert api.value.reason == reason
    assert main(["forecast", "--district", "大渡口", "--indicator", "deposits", "--horizon", "3",
                 "--user-dir", user]) == 2  # fmt: skip
    assert str(api.value) in capsys.readouterr().err
    # the report's cell 4 turns the same error into a sentence in its language
    assert zh in unavailable_sentence("deposits", api.value, "zh")
    assert en in unavailable_sentence("deposits", api.value, "en")


@pytest.mark.parametrize("horizon", [0, 21])
def test_a_horizon_out_of_range_is_the_same_error_at_every_door(capsys, horizon):
    from jbanalysis.report.build import report_parameters

    expected = f"horizon {horizon}: expected a whole number of years from 1 to 20"
    with pytest.raises(ValueError, match=expected):
        forecast_district("jiangbei", "gdp", horizon=horizon)
    with pytest.raises(ValueError, match=expected):
        report_parameters("jiangbei", "zh", {"horizon": horizon})
    assert main(["forecast", "--district", "jiangbei", "--horizon", str(horizon)]) == 2
    assert f"-{expected}" in capsys.readouterr().err  # the option's name: --horizon


@pytest.mark.parametrize(
    ("district", "indicator", "message"),
    [("nowhere", "gdp", "unknown district 'nowhere'"), ("jiangbei", "gpd", "gpd")],
)
def test_an_unknown_name_is_the_same_error_from_api_and_cli(capsys, district, indicator, message):
    with pytest.raises(UnknownNameError, match=message) as api:
        forecast_district(district, indicator)
    assert main(["forecast", "--district", district, "--indicator", indicator]) == 2
    assert str(api.value) in capsys.readouterr().err
