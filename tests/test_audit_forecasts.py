"""The takeaway audit of reports 04 (forecasts) and 05 (claims), in Chinese and English.

The same idea as ``tests/test_audit.py`` (reports 01-03), on the two full report sets the suite
renders once per run (Jiangbei in Chinese, Yubei in English): the text the reader sees is read
from the HTML and split into sentences, and in report 04 each sentence must match one of the
templates below as a whole. Its numbers are then checked against a re-derivation made here:

* the backtest quality sentence against the forecast's :class:`~jbanalysis.forecast.Calibration`
  (counts, MASE, coverage, and the calibrated claim against the bands and the counts);
* the fan sentence's year from the panel's last observed year and the report's horizon, its
  median and 80 % interval against the forecast table, the fitted span against the panel;
* the stale-data sentence from the panel's last observed year and today's year;
* the outturn sentences' published values from the panel, their percentages recomputed from the
  printed values, inside/outside from the hold-out forecast;
* the target sentence's required growth recomputed from its printed values, the historical CAGR
  from the panel, and a probability only where the intervals are calibrated.

Both reports: one language (Chinese reports no Latin letters outside a few names — MASE, ARIMA,
the data's file name and hash, commands; English reports no Chinese outside quoted claims and the
titles of the sources quoted), no parameter names and no count printed as a float.
"""

from __future__ import annotations

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from rendering import SETS
from test_audit import read_report, sentences

import jbanalysis as jb
from jbanalysis.forecast import forecast_district, outturn_check
from jbanalysis.forecast.protocol import CALIBRATED_BANDS, MIN_ERRORS_TO_CALIBRATE
from jbanalysis.text.labels import indicator_name
from jbanalysis.text.sentences import forecasts as fs
from jbanalysis.text.sentences.common import data_vintage

FULL = (("jiangbei", "zh"), ("yubei", "en"))
HORIZON = 5  # the report's default
INDICATORS = ("gdp", "retail_sales")
NUM = r"-?\d[\d,]*(?:\.\d+)?"
#: Latin words a Chinese report may show: names of methods, the data's file, a command.
LATIN_OK = re.compile(
    r"MASE|ARIMA\(1,1,0\)|Holt|observations\.csv|sha256 [0-9a-f]{12}|jbanalysis forecast"
)
#: ... and in report 05, which checks what the press writes: the ledger's file name, the
#: addresses of the sources, and GDP as the press writes it.
QUOTES_OK = re.compile(r"data/claims\.csv|GDP|https?://[^\s,，)）]+")


def _html(district: str, lang: str, notebook: str) -> str:
    _, results = SETS.get(district, lang)
    (result,) = [r for r in results if r.notebook == notebook]
    assert result.ok, (result.cell, result.error)
    return result.html.read_text(encoding="utf-8")


def _value(text: str) -> float:
    """A printed money value in the panel's unit (亿元): ``1602.8亿元`` or ``CNY 160.3 bn``."""
    number = float(re.search(NUM, text).group().replace(",", ""))
    return number * 10 if "bn" in text else number


def _half(text: str) -> float:
    """Half the last printed digit of a value, in 亿元 (what its rounding hides)."""
    digits = re.search(r"\.(\d+)", text)
    step = 10 ** -(len(digits.group(1)) if digits else 0)
    return step / 2 * (10 if "bn" in text else 1)


def _close(printed: str, value: float) -> bool:
    return abs(_value(printed) - value) <= _half(printed) + 1e-9


