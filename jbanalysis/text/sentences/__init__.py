"""Takeaway sentences, one module per report: they say results computed in metrics and forecast."""
