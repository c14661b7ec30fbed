"""Names as a report prints them: districts, indicators, units and vocabulary terms, from the
registries (``data/districts.csv``, ``data/indicators.csv``, ``data/units.csv``,
``data/terms.csv``).

>>> from jbanalysis.text.labels import district_name, indicator_phrase
>>> district_name("jiangbei", "en"), indicator_phrase("retail_sales", "en")
('Jiangbei', 'retail sales of consumer goods')
"""

from __future__ import annotations

from functools import cache

from jbanalysis.registry.districts import load_districts, name_of
from jbanalysis.registry.indicators import load_indicators, load_units
from jbanalysis.registry.terms import check_lang, has_term, term

__all__ = [
    "district_name",
    "indicator_kind",
    "indicator_name",
    "indicator_phrase",
    "indicator_unit",
    "label",
    "unit_name",
]


@cache
def _indicators() -> dict[str, dict[str, str]]:
    return load_indicators().set_index("id").to_dict("index")


@cache
def _district_ids() -> frozenset[str]:
    return frozenset(load_districts()["id"])


def district_name(district: str, lang: str = "zh") -> str:
    """Display name of a district id from the registry (江北区 / Jiangbei).

    >>> from jbanalysis.text.labels import district_name
    >>> district_name("jiangbei"), district_name("jiangbei", "en")
    ('江北区', 'Jiangbei')
    """
    return name_of(district, check_lang(lang))


def indicator_name(indicator: str, lang: str = "zh") -> str:
    """Name of an indicator from the registry, as a heading or a label writes it.

    >>> from jbanalysis.text.labels import indicator_name
    >>> indicator_name("retail_sales"), indicator_name("gdp", "en")
    ('社会消费品零售总额', 'GDP')
    """
    return str(_indicators()[indicator]["name_zh" if check_lang(lang) == "zh" else "name_en"])


def indicator_phrase(indicator: str, lang: str = "zh") -> str:
    """Name of an indicator inside an English sentence: first letter lower-cased unless the
    first word is an acronym (``GDP``); Chinese as :func:`indicator_name`.

    >>> from jbanalysis.text.labels import indicator_phrase
    >>> indicator_phrase("income_rural", "en"), indicator_phrase("gdp_per_capita", "en")
    ('per-capita disposable income (rural)', 'GDP per capita')
    """
    text = indicator_name(indicator, lang)
    if check_lang(lang) == "zh":
        return text
    first = text.split(" ")[0].split("-")[0]
    return text if first.isupper() else text[:1].lower() + text[1:]


def indicator_unit(indicator: str) -> str:
    """Canonical unit id of an indicator (registry).

    >>> from jbanalysis.text.labels import indicator_unit
    >>> indicator_unit("gdp_per_capita")
    'cny'
    """
    return str(_indicators()[indicator]["unit"])


def indicator_kind(indicator: str) -> str:
    """Kind of an indicator (registry): ``level``, ``per_capita``, ``rate`` or ``count``.

    >>> from jbanalysis.text.labels import indicator_kind
    >>> indicator_kind("gdp"), indicator_kind("gdp_real_growth")
    ('level', 'rate')
    """
    return str(_indicators()[indicator]["kind"])


def unit_name(unit: str, lang: str = "zh") -> str:
    """Unit as written in labels: the registry's Chinese symbol or English name.

    >>> from jbanalysis.text.labels import unit_name
    >>> unit_name("cny_100m"), unit_name("cny_100m", "en")
    ('亿元', '100 million yuan')
    """
    reg = load_units().set_index("id")
    return str(reg.at[unit, "symbol_zh" if check_lang(lang) == "zh" else "name_en"])


def label(key: object, lang: str = "zh") -> str:
    """Display label of an id: a district or the city, a vocabulary term, an indicator, else as is.

    >>> from jbanalysis.text.labels import label
    >>> label("jiangbei", "en"), label("va_tertiary"), label("gdp", "en"), label("x", "en")
    ('Jiangbei', '第三产业', 'GDP', 'x')
    """
    check_lang(lang)
    text = str(key)
    if text in _district_ids():
        return district_name(text, lang)
    if has_term(text):
        return term(text, lang)
    if text in _indicators():
        return indicator_name(text, lang)
    return text
