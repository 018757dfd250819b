"""The fourteenth round: concepts found by sentences of our own in genres the earlier rounds had
not written (amendments and riders, another state's model agreement, a researcher's data-sharing
memorandum, a trust-centre FAQ, a reseller's pass-through terms, counsel's confirming email, a
policy that restates the law). Every sentence here is our own wording. Each test of a new reading
failed before the round's change; the cases marked "stays" held before and must still hold."""

from __future__ import annotations

import pytest

from .test_duty_phrasings import report, status


def conflict_kinds(text: str, library) -> list[str]:
    """The kinds of the conflicts the check reports in ``text``, in the report's order."""
    return [c.kind for c in report(text, library).conflicts]

# ---------------------------------------------------------------- conflicts: the board's own act is no term of the contractor's


@pytest.mark.parametrize("text", [
    "The District may use directory information to advertise school events.",
    "The District, not the Vendor, may use directory information to advertise school events.",
    "The Board may share student names with local newspapers to announce honour rolls and advertise graduation.",
])
def test_the_boards_own_advertising_is_no_conflict(library, text):
    assert conflict_kinds(text, library) == []


@pytest.mark.parametrize("text", [
    "The Vendor may use student data to advertise its products to students.",
    "By using the Service, you agree that we may show advertisements based on students' activity.",  # the user's term counts
    "The District permits the Vendor to use student data to advertise its other products.",  # the board's consent to the contractor's act
])
def test_the_contractors_advertising_is_still_a_conflict(library, text):  # stays
    assert "advertising" in conflict_kinds(text, library)


# ---------------------------------------------------------------- use limitation: "contract" is a whole word


@pytest.mark.parametrize("text", [
    "The Vendor shall not use student data except to deliver Contractor-branded promotions.",
    "We will not use student information other than to provide contractors with leads.",
])
def test_contractor_is_not_the_contract(library, text):
    assert status(text, library, "use_limitation") in ("partial", "missing")


@pytest.mark.parametrize("text", [
    "The Vendor shall not use student data except to perform its obligations under the contract.",
    "The Vendor shall not use student data except to provide the contract services.",
])
def test_the_contracts_own_purposes_still_limit_use(library, text):  # stays
    assert status(text, library, "use_limitation") == "present"


# ---------------------------------------------------------------- FERPA: an effort to comply is not compliance


@pytest.mark.parametrize("text", [
    "The Vendor shall use reasonable efforts to comply with FERPA.",
    "The Provider will make commercially reasonable efforts to handle student records in accordance with FERPA.",
    "The Provider agrees to use its best efforts toward compliance with the Family Educational Rights and Privacy Act.",
])
def test_an_effort_to_comply_with_ferpa_is_partial(library, text):
    assert status(text, library, "ferpa") == "partial"


@pytest.mark.parametrize("text", [
    "The Vendor shall comply with FERPA and shall make reasonable efforts to assist the District with parent requests.",
    "The Contractor, as a school official, shall comply with FERPA; it shall use best efforts to resolve any complaint.",
])
def test_ferpa_compliance_beside_an_effort_at_something_else_is_present(library, text):  # stays
    assert status(text, library, "ferpa") == "present"


# ---------------------------------------------------------------- advertising: a negation reaches each verb of an "or" list


@pytest.mark.parametrize("text", [
    "Do you sell student data or show ads? No, never.",
    "We will never track students, sell their data, or show them ads.",
])
def test_not_selling_data_or_showing_ads_bans_advertising(library, text):
    assert status(text, library, "no_advertising") == "present"


@pytest.mark.parametrize("text", [
    "We will not sell student data and show ads only to logged-out visitors.",
    "We do not currently sell data or show ads.",
    "We do not sell data, but we show ads to teachers based on their activity.",
])
def test_a_negation_that_does_not_reach_the_ads_is_no_ban(library, text):  # stays
    assert status(text, library, "no_advertising") in ("partial", "missing")


# ---------------------------------------------------------------- scope: another state's agencies, one programme by any name


@pytest.mark.parametrize("text, pid", [
    ("Solely with respect to LEAs located in the State of Illinois, the Provider shall comply with FERPA.", "ferpa"),
    ("For Texas LEAs only, the Provider shall not use Student Data for any purpose other than those set out in the Service Agreement.",
     "use_limitation"),
    ("With respect to personal data of data subjects in the European Economic Area, the Processor shall process such data only "
     "on documented instructions from the Controller.", "use_limitation"),
    ("Solely with respect to the summer reading pilot described in Exhibit B, Contractor is designated a school official under FERPA.",
     "ferpa"),
    ("Connecticut law shall govern disputes concerning the summer enrichment programme only.", "governing_law"),
])
def test_a_duty_for_another_states_agencies_or_one_programme_is_narrower(library, text, pid):
    assert status(text, library, pid) in ("partial", "missing")


