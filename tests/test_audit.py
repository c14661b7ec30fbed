"""The takeaway audit: every sentence of reports 01–03, for the nine central districts in Chinese
and English, re-derived from the panel inside this test and compared.

The reports are rendered once per test run (:func:`rendered`, ``tests/rendering.py``: the sets
that ``test_notebooks.py`` reads are among them), the text the reader sees is taken from the HTML (markdown outputs and the
summary), split into sentences, and each sentence must match one of the templates below *as a
whole*: a sentence no template recognises fails, so there is no number the audit did not read.
Each number is then recomputed here with the test's own arithmetic on the tidy panel (ranks by
counting, CAGRs by the formula, the comparison year, the headline window and the breaks from
``data/breaks.csv`` read with pandas, 渝中's per-capita GDP from GDP and population) — not with
the metrics that wrote the sentence. On top of the numbers the rules are checked:

1. no rank or "Nth of M" over fewer than two thirds of the nine (never "of 1", "of 2");
2. a direction word only where the series agrees (rose: the stretch never falls by more than the
   larger of the printed rounding and a tenth of the series' range);
3. a growth rate or index over a window that crosses a registered break names the break; growth of
   levels is called nominal, and "实际"/"real" is used only for published real growth;
4. a value that is corrected, interpolated, derived, estimated, preliminary or of low reliability
   is qualified in its sentence, with the kind of source;
5. Chinese reports have no English in headings, sentences and table heads, English reports no
   Chinese (source titles quoted in the sources and trace tables excepted: a citation keeps the
   title as published).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from rendering import AUDITED, SETS

import jbanalysis as jb

ROOT = Path(__file__).resolve().parents[1]
NINE = tuple(jb.district_ids("central"))
NEED = math.ceil(2 / 3 * len(NINE))  # 6 of the nine
LANGS = ("zh", "en")


# --- rendering (once per session) --------------------------------------------------------------


@pytest.fixture(scope="session")
def rendered() -> dict[tuple[str, str], dict[str, tuple[str, str]]]:
    """{(district, lang): {notebook: (html, summary)}} for the 18 sets, rendered once per run
    (``tests/rendering.py``: in a process of their own while the rest of the suite runs)."""
    done, failed = {}, []
    for key in [(d, lang) for d in NINE for lang in LANGS]:
        _, results = SETS.get(*key)
        done[key] = {
            r.notebook: (r.html.read_text(encoding="utf-8") if r.ok else "", r.summary)
            for r in results
            if r.notebook in AUDITED
        }
        failed += [(key, r.notebook, r.cell, r.error) for r in results if r.error]
    assert not failed, failed
    return done


# --- the truth: the test's own arithmetic on the panel -------------------------------------------


def _registry(name: str) -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / name, dtype=str, keep_default_na=False)


@cache
def truth() -> Truth:
    return Truth()


class Truth:
    """Values, provenance, comparison years, ranks, windows and breaks, computed here."""

    def __init__(self) -> None:
        panel = jb.load_panel(districts=[*NINE, "chongqing"])
        self.panel = pd.concat([panel, self._derived(panel)], ignore_index=True)
        self.all_units = jb.load_panel(
            districts="all", indicators=["gdp", "gdp_per_capita", "pop_resident", "pop_census"]
        )
        self.all_units = pd.concat(
            [self.all_units, self._derived(self.all_units)], ignore_index=True
        )
        districts = _registry("districts.csv").set_index("id")
        self.name = {lang: districts[f"name_{lang}"].to_dict() for lang in LANGS}
        self.by_name = {lang: {v: k for k, v in self.name[lang].items()} for lang in LANGS}
        self.group = districts["group"].to_dict()
        indicators = _registry("indicators.csv").set_index("id")
        self.indicators = indicators
        self.breaks = _registry("breaks.csv")
        terms = _registry("terms.csv").set_index("key")
        self.term = {lang: terms[lang].to_dict() for lang in LANGS}

    @staticmethod
    def _derived(panel: pd.DataFrame) -> pd.DataFrame:
        """GDP per capita where the panel has none but GDP and a population of the year."""
        rows = {(r["district"], r["year"], r["indicator"]): r for r in panel.to_dict("records")}
        out = []
        for (d, y, ind), gdp in rows.items():
            if ind != "gdp" or (d, y, "gdp_per_capita") in rows:
                continue
            for pop in ("pop_resident", "pop_census"):
                people = rows.get((d, y, pop))
                if people is None:
                    continue
                low = "low" in (gdp["reliability"], people["reliability"])
                out.append(
                    {
                        **gdp,
                        "indicator": "gdp_per_capita",
                        "value": gdp["value"] * 1e8 / (people["value"] * 1e4),
                        "flag": "derived",
                        "record": f"gdp ÷ {pop}",
                        "reliability": "low" if low else "medium",
                        "correction": "",
                    }
                )
                break
        return pd.DataFrame(out, columns=panel.columns)

    # values ------------------------------------------------------------------------------
    def wide(self, indicator: str, units=NINE, panel=None) -> pd.DataFrame:
        if panel is None:  # the test's panel: pivoted once per indicator and units
            memo = self.__dict__.setdefault("_wide_memo", {})
            key = (indicator, tuple(units))
            if key not in memo:
                memo[key] = self._wide_of(indicator, units, self.panel)
            return memo[key].copy()
        return self._wide_of(indicator, units, panel)

    @staticmethod
    def _wide_of(indicator: str, units, p) -> pd.DataFrame:
        sub = p[(p["indicator"] == indicator) & p["district"].isin(units)]
        return sub.pivot_table(index="year", columns="district", values="value", aggfunc="first")

    def row(self, indicator: str, district: str, year: int) -> dict | None:
        rows = self.__dict__.get("_rows")
        if rows is None:  # the first row of each key, as the filter below would give
            rows = {}
            for r in self.panel.to_dict("records"):
                rows.setdefault((r["indicator"], r["district"], int(r["year"])), r)
            self.__dict__["_rows"] = rows
        hit = rows.get((indicator, district, int(year)))
        return None if hit is None else dict(hit)

    def of_vintage(self, indicator: str, district: str, year: int, vintage: str) -> float | None:
        """The value of ``vintage`` of a calendar year in the observations (not excluded, not a
        bound), if the sources hold one: the like-for-like partner of a value of that vintage."""
        memo = self.__dict__.get("_vintages")
        if memo is None:
            o = jb.load_observations()
            o = o[(o["period"] == "Y") & (o["bound"] == "") & (o["flag"] != "excluded")]
            memo = {}
            for r in o.to_dict("records"):
                memo.setdefault(
                    (r["indicator"], r["district"], int(r["year"]), r["vintage"]), r["value"]
                )
            self.__dict__["_vintages"] = memo
        return memo.get((indicator, district, int(year), vintage))

    def caveat_needed(self, indicator: str, district: str, year: int) -> bool:
        r = self.row(indicator, district, year)
        return bool(
            r
            and (
                r["flag"] in ("corrected", "interpolated", "derived")
                or r["reliability"] == "low"
                or r["vintage"] in ("estimate", "preliminary")
            )
        )

    # like for like -------------------------------------------------------------------------
    def comparison(self, frame: pd.DataFrame, district: str, units=NINE):
        """(year, present, missing, group_year) by the rule, or (None, ..., group_year)."""
        frame = frame.reindex(columns=list(units))
        counts = frame.notna().sum(axis=1)
        good = [int(y) for y in counts.index if counts[y] >= max(3, math.ceil(2 / 3 * len(units)))]
        if not good:
            return None, (), tuple(units), None
        group_year = max(good)
        own = [y for y in good if pd.notna(frame.at[y, district])]
        if not own:
            return None, (), tuple(units), group_year
        year = group_year if group_year in own else max(own)
        present = tuple(d for d in units if pd.notna(frame.at[year, d]))
        missing = tuple(d for d in units if pd.isna(frame.at[year, d]))
        return year, present, missing, group_year

    @staticmethod
    def rank(values: pd.Series, district: str, ascending: bool = False) -> int:
        v = values[district]
        return 1 + int((values < v).sum() if ascending else (values > v).sum())

    # breaks and windows -------------------------------------------------------------------
    def applies(self, row, indicator: str, district: str) -> bool:
        if row["indicators"] != "*" and indicator not in row["indicators"].split("|"):
            return False
        if row["districts"] == "*":
            return True
        names = row["districts"].split("|")
        group = self.group.get(district, "")
        return (
            district in names
            or group in names
            or ("all" in names and group in ("central", "other"))
        )

    def basis(self, indicator: str, district: str, panel=None) -> list[tuple[int, dict]]:
        """(first year of the new basis, break row) of every break of the series (of the
        test's panel: worked out once per series, the 18 sets ask the same series again)."""
        if panel is None:
            memo = self.__dict__.setdefault("_basis_memo", {})
            if (indicator, district) not in memo:
                memo[(indicator, district)] = self._basis_of(indicator, district, self.panel)
            return memo[(indicator, district)]
        return self._basis_of(indicator, district, panel)

    def _basis_of(self, indicator: str, district: str, p) -> list[tuple[int, dict]]:
        own = p[(p["indicator"] == indicator) & (p["district"] == district)]
        vintage = dict(zip(own["year"], own["vintage"], strict=True))
        out = []
        rows = self.__dict__.setdefault("_break_rows", self.breaks.to_dict("records"))
        for row in rows:
            if not self.applies(row, indicator, district):
                continue
            year, first = int(row["year"]), int(row["first_year"])
            census_revised = row["kind"] == "economic_census" and vintage.get(year) in (
                "revised",
                "census",
            )
            out.append((year if census_revised else first, row))
        return out

    def headline(self, indicator: str, district: str):
        series = (
            self.wide(indicator)[district].dropna() if district in self.wide(indicator) else None
        )
        if series is None or len(series) < 2:
            return None
        basis = [b for b, _ in self.basis(indicator, district)]
        years = sorted(int(y) for y in series.index)
        best = None
        for i, s in enumerate(years):
            for e in years[i + 1 :]:
                if any(s < b <= e for b in basis):
                    continue
                if best is None or (e - s, e) > (best[1] - best[0], best[1]):
                    best = (s, e)
        if best is None:
            return "none"
        s, e = best
        return s, e, 100 * ((series[e] / series[s]) ** (1 / (e - s)) - 1), years[0], years[-1]

    def crossed(self, indicator: str, district: str, start: int, end: int) -> list[dict]:
        return [r for b, r in self.basis(indicator, district) if start < b <= end]


# --- reading the reports -------------------------------------------------------------------------


@dataclass
class Report:
    district: str
    lang: str
    notebook: str
    paragraphs: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    table_heads: list[str] = field(default_factory=list)
    table_cells: list[str] = field(default_factory=list)
    visible_markdown_cells: int = 0


def read_report(html: str, district: str, lang: str, notebook: str) -> Report:
    soup = BeautifulSoup(html, "html.parser")
    report = Report(district, lang, notebook)
    for cell in soup.select("div.jp-Cell"):
        if "jp-MarkdownCell" in cell.get("class", []):
            report.visible_markdown_cells += 1
        for md in cell.select("div.jp-RenderedMarkdown"):
            for h in md.find_all(["h1", "h2", "h3"]):
                report.headings.append(h.get_text(" ", strip=True).rstrip("¶").strip())
                h.decompose()
            for p in md.find_all("p"):
                report.paragraphs.append(p.get_text("", strip=True))
        for table in cell.select("table"):
            report.table_heads += [th.get_text(" ", strip=True) for th in table.select("th")]
            report.table_cells += [td.get_text(" ", strip=True) for td in table.select("td")]
    return report


def sentences(paragraph: str, lang: str) -> list[str]:
    if lang == "zh":
        return [s + "。" for s in paragraph.split("。") if s.strip()]
    return [s for s in re.split(r"(?<=\.)\s+(?=[A-Z])", paragraph) if s.strip()]


# --- templates -----------------------------------------------------------------------------------


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def value_of(text: str, lang: str) -> tuple[float, float]:
    """A printed value in the canonical unit and the half-unit its rounding hides."""
    t = text.replace(",", "").strip()
    digits = re.search(r"\.(\d+)", t)
    decimals = len(digits.group(1)) if digits else 0
    number = float(re.search(r"-?\d+(?:\.\d+)?", t).group())
    half = 0.5 * 10.0**-decimals
    if lang == "en" and " bn" in t:  # CNY bn -> 亿元
        return number * 10, half * 10
    if "thousand people" in t:  # thousand people -> 万人
        return number / 10, half / 10
    return number, half


def close(printed: str, truth_value: float, lang: str) -> bool:
    number, half = value_of(printed, lang)
    return abs(number - truth_value) <= half + 1e-9


class Audit:
    def __init__(self, report: Report):
        self.r = report
        self.t = truth()
        self.lang = report.lang
        t = self.t
        self.names = t.name[self.lang]
        zh = self.lang == "zh"
        self.DN = _alt(t.name[self.lang][d] for d in t.name[self.lang])
        ind = t.indicators
        if zh:
            self.ind_names = ind["name_zh"].to_dict()
        else:
            self.ind_names = {
                k: (v if v.split(" ")[0].split("-")[0].isupper() else v[:1].lower() + v[1:])
                for k, v in ind["name_en"].to_dict().items()
            }
            # at the start of a sentence the English name keeps its capital
            self.ind_names_cap = ind["name_en"].to_dict()
        self.IN = _alt(self.ind_names.values())
        self.ind_by_name = {v: k for k, v in self.ind_names.items()}
        if not zh:
            self.ind_by_name |= {v: k for k, v in self.ind_names_cap.items()}
            self.IN = _alt(set(self.ind_names.values()) | set(self.ind_names_cap.values()))
        self.V = (
            r"-?[\d,]+(?:\.\d+)?(?:亿元|元|万人|%)"
            if zh
            else r"(?:CNY -?[\d,]+(?:\.\d+)?(?: bn)?|-?[\d,]+(?:\.\d+)?(?:%| thousand people))"
        )
        self.problems: list[str] = []

    # helpers ----------------------------------------------------------------------------
    def fail(self, sentence: str, why: str) -> None:
        self.problems.append(
            f"{self.r.notebook} {self.r.district} {self.r.lang}: {why}: {sentence}"
        )

    def district_of(self, name: str) -> str:
        return self.t.by_name[self.lang][name]

    def split_names(self, text: str) -> list[str]:
        parts = re.split("、" if self.lang == "zh" else r", | and ", text)
        return [self.district_of(p.strip()) for p in parts if p.strip()]

    def missing_in(self, note: str | None) -> list[str]:
        if not note:
            return []
        pattern = r"(?:^|；)([^；]*?)无数据" if self.lang == "zh" else r"no data for ([^;]*)"
        hit = re.search(pattern, note)
        return self.split_names(hit.group(1)) if hit else []

    def check_caveat(
        self, sentence: str, note: str | None, indicator: str, district: str, year: int
    ):
        if not self.t.caveat_needed(indicator, district, year):
            return
        row = self.t.row(indicator, district, year)
        note = note or ""
        zh = self.lang == "zh"
        flag = row["flag"]
        if flag == "derived":
            ok = ("推算值" if zh else "derived") in note
        elif flag == "interpolated":
            ok = ("插值" if zh else "interpolated") in note
        else:
            kind = self.t.term[self.lang].get(row["source_kind"], row["source_kind"])
            ok = kind in note
            if row["reliability"] == "low":
                ok &= ("低可靠性" if zh else "low-reliability") in note
            if flag == "corrected":
                ok &= ("更正" if zh else "corrected") in note
            if row["vintage"] in ("estimate", "preliminary"):
                ok &= self.t.term[self.lang][row["vintage"]] in note or (
                    not zh and row["vintage"] in note
                )
        if not ok:
            self.fail(
                sentence,
                f"{district} {indicator} {year} ({flag}, {row['reliability']}, "
                f"{row['vintage']}, {row['source_kind']}) is not qualified",
            )

    def check_breaks_named(self, sentence: str, text: str, rows: list[dict]):
        for row in rows:
            year = str(
                row["year"]
                if row["kind"] in ("economic_census", "population_census")
                else row["first_year"]
            )
            if year not in (text or ""):
                self.fail(sentence, f"break {row['break_id']} ({row['kind']} {year}) not named")

    def check_peer_flags(self, sentence, indicator, district, year, note):
        """Compared districts whose value is derived or corrected are named."""
        for d in NINE:
            if d == district:
                continue
            row = self.t.row(indicator, d, int(year))
            if row and row["flag"] in ("derived", "corrected"):
                word = self.t.term[self.lang][row["flag"]]
                name = self.names[d]
                if name not in (note or "") or word not in (note or ""):
                    self.fail(sentence, f"{d}'s {row['flag']} value in the comparison is not named")

    def check_rank(self, sentence, frame, district, year, n, rank, note, ascending=False):
        """The rank and n against the comparison rule and the test's own count."""
        y, present, missing, _ = self.t.comparison(frame, district)
        if y is None:
            self.fail(sentence, "a rank where no year has two thirds of the nine")
            return
        if int(year) != y:
            self.fail(sentence, f"ranked in {year}, the comparison year is {y}")
            return
        if int(n) < NEED:
            self.fail(sentence, f"ranked among {n} < two thirds of the nine")
        if int(n) != len(present):
            self.fail(sentence, f"n = {n}, {len(present)} districts have a value in {y}")
        values = frame.loc[y, list(present)].astype(float)
        expected = self.t.rank(values, district, ascending)
        if int(rank) != expected:
            self.fail(sentence, f"rank {rank}, expected {expected} in {y}")
        said = self.missing_in(note)
        if sorted(said) != sorted(missing):
            self.fail(sentence, f"missing named {said}, missing are {list(missing)}")

    # the templates ------------------------------------------------------------------------
    def level(self, s: str) -> bool:
        zh = self.lang == "zh"
        V, DN, IN = self.V, self.DN, self.IN
        P = r"(?:（(?P<{}>[^（）]*)）)?" if zh else r"(?: \((?P<{}>[^()]*(?:\([^()]*\)[^()]*)*)\))?"
        if zh:
            rx = (
                rf"(?P<y1>\d{{4}})年(?P<name>{DN})(?P<ind>{IN})为(?P<v1>{V}){P.format('n1')}"
                rf"(?:，在有数据的(?P<n>\d+)个区中居第(?P<r>\d+)位{P.format('rn')})?"
                rf"(?:；(?P<y2>\d{{4}})年为(?P<v2>{V}){P.format('n2')}，在有数据的(?P<n2x>\d+)个区中居第(?P<r2>\d+)位{P.format('rn2')})?"
                rf"(?:；(?P<gname>{DN})无(?P<gy>\d{{4}})年数据（三分之二以上的区已有）)?"
                rf"(?P<nocomp>；没有哪一年有三分之二以上的区有数据，不作比较|；在三分之二以上的区有数据的年份（最近为\d{{4}}年），(?:{DN})均无数据，不作比较)?"
                rf"(?:；(?P<gs>\d{{4}})–(?P<ge>\d{{4}})年名义年均增长(?P<g>-?[\d.]+)%{P.format('gn')}|(?P<nog>；各相邻有值年份之间均有口径断点，不计算年均增长))?。"
            )
        else:
            rx = (
                rf"(?P<name>{DN})'s (?P<ind>{IN}) was (?P<v1>{V}) in (?P<y1>\d{{4}}){P.format('n1')}"
                rf"(?:, (?P<r>\d+)(?:st|nd|rd|th) of the (?P<n>\d+) districts with data{P.format('rn')})?"
                rf"(?:; in (?P<y2>\d{{4}}) it was (?P<v2>{V}){P.format('n2')}, (?P<r2>\d+)(?:st|nd|rd|th) of the (?P<n2x>\d+) districts with data{P.format('rn2')})?"
                rf"(?:; (?P<gname>{DN}) has no (?P<gy>\d{{4}}) value \(at least two thirds of the 9 districts have one\))?"
                rf"(?P<nocomp>; no year has values for two thirds of the districts: no comparison|; (?:{DN}) has no value in any year in which two thirds of the districts have one \(the latest is \d{{4}}\): no comparison)?"
                rf"(?:; its nominal growth was (?P<g>-?[\d.]+)% a year over (?P<gs>\d{{4}})–(?P<ge>\d{{4}}){P.format('gn')}|(?P<nog>; every span between its values crosses a break: no growth rate))?\."
            )
        m = re.fullmatch(rx, s)
        if not m:
            return False
        g = m.groupdict()
        district = self.district_of(g["name"])
        indicator = self.ind_by_name[g["ind"]]
        if district != self.r.district:
            self.fail(s, "a level sentence about another district")
        frame = self.t.wide(indicator)
        own = frame[district].dropna()
        latest = int(own.index.max())
        if int(g["y1"]) != latest:
            self.fail(s, f"latest year {g['y1']}, the data's is {latest}")
        if not close(g["v1"], own[latest], self.lang):
            self.fail(s, f"{g['v1']} != {own[latest]}")
        self.check_caveat(s, g["n1"], indicator, district, latest)
        year, present, _, group_year = self.t.comparison(frame, district)
        if g["r"]:
            self.check_rank(s, frame, district, g["y1"], g["n"], g["r"], g["rn"])
            self.check_peer_flags(s, indicator, district, g["y1"], g["rn"])
        elif g["r2"]:
            self.check_peer_flags(s, indicator, district, g["y2"], g["rn2"])
            if not close(g["v2"], frame.at[int(g["y2"]), district], self.lang):
                self.fail(s, f"{g['v2']} != {frame.at[int(g['y2']), district]}")
            self.check_caveat(s, g["n2"], indicator, district, int(g["y2"]))
            self.check_rank(s, frame, district, g["y2"], g["n2x"], g["r2"], g["rn2"])
            count = int(frame.loc[latest].notna().sum())
            note = g["n1"] or ""
            expected = (
                (f"{latest}年只有{count}个区有数据" if count > 1 else f"其他区没有{latest}年数据")
                if self.lang == "zh"
                else (
                    f"only {count} of the 9 districts have {latest} data"
                    if count > 1
                    else f"no other district has {latest} data"
                )
            )
            if latest > int(g["y2"]) and expected not in note:
                self.fail(s, f"latest year {latest} not said to be unranked ({expected!r})")
        elif year is not None:
            self.fail(s, f"no rank, though {year} has {len(present)} of the nine")
        if (
            year is not None
            and group_year != year
            and (g["gy"] is None or int(g["gy"]) != group_year)
        ):
            self.fail(s, f"the group's year {group_year} not named")
        if year is None and not g["nocomp"]:
            self.fail(s, "no comparison and no word of it")
        # growth
        kind = self.t.indicators.at[indicator, "kind"]
        head = self.t.headline(indicator, district) if kind in ("level", "per_capita") else None
        if head is None:
            if g["g"] or g["nog"]:
                self.fail(s, "a growth rate for an indicator without one")
        elif head == "none":
            if not g["nog"]:
                self.fail(s, "every window crosses a break, but a rate is given")
        else:
            start, end, rate, first, last = head
            if (int(g["gs"] or 0), int(g["ge"] or 0)) != (start, end):
                self.fail(
                    s,
                    f"growth over {g['gs']}–{g['ge']}, the longest unbroken window is {start}–{end}",
                )
            elif abs(float(g["g"]) - rate) > 0.05 + 1e-9:
                self.fail(s, f"growth {g['g']} != {rate:.3f}")
            spanned = self.t.crossed(indicator, district, first, last)
            if (first, last) != (start, end) and spanned:
                self.check_breaks_named(s, g["gn"], spanned)
            if self.t.crossed(indicator, district, start, end):
                self.fail(s, "the headline window crosses a break")
        return True

    # report 02: index, growth, real growth, shares, rank, notes, gaps, left out ----------------
    def _ord(self) -> str:
        return r"(?:st|nd|rd|th)"

    def index(self, s: str) -> bool:
        zh = self.lang == "zh"
        if zh:
            rx = (
                rf"以(?P<base>\d{{4}})年为100（名义值），(?P<y1>\d{{4}})年(?P<name>{self.DN})为(?P<v1>\d+)(?:（(?P<n1>[^（）]*)）)?"
                rf"(?:，在有数据的(?P<n>\d+)个区中居第(?P<r>\d+)位(?:（(?P<rn>[^（）]*)）)?)?"
                rf"(?:；(?P<y2>\d{{4}})年为(?P<v2>\d+)，在有数据的(?P<n2>\d+)个区中居第(?P<r2>\d+)位(?:（(?P<rn2>[^（）]*)）)?)?"
                rf"(?:；(?:{self.DN})无(?P<gy>\d{{4}})年数据（三分之二以上的区已有）)?"
                rf"(?:；(?P<b0>\d{{4}})–(?P<b1>\d{{4}})年跨越(?P<bx>[^，]*)，指数含口径变化)?。"
            )
        else:
            rx = (
                rf"With (?P<base>\d{{4}}) = 100 \(nominal\), (?P<name>{self.DN}) stood at (?P<v1>\d+) in (?P<y1>\d{{4}})(?: \((?P<n1>[^()]*)\))?"
                rf"(?:, (?P<r>\d+){self._ord()} of the (?P<n>\d+) districts with data(?: \((?P<rn>[^()]*)\))?)?"
                rf"(?:; in (?P<y2>\d{{4}}) it was (?P<v2>\d+), (?P<r2>\d+){self._ord()} of the (?P<n2>\d+) districts with data(?: \((?P<rn2>[^()]*)\))?)?"
                rf"(?:; (?:{self.DN}) has no (?P<gy>\d{{4}}) value \(at least two thirds of the 9 districts have one\))?"
                rf"(?:; (?P<b0>\d{{4}})–(?P<b1>\d{{4}}) crosses (?P<bx>.*), so the index includes (?:those changes|that change) of basis)?\."
            )
        m = re.fullmatch(rx, s)
        if not m:
            return False
        g = m.groupdict()
        district = self.district_of(g["name"])
        gdp = self.t.wide("gdp")
        base = int(gdp[district].first_valid_index())
        if int(g["base"]) != base:
            self.fail(s, f"base year {g['base']}, the district's first is {base}")
        kept = [d for d in NINE if pd.notna(gdp.at[base, d])]
        index = (100 * gdp[kept] / gdp.loc[base, kept]).reindex(columns=list(NINE))
        latest = int(index[district].dropna().index.max())
        if int(g["y1"]) != latest or abs(float(g["v1"]) - index.at[latest, district]) > 0.5 + 1e-9:
            self.fail(
                s,
                f"{g['v1']} in {g['y1']}, the index is {index.at[latest, district]:.1f} in {latest}",
            )
        year = int(g["y1"]) if g["r"] else int(g["y2"]) if g["r2"] else None
        if year is None:
            self.fail(s, "an index without a rank")
            return True
        if g["y2"] and abs(float(g["v2"]) - index.at[year, district]) > 0.5 + 1e-9:
            self.fail(s, f"{g['v2']} != {index.at[year, district]:.1f}")
        self.check_rank(
            s, index, district, year, g["n"] or g["n2"], g["r"] or g["r2"], g["rn"] or g["rn2"]
        )
        if latest > year:
            count = int(index.loc[latest].notna().sum())
            expected = (
                (f"{latest}年只有{count}个区有数据" if count > 1 else f"其他区没有{latest}年数据")
                if zh
                else (
                    f"only {count} of the 9 districts have {latest} data"
                    if count > 1
                    else f"no other district has {latest} data"
                )
            )
            if expected not in (g["n1"] or ""):
                self.fail(
                    s, f"the latest index year {latest} not said to be unranked ({expected!r})"
                )
        _, _, _, group_year = self.t.comparison(index, district)
        if group_year != year and (g["gy"] is None or int(g["gy"]) != group_year):
            self.fail(s, f"the group's year {group_year} not named")
        crossed = self.t.crossed("gdp", district, base, year)
        if crossed and not g["bx"]:
            self.fail(s, "the index crosses breaks and does not say so")
        self.check_breaks_named(s, g["bx"], crossed)
        return True

    def growth(self, s: str) -> bool:
        zh = self.lang == "zh"
        if zh:
            rx = (
                rf"(?P<s0>\d{{4}})–(?P<s1>\d{{4}})年(?P<name>{self.DN})地区生产总值名义年均增长(?P<g>-?[\d.]+)%"
                rf"(?:（(?P<gn>[^（）]*)）)?(?:，(?P<cmp>高于|低于|等于)有可比数据各区的中位数(?P<m>-?[\d.]+)%，"
                rf"在(?P<n>\d+)个区中居第(?P<r>\d+)位(?:（(?P<rn>[^（）]*)）)?|(?P<no>；同期有可比数据的区不足三分之二，不作比较))。"
            )
        else:
            rx = (
                rf"Over (?P<s0>\d{{4}})–(?P<s1>\d{{4}}), (?P<name>{self.DN})'s nominal GDP growth was (?P<g>-?[\d.]+)% a year"
                rf"(?: \((?P<gn>[^()]*)\))?(?:, (?P<cmp>above|below|equal to) the median of the districts with comparable data "
                rf"\((?P<m>-?[\d.]+)%\), (?P<r>\d+){self._ord()} of (?P<n>\d+)(?: \((?P<rn>[^()]*)\))?"
                rf"|(?P<no>; fewer than two thirds of the districts have comparable data for that span: no comparison))\."
            )
        m = re.fullmatch(rx, s)
        if not m:
            return False
        g = m.groupdict()
        district = self.district_of(g["name"])
        gdp = self.t.wide("gdp")

        def comparable(s0: int, s1: int) -> dict:
            rates = {}
            for d in NINE:
                a, b = gdp.at[s0, d], gdp.at[s1, d]
                if pd.notna(a) and pd.notna(b) and not self.t.crossed("gdp", d, s0, s1):
                    rates[d] = 100 * ((b / a) ** (1 / (s1 - s0)) - 1)
            return rates

        # the longest window without a break of the district's series that two thirds share
        own_years = sorted(int(y) for y in gdp[district].dropna().index)
        best = None
        for i, a in enumerate(own_years):
            for b in own_years[i + 1 :]:
                if self.t.crossed("gdp", district, a, b):
                    continue
                if best and (b - a, b) <= (best[1] - best[0], best[1]):
                    continue
                if len(comparable(a, b)) >= NEED:
                    best = (a, b)
        head = self.t.headline("gdp", district)
        start, end = best if best else head[:2]
        first, last = own_years[0], own_years[-1]
        rate = 100 * ((gdp.at[end, district] / gdp.at[start, district]) ** (1 / (end - start)) - 1)
        if (int(g["s0"]), int(g["s1"])) != (start, end):
            self.fail(
                s, f"window {g['s0']}–{g['s1']}, the longest shared unbroken one is {start}–{end}"
            )
            return True
        digits = len(g["g"].split(".")[1])
        if abs(float(g["g"]) - rate) > 0.5 * 10**-digits + 1e-9:
            self.fail(s, f"growth {g['g']} != {rate:.3f}")
        if (first, last) != (start, end):
            self.check_breaks_named(s, g["gn"], self.t.crossed("gdp", district, first, last))
        rates = comparable(start, end)
        if len(rates) < NEED:
            if not g["no"]:
                self.fail(s, f"ranked among {len(rates)} comparable districts")
            return True
        values = pd.Series(rates)
        median = float(values.median())
        if abs(float(g["m"]) - median) > 0.5 * 10**-digits + 1e-9:
            self.fail(s, f"median {g['m']} != {median:.3f}")
        expected_cmp = {1: ("高于", "above"), -1: ("低于", "below"), 0: ("等于", "equal to")}[
            int(np.sign(rate - median))
        ]
        if g["cmp"] not in expected_cmp:
            self.fail(
                s, f"'{g['cmp']}' the median: the rate is {rate:.3f}, the median {median:.3f}"
            )
        if int(g["n"]) != len(values) or int(g["r"]) != self.t.rank(values, district):
            self.fail(
                s,
                f"{g['r']} of {g['n']}, expected {self.t.rank(values, district)} of {len(values)}",
            )
        said = []
        if g["rn"]:
            hit = re.search(r"(.*)无可比数据" if zh else r"no comparable data for (.*)", g["rn"])
            said = self.split_names(hit.group(1)) if hit else []
        if sorted(said) != sorted(d for d in NINE if d not in rates):
            self.fail(s, f"missing named {said}, missing are {[d for d in NINE if d not in rates]}")
        return True

    def real(self, s: str) -> bool:
        zh = self.lang == "zh"
        if zh:
            rx = (
                rf"(?P<y1>\d{{4}})年(?P<name>{self.DN})地区生产总值实际增长(?P<v1>-?[\d.]+)%（可比价，公布值(?:；(?P<n1>[^（）]*))?）"
                rf"(?:，在公布该数据的(?P<n>\d+)个区中居第(?P<r>\d+)位(?:（(?P<rn>[^（）]*)）)?)?"
                rf"(?:；(?P<y2>\d{{4}})年为(?P<v2>-?[\d.]+)%(?:（[^（）]*）)?，在公布该数据的(?P<n2>\d+)个区中居第(?P<r2>\d+)位(?:（(?P<rn2>[^（）]*)）)?)?"
                rf"(?:；(?:{self.DN})无\d{{4}}年数据（三分之二以上的区已有）)?"
                rf"(?:；(?:同年|(?P<ny>\d{{4}})年)名义增长（现价总量计算）(?P<nv>-?[\d.]+)%，在有数据的(?P<nn>\d+)个区中居第(?P<nr>\d+)位(?:（(?P<nnote>[^（）]*)）)?"
                rf"|(?P<nfew>；\d{{4}}年名义增长有数据的区不足三分之二，不作比较)"
                rf"|(?P<nlack>；(?:{self.DN})缺\d{{4}}年或\d{{4}}年地区生产总值，\d{{4}}年名义增长无法计算)"
                rf"|(?P<nbasis>；\d{{4}}年(?:{self.DN})地区生产总值为新口径（[^（）]*），名义增长不可比))?。"
            )
        else:
            rx = (
                rf"(?P<name>{self.DN})'s published real GDP growth \(comparable prices\) was (?P<v1>-?[\d.]+)% in (?P<y1>\d{{4}})(?: \((?P<n1>[^()]*)\))?"
                rf"(?:, (?P<r>\d+){self._ord()} of the (?P<n>\d+) districts that publish it(?: \((?P<rn>[^()]*)\))?)?"
                rf"(?:; in (?P<y2>\d{{4}}) it was (?P<v2>-?[\d.]+)%(?: \([^()]*\))?, (?P<r2>\d+){self._ord()} of the (?P<n2>\d+) districts that publish it(?: \((?P<rn2>[^()]*)\))?)?"
                rf"(?:; (?:{self.DN}) has no \d{{4}} value \(at least two thirds of the 9 districts have one\))?"
                rf"(?:; nominal growth (?:that year|in (?P<ny>\d{{4}})) \(current-price levels\) was (?P<nv>-?[\d.]+)%, (?P<nr>\d+){self._ord()} of the (?P<nn>\d+) districts with data(?: \((?P<nnote>[^()]*)\))?"
                rf"|(?P<nfew>; fewer than two thirds of the districts have nominal growth for \d{{4}}: no comparison)"
                rf"|(?P<nlack>; (?:{self.DN}) lacks GDP for \d{{4}} or \d{{4}}: no nominal growth for \d{{4}})"
                rf"|(?P<nbasis>; (?:{self.DN})'s \d{{4}} GDP is on a new basis \([^()]*\): no comparable nominal growth))?\."
            )
        m = re.fullmatch(rx, s)
        if not m:
            return False
        g = m.groupdict()
        district = self.district_of(g["name"])
        real = self.t.wide("gdp_real_growth")
        own = real[district].dropna()
        latest = int(own.index.max())
        if int(g["y1"]) != latest or abs(float(g["v1"]) - own[latest]) > 0.05 + 1e-9:
            self.fail(
                s, f"latest real growth {g['v1']} in {g['y1']}, the data: {own[latest]} in {latest}"
            )
        self.check_caveat(s, g["n1"], "gdp_real_growth", district, latest)
        year = int(g["y1"]) if g["r"] else int(g["y2"]) if g["r2"] else None
        if year is None:
            return True
        self.check_rank(
            s, real, district, year, g["n"] or g["n2"], g["r"] or g["r2"], g["rn"] or g["rn2"]
        )
        if g["y2"] and abs(float(g["v2"]) - real.at[year, district]) > 0.05 + 1e-9:
            self.fail(s, f"real growth {g['v2']} != {real.at[year, district]}")
        # nominal growth of levels in the same year, among those with both years and no break
        gdp = self.t.wide("gdp")
        nominal = {}
        for d in NINE:
            if (
                year - 1 in gdp.index
                and pd.notna(gdp.at[year - 1, d])
                and pd.notna(gdp.at[year, d])
            ):
                if not self.t.crossed("gdp", d, year - 1, year):
                    nominal[d] = 100 * (gdp.at[year, d] / gdp.at[year - 1, d] - 1)
        values = pd.Series(nominal, dtype=float)
        if g["nv"] is None:
            lacks = year - 1 not in gdp.index or gdp[district].loc[[year - 1, year]].isna().any()
            new_basis = bool(self.t.crossed("gdp", district, year - 1, year))
            if g["nlack"] and not lacks:
                self.fail(s, "says the district lacks a level it has")
            elif g["nbasis"] and not new_basis:
                self.fail(s, "says the year starts a new basis, the registry does not")
            elif g["nfew"] and len(values) >= NEED:
                self.fail(s, f"says fewer than two thirds have nominal growth; {len(values)} do")
            elif not (g["nlack"] or g["nbasis"] or g["nfew"]):
                self.fail(s, "nominal growth not given beside real growth")
            return True
        if abs(float(g["nv"]) - values[district]) > 0.05 + 1e-9:
            self.fail(s, f"nominal growth {g['nv']} != {values[district]:.3f}")
        if int(g["nn"]) != len(values) or int(g["nr"]) != self.t.rank(values, district):
            self.fail(
                s,
                f"nominal {g['nr']} of {g['nn']}, expected {self.t.rank(values, district)} of {len(values)}",
            )
        if sorted(self.missing_in(g["nnote"])) != sorted(d for d in NINE if d not in nominal):
            self.fail(s, "the districts without nominal growth are not named")
        for y in (year - 1, year):
            if self.t.caveat_needed("gdp", district, y):
                self.check_caveat(s, g["nnote"], "gdp", district, y)
        return True

    def _path(self, s: str, series: pd.Series, text: str, fmt_digits: int, pct: bool) -> None:
        """Check a path phrase (由…升至…，此后降至… / rose from … to …, then fell to …)."""
        zh = self.lang == "zh"
        series = series.dropna()
        tol = max(0.5 * 10**-fmt_digits, 0.1 * float(series.max() - series.min()))
        num = r"-?[\d.]+%?"
        if zh:
            moved = re.fullmatch(
                rf"在(\d{{4}})–(\d{{4}})年间于({num})（(\d{{4}})年）至({num})（(\d{{4}})年）之间波动，(\d{{4}})年为({num})",
                text,
            )
            found = re.findall(rf"(升|降)(?:(\d+)%)?至(\d{{4}})年的({num})", text)
            points = [(verb, pct_, int(year), value) for verb, pct_, year, value in found]
            first = re.match(rf"由(\d{{4}})年的({num})", text)
        else:
            moved = re.fullmatch(
                rf"moved between ({num}) \((\d{{4}})\) and ({num}) \((\d{{4}})\) over (\d{{4}})–(\d{{4}}), ({num}) in (\d{{4}})",
                text,
            )
            found = re.findall(
                rf"(rose|fell)(?: (\d+)%)?(?: from {num} in \d{{4}})? to ({num}) in (\d{{4}})", text
            )
            points = [(verb, pct_, int(year), value) for verb, pct_, value, year in found]
            first = re.search(rf"from ({num}) in (\d{{4}})", text)

        def near(printed: str, value: float) -> bool:
            return abs(float(printed.rstrip("%")) - value) <= 0.5 * 10**-fmt_digits + 1e-9

        if moved:
            if re.search(r"升|降至|\b(rose|fell)\b", text):
                self.fail(s, "a direction word in a fluctuating path")
            return
        if not points or not first:
            self.fail(s, "a path the audit cannot read")
            return
        y0, v0 = (
            (int(first.group(1)), first.group(2)) if zh else (int(first.group(2)), first.group(1))
        )
        if y0 != int(series.index.min()) or not near(v0, series[y0]):
            self.fail(
                s,
                f"the path starts {v0} in {y0}; the series {series.iloc[0]} in {series.index.min()}",
            )
        previous = y0
        for verb, by, year, value in points:
            if year not in series.index or not near(value, series[year]):
                self.fail(s, f"{value} in {year} is not the series' {series.get(year)}")
                return
            stretch = series[(series.index >= previous) & (series.index <= year)]
            up = verb in ("升", "rose")
            a, b = stretch.iloc[0], stretch.iloc[-1]
            values = stretch.to_numpy(float)
            # the largest fall from a running high and rise from a running low along the stretch
            fall = float(np.max(np.maximum.accumulate(values) - values))
            rise = float(np.max(values - np.minimum.accumulate(values)))
            if up and not (b > a and fall <= tol):
                self.fail(
                    s,
                    f"'rose' {previous}–{year}, but it falls {fall:.4f} on the way ({stretch.round(4).to_dict()})",
                )
            if not up and not (b < a and rise <= tol):
                self.fail(
                    s,
                    f"'fell' {previous}–{year}, but it rises {rise:.4f} on the way ({stretch.round(4).to_dict()})",
                )
            if pct and not by:
                self.fail(s, f"no relative change given for {previous}–{year}")
            if by and abs(int(by) - abs(100 * (b / a - 1))) > 0.5 + 1e-9:
                self.fail(s, f"{by}% over {previous}–{year} != {100 * (b / a - 1):.1f}%")
            previous = year
        if previous != int(series.index.max()):
            self.fail(s, f"the path ends in {previous}, the series in {series.index.max()}")

    def share(self, s: str) -> bool:
        zh = self.lang == "zh"
        if zh:
            rx = rf"(?P<name>{self.DN})(?P<what>占全市比重|占中心城区九区比重)(?P<path>.*?)(?:（(?P<notes>.*)）)?。"
        else:
            rx = rf"(?P<name>{self.DN})'s (?P<what>share of the city|share of the nine) (?P<path>.*?)(?: \((?P<notes>.*)\))?\."
        m = re.fullmatch(rx, s)
        if not m:
            return False
        g = m.groupdict()
        g["path"], g["notes"] = _trailing_notes(
            g["path"] + (f"（{g['notes']}）" if zh else f" ({g['notes']})")
            if g["notes"] is not None
            else g["path"]
        )
        notes = {"gaps": None, "mixed": None, "bx": None}
        for part in _split_top(g["notes"] or "", "；" if zh else "; "):
            if re.fullmatch(r"[\d–、]+年无法计算" if zh else r"not computable in [\d–, ]+", part):
                notes["gaps"] = re.sub(r"年无法计算|not computable in ", "", part)
            elif re.fullmatch(
                r"跨.*，变化部分来自口径调整" if zh else r"across .*: partly .*", part
            ):
                notes["bx"] = part
            elif part.startswith(
                "不同版本相除的年份未计入：" if zh else "left out as mixing vintages: "
            ):
                notes["mixed"] = part
            else:
                self.fail(s, f"unread note {part!r}")
        district = self.district_of(g["name"])
        city = "全市" in g["what"] or "city" in g["what"]
        gdp = self.t.wide("gdp", units=[*NINE, "chongqing"])
        # point 1: each total of the part's vintage where the sources hold one (the city's first
        # release beside a district's first release), read here from the observations
        mixed = []
        if city:
            total = gdp["chongqing"].copy()
            for y in total.index:
                mine = self.t.row("gdp", district, y)
                theirs = self.t.row("gdp", "chongqing", y)
                if not mine or not theirs or mine["vintage"] == theirs["vintage"]:
                    continue
                # matched within a first release or a revision only (a preliminary or an
                # estimate has no partner: issue 18's rule, data/decisions 18.1)
                same = (
                    self.t.of_vintage("gdp", "chongqing", y, mine["vintage"])
                    if mine["vintage"] in ("first_release", "revised")
                    else None
                )
                if same is None:
                    mixed.append(int(y))
                else:
                    total[y] = same
            share = (100 * gdp[district] / total).drop(mixed)  # like for like only
        else:
            frame = gdp[list(NINE)].copy()
            for y in frame.index:
                for d in NINE:
                    r = self.t.row("gdp", d, y)
                    if r and r["vintage"] != "first_release":
                        same = self.t.of_vintage("gdp", d, y, "first_release")
                        if same is not None:
                            frame.at[y, d] = same
            complete = frame.notna().all(axis=1)
            share = (100 * frame[district] / frame.sum(axis=1)).where(complete)
        share = share.dropna()
        self._path(s, share, g["path"], 1, pct=False)
        expected_gaps = [
            y
            for y in range(int(share.index.min()), int(share.index.max()) + 1)
            if y not in share.index and y not in mixed
        ]
        said = _years(notes["gaps"]) if notes["gaps"] else []
        if said != expected_gaps:
            self.fail(s, f"gaps {said}, expected {expected_gaps}")
        told = [
            y
            for part in re.findall(r"([\d–、, ]+)(?:年（| \()", notes["mixed"] or "")
            for y in _years(part.strip(" ,，：:"))
        ]
        expected_mixed = sorted(y for y in mixed if pd.notna(gdp.at[y, district]))
        if sorted(told) != expected_mixed:
            self.fail(s, f"years of mixed vintages named {sorted(told)}, they are {expected_mixed}")
        # point 4: the breaks of the part and of the total inside the path's years are named
        parts = [district, "chongqing"] if city else NINE
        first, last = int(share.index.min()), int(share.index.max())
        crossed = {r["break_id"]: r for d in parts for r in self.t.crossed("gdp", d, first, last)}
        self.check_breaks_named(s, notes["bx"], list(crossed.values()))
        return True

    def rank(self, s: str) -> bool:
        zh = self.lang == "zh"
        if zh:
            rx = (
                rf"(?P<name>{self.DN})(?P<y0>\d{{4}})年在(?:有数据的)?(?P<n0>\d+)个区中居第(?P<r0>\d+)位(?:（(?P<m0>[^（）]*)）)?"
                rf"(?:，(?P<y1>\d{{4}})年在(?:有数据的)?(?P<n1>\d+)个区中居第(?P<r1>\d+)位(?:（(?P<m1>[^（）]*)）)?)?"
                rf"(?:；(?P<inc>[\d–、]+)年有区缺数，这些年的位次只在有数据的区之间排名（图中阴影、空心点）)?"
                rf"(?:；(?P<unr>[\d–、]+)年有数据的区不足三分之二，不排名)?。"
            )
        else:
            rx = (
                rf"(?P<name>{self.DN}) ranked (?P<r0>\d+){self._ord()} of (?:the )?(?P<n0>\d+)(?: districts with data)? in (?P<y0>\d{{4}})(?: \((?P<m0>[^()]*)\))?"
                rf"(?: and (?P<r1>\d+){self._ord()} of (?:the )?(?P<n1>\d+)(?: districts with data)? in (?P<y1>\d{{4}})(?: \((?P<m1>[^()]*)\))?)?\."
            )
        m = re.fullmatch(rx, s)
        if not m:
            if not zh:
                inc = re.fullmatch(
                    r"In (?P<inc>[\d–, ]+) not every district has a value: ranks there are among those with data only \(shaded, hollow points\)\.",
                    s,
                )
                unr = re.fullmatch(
                    r"In (?P<unr>[\d–, ]+) fewer than two thirds have a value: no rank\.", s
                )
                if inc or unr:
                    self._rank_years(s, (inc or unr).groupdict())
                    return True
            return False
        g = m.groupdict()
        district = self.district_of(g["name"])
        gdp = self.t.wide("gdp")
        counts = gdp[list(NINE)].notna().sum(axis=1)
        ranked = [
            int(y) for y in counts.index if counts[y] >= NEED and pd.notna(gdp.at[y, district])
        ]
        if int(g["y0"]) != ranked[0]:
            self.fail(s, f"first ranked year {g['y0']}, expected {ranked[0]}")
        for y, n, r, note in (
            (g["y0"], g["n0"], g["r0"], g["m0"]),
            (g["y1"], g["n1"], g["r1"], g["m1"]),
        ):
            if y is None:
                continue
            y = int(y)
            present = [d for d in NINE if pd.notna(gdp.at[y, d])]
            values = gdp.loc[y, present]
            if int(n) != len(present) or int(r) != self.t.rank(values, district):
                self.fail(
                    s,
                    f"{r} of {n} in {y}, expected {self.t.rank(values, district)} of {len(present)}",
                )
            if int(n) < NEED:
                self.fail(s, f"a rank among {n}")
            if sorted(self.missing_in(note)) != sorted(d for d in NINE if d not in present):
                self.fail(s, f"missing in {y} not named")
        year, *_ = self.t.comparison(gdp, district)
        last = int(g["y1"] or g["y0"])
        if last != year:
            self.fail(s, f"latest rank in {last}, the comparison year is {year}")
        if zh:
            self._rank_years(s, g)
        return True

    def _rank_years(self, s, g):
        gdp = self.t.wide("gdp")
        counts = gdp[list(NINE)].notna().sum(axis=1)
        incomplete = [int(y) for y in counts.index if NEED <= counts[y] < len(NINE)]
        unranked = [int(y) for y in counts.index if 0 < counts[y] < NEED]
        if g.get("inc") is not None and _years(g["inc"]) != incomplete:
            self.fail(s, f"incomplete years {g['inc']}, expected {incomplete}")
        if g.get("unr") is not None and _years(g["unr"]) != unranked:
            self.fail(s, f"unranked years {g['unr']}, expected {unranked}")

    def lines_note(self, s: str) -> bool:
        zh = self.lang == "zh"
        if zh:
            if not (s.startswith(("空心", "点线标出", "线上的短点线"))):
                return False
            parts = _split_top(s.rstrip("。"), "；")
        else:
            if not s.startswith(("Hollow ", "Dotted lines", "Short dotted marks")):
                return False
            parts = _split_top(s.rstrip("."), "; ")
        shape_flag = {
            "空心圆": "interpolated",
            "空心菱形": "corrected",
            "空心方块": "derived",
            "hollow circles": "interpolated",
            "hollow diamonds": "corrected",
            "hollow squares": "derived",
        }
        # which indicator: the level sentence that follows names it; check flags against every
        # indicator the report charts and accept the one that matches
        candidates = [
            "gdp",
            "gdp_per_capita",
            "fiscal_revenue",
            "retail_sales",
            "loans",
            "deposits_household",
            "income_urban",
            "income_rural",
        ]
        problems = []
        for indicator in candidates:
            bad = []
            sub = self.t.panel[
                (self.t.panel["indicator"] == indicator) & self.t.panel["district"].isin(NINE)
            ]
            for part in parts:
                lower = part[:1].lower() + part[1:]
                shape = next((k for k in shape_flag if lower.startswith(k)), None)
                if shape:
                    flag = shape_flag[shape]
                    rows = sub[sub["flag"] == flag]
                    said = re.findall(r"(\d{4})(?:年)?[:：]\s*([^；;)）]*)", part)
                    expected = {int(y): sorted(g["district"]) for y, g in rows.groupby("year")}
                    got = {}
                    for y, who in said:
                        count = re.fullmatch(r"(\d+)(?:个区| districts)", who.strip())
                        got[int(y)] = (
                            int(count.group(1)) if count else sorted(self.split_names(who))
                        )
                    if {
                        y: (len(v) if isinstance(got.get(y), int) else v)
                        for y, v in expected.items()
                    } != got:
                        bad.append(f"{flag}: {got} != {expected}")
                elif lower.startswith(("点线标出", "dotted lines")):
                    years = re.search(r"（([\d–、]+)年：" if zh else r"\(([\d–, ]+): ", part)
                    basis = sorted({b for b, _ in self.t.basis(indicator, self.r.district)})
                    span = sub["year"]
                    inside = [b for b in basis if span.min() < b <= span.max()]
                    if not years or _years(years.group(1)) != inside:
                        bad.append(f"breaks {years.group(1) if years else None} != {inside}")
                    named = [r for b, r in self.t.basis(indicator, self.r.district) if b in inside]
                    for row in named:
                        year = row["year"] if row["kind"].endswith("census") else row["first_year"]
                        if str(year) not in part.split("：" if zh else ": ", 1)[-1]:
                            bad.append(f"break {row['break_id']} not named")
                elif lower.startswith(("线上的短点线", "short dotted marks")):
                    bad += self._others_marks(part, indicator, sub)
            if not bad:
                return True
            problems.append((indicator, bad))
        self.fail(s, f"the chart note matches no indicator: {problems[:2]}")
        return True

    def _others_marks(self, part: str, indicator: str, sub: pd.DataFrame) -> list[str]:
        """Point 4: the breaks drawn as short marks — inside the years shown, of some of the
        nine only — each named with its year and every district it belongs to."""
        span = sub["year"]
        inside = {
            d: [(b, r) for b, r in self.t.basis(indicator, d) if span.min() < b <= span.max()]
            for d in NINE
            if d in set(sub["district"])
        }
        counts: dict[str, int] = {}
        for rows in inside.values():
            for _, r in rows:
                counts[r["break_id"]] = counts.get(r["break_id"], 0) + 1
        bad = []
        groups = _split_top(
            part[part.index("（" if self.lang == "zh" else "(") + 1 : -1],
            "；" if self.lang == "zh" else "; ",
        )
        for d, rows in inside.items():
            if d == self.r.district:
                continue
            for _, r in rows:
                if counts[r["break_id"]] == len(inside):
                    continue  # every line has it: drawn across, named with the district's own
                year = r["year"] if r["kind"].endswith("census") else r["first_year"]
                named = [
                    g
                    for g in groups
                    if self.names[d] in g.split("：" if self.lang == "zh" else ": ")[0]
                ]
                if not any(str(year) in g for g in named):
                    bad.append(f"{d}'s break {r['break_id']} ({year}) not named")
        return bad

    def gaps(self, s: str) -> bool:
        zh = self.lang == "zh"
        m = re.fullmatch(r"图中缺失：(?P<g>.*)。" if zh else r"Gaps: (?P<g>.*)\.", s)
        none = s in ("图中年份没有缺失值。", "No gaps in the years shown.")
        if not m and not none:
            return False
        gdp = self.t.wide("gdp")
        gdp = gdp[gdp.index >= 2005]
        expected = {
            d: [int(y) for y in gdp.index[gdp[d].isna()]] for d in NINE if gdp[d].isna().any()
        }
        got = {}
        if m:
            for part in m.group("g").split("；" if zh else "; "):
                name, _, years = part.partition(" ")
                got[self.district_of(name)] = _years(years)
        if got != expected:
            self.fail(s, f"gaps {got} != {expected}")
        return True

    def left_out(self, s: str) -> bool:
        zh = self.lang == "zh"
        m = re.fullmatch(
            r"未纳入：(?P<who>.*)（(?P<y>\d{4})年无数据）。"
            if zh
            else r"Left out: (?P<who>.*) \(no data for (?P<y>\d{4})\)\.",
            s,
        )
        if not m:
            return False
        year = int(m.group("y"))
        who = self.split_names(m.group("who"))
        if self.r.notebook.startswith("02"):
            frame = self.t.wide("gdp")
        else:
            frame = self._sector_availability()
        expected = (
            [d for d in NINE if pd.isna(frame.at[year, d])] if year in frame.index else list(NINE)
        )
        if sorted(who) != sorted(expected):
            self.fail(s, f"left out {who}, without a {year} value are {expected}")
        return True

    # report 01 ------------------------------------------------------------------------------
    def coverage(self, s: str) -> bool:
        zh = self.lang == "zh"
        if zh:
            rx = (
                rf"(?P<name>{self.DN})的(?P<ind>{self.IN})在(?P<a>\d{{4}})–(?P<b>\d{{4}})年中有(?P<k>\d+)年有值，最新为(?P<y>\d{{4}})年"
                rf"(?:（(?P<flags>[^（）]*)）)?；完全覆盖这些年份的区：(?P<f>\d+)/(?P<n>\d+)。"
            )
        else:
            rx = (
                rf"(?P<name>{self.DN}) has (?P<ind>{self.IN}) for (?P<k>\d+) of the years (?P<a>\d{{4}})–(?P<b>\d{{4}}), the latest (?P<y>\d{{4}})"
                rf"(?: \((?P<flags>[^()]*)\))?; (?P<f>\d+) of (?P<n>\d+) districts cover every year\."
            )
        m = re.fullmatch(rx, s)
        if not m:
            return False
        g = m.groupdict()
        district = self.district_of(g["name"])
        indicator = self.ind_by_name[g["ind"]]
        p = self.t.panel[(self.t.panel["flag"] != "derived") & (self.t.panel["year"] >= 2005)]
        frame = self.t.wide(indicator, panel=p)
        years = list(range(int(frame.index.min()), int(frame.index.max()) + 1))
        frame = frame.reindex(index=years, columns=list(NINE))
        own = frame[district].dropna()
        checks = {
            "span": ((int(g["a"]), int(g["b"])), (years[0], years[-1])),
            "years with a value": (int(g["k"]), len(own)),
            "latest": (int(g["y"]), int(own.index.max())),
            "complete districts": (int(g["f"]), int(frame.notna().all().sum())),
            "districts": (int(g["n"]), len(NINE)),
        }
        for what, (said, expected) in checks.items():
            if said != expected:
                self.fail(s, f"{what}: {said} != {expected}")
        sub = p[(p["indicator"] == indicator) & (p["district"] == district)]
        expected_flags = {
            f: sorted(int(y) for y in grp["year"])
            for f, grp in sub.groupby("flag")
            if f != "observed"
        }
        got = {}
        for part in re.split("，" if zh else "; ", g["flags"] or ""):
            if not part:
                continue
            hit = re.fullmatch(
                r"(?P<y>[\d–、]+)年为(?P<w>.+)" if zh else r"(?P<y>[\d–, ]+) (?P<w>.+)", part
            )
            words = {self.t.term[self.lang].get(f, f): f for f in set(self.t.panel["flag"])}
            flag = words.get(hit.group("w"), hit.group("w"))
            got[flag] = _years(hit.group("y"))
        if got != expected_flags:
            self.fail(s, f"flags {got} != {expected_flags}")
        return True

    def conflicts(self, s: str) -> bool:
        zh = self.lang == "zh"
        if zh:
            rx = rf"(?P<name>{self.DN})的数值涉及(?P<k>\d+)处来源不一致(?:（(?P<kinds>[^（）]*)）)?；图表所示各区共(?P<N>\d+)处。"
        else:
            rx = rf"Sources disagree on (?P<k>\d+) of (?P<name>{self.DN})'s values(?: \((?P<kinds>[^()]*)\))?; (?P<N>\d+) across the districts shown\."
        m = re.fullmatch(rx, s)
        if not m:
            return False
        g = m.groupdict()
        district = self.district_of(g["name"])
        found = jb.conflicts(
            districts=list(NINE), indicators=["gdp", "retail_sales", "fiscal_revenue"]
        )
        mine = _conflicts_of(found, district)
        if int(g["N"]) != len(found):
            self.fail(
                s, f"{g['N']} conflicts across the districts, jb.conflicts lists {len(found)}"
            )
        if int(g["k"]) != len(mine):
            self.fail(s, f"{g['k']} of {district}'s values, {len(mine)} conflicts involve them")
        return True

    def breaks(self, s: str) -> bool:
        zh = self.lang == "zh"
        m = re.fullmatch(
            r"(?P<y>.*)各区增长率的离散程度远超常年：跨这些年份比较水平需谨慎。"
            if zh
            else r"Growth rates scatter far beyond the usual in (?P<y>.*): compare levels across these years with care\.",
            s,
        )
        if not m and s not in (
            "各年增长率的离散程度没有异常。",
            "No year shows an unusual scatter of growth.",
        ):
            return False
        said = [int(y) for y in re.findall(r"(\d{4})(?:年（| \()", m.group("y"))] if m else []
        if said != _scatter_breaks():
            self.fail(s, f"break years {said}, the test's robust z finds {_scatter_breaks()}")
        return True

    # report 03 ------------------------------------------------------------------------------
    SECTORS = ("va_primary", "va_secondary", "va_tertiary")

    def _sector_availability(self) -> pd.DataFrame:
        p = self.t.panel
        sub = p[p["indicator"].isin(self.SECTORS)]
        counts = sub.pivot_table(index="year", columns="district", values="value", aggfunc="count")
        full = counts.reindex(columns=[*NINE, "chongqing"]) == 3
        full = full[full["chongqing"]]
        return full[list(NINE)].where(full[list(NINE)])

    def _structure_year(self):
        return self.t.comparison(self._sector_availability(), self.r.district)

    def _matrix(self, year):
        p = self.t.panel
        sub = p[p["indicator"].isin(self.SECTORS) & (p["year"] == year)]
        return sub.pivot_table(index="indicator", columns="district", values="value").reindex(
            list(self.SECTORS)
        )

    def sector(self, s: str) -> bool:
        zh = self.lang == "zh"
        if zh:
            rx = (
                rf"(?P<name>{self.DN})第三产业比重由(?P<y0>\d{{4}})年的(?P<s0>[\d.]+)%变为(?P<y1>\d{{4}})年的(?P<s1>[\d.]+)%"
                rf"（(?P<pts>[+-][\d.]+)个百分点(?:；区间跨越(?P<bx>[^（）]*))?），(?P<y2>\d{{4}})年第二产业比重为(?P<sec>[\d.]+)%。"
            )
        else:
            rx = (
                rf"(?P<name>{self.DN})'s tertiary share went from (?P<s0>[\d.]+)% in (?P<y0>\d{{4}}) to (?P<s1>[\d.]+)% in (?P<y1>\d{{4}}) "
                rf"\((?P<pts>[+-][\d.]+) percentage points(?:; the span crosses (?P<bx>[^()]*))?\); the secondary share was (?P<sec>[\d.]+)% in (?P<y2>\d{{4}})\."
            )
        m = re.fullmatch(rx, s)
        if not m:
            return s in (
                f"{self.names[self.r.district]}没有完整的三次产业数据。",
                f"{self.names[self.r.district]} has no complete sector data.",
            )
        g = m.groupdict()
        district = self.district_of(g["name"])
        p = self.t.panel
        sub = p[(p["district"] == district) & p["indicator"].isin(self.SECTORS)]
        table = (
            sub.pivot_table(index="year", columns="indicator", values="value")
            .reindex(columns=list(self.SECTORS))
            .dropna()
        )
        shares = 100 * table.div(table.sum(axis=1), axis=0)
        y0, y1 = int(shares.index.min()), int(shares.index.max())
        if (int(g["y0"]), int(g["y1"]), int(g["y2"])) != (y0, y1, y1):
            self.fail(s, f"years {g['y0']}, {g['y1']}; the complete ones run {y0}–{y1}")
            return True
        t0, t1 = shares.at[y0, "va_tertiary"], shares.at[y1, "va_tertiary"]
        for printed, value in (
            (g["s0"], t0),
            (g["s1"], t1),
            (g["sec"], shares.at[y1, "va_secondary"]),
        ):
            if abs(float(printed) - value) > 0.05 + 1e-9:
                self.fail(s, f"share {printed} != {value:.3f}")
        if abs(float(g["pts"]) - round(t1 - t0, 6)) > 0.05 + 1e-9:
            self.fail(s, f"{g['pts']} points != {t1 - t0:.3f}")
        self.check_breaks_named(s, g["bx"], self.t.crossed("va_tertiary", district, y0, y1))
        return True

    def lq(self, s: str) -> bool:
        zh = self.lang == "zh"
        rx = (
            rf"(?P<y>\d{{4}})年(?P<name>{self.DN})区位商最高的是(?P<sec>第一产业|第二产业|第三产业)（(?P<v>[\d.]+)），该产业比重是全市的(?P<v2>[\d.]+)倍。"
            if zh
            else rf"In (?P<y>\d{{4}}) (?P<name>{self.DN})'s location quotient is highest in the (?P<sec>primary|secondary|tertiary) sector \((?P<v>[\d.]+)\): its share there is (?P<v2>[\d.]+) times the city's\."
        )
        m = re.fullmatch(rx, s)
        if not m:
            return False
        g = m.groupdict()
        district = self.district_of(g["name"])
        year, *_ = self._structure_year()
        if int(g["y"]) != year:
            self.fail(s, f"structure compared in {g['y']}, the comparison year is {year}")
            return True
        matrix = self._matrix(year)
        lq = (matrix[district] / matrix[district].sum()) / (
            matrix["chongqing"] / matrix["chongqing"].sum()
        )
        top = str(lq.idxmax())
        if (
            self.t.term[self.lang][top] != g["sec"]
            or abs(float(g["v"]) - lq.max()) > 0.005 + 1e-9
            or g["v"] != g["v2"]
        ):
            self.fail(s, f"highest LQ {g['sec']} {g['v']}, expected {top} {lq.max():.3f}")
        return True

    def shift_share(self, s: str) -> bool:
        zh = self.lang == "zh"
        V = self.V
        if zh:
            rx = (
                rf"(?P<a>\d{{4}})–(?P<b>\d{{4}})年(?P<name>{self.DN})三次产业增加值合计(?P<dir>增加|减少)(?P<c>{V})（现价）："
                rf"全市增长效应(?P<r>{V})，结构效应(?P<m>{V})，竞争效应(?P<k>{V})(?:；区间跨越(?P<bx>.*)，竞争效应含修订的影响)?。"
            )
        else:
            rx = (
                rf"Over (?P<a>\d{{4}})–(?P<b>\d{{4}}) (?P<name>{self.DN})'s value added (?P<dir>rose by|fell by) (?P<c>{V}) \(current prices\): "
                rf"city growth (?P<r>{V}), sector mix (?P<m>{V}), competitive (?P<k>{V})(?:; the span crosses (?P<bx>.*), whose revision the competitive effect absorbs)?\."
            )
        m = re.fullmatch(rx, s)
        if not m:
            return False
        g = m.groupdict()
        district = self.district_of(g["name"])
        a, b = int(g["a"]), int(g["b"])
        m0, m1 = self._matrix(a), self._matrix(b)
        e0, e1, c0, c1 = m0[district], m1[district], m0["chongqing"], m1["chongqing"]
        growth_all = c1.sum() / c0.sum() - 1
        reference = float((e0 * growth_all).sum())
        mix = float((e0 * (c1 / c0 - 1 - growth_all)).sum())
        competitive = float((e0 * (e1 / e0 - c1 / c0)).sum())
        change = float((e1 - e0).sum())
        if (g["dir"] in ("减少", "fell by")) != (change < 0):
            self.fail(s, f"'{g['dir']}' but the change is {change:.3f}")
        if not close(g["c"], abs(change), self.lang):
            self.fail(s, f"{g['c']} != {abs(change):.3f}")
        for printed, value in ((g["r"], reference), (g["m"], mix), (g["k"], competitive)):
            if not close(printed, value, self.lang):
                self.fail(s, f"{printed} != {value:.3f}")
        crossed = self.t.crossed("va_tertiary", district, a, b)
        if crossed and not g["bx"]:
            self.fail(s, "the span crosses breaks and does not say so")
        self.check_breaks_named(s, g["bx"], crossed)
        return True

    def specialisation(self, s: str) -> bool:
        zh = self.lang == "zh"
        if zh:
            rx = rf"(?P<y>\d{{4}})年(?P<name>{self.DN})克鲁格曼专业化指数为(?P<v>[\d.]+)（0为与全市结构相同，越大越专业化），在有数据的(?P<n>\d+)个区中居第(?P<r>\d+)位(?:（(?P<rn>[^（）]*)）)?。"
        else:
            rx = rf"In (?P<y>\d{{4}}) (?P<name>{self.DN})'s Krugman specialisation index is (?P<v>[\d.]+) \(0 = the city's structure; higher is more specialised\), (?P<r>\d+){self._ord()} of the (?P<n>\d+) districts with data(?: \((?P<rn>[^()]*)\))?\."
        m = re.fullmatch(rx, s)
        if not m:
            return False
        g = m.groupdict()
        district = self.district_of(g["name"])
        year = int(g["y"])
        matrix = self._matrix(year)
        shares = matrix / matrix.sum()
        k = (shares.drop(columns="chongqing").sub(shares["chongqing"], axis=0)).abs().sum()
        k = k.reindex(list(NINE))
        frame = pd.DataFrame([k.to_numpy()], columns=list(NINE), index=[year])
        if abs(float(g["v"]) - k[district]) > 0.005 + 1e-9:
            self.fail(s, f"K {g['v']} != {k[district]:.4f}")
        if year != self._structure_year()[0]:
            self.fail(s, "specialisation not in the structure year")
        self.check_rank(s, frame, district, year, g["n"], g["r"], g["rn"])
        return True

    def dispersion(self, s: str) -> bool:
        zh = self.lang == "zh"
        if zh:
            rx = r"(?P<who>[^，。]+?)人均地区生产总值对数标准差(?P<path>.*?)(?:：(?P<since>\d{4})年以来(?P<v>趋于收敛|趋于发散|基本不变)|(?P<none>：(?P<nsince>\d{4})年以来(?P<ndir>上升|下降)(?P<nchg>[\d.]+)，其中可比的逐年变化(?P<nclean>仅占[\d.]+|合计近乎为零|合计反而(?:上升|下降)[\d.]+)，其余出现在(?P<nwhere>.*?)的年份，不据此判断(?P<nv>趋于发散|趋于收敛)))?。"
        else:
            rx = r"Dispersion of GDP per capita \(std of log values\) across (?P<who>.+?) (?P<path>(?:rose|fell|held|moved between) .*?)(?:: (?P<v>converging|diverging|about unchanged) since (?P<since>\d{4})|(?P<none>: of its (?P<ndir>rise|fall) of (?P<nchg>[\d.]+) since (?P<nsince>\d{4}), (?P<nclean>only [\d.]+ is in like-for-like year-on-year changes|like-for-like year-on-year changes add up to (?:about nothing|a (?:rise|fall) of [\d.]+)); the rest is in years (?P<nwhere>.*?), so no verdict on (?P<nv>divergence|convergence) is drawn))?\."
        m = re.fullmatch(rx, s)
        if not m:
            return False
        g = m.groupdict()
        group = self._group_of(g["who"])
        if group is None:
            self.fail(s, f"the group {g['who']!r} is not named by what it holds")
            return True
        name, n, of, missing = group
        nine = name == "central"
        units = list(NINE) if nine else sorted(set(self.t.all_units["district"]) - {"chongqing"})
        pc = self.t.wide("gdp_per_capita", units=units, panel=self.t.all_units)
        pc = pc[pc.index >= 2005]
        everyone = self.t.wide(
            "gdp_per_capita",
            units=sorted(set(self.t.all_units["district"])),
            panel=self.t.all_units,
        )
        counts = everyone[everyone.index >= 2005].notna().sum(axis=1)
        span = [y for y in counts.index if counts[y] >= math.ceil(2 / 3 * everyone.shape[1])]
        pc = pc.loc[span[0] : span[-1]]
        kept = [d for d in pc.columns if pc[d].notna().all()]
        sigma = np.log(pc[kept]).std(axis=1, ddof=0)
        # point 5: the group word matches the group the numbers were computed on
        if of != len(units):
            self.fail(s, f"a group of {of}, the registry's has {len(units)}")
        if n != len(kept):
            self.fail(s, f"{n} units, {len(kept)} are complete over {span[0]}–{span[-1]}")
        left = sorted(d for d in units if d not in kept)
        if sorted(self.split_names(missing) if missing else []) != left:
            self.fail(s, f"named without {missing!r}, the units left out are {left}")
        self._path(s, sigma, g["path"], 3, pct=True)
        if g["v"]:
            last_up = "发散" in g["v"] or g["v"] == "diverging"
            tail = sigma[sigma.index >= int(g["since"])]
            if (tail.iloc[-1] > tail.iloc[0]) != last_up:
                self.fail(
                    s,
                    f"'{g['v']}' since {g['since']}, σ went {tail.iloc[0]:.3f} → {tail.iloc[-1]:.3f}",
                )
            if "不变" not in g["v"] and "unchanged" not in g["v"]:
                change, clean, _, _ = self._like_for_like(sigma, kept, int(g["since"]))
                if not (clean * change > 0 and abs(clean) >= abs(change) / 2):
                    self.fail(
                        s,
                        f"'{g['v']}' drawn from a change of {change:+.3f} of which only "
                        f"{clean:+.3f} is in like-for-like years (the rest on registered breaks "
                        "or interpolated values)",
                    )
        if g["none"]:
            self._no_verdict(s, g, sigma, kept)
        return True

    def _group_of(self, who: str):
        """(group, n, of, missing names) of a group named by what it holds, or None."""
        if self.lang == "zh":
            forms = [
                ("central", r"中心城区(?P<of>\d+)区(?:中的(?P<n>\d+)区（不含(?P<m>[^（）]*)）)?"),
                ("all", r"全市(?P<of>\d+)个区县(?:中的(?P<n>\d+)个（不含(?P<m>[^（）]*)）)?"),
            ]
        else:
            forms = [
                (
                    "central",
                    r"(?:the|(?P<n>\d+) of the) (?P<of>\d+) central districts(?: \(no (?P<m>[^()]*)\))?",
                ),
                (
                    "all",
                    r"(?:the|(?P<n>\d+) of the) (?P<of>\d+) districts and counties of the city(?: \(no (?P<m>[^()]*)\))?",
                ),
            ]
        for name, rx in forms:
            m = re.fullmatch(rx, who)
            if m and bool(m["n"]) == bool(m["m"]):  # a part names what it leaves out
                of = int(m["of"])
                return name, int(m["n"]) if m["n"] else of, of, m["m"] or ""
        return None

    def _like_for_like(self, sigma: pd.Series, kept: list[str], since: int):
        """(change, like-for-like part, break rows crossed, interpolated years) of σ since
        ``since``: a year-on-year change is like for like when no unit kept crosses a registered
        break between the two years (data/breaks.csv, read here) and no unit's value of either
        year is interpolated."""
        p = self.t.all_units
        own = p[(p["indicator"] == "gdp_per_capita") & p["district"].isin(kept)]
        guessed = {int(y) for y in own.loc[own["flag"] == "interpolated", "year"]}
        basis = [(b, r) for d in kept for b, r in self.t.basis("gdp_per_capita", d, p)]
        tail = sigma[sigma.index >= since]
        years = [int(y) for y in tail.index]
        clean, crossed = 0.0, {}
        for a, b in pairwise(years):
            hit = [r for y, r in basis if a < y <= b]
            crossed.update({r["break_id"]: r for r in hit})
            if not hit and a not in guessed and b not in guessed:
                clean += float(tail[b] - tail[a])
        change = float(tail.iloc[-1] - tail.iloc[0])
        return change, clean, crossed, sorted(y for y in years if y in guessed)

    def _no_verdict(self, s: str, g: dict, sigma: pd.Series, kept: list[str]) -> None:
        """A withheld verdict: its numbers, its direction, the breaks and interpolated years it
        names, and that the verdict would indeed not be drawn from like-for-like changes."""
        zh = self.lang == "zh"
        change, clean, crossed, guessed = self._like_for_like(sigma, kept, int(g["nsince"]))
        up = g["ndir"] in ("上升", "rise")
        if up != (change > 0) or (("发散" in g["nv"] or g["nv"] == "divergence") != up):
            self.fail(s, f"'{g['ndir']}'/'{g['nv']}' since {g['nsince']}: σ changed {change:+.3f}")
        if not close(g["nchg"], abs(change), self.lang):
            self.fail(s, f"change {g['nchg']}, σ changed {abs(change):.3f}")
        number = re.search(r"[\d.]+", g["nclean"])
        if number and not close(number.group(0), abs(clean), self.lang):
            self.fail(s, f"like-for-like part {number.group(0)}, recomputed {clean:+.3f}")
        if clean * change > 0 and abs(clean) >= abs(change) / 2:
            self.fail(s, f"verdict withheld, but {clean:+.3f} of {change:+.3f} is like for like")
        named = {int(y) for y in re.findall(r"\d{4}", g["nwhere"])}
        interp = re.search(
            r"紧邻(.*)年插值" if zh else r"interpolated values of (.*)$", g["nwhere"]
        )
        told = set(_years(interp.group(1))) if interp else set()
        if told != set(guessed):
            self.fail(s, f"interpolated years named {sorted(told)}, they are {guessed}")
        years = {int(r["year"]) for r in crossed.values()}
        if not years <= named:
            self.fail(s, f"crosses the breaks of {sorted(years)}, names {sorted(named - told)}")

    def beta(self, s: str) -> bool:
        zh = self.lang == "zh"
        if zh:
            rx = (
                r"(?P<a>\d{4})–(?P<b>\d{4})年(?:(?P<n>\d+)个单位中|，(?P<who>.+?)的)人均地区生产总值名义增长率(?:随初始水平下降|未随初始水平下降)"
                r"（β = (?P<beta>-?[\d.]+)/年，p = (?P<p>[\d.]+)，在5%水平(?P<sig>显著|不显著)）：(?P<tail>[^；]*)(?:；区间跨越(?P<bx>.*)，增长率含口径变化)?。"
            )
        else:
            rx = (
                r"Across (?:(?P<n>\d+) units|(?P<who>.+?)), (?P<a>\d{4})–(?P<b>\d{4}), nominal growth of GDP per capita (?:fell|did not fall) with the initial level "
                r"\(beta = (?P<beta>-?[\d.]+) a year, p = (?P<p>[\d.]+), (?P<sig>significant|not significant) at 5%\): (?P<tail>[^;]*)(?:; the span crosses (?P<bx>.*), so growth includes the changes of basis)?\."
            )
        m = re.fullmatch(rx, s)
        if not m:
            return False
        g = m.groupdict()
        from scipy import stats

        a, b = int(g["a"]), int(g["b"])
        units = sorted(set(self.t.all_units["district"]) - {"chongqing"})
        pc = self.t.wide("gdp_per_capita", units=units, panel=self.t.all_units).loc[a:b]
        kept = [d for d in pc.columns if pc[d].notna().all()]
        x = np.log(pc.loc[a, kept].to_numpy(float))
        y = np.log(pc.loc[b, kept].to_numpy(float) / pc.loc[a, kept].to_numpy(float)) / (b - a)
        fit = stats.linregress(x, y)
        if g["who"]:  # point 5: named by what it holds
            group = self._group_of(g["who"])
            if group is None or group[0] != "all":
                self.fail(s, f"the units {g['who']!r} are not named by what they hold")
                return True
            _, n, of, missing = group
            left = sorted(d for d in units if d not in kept)
            if of != len(units) or sorted(self.split_names(missing) if missing else []) != left:
                self.fail(s, f"named {g['who']!r}, the fit leaves out {left} of {len(units)}")
            g["n"] = n
        if int(g["n"]) != len(kept) or abs(float(g["beta"]) - fit.slope) > 0.00005 + 1e-12:
            self.fail(
                s, f"beta {g['beta']} over {g['n']}, expected {fit.slope:.5f} over {len(kept)}"
            )
        if abs(float(g["p"]) - fit.pvalue) > 0.0005 + 1e-12:
            self.fail(s, f"p {g['p']} != {fit.pvalue:.4f}")
        if (fit.pvalue < 0.05) != (g["sig"] in ("显著", "significant")):
            self.fail(s, "significance misstated")
        half = re.search(r"([\d.]+)年|half-life ([\d.]+)", g["tail"])
        if half:
            lam = -math.log1p(fit.slope * (b - a)) / (b - a)
            if abs(float(half.group(1) or half.group(2)) - math.log(2) / lam) > 0.05 + 1e-9:
                self.fail(s, f"half-life {half.group(0)} != {math.log(2) / lam:.2f}")
            if fit.pvalue >= 0.05:
                self.fail(s, "a half-life for an insignificant beta")
        crossed = {}
        for d in kept:
            for r in self.t.crossed("gdp_per_capita", d, a, b):
                crossed[r["break_id"]] = r
        self.check_breaks_named(s, g["bx"], list(crossed.values()))
        return True

    def no_data(self, s: str) -> bool:
        zh = self.lang == "zh"
        m = re.fullmatch(
            rf"(?P<name>{self.DN})没有(?P<ind>{self.IN})数据。"
            if zh
            else rf"There is no (?P<ind>{self.IN}) data for (?P<name>{self.DN})\.",
            s,
        )
        if not m:
            return False
        district, indicator = self.district_of(m.group("name")), self.ind_by_name[m.group("ind")]
        frame = self.t.wide(indicator)
        if district in frame and frame[district].notna().any():
            self.fail(s, f"{district} has {indicator} data")
        return True

    def no_structure(self, s: str) -> bool:
        zh = self.lang == "zh"
        m = re.fullmatch(
            rf"(?P<name>{self.DN})没有可比的产业结构：没有哪一年该区、全市和三分之二以上的区都有三次产业数据（其他区最近为(?P<y>\d{{4}})年）。"
            if zh
            else rf"No structure comparison for (?P<name>{self.DN}): no year in which it, the city and two thirds of the districts have all three sectors \(the latest for the others is (?P<y>\d{{4}})\)\.",
            s,
        )
        if not m:
            return False
        year, _, _, group_year = self._structure_year()
        if year is not None or group_year != int(m.group("y")):
            self.fail(s, f"a structure year exists ({year}) or the group's is {group_year}")
        return True

    # everything -----------------------------------------------------------------------------
    STATIC_STARTS = ("内置数据：", "bundled data: ", "问题：", "Question:")

    def audit_sentence(self, s: str) -> None:
        s = s.strip()
        if not s:
            return
        if s.startswith(("内置数据：", "bundled data: ")):
            import hashlib

            digest = hashlib.sha256((ROOT / "data" / "observations.csv").read_bytes()).hexdigest()
            if digest[:12] not in s:
                self.fail(s, f"the data vintage does not name observations.csv {digest[:12]}")
            return
        if s.startswith(self.STATIC_STARTS) or s in STATIC_NOTES:
            return
        real_word = ("实际" in s) if self.lang == "zh" else bool(re.search(r"\breal\b", s))
        if re.search(r"\bof (the )?[12]\b(?! ?%)", s) or re.search(r"在(有数据的)?[12]个区中", s):
            self.fail(s, "a comparison among one or two")
        templates = [
            self.level,
            self.index,
            self.growth,
            self.real,
            self.share,
            self.rank,
            self.lines_note,
            self.gaps,
            self.left_out,
            self.coverage,
            self.conflicts,
            self.breaks,
            self.sector,
            self.lq,
            self.shift_share,
            self.specialisation,
            self.dispersion,
            self.beta,
            self.no_data,
            self.no_structure,
        ]
        for template in templates:
            if template(s):
                if real_word and template != self.real:
                    self.fail(s, "'real'/'实际' on a figure that is not published real growth")
                return
        self.fail(s, "a sentence no template of the audit recognises")

    def run(self) -> list[str]:
        for paragraph in self.r.paragraphs:
            for s in sentences(paragraph, self.lang):
                self.audit_sentence(s)
        self.check_language()
        if self.r.visible_markdown_cells:
            self.fail(
                "", f"{self.r.visible_markdown_cells} hand-written markdown cells in the report"
            )
        return self.problems

    def check_language(self) -> None:
        source_ids = set(_registry("sources.csv")["id"])
        texts = [*self.r.headings, *self.r.paragraphs, *self.r.table_heads]
        for text in texts:
            if self.lang == "zh":
                rest = text
                for token in (*source_ids, "observations.csv", "sha256", "GDP", "β", "σ"):
                    rest = rest.replace(token, "")
                rest = re.sub(
                    r"\bC\d{3}\b|\bp = |[0-9a-f]{12}|稳健z值|数值[AB]|来源[AB]|版本[AB]", "", rest
                )
                if re.search(r"[A-Za-z]{2,}", rest):
                    self.fail(text, "English in a Chinese report")
            elif re.search(r"[\u4e00-\u9fff]", text):
                self.fail(text, "Chinese in an English report")


def _trailing_notes(text: str) -> tuple[str, str | None]:
    """(text before, inside) of the bracket group that ends ``text``, brackets matched."""
    if not text.endswith(("）", ")")):
        return text, None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += text[i] in "）)"
        depth -= text[i] in "（("
        if depth == 0:
            return text[:i].rstrip(" "), text[i + 1 : -1]
    return text, None


def _split_top(text: str, sep: str) -> list[str]:
    """Split at ``sep`` outside brackets."""
    parts, depth, current, i = [], 0, "", 0
    while i < len(text):
        if depth == 0 and text.startswith(sep, i):
            parts.append(current)
            current, i = "", i + len(sep)
            continue
        ch = text[i]
        depth += ch in "（("
        depth -= ch in "）)"
        current += ch
        i += 1
    return [*parts, current]


def _years(text: str) -> list[int]:
    out = []
    for part in re.split(r"、|, | and ", text.strip()):
        if "–" in part:
            a, b = part.split("–")
            out += list(range(int(a), int(b) + 1))
        elif part.strip():
            out.append(int(part))
    return out


def _conflicts_of(conflicts: pd.DataFrame, district: str) -> pd.DataFrame:
    """Conflicts a district's values are part of: on its key, or naming it on either side."""
    mask = conflicts["district"] == district
    for column in ("district_a", "district_b"):
        if column in conflicts:
            mask |= conflicts[column] == district
    for column in ("districts", "districts_involved"):
        if column in conflicts:
            mask |= conflicts[column].astype(str).str.split("|").map(lambda ids: district in ids)
    return conflicts[mask]


@cache
def _scatter_breaks() -> list[int]:
    """Years whose cross-section of GDP growth (all 38 units) scatters beyond robust z 3.5."""
    units = jb.load_panel(districts="all", indicators="gdp")
    wide = units.pivot_table(index="year", columns="district", values="value")
    wide = wide[wide.index >= 2005]
    growth = 100 * np.log(wide / wide.shift(1).where(wide.index.to_series().diff().eq(1), np.nan))
    growth = growth.iloc[1:]
    med = growth.median(axis=1)
    scale = 1.4826 * float(growth.sub(med, axis=0).abs().median(axis=1).median())
    assert scale > 0
    disp = 1.4826 * growth.sub(med, axis=0).abs().median(axis=1)
    z = (disp - disp.median()) / (1.4826 * (disp - disp.median()).abs().median())
    return [int(y) for y in z.index[z > 3.5]]


def _static_notes() -> set[str]:
    from jbanalysis.text.sentences import overview, structure, versus

    notes = set()
    for module in (overview, versus, structure):
        for zh, en in module.HEADINGS.values():
            for text in (zh, en):
                for part in text.split("\n\n"):
                    if not part.startswith("#"):
                        notes.update(sentences(part, "zh") + sentences(part, "en") + [part])
    return notes


STATIC_NOTES = _static_notes()


# --- the tests -----------------------------------------------------------------------------------


@pytest.mark.reports("audit")
def test_every_takeaway_of_every_report_is_true_like_for_like_and_sourced(rendered):
    problems = []
    audited = 0
    for (district, lang), reports in sorted(rendered.items()):
        for notebook, (html, summary) in reports.items():
            report = read_report(html, district, lang, notebook)
            audit = Audit(report)
            for s in sentences(summary, lang):  # the index page quotes the summary
                audit.audit_sentence(s)
            problems += audit.run()
            audited += sum(len(sentences(p, lang)) for p in report.paragraphs)
    assert audited > 18 * 40
    assert not problems, "\n".join(problems[:60])


@pytest.mark.reports("audit")
def test_the_examples_of_the_issue_read_true(rendered):
    text = {
        key: "\n".join(
            p for n, (h, _) in reports.items() for p in read_report(h, *key, n).paragraphs
        )
        for key, reports in rendered.items()
    }
    jiangbei = text[("jiangbei", "zh")]
    yubei = text[("yubei", "en")]
    # Yubei's rural income is ranked in 2020, among eight, not "1st of the 1"
    assert "1st of the 1 districts" not in yubei
    assert (
        "in 2020 it was CNY 21,140, 8th of the 8 districts with data (no data for Yuzhong)" in yubei
    )
    # σ of the nine: the turn in 2011 is named, no "趋于收敛" over 2005–2020, and no verdict of
    # divergence from a rise that sits mostly on breaks and an interpolated year (issue 18)
    assert (
        "由2005年的0.298降48%至2011年的0.156，此后升62%至2020年的0.253：2011年以来上升0.096，"
        "其中可比的逐年变化仅占0.036" in jiangbei
    )
    assert "不据此判断趋于发散" in jiangbei and "2011年以来趋于发散" not in jiangbei
    # no growth over 2005–2022 without its breaks, no "实际" on a nominal rate
    assert "2005–2022年年均增长15.7%" not in jiangbei and "实际年均增长" not in jiangbei
    # the 2022 value, where Jiangbei is ranked (2023 has 5 of the nine), says it rests on a
    # low-reliability corrected aggregator value
    assert (
        "2022年为1602.8亿元（来自汇编网站的低可靠性数值，经C002更正），在有数据的8个区中居第3位"
        in jiangbei
    )
    # 渝中's derived 2020 per-capita GDP is in the comparison: 江北 is 2nd of 9, not 1st of 8
    # (the 2023 value is derived too, and not ranked: 5 of the nine)
    assert "2020年为143,380元，在有数据的9个区中居第2位（渝中区为推算值）" in jiangbei
    # the rank chart's incomplete years are named
    assert "2007–2012、2014、2016–2017、2022年有区缺数" in jiangbei
    # issue 18: 江北's share of the city is like for like (years without the city's first release
    # left out and named) and names the census rebases its path crosses; σ's group is named by
    # what it holds; the fiscal chart's note explains the other districts' break marks
    assert (
        "不同版本相除的年份未计入：2005、2007、2009–2010、2013–2014年（首发数/全市修订数）"
        in jiangbei
    )
    assert "跨2008、2013、2018年经济普查、江北区2018年口径变化和重庆市2022年来源切换" in jiangbei
    assert "中心城区9区中的8区（不含渝中区）人均地区生产总值对数标准差" in jiangbei
    assert (
        "（北碚区：2011、2013年统计范围变化；渝北区：2011、2012、2013年统计范围变化）" in jiangbei
    )


# --- the audit itself: it passes true sentences and catches false ones (no rendering) ------------


def _sentences_in_process(district: str, lang: str) -> list[str]:
    """The key takeaways of reports 02 and 03, made in this process the way the notebooks make them."""
    from jbanalysis import metrics
    from jbanalysis.text.sentences import structure, versus

    panel = metrics.with_derived(jb.load_panel(districts=[*NINE, "chongqing"]))
    gdp = jb.wide(panel, "gdp", districts=list(NINE))
    history = metrics.rank_history(gdp, district, list(NINE))
    growth = metrics.growth_comparison(gdp, "gdp", district, list(NINE), panel=panel)
    share_city = metrics.share(panel, "gdp", of="chongqing", districts=[district])
    shown = share_city.dropna(subset=["share"])["year"]
    city_breaks = metrics.crossed_summary(
        "gdp", shown.min(), shown.max(), [district, "chongqing"], panel
    )
    per_capita = jb.wide(truth().all_units, "gdp_per_capita", districts="all")
    covered = [y for y in per_capita.index if per_capita.loc[y].notna().sum() >= 26 and y >= 2005]
    nine = metrics.dispersion_path(per_capita.loc[covered[0] : covered[-1], list(NINE)])
    return [
        versus.level_sentence(metrics.level_comparison(panel, "gdp", district, list(NINE)), lang),
        versus.level_sentence(
            metrics.level_comparison(panel, "gdp_per_capita", district, list(NINE)), lang
        ),
        versus.level_sentence(
            metrics.level_comparison(panel, "income_rural", district, list(NINE)), lang
        ),
        versus.growth_sentence(growth, lang),
        versus.real_growth_sentence(
            metrics.real_growth_comparison(panel, district, list(NINE)), lang
        ),
        versus.rank_sentence(history, lang),
        versus.share_sentence(share_city, district, "city", lang, breaks=city_breaks),
        versus.lines_note(panel, "fiscal_revenue", list(NINE), district, lang),
        structure.dispersion_sentence(
            nine, "central", lang, metrics.path_verdict(nine, "gdp_per_capita", truth().all_units)
        ),
    ]


# (pattern, replacement): each must change one of the sentences and the audit must then object
MUTATIONS = {
    "zh": [
        (r"居第3位", "居第2位"),
        (r"名义年均增长", "实际年均增长"),
        (r"（来自汇编网站的低可靠性数值，经C002更正）", ""),
        (r"（大渡口区无数据）", "（渝中区无数据）"),
        (r"\d{4}–(\d{4})年名义年均增长", r"2005–\1年名义年均增长"),
        (r"（渝中区为推算值）", ""),
        (r"在有数据的\d个区中居第\d位", "在有数据的1个区中居第1位"),
        (r"升62%至", "降62%至"),
        (r"；跨2008、2013、2018年经济普查[^（）]*", ""),  # point 4: a break left unnamed
        (r"2005、2007、2009–2010、2013–2014年（", "2005、2007年（"),  # point 1: mixed vintages
        (r"北碚区：2011、2013年", "北碚区：2011年"),  # point 4: a line's break mark unexplained
        (r"中心城区9区中的8区（不含渝中区）", "中心城区9区"),  # point 5: the group word
        (r"不据此判断趋于发散", "不据此判断趋于收敛"),
        (r"：2011年以来上升[\d.]+，其中.*?不据此判断趋于发散", "：2011年以来趋于发散"),  # point 5
        (r"仅占[\d.]+", "仅占0.090"),
        (r"，此后(?:升|降)\d*%?至\d{4}年的[\d.]+%", ""),
        (r"实际增长[\d.]+%", "实际增长99.9%"),
        (r"2007–2012、2014、2016–2017、2022年有区缺数", "2007–2012年有区缺数"),
    ],
    "en": [
        (r"3rd of the 8", "2nd of the 8"),
        (r"its nominal growth was", "its real growth was"),
        (r" \(a low-reliability value from an aggregator site, corrected by C002\)", ""),
        (r"below the median", "above the median"),
        (r"then rose 62%", "then fell 62%"),
        (r"across the 2008, 2013 and 2018", "across the 2013 and 2018"),  # point 4
        (r"2005, 2007, 2009–2010, 2013–2014 \(first", "2005, 2007 (first"),  # point 1
        (r"Beibei: the 2011 and 2013 changes", "Beibei: the 2011 change"),  # point 4
        (r"8 of the 9 central districts \(no Yuzhong\)", "the 9 central districts"),  # point 5
        (r": of its rise of [\d.]+ since 2011, .*? is drawn", ": diverging since 2011"),  # point 5
        (r"no verdict on divergence", "no verdict on convergence"),
        (r"only [\d.]+ is in like-for-like", "only 0.090 is in like-for-like"),
        (r"interpolated values of 2017", "interpolated values of 2016"),
        (r"CNY 160\.3 bn", "CNY 16.0 bn"),
        (
            r"2nd of the 9 districts with data \(Yuzhong's value derived\)",
            "1st of the 8 districts with data",
        ),
        (r", then (?:rose|fell) to [\d.]+% in \d{4}", ""),
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_audit_passes_true_takeaways_and_catches_false_ones(lang):
    written = _sentences_in_process("jiangbei", lang)
    report = Report("jiangbei", lang, "02_jiangbei_vs_central_districts", paragraphs=written)
    assert Audit(report).run() == []
    missed = []
    for pattern, replacement in MUTATIONS[lang]:
        hit = [p for p in written if re.search(pattern, p)]
        assert hit, f"the mutation {pattern!r} finds nothing to change"
        audit = Audit(Report("jiangbei", lang, "02_jiangbei_vs_central_districts"))
        for s in sentences(re.sub(pattern, replacement, hit[0], count=1), lang):
            audit.audit_sentence(s)
        if not audit.problems:
            missed.append((pattern, replacement))
    assert missed == []


def test_the_audit_checks_the_language_of_headings_sentences_and_table_heads():
    zh = Report("jiangbei", "zh", "01_data_overview", headings=["1. Sources"], table_heads=["年份"])
    en = Report("jiangbei", "en", "01_data_overview", headings=["1. Sources"], table_heads=["年份"])
    assert [p.split(": ")[-1] for p in Audit(zh).run()] == ["1. Sources"]
    assert [p.split(": ")[-1] for p in Audit(en).run()] == ["年份"]
    fine = Report(
        "jiangbei",
        "zh",
        "01_data_overview",
        headings=["1. 来源"],
        table_heads=["cq_yearbook_panel", "数值A", "各区县增长率的离散度（稳健z值）"],
    )
    assert Audit(fine).run() == []
