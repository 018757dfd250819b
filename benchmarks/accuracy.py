"""Measure the contract check against the labelled agreements in ../shared/eval/.

Prints, per provision and overall: agreement with the labels, missed gaps (labelled missing or
partial, reported present) and false alarms (labelled present, reported missing); and for
conflicts, the labelled documents where a conflict was found and the extra kinds reported.

    python benchmarks/accuracy.py [--eval DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import PROVISION_IDS, default_library  # noqa: E402
from generator.analysis import check_contract  # noqa: E402
from generator.extract import read_document  # noqa: E402

#: our conflict kinds → the evaluation set's kinds
KIND_MAP = {"ownership": "other", "profiling": "other", "disclosure": "other"}


def evaluate(eval_dir: Path, verbose: bool = False) -> dict:
    labels = json.loads((eval_dir / "labels.json").read_text())
    library = default_library()
    per = defaultdict(lambda: {"n": 0, "agree": 0, "gap_n": 0, "missed": 0, "present_n": 0, "false_alarm": 0})
    conf = {"docs_labelled": 0, "docs_found": 0, "kinds_labelled": 0, "kinds_found": 0,
            "clean_docs": 0, "clean_docs_flagged": 0, "extra_kinds": 0}
    for item in labels:
        doc = read_document(eval_dir / "docs" / f"{item['id']}.txt")
        report = check_contract(doc, library)
        for f in report.provisions:
            want, got = item["provisions"][f.id], f.status
            s = per[f.id]
            s["n"] += 1
            s["agree"] += want == got
            if want in ("missing", "partial"):
                s["gap_n"] += 1
                s["missed"] += got == "present"
            else:
                s["present_n"] += 1
                s["false_alarm"] += got == "missing"
            if verbose and want != got:
                print(f"  {item['id']:<40} {f.id:<20} label={want:<8} got={got:<8} "
                      f"{(f.evidence[0].text[:110] if f.evidence else '')!r}")
        want_kinds = {c["kind"] for c in item["conflicts"]}
        got_kinds = {KIND_MAP.get(c.kind, c.kind) for c in report.conflicts}
        if want_kinds:
            conf["docs_labelled"] += 1
            conf["docs_found"] += bool(got_kinds)
            conf["kinds_labelled"] += len(want_kinds)
            conf["kinds_found"] += len(want_kinds & got_kinds)
        else:
            conf["clean_docs"] += 1
            conf["clean_docs_flagged"] += bool(got_kinds)
        conf["extra_kinds"] += len(got_kinds - want_kinds)
        if verbose and want_kinds != got_kinds:
            print(f"  {item['id']:<40} conflicts label={sorted(want_kinds)} got={sorted(got_kinds)}")
            for c in report.conflicts:
                if KIND_MAP.get(c.kind, c.kind) not in want_kinds:
                    print(f"      extra {c.kind}: {c.text[:120]!r}")
    return {"provisions": dict(per), "conflicts": conf, "documents": len(labels)}


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "   - "


def print_table(result: dict) -> None:
    per = result["provisions"]
    print(f"Contract check on {result['documents']} labelled documents\n")
    print("| provision | agreement | missed gaps | false alarms |")
    print("| --- | ---: | ---: | ---: |")
    tot = defaultdict(int)
    for pid in PROVISION_IDS:
        s = per[pid]
        for k, v in s.items():
            tot[k] += v
        print(f"| {pid} | {s['agree']}/{s['n']} {pct(s['agree'], s['n'])} | "
              f"{s['missed']}/{s['gap_n']} {pct(s['missed'], s['gap_n'])} | "
              f"{s['false_alarm']}/{s['present_n']} {pct(s['false_alarm'], s['present_n'])} |")
    print(f"| **overall** | **{tot['agree']}/{tot['n']} {pct(tot['agree'], tot['n'])}** | "
          f"**{tot['missed']}/{tot['gap_n']} {pct(tot['missed'], tot['gap_n'])}** | "
          f"**{tot['false_alarm']}/{tot['present_n']} {pct(tot['false_alarm'], tot['present_n'])}** |")
    c = result["conflicts"]
    print("\n| conflicts | found |")
    print("| --- | ---: |")
    print(f"| documents labelled with a conflict where one was found | {c['docs_found']}/{c['docs_labelled']} |")
    print(f"| labelled conflict kinds found | {c['kinds_found']}/{c['kinds_labelled']} {pct(c['kinds_found'], c['kinds_labelled'])} |")
    print(f"| documents labelled without conflicts where one was reported (false alarms) | {c['clean_docs_flagged']}/{c['clean_docs']} |")
    print(f"| conflict kinds reported that the labels do not list | {c['extra_kinds']} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--verbose", action="store_true", help="list every disagreement")
    args = ap.parse_args()
    print_table(evaluate(args.eval, args.verbose))


if __name__ == "__main__":
    main()
