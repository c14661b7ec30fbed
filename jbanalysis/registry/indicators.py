"""Indicator and unit registries, and unit conversion.

Canonical units (DESIGN): money totals in 亿元 (``cny_100m``), per-capita money in yuan (``cny``),
population in 万人 (``persons_10k``), rates and growth in percent (``pct``). Conversion is allowed only
within one dimension (money to money, persons to persons); anything else is an error, never a guess.
"""

from __future__ import annotations

import difflib
from functools import cache

import pandas as pd

from jbanalysis.errors import UnknownNameError
from jbanalysis.names import lookup_keys
from jbanalysis.names import normalise as _norm
from jbanalysis.registry.paths import INDICATORS, UNITS, bundle_path

KINDS = ("level", "rate", "per_capita", "count")


@cache
def _indicators() -> pd.DataFrame:
    return pd.read_csv(bundle_path(INDICATORS), dtype=str, keep_default_na=False)


@cache
def _units() -> pd.DataFrame:
    units = pd.read_csv(bundle_path(UNITS), dtype=str, keep_default_na=False)
    units["factor"] = units["factor"].astype(float)
    return units


def load_indicators() -> pd.DataFrame:
    """The indicator registry: id, name_zh, name_en, unit (canonical), kind, description, aliases,
    growth (the id of its growth rate) and domain (the values it can take).

    >>> from jbanalysis.registry.indicators import load_indicators
    >>> reg = load_indicators().set_index("id")
    >>> reg.loc["gdp", ["name_zh", "unit", "kind"]].tolist()
    ['地区生产总值', 'cny_100m', 'level']
    """
    return _indicators().copy()


def load_units() -> pd.DataFrame:
    """The unit registry: id, dimension, factor (to the dimension's base unit), symbol_zh, name_en.

    >>> from jbanalysis.registry.indicators import load_units
    >>> units = load_units().set_index("id")
    >>> units.at["cny_100m", "dimension"], float(units.at["cny_100m", "factor"]), units.at["cny_100m", "symbol_zh"]
    ('money', 100000000.0, '亿元')
    """
    return _units().copy()


@cache
def _unit_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for row in _units().itertuples(index=False):
        for name in [row.id, row.symbol_zh, row.name_en, *row.aliases.split("|")]:
            if name:
                index.setdefault(_norm(name), row.id)
    return index


def resolve_unit(name: str) -> str:
    """Canonical unit id of a unit as written (``"万元"``, ``"亿元"``, ``"billion yuan"``, ``"%"``).

    >>> from jbanalysis.registry.indicators import resolve_unit
    >>> resolve_unit("万元"), resolve_unit("billion yuan"), resolve_unit("万人")
    ('cny_10k', 'cny_bn', 'persons_10k')
    """
    index = _unit_index()
    for key in lookup_keys(str(name)):
        if key in index:
            return index[key]
    key = _norm(str(name))
    raise UnknownNameError("unit", name, difflib.get_close_matches(key, list(index), n=4))


@cache
def indicator_index() -> dict[str, str]:
    """Normalised name -> indicator id: ids, Chinese and English names and the ``aliases`` column.

    >>> from jbanalysis.registry.indicators import indicator_index
    >>> index = indicator_index()
    >>> index["地区生产总值"], index["社零"], index["gdp"]
    ('gdp', 'retail_sales', 'gdp')
    """
    index: dict[str, str] = {}
    for row in _indicators().itertuples(index=False):
        for name in [row.id, row.name_zh, row.name_en, *row.aliases.split("|")]:
            if not name:
                continue
            key = _norm(name)
            if index.setdefault(key, row.id) != row.id:
                raise ValueError(
                    f"indicators.csv: name {name!r} names both {index[key]} and {row.id}"
                )
            index.setdefault(key.replace(" ", "_"), row.id)
    return index


def resolve_indicator(name: str) -> str:
    """Indicator id of a name as analysts write it: the id, the Chinese or English name, or an
    alias (``社零``, ``GDP``, ``人均GDP``; ``data/indicators.csv``). Unknown names list close
    matches.

    >>> from jbanalysis.registry.indicators import resolve_indicator
    >>> resolve_indicator("GDP"), resolve_indicator("地区生产总值"), resolve_indicator("社零")
    ('gdp', 'gdp', 'retail_sales')
    >>> resolve_indicator("地區生產總值")  # traditional characters
    'gdp'
    >>> resolve_indicator("地区生产总额")
    Traceback (most recent call last):
    ...
    jbanalysis.errors.UnknownNameError: unknown indicator '地区生产总额'; did you mean 'gdp' (地区生产总值), ...?
    """
    index = indicator_index()
    for key in lookup_keys(str(name)):
        for candidate in (key, key.replace(" ", "_")):
            if candidate in index:
                return index[candidate]
    key = _norm(str(name))
    names = _indicators().set_index("id")["name_zh"]
    close = difflib.get_close_matches(key, list(index), n=8, cutoff=0.5)
    ids = list(dict.fromkeys(index[c] for c in close))[:4]
    raise UnknownNameError("indicator", name, ids, labels=names[ids].to_dict())


