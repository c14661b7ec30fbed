"""The user's data folder against the bundle: each value new, agreeing or conflicting, and the
folder's own checks (:func:`validate_user`)."""

from __future__ import annotations

import datetime
import hashlib
import re
import shutil
from pathlib import Path

import pandas as pd

from jbanalysis.checks.user_compare import compare
from jbanalysis.errors import DataError
from jbanalysis.registry.paths import (
    OBSERVATIONS,
    ORIGINALS,
    SOURCES,
    bundle_dir,
    data_path,
    source_table_path,
    source_tables,
    user_dir_alias,
)
from jbanalysis.registry.schema import RELIABILITIES, VINTAGES
from jbanalysis.sources.user import (
    _ID,
    _empty_observations,
    _source_table,
    _user_sources,
    _write_csv,
    build_user,
    init,
    load_user_observations,
    source_kinds,
)

__all__ = ["add", "compare", "validate_user"]


def validate_user(
    user_dir: str | Path | None = None, *, data_dir: str | Path | None = None
) -> pd.DataFrame:
    """Check a user data folder; findings in the columns of :func:`jbanalysis.validate`.

    Errors: a source table that does not read, ``observations.csv`` not what the sources build,
    a source id that is bundled, a kind the policy does not know, a value 30× or more away from
    the bundled series (unless accepted when added). Warnings: every disagreement with a bundled
    value (with the value the panel takes), an original file missing or changed.

    >>> import tempfile
    >>> from jbanalysis.checks.user import validate_user
    >>> from jbanalysis.sources.user import init
    >>> validate_user(init(tempfile.mkdtemp()))["severity"].tolist()
    []
    """
    from jbanalysis.checks.findings import FINDING_COLUMNS
    from jbanalysis.checks.key_rules import user_key_findings
    from jbanalysis.sources.build import build_observations
    from jbanalysis.sources.observations import bundled_observations

    user_dir = user_dir_alias(user_dir, data_dir, "validate_user")
    if user_dir is None:
        raise TypeError("validate_user() needs the folder: validate_user(user_dir=...)")
    folder = Path(user_dir)
    findings: list[dict] = []

    def finding(severity, rule, message, **where):
        row = dict.fromkeys(FINDING_COLUMNS, "")
        row.update(severity=severity, rule=rule, message=message, **where)
        findings.append(row)

    if not folder.is_dir() or not data_path(SOURCES, folder).is_file():
        what = "no such user data folder" if not folder.is_dir() else "not a user data folder"
        finding(
            "error",
            "schema",
            f"{what} (no sources.csv): create it with jbanalysis data add",
            file=str(folder),
        )
        return pd.DataFrame(findings, columns=FINDING_COLUMNS)
    try:
        built, _ = (
            build_observations(folder) if source_tables(folder) else (_empty_observations(), None)
        )
    except DataError as exc:
        finding(
            "error",
            "schema",
            exc.reason,
            file=str(exc.file),
            row=exc.row or "",
            column=exc.column or "",
        )
        return pd.DataFrame(findings, columns=FINDING_COLUMNS)
    findings += user_key_findings(folder)  # an unknown id: no further check can read the rows
    if findings:
        return pd.DataFrame(findings, columns=FINDING_COLUMNS)
    current = load_user_observations(folder)
    if len(built) != len(current) or set(built["record"]) != set(current["record"].astype(str)):
        finding(
            "error",
            "stale",
            "observations.csv is not what the source tables build: run "
            f"jbanalysis data build --user-dir {folder}",
            file=str(data_path(OBSERVATIONS, folder)),
        )
    sources = pd.read_csv(data_path(SOURCES, folder), dtype=str, keep_default_na=False)
    bundled_ids = set(bundled_observations()["source_id"].astype(str))
    for i, src in enumerate(sources.to_dict("records"), start=2):
        if src["id"] in bundled_ids:
            finding(
                "error",
                "schema",
                f"source id {src['id']!r} is a bundled source",
                file=SOURCES,
                row=i,
                column="id",
            )
        if src["kind"] not in source_kinds():
            finding(
                "error",
                "schema",
                f"unknown source kind {src['kind']!r}",
                file=SOURCES,
                row=i,
                column="kind",
            )
        m = re.search(r"originals/(\S+) \(sha256 ([0-9a-f]{64})\)", src.get("taken_from", ""))
        if m:
            original = data_path(ORIGINALS, folder) / m.group(1)
            if not original.is_file():
                finding(
                    "warning",
                    "original",
                    f"the original file {m.group(1)} is missing",
                    file=SOURCES,
                    row=i,
                    source_id=src["id"],
                )
            elif hashlib.sha256(original.read_bytes()).hexdigest() != m.group(2):
                finding(
                    "warning",
                    "original",
                    f"the original file {m.group(1)} changed since it was added",
                    file=SOURCES,
                    row=i,
                    source_id=src["id"],
                )
    if len(built):
        from jbanalysis.checks.user_slips import slip_findings

        for f in slip_findings(folder, built):
            finding(f.pop("severity"), f.pop("rule"), f.pop("message"), **f)
        for c in compare(folder).to_dict("records"):
            if c["status"] == "conflicts":
                finding(
                    "warning",
                    "conflict",
                    f"your {c['value']:g} disagrees with the bundled {c['bundled']}; the panel takes {c['chosen']}",
                    source_id=c["source_id"],
                    record=c["record"],
                    district=c["district"],
                    year=c["year"],
                    indicator=c["indicator"],
                )
    return pd.DataFrame(findings, columns=FINDING_COLUMNS)


