"""The report machinery: parameters checked before any kernel starts, safe file names, the
index escapes data-derived text, and a failing notebook is named with its cell while the others
still render (tiny notebooks, so this file stays fast)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from test_notebooks import MIN_FIGURES, reports_for

from jbanalysis import cli, load_panel, report
from jbanalysis.report import capture as kernel_capture
from jbanalysis.report import workbook
from jbanalysis.report.execute import ReportResult


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


# ---------------------------------------------------------------- downloads and alt text


def test_record_does_nothing_outside_a_report_run(tmp_path, monkeypatch):
    monkeypatch.delenv(kernel_capture.CAPTURE_ENV, raising=False)
    kernel_capture.record("bars", pd.Series({"jiangbei": 1.0}))
    monkeypatch.setenv(kernel_capture.CAPTURE_ENV, str(tmp_path))
    kernel_capture.record("bars", pd.Series({"jiangbei": 1.0}, name="cagr"), title="CAGR")
    (capture,) = kernel_capture.read_captures(tmp_path)
    assert (capture.kind, capture.title, capture.data.to_dict()) == (
        "bars",
        "CAGR",
        {"cagr": {"jiangbei": 1.0}},
    )


def test_a_coverage_map_is_written_long_with_the_provenance_of_each_cell():
    """Districts x years of flags (as coverage_heatmap draws them), titled with the indicator's
    name: each present cell names its observation, a gap says so."""
    panel = load_panel(districts=["jiangbei", "yuzhong"], indicators="gdp", years=[2016, 2017])
    matrix = pd.DataFrame(
        {2016: ["observed", ""], 2017: ["interpolated", ""]}, index=["jiangbei", "yuzhong"]
    )
    rows = workbook.tidy(kernel_capture.Capture(1, "coverage", matrix, title="地区生产总值"), panel)
    assert rows[["district", "year", "value", "record", "basis"]].to_numpy().tolist() == [
        ["jiangbei", 2016, "observed", "Sheet1!V365", "panel"],
        ["yuzhong", 2016, "", "", "gap"],
        ["jiangbei", 2017, "interpolated", "Sheet1!V366", "panel"],
        ["yuzhong", 2017, "", "", "gap"],
    ]


def test_sheet_names_are_valid_for_excel():
    assert workbook.sheet_name(7, "GDP: rank [2005/2022]?", "lines") == "07 GDP rank 20052022"
    assert len(workbook.sheet_name(1, "x" * 40, "lines")) == 31


def test_the_index_links_each_report_and_its_downloads(tmp_path):
    ok = ReportResult(
        "02_b",
        html=tmp_path / "02_b_jiangbei_en.html",
        title="B",
        summary="s",
        workbook=tmp_path / "02_b_jiangbei_en.xlsx",
        data_folder=tmp_path / "02_b_jiangbei_en_data",
    )
    page = report.write_index([ok], tmp_path, "jiangbei", "en").read_text(encoding="utf-8")
    assert re.findall(r'href="([^"]+)"', page) == [
        "02_b_jiangbei_en.html",
        "02_b_jiangbei_en.xlsx",
        "02_b_jiangbei_en_data/",
    ]
    assert '<html lang="en">' in page and "<title>Jiangbei: economic reports</title>" in page


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.alts: list[str | None] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.alts.append(attrs.get("alt"))
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])


def _parse(page: str) -> _Images:
    parsed = _Images()
    parsed.feed(page)
    return parsed


@pytest.mark.reports("full")
@pytest.mark.parametrize(("district", "lang"), [("jiangbei", "zh"), ("yubei", "en")])
def test_every_chart_has_alt_text_its_takeaway_or_its_title(district, lang):
    _out, results = reports_for(district, lang)
    for r in results:
        page = _parse(r.html.read_text(encoding="utf-8"))
        if MIN_FIGURES[r.notebook] == 0:  # 05_claims: a table of verdicts, no image
            assert not page.alts, r.notebook
            continue
        assert page.alts and all(page.alts), r.notebook
        assert "No description has been provided for this image" not in page.alts
    versus = _parse(results[1].html.read_text(encoding="utf-8"))
    # the GDP chart: its takeaway sentence, which is also the report's summary's first sentence
    assert results[1].summary.startswith(versus.alts[0])
    # the map has no sentence under it: its title says what it shows
    expected = {
        "zh": "地区生产总值，2020年：38个区县中38个有数据",
        "en": "GDP, 2020: 38 of 38 units with data",
    }
    assert versus.alts[1] == expected[lang]


@pytest.mark.reports("full")
@pytest.mark.parametrize(("district", "lang"), [("jiangbei", "zh"), ("yubei", "en")])
def test_downloads_are_linked_and_equal_to_the_panel(district, lang):
    out, results = reports_for(district, lang)
    panel = load_panel().set_index(["district", "year", "indicator"])
    index = _parse((out / "index.html").read_text(encoding="utf-8")).hrefs
    for r in results:
        assert r.workbook == out / f"{r.html.stem}.xlsx" and r.workbook.is_file()
        csvs = sorted(r.data_folder.glob("*.csv"))
        assert csvs and r.data_folder == out / f"{r.html.stem}_data"
        links = _parse(r.html.read_text(encoding="utf-8")).hrefs
        assert r.workbook.name in links and f"{r.data_folder.name}/" in links
        assert {f"{r.data_folder.name}/{c.name}" for c in csvs} <= set(links)
        assert {r.html.name, r.workbook.name, f"{r.data_folder.name}/"} <= set(index)
        book = pd.read_excel(r.workbook, sheet_name=None, dtype=str, keep_default_na=False)
        assert next(iter(book)) == "about"
        charts = [c for c in csvs if not c.stem.endswith(("_table", "_panel"))]
        assert bool(charts) == (MIN_FIGURES[r.notebook] > 0), r.notebook  # 05 has tables only
        for csv in csvs:
            frame = pd.read_csv(csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
            if not csv.stem.endswith("_panel"):  # the loaded panel is a CSV only
                (sheet,) = [s for s in book if s.startswith(csv.stem[:2] + " ")]
                assert book[sheet].shape == frame.shape, (r.notebook, sheet)
            if csv in charts:
                _check_against_panel(frame, panel, f"{r.notebook} {csv.name}")


def _check_against_panel(frame: pd.DataFrame, panel: pd.DataFrame, where: str) -> None:
    """Every row that names an observation names the panel's own, with its provenance; a row
    whose value is the panel's says so."""
    named = frame[frame["source_id"] != ""]
    for row in named.itertuples(index=False):
        chosen = panel.loc[(row.district, int(row.year), row.indicator)]
        for column in ("unit", "source_id", "record", "vintage", "flag"):
            assert getattr(row, column) == str(chosen[column]), (where, row, column)
        if row.basis == "panel":  # the value drawn is the panel's (a coverage cell: its flag)
            try:
                drawn = float(row.value)
            except ValueError:
                assert row.value == chosen["flag"], (where, row)
            else:
                assert drawn == pytest.approx(float(chosen["value"]), rel=1e-9), (where, row)
    assert set(frame["basis"]) <= {"panel", "computed", "gap"}, where
    assert (frame.loc[frame["basis"] == "gap", "source_id"] == "").all(), where


