"""The seventeenth round: concepts found by reading whole agreements of our own (benchmarks/whole/read/:
numbered clauses, definitions sections, boilerplate), where the passages of the earlier rounds were
single sentences. Every sentence here is our own wording. Each test of a new reading failed before the
round's change; the cases marked "stays" held before and must still hold."""

from __future__ import annotations

import pytest

from generator.reading.extract import read_document
from generator.reading.sentences import sentences

from .test_duty_phrasings import status
from .test_duty_phrasings_14 import conflict_kinds


def _texts(text: str) -> list[str]:
    return [s.text for s in sentences(read_document(text.encode(), "c.txt"))]


# ---------------------------------------------------------------- a clause's number is not part of its sentence


@pytest.mark.parametrize("line, words", [
    ("6.1 You are responsible for your own use of the Service.", "You are responsible for your own use of the Service."),
    ("Section 4.2. The Provider shall keep a log.", "The Provider shall keep a log."),
    ("12.3.1 Customer may cancel at any time.", "Customer may cancel at any time."),
    ("§ 7 The Vendor shall keep a log.", "The Vendor shall keep a log."),
    ("(b) Customer shall pay each invoice.", "Customer shall pay each invoice."),
    ("iv) We keep a log.", "We keep a log."),
])
def test_a_clause_number_is_where_a_sentence_is_not_what_it_says(line, words):
    assert _texts(line) == [words]


@pytest.mark.parametrize("line", [
    "30 days after the end of the term, the Vendor deletes the data.",  # a number that is the sentence's own
    "10 business days is the longest the Vendor may take.",
    "2026 Terms of Service apply to every order.",
])
def test_a_number_that_begins_the_words_stays(line):  # stays
    assert _texts(line) == [line]


@pytest.mark.parametrize("text", [
    "6.1 You are responsible for deciding whether your use of the Service is lawful under FERPA, and for any notice "
    "to parents that it requires.",
    "Article 9. The School alone is responsible for its compliance with FERPA.",  # stays: the start is still plain
])
def test_the_schools_own_duty_in_a_numbered_clause_is_no_ferpa_commitment(library, text):
    assert status(text, library, "ferpa") == "missing"


def test_a_numbered_definition_states_no_term(library):
    text = ('1.2 "Account User" means a teacher, parent or student who may review and correct records through the '
            "Service.")
    assert status(text, library, "review_correction") == "missing"
    assert status(text[4:], library, "review_correction") == "missing"  # stays: unnumbered, a definition already


def test_a_numbered_duty_reads_as_the_same_duty_unnumbered(library):  # stays
    duty = "The Provider shall delete Student Data within 30 days of the District's written request."
    assert status("Section 4.2. " + duty, library, "deletion") == status(duty, library, "deletion") == "present"


# ---------------------------------------------------------------- FERPA: a duty refused is no commitment


@pytest.mark.parametrize("text", [
    "Brightloom does not assume any obligation of the School under FERPA or any similar state law.",
    "Provider has no obligation under FERPA.",
    "The Vendor disclaims any responsibility for compliance with FERPA.",
    "Provider is not responsible for the District's compliance with FERPA.",
    "The Contractor accepts no duty under the Family Educational Rights and Privacy Act.",
    "Nothing obliges the Vendor to act as a school official, and it undertakes no FERPA obligations.",
])
def test_a_refused_ferpa_duty_is_missing(library, text):
    assert status(text, library, "ferpa") == "missing"


@pytest.mark.parametrize("text", [
    "The Provider shall comply with FERPA and does not assume the District's own duties to parents.",
    "The Vendor shall comply with FERPA.",
    "The Contractor agrees to act as a school official under FERPA and has no obligation to sell any data.",
])
def test_a_ferpa_duty_taken_on_stays_present(library, text):  # stays
    assert status(text, library, "ferpa") == "present"


def test_ferpa_shifted_onto_the_school_is_a_conflict_named_in_full(library):
    text = ("You are responsible for deciding whether your use of the Service meets the Family Educational Rights and "
            "Privacy Act, COPPA and every state law that applies to you.")
    assert "other" in conflict_kinds(text, library)


# ---------------------------------------------------------------- a schedule changed by the contractor alone


@pytest.mark.parametrize("text", [
    "Provider may update Schedule B from time to time to reflect changes in its security practices.",
    "The Vendor may revise Exhibit 2 at any time by posting a new version.",
    "We may amend Annex C whenever our subprocessors change.",
])
def test_a_schedule_the_contractor_may_change_is_a_unilateral_change(library, text):
    assert "unilateral_change" in conflict_kinds(text, library)


@pytest.mark.parametrize("text", [
    "Provider shall update Schedule 2 at least once a year.",
    "The District may update Exhibit A by written notice to the Vendor.",
    "Exhibit B may be changed only by a writing signed by both parties.",
])
def test_a_schedule_changed_by_duty_the_school_or_both_is_none(library, text):  # stays
    assert "unilateral_change" not in conflict_kinds(text, library)


