"""``jbanalysis forecast``, and one forecast from every door: API, CLI and report 04."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from jbanalysis.cli import main
from jbanalysis.forecast import (
    MAX_HORIZON,
    forecast,
    forecast_district,
    forecast_panel,
    series_inputs,
)
from jbanalysis.panel.load import load_panel

# Jiangbei GDP, 亿元, first releases: yearbook 2005-2020, published figures 2021-2022 (2022 as
# corrected for the 渝中/江北 swap); see data/sources.
JIANGBEI_2017_2022 = [902.9378, 1027.8664, 1240.0715, 1325.4008, 1507.07, 1602.76]
NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "04_forecasts.ipynb"


def _jiangbei_recent_drift() -> tuple[int, float, float]:
    """The default's drift for Jiangbei GDP, re-derived from the published values by hand.

    Registered breaks of first-release GDP inside the window: 2009, 2014, 2019. The changes into
    those years are left out; the years before 2019 are re-levelled by
    ``f = exp(dlog_2019 - median of the kept log changes)``, so a change before 2019 counts
    ``f`` times; the drift is the median of the last four kept changes. Returns the last year,
    its value and the drift.
    """
    y = load_panel(districts="jiangbei", indicators="gdp").set_index("year")["value"].dropna()
    dlog = np.log(y).diff().dropna()
    kept = dlog.drop([2009, 2014, 2019])
    f = np.exp(dlog[2019] - kept.median())
    changes = y.diff().dropna().drop([2009, 2014, 2019])
    changes[changes.index < 2019] *= f
    return int(y.index[-1]), float(y.iloc[-1]), float(np.median(changes.iloc[-4:]))


def test_cli_prints_the_forecast_table(capsys):
    assert main(["forecast", "--district", "江北", "--indicator", "gdp", "--horizon", "5"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == (
        "jiangbei · gdp (cny_100m) · model recent_drift: recent drift (median of the last 4 "
        "changes, levels)"
    )
    assert lines[1].split() == ["year", "median", "mean", "lo80", "hi80", "lo95", "hi95"]
    last, value, c = _jiangbei_recent_drift()
    assert [int(line.split()[0]) for line in lines[2:7]] == list(range(last + 1, last + 6))
    medians = [float(line.split()[1]) for line in lines[2:7]]
    assert medians == pytest.approx([value + h * c for h in range(1, 6)], abs=0.006)
    assert f"fitted on 2005–{last} ({last - 2004} values)" in out
    assert "registered breaks inside: 2009, 2014, 2018, 2019" in out
    assert "2022 (corrected)" in out


def test_three_doors_give_the_same_numbers():
    """API (forecast and forecast_district), CLI and the report's call agree to the digit.

    (江北: 渝中's series now ends in a single 2025 value after the 2024 gap, too few to fit.)"""
    inputs = series_inputs("jiangbei", "gdp")
    api = forecast(inputs.series, horizon=5, **inputs.kwargs())
    district = forecast_district("江北", "gdp", horizon=5)
    cols = ["year", "median", "lo80", "hi80", "lo95", "hi95"]
    pd.testing.assert_frame_equal(api[cols], district[cols])
    cli = subprocess.run(
        [
            str(Path(sys.executable).parent / "jbanalysis"),
            "forecast",
            "--district",
            "jiangbei",
            "--digits",
            "4",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    table = [line.split() for line in cli[2:7]]
    assert [int(r[0]) for r in table] == api["year"].tolist()
    assert [float(r[1]) for r in table] == pytest.approx(api["median"].round(4).tolist())
    assert [float(r[6]) for r in table] == pytest.approx(api["hi95"].round(4).tolist())
    # the panel door uses the same inputs (vintages, flags, overlap ratios)
    panel = load_panel(districts="central", indicators="gdp")
    stacked = forecast_panel(panel, horizon=5, indicator="gdp", districts=["jiangbei"])
    assert stacked["median"].to_numpy() == pytest.approx(api["median"].to_numpy())
    # the report makes exactly this call for each indicator (and its horizon is the CLI's)
    code = "".join(
        "".join(c["source"]) for c in json.loads(NOTEBOOK.read_text())["cells"]
        if c["cell_type"] == "code"
    )  # fmt: skip
    assert (
        "fc.forecast_district(\n            district, indicator, horizon=horizon, last_year=years[-1]"
        in code
    )
    # ... and the report's data window only cuts the series: the same numbers as the API's
    cut = forecast_district("jiangbei", "gdp", horizon=5, last_year=2022)
    by_hand = forecast(inputs.series.loc[:2022], horizon=5, **{
        **inputs.kwargs(), "vintages": inputs.vintages.loc[:2022], "flags": inputs.flags.loc[:2022]
    })  # fmt: skip
    assert cut["median"].tolist() == pytest.approx(by_hand["median"].tolist())


def test_every_door_has_the_same_horizon_limit(capsys):
    from jbanalysis.report.build import report_parameters

    assert MAX_HORIZON == 20
    assert report_parameters("jiangbei", "zh", {"horizon": MAX_HORIZON})["horizon"] == 20
    with pytest.raises(ValueError, match="from 1 to 20"):
        report_parameters("jiangbei", "zh", {"horizon": MAX_HORIZON + 1})
    with pytest.raises(ValueError, match="from 1 to 20; got 21"):
        forecast_district("jiangbei", "gdp", horizon=21)
    for bad in ("0", "50", "1000"):
        assert main(["forecast", "--district", "jiangbei", "--horizon", bad]) == 2
        assert f"--horizon {bad}: expected a whole number of years from 1 to 20" in (
            capsys.readouterr().err
        )
    assert main(["forecast", "--district", "jiangbei", "--horizon", "20"]) == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--district", "nowhere"], "unknown district 'nowhere'"),
        (["--district", "jiangbei", "--breaks", "census"], "--breaks 'census'"),
        (["--district", "jiangbei", "--model", "prophet"], "unknown model 'prophet'"),
        (["--district", "yuzhong", "--gaps", "error"], "no value for 2007–2012, 2014, 2016–2017"),
        # 渝中 2025 (a work report) stands alone after the 2024 gap: narrowing cannot help
        (["--district", "yuzhong", "--gaps", "error"], "after the last gap only 1 value(s) remain"),
        (
            ["--district", "jiangbei", "--indicator", "gdp_avg_growth"],
            "no gdp_avg_growth values for jiangbei",
        ),
    ],
)
def test_cli_errors_exit_2_with_a_message(capsys, argv, message):
    assert main(["forecast", *argv]) == 2
    assert message in capsys.readouterr().err


def _tidy(values, district="dadukou", indicator="fiscal_revenue", start=2008) -> pd.DataFrame:
    years = list(range(start, start + len(values)))
    return pd.DataFrame({"district": district, "year": years, "indicator": indicator,
                         "value": values, "unit": "cny_100m", "vintage": "first_release",
                         "flag": "observed"})  # fmt: skip


@pytest.mark.parametrize(
    ("values", "outcome"),
    [
        ([1.0, 2.0], r"only 2 value\(s\) to fit"),  # two values: an error
        ([5.0, np.nan, 6.0, np.nan, 7.0], "3 values in all, but not 3 in a row"),
        ([3.0, 4.0, np.nan, 5.0, 6.0, 7.0], "narrowed to the years after the last gap"),
        ([-2.0, -1.0, 0.0, 1.0, 3.0, 4.0, 6.0], "the series has values <= 0: log models"),
        ([9.0] * 8, "the series is constant in the window"),
    ],
)
def test_bad_input_gets_the_same_answer_from_api_and_district_door(values, outcome):
    """The report calls forecast_district and prints a ValueError's message; the CLI too."""
    tidy = _tidy(values)
    inputs = series_inputs("dadukou", "fiscal_revenue", panel=tidy)
    try:
        api = forecast(inputs.series, horizon=3, **inputs.kwargs())
    except ValueError as exc:
        api = str(exc)
    try:
        door = forecast_district("dadukou", "fiscal_revenue", horizon=3, panel=tidy)
    except ValueError as exc:
        door = str(exc)
    if isinstance(api, str):
        assert api == door
        assert pd.Series([api]).str.contains(outcome).all()
    else:
        assert api["median"].tolist() == door["median"].tolist()
        assert any(pd.Series(api.attrs["notes"]).str.contains(outcome))


def test_a_break_in_the_last_year_is_a_documented_fallback():
    # 渝北 fiscal revenue, registered scope breaks 2011, 2012 (B22) and 2013: a series ending in 2013
    values = [20.0, 24.0, 29.0, 35.0, 100.0, 110.0, 40.0]  # 2007-2013
    tidy = _tidy(values, district="yubei", start=2007)
    fc = forecast_district("yubei", "fiscal_revenue", horizon=2, panel=tidy)
    notes = " ".join(fc.attrs["notes"])
    assert "registered breaks inside: 2011, 2012, 2013" in notes
    assert "the last year (2013) starts a new basis" in notes
    assert fc["fit_end"].iloc[0] == 2013 and np.isfinite(fc["median"]).all()


def test_cli_module_and_package_import_light():
    code = (
        "import sys, jbanalysis.cli.forecast\n"
        "assert 'pandas' not in sys.modules and 'statsmodels' not in sys.modules\n"
        "import jbanalysis.forecast\n"
        "heavy = [m for m in ('statsmodels', 'scipy.special', 'scipy.stats') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_yuzhong_gdp_is_narrowed_to_its_last_stretch_and_said_so():
    # to 2025, 渝中's last stretch is 2025 alone (2024 has no value): too few, and it says so
    with pytest.raises(ValueError, match=r"'yuzhong' has only 1 value\(s\) to fit \(2025"):
        forecast_district("yuzhong", "gdp", horizon=3)
    # the report's window to 2023 (last_year) narrows to 2018–2023
    fc = forecast_district("yuzhong", "gdp", horizon=3, last_year=2023)
    last = int(fc["fit_end"].iloc[0])
    assert fc["fit_start"].iloc[0] == 2018 and fc["n_fit"].iloc[0] == last - 2017
    assert fc["model"].iloc[0] == "recent_drift"
    notes = " ".join(fc.attrs["notes"])
    assert "narrowed to the years after the last gap (no value for 2007–2012, 2014, 2016–2017" in (
        notes
    )
    # with 2023 published there are 6 values: enough origins to check against naive, too few
    # forecasts to call the intervals calibrated
    assert "not calibrated: only 6 backtest forecasts (at least 10 are needed)" in notes


def test_overlap_ratio_splices_a_census_break_where_both_vintages_exist():
    # 渝北 2018 GDP: first release 1543.09, revised 1752.83 (PF0336/PF0337); the default panel
    # takes the first releases of the yearbook, so the new basis starts in 2019
    inputs = series_inputs("yubei", "gdp")
    assert inputs.ratios == {2019: pytest.approx(1752.83 / 1543.09, rel=1e-4)}
    fc = forecast(inputs.series, horizon=1, **inputs.kwargs())
    assert "overlap ratio" in fc.attrs["notes"][0]


def test_the_report_outturn_view_holds_out_the_latest_years():
    from jbanalysis.forecast import outturn_check

    held, table = outturn_check("jiangbei", "gdp", years=2)
    inputs = series_inputs("jiangbei", "gdp")
    last = int(inputs.series.dropna().index[-1])
    cut = last - 2
    assert int(held["fit_end"].iloc[0]) == cut
    # the same forecast made by hand from the data up to the cut
    again = forecast(inputs.series.loc[:cut], horizon=2, indicator="gdp", district="jiangbei",
                     vintages=inputs.vintages.loc[:cut], flags=inputs.flags.loc[:cut])  # fmt: skip
    assert held["median"].tolist() == pytest.approx(again["median"].tolist())
    assert table["year"].tolist() == [cut + 1, cut + 2]
    actual = inputs.series.loc[cut + 1 : cut + 2].to_numpy()
    assert table["actual"].to_numpy() == pytest.approx(actual)
    assert table["error_pct"].to_numpy() == pytest.approx(100 * (actual / again["median"] - 1))
    inside = (actual >= again["lo80"].to_numpy()) & (actual <= again["hi80"].to_numpy())
    assert table["inside80"].tolist() == inside.tolist()