@pytest.mark.parametrize("text, pid", [
    ("The Provider shall comply with FERPA and, for LEAs located in Illinois, also with the Illinois Student Online Personal "
     "Protection Act.", "ferpa"),
    ("For all Connecticut LEAs, the Provider shall not use Student Data for any purpose other than those set out in the Service "
     "Agreement.", "use_limitation"),
    ("Contractor is designated a school official under FERPA for all services under this Agreement, including the summer reading "
     "pilot described in Exhibit B.", "ferpa"),
    ("This Agreement, including the summer enrichment programme schedule, is governed by Connecticut law.", "governing_law"),
    ("The Vendor shall use student data solely in connection with the reading program and for no other purpose.", "use_limitation"),
])
def test_a_reach_that_adds_to_the_duty_or_covers_the_board_narrows_nothing(library, text, pid):  # stays
    assert status(text, library, pid) == "present"


# ---------------------------------------------------------------- amendments: the words an amendment takes out are no term


@pytest.mark.parametrize("text, pid", [
    ('Section 5.1 (Use of Data) of the Agreement is amended by striking the words "solely for the purposes of this Agreement" and inserting '
     'in their place "for any lawful business purpose".', "use_limitation"),
    ('Section 16 (Governing Law) of the Agreement is amended by deleting "Connecticut" and inserting "Delaware".', "governing_law"),
    ('Section 16 is amended to read: "This Agreement is governed by the laws of the State of Delaware," replacing the prior '
     'reference to Connecticut.', "governing_law"),
    ("Section 6.1 of the Agreement is amended by deleting its second sentence, which had required Vendor to delete Student Data "
     "within fifteen days of the District's written request.", "deletion"),
    ("Section 10 of the Agreement (Parent Access and Correction) is deleted, and the later Sections are renumbered.", "review_correction"),
    ("The sentence in Section 3.1 stating that all Student Data remains the property of the District is hereby struck.", "ownership"),
    ("Section 8 of the Agreement, under which Vendor shall implement safeguards to protect Student Data, is deleted in its entirety.",
     "security"),
    ('Section 8 is amended by replacing "shall implement and maintain administrative, technical and physical safeguards to protect '
     'Student Data" with "may implement such safeguards as it considers appropriate."', "security"),
])
def test_a_term_an_amendment_takes_out_is_no_term(library, text, pid):
    assert status(text, library, pid) == "missing"


def test_an_amendment_that_strikes_the_time_limit_leaves_notice_without_one(library):
    text = ('Section 12.2 is amended by deleting the words "within seventy-two (72) hours of discovery" so that it reads: '
            '"Vendor shall notify the District of a Security Incident."')
    assert status(text, library, "breach_notification") == "partial"


@pytest.mark.parametrize("text, pid", [
    ('Section 5.1 (Use of Data) is amended by striking the words "for any lawful business purpose" and inserting in their place "solely for '
     'the purposes of this Agreement".', "use_limitation"),
    ('Section 8 is amended by replacing "may implement such safeguards as it considers appropriate" with "shall implement and '
     'maintain administrative, technical and physical safeguards to protect Student Data".', "security"),
    ('The first sentence of Section 3.1 is struck and replaced with: "All Student Data remains the property of the District."',
     "ownership"),
    ('Section 6.1 is amended by deleting the words "at its discretion", so that the Vendor shall delete Student Data within '
     "fifteen days of the District's written request.", "deletion"),
    ("If any provision of this Agreement is held invalid, it shall be deemed deleted and the remaining provisions shall continue "
     "in full force.", "severability"),
    ("Student Data is deleted within 30 days after the District's written request, and the Vendor shall certify the deletion.",
     "deletion"),
    ("All Student Data shall be deleted upon expiration of this Agreement.", "no_retention"),
])
def test_what_an_amendment_puts_in_and_deletion_as_a_duty_still_count(library, text, pid):  # stays
    assert status(text, library, pid) == "present"


# ---------------------------------------------------------------- scope: a later clause that limits the whole term; a document's history


@pytest.mark.parametrize("text, pid", [
    ("Upon termination of this DPA, Provider shall dispose of all Student Data; this Article applies only to LEAs located in "
     "the State of Illinois.", "no_retention"),
    ("LEA may ask Provider to delete Student Data by written notice, and Provider shall comply within 30 days; this Section "
     "applies solely to LEAs in the Commonwealth of Massachusetts.", "deletion"),
    ("All Student Data remains the exclusive property of the LEA; this clause applies only to agreements with public school "
     "districts in the State of Texas.", "ownership"),
    ("In the event of a breach involving the Student Data of an LEA in the State of Utah, Provider shall notify that LEA within "
     "10 days.", "breach_notification"),
])
def test_a_later_clause_that_limits_the_whole_term_to_another_state_narrows_it(library, text, pid):
    assert status(text, library, pid) in ("partial", "missing")


