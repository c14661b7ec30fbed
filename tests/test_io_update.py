"""The annual update end to end (issue 20): the README's walkthrough as printed, part-year values kept
out of the annual panel and its sentences, slips stopped or accepted with a reason, recipes."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

import jbanalysis as jb
from jbanalysis.cli import main as cli_main
from jbanalysis.errors import DataError
from jbanalysis.io import read_table
from jbanalysis.io.recipes import Recipe

ROOT = Path(__file__).resolve().parents[1]
TABLES = ROOT / "tests" / "data" / "tables"
SOURCE = ["--kind", "official_yearbook", "--vintage", "first_release", "--url", ""]


def run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(argv)
    return code, out.getvalue() + err.getvalue()


def walkthrough() -> list[tuple[str, str]]:
    """The (command, printed output) pairs of the README's annual-update section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("### The annual update, step by step")
    section = text[start : text.index("\n## ", start)]
    pairs = re.findall(r"```sh\n(.*?)\n```\n\n```text\n(.*?)\n```", section, re.S)
    assert len(pairs) == 6
    return pairs


def test_the_readme_walkthrough_prints_what_it_says(tmp_path, monkeypatch):
    """From a clean folder, each command of the README prints exactly what the README shows:
    the dry run refused and then read with --column, the add with --save-recipe, next year's
    page with --recipe, a part-year table, a slip."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("JBANALYSIS_USER_DATA", raising=False)
    folder = tmp_path / "jb-data"
    for command, printed in walkthrough():
        argv = shlex.split(command.replace("\\\n", " "))
        assert argv[0] == "jbanalysis"
        code, out = run([a.replace("~/jb-data", str(folder)) for a in argv[1:]])
        assert out.replace(str(folder), "~/jb-data").rstrip("\n") == printed, command
        assert code == (2 if "error:" in printed else 0)
    # the dry runs stored nothing; the adds stored their tables and the recipe
    sources = (folder / "sources.csv").read_text(encoding="utf-8")
    assert "cq_survey_yearbook_2020" in sources and "my_gdp_table" not in sources
    recipe = Recipe.load(folder / "recipes" / "central_3_12.json")
    assert recipe.columns == {"人均地区生产总值": "人均地区生产总值(元)"}
    assert recipe.tables[0]["heads"] == [
        "地区",
        "地区生产总值",
        "社会消费品零售总额",
        "人均地区生产总值",
        "位次",
    ]
    # next year's values are the 2020 figures of the bundle's yearbook panel, by the edition rule
    panel = jb.load_panel(
        districts="jiangbei", indicators="gdp_per_capita", years=2020, user_dir=folder
    )
    assert panel["value"].tolist() == [143380.0]


def test_part_year_values_never_feed_the_annual_panel_or_a_sentence(tmp_path):
    """A Jan-Sep bulletin (the issue's case: 渝中区 2025年1-9月, 比上年同期增长 5.1) added through
    data add: stored as Q1-Q3, absent from the annual panel, never quoted as the year's growth."""
    table = tmp_path / "yz_2025_q3.csv"
    table.write_text(
        "2025年1-9月渝中区主要经济指标\n指标,单位,2025年1-9月,比上年同期增长(%)\n"
        "地区生产总值,亿元,1290.0,5.1\n",
        encoding="utf-8",
    )
    folder = tmp_path / "mine"
    code, out = run(
        ["data", "add", str(table), "--user-dir", str(folder), "--source-id", "yz_2025_q3",
         "--title", "渝中区2025年1-9月主要经济指标", *SOURCE]
    )  # fmt: skip
    assert code == 0, out
    mine = jb.load_observations(user_dir=folder)
    mine = mine[mine["source_id"] == "yz_2025_q3"]
    assert sorted(
        zip(mine["indicator"], mine["year"], mine["period"], mine["value"], strict=True)
    ) == [
        ("gdp", 2025, "Q1-Q3", 1290.0),
        ("gdp_real_growth", 2025, "Q1-Q3", 5.1),
    ]
    annual = jb.load_panel(
        districts="central", indicators=["gdp", "gdp_real_growth"], user_dir=folder
    )
    # the bundle's annual 2025 figure (the work report's 1781.8, published_figures_3) stays; the
    # January–September values never stand in for the year
    yz2025 = annual[(annual["year"] == 2025) & (annual["district"] == "yuzhong")]
    assert "yz_2025_q3" not in set(yz2025["source_id"].astype(str))
    assert yz2025.set_index("indicator")["value"].to_dict() == {"gdp": 1781.8}
    part = jb.load_panel(
        districts="yuzhong", indicators="gdp_real_growth", period="Q1-Q3", user_dir=folder
    )
    assert part.loc[part["year"] == 2025, "value"].tolist() == [5.1]
    from jbanalysis import metrics
    from jbanalysis.text.sentences.versus import real_growth_sentence

    real = metrics.real_growth_comparison(annual, "yuzhong", "central")
    assert real.real.standing.latest_year < 2025  # the latest full year the bundle has
    for lang in ("zh", "en"):
        sentence = real_growth_sentence(real, lang)
        assert "2025" not in sentence and "5.1%" not in sentence, sentence


def test_a_slip_is_refused_and_an_accepted_one_is_listed_by_validate(tmp_path):
    folder = tmp_path / "mine"
    args = ["data", "add", str(TABLES / "slip_years.csv"), "--user-dir", str(folder),
            "--source-id", "my_gdp", "--title", "typed", "--indicator", "gdp", *SOURCE]  # fmt: skip
    code, out = run(args)
    assert code == 2 and "gdp 15177 亿元 for yuzhong 2021 is 10× larger than 1517.7 亿元" in out
    assert not (folder / "sources" / "my_gdp.csv").exists()
    code, out = run([*args, "--accept-implausible", "as printed on page 12"])
    assert code == 0, out
    stored = (folder / "sources" / "my_gdp.csv").read_text(encoding="utf-8")
    assert "accepted as plausible: as printed on page 12 (gdp 15177 亿元 for yuzhong 2021" in stored
    code, out = run(["data", "validate", "--user-dir", str(folder)])
    assert code == 0, out
    listed = [line for line in out.splitlines() if line.startswith("accepted: slip:")]
    assert listed == [
        f"accepted: slip: {folder}/sources/my_gdp.csv, {'slip_years.csv:row 3:2021年'}: accepted "
        "outlier: yuzhong 2021 gdp 15177 亿元: as printed on page 12 (gdp 15177 亿元 for yuzhong "
        "2021 is 10× larger than 1517.7 亿元 in the same year (published_figures PF0130): a decimal "
        "point out of place?)"
    ]


def test_accept_implausible_wants_a_reason(tmp_path):
    with pytest.raises(
        ValueError, match="accept_implausible takes the reason the values are right"
    ):
        read_table(TABLES / "slip_years.csv", indicator="gdp", accept_implausible=True)


def test_a_recipe_refuses_a_changed_layout_with_what_changed(tmp_path):
    folder = tmp_path / "mine"
    base = ["--user-dir", str(folder), *SOURCE, "--title", "重庆调查年鉴 3-12"]
    code, out = run(
        ["data", "add", str(TABLES / "central_yearbook_2020.xlsx"), "--source-id", "yb2020", *base,
         "--column", "人均地区生产总值=人均地区生产总值(元)", "--save-recipe", "central"]
    )  # fmt: skip
    assert code == 0, out
    changed = tmp_path / "central_yearbook_2022.xlsx"
    shutil.copy(TABLES / "central_yearbook_2021.xlsx", changed)
    book = load_workbook(changed)
    sheet = book.active
    sheet["D4"] = "人均地区生产总值(元)"
    sheet["E4"] = "比上年增长(%)"
    book.save(changed)
    code, out = run(
        ["data", "add", str(changed), "--source-id", "yb2022", *base, "--recipe", "central"]
    )
    assert code == 2
    assert out.strip() == (
        f"jbanalysis data: error: {changed}, sheet '3-12 (2021)': the layout changed since recipe "
        f"'central' was saved (from central_yearbook_2020.xlsx, {Recipe.load(folder / 'recipes' / 'central.json').saved}): "
        "column D was '人均地区生产总值', now '人均地区生产总值(元)'; column E was '位次', now "
        "'比上年增长(%)'. Check the new reading with --dry-run (without --recipe) and save the "
        "recipe again with --save-recipe"
    )
    code, out = run(
        ["data", "add", str(changed), "--source-id", "yb2022", *base, "--recipe", "nothing"]
    )
    assert code == 2 and "no recipe 'nothing'; the folder's recipes: central" in out


def test_explain_prints_the_reading(capsys):
    obs = read_table(TABLES / "years_backwards.csv", explain=True)
    printed = capsys.readouterr().out
    assert printed.splitlines()[:5] == [
        "years_backwards.csv: districts_rows table (utf-8): 2 rows in = 2 used + 0 rejected; 6 values, 0 missing cells (not zero)",
        "  column #1 '地区': key: the district of each row",
        "  column #2 '2021年': values: gdp (地区生产总值) · 2021 · the year · 亿元 · 2 values",
        "  column #3 '2020年': values: gdp (地区生产总值) · 2020 · the year · 亿元 · 2 values",
        "  column #4 '比上年增长(%)': values: gdp_real_growth (地区生产总值增长率（可比价）) · 2021 · "
        "the year · % · growth, price basis not stated (the registry's growth indicator) · its year "
        "and period from the column beside it (#2) · 2 values",
    ]
    assert printed.strip() == obs.attrs["report"].explain()


def test_columns_override_roles_and_is_checked(tmp_path):
    path = TABLES / "rank.csv"
    obs = read_table(path, columns={"位次": "ignore", "2020年地区生产总值(亿元)": "gdp|2019"})
    assert sorted(set(obs["year"])) == [2019]
    with pytest.raises(DataError, match="columns= names '比重', which is no column of the table"):
        read_table(path, columns={"比重": "ignore"})
    with pytest.raises(ValueError, match="cannot read the role 'gpd'"):
        read_table(path, columns={"位次": "gpd"})


def test_a_growth_written_as_a_fraction_is_a_slip(tmp_path):
    from jbanalysis.sources.read import read_table as read_as_users_do

    path = tmp_path / "fraction.csv"
    path.write_text("地区,2021年比上年增长(%)\n渝中区,0.061\n渝北区,0.085\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_as_users_do(path, indicator="gdp")
    assert err.value.reason.splitlines()[1] == (
        "  row 2, column '2021年比上年增长(%)': gdp_real_growth 0.061 % for yuzhong 2021 is far "
        "from 6.1 in the same year (published_figures PF0141): a fraction where a percent is "
        "expected (0.061 for 6.1%)?"
    )
