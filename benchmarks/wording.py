"""The wording benchmark (issue 18): how well `reportgen check` reads real council wording.

    python benchmarks/wording.py              # overall, by kind and by council
    python benchmarks/wording.py --misses     # also every entry the checker got wrong, and why
    python benchmarks/wording.py --corpus tests/wording/holdout.yaml   # the clean hold-out
    python benchmarks/wording.py --corpus tests/wording/holdout11.yaml tests/wording/holdout14.yaml

Every sentence of tests/wording/corpus.yaml is checked against data made to match it
(tests/wording/harness.py): recall is the share of wrong figures reported as
figures.literal-mismatch naming the data's figure at the sentence's precision; a false error is
a figures.* error on a correct sentence; precision is right mismatches over all figure errors
raised. Entries the data model cannot express yet are counted apart, not as misses.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.wording import harness  # noqa: E402
from tests.wording.harness import (  # noqa: E402
    CORPUS,
    Outcome,
    Score,
    breakdown,
    load_corpus,
    run_corpus,
    score,
)

_HEADER = (f"{'':28} {'entries':>7} {'testable':>8} {'n/e':>4} {'caught':>6} {'right':>5} "
           f"{'recall':>6} {'recog.':>6} {'false err':>9} {'precision':>9}")


def _row(name: str, s: Score) -> str:
    recall = f"{s.recall:.0%}" if s.expressible else "-"
    raised = s.named_right + s.false_positives
    precision = f"{s.precision:.0%}" if raised else "-"
    false = f"{s.false_error_sentences}/{s.sentences}"
    return (f"{name[:28]:28} {s.entries:>7} {s.expressible:>8} {s.not_expressible:>4} "
            f"{s.caught:>6} {s.named_right:>5} {recall:>6} {s.recognised:>6} {false:>9} "
            f"{precision:>9}")


def table(title: str, rows: Mapping[str, Score]) -> list[str]:
    return [title, _HEADER, *(_row(k, v) for k, v in rows.items()), ""]


def misses(outcomes: list[Outcome]) -> list[str]:
    out = ["Entries not passed (testable only):"]
    for o in outcomes:
        if not o.expressible or o.passed:
            continue
        e = o.entry
        if o.build_error:
            why = f"bundle not built: {o.build_error}"
        elif o.true_errors:
            why = f"false error: {o.true_errors[0]}"
        elif o.caught:
            why = f"caught but misnamed (wanted {o.expected}): {o.wrong_messages[0]}"
        else:
            why = "wrong figure not reported" + ("" if o.recognised else
                                                 "; right figure not recognised either")
        out.append(f"  {e.id:28} {e.kind:17} {e.text!r}: {why}")
    return out


def _share(n: int, of: int) -> str:
    return f"{n} of {of} ({n / of:.0%})" if of else f"{n} of 0"


def issue_26_figures(s: Score) -> list[str]:
    """The four figures of issue 26's table: of the testable entries, wrong figures stopped as
    an error naming the true figure and flagged at all (error or warning naming it); of the
    correct sentences, those raised as an error and those only warned as a mismatch."""
    return [
        "Issue 26's four figures:",
        f"  wrong figure stopped as an error naming the true figure: "
        f"{_share(s.named_right_as_error, s.expressible)}",
        f"  wrong figure flagged at all (error or warning naming the true figure): "
        f"{_share(s.named_right, s.expressible)}",
        f"  correct sentence raised as an error: {_share(s.false_error_sentences, s.sentences)}",
        f"  correct sentence warned as a mismatch: "
        f"{_share(s.false_warning_sentences, s.sentences)}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every entry not passed")
    parser.add_argument("--corpus", type=Path, nargs="+", default=[CORPUS],
                        help="the corpus to measure (default: tests/wording/corpus.yaml; the "
                             "hold-outs are tests/wording/holdout*.yaml); several are pooled")
    parser.add_argument("--plain-report", action="store_true",
                        help="write report.yaml without budget_scope and abbreviations, to "
                             "measure a checker older than those keys (issue 26's 'before')")
    args = parser.parse_args(argv)
    for path in args.corpus:
        if not path.is_file():
            parser.error(f"{path}: no such corpus file")
    harness.DECLARE_NAMES = not args.plain_report
    outcomes = run_corpus([e for path in args.corpus for e in load_corpus(path)])
    total = score(outcomes)
    lines = [f"corpus: {', '.join(str(p) for p in args.corpus)}", ""]
    lines += table("Overall", {"all entries": total})
    lines += table("Hold-out halves (by council, see tests/wording/README.md)",
                   breakdown(outcomes, "half"))
    lines += table("By kind", breakdown(outcomes, "kind"))
    lines += table("By council", breakdown(outcomes, "council"))
    lines.append(
        f"recall {total.recall:.1%} ({total.named_right} of {total.expressible} wrong figures "
        f"reported and named right; {total.caught} reported at all); "
        f"precision {total.precision:.1%}; false errors on "
        f"{total.false_error_sentences} of {total.sentences} correct sentences; "
        f"{total.recognised} right figures recognised as hand-typed; "
        f"{total.named_right_as_error} of the {total.named_right} named right as errors "
        f"(the rest as warnings); mismatch warnings on {total.false_warning_sentences} more "
        "correct sentences; "
        f"{total.not_expressible} entries not expressible yet")
    lines += ["", *issue_26_figures(total)]
    lines.append("columns: testable = expressible in the data model; n/e = not expressible yet; "
                 "caught = mismatch raised on the number; right = ... naming the data's figure "
                 "at the sentence's precision; recog. = hand-typed warning on the right figure; "
                 "false err = correct sentences with a figures.* error")
    if args.misses:
        lines += ["", *misses(outcomes)]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
