"""Score the contract check on the blind set: short passages written for sdpa in our own words,
each labelled for one provision or one conflict kind before the check was run on it
(``benchmarks/blind/passages.yaml``). A measure of how the reading generalises, never a tuning
set: a rule is not changed to fit one of its passages.

Each passage is checked alone, as a text document; only its one provision (or conflict kind) is
scored. A passage labelled with a list of statuses counts as agreed when the check gives any of
them. Prints agreement per provision, the gaps called present (labelled partial or missing,
reported present: the costly error), false alarms (labelled present, reported missing), the
conflict kinds found and wrongly reported, how many of the wrong statuses are marked low
confidence (and how many of all statuses are), and every disagreement, except in the batches kept
blind (never read while the rules were written: the even halves ``batch<n>b.yaml`` and batches 8,
9 and 12), whose passages are only counted unless ``--show-unread`` is given. Scoring every batch ends
with the totals of the never-read and of the read batches.

    python benchmarks/blind.py                 # every batch of benchmarks/blind/, each scored apart, then totals
    python benchmarks/blind.py batch2.yaml     # one batch
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import KIND_MAP  # noqa: E402 - the evaluation set's conflict kinds, one map

from generator.checking.analysis import check_contract  # noqa: E402
from generator.library import default_library  # noqa: E402
from generator.checking.operators import vet_texts  # noqa: E402
from generator.reading.extract import read_data  # noqa: E402


def load(path: Path) -> list[dict]:
    """The passages, each with ``expect`` as a set of acceptable answers."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in items:
        if "provision" in item or "restriction" in item:
            want = item["expect"]
            item["expect"] = set(want if isinstance(want, list) else [want])
    return items


FOLDER = Path(__file__).resolve().parent / "blind"


def batches() -> list[Path]:
    """The blind set's batches, in the order they were written (``passages.yaml`` first)."""
    def order(path: Path) -> tuple:
        numbered = re.fullmatch(r"batch(\d+)(\w*)\.yaml", path.name)  # batch10a after batch9, not before batch2
        return (path.name != "passages.yaml", int(numbered[1]) if numbered else 10**6, numbered[2] if numbered else path.name)

    return sorted(FOLDER.glob("*.yaml"), key=order)


#: added whole and never read while the rules were written: batches 8 and 9 (written last in the tenth
#: round) and 12 (written at the start of the sixteenth, measured before and after it)
NEVER_READ_WHOLE = {"batch8.yaml", "batch9.yaml", "batch12.yaml"}


def never_read(path: Path) -> bool:
    """Whether the batch at ``path`` is kept blind: an even half (``batch<n>b.yaml``) or a batch added whole."""
    return path.name in NEVER_READ_WHOLE or re.fullmatch(r"batch\d+b\.yaml", path.name) is not None


def main() -> None:
    show_unread = "--show-unread" in sys.argv[1:]
    names = [a for a in sys.argv[1:] if a != "--show-unread"]
    library = default_library()
    totals = {True: Counter(), False: Counter()}  # never read → summed figures
    for path in [FOLDER / n for n in names] or batches():
        figures = score(path, library, show=show_unread or not never_read(path))
        if figures is not None:
            totals[never_read(path)] += figures
    if not names:
        print_totals(totals)


