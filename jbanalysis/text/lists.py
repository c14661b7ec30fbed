"""Lists, ranks, years and notes as each language writes them.

Chinese joins a list with 、 and notes with ；, English with commas and "and" (``a, b and c``)
and with semicolons; a note goes in full-width brackets before 。 or in brackets before the full
stop.

>>> from jbanalysis.text.lists import join, ordinal
>>> join(["Yuzhong", "Dadukou", "Banan"], "en"), ordinal(22, "en")
('Yuzhong, Dadukou and Banan', '22nd')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from jbanalysis.registry.terms import check_lang
from jbanalysis.text.labels import district_name
from jbanalysis.text.lang import pick

__all__ = [
    "clauses",
    "fmt_span",
    "fmt_years",
    "join",
    "names",
    "ordinal",
    "paren",
    "with_note",
    "year_runs",
]


def join(items: Sequence[str], lang: str = "zh") -> str:
    """A list in words: ``渝中区、大渡口区`` / ``Yuzhong and Dadukou`` (``a, b and c``).

    >>> from jbanalysis.text.lists import join
    >>> join(["a", "b", "c"], "en"), join(["甲", "乙"]), join(["a"], "en"), join([], "en")
    ('a, b and c', '甲、乙', 'a', '')
    """
    items = [str(i) for i in items]
    if check_lang(lang) == "zh":
        return "、".join(items)
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def names(districts: Iterable[str], lang: str = "zh") -> str:
    """District names joined as a list (:func:`join`).

    >>> from jbanalysis.text.lists import names
    >>> names(["yuzhong", "dadukou"]), names(["yuzhong", "dadukou", "banan"], "en")
    ('渝中区、大渡口区', 'Yuzhong, Dadukou and Banan')
    """
    return join([district_name(d, lang) for d in districts], lang)


def clauses(parts: Iterable[str], lang: str = "zh") -> str:
    """Clauses of one sentence: the non-empty ``parts`` joined with ``；`` / ``; ``.

    >>> from jbanalysis.text.lists import clauses
    >>> clauses(["a", "", "b"], "en"), clauses(["甲", "乙"])
    ('a; b', '甲；乙')
    """
    return pick("；", "; ", lang).join(p for p in parts if p)


def paren(parts: Iterable[str], lang: str = "zh") -> str:
    """The non-empty ``parts`` as a bracketed note: ``（a；b）`` / `` (a; b)``; empty if none.

    >>> from jbanalysis.text.lists import paren
    >>> paren(["2017年为插值", ""]), paren(["x", "y"], "en"), paren([""], "en")
    ('（2017年为插值）', ' (x; y)', '')
    """
    text = clauses(parts, lang)
    if not text:
        return ""
    return pick(f"（{text}）", f" ({text})", lang)


def with_note(sentence: str, note: str, lang: str = "zh") -> str:
    """Append a parenthesised note before the final full stop.

    >>> from jbanalysis.text.lists import with_note
    >>> with_note("江北区居第1位。", "2017年为插值"), with_note("Jiangbei ranks 1st.", "x", "en")
    ('江北区居第1位（2017年为插值）。', 'Jiangbei ranks 1st (x).')
    """
    if not note:
        return sentence
    if check_lang(lang) == "zh":
        return sentence.rstrip("。") + f"（{note}）。"
    return sentence.rstrip(".") + f" ({note})."


def ordinal(n: int, lang: str = "zh") -> str:
    """A rank: ``第3位`` / ``3rd``.

    >>> from jbanalysis.text.lists import ordinal
    >>> ordinal(3), ordinal(1, "en"), ordinal(12, "en"), ordinal(22, "en")
    ('第3位', '1st', '12th', '22nd')
    """
    if check_lang(lang) == "zh":
        return f"第{n}位"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def fmt_years(years: Iterable[int], lang: str = "en") -> str:
    """Compact list of years: runs of consecutive years joined with an en dash; runs separated by
    ", " (``lang="en"``, the default) or "、" (``"zh"``).

    >>> from jbanalysis.text.lists import fmt_years
    >>> fmt_years([2005, 2006, 2013, 2015, 2018, 2019, 2020])
    '2005–2006, 2013, 2015, 2018–2020'
    >>> fmt_years([2007, 2008, 2014], "zh"), fmt_years([])
    ('2007–2008、2014', '')
    """
    sep = "、" if check_lang(lang) == "zh" else ", "
    return sep.join(str(a) if a == b else f"{a}–{b}" for a, b in year_runs(years))


def year_runs(years: Iterable[int]) -> list[tuple[int, int]]:
    """Runs of consecutive years, first and last of each (the years sorted, duplicates dropped).

    >>> from jbanalysis.text.lists import year_runs
    >>> year_runs([2014, 2007, 2008, 2008])
    [(2007, 2008), (2014, 2014)]
    """
    runs: list[list[int]] = []
    for year in sorted({int(y) for y in years}):
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return [(a, b) for a, b in runs]


def fmt_span(start: int, end: int, lang: str = "zh") -> str:
    """A span of years: ``2005–2022年`` / ``2005–2022``.

    >>> from jbanalysis.text.lists import fmt_span
    >>> fmt_span(2005, 2022), fmt_span(2005, 2022, "en")
    ('2005–2022年', '2005–2022')
    """
    return pick(f"{int(start)}–{int(end)}年", f"{int(start)}–{int(end)}", lang)
