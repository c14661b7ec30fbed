"""Validation of the bundled dataset (``jbanalysis.validate()``, ``jbanalysis data validate``).

Every finding names the file, the line (header = line 1) and the column, or the source record, and
says what was expected. Rules:

============== ======== =================================================================
rule           severity what it checks
============== ======== =================================================================
schema         error    required columns, types, vocabularies, known districts, indicators
                        and units, one record id per row (raised while reading a file)
hash           error    every data file matches its sha256 in ``datapackage.json``
stale          error    ``observations.csv`` is what the sources and corrections build
keys           error    every file's primary key, foreign keys and enums (``datapackage.json``)
duplicate      error    one value per (district, year, indicator) in a single-table source
negative       error    no negative levels, counts or per-capita values
unit_jump      error    a level does not jump by 20× or more from one year to the next in
                        one source (the signature of a unit error: 万元 printed as 亿元)
sector_sum     error    primary + secondary + tertiary value added = GDP within 1 %
per_capita     warning  GDP per capita ≈ GDP / resident population within 10 % (a warning:
                        the bureau divides by the mean, not the year-end, population)
============== ======== =================================================================

Value rules run twice: on the values as published, then after ``corrections.csv``. A finding that
the correction removes is reported with severity ``fixed`` and the correction's id, so every
correction is backed by a rule that finds the error and every rule failure is either fixed or shown.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from jbanalysis.checks.findings import FINDING_COLUMNS
from jbanalysis.checks.findings import finding as _finding
from jbanalysis.checks.key_rules import key_findings
from jbanalysis.checks.value_rules import _check_hashes, _check_stale, _value_rules
from jbanalysis.errors import DataError
from jbanalysis.registry.breaks import check_breaks
from jbanalysis.registry.paths import BREAKS, bundle_dir, data_path
from jbanalysis.registry.schema import WHOLE_COLUMN
from jbanalysis.sources.build import build_observations
from jbanalysis.sources.corrections import load_corrections

# rules that judge a value against the years around it
NEIGHBOUR_RULES = {"city_spike", "unregistered_break", "misaligned_year", "collapse"}


def validate(folder: Path | str | None = None, check_hashes: bool = True) -> pd.DataFrame:
    """Check the dataset in ``folder`` (default: the bundled one); return the findings.

    Returns a DataFrame with columns severity (``error``, ``warning``, ``accepted`` — a finding
    that ``corrections.csv`` keeps with a reason — or ``fixed``), rule, file,
    row, column, source_id, record, district, year, indicator, message, correction. Empty of
    errors means valid.

    >>> from jbanalysis.checks.validation import validate
    >>> findings = validate()
    >>> int((findings["severity"] == "error").sum())
    0
    >>> fixed = findings[findings["severity"] == "fixed"]
    >>> fixed.loc[fixed["rule"] == "unit_jump", ["record", "correction"]].to_numpy().tolist()[:1]
    [['line 42:GDP_PrimInd', 'C003']]
    >>> bool((fixed["correction"] != "").all())
    True
    """
    root = Path(folder) if folder is not None else bundle_dir()
    if not root.is_dir():
        return _frame([_finding("error", "schema", "no such data folder", file=root)])
    findings: list[dict] = []
    if check_hashes:
        findings += _check_hashes(root)
    findings += key_findings(root)
    try:
        breaks = data_path(BREAKS, root)
        check_breaks(pd.read_csv(breaks, dtype=str, keep_default_na=False), breaks)
        raw, _ = build_observations(root, corrections=False)
        fixed, _ = build_observations(root, corrections=True)
    except DataError as exc:
        findings.append(
            _finding("error", "schema", exc.reason, file=exc.file, row=exc.row, column=exc.column)
        )
        return _frame(findings)
    findings += _check_stale(root, fixed)
    after = _value_rules(fixed, root)
    before = _value_rules(raw, root)
    still = {_key(f) for f in after}
    fix_of = dict(
        zip(zip(fixed["source_id"], fixed["record"], strict=True), fixed["correction"], strict=True)
    )
    fixes = load_corrections(root)
    keeps = fixes[fixes["corrected_value"].str.lower() == "keep"]
    kept = set(keeps["correction_id"])
    # a finding about a whole column-year (record '*') is accepted by a '*' keep row
    kept_columns = {
        (r["source_id"], r["indicator"], int(r["year"])): r["correction_id"]
        for r in keeps[keeps["record"] == WHOLE_COLUMN].to_dict("records")
    }
    group_fix = _GroupFixes(fixed[fixed["correction"] != ""])
    for f in before:
        if _key(f) not in still:
            f["severity"] = "fixed"
            f["correction"] = fix_of.get((f["source_id"], f["record"]), "") or group_fix(f)
            findings.append(f)
    for f in after:
        fix = fix_of.get((f["source_id"], f["record"]), "")
        if f["record"] == WHOLE_COLUMN:
            fix = kept_columns.get((f["source_id"], f["indicator"], f["year"]), "")
        if fix in kept:
            f["severity"], f["correction"] = "accepted", fix
    findings += after
    return _frame(findings)


def _key(finding: dict) -> tuple:
    return (
        finding["rule"],
        finding["source_id"],
        finding["record"],
        finding["indicator"],
        finding["year"],
    )


class _GroupFixes:
    """Which corrections fixed a finding about a group of values, found by look-up.

    A sum rule is reported on the GDP record; the correction sits on a sector record (same
    source, district and year). A rule that judges a value against its neighbouring years (a
    spike, a scatter of growth) is fixed by a correction of the same indicator in one of those
    years: of the same district, or of the same source for a finding about a whole column-year.
    The corrected rows are indexed once, so each finding costs a few dictionary look-ups, not a
    scan of every corrected row (which made ``validate`` quadratic in the size of the data).
    """

    def __init__(self, corrected: pd.DataFrame) -> None:
        self.by_district: dict[tuple, set[str]] = {}
        self.by_source: dict[tuple, set[str]] = {}
        self.by_record: dict[tuple, set[str]] = {}
        self.by_year: dict[tuple, set[str]] = {}  # (indicator, year): any source (a total's)
        self.by_column: dict[tuple, set[str]] = {}  # (indicator, source): any year
        columns = ["source_id", "indicator", "district", "year", "correction"]
        for source, indicator, district, year, fix in corrected[columns].itertuples(index=False):
            year = int(year)
            self.by_district.setdefault((indicator, district, year), set()).add(fix)
            self.by_source.setdefault((indicator, source, year), set()).add(fix)
            self.by_record.setdefault((source, year, district), set()).add(fix)
            self.by_year.setdefault((indicator, year), set()).add(fix)
            self.by_column.setdefault((indicator, source), set()).add(fix)

    def __call__(self, finding: dict) -> str:
        if finding["rule"] in NEIGHBOUR_RULES:
            year = int(finding["year"])
            whole = finding["record"] == WHOLE_COLUMN
            table = self.by_source if whole else self.by_district
            where = finding["source_id"] if whole else finding["district"]
            keys = [(finding["indicator"], where, y) for y in (year - 1, year, year + 1)]
        else:
            try:
                keys = [(finding["source_id"], int(finding["year"]), finding["district"])]
            except (TypeError, ValueError):  # a finding without a year fixes no group
                return ""
            table = self.by_record
        found: set[str] = set()
        for key in keys:
            found |= table.get(key, set())
        if not found and finding["record"] == WHOLE_COLUMN:
            # a finding about a whole column-year is also fixed by a correction of the total it
            # is judged against (same year, any source), or of the column in another year (the
            # yardstick of a scatter is pooled over the years)
            year, indicator = int(finding["year"]), finding["indicator"]
            found = self.by_year.get((indicator, year), set()) | self.by_year.get(
                (indicator, year - 1), set()
            )
            found = found or self.by_column.get((indicator, finding["source_id"]), set())
        return ", ".join(sorted(found))


def _frame(findings: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(findings, columns=FINDING_COLUMNS)
    order = {"error": 0, "warning": 1, "accepted": 2, "fixed": 3}
    return frame.sort_values("severity", key=lambda s: s.map(order), kind="stable").reset_index(
        drop=True
    )
