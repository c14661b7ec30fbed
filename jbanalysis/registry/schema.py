"""The domain lists and column sets of the data flow, typed once.

Vintages, quality flags, reliabilities, periods, bounds, source kinds, the GDP sectors, the columns
of a source file and of an observation, the years a value may have and the dtypes
``observations.csv`` is read with. Every module that checks, builds, selects or words observations
takes them from here (``tests/test_one_owner.py`` fails on a list typed again elsewhere).

>>> from jbanalysis.registry.schema import CAVEAT_VINTAGES, SOURCE_FLAGS, VINTAGES
>>> VINTAGES[:2], CAVEAT_VINTAGES, SOURCE_FLAGS
(('revised', 'first_release'), ('estimate', 'preliminary'), ('observed', 'interpolated', 'derived'))
"""

from __future__ import annotations

#: Vintages of a value, in the order the default selection policy ranks them: the most revised
#: first (a ``census`` value is the census table's own count; ``unknown``: the source does not say;
#: ``estimate``: 预计, made before the year's data existed).
VINTAGES = ("revised", "first_release", "census", "preliminary", "unknown", "estimate")
#: Vintages of an economic-census year's own value that are already on the census's new basis.
NEW_BASIS_VINTAGES = ("revised", "census")
#: The vintages of one figure that a like-for-like comparison matches: the first release of a year
#: and its revision (after an economic census).
MATCHED_VINTAGES = ("first_release", "revised")
#: Vintages a quoted value must name (a figure made before, or early in, the next year).
CAVEAT_VINTAGES = ("estimate", "preliminary")
#: Vintages published before a figure's final one: a claim that agrees with one of them against a
#: later figure was right when printed (the claims check's "earlier release").
EARLY_VINTAGES = ("first_release", "preliminary", "estimate")

#: Quality flags: as published (``observed``), the compilers' interpolation or a value derived from
#: others (both may be printed in a source), or set by ``corrections.csv`` (``corrected``,
#: ``excluded``).
FLAGS = ("observed", "interpolated", "derived", "corrected", "excluded")
#: The flags a transcribed source row may carry (the other two come from a correction).
SOURCE_FLAGS = ("observed", "interpolated", "derived")
#: Flags a quoted value must name.
CAVEAT_FLAGS = ("derived", "interpolated", "corrected")

#: Reliability of a source or value, best first.
RELIABILITIES = ("high", "medium", "low")

#: The three sectors whose value added sums to GDP (第一、二、三产业增加值), in their usual order.
SECTORS = ("va_primary", "va_secondary", "va_tertiary")


SOURCE_COLUMNS = ("record", "district", "year", "indicator", "value", "unit", "vintage", "flag")


OPTIONAL_SOURCE_COLUMNS = (
    "source_id",
    "field",
    "source_kind",
    "reliability",
    "url",
    "title",
    "excerpt",
    "note",
    "period",
    "bound",
)


#: Periods of a value: the calendar year, or a cumulative part of it (1–3 quarters, first half).
PERIODS = ("Y", "Q1", "H1", "Q1-Q3")


#: How each period is written (compared after NFKC folding and without spaces; the ledger and
#: the extraction of claims from an article read these, the ids of PERIODS too).
PERIOD_WORDS = {
    "Q1-Q3": ("前三季度", "1-3季度", "1-9月", "1至9月", "一至九月", "1—9月", "q1-q3", "q1–q3"),
    "H1": ("上半年", "1-6月", "1至6月", "一至六月", "1—6月", "h1"),
    "Q1": ("一季度", "第一季度", "1季度", "1-3月", "1至3月", "一至三月", "q1"),
    "Y": ("全年", "年度", "年末", "年底", "y"),
}


#: A bound as printed (突破 / 超过: ">"); "" for a value.
BOUNDS = ("", ">", ">=", "<", "<=")
#: Bounds from below (the value is more than the number) and from above.
LOWER_BOUNDS = (">", ">=")
UPPER_BOUNDS = ("<", "<=")


OBSERVATION_COLUMNS = [
    "district",
    "year",
    "indicator",
    "value",
    "unit",
    "source_id",
    "record",
    "vintage",
    "flag",
    "source_kind",
    "reliability",
    "period",
    "bound",
    "published_value",
    "published_unit",
    "correction",
    "note",
]


YEAR_RANGE = (1949, 2100)


CORRECTION_COLUMNS = (
    "correction_id",
    "source_id",
    "record",
    "district",
    "year",
    "indicator",
    "published_value",
    "corrected_value",
    "evidence_url",
    "reason",
)


#: ``corrected_value`` other than a number: what the correction does to the record.
CORRECTION_ACTIONS = ("exclude", "keep", "interpolated")


#: A ``record`` that accepts a finding about a whole column-year of a source (``keep`` only).
WHOLE_COLUMN = "*"


_OBS_DTYPES = {
    "district": "category",
    "year": "int64",
    "indicator": "category",
    "value": "float64",
    "unit": "category",
    "source_id": "category",
    "record": str,
    "vintage": "category",
    "flag": "category",
    "source_kind": "category",
    "reliability": "category",
    "period": "category",
    "bound": "category",
    "published_value": "float64",
    "published_unit": "category",
    "correction": str,
    "note": str,
}

#: Kinds of source, in the order the default selection policy ranks them (official statistics
#: first; ``user``, a user's own compilation, is ranked after every published kind).
SOURCE_KINDS = (
    "official_yearbook",
    "census_official",
    "official_bulletin",
    "gov_work_report",
    "gov_plan_report",
    "government_report",
    "gov_website",
    "dataset_page",
    "aggregator",
    "news",
    "encyclopedia",
)
#: The kinds that are official statistics (the ``official`` policy keeps only these).
OFFICIAL_SOURCE_KINDS = SOURCE_KINDS[:3]
#: Kinds that republish others' figures (a compiled dataset, an aggregator, news, an encyclopedia):
#: a value from one of them is quoted with that caveat.
SECONDARY_SOURCE_KINDS = ("dataset_page", "aggregator", "news", "encyclopedia")
#: The kind of a value a user adds from a table of their own making.
USER_SOURCE_KIND = "user"
#: Every kind a source may declare (a user's source too).
ALL_SOURCE_KINDS = (*SOURCE_KINDS, USER_SOURCE_KIND)
#: The kind, in ``sources.csv``, of a compilation of single pages: each row has its own kind and
#: reliability (``PER_ROW``), and no row is part of a series table.
COMPILATION = "compilation"
PER_ROW = "per row"
