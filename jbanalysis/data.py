"""The public face of the data flow: build the observations, load them, trace a value.

``jb.data.build()``, ``jb.data.load_observations()``, ``jb.data.load_sources()``,
``jb.data.trace()`` and ``python -m jbanalysis.data build`` (what ``make data`` runs) keep working
from here; the code lives in :mod:`jbanalysis.sources` (build, load) and :mod:`jbanalysis.panel`
(trace: which candidate the selection chose).

>>> import jbanalysis as jb
>>> row = jb.data.trace("江北", 2010, "gdp").iloc[0]
>>> float(row["value"]), row["source_id"], row["record"], row["rule"]
(391.3947, 'cq_yearbook_panel', 'Sheet1!V359', 'only value')
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
    """``python -m jbanalysis.data build``: rebuild the observations and the data package.

    What ``make data`` runs; ``jbanalysis data build`` does the same from the command line.

    Parameters
    ----------
    argv : list of str, optional
        ``["build"]`` (default: the command line's arguments).

    Returns
    -------
    int
        0 after writing ``observations.csv`` and ``datapackage.json``; 2 (with the usage on
        stderr) for any other arguments.

    Examples
    --------
    >>> jb.data.main(["rebuild"])  # the usage goes to stderr
    2
    """
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
