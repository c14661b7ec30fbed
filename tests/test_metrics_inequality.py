"""Inequality measures against PySAL's published test values and hand-computed cases."""

import math

import numpy as np
import pandas as pd
import pytest

from jbanalysis.metrics import (
    MetricsError,
    MissingDataError,
    coefficient_of_variation,
    gini,
    theil,
    theil_decomposition,
    theil_l,
)

# Per-capita GDP of the 32 Mexican states, 1940-2000, and the "hanson98" regime of each state:
# the example data set shipped with libpysal (libpysal/examples/mexico/mexico.csv, from Rey and
# Sastre Gutierrez 2010, "Interregional inequality dynamics in Mexico", Spatial Economic
# Analysis 5: 277-298). Columns: pcgdp1940 ... pcgdp2000, hanson98.
MEXICO = [
    (10384, 6234, 8714, 16078, 21022, 20787, 27782, 2),
    (22361, 20977, 17865, 25321, 29283, 26839, 29855, 1),
    (9573, 16013, 16707, 24384, 29038, 25842, 26103, 2),
    (3758, 4929, 5925, 10274, 12166, 51123, 36163, 5),
    (2934, 4138, 5280, 7015, 16200, 8637, 8684, 5),
    (8578, 13997, 16265, 19178, 23399, 25332, 30735, 1),
    (8537, 9673, 12318, 20562, 25688, 26084, 28460, 1),
    (6909, 6049, 6036, 12551, 17427, 18313, 21358, 3),
    (17816, 17119, 23174, 32386, 42028, 43810, 54349, 4),
    (12132, 8859, 9323, 12700, 16726, 17353, 17379, 2),
    (4359, 5686, 8209, 11635, 13864, 13607, 15585, 3),
    (2181, 3629, 4991, 6497, 8727, 9084, 11820, 5),
    (4414, 5194, 6399, 7767, 12391, 13091, 12348, 3),
    (5309, 8232, 9953, 16288, 20659, 20133, 21610, 3),
    (3408, 4972, 9053, 17164, 20165, 18547, 16322, 4),
    (3327, 5272, 5244, 8109, 11206, 10980, 11838, 3),
    (6936, 8962, 10499, 13892, 16513, 17701, 18170, 3),
    (4836, 7515, 7621, 10880, 13354, 12757, 11478, 2),
    (9073, 11490, 20117, 28206, 34856, 34726, 38672, 1),
    (1892, 4538, 4140, 5230, 7730, 8465, 9010, 5),
    (3569, 6415, 6542, 9775, 13374, 11895, 15685, 3),
    (11016, 5560, 7110, 14073, 20088, 22441, 26149, 3),
    (21965, 28747, 9677, 17046, 26695, 25049, 33442, 5),
    (4372, 7533, 6440, 9721, 12691, 15436, 15866, 2),
    (4840, 6663, 9613, 14477, 15312, 15823, 15242, 2),
    (6399, 10345, 12134, 22662, 23181, 24784, 24068, 1),
    (2459, 3857, 6494, 9367, 42361, 16055, 13360, 5),
    (7508, 8536, 8383, 17128, 21937, 19983, 23546, 1),
    (3605, 4178, 4357, 6245, 9882, 10339, 11701, 3),
    (5203, 10143, 11404, 12240, 14252, 13796, 12191, 3),
    (7990, 8428, 10067, 11665, 15239, 13979, 17509, 5),
    (3734, 6435, 5821, 7426, 8876, 11656, 11130, 2),
]
Y = np.array([row[:7] for row in MEXICO], dtype=float)
REGIMES = np.array([row[7] for row in MEXICO])

# pysal/inequality, inequality/tests/test_gini.py: Gini(y[:, 0]).g == 0.35372371173452849
PYSAL_GINI_1940 = 0.35372371173452849
# pysal/inequality, inequality/tests/test_theil.py: Theil(y).T, one value per decade 1940-2000
PYSAL_THEIL = [0.20894344, 0.15222451, 0.10472941, 0.10194725, 0.09560113, 0.10511256, 0.10660832]
# same file: TheilD(y, regimes=hanson98).bg, the between-regime component
PYSAL_THEIL_BETWEEN = [
    0.0345889,
    0.02816853,
    0.05260921,
    0.05931219,
    0.03205257,
    0.02963731,
    0.03635872,
]


def test_gini_matches_pysal_reference():
    assert gini(Y[:, 0]) == pytest.approx(PYSAL_GINI_1940, abs=1e-12)


