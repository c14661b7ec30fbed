"""Execute the notebooks for one district and language, render them to HTML, write an index.

Each notebook in ``notebooks/`` (``NN_name.ipynb``) is parameterised with papermill (the cell
tagged ``parameters`` is followed by an injected cell), executed with nbclient in the ``python3``
kernel, and rendered with nbconvert's ``HTMLExporter`` (code inputs and prompts left out: the
reports are read by people who did not write them). Notebooks run in parallel, one thread each
(the work happens in the kernels, which are separate processes).

A notebook that raises, or that writes anything to stderr (a warning included), fails: it gets
no HTML, the index names it and its failing cell, and the other reports still render. So a
rendered report never contains a traceback, stderr or a warning.

Beside each report, the numbers behind its charts and tables (``<report>.xlsx`` and
``<report>_data/*.csv``, :mod:`jbanalysis.report.downloads`): each kernel records what it draws into a
folder named by ``JBANALYSIS_CAPTURE_DIR``, and this process writes the files after the notebook
ran. :mod:`jbanalysis.report.render` renders the HTML (alt text, download links) and the index.

Output file names are built from registry ids only (``02_..._jiangbei_zh.html``), never from
the text a user typed.

A notebook's header is one call, :func:`setup`, which returns the :class:`ReportContext` its
cells use.
"""

from __future__ import annotations

import asyncio
import html
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jbanalysis.registry.districts import CITY, district_ids, resolve_district
from jbanalysis.registry.terms import check_lang
from jbanalysis.report.render import render_html, write_index
from jbanalysis.text.sentences.common import data_vintage

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "ReportContext",
    "ReportError",
    "ReportResult",
    "build_reports",
    "default_notebooks_dir",
    "kernel_environment",
    "list_notebooks",
    "output_name",
    "render_html",
    "report_parameters",
    "setup",
    "write_index",
]

KERNEL_NAME = "python3"
CELL_TIMEOUT = 300  # seconds for one cell; the notebooks take a few seconds in all
SUMMARY_TAG = "summary"
_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
HEADER_TAG = "header"


class ReportError(Exception):
    """A notebook could not be executed; ``cell`` locates the failing cell."""

    def __init__(self, notebook: str, cell: str, message: str):
        self.notebook, self.cell, self.message = notebook, cell, message
        super().__init__(f"{notebook}: {cell}: {message}")


@dataclass
class ReportResult:
    """Outcome of one notebook: the HTML written, or the failing cell and why.

    Attributes
    ----------
    notebook : str
        Notebook file name without ``.ipynb``.
    html : Path or None
        The rendered report (None when the notebook failed).
    title, summary : str
        Title and one-line summary taken from the executed notebook.
    cell, error : str
        Where and why it failed (empty when it did not).
    seconds : float
        Wall time of execution and rendering.
    workbook, data_folder : Path or None
        The numbers behind its charts and tables: ``<report>.xlsx`` and ``<report>_data/`` (CSV).

    Examples
    --------
    >>> ReportResult("01_data_overview", cell="cell 4 `y = x / 0`", error="ZeroDivisionError").ok
    False
    """

    notebook: str
    html: Path | None = None
    title: str = ""
    summary: str = ""
    cell: str = ""
    error: str = ""
    seconds: float = 0.0
    workbook: Path | None = None
    data_folder: Path | None = None

    @property
    def ok(self) -> bool:
        return self.html is not None and not self.error


