"""Write the generated sections of ``docs/data.md`` from the registries and the observations.

Two sections are generated, between ``<!-- generated: NAME -->`` and ``<!-- end: NAME -->``:
``indicators`` (every indicator with its unit, kind, sources, values and years) and ``breaks``
(every row of ``data/breaks.csv``), so the data dictionary cannot name a break the registry lacks
or miss one it has. ``tests/test_docs.py`` fails when the page is out of date.

Run: ``python scripts/make_data_docs.py`` (or ``--check`` to only compare).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import jbanalysis as jb
from jbanalysis.registry.breaks import describe_break
from jbanalysis.registry.indicators import load_units

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "data.md"


def _cell(text: object) -> str:
    return str(text).replace("|", "/").replace("\n", " ")


def indicators_table() -> str:
    obs = jb.load_observations()
    units = load_units().set_index("id")
    lines = [
        "| id | 名称 | name | unit | kind | sources (values, years) | description |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in jb.load_indicators().itertuples(index=False):
        mine = obs[(obs["indicator"] == row.id) & (obs["flag"] != "excluded")]
        spans = []
        for source, values in mine.groupby("source_id", observed=True):
            spans.append(
                f"`{source}` ({len(values)}, {values['year'].min()}–{values['year'].max()})"
            )
        unit = f"{units.at[row.unit, 'symbol_zh']} (`{row.unit}`)"
        lines.append(
            f"| `{row.id}` | {row.name_zh} | {_cell(row.name_en)} | {unit} | {row.kind} | "
            f"{'; '.join(spans) or '—'} | {_cell(row.description)} |"
        )
    return "\n".join(lines)


def breaks_table() -> str:
    lines = [
        "| id | kind | indicators | districts | from | size | what it means (note) | evidence |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in jb.load_breaks().to_dict("records"):
        size = "" if row["ratio"] != row["ratio"] else f"{row['ratio']:g} ({row['ratio_basis']})"
        districts = row["districts"].replace("|", ", ")
        indicators = row["indicators"].replace("|", ", ")
        lines.append(
            f"| {row['break_id']} | {describe_break(row, 'en')} | {indicators} | {districts} | "
            f"{row['first_year']} | {size} | {_cell(row['note'])} | {_cell(row['evidence'])} |"
        )
    return "\n".join(lines)


SECTIONS = {"indicators": indicators_table, "breaks": breaks_table}


def render(text: str) -> str:
    for name, make in SECTIONS.items():
        pattern = re.compile(
            rf"(<!-- generated: {name} -->\n).*?(<!-- end: {name} -->)", flags=re.S
        )
        if not pattern.search(text):
            raise SystemExit(f"{PAGE}: no '<!-- generated: {name} -->' section")
        text = pattern.sub(lambda m, make=make: m.group(1) + make() + "\n" + m.group(2), text)
    return text


def main(argv: list[str]) -> int:
    current = PAGE.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in argv:
        if fresh != current:
            print(f"{PAGE} is out of date: run python scripts/make_data_docs.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(fresh, encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
