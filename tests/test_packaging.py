"""Packaging: every imported library declared, the dependency lists agree, the wheel carries the
data and the command line's words, the import stays light."""

import ast
import doctest
import json
import os
import re
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
#: Needed at run time though never imported: `jbanalysis report` runs the notebooks in its kernel.
RUN_NOT_IMPORTED = {"ipykernel"}


def _name_and_spec(requirement: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    name = m.group(1).lower().replace("_", "-")
    return {"python-build": "build"}.get(name, name), m.group(2).replace(" ", "")


def _declared(*extras: str) -> set[str]:
    """Distributions (normalised names) of the dependencies and of the given extras."""
    requirements = list(PROJECT["dependencies"])
    for extra in extras:
        requirements += PROJECT["optional-dependencies"][extra]
    return {_name_and_spec(r)[0] for r in requirements}


def _examples_code(tree: ast.Module) -> str:
    """The code of the docstring examples in a module: a reader pastes them, imports included."""
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    docs = [ast.get_docstring(n) or "" for n in ast.walk(tree) if isinstance(n, kinds)]
    parser = doctest.DocTestParser()
    return "\n".join(e.source for doc in docs for e in parser.get_examples(doc))


def _imported(paths) -> dict[str, set[str]]:
    """Distribution (normalised) -> files importing it: every import, deferred ones included, of
    the Python files, their docstring examples and the notebooks' code cells (magics left out)."""
    owners = packages_distributions()
    found: dict[str, set[str]] = {}
    for path in paths:
        if path.suffix == ".ipynb":
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
            lines = code.splitlines()
            code = "\n".join(x for x in lines if not x.lstrip().startswith(("%", "!")))
        else:
            code = path.read_text(encoding="utf-8")
            code += "\n" + _examples_code(ast.parse(code))
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top == "jbanalysis":
                    continue
                for dist in owners.get(top, [top]):  # not installed: named like its module
                    found.setdefault(_name_and_spec(dist)[0], set()).add(path.name)
    return found


def test_every_imported_library_is_declared():
    """`pip install jbanalysis` is what the package and its report notebooks import; the tests
    and benchmarks may import their extras too; nothing is declared that nothing needs."""
    package = [*(ROOT / "jbanalysis").rglob("*.py"), *(ROOT / "notebooks").glob("*.ipynb")]
    runtime = _imported(package)
    assert {d: f for d, f in runtime.items() if d not in _declared()} == {}
    local = {p.stem for p in [*(ROOT / "tests").rglob("*.py"), *(ROOT / "scripts").glob("*.py")]}
    local = {_name_and_spec(m)[0] for m in [*local, "bench_data"]}  # modules of the repository
    tests = _imported([*(ROOT / "tests").rglob("*.py"), *(ROOT / "scripts").glob("*.py")])
    tests = {d: f for d, f in tests.items() if d not in local}
    assert {d: f for d, f in tests.items() if d not in _declared("test", "lab")} == {}
    bench = _imported((ROOT / "benchmarks").glob("*.py"))
    bench = {d: f for d, f in bench.items() if d not in local}
    assert {d: f for d, f in bench.items() if d not in _declared("test", "bench")} == {}
    # every core dependency is imported by the package or its notebooks, or run by it
    assert _declared() - set(runtime) - RUN_NOT_IMPORTED == set()
    assert _declared("lab") - _declared() == {"jupyterlab"}  # a script needs no JupyterLab


def test_environment_yml_matches_pyproject():
    wanted = dict(
        map(
            _name_and_spec,
            PROJECT["dependencies"]
            + PROJECT["optional-dependencies"]["lab"]
            + PROJECT["optional-dependencies"]["test"],
        )
    )
    conda = {}
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text.split("dependencies:", 1)[1].splitlines():
        m = re.match(r"^  - ([A-Za-z0-9_.\-]+[^#]*)$", line)
        if m and not m.group(1).startswith(("pip", "python>")):
            name, spec = _name_and_spec(m.group(1))
            conda[name] = spec
    assert conda == wanted


def test_import_is_light():
    code = (
        "import sys, jbanalysis as jb; jb.load_panel(indicators='gdp', years=2010);"
        "heavy = [m for m in ('statsmodels', 'seaborn', 'matplotlib', 'scipy') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.slow
def test_wheel_carries_the_data(tmp_path):
    """Build the wheel, install it in a fresh venv outside the repo, and load the panel there."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("jbanalysis-*.whl")
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    py = env / "bin" / "python"
    subprocess.run(
        [py, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], check=True
    )
    # The dependencies come from this test run's environment; jbanalysis itself from the wheel.
    site = subprocess.run(
        [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    code = (
        "import json, jbanalysis as jb; p = jb.load_panel(indicators='gdp', districts='江北', years=2010);"
        "from jbanalysis.registry.paths import bundle_dir;"
        "from jbanalysis.report.build import list_notebooks;"
        "from jbanalysis.report.render import TEMPLATES;"
        "from jbanalysis.plots.maps import load_boundaries;"
        "print(json.dumps([jb.__file__, str(bundle_dir()), float(p['value'].iloc[0]),"
        " [n.name for n in list_notebooks()], len(load_boundaries()),"
        " sorted(q.name for q in TEMPLATES.rglob('*.j2'))]))"
    )
    env_vars = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "JBANALYSIS_DATA")}
    out = subprocess.run(
        [py, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path, env=env_vars
    )
    module, data, value, notebooks, units, templates = json.loads(out.stdout)
    assert module.startswith(str(env)) and data.endswith("jbanalysis/_bundled_data")
    assert value == 391.3947
    assert notebooks == sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    # the map's boundaries and the report templates travel with the package
    assert units == 38 and templates == ["index.html.j2", "index.html.j2"]
    # and so do the command line's words: its help in Chinese, from the installed script
    chinese = {**env_vars, "LANG": "zh_CN.UTF-8"}
    out = subprocess.run(
        [env / "bin" / "jbanalysis", "--help"], capture_output=True, text=True, env=chinese
    )
    assert out.returncode == 0 and out.stdout.startswith("用法：jbanalysis")
    # a plain install needs no JupyterLab: it is the [lab] extra
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        requires = [
            line for line in archive.read(name).decode().splitlines() if "jupyterlab" in line
        ]
    assert [r.replace('"', "'") for r in requires] == [
        "Requires-Dist: jupyterlab>=4.0; extra == 'lab'"
    ]


def test_function_names_are_not_shadowed_by_submodules():
    """`import jbanalysis.<module>` binds the module on the package: no public function may share
    a module's name, or `jb.validate()` would depend on what was imported first."""
    code = (
        "import importlib, pkgutil, jbanalysis as jb;"
        "[importlib.import_module(f'jbanalysis.{m.name}') for m in pkgutil.iter_modules(jb.__path__)];"
        "print(callable(jb.validate), callable(jb.load_panel), jb.validation.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "jbanalysis.checks.validation"]