@dataclass(frozen=True)
class ReportContext:
    """What a report notebook's cells work with, from :func:`setup`.

    Attributes
    ----------
    district : str
        The chosen district's registry id.
    peers : str or list of str
        The comparison group as given.
    members : list of str
        The group's ids with the district added if it is not in it (registry order, district last).
    lang : {"zh", "en"}
        Language of the report's text.
    chart : {"zh", "en"}
        Language of chart labels: English where Chinese was asked but no CJK font is installed.
    start_year, end_year : int
        The years loaded (``end_year`` the latest in the data unless given).
    years : range
        ``start_year`` to ``end_year`` inclusive.
    panel : DataFrame
        :func:`jbanalysis.load_panel` for those districts, indicators and years.
    report : str
        The report's title key (``overview``, ``versus``, ``structure``, ``forecasts``).

    Examples
    --------
    >>> ctx = setup("渝北", "central", "en", 2018, 2020, report="versus", indicators="gdp")
    >>> ctx.district, ctx.members[-1], list(ctx.years), sorted(set(ctx.panel["year"]))
    ('yubei', 'banan', [2018, 2019, 2020], [2018, 2019, 2020])
    >>> ctx.header().data.splitlines()[0]
    '# Yubei against the other central districts'
    """

    district: str
    peers: str | list[str]
    members: list[str]
    lang: str
    chart: str
    start_year: int
    end_year: int
    years: range
    panel: pd.DataFrame
    report: str = ""

    def header(self):
        """The title (``# ...``, from :func:`jbanalysis.text.sentences.common.title`) and the data vintage,
        as IPython Markdown: what the cell tagged ``header`` displays."""
        from jbanalysis.text.formatting import markdown
        from jbanalysis.text.sentences.common import title

        heading = title(self.report, self.district, self.lang) if self.report else ""
        return markdown(f"# {heading}\n\n{data_vintage(self.lang)}")


def setup(
    district: str = "jiangbei",
    peers: str | Iterable[str] = "central",
    lang: str = "zh",
    start_year: int | None = None,
    end_year: int | None = None,
    *,
    report: str = "",
    districts: str | Iterable[str] | None = None,
    indicators: str | Iterable[str] | None = None,
) -> ReportContext:
    """The one-call header of a report notebook: theme, district, group, years and panel.

    Applies the chart theme (:func:`jbanalysis.plots.set_theme`), resolves the district, builds
    the comparison group and loads the panel. ``end_year=None`` means the latest year in the
    loaded panel, so a report runs to the newest data without editing the notebook;
    ``start_year=None`` the earliest.

    Parameters
    ----------
    district : str
        Any form of a district name (江北, 江北区, Jiangbei, 500105).
    peers : str or list of str
        The comparison group (:func:`jbanalysis.district_ids`); the district is added.
    lang : {"zh", "en"}
    start_year, end_year : int, optional
        Years to load; default the first and the latest year of the data loaded.
    report : str, optional
        Title key for :meth:`ReportContext.header` (``overview``, ``versus``, ...).
    districts : str or list of str, optional
        Districts of the panel; default the members and the city (``chongqing``).
    indicators : str or list of str, optional
        Indicators of the panel; default all.

    Returns
    -------
    ReportContext

    Raises
    ------
    ValueError
        Unknown district (with close matches), language, reversed years, or no data at all
        in the years asked for.

    Examples
    --------
    >>> ctx = setup("江北区", lang="en", start_year=2020, indicators="gdp")
    >>> ctx.district, ctx.chart, ctx.start_year, ctx.end_year >= 2022
    ('jiangbei', 'en', 2020, True)
    >>> setup("jiangbei", start_year=2020, end_year=2019)
    Traceback (most recent call last):
    ...
    ValueError: start year 2020 is not before end year 2019
    """
    from jbanalysis.errors import UnknownNameError
    from jbanalysis.panel.load import load_panel
    from jbanalysis.plots.charts import set_theme
    from jbanalysis.registry.terms import term
    from jbanalysis.report import downloads

    check_lang(lang)
    try:
        did = resolve_district(district)
    except UnknownNameError as exc:
        raise ValueError(str(exc)) from None
    if start_year is not None and end_year is not None and start_year >= end_year:
        raise ValueError(f"start year {start_year} is not before end year {end_year}")
    group = list(district_ids(peers))
    members = list(dict.fromkeys([*group, did]))
    theme = set_theme(lang)
    downloads.install_display_capture()  # a report run keeps every table's numbers
    wanted = [*members, CITY] if districts is None else districts
    # Selection is per (district, year, indicator), so choosing the years after selecting
    # gives the same panel as filtering the observations first.
    panel = load_panel(districts=wanted, indicators=indicators)
    if start_year is not None:
        panel = panel[panel["year"] >= start_year]
    if end_year is not None:
        panel = panel[panel["year"] <= end_year]
    if panel.empty:
        span = f"{start_year or '…'}–{end_year or '…'}"
        raise ValueError(f"no data for {did} and its group in {span}")
    panel = panel.reset_index(drop=True)
    downloads.record("panel", panel, title=term("downloads_panel", lang))
    first = int(panel["year"].min()) if start_year is None else start_year
    last = int(panel["year"].max()) if end_year is None else end_year
    return ReportContext(
        district=did,
        peers=peers if isinstance(peers, str) else list(peers),
        members=members,
        lang=lang,
        chart=theme.chart_lang,
        start_year=first,
        end_year=last,
        years=range(first, last + 1),
        panel=panel,
        report=report,
    )


