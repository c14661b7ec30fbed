"""``extract_claims``: an article's text in, a draft claims ledger out, for a person to review.

The draft has the ledger's columns (``docs/claims.md``), so that it can be checked at once
(:func:`jbanalysis.check_claims`) or corrected in a spreadsheet first; ``note`` says how each row
was read (the district from the title, a growth of the value before it …). The numbers it did not
encode are in ``attrs["skipped"]`` (a tuple of records: sentence, number, reason; as a table:
:func:`skipped`). Plain records, not a DataFrame: pandas compares ``attrs`` when it concatenates
drafts, and two DataFrames cannot be compared.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from jbanalysis.claims.extract.context import period_in, places, text_year
from jbanalysis.claims.extract.english import english_place
from jbanalysis.claims.extract.reading import Article, read_article, sentences
from jbanalysis.claims.extract.resolve import Draft, Reader
from jbanalysis.claims.schema import LEDGER_COLUMNS
from jbanalysis.errors import UnknownNameError
from jbanalysis.registry.districts import CITY, resolve_district

__all__ = ["SKIPPED_COLUMNS", "drafted_sentence", "extract_claims", "skipped", "write_draft"]

SKIPPED_COLUMNS = ["sentence", "number", "reason"]


# the city's name followed by a unit's name the registry does not hold (重庆市万盛经开区公报)
_UNKNOWN_UNIT = re.compile(
    r"重庆市?((?!各?区县|主城|中心|全|市区|城区)[\u4e00-\u9fff]{1,8}?(?:经开区|开发区|新区|管委会|区|县))"
)


def _subject(article: Article, first: str) -> tuple[str | None, str]:
    if article.district:
        try:
            return resolve_district(article.district), "given"
        except UnknownNameError as exc:
            raise ValueError(f"district: {exc}") from None
    for text, where in ((article.title, "the title"), (first, "the first sentence")):
        named = [p.district for p in places(text, None) if not p.group]
        if named:  # 重庆市大渡口区: the district, not the city that contains it
            specific = [d for d in named if d != CITY]
            if len(set(specific)) > 1 and CITY in named:  # 重庆:渝北、长寿和潼南…: the city's text
                return CITY, where
            unheld = _UNKNOWN_UNIT.search(text)
            if not specific and unheld:  # 重庆市万盛经开区: not the city's
                return None, f"unheld:{unheld.group(1)}"
            return (specific or named)[0], where
        if english_place(text):
            return english_place(text), where
    return None, ""


def _period_text(year: int, period: str) -> str:
    return str(year) if period == "Y" else f"{year} {period}"


def extract_claims(
    text: str | Path,
    *,
    published: str = "",
    url: str = "",
    title: str = "",
    district: str = "",
    id_prefix: str = "A",
) -> pd.DataFrame:
    """Draft a claims ledger from the text of an article, for review.

    Parameters
    ----------
    text : str or Path
        The article's text, or the path of its file (a ``Path``, or a one-line string ending in
        ``.txt``/``.md``); a file may start with ``key: value`` lines — ``url``, ``published``,
        ``title``, ``district`` — and a ``---`` line.
    published : str
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: dates 今年 and a text that names no year.
    url, title : str
        Where it was published (the ledger's ``url`` and ``title``).
    district : str
        The district the text is about (any form of a registry name); default the one its title
        or first sentence names. 全区, 该区 … stand for it.
    id_prefix : str
        Claim ids are the prefix and a number (``A01``, ``A02`` …).

    Returns
    -------
    DataFrame
        The draft ledger (columns :data:`~jbanalysis.claims.schema.LEDGER_COLUMNS`), one row a
        number; ``attrs["skipped"]`` lists the numbers not encoded (sentence, number, reason).

    Examples
    --------
    >>> import jbanalysis as jb
    >>> draft = jb.extract_claims(
    ...     "2011年大渡口区全年实现地区生产总值149.9亿元,比上年增长16.7%。"
    ...     "第二产业增加值比重为55.8%,下降13.0个百分点。"
    ... )
    >>> draft[["district", "indicator", "period", "kind", "stated", "unit"]].to_numpy().tolist()
    [['大渡口区', 'gdp', '2011', 'value', '149.9', '亿元'], ['大渡口区', 'gdp_real_growth', '2011', 'growth', '16.7', '%'], ['大渡口区', 'va_secondary_share', '2011', 'value', '55.8', '%'], ['大渡口区', 'va_secondary_share', '2011', 'change', '-13.0', '个百分点']]
    """
    article = read_article(text, published=published, url=url, title=title, district=district)
    found = sentences(article.text)
    first = found[0].text if found else ""
    subject, subject_from = _subject(article, first)
    year, year_from = text_year(article.title, first, article.published_year)
    default_period = period_in(article.title)[0] or "Y"
    reader = Reader(subject, year, default_period, article.published_year)
    if subject_from.startswith("unheld:"):
        reader.unheld = subject_from.removeprefix("unheld:")
    reader.read(found)
    rows = []
    for n, d in enumerate(_once(reader.drafts), start=1):
        rows.append(_row(d, f"{id_prefix}{n:02d}", article, subject_from, year_from))
    draft = pd.DataFrame(rows, columns=list(LEDGER_COLUMNS))
    draft.attrs["skipped"] = tuple(
        dict(zip(SKIPPED_COLUMNS, (s.sentence.printed, s.printed, s.reason), strict=True))
        for s in reader.skips
    )
    draft.attrs["subject"] = subject
    return draft


def _once(drafts: list[Draft]) -> list[Draft]:
    """One row a claim: the same number of the same key printed twice (a sentence and the table
    row under it) is one claim for the reviewer; the first keeps a note of where it is repeated."""
    first: dict[tuple, Draft] = {}
    for d in drafts:
        key = (d.district, d.indicator, d.year, d.period, d.kind, d.stated, d.unit, d.group)
        key += (d.denominator, d.base)
        if key in first:
            first[key].notes.append(f"printed again in {d.sentence.printed!r}")
        else:
            first[key] = d
    return list(first.values())


def _row(d: Draft, cid: str, article: Article, subject_from: str, year_from: str) -> dict:
    from jbanalysis.registry.districts import name_of

    notes = list(d.notes)
    if notes and notes[0] == "district: the text's subject":
        notes[0] = f"district: the text's subject ({subject_from})" if subject_from else notes[0]
    return {
        "claim_id": cid,
        "text": d.sentence.printed,
        "title": article.title,
        "date": article.published,
        "url": article.url,
        "district": name_of(d.district, "zh"),
        "indicator": d.indicator,
        "period": _period_text(d.year, d.period),
        "kind": d.kind,
        "stated": d.stated,
        "unit": d.unit,
        "precision": d.precision,
        "group": d.group,
        "denominator": d.denominator,
        "note": "drafted: " + "; ".join([f"printed {d.printed!r}", *notes]),
        "base": d.base,
    }


def skipped(draft: pd.DataFrame) -> pd.DataFrame:
    """The numbers of an article a draft did not encode, as a table: sentence, number, reason.

    >>> import jbanalysis as jb
    >>> from jbanalysis.claims.extract.draft import skipped
    >>> skipped(jb.extract_claims("2023年江北区GDP增长6.7%,位列全国城市前列。")).to_numpy().tolist()
    [['2023年江北区GDP增长6.7%,位列全国城市前列。', '前列', '前列 names no place: write the rank if the text means one']]
    """
    return pd.DataFrame(list(draft.attrs.get("skipped", ())), columns=SKIPPED_COLUMNS)


def write_draft(draft: pd.DataFrame, path: str | Path) -> Path:
    """Write a draft ledger for review: ``.csv`` (UTF-8 with a byte-order mark, so that Excel
    reads the Chinese) or ``.xlsx`` (a sheet ``ledger`` and a sheet ``not encoded``).

    >>> import tempfile, pathlib
    >>> import jbanalysis as jb
    >>> from jbanalysis.claims.extract.draft import write_draft
    >>> out = write_draft(jb.extract_claims("江北区2023年GDP增长6.7%。"), pathlib.Path(tempfile.mkdtemp()) / "d.csv")
    >>> jb.load_claims(out)[1].rows_checked
    1
    """
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        with pd.ExcelWriter(path, engine="openpyxl") as xl:
            draft.to_excel(xl, sheet_name="ledger", index=False)
            skipped(draft).to_excel(xl, sheet_name="not encoded", index=False)
    elif path.suffix.lower() == ".csv":
        draft.to_csv(path, index=False, encoding="utf-8-sig")
    else:
        raise ValueError(f"{path.name}: write the draft as .csv or .xlsx")
    return path


def drafted_sentence(n: int, text: object, out: object, skipped: int, lang: str = "zh") -> str:
    """What drafting did, in one line.

    >>> from jbanalysis.claims.extract.draft import drafted_sentence
    >>> drafted_sentence(19, "a.txt", "a.claims.csv", 33, "en")
    'Drafted 19 claims from a.txt into a.claims.csv; 33 numbers were not encoded, and why:'
    >>> drafted_sentence(1, "a.txt", "a.claims.csv", 0)
    '从a.txt起草了1条说法，写入a.claims.csv；所有数字都已编码。'
    """
    from jbanalysis.registry.terms import check_lang

    if check_lang(lang) == "zh":
        if skipped:
            return f"从{text}起草了{n}条说法，写入{out}；{skipped}个数字未能编码，原因如下："
        return f"从{text}起草了{n}条说法，写入{out}；所有数字都已编码。"
    if skipped:
        return f"Drafted {n} claims from {text} into {out}; {skipped} numbers were not encoded, and why:"
    return f"Drafted {n} claims from {text} into {out}; every number was encoded."
