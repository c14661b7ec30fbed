"""Break lines on charts (issue 18, point 4): every chart draws the registered breaks its numbers
cross — which (first year, line, break ids) each chart of the reports draws, read back from the
marks' ``gid`` (:func:`jbanalysis.plots.drawn_breaks`). The expected marks are read off
``data/breaks.csv`` by hand: B02/B03/B04 (economic censuses 2008/2013/2018, new basis the year
after a first release, the census year itself for a revised value), B11/B12 (綦江/大足 boundary
2011), B13/B14/B16/B22 (fiscal revenue scope: 渝北 2013, 江北 and 北碚 2013, 渝北 and 北碚 2011,
渝北 2012), B15 (the city's GDP source 2022), B18 (the 2018 level shift of GDP, secondary and
tertiary value added and GDP per capita, every district and county).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import jbanalysis as jb
from jbanalysis import metrics, plots
from jbanalysis.registry.districts import district_ids

CENTRAL = district_ids("central")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    return jb.load_panel(districts="central", years=range(2005, 2021))


def test_fiscal_revenue_chart_draws_the_breaks_of_every_district_shown(panel):
    # not only 江北's: 渝北's and 北碚's scope changes are marks on their own lines
    ax = plots.indicator_lines(panel, "fiscal_revenue", "jiangbei", CENTRAL)
    assert plots.drawn_breaks(ax) == [
        (2011, "beibei", ("B16",)),
        (2011, "yubei", ("B16",)),
        (2012, "yubei", ("B22",)),  # back to 渝北's own scope (C618)
        (2013, "beibei", ("B14",)),
        (2013, "jiangbei", ("B14",)),
        (2013, "yubei", ("B13",)),
    ]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "registered break of some lines only" in legend
    assert "registered series break" not in legend  # no break every line crosses


def test_index_chart_draws_census_breaks_across_and_a_revised_census_year_on_its_line(panel):
    gdp = jb.wide(panel, "gdp", districts=CENTRAL)
    index = metrics.index_to_base(gdp, 2005)
    ax = plots.lines(index, "jiangbei", breaks=plots.panel_breaks(panel, "gdp", CENTRAL))
    drawn = plots.drawn_breaks(ax)
    # 2018: the level shift of every unit's GDP (B18) is one line across, which also carries
    # 渝中's census break: its 2018 value is the census-revised one, so its new basis starts in
    # 2018, the others' in 2019 (first releases of 2018), marks on their own lines
    assert [b for b in drawn if b[1] is None] == [
        (2009, None, ("B02",)),
        (2014, None, ("B03",)),
        (2018, None, ("B04", "B18")),
    ]
    vintage = panel.set_index(["district", "year", "indicator"])["vintage"]
    assert vintage[("yuzhong", 2018, "gdp")] == "revised"
    assert vintage[("jiangbei", 2018, "gdp")] == "first_release"
    assert [b for b in drawn if b[0] == 2019] == [
        (2019, d, ("B04",)) for d in sorted(CENTRAL) if d != "yuzhong"
    ]


def test_share_chart_draws_the_breaks_of_its_part_and_of_its_total(panel):
    city = jb.load_panel(
        districts=["jiangbei", "chongqing"], indicators="gdp", years=range(2005, 2024)
    )
    wide = jb.wide(city, "gdp", districts=["jiangbei", "chongqing"])
    share = metrics.share(wide, of="chongqing", districts=["jiangbei"]).set_index("year")["share"]
    breaks = plots.series_breaks("gdp", ["jiangbei", "chongqing"], city)
    ax = plots.lines(share.to_frame("share_city"), "share_city", breaks=breaks)
    # the census rebases under the share's jumps (issue 18): the city's series to 2018 is
    # CSMAR's revised one, on the new basis from each census year (2008, 2013, 2018), 江北's first
    # releases from the year after; the 2018 level shift (B18); the city's change of source (B15)
    assert plots.drawn_breaks(ax) == [
        (2008, None, ("B02",)),
        (2009, None, ("B02",)),
        (2013, None, ("B03",)),
        (2014, None, ("B03",)),
        (2018, None, ("B04", "B18")),
        (2019, None, ("B04",)),
        (2022, None, ("B15",)),
    ]


def test_sector_share_bars_draw_the_census_breaks_between_their_years(panel):
    sectors = ["va_primary", "va_secondary", "va_tertiary"]
    change = metrics.sector_change(panel, "jiangbei", sectors)
    own = change.shares.pivot(index="year", columns="sector", values="share")[sectors].dropna()
    ax = plots.stacked_shares(own, breaks=plots.series_breaks(sectors, ["jiangbei"], panel))
    assert plots.drawn_breaks(ax) == [
        (2009, None, ("B02",)),
        (2014, None, ("B03",)),
        (2018, None, ("B18",)),
        (2019, None, ("B04",)),
    ]


def test_sigma_chart_of_all_units_marks_the_boundary_change_of_2011():
    every = jb.load_panel(districts="all", indicators="gdp_per_capita", years=range(2009, 2014))
    per_capita = jb.wide(every, "gdp_per_capita", districts="all")
    path = metrics.dispersion_path(per_capita)
    sigma = path.sigma["sigma"].to_frame("all")
    breaks = {"all": plots.series_breaks("gdp_per_capita", path.kept, every)}
    ax = plots.lines(sigma, "all", breaks=breaks)
    drawn = plots.drawn_breaks(ax)
    assert (2011, None, ("B11", "B12")) in drawn  # 綦江 and 大足 change boundaries
    assert (2010, None, ("B06",)) in drawn  # the population census (per-capita's denominator)


def test_fan_chart_draws_the_series_own_breaks_from_the_forecast_inputs():
    from jbanalysis.forecast import forecast_district

    fc = forecast_district("yubei", "fiscal_revenue", horizon=2, last_year=2016)
    history = fc.attrs["inputs"].series
    ax = plots.fan_chart(history, fc)
    shown = [b for b in plots.drawn_breaks(ax) if history.index.min() < b[0]]
    assert shown == [(2011, None, ("B16",)), (2012, None, ("B22",)), (2013, None, ("B13",))]


def test_rank_chart_names_its_set_and_draws_no_line_through_a_smaller_one(panel):
    # issue 18: 江北 moved 9 → 8 → 9 only because 渝中 was missing; the years ranked among fewer
    # are shaded, joined by no line, and the legend says among how many
    gdp = jb.wide(panel, "gdp", districts=CENTRAL)
    history = metrics.rank_history(gdp, "jiangbei", CENTRAL)
    assert set(history.ranked_among.values()) == {8}  # one district missing in each
    assert 2014 in history.ranked_among and 2013 not in history.ranked_among
    ax = plots.lines(
        history.ranks,
        "jiangbei",
        invert=True,
        incomplete=history.ranked_among,
        ylabel="rank among 9",
    )
    for line in ax.lines:
        if line.get_linestyle() in ("None", "") or line.get_gid():
            continue
        x, y = line.get_xdata(), line.get_ydata()
        joined = {int(a) for a, b in zip(x, y, strict=True) if b == b}  # not NaN
        assert not joined & set(history.ranked_among), line.get_label()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[-1] == "years with a district missing: ranked among the 8 with data"
    assert ax.get_ylabel() == "rank among 9"


def test_matched_share_chart_draws_the_breaks_of_the_first_releases_it_divides():
    # like for like (issue 18): 江北's first release over the city's first release, years with no
    # city first release left out; the city's first releases re-level the year after a census
    # like 江北's (B02 2009, B03 2014, B04 2019), plus 江北's 2018 definition change (B18) and the
    # city's 2022 change of source (B15); 2018 is 1027.87 / 20363.19 = 5.05 %
    city = jb.load_panel(
        districts=["jiangbei", "chongqing"], indicators="gdp", years=range(2005, 2024)
    )
    share = metrics.share(city, "gdp", of="chongqing", districts=["jiangbei"])
    assert round(float(share.set_index("year").at[2018, "share"]), 2) == 5.05
    shown = share.set_index("year")["share"].where(
        share.set_index("year")["rule"] != "mixed vintages"
    )
    assert shown.dropna().index.tolist() == [2006, 2008, 2011, 2012, *range(2015, 2023)]
    ax = plots.lines(
        shown.to_frame("share_city"),
        "share_city",
        breaks=plots.share_breaks(share, "gdp", "chongqing", city),
    )
    assert plots.drawn_breaks(ax) == [
        (2009, None, ("B02",)),
        (2014, None, ("B03",)),
        (2018, None, ("B18",)),
        (2019, None, ("B04",)),
        (2022, None, ("B15",)),
    ]
