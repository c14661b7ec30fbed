"""Labels as tables write them, compared with the registry: cleaning, units in brackets, and the
look-ups of districts, indicators and units (with units in brackets, footnote markers, spaces
between Chinese characters, traditional characters from Big5 or Hong Kong/Taiwan reposts)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from jbanalysis.io import words as w
from jbanalysis.io.numbers import strip_markers
from jbanalysis.names import lookup_keys, normalise, simplified
from jbanalysis.registry.districts import _alias_index, load_districts
from jbanalysis.registry.indicators import (
    _unit_index,
    indicator_index,
    load_indicators,
    load_units,
    resolve_unit,
)

_CJK = "\u2e80-\u9fff\uf900-\ufaff"
_CJK_GAP = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")


def clean(text: object) -> tuple[str, str]:
    """(label as compared: markers off, NFKC, simplified, spaces collapsed; the markers).

    >>> clean(" 江北區① ")
    ('江北区', '①')
    """
    raw = "" if text is None else str(text)
    if raw.startswith('="') and raw.endswith('"'):  # ="2024" as Excel-safe exports write text
        raw = raw[2:-1]
    if raw.endswith(".0") and raw[:-2].isdigit():  # a year header stored as a number
        raw = raw[:-2]
    body, markers = strip_markers(raw.strip())
    text = unicodedata.normalize("NFKC", simplified(body))
    return " ".join(text.split()), markers


def compact(text: str) -> str:
    """The comparison key of a cleaned label: :func:`normalise`, and no spaces between Chinese
    characters (``指 标`` and ``年 份`` as yearbooks space them are 指标 and 年份).

    >>> compact("指 标"), compact("Gross  Regional Product")
    ('指标', 'gross regional product')
    """
    return _CJK_GAP.sub("", normalise(text))


_UNIT_IN_HEADER = re.compile(r"[(\[]\s*(?:单位[:：]\s*)?([^()\[\]]+?)\s*[)\]]")
_UNIT_ROW = re.compile(
    r"^\s*[(]?\s*(?:计量)?单\s*位\s*[:：]\s*([^()]+?)\s*[)]?\s*$|^\s*unit\s*:\s*(.+?)\s*$", re.I
)
_TRAILING_UNITS = ("万亿元", "亿元", "万元", "千元", "万人", "元/人", "元")


def split_unit(label: str) -> tuple[str, str | None, str | None]:
    """``'地区生产总值(亿元)'`` → (``'地区生产总值'``, ``'cny_100m'``, ``'亿元'``); cleaned input.

    A bracket that is not a unit (``(可比价)``) stays in the name.

    >>> split_unit("江北区(万元)"), split_unit("比上年增长(%)")
    (('江北区', 'cny_10k', '万元'), ('比上年增长', 'pct', '%'))
    """
    for m in _UNIT_IN_HEADER.finditer(label):
        unit = unit_id(m.group(1))
        if unit:
            return (label[: m.start()] + label[m.end() :]).strip(), unit, m.group(1).strip()
    for symbol in ("万亿元", "亿元", "万元", "万人"):  # a unit written after the name
        if label.endswith(symbol) and len(label) > len(symbol):
            name = label[: -len(symbol)].strip(" ,:：/")
            if name:
                return name, resolve_unit(symbol), symbol
    if label.endswith("%") and len(label) > 1:
        return label[:-1].strip(), "pct", "%"
    return label, None, None


def unit_id(text: str) -> str | None:
    """The unit id of a unit as written (``亿元``, ``元/人`` for per head), or None."""
    text = text.strip()
    if not text or len(text) > 20:
        return None
    found = _unit_lookup(text)
    if found:
        return found
    if re.fullmatch(r"元\s*/\s*人|元/人/年|yuan per capita|yuan/person", text):
        return resolve_unit("元")
    return None


@cache
def _unit_lookup(text: str) -> str | None:
    """The unit id of ``text`` (its registry name, simplified if need be), or None; cached, and
    without the close matches an unknown name's error would compute."""
    index = _unit_index()
    for key in lookup_keys(text):
        if key in index:
            return index[key]
    return None


def unit_row(text: str) -> str | None:
    """The unit of a ``单位：亿元`` line (as written), or None.

    >>> unit_row("单位：亿元"), unit_row("（单位：万元）"), unit_row("江北区") is None
    ('亿元', '万元', True)
    """
    m = _UNIT_ROW.match(clean(text)[0])
    return (m.group(1) or m.group(2)).strip() if m else None


_NOTE_UNIT = re.compile(
    r"(?:^|[：:；;。，,\s])(?:\d+[.、．]\s*|[(（]\d+[)）]\s*)?(?:本表|表中|以上|上表|全表)?"
    r"(?:数据|金额|计量)?单\s*位\s*(?:均为|为|是|[：:])"
    r"\s*([^\s；;，,。()（）]{1,6})"
)


def note_unit(text: str) -> str | None:
    """The unit a note line gives the whole table (``注：单位为亿元``, ``说明：表中数据单位：万元；…``),
    as written, or None — never a unit the note gives one indicator (``人均…单位为元``).

    >>> note_unit("注：单位为亿元"), note_unit("说明：表中数据单位：万元；增速按可比价计算。")
    ('亿元', '万元')
    >>> note_unit("注：人均地区生产总值单位为元") is None
    True
    """
    cleaned = clean(text)[0]
    if not is_note(cleaned):
        return None
    m = _NOTE_UNIT.search(cleaned)
    return m.group(1) if m and unit_id(m.group(1)) else None


