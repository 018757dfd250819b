"""Measure the contract check against the labelled agreements in ../shared/eval/.

Prints three tables (the development set, documents 01–22 and 60–82; the held-back set,
documents 53–59, which nobody reads while working on the rules; and all documents): per
provision and overall,
agreement with the labels, missed gaps (labelled missing or partial, reported present) and
false alarms (labelled present, reported missing); for conflicts, the labelled kinds found and
the extra kinds reported; and how wrong statuses and low confidence overlap.

Its operator section (``--operators``: that section only) measures vetting an app
(``sdpa vet``) against each document's ``operator`` label (``../shared/eval/OPERATORS.md``):
audience agreement, and per restriction agreement, the costly error (labelled allowed or
limited, reported prohibited or silent) and, of the documents labelled allowed, the share
reported allowed or limited; in the same three rows, the held-back set in aggregate only.

    python benchmarks/accuracy.py [--eval DIR] [--verbose] [--operators] [--development]

``--development`` reads only the development set (for tuning: the held-back set is not read).
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
from generator.checking.analysis import check_contract  # noqa: E402
from generator.checking.operators import vet_read  # noqa: E402
from generator.vetting import RESTRICTION_IDS  # noqa: E402
from generator.reading.extract import read_document  # noqa: E402

#: our conflict kinds → the evaluation set's kinds
KIND_MAP = {"ownership": "other", "profiling": "other", "disclosure": "other"}
#: documents kept back from all work on the rules: never read, never printed in detail
HELD_BACK = range(53, 60)


def held_back(number: int) -> bool:
    """True for a document of the held-back set (53–59)."""
    return number in HELD_BACK


def check_all(eval_dir: Path, verbose: bool = False, development: bool = False) -> list[dict]:
    """One row per labelled document: its number, the labels, the statuses, confidences and
    conflict kinds the check reports. ``development`` leaves the held-back set unread."""
    labels = json.loads((eval_dir / "labels.json").read_text())
    library = default_library()
    rows = []
    for item in labels:
        if development and held_back(int(item["id"][:2])):
            continue
        doc = read_document(eval_dir / "docs" / f"{item['id']}.txt")
        report = check_contract(doc, library)
        got = {f.id: f.status for f in report.provisions}
        conf = {f.id: getattr(f, "confidence", "high") for f in report.provisions}
        want_kinds = {c["kind"] for c in item["conflicts"]}
        got_kinds = {KIND_MAP.get(c.kind, c.kind) for c in report.conflicts}
        rows.append({"id": item["id"], "number": int(item["id"][:2]), "want": item["provisions"],
                     "got": got, "confidence": conf, "want_kinds": want_kinds, "got_kinds": got_kinds})
        if verbose and not held_back(rows[-1]["number"]):
            for f in report.provisions:
                want = item["provisions"][f.id]
                if want != f.status:
                    print(f"  {item['id']:<40} {f.id:<20} label={want:<8} got={f.status:<8} "
                          f"conf={conf[f.id]:<4} {(f.evidence[0].text[:110] if f.evidence else '')!r}")
            if want_kinds != got_kinds:
                print(f"  {item['id']:<40} conflicts label={sorted(want_kinds)} got={sorted(got_kinds)}")
                for c in report.conflicts:
                    if KIND_MAP.get(c.kind, c.kind) not in want_kinds:
                        print(f"      extra {c.kind}: {c.text[:120]!r}")
    return rows


def evaluate(rows: list[dict]) -> dict:
    """Aggregate document rows into per-provision, conflict and confidence figures."""
    per = defaultdict(lambda: {"n": 0, "agree": 0, "gap_n": 0, "missed": 0, "present_n": 0, "false_alarm": 0})
    conf = {"docs_labelled": 0, "docs_found": 0, "kinds_labelled": 0, "kinds_found": 0,
            "clean_docs": 0, "clean_docs_flagged": 0, "extra_kinds": 0}
    by_kind = defaultdict(lambda: [0, 0])  # labelled kind → [found, labelled]
    low = {"n": 0, "low": 0, "wrong": 0, "wrong_low": 0, "missed": 0, "missed_low": 0}
    for row in rows:
        for pid in PROVISION_IDS:
            want, got, c = row["want"][pid], row["got"][pid], row["confidence"][pid]
            s = per[pid]
            s["n"] += 1
            s["agree"] += want == got
            if want in ("missing", "partial"):
                s["gap_n"] += 1
                s["missed"] += got == "present"
            else:
                s["present_n"] += 1
                s["false_alarm"] += got == "missing"
            low["n"] += 1
            low["low"] += c == "low"
            low["wrong"] += want != got
            low["wrong_low"] += want != got and c == "low"
            missed = want != "present" and got == "present"
            low["missed"] += missed
            low["missed_low"] += missed and c == "low"
        want_kinds, got_kinds = row["want_kinds"], row["got_kinds"]
        if want_kinds:
            conf["docs_labelled"] += 1
            conf["docs_found"] += bool(got_kinds)
            conf["kinds_labelled"] += len(want_kinds)
            conf["kinds_found"] += len(want_kinds & got_kinds)
        else:
            conf["clean_docs"] += 1
            conf["clean_docs_flagged"] += bool(got_kinds)
        conf["extra_kinds"] += len(got_kinds - want_kinds)
        for k in want_kinds:
            by_kind[k][0] += k in got_kinds
            by_kind[k][1] += 1
    return {"provisions": dict(per), "conflicts": conf, "by_kind": dict(by_kind),
            "confidence": low, "documents": len(rows)}


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "   - "


def print_table(title: str, result: dict) -> None:
    per = result["provisions"]
    print(f"\n## {title}: {result['documents']} labelled documents\n")
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
    for kind, (found, n) in sorted(result["by_kind"].items()):
        print(f"| … `{kind}` | {found}/{n} |")
    print(f"| documents labelled without conflicts where one was reported (false alarms) | {c['clean_docs_flagged']}/{c['clean_docs']} |")
    print(f"| conflict kinds reported that the labels do not list | {c['extra_kinds']} |")
    lo = result["confidence"]
    print("\n| confidence | share |")
    print("| --- | ---: |")
    print(f"| wrong statuses marked low | {lo['wrong_low']}/{lo['wrong']} {pct(lo['wrong_low'], lo['wrong'])} |")
    print(f"| missed gaps marked low | {lo['missed_low']}/{lo['missed']} {pct(lo['missed_low'], lo['missed'])} |")
    print(f"| all statuses marked low | {lo['low']}/{lo['n']} {pct(lo['low'], lo['n'])} |")


def vet_all(eval_dir: Path, verbose: bool = False, development: bool = False) -> list[dict]:
    """One row per document with an ``operator`` label: its number, the labels and what
    vetting it as an app reports. ``verbose`` lists the disagreements on the development set
    (never the held-back set); ``development`` leaves the held-back set unread (while tuning)."""
    labels = json.loads((eval_dir / "labels.json").read_text())
    library = default_library()
    rows = []
    for item in labels:
        want = item.get("operator")
        if not want or (development and held_back(int(item["id"][:2]))):
            continue
        report = vet_read([read_document(eval_dir / "docs" / f"{item['id']}.txt")], library)
        got = {"audience": report.audience, **{rid: report.restriction(rid).status for rid in RESTRICTION_IDS}}
        low = {rid: report.restriction(rid).confidence == "low" for rid in RESTRICTION_IDS}
        rows.append({"id": item["id"], "number": int(item["id"][:2]), "want": want, "got": got, "low": low})
        if verbose and not held_back(rows[-1]["number"]):
            for key in ("audience", *RESTRICTION_IDS):
                if want[key] != got[key]:
                    ev = report.restriction(key).evidence if key != "audience" else report.audience_evidence
                    print(f"  {item['id']:<40} {key:<21} label={want[key]:<10} got={got[key]:<10} "
                          f"{(ev[0].text[:120] if ev else '')!r}")
    return rows


def evaluate_operators(rows: list[dict]) -> dict:
    """Aggregate vetting rows: audience agreement; per restriction agreement, the costly error
    and how many labelled allowed were reported allowed or limited."""
    out = {"documents": len(rows), "audience": sum(r["want"]["audience"] == r["got"]["audience"] for r in rows),
           "wrong": sum(r["want"][k] != r["got"][k] for r in rows for k in RESTRICTION_IDS),
           "wrong_low": sum(r["want"][k] != r["got"][k] and r["low"][k] for r in rows for k in RESTRICTION_IDS),
           "low": sum(r["low"][k] for r in rows for k in RESTRICTION_IDS), "n": len(rows) * len(RESTRICTION_IDS)}
    for rid in RESTRICTION_IDS:
        pairs = [(r["want"][rid], r["got"][rid]) for r in rows]
        open_ = [(w, g) for w, g in pairs if w in ("allowed", "limited")]
        labelled_allowed = [(w, g) for w, g in pairs if w == "allowed"]
        out[rid] = {"agree": sum(w == g for w, g in pairs), "n": len(pairs),
                    "costly": sum(g in ("prohibited", "silent") for _, g in open_), "open": len(open_),
                    "caught": sum(g in ("allowed", "limited") for _, g in labelled_allowed),
                    "allowed": len(labelled_allowed)}
    return out


def print_operators(title: str, result: dict) -> None:
    n = result["documents"]
    print(f"\n## Vetting an app — {title}: {n} documents with an operator label\n")
    print(f"Audience agreement: {result['audience']}/{n} {pct(result['audience'], n)}\n")
    print("| restriction | agreement | costly error (allowed/limited → prohibited/silent) | allowed → allowed/limited |")
    print("| --- | ---: | ---: | ---: |")
    for rid in RESTRICTION_IDS:
        s = result[rid]
        print(f"| {rid} | {s['agree']}/{s['n']} {pct(s['agree'], s['n'])} | {s['costly']}/{s['open']} "
              f"{pct(s['costly'], s['open'])} | {s['caught']}/{s['allowed']} {pct(s['caught'], s['allowed'])} |")
    print(f"\nWrong statuses marked low confidence: {result['wrong_low']}/{result['wrong']} "
          f"{pct(result['wrong_low'], result['wrong'])}; all statuses marked low: {result['low']}/{result['n']} "
          f"{pct(result['low'], result['n'])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # the main checkout sits beside shared/, a worktree one level deeper
    default = next((d for d in (ROOT.parent / "shared" / "eval", ROOT.parent.parent / "shared" / "eval")
                    if d.is_dir()), ROOT.parent / "shared" / "eval")
    ap.add_argument("--eval", type=Path, default=default)
    ap.add_argument("--verbose", action="store_true",
                    help="list every disagreement on the development set (never the held-back set)")
    ap.add_argument("--operators", action="store_true", help="only the operator section (vetting an app)")
    ap.add_argument("--development", action="store_true",
                    help="the development set only; the held-back set is not even read (for tuning)")
    args = ap.parse_args()
    if args.operators or not args.development:
        vets = vet_all(args.eval, args.verbose, development=args.development)
        print_operators("development set (01–22, 60–82)",
                        evaluate_operators([r for r in vets if not held_back(r["number"])]))
        if not args.development:
            print_operators("held-back set (53–59)", evaluate_operators([r for r in vets if held_back(r["number"])]))
            print_operators("all documents", evaluate_operators(vets))
    if args.operators:
        return
    rows = check_all(args.eval, args.verbose, development=args.development)
    print_table("Development set (01–22, 60–82)",
                evaluate([r for r in rows if not held_back(r["number"])]))
    if args.development:
        return
    print_table("Held-back set (53–59)", evaluate([r for r in rows if held_back(r["number"])]))
    print_table("All documents", evaluate(rows))


if __name__ == "__main__":
    main()