def test_the_place_a_model_was_first_written_for_is_no_limit(library):
    text = ("Although this model agreement was first written for Utah schools, Provider shall notify the LEA within 10 days of "
            "discovering any breach involving its Student Data.")
    assert status(text, library, "breach_notification") == "present"


def test_a_later_clause_for_another_states_students_leaves_the_duty_whole(library):  # stays
    text = "The Provider shall delete Student Data within 30 days of the District's request; for students in California, it shall also honour CCPA requests."
    assert status(text, library, "deletion") == "present"


# ---------------------------------------------------------------- binds no one: a law's or a policy's rule, a proposal, today's practice


@pytest.mark.parametrize("text, pid", [
    ("Under Connecticut law a contractor may not retain student data after its contract with the board expires.", "no_retention"),
    ("Under section 10-234bb, student information shall not be the property of or under the control of a contractor.", "ownership"),
    ("University policy requires faculty to use research data only for protocols approved by the Institutional Review Board.",
     "use_limitation"),
    ("The Board's policy is that Connecticut law should govern its technology contracts wherever a vendor will agree to it.",
     "governing_law"),
    ("Counsel has proposed Connecticut governing law; the vendor is still reviewing and will respond after its legal team meets.",
     "governing_law"),
    ("We currently use student data only to provide the service to schools.", "use_limitation"),
])
def test_a_rule_said_of_no_party_here_a_proposal_or_todays_practice_is_no_term(library, text, pid):
    assert status(text, library, pid) in ("partial", "missing")


@pytest.mark.parametrize("text, pid", [
    ("Consistent with Connecticut law, the Contractor shall not retain student data after this Agreement expires and shall "
     "delete it on expiration.", "no_retention"),
    ("Under Section 10-234bb, the Contractor shall delete all student data when this Agreement expires.", "no_retention"),
    ("Counsel proposed Connecticut governing law and the vendor has accepted it: this Agreement is governed by the laws of the "
     "State of Connecticut.", "governing_law"),
    ("Consistent with the Board's policy, this Agreement is governed by the laws of the State of Connecticut.", "governing_law"),
    ("The Vendor shall delete all student data it currently holds within 30 days after the District's written request.", "deletion"),
    ("The District has requested, and the Vendor agrees, that the Vendor shall delete student data within 30 days of any "
     "written request from the District.", "deletion"),
])
def test_the_contractor_bound_under_the_law_or_now_is_still_bound(library, text, pid):  # stays
    assert status(text, library, pid) == "present"


# ---------------------------------------------------------------- severability: the rest of the contract, not of a part, kept unconditionally


@pytest.mark.parametrize("text", [
    "Any provision held unenforceable shall be reformed to the minimum extent necessary to make it enforceable.",
    "If any provision of Schedule C (Service Levels) is held invalid, the remaining provisions of Schedule C shall continue in effect.",
    "The invalidity of any term of the Publisher's end-user licence shall not affect the remainder of that licence.",
    "If any provision is held invalid, the remaining provisions shall remain in effect unless either party notifies the other "
    "within ten days that it no longer wishes to be bound.",
    "The invalidity of any provision shall not affect the rest of this Agreement, provided that, if any provision of Section 9 is "
    "held invalid, this entire Agreement shall be void.",
])
def test_severability_of_a_part_reformation_alone_or_survival_taken_back_is_partial(library, text):
    assert status(text, library, "severability") == "partial"


@pytest.mark.parametrize("text", [
    "If any provision of these Terms of Use is held invalid, it shall be limited to the minimum extent necessary so that the "
    "remaining provisions of these Terms of Use continue in full force.",
    "If any clause of these terms is held unenforceable, the remaining clauses shall be enforced to the fullest extent.",
    "If any provision is held invalid, the rest of this Agreement remains in effect, provided that the parties shall replace the "
    "invalid provision with a valid one.",
    "If any provision is held invalid, the remaining provisions remain in effect; either party may terminate this Agreement for "
    "convenience on 30 days' notice.",
])
def test_the_rest_of_the_document_itself_surviving_is_severability(library, text):  # stays
    assert status(text, library, "severability") == "present"


# ---------------------------------------------------------------- use limitation: other purposes the contractor chooses


