"""``jbanalysis claims``: check a claims ledger against the bundled data and print the verdicts;
or draft a ledger from an article's text.

Example: ``jbanalysis claims --lang en`` checks ``data/claims.csv``; ``jbanalysis claims --file
my_claims.csv`` checks a ledger of your own (same columns, ``docs/claims.md``). Prints the one-line
summary, then each claim with its verdict and evidence — what report 05 shows. Ledger rows that
cannot be read are listed on stderr with their row and column; the other rows are still checked.
Exit status 0 when every row was checked, 1 when some were rejected, 2 on an unusable ledger.

``jbanalysis claims --text article.txt [--published 2024-01-15] [--url …] [--district 江北]``
drafts a ledger from the text (:func:`jbanalysis.extract_claims`), writes it for review
(``--out``: ``.csv`` or ``.xlsx``; default ``<article>.claims.csv`` beside the text), lists the
numbers it did not encode with why, and with ``--check`` prints the verdicts on the draft at once.
Heavy imports (pandas, the panel) happen in :func:`run`, not at import.
"""

from __future__ import annotations

import argparse
import sys

from jbanalysis.cli.common import add_user_dir, user_folder
from jbanalysis.cli.words import say

EXAMPLES = (
    "jbanalysis claims --lang en",
    "jbanalysis claims --district 江北 --verdict partly",
    "jbanalysis claims --file my_claims.csv",
    "jbanalysis claims --text article.txt --published 2024-01-15 --check",
)

VERDICT_CHOICES = ("consistent", "contradicted", "partly", "unverifiable")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``claims`` options to its sub-parser."""
    from jbanalysis.registry.terms import LANGS

    parser.add_argument("--file", default=None, help=say("claims.file"))
    parser.add_argument("--lang", default="zh", choices=LANGS, help=say("claims.lang"))
    parser.add_argument("--district", default=None, help=say("claims.district"))
    parser.add_argument(
        "--verdict", default=None, choices=VERDICT_CHOICES, help=say("claims.verdict")
    )
    parser.add_argument("--text", default=None, metavar="FILE", help=say("claims.text"))
    parser.add_argument("--published", default="", help=say("claims.published"))
    parser.add_argument("--url", default="", help=say("claims.url"))
    parser.add_argument("--title", default="", help=say("claims.title"))
    parser.add_argument("--out", default=None, metavar="FILE", help=say("claims.out"))
    parser.add_argument("--check", action="store_true", help=say("claims.check"))
    add_user_dir(parser)


def draft(args: argparse.Namespace) -> str:
    """Draft a ledger from ``--text``, write it, list what was not encoded; the draft's path."""
    from pathlib import Path

    from jbanalysis.claims.extract.draft import drafted_sentence, extract_claims, write_draft

    text = Path(args.text)
    if not text.is_file():
        raise ValueError(f"--text: no file at {text}")
    if args.file:
        raise ValueError("--text drafts a ledger and --file checks one: give one of them")
    found = extract_claims(
        text, published=args.published, url=args.url, title=args.title, district=args.district or ""
    )
    out = Path(args.out) if args.out else text.with_suffix(".claims.csv")
    write_draft(found, out)
    skipped = found.attrs["skipped"]  # records: sentence, number, reason
    print(drafted_sentence(len(found), text, out, len(skipped), args.lang))
    for row in skipped:
        print(f"    {row['number']}: {row['reason']}  〔{row['sentence']}〕")
    return str(out)


def run(args: argparse.Namespace) -> int:
    """Print the summary and every claim's verdict; 1 if some ledger rows were rejected."""
    if args.text:
        ledger = draft(args)
        if not args.check:
            return 0
        print()
        args.file, args.district = ledger, None  # every drafted claim, whatever its district
    from jbanalysis.claims.check import check_claims
    from jbanalysis.claims.explain import claim_label, summary_sentence
    from jbanalysis.registry.districts import resolve_district
    from jbanalysis.registry.terms import term

    district = resolve_district(args.district) if args.district else None
    try:
        with user_folder(args.user_dir):
            result = check_claims(args.file, lang=args.lang)
    except FileNotFoundError as exc:  # the CLI reports it as a usage error (exit status 2)
        raise ValueError(f"--file: {exc}") from None
    report = result.attrs["report"]
    shown = result
    if district is not None:
        shown = shown[shown["district"] == district]
    if args.verdict is not None:
        wanted = {"partly": "partly checkable", "unverifiable": "not verifiable"}
        shown = shown[shown["verdict"] == wanted.get(args.verdict, args.verdict)]
    print(summary_sentence(result, district, args.lang))
    print(str(report))
    for row in shown.to_dict("records"):
        verdict = term(
            {
                "consistent": "claims_consistent",
                "contradicted": "claims_contradicted",
                "partly checkable": "claims_partly",
                "not verifiable": "claims_not_verifiable",
            }[row["verdict"]],
            args.lang,
        )
        print()
        print(f"{row['claim_id']} [{verdict}] {claim_label(row, args.lang)}")
        print(f"    {row['text']}")
        print(f"    {row['explanation']}")
    for problem in report.problems:
        print(f"jbanalysis claims: rejected: {problem}", file=sys.stderr)
    return 1 if report.problems else 0
