"""The one name normaliser: how a district, indicator or unit name is compared with the registry.

Names arrive as analysts and tables write them: full-width letters and digits (ＧＤＰ, １２),
mixed case, doubled or trailing spaces. They are compared after NFKC folding (full-width to
half-width), case folding and collapsing runs of white space; nothing else is changed, so 江北 and
江北区 stay different keys (the registry lists both as aliases). A name in traditional characters
(江北區, as Hong Kong and Taiwan sources print it) that is not found is looked up again in
simplified characters (:func:`lookup_keys`).

>>> import jbanalysis as jb
>>> jb.names.normalise("江北区") == jb.names.normalise(" 江北区 "), jb.names.normalise("江北")
(True, '江北')
"""

from __future__ import annotations

import unicodedata
from functools import cache


def normalise(text: object) -> str:
    """The comparison key of a name.

    Parameters
    ----------
    text : object
        A name as written (any object is read as ``str(text)``).

    Returns
    -------
    str
        ``text`` NFKC-folded (full-width to half-width), case-folded, white space collapsed.

    Examples
    --------
    >>> jb.names.normalise("  Jiangbei   District "), jb.names.normalise("ＧＤＰ")
    ('jiangbei district', 'gdp')
    """
    return " ".join(unicodedata.normalize("NFKC", str(text)).casefold().split())


@cache
def _t2s():
    import opencc  # imported on the first traditional-character name only

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional characters to simplified, by OpenCC's ``t2s`` conversion.

    Parameters
    ----------
    text : str
        Any text; simplified and ASCII text come back unchanged.

    Returns
    -------
    str
        The text in simplified characters.

    Examples
    --------
    >>> jb.names.simplified("九龍坡區 地區生產總值")
    '九龙坡区 地区生产总值'
    """
    if text.isascii():
        return text
    return _t2s().convert(text)


def lookup_keys(text: object) -> tuple[str, ...]:
    """The keys to look a name up by, in order.

    Parameters
    ----------
    text : object
        A name as written.

    Returns
    -------
    tuple of str
        Its :func:`normalise` key, then, for a non-ASCII name that changes, the key of its
        :func:`simplified` form.

    Examples
    --------
    >>> jb.names.lookup_keys("Jiangbei"), jb.names.lookup_keys("江北區")
    (('jiangbei',), ('江北區', '江北区'))
    """
    key = normalise(text)
    if key.isascii():
        return (key,)
    folded = normalise(simplified(key))
    return (key,) if folded == key else (key, folded)