def test_other_purposes_the_contractor_determines_widen_the_limit(library):
    text = ("Provider shall use Student Data only to provide the Services and for such other purposes as Provider may determine "
            "from time to time.")
    assert status(text, library, "use_limitation") == "partial"


def test_other_purposes_the_board_authorizes_keep_the_limit(library):  # stays
    text = ("Provider shall use Student Data only to provide the Services and for such other purposes as the District may "
            "authorize in writing.")
    assert status(text, library, "use_limitation") == "present"


# ---------------------------------------------------------------- the review's guards: this round's readings in other roles
# A reviewer wrote these to hunt over-readings of the round's changes; each read present on the round's first code, some
# read worse part-way through the round (an amendment's new duty taken out with the old, the board's own schools read as a
# narrower reach, an effort at something else beside FERPA, "the Contractor's obligations under this Agreement").

REVIEWED = [
    ('Any clause that a court of competent jurisdiction strikes down shall be removed only to the extent '
     'necessary, and all other clauses shall continue in full force.',
     'severability'),
    ('Section 20 is amended by replacing the prior reference to the laws of the State of California with a '
     'reference to the laws of the State of Connecticut, which shall govern this Agreement.',
     'governing_law'),
    ('Section 4.2, under which Provider held a perpetual licence to Student Data, is rescinded, and Student Data '
     'is and remains the property of the LEA.',
     'ownership'),
    ('Section 20, under which California law governed, is repealed, and this Agreement is governed by the laws of '
     'the State of Connecticut.',
     'governing_law'),
    ('The former Section 12, under which parents had to write to the Vendor directly, is removed, and parents may '
     "now review and correct their child's records through the School, with the Vendor making each correction "
     'within 10 days.',
     'review_correction'),
    ("Exhibit C, which listed the Vendor's old retention periods, is withdrawn, and the District may at any time "
     'request in writing that the Vendor delete Student Data, which the Vendor shall do within 30 days.',
     'deletion'),
    ('Section 3.2, under which the Vendor could use data for research, is omitted, and the Vendor shall use '
     'Student Data only for purposes this Agreement authorizes.',
     'use_limitation'),
    ('Paragraph 4, under which notice could wait until the next quarterly report, is struck, and the Provider '
     'shall notify the LEA of any breach of Student Data within 5 business days after discovery.',
     'breach_notification'),
    ('Although this DPA was first written for an LEA in the State of Utah, the Provider shall protect all Student '
     'Data of the District with reasonable administrative, technical and physical safeguards.',
     'security'),
    ('The Provider shall protect all Student Data of the District with reasonable administrative, technical and '
     'physical safeguards, although this DPA was first written for an LEA in the State of Utah.',
     'security'),
    ('The Vendor shall encrypt all Student Data at rest and in transit and restrict access to authorized '
     "personnel; this Section applies solely to Student Data and not to the Vendor's own business records.",
     'security'),
    ("Parents may review their child's information and request corrections through the District, which the Vendor "
     'shall make within 15 days; this Section applies solely to the District and its schools.',
     'review_correction'),
    ('The District may request deletion in writing, and the Vendor shall delete the data within 30 days; this '
     'Section applies solely to the Board and its schools.',
     'deletion'),
    ('The Vendor shall notify the District within 72 hours after discovering any breach of Student Data; this '
     'Section applies solely to Student Data and not to de-identified data.',
     'breach_notification'),
    ('The Contractor shall use Pupil Records solely with respect to the Literacy Pilot Program that is the subject'
     ' of this Agreement, and for no other purpose.',
     'use_limitation'),
    ('Provider agrees to comply with FERPA as a school official, and will also make good-faith efforts to resolve '
     'within ten days any FERPA complaint the LEA refers to it.',
     'ferpa'),
    ('The Contractor shall comply with all FERPA requirements that apply to it, and its best efforts to train '
     'staff on FERPA do not reduce that obligation.',
     'ferpa'),
    ('Each party shall comply with FERPA, and the Vendor shall in addition use reasonable efforts to keep its '
     'FERPA training materials current.',
     'ferpa'),
    ('The Vendor shall comply with FERPA and shall use best efforts to answer FERPA requests from the District '
     'within ten days.',
     'ferpa'),
    ('The Vendor shall comply with FERPA, and shall use commercially reasonable efforts to ensure that its '
     'subcontractors also comply with FERPA.',
     'ferpa'),
    ('Provider shall comply with FERPA and will make good-faith efforts to route any FERPA complaint it receives '
     'to the LEA within five days.',
     'ferpa'),
    ('The Contractor shall comply with FERPA and with all other federal privacy laws, and shall use its best '
     'efforts to cooperate with the Board on any FERPA audit.',
     'ferpa'),
    ('The Vendor shall use reasonable efforts to minimise downtime and shall comply with FERPA.',
     'ferpa'),
    ('Subject to its best efforts to keep the Services available, the Vendor shall in all cases comply with FERPA '
     'as a school official.',
     'ferpa'),
    ("The Contractor shall not use Student Data except to perform the Contractor's obligations to the Board under "
     'this Agreement.',
     'use_limitation'),
    ("The Contractor shall not use Student Data except to provide the Contractor's services under this Agreement.",
     'use_limitation'),
    ("The Contractor shall not use Student Data except to perform the Contractor's duties under the Agreement.",
     'use_limitation'),
]


