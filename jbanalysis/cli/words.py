"""The command line's words, in the reader's language.

Every help text of the command line is typed once per language, in ``messages.csv`` beside this
module (columns ``key``, ``zh``, ``en``; ``{fields}`` are filled by the command that uses them,
``%(default)s`` by argparse). The language is the one the user reads messages in: Chinese where
the locale for messages (``LC_ALL``, else ``LC_MESSAGES``, else ``LANG``) is Chinese, English
otherwise; ``LANGUAGE`` (a list such as ``zh_CN:en``) comes first unless the locale is ``C``,
as GNU gettext reads them.

>>> import jbanalysis as jb
>>> jb.cli.words.cli_lang({"LANG": "zh_CN.UTF-8"}), jb.cli.words.cli_lang({"LANG": "en_GB.UTF-8"})
('zh', 'en')
>>> jb.cli.words.say("forecast.district", lang="en")
'district, in any form: jiangbei, 江北, 江北区, 500105'
"""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

__all__ = ["MESSAGES", "cli_lang", "messages", "say"]

#: The table of the command line's words.
MESSAGES = Path(__file__).with_name("messages.csv")
_C_LOCALES = ("", "C", "POSIX")


@cache
def messages() -> dict[str, tuple[str, str]]:
    """Every message of the command line: key -> (zh, en).

    Raises
    ------
    ValueError
        A key typed twice or a message left empty, naming the row of ``messages.csv``.

    Examples
    --------
    >>> jb.cli.words.messages()["help"]
    ('显示本帮助并退出', 'show this help and exit')
    """
    table: dict[str, tuple[str, str]] = {}
    with MESSAGES.open(encoding="utf-8", newline="") as handle:
        for row, line in enumerate(csv.DictReader(handle), start=2):
            where = f"{MESSAGES}, row {row}"
            if line["key"] in table:
                raise ValueError(f"{where}: key {line['key']!r} appears twice; keep one row")
            if not line["zh"] or not line["en"]:
                raise ValueError(f"{where}: {line['key']!r} needs both zh and en; fill the cell")
            table[line["key"]] = (line["zh"], line["en"])
    return table


def cli_lang(environ: Mapping[str, str] | None = None) -> str:
    """The language of the command line's help: ``"zh"`` or ``"en"``.

    Parameters
    ----------
    environ : mapping, optional
        The environment to read (default: ``os.environ``).

    Returns
    -------
    str
        ``"zh"`` where the messages locale (``LC_ALL``, else ``LC_MESSAGES``, else ``LANG``)
        is Chinese (``zh_CN.UTF-8``, ``zh_TW``, ``zh``), or where ``LANGUAGE`` lists Chinese
        first under a locale other than ``C``; ``"en"`` otherwise.

    Examples
    --------
    >>> jb.cli.words.cli_lang({"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"})
    'en'
    >>> jb.cli.words.cli_lang({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"})
    'zh'
    >>> jb.cli.words.cli_lang({})
    'en'
    """
    env = os.environ if environ is None else environ
    locale = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    if locale.split(".")[0] in _C_LOCALES:
        return "en"
    first = (env.get("LANGUAGE") or locale).split(":")[0]
    return "zh" if first.lower().startswith("zh") else "en"


def say(key: str, lang: str | None = None, **fields: object) -> str:
    """One message of the command line, with its ``{fields}`` filled in.

    Parameters
    ----------
    key : str
        A key of ``messages.csv`` (``forecast.horizon``).
    lang : {"zh", "en"}, optional
        Default: :func:`cli_lang` of the environment.
    **fields
        Values for the message's ``{fields}``.

    Returns
    -------
    str

    Raises
    ------
    KeyError
        A key that is not in the table.

    Examples
    --------
    >>> jb.cli.words.say("forecast.horizon", "zh", max=20)
    '预测未来几年，1 至 20（默认 %(default)s）'
    """
    zh, en = messages()[key]
    text = zh if (lang or cli_lang()) == "zh" else en
    return text.format(**fields) if fields else text