def _templates(lang: str) -> dict[str, re.Pattern]:
    if lang == "zh":
        pats = {
            "quality": r"(?:(?P<ind>[^：]+)：)?回测（(?P<n>\d+)个起点、(?P<m>\d+)个预测）中，(?P<model>.+?)的平均误差为年均变化量的(?P<mase>[\d.]+)倍（MASE），朴素预测为(?P<naive>[\d.]+)倍；预测区间按本序列的回测误差在(?P<scale>.+?)上计算，(?:样本外检验的(?P<k>\d+)个预测中，80%区间覆盖(?P<c80>\d+)%、95%区间覆盖(?P<c95>\d+)%|尚无可作样本外检验的预测)(?P<tail>：区间经回测校准。|：区间未达校准标准（(?P<why>.+)），概率不可估计。)",
            "fan": r"按(?P<model>.+?)模型（拟合(?P<s>\d{4})–(?P<e>\d{4})年(?P<fit>[^）]*)），(?P<year>\d{4})年(?P<subj>.+?)中位预测为(?P<med>[\d.]+亿元)（现价），80%区间为(?P<lo>[\d.]+亿元)至(?P<hi>[\d.]+亿元)(?:（(?P<note>.+)）)?。",
            "stale": r"数据截至(?P<last>\d{4})年，现为(?P<now>\d{4})年(?:：(?P<span>[\d–、]+)年已经过去，但尚无数据，图表中(?:这一年|这几年)的数值也是预测)?。",
            "flags": r"(?:\d{4}(?:–\d{4})?(?:、\d{4}(?:–\d{4})?)*年为[^，。]+)(?:，\d{4}(?:–\d{4})?(?:、\d{4}(?:–\d{4})?)*年为[^，。]+)*。",
            "outturn": r"(?P<ind>[^（]+)（据(?P<s>\d{4})–(?P<e>\d{4})年数据预测）：已有公布值可对照：(?P<rest>.+)。",
            "target": r"要在(?P<ty>\d{4})年由(?P<ly>\d{4})年的(?P<last>[\d.]+亿元)达到(?P<target>[\d.]+亿元)，(?P<subj>.+?)需名义年均增长(?P<req>[\d.]+)%，(?P<hs>\d{4})–(?P<he>\d{4})年名义年均增长(?P<hist>-?[\d.]+)%(?:（(?P<note>[^）]+)）)?；(?P<prob>按预测分布，达成概率约(?P<p>\d+)%|达成概率不可估计：.+)。",
            "missing": r"(?P<ind>[^：]+)：(?:只有\d+个数值.*无法预测|数据中没有数值，无法预测|.+年的数值超出该指标可能的取值范围.+无法预测|只有\d+个数值，留出最近\d+年后不足3个，无法作预测与实际对照)。",
        }
        part = r"(?P<y>\d{4})年(?P<subj>.+?)为(?P<actual>[\d.]+亿元)，预测中位数(?P<median>[\d.]+亿元)，实际比预测(?P<dir>高|低)(?P<pct>[\d.]+)%，(?P<where>在80%区间内|在80%区间外、95%区间内|在95%区间之外)"
        sep = "；"
    else:
        pats = {
            "quality": r"(?:(?P<ind>[^:]+): )?In the backtest \((?P<n>\d+) origins, (?P<m>\d+) forecasts\) the errors of the (?P<model>.+?) averaged (?P<mase>[\d.]+) times the mean yearly change \(MASE\), naive's (?P<naive>[\d.]+); the intervals come from this series' backtest errors on (?P<scale>.+?)(?:: checked out of sample on (?P<k>\d+) forecasts, the 80% interval held (?P<c80>\d+)% and the 95% interval (?P<c95>\d+)%|; none could be checked out of sample yet)(?P<tail>: the intervals are calibrated on the backtest\.|: the intervals are not calibrated \((?P<why>.+)\), so no probability is estimable\.)",
            "fan": r"With the (?P<model>.+?) model \(fitted on (?P<s>\d{4})–(?P<e>\d{4})(?P<fit>[^)]*)\), the median forecast of (?P<subj>.+?) for (?P<year>\d{4}) is (?P<med>CNY [\d.]+ bn), 80% interval (?P<lo>CNY [\d.]+ bn) to (?P<hi>CNY [\d.]+ bn)(?: \((?P<note>.+)\))?\.",
            "stale": r"The data end in (?P<last>\d{4}) and it is now (?P<now>\d{4})(?:: (?P<span>[\d–, and]+?) (?:is a past year|are past years), not yet in the data, so (?:its value here is a forecast|their values here are forecasts) too)?\.",
            "flags": r"\d{4}(?:–\d{4})?(?:, \d{4}(?:–\d{4})?)* [a-z ]+(?:; \d{4}(?:–\d{4})?(?:, \d{4}(?:–\d{4})?)* [a-z ]+)*\.?",
            "outturn": r"(?P<ind>[^(]+)\(forecast from (?P<s>\d{4})–(?P<e>\d{4})\): Published values to check against: (?P<rest>.+)\.",
            "target": r"To reach (?P<target>CNY [\d.]+ bn) by (?P<ty>\d{4}) from (?P<last>CNY [\d.]+ bn) in (?P<ly>\d{4}), (?P<subj>.+?) must grow (?P<req>[\d.]+)% a year \(nominal\), against (?P<hist>-?[\d.]+)% a year over (?P<hs>\d{4})–(?P<he>\d{4})(?: \((?P<note>[^)]+)\))?(?P<prob>; .+)?\.",
            "missing": r"(?P<ind>[^:]+): (?:only \d+ values?.*so there is no forecast|the data hold no value, so there is no forecast|the values of .+ lie outside the values the indicator can take; check them in the data\. No forecast|\d+ values leave fewer than 3 to fit once the latest \d+ years are held out, so there is no check against outturn)\.",
        }
        part = r"in (?P<y>\d{4}) (?P<subj>.+?) was (?P<actual>CNY [\d.]+ bn) against a median forecast of (?P<median>CNY [\d.]+ bn), (?P<pct>[\d.]+)% (?P<dir>above|below) it, (?P<where>inside the 80% interval|outside the 80% but inside the 95% interval|outside the 95% interval)"
        sep = "; "
    out = {k: re.compile(v) for k, v in pats.items()}
    out["part"] = re.compile(part)
    out["sep"] = re.compile(re.escape(sep))
    return out