def growth_of(indicator: str) -> str | None:
    """The indicator a bulletin's ``比上年增长(%)`` of ``indicator`` is (``growth`` column).

    GDP growth in Chinese bulletins is at comparable prices, so the growth of ``gdp`` is
    ``gdp_real_growth``; retail sales growth is nominal (``retail_sales_growth``).

    >>> from jbanalysis.registry.indicators import growth_of
    >>> growth_of("gdp"), growth_of("retail_sales"), growth_of("pop_resident") is None
    ('gdp_real_growth', 'retail_sales_growth', True)
    """
    reg = _indicators().set_index("id")
    value = reg.at[resolve_indicator(indicator), "growth"]
    return str(value) or None


def unit_of(indicator: str) -> str:
    """Canonical unit id of an indicator.

    >>> from jbanalysis.registry.indicators import unit_of
    >>> unit_of("gdp"), unit_of("pop_resident"), unit_of("gdp_per_capita")
    ('cny_100m', 'persons_10k', 'cny')
    """
    reg = _indicators().set_index("id")
    return str(reg.at[resolve_indicator(indicator), "unit"])


def parse_domain(text: str) -> tuple[float, float]:
    """The bounds of a domain as written in the registry's ``domain`` column.

    Interval notation: ``[0, inf)`` (levels: zero or more), ``[0, 100]`` (shares and rates
    of a whole, in percent), ``(-100, inf)`` (growth in percent), ``(-inf, inf)``.

    >>> from jbanalysis.registry.indicators import parse_domain
    >>> parse_domain("[0, 100]"), parse_domain("(-100, inf)")
    ((0.0, 100.0), (-100.0, inf))
    """
    text = str(text).strip()
    try:
        lower, upper = (float(part) for part in text[1:-1].split(","))
    except ValueError:
        lower = upper = float("nan")
    if text[:1] not in "[(" or text[-1:] not in "])" or not lower < upper:
        raise ValueError(
            f"domain {text!r} is not an interval such as '[0, inf)' or '[0, 100]' "
            "(data/indicators.csv, column 'domain')"
        )
    return lower, upper


def indicator_domain(indicator: str) -> tuple[float, float]:
    """The values an indicator can take (``domain`` column): levels zero or more, shares and
    rates of a whole within 0–100 %, growth rates above −100 %.

    >>> from jbanalysis.registry.indicators import indicator_domain
    >>> indicator_domain("gdp"), indicator_domain("urbanization_rate")
    ((0.0, inf), (0.0, 100.0))
    >>> indicator_domain("gdp_real_growth")
    (-100.0, inf)
    """
    reg = _indicators().set_index("id")
    return parse_domain(reg.at[resolve_indicator(indicator), "domain"])


def conversion_factor(from_unit: str, to_unit: str) -> float:
    """Multiplier taking a value in ``from_unit`` to ``to_unit`` (same dimension only).

    factor = base(from_unit) / base(to_unit)

    >>> from jbanalysis.registry.indicators import conversion_factor
    >>> conversion_factor("万元", "亿元")
    0.0001
    >>> conversion_factor("万人", "人")
    10000.0
    >>> conversion_factor("万元", "万人")
    Traceback (most recent call last):
    ...
    ValueError: cannot convert 万元 (money) to 万人 (persons)
    """
    src, dst = _factors(from_unit, to_unit)
    return src / dst


def per_capita_factor(
    total_unit: str = "cny_100m", persons_unit: str = "persons_10k", per_capita_unit: str = "cny"
) -> float:
    """Multiplier taking ``total / persons`` (each in its unit) to a value per person.

    factor = conversion_factor(total_unit, per_capita_unit) / conversion_factor(persons_unit, 人)

    With the canonical units of GDP (亿元), population (万人) and GDP per capita (元):

    >>> from jbanalysis.registry.indicators import per_capita_factor
    >>> per_capita_factor()
    10000.0
    """
    return conversion_factor(total_unit, per_capita_unit) / conversion_factor(
        persons_unit, "persons"
    )


def _factors(from_unit: str, to_unit: str) -> tuple[float, float]:
    """Base-unit factors of both units; a change of dimension is an error."""
    units = _units().set_index("id")
    src, dst = resolve_unit(from_unit), resolve_unit(to_unit)
    if units.at[src, "dimension"] != units.at[dst, "dimension"]:
        raise ValueError(
            f"cannot convert {from_unit} ({units.at[src, 'dimension']}) "
            f"to {to_unit} ({units.at[dst, 'dimension']})"
        )
    return float(units.at[src, "factor"]), float(units.at[dst, "factor"])


def convert(value, from_unit: str, to_unit: str):
    """Convert a number, array or Series between units of the same dimension.

    value_to = value_from × factor(from_unit) / factor(to_unit)

    >>> from jbanalysis.registry.indicators import convert
    >>> convert(3913947, "万元", "亿元")
    391.3947
    >>> convert(95.8, "billion yuan", "cny_100m")
    958.0
    """
    src, dst = _factors(from_unit, to_unit)
    # Multiply or divide by an exact integer ratio (factors are powers of ten), so that
    # 3913947 万元 -> 391.3947 亿元 exactly, not 391.39470000000006 as × 1e-4 would give.
    if src >= dst:
        return value * (src / dst)
    return value / (dst / src)
