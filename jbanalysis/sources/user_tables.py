"""What the user's data folder keeps for reading tables: the series a new table's values are
compared with (the bundle and the folder's earlier tables), the recipes saved for next year
(``recipes/NAME.json``), and the values accepted although they looked like slips (the reason is
in each value's note, beside it, in ``sources/<id>.csv`` and ``observations.csv``)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from jbanalysis.errors import DataError
from jbanalysis.io.recipes import Recipe
from jbanalysis.io.slips import ACCEPTED

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,60}$")


def reference(user_dir: str | Path | None = None, exclude: tuple[str, ...] = ()) -> pd.DataFrame:
    """The bundled observations and, where a folder is given, its own (but the sources in
    ``exclude``: a table read again is not compared with its earlier self)."""
    from jbanalysis.sources.observations import bundled_observations
    from jbanalysis.sources.user import load_user_observations

    bundled = bundled_observations()
    if user_dir is None or not Path(user_dir).is_dir():
        return bundled
    mine = load_user_observations(Path(user_dir))
    mine = mine[~mine["source_id"].astype(str).isin(exclude)]
    if not len(mine):
        return bundled
    cols = [
        "district",
        "year",
        "indicator",
        "value",
        "period",
        "source_id",
        "record",
        "vintage",
        "flag",
        "bound",
    ]
    both = [bundled[cols].astype(object), mine[cols].astype(object)]
    out = pd.concat(both, ignore_index=True)
    return out.astype({"year": "int64", "value": "float64"})


def recipe_path(user_dir: str | Path, name: str) -> Path:
    if not _NAME.match(name):
        raise ValueError(
            f"recipe name {name!r}: use letters, digits, '_', '-' or '.' (e.g. jb_gdp_yearbook)"
        )
    return Path(user_dir).expanduser() / "recipes" / f"{name}.json"


def save_recipe(user_dir: str | Path, recipe: Recipe) -> Path:
    """Store ``recipe`` in the folder (``recipes/NAME.json``), replacing one of the same name."""
    return recipe.save(recipe_path(user_dir, recipe.name))


def load_recipe(user_dir: str | Path | None, name: str) -> Recipe:
    """The recipe ``name`` saved in the folder; an error lists the saved ones."""
    if user_dir is None:
        raise ValueError("a recipe is kept in a user data folder: pass --data-dir DIR")
    path = recipe_path(user_dir, name)
    if not path.is_file():
        saved = sorted(p.stem for p in (Path(user_dir).expanduser() / "recipes").glob("*.json"))
        listed = ", ".join(saved) if saved else "none yet (save one with --save-recipe NAME)"
        raise DataError(f"no recipe {name!r}; the folder's recipes: {listed}", file=Path(user_dir))
    return Recipe.load(path)


def accepted(observations: pd.DataFrame) -> pd.DataFrame:
    """The values kept although they looked like slips, with the reason given for each."""
    notes = observations["note"].astype(str)
    hit = notes.str.contains(ACCEPTED, regex=False).to_numpy()
    out = observations[hit].copy()
    out["reason"] = notes[hit].str.extract(rf"{ACCEPTED}: (.*)$", expand=False).to_numpy()
    return out
