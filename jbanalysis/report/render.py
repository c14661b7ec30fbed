"""From an executed notebook to the report's HTML, its downloads and the index page.

:func:`render_html` renders with nbconvert's ``HTMLExporter`` and the ``jbreport`` template
(``jbanalysis/report/templates/nbconvert``: JupyterLab's, with alt text on every chart, no CDN scripts
and the links to the report's numbers); :func:`write_index` renders
``jbanalysis/report/templates/index.html.j2`` with Jinja2 (autoescaped). :func:`set_alt_texts` gives
each chart image its takeaway sentence — the first text the same cell shows after the image —
or, where there is none, the chart's title as :mod:`jbanalysis.report.capture` recorded it.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jbanalysis.registry.terms import term

if TYPE_CHECKING:  # pragma: no cover
    from jbanalysis.report.capture import Capture
    from jbanalysis.report.workbook import Downloads

__all__ = [
    "TEMPLATES",
    "html_lang",
    "render_html",
    "section_titles",
    "set_alt_texts",
    "write_index",
]

TEMPLATES = Path(__file__).resolve().parent / "templates"
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL | re.IGNORECASE)
_EXPORTER_LOCK = threading.Lock()
_MARKUP = re.compile(r"(\*\*|__|`|^#+\s*)", re.MULTILINE)


def html_lang(lang: str) -> str:
    """The HTML ``lang`` attribute of a report language.

    >>> from jbanalysis.report.render import html_lang
    >>> html_lang("zh"), html_lang("en")
    ('zh-CN', 'en')
    """
    return "zh-CN" if lang == "zh" else "en"


def plain_text(markdown: str) -> str:
    """A sentence as a screen reader should hear it: no Markdown marks, entities decoded.

    >>> from jbanalysis.report.render import plain_text
    >>> plain_text("**江北区** GDP &lt; 2000")
    '江北区 GDP < 2000'
    """
    return html.unescape(" ".join(_MARKUP.sub("", markdown).split()))


def _text_of(output) -> str:
    data = output.get("data", {})
    if "text/markdown" in data:
        return plain_text("".join(data["text/markdown"]))
    if output.get("output_type") == "stream" and output.get("name") == "stdout":
        return plain_text("".join(output.get("text", "")))
    return ""


def _chart_titles(captures: Iterable[Capture]) -> dict[int | None, list[str]]:
    """By cell (execution count): the title of each figure in the order first drawn."""
    titles: dict[int | None, dict[int | None, str]] = {}
    for capture in captures:
        if capture.is_chart:
            figures = titles.setdefault(capture.cell, {})
            figures.setdefault(capture.figure, capture.title)
    return {cell: list(figures.values()) for cell, figures in titles.items()}


def set_alt_texts(nb, captures: Iterable[Capture], lang: str) -> int:
    """Write an alt text into every PNG output's metadata (``jbanalysis.alt``); return how many.

    The alt text of an image is the first text (a takeaway sentence) its cell shows after it and
    before the next image; else the title of the chart drawn in that figure; else the word
    "chart". The k-th image of a cell is the k-th figure the cell drew.

    >>> import nbformat
    >>> from jbanalysis.report.render import set_alt_texts
    >>> png = nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo="})
    >>> said = nbformat.v4.new_output("display_data", data={"text/markdown": "GDP **rose**."})
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[png, said])])
    >>> set_alt_texts(nb, [], "en"), png.metadata["jbanalysis"]["alt"]
    (1, 'GDP rose.')
    """
    titles = _chart_titles(captures)
    count = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = cell.get("outputs", [])
        images = [i for i, o in enumerate(outputs) if "image/png" in o.get("data", {})]
        cell_titles = titles.get(cell.get("execution_count"), [])
        for k, index in enumerate(images):
            following = outputs[index + 1 : images[k + 1] if k + 1 < len(images) else None]
            sentence = next((t for t in map(_text_of, following) if t), "")
            title = cell_titles[k] if k < len(cell_titles) else ""
            alt = sentence or title or term("chart", lang)
            outputs[index].setdefault("metadata", {}).setdefault("jbanalysis", {})["alt"] = alt
            count += 1
    return count


def _heading(text: str, lang: str) -> str:
    """A bilingual heading (``## 1. 来源 / Sources``) in the report's language."""
    line = next((ln for ln in text.splitlines() if ln.startswith("#")), "")
    line = line.lstrip("#").strip()
    if " / " in line:
        zh, en = line.split(" / ", 1)
        number = re.match(r"^\s*(\d+\.\s*)", zh)
        line = zh if lang == "zh" else (number.group(1) if number else "") + en
    return line


def section_titles(nb, captures: Iterable[Capture], lang: str) -> dict[int, str]:
    """For each capture without a title: the heading of the notebook section it was shown in.

    >>> import nbformat
    >>> from jbanalysis.report.capture import Capture
    >>> from jbanalysis.report.render import section_titles
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("## 3. 年均增长 / Growth"),
    ...                                      nbformat.v4.new_code_cell(execution_count=4)])
    >>> section_titles(nb, [Capture(1, "table", None, cell=4)], "en")
    {1: '3. Growth'}
    """
    section, by_cell = "", {}
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("#"):
            section = _heading(cell.source, lang) or section
        elif cell.cell_type == "code" and cell.get("execution_count") is not None:
            by_cell[cell.execution_count] = section
    return {c.seq: by_cell.get(c.cell, "") for c in captures if not c.title}


def render_html(nb, title: str, lang: str = "en", downloads: dict | None = None) -> str:
    """Self-contained HTML of an executed notebook: outputs and markdown, no code, no prompts.

    ``downloads`` (from :func:`download_links`) adds the links to the report's numbers at the
    top and a list of its files at the end.

    >>> import nbformat
    >>> from jbanalysis.report.render import render_html
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 江北区")])
    >>> page = render_html(nb, "江北区", "zh")
    >>> '<html lang="zh-CN">' in page, "<title>江北区</title>" in page, "<script" in page
    (True, True, False)
    >>> '<html lang="zh-CN">' in render_html(nb, "江北区", "zh")  # the shared exporter, again
    True
    """
    from jbanalysis.plots.theme import PALETTE

    resources = {
        "metadata": {"name": title},
        "jbanalysis": {"downloads": downloads, "palette": PALETTE},
    }
    with _EXPORTER_LOCK:  # one exporter, built once: its templates and CSS load in 0.15 s
        body, _ = _exporter().from_notebook_node(nb, resources=resources)
    # The page's language is set here, not through the exporter's ``language_code``: nbconvert
    # 7.17 validates that trait by its *old* value, so on a shared exporter the second "zh-CN"
    # is replaced by "en" (with a logged warning). The template writes the default, "en".
    body = body.replace('<html lang="en">', f'<html lang="{html_lang(lang)}">', 1)
    # the template loads no script; any left (a widget, an output's own) could call a CDN
    return _SCRIPT.sub("", body)


@cache
def _exporter():
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="jbreport",
        extra_template_basedirs=[str(TEMPLATES / "nbconvert")],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


def download_links(files: Downloads, out: Path, lang: str) -> dict[str, Any]:
    """What the report's template shows of its downloads (relative links, labels)."""
    return {
        "title": term("downloads_title", lang),
        "note": term("downloads_note", lang),
        "workbook": files.workbook.relative_to(out).as_posix(),
        "workbook_label": f"{term('downloads_workbook', lang)} ({files.workbook.name})",
        "folder": files.folder.relative_to(out).as_posix(),
        "csv_label": term("downloads_csv", lang),
        "files": [
            {"href": csv.relative_to(out).as_posix(), "label": f"{csv.name}: {sheet[3:]}"}
            for csv, sheet in zip(files.csvs, files.sheets, strict=True)
        ],
    }


def write_index(results, out: Path, district: str, lang: str) -> Path:
    """``index.html`` from ``templates/index.html.j2``: each report's link, summary and downloads.

    Jinja2 escapes every value (titles, summaries, errors come from the data and the notebooks).

    >>> import tempfile, pathlib
    >>> from jbanalysis.report.execute import ReportResult
    >>> from jbanalysis.report.render import write_index
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> bad = ReportResult("02_demo", cell="cell 3", error="<b>boom</b>")
    >>> page = write_index([bad], out, "jiangbei", "en").read_text(encoding="utf-8")
    >>> "&lt;b&gt;boom&lt;/b&gt;" in page and "<b>boom</b>" not in page
    True
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from jbanalysis.plots.theme import PALETTE
    from jbanalysis.text.labels import district_name
    from jbanalysis.text.sentences.common import data_vintage

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        keep_trailing_newline=True,
    )
    reports = []
    for r in results:
        ok = r.ok and r.html is not None
        reports.append(
            {
                "ok": ok,
                "href": r.html.name if ok else "",
                "title": r.title,
                "summary": r.summary,
                "notebook": r.notebook,
                "cell": r.cell,
                "error": r.error,
                "workbook": r.workbook.name if ok and r.workbook else "",
                "folder": r.data_folder.name if ok and r.data_folder else "",
            }
        )
    page = env.get_template("index.html.j2").render(
        html_lang=html_lang(lang),
        heading=term("index_heading", lang, name=district_name(district, lang)),
        vintage=data_vintage(lang),
        reports=reports,
        palette=PALETTE,
        labels={
            "downloads": term("downloads_title", lang),
            "workbook": term("downloads_workbook", lang),
            "csv": term("downloads_csv", lang),
            "failed": term("report_failed", lang),
        },
    )
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
