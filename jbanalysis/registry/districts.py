"""District registry: canonical ids, names, groups, and name resolution.

Ids are lower-case pinyin without tones or suffix (``jiangbei``), the city is ``chongqing``.
Groups: ``central`` (the nine central districts, 中心城区), ``other`` (the other 29 districts and
counties), ``all`` (all 38 units), ``city`` (the municipality). Published aggregates of several
districts (``central9``, ``metro21``, …) are registry rows of level ``group``: they exist as checks,
never as a district.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import cache

import pandas as pd

from jbanalysis.errors import UnknownNameError
from jbanalysis.names import lookup_keys
from jbanalysis.names import normalise as _normalise
from jbanalysis.registry.paths import bundle_path

CITY = "chongqing"
GROUPS = ("central", "other", "all", "city")


@cache
def _registry() -> pd.DataFrame:
    return pd.read_csv(bundle_path("districts.csv"), dtype=str, keep_default_na=False)


def load_districts() -> pd.DataFrame:
    """The registry as a DataFrame: id, adcode, name_zh, name_en, group, level, member_of, aliases.

    ``member_of`` lists the published aggregates a unit belongs to (``chongqing|central9|metro21``).

    >>> reg = load_districts()
    >>> reg.loc[reg["id"] == "jiangbei", ["adcode", "name_zh", "group"]].to_numpy().tolist()
    [['500105', '江北区', 'central']]
    >>> int((reg["level"].isin(["district", "county"])).sum())
    38
    """
    return _registry().copy()


@cache
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for row in _registry().itertuples(index=False):
        names = [row.id, row.name_zh, row.name_en, row.adcode, *row.aliases.split("|")]
        for name in filter(None, names):
            key = _normalise(name)
            if index.setdefault(key, row.id) != row.id:
                raise ValueError(
                    f"districts.csv: alias {name!r} names both {index[key]} and {row.id}"
                )
    return index


def resolve_district(name: object) -> str:
    """Canonical id of a district, county, the city or a published group.

    Accepts Chinese names with or without suffix, English names, pinyin ids and adcodes
    (as str or int).

    >>> resolve_district("江北区"), resolve_district("Jiangbei District"), resolve_district(500105)
    ('jiangbei', 'jiangbei', 'jiangbei')
    >>> resolve_district("九龍坡區")  # traditional characters
    'jiulongpo'
    >>> resolve_district("江北县")
    Traceback (most recent call last):
    ...
    jbanalysis.errors.UnknownNameError: unknown district '江北县'; did you mean '江北', ...?
    """
    index = _alias_index()
    for key in lookup_keys(str(name)):
        if key in index:
            return index[key]
    close = difflib.get_close_matches(key, list(index), n=4, cutoff=0.5)
    raise UnknownNameError("district", name, close)


def district_ids(group: str | Iterable[str] = "central") -> list[str]:
    """Ids of a group (``central``, ``other``, ``all``, ``city``) or of a list of names.

    The nine central districts come in the registry's order (west bank to east, as the yearbook
    lists them).

    >>> district_ids("central")
    ['yuzhong', 'dadukou', 'jiangbei', 'shapingba', 'jiulongpo', 'nanan', 'beibei', 'yubei', 'banan']
    >>> len(district_ids("all")), district_ids(["江北", "渝北区"])
    (38, ['jiangbei', 'yubei'])
    """
    reg = _registry()
    if isinstance(group, str):
        if group in ("central", "other", "city"):
            return reg.loc[reg["group"] == group, "id"].tolist()
        if group == "all":
            return reg.loc[reg["level"].isin(["district", "county"]), "id"].tolist()
        return [resolve_district(group)]
    return [resolve_district(g) for g in group]


def group_members(group: str) -> list[str]:
    """District ids of a published aggregate (``central9``, ``metro21``) or of the city (all 38).

    Membership is the registry's ``member_of`` column: a group's total can be checked against the
    sum of these units.

    >>> len(group_members("central9")), len(group_members("metro21")), len(group_members("chongqing"))
    (9, 21, 38)
    >>> group_members("urban_function_core")
    Traceback (most recent call last):
    ...
    ValueError: 'urban_function_core' is not a group of whole districts (central9, chongqing, metro21)
    """
    reg = _registry()
    members = reg["member_of"].str.split("|")
    groups = sorted({g for m in members for g in m if g})
    gid = resolve_district(group)
    if gid not in groups:
        raise ValueError(f"{group!r} is not a group of whole districts ({', '.join(groups)})")
    return reg.loc[members.map(lambda m: gid in m), "id"].tolist()


def name_of(district: str, lang: str = "zh") -> str:
    """Display name of a district id: ``name_zh`` for ``lang="zh"``, ``name_en`` otherwise.

    >>> name_of("jiangbei"), name_of("jiangbei", "en")
    ('江北区', 'Jiangbei')
    """
    reg = _registry().set_index("id")
    did = resolve_district(district)
    return str(reg.at[did, "name_zh" if lang == "zh" else "name_en"])
