"""Trace one panel value to its publication: every candidate and the rule that chose one."""

from __future__ import annotations

import pandas as pd

from jbanalysis.registry.districts import resolve_district
from jbanalysis.registry.indicators import resolve_indicator
from jbanalysis.sources.corrections import load_corrections
from jbanalysis.sources.observations import load_observations, load_sources


def trace(
    district: str, year: int, indicator: str, period: str = "Y", policy: str = "default"
) -> pd.DataFrame:
    """Every source row behind a (district, year, indicator): the candidates and why one won.

    Joins each observation to its row in ``data/sources/<source_id>.csv`` (url, title, the excerpt
    that holds the number, note), to its correction (reason, evidence) and to the source registry,
    so a number on a chart can be followed to its publication. The row the panel chose comes first
    with ``chosen`` True and, in ``rule``, the step of the selection policy that decided
    (:mod:`jbanalysis.panel`); excluded values and bounds are listed too, never chosen.

    Raises :class:`~jbanalysis.errors.UnknownNameError` for an unknown district or indicator
    (names in any form: 江北, GDP, 地区生产总值…), and ``LookupError`` when no source has a value.

    >>> from jbanalysis.panel.provenance import trace
    >>> t = trace("江北", 2010, "GDP")
    >>> t[["chosen", "source_id", "record", "published_value", "rule"]].to_numpy().tolist()
    [[True, 'cq_yearbook_panel', 'Sheet1!V359', 3913947.0, 'only value']]
    >>> swap = trace("jiangbei", 2022, "gdp").iloc[0]
    >>> swap["record"], float(swap["value"]), float(swap["published_value"]), swap["correction"]
    ('PF0198', 1602.76, 1560.91, 'C002')

    The city's 2009 GDP: CSMAR's series is chosen over the bulletin's page, as in the panel.

    >>> t = trace("chongqing", 2009, "gdp")
    >>> t[["source_id", "value", "rule"]].to_numpy().tolist()[0]
    ['csmar_city_gdp', 6651.22, 'series']
    """
    from jbanalysis.panel.selection import select

    did = resolve_district(district)
    indicator = resolve_indicator(indicator)
    obs = load_observations()
    series = obs[
        (obs["district"] == did) & (obs["indicator"] == indicator) & (obs["period"] == period)
    ]
    hits = series[series["year"] == int(year)]
    if hits.empty:
        raise LookupError(f"no source has {indicator} for {did} in {year} (period {period})")
    # chosen among the whole series, as the panel chooses: the series rule counts a table's years
    chosen = select(series, policy)
    chosen = chosen[chosen["year"] == int(year)]
    winner = chosen["record"].iloc[0] if len(chosen) else None
    registry = load_sources().set_index("id")
    fixes = load_corrections().set_index("correction_id")
    rows = []
    tables: dict[str, pd.DataFrame] = {}  # each source file read once, however many hits
    for hit in hits.to_dict("records"):
        sid = str(hit["source_id"])
        if sid not in tables:
            from jbanalysis.sources.user import source_file

            tables[sid] = pd.read_csv(source_file(sid), dtype=str, keep_default_na=False).set_index(
                "record", drop=False
            )
        line = tables[sid].loc[hit["record"]].to_dict()
        reg = registry.loc[sid]
        fix = fixes.loc[hit["correction"]] if hit["correction"] else None
        rows.append(
            {
                "chosen": hit["record"] == winner,
                "rule": chosen["rule"].iloc[0] if hit["record"] == winner else "",
                **hit,
                "correction_reason": "" if fix is None else fix["reason"],
                "correction_evidence": "" if fix is None else fix["evidence_url"],
                "url": line.get("url") or reg["url"],
                "title": line.get("title") or reg["title"],
                "excerpt": line.get("excerpt", ""),
                "published_district": line["district"],
                "original_source": reg["original_source"],
                "taken_from": reg["taken_from"],
            }
        )
    out = pd.DataFrame(rows)
    return out.sort_values("chosen", ascending=False, kind="stable").reset_index(drop=True)
