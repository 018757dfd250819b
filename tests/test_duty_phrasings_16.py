"""The sixteenth round: concepts found by sentences of our own (three probes: duties stated fully in
other trades' voices, the middle status, and named weak spots). Every sentence here is our own wording.
Each test of a new reading failed before the round's change; the cases marked "stays" held before and
must still hold."""

from __future__ import annotations

import pytest

from generator.checking.frame_rules import ANOTHER_STEP, time_for_another_step
from generator.checking.frames import read_frame

from .test_duty_phrasings import status
from .test_duty_phrasings_14 import conflict_kinds
from .test_duty_phrasings_15 import reads_as_wanted


def _breach_rule(library):
    return next(p for p in library.provisions if p.id == "breach_notification").detect.frame


# ---------------------------------------------------------------- breach: the time must be the notice's


@pytest.mark.parametrize("text", [
    "On learning of a breach, the Contractor shall alert its insurer within four days and shall notify the Board.",
    "The Vendor shall inform the School of any security incident and shall, within 24 hours, reset every affected password.",
    "Provider will report a data breach to the District, and within fifteen business days thereafter will bill the "
    "District for the forensic work.",
    "The Vendor shall tell affected families within 20 days of any breach of Student Data and shall notify the Board.",
])
def test_a_time_for_another_step_is_no_time_limit_for_the_notice(library, text):
    assert status(text, library, "breach_notification") == "partial"


@pytest.mark.parametrize("text", [
    "The Vendor shall notify the Board of any breach of Student Data within five days and shall also inform its insurer.",
    "Within ten days of discovering a breach of Student Data, the Contractor shall notify the District in writing.",
    "The Contractor shall notify the Board of a breach of Student Data without undue delay, and in any event within "
    "72 hours of discovering it.",
    "Written notice of any unauthorized disclosure of Student Data shall be given by the Vendor to the District no "
    "later than fourteen days after the Vendor learns of it.",
    "The Vendor shall report a breach of Student Data to the District within 48 hours and shall keep the logs for a year.",
])
def test_a_time_attached_to_the_notice_to_the_board_stays_present(library, text):  # stays
    assert status(text, library, "breach_notification") == "present"


def test_the_time_of_each_step_is_read_apart(library):
    rule = _breach_rule(library)
    other = read_frame("The Vendor shall notify the District of a breach of student data and shall, within 3 days, "
                       "restore its systems.")
    own = read_frame("The Vendor shall notify the District of a breach of student data within 3 days and shall "
                     "restore its systems.")
    assert time_for_another_step(other, rule) and not time_for_another_step(own, rule)
    assert not time_for_another_step(read_frame("The Vendor shall notify the District of a breach."), rule)  # no time


def test_the_card_says_whose_time_it_is(library):
    from generator.checking.frame_rules import frame_gaps

    frame = read_frame("The Vendor shall notify the District of a breach of student data and shall, within 3 days, "
                       "restore its systems.")
    assert ANOTHER_STEP in frame_gaps(frame, _breach_rule(library))


@pytest.mark.parametrize("text", [
    "The Contractor shall: (a) encrypt Student Data at rest; and (b) notify the Board promptly of any breach of Student Data.",
    "The Vendor shall (i) tell the School promptly of any unauthorized access to student records and (ii) patch the "
    "weakness that allowed it.",
    "The Provider agrees to: (1) notify the District of a data breach as the law requires; and (2) carry cyber insurance.",
])
def test_a_list_of_other_duties_is_no_procedure_for_the_notice(library, text):
    assert status(text, library, "breach_notification") == "partial"


@pytest.mark.parametrize("text", [
    "If a breach of Student Data occurs, the Vendor shall: (a) notify the Board's privacy officer by telephone; and "
    "(b) send the Board a written report of what happened.",
    "The Contractor shall (a) notify the District of any unauthorized access to Student Data; (b) state in that "
    "notice which records were affected; and (c) help the District inform families.",
])
def test_steps_that_give_the_notice_stay_a_procedure(library, text):  # stays
    assert status(text, library, "breach_notification") == "present"


# ---------------------------------------------------------------- security: confidentiality of one kind of record


@pytest.mark.parametrize("text", [
    "The Contractor shall keep the confidentiality of student immunization records.",
    "Vendor shall hold special education files in confidence.",
    "The Provider shall keep all student disciplinary records confidential.",
    "The Vendor shall keep students' Social Security numbers confidential.",
    "The Contractor shall treat transcripts as confidential.",
])
def test_confidentiality_of_one_kind_of_record_is_partial_security(library, text):
    assert status(text, library, "security") == "partial"


@pytest.mark.parametrize("text", [
    "The Vendor shall keep all Student Data confidential, including health and disciplinary records.",
    "The Contractor shall keep Student Data and any immunization records confidential and secure.",
    "The Provider shall protect special education records with reasonable administrative, technical and physical "
    "safeguards.",
    "The Vendor shall keep student records confidential and secure.",
])
def test_confidentiality_of_all_the_data_or_safeguards_for_a_kind_stay_present(library, text):  # stays
    assert status(text, library, "security") == "present"


# ---------------------------------------------------------------- another state's law as the condition of a duty


