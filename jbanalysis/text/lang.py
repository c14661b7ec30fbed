"""The report's language: the text of ``lang``, and a sentence's first letter.

>>> from jbanalysis.text.lang import pick
>>> pick("年", "year", "en")
'year'
"""

from __future__ import annotations

from jbanalysis.registry.terms import check_lang

__all__ = ["capitalised", "pick"]


def pick(zh: str, en: str, lang: str) -> str:
    """The text of ``lang`` (checked: ``"zh"`` or ``"en"``).

    >>> from jbanalysis.text.lang import pick
    >>> pick("年", "year", "en"), pick("年", "year", "zh")
    ('year', '年')
    """
    return zh if check_lang(lang) == "zh" else en


def capitalised(text: str) -> str:
    """``text`` with its first letter upper-cased (an English sentence start); the rest as is.

    >>> from jbanalysis.text.lang import capitalised
    >>> capitalised("partly checkable: GDP"), capitalised("")
    ('Partly checkable: GDP', '')
    """
    return text[:1].upper() + text[1:]