def _fixed(lang: str, district: str) -> set[str]:
    """The sentences of the headings table, the question and the data vintage, exactly."""
    texts = [fs.heading(k, lang) for k in ("method", "fan_key", "outturn_how")]
    texts += [fs.target_text("retail_sales", 2.0, 2 * HORIZON, lang), data_vintage(lang)]
    texts.append(fs.heading("question", lang, district).replace("**", ""))
    return {s.strip() for t in texts for s in sentences(t, lang)} | {
        t.strip().rstrip("。") + "。" for t in texts if lang == "zh"
    }


def _bare(text: str) -> str:
    """A fixed text without its spaces and final stop (the HTML drops the space after bold)."""
    return re.sub(r"\s+", "", text).rstrip("。")


class Truth:
    """What the report's numbers must be, worked out here for one district."""

    def __init__(self, district: str) -> None:
        self.district = district
        self.panel = jb.load_panel(districts=district, indicators=list(INDICATORS))
        self.forecasts = {}
        for indicator in INDICATORS:
            try:
                self.forecasts[indicator] = forecast_district(district, indicator, HORIZON)
            except ValueError:
                continue

    def series(self, indicator: str):
        rows = self.panel[self.panel["indicator"] == indicator].set_index("year")["value"]
        return rows.dropna()

    def by_name(self, name: str, lang: str) -> str:
        (indicator,) = [i for i in INDICATORS if indicator_name(i, lang) == name]
        return indicator


