"""What one head (a column head, a row label, a line of a title, an override) says: its facets.

A head is read by meaning, one kind of word at a time, and what is left must be a name the
registry knows (an indicator, a district) or nothing::

    2025年1-9月地区生产总值比上年同期增长(%)
      unit % · growth (比上年同期增长) · year 2025 · period Q1-Q3 · indicator gdp

Words that make a column something other than a value (位次, 序号, 上年=100, 增减百分点, 年均增长,
比年初, 2035年目标, a single month) set ``ignore`` to the reason, said in plain words.

>>> f = read_head("2025年1-9月地区生产总值比上年同期增长(%)")
>>> (f.year, f.period, f.indicator, f.measure, f.unit)
(2025, 'Q1-Q3', 'gdp', 'growth', 'pct')
>>> read_head("位次").ignore
'a rank (位次), not a value'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from jbanalysis.io import labels as lb
from jbanalysis.io import periods as pr
from jbanalysis.io import words as w

MEASURES = ("level", "growth", "per_capita", "share")


@dataclass(frozen=True)
class Facets:
    """What a head says. ``key`` names a key column (district, code, year, indicator, unit,
    value, note, rownum); the other fields describe the values under or beside it."""

    key: str = ""
    district: str | None = None
    year: int | None = None
    period: str | None = None
    relative: int | None = None
    stock: bool = False
    indicator: str | None = None
    measure: str = ""
    basis: str = ""
    unit: str | None = None
    unit_text: str | None = None
    estimate: bool = False
    ignore: str = ""
    off_period: bool = False  # ignored for a period the registry has no code for (1-2月)
    total: bool = False
    group: str | None = None
    unknown: str = ""
    markers: str = ""
    said: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return self == Facets(markers=self.markers)

    def time_key(self) -> tuple:
        return (self.year, self.relative, self.period)


def _said(f: Facets, *words: str) -> Facets:
    return replace(f, said=f.said + tuple(x for x in words if x))


def read_head(text: object) -> Facets:
    """The facets of one head as written (markers, units in brackets, traditional characters
    and full-width forms are handled by :func:`jbanalysis.io.labels.clean`)."""
    clean, markers = lb.clean(text)
    if not clean:
        return Facets(markers=markers)
    f = _read(clean, markers)
    if f.unknown and _BILINGUAL.search(clean) and _CJK.search(clean):
        # 地区生产总值 Gross Regional Product: each language read alone, the Chinese first
        parts = [
            x
            for x in (_BILINGUAL.sub(" ", clean), " ".join(_BILINGUAL.findall(clean)))
            if x.strip()
        ]
        read = [_read(x.strip(), "") for x in parts]
        known = [r for r in read if not r.unknown and not r.empty]
        if known:
            both, conflicts = merge(known)
            if not conflicts:
                return replace(both, markers=markers)
    return f


_CJK = re.compile(r"[\u4e00-\u9fff]")
_BILINGUAL = re.compile(r"[A-Za-z][A-Za-z .,'&/-]*[A-Za-z.]")


def _read(clean: str, markers: str) -> Facets:
    for role, heads in w.KEY_HEADS.items():
        if lb.compact(clean) in heads:
            return Facets(key=role, markers=markers)
    unit_only = lb.unit_id(clean) if len(clean) <= 6 else None
    if unit_only:
        return Facets(unit=unit_only, unit_text=clean, markers=markers)
    written = lb.unit_row(clean)
    if written and lb.unit_id(written):
        return Facets(unit=lb.unit_id(written), unit_text=written, markers=markers)
    if _CORNER.search(clean):
        sides = [lb.compact(x) for x in _CORNER.split(clean) if x.strip()]
        keys = {r for x in sides for r, heads in w.KEY_HEADS.items() if x in heads}
        if len(sides) == 2 and all(any(x in h for h in w.KEY_HEADS.values()) for x in sides):
            role = keys.pop() if len(keys) == 1 else "corner"
            return Facets(key=role, markers=markers, said=tuple(sides))
    name, unit, unit_text = lb.split_unit(clean)
    f = Facets(unit=unit, unit_text=unit_text, markers=markers)
    if unit_text and w.POINTS.search(unit_text):  # 比1-6月提高(百分点): the unit says what it is
        return replace(f, ignore=f"a change in percentage points ({unit_text}), not a value")
    key = lb.compact(name)
    if not key:
        return f
    whole = _whole(key, f)
    if whole is not None:
        return whole
    return _peel(key, f)


def _whole(key: str, f: Facets) -> Facets | None:
    """A head that is a name or key word as it stands (地区生产总值增长率 is one indicator)."""
    for role, heads in w.KEY_HEADS.items():
        if key in heads:
            return replace(f, key=role)
    if lb.is_total(key):
        return replace(f, total=True, ignore="a total (合计), not summed in")
    district = lb.district_of(key)
    if district:
        if lb.level_of(district) == "group":
            return replace(f, group=district, ignore="a group total (a published aggregate)")
        if lb.level_of(district) == "city":
            return replace(f, district=district)
        return replace(f, district=district)
    indicator = lb.indicator_of(key)
    if indicator:
        return replace(f, indicator=indicator, said=(key,))
    return None


def _peel(key: str, f: Facets) -> Facets:
    for pattern, why in (
        (w.SINCE_START, "a change since the start of the year ({}), not over the previous year"),
        (w.RANK, "a rank ({}), not a value"),
        (w.INDEX, "an index ({}), not a value or a growth rate in percent"),
        (w.POINTS, "a change in percentage points ({}), not a value"),
        (w.AVERAGE, "average growth over several years ({}), not one year's"),
        (w.CHANGE_AMOUNT, "an amount of change ({}), not a level or a growth rate"),
    ):
        m = pattern.search(key)
        if m:
            return replace(f, ignore=why.format(m.group(0)))
    if w.TARGET.search(key):
        return replace(
            f, ignore=f"a plan target ({w.TARGET.search(key).group(0)}), not an observation"
        )
    m = w.ESTIMATE.search(key)
    if m:
        f = _said(replace(f, estimate=True), m.group(0))
        key = _cut(key, m)
    if key in ("%", "±%", "±", "增减%") or (w.COMPARISON.match(key) and f.unit in (None, "pct")):
        return _said(replace(f, measure="growth"), key)
    m = w.GROWTH.search(key)
    if m and m.group(3):
        if f.unit and lb.unit_dimension(f.unit) != "percent":
            return replace(f, ignore=f"an amount of change ({m.group(0)} in {f.unit_text})")
        if m.group(2) in ("名义", "实际"):
            f = replace(f, basis="nominal" if m.group(2) == "名义" else "real")
        f = _said(replace(f, measure="growth"), m.group(0).strip())
        key = _cut(key, m)
    key, when = pr.peel(key)
    if when.other:
        return replace(f, ignore=f"{when.other}", off_period=True)
    f = replace(
        f,
        year=when.year,
        period=when.period,
        relative=when.relative,
        stock=when.stock,
    )
    for pattern, basis in ((w.NOMINAL, "nominal"), (w.REAL, "real")):
        m = pattern.search(key)
        if m and not _inside_name(key, m):
            f = _said(replace(f, basis=f.basis or basis), m.group(0))
            key = _cut(key, m)
    key = _strip(key)
    m = w.PER_CAPITA.search(key)
    if m and not lb.indicator_of(key):
        f, key = (
            _said(replace(f, measure=f.measure or "per_capita"), m.group(0)),
            _strip(key[m.end() :]),
        )
    m = w.SHARE.search(key)
    if m and not lb.indicator_of(key):
        f, key = (
            _said(replace(f, measure=f.measure or "share"), m.group(0)),
            _strip(w.SHARE.sub(" ", key)),
        )
    if w.LEVEL.match(key):
        return _said(replace(f, measure=f.measure or "level"), key)
    if not key:
        return f
    found = _whole(key, f)
    if found is not None:
        return found
    return replace(f, unknown=key)


def _cut(key: str, m: re.Match) -> str:
    return (key[: m.start()] + key[m.end() :]).strip()


def _inside_name(key: str, m: re.Match) -> bool:
    """``实际`` of 实际利用外资 is part of a name; a basis word stands apart from the name."""
    return bool(lb.indicator_of(_strip(key)))


_CORNER = re.compile(r"\s*[\\/＼]\s*|\s+")
_PUNCT = re.compile(r"^[\s()（）\[\]【】:：,，、/|\-—_.·]+|[\s()（）\[\]【】:：,，、/|\-—_.·]+$")
_OF = re.compile(
    r"^(其中|内|含)\s*[:：]?\s*|^#\s*|^[一二三四五六七八九十]+\s*[、.．]\s*|^\(?[一二三四五六七八九十\d]+\)\s*"
)


def _strip(key: str) -> str:
    """Punctuation at the ends, ``其中：``, ``#``, ``一、`` and ``(一)`` at the start."""
    before = None
    while before != key:
        before = key
        key = _OF.sub("", _PUNCT.sub("", key))
    return key


