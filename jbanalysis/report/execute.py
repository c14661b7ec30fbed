"""The host side of a report run: each notebook parameterised (papermill), executed (nbclient)
in its own kernel, checked for errors and stderr, rendered with its downloads; the pool that runs
several at once.

A notebook that raises, or that writes anything to stderr (a warning included), fails: it gets no
HTML, the index names it and its failing cell, and the other reports still render.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jbanalysis.text.sentences.common import data_vintage

if TYPE_CHECKING:  # pragma: no cover
    pass
from jbanalysis.report import capture, workbook
from jbanalysis.report import render as rendering
from jbanalysis.report.outline import summary_of, title_of

KERNEL_NAME = "python3"


CELL_TIMEOUT = 300  # seconds for one cell; the notebooks take a few seconds in all


_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


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
    >>> from jbanalysis.report.execute import ReportResult
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


def kernel_environment() -> dict[str, str]:
    """Environment of the kernels: this process's, with one BLAS/OpenMP thread per kernel.

    Notebooks already run one per core; a multi-threaded BLAS in each kernel oversubscribes
    the cores, and statsmodels' ARIMA fits then ran about 100 times slower (15 s instead of
    0.14 s, measured on a 2-core machine under load). A value the user set is kept.

    >>> import os
    >>> from jbanalysis.report.execute import kernel_environment
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

    >>> from jbanalysis.report.execute import output_name
    >>> output_name("03_structure", "yubei", "en")
    '03_structure_yubei_en.html'
    """
    return f"{notebook}_{district}_{lang}.html"


def run_notebook(path: Path, parameters: Mapping[str, Any], out: Path) -> ReportResult:
    """Execute and render one notebook into ``out``, with the numbers behind its charts and
    tables beside it (:mod:`jbanalysis.report.downloads`); a failure is returned, not raised."""

    start = time.perf_counter()
    result = ReportResult(notebook=path.stem)
    lang = parameters["lang"]
    target = out / output_name(path.stem, parameters["district"], lang)
    try:
        with tempfile.TemporaryDirectory(prefix="jb-capture-") as captured:
            nb = execute_notebook(path, parameters, env={capture.CAPTURE_ENV: captured})
            captures = capture.read_captures(captured)
        result.title = title_of(nb, path.stem)
        result.summary = summary_of(nb)
        rendering.set_alt_texts(nb, captures, lang)
        links = None
        if captures:
            links = _write_downloads(nb, captures, out, target, result, lang)
        target.write_text(rendering.render_html(nb, result.title, lang, links), encoding="utf-8")
        result.html = target
    except ReportError as exc:
        result.cell, result.error = exc.cell, exc.message
    result.seconds = time.perf_counter() - start
    return result


def _write_downloads(nb, captures, out: Path, target: Path, result: ReportResult, lang: str):
    """The workbook and CSVs beside a report; a failure fails this report (named), not the run."""

    try:
        files = workbook.write_downloads(
            captures,
            out,
            target.stem,
            panel=workbook.loaded_panel(),
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


def run_all(
    paths: list[Path],
    parameters: Mapping[str, Any],
    out: Path,
    jobs: int,
    progress: bool = True,
    on_result: Callable[[ReportResult], None] | None = None,
) -> list[ReportResult]:
    """Run the notebooks ``paths`` at ``jobs`` at once (one thread each: the work happens in the
    kernels, which are separate processes); the results in the order of ``paths``."""
    # Build matplotlib's font cache here, once: a kernel building it would log to stderr.
    import matplotlib.font_manager  # noqa: F401
    from tqdm import tqdm  # the plain bar: tqdm.auto would want ipywidgets inside Jupyter

    results: dict[Path, ReportResult] = {}
    with ThreadPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        futures = {pool.submit(run_notebook, p, parameters, out): p for p in paths}
        bar = tqdm(total=len(paths), desc="reports", unit="notebook", disable=not progress)
        for future in as_completed(futures):
            result = future.result()
            results[futures[future]] = result
            bar.set_postfix_str(result.notebook)
            bar.update(1)
            if on_result is not None:
                on_result(result)
        bar.close()
    return [results[p] for p in paths]
