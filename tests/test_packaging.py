"""Packaging: dependency lists agree; the wheel carries the data; the import stays light."""

import json
import os
import re
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _name_and_spec(requirement: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    name = m.group(1).lower().replace("_", "-")
    return {"python-build": "build"}.get(name, name), m.group(2).replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = dict(
        map(_name_and_spec, project["dependencies"] + project["optional-dependencies"]["test"])
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
