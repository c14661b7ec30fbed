"""The report machinery: parameters checked before any kernel starts, safe file names, the
index escapes data-derived text, and a failing notebook is named with its cell while the others
still render (tiny notebooks, so this file stays fast)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from jbanalysis import cli, report
from jbanalysis.report import ReportResult


def _notebook(path: Path, *cells: nbformat.NotebookNode) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    params = nbformat.v4.new_code_cell('district = "jiangbei"\nlang = "zh"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [cells[0], params, *cells[1:]]
    nbformat.write(nb, path)
    return path


@pytest.fixture
def tiny_notebooks(tmp_path: Path) -> Path:
    """01 renders a chart and a summary; 02 fails in its fourth cell; 03 warns (stderr)."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    summary = code(
        "from IPython.display import Markdown\n"
        "import jbanalysis as jb\n"
        "Markdown(f\"GDP {jb.wide(jb.load_panel(districts=district, indicators='gdp', years=2010), 'gdp', districts=[district]).iloc[0, 0]} for {district} in {lang}\")"
    )
    summary.metadata["tags"] = ["summary"]
    _notebook(
        folder / "01_good.ipynb",
        md("# A good report"),
        summary,
        code("import matplotlib.pyplot as plt\nplt.plot([2010, 2011], [1, 2]);"),
    )
    _notebook(folder / "02_bad.ipynb", md("# Bad"), code("x = 1"), code("y = x / 0"))
    _notebook(
        folder / "03_warns.ipynb", md("# Warns"), code("import warnings\nwarnings.warn('odd')")
    )
    return folder


def test_parameters_resolve_the_district_and_check_the_language():
    assert report.report_parameters("江北区", "zh") == {"district": "jiangbei", "lang": "zh"}
    assert report.report_parameters(500112, "en")["district"] == "yubei"
    with pytest.raises(ValueError, match="unknown district"):
        report.report_parameters("Atlantis", "zh")
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en'"):
        report.report_parameters("jiangbei", "fr")


def test_output_names_come_from_registry_ids_only():
    assert report.output_name("02_x", "jiangbei", "zh") == "02_x_jiangbei_zh.html"


def test_unknown_district_exits_2_before_any_notebook_runs(monkeypatch, capsys):
    def must_not_run(*args, **kwargs):
        raise AssertionError("a notebook ran for an unknown district")

    monkeypatch.setattr(report, "build_reports", must_not_run)
    assert cli.main(["report", "--district", "../../etc/passwd", "--out", "x"]) == 2
    err = capsys.readouterr().err
    assert "unknown district '../../etc/passwd'" in err


def test_jobs_below_one_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="jobs must be a whole number >= 1"):
        report.build_reports("jiangbei", "zh", tmp_path, jobs=0)


def test_index_escapes_data_derived_text(tmp_path):
    results = [
        ReportResult(
            "01_a",
            html=tmp_path / "01_a_jiangbei_zh.html",
            title="<b>T</b>",
            summary="x < y & <script>",
        ),
        ReportResult("02_b", cell="cell 3 `a<b`", error="ValueError: <img src=x>"),
    ]
    page = report.write_index(results, tmp_path, "jiangbei", "zh").read_text(encoding="utf-8")
    assert "<script>" not in page and "<img" not in page and "<b>T</b>" not in page
    assert "x &lt; y &amp; &lt;script&gt;" in page and "&lt;b&gt;T&lt;/b&gt;" in page
    assert 'href="01_a_jiangbei_zh.html"' in page
    assert "<title>江北区：经济分析报告</title>" in page
    assert "observations.csv sha256" in page


@pytest.mark.slow
def test_a_failing_notebook_is_named_with_its_cell_and_the_others_still_render(
    tiny_notebooks, tmp_path, capsys
):
    out = tmp_path / "reports"
    code = cli.main(
        [
            "report",
            "--district",
            "渝北区",
            "--lang",
            "en",
            "--out",
            str(out),
            "--notebooks",
            str(tiny_notebooks),
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert (
        "notebook 02_bad failed at cell 4 `y = x / 0`: ZeroDivisionError: division by zero" in err
    )
    assert "notebook 03_warns failed at cell 3 `import warnings`: wrote to stderr:" in err
    assert sorted(p.name for p in out.iterdir()) == ["01_good_yubei_en.html", "index.html"]
    page = (out / "01_good_yubei_en.html").read_text(encoding="utf-8")
    assert "<title>A good report</title>" in page
    assert page.count('src="data:image/png;base64') == 1
    # Yubei's 2010 GDP in the yearbook panel: 573.635 亿元 (data/observations.csv).
    assert "GDP 573.635 for yubei in en" in page
    for bad in ("Traceback", "Warning", "<script"):
        assert bad not in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="01_good_yubei_en.html"' in index and "GDP 573.635 for yubei in en" in index
    assert "02_bad" in index and "ZeroDivisionError" in index