# ---------------------------------------------------------------- selling more with what students do


@pytest.mark.parametrize("text", [
    "We may use information about students' engagement with lessons to suggest additional activity packs and "
    "subscription upgrades to teachers.",
    "The Company may use student activity data to recommend paid upgrades to the school's staff.",
    "We may draw on pupils' quiz results to personalise our offers to families.",
])
def test_offers_and_upgrades_suggested_with_student_data_are_advertising(library, text):
    assert "advertising" in conflict_kinds(text, library)


@pytest.mark.parametrize("text", [
    "Teachers may recommend additional practice activities to students based on their scores.",
    "We use students' quiz results to recommend the next lesson in the course.",
    "We will not use student data to suggest upgrades or additional products.",
    "We may use de-identified usage data to suggest new features to schools.",
])
def test_learning_suggestions_refusals_and_de_identified_data_are_no_advertising(library, text):  # stays
    assert "advertising" not in conflict_kinds(text, library)


# ---------------------------------------------------------------- the end of the contract, said through a later period


@pytest.mark.parametrize("text", [
    "After the transition period in Section 12 ends, the Vendor shall destroy all student records.",
    "Within sixty days after the export window closes, the Provider shall delete all student data.",
])
def test_deletion_after_a_period_that_follows_the_end_is_no_retention(library, text):
    assert status(text, library, "no_retention") == "present"


def test_data_left_out_of_a_duty_is_not_what_the_duty_is_about(library):
    text = ("On termination of this Agreement the Provider will delete all Customer Data, other than de-identified "
            "data.")
    assert status(text, library, "no_retention") == "present"
    # stays: a duty that is about de-identified data alone is about no student data
    assert status("On termination the Provider will delete de-identified data.", library, "no_retention") != "present"


# ---------------------------------------------------------------- copies kept after the end (§ 10-234bb(a)(7) has no backup exception)


@pytest.mark.parametrize("text", [
    "On termination the Vendor shall delete all student data, and copies in its disaster-recovery backups may be "
    "retained until they are overwritten in the ordinary course.",
    "On termination the Vendor shall delete active copies of student data and handle backups under its schedule.",
    "On termination the Contractor deletes all student data according to its schedule and records exceptions.",
])
def test_backups_live_copies_only_or_unnamed_exceptions_make_no_retention_partial(library, text):
    assert status(text, library, "no_retention") == "partial"


@pytest.mark.parametrize("text", [
    "On termination the Vendor shall delete all student data, including copies held in backups.",
    "Upon termination, the Vendor deletes all student data, with the exceptions the law requires.",
    "On termination the Vendor shall delete live copies of student data, and backups are deleted within 30 days.",
])
def test_every_copy_deleted_or_the_laws_exception_stays_present(library, text):  # stays
    assert status(text, library, "no_retention") == "present"


def test_the_disaster_recovery_exception_stays_for_deletion_on_request(library):  # stays: § 10-234bb(a)(2)
    text = ("The District may ask the Vendor in writing to delete student data, and the Vendor shall delete it within "
            "30 days, except copies in disaster-recovery systems that no one can access.")
    assert status(text, library, "deletion") == "present"


# ---------------------------------------------------------------- the student's own work, a referral, a sales system, logs, addresses


def test_students_keeping_whatever_rights_they_have_in_their_work_is_partial_ownership(library):
    text = "Students retain whatever rights they have in the original work they create with the Service."
    assert status(text, library, "ownership") == "partial"


def test_a_referral_to_the_school_alone_is_partial_review(library):
    text = ("If a parent or eligible student asks us to see or correct Student Data, we will refer that person to the "
            "school.")
    assert status(text, library, "review_correction") == "partial"
    stays = ("If a parent asks the Vendor to review or correct a student's records, the Vendor shall forward the "
             "request to the District and shall make any correction the District directs within ten days.")
    assert status(stays, library, "review_correction") == "present"


@pytest.mark.parametrize("text, kind, found", [
    ("Schools rely on outside services such as the cafeteria point-of-sale and library circulation for student "
     "records.", "sale", False),
    ("Server logs are kept for two years.", "retention", False),
    ("Administrative access is logged, and logs are retained for at least one year.", "retention", False),
    ("Either party may change its address for notices by written notice to the other.", "unilateral_change", False),
    ("The Provider may update its designated privacy contact by notice.", "unilateral_change", False),
    ("We sell student information to advertisers.", "sale", True),  # stays
    ("We keep student records for five years after the contract ends.", "retention", True),  # stays
    ("We may change these terms by notice to you.", "unilateral_change", True),  # stays
])
def test_a_sales_system_logs_and_a_partys_address_are_no_conflict(library, text, kind, found):
    assert (kind in conflict_kinds(text, library)) is found
