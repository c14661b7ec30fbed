"""Each value of the user's folder against the bundled values of its key: new, agreeing or
conflicting, and the value the panel takes (``jbanalysis data add`` prints it)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from jbanalysis.registry.paths import user_dir_alias
from jbanalysis.sources.user import ENV, load_user_observations, user_data_dir

__all__ = ["compare"]


def compare(
    user_dir: str | Path | None = None,
    source_ids: list[str] | None = None,
    *,
    data_dir: str | Path | None = None,
    observations: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each user value against the bundled values of its key: ``new``, ``agrees``, ``conflicts``.

    ``agrees``: every bundled value of the key is within the tolerance of
    :func:`jbanalysis.conflicts` (so a figure the bundle later holds as well shows here, not as
    a conflict); ``conflicts``: at least one is not — the ``bundled`` column lists them, and
    ``chosen`` says which value the default policy puts in the panel.

    >>> import tempfile, pathlib
    >>> from jbanalysis.checks.user import add, compare
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (tmp / "jb.csv").write_text("地区,2020年\\n江北区,1300\\n", encoding="utf-8")
    >>> _ = add(tmp / "jb.csv", tmp / "mine", source_id="my_guess", title="my estimate", url="",
    ...         kind="user", vintage="estimate", indicator="gdp", unit="亿元")
    >>> compare(tmp / "mine")[["value", "status", "chosen"]].to_numpy().tolist()
    [[1300.0, 'conflicts', '1325.4 (cq_yearbook_panel)']]
    """
    from jbanalysis.panel.conflicts import conflicts
    from jbanalysis.panel.selection import KEY, select
    from jbanalysis.sources.observations import bundled_observations

    if observations is not None:  # values not stored yet (a dry run)
        mine = observations
    else:
        folder = user_data_dir(user_dir_alias(user_dir, data_dir, "compare"))
        if folder is None:
            raise ValueError(f"no user data folder: pass user_dir= or set {ENV}")
        mine = load_user_observations(folder)
    if source_ids is not None:
        mine = mine[mine["source_id"].isin(source_ids)]
    mine = mine.astype({"district": str, "indicator": str, "source_id": str})
    columns = [*KEY, "value", "source_id", "record", "status", "bundled", "chosen"]
    if not len(mine):
        return pd.DataFrame(columns=columns)
    bundled = bundled_observations()
    keys = mine[KEY].drop_duplicates()
    same = bundled[
        bundled["district"].isin(keys["district"]) & bundled["indicator"].isin(keys["indicator"])
    ].astype({"district": str, "indicator": str, "source_id": str})
    same = same.merge(keys, on=KEY)
    both = pd.concat([same, mine], ignore_index=True)
    pairs = conflicts(observations=both) if len(same) else pd.DataFrame(columns=KEY)
    user_ids = set(mine["source_id"])
    if len(pairs):
        involved = pairs["source_id_a"].isin(user_ids) ^ pairs["source_id_b"].isin(user_ids)
        pairs = pairs[involved]
    # the panel's choice, made as load_panel makes it: over every year of these series (the
    # policy's series rule looks at the whole series, not one year)
    series = bundled[
        bundled["district"].isin(keys["district"]) & bundled["indicator"].isin(keys["indicator"])
    ].astype({"district": str, "indicator": str, "source_id": str})
    chosen = select(pd.concat([series, mine], ignore_index=True))
    if "period" in chosen.columns:
        chosen = chosen[chosen["period"] == "Y"]
    chosen = chosen.set_index(KEY)
    rows = []
    for obs in mine.to_dict("records"):
        key = tuple(obs[k] for k in KEY)
        others = same[
            (same["district"] == key[0]) & (same["year"] == key[1]) & (same["indicator"] == key[2])
        ]
        listed = ", ".join(
            f"{v:g} ({s} {r})"
            for v, s, r in zip(others["value"], others["source_id"], others["record"], strict=True)
        )
        if not len(others):
            status = "new"
        else:
            hit = (
                pairs[
                    (pairs["district"] == key[0])
                    & (pairs["year"] == key[1])
                    & (pairs["indicator"] == key[2])
                ]
                if len(pairs)
                else pairs
            )
            status = "conflicts" if len(hit) else "agrees"
        win = chosen.loc[key] if key in chosen.index else None
        rows.append(
            {
                **{k: obs[k] for k in KEY},
                "value": obs["value"],
                "source_id": obs["source_id"],
                "record": obs["record"],
                "status": status,
                "bundled": listed,
                "chosen": "" if win is None else f"{win['value']:g} ({win['source_id']})",
            }
        )
    return pd.DataFrame(rows, columns=columns)
