"""The same duties in other words (the eleventh round): an unauthorized event named after its noun,
what survives an invalid term, the contract by its other names, deletion verbs and requests in
plain speech, FERPA by its regulation, and the terms that take back, widen or disclaim a duty,
including from the sentence that follows it or from the document's own definitions. Every sentence
here is our own wording. Each test of a new reading failed before the round's change; the cases
marked "stays" held before and must still hold."""

from __future__ import annotations

import pytest

from .test_duty_phrasings import report, status


# ---------------------------------------------------------------- breach, however it is named


@pytest.mark.parametrize("text", [
    "The Processor will inform the Board in writing within five days of learning of any access to student "
    "records that was not authorized.",
    "Should pupil information slip out of the Vendor's control, the Vendor shall notify the District within "
    "48 hours.",
])
def test_an_unauthorized_event_in_other_words_is_a_breach(library, text):
    assert status(text, library, "breach_notification") == "present"


@pytest.mark.parametrize("text", [
    "The Processor will inform the Board of any access to student records that was authorized by the District.",
    # the unauthorized thing is a device, not an access to the data
    "The Vendor shall notify the District within 24 hours of any use of the Service from a device that is not "
    "authorized under the District's acceptable use policy.",
    # data leaving the vendor's custody on the District's own direction is no loss of control
    "When student data leaves our custody because the District directs a transfer, we will notify the District "
    "within two days.",
])
def test_an_authorized_access_or_an_unauthorized_device_is_no_breach(library, text):  # stays
    assert status(text, library, "breach_notification") == "missing"


# ---------------------------------------------------------------- severability


@pytest.mark.parametrize("text", [
    "Should an arbitrator hold one clause of this Agreement unenforceable, all other clauses stay entirely in effect.",
    "If any provision is found invalid, the remaining provisions remain in full force and effect.",  # stays
])
def test_what_survives_an_invalid_term_in_other_words_is_severability(library, text):
    assert status(text, library, "severability") == "present"


def test_replacing_an_invalid_term_without_saving_the_rest_is_severability_in_part(library):
    f = report("If a court rules a clause invalid, the parties shall substitute a lawful clause of similar "
               "effect.", library).finding("severability")
    assert f.status == "partial" and "survives" in f.explanation


# ---------------------------------------------------------------- deletion and the end of the contract


@pytest.mark.parametrize("text", [
    "When the District instructs the Vendor in writing to wipe a pupil's records, the Vendor shall do so within "
    "twenty days.",
    "The Contractor shall shred the student records named in a written request from the Board within ten days.",
])
def test_other_verbs_of_deletion_and_request_are_a_means_to_request_it(library, text):
    assert status(text, library, "deletion") == "present"


@pytest.mark.parametrize("text", [
    "Within 30 days after the Order Form expires, the Supplier shall return all student data and delete any "
    "copy it still holds.",  # stays
    "Once the subscription comes to an end, the Provider will wipe every student record from its systems.",
    "When the engagement is over, the Vendor shall destroy all information about the students within 60 days.",
])
def test_the_contract_by_its_other_names_ending_brings_the_data_back(library, text):
    assert status(text, library, "no_retention") == "present"


@pytest.mark.parametrize("text", [
    "Upon termination the Provider shall destroy all student data. Archived copies may be held for one further year.",
    "At the end of the contract the Contractor will return all student records. Backups of them remain for six months.",
])
def test_a_carve_out_in_the_next_sentence_makes_retention_partial(library, text):
    f = report(text, library).finding("no_retention")
    assert f.status == "partial" and "a later sentence keeps copies of the data: \"" in f.explanation


@pytest.mark.parametrize("text", [
    # the next sentence keeps nothing back, or keeps what the law requires
    "Upon termination the Provider shall destroy all student data. Backup copies will not be retained.",
    "Upon termination the Provider shall destroy all student data. Copies the law requires it to hold may be "
    "kept until the law allows their destruction.",
    "Upon termination the Provider shall destroy all student data. The District may keep its own copies.",
    # copies or logs of something else, de-identified data, data that is not there, a school's own files
    "Upon termination the Provider shall destroy all student data. It will certify the destruction and keep a log of it.",
    "Upon termination the Provider shall destroy all student data. Copies of this Agreement are held by each party.",
    "Upon termination the Provider shall destroy all student data. De-identified logs may be retained.",
    "Upon termination the Provider shall destroy all student data. Log files that contain no student data may be kept.",
    "Upon termination the Provider shall destroy all student data. Schools retain copies of report cards in their files.",
])
def test_a_next_sentence_that_keeps_nothing_back_leaves_retention_whole(library, text):  # stays
    assert status(text, library, "no_retention") == "present"


# ---------------------------------------------------------------- ownership


@pytest.mark.parametrize("text", [
    "As between the parties, the Board keeps each right, title and interest in the student data.",
    "All rosters and test results supplied under this Agreement are the property of the School.",
])
def test_ownership_in_other_words(library, text):
    assert status(text, library, "ownership") == "present"


def test_a_student_owning_his_own_essays_is_ownership_in_part(library):
    assert status("Learners keep all ownership rights in the essays and projects they upload.", library,
                  "ownership") == "partial"


# ---------------------------------------------------------------- FERPA


@pytest.mark.parametrize("text", [
    "The Contractor will meet each condition of 34 CFR § 99.33 for records it receives from the Board, and "
    "will satisfy its requirements.",
    "The Vendor shall treat student records in the manner FERPA requires of a school's contractors.",
])
def test_ferpa_by_its_regulation_or_its_requirements_is_a_commitment(library, text):
    assert status(text, library, "ferpa") == "present"