@pytest.mark.parametrize("text", [
    "To the extent Oregon law applies, the Vendor shall use Student Data only for the purposes of this Agreement.",
    "Where required by the laws of Illinois, the Contractor will limit its use of student records to the contract's "
    "purposes.",
    "If Texas law requires it, the Provider shall delete Student Data when the Agreement ends.",
])
def test_a_duty_only_where_another_states_law_applies_does_not_count(library, text):
    pid = "no_retention" if "delete" in text else "use_limitation"
    assert status(text, library, pid) in ("missing", "partial")


@pytest.mark.parametrize("text", [
    "To the extent permitted by law, the Vendor shall use Student Data only for the purposes of this Agreement.",
    "Consistent with Connecticut law and Oregon law alike, the Vendor shall use Student Data only for the purposes of "
    "this Agreement.",
])
def test_a_duty_under_the_law_in_general_stays_present(library, text):  # stays
    assert status(text, library, "use_limitation") == "present"


def test_reads_as_wanted_is_shared(library):
    assert reads_as_wanted("The Vendor shall keep student health records confidential.", "security", "partial", library)


# ---------------------------------------------------------------- advertising: a ban narrowed to one product, channel or page


@pytest.mark.parametrize("text", [
    "The Vendor will not use Student Data to target advertisements in its SpellQuest app.",
    "Provider shall not use student information to send advertising by text message.",
    "The Contractor shall not use Student Data to show targeted ads to students younger than 12.",
    "Vendor shall not use Student Data for targeted advertising during instructional time.",
    "Targeted advertising is not permitted on the School's informational web pages.",
])
def test_an_advertising_ban_narrowed_to_one_product_channel_group_or_page_is_partial(library, text):
    assert status(text, library, "no_advertising") == "partial"


@pytest.mark.parametrize("text", [
    "The Vendor will not use Student Data to target advertisements in any product, channel or medium.",
    "Provider shall not use student information for advertising, whether by email, by text message or otherwise.",
    "The Contractor shall not use Student Data for targeted advertising, including in its SpellQuest app.",
    "Vendor shall not use Student Data for targeted advertising.",
])
def test_an_advertising_ban_that_reaches_everywhere_stays_present(library, text):  # stays
    assert status(text, library, "no_advertising") == "present"


@pytest.mark.parametrize("text", [
    "Targeted advertising drawn from Student Data is prohibited.",
    "Advertising that draws on students' data is forbidden.",
    "Use of Student Data by the Contractor for targeted advertising is strictly prohibited.",
])
def test_a_ban_said_of_the_act_as_a_noun_is_a_ban(library, text):
    assert status(text, library, "no_advertising") == "present"


# ---------------------------------------------------------------- the contractor's own terms set above the duty


@pytest.mark.parametrize("text, pid", [
    ("The Contractor shall delete Student Data when the Agreement ends; where this conflicts with the Contractor's "
     "standard Terms of Use, those terms shall prevail.", "no_retention"),
    ("Provider shall use Student Data only to provide the Services, but its Privacy Policy governs wherever the two "
     "differ.", "use_limitation"),
    ("The Vendor shall notify the Board of a breach within five days, provided that the Vendor is not bound by this "
     "period where its incident response plan sets another.", "breach_notification"),
])
def test_a_duty_the_contractors_own_terms_control_or_that_releases_it_is_partial(library, text, pid):
    assert status(text, library, pid) == "partial"


@pytest.mark.parametrize("text, pid", [
    ("This Addendum controls over the Vendor's Terms of Service. The Vendor shall delete Student Data when the "
     "Agreement ends.", "no_retention"),
    ("The Board is not bound by the Provider's privacy policy, and the Provider shall use Student Data only to provide "
     "the Services.", "use_limitation"),
])
def test_the_schools_terms_set_above_the_contractors_leave_the_duty_whole(library, text, pid):  # stays
    assert status(text, library, pid) == "present"


@pytest.mark.parametrize("text", [
    "If a court holds any term invalid, the Provider shall not be bound by the remaining terms.",
    "Should any clause be held invalid, neither party shall be bound by the remaining clauses of this Agreement.",
])
def test_a_release_from_the_rest_of_the_contract_is_no_severability(library, text):
    assert status(text, library, "severability") == "missing"


def test_a_release_from_the_invalid_term_alone_stays_severability(library):  # stays
    text = ("If a court holds any term invalid, the parties shall not be bound by that term, and the remaining terms "
            "shall stay in full force.")
    assert status(text, library, "severability") == "present"


# ---------------------------------------------------------------- who each clause binds


@pytest.mark.parametrize("text", [
    "The Contractor shall supply the software, and the Board shall keep Student Data secure and confidential.",
    "The Vendor will run the servers, and the School will take appropriate security measures for the student records.",
])
def test_a_duty_in_the_schools_own_clause_is_not_the_contractors(library, text):
    assert status(text, library, "security") != "present"


@pytest.mark.parametrize("text", [
    "The Board shall keep its own passwords secure, and the Contractor shall encrypt Student Data and keep it secure.",
    "The Contractor shall keep Student Data secure with reasonable safeguards, and the Board shall train its staff.",
])
def test_the_contractors_duty_beside_the_schools_stays_present(library, text):  # stays
    assert status(text, library, "security") == "present"


def test_the_contractors_notice_after_the_schools_right_is_the_contractors(library):
    text = ("The Board may ask for an incident report at any time, and the Contractor shall notify the Board of any "
            "data breach within five days of discovering it.")
    assert status(text, library, "breach_notification") == "present"


# ---------------------------------------------------------------- use limited to "educational purposes" at large


