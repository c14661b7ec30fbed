"""Reports: each notebook executed for one district and language, rendered to HTML with the
numbers behind its charts as downloads, and an index.

:mod:`~jbanalysis.report.build` (execution and the index), :mod:`~jbanalysis.report.render` (HTML),
:mod:`~jbanalysis.report.downloads` (what the kernel draws, written as XLSX and CSV).
"""

from __future__ import annotations

from jbanalysis.report.build import (
    ReportContext,
    ReportError,
    ReportResult,
    build_reports,
    default_notebooks_dir,
    kernel_environment,
    list_notebooks,
    output_name,
    render_html,
    report_parameters,
    setup,
    write_index,
)

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
