"""What the report process reads back from an executed notebook: its title (the cell tagged
``header``) and its one-line summary (the cell tagged ``summary``)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    pass


SUMMARY_TAG = "summary"


HEADER_TAG = "header"


def _markdown_outputs(cell) -> list[str]:
    texts = []
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if "text/markdown" in data:
            texts.append("".join(data["text/markdown"]))
        elif out.get("output_type") == "stream" and out.get("name") == "stdout":
            texts.append("".join(out.get("text", "")))
    return texts


def _tagged(nb, tag: str):
    return [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]


def title_of(nb, default: str) -> str:
    """Title: the first ``# `` line shown by the cell tagged ``header`` (else of a markdown cell)."""
    candidates = [t for c in _tagged(nb, HEADER_TAG) for t in _markdown_outputs(c)]
    candidates += [c.source for c in nb.cells if c.cell_type == "markdown"]
    for text in candidates:
        for line in text.splitlines():
            if line.startswith("# "):
                # plain text: the Markdown came escaped (formatting.markdown); index.html escapes
                return html.unescape(line[2:].strip())
    return default


def summary_of(nb) -> str:
    """One-line summary: what the cell tagged ``summary`` displayed (first paragraph)."""
    texts = [t.strip() for c in _tagged(nb, SUMMARY_TAG) for t in _markdown_outputs(c)]
    text = next((t for t in texts if t), "")
    return html.unescape(" ".join(text.split("\n\n")[0].split()))
