"""Like for like: which vintages a share or a rank compares, and the matched value where one exists.

A share divides a district's value by a total, a rank orders the values of a group: both mean
something only when the values are of one vintage and basis. The panel's district GDP is a first
release where the city's is CSMAR's revised series (2005–2018), so ``江北 / 全市`` of 2018 is
1027.87 / 21588.80 = 4.76 % — a first release over a revision — against 1027.87 / 20363.19 =
5.05 % over the city's own first release. The rule, in the ``rule`` column of
:func:`jbanalysis.metrics.share` and :func:`jbanalysis.metrics.rank`:

================= ================================================================================
rule              meaning
================= ================================================================================
same vintage      every value compared is of one vintage (first release, or revised)
matched           a value of another vintage was replaced by the same figure's value of the
                  compared vintage (the city's first release beside districts' first releases)
mixed vintages    no value of the compared vintage exists for some of them: the result mixes
                  bases, and ``vintages`` says which
vintage unknown   a value's vintage is not known (``unknown``, ``census``, …): not matchable
as given          the data carried no vintages (a years × districts table)
================= ================================================================================
"""

from __future__ import annotations

import pandas as pd

from jbanalysis.registry.schema import MATCHED_VINTAGES

__all__ = ["MIXED_VINTAGES", "RULES", "Matched", "Vintages", "match_values", "vintage_frame"]

#: The rule of a share whose total has no value of the part's vintage (read by sentences and charts).
MIXED_VINTAGES = "mixed vintages"
RULES = ("same vintage", "matched", MIXED_VINTAGES, "vintage unknown", "as given")


def vintage_frame(data: pd.DataFrame, indicator: str | None) -> pd.DataFrame | None:
    """Years × districts of the vintage of each value of a tidy panel (``None`` for a wide table).

    >>> import pandas as pd
    >>> from jbanalysis.metrics.matching import vintage_frame
    >>> p = pd.DataFrame({"district": ["a", "b"], "year": [2018, 2018], "indicator": ["gdp"] * 2,
    ...                   "value": [1.0, 2.0], "vintage": ["first_release", "revised"]})
    >>> vintage_frame(p, "gdp").loc[2018].to_dict()
    {'a': 'first_release', 'b': 'revised'}
    """
    if not {"district", "year", "vintage"} <= set(getattr(data, "columns", [])):
        return None
    rows = (
        data
        if indicator is None or "indicator" not in data
        else data[data["indicator"] == indicator]
    )
    rows = rows.astype({"district": str, "vintage": str}).drop_duplicates(["district", "year"])
    return rows.pivot(index="year", columns="district", values="vintage")


class Matched:
    """The values of one year, of one vintage where the sources allow.

    Attributes
    ----------
    values : dict
        district -> value compared (a matched value where one replaced the panel's).
    vintages : dict
        district -> the vintage of that value.
    rule : str
        One of :data:`RULES`.
    target : str
        The vintage compared.
    """

    def __init__(self, values: dict, vintages: dict, rule: str, target: str) -> None:
        self.values, self.vintages, self.rule, self.target = values, vintages, rule, target

    def describe(self) -> str:
        """``first_release`` when one vintage, else ``yuzhong revised; others first_release``.

        >>> from jbanalysis.metrics.matching import Matched
        >>> Matched({"a": 1, "b": 2}, {"a": "first_release", "b": "revised"}, "mixed vintages",
        ...         "first_release").describe()
        'b revised; others first_release'
        """
        odd = {d: v for d, v in self.vintages.items() if v != self.target}
        if not odd:
            return self.target
        listed = ", ".join(f"{d} {v}" for d, v in odd.items())
        return f"{listed}; others {self.target}"


