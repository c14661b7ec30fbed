"""Where a stated number really is, in words (issue 17): the earlier release it agrees with, the
sources that disagree, the other year, the related indicator, the claim's own page
(:mod:`jbanalysis.claims.diagnose` finds them; this module says them).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jbanalysis.claims.phrases import (
    _value_with_source,
)
from jbanalysis.claims.words import (
    _stated,
    period_label,
)
from jbanalysis.text.labels import district_name as name_of
from jbanalysis.text.labels import indicator_phrase as _indicator
from jbanalysis.text.lang import pick as _pick
from jbanalysis.text.lists import ordinal as _ordinal

__all__ = []


def _release_body(row: Mapping[str, Any], lang: str) -> str:
    """A claim that agrees with another release of its figure (earlier, or another source's)."""
    d = name_of(row["district"], lang)
    when = period_label(int(row["year"]), row["period"], lang)
    ind = _indicator(row["indicator"], lang)
    stated = _stated(row, lang)
    evidence = list(row.get("evidence") or ())
    panel = _value_with_source(evidence[0], lang, name=False) if evidence else ""
    diagnosis = row.get("diagnosis") or {}
    other = _value_with_source(diagnosis["figure"].evidence[0], lang, name=False)
    if row["reason"] == "sources disagree":
        return _pick(
            f"各来源不一致：所称{stated}与{other}相符，但与数据采用的{panel}不符",
            f"the sources disagree: the {stated} claimed agrees with {other} but not with "
            f"{panel}, the figure the data use",
            lang,
        )
    census = diagnosis.get("census")
    revised = _pick(
        f"，该数后经{census}年经济普查修订" if census else "，该数后经修订",
        f", revised after the {census} economic census" if census else ", revised later",
        lang,
    )
    return _pick(
        f"所称{stated}是{d}{when}{ind}的首次发布数{other}；数据现采用后来的{panel}{revised}。"
        "与早先发布的数相符不是矛盾",
        f"the {stated} claimed is the first release of {d}'s {when} {ind}, {other}; the data "
        f"now hold a later figure, {panel}{revised}. Agreeing with an earlier release is not "
        "a contradiction",
        lang,
    )


def _diagnosis_text(row: Mapping[str, Any], lang: str) -> str:
    """Where the stated number really is: another year, a related indicator, the claim's page."""
    diagnosis = row.get("diagnosis") or {}
    kind = diagnosis.get("kind", "")
    if kind == "other_year" and row["kind"] == "rank":
        year, rank = diagnosis["year"], diagnosis["rank"]
        return _pick(
            f"按数据，{name_of(row['district'], 'zh')}{year}年的位次正是第{rank}位：所称的可能是{year}年的位次",
            f"in the data's {year} figures {name_of(row['district'], 'en')} ranks exactly "
            f"{_ordinal(rank, 'en')}: the claim may be the {year} ranking",
            lang,
        )
    if kind in ("other_year", "truncated"):
        ev = diagnosis["figure"].evidence[0]
        value = _value_with_source(ev, lang, name=False)
        year = diagnosis["year"]
        if kind == "truncated":
            return _pick(
                f"所称数字是{year}年的数{value}截去尾数（不是四舍五入）的结果",
                f"the number is the {year} figure, {value}, with its last digits cut rather "
                "than rounded",
                lang,
            )
        return _pick(
            f"所称数字等于{year}年的数{value}",
            f"the number equals the {year} figure, {value}",
            lang,
        )
    if kind == "related":
        ev = diagnosis["figure"].evidence[0]
        other = _indicator(diagnosis["indicator"], lang)
        value = _value_with_source(ev, lang, name=False)
        return _pick(
            f"所称数字是{other}（{value}），不是{_indicator(row['indicator'], 'zh')}",
            f"the number is the {other}, {value}, not the {_indicator(row['indicator'], 'en')}",
            lang,
        )
    if kind == "own_source":
        value = _value_with_source(diagnosis["figure"].evidence[0], lang, name=False)
        return _pick(
            f"所称数字只与作出该说法的同一页面相符（{value}），不是独立的核对",
            f"the number agrees only with the page that makes the claim ({value}), which is not "
            "an independent check",
            lang,
        )
    return ""
