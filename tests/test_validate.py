"""validate(), the data CLI, and the published aggregates."""

import json

import pytest

from jbanalysis.cli import main
from jbanalysis.validation import aggregate_checks, validate


@pytest.fixture(scope="module")
def findings():
    return validate()


def test_bundled_data_is_valid(findings):
    assert (findings.severity == "error").sum() == 0


def test_a_rule_finds_the_csmar_unit_error_and_the_correction_fixes_it(findings):
    fixed = findings[(findings.severity == "fixed") & (findings.source_id == "csmar_city_gdp")]
    assert set(fixed.rule) == {"unit_jump", "sector_sum"}
    jumps = fixed[fixed.rule == "unit_jump"].set_index("indicator")
    assert jumps.loc["va_primary", "record"] == "line 42:GDP_PrimInd"
    assert jumps.loc["va_primary", "correction"] == "C003"
    assert "1922.03 万元" in jumps.loc["va_primary", "message"]


def test_accepted_findings_carry_their_reason(findings):
    accepted = findings[findings.severity == "accepted"]
    assert sorted(accepted.correction) == ["C008", "C009", "C010", "C011", "C012"]


def test_per_capita_rule_is_a_warning_naming_the_row(findings):
    w = findings[findings.rule == "per_capita"]
    assert set(w.severity) == {"warning"}
    first = w.iloc[0]
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
    from jbanalysis.data import data_dir, hashed_files, sha256

    package = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    recorded = {r["path"]: r for r in package["resources"]}
    for path in hashed_files():
        rel = path.relative_to(data_dir()).as_posix()
        assert recorded[rel]["hash"] == f"sha256:{sha256(path)}"
    assert recorded["observations.csv"]["rows"] == 21436


def test_cli_validate_and_info(capsys):
    assert main(["data", "validate"]) == 0
    assert "0 error" in capsys.readouterr().out
    assert main(["data", "info"]) == 0
    out = capsys.readouterr().out
    assert "cq_yearbook_panel" in out and "20390 values" in out
    assert "jiangbei" in out and "18/18 years" in out
    assert "yuzhong" in out and "9/18 years" in out


def test_published_aggregates():
    checks = aggregate_checks().set_index(["group", "indicator", "year"])
    # 2021: the nine districts' values sum to 10926.73 against a published 10927.63 (0.008 %)
    row = checks.loc[("central9", "gdp", 2021)]
    assert row["members_sum"] == pytest.approx(10926.73)
    assert row["difference"] == pytest.approx(-0.90)
    assert abs(row["rel_difference"]) < 1e-4
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
