"""``jbanalysis claims``: the verdicts printed as report 05 shows them, a user's ledger, and the
exit status that tells a script whether every row was checked."""

from __future__ import annotations

from pathlib import Path

from jbanalysis.cli import main

BAD = Path(__file__).parent / "data" / "bad_claims"


def test_the_bundled_ledger_in_english(capsys):
    assert main(["claims", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith(
        "57 claims checked against the bundled data: 9 consistent, 0 contradicted, 8 partly "
        "checkable and 40 not verifiable;"
    )
    assert lines[1].endswith("claims.csv: 57 rows in = 57 checked + 0 rejected")
    block = out.split("\nR01 ")[1].split("\n\n")[0].splitlines()
    assert block[0] == (
        "[partly checkable] Jiangbei's real GDP growth, 2023: 1st of the 9 central districts"
    )
    assert block[1].strip().startswith("实现地区生产总值1744亿元,增长6.7%")  # as printed
    assert block[2].strip().startswith("Partly checkable: 5 of the 9 central districts")


def test_filters_and_chinese(capsys):
    assert main(["claims", "--district", "渝北", "--verdict", "consistent"]) == 0
    out = capsys.readouterr().out
    ids = [line.split()[0] for line in out.splitlines() if line[:1] in "RS" and " [" in line]
    assert ids == ["R13"]  # 渝北's 2019 GDP first of the city; R06 (2023) is only partly checkable
    assert "R13 [相符] 渝北区2019年地区生产总值在全市38个区县中居第1位" in out
    assert out.splitlines()[0].endswith("；其中2条关于渝北区。")


def test_a_ledger_with_bad_rows(capsys):
    code = main(["claims", "--file", str(BAD / "two_bad_rows.csv"), "--lang", "en"])
    captured = capsys.readouterr()
    assert code == 1  # some rows were rejected; the others are printed
    assert "two_bad_rows.csv: 4 rows in = 2 checked + 2 rejected" in captured.out
    assert "G1 [partly checkable]" in captured.out and "G2 [consistent]" in captured.out
    err = captured.err.splitlines()
    assert err == [
        f"jbanalysis claims: rejected: {BAD / 'two_bad_rows.csv'}, row 3 (B1), column "
        "'district': unknown district '江北县'; did you mean '江北', '綦江县', '江北区', '垫江县'?",
        f"jbanalysis claims: rejected: {BAD / 'two_bad_rows.csv'}, row 4 (B2), column "
        "'stated': missing stated number",
    ]


def test_an_unusable_ledger_and_a_bad_district(capsys):
    assert main(["claims", "--file", str(BAD / "missing_required_column.csv")]) == 2
    assert "missing required column(s) ['stated']" in capsys.readouterr().err
    assert main(["claims", "--file", str(BAD / "nowhere.csv")]) == 2
    assert "no claims ledger at" in capsys.readouterr().err
    assert main(["claims", "--district", "江北县"]) == 2
    assert "unknown district '江北县'" in capsys.readouterr().err


ARTICLES = Path(__file__).parent / "data" / "articles"


def test_an_article_drafted_into_a_ledger_and_checked(tmp_path, capsys):
    # the 2011 bulletin of 大渡口: 19 claims drafted, the others listed with why; --check prints
    # the verdicts on the draft (all 19 rows read, so exit status 0)
    text = tmp_path / "dadukou.txt"
    text.write_text((ARTICLES / "dadukou_2011_bulletin.txt").read_text(encoding="utf-8"))
    out_file = tmp_path / "draft.xlsx"
    code = main(["claims", "--text", str(text), "--out", str(out_file), "--check", "--lang", "en"])
    assert code == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith(f"Drafted 19 claims from {text} into {out_file};")
    assert "    245.5亿元: no indicator of the registry is named for this number" in out
    assert (
        "19 claims checked against the bundled data: 13 consistent, 1 contradicted, 0 partly checkable and 5 not verifiable"
        in out
    )
    import pandas as pd

    sheets = pd.read_excel(out_file, sheet_name=None)
    assert list(sheets) == ["ledger", "not encoded"]
    assert sheets["ledger"]["indicator"].tolist()[:2] == ["gdp", "gdp_real_growth"]


def test_a_draft_is_written_beside_the_text_by_default(tmp_path, capsys):
    text = tmp_path / "note.txt"
    text.write_text("江北区2023年地区生产总值增长6.7%。", encoding="utf-8")
    assert main(["claims", "--text", str(text), "--lang", "en"]) == 0
    assert (tmp_path / "note.claims.csv").is_file()
    assert "every number was encoded" in capsys.readouterr().out


def test_text_and_file_together_are_a_usage_error(tmp_path, capsys):
    text = tmp_path / "a.txt"
    text.write_text("江北区GDP增长6.7%。", encoding="utf-8")
    assert main(["claims", "--text", str(text), "--file", "x.csv"]) == 2
    assert "give one of them" in capsys.readouterr().err
