"""A validation finding: what rule found what, where (file, row, column or source record)."""

from __future__ import annotations

from collections.abc import Mapping

from jbanalysis.registry.paths import source_label

FINDING_COLUMNS = [
    "severity",
    "rule",
    "file",
    "row",
    "column",
    "source_id",
    "record",
    "district",
    "year",
    "indicator",
    "message",
    "correction",
]


def finding(severity: str, rule: str, message: str, **where: object) -> dict:
    """One finding as a dict of :data:`FINDING_COLUMNS` (absent places are empty strings).

    >>> from jbanalysis.checks.findings import finding
    >>> f = finding("error", "schema", "bad", file="x.csv", row=3)
    >>> f["file"], f["row"], f["record"]
    ('x.csv', 3, '')
    """
    out = dict.fromkeys(FINDING_COLUMNS, "")
    out.update(severity=severity, rule=rule, message=message)
    out.update({k: ("" if v is None else v) for k, v in where.items()})
    if out["file"] != "":
        out["file"] = str(out["file"])
    return out


def where(row: Mapping) -> dict:
    """The place of an observation: its source file, source id, record, district, year, indicator.

    >>> from jbanalysis.checks.findings import where
    >>> where({"source_id": "s", "record": "r1", "district": "jiangbei", "year": 2010,
    ...        "indicator": "gdp"})["file"]
    'sources/s.csv'
    """
    return {
        "file": source_label(str(row["source_id"])),
        "source_id": str(row["source_id"]),
        "record": str(row["record"]),
        "district": str(row["district"]),
        "year": int(row["year"]),
        "indicator": str(row["indicator"]),
    }
