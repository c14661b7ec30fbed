"""jbanalysis: Jiangbei District (江北区, Chongqing) against the central districts.

Every value carries its source, vintage and quality flag. The public API:

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

__version__ = "0.1.0"

# name -> module that defines it; resolved on first access so `import jbanalysis` stays light.
_LAZY_ATTRS = {
    "resolve_district": "jbanalysis.districts",
    "load_districts": "jbanalysis.districts",
    "district_ids": "jbanalysis.districts",
    "load_indicators": "jbanalysis.indicators",
    "convert": "jbanalysis.indicators",
    "load_breaks": "jbanalysis.breaks",
    "read_table": "jbanalysis.io",
    "load_observations": "jbanalysis.data",
    "load_sources": "jbanalysis.data",
    "validate": "jbanalysis.validation",
    "aggregate_checks": "jbanalysis.validation",
    "load_panel": "jbanalysis.panel",
    "select": "jbanalysis.panel",
    "wide": "jbanalysis.panel",
    "coverage": "jbanalysis.panel",
    "conflicts": "jbanalysis.panel",
    "check_claims": "jbanalysis.claims",
    "load_claims": "jbanalysis.claims_ledger",
}
__all__ = [  # noqa: RUF022 - grouped by purpose, not alphabetically
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
    # sub-modules
    "metrics",
    "forecast",
    "plots",
    "maps",
    "report",
    "data",
    "panel",
    "io",
    "cli",
    "validation",
    "narrative",
    "breaks",
    "vocabulary",
    "names",
    "userdata",
    "claims",
    "claims_ledger",
    "precision",
    "sentences",
]
# every public name that is not a function above is a sub-module, imported on first use
_LAZY_MODULES = frozenset(__all__) - set(_LAZY_ATTRS) - {"__version__"}

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from jbanalysis.breaks import load_breaks
    from jbanalysis.claims import check_claims
    from jbanalysis.claims_ledger import load_claims
    from jbanalysis.data import load_observations, load_sources
    from jbanalysis.districts import district_ids, load_districts, resolve_district
    from jbanalysis.indicators import convert, load_indicators
    from jbanalysis.io import read_table
    from jbanalysis.panel import conflicts, coverage, load_panel, select, wide
    from jbanalysis.validation import aggregate_checks, validate


def __getattr__(name: str) -> Any:
    if name in _LAZY_ATTRS:
        value = getattr(importlib.import_module(_LAZY_ATTRS[name]), name)
    elif name in _LAZY_MODULES:
        value = importlib.import_module(f"jbanalysis.{name}")
    else:
        raise AttributeError(f"module 'jbanalysis' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