@cache
def _dimensions() -> dict[str, str]:
    units = load_units()
    return dict(zip(units["id"], units["dimension"], strict=True))


def unit_dimension(unit: str) -> str:
    return _dimensions().get(unit, "")


def unit_dimensions() -> dict[str, str]:
    return _dimensions()


def is_total(label: str) -> bool:
    key = compact(label).replace(" ", "")
    return key in w.TOTAL_NAMES or key.endswith(("合计", "总计"))


def is_note(text: str) -> bool:
    key = normalise(text)
    return key.startswith(w.NOTE_PREFIXES) or bool(
        re.match(r"^[\u2460-\u249b\u00b9\u00b2\u00b3\u2070-\u2079]", text)
    )


@cache
def _levels() -> dict[str, str]:
    reg = load_districts()
    return dict(zip(reg["id"], reg["level"], strict=True))


def district_of(label: str) -> str | None:
    """District id of a cleaned label (name, alias, English name, adcode), or None.

    >>> district_of("江北区"), district_of("Jiangbei District"), district_of("500105")
    ('jiangbei', 'jiangbei', 'jiangbei')
    """
    index = _alias_index()
    key = compact(label)
    found = index.get(key) or index.get(normalise(label))
    if found:
        return found
    if not key.isascii():
        return index.get(compact(simplified(key)))
    return None


def level_of(district: str) -> str:
    return _levels().get(district, "")


def indicator_of(label: str) -> str | None:
    """Indicator id of a cleaned label (id, Chinese or English name, alias), or None; a name
    with a qualifier that does not change its meaning (本外币, 城镇常住居民) is tried without it.

    >>> indicator_of("地区生产总值"), indicator_of("金融机构本外币存款余额")
    ('gdp', 'deposits')
    """
    index = indicator_index()
    key = compact(label)
    if not key:
        return None
    found = index.get(key) or w.ENGLISH.get(key)
    if found:
        return found
    for word, instead in w.QUALIFIERS:
        if word in key:
            found = index.get(key.replace(word, instead))
            if found:
                return found
    if not key.endswith("增加值") and not key.isascii():  # 工业 under 地区生产总值: 工业增加值
        return index.get(key + "增加值")
    return None


@cache
def _registry() -> dict[str, dict]:
    return load_indicators().set_index("id").to_dict("index")


def canonical_unit(indicator: str) -> str | None:
    return _registry().get(indicator, {}).get("unit")


def unit_symbol(unit: str) -> str:
    units = load_units().set_index("id")
    return str(units.at[unit, "symbol_zh"]) if unit in units.index else unit


def kind_of(indicator: str) -> str:
    return _registry().get(indicator, {}).get("kind", "")


def name_zh(indicator: str) -> str:
    return _registry().get(indicator, {}).get("name_zh", indicator)


def growth_basis(indicator: str) -> str:
    """``real``, ``nominal`` or ``""`` (not said): what a growth indicator measures, from its id
    and its registry description (``gdp_real_growth``; "Nominal growth of retail sales…")."""
    if "_real_" in indicator:
        return "real"
    if "_nominal_" in indicator:
        return "nominal"
    text = _registry().get(indicator, {}).get("description", "").casefold()
    if "real growth" in text or "comparable prices" in text:
        return "real"
    if "nominal" in text or "current prices" in text:
        return "nominal"
    return ""


def compose(indicator: str, measure: str, basis: str) -> tuple[str | None, str]:
    """The registry indicator of a measure of ``indicator`` (growth, per head, share), or None
    and why not. A growth at current prices (按现价) is never a real growth, and the other way
    round.

    >>> compose("gdp", "growth", ""), compose("gdp", "growth", "nominal")
    (('gdp_real_growth', ''), ('gdp_nominal_growth', ''))
    >>> compose("va_primary", "share", "")
    ('va_primary_share', '')
    """
    reg = _registry()
    if measure in ("", "level"):
        return indicator, ""
    row = reg.get(indicator, {})
    name = row.get("name_zh", indicator)
    if measure == "growth":
        if row.get("kind") == "rate":
            return None, f"growth of a rate ({name})"
        candidates = [row.get("growth", "")] if row.get("growth") else []
        candidates += [
            i
            for i in (
                f"{indicator}_real_growth",
                f"{indicator}_nominal_growth",
                f"{indicator}_growth",
            )
            if i in reg and i not in candidates
        ]
        for cand in candidates:
            if not basis or growth_basis(cand) in ("", basis):
                return cand, ""
        words = {
            "nominal": "at current prices (按现价, nominal)",
            "real": "at comparable prices (real)",
        }
        if candidates:
            return None, (
                f"growth {words.get(basis, '')} of {name}: the registry has only "
                f"{', '.join(candidates)} ({growth_basis(candidates[0]) or 'another basis'})"
            )
        return None, f"growth of {name}: the registry has no growth indicator for {indicator}"
    if measure == "per_capita":
        found = indicator_of("人均" + name)
        return (found, "") if found else (None, f"per head (人均) of {name}: not in the registry")
    if measure == "share":
        for suffix in ("比重", "占比", "占地区生产总值比重"):
            found = indicator_of(name + suffix) or indicator_of(
                name.removesuffix("增加值") + suffix
            )
            if found:
                return found, ""
        return None, f"a share (比重) of {name}: the registry has no share indicator for it"
    return None, f"{measure} of {name}"
