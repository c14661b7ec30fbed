"""Exceptions that say where bad input is: file, row and column, and what was expected.

Catch :class:`JBAnalysisError` for every error jbanalysis raises on purpose; its subclasses are
also the built-in exceptions a caller would expect (a name not found is a ``LookupError``, bad
content a ``ValueError``), so ``except ValueError`` keeps working.

>>> import jbanalysis as jb
>>> try:
...     jb.resolve_district("江北县")
... except jb.errors.UnknownNameError as error:
...     print(error.kind, error.suggestions[0])
district 江北
"""

from __future__ import annotations

__all__ = ["DataError", "JBAnalysisError", "UnknownNameError"]


class JBAnalysisError(Exception):
    """Base class of the errors jbanalysis raises on purpose.

    Examples
    --------
    >>> issubclass(jb.errors.DataError, jb.errors.JBAnalysisError)
    True
    """


class UnknownNameError(JBAnalysisError, LookupError):
    """A district or indicator name that is not in the registry; the message lists close matches.

    Parameters
    ----------
    kind : str
        What was looked up (``district``, ``indicator``, ``unit``).
    name : object
        The name as given.
    suggestions : list of str
        Close matches, best first (may be empty).
    labels : dict of str to str, optional
        A label shown beside a suggestion (the Chinese name of an indicator id).

    Examples
    --------
    >>> print(jb.errors.UnknownNameError("indicator", "GPD", ["gdp"], {"gdp": "地区生产总值"}))
    unknown indicator 'GPD'; did you mean 'gdp' (地区生产总值)?
    """

    def __init__(
        self,
        kind: str,
        name: object,
        suggestions: list[str],
        labels: dict[str, str] | None = None,
    ) -> None:
        self.kind, self.name, self.suggestions = kind, name, suggestions
        labels = labels or {}
        shown = [f"{s!r} ({labels[s]})" if s in labels else repr(s) for s in suggestions]
        hint = f"; did you mean {', '.join(shown)}?" if suggestions else ""
        super().__init__(f"unknown {kind} {name!r}{hint}")

    def __str__(self) -> str:  # LookupError would otherwise quote the message
        return self.args[0]


class DataError(JBAnalysisError, ValueError):
    """Bad content in a data file, with where it is.

    Parameters
    ----------
    message : str
        What was found and what was expected (kept as ``reason``).
    file : object, optional
        The file (a path or a name).
    row : int, optional
        The row, 1-based as an editor shows it.
    column : str, optional
        The column's header.

    Examples
    --------
    >>> error = jb.errors.DataError("'12,3.4' is not a number", file="gdp.csv", row=7, column="value")
    >>> print(error)
    gdp.csv, row 7, column 'value': '12,3.4' is not a number
    >>> error.row, error.reason
    (7, "'12,3.4' is not a number")
    """

    def __init__(
        self,
        message: str,
        *,
        file: object = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file, self.row, self.column, self.reason = file, row, column, message
        where = [f"{file}" if file is not None else None]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        prefix = ", ".join(w for w in where if w)
        super().__init__(f"{prefix}: {message}" if prefix else message)
