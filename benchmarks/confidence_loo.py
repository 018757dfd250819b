"""Choose the frame signals that mark a status low, leave-one-document-out on the development
set (documents 01–22 and 60–82 of ../shared/eval/; the held-back 53–59 are never read).

For each development document, the combination of at most three candidate signals that marks the
most wrong statuses low while marking at most 25% of all statuses low is chosen on the other
documents and applied to that one. Prints the combination chosen in each fold and the
leave-one-out figures: wrong statuses marked low, all statuses marked low.

    python benchmarks/confidence_loo.py [--eval DIR]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from accuracy import held_back  # noqa: E402

from generator import default_library  # noqa: E402
from generator.checking.analysis import check_contract  # noqa: E402
from generator.checking.frame_rules import frame_gaps  # noqa: E402
from generator.checking.frames import read_frame  # noqa: E402
from generator.reading.extract import read_document  # noqa: E402

FRAME_DOUBTS = ("every sentence it rests on", "it rests on one sentence", "no sentence it rests on")
MAX_LOW = 0.25
REACHES = (2, 3, 4, 5, 6, 99)  # candidates for frames.VERB_REACH
RULES = {p.id: p.detect.frame for p in default_library().provisions}


def incomplete(finding, reach: int) -> bool:
    """A present finding none of whose sentences states the whole duty (one of the provision's
    ``duty_actions``, nothing missing), with frames read at ``reach``."""
    rule = RULES[finding.id]
    return finding.status == "present" and bool(rule.duty_actions) and not any(
        set(f.actions) & set(rule.duty_actions) and not frame_gaps(f, rule)
        for f in (read_frame(e.text, reach) for e in finding.evidence))


def signals(finding, about_data: bool) -> dict[str, bool]:
    """The candidate signals of one finding, from the frames of its evidence; ``about_data``:
    the provision governs student data (its frame rule says so)."""
    frames = [read_frame(e.text) for e in finding.evidence]
    present = finding.status == "present"
    return {
        "exception": present and bool(frames) and all(f.conditions for f in frames),
        "one sentence, no student data": present and about_data and len(frames) == 1 and frames[0].data != "student",
        "no student data": present and about_data and not any(f.data == "student" for f in frames),
        "no shall/will/must": present and not any(f.binding for f in frames),
        "not the contractor": present and not any(f.bound == "contractor" for f in frames),
        "one sentence": present and len(frames) == 1,
        # a partial finding that no evidence makes a duty of the contractor's: a mention only,
        # where the labels may as well say missing
        "partial, one sentence, no contractor duty": (finding.status == "partial" and len(frames) == 1
                                                      and not any(f.bound == "contractor" and f.binding for f in frames)),
        "partial, no contractor duty, no student data": (finding.status == "partial" and not any(
            f.bound == "contractor" and f.binding for f in frames) and not any(f.data == "student" for f in frames)),
        "partial, one sentence, no student data": (finding.status == "partial" and len(frames) == 1
                                                   and frames[0].data != "student"),
        "rests on a scope": bool(frames) and any(f.scope for f in frames),
        **{f"present, no complete frame of its action (reach {r})": incomplete(finding, r) for r in REACHES},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = next((d for d in (ROOT.parent / "shared" / "eval", ROOT.parent.parent / "shared" / "eval")
                    if d.is_dir()), ROOT.parent / "shared" / "eval")
    ap.add_argument("--eval", type=Path, default=default)
    args = ap.parse_args()
    library = default_library()
    rows = []  # (document, wrong, low without the frame doubts, signals)
    for item in json.loads((args.eval / "labels.json").read_text()):
        if held_back(int(item["id"][:2])):
            continue
        report = check_contract(read_document(args.eval / "docs" / f"{item['id']}.txt"), library)
        for f in report.provisions:
            base = any(not d.startswith(FRAME_DOUBTS) for d in f.doubts)
            about = library.provision(f.id).detect.frame.about_data
            rows.append((item["id"], item["provisions"][f.id] != f.status, base, signals(f, about)))
    names = list(rows[0][3])
    combos = [c for k in (1, 2, 3) for c in itertools.combinations(names, k)]

    def marks(combo, row):
        return row[2] or any(row[3][c] for c in combo)

    def score(combo, sub):
        low = [marks(combo, r) for r in sub]
        if sum(low) > MAX_LOW * len(sub):
            return (-1, 0)
        return (sum(r[1] and lo for r, lo in zip(sub, low)), -sum(low))

    chosen, wrong, wrong_low, low, n = Counter(), 0, 0, 0, 0
    for doc in sorted({r[0] for r in rows}):
        train = [r for r in rows if r[0] != doc]
        best = max(combos, key=lambda c: score(c, train))
        chosen[" + ".join(best)] += 1
        for r in (r for r in rows if r[0] == doc):
            lo = marks(best, r)
            n, low, wrong = n + 1, low + lo, wrong + r[1]
            wrong_low += r[1] and lo
    print("combination chosen (folds):")
    for combo, k in chosen.most_common():
        print(f"  {k:3}  {combo}")
    print(f"leave-one-out: wrong statuses marked low {wrong_low}/{wrong} {100 * wrong_low / max(wrong, 1):.1f}%, "
          f"all statuses marked low {low}/{n} {100 * low / max(n, 1):.1f}%")


if __name__ == "__main__":
    main()
