"""Compatibility module: the names that lived here, re-exported from where they live now.

``narrative.py`` used to hold vocabulary, number formatting, data selection and every takeaway
sentence. They are split along the architecture (docs/reports.md, "Where the sentences live"):

- words shared by charts and sentences: :mod:`jbanalysis.vocabulary` (``data/terms.csv``);
- numbers, names and tables as printed: :mod:`jbanalysis.formatting`;
- which years and districts a statement compares, growth windows and breaks, the path of a
  series, derived values: :mod:`jbanalysis.metrics` (``selection``, ``windows``, ``direction``,
  ``derived``, ``takeaways``);
- the sentences, one module per report: :mod:`jbanalysis.sentences` (``common``, ``overview``,
  ``versus``, ``structure``, ``forecasts``).

Code that imports ``jbanalysis.narrative`` keeps working; new code imports from the modules above.

>>> from jbanalysis import narrative as nar
>>> nar.fmt_value(1602.76, "cny_100m", "en"), nar.title("versus", "yubei", "en")
('CNY 160.3 bn', 'Yubei against the other central districts')
"""

from __future__ import annotations

from jbanalysis.formatting import (  # noqa: F401 - re-exported
    district_name,
    fmt_pct,
    fmt_points,
    fmt_span,
    fmt_value,
    fmt_years,
    indicator_kind,
    indicator_name,
    indicator_phrase,
    indicator_unit,
    join,
    markdown,
    names,
    ordinal,
    summary_markdown,
    table,
    unit_name,
    with_note,
)
from jbanalysis.formatting import ordinal as _ordinal  # noqa: F401 - old private name
from jbanalysis.metrics.selection import (  # noqa: F401 - re-exported
    available_districts,
    complete_columns,
    complete_years,
)
from jbanalysis.metrics.windows import cagr_table, windows  # noqa: F401 - re-exported
from jbanalysis.sentences.common import (  # noqa: F401 - re-exported
    TITLES,
    breaks_phrase,
    caveat,
    data_vintage,
    flags_note,
    gaps_sentence,
    left_out_sentence,
    missing_phrase,
    title,
)
from jbanalysis.sentences.overview import (  # noqa: F401 - re-exported
    breaks_sentence,
    conflicts_sentence,
    coverage_sentence,
)
from jbanalysis.sentences.structure import (  # noqa: F401 - re-exported
    beta_sentence,
    dispersion_sentence,
    lq_sentence,
    sector_sentence,
    shift_share_sentence,
    specialisation_sentence,
)
from jbanalysis.sentences.versus import (  # noqa: F401 - re-exported
    growth_sentence,
    index_sentence,
    level_sentence,
    lines_note,
    path_phrase,
    rank_sentence,
    real_growth_sentence,
    share_sentence,
)
from jbanalysis.vocabulary import LANGS, check_lang, term, terms  # noqa: F401 - re-exported

# Words shared by sentences and chart legends live in the registry (data/terms.csv); this name
# stays for code that reads the vocabulary as a mapping.
TERMS: dict[str, tuple[str, str]] = terms()
_with_note = with_note


# The forecast sentences live in jbanalysis.sentences.forecasts; they stay importable from here
# (lazily: that module imports this one's sources).
_MOVED = {"forecast_sentence", "selection_sentence", "target_sentence"}


def __getattr__(name: str):
    if name in _MOVED:
        from jbanalysis.sentences import forecasts

        return getattr(forecasts, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