@pytest.mark.parametrize("text", [
    "The Vendor shall use pupil records only for educational purposes.",
    "Student Data is to be used exclusively for K-12 educational purposes.",
])
def test_a_use_limited_to_education_at_large_is_partial(library, text):
    assert status(text, library, "use_limitation") == "partial"


@pytest.mark.parametrize("text", [
    "The Vendor shall use pupil records only for the educational purposes of this Agreement.",
    "Student Data is to be used exclusively for the educational purposes authorized by the Board.",
    "The Contractor shall use Student Data only for the School's educational purposes under this Agreement.",
])
def test_a_use_limited_to_the_contracts_or_schools_educational_purposes_stays_present(library, text):  # stays
    assert status(text, library, "use_limitation") == "present"


@pytest.mark.parametrize("text", [
    "The Provider processes student data only according to the School's instructions.",
    "The Vendor shall process Student Data solely pursuant to the District's written instructions.",
])
def test_processing_only_on_the_schools_instructions_limits_use(library, text):
    assert status(text, library, "use_limitation") == "present"


# ---------------------------------------------------------------- what counts as student data: meals, pictures; not staff


@pytest.mark.parametrize("text, pid", [
    ("Lunch account information shall be used by the Caterer only for the purposes of this Agreement.", "use_limitation"),
    ("The Caterer shall protect meal account information with reasonable security safeguards.", "security"),
    ("Pupil portraits remain the property of the Board.", "ownership"),
    ("The Photographer shall delete all student pictures when this contract ends.", "no_retention"),
])
def test_meal_accounts_and_pictures_of_students_are_student_data(library, text, pid):
    assert status(text, library, pid) == "present"


@pytest.mark.parametrize("text, pid", [
    ("At the Board's written request, the Vendor shall delete the accounts of former teachers within ten days.", "deletion"),
    ("When the contract ends, the Vendor shall delete all staff user accounts.", "no_retention"),
    ("On the District's request the Vendor will purge the District's support tickets within a week.", "deletion"),
])
def test_deleting_staff_accounts_or_support_tickets_is_no_deletion_of_student_data(library, text, pid):
    assert status(text, library, pid) != "present"


@pytest.mark.parametrize("text, pid", [
    ("When the contract ends, the Vendor shall delete all student and staff user accounts and the Student Data in them.",
     "no_retention"),
    ("The Vendor shall keep login credentials confidential.", "security"),
])
def test_student_data_beside_staff_accounts_and_login_data_read_as_before(library, text, pid):  # stays
    assert status(text, library, pid) == ("present" if pid == "no_retention" else "partial")


# ---------------------------------------------------------------- duties stated fully in other voices (recall)


@pytest.mark.parametrize("text, pid", [
    ("Tutor Co. shall use student data only for the purposes authorized by this Agreement.", "use_limitation"),
    ("Teacher Tools Inc. shall maintain reasonable safeguards to protect the security and confidentiality of student "
     "data.", "security"),
    ("Parent Square Co. shall maintain reasonable safeguards to protect the security and confidentiality of student "
     "data.", "security"),
])
def test_a_company_named_with_a_role_word_is_the_contracting_company(library, text, pid):
    assert status(text, library, pid) == "present"


@pytest.mark.parametrize("text, pid, want", [
    ("Tutors engaged by the Board shall keep student data secure.", "security", "partial"),
    ("Parents shall use the student data they see in the portal only for their own child.", "use_limitation", "missing"),
])
def test_a_role_word_that_is_no_companys_name_still_names_the_role(library, text, pid, want):  # stays
    assert status(text, library, pid) == want


@pytest.mark.parametrize("text", [
    "Dear Superintendent: should a breach ever touch student data, we will let you know within 48 hours of finding it.",
    "Our pledge to your school district: if student information is ever breached, we will notify you within three days.",
])
def test_you_in_a_letter_to_the_school_is_the_board(library, text):
    assert status(text, library, "breach_notification") == "present"


def test_you_in_a_letter_to_a_parent_stays_the_user(library):  # stays
    text = "Dear Parent: should a breach ever touch your child's data, we will let you know within 48 hours."
    assert status(text, library, "breach_notification") == "partial"


@pytest.mark.parametrize("text", [
    "The Contractor will follow FERPA in all its handling of student records.",
    "The Vendor follows FERPA whenever it handles Student Data.",
])
def test_following_ferpa_is_a_commitment(library, text):
    assert status(text, library, "ferpa") == "present"


def test_an_aim_to_follow_ferpa_reads_as_before(library):  # stays
    assert status("We try to follow FERPA.", library, "ferpa") == "partial"


def test_the_board_following_ferpa_reads_as_the_board_complying(library):  # stays
    follows = status("The Board must follow FERPA when it sends records to the Vendor.", library, "ferpa")
    assert follows == status("The Board must comply with FERPA when it sends records to the Vendor.", library, "ferpa")


@pytest.mark.parametrize("text", [
    "Pupil records are the Board's; the Vendor never owns them.",
    "Your district owns your students' records; we never own them.",
    "Assessment records stored on the Vendor's hosted platform are owned by the Board.",
])
def test_ownership_in_the_possessive_with_the_contractors_denial_or_after_a_storage_place(library, text):
    assert status(text, library, "ownership") == "present"


@pytest.mark.parametrize("text", [
    "Student data is not the Board's once it is uploaded.",
    "The Board does not own the student records it sends to the Vendor.",
])
def test_the_schools_ownership_denied_stays_no_ownership(library, text):  # stays
    assert status(text, library, "ownership") != "present"


