"""The report sets the suite reads, rendered once per test run, in a process of their own.

A *set* is what ``jbanalysis report`` writes for one (district, language): the reports and their
index. The suite reads two kinds (:data:`FULL` and :data:`AUDIT`):

* every notebook for Jiangbei in Chinese and Yubei in English (``test_notebooks``,
  ``test_report``, ``test_browser``);
* the audited notebooks (01–03) for each of the nine central districts in both languages
  (``test_audit``); the two full sets count among them.

So each (district, language, notebook) executes once per run. The tests that read a set carry
the ``reports`` marker; ``tests/conftest.py`` collects what they need, starts :class:`Sets`
rendering them in a child process as soon as the session has collected, and moves those tests to
the end, so the rest of the suite runs on one core while the kernels use the other. The child
gets the environment of the session's start (less a user data folder, as every test), so a test
that sets a variable while it runs cannot change a report. The kernels start with an IPython
profile of the run's own (``IPYTHONDIR``) whose startup file measures the text boxes of every
figure they draw and the breaks it marks (``tests/drawn.py``) into :attr:`Sets.drawn`, for the
label test and the audit.

Run as a script it is that child: ``python tests/rendering.py PLAN.json ROOT`` renders each set
of the plan into ``ROOT/<district>-<lang>/`` and writes ``ROOT/<district>-<lang>.json`` (its
results) when the set is done.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from jbanalysis.registry.districts import district_ids

NINE = tuple(district_ids("central"))
LANGS = ("zh", "en")
NOTEBOOKS = (
    "01_data_overview",
    "02_jiangbei_vs_central_districts",
    "03_structure",
    "04_forecasts",
    "05_claims",
)
AUDITED = NOTEBOOKS[:3]
#: The plans the markers name: ``@pytest.mark.reports("full")`` / ``("audit")``.
FULL = {("jiangbei", "zh"): NOTEBOOKS, ("yubei", "en"): NOTEBOOKS}
AUDIT = {(d, lang): AUDITED for d in NINE for lang in LANGS}
PLANS = {"full": FULL, "audit": AUDIT}
#: Variables the rendering never inherits (the autouse fixture of conftest drops them per test).
UNSET = ("JBANALYSIS_USER_DATA",)


def merge(plans) -> dict[tuple[str, str], tuple[str, ...]]:
    """One plan: for each set, the union of the notebooks the plans ask for, in report order."""
    out: dict[tuple[str, str], set[str]] = {}
    for plan in plans:
        for key, notebooks in plan.items():
            out.setdefault(key, set()).update(notebooks)
    return {k: tuple(n for n in NOTEBOOKS if n in v) for k, v in out.items()}


def _result(entry: dict):
    from jbanalysis.report.execute import ReportResult

    paths = {k: Path(entry[k]) if entry[k] else None for k in ("html", "workbook", "data_folder")}
    fields = {k: entry[k] for k in ("notebook", "title", "summary", "cell", "error", "seconds")}
    return ReportResult(**fields, **paths)


class Sets:
    """The rendered sets of this test run: started once, read by any test."""

    def __init__(self) -> None:
        self._root: Path | None = None
        self.plan: dict[tuple[str, str], tuple[str, ...]] = {}
        self.child: subprocess.Popen | None = None
        self.cache: dict[tuple[str, str], tuple[Path, tuple]] = {}

    @property
    def root(self) -> Path:
        """The run's folder of sets, made on first use and removed at exit."""
        if self._root is None:
            self._root = Path(tempfile.mkdtemp(prefix="jb-report-sets-"))
            atexit.register(self.close)
        return self._root

    def start(self, plan: dict[tuple[str, str], tuple[str, ...]]) -> None:
        """Render ``plan`` in a child process (once; later calls add nothing)."""
        if self.child is not None or not plan:
            return
        self.plan = dict(plan)
        spec = self.root / "plan.json"
        spec.write_text(
            json.dumps([[d, lang, list(n)] for (d, lang), n in self.plan.items()]), "utf-8"
        )
        env = {k: v for k, v in os.environ.items() if k not in UNSET}
        env["IPYTHONDIR"] = str(self._profile())
        with (self.root / "render.log").open("w", encoding="utf-8") as log:
            self.child = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), str(spec), str(self.root)],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its kernels go with it if the session is cut short
            )

    @property
    def drawn(self) -> Path:
        """Where the kernels record what each figure they draw shows (``tests/drawn.py``)."""
        return self.root / "drawn"

    def _profile(self) -> Path:
        """An IPython folder whose startup file records what every figure draws."""
        folder = self.root / "ipython"
        startup = folder / "profile_default" / "startup"
        startup.mkdir(parents=True, exist_ok=True)
        module = Path(__file__).resolve().parent / "drawn.py"
        (startup / "00-drawn.py").write_text(
            "import importlib.util\n"
            f"spec = importlib.util.spec_from_file_location('_jbanalysis_drawn', {str(module)!r})\n"
            "drawn = importlib.util.module_from_spec(spec)\n"
            "spec.loader.exec_module(drawn)\n"
            f"drawn.install({str(self.drawn)!r})\n"
            "del importlib, spec, drawn\n",
            encoding="utf-8",
        )
        return folder

    def get(self, district: str, lang: str) -> tuple[Path, tuple]:
        """(folder, results in notebook order) of a set; rendered here if it was not planned."""
        key = (district, lang)
        if key in self.cache:
            return self.cache[key]
        if key not in self.plan or self.child is None:
            out = self.root / f"{district}-{lang}-here"
            from jbanalysis.report.build import build_reports

            before = os.environ.get("IPYTHONDIR")
            os.environ["IPYTHONDIR"] = str(self._profile())  # its kernels measure labels too
            try:
                results = tuple(build_reports(district, lang, out, progress=False))
            finally:
                if before is None:
                    del os.environ["IPYTHONDIR"]
                else:
                    os.environ["IPYTHONDIR"] = before
            self.cache[key] = (out, results)
            return self.cache[key]
        done = self.root / f"{district}-{lang}.json"
        while not done.exists():
            if self.child.poll() is not None and not done.exists():
                log = (self.root / "render.log").read_text("utf-8", errors="replace")
                raise RuntimeError(f"rendering the report sets stopped:\n{log[-3000:]}")
            time.sleep(0.2)
        entries = json.loads(done.read_text("utf-8"))
        self.cache[key] = (self.root / f"{district}-{lang}", tuple(map(_result, entries)))
        return self.cache[key]

    def close(self) -> None:
        if self.child is not None and self.child.poll() is None:
            os.killpg(self.child.pid, signal.SIGTERM)
            self.child.wait(timeout=30)
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)


