"""Series integrity: each audit finding is found by a rule in the published values and fixed,
flagged or registered with its evidence; the panel never decides by accident."""

from __future__ import annotations

import io
import json
import re
import subprocess
import tokenize
from pathlib import Path

import pandas as pd
import pytest

import jbanalysis as jb
from jbanalysis.checks import series as series_checks
from jbanalysis.errors import UnknownNameError
from jbanalysis.panel.provenance import trace
from jbanalysis.sources.build import build_observations
from jbanalysis.sources.corrections import load_corrections
from jbanalysis.sources.observations import load_observations

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def published():
    """The values as published (before corrections) and what the rules find in them."""
    raw, _ = build_observations(corrections=False)
    return raw, pd.DataFrame(series_checks.series_findings(raw))


@pytest.fixture(scope="module")
def panel():
    return jb.load_panel()


def _value(panel, district, year, indicator):
    hit = panel[
        (panel.district == district) & (panel.year == year) & (panel.indicator == indicator)
    ]
    return hit.iloc[0]


def test_each_rule_finds_its_finding_in_the_published_values(published):
    _, found = published
    counts = found.groupby("rule").size().to_dict()
    assert counts["neighbour_mean"] == 74  # per-capita GDP 2010 and 2017, 37 units each
    assert counts["copied_year"] == 26  # households 2017 = 2016
    assert counts["misaligned_year"] == 74  # health personnel and physicians 2009
    # 25 units to 2017, 渝北 to 2009, 永川 to 2016 (its 2011–2016 run, issue 18) and 2017 (found
    # only while 2017's per-capita GDP is taken as published: it is the compilers' mean, C082)
    assert counts["registered_as_resident"] == 343
    assert counts["collapse"] == 1  # 大足 deposits 2020
    assert counts["unresolved_tie"] == 1  # 沙坪坝 2020 census population
    assert set(found.loc[found.rule == "city_spike", "record"]) >= {"PF0609"}
    # every finding names its file and record
    errors = found[found.severity == "error"]
    assert errors["file"].str.startswith("sources/").all() or set(errors.rule) == {"break_size"}


def test_every_error_in_the_published_values_is_fixed_by_a_correction_with_evidence(published):
    _, found = published
    fixes = load_corrections()
    fixed_records = set(fixes["record"])
    per_record = found[(found.severity == "error") & (found.record != "*")]
    # a city spike next to a unit error is fixed by correcting the neighbouring year (the 2020
    # sectors look 100× too large only against CSMAR's 2021 values in the wrong unit, C003–C005)
    spikes = per_record[(per_record.rule == "city_spike") & ~per_record.record.isin(fixed_records)]
    assert set(spikes.year) == {2020} and set(spikes.indicator) == {
        "va_primary",
        "va_secondary",
        "va_tertiary",
    }
    # 永川's 2017 'resident' value is judged on its per-capita GDP, which C082 flags interpolated:
    # corrected, the evidence is gone and so is the finding (no value of 2017 is changed)
    sibling = per_record[per_record.record == "Sheet1!S350"]
    assert sibling[["rule", "district", "year"]].to_numpy().tolist() == [
        ["registered_as_resident", "yongchuan", 2017]
    ]
    assert fixes.set_index("correction_id").loc["C082", ["district", "year"]].tolist() == [
        "yongchuan",
        "2017",
    ]
    assert set(per_record.drop([*spikes.index, *sibling.index])["record"]) <= fixed_records
    after = pd.DataFrame(series_checks.series_findings(load_observations()))
    left = after[after.severity == "error"]
    kept = fixes[fixes.corrected_value == "keep"]
    # what the corrections leave is only what they keep with a reason (two coincidences)
    assert set(left.record) <= set(kept.record) and set(left.rule) == {"shared_values"}