# ---------------------------------------------------------------- conflicts: passing data on in other words; profiles


@pytest.mark.parametrize("text", [
    "The Vendor may release Student Data to data brokers.",
    "Provider may furnish pupil records to unaffiliated companies for their own use.",
    "The Contractor may make student information available to recruiters.",
    "Student Data may be released by the Vendor to any outside firms it chooses.",
    "The Vendor shall not disclose Student Data to others, except that it may sell it to marketers.",
])
def test_passing_student_data_on_in_other_words_is_a_disclosure(library, text):
    assert "disclosure" in conflict_kinds(text, library)


@pytest.mark.parametrize("text", [
    "The Vendor shall not release, furnish or make available Student Data to any third party except as the Board directs.",
    "Provider may make student records available to the Board through a secure download.",
    "The Vendor may provide access to Student Data only to its employees who need it to perform the Services.",
])
def test_release_to_the_board_or_a_ban_on_release_is_no_disclosure(library, text):  # stays
    assert "disclosure" not in conflict_kinds(text, library)


@pytest.mark.parametrize("text", [
    "Profiles of students may be compiled to forecast what they will buy.",
    "The Contractor may build student profiles to sell to colleges.",
    "Detailed profiles of pupils will be generated and kept for purposes unrelated to the Services.",
])
def test_a_profile_of_students_built_in_the_passive_or_by_another_verb_is_profiling(library, text):
    assert "profiling" in conflict_kinds(text, library)


@pytest.mark.parametrize("text", [
    "No profile of a student shall be built except for the Board's school purposes.",
    "Student profiles may be built only to personalize instruction at the direction of the School.",
    "Each teacher's profile page may be created by the District's staff.",
])
def test_a_profile_barred_for_the_schools_purposes_or_a_profile_page_is_no_profiling(library, text):  # stays
    assert "profiling" not in conflict_kinds(text, library)


# ---------------------------------------------------------------- retention allowed for a time after the end


@pytest.mark.parametrize("text", [
    "The Vendor shall not retain Student Data for more than two years after the Agreement ends.",
    "The Contractor will not keep pupil records longer than one year following termination.",
    "The Provider shall not retain student data beyond six months after the contract expires.",
])
def test_retention_allowed_up_to_a_time_after_the_end_stays_partial(library, text):  # stays
    assert status(text, library, "no_retention") == "partial"


# ---------------------------------------------------------------- the middle status: roles named, terms rewritten, one clause


@pytest.mark.parametrize("text", [
    "The Board is the Controller. The Contractor is the Processor.",
    "Under this Addendum the School acts as the \"data controller\" and the Vendor as its \"data processor\".",
])
def test_controller_and_processor_roles_alone_are_partial_ownership(library, text):
    assert status(text, library, "ownership") == "partial"


@pytest.mark.parametrize("text", [
    "Any term a court holds invalid shall be renegotiated in good faith.",
    "A provision found unenforceable will be rewritten so that it is lawful.",
    "If any part of the warranty in this section is held invalid, the rest of this section survives.",
])
def test_a_term_only_rewritten_or_one_clause_surviving_is_partial_severability(library, text):
    assert status(text, library, "severability") == "partial"


def test_the_rest_of_the_agreement_surviving_stays_severability(library):  # stays
    text = "If any term is held invalid, the remaining terms of this Agreement shall continue in full force and effect."
    assert status(text, library, "severability") == "present"


# ---------------------------------------------------------------- the reviewers' sentences: the round's words in other roles


