"""The nineteenth round: concepts found by reading the whole agreements of benchmarks/whole/read/ again,
checked against three sets never read (benchmarks/whole/fresh/, unread/ and fresh2/). Every sentence here is
our own wording. Each test of a new reading failed before the round's change; the cases marked "stays" held
before and must still hold."""

from __future__ import annotations

import pytest

from generator.checking.frames import read_frame

from .test_duty_phrasings import finding, status
from .test_duty_phrasings_14 import conflict_kinds
from .test_duty_phrasings_18 import assert_read_as_judged, reviewed

# ---------------------------------------------------------------- words of responsibility bind whoever is named


@pytest.mark.parametrize("text, bound", [
    ("The Vendor remains responsible for deleting student data its subcontractors hold.", "contractor"),
    ("The Provider is accountable for every act of its subprocessors.", "contractor"),
    ("Schools are answerable for the consents they collect.", "board"),
    ("The District is responsible for its own rosters.", "board"),  # stays
])
def test_responsible_accountable_or_answerable_for_binds_the_party_named(text, bound):
    frame = read_frame(text)
    assert (frame.bound, frame.binding) == (bound, True)


def test_a_responsibility_not_said_of_a_party_binds_no_one():  # stays
    assert read_frame("Responsible use of student data matters to us.").binding is None

# ---------------------------------------------------------------- FERPA put on the school alone


@pytest.mark.parametrize("text", [
    "Each district is responsible for complying with FERPA when it uploads rosters.",
    "The School Board is the educational agency responsible for its records under the Family Educational Rights "
    "and Privacy Act, 20 U.S.C. § 1232g, and shall give every notice that Act requires.",
    "Participating schools are accountable for FERPA compliance in their use of the platform.",
    "Each LEA remains responsible for the FERPA notices it gives to parents.",
])
def test_ferpa_put_on_the_school_to_answer_for_is_missing(text, library):
    """The law wants the contractor and the board to ensure FERPA compliance. A document whose only FERPA term makes
    the school the one responsible has put the duty on the school (the labelling rules: missing, where the board's
    own promise to comply is half of the duty), and the card names the term."""
    found = finding(text, library, "ferpa")
    assert found.status == "missing"
    assert "does not count as the contractor's" in found.explanation and found.confidence == "low"


@pytest.mark.parametrize("text, expected", [
    ("The District shall comply with FERPA in deciding what records it shares.", "partial"),  # stays: its half
    ("The Board represents that it will comply with FERPA.", "partial"),  # stays
    ("The District and the Provider shall each comply with FERPA.", "present"),  # stays: both bound
    ("The District is responsible for its own FERPA notices, and the Provider shall comply with FERPA.", "partial"),
    ("The District designates the Provider a school official under FERPA.", "present"),  # stays
    ("The Provider will follow FERPA.", "present"),  # stays
    ("To the extent FERPA applies to the Provider, the Provider will comply with it.", "partial"),  # stays
    ("Our app was designed with FERPA in mind.", "partial"),  # stays: a mention, no one bound
])
def test_ferpa_the_board_promises_or_the_contractor_takes_on_is_not_put_on_the_school(text, expected, library):
    assert status(text, library, "ferpa") == expected


# ---------------------------------------------------------------- the board's own act is no conflicting term

LIMIT = "The Vendor will use student data only to provide the services. "


@pytest.mark.parametrize("text", [
    "The District may share student data with any third party for its own purposes.",
    "Each school may disclose its students' records to other agencies in any way it sees fit.",
])
def test_the_boards_own_use_is_no_conflict_with_the_contractors_use_limit(text, library):
    """What the board itself may do with its own records is not a use the contractor may make of them."""
    assert not conflict_kinds(LIMIT + text, library)
    assert status(LIMIT + text, library, "use_limitation") == "present"


@pytest.mark.parametrize("text, kind", [
    ("The District agrees that the Vendor may use student data for its own purposes.", "other"),  # stays: its leave
    ("The Vendor may use student data for its own purposes.", "other"),  # stays
    ("The District represents that it has obtained every parental consent COPPA requires.", "other"),  # stays
])
def test_the_contractors_use_or_what_the_board_answers_for_stays_a_conflict(text, kind, library):
    assert kind in conflict_kinds(LIMIT + text, library)


