"""The one name normaliser: how a district, indicator or unit name is compared with the registry.

Names arrive as analysts and tables write them: full-width letters and digits (ＧＤＰ, １２),
mixed case, doubled or trailing spaces. They are compared after NFKC folding (full-width to
half-width), case folding and collapsing runs of white space; nothing else is changed, so 江北 and
江北区 stay different keys (the registry lists both as aliases).
"""

from __future__ import annotations

import unicodedata


def normalise(text: object) -> str:
    """The comparison key of a name: NFKC-folded, case-folded, white space collapsed.

    >>> normalise("  Jiangbei   District "), normalise("ＧＤＰ"), normalise("江北区")
    ('jiangbei district', 'gdp', '江北区')
    """
    return " ".join(unicodedata.normalize("NFKC", str(text)).casefold().split())
