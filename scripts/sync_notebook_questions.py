"""Write each notebook's question line (its first cell) from ``jbanalysis.text.headings.QUESTIONS``.

The question is typed once, in ``QUESTIONS``; the notebook's first cell shows it in both
languages before anything runs, and the report shows it in its own language. Which report a
notebook is comes from its header cell (``setup(..., report="versus")``).
``tests/test_notebooks.py`` fails when a notebook's line differs.

Run: ``python scripts/sync_notebook_questions.py`` (or ``--check``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

from jbanalysis.text.headings import notebook_question

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^\*\*问题 / Question:\*\*.*$", re.MULTILINE)
REPORT = re.compile(r"""report\s*=\s*["'](\w+)["']""")


def report_of(nb) -> str:
    """The report key a notebook passes to ``setup``."""
    for cell in nb.cells:
        if cell.cell_type == "code" and (found := REPORT.search(cell.source)):
            return found.group(1)
    raise ValueError("no setup(..., report=...) call")


def sync(path: Path, check: bool = False) -> bool:
    """Bring the notebook's question line up to date; return whether it already was."""
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    line = notebook_question(report_of(nb))
    if not LINE.search(first.source):
        raise SystemExit(f"{path.name}: the first cell has no '**问题 / Question:**' line")
    updated = LINE.sub(lambda _: line, first.source, count=1)
    if updated == first.source:
        return True
    if not check:
        first.source = updated
        path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return False


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = [p.name for p in sorted((ROOT / "notebooks").glob("*.ipynb")) if not sync(p, check)]
    if stale and check:
        print(
            f"question line out of date in {stale}: run python scripts/sync_notebook_questions.py"
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
