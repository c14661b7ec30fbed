"""Report 05's article section: a real article's text going in, the ledger drafted from it and
the verdicts on that ledger coming out.

The article shown by default is bundled (``data/articles/``, with its URL and publication date
in its header): a 2017 ranking of Chongqing's districts whose figures are other years' — the
case the diagnoses were built for. A report can be given any other text file
(``article_file``); everything said about it comes from :func:`jbanalysis.extract_claims` and
:func:`jbanalysis.check_claims`, never typed here.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from jbanalysis.claims.extract.draft import skipped
from jbanalysis.claims.extract.reading import Article, read_article, sentences
from jbanalysis.registry.paths import bundle_path
from jbanalysis.registry.terms import check_lang, term

__all__ = ["EXAMPLE_ARTICLE", "article_intro", "draft_table", "heading", "load", "skipped_table"]

#: The article report 05 shows by default (bundled).
EXAMPLE_ARTICLE = "articles/chongqing_2017_district_ranking.txt"

_HEADINGS = {
    "article": (
        "4. 一篇文章：原文、起草的台账与结论",
        "4. One article: its text, the ledger drafted from it, the verdicts",
    ),
    "draft": ("起草的台账", "The ledger drafted from it"),
    "skipped": ("未编码的数字", "Numbers not encoded"),
    "verdicts": ("对起草台账的核查结论", "The verdicts on the drafted ledger"),
}


def heading(key: str, lang: str = "zh", level: int = 3) -> str:
    """A heading of the article section as Markdown.

    >>> from jbanalysis.claims.article import heading
    >>> heading("article", "en", level=2)
    '## 4. One article: its text, the ledger drafted from it, the verdicts'
    """
    zh, en = _HEADINGS[key]
    return f"{'#' * level} {zh if check_lang(lang) == 'zh' else en}"


def load(path: str | Path | None = None) -> tuple[Path, Article]:
    """The article's file and its text and header (default: the bundled example).

    >>> from jbanalysis.claims.article import load
    >>> path, article = load()
    >>> article.url.startswith("https://"), article.title
    (True, '解码2017重庆区县经济风云')
    """
    file = Path(path) if path else bundle_path(EXAMPLE_ARTICLE)
    if not file.is_file():
        raise FileNotFoundError(f"no article at {file}: give a UTF-8 text file")
    return file, read_article(file)


def article_intro(article: Article, lang: str = "zh", quoted: int = 4):
    """Where the article was published, and its first sentences quoted as printed, as Markdown
    (an IPython object): the article's own text is HTML-escaped, the quote marks are Markdown.

    >>> from jbanalysis.claims.article import article_intro, load
    >>> print(article_intro(load()[1], "en", quoted=1).data)  # doctest: +ELLIPSIS
    The text below is the opening of *解码2017重庆区县经济风云* (https://www.bkwk.cn/article/..., date not shown), quoted as printed:
    <BLANKLINE>
    > 2017年,重庆这座山城...
    """
    from IPython.display import Markdown

    date = article.published or ("日期未标明" if check_lang(lang) == "zh" else "date not shown")
    title = html.escape(article.title, quote=False)
    url = html.escape(article.url, quote=False)
    where = f"*{title}* ({url}, {date})" if article.title else url
    lead = (
        f"以下是{where}的开头，按原文引用："
        if lang == "zh"
        else f"The text below is the opening of {where}, quoted as printed:"
    )
    lines = [html.escape(s.printed, quote=False) for s in sentences(article.text)[:quoted]]
    return Markdown(lead + "\n\n" + "\n>\n".join(f"> {line}" for line in lines))


def draft_table(draft: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The drafted ledger as the report shows it: id, the sentence, what was read from it.

    >>> import jbanalysis as jb
    >>> from jbanalysis.claims.article import draft_table
    >>> list(draft_table(jb.extract_claims("江北区2023年GDP增长6.7%。"), "en").columns)
    ['claim', 'as printed', 'district', 'indicator', 'period', 'kind', 'stated', 'unit']
    """
    columns = {
        "claim_id": "claims_col_id",
        "text": "claims_col_text",
        "district": "claims_col_district",
        "indicator": "claims_col_indicator",
        "period": "claims_col_period",
        "kind": "claims_col_kind",
        "stated": "claims_col_stated",
        "unit": "claims_col_unit",
    }
    table = draft[list(columns)].copy()
    return table.rename(columns={k: term(v, lang) for k, v in columns.items()})


def skipped_table(draft: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The numbers the draft did not encode, with why, as the report shows them.

    >>> import jbanalysis as jb
    >>> from jbanalysis.claims.article import skipped_table
    >>> skipped_table(jb.extract_claims("江北区2023年GDP增长6.7%,居全国城市前列。"), "en").columns.tolist()
    ['number', 'reason', 'as printed']
    """
    table = skipped(draft)[["number", "reason", "sentence"]]
    names = {
        "number": term("claims_col_number", lang),
        "reason": term("claims_col_reason", lang),
        "sentence": term("claims_col_text", lang),
    }
    return table.rename(columns=names)
