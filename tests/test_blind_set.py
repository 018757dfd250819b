"""Every batch of the blind set (benchmarks/blind/*.yaml) is well formed: a mislabelled passage would
silently score nothing (an unknown provision id) or everything (an impossible status)."""

from __future__ import annotations

import sys
from pathlib import Path

from generator import PROVISION_IDS, RESTRICTION_IDS

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

from blind import batches, load  # noqa: E402

CONFLICT_KINDS = {"advertising", "sale", "retention", "governing_law_other_state", "unilateral_change", "other"}


def test_every_passage_names_a_known_provision_or_conflict_kind_and_a_possible_answer():
    halves = [f"batch{n}{half}.yaml" for n in range(3, 8) for half in "ab"]  # read half, kept-blind half
    whole = ["batch8.yaml", "batch9.yaml"]  # written last, never read
    eleventh = [f"batch{n}{half}.yaml" for n in (10, 11) for half in "ab"]  # the eleventh round's, split the same way
    sixteenth = ["batch12.yaml"]  # written at the start of the sixteenth round, never read
    twentieth = ["batch13a.yaml", "batch13b.yaml"]  # close calls on five provisions, split as the eleventh round's
    assert [p.name for p in batches()] == ["passages.yaml", "batch2.yaml", *halves, *whole, *eleventh, *sixteenth,
                                           *twentieth, "vetting.yaml"]
    every = [item["id"] for path in batches() for item in load(path)]
    assert len(every) == len(set(every)), "two passages share an id"
    for path in batches():
        check_batch(load(path), FIVE if path.name in twentieth else set(PROVISION_IDS))


# the provisions the never-read whole agreements got wrong most, which batch 13 was written for
FIVE = {"use_limitation", "breach_notification", "no_retention", "no_advertising", "security"}


def check_batch(items: list[dict], provisions: set[str] = set(PROVISION_IDS)) -> None:
    if any("restriction" in item or "audience" in item for item in items):  # app terms to vet
        for item in items:
            assert item["text"].strip(), item["id"]
            if "audience" in item:
                assert item["audience"] in {"school", "general", "unclear"}, item["id"]
            else:
                assert item["restriction"] in RESTRICTION_IDS, item["id"]
                assert item["expect"] and item["expect"] <= {"prohibited", "limited", "silent", "allowed"}, item["id"]
        assert {item.get("restriction") for item in items} - {None} == set(RESTRICTION_IDS)
        return
    for item in items:
        assert item["text"].strip(), item["id"]
        if "provision" in item:
            assert item["provision"] in PROVISION_IDS, item["id"]
            assert item["expect"] and item["expect"] <= {"present", "partial", "missing"}, item["id"]
        else:
            assert item["conflict"] in CONFLICT_KINDS, item["id"]
            assert isinstance(item["reported"], bool), item["id"]
    assert {item["provision"] for item in items if "provision" in item} == provisions