def test_registered_population_labelled_resident_is_excluded_and_registered():
    obs = load_observations()
    pop = obs[(obs.source_id == "cq_yearbook_panel") & (obs.indicator == "pop_resident")]
    excluded = pop[pop.flag == "excluded"]
    units = set(excluded.district)
    b = jb.load_breaks().set_index("break_id")
    assert units == set(b.loc["B08", "districts"].split("|")) | {"yubei", "yongchuan"}
    # 开州 S270 1680 千人 (= its registered 168.4 万) → S271 1180
    kaizhou = pop[pop.district == "kaizhou"].set_index("year")
    assert kaizhou.loc[2017, ["record", "published_value", "flag"]].tolist() == [
        "Sheet1!S270",
        1680.0,
        "excluded",
    ]
    assert kaizhou.loc[2018, ["record", "value", "flag"]].tolist() == [
        "Sheet1!S271",
        118.0,
        "observed",
    ]
    # the central districts other than 渝北 keep their resident series
    assert not units & {"jiangbei", "nanan", "shapingba", "jiulongpo", "dadukou", "beibei"}
    assert jb.breaks.new_basis_years("pop_resident", "kaizhou") == (2010, 2018, 2020)


def test_selection_never_decides_by_accident(panel):
    # 沙坪坝 2020 census: 147.7345 (PF0230), the value that makes the nine sum to the published
    # 中心城区 total PF0108; the misprint PF0229 is excluded with that evidence
    spb = _value(panel, "shapingba", 2020, "pop_census")
    assert (spb["value"], spb["record"]) == (147.7345, "PF0230")
    why = trace("shapingba", 2020, "pop_census").set_index("record")
    assert "PF0108" in why.loc["PF0229", "correction_reason"]
    assert why.loc["PF0229", "flag"] == "excluded"
    # 南岸 2021: the statistic 880.98, not a work report's rounded 880
    nanan = _value(panel, "nanan", 2021, "gdp")
    assert (nanan["value"], nanan["record"], nanan["rule"]) == (880.98, "PF0291", "demotion")
    # 沙坪坝 2018 real growth: the first release 3.2 over a preliminary 3.5
    assert _value(panel, "shapingba", 2018, "gdp_real_growth")["value"] == 3.2
    assert not (panel["rule"] == "unresolved tie").any()
    assert set(panel["rule"]) <= set(jb.panel.RULES)


def test_the_2021_central_total_is_within_rounding_of_the_published_one():
    checks = jb.aggregate_checks().set_index(["group", "indicator", "year"])
    row = checks.loc[("central9", "gdp", 2021)]
    assert row["published"] == 10927.63
    assert row["members_sum"] == pytest.approx(10927.71)
    assert abs(row["difference"]) <= 9 * 0.005 * 2  # nine values printed to 0.01


def test_the_city_series_comes_from_one_table_and_its_sectors_add_up(panel):
    city = panel[(panel.district == "chongqing") & (panel.year <= 2021)]
    gdp = city[city.indicator == "gdp"].set_index("year")
    assert set(gdp.loc[1990:2021, "source_id"]) == {"csmar_city_gdp"}
    sectors = city[city.indicator.isin(["va_primary", "va_secondary", "va_tertiary"])]
    total = sectors.groupby("year")["value"].sum()
    gap = (total / gdp["value"] - 1).abs().loc[2004:2021]
    assert gap.max() < 0.001  # 13–16 % in 2006–07 and −5.7 % in 2018 before
    # the one switch is registered, with no level difference in the overlap year
    b = jb.load_breaks().set_index("break_id")
    assert b.loc["B15", ["kind", "first_year", "ratio"]].tolist() == ["source_switch", 2022, 1.0]


def test_source_errors_are_excluded_with_their_reason():
    obs = load_observations().set_index(["source_id", "record"])
    for record in ("Sheet1!AC193", "Sheet1!AS294"):  # 大足 deposits 2020, 忠县 health 2009
        assert obs.loc[("cq_yearbook_panel", record), "flag"] == "excluded"
    assert obs.loc[("published_figures", "PF0609"), "flag"] == "excluded"  # sum of districts
    raw = load_observations()
    households = raw[(raw.indicator == "households") & (raw.year == 2017)]
    assert (households.flag == "excluded").sum() == 26
    urban = raw[(raw.indicator == "income_urban") & (raw.source_id == "cq_yearbook_panel")]
    central = urban[urban.district.isin(jb.district_ids("central")) & (urban.year <= 2011)]
    assert set(central.flag) == {"excluded"} and len(central) == 56
    fixes = load_corrections().set_index("record")
    assert "22146" in fixes.loc["Sheet1!K360", "reason"]  # 江北 2011


