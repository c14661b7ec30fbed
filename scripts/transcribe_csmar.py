"""Transcribe the CSMAR city table (``../shared/sources/city_totals_csmar/``) into rows of
``data/sources/csmar_city_gdp.csv``, with the vintage of each year identified from the published
figures (:data:`CSMAR_VINTAGES`). Called by ``scripts/transcribe_sources.py``; also the owner of
:func:`number_as_published`, which every reader uses."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

CSMAR_FIELDS = {
    "Gdpct01": ("gdp", "亿元"),
    "Gdpct02": ("va_primary_share", "%"),
    "Gdpct03": ("va_secondary_share", "%"),
    "Gdpct04": ("va_tertiary_share", "%"),
    "GDP_PerCapita": ("gdp_per_capita", "元"),
    "GDPYoY": ("gdp_real_growth", "%"),
    "GDP_PrimInd": ("va_primary", "万元"),
    "GDP_SecInd": ("va_secondary", "万元"),
    "GDP_TerInd": ("va_tertiary", "万元"),
}
CSMAR_NAMES = {"500000": "重庆市", "500101": "万州区", "500102": "涪陵区", "500114": "黔江区"}
# The vintage of each year of CSMAR's table, identified by comparing its GDP with the vintages the
# published figures hold (issue 18): (first year, last year, vintage, evidence).
CSMAR_VINTAGES = (
    (
        2005,
        2018,
        "revised",
        "CSMAR's 2005-2018 rows are a revised series: 2018 equals the value revised after the "
        "fourth economic census (21588.80, published_figures PF0014), not the first release "
        "(20363.19, PF0013), and every year with a first release in the sources differs from it "
        "(2006 3486.20 PF0598, 2008 5096.66 PF0550, 2011 10011.13 PF0003, 2012 11459.00 PF0004, "
        "2015 15719.72 PF0007, 2016 17558.76 PF0009, 2017 19500.27 PF0011)",
    ),
    (
        2019,
        2021,
        "first_release",
        "CSMAR's 2019-2021 rows equal the first releases (2019 23605.77 PF0015, 2020 25002.79 "
        "PF0017, 2021 27894.02 PF0552); 2020 is not the later revision 25041.43 (PF0018)",
    ),
)


def _csmar_vintage(year: int) -> tuple[str, str]:
    for first, last, vintage, evidence in CSMAR_VINTAGES:
        if first <= year <= last:
            return vintage, evidence
    return (
        "unknown",
        "CSMAR mixes vintages; no published figure in the sources identifies this year's",
    )


def number_as_published(text: object) -> str:
    """A number as published, without float noise (3913947, 391.3947, 0.8)."""
    value = float(text)
    return str(int(value)) if value.is_integer() else repr(value)


def csmar(shared: Path, log: list[str]) -> list[dict]:
    path = shared / "city_totals_csmar" / "CRE_Gdpct_chongqing_rows.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    records, empty = [], 0
    for line, row in enumerate(table.to_dict("records"), start=2):
        for field, (indicator, unit) in CSMAR_FIELDS.items():
            if row[field] == "":
                empty += 1
                continue
            vintage, evidence = _csmar_vintage(int(row["Sgnyea"]))
            records.append(
                {
                    "record": f"line {line}:{field}",
                    "district": CSMAR_NAMES[row["Ctnm_id"]],
                    "year": int(row["Sgnyea"]),
                    "indicator": indicator,
                    "value": number_as_published(row[field]),
                    "unit": unit,
                    "vintage": vintage,
                    "flag": "observed",
                    "source_id": "csmar_city_gdp",
                    "field": field,
                    "note": evidence,
                }
            )
    log.append(
        f"csmar_city_gdp: {len(table)} rows × {len(CSMAR_FIELDS)} fields = "
        f"{len(records)} values + {empty} empty cells"
    )
    return records
