"""Every indicator says which values it can take; forecasts keep to them."""

from __future__ import annotations

import math

import pytest

import jbanalysis as jb
from jbanalysis.registry.indicators import indicator_domain, parse_domain


def test_every_indicator_has_a_domain_that_fits_its_kind():
    reg = jb.load_indicators()
    for row in reg.itertuples(index=False):
        lower, upper = parse_domain(row.domain)
        if row.kind in ("level", "count", "per_capita"):
            assert (lower, upper) == (0.0, math.inf), row.id
        elif row.unit == "pct":
            # a rate is either a share of a whole (0-100 %) or a growth rate (above -100 %)
            assert (lower, upper) in ((0.0, 100.0), (-100.0, math.inf)), row.id
            assert ((lower, upper) == (-100.0, math.inf)) == ("growth" in row.id), row.id


def test_domains_by_name_and_bad_notation():
    assert indicator_domain("城镇化率") == (0.0, 100.0)
    assert indicator_domain("retail_sales") == (0.0, math.inf)
    with pytest.raises(ValueError, match=r"domain '0-100' is not an interval"):
        parse_domain("0-100")
    with pytest.raises(ValueError, match="is not an interval"):
        parse_domain("[100, 0]")