def test_conflicts_list_every_disagreement_that_matters():
    c = jb.conflicts(indicators="gdp")
    key = {(r.district, r.year): r for r in c.itertuples()}

    def has(district, year, a, b):
        rows = c[(c.district == district) & (c.year == year)]
        return ((rows.value_a.round(2) == a) & (rows.value_b.round(2) == b)).any()

    # the five first-release vs revised pairs the 0.5 % tolerance missed
    assert has("yuzhong", 2018, 1203.85, 1205.60)
    assert has("beibei", 2018, 551.79, 552.69)
    assert has("chongqing", 2020, 25002.79, 25041.43)
    assert has("yuzhong", 2020, 1357.60, 1358.50)
    assert has("nanan", 2021, 880.00, 880.98)
    # both sides of the 2022 swap, each with its correction
    jb22 = c[(c.district == "jiangbei") & (c.year == 2022)]
    assert jb22[["value_a", "value_b", "kind", "correction_b"]].to_numpy().tolist() == [
        [1560.91, 1602.76, "corrected error", "C002"]
    ]
    yz22 = c[(c.district == "yuzhong") & (c.year == 2022) & (c.kind == "corrected error")]
    assert set(yz22.value_b) == {1602.76}
    # a value and its own rounding are not a conflict: 1027.8664 (yearbook) and 1027.87
    assert ("jiangbei", 2018) not in key
    assert not has("jiangbei", 2019, 1240.07, 1240.07)


def test_trace_explains_the_choice_and_refuses_unknown_names():
    t = trace("江北", 2010, "GDP")
    assert t.loc[0, ["chosen", "record", "rule"]].tolist() == [True, "Sheet1!V359", "only value"]
    assert t.loc[0, "url"].startswith("https://github.com/yaoeconomics/land-coupon-paper/blob/")
    swap = trace("jiangbei", 2022, "gdp").iloc[0]
    assert swap["correction"] == "C002" and "maigoo swaps" in swap["correction_reason"]
    assert "cqyz.gov.cn" in swap["correction_evidence"]
    assert swap["excerpt"]  # the words on the page that hold the number
    city = trace("chongqing", 2010, "gdp").set_index("source_id")
    assert city.loc["csmar_city_gdp", "url"].endswith("/CRE_Gdpct.csv")  # a file, not a repo
    with pytest.raises(UnknownNameError, match="unknown indicator 'GPD'; did you mean 'gdp'"):
        trace("江北", 2010, "GPD")
    with pytest.raises(LookupError, match="no source has gdp for yuzhong in 2010"):
        trace("渝中", 2010, "gdp")


def test_the_second_collection_is_in_the_bundle_with_bounds_periods_and_ratios(panel):
    obs = load_observations()
    new = obs[obs.source_id == "published_figures_2"]
    assert len(new) == 204
    bounds = new[new.bound != ""].set_index("record")
    assert bounds.loc["NF0024", ["district", "year", "value", "bound"]].tolist() == [
        "shapingba",
        2024,
        1200.0,
        ">",
    ]
    assert set(bounds.index) == {"NF0003", "NF0014", "NF0024", "NF0084", "GF0037", "GF0038"}
    # bounds check values but are never a panel value
    assert not (
        (panel.district == "shapingba") & (panel.year == 2024) & (panel.indicator == "gdp")
    ).any()
    quarterly = new[new.period != "Y"]
    assert set(quarterly.period) == {"Q1", "H1", "Q1-Q3"}
    q = jb.load_panel(districts="yuzhong", indicators="gdp_real_growth", years=2023, period="Q1-Q3")
    assert q[["value", "record", "period"]].to_numpy().tolist() == [[4.4, "NF0008", "Q1-Q3"]]
    shares = new[new.record.str.startswith("NF0026#")].set_index("indicator")["value"]
    assert shares.to_dict() == {
        "va_primary_share": 0.5,
        "va_secondary_share": 26.4,
        "va_tertiary_share": 73.1,
    }
    cov = jb.coverage(panel, "gdp", districts="central", years=[2023, 2024])
    present = cov[cov.present].set_index(["district", "year"])
    assert present.loc[("jiangbei", 2023), "source_id"] == "published_figures_2"
    assert ("jiulongpo", 2024) in present.index and ("shapingba", 2024) not in present.index
    assert _value(panel, "jiangbei", 2023, "gdp")["value"] == 1744.0


