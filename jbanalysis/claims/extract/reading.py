"""An article as extraction reads it: its metadata, its sentences as printed and as compared.

A sentence is quoted as printed (the ledger's ``text`` column keeps the publication's words and
characters, traditional ones included); it is read in simplified characters, NFKC-folded, with
the ratio colons of structure ratios (``︰``, ``∶``, ``：``) written ``:`` and footnote marks
(``【1】``, ``[2]``, ``①``) taken out. A stored article may start with ``key: value`` lines (``url``,
``published``, ``title``, ``district``) and a ``---`` line; the options of
:func:`~jbanalysis.claims.extract.extract_claims` win over them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from jbanalysis.claims.extract.vocab import short_scope
from jbanalysis.names import simplified

__all__ = ["Article", "Sentence", "clauses", "read_article", "sentences"]

_META_KEYS = ("url", "published", "date", "title", "district", "note")
_FOOTNOTE = re.compile(r"【\d+】|\[\d+\]|\[[ivx]+\]|[\u2460-\u2473\u2776-\u277f]")
_RATIO_COLON = re.compile(r"(?<=\d)\s*[︰∶：:]\s*(?=\d)")
# a sentence ends at 。！？ or a line break; an English one at ". " before a capital
_ENDINGS = ("。", "！", "？", "!", "?", "；", ";", ":", "：", "…", ".")
_SENTENCE_END = re.compile(r"(?<=[。！？!?])|\n+|(?<=[a-z0-9%)]\.)\s+(?=[A-Z])")
_CLAUSE_END = re.compile(r"[,，;；:：]")
_QUOTES = re.compile(r"[“”‘’\"「」『』]")
_ASIDE = re.compile(r"(?<=[\u4e00-\u9fff])\([\u4e00-\u9fff]{1,4}\)(?=[\u4e00-\u9fff])")


@dataclass
class Article:
    """The text of a publication and what is known of it (published date, URL, title, district).

    ``published`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (or empty): it dates 今年 and 上年
    in a text that does not name its year.
    """

    text: str
    title: str = ""
    published: str = ""
    url: str = ""
    district: str = ""
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def published_year(self) -> int | None:
        m = re.match(r"^(\d{4})", self.published or "")
        return int(m.group(1)) if m else None


@dataclass(frozen=True)
class Sentence:
    """One sentence: where it is (paragraph, index), as printed and as compared."""

    index: int
    paragraph: int
    printed: str
    text: str


def _aside(m: re.Match) -> str:
    """An aside out of a name, unless it names a group (全市(行政区)第1 keeps it)."""
    from jbanalysis.registry.districts import group_of

    return m.group(0) if group_of(m.group(0)[1:-1]) else ""


def fold(text: str) -> str:
    """The compared form of printed text: simplified, NFKC, ratio colons, no footnote marks,
    no quotation marks, no short aside inside a name (上市(过会)企业).

    >>> from jbanalysis.claims.extract.reading import fold
    >>> fold("三次產業結構比為6.1︰57.8︰36.1【1】"), fold("新增3家上市(过会)企业、“小巨人”企业2家")
    ('三次产业结构比为6.1:57.8:36.1', '新增3家上市企业、小巨人企业2家')
    """
    text = _RATIO_COLON.sub(":", text)
    text = unicodedata.normalize("NFKC", simplified(text))
    text = short_scope(_FOOTNOTE.sub("", text))
    text = _QUOTES.sub("", text)  # 社区“小马”工作站: the name is the words, not the marks
    text = _ASIDE.sub(_aside, text)  # 上市(过会)企业: a short aside inside a name
    return text.replace("\u3000", " ")


def read_article(source: str | Path, **options: str) -> Article:
    """An article from a file or a string, with its ``key: value`` header if it has one.

    A one-line string ending in ``.txt`` or ``.md`` is read as the path of the file.

    >>> from jbanalysis.claims.extract.reading import read_article
    >>> a = read_article("url: https://example.org/a\\npublished: 2024-01-15\\n---\\n江北区GDP增长6.7%。")
    >>> a.url, a.published, a.published_year, a.text
    ('https://example.org/a', '2024-01-15', 2024, '江北区GDP增长6.7%。')
    """
    if isinstance(source, str) and _looks_like_a_file(source):
        source = Path(source)
        if not source.is_file():
            raise FileNotFoundError(
                f"no article at {source}: give the path of a UTF-8 text file, or the text itself"
            )
    raw = source.read_text(encoding="utf-8-sig") if isinstance(source, Path) else str(source)
    meta: dict[str, str] = {}
    body = raw
    head, sep, rest = raw.partition("\n---\n")
    if sep:
        lines = [ln for ln in head.splitlines() if ln.strip()]
        pairs = [ln.partition(":") for ln in lines]
        if lines and all(p[1] and p[0].strip().lower() in _META_KEYS for p in pairs):
            meta = {p[0].strip().lower(): p[2].strip() for p in pairs}
            body = rest
    given = {k: v for k, v in options.items() if v}
    return Article(
        text=body.strip("\n"),
        title=given.get("title", meta.get("title", "")),
        published=given.get("published", meta.get("published", meta.get("date", ""))),
        url=given.get("url", meta.get("url", "")),
        district=given.get("district", meta.get("district", "")),
        meta=meta,
    )


def _looks_like_a_file(text: str) -> bool:
    """A one-line string ending in a text file's suffix is a path, not an article.

    >>> from jbanalysis.claims.extract.reading import _looks_like_a_file
    >>> _looks_like_a_file("article.txt"), _looks_like_a_file("江北区GDP增长6.7%。")
    (True, False)
    """
    one_line = "\n" not in text and len(text) < 1024
    return one_line and text.strip().lower().endswith((".txt", ".md", ".text"))


def _unbroken(lines: list[str]) -> list[str]:
    """Lines a copy broke inside a sentence joined again: a line that does not end a sentence
    and either is long (a wrapped paragraph: 全\\n市呈现) or is followed by a number (结构比为\\n
    8.2:53.9:37.9); short lines (一、综合, a chart's caption) and table lines stay apart."""
    out: list[str] = []
    for line in lines:
        prev = out[-1].rstrip() if out else ""
        broken = prev and not prev.endswith(_ENDINGS) and "|" not in prev + line
        if broken and (len(prev) > 40 or re.match(r"\s*\d", line)):
            glue = " " if prev[-1:].isascii() and line.strip()[:1].isascii() else ""
            out[-1] = prev + glue + line.strip()  # a wrapped English line keeps its space
        else:
            out.append(line)
    return out


def sentences(text: str) -> list[Sentence]:
    """The sentences of a text, in order, with the paragraph each is in.

    >>> from jbanalysis.claims.extract.reading import sentences
    >>> [(s.paragraph, s.text) for s in sentences("全区GDP 149.9亿元。增长16.7%。\\n\\n二、农业")]
    [(0, '全区GDP 149.9亿元。'), (0, '增长16.7%。'), (1, '二、农业')]
    """
    out: list[Sentence] = []
    for p, paragraph in enumerate(re.split(r"\n\s*\n|\r?\n(?=\s*[一二三四五六七八九十]+、)", text)):
        for line in _unbroken(paragraph.splitlines()):
            for piece in _SENTENCE_END.split(line):
                printed = piece.strip()
                if printed:
                    out.append(Sentence(len(out), p, printed, fold(printed)))
    return out


def clauses(text: str) -> list[str]:
    """A sentence cut at its commas, semicolons and colons (not inside a number: 1,234.5).

    >>> from jbanalysis.claims.extract.reading import clauses
    >>> clauses("第一产业增加值1.7亿元,增长2.2%;其中:工业1,234.5亿元")
    ['第一产业增加值1.7亿元', '增长2.2%', '其中', '工业1,234.5亿元']
    """
    out, start = [], 0
    for m in _CLAUSE_END.finditer(text):
        i = m.start()
        digit_around = 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        if digit_around and text[i] in ",:":
            continue  # 1,234 or a ratio 6.1:57.8
        out.append(text[start:i])
        start = i + 1
    out.append(text[start:])
    return [c.strip() for c in out if c.strip()]
