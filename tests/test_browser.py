"""Open the rendered reports in headless Chromium (Debian's ``chromium``), as a reader would:
screenshot the index and report 02 (with the map) in Chinese and in English, check that the
pages are drawn, that every link of the index loads, and that every image has alt text in the
page the browser built. Skipped with a reason where Chromium is missing.

``JBANALYSIS_SCREENSHOTS=<folder>`` keeps the PNGs for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import matplotlib.image
import numpy as np
import pytest
from test_notebooks import MIN_FIGURES, NOTEBOOKS, reports_for

from jbanalysis.plots.maps import CLASS_COLOURS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.reports("full"),
    pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (.ci/run installs it)"),
]
# --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.title = ""
        self._in_title = False
        self.images = 0
        self.alts: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang", "")
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "img" and (attrs.get("src") or "").startswith("data:image/png;base64,"):
            self.images += 1
            self.alts.append(attrs.get("alt") or "")
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def _dom(url: str) -> _Links:
    run = subprocess.run(
        [CHROMIUM, *FLAGS, "--dump-dom", url], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr[-2000:]
    parsed = _Links()
    parsed.feed(run.stdout)
    return parsed


def _screenshot(page: Path, shot: Path, width: int, height: int) -> np.ndarray:
    run = subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--window-size={width},{height}",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    keep = os.environ.get("JBANALYSIS_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / shot.name)
    pixels = matplotlib.image.imread(shot)
    assert pixels.shape[:2] == (height, width)
    assert pixels[..., :3].std() > 0.02  # not a blank page: text and charts were drawn
    return pixels[..., :3]


def test_index_opens_in_chromium_and_its_links_load(tmp_path: Path):
    out, results = reports_for("jiangbei", "zh")
    index = out / "index.html"
    _screenshot(index, tmp_path / "index_jiangbei_zh.png", 1200, 900)
    page = _dom(index.as_uri())
    assert page.title == "江北区：经济分析报告" and page.lang == "zh-CN"
    reports = [h for h in page.hrefs if h.endswith(".html")]
    assert reports == [f"{n}_jiangbei_zh.html" for n in NOTEBOOKS]
    downloads = [h for h in page.hrefs if not h.endswith(".html")]
    assert downloads == [
        x for n in NOTEBOOKS for x in (f"{n}_jiangbei_zh.xlsx", f"{n}_jiangbei_zh_data/")
    ]
    assert all((out / h).exists() for h in downloads)
    titles = {r.html.name: r.title for r in results}
    for href in reports:
        target = _dom((out / href).as_uri())
        assert target.title == titles[href]
        assert target.images >= min(3, MIN_FIGURES[href.removesuffix("_jiangbei_zh.html")])
        assert all(target.alts), href  # every image described, in the page the browser built


@pytest.mark.parametrize(("district", "lang"), [("jiangbei", "zh"), ("yubei", "en")])
def test_the_comparison_report_and_its_map_are_drawn(tmp_path: Path, district: str, lang: str):
    _out, results = reports_for(district, lang)
    report = results[1].html
    pixels = _screenshot(report, tmp_path / f"{report.stem}.png", 1100, 2600)
    # the map is the second chart: its darkest class colour is on the page (no other chart uses it)
    darkest = np.array(matplotlib.colors.to_rgb(CLASS_COLOURS[-1]))
    assert (np.abs(pixels - darkest).max(axis=-1) < 0.03).sum() > 2000
    page = _dom(report.as_uri())
    assert page.lang == {"zh": "zh-CN", "en": "en"}[lang]
    assert f"{report.stem}.xlsx" in page.hrefs
