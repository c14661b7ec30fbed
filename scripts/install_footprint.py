"""What a plain ``pip install`` of the wheel pulls: packages and megabytes, in a fresh venv.

Builds the wheel of this checkout, creates an empty venv in a temporary folder, installs the wheel
(with ``--extras``, if given) the way a user would, and prints how many distributions and how many
megabytes the install added to the empty venv. The figures in ``docs/decisions.md`` (19.67) come
from here.

Run: ``python scripts/install_footprint.py`` or ``python scripts/install_footprint.py --extras lab``
(takes a minute or two: every dependency is installed).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def _distributions(python: Path) -> set[str]:
    out = subprocess.run(
        [python, "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True, check=True
    )
    return {line.split("==")[0].lower() for line in out.stdout.split()}


def footprint(extras: str = "") -> tuple[int, float, list[str]]:
    """(distributions added, megabytes added, their names) by installing the wheel."""
    with tempfile.TemporaryDirectory() as tmp:
        dist = Path(tmp) / "dist"
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--outdir", dist, ROOT],
            check=True,
            capture_output=True,
        )
        (wheel,) = dist.glob("jbanalysis-*.whl")
        env = Path(tmp) / "venv"
        venv.create(env, with_pip=True)
        python = env / "bin" / "python"
        empty, before = _size_mb(env), _distributions(python)
        target = f"jbanalysis[{extras}] @ {wheel.as_uri()}" if extras else str(wheel)
        subprocess.run([python, "-m", "pip", "install", "--quiet", target], check=True)
        added = sorted(_distributions(python) - before - {"jbanalysis"})
        return len(added), _size_mb(env) - empty, added


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extras", default="", help="extras to install too, e.g. lab")
    args = parser.parse_args(argv)
    count, megabytes, names = footprint(args.extras)
    what = f"jbanalysis[{args.extras}]" if args.extras else "jbanalysis"
    print(f"pip install {what}: {count} distributions, {megabytes:.0f} MB")
    print(" ".join(names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
