"""The public face of the data flow: build the observations, load them, trace a value.

``jb.data.build()``, ``jb.data.load_observations()``, ``jb.data.load_sources()``,
``jb.data.trace()`` and ``python -m jbanalysis.data build`` (what ``make data`` runs) keep working
from here; the code lives in :mod:`jbanalysis.sources` (build, load) and :mod:`jbanalysis.panel`
(trace: which candidate the selection chose).
"""

from __future__ import annotations

import sys

from jbanalysis.panel.provenance import trace
from jbanalysis.registry.paths import DATAPACKAGE, OBSERVATIONS, bundle_path
from jbanalysis.sources.build import BuildReport, build, build_observations
from jbanalysis.sources.corrections import load_corrections
from jbanalysis.sources.observations import bundled_observations, load_observations, load_sources

__all__ = [
    "BuildReport",
    "build",
    "build_observations",
    "bundled_observations",
    "load_corrections",
    "load_observations",
    "load_sources",
    "trace",
]


def main(argv: list[str] | None = None) -> int:
    """``python -m jbanalysis.data build``: rebuild observations and the data package."""
    argv = sys.argv[1:] if argv is None else argv
    if argv != ["build"]:
        print("usage: python -m jbanalysis.data build", file=sys.stderr)
        return 2
    report = build()
    print(report)
    print(f"wrote {bundle_path(OBSERVATIONS)} and {bundle_path(DATAPACKAGE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
