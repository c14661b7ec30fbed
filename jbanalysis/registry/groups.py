"""Groups named by what they hold: which members of a group a comparison covers, in words.

A Gini, a rank or a sum "of the central districts" of a year in which 渝中 has no value is taken
over eight districts, not nine; the group's name must say so ("8 of the 9 central districts
(no 渝中)"), and two reports that compare the same year should agree on the group.
:func:`group_coverage` gives the facts, :func:`group_label` the words (``data/terms.csv``:
``group_whole_<group>``, ``group_part_<group>``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from jbanalysis.registry.districts import district_ids, name_of, resolve_district
from jbanalysis.registry.terms import check_lang, has_term, term

__all__ = ["GroupCoverage", "group_coverage", "group_label"]


@dataclass(frozen=True)
class GroupCoverage:
    """Which members of a group are present.

    Attributes
    ----------
    group : str
        The group (:data:`jbanalysis.registry.districts.GROUPS`).
    present, missing : tuple of str
        Member ids with and without a value, in registry order.

    Examples
    --------
    >>> from jbanalysis.registry.groups import GroupCoverage
    >>> c = GroupCoverage("central", ("jiangbei",), ("yuzhong",))
    >>> c.n, c.of, c.complete
    (1, 2, False)
    """

    group: str
    present: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def n(self) -> int:
        return len(self.present)

    @property
    def of(self) -> int:
        return len(self.present) + len(self.missing)

    @property
    def complete(self) -> bool:
        return not self.missing


def group_coverage(present: Iterable[str], group: str = "central") -> GroupCoverage:
    """The members of ``group`` among ``present`` (names in any form; others are ignored).

    >>> from jbanalysis.registry.groups import group_coverage
    >>> c = group_coverage(["江北", "渝北", "dadukou", "shapingba", "jiulongpo", "nanan", "beibei",
    ...                     "banan", "wanzhou"])
    >>> c.n, c.of, c.missing
    (8, 9, ('yuzhong',))
    """
    here = {resolve_district(p) for p in present}
    members = district_ids(group)
    return GroupCoverage(
        group,
        tuple(m for m in members if m in here),
        tuple(m for m in members if m not in here),
    )


def group_label(present: Iterable[str], group: str = "central", lang: str = "zh") -> str:
    """The group a comparison covers, named by what it holds.

    ``中心城区9区`` / ``the 9 central districts`` when every member is present, else
    ``中心城区9区中的8区（不含渝中区）`` / ``8 of the 9 central districts (no Yuzhong)``.

    >>> from jbanalysis.registry.groups import group_label
    >>> nine = ["yuzhong", "dadukou", "jiangbei", "shapingba", "jiulongpo", "nanan", "beibei",
    ...         "yubei", "banan"]
    >>> group_label(nine), group_label(nine[1:], lang="en")
    ('中心城区9区', '8 of the 9 central districts (no Yuzhong)')
    >>> group_label(nine[1:])
    '中心城区9区中的8区（不含渝中区）'
    """
    check_lang(lang)
    c = group_coverage(present, group)
    if not has_term(f"group_whole_{group}"):
        raise ValueError(f"no words for group {group!r} in terms.csv (group_whole_{group})")
    if c.complete:
        return term(f"group_whole_{group}", lang, of=c.of)
    names = ("、" if lang == "zh" else ", ").join(name_of(m, lang) for m in c.missing)
    return term(f"group_part_{group}", lang, n=c.n, of=c.of, missing=names)