def strip_label(key: str) -> str:
    """A row label without ``其中：``, ``#`` and list numbering (``一、``, ``(二)``)."""
    return _strip(key)


def _unsaid(value) -> bool:
    """Nothing said (``0`` is something: the year of the title, 本年)."""
    return value is None or value is False or (isinstance(value, str) and value == "")


_FIELDS = [f.name for f in fields(Facets) if f.name not in ("said", "markers", "unknown")]


def merge(parts: list[Facets]) -> tuple[Facets, list[str]]:
    """Facets of a head path (top to bottom): each part adds what it says; two parts that say
    different things are a conflict (returned in words). A part in English under a Chinese part
    only fills gaps (a translation row)."""
    out = Facets()
    conflicts: list[str] = []
    for part in parts:
        if part.total and (out.indicator or out.district):
            continue  # 合计 under 地区生产总值: the head above itself, not a total to leave out
        if part.indicator and out.indicator and part.indicator != out.indicator:
            # 第一产业 under 地区生产总值: a part of it
            out = replace(out, indicator=part.indicator)
        if part.unit and out.unit and part.unit != out.unit:  # 增长(%) under 社零(亿元)
            out = replace(out, unit=part.unit, unit_text=part.unit_text)
        for name in _FIELDS:
            new, old = getattr(part, name), getattr(out, name)
            if _unsaid(new):
                continue
            if _unsaid(old):
                out = replace(out, **{name: new})
            elif old != new and name not in ("unit_text", "stock", "estimate", "total"):
                conflicts.append(f"{name} {old!r} and {new!r}")
        out = replace(
            out,
            said=out.said + part.said,
            markers=out.markers + part.markers,
            unknown=" ".join(x for x in (out.unknown, part.unknown) if x),
        )
    return out, conflicts
