"""validate(), the data CLI, and the published aggregates."""

import json

import pytest

from jbanalysis.checks.aggregates import aggregate_checks
from jbanalysis.checks.validation import validate
from jbanalysis.cli import main


@pytest.fixture(scope="module")
def findings():
    return validate()


def test_bundled_data_is_valid(findings):
    assert (findings.severity == "error").sum() == 0


def test_a_rule_finds_the_csmar_unit_error_and_the_correction_fixes_it(findings):
    fixed = findings[(findings.severity == "fixed") & (findings.source_id == "csmar_city_gdp")]
    # the city's 2020 sectors look 100× off only against the unit error of 2021 (city_spike)
    assert set(fixed.rule) == {"unit_jump", "sector_sum", "city_spike"}
    spikes = fixed[fixed.rule == "city_spike"]
    assert set(spikes.year) == {2020} and spikes.correction.str.contains("C00[345]").all()
    jumps = fixed[fixed.rule == "unit_jump"].set_index("indicator")
    assert jumps.loc["va_primary", "record"] == "line 42:GDP_PrimInd"
    assert jumps.loc["va_primary", "correction"] == "C003"
    assert "1922.03 万元" in jumps.loc["va_primary", "message"]


def test_accepted_findings_carry_their_reason(findings):
    from jbanalysis.sources.corrections import load_corrections

    accepted = findings[findings.severity == "accepted"]
    # the sector sums and grain output of the first build, two coincidences of identical
    # urban income outside the centre, ten unexplained scatters of growth and two shifts of
    # every unit that are real shocks (loans 2009, oilseed 2008), each kept with a reason rather
    # than registered as breaks without evidence (retail and tertiary value added 2018 are
    # registered breaks since issue 18: B18, B19)
    ids = sorted(accepted.correction.unique())
    assert ids[:5] == ["C008", "C009", "C010", "C011", "C012"]
    assert len(ids) == 21 and {"C615", "C616", "C617"} <= set(ids)
    assert not {"C592", "C594"} & set(ids)
    assert set(accepted.rule) == {
        "sector_sum",
        "unit_jump",
        "shared_values",
        "unregistered_break",
        "common_shift",
    }
    reasons = load_corrections().set_index("correction_id")["reason"]
    assert all(len(reasons[i]) > 40 for i in ids)
    assert not (findings.severity == "warning").any()


def test_the_328_per_capita_warnings_are_the_registered_population(findings):
    # GDP per capita against GDP / 'resident' population: every one of the old build's 328
    # warnings falls in 2005–2017 and disappears once the registered counts labelled
    # 'resident' are excluded
    pc = findings[findings.rule == "per_capita"]
    assert len(pc) == 328 and set(pc.severity) == {"fixed"}
    assert pc.year.min() == 2005 and pc.year.max() == 2017
    first = pc.iloc[0]
    assert first["file"] == "sources/cq_yearbook_panel.csv" and first["record"].startswith(
        "Sheet1!Z"
    )


def test_a_changed_file_fails_its_hash(data_copy, capsys):
    path = data_copy / "sources" / "csmar_city_gdp.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("327.75", "327.76"), encoding="utf-8")
    found = validate(data_copy)
    errors = found[found.severity == "error"]
    assert set(errors.rule) == {"hash", "stale"}
    assert any("csmar_city_gdp.csv" in f for f in errors.file)
    assert main(["data", "validate", "--data", str(data_copy)]) == 1
    out = capsys.readouterr()
    assert "error: hash:" in out.out and "csmar_city_gdp.csv" in out.out


def test_a_negative_level_is_an_error(data_copy):
    path = data_copy / "sources" / "cq_yearbook_panel.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            ",江北区,2010,gdp,3913947,", ",江北区,2010,gdp,-3913947,"
        ),
        encoding="utf-8",
    )
    found = validate(data_copy, check_hashes=False)
    neg = found[(found.rule == "negative") & (found.severity == "error")]
    assert neg["record"].tolist() == ["Sheet1!V359"]


def test_missing_datapackage(data_copy):
    (data_copy / "datapackage.json").unlink()
    found = validate(data_copy)
    assert "datapackage.json is missing" in found.loc[found.rule == "hash", "message"].item()


def test_datapackage_lists_every_file_with_its_hash():
    from jbanalysis.registry.paths import bundle_dir
    from jbanalysis.sources.package import hashed_files, sha256

    package = json.loads((bundle_dir() / "datapackage.json").read_text(encoding="utf-8"))
    recorded = {r["path"]: r for r in package["resources"]}
    for path in hashed_files():
        rel = path.relative_to(bundle_dir()).as_posix()
        assert recorded[rel]["hash"] == f"sha256:{sha256(path)}"
    assert recorded["observations.csv"]["rows"] == 21705
    assert {"breaks.csv", "terms.csv", "sources/published_figures_2.csv"} <= set(recorded)


def test_cli_validate_and_info(capsys):
    assert main(["data", "validate"]) == 0
    assert "0 error" in capsys.readouterr().out
    assert main(["data", "info"]) == 0
    out = capsys.readouterr().out
    assert "cq_yearbook_panel" in out and "20390 values" in out
    assert "jiangbei   ●●●●●●●●●●●●i●●●●c●··  19/21 years" in out
    assert "yuzhong" in out and "11/21 years" in out


def test_published_aggregates():
    checks = aggregate_checks().set_index(["group", "indicator", "year"])
    # 2021: the nine districts' values sum to 10927.71 against a published 10927.63, within the
    # rounding of nine two-decimal figures (南岸 880.98, not a report's rounded 880)
    row = checks.loc[("central9", "gdp", 2021)]
    assert row["members_sum"] == pytest.approx(10927.71)
    assert row["difference"] == pytest.approx(0.08)
    assert abs(row["difference"]) <= 9 * 0.01
    # 2007 registered population: the yearbook's zone total equals the sum of the nine exactly
    assert checks.loc[("central9", "pop_registered", 2007), "difference"] == pytest.approx(
        0, abs=1e-9
    )
    # 2009–2010: 渝中 has no GDP in any source, so no sum; the total implies its value
    row = checks.loc[("central9", "gdp", 2010)]
    assert row["missing"] == "yuzhong" and row["members_sum"] != row["members_sum"]  # NaN
    assert row["implied_missing_value"] == pytest.approx(3490.83 - 3043.6871)
    # 2015: a content-farm page's total is 7.2 % above the districts' sum: reported, not hidden
    assert checks.loc[("central9", "gdp", 2015), "rel_difference"] == pytest.approx(
        -0.0719, abs=1e-4
    )
