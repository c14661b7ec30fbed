"""The numbers behind a report's charts and tables, with their provenance, beside the report.

Two halves, one per process:

- **In the kernel**, the chart functions of :mod:`jbanalysis.plots` and the report table helper
  (``formatting.table``) announce what they show (:func:`jbanalysis.shown.show`);
  :func:`install_display_capture` makes :func:`record` listen to them and to every DataFrame a
  cell displays. It does nothing unless ``JBANALYSIS_CAPTURE_DIR`` names a folder — which
  :mod:`jbanalysis.report` sets for each notebook it runs — and then writes what was drawn (the
  data, the chart's title, the indicator where the chart knows it, the cell's execution count and
  the figure number) into that folder, one file a chart or table. The notebooks need no edit.
- **In the report process**, :func:`read_captures` reads them back after the kernel finished and
  :func:`write_downloads` writes one XLSX workbook (an "about" sheet, then a sheet per chart or
  table in report order) and the same sheets as CSV files, next to the HTML; how each number
  is written with its provenance: :mod:`jbanalysis.report.workbook`.

Kernel side: :mod:`jbanalysis.report.capture`; report side: :mod:`jbanalysis.report.workbook`.
This module gathers their public names.
"""

from jbanalysis.report.capture import (
    CAPTURE_ENV,
    Capture,
    install_display_capture,
    read_captures,
    record,
)
from jbanalysis.report.workbook import Downloads, tidy, write_downloads

__all__ = [
    "CAPTURE_ENV",
    "Capture",
    "Downloads",
    "install_display_capture",
    "read_captures",
    "record",
    "tidy",
    "write_downloads",
]
