"""The user folder's values that look like slips (:mod:`jbanalysis.io.slips`): an error for each
one not accepted, and an ``accepted`` finding, with its reason, for each one accepted when it was
added (``jbanalysis data add --accept-implausible REASON``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from jbanalysis.io.slips import find_slips
from jbanalysis.registry.paths import source_label
from jbanalysis.sources.user_tables import accepted, reference


def slip_findings(folder: Path, built: pd.DataFrame) -> list[dict]:
    """Findings (severity, rule ``slip``, message, where) for every source of the folder, each
    compared with the bundle and the folder's other sources."""
    out: list[dict] = []
    for sid, part in built.groupby("source_id", observed=True):
        part = part.reset_index(drop=True)
        where = {"file": source_label(str(sid)), "source_id": str(sid)}
        kept = accepted(part)
        for row in kept.to_dict("records"):
            out.append(
                {
                    **where,
                    "severity": "accepted",
                    "rule": "slip",
                    "message": f"accepted outlier: {row['district']} {row['year']} {row['indicator']} "
                    f"{row['published_value']:g} {row['published_unit']}: {row['reason']}",
                    "record": row["record"],
                    "district": row["district"],
                    "year": row["year"],
                    "indicator": row["indicator"],
                }
            )
        rest = part.drop(index=kept.index).reset_index(drop=True)
        if not len(rest):
            continue
        rest["line"] = range(2, len(rest) + 2)
        slips = find_slips(rest, reference(folder, exclude=(str(sid),)))
        for i, words in zip(slips["index"], slips["comparison"], strict=True):
            row = rest.iloc[int(i)]
            out.append(
                {
                    **where,
                    "severity": "error",
                    "rule": "slip",
                    "message": f"{words}; if it is right, add the table again with "
                    "--accept-implausible 'REASON' --replace",
                    "record": row["record"],
                    "district": row["district"],
                    "year": row["year"],
                    "indicator": row["indicator"],
                }
            )
    return out
