"""The bilingual vocabulary (``data/terms.csv``): words that charts, tables and sentences share.

Every word that appears in both a chart legend and a sentence (a flag, a group, a measure, a kind
of break) is typed once, here, in Chinese and English. Some terms take fields in braces, filled by
:func:`term` (``term("break_economic_census", year=2018)``).

>>> from jbanalysis.registry.terms import term
>>> term("interpolated"), term("interpolated", "en")
('插值', 'interpolated')
>>> term("break_economic_census", "en", year=2018)
'the 2018 economic census'
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from jbanalysis.registry.paths import TERMS, bundle_path

__all__ = ["LANGS", "check_lang", "has_term", "term", "terms"]

LANGS = ("zh", "en")


@cache
def _terms() -> dict[str, tuple[str, str]]:
    table = pd.read_csv(bundle_path(TERMS), dtype=str, keep_default_na=False)
    duplicated = table.loc[table["key"].duplicated(), "key"].tolist()
    if duplicated:
        raise ValueError(f"terms.csv: key(s) {duplicated} appear more than once")
    return {row.key: (row.zh, row.en) for row in table.itertuples(index=False)}


def terms() -> dict[str, tuple[str, str]]:
    """Every term: key -> (zh, en).

    >>> from jbanalysis.registry.terms import terms
    >>> terms()["city"]
    ('全市', 'whole city')
    """
    return dict(_terms())


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is ``"zh"`` or ``"en"``; otherwise raise ``ValueError``.

    >>> from jbanalysis.registry.terms import check_lang
    >>> check_lang("en")
    'en'
    >>> check_lang("fr")
    Traceback (most recent call last):
    ...
    ValueError: lang must be 'zh' or 'en', got 'fr'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be 'zh' or 'en', got {lang!r}")
    return lang


def has_term(key: object) -> bool:
    """Whether ``key`` is a term of the vocabulary.

    >>> from jbanalysis.registry.terms import has_term
    >>> has_term("lq"), has_term("no such term")
    (True, False)
    """
    return key in _terms()


def term(key: str, lang: str = "zh", **fields: object) -> str:
    """A term in ``lang``, with its ``{fields}`` filled in.

    >>> from jbanalysis.registry.terms import term
    >>> term("break_scope", first_year=2013)
    '2013年统计范围变化'
    """
    zh, en = _terms()[key]
    text = zh if check_lang(lang) == "zh" else en
    return text.format(**fields) if fields else text