def add(
    path: str | Path,
    user_dir: str | Path | None = None,
    *,
    source_id: str,
    title: str,
    url: str,
    kind: str,
    vintage: str,
    publisher: str = "",
    accessed: str | None = None,
    reliability: str = "medium",
    replace: bool = False,
    data_dir: str | Path | None = None,
    dry_run: bool = False,
    recipe: str | None = None,
    save_recipe: str | None = None,
    **read_args,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read ``path`` with :func:`jbanalysis.read_table` and add it to the user data folder.

    Returns the observations read (with ``attrs["report"]``: every column's reading) and
    :func:`compare` for them: each value ``new``, ``agrees`` with the bundled value(s) or
    ``conflicts`` with them. Values are compared for slips with the bundle and the folder's other
    tables. ``dry_run``: read and compare, store nothing. ``recipe``: read with the recipe of that
    name saved in the folder; ``save_recipe``: save this reading under that name.

    Raises
    ------
    DataError
        Anything :func:`read_table` refuses (a wrong unit included), a source id that is bundled
        or already added (unless ``replace``), an unknown kind or vintage.

    Examples
    --------
    The 2024 bulletin of 九龙坡区 (GDP 2060.35 亿元, up 6.0 %), as a table of one's own:

    >>> import tempfile, pathlib
    >>> from jbanalysis.checks.user import add, validate_user
    >>> from jbanalysis.sources.user import build_user
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (tmp / "jlp2024.csv").write_text(
    ...     "2024年九龙坡区国民经济和社会发展统计公报\\n指标,单位,2024年,比上年增长(%)\\n"
    ...     "地区生产总值,亿元,2060.35,6.0\\n", encoding="utf-8")
    >>> obs, seen = add(tmp / "jlp2024.csv", tmp / "mine", source_id="jlp_2024",
    ...                 title="2024年九龙坡区统计公报", url="", kind="official_bulletin",
    ...                 vintage="first_release")
    >>> seen[["district", "year", "indicator", "value"]].to_numpy().tolist()
    [['jiulongpo', 2024, 'gdp', 2060.35], ['jiulongpo', 2024, 'gdp_real_growth', 6.0]]
    >>> seen["status"].tolist()  # the bundle holds the same bulletin (published_figures_2)
    ['agrees', 'agrees']
    >>> build_user(tmp / "mine"), validate_user(tmp / "mine").empty
    (2, True)
    """
    from jbanalysis.io import read_table
    from jbanalysis.sources.observations import bundled_observations, load_sources
    from jbanalysis.sources.user_tables import load_recipe, reference

    user_dir = user_dir_alias(user_dir, data_dir, "add")
    if user_dir is None:
        raise TypeError("add() needs the user's folder to add to: add(path, user_dir=...)")
    path = Path(path)
    if not _ID.match(source_id):
        raise ValueError(
            f"source id {source_id!r}: use lower-case letters, digits and '_' "
            "(e.g. jiulongpo_bulletin_2024)"
        )
    if kind not in source_kinds():
        raise ValueError(
            f"unknown source kind {kind!r}; expected one of {', '.join(source_kinds())}"
        )
    if vintage not in VINTAGES:
        raise ValueError(f"unknown vintage {vintage!r}; expected one of {', '.join(VINTAGES)}")
    if reliability not in RELIABILITIES:
        raise ValueError(
            f"reliability must be one of {', '.join(RELIABILITIES)}, not {reliability!r}"
        )
    bundled_ids = set(load_sources(folder=bundle_dir())["id"])
    if source_id in set(bundled_observations()["source_id"].astype(str)) | bundled_ids:
        raise ValueError(f"source id {source_id!r} is a bundled source; choose another")
    here = Path(user_dir).expanduser()
    existing = _user_sources(here) if here.is_dir() else []
    if source_id in existing and not replace and not dry_run:
        raise ValueError(
            f"source {source_id!r} is already in {here}; pass --replace to read it again"
        )
    obs = read_table(
        path,
        source_id,
        vintage=vintage,
        source_kind=kind,
        reference=reference(here, exclude=(source_id,)),
        recipe=load_recipe(here, recipe) if recipe else None,
        **read_args,
    )
    report = obs.attrs["report"]
    if not len(obs):
        raise DataError("no values read: nothing to add (see the row account)", file=path)
    if dry_run:
        return obs, compare(observations=obs)
    folder = init(user_dir)
    if save_recipe:
        from jbanalysis.io.recipes import Recipe
        from jbanalysis.sources.user_tables import save_recipe as save

        said = {k: read_args.get(k) for k in ("indicator", "unit", "district", "decimal")}
        save(folder, Recipe.from_read(save_recipe, report, read_args.get("columns"), said))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    today = accessed or datetime.date.today().isoformat()
    table = _source_table(obs, url, title, reliability)
    _write_csv(table, source_table_path(source_id, folder))
    originals = data_path(ORIGINALS, folder) / source_id
    if originals.exists():
        shutil.rmtree(originals)
    originals.mkdir(parents=True)
    shutil.copy2(path, originals / path.name)
    row = {
        "id": source_id,
        "title": title,
        "publisher": publisher,
        "original_source": title,
        "taken_from": f"user file originals/{source_id}/{path.name} (sha256 {digest})",
        "url": url,
        "accessed": today,
        "kind": kind,
        "reliability": reliability,
        "notes": f"added by jbanalysis data add: {str(report).splitlines()[0]}",
    }
    sources = pd.read_csv(data_path(SOURCES, folder), dtype=str, keep_default_na=False)
    sources = sources[sources["id"] != source_id]
    sources = pd.concat([sources, pd.DataFrame([row])], ignore_index=True).fillna("")
    _write_csv(sources, data_path(SOURCES, folder))
    build_user(folder)
    return obs, compare(folder, source_ids=[source_id])
