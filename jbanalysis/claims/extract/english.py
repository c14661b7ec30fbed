"""English sentences, where they are simple: one claim a clause, the indicator named before its
number, the place and year named in the sentence.

"In 2023, Jiangbei's GDP grew 6.7%", "Jiangbei's GDP reached 174.4 billion yuan in 2023",
"Jiangbei ranked first among the central districts in GDP growth", "retail sales made up a third
of the city's total". The indicator names are the registry's English names and aliases; the
units the registry's English unit names (billion yuan, yuan, million persons …). Anything else is
listed as not encoded, as a Chinese number is.
"""

from __future__ import annotations

import re
from functools import cache

from jbanalysis.claims.extract.reading import Sentence
from jbanalysis.errors import UnknownNameError
from jbanalysis.registry.districts import load_districts
from jbanalysis.registry.indicators import growth_of, load_indicators, resolve_unit

__all__ = ["english_place", "is_english", "read_english"]

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_VALUE = re.compile(
    rf"(?P<pre>about |around |nearly |almost |over |more than |less than )?(?P<num>{_NUMBER})\s*"
    r"(?P<unit>trillion yuan|billion yuan|million yuan|yuan|million people|million persons|"
    r"thousand people|people|persons|households|percentage points?|per ?cent|%)",
    re.IGNORECASE,
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_ORDINALS.update({"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10})
_RANK = re.compile(
    r"rank(?:ed|s|ing)?\s+(?:(?P<word>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth)|(?P<num>\d+)(?:st|nd|rd|th))\s+(?:among|in|of)\s+(?:the\s+)?(?P<group>[a-z' ]+)",
    re.IGNORECASE,
)
_FRACTIONS = {"a third": "三分之一", "one third": "三分之一", "a quarter": "四分之一"}
_FRACTIONS.update({"one quarter": "四分之一", "half": "一半", "a fifth": "五分之一"})
_SHARE = re.compile(
    r"(?P<frac>a third|one third|a quarter|one quarter|half|a fifth|\d+(?:\.\d+)?%)\s+of\s+"
    r"(?:the\s+)?(?:city|chongqing)",
    re.IGNORECASE,
)
_GROUPS = {
    "central districts": "central",
    "nine central districts": "central",
    "districts and counties": "all",
    "city's districts": "districts",
    "districts of the city": "districts",
}
_GROWTH = re.compile(
    r"\b(grew|grow|rose|up|increased?|growth of|expanded|fell|down|declined?|"
    r"decreased?|dropped|contracted)\b",
    re.IGNORECASE,
)
_FALL = ("fell", "down", "decline", "declined", "decrease", "decreased", "dropped", "contracted")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


def is_english(text: str) -> bool:
    """A sentence without Chinese characters (read by this module).

    >>> from jbanalysis.claims.extract.english import is_english
    >>> is_english("Jiangbei's GDP grew 6.7% in 2023."), is_english("江北GDP增长6.7%")
    (True, False)
    """
    return not re.search(r"[\u4e00-\u9fff]", text) and bool(re.search(r"[A-Za-z]", text))


@cache
def _names() -> tuple[tuple[str, str], ...]:
    """(lower-case English name, indicator id), longest first."""
    out = {}
    for row in load_indicators().itertuples(index=False):
        for name in [row.name_en, *str(row.aliases).split("|")]:
            if name and name.isascii():
                out.setdefault(name.lower(), row.id)
    return tuple(sorted(out.items(), key=lambda kv: -len(kv[0])))


@cache
def _places() -> tuple[tuple[str, str], ...]:
    out = {}
    for row in load_districts().itertuples(index=False):
        for name in [row.name_en, *row.aliases.split("|")]:
            if name and name.isascii() and not name.isdigit():
                out.setdefault(name.lower(), row.id)
    return tuple(sorted(out.items(), key=lambda kv: -len(kv[0])))


def _last(text: str, table: tuple[tuple[str, str], ...]) -> str | None:
    best, where = None, -1
    low = text.lower()
    for name, ident in table:
        for m in re.finditer(rf"\b{re.escape(name)}\b", low):
            if m.start() > where:
                best, where = ident, m.start()
    return best


def english_place(text: str) -> str | None:
    """The last district an English text names (Jiangbei, Yubei District …), or None.

    >>> from jbanalysis.claims.extract.english import english_place
    >>> english_place("Jiangbei in 2023"), english_place("the economy")
    ('jiangbei', None)
    """
    return _last(text, _places())


def read_english(reader, s: Sentence) -> None:
    """Draft the claims of one English sentence into ``reader`` (a :class:`Reader`)."""
    years = [int(y) for y in _YEAR.findall(s.text)]
    year = years[0] if years else reader.year
    for clause in re.split(r";|, (?:and|while|but) ", s.text):
        district = _last(clause, _places()) or _last(s.text, _places()) or reader.subject
        indicator = _last(clause, _names())
        for m in _RANK.finditer(clause):
            place = _ORDINALS.get((m.group("word") or "").lower()) or int(m.group("num") or 0)
            named = re.split(r"\s(?=in |by |for )", m.group("group") + " ", maxsplit=1)[0]
            group = next((g for k, g in _GROUPS.items() if k in named.lower()), None)
            after = clause[m.start("group") + len(named) :].lower()
            ranked = _last(after, _names()) or indicator
            if "growth" in after and ranked and growth_of(ranked):
                ranked = growth_of(ranked)
            if group and ranked and place:
                reader.add(s, m.group(0), district, ranked, year, "rank", str(place), group=group)
            else:
                reader.skip(s, m.group(0), "a rank in a group or of an indicator not named plainly")
        for m in _SHARE.finditer(clause):
            frac = m.group("frac").lower()
            stated = _FRACTIONS.get(frac, frac)
            if indicator:
                reader.add(
                    s,
                    m.group(0),
                    district,
                    indicator,
                    year,
                    "share",
                    stated,
                    precision=stated if "%" not in stated else "",
                    denominator="全市",
                )
        for m in _VALUE.finditer(clause):
            _value(reader, s, clause, m, district, indicator, year)


def _value(reader, s: Sentence, clause: str, m: re.Match, district, indicator, year) -> None:
    unit = m.group("unit").lower().replace("people", "persons")
    number = m.group("num").replace(",", "")
    growth = _GROWTH.search(clause[: m.start()][-40:])
    if indicator is None:
        reader.skip(s, m.group(0), "no indicator of the registry is named for this number")
        return
    if unit in ("%", "percent", "per cent") and growth:
        rate = indicator if indicator.endswith("_growth") else growth_of(indicator)
        if rate is None:
            reader.skip(s, m.group(0), f"the registry has no growth rate of {indicator}")
            return
        sign = "-" if growth.group(1).lower() in _FALL else ""
        reader.add(s, m.group(0), district, rate, year, "growth", sign + number, unit="%")
        return
    try:
        resolve_unit(unit if unit not in ("percent", "per cent") else "%")
    except UnknownNameError:
        reader.skip(s, m.group(0), f"the unit {unit!r} is not one of the registry")
        return
    precision = {"about ": "约", "around ": "约", "nearly ": "近", "almost ": "近"}.get(
        (m.group("pre") or "").lower(), ""
    )
    reader.add(
        s, m.group(0), district, indicator, year, "value", number, unit=unit, precision=precision
    )