TRIPLE_QUOTES = ('"' * 3, "'" * 3)


def test_census_and_break_years_are_typed_only_in_the_registry():
    # As code, a census year is a number token, or a one-line string that names a census, a
    # revision or a break with it. Docstrings (their examples are data), comments and messages'
    # "e.g. 2018" are not code.
    census = {str(y) for y in jb.breaks.census_years("economic_census")}
    census |= {str(y) for y in jb.breaks.census_years("population_census")}
    context = re.compile(r"(普查|census|revision|口径|断)")
    files = subprocess.run(
        ["git", "ls-files", "jbanalysis/*.py", "jbanalysis/**/*.py", "notebooks/*.ipynb"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    offenders = []
    for name in files:
        for where, token in _code_tokens(ROOT / name):
            if token.type == tokenize.NUMBER and token.string in census:
                offenders.append(f"{name}:{where}: {token.string}")
            elif token.type == tokenize.STRING and not token.string.lstrip("rbfu").startswith(
                TRIPLE_QUOTES
            ):
                years = set(re.findall(r"\d{4}", token.string)) & census
                if years and context.search(token.string):
                    offenders.append(f"{name}:{where}: {token.string[:60]}")
    assert offenders == []


def _code_tokens(path: Path):
    """(place, token) of a module, or of a notebook's code cells."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    else:
        sources = [path.read_text(encoding="utf-8")]
    for cell, source in enumerate(sources):
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            yield (f"cell {cell} line {token.start[0]}", token)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("corrected_value", "drop", "'drop' is neither a number nor one of exclude, keep"),
        ("district", "jiangbie", "unknown district 'jiangbie'"),
        ("indicator", "gpd", "unknown indicator 'gpd'"),
        ("year", "2022.5", "'2022.5' is not a whole year"),
        ("published_value", "n/a", "'n/a' is not a number"),
        ("reason", " ", "every correction needs its reason"),
    ],
)
def test_a_bad_correction_is_named_by_file_row_and_column(column, value, message):
    from jbanalysis.errors import DataError
    from jbanalysis.sources.corrections import check_corrections

    table = load_corrections()
    table.loc[4, column] = value
    with pytest.raises(DataError) as err:
        check_corrections(table, "corrections.csv")
    assert (err.value.row, err.value.column) == (6, column)
    assert message in str(err.value)


def test_contradicting_corrections_and_whole_column_rows_are_errors():
    from jbanalysis.errors import DataError
    from jbanalysis.sources.corrections import check_corrections

    table = load_corrections()
    twice = pd.concat([table, table.iloc[[0]].assign(correction_id="C999")], ignore_index=True)
    with pytest.raises(DataError, match="C999 corrects the same record as C001") as err:
        check_corrections(twice)
    assert err.value.row == len(twice) + 1 and err.value.column == "record"
    same_id = pd.concat([table, table.iloc[[1]]], ignore_index=True)
    with pytest.raises(DataError, match="correction id 'C002' appears on lines 3 and"):
        check_corrections(same_id)
    whole = table[table.record == "*"].head(1).assign(corrected_value="exclude")
    with pytest.raises(DataError, match=r"record '\*' .* can only be kept"):
        check_corrections(whole)