#: sentences two reviewers wrote with this round's words in other roles, each read worse part-way through the round
#: (the time of another step, a noun ban's object, another state's law in a side clause, the school's document
#: winning, FERPA "follow" denied, the possessive of a decision, a window after a refusal, the board's own release)
REVIEWED_16 = [
    ('Contractor shall engage a qualified forensic firm and, no later than ten days after discovery, give the District written notice of the unauthorized disclosure.', 'breach_notification', 'present'),
    ('Notice of any breach of Student Data shall be given by the Vendor to the Board no later than 30 days after discovery, whether or not the Vendor has yet notified its insurance carrier.', 'breach_notification', 'present'),
    ('Within 72 hours of discovery, and before it notifies parents or its insurer, the Vendor shall notify the District of the breach.', 'breach_notification', 'present'),
    ('The Vendor shall notify the District within 72 hours of a breach, or sooner where required by New York law.', 'breach_notification', 'present'),
    ('Vendor shall maintain reasonable security safeguards for Student Data and, to the extent Texas law applies, shall also comply with the Texas Education Code.', 'security', 'present'),
    ('The Vendor will comply with FERPA and, where required by Texas law, with the Texas Education Code.', 'ferpa', 'present'),
    ('Provider shall allow parents to review and correct student records through the District, and where required by Illinois law shall do so within 30 days.', 'review_correction', 'present'),
    ('Vendor shall delete all Student Data when the contract ends, except where New York law requires it to keep a record.', 'no_retention', 'present'),
    ('Vendor shall keep Student Data confidential and secure, except where disclosure is required by Texas law.', 'security', 'present'),
    ("Advertising based on Student Data is forbidden in the Vendor's MathLab app.", 'no_advertising', 'partial'),
    ("Advertising based on student data is forbidden to the District's staff.", 'no_advertising', 'partial/missing'),
    ("Vendor shall notify the District of a breach within 72 hours; where this Agreement and the Vendor's Terms of Service differ, this Agreement shall control.", 'breach_notification', 'present'),
    ('Vendor shall process Student Data only according to instructions from its parent company.', 'use_limitation', 'partial/missing'),
    ('Vendor shall process Student Data only according to the instructions of each individual user.', 'use_limitation', 'partial/missing'),
    ('Vendor shall process Student Data only pursuant to its own instructions.', 'use_limitation', 'partial/missing'),
    ('Within 72 hours of discovery the Vendor shall notify the District of the breach, before it notifies parents.', 'breach_notification', 'present'),
    ('Within 72 hours of discovery, and before contacting any parent, the Vendor shall notify the District of the breach.', 'breach_notification', 'present'),
    ('The Vendor shall notify the District within 72 hours of a breach and shall also notify any other agency where New York law requires.', 'breach_notification', 'present'),
    ('Vendor shall delete all Student Data when the contract ends, except to the extent New York law requires a copy to be kept.', 'no_retention', 'present'),
    ('Advertising based on student data is forbidden to users of the service.', 'no_advertising', 'partial/missing'),
    ('Advertising based on Student Data is forbidden to parents and teachers.', 'no_advertising', 'partial/missing'),
    ("Vendor shall notify the District of a breach within 72 hours; the Vendor's Terms of Service shall not control over this Section.", 'breach_notification', 'present'),
    ("Vendor shall notify the District of a breach within 72 hours; where this Agreement and the Vendor's Privacy Policy differ, this Agreement governs.", 'breach_notification', 'present'),
    ("Vendor shall encrypt Student Data; where this Agreement and the Vendor's Terms of Service differ, this Agreement shall control.", 'security', 'present'),
    ('Vendor shall process Student Data only according to the instructions of its affiliates.', 'use_limitation', 'partial/missing'),
    ("Vendor shall process Student Data only pursuant to instructions of the Vendor's product team.", 'use_limitation', 'partial/missing'),
    ('Vendor shall process Student Data only pursuant to the instructions of the student.', 'use_limitation', 'partial/missing'),
    ('Vendor shall process Student Data only according to the instructions in its Privacy Policy.', 'use_limitation', 'partial/missing'),
    ('Vendor shall process Student Data only pursuant to applicable law.', 'use_limitation', 'partial/missing'),
    ('Vendor shall process Student Data only according to instructions, as the Vendor decides.', 'use_limitation', 'partial/missing'),
    ('Vendor shall keep Student Data confidential; IEP data shall also be encrypted.', 'security', 'present'),
    ('Vendor shall keep Student Data confidential; health records shall also be stored on a separate server.', 'security', 'present'),
    ('The Vendor shall notify the District within 72 hours of a breach; where required by New York law, the Vendor shall also notify the New York State Education Department.', 'breach_notification', 'present'),
    ('Targeted advertising based on Student Data is forbidden to third-party app developers, but not to the Vendor.', 'no_advertising', 'partial/missing'),
    ("Vendor shall process Student Data only according to the District's instructions or as the Vendor otherwise determines.", 'use_limitation', 'partial/missing'),
    ('Vendor shall process Student Data only according to instructions given by any user of the service.', 'use_limitation', 'partial/missing'),
    ('The Vendor shall notify the District of the breach within 72 hours of discovery, before it notifies parents.', 'breach_notification', 'present'),
    ('Contractor shall retain a forensic firm and, within ten days after discovery, notify the District of the breach.', 'breach_notification', 'present'),
    ('Within five days after discovery, and without waiting for any forensic report, Vendor shall notify the District of the breach of Student Data.', 'breach_notification', 'present'),
    ('No later than 30 days after discovery, and whether or not it has notified its insurer, the Vendor shall notify the Board of the breach of Student Data.', 'breach_notification', 'present'),
    ('Vendor shall keep Student Data confidential; attendance records shall be retained for one year.', 'security', 'present'),
    ("Vendor shall delete Student Data within 30 days of the District's written request, or sooner where required by California law.", 'deletion', 'present'),
    ('Advertising based on Student Data is forbidden to the District.', 'no_advertising', 'partial/missing'),
    ('Advertising based on Student Data is forbidden to students.', 'no_advertising', 'partial/missing'),
    ("Vendor shall notify the District of a breach within 72 hours, and no term of the Vendor's Privacy Policy governs this duty.", 'breach_notification', 'present'),
    ("Vendor shall notify the District of a breach within 72 hours; the Vendor's Privacy Policy, where it differs, does not govern.", 'breach_notification', 'present'),
    ("Upon expiration the Vendor shall delete all Student Data within 30 days, and this DPA, not the Vendor's Terms of Service, governs where they differ.", 'no_retention', 'present'),
    ('Vendor shall process Student Data only according to instructions.', 'use_limitation', 'partial/missing'),
    ("Vendor shall process Student Data only according to the Vendor's internal instructions.", 'use_limitation', 'partial/missing'),
    ('Vendor shall process Student Data only pursuant to the instructions of its subprocessors.', 'use_limitation', 'partial/missing'),
    ("Tutor Co. may review and correct the student's progress records at its discretion.", 'review_correction', 'partial/missing'),
    ('The parties agree as follows: FERPA refers to the federal student privacy statute and its regulations.', 'ferpa', 'missing/partial'),
    ("The notice procedure that follows FERPA's own wording is set out in the District's handbook.", 'ferpa', 'missing/partial'),
    ('Whether the Vendor must follow FERPA is a matter for the District to decide.', 'ferpa', 'missing/partial'),
    ('The Vendor is not required to follow FERPA.', 'ferpa', 'missing/partial'),
    ('Venue. Connecticut. Governing Law. Delaware.', 'governing_law', 'missing'),
    ("The decision whether to delete Student Data is the District's.", 'ownership', 'partial/missing'),
    ('The District may release Student Data to its recruiters for staff hiring events.', 'conflict', 'none'),
    ('The Vendor shall not retain Student Data after the contract ends; within 30 days it shall delete the data of any student whose parent asks.', 'no_retention', 'partial'),
    ('The Vendor shall not retain Student Data after the contract ends; within 30 days it shall anonymize it and keep the anonymized records and backups indefinitely, including backups that contain identifiable data.', 'no_retention', 'partial'),
    ('Nothing in this Agreement requires the Provider to follow FERPA.', 'ferpa', 'missing/partial'),
    ('The Vendor shall not be required to follow FERPA.', 'ferpa', 'missing/partial'),
    ('Definitions are as follows: FERPA means 20 U.S.C. § 1232g; COPPA means 15 U.S.C. § 6501.', 'ferpa', 'missing/partial'),
    ("The glossary that follows FERPA's section numbering is attached as Exhibit B.", 'ferpa', 'missing/partial'),
    ('Jurisdiction. Connecticut. Governing Law. The laws of Delaware govern this Agreement.', 'governing_law', 'missing'),
    ('Notices. Connecticut. Governing Law. Delaware.', 'governing_law', 'missing'),
    ('State of Incorporation. Connecticut. Governing Law. New York.', 'governing_law', 'missing'),
    ('Venue. Connecticut. Governing Law. The laws of the State of Delaware govern this Agreement.', 'governing_law', 'missing'),
    ("The risk of loss of Student Data is the District's.", 'ownership', 'missing/partial'),
    ("Responsibility for the accuracy of Student Data is the District's.", 'ownership', 'missing/partial'),
    ('The School may pass on Student Data to outside firms it hires for transportation.', 'conflict', 'none'),
    ('The Vendor shall not retain Student Data after the contract ends; within 30 days of a request from the District it shall delete it.', 'no_retention', 'partial'),
    ('The Vendor shall not retain Student Data after the contract ends; within 30 days it shall delete whatever data it no longer needs.', 'no_retention', 'partial'),
    ('The Vendor shall not retain Student Data after the contract ends; within 30 days it shall move it to archive storage.', 'no_retention', 'partial/missing'),
    ("The Vendor shall not retain Student Data after the contract ends; within 30 days it shall transfer it to the Vendor's affiliate for safekeeping.", 'no_retention', 'partial/missing'),
    ('The Vendor shall not retain Student Data after the contract ends; within 30 days it shall decide whether to delete it.', 'no_retention', 'partial/missing'),
    ('The Vendor shall not retain Student Data after the contract ends; within 30 days it shall delete the copies held on its production servers.', 'no_retention', 'partial'),
    ('Your district owns the devices; we never own them, but we own every record the students create.', 'ownership', 'missing'),
    ('Governing Law. Connecticut. Exception: New York law governs all claims arising under this Agreement.', 'governing_law', 'missing/partial'),
    ('Headquarters. Connecticut. Governing Law. The laws of Texas.', 'governing_law', 'missing'),
    ('The Board may make Student Data available to unaffiliated researchers under its own research policy.', 'conflict', 'none'),
    ('Within ten days after the District asks, the Vendor shall delete the named teacher accounts together with all student work and rosters stored in them.', 'deletion', 'present'),
    ('The Contractor shall keep student photographs confidential.', 'security', 'partial'),
    ('The Vendor shall keep student images confidential and shall not post them publicly.', 'security', 'partial'),
    ('Within ten days after the District asks, the Vendor shall delete all student work stored in the named teacher accounts.', 'deletion', 'present'),
]


