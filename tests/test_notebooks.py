"""The four notebooks: committed without outputs, with the conventions of the design card, and
executed and rendered for Jiangbei in Chinese and for Yubei in English.

The rendered HTML is checked for its title, embedded figures, the computed takeaways (values
checked by hand against ``data/observations.csv``) and the absence of tracebacks and warnings.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from rendering import SETS

from jbanalysis import district_ids, load_panel
from jbanalysis.report.build import list_notebooks
from jbanalysis.report.execute import ReportResult

NOTEBOOKS = [
    "01_data_overview",
    "02_jiangbei_vs_central_districts",
    "03_structure",
    "04_forecasts",
    "05_claims",
]
PARAMETERS = {"district", "peers", "lang", "start_year", "end_year", "horizon"}


def reports_for(district: str, lang: str) -> tuple[Path, tuple[ReportResult, ...]]:
    """Every notebook executed and rendered for (district, lang): once per test run, shared by
    every test that reads the set (``tests/rendering.py``; mark such a test ``reports``)."""
    return SETS.get(district, lang)


def test_the_four_notebooks_are_committed_without_outputs():
    paths = list_notebooks()
    assert [p.stem for p in paths] == NOTEBOOKS
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        assert nb.metadata["kernelspec"]["name"] == "python3"
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, path.name


def test_notebooks_follow_the_conventions():
    for path in list_notebooks():
        nb = nbformat.read(path, as_version=4)
        first, second = nb.cells[0], nb.cells[1]
        # first cell: title, question and where the data vintage is stated
        assert first.cell_type == "markdown" and first.source.startswith("# ")
        assert "Question" in first.source and "Data vintage" in first.source
        # second cell: the papermill parameters, with the defaults of the issue
        assert "parameters" in second.metadata.get("tags", [])
        namespace: dict = {}
        exec(second.source, namespace)
        assert PARAMETERS <= set(namespace)
        assert (namespace["district"], namespace["peers"], namespace["lang"]) == (
            "jiangbei",
            "central",
            "zh",
        )
        tags = [t for c in nb.cells for t in c.metadata.get("tags", [])]
        assert tags.count("summary") == 1 and tags.count("header") == 1


def test_each_notebook_asks_the_question_its_report_asks():
    # typed once (jbanalysis.text.headings.QUESTIONS); the first cell's line is written from it
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[1] / "scripts" / "sync_notebook_questions.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    first = nbformat.read(list_notebooks()[0], as_version=4).cells[0].source
    assert (
        "哪些是插值、推算或更正值" in first
        and "which are interpolated, derived or corrected" in first
    )


def _check_html(page: str, title: str, min_figures: int) -> None:
    assert f"<title>{title}</title>" in page
    assert page.count('src="data:image/png;base64') >= min_figures
    assert "<script" not in page
    # The template's CSS names classes such as .alert-warning; look at the content only.
    content = re.sub(r"<style\b.*?</style>", "", page, flags=re.DOTALL)
    assert "application/vnd.jupyter.stderr" not in content  # nbconvert's mark of stderr
    for bad in ("Traceback", "Warning", "warning", "Error", "stderr"):
        assert bad not in content, bad
    # a gap is shown as a dash with its reason, never as a bare NaN in a table or sentence
    for bad in (">NaN<", ">nan<", " NaN ", " nan "):
        assert bad not in content, bad


# figures each notebook draws (01: four coverage maps, breaks; 02: GDP, the map, index, CAGR,
# real growth, shares, rank and seven indicators; 03: shares x2, LQ, shift-share, Krugman, sigma,
# beta; 04: two fans and the target)
MIN_FIGURES = {
    "01_data_overview": 5,
    "02_jiangbei_vs_central_districts": 14,
    "03_structure": 7,
    "04_forecasts": 3,
    "05_claims": 0,  # a table of verdicts, no chart
}


@pytest.mark.reports("full")
def test_reports_for_jiangbei_in_chinese():
    out, results = reports_for("jiangbei", "zh")
    assert [r.notebook for r in results] == NOTEBOOKS
    assert all(r.ok for r in results), [(r.notebook, r.cell, r.error) for r in results]
    titles = {r.notebook: r.title for r in results}
    assert titles["02_jiangbei_vs_central_districts"] == "江北区与其他中心城区比较"
    for r in results:
        assert r.html == out / f"{r.notebook}_jiangbei_zh.html"
        _check_html(r.html.read_text(encoding="utf-8"), r.title, MIN_FIGURES[r.notebook])
    summary = {r.notebook: r.summary for r in results}
    # Jiangbei's latest GDP, 2023: 1744.0 亿元, a preliminary figure from a government work
    # report; only 5 of the nine have 2023, so it is ranked in 2022: 1602.76 亿元 (maigoo, low,
    # swapped back by C002), 3rd of the 8 with 2022 data after yubei 2297.11 and jiulongpo
    # 1763.94. Growth over the longest window without a break, 2019–2023:
    # (1744.0 / 1240.07) ** (1 / 4) - 1 = 8.9 % (nominal).
    assert summary["02_jiangbei_vs_central_districts"].startswith(
        "2023年江北区地区生产总值为1744.0亿元（来自政府工作报告的初步数；2023年只有5个区有数据，不作排名）；"
        "2022年为1602.8亿元（来自汇编网站的低可靠性数值，经C002更正），在有数据的8个区中居第3位"
        "（大渡口区无数据）；2019–2023年名义年均增长8.9%"
    )
    # Coverage runs over GDP's own years among the nine (to the latest year any of them has);
    # Jiangbei has 2005-2023, 19 years, 2017 interpolated and 2022 corrected.
    gdp_years = load_panel(districts=district_ids("central"), indicators="gdp")["year"]
    last = int(gdp_years.max())
    assert summary["01_data_overview"].startswith(
        f"江北区的地区生产总值在2005–{last}年中有19年有值，最新为2023年（2017年为插值，2022年为更正值）；"
    )
    # Tertiary share: 2005 60.5 / (1.6 + 71.7 + 60.5) = 45.2 %; 2020 1040.4147 / (1.1281 +
    # 283.858 + 1040.4147) = 78.5 %.
    assert "第三产业比重由2005年的45.2%变为2020年的78.5%" in summary["03_structure"]
    # the forecast runs `horizon` (5) years past Jiangbei's latest GDP year
    jiangbei_last = int(load_panel(districts="jiangbei", indicators="gdp")["year"].max())
    assert f"{jiangbei_last + 5}年江北区地区生产总值中位预测为" in summary["04_forecasts"]
    # 05: the 57 claims of data/claims.csv (tests/test_claims.py re-derives the counts)
    assert titles["05_claims"] == "已发表数字的核查：江北区及其他各区"
    assert summary["05_claims"].startswith(
        "核查了57条说法：9条相符，0条与数据矛盾，8条部分可核，40条无法核实；"
    )
    claims_page = (out / "05_claims_jiangbei_zh.html").read_text(encoding="utf-8")
    assert "部分可核：中心城区9个区中有5个有2023年的地区生产总值增长率（可比价）" in claims_page
    assert "Question" not in claims_page and "Claims check" not in claims_page  # one language
    index = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+\.html)"', index)  # the reports (then their downloads)
    assert links == [f"{n}_jiangbei_zh.html" for n in NOTEBOOKS]


@pytest.mark.reports("full")
def test_reports_for_another_district_in_english():
    _out, results = reports_for("yubei", "en")
    assert all(r.ok for r in results), [(r.notebook, r.cell, r.error) for r in results]
    titles = {r.notebook: r.title for r in results}
    assert titles["02_jiangbei_vs_central_districts"] == "Yubei against the other central districts"
    assert titles["04_forecasts"] == "Yubei: trend forecasts and targets"
    for r in results:
        page = r.html.read_text(encoding="utf-8")
        _check_html(page, r.title, MIN_FIGURES[r.notebook])
        assert r.html.name.endswith("_yubei_en.html")
    # Yubei 2023 GDP 2442.60 亿元 = CNY 244.3 bn (an aggregator's, low reliability), unranked
    # (5 of 9 have 2023); 2022: 2297.11 亿元 = CNY 229.7 bn, the largest of the 8 with 2022 data.
    summary = {r.notebook: r.summary for r in results}
    assert summary["05_claims"].startswith(
        "57 claims checked against the bundled data: 9 consistent, 0 contradicted, 8 partly "
        "checkable and 40 not verifiable;"
    )
    assert summary["05_claims"].endswith("; 2 of the claims are about Yubei.")
    claims_page = next(r for r in results if r.notebook == "05_claims").html.read_text("utf-8")
    assert "问题" not in claims_page and "核查对象" not in claims_page  # one language
    # Yubei 2022 GDP 2297.11 亿元 = CNY 229.7 bn, the largest of the 8 with 2022 data.
    assert results[1].summary.startswith(
        "Yubei's GDP was CNY 244.3 bn in 2023 (a low-reliability value from an aggregator site; "
        "only 5 of the 9 districts have 2023 data: no rank); in 2022 it was CNY 229.7 bn, 1st of "
        "the 8 districts with data"
    )
