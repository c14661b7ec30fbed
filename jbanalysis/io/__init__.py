"""Read a user's own table (CSV or XLSX) into validated long observations: :func:`read_table`.

``read_table`` reads what yearbook pages, bulletins and government Excel exports look like, and
is never silently wrong: each value is read right, or it (its row, its column, the table) is left
out with a reason naming the file, sheet, row and column, what was found, what was expected and
what to do. Rows in = rows used + rows rejected (``result.attrs["report"]``).

* every column gets a role — a key (district, year, indicator, unit), values (indicator, year,
  period, measure, price basis, unit) or left out with its reason (a rank, a row number, an index,
  a plan target, a single month) — from its heads, its content and the title, said in plain words
  (``explain=True``; ``report.explain()``) and overridable (``columns=``);
* periods: part-year heads (1-9月, 上半年, 前三季度) and the growth beside them are that period's;
  本年/上年 resolve from the title's year; 12月末 is the year-end stock; a yearbook's edition year
  gives the data year before it; growth at current prices is never real growth;
* layouts: multi-row heads, merged cells, stacked sections and several tables on a sheet, years
  and districts from titles and sheet names, units per row, in the corner or in the cells,
  English and bilingual heads; hidden rows and columns are left out and named; contents and
  chart sheets passed over; ``sheet=`` by name or position (1 = the first sheet);
* numbers as Excel shows them (a literal ``"%"`` in a format is text, scaled formats, ``########``
  refused), as exports write them (NBSP, tabs, apostrophes, ``="…"``, ``1744亿元``);
* slips: a value 5× or more away from its series' neighbouring years (``reference=``: the bundle
  and earlier user data) or the table's other rows is refused unless accepted with a reason;
* recipes (:mod:`jbanalysis.io.recipes`): a reading saved and reused for next year's table of
  the same shape, a changed layout refused with what changed.

The rules in full: ``docs/own_tables.md``.
"""

from jbanalysis.io.account import ReadReport
from jbanalysis.io.numbers import parse_number
from jbanalysis.io.recipes import Recipe
from jbanalysis.io.table import read_table

__all__ = ["ReadReport", "Recipe", "parse_number", "read_table"]
