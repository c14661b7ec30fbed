"""Every sentence of the claims check in both languages, against hand-checked expectations, and
the rules of issue 13: one language per report, the values a verdict rests on named with their
source, and what would settle an unverifiable claim."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from test_claims import FULL, check, claim, nine, rows

import jbanalysis as jb
from jbanalysis.claims import explain as sc
from jbanalysis.claims.ledger import LedgerProblem, LedgerReport

CJK = re.compile(r"[\u4e00-\u9fff]")
# record ids are identifiers, not words: HO0016, PF0614, Sheet1!V432, H001
RECORD = re.compile(r"\b(?:[A-Z]{1,2}\d{3,4}|Sheet1![A-Z]+\d+)\b")

PANEL = rows(
    ("jiangbei", "gdp", 2020, 1325.4008),
    ("jiangbei", "gdp_real_growth", 2023, 6.7),
    ("jiangbei", "gdp", 2022, 250.0),
    ("chongqing", "gdp", 2022, 1000.0),
    ("yubei", "gdp", 2022, 300.0),
    ("yuzhong", "gdp", 2022, 300.0),
)
CLAIMS = [
    claim("v_ok", "value", "1325", year=2020, unit="亿元"),
    claim("v_bad", "value", "1320", year=2020, unit="亿元"),
    claim("g_bad", "growth", "6.2", "gdp_real_growth", 2023),
    claim("v_none", "value", "5560", "commodity_sales", 2023, unit="亿元", period="2023 Q1-Q3"),
    claim("s_ok", "share", "1/4", precision="四分之一", denominator="全市"),
    claim("s_part", "share", "1/4", precision="四分之一", denominator="中心城区"),
    claim("s_grp_bad", "share", "1/2", precision="一半", denominator="中心城区"),
]
EXPECTED = {
    # 1325.4008 lies in 1324.5-1325.5; not in 1315-1325 (1320 is rounded at its last digit: ±5)
    (
        "v_ok",
        "zh",
    ): "相符：数据中江北区2020年的地区生产总值为1325.4008亿元（H000，统计公报，首发数），"
    "在所称1325亿元的印刷精度（1324.5亿元–1325.5亿元）之内。",
    ("v_ok", "en"): "Consistent: the data give Jiangbei's GDP in 2020 as CNY 132.54008 bn (H000, "
    "statistical bulletin, first release), within the printed precision of the CNY 132.5 bn "
    "claimed (CNY 132.45 bn–CNY 132.55 bn).",
    ("v_bad", "zh"): "与数据矛盾：数据中江北区2020年的地区生产总值为1325.4008亿元（H000，统计公报，"
    "首发数），不在所称1320亿元的印刷精度（1315亿元–1325亿元）之内。",
    (
        "v_bad",
        "en",
    ): "Contradicted: the data give Jiangbei's GDP in 2020 as CNY 132.54008 bn (H000, "
    "statistical bulletin, first release), outside the printed precision of the CNY 132.0 bn "
    "claimed (CNY 131.5 bn–CNY 132.5 bn).",
    # real growth 6.7 against the article's 6.2 (6.15-6.25)
    (
        "g_bad",
        "zh",
    ): "与数据矛盾：数据中江北区2023年的地区生产总值增长率（可比价）为6.7%（H001，统计公报，"
    "首发数），不在所称6.2%的印刷精度（6.15%–6.25%）之内。",
    (
        "g_bad",
        "en",
    ): "Contradicted: the data give Jiangbei's real GDP growth in 2023 as 6.7% (H001, "
    "statistical bulletin, first release), outside the printed precision of the 6.2% claimed "
    "(6.15%–6.25%).",
    (
        "v_none",
        "zh",
    ): "无法核实：数据中没有江北区2023年前三季度的商品销售总额（数据中没有任何商品销售总额"
    "数据）；需要江北区2023年前三季度的商品销售总额才能核实。",
    (
        "v_none",
        "en",
    ): "Not verifiable: Jiangbei has no Q1–Q3 2023 figure for commodity sales (the data "
    "hold no commodity sales figures at all); Jiangbei's commodity sales for Q1–Q3 2023 would "
    "settle it.",
    # 250 / 1000 = 25.0 %, inside 四分之一's 22.5-27.5 %
    (
        "s_ok",
        "zh",
    ): "相符：江北区2022年的地区生产总值为250亿元（H002，统计公报，首发数），重庆市为1000亿元"
    "（H003，统计公报，首发数），占25.0%，在所称四分之一的范围（22.5%–27.5%）之内。",
    (
        "s_ok",
        "en",
    ): "Consistent: Jiangbei's GDP in 2022 is CNY 25.0 bn (H002, statistical bulletin, "
    "first release) and Chongqing's CNY 100.0 bn (H003, statistical bulletin, first release): a "
    "share of 25.0%, within the range of the 1/4 claimed (22.5%–27.5%).",
    # 250 / (250 + 300 + 300) = 29.4 % at most
    (
        "s_part",
        "zh",
    ): "部分可核：江北区2022年的地区生产总值为250亿元（H002，统计公报，首发数），占中心城区"
    "9个区中有数据各单位合计的29.4%（实际比重更低）；大渡口区、沙坪坝区、九龙坡区、南岸区、北碚区、巴南区"
    "无数据，比重无法算出。",
    ("s_part", "en"): "Partly checkable: Jiangbei's GDP in 2022 is CNY 25.0 bn (H002, statistical "
    "bulletin, first release), 29.4% of the members of the 9 central districts with figures (the "
    "true share is lower); Dadukou, Shapingba, Jiulongpo, Nan'an, Beibei and Banan have no "
    "figure, so the share cannot be computed.",
    (
        "s_grp_bad",
        "zh",
    ): "与数据矛盾：江北区2022年的地区生产总值为250亿元（H002，统计公报，首发数）；即使"
    "不计缺数的大渡口区、沙坪坝区、九龙坡区、南岸区、北碚区、巴南区，其占中心城区9个区的比重也至多为29.4%，"
    "低于所称一半的下限45.0%。",
    ("s_grp_bad", "en"): "Contradicted: Jiangbei's GDP in 2022 is CNY 25.0 bn (H002, statistical "
    "bulletin, first release); even without Dadukou, Shapingba, Jiulongpo, Nan'an, Beibei and "
    "Banan, who have no figure, it is at most 29.4% of the 9 central districts, below the 45.0% "
    "that the 1/2 claimed allows.",
}
RANKS = {
    # five of nine with values (the 2023 pattern): first of five, 1st to 5th in all
    (
        "r_part",
        "zh",
    ): "部分可核：中心城区9个区中有5个有2023年的地区生产总值增长率（可比价），其中江北区"
    "（6.7%，H001，统计公报，首发数）居第1位，高于九龙坡区（6.5%）、渝中区（5.2%）、北碚区（4.3%）、渝北区"
    "（4.2%）；大渡口区、沙坪坝区、南岸区、巴南区无数据，实际位次可能在第1至第5位之间。",
    (
        "r_part",
        "en",
    ): "Partly checkable: 5 of the 9 central districts have a 2023 figure for real GDP "
    "growth; among them Jiangbei (6.7%; H001, statistical bulletin, first release) ranks 1st, "
    "above Jiulongpo (6.5%), Yuzhong (5.2%), Beibei (4.3%) and Yubei (4.2%); Dadukou, Shapingba, "
    "Nan'an and Banan have no figure, so its rank could be anywhere from 1st to 5th.",
    (
        "r_bad",
        "zh",
    ): "与数据矛盾：中心城区9个区中有5个有2023年的地区生产总值增长率（可比价），其中江北区"
    "（6.7%，H001，统计公报，首发数）居第1位，高于九龙坡区（6.5%）、渝中区（5.2%）、北碚区（4.3%）、渝北区"
    "（4.2%）；大渡口区、沙坪坝区、南岸区、巴南区无数据，实际位次可能在第1至第5位之间，不是所称的第6位。",
    ("r_bad", "en"): "Contradicted: 5 of the 9 central districts have a 2023 figure for real GDP "
    "growth; among them Jiangbei (6.7%; H001, statistical bulletin, first release) ranks 1st, "
    "above Jiulongpo (6.5%), Yuzhong (5.2%), Beibei (4.3%) and Yubei (4.2%); Dadukou, Shapingba, "
    "Nan'an and Banan have no figure, so its rank could be anywhere from 1st to 5th, not 6th as "
    "claimed.",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_value_and_share_sentences(lang):
    result = check(CLAIMS, PANEL, lang=lang)
    for (cid, want_lang), text in EXPECTED.items():
        if want_lang == lang:
            assert result.at[cid, "explanation"] == text, cid
            assert sc.explanation(result.loc[cid], lang) == text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rank_sentences(lang):
    values = {d: FULL[d] for d in ("yuzhong", "jiangbei", "jiulongpo", "beibei", "yubei")}
    result = check(
        [
            claim("r_part", "rank", "1", "gdp_real_growth", 2023, group="中心城区"),
            claim("r_bad", "rank", "6", "gdp_real_growth", 2023, group="中心城区"),
        ],
        nine(values),
        lang=lang,
    )
    for (cid, want_lang), text in RANKS.items():
        if want_lang == lang:
            assert result.at[cid, "explanation"] == text, cid


def test_complete_ties_bounds_and_alone_in_both_languages():
    tie = nine({**FULL, "yubei": 6.7})
    zh = check([claim("t", "rank", "1", "gdp_real_growth", 2023, group="中心城区")], tie, lang="zh")
    en = check([claim("t", "rank", "1", "gdp_real_growth", 2023, group="中心城区")], tie, lang="en")
    assert zh.at["t", "explanation"].startswith(
        "相符：中心城区9个区都有2023年的地区生产总值增长率（可比价），江北区（6.7%，H002，统计公报，首发数）"
        "居第1位，与渝北区（6.7%）持平，高于九龙坡区（6.5%）"
    )
    assert en.at["t", "explanation"].startswith(
        "Consistent: all 9 central districts have a 2023 figure for real GDP growth; Jiangbei "
        "(6.7%; H002, statistical bulletin, first release) ranks 1st, level with Yubei (6.7%); "
        "above Jiulongpo (6.5%)"
    )
    panel = rows(("banan", "gdp", 2024, 1188.8), ("jiulongpo", "gdp", 2024, 2060.35))
    bound = rows(("shapingba", "gdp", 2024, 1200.0), bound=">", vintage="preliminary")
    args = [claim("b", "rank", "1", year=2024, district="巴南", group="中心城区")], panel, bound
    assert (
        "沙坪坝区只有界限（超过1200亿元，H000，统计公报，初步数），也在其前"
        in check(*args, lang="zh").at["b", "explanation"]
    )
    assert (
        "Shapingba has only a bound (more than CNY 120.0 bn; H000, statistical bulletin, "
        "preliminary) and is ahead too" in check(*args, lang="en").at["b", "explanation"]
    )
    alone = nine({"jiangbei": 6.7})
    args = [claim("a", "rank", "1", "gdp_real_growth", 2023, group="中心城区")], alone
    assert (
        check(*args, lang="zh")
        .at["a", "explanation"]
        .startswith(
            "无法核实：中心城区9个区中只有江北区有2023年的地区生产总值增长率（可比价），无从比较；"
            "需要渝中区、大渡口区、沙坪坝区、九龙坡区、南岸区、北碚区、渝北区、巴南区（8个单位）"
        )
    )
    assert (
        check(*args, lang="en")
        .at["a", "explanation"]
        .startswith(
            "Not verifiable: of the 9 central districts, only Jiangbei has a 2023 figure for real GDP "
            "growth, so there is nothing to compare; the real GDP growth of Yuzhong, Dadukou"
        )
    )


def test_bound_sentences_in_both_languages():
    bound = rows(("shapingba", "gdp", 2024, 1200.0), bound=">", source_kind="gov_plan_report")
    claims = [
        claim("p", "value", "1250", year=2024, district="沙坪坝", unit="亿元"),
        claim("c", "value", "1100", year=2024, district="沙坪坝", unit="亿元"),
    ]
    zh, en = check(claims, [], bound, lang="zh"), check(claims, [], bound, lang="en")
    assert zh.at["p", "explanation"] == (
        "部分可核：数据中沙坪坝区2024年的地区生产总值只有一个界限：超过1200亿元（H000，计划执行报告，"
        "首发数），与所称的1250亿元不矛盾，但不能证实。"
    )
    assert en.at["c", "explanation"] == (
        "Contradicted: the data hold only a bound for Shapingba's GDP in 2024: more than CNY "
        "120.0 bn (H000, plan execution report, first release), which rules out the CNY 110.0 bn "
        "claimed (CNY 105.0 bn–CNY 115.0 bn)."
    )


def test_caveat_sentences_in_both_languages():
    panel = nine(FULL)
    for r in panel:
        if r["district"] in ("jiangbei", "yuzhong"):
            r.update(vintage="preliminary", source_kind="gov_work_report")
        if r["district"] == "yubei":
            r.update(reliability="low", source_kind="aggregator")
    args = [claim("c", "rank", "1", "gdp_real_growth", 2023, group="中心城区")], panel
    zh = check(*args, lang="zh").at["c", "explanation"]
    en = check(*args, lang="en").at["c", "explanation"]
    assert zh.endswith(
        "注意：9个数值中2个为初步数（渝中区：政府工作报告；江北区：政府工作报告）；"
        "9个数值中1个可靠性低（渝北区：汇编网站）。"
    )
    assert en.endswith(
        "Note: 2 of the 9 values are preliminary figures (Yuzhong: government work report; "
        "Jiangbei: government work report); 1 of the 9 values is of low reliability (Yubei: "
        "aggregator site)."
    )


@pytest.fixture(scope="module")
def bundled() -> dict[str, pd.DataFrame]:
    return {lang: jb.check_claims(lang=lang) for lang in ("zh", "en")}


def test_the_2023_ranking_statement_in_words(bundled):
    zh = bundled["zh"].set_index("claim_id").at["R01", "explanation"]
    en = bundled["en"].set_index("claim_id").at["R01", "explanation"]
    assert zh == (
        "部分可核：中心城区9个区中有5个有2023年的地区生产总值增长率（可比价），其中江北区（6.7%，HO0016，"
        "政府工作报告，初步数）居第1位，高于九龙坡区（6.5%）、渝中区（5.2%）、北碚区（4.3%）、渝北区（4.2%）；"
        "大渡口区、沙坪坝区、南岸区、巴南区无数据，实际位次可能在第1至第5位之间。注意：5个数值中2个为初步数"
        "（渝中区：计划执行报告；江北区：政府工作报告）；5个数值中1个可靠性低（渝北区：汇编网站）；5个数值中"
        "1个来自汇编网站或新闻转载（北碚区：汇编网站）；江北区的数值出自作出该说法的同一页面，不是独立的核对。"
    )
    assert en == (
        "Partly checkable: 5 of the 9 central districts have a 2023 figure for real GDP growth; "
        "among them Jiangbei (6.7%; HO0016, government work report, preliminary) ranks 1st, above "
        "Jiulongpo (6.5%), Yuzhong (5.2%), Beibei (4.3%) and Yubei (4.2%); Dadukou, Shapingba, "
        "Nan'an and Banan have no figure, so its rank could be anywhere from 1st to 5th. Note: 2 of "
        "the 5 values are preliminary figures (Yuzhong: plan execution report; Jiangbei: government "
        "work report); 1 of the 5 values is of low reliability (Yubei: aggregator site); 1 of the 5 "
        "values is republished by an aggregator or news site (Beibei: aggregator site); Jiangbei's "
        "own figure comes from the page that makes the claim, so it is not an independent check."
    )


def test_one_language_per_sentence(bundled):
    for text in bundled["en"]["explanation"]:
        assert not CJK.search(text), text
    for text in bundled["zh"]["explanation"]:
        assert not re.search(r"[A-Za-z]", RECORD.sub("", text)), text
    zh = sc.verdict_table(bundled["zh"], "zh", "jiangbei")
    en = sc.verdict_table(bundled["en"], "en", "jiangbei")
    assert list(zh.columns) == ["编号", "核查对象", "原文", "出处", "结论", "依据"]
    assert list(en.columns) == [
        "claim",
        "what is checked",
        "as printed",
        "published in",
        "verdict",
        "evidence",
    ]
    for column in ("核查对象", "结论", "依据"):
        for text in zh[column]:
            assert not re.search(r"[A-Za-z]", RECORD.sub("", text)), text
    for column in ("what is checked", "verdict", "evidence"):
        for text in en[column]:
            assert not CJK.search(text), text
    # the claim as printed and the publication's title are quoted as published in both
    assert zh["原文"].tolist() == en["as printed"].tolist()
    # claims about the report's district come first
    assert en["claim"].iloc[0] == "S01" and en["claim"].iloc[-1] == "R24"
    first_other = en.index[en["what is checked"].str.startswith("Wanzhou")][0]
    assert en.loc[first_other:, "what is checked"].str.startswith("Jiangbei").sum() == 0


def test_summary_sentences(bundled):
    # 57 claims: 9 consistent (R13-R17, R21-R24), 8 partly checkable, 40 not verifiable;
    # of the 17, 8 rest on weak values (R01, R02, R04, R05, R06, R07, R12, R24)
    assert sc.summary_sentence(bundled["zh"], "jiangbei", "zh") == (
        "核查了57条说法：9条相符，0条与数据矛盾，8条部分可核，40条无法核实；相符或部分可核的说法中有8条"
        "部分依赖初步数、预计数、可靠性低或推算、插值、更正的数值；其中49条关于江北区。"
    )
    assert sc.summary_sentence(bundled["en"], "jiangbei", "en") == (
        "57 claims checked against the bundled data: 9 consistent, 0 contradicted, 8 partly "
        "checkable and 40 not verifiable; 8 of the consistent or partly checkable verdicts rest in "
        "part on preliminary, estimated, low-reliability, derived, interpolated or corrected "
        "values; 49 of the claims are about Jiangbei."
    )
    result = bundled["en"].copy()
    result.attrs["report"] = LedgerReport(
        "x.csv", 59, 57, [LedgerProblem("x.csv", 4, "", "kind", "")] * 2
    )
    assert sc.summary_sentence(result, None, "en").endswith(
        "values (1 ledger row could not be read and was not checked)."
    )


def test_rejected_rows_in_both_languages():
    report = LedgerReport(
        "x.csv",
        3,
        1,
        [
            LedgerProblem("x.csv", 3, "S9", "district", "…", "unknown", "江北县"),
            LedgerProblem("x.csv", 4, "S10", "stated", "…", "missing", ""),
        ],
    )
    assert sc.rejected_sentence(report, "zh") == (
        "台账3行中核查了1行，2行无法解读，见下表（行号以表头为第1行）。"
    )
    assert sc.rejected_sentence(report, "en") == (
        "Of 3 ledger rows, 1 was checked and 2 could not be read (below; the header is row 1)."
    )
    assert sc.rejected_table(report, "zh").to_dict("records") == [
        {"行": 3, "编号": "S9", "列": "district", "问题": "“江北县”不在登记表中"},
        {"行": 4, "编号": "S10", "列": "stated", "问题": "缺失"},
    ]
    assert sc.rejected_table(report, "en")["problem"].tolist() == [
        "'江北县': not in the registry",
        "missing",
    ]
    whole = LedgerReport("x.csv", 2, 2)
    assert sc.rejected_sentence(whole, "zh") == "台账2行全部读入并核查。"
    assert sc.rejected_sentence(whole, "en") == "All 2 ledger rows were read and checked."


def test_small_pieces_in_both_languages():
    row = {
        "kind": "share",
        "district": "jiangbei",
        "indicator": "nev_output",
        "year": 2023,
        "period": "Y",
        "stated": 0.6,
        "stated_text": "0.6",
        "precision": "近六成",
        "denominator": "chongqing",
    }
    assert sc.claim_label(row, "zh") == "江北区2023年新能源汽车产量占重庆市的近六成"
    assert (
        sc.claim_label(row, "en") == "Jiangbei's new-energy vehicle output, 2023: 3/5 of Chongqing"
    )
    value = {**row, "kind": "value", "indicator": "xiaoma_volunteers", "stated": 4000.0}
    value.update(stated_text="4000", precision="余")
    assert sc.claim_label(value, "zh") == "江北区2023年“小马”志愿者人数为4,000余人"
    assert sc.claim_label(value, "en") == "Jiangbei's 'Xiaoma' volunteers, 2023: over 4,000 people"
    rank = {**row, "kind": "rank", "indicator": "gdp", "stated": 10.0, "stated_text": "10"}
    rank.update(precision="前", group="all", year=2024)
    assert sc.claim_label(rank, "zh") == "江北区2024年地区生产总值在全市38个区县中居前10位"
    assert (
        sc.claim_label(rank, "en")
        == "Jiangbei's GDP, 2024: top 10 of the 38 districts and counties of the city"
    )
    assert sc.period_label(2023, "Q1", "zh") == "2023年一季度"
    assert sc.period_label(2023, "Q1-Q3", "en") == "Q1–Q3 2023"
    assert sc.names(["nanan", "beibei"], "zh") == "南岸区、北碚区"
    assert sc.names(["nanan", "beibei"], "en") == "Nan'an and Beibei"
    assert sc.heading("rejected", "zh") == "## 3. 未能核查的台账行"
    assert sc.heading("summary", "en") == "## Summary"
    assert sc.fmt_number(5.7, "persons_10k", "zh") == "5.7万人"
    assert sc.fmt_number(2.3, "pp", "zh") == "2.3个百分点"
    assert sc.fmt_number(100, "visits_10k", "zh") == "100万人次"
    assert sc.fmt_number(5560, "cny_100m", "en") == "CNY 556.0 bn"
    assert sc.fmt_number(float("nan"), "cny_100m", "en") == "no data"
    assert "**问题：**" in sc.heading("question", "zh", level=0)
    assert sc.heading("how_text", "en", level=0).startswith("Each claim is compared")
