"""What a claims ledger holds: its columns, kinds and verdicts, a claim as read, and the report
of rows that could not be read. The types every other module of :mod:`jbanalysis.claims` shares.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

__all__ = [
    "KINDS",
    "LEDGER_COLUMNS",
    "REQUIRED_COLUMNS",
    "VERDICTS",
    "Claim",
    "LedgerProblem",
    "LedgerReport",
    "verdict_counts",
]

KINDS = ("value", "growth", "share", "rank", "change", "multiple")
LEDGER_COLUMNS = (
    "claim_id",
    "text",
    "title",
    "date",
    "url",
    "district",
    "indicator",
    "period",
    "kind",
    "stated",
    "unit",
    "precision",
    "group",
    "denominator",
    "note",
    "base",
)
REQUIRED_COLUMNS = ("claim_id", "text", "district", "indicator", "period", "kind", "stated")
VERDICTS = ("consistent", "contradicted", "partly checkable", "not verifiable")


@dataclass(frozen=True)
class LedgerProblem:
    """One ledger row that could not be checked: where it is and what was expected.

    >>> from jbanalysis.claims.schema import LedgerProblem
    >>> str(LedgerProblem("claims.csv", 5, "S03", "district", "unknown district '江北县'"))
    "claims.csv, row 5 (S03), column 'district': unknown district '江北县'"
    """

    file: str
    row: int
    claim_id: str
    column: str
    message: str
    code: str = "unparseable"
    value: str = ""

    def __str__(self) -> str:
        who = f" ({self.claim_id})" if self.claim_id else ""
        return f"{self.file}, row {self.row}{who}, column {self.column!r}: {self.message}"


@dataclass
class LedgerReport:
    """How many ledger rows went in, were checked and were rejected (and why).

    rows_in = rows_checked + rows_rejected, always.

    >>> from jbanalysis.claims.schema import LedgerProblem, LedgerReport
    >>> r = LedgerReport("claims.csv", rows_in=3, rows_checked=2,
    ...                  problems=[LedgerProblem("claims.csv", 4, "X", "stated", "missing")])
    >>> r.rows_rejected, str(r)
    (1, 'claims.csv: 3 rows in = 2 checked + 1 rejected')
    """

    file: str
    rows_in: int = 0
    rows_checked: int = 0
    problems: list[LedgerProblem] = field(default_factory=list)

    @property
    def rows_rejected(self) -> int:
        return len({p.row for p in self.problems})

    def __str__(self) -> str:
        return (
            f"{self.file}: {self.rows_in} rows in = {self.rows_checked} checked + "
            f"{self.rows_rejected} rejected"
        )


@dataclass(frozen=True)
class Claim:
    """One ledger row, parsed: ids from the registries, the stated range in canonical units.

    ``low``/``high`` bound what the printed number allows (a fraction for a share, a rank for a
    rank, the indicator's canonical unit otherwise); ``low_open``/``high_open`` make a bound
    strict (``超过``: more than).

    >>> import jbanalysis as jb
    >>> claims, _ = jb.load_claims()
    >>> s12a = next(c for c in claims if c.claim_id == "S12a")
    >>> s12a.district, s12a.indicator, s12a.year, s12a.period, s12a.low, s12a.high
    ('jiangbei', 'gdp_real_growth', 2023, 'Q1-Q3', 6.15, 6.25)
    """

    claim_id: str
    text: str
    district: str
    indicator: str
    year: int
    period: str
    kind: str
    stated: float
    stated_text: str
    unit: str
    precision: str
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    top: bool = False
    group: str = ""
    denominator: str = ""
    title: str = ""
    date: str = ""
    url: str = ""
    note: str = ""
    row: int = 0
    stated_step: float = float("nan")  # the last printed digit, in the canonical unit
    base: int = 0  # the year a change or a multiple is from (0: the year before)


def verdict_counts(result: pd.DataFrame) -> dict[str, int]:
    """How many claims got each verdict (every verdict listed, zeros included).

    >>> import pandas as pd
    >>> from jbanalysis.claims.schema import verdict_counts
    >>> verdict_counts(pd.DataFrame({"verdict": ["consistent", "not verifiable", "consistent"]}))
    {'consistent': 2, 'contradicted': 0, 'partly checkable': 0, 'not verifiable': 1}
    """
    counts = result["verdict"].value_counts()
    return {v: int(counts.get(v, 0)) for v in VERDICTS}
