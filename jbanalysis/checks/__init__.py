"""Validation of the dataset and the user's update path.

:func:`~jbanalysis.checks.validation.validate` runs the value and series rules on the observations
as published and as corrected; two rules need the selection (:mod:`jbanalysis.panel`), which is
why validation sits above the panel. :mod:`~jbanalysis.checks.user` adds a user's table and checks
the folder against the bundle.
"""
