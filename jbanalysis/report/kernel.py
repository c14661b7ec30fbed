"""The kernel side of a report: what a notebook's header cell calls.

:func:`setup` applies the chart theme, resolves the district and its group, loads the panel and
starts the capture of every chart and table (:mod:`jbanalysis.report.capture`); the
:class:`ReportContext` it returns is what the notebook's cells work with.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jbanalysis.registry.districts import CITY, district_ids, resolve_district
from jbanalysis.registry.terms import check_lang
from jbanalysis.text.sentences.common import data_vintage

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


@dataclass(frozen=True)
class ReportContext:
    """What a report notebook's cells work with, from :func:`setup`.

    Attributes
    ----------
    district : str
        The chosen district's registry id.
    peers : str or list of str
        The comparison group as given.
    members : list of str
        The group's ids with the district added if it is not in it (registry order, district last).
    lang : {"zh", "en"}
        Language of the report's text.
    chart : {"zh", "en"}
        Language of chart labels: English where Chinese was asked but no CJK font is installed.
    start_year, end_year : int
        The years loaded (``end_year`` the latest in the data unless given).
    years : range
        ``start_year`` to ``end_year`` inclusive.
    panel : DataFrame
        :func:`jbanalysis.load_panel` for those districts, indicators and years.
    report : str
        The report's title key (``overview``, ``versus``, ``structure``, ``forecasts``).

    Examples
    --------
    >>> from jbanalysis.report.kernel import setup
    >>> ctx = setup("渝北", "central", "en", 2018, 2020, report="versus", indicators="gdp")
    >>> ctx.district, ctx.members[-1], list(ctx.years), sorted(set(ctx.panel["year"]))
    ('yubei', 'banan', [2018, 2019, 2020], [2018, 2019, 2020])
    >>> ctx.header().data.splitlines()[0]
    '# Yubei against the other central districts'
    """

    district: str
    peers: str | list[str]
    members: list[str]
    lang: str
    chart: str
    start_year: int
    end_year: int
    years: range
    panel: pd.DataFrame
    report: str = ""

    def header(self):
        """The title (``# ...``, from :func:`jbanalysis.text.sentences.common.title`) and the data vintage,
        as IPython Markdown: what the cell tagged ``header`` displays."""
        from jbanalysis.text.headings import title
        from jbanalysis.text.markdown import markdown

        heading = title(self.report, self.district, self.lang) if self.report else ""
        return markdown(f"# {heading}\n\n{data_vintage(self.lang)}")


def setup(
    district: str = "jiangbei",
    peers: str | Iterable[str] = "central",
    lang: str = "zh",
    start_year: int | None = None,
    end_year: int | None = None,
    *,
    report: str = "",
    districts: str | Iterable[str] | None = None,
    indicators: str | Iterable[str] | None = None,
) -> ReportContext:
    """The one-call header of a report notebook: theme, district, group, years and panel.

    Applies the chart theme (:func:`jbanalysis.plots.set_theme`), resolves the district, builds
    the comparison group and loads the panel. ``end_year=None`` means the latest year in the
    loaded panel, so a report runs to the newest data without editing the notebook;
    ``start_year=None`` the earliest.

    Parameters
    ----------
    district : str
        Any form of a district name (江北, 江北区, Jiangbei, 500105).
    peers : str or list of str
        The comparison group (:func:`jbanalysis.district_ids`); the district is added.
    lang : {"zh", "en"}
    start_year, end_year : int, optional
        Years to load; default the first and the latest year of the data loaded.
    report : str, optional
        Title key for :meth:`ReportContext.header` (``overview``, ``versus``, ...).
    districts : str or list of str, optional
        Districts of the panel; default the members and the city (``chongqing``).
    indicators : str or list of str, optional
        Indicators of the panel; default all.

    Returns
    -------
    ReportContext

    Raises
    ------
    ValueError
        Unknown district (with close matches), language, reversed years, or no data at all
        in the years asked for.

    Examples
    --------
    >>> from jbanalysis.report.kernel import setup
    >>> ctx = setup("江北区", lang="en", start_year=2020, indicators="gdp")
    >>> ctx.district, ctx.chart, ctx.start_year, ctx.end_year >= 2022
    ('jiangbei', 'en', 2020, True)
    >>> setup("jiangbei", start_year=2020, end_year=2019)
    Traceback (most recent call last):
    ...
    ValueError: start year 2020 is not before end year 2019
    """
    from jbanalysis.errors import UnknownNameError
    from jbanalysis.panel.load import load_panel
    from jbanalysis.plots.theme import set_theme
    from jbanalysis.registry.terms import term
    from jbanalysis.report import capture

    check_lang(lang)
    try:
        did = resolve_district(district)
    except UnknownNameError as exc:
        raise ValueError(str(exc)) from None
    if start_year is not None and end_year is not None and start_year >= end_year:
        raise ValueError(f"start year {start_year} is not before end year {end_year}")
    group = list(district_ids(peers))
    members = list(dict.fromkeys([*group, did]))
    theme = set_theme(lang)
    capture.install_display_capture()  # a report run keeps every table's numbers
    wanted = [*members, CITY] if districts is None else districts
    # Selection is per (district, year, indicator), so choosing the years after selecting
    # gives the same panel as filtering the observations first.
    panel = load_panel(districts=wanted, indicators=indicators)
    if start_year is not None:
        panel = panel[panel["year"] >= start_year]
    if end_year is not None:
        panel = panel[panel["year"] <= end_year]
    if panel.empty:
        span = f"{start_year or '…'}–{end_year or '…'}"
        raise ValueError(f"no data for {did} and its group in {span}")
    panel = panel.reset_index(drop=True)
    capture.record("panel", panel, title=term("downloads_panel", lang))
    first = int(panel["year"].min()) if start_year is None else start_year
    last = int(panel["year"].max()) if end_year is None else end_year
    return ReportContext(
        district=did,
        peers=peers if isinstance(peers, str) else list(peers),
        members=members,
        lang=lang,
        chart=theme.chart_lang,
        start_year=first,
        end_year=last,
        years=range(first, last + 1),
        panel=panel,
        report=report,
    )
