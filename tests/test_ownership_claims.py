"""Ownership of student data claimed by the vendor, however the contract names the vendor, and a
perpetual licence over student content granted to it, are conflicts with § 10-234bb(a)(1); the
school's, a student's or a family's ownership, and a vendor's denial, are not. (Found by a new
user's walk: a vendor named by its own name owning "all student data" passed as compliant.)"""

from __future__ import annotations

import pytest

from generator.checking.analysis import check_contract
from generator.reading.extract import read_data


def kinds(text: str) -> set[str]:
    return {c.kind for c in check_contract(read_data(text.encode(), "terms.txt")).conflicts}


@pytest.mark.parametrize("text", [
    "Notwithstanding any other term, Lumenly owns all student data it receives.",
    "Quillcraft Inc. shall own all student-generated content created in the app.",
    "Upon delivery, Tallyho becomes the sole owner of the pupil records.",
    "We own all student content uploaded to the service.",
    "The District grants Orbitline a perpetual, irrevocable licence to copy and publish student-generated content.",
    "Users give Orbitline an irrevocable right to reuse the student work they submit.",
])
def test_the_vendor_owning_student_data_or_taking_a_perpetual_licence_is_a_conflict(text):
    assert "ownership" in kinds(text)


@pytest.mark.parametrize("text", [
    "As between the parties, the District owns all student data.",
    "Students and their families own the work the students create.",
    "Lumenly does not own any student data.",
    "Each teacher sees only their own student data.",
    "Orbitline grants the District a perpetual, irrevocable licence to use the software and its content.",
])
def test_the_schools_or_familys_ownership_or_a_denial_is_no_conflict(text):
    assert "ownership" not in kinds(text)
