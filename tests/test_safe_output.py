"""Strings from data are text in every HTML we write; file names come from registry ids only."""

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from jbanalysis.cli import main as cli_main
from jbanalysis.sources.build import build

ROOT = Path(__file__).resolve().parents[1]
ATTACK = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory) -> Path:
    """A user's data folder whose source title and district names carry markup."""
    root = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(ROOT / "data", root)
    sources = pd.read_csv(root / "sources.csv", dtype=str, keep_default_na=False)
    sources.loc[sources.id == "cq_yearbook_panel", "title"] = f"{ATTACK} yearbook"
    sources.to_csv(root / "sources.csv", index=False, lineterminator="\n")
    reg = pd.read_csv(root / "districts.csv", dtype=str, keep_default_na=False)
    jb = reg.id == "jiangbei"
    reg.loc[jb, "name_en"] = f"Jiangbei{ATTACK}"
    reg.loc[jb, "name_zh"] = f"江北{ATTACK}"
    reg.loc[jb, "aliases"] += "|江北区"  # the sources still say 江北区
    reg.to_csv(root / "districts.csv", index=False, lineterminator="\n")
    build(root)
    return root


@pytest.mark.slow
def test_markup_from_data_is_shown_as_text(hostile_data, tmp_path, monkeypatch):
    monkeypatch.setenv("JBANALYSIS_DATA", str(hostile_data))
    from jbanalysis.report.build import build_reports, list_notebooks

    notebooks = list_notebooks()[:2]  # 01: sources table; 02: district names in sentences
    results = build_reports("jiangbei", "en", out=tmp_path, notebooks=notebooks, progress=False)
    assert all(r.ok for r in results), [(r.notebook, r.cell, r.error) for r in results]
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    pages = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.html")}
    assert set(pages) == {"index.html", *(f"{n.stem}_jiangbei_en.html" for n in notebooks)}
    for name, page in pages.items():
        assert "alert(1)</script>" not in page, f"raw markup in {name}"
        assert escaped in page, f"{name} does not show the name as text"
    overview = pages["01_data_overview_jiangbei_en.html"]
    assert f"{escaped} yearbook" in overview  # the source title, in the sources table


def test_district_is_checked_before_any_file_is_written(tmp_path, capsys):
    out = tmp_path / "reports"
    for bad in ("../../x", "jiangbei/../../etc", "<script>"):
        assert cli_main(["report", "--district", bad, "--out", str(out)]) == 2
        assert "unknown district" in capsys.readouterr().err
    assert not out.exists()


def test_no_pickle_eval_or_exec_in_the_package():
    pattern = re.compile(r"\b(pickle|eval\(|exec\(|marshal|shelve)")
    hits = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "jbanalysis").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line) and "literal_eval" not in line
    ]
    assert hits == []