@pytest.mark.parametrize("text, pid", REVIEWED)
def test_the_reviews_sentences_keep_their_reading(library, text, pid):  # stays
    assert status(text, library, pid) == "present"


# ---------------------------------------------------------------- review and correction: half of it denied; adults only


@pytest.mark.parametrize("text", [
    "Provider shall provide parents with a copy of their child's records upon request; no right of correction is granted under "
    "this Agreement.",
    "The parent review process is amended so that parents may view but may no longer dispute or amend their child's Student Data.",
    "The right to inspect and correct records applies only to Eligible Students who have reached eighteen years of age.",
])
def test_review_with_correction_denied_or_for_adults_only_is_partial(library, text):
    assert status(text, library, "review_correction") == "partial"


@pytest.mark.parametrize("text", [
    "Provider shall provide parents with a copy of their child's records upon request and shall correct any inaccuracy they "
    "identify within 30 days.",
    "Parents may review their child's records and ask the School to correct errors; the Vendor shall make each correction within "
    "10 days, and no fee is charged for correction.",
    "Parents, and students who have reached eighteen years of age, may review the records and request corrections through the District.",
])
def test_review_and_correction_for_parents_stays_present(library, text):  # stays
    assert status(text, library, "review_correction") == "present"


# ---------------------------------------------------------------- what a law places on schools; card payments


def test_an_answer_that_puts_ferpa_on_schools_is_no_commitment(library):
    text = ("Q: Is your company FERPA compliant? A: FERPA places its obligations on schools rather than on software companies, "
            "and we give schools tools that help them meet those obligations.")
    assert status(text, library, "ferpa") in ("partial", "missing")


@pytest.mark.parametrize("text", [
    "FERPA places duties on schools, and the Vendor, as a school official, shall comply with FERPA.",
    "Q: Is your company FERPA compliant? A: FERPA places obligations on schools, and under our agreement we accept them as a "
    "school official and comply with FERPA.",
])
def test_the_contractor_bound_beside_what_ferpa_says_is_a_commitment(library, text):  # stays
    assert status(text, library, "ferpa") == "present"


def test_card_payments_encrypted_is_no_security_for_student_data(library):
    text = ("Q: Is payment information secure? A: All credit card payments are processed by a certified processor and "
            "encrypted in transit.")
    assert status(text, library, "security") in ("partial", "missing")


# ---------------------------------------------------------------- breach: notice to the parents alone; a breach confirmed


@pytest.mark.parametrize("text", [
    "Q: Will you tell us if there is a breach? A: If we confirm a breach affecting your students, we will notify the affected "
    "parents by email within 72 hours.",
    "If we confirm a breach affecting your students, we will notify the affected parents by email within 72 hours.",
])
def test_breach_notice_to_the_parents_alone_is_partial(library, text):
    assert status(text, library, "breach_notification") == "partial"


def test_notice_to_the_district_of_a_breach_confirmed_is_present(library):
    text = "We will notify the school district within 72 hours of confirming a breach, and the district will then notify affected parents."
    assert status(text, library, "breach_notification") == "present"


def test_notice_to_the_district_and_the_parents_is_present(library):  # stays
    text = "The Vendor shall notify the District and the affected parents within 72 hours after discovering a breach of student data."
    assert status(text, library, "breach_notification") == "present"


# ---------------------------------------------------------------- binds no one now: opted out, another document, history, another vendor