def default_notebooks_dir() -> Path:
    """The report notebooks (:func:`jbanalysis.registry.paths.notebooks_dir`).

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


def _cell_label(nb, index: int) -> str:
    """``cell N `first line``` with N counted from 1 in the notebook as saved (the cell that
    papermill injects after ``parameters`` is not counted)."""
    injected = [
        i for i, c in enumerate(nb.cells) if "injected-parameters" in c.metadata.get("tags", [])
    ]
    position = index + 1 - sum(1 for i in injected if i < index)
    first = next((ln.strip() for ln in nb.cells[index].source.splitlines() if ln.strip()), "")
    return f"cell {position} `{first[:80]}`" if first else f"cell {position}"


def _problems(nb) -> tuple[int, str] | None:
    """First cell with an error output or a stderr stream: (index, message)."""
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return index, f"{out.get('ename', 'Error')}: {out.get('evalue', '')}"
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                text = "".join(out.get("text", "")).strip().splitlines()
                return index, f"wrote to stderr: {text[0] if text else ''}"
    return None


def _markdown_outputs(cell) -> list[str]:
    texts = []
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if "text/markdown" in data:
            texts.append("".join(data["text/markdown"]))
        elif out.get("output_type") == "stream" and out.get("name") == "stdout":
            texts.append("".join(out.get("text", "")))
    return texts


def _tagged(nb, tag: str):
    return [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]


def title_of(nb, default: str) -> str:
    """Title: the first ``# `` line shown by the cell tagged ``header`` (else of a markdown cell)."""
    candidates = [t for c in _tagged(nb, HEADER_TAG) for t in _markdown_outputs(c)]
    candidates += [c.source for c in nb.cells if c.cell_type == "markdown"]
    for text in candidates:
        for line in text.splitlines():
            if line.startswith("# "):
                # plain text: the Markdown came escaped (formatting.markdown); index.html escapes
                return html.unescape(line[2:].strip())
    return default


def summary_of(nb) -> str:
    """One-line summary: what the cell tagged ``summary`` displayed (first paragraph)."""
    texts = [t.strip() for c in _tagged(nb, SUMMARY_TAG) for t in _markdown_outputs(c)]
    text = next((t for t in texts if t), "")
    return html.unescape(" ".join(text.split("\n\n")[0].split()))


def kernel_environment() -> dict[str, str]:
    """Environment of the kernels: this process's, with one BLAS/OpenMP thread per kernel.

    Notebooks already run one per core; a multi-threaded BLAS in each kernel oversubscribes
    the cores, and statsmodels' ARIMA fits then ran about 100 times slower (15 s instead of
    0.14 s, measured on a 2-core machine under load). A value the user set is kept.

    >>> kernel_environment()["OPENBLAS_NUM_THREADS"] in ("1", os.environ.get("OPENBLAS_NUM_THREADS"))
    True
    """
    env = dict(os.environ)
    for name in _THREAD_VARIABLES:
        env.setdefault(name, "1")
    return env


