"""What a chart or a table shows, announced to whoever listens.

Charts (:mod:`jbanalysis.plots`) and report tables (:func:`jbanalysis.text.formatting.table`) call
:func:`show` with the numbers they draw; they know nothing of who listens. A report run listens
(:func:`jbanalysis.report.downloads.install_display_capture` adds the recorder that writes the
downloads), so the charts depend on no report machinery and the report depends on the charts, not
the other way round. Outside a report run nobody listens and :func:`show` does nothing.

>>> import jbanalysis as jb
>>> seen = []
>>> note = lambda kind, data, **meta: seen.append((kind, meta["title"]))
>>> jb.shown.listen(note)
>>> jb.shown.show("bars", None, title="CAGR")
>>> jb.shown.unlisten(note)
>>> jb.shown.show("bars", None, title="not heard")
>>> seen
[('bars', 'CAGR')]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["RECORDED", "listen", "show", "unlisten"]

#: ``DataFrame.attrs`` key of a table already shown with its unrounded numbers: a listener that
#: also sees every displayed frame must not record its rounded copy again.
RECORDED = "jbanalysis_recorded"

_LISTENERS: list[Callable[..., None]] = []


def listen(listener: Callable[..., None]) -> None:
    """Call ``listener(kind, data, **meta)`` for everything shown from now on.

    Parameters
    ----------
    listener : callable
        Called once per :func:`show`; adding the same listener again changes nothing.

    Examples
    --------
    >>> heard = []
    >>> note = lambda kind, data, **meta: heard.append(kind)
    >>> jb.shown.listen(note); jb.shown.listen(note)
    >>> jb.shown.show("table", None)
    >>> jb.shown.unlisten(note)
    >>> heard
    ['table']
    """
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def unlisten(listener: Callable[..., None]) -> None:
    """Stop calling ``listener``; one that is not listening is ignored.

    Parameters
    ----------
    listener : callable
        A listener given to :func:`listen`.

    Examples
    --------
    >>> jb.shown.unlisten(print)  # never listened: nothing happens
    """
    if listener in _LISTENERS:
        _LISTENERS.remove(listener)


def show(kind: str, data: Any, **meta: Any) -> None:
    """Announce that ``data`` is shown, to every listener.

    Parameters
    ----------
    kind : str
        How it is shown: ``lines``, ``bars``, ``map``, ``table`` …
    data : object
        The numbers drawn (usually a DataFrame or a Series, unrounded).
    **meta
        ``title``, ``indicator``, ``year``, ``figure``, ``district`` …, passed on as given.

    Examples
    --------
    >>> jb.shown.show("lines", None, title="nobody listens")  # outside a report run: nothing
    """
    for listener in _LISTENERS:
        listener(kind, data, **meta)
