"""Build a district's reports: check the parameters, find the notebooks, run them all
(:mod:`~jbanalysis.report.execute`) and write the index (:mod:`~jbanalysis.report.render`).

Each notebook in ``notebooks/`` (``NN_name.ipynb``) is parameterised with papermill (the cell
tagged ``parameters`` is followed by an injected cell), executed with nbclient in the ``python3``
kernel, and rendered with nbconvert's ``HTMLExporter`` (code inputs and prompts left out: the
reports are read by people who did not write them). Notebooks run in parallel, one thread each
(the work happens in the kernels, which are separate processes).

A notebook that raises, or that writes anything to stderr (a warning included), fails: it gets
no HTML, the index names it and its failing cell, and the other reports still render. So a
rendered report never contains a traceback, stderr or a warning.

Beside each report, the numbers behind its charts and tables (``<report>.xlsx`` and
``<report>_data/*.csv``): each kernel records what it draws (:mod:`jbanalysis.report.capture`)
into a folder named by ``JBANALYSIS_CAPTURE_DIR``, and this process writes the files after the
notebook ran (:mod:`jbanalysis.report.workbook`).

Output file names are built from registry ids only (``02_..._jiangbei_zh.html``), never from
the text a user typed.

A notebook's header is one call, :func:`jbanalysis.report.setup`
(:mod:`~jbanalysis.report.kernel`), which returns the context its cells use.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from jbanalysis.registry.districts import CITY, district_ids, resolve_district
from jbanalysis.registry.terms import check_lang
from jbanalysis.report.execute import ReportResult, run_all
from jbanalysis.report.render import write_index

__all__ = [
    "build_reports",
    "default_notebooks_dir",
    "list_notebooks",
    "report_parameters",
]


def default_notebooks_dir() -> Path:
    """The report notebooks (:func:`jbanalysis.registry.paths.notebooks_dir`).

    >>> from jbanalysis.report.build import default_notebooks_dir
    >>> default_notebooks_dir().name in ("notebooks", "_notebooks")
    True
    """
    from jbanalysis.registry.paths import notebooks_dir

    return notebooks_dir()


def list_notebooks(folder: str | Path | None = None) -> list[Path]:
    """The report notebooks of ``folder``: ``NN_name.ipynb``, in name order.

    Raises
    ------
    FileNotFoundError
        The folder does not exist or holds no such notebook.

    Examples
    --------
    >>> from jbanalysis.report.build import list_notebooks
    >>> [p.name for p in list_notebooks()][:1]
    ['01_data_overview.ipynb']
    """
    folder = Path(folder) if folder is not None else default_notebooks_dir()
    found = sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())
    if not found:
        raise FileNotFoundError(
            f"no report notebooks (NN_name.ipynb) in {folder}; run from a source checkout "
            "or pass the notebooks folder"
        )
    return found


def report_parameters(district: str, lang: str, extra: Mapping[str, Any] | None = None) -> dict:
    """Validated notebook parameters: the district as a registry id, the language checked, and
    ``start_year``/``end_year`` (whole years from the first year of the central districts' GDP to the latest year in the data, start before end; None for the default) and
    ``horizon`` (1–20 years) where given.

    Raises
    ------
    ValueError
        Unknown district (with close matches), a language other than zh/en, reversed or
        out-of-range years, a horizon below 1 or above 20.

    Examples
    --------
    >>> from jbanalysis.report.build import report_parameters
    >>> report_parameters("江北区", "en")
    {'district': 'jiangbei', 'lang': 'en'}
    >>> report_parameters("Jiangbie", "zh")
    Traceback (most recent call last):
    ...
    ValueError: unknown district 'Jiangbie'; did you mean 'jiangbei', ...?
    >>> report_parameters("jiangbei", "zh", {"start_year": 2020, "end_year": 2010})
    Traceback (most recent call last):
    ...
    ValueError: start year 2020 is not before end year 2010
    """
    from jbanalysis.errors import UnknownNameError

    try:
        did = resolve_district(district)
    except UnknownNameError as exc:
        raise ValueError(str(exc)) from None
    params = {"district": did, "lang": check_lang(lang)}
    extra = dict(extra or {})
    _check_years(extra)
    if "horizon" in extra:
        horizon = extra["horizon"]
        if isinstance(horizon, bool) or not isinstance(horizon, int) or not 1 <= horizon <= 20:
            raise ValueError(f"horizon {horizon!r}: expected a whole number of years from 1 to 20")
    params.update(extra)
    return params


def _check_years(extra: dict) -> None:
    # None is the notebooks' own default (the first / the latest year in the data)
    years = {k: extra[k] for k in ("start_year", "end_year") if extra.get(k) is not None}
    if not years:
        return
    from jbanalysis.sources.observations import load_observations

    # From the first year of the central districts' GDP, the reports' backbone (a few units
    # have older values that no comparison can use), to the latest year of any indicator of
    # the 38 units and the city (what end_year=None gives).
    obs = load_observations()
    central_gdp = obs["district"].isin(district_ids("central")) & (obs["indicator"] == "gdp")
    first = int(obs.loc[central_gdp, "year"].min())
    last = int(obs.loc[obs["district"].isin([*district_ids("all"), CITY]), "year"].max())
    for key, year in years.items():
        label = key.replace("_", " ")
        if isinstance(year, bool) or not isinstance(year, int):
            raise ValueError(f"{label} {year!r}: expected a whole year")
        if not first <= year <= last:
            raise ValueError(f"{label} {year} is outside the data ({first}–{last})")
    start, end = years.get("start_year", first), years.get("end_year", last)
    if start >= end:
        raise ValueError(f"start year {start} is not before end year {end}")


def build_reports(
    district: str = "jiangbei",
    lang: str = "zh",
    out: str | Path = "reports",
    jobs: int | None = None,
    notebooks: Iterable[Path] | str | Path | None = None,
    progress: bool = True,
    extra: Mapping[str, Any] | None = None,
    on_result: Callable[[ReportResult], None] | None = None,
) -> list[ReportResult]:
    """Execute and render every notebook in parallel, then write ``index.html``.

    Parameters
    ----------
    district : str
        Any form of a district name; checked before any notebook runs.
    lang : {"zh", "en"}
    out : path
        Output folder (created).
    jobs : int, optional
        Notebooks run at once; default the number of cores.
    notebooks : folder or list of paths, optional
        Default: :func:`list_notebooks`.
    progress : bool
        Show a tqdm progress bar (on stderr).
    extra : mapping, optional
        More notebook parameters (``start_year``, ``end_year``, ``horizon``...).

    Returns
    -------
    list of ReportResult
        In notebook order.

    Raises
    ------
    ValueError
        Unknown district, language, or ``jobs < 1``.

    Examples
    --------
    A one-cell notebook, rendered for 江北 (a kernel starts: a few seconds).

    >>> import nbformat, tempfile, pathlib
    >>> from jbanalysis.report.build import build_reports
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("district = 'x'", metadata={"tags": ["parameters"]}),
    ...     nbformat.v4.new_code_cell("from IPython.display import Markdown; Markdown(f'# GDP of {district}')",
    ...                               metadata={"tags": ["header"]})])
    >>> nbformat.write(nb, folder / "01_demo.ipynb")
    >>> results = build_reports("江北", "en", out=folder / "out", notebooks=folder, progress=False)
    >>> [(r.ok, r.title, r.html.name) for r in results]
    [(True, 'GDP of jiangbei', '01_demo_jiangbei_en.html')]
    >>> sorted(p.name for p in (folder / "out").iterdir())
    ['01_demo_jiangbei_en.html', 'index.html']
    """
    params = report_parameters(district, lang, extra)
    if jobs is None:
        jobs = os.cpu_count() or 1
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a whole number >= 1, got {jobs!r}")
    if notebooks is None or isinstance(notebooks, str | Path):
        paths = list_notebooks(notebooks)
    else:
        paths = [Path(p) for p in notebooks]
    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    ordered = run_all(paths, params, out, jobs, progress, on_result)
    write_index(ordered, out, params["district"], params["lang"])
    return ordered