def execute_notebook(
    path: Path,
    parameters: Mapping[str, Any],
    timeout: int = CELL_TIMEOUT,
    env: Mapping[str, str] | None = None,
):
    """Parameterise (papermill) and execute (nbclient, kernel ``python3``) one notebook.

    The kernel's working directory is the notebook's folder; its environment is
    :func:`kernel_environment` plus ``env``.

    Raises
    ------
    ReportError
        A cell raised or wrote to stderr; the message names the cell.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    # papermill's loader adds the metadata (tags, papermill fields) its parameteriser expects.
    nb = load_notebook_node(str(path))
    nb = parameterize_notebook(
        nb, dict(parameters), report_mode=False, kernel_name=KERNEL_NAME, language="python"
    )
    client = NotebookClient(
        nb,
        kernel_name=KERNEL_NAME,
        timeout=timeout,
        resources={"metadata": {"path": str(path.parent)}},
    )
    # The kernel's own log (not cell output) goes to a temporary file, shown if the kernel dies.
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as kernel_log:
        try:
            # asyncio.run gives each thread its own event loop and closes it afterwards.
            kernel_env = {**kernel_environment(), **(env or {})}
            asyncio.run(client.async_execute(stderr=kernel_log, env=kernel_env))
        except CellExecutionError as exc:
            found = _problems(nb)
            cell = _cell_label(nb, found[0]) if found else "a cell"
            message = found[1] if found else f"{exc.ename}: {exc.evalue}"
            raise ReportError(path.stem, cell, message) from None
        except Exception as exc:  # a dead kernel, a timeout: one failed report, not a crash
            found = _problems(nb)
            cell = _cell_label(nb, found[0]) if found else "kernel"
            kernel_log.seek(0)
            tail = " | ".join(kernel_log.read().strip().splitlines()[-3:])
            detail = f" (kernel log: {tail})" if tail else ""
            raise ReportError(path.stem, cell, f"{type(exc).__name__}: {exc}{detail}") from None
    found = _problems(nb)
    if found:
        raise ReportError(path.stem, _cell_label(nb, found[0]), found[1])
    return nb


def output_name(notebook: str, district: str, lang: str) -> str:
    """File name of a report, from the notebook name and registry ids only.

    >>> output_name("03_structure", "yubei", "en")
    '03_structure_yubei_en.html'
    """
    return f"{notebook}_{district}_{lang}.html"


def run_notebook(path: Path, parameters: Mapping[str, Any], out: Path) -> ReportResult:
    """Execute and render one notebook into ``out``, with the numbers behind its charts and
    tables beside it (:mod:`jbanalysis.report.downloads`); a failure is returned, not raised."""
    from jbanalysis.report import downloads
    from jbanalysis.report import render as rendering

    start = time.perf_counter()
    result = ReportResult(notebook=path.stem)
    lang = parameters["lang"]
    target = out / output_name(path.stem, parameters["district"], lang)
    try:
        with tempfile.TemporaryDirectory(prefix="jb-capture-") as captured:
            nb = execute_notebook(path, parameters, env={downloads.CAPTURE_ENV: captured})
            captures = downloads.read_captures(captured)
        result.title = title_of(nb, path.stem)
        result.summary = summary_of(nb)
        rendering.set_alt_texts(nb, captures, lang)
        links = None
        if captures:
            links = _write_downloads(nb, captures, out, target, result, lang)
        target.write_text(render_html(nb, result.title, lang, links), encoding="utf-8")
        result.html = target
    except ReportError as exc:
        result.cell, result.error = exc.cell, exc.message
    result.seconds = time.perf_counter() - start
    return result


def _write_downloads(nb, captures, out: Path, target: Path, result: ReportResult, lang: str):
    """The workbook and CSVs beside a report; a failure fails this report (named), not the run."""
    from jbanalysis.report import downloads
    from jbanalysis.report import render as rendering

    try:
        files = downloads.write_downloads(
            captures,
            out,
            target.stem,
            panel=downloads.loaded_panel(),
            title=result.title,
            vintage=data_vintage(lang),
            lang=lang,
            titles=rendering.section_titles(nb, captures, lang),
        )
    except Exception as exc:  # a bug of ours: this report fails and says why, the others render
        raise ReportError(
            result.notebook, "writing the downloads", f"{type(exc).__name__}: {exc}"
        ) from exc
    result.workbook, result.data_folder = files.workbook, files.folder
    return rendering.download_links(files, out, lang)


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
    # Build matplotlib's font cache here, once: a kernel building it would log to stderr.
    import matplotlib.font_manager  # noqa: F401
    from tqdm import tqdm  # the plain bar: tqdm.auto would want ipywidgets inside Jupyter

    results: dict[Path, ReportResult] = {}
    with ThreadPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        futures = {pool.submit(run_notebook, p, params, out): p for p in paths}
        bar = tqdm(total=len(paths), desc="reports", unit="notebook", disable=not progress)
        for future in as_completed(futures):
            result = future.result()
            results[futures[future]] = result
            bar.set_postfix_str(result.notebook)
            bar.update(1)
            if on_result is not None:
                on_result(result)
        bar.close()
    ordered = [results[p] for p in paths]
    write_index(ordered, out, params["district"], params["lang"])
    return ordered
