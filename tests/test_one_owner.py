"""One owner for every fact: each domain list is typed once, in the registry, and read from there.

The issue's "``git grep`` finds each domain list once", as a test: outside ``jbanalysis/registry/``
no literal tuple, list or set holds two or more vintages, flags, periods, source kinds or sectors,
or three reliabilities or groups (import :mod:`jbanalysis.registry.schema` or
:mod:`jbanalysis.registry.districts` instead), no string lists three ids of them (a help text built
from the list instead), the city's id is :data:`~jbanalysis.registry.districts.CITY`, and only
:mod:`jbanalysis.registry.paths` names the files of a data folder. Docstrings are documentation and
may name them.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from jbanalysis.registry import districts, paths, schema

PACKAGE = Path(__file__).resolve().parent.parent / "jbanalysis"
REGISTRY = PACKAGE / "registry"

DOMAINS = {
    "vintages": set(schema.VINTAGES),
    "flags": set(schema.FLAGS),
    "periods": set(schema.PERIODS),
    "source kinds": set(schema.ALL_SOURCE_KINDS),
    "reliabilities": set(schema.RELIABILITIES),
    "sectors": set(schema.SECTORS),
    "groups": set(districts.GROUPS) | set(districts.RANK_GROUPS),
}
#: How many members of a domain a literal must hold to retype it: two for lists of ids, three for
#: lists of plain words that name other things too (a claim's ``low``/``high`` columns).
THRESHOLD = {"reliabilities": 3, "groups": 3}
DATA_FILES = {
    value
    for name, value in vars(paths).items()
    if name.isupper() and isinstance(value, str) and name != "PACKAGE_DIR"
}


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings (or other bare string statements)."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }


def _modules(outside: Path | None = REGISTRY) -> list[tuple[str, ast.AST]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if outside is not None and outside in path.parents:
            continue
        out.append(
            (path.relative_to(PACKAGE.parent).as_posix(), ast.parse(path.read_text("utf-8")))
        )
    return out


def retyped_lists(modules=None) -> list[str]:
    """``module:line: domain: members`` of every literal collection that retypes a domain list."""
    found = []
    for name, tree in modules or _modules():
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Tuple | ast.List | ast.Set):
                strings = {
                    e.value
                    for e in node.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                }
                for domain, members in DOMAINS.items():
                    if len(strings & members) >= THRESHOLD.get(domain, 2):
                        found.append(f"{name}:{node.lineno}: {domain}: {sorted(strings & members)}")
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docs
            ):
                # a list of ids in a text (a help string), not prose that uses the same words
                words = set(re.findall(r"[a-z][a-z0-9_]*|Q1-Q3", node.value))
                for domain, members in DOMAINS.items():
                    hit = words & members
                    if len(hit) >= 3 and any("_" in w or "-" in w for w in hit):
                        found.append(f"{name}:{node.lineno}: {domain} in a string: {node.value!r}")
    return found


def test_each_domain_list_is_typed_once_in_the_registry():
    assert retyped_lists() == []


def test_the_check_finds_a_list_typed_again():
    tree = ast.parse('KINDS = ("aggregator", "news")\nHELP = "first_release, revised or census"\n')
    assert retyped_lists([("x.py", tree)]) == [
        "x.py:1: source kinds: ['aggregator', 'news']",
        "x.py:2: vintages in a string: 'first_release, revised or census'",
    ]


def test_the_city_is_named_by_its_constant():
    typed = []
    for name, tree in _modules():
        docs = _docstrings(tree)
        typed += [
            f"{name}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and node.value == districts.CITY
            and id(node) not in docs
        ]
    assert typed == []


def test_only_the_paths_module_names_the_files_of_a_data_folder():
    named = []
    for name, tree in _modules(outside=None):
        if name == "jbanalysis/registry/paths.py":
            continue
        docs = _docstrings(tree)
        named += [
            f"{name}:{node.lineno}: {node.value!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docs
            and (node.value in DATA_FILES - {"sources"} or node.value.startswith("sources/"))
        ]
    assert named == []


@pytest.mark.parametrize(
    ("subset", "of"),
    [
        (schema.NEW_BASIS_VINTAGES, schema.VINTAGES),
        (schema.MATCHED_VINTAGES, schema.VINTAGES),
        (schema.CAVEAT_VINTAGES, schema.VINTAGES),
        (schema.SOURCE_FLAGS, schema.FLAGS),
        (schema.CAVEAT_FLAGS, schema.FLAGS),
        (schema.OFFICIAL_SOURCE_KINDS, schema.SOURCE_KINDS),
        (schema.SECONDARY_SOURCE_KINDS, schema.SOURCE_KINDS),
        (schema.LOWER_BOUNDS + schema.UPPER_BOUNDS, schema.BOUNDS),
        (districts.RANK_GROUPS[:-1], districts.GROUPS),
    ],
)
def test_the_registry_subsets_are_members_of_their_lists(subset, of):
    assert set(subset) <= set(of)