@pytest.mark.parametrize("text, pid", [
    ("Unless Vendor has opted out of Exhibit G, the LEA may request deletion of Student Data by written notice and Vendor shall "
     "delete it within thirty days.", "deletion"),
    ("Unless Vendor opts out of Exhibit G, this Agreement shall be governed by Connecticut law.", "governing_law"),
    ("Where the District has purchased the Premium Privacy tier, all Student Data shall remain the exclusive property of the District.",
     "ownership"),
    ("Where Customer is a U.S. educational agency that has signed our Education Addendum, Company will comply with FERPA.", "ferpa"),
    ("The Supplemental Terms for Connecticut districts, if executed, will be governed by Connecticut law.", "governing_law"),
    ("The procedure by which the Board may ask for deletion of student records will be set out in the Data Protection Addendum "
     "to be agreed.", "deletion"),
    ("Previously, we erased all school data 30 days after a contract ended.", "no_retention"),
    ("Previously, we did not use student data for advertising.", "no_advertising"),
    ("The District's SIS vendor shall delete roster records on the District's written request.", "deletion"),
    ("Vendor will endeavour not to direct targeted advertising at students.", "no_advertising"),
])
def test_a_term_that_binds_only_if_or_only_once_or_only_before_is_no_present_duty(library, text, pid):
    assert status(text, library, pid) in ("partial", "missing")


@pytest.mark.parametrize("text, pid", [
    ("Exhibit G is mandatory and Vendor may not opt out of it; under Exhibit G the LEA may request deletion of Student Data by "
     "written notice and Vendor shall delete it within thirty days.", "deletion"),
    ("Whether or not Vendor opts out of Exhibit G, this Agreement shall be governed by Connecticut law.", "governing_law"),
    ("On every plan, including the free tier and the Premium Privacy tier, all Student Data shall remain the exclusive property "
     "of the District.", "ownership"),
    ("Company will comply with FERPA for every U.S. educational agency customer, whether or not it has signed our Education "
     "Addendum.", "ferpa"),
    ("The Data Protection Addendum attached as Exhibit B, agreed and signed with this Agreement, sets the procedure: the Board may "
     "ask for deletion of student records by written notice, and Contractor shall delete them within 30 days.", "deletion"),
    ("As before, we shall erase all school data within 30 days after a contract ends.", "no_retention"),
    ("The District's identity provider passes student login data to Vendor, and Vendor shall use that data solely to authenticate "
     "users to the Services.", "use_limitation"),
    ("Vendor shall not use Student Data for targeted advertising, and will endeavour to ensure that its subprocessors do the same.",
     "no_advertising"),
])
def test_the_same_words_around_a_duty_in_force_leave_it_present(library, text, pid):  # stays
    assert status(text, library, pid) == "present"


# ---------------------------------------------------------------- conflicts said in other words


@pytest.mark.parametrize("text, kind", [
    ("Pupil data may be processed for advertising purposes.", "advertising"),
    ("Student email addresses collected through the Service may be used by the Company to promote summer camps and other "
     "commercial offerings.", "advertising"),
    ("Insights derived from each student's reading history are made available to publishers for the purpose of promoting titles "
     "to that student.", "advertising"),
    ("Section 9 is amended to permit the Vendor to license Student Data to third-party research firms for a fee.", "sale"),
    ("Student information may be bartered or exchanged with other education technology companies in return for access to their "
     "datasets.", "sale"),
    ("The Vendor may exchange Student Data for money.", "sale"),
    ("Texas law controls the interpretation and enforcement of these Terms of Service.", "governing_law_other_state"),
    ("The rights of the parties hereunder are to be interpreted according to the laws of England and Wales.", "governing_law_other_state"),
    ("This Agreement shall be governed by the laws of the State of incorporation of the Provider (Delaware).", "governing_law_other_state"),
    ("Amendments to these Terms may be made by Vendor in its sole discretion and will take effect upon notice to the Customer.",
     "unilateral_change"),
    ("The terms of this agreement are subject to revision by the Contractor.", "unilateral_change"),
    ("The Provider may alter these terms without notice.", "unilateral_change"),
    ("Revised terms will be emailed to the account administrator and will apply automatically 14 days later.", "unilateral_change"),
    ("The Vendor shall have no obligation to delete or return Student Data at the end of the term.", "retention"),
    ("The Vendor is not required to delete Student Data upon termination.", "retention"),
    ("Deletion of Student Data following termination is at the sole discretion of the Company.", "retention"),
    ("Notwithstanding termination, Contractor may continue to store Student Data for a period of seven (7) years.", "retention"),
    ("Student Data becomes our property.", "ownership"),
    ("Ownership of all data generated through the Services, including Student Data, vests in the Provider.", "ownership"),
    ("Student-created content shall be deemed a work made for hire for the benefit of the Contractor.", "ownership"),
])
def test_a_conflict_said_in_other_words_is_found(library, text, kind):
    assert kind in conflict_kinds(text, library)


@pytest.mark.parametrize("text", [
    "These Terms may be modified only with the District's consent.",
    "This DPA may be amended only with the District's prior written consent.",
    "The Provider shall host Student Data in exchange for the fees set out in the Order Form.",
    "The Provider will not exchange Student Data for money.",
])
def test_the_schools_consent_the_schools_fees_and_a_refusal_raise_no_conflict(library, text):
    assert report(text, library).conflicts == []