@pytest.mark.parametrize("text, pid, want", REVIEWED_16)
def test_the_reviews_sentences_keep_their_reading(library, text, pid, want):  # stays
    assert reads_as_wanted(text, pid, want, library)


# ---------------------------------------------------------------- deletion and breach in other words


@pytest.mark.parametrize("text", [
    "On the Board's written request the Contractor shall expunge the student records named in it within 30 days.",
    "Within 20 days of a written request from the District, the Vendor will permanently remove the specified pupil data.",
    "Upon the School's written request, the Provider shall remove the requested student records from its servers "
    "within two weeks.",
    "The Vendor shall, whenever so requested in writing by the Board, eliminate the student data it names within 30 days.",
    "Where the District notifies the Vendor in writing that it wishes student records destroyed, the Vendor shall "
    "destroy them within 45 days.",
])
def test_the_boards_request_to_delete_in_other_verbs_and_forms_is_a_means(library, text):
    assert status(text, library, "deletion") == "present"


@pytest.mark.parametrize("text, want", [
    ("Upon the Board's written request, the Contractor shall remove the Board's logo from its website within 30 days.",
     "missing"),
    ("Student Data shall be deleted by the Vendor as directed by the Board from time to time.", "partial"),
])
def test_removing_something_else_or_deletion_as_directed_read_as_before(library, text, want):  # stays
    assert status(text, library, "deletion") == want


