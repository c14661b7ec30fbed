"""``jbanalysis forecast`` and the forecasts on the bundled panel."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from jbanalysis.cli import main
from jbanalysis.forecast import forecast, forecast_panel
from jbanalysis.panel import load_panel, wide

# Jiangbei GDP, 亿元, first releases: yearbook 2019-2020, published figures 2021-2022 (2022 as
# corrected for the 渝中/江北 swap); see data/sources.
JIANGBEI_2019_2022 = [1240.0715, 1325.4008, 1507.07, 1602.76]


def test_cli_prints_the_forecast_table(capsys):
    assert main(["forecast", "--district", "江北", "--indicator", "gdp", "--horizon", "5"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "jiangbei · gdp (cny_100m) · model drift: drift (log)"
    assert lines[1].split() == ["year", "mean", "median", "lo80", "hi80", "lo95", "hi95"]
    assert [line.split()[0] for line in lines[2:7]] == ["2024", "2025", "2026", "2027", "2028"]
    # median of the drift on logs: 1744 * (1744 / 1240.0715) ** (h / 4), 2023 from 江北's
    # government work report (HO0015)
    growth = (1744 / 1240.0715) ** (1 / 4)
    assert float(lines[2].split()[2]) == pytest.approx(1744 * growth, abs=0.006)
    assert "fitted on 2019–2023 (5 values)" in out
    assert "2022 (corrected)" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--district", "nowhere"], "unknown district 'nowhere'"),
        (["--district", "jiangbei", "--breaks", "census"], "--breaks 'census'"),
        (["--district", "jiangbei", "--horizon", "0"], "--horizon 0"),
        (["--district", "jiangbei", "--model", "ets"], "model 'ets' needs at least 10 values"),
        (["--district", "yuzhong", "--breaks", "none"], "no value for 2007–2012, 2014, 2016–2017"),
        (["--district", "yuzhong", "--breaks", "none"], "pass --gaps last_stretch to fit on 2018"),
    ],
)
def test_cli_errors_exit_2_with_a_message(capsys, argv, message):
    assert main(["forecast", *argv]) == 2
    assert message in capsys.readouterr().err


def test_cli_module_and_package_import_light():
    code = (
        "import sys, jbanalysis.cli_forecast\n"
        "assert 'pandas' not in sys.modules and 'statsmodels' not in sys.modules\n"
        "import jbanalysis.forecast\n"
        "heavy = [m for m in ('statsmodels', 'scipy.special', 'scipy.stats') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_jiangbei_gdp_default_window_starts_after_the_2018_census():
    panel = load_panel(districts="jiangbei", indicators="gdp", years=range(2005, 2023))
    series = wide(panel, "gdp", districts=["jiangbei"])["jiangbei"]
    assert series.loc[2019:2022].tolist() == JIANGBEI_2019_2022
    by_year = panel.set_index("year")
    fc = forecast(series, horizon=2, model="drift", vintages=by_year["vintage"])
    assert fc.attrs["fit_years"] == [2019, 2020, 2021, 2022]
    z = np.log(JIANGBEI_2019_2022)
    c = np.diff(z).mean()
    assert fc["median"].to_numpy() == pytest.approx(np.exp(z[-1] + c * np.array([1, 2])))


def test_yuzhong_gdp_is_short_and_said_so():
    panel = load_panel(districts="central", indicators="gdp", years=range(2005, 2023))
    fc = forecast_panel(panel, horizon=3, indicator="gdp", districts=["yuzhong"], breaks="none")
    assert (
        fc["status"]
        .iloc[0]
        .startswith(
            "'yuzhong' has no value for 2007–2012, 2014, 2016–2017 inside the fitting window 2005–2022"
        )
    )
    # with the known breaks: yuzhong's 2018 value is the revised one, so the window starts 2018
    fc = forecast_panel(panel, horizon=3, indicator="gdp", districts=["yuzhong"])
    assert fc["fit_start"].iloc[0] == 2018 and fc["n_fit"].iloc[0] == 5
    assert fc["model"].iloc[0] == "drift"