# ---------------------------------------------------------------- a term that prevails over a conflicting one

DELAWARE = "1. Governing Law. This Agreement is governed by the laws of the State of Delaware.\n\n"


@pytest.mark.parametrize("text", [
    DELAWARE + "2. Student Data. Notwithstanding Section 1, the rights and duties of the parties concerning student data "
               "are governed by the laws of the State of Connecticut.",
    DELAWARE + "2. Records. Notwithstanding anything else in this Agreement, Connecticut law governs every question about "
               "student records.",
    "1. Law. This Agreement is governed by the laws of New York, except as provided in Exhibit C.\n\n"
    "Exhibit C. The rights and duties of the parties concerning student data are governed by the laws of the State of "
    "Connecticut.",
])
def test_a_term_that_prevails_over_the_conflicting_one_stands(text, library):
    """A term said to apply notwithstanding the conflicting section (or anything else), or a conflicting term that
    yields to another part, does not undo the provision: it stays present, the conflicting term is still listed,
    and the card says the status rests on that reading."""
    found = finding(text, library, "governing_law")
    assert found.status == "present" and found.confidence == "low"
    assert any("gives way" in d for d in found.doubts)
    assert "governing_law_other_state" in conflict_kinds(text, library)


@pytest.mark.parametrize("text", [
    # it prevails over another section, not the conflicting one
    DELAWARE + "2. Student Data. Notwithstanding Section 5, the rights and duties of the parties concerning student data "
               "are governed by the laws of the State of Connecticut.",
    DELAWARE + "2. Student Data. The rights and duties of the parties concerning student data are governed by the laws "
               "of the State of Connecticut.",  # stays: two laws, neither prevailing
])
def test_a_term_that_does_not_prevail_over_the_conflicting_one_is_undercut(text, library):
    assert status(text, library, "governing_law") == "partial"


def test_notwithstanding_said_by_the_conflicting_term_does_not_save_the_provision(library):  # stays
    text = ("The Vendor shall not use student data for targeted advertising.\n\n"
            "Notwithstanding the foregoing, the Vendor may use student data to show advertisements to students.")
    assert status(text, library, "no_advertising") == "partial"


# ---------------------------------------------------------------- a procedure left blank

REVIEW = ("Parents may review the personally identifiable information in their child's records and correct errors by "
          "following the procedure set out in Schedule 2. The Vendor shall follow that procedure.\n\nSCHEDULE 2\n\n")


@pytest.mark.parametrize("text", [
    "The Vendor shall provide the following procedure by which parents may review and correct the personally "
    "identifiable information in their child's records:\n\n[INSERT PROCEDURE]\n",
    REVIEW + "REVIEW PROCEDURE\n\n[To be completed by the Vendor before the start date. See Section 4.]\n",
    REVIEW + "[Reserved]\n",
])
def test_a_review_procedure_left_blank_is_partial(text, library):
    """Review and correction is a procedure (the labelling rules: a blank procedure is partial). A term that gives
    it as "the following:" or in a schedule where the document holds only a placeholder gives none yet."""
    found = finding(text, library, "review_correction")
    assert found.status == "partial" and "left blank" in found.explanation


@pytest.mark.parametrize("text, pid, expected", [
    # stays: the schedule holds the procedure
    (REVIEW + "A parent sends a request to the District, which forwards it to the Vendor; the Vendor corrects the "
              "record within ten days.\n", "review_correction", "present"),
    # stays: a commitment to safeguards is one, whatever the list it announces (the labels read it so)
    ("The Vendor shall take the following measures to protect student data from unauthorized access:\n\n"
     "[INSERT MEASURES]\n", "security", "present"),
])
def test_a_filled_procedure_or_a_provision_that_is_no_procedure_stands(text, pid, expected, library):
    assert status(text, library, pid) == expected


# ---------------------------------------------------------------- a user's own account details

@pytest.mark.parametrize("text", [
    "Through the family portal, parents may view meal balances and update their own contact information.",
    "Parents can change their own account settings at any time.",
])
def test_a_users_own_account_details_are_no_student_records_to_review_and_correct(text, library):
    assert status(text, library, "review_correction") == "partial"
    assert read_frame(text).data == "account data"


