"""District registry: canonical ids, names, groups, and name resolution.

Ids are lower-case pinyin without tones or suffix (``jiangbei``), the city is :data:`CITY`.
Groups (:data:`GROUPS`): ``central`` (the nine central districts, 中心城区), ``districts`` (the 26
units of level 区, 全市(行政区)), ``other`` (the other 29 districts and counties), ``all`` (all 38
units), ``city`` (the municipality). Published aggregates of several districts (``central9``,
``metro21``, …) are registry rows of level ``group``: they exist as checks, never as a district;
:func:`group_members` gives their members. A rank is claimed among one of :data:`RANK_GROUPS`,
named in a text by the words :func:`group_of` knows.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import cache

import pandas as pd

from jbanalysis.errors import UnknownNameError
from jbanalysis.names import lookup_keys
from jbanalysis.names import normalise as _normalise
from jbanalysis.registry.paths import DISTRICTS, bundle_path

#: The municipality's id.
CITY = "chongqing"
#: Groups of units named by what they hold (see the module docstring).
GROUPS = ("central", "districts", "other", "all", "city")
#: The groups a rank can be claimed in: ``metro21`` is the 21 members of the published aggregate.
RANK_GROUPS = ("central", "districts", "all", "metro21")
#: Words a text names a group by, beside its id and (for ``central``, ``metro21``) the names of the
#: published aggregate of the same members (``central9``: 中心城区, 主城九区 …).
_GROUP_WORDS = {
    "central": ("中心城区九区", "九区"),
    "districts": ("全市(行政区)", "全市行政区", "行政区", "全市各区", "全市区"),
    "all": ("全市", "全市各区县", "全市区县", "全市38个区县", "38个区县", "各区县", "区县"),
}
_AGGREGATE_OF = {"central": "central9", "metro21": "metro21"}
#: Words for the city as a whole, as a share's denominator (全市 of a share is the city).
CITY_WORDS = ("全市", "重庆", "重庆市", CITY, "city", "500000")


@cache
def _registry() -> pd.DataFrame:
    return pd.read_csv(bundle_path(DISTRICTS), dtype=str, keep_default_na=False)


def load_districts() -> pd.DataFrame:
    """The registry as a DataFrame: id, adcode, name_zh, name_en, group, level, member_of, aliases.

    ``member_of`` lists the published aggregates a unit belongs to (``chongqing|central9|metro21``).

    >>> from jbanalysis.registry.districts import load_districts
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

    >>> from jbanalysis.registry.districts import resolve_district
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
    """Ids of a group (:data:`GROUPS`) or of a list of names; another single name is one unit.

    The units come in the registry's order (the nine central districts west bank to east, as the
    yearbook lists them).

    >>> from jbanalysis.registry.districts import district_ids
    >>> district_ids("central")
    ['yuzhong', 'dadukou', 'jiangbei', 'shapingba', 'jiulongpo', 'nanan', 'beibei', 'yubei', 'banan']
    >>> len(district_ids("all")), len(district_ids("districts")), district_ids(["江北", "渝北区"])
    (38, 26, ['jiangbei', 'yubei'])
    """
    if isinstance(group, str):
        if group in GROUPS:
            return list(_group_ids(group))
        return [resolve_district(group)]
    return [resolve_district(g) for g in group]


@cache
def _group_ids(group: str) -> tuple[str, ...]:
    reg = _registry()
    if group == "all":
        return tuple(reg.loc[reg["level"].isin(["district", "county"]), "id"])
    if group == "districts":
        return tuple(reg.loc[reg["level"] == "district", "id"])
    if group in _AGGREGATE_OF and group not in GROUPS:
        return tuple(group_members(_AGGREGATE_OF[group]))
    return tuple(reg.loc[reg["group"] == group, "id"])


@cache
def _group_word_index() -> dict[str, str]:
    index = {}
    for gid in dict.fromkeys((*GROUPS, *RANK_GROUPS)):
        words = [gid, *_GROUP_WORDS.get(gid, ())]
        if gid in _AGGREGATE_OF:
            row = _registry().set_index("id").loc[_AGGREGATE_OF[gid]]
            words += [row.name, row["name_zh"], row["name_en"], *row["aliases"].split("|")]
        for word in filter(None, words):
            index.setdefault(_normalise(word).replace(" ", ""), gid)
    return index


def group_of(text: object) -> str | None:
    """The group (:data:`GROUPS` or :data:`RANK_GROUPS`) a word names, or ``None``.

    >>> from jbanalysis.registry.districts import group_of
    >>> group_of("中心城区"), group_of("主城九区"), group_of("全市（行政区）"), group_of("主城都市区")
    ('central', 'central', 'districts', 'metro21')
    >>> group_of("渝东北") is None
    True
    """
    return _group_word_index().get(_normalise(text).replace(" ", ""))


def group_ids(group: str) -> list[str]:
    """Ids of the units of a group, named by its id or a word (:func:`group_of`), in registry
    order; ``metro21`` is the published aggregate's members.

    >>> from jbanalysis.registry.districts import group_ids
    >>> [len(group_ids(g)) for g in ("中心城区", "全市(行政区)", "全市", "主城都市区")]
    [9, 26, 38, 21]
    >>> group_ids("渝东北")
    Traceback (most recent call last):
    ...
    ValueError: unknown group '渝东北': expected one of central, districts, other, all, city, metro21 (中心城区, 全市(行政区), 全市, 主城都市区)
    """
    gid = group_of(group)
    if gid is None:
        known = ", ".join(dict.fromkeys((*GROUPS, *RANK_GROUPS)))
        raise ValueError(
            f"unknown group {group!r}: expected one of {known} (中心城区, 全市(行政区), 全市, 主城都市区)"
        )
    return list(_group_ids(gid))


def group_members(group: str) -> list[str]:
    """District ids of a published aggregate (``central9``, ``metro21``) or of the city (all 38).

    Membership is the registry's ``member_of`` column: a group's total can be checked against the
    sum of these units.

    >>> from jbanalysis.registry.districts import group_members
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

    >>> from jbanalysis.registry.districts import name_of
    >>> name_of("jiangbei"), name_of("jiangbei", "en")
    ('江北区', 'Jiangbei')
    """
    zh, en = _names().get(district) or _names()[resolve_district(district)]
    return zh if lang == "zh" else en


@cache
def _names() -> dict[str, tuple[str, str]]:
    """id -> (name_zh, name_en), built once: reports name districts thousands of times."""
    reg = _registry()
    return dict(zip(reg["id"], zip(reg["name_zh"], reg["name_en"], strict=True), strict=True))
