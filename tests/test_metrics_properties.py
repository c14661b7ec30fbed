"""Properties that must hold for any input (hypothesis)."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jbanalysis.metrics import (
    cagr,
    compound,
    contribution,
    gini,
    required_cagr,
    share,
    shift_share,
    theil,
    theil_decomposition,
    theil_l,
)

positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)
values_list = st.lists(positive, min_size=2, max_size=12)
settings.register_profile("metrics", max_examples=60, deadline=None)
settings.load_profile("metrics")


@given(values_list)
def test_shares_of_all_members_sum_to_100(values):
    members = [f"d{i}" for i in range(len(values))]
    frame = pd.DataFrame([values], index=[2020], columns=members)
    out = share(frame, of=members)
    assert out["share"].sum() == pytest.approx(100.0, rel=1e-9)
    assert (out["reason"] == "").all()


@given(values_list, values_list)
def test_contributions_sum_to_100(start, end):
    n = min(len(start), len(end))
    members = [f"d{i}" for i in range(n)]
    frame = pd.DataFrame([start[:n], end[:n]], index=[2019, 2020], columns=members)
    total_change = sum(end[:n]) - sum(start[:n])
    if abs(total_change) < 1e-6 * max(sum(end[:n]), sum(start[:n])):
        return  # a (near) zero change has no meaningful split
    out = contribution(frame, 2019, 2020, members=members)
    assert out["contribution_pct"].sum() == pytest.approx(100.0, rel=1e-6)


@given(
    st.lists(st.tuples(positive, positive, positive, positive), min_size=1, max_size=6),
)
def test_shift_share_components_sum_to_the_actual_change(rows):
    sectors = [f"s{i}" for i in range(len(rows))]
    e0, e1, r0, r1 = (np.array(col) for col in zip(*rows, strict=True))
    start = pd.DataFrame({"d": e0, "ref": r0 + e0}, index=sectors)
    end = pd.DataFrame({"d": e1, "ref": r1 + e1}, index=sectors)
    out = shift_share(start, end, "d", "ref")
    parts = out[["reference_growth", "sector_mix", "competitive"]].sum(axis=1)
    scale = max(e0.max(), e1.max())
    np.testing.assert_allclose(parts, out["change"], rtol=0, atol=1e-9 * scale)
    np.testing.assert_allclose(out.loc[sectors, "change"], e1 - e0, rtol=0, atol=1e-9 * scale)


# Ratios of 1/100 to 100: beyond, 1 + r/100 cancels catastrophically in floating point.
@given(positive, st.floats(min_value=0.01, max_value=100.0), st.integers(min_value=1, max_value=50))
def test_required_cagr_and_compound_round_trip(current, ratio, years):
    target = current * ratio
    rate = required_cagr(current, target, years)
    assert compound(current, rate, years) == pytest.approx(target, rel=1e-9)
    series = pd.Series([current, target], index=[2000, 2000 + years])
    assert cagr(series, 2000, 2000 + years) == pytest.approx(rate, rel=1e-9, abs=1e-12)


@given(positive, st.integers(min_value=1, max_value=50))
def test_equal_values_have_no_inequality(value, n):
    values = [value] * n
    assert gini(values) == pytest.approx(0.0, abs=1e-12)
    assert theil(values) == pytest.approx(0.0, abs=1e-12)
    assert theil_l(values) == pytest.approx(0.0, abs=1e-12)


@given(values_list, st.floats(min_value=1e-3, max_value=1e3))
def test_inequality_is_scale_invariant(values, factor):
    scaled = [v * factor for v in values]
    assert gini(scaled) == pytest.approx(gini(values), rel=1e-9, abs=1e-12)
    assert theil(scaled) == pytest.approx(theil(values), rel=1e-9, abs=1e-12)
    assert theil_l(scaled) == pytest.approx(theil_l(values), rel=1e-9, abs=1e-12)


@given(values_list)
def test_sorted_gini_equals_the_pairwise_definition(values):
    x = np.array(values)
    pairwise = np.abs(x[:, None] - x[None, :]).sum() / (2 * len(x) ** 2 * x.mean())
    assert gini(values) == pytest.approx(pairwise, rel=1e-9, abs=1e-12)


@given(
    st.lists(
        st.tuples(positive, st.floats(min_value=0.1, max_value=100), st.sampled_from("abc")),
        min_size=2,
        max_size=15,
    )
)
def test_weighted_theil_decomposition_adds_up(rows):
    values, weights, groups = (list(col) for col in zip(*rows, strict=True))
    out = theil_decomposition(values, groups, weights)
    assert out["between"] + out["within"] == pytest.approx(out["total"], rel=1e-9, abs=1e-12)
    assert out["between"] >= -1e-12 and out["within"] >= -1e-12