@pytest.mark.parametrize("text", [
    "The Vendor shall notify the Board within 48 hours of any intrusion into systems holding Student Data.",
    "Any hacking incident affecting student records must be reported to the District within three days.",
    "The Contractor will warn the School within two days of any security incident affecting pupil data.",
    "Upon discovering unlawful access to student data, the Provider shall inform the Board within 72 hours.",
])
def test_a_breach_and_its_notice_in_other_words_are_read(library, text):
    assert status(text, library, "breach_notification") == "present"


def test_an_intrusion_detection_system_is_no_breach(library):  # stays
    text = ("The Vendor runs intrusion detection systems and will notify the Board within 72 hours of any change to "
            "its hosting provider.")
    assert status(text, library, "breach_notification") == "missing"


# ---------------------------------------------------------------- use, ownership and advertising in other words


@pytest.mark.parametrize("text", [
    "The Contractor shall not use pupil information for purposes other than delivering the services the Board "
    "contracted for.",
    "The Vendor undertakes not to use student records for purposes different from those set out in this Agreement.",
    "Any use of Student Data by the Contractor beyond what this Agreement authorizes is prohibited.",
    "No use of student records shall be made by the Vendor other than for performing this Agreement.",
    "The Provider shall not mine, sell or otherwise use Student Data except to provide the Services to the Board.",
])
def test_a_use_limit_said_by_refusal_or_as_a_noun_is_a_limit(library, text):
    assert status(text, library, "use_limitation") == "present"


@pytest.mark.parametrize("text, want", [
    ("Use of Student Data by the Board for purposes the law does not allow is prohibited.", ("partial", "missing")),
    ("The Vendor shall not use Student Data for purposes other than those this Agreement authorizes or its Privacy "
     "Policy allows.", ("partial",)),
])
def test_the_boards_own_use_or_a_limit_widened_by_the_contractors_policy_is_no_limit(library, text, want):  # stays
    assert status(text, library, "use_limitation") in want


@pytest.mark.parametrize("text", [
    "The Board is and shall remain the sole owner of all Student Data.",
    "Pupil records are owned exclusively by the District.",
    "The School holds all proprietary rights in its students' information, and the Vendor holds none.",
    "We don't own your students' data.",
])
def test_ownership_said_as_the_schools_title_or_the_contractors_denial_in_other_words(library, text):
    assert status(text, library, "ownership") == "present"


@pytest.mark.parametrize("text", [
    "The Contractor is and shall remain the owner of all Student Data.",
    "The Customer may upload personal data, the amount of which is decided and controlled by the Customer.",
])
def test_the_contractor_as_owner_or_a_choice_of_the_school_is_no_ownership(library, text):  # stays
    assert status(text, library, "ownership") != "present"


@pytest.mark.parametrize("text", [
    "The Vendor shall not use Student Data to display sponsored content to students.",
    "The Contractor will not use student information to upsell or cross-sell its products to families.",
    "Use of pupil records for advertising is expressly prohibited.",
])
def test_an_advertising_ban_in_other_words_is_a_ban(library, text):
    assert status(text, library, "no_advertising") == "present"


def test_a_publicity_clause_is_no_advertising_ban(library):  # stays
    text = "Neither Party shall name the other Party in any publicity or promotion without its consent."
    assert status(text, library, "no_advertising") == "missing"


