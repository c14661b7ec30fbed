"""Report 05 on a user's own ledger: the ``claims_file`` parameter, the rejected rows shown in the
report's language, and the ledger's text escaped where it becomes HTML."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jbanalysis.report.build import build_reports, default_notebooks_dir

LEDGER = """claim_id,text,title,date,url,district,indicator,period,kind,stated,unit,precision,group,denominator,note
U1,<script>alert(1)</script>增速第一,<b>标题</b>,2024-01-26,,江北,gdp_real_growth,2023,rank,1,,,中心城区,,
U2,GDP增长6.2%,,,,江北县,gdp_real_growth,2023,growth,6.2,%,,,,
"""


@pytest.mark.slow
def test_a_users_ledger_in_report_05(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(default_notebooks_dir() / "05_claims.ipynb", notebooks)
    ledger = tmp_path / "mine.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    (result,) = build_reports(
        "jiangbei",
        "zh",
        tmp_path / "out",
        notebooks=notebooks,
        progress=False,
        extra={"claims_file": str(ledger)},
    )
    assert result.ok, (result.cell, result.error)
    # one claim checked (partly checkable: 5 of the 9 with 2023 values), one row rejected
    assert result.summary == (
        "核查了1条说法：0条相符，0条与数据矛盾，1条部分可核，0条无法核实；相符或部分可核的说法中有1条"
        "部分依赖初步数、预计数、可靠性低或推算、插值、更正的数值；其中1条关于江北区"
        "（另有1行台账无法解读，未核查）。"
    )
    page = Path(result.html).read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page and "<b>标题</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;增速第一" in page
    assert "台账2行中核查了1行，1行无法解读" in page
    assert "“江北县”不在登记表中" in page


@pytest.mark.slow
def test_report_05_shows_an_article_going_in_and_its_verdicts_coming_out(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(default_notebooks_dir() / "05_claims.ipynb", notebooks)
    (result,) = build_reports(
        "jiangbei", "en", tmp_path / "out", notebooks=notebooks, progress=False
    )
    assert result.ok, (result.cell, result.error)
    page = Path(result.html).read_text(encoding="utf-8")
    # the bundled article quoted as printed, with where it was published
    assert "4. One article: its text, the ledger drafted from it, the verdicts" in page
    assert "<blockquote>" in page and "2017年,重庆这座山城" in page
    assert "https://www.bkwk.cn/article/jm2zqqxjjfyjmgqxgpmbhdgs.html" in page
    # the 13 claims drafted from it, the two numbers it could not encode, and the verdicts
    assert page.count("2017年,万州区GDP总量为982.58亿元,位居全市第6名。") >= 2  # draft and verdicts
    assert "a rank in 全国城市: a national group" in page
    assert (
        "13 claims checked against the bundled data: 1 consistent, 7 contradicted, 4 partly "
        "checkable and 1 not verifiable" in page
    )
    assert "the number equals the 2018 figure" in page
    assert "Agreeing with an earlier release is not a contradiction" in page
