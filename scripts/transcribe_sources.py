"""Transcribe the published tables in ``../shared/sources`` into tidy ``data/sources/*.csv``.

Run once by a maintainer (``python scripts/transcribe_sources.py [SHARED_SOURCES_DIR]``); the output
is committed and is what the package builds from, so the project works without ``../shared``.
Values are copied exactly as published, in the published unit. The only judgements made here are
recorded in the output itself: the canonical indicator an original column maps to (``field``), the
``flag`` of the 2017 values the compilers interpolated, and the vintage assigned to each source.
Empty cells are not rows; their count per column is printed and recorded in ``data/sources/README.md``.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from jbanalysis.registry.schema import OPTIONAL_SOURCE_COLUMNS, SOURCE_COLUMNS

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the readers of single sources
from transcribe_csmar import csmar
from transcribe_csmar import number_as_published as _num
from transcribe_figures_3 import figures_2023_2025

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "sources"
# the columns jbanalysis.data reads: required ones first, then the optional provenance columns
COLUMNS = [*SOURCE_COLUMNS, *OPTIONAL_SOURCE_COLUMNS]

# Yearbook panel: original column -> (indicator, unit as published). Columns that belong to the
# land-coupon study (ticket_*, land_coupon_*, g_gap, ratios, N_r/N_u, urbanization share) are left out.
YEARBOOK_FIELDS = {
    "urbanization_rate": ("urbanization_rate", "%"),
    "mu_u": ("income_urban", "元"),
    "mu_r": ("income_rural", "元"),
    "Number of Village Committees (units)": ("village_committees", "个"),
    "household_num": ("households", "户"),
    "pop": ("pop_resident", "千人"),
    "total_pop_registered(10k)": ("pop_registered", "万人"),
    "rural_employment": ("rural_employment", "人"),
    "GDP_total(10k)": ("gdp", "万元"),
    "GDP_primary_sector(10k)": ("va_primary", "万元"),
    "GDP_secondary_sector(10k)": ("va_secondary", "万元"),
    "GDP_tritary_sector(10k)": ("va_tertiary", "万元"),
    "gdp_pc": ("gdp_per_capita", "元"),
    "fiscal_rev": ("fiscal_revenue", "万元"),
    "fiscal_spending": ("fiscal_expenditure", "万元"),
    "total_deposit": ("deposits_household", "万元"),
    "Year-end Balance of Loans of Financial Institutions (10,000 yuan)": ("loans", "万元"),
    "Total Sown Area of Crops (1,000 hectares)": ("crop_sown_area", "千公顷"),
    "Total Grain Output (tons)": ("grain_output", "吨"),
    "Oilseed Output (tons)": ("oilseed_output", "吨"),
    "Gross Output Value of Agriculture, Forestry, Animal Husbandry, and Fishery (10,000 yuan)": (
        "agri_output_value",
        "万元",
    ),
    "Number of Industrial Enterprises above Designated Size (units)": (
        "industrial_enterprises",
        "个",
    ),
    "Total Retail Sales of Consumer Goods (10,000 yuan)": ("retail_sales", "万元"),
    "Real Estate Development Investment (100 million yuan)": ("real_estate_investment", "亿元"),
    "Number of Primary Schools (units)": ("primary_schools", "所"),
    "Number of Secondary Schools (units)": ("secondary_schools", "所"),
    "Number of Full-time Teachers in Primary Schools (persons)": ("teachers_primary", "人"),
    "Number of Full-time Teachers in Secondary Schools (persons)": ("teachers_secondary", "人"),
    "Number of Students in Primary Schools (persons)": ("students_primary", "人"),
    "Number of Students in Secondary Schools (persons)": ("students_secondary", "人"),
    "Number of Hospital and Health Center Beds (beds)": ("hospital_beds", "张"),
    "Number of Health Technical Personnel in Hospitals and Health Centers (persons)": (
        "health_personnel",
        "人",
    ),
    "Number of Practicing Physicians in Hospitals and Health Centers (persons)": (
        "physicians",
        "人",
    ),
    "Number of Social Welfare Adoption Institutions (units)": ("welfare_institutions", "个"),
    "Number of Beds in Social Welfare Adoption Institutions (beds)": ("welfare_beds", "张"),
}
YEARBOOK_SKIPPED = {
    "ticket_cum",
    "ticket_area",
    "land_coupon_transaction_binary",
    "after_first_land_coupon_transaction",
    "urbanization",
    "g_gap",
    "urban_rural_income_ratio",
    "N_r",
    "N_u",
}
YEARBOOK_KEYS = {"county_id", "year", "city", "county_name"}

# Published figures: indicators renamed to the registry's canonical ids.
FIGURE_INDICATORS = {
    "fiscal_revenue_budget": "fiscal_revenue",
    "fiscal_revenue_budget_growth": "fiscal_revenue_growth",
}
# Cumulative sub-annual figures carry their period in an id suffix (published_figures_2/README.md):
# the observation keeps the base indicator and the period (Q1, H1, Q1-Q3).
PERIOD_SUFFIXES = {"_q1q3": "Q1-Q3", "_h1": "H1", "_q1": "Q1"}
# A bound as printed (">1600": the page said 突破/超过) is kept as a bound, never as a value.
BOUND_PREFIXES = (">=", "<=", ">", "<")
# Bounds the collection writes as a plain number with the qualifier in the note
# (published_figures_2/README.md: "Banan 2021 deposits and loans (lower bounds)"; '突破1000億元').
BOUNDS_IN_NOTES = {"GF0037": ">", "GF0038": ">"}


def yearbook(shared: Path, log: list[str]) -> list[dict]:
    path = shared / "yearbook_panel_2005_2020" / "Chongqing_expanded.xlsx"
    book = load_workbook(path, read_only=True, data_only=True)
    rows = list(book["Sheet1"].iter_rows(values_only=True))
    book.close()  # read-only workbooks keep the file open until closed
    rows = iter(rows)
    header = list(next(rows))
    unknown = set(header) - set(YEARBOOK_FIELDS) - YEARBOOK_SKIPPED - YEARBOOK_KEYS
    if unknown:
        raise SystemExit(f"{path.name}: columns not mapped: {sorted(unknown)}")
    col = {name: i for i, name in enumerate(header)}
    records, empty, cells = [], Counter(), 0
    for excel_row, values in enumerate(rows, start=2):
        district, year = values[col["county_name"]], int(values[col["year"]])
        for field, (indicator, unit) in YEARBOOK_FIELDS.items():
            cells += 1
            raw = values[col[field]]
            if raw is None or raw == "":
                empty[field] += 1
                continue
            letter = get_column_letter(col[field] + 1)
            records.append(
                {
                    "record": f"Sheet1!{letter}{excel_row}",
                    "district": district,
                    "year": year,
                    "indicator": indicator,
                    "value": _num(raw),
                    "unit": unit,
                    "vintage": "first_release",
                    "flag": "observed",
                    "source_id": "cq_yearbook_panel",
                    "field": field,
                    "note": "",
                }
            )
    _flag_interpolated(records, log)
    log.append(
        f"cq_yearbook_panel: {cells} cells (592 district-years × {len(YEARBOOK_FIELDS)} columns) "
        f"= {len(records)} values + {sum(empty.values())} empty cells"
    )
    log.extend(f"  empty in {field!r}: {n}" for field, n in sorted(empty.items()))
    return records


def _flag_interpolated(records: list[dict], log: list[str]) -> None:
    """Flag 2017 values that are exactly the mean of 2016 and 2018 (made by the compilers).

    Only GDP and its sectors are tested: SOURCES.md documents the interpolation there; a count
    that happens to equal a mean in another column is not evidence of interpolation.
    """
    by_key = {(r["district"], r["indicator"], r["year"]): r for r in records}
    found = Counter()
    for (district, indicator, year), rec in by_key.items():
        if year != 2017 or indicator not in {"gdp", "va_primary", "va_secondary", "va_tertiary"}:
            continue
        before = by_key.get((district, indicator, 2016))
        after = by_key.get((district, indicator, 2018))
        if before and after:
            mean = (float(before["value"]) + float(after["value"])) / 2
            if (
                abs(float(rec["value"]) - mean) <= 0.5
            ):  # values are whole 万元; a mean may end in .5
                rec["flag"] = "interpolated"
                rec["note"] = (
                    f"2017 value = mean of 2016 ({before['value']}) and 2018 ({after['value']}), "
                    "interpolated by the compilers, not published"
                )
                found[district] += 1
    log.append(
        f"cq_yearbook_panel: 2017 interpolated values in {len(found)} districts: "
        + ", ".join(f"{d} ({n})" for d, n in sorted(found.items()))
    )


def figures(
    shared: Path, log: list[str], folder: str = "published_figures", file: str = "figures.csv"
) -> list[dict]:
    """One collection of published figures (``published_figures``, ``published_figures_2``, the
    third collection's ``figures_2025.csv``)."""
    path = shared / folder / file
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    records, undated, periods, bounds = [], [], Counter(), []
    for row in table.itertuples(index=False):
        if not row.year:
            undated.append(row.record_id)
            continue
        indicator, period = row.indicator, "Y"
        for suffix, name in PERIOD_SUFFIXES.items():
            if indicator.endswith(suffix):
                indicator, period = indicator.removesuffix(suffix), name
                periods[name] += 1
                break
        value, bound = row.value, BOUNDS_IN_NOTES.get(row.record_id, "")
        for prefix in BOUND_PREFIXES:
            if value.startswith(prefix):
                value, bound = value.removeprefix(prefix), prefix
                break
        if bound:
            bounds.append(f"{row.record_id} {bound}{value}")
        base = {
            "district": row.district_zh,
            "year": int(row.year),
            "vintage": row.vintage,
            "flag": "observed",
            "source_id": folder,
            "source_kind": row.source_kind,
            "reliability": row.reliability,
            "url": row.source_url,
            "title": row.source_title,
            "excerpt": row.excerpt,
            "note": row.note,
            "period": period,
            "bound": bound,
        }
        if indicator in ("sector_structure", "va_shares"):
            records.extend(_sector_structure(row, base))
            continue
        records.append(
            {
                **base,
                "record": row.record_id,
                "indicator": FIGURE_INDICATORS.get(indicator, indicator),
                "value": value,
                "unit": row.unit,
                "field": row.indicator,
            }
        )
    n_ratio = int(table["indicator"].isin(["sector_structure", "va_shares"]).sum())
    log.append(
        f"{folder}{'' if file == 'figures.csv' else f' ({file})'}: {len(table)} rows = "
        f"{len(table) - len(undated)} dated rows "
        f"+ {len(undated)} undated rows not transcribed"
        + (f" (no reference year: {', '.join(undated)})" if undated else "")
        + f"; the dated rows give {len(records)} values ({n_ratio} sector ratios split "
        "into their published shares)"
    )
    if periods:
        log.append(
            f"{folder}: sub-annual cumulative values kept with their period: "
            + ", ".join(f"{name} {n}" for name, n in sorted(periods.items()))
        )
    if bounds:
        log.append(f"{folder}: bounds kept as bounds: {', '.join(bounds)}")
    return records


def _sector_structure(row, base: dict) -> list[dict]:
    """A published I:II:III ratio becomes the three published shares, in percent."""
    text = row.value if ":" in row.value else row.note
    ratio = re.search(r"(\d+(?:\.\d+)?):(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)", text)
    if ratio:
        shares = dict(zip(("primary", "secondary", "tertiary"), ratio.groups(), strict=True))
    else:
        pairs = re.findall(r"第(二|三)产业比重 (\d+(?:\.\d+)?)%", row.note)
        shares = {{"二": "secondary", "三": "tertiary"}[k]: v for k, v in pairs}
    if not shares:
        raise SystemExit(f"{row.record_id}: sector_structure note has no ratio: {row.note!r}")
    return [
        {
            **base,
            "record": f"{row.record_id}#{sector}",
            "indicator": f"va_{sector}_share",
            "value": value,
            "unit": "%",
            "field": row.indicator,
        }
        for sector, value in shares.items()
    ]


def population_2024(shared: Path, log: list[str]) -> list[dict]:
    folder = shared / "population_2024"
    pages = json.loads((folder / "cq_crosspage_reference_2024_population.json").read_text("utf-8"))
    page_of = {(r["city"], r["indicator"]): r["page"] for r in pages["records"]}
    table = pd.read_csv(folder / "cq_2024_population_by_district.csv", dtype=str)
    fields = {
        "registered_pop_10k(户籍人口)": ("pop_registered", "户籍人口"),
        "resident_pop_yearend_10k(年末常住人口)": ("pop_resident", "年末常住人口"),
    }
    records, skipped = [], []
    for line, row in enumerate(table.to_dict("records"), start=2):
        name = row["district"]
        if name.startswith("#"):  # 綦江区 without 万盛: a sub-area, not a registry unit
            skipped.append(f"line {line} ({name})")
            continue
        for field, (indicator, label) in fields.items():
            page = page_of.get((name, label))
            records.append(
                {
                    "record": f"line {line}:{field}",
                    "district": name,
                    "year": int(row["year"]),
                    "indicator": indicator,
                    "value": _num(row[field]),
                    "unit": "万人",
                    "vintage": "revised",
                    "flag": "observed",
                    "source_id": "cq_yearbook_2025_pop",
                    "field": field,
                    "note": f"表20-1, p.{page}" if page else "表20-1",
                }
            )
    log.append(
        f"cq_yearbook_2025_pop: {len(table)} rows = {len(records) // 2} units × 2 indicators "
        f"+ {len(skipped)} sub-area rows not transcribed ({', '.join(skipped)})"
    )
    return records


def write(name: str, records: list[dict]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / name, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for rec in records:
            writer.writerow({c: rec.get(c, "") for c in COLUMNS})


def main(argv: list[str]) -> None:
    shared = Path(argv[0]) if argv else ROOT.parent / "shared" / "sources"
    log: list[str] = []
    write("cq_yearbook_panel.csv", yearbook(shared, log))
    write("published_figures.csv", figures(shared, log))
    write("published_figures_2.csv", figures(shared, log, "published_figures_2"))
    third = figures(shared, log, "published_figures_3", "figures_2025.csv")
    write("published_figures_3.csv", third + figures_2023_2025(shared, log))
    write("csmar_city_gdp.csv", csmar(shared, log))
    write("cq_yearbook_2025_pop.csv", population_2024(shared, log))
    print("\n".join(log))


if __name__ == "__main__":
    main(sys.argv[1:])
