"""Text into a notebook's output: a sentence as Markdown, escaped where it becomes HTML.

>>> from jbanalysis.text.markdown import summary_markdown
>>> summary_markdown(["A.", " ", "B."])
'A. B.'
"""

from __future__ import annotations

import html
from collections.abc import Iterable

__all__ = ["markdown", "show", "summary_markdown"]


def markdown(text: str):
    """A sentence as IPython Markdown, with ``<``, ``>`` and ``&`` escaped.

    Sentences carry strings from the data (district names, source titles, notes); escaping them
    here, where text becomes HTML, means a name such as ``<script>`` is shown as text in every
    report instead of being run or silently dropped. Markdown emphasis (``**``) still works.

    >>> from jbanalysis.text.markdown import markdown
    >>> markdown("**江北** <script>alert(1)</script> & more").data
    '**江北** &lt;script&gt;alert(1)&lt;/script&gt; &amp; more'
    """
    from IPython.display import Markdown

    return Markdown(html.escape(text, quote=False))


def show(*texts: str) -> None:
    """Display each non-empty sentence as Markdown (:func:`markdown`); an empty one shows nothing.

    >>> from jbanalysis.text.markdown import show
    >>> show("")  # a chart without a note leaves no empty paragraph
    """
    from IPython.display import display

    for text in texts:
        if text:
            display(markdown(text))


def summary_markdown(sentences: Iterable[str]) -> str:
    """Join takeaway sentences into one Markdown paragraph (used for the report's summary).

    >>> from jbanalysis.text.markdown import summary_markdown
    >>> summary_markdown(["A.", "B."])
    'A. B.'
    """
    return " ".join(s.strip() for s in sentences if s and s.strip())