def _check_quality(m, truth: Truth, lang: str, indicator: str) -> None:
    cal = truth.forecasts[indicator].attrs["calibration"]
    assert (int(m["n"]), int(m["m"])) == (cal.n_origins, cal.n_errors)
    assert float(m["mase"]) == pytest.approx(cal.mase, abs=0.005 + 1e-9)
    assert float(m["naive"]) == pytest.approx(cal.mase_naive, abs=0.005 + 1e-9)
    if m["k"] is not None:
        assert int(m["k"]) == cal.n_checked
        assert float(m["c80"]) == pytest.approx(cal.coverage[80], abs=0.5 + 1e-9)
        assert float(m["c95"]) == pytest.approx(cal.coverage[95], abs=0.5 + 1e-9)
    # the calibrated claim follows from the counts and the bands, as the rule says
    calibrated = m["why"] is None
    assert calibrated == cal.calibrated
    if calibrated:
        assert cal.n_checked >= MIN_ERRORS_TO_CALIBRATE and cal.mase <= cal.mase_naive
        for lv, (lo, hi) in CALIBRATED_BANDS.items():
            slack = 200 * (lv / 100 * (1 - lv / 100) / cal.n_checked) ** 0.5
            assert lo - slack <= cal.coverage[lv] <= hi + slack


def _check_fan(m, truth: Truth, lang: str) -> None:
    indicator = next(
        i for i in truth.forecasts if indicator_name(i, lang).lower() in
        m["subj"].lower()
    )  # fmt: skip
    observed = truth.series(indicator)
    last = int(observed.index[-1])
    assert int(m["year"]) == last + HORIZON
    assert (int(m["s"]), int(m["e"])) == (int(observed.index[0]), last)
    row = truth.forecasts[indicator].iloc[-1]
    assert _close(m["med"], row["median"]) and _close(m["lo"], row["lo80"])
    assert _close(m["hi"], row["hi80"])
    assert 0 < _value(m["lo"]) <= _value(m["med"]) <= _value(m["hi"])


def _check_stale(m, truth: Truth) -> None:
    last, now = int(m["last"]), int(m["now"])
    assert now == datetime.date.today().year
    assert last in {int(truth.series(i).index[-1]) for i in truth.forecasts}
    if now - 1 > last:  # forecast years gone by are named, from the year after the data
        span = [int(y) for y in re.findall(r"\d{4}", m["span"] or "")]
        assert span and span[0] == last + 1 and span[-1] == now - 1
    else:
        assert m["span"] is None


def _check_outturn(m, truth: Truth, lang: str, templates) -> None:
    indicator = truth.by_name(m["ind"].strip(), lang)
    held, table = outturn_check(truth.district, indicator, years=2)
    assert int(m["e"]) == int(held["fit_end"].iloc[0])
    parts = templates["sep"].split(m["rest"])
    assert len(parts) == len(table)
    for text, row in zip(parts, table.itertuples(index=False), strict=True):
        p = templates["part"].fullmatch(text)
        assert p, text
        assert int(p["y"]) == row.year
        assert _close(p["actual"], truth.series(indicator)[row.year])
        actual, median = _value(p["actual"]), _value(p["median"])
        pct = abs(100 * (actual / median - 1))
        # the printed values are rounded: the percentage within what their rounding allows
        spread = 100 * (_half(p["actual"]) / median + actual * _half(p["median"]) / median**2)
        assert abs(float(p["pct"]) - pct) <= spread + 0.05 + 1e-9
        assert (p["dir"] in ("above", "高")) == (row.actual > row.median)
        inside = {True: ("inside the 80% interval", "在80%区间内")}
        assert (p["where"] in inside[True]) == bool(row.inside80)


def _check_target(m, truth: Truth, lang: str) -> None:
    observed = truth.series("retail_sales")
    ly, ty = int(m["ly"]), int(m["ty"])
    assert ly == int(observed.index[-1]) and ty == ly + 2 * HORIZON
    assert _close(m["last"], observed[ly])
    assert _close(m["target"], 2 * observed[ly])
    required = 100 * ((_value(m["target"]) / _value(m["last"])) ** (1 / (ty - ly)) - 1)
    assert float(m["req"]) == pytest.approx(required, abs=0.06)
    hs, he = int(m["hs"]), int(m["he"])
    assert he == ly
    history = 100 * ((observed[he] / observed[hs]) ** (1 / (he - hs)) - 1)
    assert float(m["hist"]) == pytest.approx(history, abs=0.05 + 1e-9)
    probability = m["prob"] is not None and ("达成概率约" in m["prob"] or "gives it a" in m["prob"])
    assert probability == truth.forecasts["retail_sales"].attrs["calibration"].calibrated


