"""The annual update: a user data folder added to the bundle, from `data add` to a report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import jbanalysis as jb
from jbanalysis.checks.user import add, compare, validate_user
from jbanalysis.cli import main as cli_main
from jbanalysis.errors import DataError
from jbanalysis.sources import observations
from jbanalysis.sources.user import ENV

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "data" / "bad"
BULLETIN = (
    BAD / "bulletin_jiulongpo_2024.csv"
)  # 九龙坡区 2024 bulletin (published_figures_2 HO0019-HO0030)
SOURCE = [
    "--source-id",
    "jlp_bulletin_2024",
    "--title",
    "2024年九龙坡区国民经济和社会发展统计公报",
    "--url",
    "http://www.crei.cn/file/br.aspx?id=20250624095847&op=z4&x=0",
    "--kind",
    "official_bulletin",
    "--vintage",
    "first_release",
]
ADD = dict(
    source_id="jlp_bulletin_2024",
    title="2024年九龙坡区国民经济和社会发展统计公报",
    url="http://www.crei.cn/file/br.aspx?id=20250624095847&op=z4&x=0",
    kind="official_bulletin",
    vintage="first_release",
)


@pytest.mark.slow
def test_data_add_then_report_shows_the_new_figure_with_its_source(tmp_path, monkeypatch, capsys):
    """From a clean folder: data add, then report --data-dir; 2024 GDP of 九龙坡 (2060.35 亿元,
    not in the bundle when this was written) appears in the rendered report with its source."""
    monkeypatch.setenv(ENV, "")  # restored after the test: report --data-dir sets it
    folder = tmp_path / "my-data"
    code = cli_main(["data", "add", str(BULLETIN), "--data-dir", str(folder), *SOURCE])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "added 9 values as 'jlp_bulletin_2024'" in out and "0 conflict" in out
    # the figure is new, or (once the bundle transcribes the same bulletin) agrees: never a conflict
    status = compare(folder).set_index(["district", "year", "indicator"])["status"]
    assert status[("jiulongpo", 2024, "gdp")] in ("new", "agrees")
    assert status[("jiulongpo", 2024, "va_tertiary_growth")] in ("new", "agrees")
    assert not (status == "conflicts").any()
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(ROOT / "notebooks" / "01_data_overview.ipynb", notebooks)
    argv = ["report", "--data-dir", str(folder), "--district", "九龙坡", "--end-year", "2024"]
    code = cli_main(
        [*argv, "--notebooks", str(notebooks), "--out", str(tmp_path / "out"), "--jobs", "1"]
    )
    assert code == 0, capsys.readouterr().err
    page = (tmp_path / "out" / "01_data_overview_jiulongpo_zh.html").read_text(encoding="utf-8")
    assert "jlp_bulletin_2024" in page  # the source table, the counts per source, the trace
    assert "2060.35" in page and "bulletin_jiulongpo_2024.csv:row 3:2024年" in page
    assert "另加用户数据 my-data（9 个数值，来源 jlp_bulletin_2024）" in page


def test_a_wrong_unit_file_is_refused_and_nothing_is_written(tmp_path, capsys):
    wrong = tmp_path / "bulletin_wrong_unit.csv"
    wrong.write_text(BULLETIN.read_text(encoding="utf-8").replace("亿元", "万元"), encoding="utf-8")
    folder = tmp_path / "my-data"
    code = cli_main(["data", "add", str(wrong), "--data-dir", str(folder), *SOURCE])
    err = capsys.readouterr().err
    assert code == 2
    # against the bundle's 2024 value if it has one, else its nearest year (2022: 1763.94)
    assert "row 3, column '2024年': gdp 2060.35 万元 for jiulongpo 2024 is 10,000× smaller" in err
    assert "亿元 would match" in err and "--accept-implausible" in err
    assert not (folder / "sources" / "jlp_bulletin_2024.csv").exists()


def test_load_panel_merges_the_folder_by_argument_or_environment(tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    add(BULLETIN, folder, **ADD)
    key = dict(districts="jiulongpo", indicators="va_primary_growth", years=2024)
    bundled = jb.load_panel(**key)
    assert bundled.empty  # the bulletin's sector growth rates are not in the bundle
    by_arg = jb.load_panel(
        **{**key, "districts": "九龙坡", "indicators": "第一产业增加值增长率"}, user_dir=folder
    )
    assert by_arg[["value", "source_id", "source_kind"]].to_numpy().tolist() == [
        [2.3, "jlp_bulletin_2024", "official_bulletin"]
    ]
    # a value the bundle holds too: one more candidate; at equal rank the bundled one stays
    gdp = dict(districts="jiulongpo", indicators="gdp", years=2024)
    before = jb.load_panel(**gdp)
    after = jb.load_panel(**gdp, user_dir=folder)
    assert after["value"].tolist() == [2060.35]
    assert (
        after["candidates"].tolist() == [before["candidates"].iloc[0] + 1] if len(before) else True
    )
    monkeypatch.setenv(ENV, str(folder))
    by_env = jb.load_panel(**key)
    assert by_env["value"].tolist() == [2.3]
    assert "jlp_bulletin_2024" in set(jb.load_sources()["id"])
    assert "jlp_bulletin_2024" in set(jb.data.trace("九龙坡", 2024, "gdp")["source_id"])
    # the bundled observations alone stay the bundled ones
    assert "jlp_bulletin_2024" not in set(jb.data.bundled_observations()["source_id"].astype(str))


def test_the_bundle_holding_the_same_value_is_agreement_not_conflict(tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    add(BULLETIN, folder, **ADD)
    real = jb.data.bundled_observations()
    key = (real["district"] == "jiulongpo") & (real["year"] == 2024) & (real["indicator"] == "gdp")

    def bundle_with(value):
        """The bundle with (only) one 2024 GDP of 九龙坡 from a bulletin: ``value``."""
        row = real.iloc[[0]].astype(object).copy()
        row[["district", "year", "indicator", "value", "source_id", "record"]] = [
            "jiulongpo",
            2024,
            "gdp",
            value,
            "published_figures_2",
            "TEST1",
        ]
        row[["vintage", "source_kind", "published_value", "published_unit"]] = [
            "first_release",
            "official_bulletin",
            value,
            "亿元",
        ]
        rest = real[~key].astype(object)
        return pd.concat([rest, row], ignore_index=True).astype(
            {"year": int, "value": float, "published_value": float}
        )

    monkeypatch.setattr(observations, "bundled_observations", lambda: bundle_with(2060.35))
    got = compare(folder).set_index("indicator").loc["gdp"]
    assert (got["status"], got["bundled"]) == ("agrees", "2060.35 (published_figures_2 TEST1)")
    # at equal rank the bundled value is the one the panel takes
    assert got["chosen"] == "2060.35 (published_figures_2)"
    monkeypatch.setattr(observations, "bundled_observations", lambda: bundle_with(2000.0))
    got = compare(folder).set_index("indicator").loc["gdp"]
    assert got["status"] == "conflicts" and got["bundled"] == "2000 (published_figures_2 TEST1)"
    assert (validate_user(folder)["rule"] == "conflict").sum() == 1


def test_a_user_value_never_silently_outranks_an_official_statistic(tmp_path):
    table = tmp_path / "jiangbei_2020.csv"
    table.write_text("地区,2020年\n江北区,1300.0\n", encoding="utf-8")
    folder = tmp_path / "mine"
    args = dict(title="my estimate", url="", vintage="estimate", indicator="gdp", unit="亿元")
    add(table, folder, source_id="my_estimate", kind="user", **args)
    panel = jb.load_panel(districts="jiangbei", indicators="gdp", years=2020, user_dir=folder)
    assert panel[["value", "source_id", "candidates"]].to_numpy().tolist() == [
        [1325.4008, "cq_yearbook_panel", 4]
    ]
    row = compare(folder).iloc[0]
    assert (row["status"], row["chosen"]) == ("conflicts", "1325.4 (cq_yearbook_panel)")
    listed = jb.conflicts(indicators="gdp", districts="jiangbei", user_dir=folder)
    mine = listed[
        (listed["source_id_a"] == "my_estimate") | (listed["source_id_b"] == "my_estimate")
    ]
    assert len(mine) >= 1 and set(mine["year"]) == {2020}


def test_validate_data_dir_and_a_stale_folder(tmp_path, capsys):
    folder = tmp_path / "mine"
    add(BULLETIN, folder, **ADD)
    assert cli_main(["data", "validate", "--data-dir", str(folder)]) == 0  # bundle + folder
    capsys.readouterr()
    obs = folder / "observations.csv"
    obs.write_text(obs.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    findings = validate_user(folder)
    assert findings[["severity", "rule"]].to_numpy().tolist() == [["error", "stale"]]
    assert "observations.csv is not what the source tables build" in findings["message"].iloc[0]
    assert cli_main(["data", "build", "--data-dir", str(folder)]) == 0
    assert validate_user(folder).empty


def test_source_ids_and_kinds_are_checked(tmp_path):
    with pytest.raises(ValueError, match="'cq_yearbook_panel' is a bundled source"):
        add(BULLETIN, tmp_path / "x", **{**ADD, "source_id": "cq_yearbook_panel"})
    with pytest.raises(ValueError, match="unknown source kind 'official'"):
        add(BULLETIN, tmp_path / "x", **{**ADD, "kind": "official"})
    add(BULLETIN, tmp_path / "x", **ADD)
    with pytest.raises(ValueError, match=r"already in .*; pass --replace"):
        add(BULLETIN, tmp_path / "x", **ADD)
    add(BULLETIN, tmp_path / "x", **ADD, replace=True)
    assert len(pd.read_csv(tmp_path / "x" / "sources.csv")) == 1
    with pytest.raises(DataError, match=r"no such user data folder \(user_dir=\)"):
        jb.load_panel(user_dir=tmp_path / "missing")


def test_data_dir_is_a_deprecated_name_of_user_dir(tmp_path):
    """Every public function that took ``data_dir=`` still does, warns, and means ``user_dir``."""
    from jbanalysis.panel.conflicts import conflicts

    folder = tmp_path / "mine"
    add(BULLETIN, folder, **ADD)
    key = dict(districts="jiulongpo", indicators="va_primary_growth", years=2024)
    deprecated = r"\(data_dir=\.\.\.\) is deprecated: pass the folder as user_dir=\.\.\. instead"
    with pytest.warns(FutureWarning, match="load_panel" + deprecated):
        assert jb.load_panel(**key, data_dir=folder)["value"].tolist() == [2.3]
    with pytest.warns(FutureWarning, match="load_observations" + deprecated):
        assert "jlp_bulletin_2024" in set(jb.load_observations(data_dir=folder)["source_id"])
    with pytest.warns(FutureWarning, match="load_sources" + deprecated):
        assert "jlp_bulletin_2024" in set(jb.load_sources(data_dir=folder)["id"])
    with pytest.warns(FutureWarning, match="conflicts" + deprecated):
        conflicts(indicators="gdp", districts="jiulongpo", data_dir=folder)
    with pytest.warns(FutureWarning, match="compare" + deprecated):
        assert compare(data_dir=folder)["status"].tolist() == compare(folder)["status"].tolist()
    with pytest.warns(FutureWarning, match="validate_user" + deprecated):
        assert validate_user(data_dir=folder).empty
    with pytest.warns(FutureWarning, match="add" + deprecated):
        add(BULLETIN, data_dir=tmp_path / "other", **ADD)
    assert (tmp_path / "other" / "sources" / "jlp_bulletin_2024.csv").is_file()
    with pytest.raises(TypeError, match="got both user_dir= and data_dir="):
        jb.load_panel(user_dir=folder, data_dir=folder)


def test_names_as_analysts_write_them(capsys):
    assert cli_main(["data", "indicators", "--grep", "社零"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["retail_sales", "社会消费品零售总额", "Retail"]
    assert cli_main(["data", "districts", "--grep", "江北"]) == 0
    assert capsys.readouterr().out.split()[:4] == ["jiangbei", "江北区", "Jiangbei", "[central]"]
    assert cli_main(["data", "info", "--indicator", "地区生产总值"]) == 0
    assert "Coverage of gdp" in capsys.readouterr().out
    assert cli_main(["forecast", "--district", "江北", "--indicator", "地区生产总额"]) == 2
    assert "did you mean 'gdp' (地区生产总值)" in capsys.readouterr().err
    short = jb.load_panel(districts="jiangbei", indicators="社零", years=2020)
    assert short[["indicator", "value"]].to_numpy().tolist() == [["retail_sales", 687.05]]
