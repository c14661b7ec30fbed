"""Open the rendered ``index.html`` in headless Chromium (Debian's ``chromium``): screenshot it
and check that its links load the reports. Skipped with a reason where Chromium is missing."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_notebooks import NOTEBOOKS, reports_for

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
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

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "img" and (attrs.get("src") or "").startswith("data:image/png;base64,"):
            self.images += 1
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


def test_index_opens_in_chromium_and_its_links_load(tmp_path: Path):
    out, results = reports_for("jiangbei", "zh")
    index = out / "index.html"
    shot = tmp_path / "index.png"
    run = subprocess.run(
        [CHROMIUM, *FLAGS, "--window-size=1200,900", f"--screenshot={shot}", index.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    import matplotlib.image

    pixels = matplotlib.image.imread(shot)
    assert pixels.shape[:2] == (900, 1200)
    assert pixels[..., :3].std() > 0.02  # not a blank page: text and links were drawn

    page = _dom(index.as_uri())
    assert page.title == "江北区：经济分析报告"
    assert page.hrefs == [f"{n}_jiangbei_zh.html" for n in NOTEBOOKS]
    titles = {r.html.name: r.title for r in results}
    for href in page.hrefs:
        target = _dom((out / href).as_uri())
        assert target.title == titles[href]
        assert target.images >= 3
