"""Load the source registry and the observations, bundled and the user's, in canonical ids and units."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from jbanalysis.registry.paths import OBSERVATIONS, bundle_dir, bundle_path, user_dir_alias
from jbanalysis.sources.source_files import read_observations_file, read_sources_table


def load_sources(
    folder: Path | None = None,
    *,
    user_dir: str | Path | None = None,
    data_dir: str | Path | None = None,
) -> pd.DataFrame:
    """The source registry (``data/sources.csv``): id, title, publisher, original source, …

    Without ``folder`` (a data folder read instead of the bundle), the sources of the user data
    folder (``user_dir``, by default ``$JBANALYSIS_USER_DATA``) follow the bundled ones.
    ``data_dir`` is the deprecated name of ``user_dir``.

    >>> import jbanalysis as jb
    >>> sorted(jb.load_sources()["id"])
    ['cq_yearbook_2025_pop', 'cq_yearbook_panel', 'csmar_city_gdp', 'published_figures', 'published_figures_2', 'published_figures_3']
    """
    user_dir = user_dir_alias(user_dir, data_dir, "load_sources")
    table = read_sources_table(folder or bundle_dir())
    if folder is not None:
        return table
    from jbanalysis.sources.user import with_user_sources

    return with_user_sources(table, user_dir)


def bundled_observations() -> pd.DataFrame:
    """The bundled observations alone (never a user data folder); cached per file version.

    >>> from jbanalysis.sources.observations import bundled_observations
    >>> len(bundled_observations())
    21705
    """
    path = bundle_path(OBSERVATIONS)
    # No copy needed: with pandas' copy-on-write a caller's change never reaches the cache.
    return read_observations_file(str(path), path.stat().st_mtime)


def load_observations(
    user_dir: str | Path | None = None, *, data_dir: str | Path | None = None
) -> pd.DataFrame:
    """Every value from every source and vintage, in canonical ids and units.

    Columns: district, year, indicator, value, unit, source_id, record, vintage, flag,
    source_kind, reliability, period, bound, published_value, published_unit, correction, note.

    ``user_dir`` is a user data folder (:mod:`jbanalysis.sources.user`) whose observations are
    added to the bundled ones; by default the folder named by ``JBANALYSIS_USER_DATA``, if set.
    ``data_dir`` is its deprecated name.

    >>> import jbanalysis as jb
    >>> obs = jb.load_observations()
    >>> row = obs[(obs.district == "jiangbei") & (obs.year == 2010) & (obs.indicator == "gdp")]
    >>> row[["value", "unit", "source_id", "record", "published_value", "published_unit"]].to_numpy().tolist()
    [[391.3947, 'cny_100m', 'cq_yearbook_panel', 'Sheet1!V359', 3913947.0, '万元']]
    """
    from jbanalysis.sources.user import with_user_observations

    user_dir = user_dir_alias(user_dir, data_dir, "load_observations")
    return with_user_observations(bundled_observations(), user_dir)
