"""Drafting a claims ledger from the text of an article (issue 17): :func:`extract_claims`.

:mod:`.reading` (the article, its sentences) → :mod:`.mentions` (the numbers of a clause) →
:mod:`.keys` and :mod:`.context` (what each is a number of, where and when) → :mod:`.resolve`
(a drafted row or a reason) → :mod:`.draft` (the ledger, written for review).
"""
