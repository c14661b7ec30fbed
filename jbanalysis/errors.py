"""Exceptions that say where bad input is: file, row and column, and what was expected."""

from __future__ import annotations


class JBAnalysisError(Exception):
    """Base class of the errors jbanalysis raises on purpose."""


class UnknownNameError(JBAnalysisError, LookupError):
    """A district or indicator name that is not in the registry; the message lists close matches."""

    def __init__(
        self,
        kind: str,
        name: object,
        suggestions: list[str],
        labels: dict[str, str] | None = None,
    ):
        self.kind, self.name, self.suggestions = kind, name, suggestions
        labels = labels or {}
        shown = [f"{s!r} ({labels[s]})" if s in labels else repr(s) for s in suggestions]
        hint = f"; did you mean {', '.join(shown)}?" if suggestions else ""
        super().__init__(f"unknown {kind} {name!r}{hint}")

    def __str__(self) -> str:  # LookupError would otherwise quote the message
        return self.args[0]


class DataError(JBAnalysisError, ValueError):
    """Bad content in a data file; ``file``, ``row`` (1-based, as an editor shows it) and ``column``."""

    def __init__(
        self,
        message: str,
        *,
        file: object = None,
        row: int | None = None,
        column: str | None = None,
    ):
        self.file, self.row, self.column, self.reason = file, row, column, message
        where = [f"{file}" if file is not None else None]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        prefix = ", ".join(w for w in where if w)
        super().__init__(f"{prefix}: {message}" if prefix else message)