@pytest.mark.parametrize("text", [
    "We aim to make it simple for you to control what is kept private, and permanently deleted.",
    "Connecticut law controls the interpretation of this Agreement.",
    "The Vendor is incorporated in Delaware.",
    "Title to all Student Data vests in and remains with the District.",
    "The Vendor's obligations to delete Student Data survive termination.",
    "Student Data shall not be retained after termination, except as required by law.",
])
def test_the_same_words_with_no_conflict_raise_none(library, text):  # stays
    assert report(text, library).conflicts == []


# ---------------------------------------------------------------- the second review's guards
# A second reviewer hunted over-readings of the later changes; each of these read as labelled on the round's first code and
# worse part-way through (a denial of correction to others, a policy beside this contract's own term, "to be agreed" or a
# tier in another clause, "apply automatically" negated or about software, the District's own discretion or duty).

REVIEWED_2 = [
    ('No right of correction is granted to third parties; parents and eligible students may review Student '
     'Data and have it corrected by contacting the District, which will pass the request to the Vendor, who '
     'shall correct the data within fifteen days.',
     'review_correction', 'present'),
    ('The Vendor grants no right of correction to advertisers or other customers; parents may review their '
     "child's records through the School and ask for corrections, which the Vendor shall make within ten days "
     "of the School's request.",
     'review_correction', 'present'),
    ('Q: Who is responsible for FERPA compliance? A: Both parties. FERPA places obligations on schools, and '
     'the Vendor, as a school official under this Agreement, shall comply with FERPA.',
     'ferpa', 'present'),
    ("The Board's policy is that Connecticut law governs its contracts, and this Agreement is governed by the "
     'laws of the State of Connecticut.',
     'governing_law', 'present'),
    ("The District's policy is that its contracts are governed by Connecticut law; accordingly, this Agreement"
     ' shall be governed by the laws of the State of Connecticut.',
     'governing_law', 'present'),
    ('Fees for optional modules are to be agreed; the Vendor shall not use Student Data for any purpose other '
     'than providing the Services under this Agreement.',
     'use_limitation', 'present'),
    ('The schedule of training sessions is to be agreed between the parties, and the Contractor shall comply '
     'with FERPA as a school official.',
     'ferpa', 'present'),
    ('The optional training order, if executed, adds on-site sessions; the Vendor shall delete Student Data '
     "within thirty days of the District's written request.",
     'deletion', 'present'),
    ('Customers that have signed our Education Addendum receive additional terms; for every customer, the '
     'Vendor shall not use Student Data for targeted advertising.',
     'no_advertising', 'present'),
    ('Where the District has purchased the Premium tier, the Vendor shall also provide live tutoring; in every'
     ' tier the Vendor shall not use Student Data for advertising.',
     'no_advertising', 'present'),
    ("Material changes to the Vendor's privacy policy shall not apply automatically to the District; they take"
     " effect only upon the District's written acceptance.",
     'conflict', 'none'),
    ('Changes to these Terms do not apply automatically to District accounts; they require a written amendment'
     ' signed by both parties.',
     'conflict', 'none'),
    ('Security patches apply automatically to all customer instances, without any action by the District.',
     'conflict', 'none'),
    ('The District has no obligation to delete data it has exported to its own systems.',
     'conflict', 'none'),
    ('The Vendor has no obligation to delete Student Data that the District directs it to preserve under a '
     'litigation hold.',
     'conflict', 'none'),
    ('The scope of deletion for shared records shall be determined at the sole discretion of the District, and'
     ' the Vendor shall carry it out within ten days.',
     'conflict', 'none'),
    ('After termination the Vendor shall continue to store Student Data for no more than thirty days, solely '
     'so that the District can export it, and shall then permanently erase it.',
     'conflict', 'none'),
    ('The Vendor may tell District administrators about its commercial offerings using their business contact '
     'details, but never using Student Data.',
     'conflict', 'none'),
]


@pytest.mark.parametrize("text, pid, want", REVIEWED_2)
def test_the_second_reviews_sentences_keep_their_reading(library, text, pid, want):  # stays
    if pid == "conflict":
        assert conflict_kinds(text, library) == ([] if want == "none" else want.split(","))
    else:
        assert status(text, library, pid) == want


@pytest.mark.parametrize("text, pid, want", [
    ('The Vendor may promote its products to students based on their Student Data.',
     'conflict', 'advertising'),
    ('The Vendor shall keep its own accounting records for seven years after termination.',
     'conflict', 'none'),
    ('The Vendor shall keep invoices and billing records for seven years after termination as tax law '
     'requires, and those records contain no Student Data.',
     'conflict', 'none'),
])
def test_promotion_with_student_data_and_the_vendors_own_business_records(library, text, pid, want):
    assert conflict_kinds(text, library) == ([] if want == "none" else want.split(","))


