"""The sources: ``observations.csv`` built from the transcribed source files and the corrections,
loaded with the user's own folder added.

:mod:`~jbanalysis.sources.build` (build), :mod:`~jbanalysis.sources.corrections`,
:mod:`~jbanalysis.sources.package` (``datapackage.json``), :mod:`~jbanalysis.sources.observations`
(load), :mod:`~jbanalysis.sources.user` (the user's data folder) and
:mod:`~jbanalysis.sources.read` (a user's table, judged against the bundle). Nothing here reads
the selected panel.
"""
