"""The registry: every domain fact once, read from ``data/*.csv``.

Districts and groups (:mod:`~jbanalysis.registry.districts`), indicators and units
(:mod:`~jbanalysis.registry.indicators`), comparability breaks (:mod:`~jbanalysis.registry.breaks`),
the bilingual terms (:mod:`~jbanalysis.registry.terms`), the domain lists and column sets
(:mod:`~jbanalysis.registry.schema`), where the bundled files are
(:mod:`~jbanalysis.registry.paths`) and how a long table's names and units are made canonical
(:mod:`~jbanalysis.registry.harmonise`). It imports nothing of the flow above it.
"""
