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


# ---------------------------------------------------------------- review: seeing the data, correction denied or absent


@pytest.mark.parametrize("text", [
    "Families can look up attendance in the parent portal; there is no process for correcting records.",
    "Students may view their scores online, but corrections are not supported.",
])
def test_review_with_correction_denied_or_absent_is_partial(library, text):
    assert status(text, library, "review_correction") == "partial"


def test_a_label_that_says_no_procedure_is_no_procedure(library):
    assert status("Parent review and correction of records: none offered.", library, "review_correction") == "missing"


@pytest.mark.parametrize("text", [
    "Parents may review their child's records and ask the District to correct any error, and the Vendor shall make the correction within 30 days.",
    "Parents may inspect the student's records and request corrections, which the Contractor shall make promptly.",
])
def test_review_and_correction_with_a_way_stays_present(library, text):  # stays
    assert status(text, library, "review_correction") == "present"


# ---------------------------------------------------------------- deletion: "at the District's direction" names no way to give it


@pytest.mark.parametrize("text", [
    "At the Board's direction, the Vendor will erase Board Records.",
    "At the District's instruction, Contractor shall destroy the records it names.",
])
def test_deletion_at_the_schools_direction_is_partial(library, text):
    assert status(text, library, "deletion") == "partial"


def test_deletion_on_the_schools_written_request_stays_present(library):  # stays
    text = "Upon the District's written request, the Vendor shall delete the Student Data it names within ten days."
    assert status(text, library, "deletion") == "present"


# ---------------------------------------------------------------- a reviewer's recommendation is not a term


@pytest.mark.parametrize("text, pid", [
    ("Recommend that the agreement be revised to limit the vendor's use of student data to the services.", "use_limitation"),
    ("We recommend adding a clause requiring the provider to destroy all student data when the contract ends.", "no_retention"),
    ("Recommended: require the contractor to encrypt student data in transit and at rest.", "security"),
])
def test_a_recommendation_is_no_term(library, text, pid):
    assert status(text, library, pid) in ("partial", "missing")


@pytest.mark.parametrize("text, pid", [
    ("The Vendor shall use the encryption methods recommended by NIST to protect student data.", "security"),
    ("The Contractor shall destroy all student data when the contract ends, as counsel recommended.", "no_retention"),
])
def test_a_duty_that_mentions_a_recommendation_stays_present(library, text, pid):  # stays
    assert status(text, library, pid) == "present"


def test_advice_to_approve_a_term_the_vendor_agreed_stays_present(library):  # stays
    text = "Recommend approval; the vendor agrees to destroy all student data when the contract ends."
    assert status(text, library, "no_retention") == "present"


# ---------------------------------------------------------------- governing law: Connecticut named as the law that governs


@pytest.mark.parametrize("text", [
    "The Operator shall obey all Connecticut traffic laws governing school transport.",
    "This Agreement is governed by the laws of the State of Ohio, and the courts of Connecticut may hear disputes.",
    "The Vendor shall follow all federal and Connecticut laws that apply to it, and this Agreement is governed by Vermont law.",
    "Vendor is incorporated in Connecticut; this Agreement is governed by the laws of Texas.",
])
def test_connecticut_named_but_not_as_the_governing_law_is_no_choice_of_it(library, text):
    assert status(text, library, "governing_law") in ("partial", "missing")


@pytest.mark.parametrize("text", [
    "This Agreement shall be governed by and construed in accordance with the laws of the State of Connecticut.",
    "Disputes about these terms will be decided under Connecticut law.",
    "The law of Connecticut, without regard to its conflict-of-law rules, governs this Agreement.",
    "Connecticut law applies to this Addendum.",
    "Governing law: Connecticut.",
])
def test_connecticut_law_governing_in_any_of_these_words_is_present(library, text):
    assert status(text, library, "governing_law") == "present"


# ---------------------------------------------------------------- FERPA: the school's obligation, or the contractor declared no school official


@pytest.mark.parametrize("text", [
    "It is the Board's obligation to secure whatever parental consent FERPA requires before rosters are sent.",
    "Compliance with FERPA is the responsibility of the District and its staff.",
])
def test_ferpa_as_the_schools_obligation_is_no_commitment(library, text):
    assert status(text, library, "ferpa") == "missing"


def test_the_contractor_declared_no_school_official_is_no_commitment(library):
    text = "Nothing in this Agreement shall be construed to make the Contractor a school official under FERPA."
    assert status(text, library, "ferpa") in ("partial", "missing")  # FERPA named, nothing undertaken


@pytest.mark.parametrize("text", [
    "It is the Contractor's obligation to comply with FERPA in handling student records.",
    "Nothing in this Agreement limits the Vendor's duty to comply with FERPA as a school official.",
])
def test_the_contractors_own_ferpa_obligation_stays_present(library, text):  # stays
    assert status(text, library, "ferpa") == "present"


# ---------------------------------------------------------------- breach notice above a size, or unless the contractor decides


@pytest.mark.parametrize("text", [
    "The Vendor shall notify the District within ten days of any breach of student data affecting more than 1,000 students.",
    "The Vendor shall notify the District within ten days of a breach of student data, unless the Vendor determines that no harm is likely.",
])
def test_breach_notice_above_a_size_or_at_the_contractors_choice_is_partial(library, text):
    assert status(text, library, "breach_notification") == "partial"


def test_breach_notice_whatever_the_number_affected_stays_present(library):  # stays
    text = "The Vendor shall notify the District within ten days of any breach of student data, whatever the number of students affected."
    assert status(text, library, "breach_notification") == "present"


# ---------------------------------------------------------------- use limits widened by the contractor's own policy or choice


@pytest.mark.parametrize("text", [
    "The Vendor shall not use student data for purposes other than those authorized by this Agreement or otherwise allowed by "
    "the Vendor's Privacy Policy.",
    "The Provider shall use student data only as this Agreement authorizes or as the Provider otherwise determines is useful.",
])
def test_a_use_limit_widened_by_the_contractors_policy_or_choice_is_partial(library, text):
    assert status(text, library, "use_limitation") == "partial"


# ---------------------------------------------------------------- deletion the contractor may weigh at its discretion


def test_deletion_requests_weighed_at_the_contractors_discretion_are_partial(library):
    text = "The District may ask the Vendor to delete student data, and the Vendor will weigh each request at its sole discretion."
    assert status(text, library, "deletion") == "partial"


# ---------------------------------------------------------------- conflicts: student images sold, records kept years after graduation


@pytest.mark.parametrize("text, kind", [
    ("The Studio may sell student portraits and class rosters to companies that market graduation products.", "sale"),
    ("The Contractor may license student test responses to publishers for a fee.", "sale"),
    ("The Vendor will keep lunch account balances and purchase histories for seven years after the student graduates.", "retention"),
])
def test_student_images_sold_or_records_kept_after_the_student_leaves_is_a_conflict(library, text, kind):
    assert kind in conflict_kinds(text, library)


@pytest.mark.parametrize("text", [
    "The Studio may sell portrait packages to parents who order them.",
    "The Vendor shall not keep lunch account histories after the student graduates.",
])
def test_packages_parents_order_or_a_promise_not_to_keep_is_no_conflict(library, text):  # stays
    assert conflict_kinds(text, library) == []


# ---------------------------------------------------------------- "student info" is student data


def test_student_info_is_student_data(library):
    text = "We use student info only to run the app for your school, and for no other purpose."
    assert status(text, library, "use_limitation") == "present"
