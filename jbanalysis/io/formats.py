"""What an Excel number format does to the number a cell stores, so that a cell reads as it shows.

Only two parts of a format change the number shown: a ``%`` (the number ×100, with a percent sign)
and scaling commas (``0.0,,`` shows thousands of thousands: the number ÷1,000,000). A ``%`` in
quotes or after a backslash (``0.0"%"``, ``0.0\\%``) is literal text: the number is shown as
stored, with a percent sign after it. A comma followed by a digit placeholder (``#,##0``) only
groups thousands. Colours, conditions and fill characters change nothing.

We parse formats ourselves: openpyxl gives the format string but no meaning beyond "is it a
date", and the two rules above are all the reader needs (see docs/decisions.md).

>>> meaning("0.0%"), meaning('0.0"%"'), meaning("#,##0.00,,"), meaning("General")
(Shown(percent=1, literal_percent=False, scale=0), Shown(percent=0, literal_percent=True, scale=0), Shown(percent=0, literal_percent=False, scale=2), Shown(percent=0, literal_percent=False, scale=0))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache


@dataclass(frozen=True)
class Shown:
    """``percent``: real ``%`` signs (×100 each); ``literal_percent``: a ``%`` shown as text;
    ``scale``: scaling commas (÷1,000 each)."""

    percent: int = 0
    literal_percent: bool = False
    scale: int = 0

    @property
    def plain(self) -> bool:
        return self == PLAIN

    def describe(self, fmt: str) -> str:
        if self.percent:
            return f"number format {fmt!r} shows the stored number ×100 with a '%': read as shown"
        if self.literal_percent and not self.scale:
            return (
                f"number format {fmt!r} writes a '%' as text after the number: read as stored "
                "(not ×100), in percent"
            )
        factor = f"{1000**self.scale:,}"
        return f"number format {fmt!r} shows the stored number ÷{factor}: read as shown"


PLAIN = Shown()
_QUOTED = re.compile(r'"[^"]*"')
_ESCAPED = re.compile(r"\\.")
_NOISE = re.compile(r"\[[^\]]*\]|_.|\*.")


@cache
def meaning(fmt: str | None) -> Shown:
    """What ``fmt`` does to the stored number (its first section: the one for positive numbers)."""
    if not fmt or fmt in ("General", "@"):
        return PLAIN
    section = _first_section(fmt)
    literal = any("%" in q for q in _QUOTED.findall(section)) or "\\%" in section
    rest = _NOISE.sub("", _ESCAPED.sub("", _QUOTED.sub("", section)))
    percent = rest.count("%")
    scale = 0
    for m in re.finditer(r"[0#?](,+)(?![0#?,])", rest):
        scale = max(scale, len(m.group(1)))
    return Shown(percent, literal and not percent, scale)


def _first_section(fmt: str) -> str:
    depth, quoted = 0, False
    for i, ch in enumerate(fmt):
        if ch == '"':
            quoted = not quoted
        elif ch == "[" and not quoted:
            depth += 1
        elif ch == "]" and not quoted:
            depth -= 1
        elif ch == ";" and not quoted and depth == 0 and (i == 0 or fmt[i - 1] != "\\"):
            return fmt[:i]
    return fmt


def shown(value: float, how: Shown) -> str | float:
    """The stored ``value`` as the format shows it, at full precision: a number, or the text
    ``'3.84%'`` where a percent sign is shown (a real ``%`` scales by 100, a literal one not).

    >>> shown(0.0384, meaning("0.0%")), shown(3.84, meaning('0.0"%"')), shown(1744000000, meaning("0.00,,"))
    ('3.84%', '3.84%', 1744.0)
    """
    if how.plain:
        return value
    number = Decimal(repr(float(value))).scaleb(2 * how.percent - 3 * how.scale).normalize()
    if how.percent or how.literal_percent:
        return f"{number:f}%"
    return float(number)
