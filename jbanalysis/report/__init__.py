"""Reports: each notebook executed for one district and language, rendered to HTML with the
numbers behind its charts as downloads, and an index.

In the notebook's kernel: :mod:`~jbanalysis.report.kernel` (``setup``, the header cell) and
:mod:`~jbanalysis.report.capture` (what each chart and table showed). In the report process:
:mod:`~jbanalysis.report.build` (parameters, notebooks, index), :mod:`~jbanalysis.report.execute`
(run each notebook, the pool), :mod:`~jbanalysis.report.outline` (title and summary read back),
:mod:`~jbanalysis.report.render` (HTML) and :mod:`~jbanalysis.report.workbook` (XLSX and CSV).
"""

from __future__ import annotations

from jbanalysis.report.build import (
    build_reports,
    default_notebooks_dir,
    list_notebooks,
    report_parameters,
)
from jbanalysis.report.execute import (
    ReportError,
    ReportResult,
    kernel_environment,
    output_name,
)
from jbanalysis.report.kernel import ReportContext, setup
from jbanalysis.report.render import render_html, write_index

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
