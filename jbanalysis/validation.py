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

import json
from pathlib import Path

import numpy as np
import pandas as pd

from jbanalysis._bundle import data_dir
from jbanalysis.breaks import check_breaks
from jbanalysis.data import WHOLE_COLUMN, build_observations, hashed_files, load_corrections, sha256
from jbanalysis.districts import group_members
from jbanalysis.errors import DataError
from jbanalysis.findings import FINDING_COLUMNS
from jbanalysis.findings import finding as _finding
from jbanalysis.findings import where as _where
from jbanalysis.indicators import conversion_factor, load_indicators
from jbanalysis.series_checks import series_findings, single_tables

SECTOR_TOLERANCE = 0.01
# rules that judge a value against the years around it
NEIGHBOUR_RULES = {"city_spike", "unregistered_break", "misaligned_year", "collapse"}
PER_CAPITA_TOLERANCE = 0.10
JUMP_FACTOR = 20.0
# yuan per person from 亿元 / 万人 (the canonical units of gdp and pop_resident)
PER_CAPITA_FACTOR = conversion_factor("cny_100m", "cny") / conversion_factor(
    "persons_10k", "persons"
)


def validate(folder: Path | str | None = None, check_hashes: bool = True) -> pd.DataFrame:
    """Check the dataset in ``folder`` (default: the bundled one); return the findings.

    Returns a DataFrame with columns severity (``error``, ``warning``, ``accepted`` — a finding
    that ``corrections.csv`` keeps with a reason — or ``fixed``), rule, file,
    row, column, source_id, record, district, year, indicator, message, correction. Empty of
    errors means valid.

    >>> findings = validate()
    >>> int((findings["severity"] == "error").sum())
    0
    >>> fixed = findings[findings["severity"] == "fixed"]
    >>> fixed.loc[fixed["rule"] == "unit_jump", ["record", "correction"]].to_numpy().tolist()[:1]
    [['line 42:GDP_PrimInd', 'C003']]
    >>> bool((fixed["correction"] != "").all())
    True
    """
    root = Path(folder) if folder is not None else data_dir()
    if not root.is_dir():
        return _frame([_finding("error", "schema", "no such data folder", file=root)])
    findings: list[dict] = []
    if check_hashes:
        findings += _check_hashes(root)
    try:
        check_breaks(
            pd.read_csv(root / "breaks.csv", dtype=str, keep_default_na=False), root / "breaks.csv"
        )
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
        columns = ["source_id", "indicator", "district", "year", "correction"]
        for source, indicator, district, year, fix in corrected[columns].itertuples(index=False):
            year = int(year)
            self.by_district.setdefault((indicator, district, year), set()).add(fix)
            self.by_source.setdefault((indicator, source, year), set()).add(fix)
            self.by_record.setdefault((source, year, district), set()).add(fix)

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
        return ", ".join(sorted(found))


