"""The look of every chart and report page: one seaborn theme, one palette (the chosen district
highlighted, peers muted, flags and sectors in fixed colours; the HTML templates receive
:data:`PALETTE`), and the chart language with its labels from the registries."""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib as mpl
import seaborn as sns

from jbanalysis.plots.fonts import find_cjk_font
from jbanalysis.registry.terms import check_lang
from jbanalysis.text.labels import indicator_name, indicator_unit, unit_name
from jbanalysis.text.labels import label as text_label

#: Every colour of the charts and of the report pages, by what it marks. The HTML templates
#: (``jbanalysis/report/templates``) receive this mapping as ``palette``.
PALETTE: dict[str, str] = {
    "highlight": "#C8102E",  # the chosen district, and the reports' links
    "peer": "#A3ACB9",  # the other districts
    "city": "#1F2937",  # the city's line; the text of the report pages
    "break": "#777777",  # a new statistical basis
    "incomplete": "#ECECEC",  # years not like for like (ranks among fewer districts)
    "ink": "#444444",  # edges of hollow markers, zero lines, the map's frame
    "fit_window": "#DDDDDD",  # the years a forecast model was fitted on
    "target": "#E3A857",  # a target line
    "muted": "#555555",  # secondary text of the report pages
    "failed": "#8A1C1C",  # a report that failed to render
    "panel": "#FAFAFA",  # the box of a report's downloads
}
HIGHLIGHT = PALETTE["highlight"]
PEER = PALETTE["peer"]
CITY_COLOUR = PALETTE["city"]
BREAK_COLOUR = PALETTE["break"]
INCOMPLETE_COLOUR = PALETTE["incomplete"]
#: Marker of each flag other than ``observed`` (drawn hollow).
FLAG_MARKERS = {"interpolated": "o", "corrected": "D", "derived": "s"}
#: Cell colour of each flag in a coverage map ("" = a gap).
COVERAGE_COLORS = {
    "": "#EEEEEE",
    "observed": "#4C9F70",
    "interpolated": "#F2A541",
    "corrected": "#D1495B",
    "derived": "#7B8CDE",
}
#: Colour of each sector in stacked shares.
SECTOR_COLORS = {"va_primary": "#8DB580", "va_secondary": "#5B7DB1", "va_tertiary": "#E3A857"}


@dataclass(frozen=True)
class Theme:
    """What :func:`set_theme` chose.

    Attributes
    ----------
    lang : str
        Language asked for (``"zh"`` or ``"en"``).
    chart_lang : str
        Language of the chart labels: ``"en"`` when Chinese was asked but no CJK font exists.
    font : str or None
        The CJK font used, if any.
    note : str
        The sentence shown when labels fell back to English (empty otherwise).

    Examples
    --------
    >>> from jbanalysis.plots.theme import set_theme
    >>> theme = set_theme("en")
    >>> theme.lang, theme.chart_lang, theme.note
    ('en', 'en', '')
    """

    lang: str
    chart_lang: str
    font: str | None
    note: str


_theme = Theme(lang="en", chart_lang="en", font=None, note="")


def set_theme(lang: str = "zh") -> Theme:
    """Apply the project's seaborn theme and choose the chart language.

    With ``lang="zh"`` and no CJK font installed, labels fall back to English and one note is
    printed (no empty boxes in charts).

    Parameters
    ----------
    lang : {"zh", "en"}

    Returns
    -------
    Theme

    Examples
    --------
    >>> from jbanalysis.plots.theme import set_theme
    >>> set_theme("en").chart_lang
    'en'
    """
    global _theme
    check_lang(lang)
    sns.set_theme(style="whitegrid", context="notebook", palette="deep")
    mpl.rcParams.update(
        {
            "figure.figsize": (8.0, 4.2),
            "figure.dpi": 96,
            "savefig.dpi": 96,
            "savefig.bbox": "tight",
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "legend.frameon": False,
            "legend.fontsize": 9,
        }
    )
    font = find_cjk_font()
    if font:
        mpl.rcParams["font.family"] = "sans-serif"
        mpl.rcParams["font.sans-serif"] = [font, "DejaVu Sans"]
    note = ""
    chart_lang = lang
    if lang == "zh" and font is None:
        chart_lang = "en"
        note = "未找到中文字体（如 Noto Sans CJK SC，Debian 软件包 fonts-noto-cjk），图表标签改用英文。"
        print(note)
    _theme = Theme(lang=lang, chart_lang=chart_lang, font=font, note=note)
    return _theme


def current_theme() -> Theme:
    """The theme last set by :func:`set_theme` (English labels before any call).

    >>> from jbanalysis.plots.theme import current_theme, set_theme
    >>> set_theme("en") == current_theme()
    True
    """
    return _theme


def chart_lang(lang: str | None) -> str:
    if lang is None:
        return _theme.chart_lang
    check_lang(lang)
    # Chinese labels only with a CJK font in the theme: never boxes in place of characters.
    return "en" if lang == "zh" and _theme.font is None else lang


def label(key: str, lang: str | None = None) -> str:
    """Display label of an id in the chart language (:func:`jbanalysis.text.labels.label`).

    >>> from jbanalysis.plots.theme import label
    >>> label("jiangbei", "en"), label("va_tertiary", "en"), label("gdp", "en"), label("x", "en")
    ('Jiangbei', 'tertiary', 'GDP', 'x')
    """
    return text_label(key, chart_lang(lang))


def axis_label(indicator: str, lang: str | None = None) -> str:
    """Axis label of an indicator with its unit: ``地区生产总值（亿元）`` / ``GDP (100 million yuan)``.

    >>> from jbanalysis.plots.theme import axis_label
    >>> axis_label("gdp", "en")
    'GDP (100 million yuan)'
    """
    lang = chart_lang(lang)
    unit = unit_name(indicator_unit(indicator), lang)
    name = indicator_name(indicator, lang)
    return f"{name}（{unit}）" if lang == "zh" else f"{name} ({unit})"
