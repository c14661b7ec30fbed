"""What reading an article finds: drafted rows, skipped numbers, and the context of a number.

Also the registry facts the reading needs about an indicator (its name, unit and kind) and whether
a printed unit fits it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from jbanalysis.claims.extract.keys import KeyHit
from jbanalysis.claims.extract.mentions import Mention
from jbanalysis.claims.extract.reading import Sentence
from jbanalysis.errors import UnknownNameError
from jbanalysis.registry.indicators import load_indicators, load_units, resolve_unit

__all__ = [
    "Ctx",
    "Draft",
    "Skip",
    "State",
    "growth_rates",
    "indicator_info",
    "last_word",
    "level_of",
    "unit_fits",
]


@dataclass
class Draft:
    """One drafted ledger row (the columns of :data:`~jbanalysis.claims.schema.LEDGER_COLUMNS`)."""

    sentence: Sentence
    printed: str
    district: str
    indicator: str
    year: int
    period: str
    kind: str
    stated: str
    unit: str = ""
    precision: str = ""
    group: str = ""
    denominator: str = ""
    base: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Skip:
    """A number of the text that is not in the draft, and why."""

    sentence: Sentence
    printed: str
    reason: str


@dataclass
class State:
    place: str | None = None  # the district the sentence last named
    places: list[str] = field(default_factory=list)  # the list it ends (渝北和长寿), or []
    outside: str = (
        ""  # a region outside the registry named last (渝东北): its numbers are not drafted
    )
    last: Draft | None = None  # the sentence's last claim
    pending: KeyHit | None = (
        None  # a name a clause ended on without a number (…人流量创了新高,达到…)
    )


@cache
def growth_rates() -> frozenset[str]:
    """The indicators that are the growth rate of another (``gdp_real_growth`` of ``gdp``)."""
    return frozenset(str(g) for g in load_indicators()["growth"] if str(g) and g == g)


def level_of(rate: str) -> str | None:
    """The level whose growth rate ``rate`` is (``gdp`` of ``gdp_real_growth``), or None."""
    reg = load_indicators()
    hit = reg[reg["growth"] == rate]
    return str(hit["id"].iloc[0]) if len(hit) else None


@cache
def indicator_info() -> dict[str, tuple[str, str, str]]:
    """indicator -> (Chinese name, unit, kind)."""
    return {r.id: (r.name_zh, r.unit, r.kind) for r in load_indicators().itertuples(index=False)}


@cache
def _dimension(unit: str) -> str:
    units = load_units().set_index("id")
    return str(units.at[unit, "dimension"]) if unit in units.index else unit


def unit_fits(printed: str, indicator: str) -> bool:
    canonical, kind = indicator_info()[indicator][1], indicator_info()[indicator][2]
    if not printed:
        return kind == "count"
    try:
        unit = resolve_unit(printed)
    except UnknownNameError:
        return False
    return _dimension(unit) == _dimension(canonical)


def last_word(text: str, words: tuple[str, ...]) -> str:
    best, where = "", -1
    for w in words:
        i = text.rfind(w)
        if i > where:
            best, where = w, i
    return best


@dataclass
class Ctx:
    """One number and what the clause says around it."""

    sentence: Sentence
    clause: str
    m: Mention
    hits: list[KeyHit]
    done: list[tuple[int, int]]
    state: State
    year: int | None
    before: str  # the clause since the last number (or its start)


class ReaderPart:
    """What a part of :class:`~jbanalysis.claims.extract.resolve.Reader` (its rank or share
    reading) calls on the reader it is mixed into."""

    def _skip(self, ctx: Ctx, reason: str) -> None:  # pragma: no cover - the reader's
        raise NotImplementedError

    def _draft(
        self, ctx: Ctx, indicator: str, kind: str, stated: str, **cols: str
    ) -> None:  # pragma: no cover
        raise NotImplementedError
