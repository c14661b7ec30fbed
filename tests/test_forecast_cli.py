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
    DEFAULT_MODEL,
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


def _holt_damped(y: list[float], horizon: int) -> list[float]:
    """Holt's damped trend, re-derived: every (alpha, beta, phi) of the documented grid, the one
    with the least one-step squared error (level0 = y0, trend0 = y1 - y0)."""
    best = None
    for alpha in (0.1, 0.3, 0.5, 0.7, 0.9):
        for share in (0.01, 0.1, 0.3):
            for phi in (0.8, 0.9, 0.98):
                level, trend, sse = y[0], y[1] - y[0], 0.0
                for value in y[1:]:
                    error = value - (level + phi * trend)
                    sse += error * error
                    level, trend = (
                        level + phi * trend + alpha * error,
                        phi * trend + alpha * share * error,
                    )
                if best is None or sse < best[0]:
                    best = (sse, level, trend, phi)
    _, level, trend, phi = best
    return [level + trend * sum(phi**i for i in range(1, h + 1)) for h in range(1, horizon + 1)]


def _ar1_drift(y: list[float], kept: list[bool], horizon: int) -> list[float]:
    """ARIMA(1,1,0) with drift, re-derived: least squares of each kept change on the one before."""
    d = np.diff(y)
    pairs = [(d[t - 1], d[t]) for t in range(1, len(d)) if kept[t - 1] and kept[t]]
    x, z = np.array(pairs).T
    slope = float(np.sum((x - x.mean()) * (z - z.mean())) / np.sum((x - x.mean()) ** 2))
    mu = (z.mean() - slope * x.mean()) / (1 - slope)
    phi = min(max(slope, -0.9), 0.9)
    if phi != slope:
        mu = float(d[np.array(kept)].mean())
    out, level, change = [], y[-1], d[-1]
    for _ in range(horizon):
        change = mu + phi * (change - mu)
        level += change
        out.append(level)
    return out


def _jiangbei_default(horizon: int) -> tuple[int, list[float]]:
    """The default's forecast of Jiangbei GDP, re-derived from the published values by hand.

    Registered breaks of first-release GDP inside the window: 2009, 2014, 2018, 2019. The change into
    each is left out and replaced by the median of the kept log changes, which re-levels every
    year before it; the two models run on the re-levelled values, their medians are averaged.
    """
    y = load_panel(districts="jiangbei", indicators="gdp").set_index("year")["value"].dropna()
    log = np.log(y)
    dlog = log.diff().dropna()
    typical = dlog.drop([2009, 2014, 2018, 2019]).median()
    for b in (2019, 2018, 2014, 2009):
        log[log.index < b] += dlog[b] - typical
    relevelled = np.exp(log).tolist()
    kept = [year not in (2009, 2014, 2018, 2019) for year in y.index[1:]]
    holt, ar = _holt_damped(relevelled, horizon), _ar1_drift(relevelled, kept, horizon)
    return int(y.index[-1]), [(a + b) / 2 for a, b in zip(holt, ar, strict=True)]


def test_cli_prints_the_forecast_table(capsys):
    assert main(["forecast", "--district", "江北", "--indicator", "gdp", "--horizon", "5"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == (
        "jiangbei · gdp (cny_100m) · model combo(holt_damped+ar1_drift): damped trend (Holt, "
        "levels) + ARIMA(1,1,0) with drift (levels)"
    )
    last, medians = _jiangbei_default(5)
    assert lines[1].startswith(f"last observed year {last}; today ")
    assert lines[2].split() == ["year", "median", "mean", "lo80", "hi80", "lo95", "hi95", "past"]
    assert [int(line.split()[0]) for line in lines[3:8]] == list(range(last + 1, last + 6))
    shown = [float(line.split()[1]) for line in lines[3:8]]
    assert shown == pytest.approx(medians, abs=0.006)
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
    table = [line.split() for line in cli[3:8]]
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
    with pytest.raises(
        ValueError, match="horizon 21: expected a whole number of years from 1 to 20"
    ):
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
        (["--district", "yuzhong", "--gaps", "error"], "would leave 1 value(s)"),
        (["--district", "yuzhong", "--gaps", "error"], "pass --gaps step to let the models"),
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
        ([5.0, np.nan, 6.0, np.nan, 7.0], "no value for 2009, 2011: the models step over them"),
        ([3.0, 4.0, np.nan, 5.0, 6.0, 7.0], "no value for 2010: the models step over it"),
        (
            [-2.0, -1.0, 0.0, 1.0, 3.0, 4.0, 6.0],
            r"outside the values it can take: 2008: -2, 2009: -1",
        ),
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


def test_yuzhong_gdp_steps_over_its_gaps_and_says_so():
    fc = forecast_district("yuzhong", "gdp", horizon=3)
    last = int(fc["fit_end"].iloc[0])
    present = series_inputs("yuzhong", "gdp").series.loc[2005:].dropna()
    assert fc["fit_start"].iloc[0] == 2005 and fc["n_fit"].iloc[0] == len(present)
    assert fc["model"].iloc[0] == DEFAULT_MODEL
    notes = " ".join(fc.attrs["notes"])
    assert "no value for 2007–2012, 2014, 2016–2017, 2024: the models step over them" in notes
    assert last == int(present.index[-1])
    # narrowing instead fits the stretch after the last gap only: 2025 alone is too few, and the
    # window to 2023 narrows to 2018–2023
    with pytest.raises(ValueError, match=r"'yuzhong' has only 1 value\(s\) to fit \(2025"):
        forecast_district("yuzhong", "gdp", horizon=3, gaps="narrow")
    narrowed = forecast_district("yuzhong", "gdp", horizon=3, gaps="narrow", last_year=2023)
    assert narrowed["fit_start"].iloc[0] == 2018


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
