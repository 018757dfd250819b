"""The fifteenth round: concepts found by sentences of our own in genres the earlier rounds had not
written, and the readings the fourteenth round left. Every sentence here is our own wording. Each test
of a new reading failed before the round's change; the cases marked "stays" held before and must
still hold."""

from __future__ import annotations

import pytest

from .test_duty_phrasings import status
from .test_duty_phrasings_14 import conflict_kinds


# ---------------------------------------------------------------- ownership: title the school keeps, said in the passive


@pytest.mark.parametrize("text", [
    "Title to all Student Data is retained by the Board at all times.",
    "All right, title and interest in and to the Pupil Records is and shall be retained by the District.",
    "Ownership of Customer Data, including all student records, is reserved to the School.",
])
def test_title_kept_by_the_school_in_the_passive_is_ownership(library, text):
    assert status(text, library, "ownership") == "present"


@pytest.mark.parametrize("text", [
    "Title to the Software is retained by the Vendor, and the District receives a licence to use it.",
    "Title to all equipment is retained by the District until it is paid for in full.",
    "Title to student records is not retained by the District once they are sent to the Vendor.",
])
def test_title_to_other_things_or_kept_by_another_is_no_ownership(library, text):  # stays
    assert status(text, library, "ownership") == "missing"


# ---------------------------------------------------------------- retention: deletion only when the school asks


@pytest.mark.parametrize("text", [
    "The Vendor shall delete Student Data only upon the District's written request.",
    "Provider will destroy student records when the District asks it to in writing.",
])
def test_deletion_only_on_the_schools_request_is_partial_retention(library, text):
    assert status(text, library, "no_retention") == "partial"


@pytest.mark.parametrize("text", [
    "Parents and school officials may request that we delete a child's information.",  # a right to ask, no duty
    "The District may ask the Vendor about its practices for student records.",
])
def test_a_right_to_ask_with_no_duty_to_delete_is_no_retention_term(library, text):  # stays
    assert status(text, library, "no_retention") == "missing"


def test_deletion_at_the_end_stays_present(library):  # stays
    text = "The Vendor shall delete Student Data within 30 days after this Agreement ends, or sooner at the District's request."
    assert status(text, library, "no_retention") == "present"


# ---------------------------------------------------------------- conflicts: the board's own act through the contractor's tool


@pytest.mark.parametrize("text", [
    "The District may use the messaging feature to advertise school events to parents.",
    "The School may use the Provider's mailing tool to promote its fundraisers to families.",
])
def test_the_boards_own_advertising_through_a_tool_is_no_conflict(library, text):
    assert conflict_kinds(text, library) == []


@pytest.mark.parametrize("text, kind", [
    ("The District may allow the Vendor to use student data for targeted advertising.", "advertising"),
    ("The District agrees that the Vendor may use student information to show targeted ads.", "advertising"),
    ("The Board permits the Contractor to retain Student Data indefinitely.", "retention"),
])
def test_the_boards_leave_to_the_contractor_is_still_a_conflict(library, text, kind):  # stays
    assert kind in conflict_kinds(text, library)


# ---------------------------------------------------------------- retention: a request that only hastens a deletion due at the end


@pytest.mark.parametrize("text", [
    "The Vendor shall delete Student Data within 30 days after this Agreement ends, or sooner at the District's request.",
    "Vendor shall delete Student Data upon termination of this Agreement or upon the District's request, whichever is earlier.",
    "Upon the District's written request, and in any event within sixty days after the contract ends, the Provider shall destroy all Student Data.",
    "At the end of the Agreement, or earlier upon the District's request, the Contractor shall return or delete all Student Data.",
])
def test_a_request_that_only_hastens_deletion_at_the_end_leaves_it_present(library, text):
    assert status(text, library, "no_retention") == "present"


@pytest.mark.parametrize("text", [
    "Upon termination of this Agreement, the Vendor shall delete Student Data at the District's request.",
    "Upon the District's written request after termination, the Provider shall destroy all Student Data.",
])
def test_deletion_at_the_end_only_if_the_school_asks_stays_partial(library, text):  # stays
    assert status(text, library, "no_retention") == "partial"


# ---------------------------------------------------------------- FERPA: a term that puts FERPA on the school is no commitment


@pytest.mark.parametrize("text", [
    "The Client alone is responsible for seeing that whatever it discloses to the Company complies with FERPA.",
    "Licensee bears sole responsibility for FERPA compliance.",
    "It's up to your school to comply with FERPA.",
    "FERPA compliance | the Customer's responsibility",
    "The Subscriber represents that it has complied with FERPA in disclosing Student Data to Provider.",
])
def test_ferpa_put_on_the_school_is_no_commitment_of_the_contractors(library, text):
    assert status(text, library, "ferpa") == "missing"


@pytest.mark.parametrize("text", [
    "The Company alone is responsible for seeing that its handling of education records complies with FERPA.",
    "It's our job to comply with FERPA: we act as a school official for your school.",
    "Customer and Provider shall comply with FERPA.",  # two parties bound together, the contractor among them
    "Customer and Provider shall each comply with FERPA with respect to Student Data.",
])
def test_the_contractors_own_or_joint_ferpa_duty_is_present(library, text):
    assert status(text, library, "ferpa") == "present"