def test_the_childs_records_beside_ones_own_details_stay_student_data(library):  # stays
    text = "Parents may review and correct their child's records and their own contact information."
    assert read_frame(text).data == "student"


# ---------------------------------------------------------------- purposes the contractor sets for itself


@pytest.mark.parametrize("text", [
    "We use student information only to provide the Services, to improve our products, and for the other purposes "
    "described in our Privacy Policy.",
    "The Vendor will use student data only to provide the Services and for the purposes set out in the Vendor's "
    "Privacy Notice.",
    "The Company may use student data only for the purposes listed in Exhibit A, including product research and "
    "development.",
    "Student records are used solely to run the platform and to design new learning tools.",  # stays (a verb)
])
def test_a_use_limit_that_lets_in_the_contractors_own_purposes_is_partial(text, library):
    """A limit to authorized purposes is no limit where its list takes in purposes the contractor's own policy sets
    (only the document's own text counts, and the contractor can change its policy) or its own new products."""
    assert status(text, library, "use_limitation") == "partial"


@pytest.mark.parametrize("text", [
    "The Vendor will use student data only for the purposes described in the District's privacy policy.",
    "The Vendor will use student data only to provide the Services and not for any purpose described in its Privacy "
    "Policy.",
    "The Vendor will use student data only to provide the Services and shall not use it to develop new products.",
    "The Vendor shall use student data solely to provide the Services to the District and for no other purpose.",
])
def test_a_use_limit_to_the_schools_purposes_stays_present(text, library):  # stays
    assert status(text, library, "use_limitation") == "present"


# ---------------------------------------------------------------- an opening clause does not bind


@pytest.mark.parametrize("text, bound, actions", [
    ("While the School remains responsible for its FERPA notices, the Vendor shall comply with FERPA.", "contractor",
     ("comply",)),
    ("Although the District may delete records itself, the Vendor shall delete student data on request.", "contractor",
     ("delete",)),
    ("If the Vendor must disclose data by law, it shall first notify the District.", "contractor", ("notify",)),
    ("When the District asks, the Vendor shall delete the data.", "contractor", ("delete",)),  # stays
    ("The District may delete records itself, although the Vendor must keep backups.", "board", ("delete",)),  # stays
])
def test_the_main_clause_binds_not_an_opening_clause_with_a_modal_of_its_own(text, bound, actions):
    """An opening clause ("While ...", "Although ...", "If ...") may have a modal of its own; the duty is the main
    clause's, and the opening clause's party stands for "it" there."""
    frame = read_frame(text)
    assert (frame.bound, frame.actions) == (bound, actions)


# ---------------------------------------------------------------- the round's reviewers: documents of their own


@pytest.mark.parametrize("case", reviewed("reviewed_19.json"), ids=lambda c: c["id"])
def test_the_reviewers_documents_read_as_a_lawyer_reads_them(library, case):
    """Two reviewers wrote short documents aimed at this round's readings (docs/check.md, "The nineteenth round");
    these read better than before the round, or read worse part-way through it."""
    assert_read_as_judged(case, library)


# ---------------------------------------------------------------- no FERPA duty passed to the contractor


@pytest.mark.parametrize("text", [
    "Nothing in this Agreement shifts to the Vendor any duty the District owes under FERPA.",
    "Nothing in this Addendum delegates to the Provider the District's responsibilities under the Family Educational "
    "Rights and Privacy Act.",
])
def test_a_term_that_passes_no_ferpa_duty_to_the_contractor_is_no_commitment(text, library):
    """Saying that nothing transfers, shifts or delegates the school's FERPA duties to the contractor is the
    contractor taking none on, as "nothing imposes on the Vendor any FERPA obligation" already was."""
    assert status(text, library, "ferpa") == "missing"


@pytest.mark.parametrize("text", [
    "Nothing in this Agreement limits the Vendor's duty to comply with FERPA.",
    "The Vendor shall comply with FERPA, and nothing in this Agreement shifts to the Vendor any duty the District "
    "owes to parents under FERPA.",
])
def test_the_contractors_own_ferpa_duty_beside_it_stays_present(text, library):  # stays
    assert status(text, library, "ferpa") == "present"