def test_ferpa_named_only_in_a_definition_is_no_ferpa_term(library):
    assert status('Student Data includes "personally identifiable information" as defined in FERPA.', library,
                  "ferpa") == "missing"


def test_a_product_built_with_ferpa_in_mind_is_an_aim_not_a_commitment(library):
    assert status("The platform was designed with FERPA in mind and can assist schools with their FERPA "
                  "obligations.", library, "ferpa") == "partial"


# ---------------------------------------------------------------- disclaimers, pointers, definitions


def test_a_contractor_that_takes_on_no_duty_states_none(library):
    f = report("Letting parents inspect and correct student records is for the School to arrange; the Vendor "
               "assumes no responsibility for it.", library).finding("review_correction")
    assert f.status == "partial" and "disclaims" in f.explanation


@pytest.mark.parametrize(("text", "pid"), [
    ("The Vendor shall notify the District within 48 hours of any breach of student data, and has no further "
     "obligation to notify parents.", "breach_notification"),
    ("The Provider shall use student data only to provide the Services; it assumes no responsibility for data the "
     "District posts publicly.", "use_limitation"),
])
def test_a_duty_stated_before_taking_on_no_further_duty_stays_whole(library, text, pid):  # stays
    assert status(text, library, pid) == "present"


def test_an_aim_before_a_binding_duty_leaves_the_duty_whole(library):  # stays
    assert status("The Service is designed with privacy in mind, and the Vendor shall delete student data within 30 "
                  "days after the District requests it.", library, "deletion") == "present"


def test_a_use_limit_widened_by_a_privacy_policy_is_partial(library):
    f = report("The Provider will use student data only to run the Service, or otherwise as set out in its "
               "Privacy Notice.", library).finding("use_limitation")
    assert f.status == "partial" and "another document" in f.explanation


def test_confidential_information_defined_to_take_in_student_data_is_secured(library):
    text = ("The Supplier shall protect the Customer's Confidential Information with administrative, physical "
            "and technical safeguards. \"Confidential Information\" includes all student records the Customer "
            "provides.")
    f = report(text, library).finding("security")
    assert f.status == "present" and f.confidence == "low"  # a reading across sentences: counsel looks first
    assert "own definition" in f.doubts[0]
    assert f.evidence[-1].text.startswith('"Confidential Information" includes all student records')  # quoted too


def test_a_duty_for_student_data_does_not_rest_on_the_definition(library):
    text = ("The Supplier shall protect student data with administrative, physical and technical safeguards. "
            "The Supplier shall protect the Customer's Confidential Information with reasonable security measures. "
            "\"Confidential Information\" includes all student records the Customer provides.")
    f = report(text, library).finding("security")
    assert f.status == "present" and not any("own definition" in d for d in f.doubts)


@pytest.mark.parametrize("definition", [
    "\"Confidential Information\" means pricing and other business terms.",
    "Confidential Information does not include Student Data, which the Data Privacy Addendum governs.",
    "Confidential Information includes pricing but excludes student records.",
    "Confidential Information means pricing terms; student records are dealt with separately.",
])
def test_confidential_information_defined_without_student_data_stays_partial(library, definition):  # stays
    text = ("The Supplier shall protect the Customer's Confidential Information with administrative, physical "
            "and technical safeguards. " + definition)
    assert status(text, library, "security") == "partial"


# ---------------------------------------------------------------- conflicts


@pytest.mark.parametrize("text", [
    "The Vendor may show learners personalized deals from sponsors, based on the lessons they complete.",
    "Sponsored videos are selected for each student from the topics that student has practised.",
])
def test_offers_chosen_from_a_learners_activity_are_targeted_advertising(library, text):
    assert "advertising" in {c.kind for c in report(text, library).conflicts}


@pytest.mark.parametrize("text", [
    "The Vendor will not show targeted ads to pupils or build marketing profiles from their data.",
    "The District selects the vendors through which it will advertise its bus routes.",
])
def test_a_ban_on_targeted_ads_or_the_boards_own_choice_is_no_advertising_conflict(library, text):  # stays
    assert "advertising" not in {c.kind for c in report(text, library).conflicts}


def test_another_states_law_that_applies_to_the_agreement_is_a_conflict(library):
    kinds = {c.kind for c in report("The laws of the State of [Ohio] apply to this Agreement.", library).conflicts}
    assert "governing_law_other_state" in kinds


def test_another_states_law_that_does_not_apply_is_no_conflict(library):  # stays
    kinds = {c.kind for c in report("The laws of the State of Ohio do not apply to this Agreement.", library).conflicts}
    assert "governing_law_other_state" not in kinds


@pytest.mark.parametrize(("text", "pid"), [
    ("The District tells parents how to delete their child's account in the app settings.", "deletion"),
    ("Invoices, uptime reports and other reports delivered under this Agreement are the property of the District.",
     "ownership"),
    ("The Vendor shall keep student data until the end of the Agreement.", "no_retention"),
])
def test_words_near_the_new_readings_that_state_none_of_them(library, text, pid):  # stays
    assert status(text, library, pid) == "missing"


def test_a_requirement_of_the_district_is_no_ferpa_commitment(library):  # stays
    assert status("Student Data has the meaning given in FERPA, and the Vendor shall format exports in the manner "
                  "the District requires.", library, "ferpa") != "present"