@pytest.mark.parametrize("decade", range(7))
def test_theil_matches_pysal_reference(decade):
    # PySAL publishes 8 decimals, so agreement is to the rounding of the published value.
    assert theil(Y[:, decade]) == pytest.approx(PYSAL_THEIL[decade], abs=1e-8)


@pytest.mark.parametrize("decade", range(7))
def test_theil_between_matches_pysal_reference(decade):
    out = theil_decomposition(Y[:, decade], REGIMES)
    assert out["between"] == pytest.approx(PYSAL_THEIL_BETWEEN[decade], abs=1e-8)
    assert out["total"] == pytest.approx(PYSAL_THEIL[decade], abs=1e-8)
    assert out["between"] + out["within"] == pytest.approx(out["total"], abs=1e-14)


def test_gini_by_hand():
    # pairs of [1, 2, 3, 4]: |differences| sum to 10 each way -> 20 / (2 * 16 * 2.5)
    assert gini([1.0, 2.0, 3.0, 4.0]) == pytest.approx(0.25, abs=1e-15)
    assert gini([0.0, 0.0, 0.0, 1.0]) == pytest.approx(0.75, abs=1e-15)


def test_weighted_gini_equals_repetition():
    values, weights = [1.0, 2.0, 5.0], [3, 1, 2]
    repeated = [1.0, 1.0, 1.0, 2.0, 5.0, 5.0]
    assert gini(values, weights) == pytest.approx(gini(repeated), abs=1e-14)
    assert theil(values, weights) == pytest.approx(theil(repeated), abs=1e-14)
    assert theil_l(values, weights) == pytest.approx(theil_l(repeated), abs=1e-14)
    cv = coefficient_of_variation(values, weights)
    assert cv == pytest.approx(coefficient_of_variation(repeated), abs=1e-14)


def test_theil_t_and_l_by_hand():
    # mean 2: T = 0.5 (0.5 ln 0.5 + 1.5 ln 1.5), L = 0.5 (ln 2 + ln 2/3)
    t = 0.5 * (0.5 * math.log(0.5) + 1.5 * math.log(1.5))
    ell = 0.5 * (math.log(2.0) + math.log(2.0 / 3.0))
    assert theil([1.0, 3.0]) == pytest.approx(t, abs=1e-15)
    assert theil_l([1.0, 3.0]) == pytest.approx(ell, abs=1e-15)


def test_theil_with_a_zero_value_uses_the_limit():
    # one of n has everything: T = ln n
    assert theil([0.0, 0.0, 6.0]) == pytest.approx(math.log(3.0), abs=1e-15)
    with pytest.raises(MetricsError, match="strictly positive"):
        theil_l([0.0, 1.0])


def test_coefficient_of_variation_weighted_and_not():
    assert coefficient_of_variation([1.0, 3.0]) == pytest.approx(0.5, abs=1e-15)
    # weights 3:1 -> mean 1.5, variance .75*.25 + .25*2.25 = .75
    assert coefficient_of_variation([1.0, 3.0], [3.0, 1.0]) == pytest.approx(
        math.sqrt(0.75) / 1.5, abs=1e-15
    )


def test_theil_decomposition_between_only():
    out = theil_decomposition(pd.Series([1.0, 1.0, 3.0, 3.0]), ["a", "a", "b", "b"])
    assert out["within"] == pytest.approx(0.0, abs=1e-15)
    assert out["between"] == pytest.approx(theil([1.0, 3.0]), abs=1e-15)


def test_missing_values_are_named_not_dropped():
    values = pd.Series([1.0, np.nan, 3.0], index=["jiangbei", "yubei", "nanan"])
    with pytest.raises(MissingDataError, match="yubei"):
        gini(values)


def test_bad_input_is_refused():
    with pytest.raises(MetricsError, match="non-negative"):
        gini([-1.0, 2.0])
    with pytest.raises(MetricsError, match="all zero"):
        theil([0.0, 0.0])
    with pytest.raises(MetricsError, match="one-dimensional"):
        gini([[1.0, 2.0], [3.0, 4.0]])
    with pytest.raises(MetricsError, match="weights has 2 entries"):
        gini([1.0, 2.0, 3.0], weights=[1.0, 1.0])
    with pytest.raises(MetricsError, match="indexed differently"):
        gini(pd.Series([1.0, 2.0], index=["a", "b"]), pd.Series([1.0, 1.0], index=["b", "c"]))
    with pytest.raises(MetricsError, match="groups has 2 entries"):
        theil_decomposition([1.0, 2.0, 3.0], ["a", "b"])
