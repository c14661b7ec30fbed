"""Sentences of report 02 (the district against the other central districts).

Each function words one result of :mod:`jbanalysis.metrics` (``level_comparison``,
``index_comparison``, ``growth_comparison``, ``real_growth_comparison``, ``rank_history``,
``series_path``) by the rules of docs/reports.md: a rank is given in the comparison year (two
thirds of the group with values, the missing named, never "of 1" or "of 2"); growth of levels is
called nominal and taken over the longest window without a registered break; a window that
crosses one says so; a value resting on a low-reliability, estimated, corrected, interpolated or
derived figure says so with its kind of source; a direction word only where the path agrees.

One module a kind of sentence: :mod:`.headings`, :mod:`.levels` (level and index),
:mod:`.growth` (nominal and real growth), :mod:`.paths` (paths, shares, ranks), :mod:`.marks`
(what a chart's marks mean), on the shared :mod:`.clauses`.
"""

from jbanalysis.text.sentences.versus.growth import growth_sentence, real_growth_sentence
from jbanalysis.text.sentences.versus.headings import HEADINGS, QUESTION, heading
from jbanalysis.text.sentences.versus.levels import index_sentence, level_sentence
from jbanalysis.text.sentences.versus.marks import lines_note
from jbanalysis.text.sentences.versus.paths import path_phrase, rank_sentence, share_sentence

__all__ = [
    "HEADINGS",
    "QUESTION",
    "growth_sentence",
    "heading",
    "index_sentence",
    "level_sentence",
    "lines_note",
    "path_phrase",
    "rank_sentence",
    "real_growth_sentence",
    "share_sentence",
]
