"""The claims check: a ledger of published claims (:mod:`~jbanalysis.claims.ledger`) checked
against the sourced data (:mod:`~jbanalysis.claims.check`)."""