def _unquoted(html: str) -> str:
    """Report 05's page less what it quotes as printed: the article's opening (a blockquote),
    the titles of the sources (emphasis)."""
    soup = BeautifulSoup(html, "html.parser")
    for quoted in soup.select("div.jp-RenderedMarkdown blockquote, div.jp-RenderedMarkdown em"):
        quoted.decompose()
    return str(soup)


def _one_language(texts: list[str], lang: str, allowed_quotes: bool = False) -> list[str]:
    bad = []
    for text in texts:
        seen = re.sub(r"'[^']*'|“[^”]*”|‘[^’]*’", "", text) if allowed_quotes else text
        if allowed_quotes:  # report 05 names the ledger's file, the sources' addresses, GDP
            seen = QUOTES_OK.sub("", seen)
        if lang == "zh" and re.search(r"[A-Za-z]{2,}", LATIN_OK.sub("", seen)):
            bad.append(text)
        if lang == "en" and re.search(r"[\u4e00-\u9fff]", seen):
            bad.append(text)
    return bad


def _no_parameters_or_float_counts(texts: list[str]) -> list[str]:
    return [
        t
        for t in texts
        if re.search(
            r"\b[a-z]+_[a-z_]+\b|target_multiple|horizon\b", t.replace("observations.csv", "")
        )
        or re.search(r"\b\d+\.0 (?:origins|forecasts|values)\b|\d+\.0个", t)
    ]


@pytest.mark.reports("full")
@pytest.mark.parametrize(("district", "lang"), FULL)
def test_every_sentence_of_report_04_is_a_template_with_numbers_that_hold(district, lang):
    report = read_report(_html(district, lang, "04_forecasts"), district, lang, "04_forecasts")
    templates = _templates(lang)
    fixed = _fixed(lang, district)
    truth = Truth(district)
    unmatched, seen = [], set()
    for paragraph in report.paragraphs:
        for sentence in sentences(paragraph, lang):
            sentence = sentence.strip()
            if _bare(sentence) in {_bare(f) for f in fixed}:
                continue
            name = next((k for k in ("quality", "fan", "stale", "outturn", "target", "missing",
                                     "flags") if templates[k].fullmatch(sentence)), None)  # fmt: skip
            if name is None:
                unmatched.append(sentence)
                continue
            seen.add(name)
            m = templates[name].fullmatch(sentence)
            if name == "quality" and m["ind"]:
                _check_quality(m, truth, lang, truth.by_name(m["ind"].strip(), lang))
            elif name == "fan":
                _check_fan(m, truth, lang)
            elif name == "stale":
                _check_stale(m, truth)
            elif name == "outturn":
                _check_outturn(m, truth, lang, templates)
            elif name == "target":
                _check_target(m, truth, lang)
    assert unmatched == []
    assert {"quality", "fan", "outturn", "target"} <= seen


@pytest.mark.reports("full")
@pytest.mark.parametrize(("district", "lang"), FULL)
@pytest.mark.parametrize("notebook", ["04_forecasts", "05_claims"])
def test_reports_04_and_05_speak_one_language_without_parameter_names(district, lang, notebook):
    html = _html(district, lang, notebook)
    report = read_report(
        _unquoted(html) if notebook == "05_claims" else html, district, lang, notebook
    )
    prose = report.paragraphs + report.headings
    assert _one_language(prose, lang, allowed_quotes=notebook == "05_claims") == []
    assert _one_language(report.table_heads, lang) == []
    if notebook == "04_forecasts":  # report 05's cells quote the claims and their sources
        assert _one_language(report.table_cells, lang) == []
    assert _no_parameters_or_float_counts(prose) == []
    assert report.visible_markdown_cells == 0  # the notebook's bilingual first cell is not shown