@pytest.mark.reports("full")
def test_the_numbers_behind_the_gdp_chart_and_the_map_hand_checked():
    _out, results = reports_for("jiangbei", "zh")
    folder = results[1].data_folder
    level = pd.read_csv(folder / "01_lines.csv", encoding="utf-8-sig")
    jiangbei = level[(level["district"] == "jiangbei") & (level["year"] == 2022)].iloc[0]
    # 1602.76 亿元: maigoo's 渝中 value swapped back by correction C002 (data/corrections.csv)
    assert (jiangbei["value"], jiangbei["flag"], jiangbei["source_id"], jiangbei["basis"]) == (
        1602.76,
        "corrected",
        "published_figures",
        "panel",
    )
    interpolated = level[(level["year"] == 2017) & (level["flag"] == "interpolated")]
    assert len(interpolated) == 8  # the central districts but Yuzhong, as the chart's circles
    chart = pd.read_csv(folder / "02_map.csv", encoding="utf-8-sig")
    assert len(chart) == 38 and set(chart["year"]) == {2020} and (chart["basis"] == "panel").all()
    by_district = chart.set_index("district")
    # 2020 GDP: Jiangbei 1325.4008 (yearbook panel, row V369), Yuzhong 1357.6 (published figures)
    assert by_district.loc["jiangbei", ["value", "record"]].tolist() == [1325.4008, "Sheet1!V369"]
    assert by_district.loc["yuzhong", ["value", "source_id"]].tolist() == [
        1357.6,
        "published_figures",
    ]
