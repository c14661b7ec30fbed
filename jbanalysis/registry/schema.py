"""The domain lists and column sets of the data flow, typed once.

Vintages, quality flags, periods, bounds, the columns of a source file and of an observation, the
years a value may have and the dtypes ``observations.csv`` is read with. Every module that checks or
builds observations takes them from here.
"""

from __future__ import annotations

VINTAGES = ("revised", "first_release", "preliminary", "census", "unknown", "estimate")


FLAGS = ("observed", "interpolated", "derived", "corrected", "excluded")


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


#: A bound as printed (突破 / 超过: ">"); "" for a value.
BOUNDS = ("", ">", ">=", "<", "<=")


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
#: The kind of a value a user adds from a table of their own making.
USER_SOURCE_KIND = "user"
