"""Numbers, names, lists and tables as a report prints them: one import for notebooks and
scripts (``from jbanalysis.text import formatting as fm``).

Each helper is defined once, in a module of one concern, and gathered here:
:mod:`~jbanalysis.text.numbers` (values with their units, percentages, ranges),
:mod:`~jbanalysis.text.labels` (districts, indicators, units, terms),
:mod:`~jbanalysis.text.lists` (lists, ranks, years, notes), :mod:`~jbanalysis.text.lang`
(the report's language), :mod:`~jbanalysis.text.tables` and :mod:`~jbanalysis.text.markdown`.

>>> from jbanalysis.text import formatting as fm
>>> fm.fmt_value(1602.76, "cny_100m", "en"), fm.names(["yuzhong", "dadukou"])
('CNY 160.3 bn', '渝中区、大渡口区')
"""

from jbanalysis.text.labels import (
    district_name,
    indicator_kind,
    indicator_name,
    indicator_phrase,
    indicator_unit,
    label,
    unit_name,
)
from jbanalysis.text.lang import capitalised, pick
from jbanalysis.text.lists import (
    clauses,
    fmt_span,
    fmt_years,
    join,
    names,
    ordinal,
    paren,
    with_note,
)
from jbanalysis.text.markdown import markdown, show, summary_markdown
from jbanalysis.text.numbers import (
    fmt_number,
    fmt_pct,
    fmt_points,
    fmt_printed,
    fmt_range,
    fmt_value,
)
from jbanalysis.text.tables import table

__all__ = [
    "capitalised",
    "clauses",
    "district_name",
    "fmt_number",
    "fmt_pct",
    "fmt_points",
    "fmt_printed",
    "fmt_range",
    "fmt_span",
    "fmt_value",
    "fmt_years",
    "indicator_kind",
    "indicator_name",
    "indicator_phrase",
    "indicator_unit",
    "join",
    "label",
    "markdown",
    "names",
    "ordinal",
    "paren",
    "pick",
    "show",
    "summary_markdown",
    "table",
    "unit_name",
    "with_note",
]