def match_values(
    year: int,
    values: dict,
    vintages: dict | None,
    alternatives: pd.DataFrame | None,
    target: str | None = None,
) -> Matched:
    """Bring the values of one year to one vintage where the same figure's other vintage exists.

    ``target`` is the vintage to compare (default: the most common first-release/revised vintage
    among the values, the first release on a tie). A value of another vintage is replaced by the
    ``alternatives`` row (:func:`jbanalysis.panel.vintages.vintage_values`) of the same district,
    year and target vintage.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics.matching import match_values
    >>> alt = pd.DataFrame({"district": ["city"], "year": [2018], "vintage": ["first_release"],
    ...                     "value": [20363.19]})
    >>> m = match_values(2018, {"jiangbei": 1027.87, "city": 21588.8},
    ...                  {"jiangbei": "first_release", "city": "revised"}, alt, "first_release")
    >>> m.rule, m.values["city"]
    ('matched', 20363.19)
    """
    if vintages is None:
        return Matched(dict(values), {}, "as given", "")
    got = {d: str(vintages.get(d, "")) for d in values}
    if target is None:
        counts = pd.Series([v for v in got.values() if v in MATCHED_VINTAGES], dtype=object)
        ranked = counts.value_counts().reindex(list(MATCHED_VINTAGES)).fillna(0)
        target = str(ranked.idxmax()) if ranked.max() > 0 else MATCHED_VINTAGES[0]
    if all(v == target for v in got.values()):
        return Matched(dict(values), got, "same vintage", target)
    out, used, matched = dict(values), dict(got), False
    lookup = {}
    if alternatives is not None and len(alternatives):
        rows = alternatives[(alternatives["year"] == year) & (alternatives["vintage"] == target)]
        lookup = dict(zip(rows["district"].astype(str), rows["value"], strict=True))
    for district, vintage in got.items():
        if vintage == target:
            continue
        if district in lookup:
            out[district], used[district], matched = float(lookup[district]), target, True
    if all(v == target for v in used.values()):
        return Matched(out, used, "matched" if matched else "same vintage", target)
    unknown = any(v not in MATCHED_VINTAGES for v in used.values())
    return Matched(out, used, "vintage unknown" if unknown else MIXED_VINTAGES, target)


class Vintages:
    """The vintage of each value of a table, and the other vintages to match them with.

    Built from the data a metric was given: a tidy panel carries its vintages; a years × districts
    table carries none (every result is ``as given``). The other vintages of the same figures
    (:func:`jbanalysis.panel.vintages.vintage_values`: the bundled observations and the user's
    folder) are read only when the values of one year are of different vintages, unless given.

    Examples
    --------
    >>> import pandas as pd
    >>> from jbanalysis.metrics.matching import Vintages
    >>> wide = pd.DataFrame({"a": [1.0]}, index=[2018])
    >>> Vintages(wide, None, wide).match(2018, {"a": 1.0}).rule
    'as given'
    """

    def __init__(
        self,
        data: pd.DataFrame,
        indicator: str | None,
        frame: pd.DataFrame,
        alternatives: pd.DataFrame | None = None,
        match: bool = True,
    ) -> None:
        self.frame = vintage_frame(data, indicator) if match else None
        self.alternatives = alternatives
        if self.frame is not None and indicator is None:
            indicator = (
                str(data["indicator"].iloc[0]) if "indicator" in data and len(data) else None
            )
        self.indicator = indicator
        self.districts, self.years = list(frame.columns), [int(y) for y in frame.index]

    def vintage(self, year: int, district: str) -> str:
        """The vintage of one value (``""`` when unknown or absent)."""
        f = self.frame
        if f is None or year not in f.index or district not in f.columns:
            return ""
        v = f.at[year, district]
        return "" if pd.isna(v) else str(v)

    def match(self, year: int, values: dict, target: str | None = None) -> Matched:
        """:func:`match_values` of one year's values, reading the other vintages when needed."""
        if self.frame is None:
            return Matched(dict(values), {}, "as given", "")
        got = {d: self.vintage(year, d) for d in values}
        mixed = len(set(got.values()) | ({target} if target else set())) > 1
        if mixed and self.alternatives is None and self.indicator is not None:
            from jbanalysis.panel.vintages import vintage_values

            self.alternatives = vintage_values(self.indicator, self.districts, self.years)
        return match_values(year, values, got, self.alternatives, target)
