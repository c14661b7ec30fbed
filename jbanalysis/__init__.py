"""jbanalysis: Jiangbei District (江北区, Chongqing) against the central districts.

Every value carries its source, vintage and quality flag. The public API (``docs/api.md``):

>>> import jbanalysis as jb
>>> jb.resolve_district("江北区")
'jiangbei'
>>> panel = jb.load_panel(indicators="gdp", districts="jiangbei", years=2010)
>>> float(panel["value"].iloc[0])
391.3947

Heavy libraries (statsmodels, seaborn, matplotlib) are imported only when the modules that need them
(``jb.metrics``, ``jb.forecast``, ``jb.plots``, ``jb.report``) are first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# name -> module that defines it; resolved on first access so `import jbanalysis` stays light.
_LAZY_ATTRS = {
    "resolve_district": "jbanalysis.registry.districts",
    "load_districts": "jbanalysis.registry.districts",
    "district_ids": "jbanalysis.registry.districts",
    "load_indicators": "jbanalysis.registry.indicators",
    "convert": "jbanalysis.registry.indicators",
    "load_breaks": "jbanalysis.registry.breaks",
    "read_table": "jbanalysis.sources.read",
    "load_observations": "jbanalysis.sources.observations",
    "load_sources": "jbanalysis.sources.observations",
    "validate": "jbanalysis.checks.validation",
    "aggregate_checks": "jbanalysis.checks.aggregates",
    "load_panel": "jbanalysis.panel.load",
    "select": "jbanalysis.panel.selection",
    "wide": "jbanalysis.panel.views",
    "coverage": "jbanalysis.panel.views",
    "conflicts": "jbanalysis.panel.conflicts",
    "check_claims": "jbanalysis.claims.check",
    "load_claims": "jbanalysis.claims.ledger",
    "extract_claims": "jbanalysis.claims.extract.draft",
}
# The base modules and the parts of the flow, bottom up (docs/architecture.md), and the older
# names of modules that moved into them (kept so that `jb.breaks`, `from jbanalysis import maps` …
# still work).
_PARTS = ("errors", "names", "tables", "precision", "shown")
_PARTS += ("registry", "io", "sources", "panel", "checks", "metrics", "forecast", "text", "plots")
_PARTS += ("claims", "report", "cli", "data")
_MOVED = {
    "breaks": "jbanalysis.registry.breaks",
    "vocabulary": "jbanalysis.registry.terms",
    "districts": "jbanalysis.registry.districts",
    "indicators": "jbanalysis.registry.indicators",
    "userdata": "jbanalysis.sources.user",
    "validation": "jbanalysis.checks.validation",
    "claims_ledger": "jbanalysis.claims.ledger",
    "sentences": "jbanalysis.text.sentences",
    "formatting": "jbanalysis.text.formatting",
    "maps": "jbanalysis.plots.maps",
    "downloads": "jbanalysis.report.downloads",
}
__all__ = [
    "__version__",
    # registries
    "resolve_district",
    "load_districts",
    "district_ids",
    "load_indicators",
    "convert",
    "load_breaks",
    # data and panels
    "load_observations",
    "load_sources",
    "read_table",
    "validate",
    "aggregate_checks",
    "load_panel",
    "select",
    "wide",
    "coverage",
    "conflicts",
    # claims check
    "check_claims",
    "load_claims",
    "extract_claims",
    # the parts of the flow, and the older module names
    *_PARTS,
    *_MOVED,
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from jbanalysis.checks.aggregates import aggregate_checks
    from jbanalysis.checks.validation import validate
    from jbanalysis.claims.check import check_claims
    from jbanalysis.claims.extract.draft import extract_claims
    from jbanalysis.claims.ledger import load_claims
    from jbanalysis.panel.conflicts import conflicts
    from jbanalysis.panel.load import load_panel
    from jbanalysis.panel.selection import select
    from jbanalysis.panel.views import coverage, wide
    from jbanalysis.registry.breaks import load_breaks
    from jbanalysis.registry.districts import district_ids, load_districts, resolve_district
    from jbanalysis.registry.indicators import convert, load_indicators
    from jbanalysis.sources.observations import load_observations, load_sources
    from jbanalysis.sources.read import read_table


def __getattr__(name: str) -> Any:
    if name == "__version__":  # typed once, in pyproject.toml; read from the installed metadata
        from importlib.metadata import version

        return version(__name__)
    if name in _LAZY_ATTRS:
        value = getattr(importlib.import_module(_LAZY_ATTRS[name]), name)
    elif name in _PARTS:
        value = importlib.import_module(f"jbanalysis.{name}")
    elif name in _MOVED:
        value = importlib.import_module(_MOVED[name])
    else:
        raise AttributeError(f"module 'jbanalysis' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
