"""Chinese fonts for charts: find an installed CJK font (one installed after matplotlib cached its
font list included), so that Chinese labels never print as empty boxes."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib import font_manager

#: CJK fonts tried in order (Debian's fonts-noto-cjk provides the first).
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "PingFang SC",
    "Microsoft YaHei",
)


# File-name fragments of those fonts, to register fonts installed after matplotlib's cache was made.
_CJK_FILE_HINTS = ("notosanscjk", "sourcehansans", "wqy", "simhei", "pingfang", "msyh")


def _register_system_cjk_fonts() -> None:
    # matplotlib caches the font list on first use; a font installed later is not in it.
    for path in font_manager.findSystemFonts():
        if any(hint in path.lower().replace("-", "") for hint in _CJK_FILE_HINTS):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # an unreadable file is not a CJK font
                continue


def find_cjk_font(candidates: Sequence[str] = CJK_FONTS) -> str | None:
    """Name of the first installed font of ``candidates``, or None.

    Examples
    --------
    >>> from jbanalysis.plots.fonts import find_cjk_font
    >>> find_cjk_font(["No Such Font"]) is None
    True
    """
    installed = {f.name for f in font_manager.fontManager.ttflist}
    found = next((name for name in candidates if name in installed), None)
    if found is None:
        _register_system_cjk_fonts()
        installed = {f.name for f in font_manager.fontManager.ttflist}
        found = next((name for name in candidates if name in installed), None)
    return found