#: the third reviewer's sentences, the round's later words in other roles (an object that is no data for the new
#: deletion verbs, a breach of something else, a second act sharing one "shall", ownership that passes later, a
#: noun prohibition with an exception after it)
REVIEWED_16T = [
    ("When the District so requests, the Vendor shall scrub the roster records for duplicate and misspelled entries before each semester's import.", 'deletion', 'missing'),
    ('Where the District notifies the Vendor in writing that it wishes records destroyed, the District shall itself destroy any paper copies it holds.', 'deletion', 'missing'),
    ("If the Vendor's billing system suffers a hacking incident affecting payment card records, the Vendor shall inform the District within ten days.", 'breach_notification', 'partial/missing'),
    ("The District shall notify the Vendor within 24 hours of any intrusion into the District's own network that could affect the Service.", 'breach_notification', 'missing'),
    ('Paper records remain in the custody and control of the Board until scanned, after which the scanned images are the property of the Vendor.', 'ownership', 'missing'),
    ('The Vendor shall not display sponsored links to students, but may use Student Data to tailor offers to their families.', 'no_advertising', 'partial/missing'),
    ('Use of Student Data for any purpose not authorized by the District is prohibited, except that the Vendor may use it for any purpose it considers appropriate.', 'conflict', 'other'),
    ('Use of Student Data for any purpose is prohibited only where the District objects in writing beforehand.', 'conflict', 'other'),
    ('When the District so requests, the Vendor shall scrub the Student Data for formatting errors before import.', 'deletion', 'missing'),
    ("At the Board's request, the Vendor shall scrub enrollment records to correct misspelled names.", 'deletion', 'missing'),
    ("Upon the District's request, the Vendor shall scrub Student Data of direct identifiers before using it for research.", 'deletion', 'partial/missing'),
    ("At the District's request the Vendor shall eliminate data entry errors from the records it imports.", 'deletion', 'missing'),
    ("At the District's request, the Vendor shall remove data validation rules that block the import.", 'deletion', 'missing'),
    ("Upon the Board's request, the Vendor shall remove records of fees paid from the public invoice portal and place them in the secure billing archive.", 'deletion', 'missing'),
    ("At the District's request, the Vendor shall expunge the late-payment flag from the District's billing account.", 'deletion', 'missing'),
    ('If the Board asks, the Vendor shall scrub its marketing mailing list of District staff addresses.', 'deletion', 'missing'),
    ("Whenever so requested in writing by the Board, the Board's records clerk shall shred the printed copies.", 'deletion', 'missing'),
    ("Where the Board notifies the Vendor in writing that it wishes records destroyed, the Board's archivist shall destroy the originals.", 'deletion', 'missing'),
    ('The District shall warn the Vendor within 24 hours of any cyberattack on District email.', 'breach_notification', 'missing'),
    ("Student Data remains in the custody and control of the Board until it is uploaded, at which point it becomes the Vendor's property.", 'ownership', 'missing'),
    ('Student Records are owned exclusively by the District until export; exported copies are owned by the Vendor.', 'ownership', 'missing'),
    ('Use of Student Data for any purpose not authorized by the Board is prohibited, unless the Vendor decides otherwise.', 'conflict', 'other'),
    ('Use of Student Data for any purpose is prohibited only if the Board objects.', 'conflict', 'other'),
    ('Use of Student Data for any purpose not authorized by the District is prohibited; provided that the Vendor may use Student Data for any other purpose.', 'conflict', 'other'),
    ("At the District's request, the Vendor shall expunge the late fee from the District's invoice.", 'deletion', 'missing'),
    ("At the District's request, the Vendor shall eliminate the setup fee.", 'deletion', 'missing'),
    ("At the District's request, the Vendor shall scrub the floors of the server room.", 'deletion', 'missing'),
    ("At the District's request, the Vendor shall remove it from the reference list on its website.", 'deletion', 'missing'),
    ("At the District's request, the Vendor shall remove them from the vendor showcase.", 'deletion', 'missing'),
    ("At the District's request, the Vendor shall remove data fields it no longer needs from the export template.", 'deletion', 'missing'),
    ("At the District's request, the Vendor shall remove content filters on the teacher accounts.", 'deletion', 'missing'),
    ("Upon the Board's request, the Vendor shall remove student information from the public directory and keep it in the internal roster.", 'deletion', 'missing'),
    ('Use of Student Data for any purpose not authorized by the District is prohibited, except that the Vendor may use it for its own business purposes.', 'conflict', 'other'),
    ('All Student Information is owned exclusively by the District, except that the Vendor owns all copies stored on its servers.', 'ownership', 'missing'),
    ('The Vendor shall warn students not to share passwords, so as to prevent hacking of their accounts.', 'breach_notification', 'missing'),
    ("The Vendor shall warn the District within 48 hours of any cyberattack it detects against other customers' systems in which no District data was involved.", 'breach_notification', 'missing'),
    ("The Vendor shall apprise the District within ten days of any unauthorized copying of the Vendor's own proprietary software by third parties.", 'breach_notification', 'missing'),
    ("The Vendor shall send word within 24 hours to the District's facilities office of any intrusion into District buildings by its installation crew.", 'breach_notification', 'missing'),
    ('Where the District notifies the Vendor in writing that it wishes records destroyed, the Vendor shall tell the District the cost of doing so.', 'deletion', 'partial/missing'),
    ("At the District's request, the Vendor shall render the login page unreadable to screen scrapers.", 'deletion', 'missing'),
    ('The Vendor shall notify the District within 24 hours of any intrusion into District buildings by its installation crew.', 'breach_notification', 'missing'),
    ("The Vendor shall notify the District within ten days of any unauthorized copying of the Vendor's software.", 'breach_notification', 'missing'),
    ("The Vendor shall notify the District within 48 hours of any cyberattack on the Vendor's marketing website.", 'breach_notification', 'missing'),
]


@pytest.mark.parametrize("text, pid, want", REVIEWED_16T)
def test_the_third_reviews_sentences_keep_their_reading(library, text, pid, want):  # stays
    assert reads_as_wanted(text, pid, want, library)


@pytest.mark.parametrize("text", [
    "The Vendor may use Student Data to tailor offers to families.",
    "Use of Student Data for purposes the Board has not approved is prohibited, except that the Vendor may use it for "
    "its own business purposes.",
])
def test_offers_tailored_with_student_data_or_the_contractors_own_purposes_are_conflicts(library, text):
    assert conflict_kinds(text, library)


def test_a_ban_on_others_using_data_for_their_purposes_is_no_conflict(library):  # stays
    assert "other" not in conflict_kinds("We do not allow third parties to use student data for their own purposes.", library)


def test_ownership_with_an_exception_for_the_contractors_copies_is_not_present(library):
    text = "Student records are owned by the District, except that the Vendor owns the copies on its servers."
    assert status(text, library, "ownership") != "present"


def test_ownership_with_an_exception_of_the_laws_stays_present(library):  # stays
    text = "Student records are owned by the District, except where the law provides otherwise."
    assert status(text, library, "ownership") == "present"


@pytest.mark.parametrize("text", [
    "When the Agreement ends the Contractor shall erase Student Data whenever so requested in writing by the School.",
    "Upon expiration, the Vendor shall destroy student records within 30 days of the Board's written demand.",
])
def test_deletion_at_the_end_only_on_a_request_said_another_way_is_partial_retention(library, text):
    assert status(text, library, "no_retention") == "partial"
