"""Text: numbers, names, lists and tables as printed (:mod:`~jbanalysis.text.formatting`), and the
takeaway sentences of each report on top of them (:mod:`jbanalysis.text.sentences`)."""
