"""What a chart or a table shows, announced to whoever listens.

Charts (:mod:`jbanalysis.plots`) and report tables (:func:`jbanalysis.text.formatting.table`) call
:func:`show` with the numbers they draw; they know nothing of who listens. A report run listens
(:func:`jbanalysis.report.downloads.install_display_capture` adds the recorder that writes the
downloads), so the charts depend on no report machinery and the report depends on the charts, not
the other way round.

>>> seen = []
>>> listen(lambda kind, data, **meta: seen.append((kind, meta["title"])))
>>> show("bars", None, title="CAGR")
>>> seen
[('bars', 'CAGR')]
>>> _LISTENERS.clear()
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["RECORDED", "listen", "show"]

#: ``DataFrame.attrs`` key of a table already shown with its unrounded numbers: a listener that
#: also sees every displayed frame must not record its rounded copy again.
RECORDED = "jbanalysis_recorded"

_LISTENERS: list[Callable[..., None]] = []


def listen(listener: Callable[..., None]) -> None:
    """Call ``listener(kind, data, **meta)`` for everything shown from now on (once per listener)."""
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def show(kind: str, data: Any, **meta: Any) -> None:
    """Announce that ``data`` is shown as a ``kind`` (``lines``, ``bars``, ``map``, ``table`` …)
    with ``meta`` (``title``, ``indicator``, ``year``, ``figure``, ``district``)."""
    for listener in _LISTENERS:
        listener(kind, data, **meta)
