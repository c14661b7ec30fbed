"""Write ``docs/api.md``: every public function and class of jbanalysis with its signature,
its summary line and its first example, taken from the docstrings (so the page cannot say
something the code does not). ``tests/test_docs.py`` fails when the page is out of date.

Run: ``python scripts/make_api_docs.py`` (or ``python scripts/make_api_docs.py --check``).
"""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MISSING_EXAMPLES: list[str] = []
MODULES = [
    ("jbanalysis", "Top level: registries, data, panels"),
    ("jbanalysis.registry.districts", "registry: districts and groups"),
    ("jbanalysis.registry.indicators", "registry: indicators and units"),
    ("jbanalysis.registry.breaks", "registry: comparability breaks"),
    ("jbanalysis.registry.terms", "registry: the bilingual vocabulary"),
    ("jbanalysis.registry.schema", "registry: domain lists and column sets"),
    ("jbanalysis.registry.groups", "registry: groups named by what they hold"),
    ("jbanalysis.errors", "base: the exceptions to catch"),
    ("jbanalysis.names", "base: name normalisation"),
    ("jbanalysis.tables", "base: the years × districts pivot"),
    ("jbanalysis.precision", "base: printed precision"),
    ("jbanalysis.shown", "base: what charts and tables announce"),
    ("jbanalysis.io", "io: reading your own tables"),
    ("jbanalysis.data", "sources: building, loading and tracing the dataset"),
    ("jbanalysis.sources.user", "sources: your own data folder"),
    ("jbanalysis.panel", "panel: selection, views, conflicts, provenance"),
    ("jbanalysis.checks.validation", "checks: validation"),
    ("jbanalysis.checks.aggregates", "checks: published group totals"),
    ("jbanalysis.checks.shift_rules", "checks: level shifts found from totals"),
    ("jbanalysis.checks.series_rules", "checks: rules on series"),
    ("jbanalysis.checks.user", "checks: the annual update (add, compare, validate)"),
    ("jbanalysis.metrics", "metrics"),
    ("jbanalysis.forecast", "forecast"),
    ("jbanalysis.text.formatting", "text: numbers, names and tables as printed"),
    ("jbanalysis.text.sentences.common", "text: sentences, shared pieces"),
    ("jbanalysis.text.sentences.overview", "text: sentences of report 01 (data overview)"),
    (
        "jbanalysis.text.sentences.versus",
        "text: sentences of report 02 (against the other districts)",
    ),
    (
        "jbanalysis.text.sentences.structure",
        "text: sentences of report 03 (structure and disparities)",
    ),
    ("jbanalysis.text.sentences.forecasts", "text: sentences of report 04 (forecasts and targets)"),
    ("jbanalysis.plots", "plots: charts"),
    ("jbanalysis.plots.maps", "plots: maps"),
    ("jbanalysis.claims.check", "claims: the check"),
    ("jbanalysis.claims.ledger", "claims: the ledger"),
    ("jbanalysis.claims.explain", "claims: sentences"),
    ("jbanalysis.report", "report: execution and index"),
    ("jbanalysis.report.downloads", "report: the numbers behind a report"),
    ("jbanalysis.report.render", "report: HTML"),
    ("jbanalysis.cli", "cli: the command line, from Python"),
    ("jbanalysis.cli.words", "cli: the command line's words in Chinese and English"),
]


def public_members(module) -> list[tuple[str, object]]:
    names = getattr(module, "__all__", None)
    if names is None:
        names = [
            n
            for n, obj in vars(module).items()
            if not n.startswith("_")
            and (inspect.isfunction(obj) or inspect.isclass(obj))
            and getattr(obj, "__module__", "") == module.__name__
        ]
    members = []
    for name in names:
        obj = getattr(module, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            members.append((name, obj))
    return sorted(members, key=lambda m: m[0].lower())


def first_example(doc: str) -> list[str]:
    lines, started = [], False
    for line in inspect.cleandoc(doc).splitlines():
        if line.lstrip().startswith(">>>"):
            started = True
        elif started and not line.strip():
            break
        if started:
            lines.append(line)
    return lines


def _signature(obj) -> str:
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return f"({', '.join(b.__name__ for b in obj.__bases__)})"
    try:
        return str(inspect.signature(obj, eval_str=True))
    except (NameError, TypeError, ValueError):  # an annotation only a type checker can see
        return str(inspect.signature(obj))


def render() -> str:
    out = [
        "# API reference",
        "",
        "Generated from the docstrings by `scripts/make_api_docs.py`; every example here runs as a",
        "doctest in `make check`, and is written to run as pasted into a session that did",
        "`import jbanalysis as jb` (`tests/test_examples.py`). Formulas, units and pitfalls are in",
        "each function's docstring",
        "(`help(jb.metrics.cagr)`), and for metrics also in [metrics.md](metrics.md).",
        "",
    ]
    seen: set[int] = set()
    for module_name, title in MODULES:
        module = importlib.import_module(module_name)
        members = [(n, o) for n, o in public_members(module) if id(o) not in seen]
        if not members:
            continue
        out += [f"## `{module_name}` — {title}", ""]
        for name, obj in members:
            seen.add(id(obj))
            sig = _signature(obj)
            doc = inspect.getdoc(obj) or ""
            summary = doc.split("\n\n")[0].replace("\n", " ") if doc else "(no docstring)"
            kind = "class " if inspect.isclass(obj) else ""
            if inspect.isclass(obj) and issubclass(obj, BaseException):
                kind = "exception "
            out += [f"### `{kind}{name}{sig}`", "", summary, ""]
            example = first_example(doc)
            if example:
                out += ["```python", *example, "```", ""]
            elif kind != "exception ":
                MISSING_EXAMPLES.append(f"{module_name}.{name}")
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str]) -> int:
    text = render()
    target = ROOT / "docs" / "api.md"
    if "--check" in argv:
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            print(
                "docs/api.md is out of date: run python scripts/make_api_docs.py", file=sys.stderr
            )
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    if MISSING_EXAMPLES:
        print(f"{len(MISSING_EXAMPLES)} without an example: {', '.join(MISSING_EXAMPLES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