SETS = Sets()


def _render(spec: Path, root: Path) -> None:
    from jbanalysis.report.build import build_reports, list_notebooks

    paths = {p.stem: p for p in list_notebooks()}
    plan = json.loads(spec.read_text("utf-8"))

    def one(item) -> None:
        district, lang, notebooks = item
        results = build_reports(
            district,
            lang,
            root / f"{district}-{lang}",
            jobs=1,
            notebooks=[paths[n] for n in notebooks],
            progress=False,
        )
        entries = [
            {
                "notebook": r.notebook,
                "title": r.title,
                "summary": r.summary,
                "cell": r.cell,
                "error": r.error,
                "seconds": r.seconds,
                **{k: str(getattr(r, k)) if getattr(r, k) else "" for k in ("html", "workbook")},
                "data_folder": str(r.data_folder) if r.data_folder else "",
            }
            for r in results
        ]
        part = root / f"{district}-{lang}.json.part"
        part.write_text(json.dumps(entries, ensure_ascii=False), "utf-8")
        part.rename(root / f"{district}-{lang}.json")
        print(f"{district}-{lang}: {sum(r.seconds for r in results):.0f} s", flush=True)

    # the full sets first: more tests wait on them; then the rest, as many at once as cores
    plan.sort(key=lambda item: -len(item[2]))
    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        for _ in pool.map(one, plan):
            pass


if __name__ == "__main__":
    _render(Path(sys.argv[1]), Path(sys.argv[2]))
