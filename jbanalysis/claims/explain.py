"""The sentences of the claims check (report 05): they say what :func:`jbanalysis.check_claims`
found, in Chinese (``lang="zh"``) or English (``"en"``), never computing a verdict themselves.

Each verdict is said with its evidence: the values it rests on (district, value, record, kind of
source, vintage), the ranks still possible and who is missing, the caveats of every value used
(preliminary, estimated, low reliability, derived, interpolated, corrected, republished by an
aggregator, a bound, the claim's own page), where a number the data do not confirm really is, and
for a claim that cannot be checked, exactly which figures would settle it.

This module is the face report 05, the command line and scripts use; the sentences live in
:mod:`~jbanalysis.claims.words` (names, numbers, what a claim checks),
:mod:`~jbanalysis.claims.phrases` (values, sources, caveats), :mod:`~jbanalysis.claims.bodies`
(one verdict's explanation), :mod:`~jbanalysis.claims.diagnosis_words` (where a number really is)
and :mod:`~jbanalysis.claims.tables` (the report's tables and summary).
"""

from __future__ import annotations

from jbanalysis.claims.bodies import explanation
from jbanalysis.claims.tables import (
    HEADINGS,
    heading,
    rejected_sentence,
    rejected_table,
    summary_sentence,
    verdict_table,
)
from jbanalysis.claims.words import claim_label, period_label
from jbanalysis.text.lists import names
from jbanalysis.text.numbers import fmt_printed as fmt_number

__all__ = [
    "HEADINGS",
    "claim_label",
    "explanation",
    "fmt_number",
    "heading",
    "names",
    "period_label",
    "rejected_sentence",
    "rejected_table",
    "summary_sentence",
    "verdict_table",
]