def print_totals(totals: dict[bool, Counter]) -> None:
    """The summed figures of the never-read and of the read batches."""
    print("## All batches of provision and conflict passages\n")
    print("| batches | passages | agreed | gaps called present | false alarms | conflict kinds found | "
          "reported where none | wrong statuses marked low | all statuses low |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for unread, name in ((True, "never read (even halves, batches 8, 9 and 12)"), (False, "read (odd halves, earlier batches)")):
        t = totals[unread]
        print(f"| {name} | {t['total']} | {t['agreed']} ({t['agreed'] / max(t['total'], 1):.1%}) | "
              f"{t['gaps']}/{t['gap_total']} ({t['gaps'] / max(t['gap_total'], 1):.1%}) | {t['alarms']}/{t['alarm_total']} | "
              f"{t['found']}/{t['found_total']} | {t['wrong']}/{t['wrong_total']} | {t['low_wrong']}/{t['wrongs']} | "
              f"{t['low']}/{t['total']} |")
    print()


def score(path: Path, library, show: bool = True) -> Counter | None:
    """Check every passage of the batch at ``path`` and print its figures and, when ``show``, its
    disagreements (a batch of app terms is vetted instead: :func:`score_vetting`). Returns the
    batch's figures for the totals (None for app terms)."""
    items = load(path)
    if any("restriction" in item or "audience" in item for item in items):
        score_vetting(path.name, items, library)
        return None
    per = defaultdict(lambda: [0, 0])  # provision → [agreed, passages]
    gaps = [0, 0]  # [called present, labelled partial/missing only]
    alarms = [0, 0]  # [reported missing, labelled present]
    found = [0, 0]  # conflict passages: [kind reported, labelled yes]
    wrong = [0, 0]  # [kind reported, labelled no]
    low = [0, 0, 0, 0]  # [wrong statuses marked low, wrong statuses, statuses marked low, statuses]
    misses = []
    for item in items:
        report = check_contract(read_data(item["text"].encode(), f"{item['id']}.txt"), library)
        if "provision" in item:
            finding = next(f for f in report.provisions if f.id == item["provision"])
            got = finding.status
            ok = got in item["expect"]
            is_low = finding.confidence == "low"
            low[0] += is_low and not ok
            low[1] += not ok
            low[2] += is_low
            low[3] += 1
            per[item["provision"]][0] += ok
            per[item["provision"]][1] += 1
            if "present" not in item["expect"]:
                gaps[1] += 1
                gaps[0] += got == "present"
            if item["expect"] == {"present"}:
                alarms[1] += 1
                alarms[0] += got == "missing"
            want = "/".join(sorted(item["expect"]))
        else:
            kinds = {KIND_MAP.get(c.kind, c.kind) for c in report.conflicts}
            reported = item["conflict"] in kinds
            ok = reported == item["reported"]
            tally = found if item["reported"] else wrong
            tally[0] += reported
            tally[1] += 1
            want = f"{item['conflict']} {'reported' if item['reported'] else 'not reported'}"
            got = f"{'reported' if reported else 'not reported'} (kinds: {', '.join(sorted(kinds)) or 'none'})"
        if not ok:
            misses.append(f"- {item['id']}: labelled {want}, got {got}")
    agreed, total = sum(a for a, _ in per.values()), sum(n for _, n in per.values())
    print(f"## The blind set, {path.name}: {len(items)} passages in our own words\n")
    print("| provision | agreed |\n| --- | ---: |")
    for pid, (a, n) in per.items():
        print(f"| {pid} | {a}/{n} |")
    print(f"| **all provisions** | **{agreed}/{total} ({agreed / total:.0%})** |\n")
    print(f"- gaps called present: {gaps[0]}/{gaps[1]} ({gaps[0] / gaps[1]:.0%})")
    print(f"- false alarms (labelled present, reported missing): {alarms[0]}/{alarms[1]}")
    print(f"- conflict kinds found: {found[0]}/{found[1]}; reported where the passage has none: "
          f"{wrong[0]}/{wrong[1]}")
    print(f"- confidence: {low[0]}/{low[1]} wrong statuses marked low ({low[0] / max(low[1], 1):.0%}); "
          f"{low[2]}/{low[3]} of all statuses low ({low[2] / max(low[3], 1):.0%})\n")
    if show:
        print("Disagreements:\n" + ("\n".join(misses) or "none") + "\n")
    else:
        print(f"Disagreements: {len(misses)}, not shown: this batch is kept blind (--show-unread lists them)\n")
    return Counter(total=total, agreed=agreed, gaps=gaps[0], gap_total=gaps[1], alarms=alarms[0], alarm_total=alarms[1],
                   found=found[0], found_total=found[1], wrong=wrong[0], wrong_total=wrong[1],
                   low_wrong=low[0], wrongs=low[1], low=low[2])


def score_vetting(name: str, items: list[dict], library) -> None:
    """Vet every passage of a batch of app terms alone and print, per restriction, how many
    agree, the costly error (labelled allowed or limited, reported prohibited or silent), the
    audience, and every disagreement."""
    per = defaultdict(lambda: [0, 0, 0, 0])  # restriction → [agreed, passages, costly, open]
    misses = []
    for item in items:
        report = vet_texts([(f"{item['id']}.txt", item["text"])], library)
        if "audience" in item:
            key, want, got = "audience", {item["audience"]}, report.audience
        else:
            key, want = item["restriction"], item["expect"]
            got = report.restriction(key).status
            per[key][2] += bool(want & {"allowed", "limited"}) and got in ("prohibited", "silent")
            per[key][3] += bool(want & {"allowed", "limited"})
        per[key][0] += got in want
        per[key][1] += 1
        if got not in want:
            misses.append(f"- {item['id']}: {key} labelled {'/'.join(sorted(want))}, got {got}")
    print(f"## The blind set, {name}: {len(items)} app terms in our own words\n")
    print("| restriction | agreed | costly error (allowed/limited → prohibited/silent) |\n| --- | ---: | ---: |")
    for key, (a, n, costly, open_) in per.items():
        print(f"| {key} | {a}/{n} | {f'{costly}/{open_}' if key != 'audience' else '—'} |")
    agreed, total = sum(v[0] for v in per.values()), sum(v[1] for v in per.values())
    print(f"| **all** | **{agreed}/{total} ({agreed / total:.0%})** | "
          f"**{sum(v[2] for v in per.values())}/{sum(v[3] for v in per.values())}** |\n")
    print("Disagreements:\n" + ("\n".join(misses) or "none") + "\n")


if __name__ == "__main__":
    main()
