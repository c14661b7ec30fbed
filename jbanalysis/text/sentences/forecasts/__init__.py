"""Takeaway sentences of the forecast report (04), in Chinese (``"zh"``) or English (``"en"``).

They only *say* what :mod:`jbanalysis.forecast` computed — the forecast table and its
``attrs``, the :class:`~jbanalysis.forecast.Calibration` of its intervals, a
:class:`~jbanalysis.forecast.TargetCheck`, an outturn table — and follow the rules of the
briefing-grade reports (issue 13):

* money levels are nominal, and said so (名义/现价; never 实际, which means price-adjusted);
* a fitting window or a forecast period that crosses a registered break says so in the same
  sentence (:func:`jbanalysis.registry.breaks.crossed_breaks`);
* a last value that is corrected, interpolated, estimated or of low reliability is named;
* a probability is given only where the series' intervals are calibrated, else "not estimable"
  with the reason;
* one language per sentence, model names included (:data:`MODEL_WORDS`).

One module a kind of sentence: :mod:`.fan` (the forecast, and the years already past),
:mod:`.quality` (backtest and calibration), :mod:`.targets` (targets and outturns),
:mod:`.missing` (why a series has no forecast), :mod:`.headings` (headings and fixed paragraphs),
on the shared :mod:`.words`.
"""

from jbanalysis.text.sentences.forecasts.fan import fit_span, forecast_sentence, stale_sentence
from jbanalysis.text.sentences.forecasts.headings import heading, target_text
from jbanalysis.text.sentences.forecasts.missing import unavailable_sentence
from jbanalysis.text.sentences.forecasts.quality import quality_sentence, selection_sentence
from jbanalysis.text.sentences.forecasts.targets import (
    outturn_sentence,
    outturn_table,
    target_sentence,
    target_table,
)
from jbanalysis.text.sentences.forecasts.words import (
    COLUMN_WORDS,
    MODEL_WORDS,
    lead,
    model_name,
    table_columns,
)

__all__ = [
    "COLUMN_WORDS",
    "MODEL_WORDS",
    "fit_span",
    "forecast_sentence",
    "heading",
    "lead",
    "model_name",
    "outturn_sentence",
    "outturn_table",
    "quality_sentence",
    "selection_sentence",
    "stale_sentence",
    "table_columns",
    "target_sentence",
    "target_table",
    "target_text",
    "unavailable_sentence",
]