def _frame(findings: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(findings, columns=FINDING_COLUMNS)
    order = {"error": 0, "warning": 1, "accepted": 2, "fixed": 3}
    return frame.sort_values("severity", key=lambda s: s.map(order), kind="stable").reset_index(
        drop=True
    )


def _check_hashes(root: Path) -> list[dict]:
    package = root / "datapackage.json"
    if not package.is_file():
        return [
            _finding("error", "hash", "datapackage.json is missing; run `make data`", file=package)
        ]
    recorded = {
        r["path"]: r["hash"].removeprefix("sha256:")
        for r in json.loads(package.read_text("utf-8"))["resources"]
    }
    out = []
    for path in hashed_files(root):
        rel = path.relative_to(root).as_posix()
        if rel not in recorded:
            out.append(
                _finding(
                    "error",
                    "hash",
                    "file is not listed in datapackage.json; run `make data`",
                    file=path,
                )
            )
        elif not path.is_file():
            out.append(
                _finding("error", "hash", "file listed in datapackage.json is missing", file=path)
            )
        elif sha256(path) != recorded[rel]:
            out.append(
                _finding(
                    "error",
                    "hash",
                    f"sha256 {sha256(path)[:12]}… does not match datapackage.json ({recorded[rel][:12]}…): "
                    "the file changed since the last build; rebuild with `make data` if the change is intended",
                    file=path,
                )
            )
    return out


def _check_stale(root: Path, built: pd.DataFrame) -> list[dict]:
    path = root / "observations.csv"
    if not path.is_file():
        return [
            _finding("error", "stale", "observations.csv is missing; run `make data`", file=path)
        ]
    on_disk = pd.read_csv(
        path, dtype={"record": str}, keep_default_na=False, na_values={"value": [""]}
    )
    if len(on_disk) != len(built):
        return [
            _finding(
                "error",
                "stale",
                f"has {len(on_disk)} rows but the sources build {len(built)}; run `make data`",
                file=path,
            )
        ]
    same = np.isclose(
        on_disk["value"].to_numpy(float), built["value"].to_numpy(float), rtol=1e-12, equal_nan=True
    )
    same &= on_disk["record"].astype(str).to_numpy() == built["record"].astype(str).to_numpy()
    if not same.all():
        i = int(np.flatnonzero(~same)[0])
        return [
            _finding(
                "error",
                "stale",
                f"differs from what the sources build (first at {built['source_id'].iloc[i]} "
                f"{built['record'].iloc[i]}); run `make data`",
                file=path,
                row=i + 2,
            )
        ]
    return []


def _value_rules(all_obs: pd.DataFrame, root: Path | None = None) -> list[dict]:
    obs = all_obs[(all_obs["flag"] != "excluded") & (all_obs["bound"].astype(str) == "")]
    kinds = load_indicators().set_index("id")["kind"]
    out: list[dict] = []

    single = single_tables(obs, root)
    dup = single[
        single.duplicated(["source_id", "district", "year", "indicator", "period"], keep=False)
    ]
    for row in dup.to_dict("records"):
        out.append(
            _finding(
                "error",
                "duplicate",
                "another row of this source has the same district, year and indicator",
                **_where(row),
            )
        )

    levels = obs[obs["indicator"].map(kinds).isin(["level", "count", "per_capita"])]
    for row in levels[levels["value"] < 0].to_dict("records"):
        out.append(
            _finding(
                "error",
                "negative",
                f"negative value {row['published_value']:g} for a level",
                column="value",
                **_where(row),
            )
        )

    out += _unit_jumps(single_tables(levels, root))
    annual = obs[obs["period"].astype(str) == "Y"]
    out += _sector_sums(annual)
    out += _per_capita(annual)
    out += series_findings(all_obs, root)
    return out


def _unit_jumps(levels: pd.DataFrame) -> list[dict]:
    out = []
    ordered = levels.sort_values(["source_id", "district", "indicator", "year"])
    groups = ordered.groupby(["source_id", "district", "indicator"], observed=True)
    prev, prev_year = groups["value"].shift(), groups["year"].shift()
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = ordered["value"] / prev
    # A zero (a count that really was zero) has no ratio to speak of: only positive pairs count.
    positive = (ordered["value"] > 0) & (prev > 0)
    jump = positive & ((ratio >= JUMP_FACTOR) | (ratio <= 1 / JUMP_FACTOR))
    jump &= ordered["year"] - prev_year == 1
    for (_, row), before in zip(ordered[jump].iterrows(), prev[jump], strict=True):
        out.append(
            _finding(
                "error",
                "unit_jump",
                f"{row['published_value']:g} {row['published_unit']} is {row['value'] / before:.3g}× the "
                f"previous year's value: a unit error? (expected a change of less than {JUMP_FACTOR:g}×)",
                column="value",
                **_where(row),
            )
        )
    return out


GROUP_KEY = ["source_id", "vintage", "district", "year"]


def _anchors(obs: pd.DataFrame, indicator: str, keys) -> list[dict]:
    """The observations cross-indicator findings are reported on: the first record of
    ``indicator`` for each of ``keys`` (tuples of :data:`GROUP_KEY`), found in one look-up."""
    keys = list(keys)
    if not keys:
        return []
    sub = obs[obs["indicator"] == indicator].drop_duplicates(GROUP_KEY)
    index = pd.MultiIndex.from_arrays([sub[c].astype(object).to_numpy() for c in GROUP_KEY])
    positions = index.get_indexer(pd.MultiIndex.from_tuples(keys))
    return [sub.iloc[p].to_dict() for p in positions]


def _one_per_key(obs: pd.DataFrame, indicators: list[str]) -> pd.DataFrame:
    sub = obs[obs["indicator"].isin(indicators)]
    # Published figures come from many pages: compare values of one vintage, first page each.
    sub = sub.drop_duplicates(["source_id", "vintage", "district", "year", "indicator"])
    return sub.pivot_table(
        index=GROUP_KEY,
        columns="indicator",
        values="value",
        aggfunc="first",
        observed=True,
    )


def _sector_sums(obs: pd.DataFrame) -> list[dict]:
    sectors = ["va_primary", "va_secondary", "va_tertiary"]
    table = _one_per_key(obs, ["gdp", *sectors]).dropna(subset=["gdp", *sectors])
    total = table[sectors].sum(axis=1)
    rel = (total - table["gdp"]).abs() / table["gdp"]
    bad = table[rel > SECTOR_TOLERANCE]
    out = []
    anchors = _anchors(obs, "gdp", bad.index)
    for (key, row), where in zip(bad.iterrows(), anchors, strict=True):
        out.append(
            _finding(
                "error",
                "sector_sum",
                f"sectors sum to {total[key]:.6g} 亿元 but GDP is {row['gdp']:.6g} 亿元 "
                f"({rel[key]:.1%} apart; expected within {SECTOR_TOLERANCE:.0%})",
                **_where(where),
            )
        )
    return out


def _per_capita(obs: pd.DataFrame) -> list[dict]:
    # an interpolated per-capita value (a mean of its neighbours) is no check on a population
    obs = obs[~((obs["indicator"] == "gdp_per_capita") & (obs["flag"] == "interpolated"))]
    table = _one_per_key(obs, ["gdp", "pop_resident", "gdp_per_capita"])
    table = table.dropna(subset=["gdp", "pop_resident", "gdp_per_capita"]) if len(table) else table
    if not len(table):
        return []
    implied = table["gdp"] * PER_CAPITA_FACTOR / table["pop_resident"]  # 亿元 / 万人 -> yuan
    rel = (table["gdp_per_capita"] - implied).abs() / implied
    out = []
    keys = table.index[rel > PER_CAPITA_TOLERANCE]
    for key, where in zip(keys, _anchors(obs, "gdp_per_capita", keys), strict=True):
        out.append(
            _finding(
                "warning",
                "per_capita",
                f"GDP per capita {table.at[key, 'gdp_per_capita']:.0f} yuan vs GDP / resident population "
                f"= {implied[key]:.0f} yuan ({rel[key]:.0%} apart; expected within {PER_CAPITA_TOLERANCE:.0%})",
                **_where(where),
            )
        )
    return out


def aggregate_checks(
    panel: pd.DataFrame | None = None, groups=("central9", "metro21")
) -> pd.DataFrame:
    """Published group totals against the sum of their members' values in the panel.

    For each published total of an additive indicator (levels and counts), sums the members'
    panel values of the same year. A sum is computed only when every member has a value;
    otherwise ``members_sum`` is NaN and ``missing`` names the members without one, never a
    partial sum.

    difference = members_sum − published;  rel_difference = difference / published

    Where exactly one member is missing, ``implied_missing_value`` = published − the others' sum
    (e.g. 渝中 2009–2010 from the yearbook's zone table); it is reported, never put in the panel.

    >>> checks = aggregate_checks()
    >>> row = checks[(checks.group == "central9") & (checks.year == 2021) & (checks.indicator == "gdp")]
    >>> row[["published", "members_sum", "difference"]].round(2).to_numpy().tolist()
    [[10927.63, 10927.71, 0.08]]
    >>> checks.loc[(checks.group == "central9") & (checks.year == 2010) & (checks.indicator == "gdp"), "missing"].item()
    'yuzhong'
    """
    from jbanalysis.data import load_observations
    from jbanalysis.panel import load_panel

    obs = load_observations()
    kinds = load_indicators().set_index("id")["kind"]
    totals = obs[
        obs["district"].isin(groups) & obs["indicator"].map(kinds).isin(["level", "count"])
    ]
    totals = totals[totals["flag"] != "excluded"]
    panel = load_panel() if panel is None else panel
    values = panel.set_index(["district", "year", "indicator"])["value"]
    rows = []
    for t in totals.to_dict("records"):
        members = group_members(str(t["district"]))
        got = {m: values.get((m, t["year"], t["indicator"])) for m in members}
        missing = [m for m, v in got.items() if v is None or pd.isna(v)]
        total = np.nan if missing else float(sum(got.values()))
        rows.append(
            {
                "group": str(t["district"]),
                "year": int(t["year"]),
                "indicator": str(t["indicator"]),
                "published": float(t["value"]),
                "record": str(t["record"]),
                "vintage": str(t["vintage"]),
                "members_sum": total,
                "members_with_value": len(members) - len(missing),
                "missing": ", ".join(missing),
                "difference": total - float(t["value"]),
                "rel_difference": (total - float(t["value"])) / float(t["value"]),
                # With one member missing, what the published total implies for it (not a value
                # of the panel: the total and the members may be of different vintages).
                "implied_missing_value": (
                    float(t["value"]) - sum(v for m, v in got.items() if m not in missing)
                    if len(missing) == 1
                    else np.nan
                ),
            }
        )
    return pd.DataFrame(rows).sort_values(["group", "indicator", "year"]).reset_index(drop=True)
