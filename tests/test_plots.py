"""Charts: the CJK font path (Chinese labels, no missing glyphs), the English fallback, and what
each chart draws (highlight, hollow markers for flags, visible gaps)."""

from __future__ import annotations

import io
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from jbanalysis import plots
from jbanalysis.plots import theme as plot_theme


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")
    plots.set_theme("en")


def _render(ax) -> list[str]:
    """Draw the figure to PNG and return the messages of any warnings raised while drawing."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax.figure.savefig(io.BytesIO(), format="png")
    return [str(w.message) for w in caught]


def _gdp_frame() -> tuple[pd.DataFrame, pd.DataFrame]:
    # Jiangbei and Yubei GDP 2016-2019 (亿元) as in the bundled panel; 2017 interpolated.
    values = pd.DataFrame(
        {
            "jiangbei": [778.0091, 902.9378, 1027.8664, 1240.0715],
            "yubei": [1293.3, 1418.2, 1543.1, 1848.2],
        },
        index=pd.Index([2016, 2017, 2018, 2019], name="year"),
    )
    flags = pd.DataFrame(
        {
            "jiangbei": ["observed", "interpolated", "observed", "observed"],
            "yubei": ["observed", "interpolated", "observed", "observed"],
        },
        index=values.index,
    )
    return values, flags


def test_chinese_labels_render_without_missing_glyphs():
    font = plots.find_cjk_font()
    if font is None:
        pytest.skip("no CJK font installed (Debian: fonts-noto-cjk; .ci/run installs it)")
    theme = plots.set_theme("zh")
    assert theme.chart_lang == "zh" and theme.font == font and theme.note == ""
    values, flags = _gdp_frame()
    ax = plots.lines(
        values, "jiangbei", flags=flags, title="地区生产总值", ylabel="亿元", breaks=[2019]
    )
    texts = {t.get_text() for t in ax.texts}
    assert {"江北区", "渝北区"} <= texts
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["江北区", "其他中心城区", "插值", "登记的口径断点"]
    messages = _render(ax)
    assert not [m for m in messages if "Glyph" in m and "missing" in m], messages


def test_without_a_cjk_font_labels_fall_back_to_english_with_one_note(monkeypatch, capsys):
    monkeypatch.setattr(plot_theme, "find_cjk_font", lambda candidates=plots.CJK_FONTS: None)
    theme = plots.set_theme("zh")
    assert theme.lang == "zh" and theme.chart_lang == "en" and theme.font is None
    printed = capsys.readouterr().out
    assert printed.count("\n") == 1 and "fonts-noto-cjk" in printed and theme.note in printed
    values, flags = _gdp_frame()
    # Asking for Chinese labels explicitly still gives English: never boxes for characters.
    ax = plots.lines(values, "jiangbei", flags=flags, lang="zh", breaks=[2019])
    texts = {t.get_text() for t in ax.texts}
    texts |= {t.get_text() for t in ax.get_legend().get_texts()}
    assert {"Jiangbei", "Yubei", "registered series break"} <= texts
    assert not any("\u4e00" <= ch <= "\u9fff" for text in texts for ch in text)
    assert _render(ax) == []


def test_lines_marks_flagged_values_with_hollow_markers_and_keeps_gaps():
    plots.set_theme("en")
    values, flags = _gdp_frame()
    values.loc[2018, "yubei"] = float("nan")
    ax = plots.lines(values, "jiangbei", flags=flags)
    hollow = [
        line
        for line in ax.lines
        if line.get_linestyle() == "None" and line.get_markerfacecolor() == "white"
    ]
    # 2017 is interpolated for both districts: one hollow marker each, at the 2017 value.
    assert sorted(float(line.get_ydata()[0]) for line in hollow) == [902.9378, 1418.2]
    assert all(list(line.get_xdata()) == [2017.0] for line in hollow)
    yubei = next(
        line for line in ax.lines if len(line.get_ydata()) == 4 and line.get_ydata()[0] == 1293.3
    )
    assert pd.isna(yubei.get_ydata()[2])  # the gap stays a gap
    assert yubei.get_color() == plots.PEER
    jiangbei = next(line for line in ax.lines if line.get_color() == plots.HIGHLIGHT)
    assert jiangbei.get_linewidth() > yubei.get_linewidth()


def test_bars_write_no_data_for_a_missing_value():
    plots.set_theme("en")
    ax = plots.bars(pd.Series({"yubei": 6.9, "jiangbei": 10.0, "dadukou": None}), "jiangbei")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Jiangbei", "Yubei", "Dadukou"]
    assert [t.get_text() for t in ax.texts] == ["10.0", "6.9", "no data"]
    colors = [tuple(p.get_facecolor()[:3]) for p in ax.patches]
    assert colors[0] == matplotlib.colors.to_rgb(plots.HIGHLIGHT)


def test_coverage_heatmap_refuses_an_unknown_flag():
    matrix = pd.DataFrame({2017: ["interpolated", "guessed"]}, index=["jiangbei", "yubei"])
    with pytest.raises(ValueError, match=r"unknown flag.*guessed"):
        plots.coverage_heatmap(matrix)


def test_fan_chart_joins_the_forecast_to_the_last_actual_value():
    plots.set_theme("en")
    history = pd.Series([100.0, 110.0, 121.0], index=[2020, 2021, 2022])
    fc = pd.DataFrame(
        {
            "year": [2023, 2024],
            "median": [133.1, 146.4],
            "lo80": [125.0, 130.0],
            "hi80": [141.0, 160.0],
            "lo95": [120.0, 122.0],
            "hi95": [146.0, 170.0],
            "fit_start": [2020, 2020],
            "fit_end": [2022, 2022],
        }
    )
    ax = plots.fan_chart(history, fc, target=(2024, 150.0))
    median = next(line for line in ax.lines if line.get_linestyle() == "--")
    assert list(median.get_xdata()) == [2022.0, 2023.0, 2024.0]
    assert list(median.get_ydata()) == [121.0, 133.1, 146.4]
    star = next(line for line in ax.lines if line.get_marker() == "*")
    assert (list(star.get_xdata()), list(star.get_ydata())) == ([2024], [150.0])


def test_labels_and_axis_labels_come_from_the_registries():
    plots.set_theme("en")
    assert plots.label("yuzhong", "en") == "Yuzhong"
    assert plots.label("chongqing", "en") == "Chongqing"
    assert plots.axis_label("gdp_per_capita", "en") == "GDP per capita (yuan)"
    if plots.find_cjk_font() is not None:
        plots.set_theme("zh")
        assert plots.label("yuzhong") == "渝中区"
        assert plots.axis_label("retail_sales") == "社会消费品零售总额（亿元）"