# ---------------------------------------------------------------- breach: "a confirmed or suspected breach"; "you, the School"


@pytest.mark.parametrize("text", [
    "In the event of a confirmed or suspected breach, the Vendor shall notify the District within forty-eight hours and shall "
    "help the District notify affected parents.",
    "We will notify you, the School, within seventy-two hours after discovering a breach affecting your students' records.",
])
def test_notice_of_a_suspected_breach_to_the_school_named_beside_you_is_present(library, text):
    assert status(text, library, "breach_notification") == "present"


def test_notice_to_you_alone_of_a_breach_of_your_account_stays_partial(library):  # stays
    text = "We will notify you within seventy-two hours after discovering a breach affecting your account."
    assert status(text, library, "breach_notification") == "partial"


# ---------------------------------------------------------------- a later clause that binds the contractor whole


@pytest.mark.parametrize("text, pid", [
    ("Parents may opt out of directory information sharing, and the Vendor shall not use Student Data for targeted advertising.",
     "no_advertising"),
    ("The District may not opt out of the Vendor's security obligations; the Vendor shall maintain reasonable administrative, "
     "technical and physical safeguards to protect Student Data.", "security"),
])
def test_a_duty_in_a_later_clause_binds_the_contractor_whoever_the_first_clause_names(library, text, pid):
    assert status(text, library, pid) == "present"


def test_a_later_clause_that_leans_on_the_first_is_no_duty_of_its_own(library):  # stays
    text = "After the contract ends, the district may ask us to delete its data, and we will do so within 60 days of receiving the request."
    assert status(text, library, "no_retention") == "partial"


# ---------------------------------------------------------------- duties in other words: "in no event", ensure, destruction, licensee, choice of law


@pytest.mark.parametrize("text, pid", [
    ("In no event will Provider retain Student Data after the expiration of this Agreement.", "no_retention"),
    ("Under no circumstances shall the Processor keep Personal Information of students after the termination of the Agreement.",
     "no_retention"),
    ("Provider will in no event retain Student Data after termination of this Agreement.", "no_retention"),
    ("Under no circumstances will Vendor use Student Data except as authorized by this Agreement.", "use_limitation"),
    ("Destruction of Student Data shall occur within 30 days after termination of this Agreement.", "no_retention"),
    ("Provider shall ensure the security and confidentiality of Student Data.", "security"),
    ("The Company shall preserve the security of Student Data.", "security"),
    ("Upon the Licensee's written request, Provider will delete the Student Data within 30 days.", "deletion"),
    ("Choice of Law: Connecticut (without regard to its conflicts of law provisions).", "governing_law"),
])
def test_a_duty_said_in_other_words_is_present(library, text, pid):
    assert status(text, library, pid) == "present"


@pytest.mark.parametrize("text, pid", [
    ("In no event will Provider retain Student Data after the expiration of this Agreement, except that backup copies will be "
     "kept for 24 months.", "no_retention"),
    ("Student Data shall remain with Provider for 12 months after the Agreement ends.", "no_retention"),
    ("The District shall ensure the security of its own user accounts and devices.", "security"),
    ("The Company shall ensure the confidentiality of student login passwords.", "security"),
    ("The University shall keep the Study Data confidential, store it only on an encrypted, password-protected server, and allow "
     "access only to the research staff named in Appendix 3.", "security"),
    ("Choice of Law: New York.", "governing_law"),
    ("In no event will Provider fail to delete Student Data within 30 days after the District requests deletion in writing.",
     "deletion"),
])
def test_the_same_words_keep_their_reading(library, text, pid):  # stays
    want = {"no_retention": ["partial", "missing"], "security": None, "governing_law": ["missing"], "deletion": ["present"]}[pid]
    got = status(text, library, pid)
    if want is None:  # the District's own duty is no duty; one kind of data is partial; the study data kept safe is present
        assert got == {"The District": "missing", "The Company": "partial", "The University": "present"}[text.split(" shall")[0]]
    else:
        assert got in want


@pytest.mark.parametrize("text, pid", [
    ("2. Section 8 of the Agreement, under which Vendor shall implement safeguards to protect Student Data, is deleted in its "
     "entirety.", "security"),
    ("6. Previously, the Vendor did not use Student Data for advertising.", "no_advertising"),
])
def test_a_numbered_item_is_read_as_the_same_sentence_unnumbered(library, text, pid):
    assert status(text, library, pid) in ("partial", "missing")
