"""The twelfth round: a FERPA commitment told from a FERPA mention by who commits and on what
condition, and a term confined to one tier or plan of the product. Severability has its own file
(``test_severability_concept.py``). Every sentence here is our own wording. Each test of a new
reading failed before the round's change; the cases marked "stays" held before and must still hold."""

from __future__ import annotations

import pytest

from .test_duty_phrasings import finding, report, status


# ---------------------------------------------------------------- FERPA: a commitment, not a condition, a help or a belief


@pytest.mark.parametrize("text", [
    # the commitment holds only if, or as far as, FERPA reaches the contractor: it may say it does not
    "Insofar as FERPA governs the Processor's work, the Processor will comply with FERPA.",
    "The Supplier shall observe FERPA where applicable.",
    "If the Company is covered by FERPA, it will meet FERPA's requirements for school officials.",
    "The Contractor shall handle education records under FERPA to the extent FERPA requires.",
])
def test_a_ferpa_promise_conditional_on_ferpa_applying_is_partial(library, text):
    f = finding(text, library, "ferpa")
    assert f.status == "partial" and f.confidence == "low"


@pytest.mark.parametrize("text", [
    # the product helps the school; the school's duty stays the school's
    "Our gradebook tools support FERPA compliance by districts.",
    "We assist educators in meeting their FERPA obligations.",
    "The platform enables schools to satisfy FERPA.",
    # an opinion, not a promise
    "The Company believes that its handling of student records is consistent with FERPA.",
])
def test_helping_the_school_comply_or_believing_it_complies_is_partial(library, text):
    assert status(text, library, "ferpa") == "partial"


@pytest.mark.parametrize("text", [
    "The Vendor shall comply with FERPA and shall also help the District satisfy its own FERPA obligations.",
    "The Vendor will comply with FERPA whenever it handles student records.",
    "The Vendor, as a school official subject to FERPA, shall protect education records.",
    "Vendor shall comply with FERPA and all other applicable laws.",
    "The Contractor agrees to comply with FERPA.",
])
def test_the_contractors_own_ferpa_commitment_stays_present(library, text):  # stays
    assert status(text, library, "ferpa") == "present"


# ---------------------------------------------------------------- a term for one tier or plan of the product


@pytest.mark.parametrize("text, pid", [
    ("For schools using our Premium Reading tier, we act as a school official under FERPA.", "ferpa"),
    ("For districts on the Enterprise plan, the Vendor will delete student data within 30 days of the "
     "District's written request.", "deletion"),
    ("For customers who purchase the Secure Storage add-on, the Vendor shall encrypt student data at rest "
     "and in transit.", "security"),
])
def test_a_term_for_one_named_tier_or_plan_is_partial(library, text, pid):
    f = finding(text, library, pid)
    assert f.status == "partial"
    assert "applies only to" in f.explanation


@pytest.mark.parametrize("text, pid", [
    ("For schools using the Service, the Vendor will delete student data within 30 days of the District's "
     "written request.", "deletion"),
    ("The Vendor shall encrypt student data at rest and in transit on every plan.", "security"),
])
def test_a_term_for_every_customer_stays_present(library, text, pid):  # stays
    assert status(text, library, pid) == "present"


# ---------------------------------------------------------------- security: an aim is not a commitment


@pytest.mark.parametrize("text", [
    # an effort in other words than "strive" or "try"
    "The Company works hard to protect the student records it receives.",
    "We do our very best to safeguard the information pupils enter.",
    "The Provider makes every reasonable effort to keep student data secure.",
    "Our goal is to keep learners' information safe from unauthorized access.",
    "We hope to keep student information protected.",  # stays
])
def test_an_aim_to_secure_the_data_is_partial(library, text):
    assert status(text, library, "security") == "partial"


@pytest.mark.parametrize("text", [
    # a binding promise, or a practice stated as fact, keeps its force beside a disclaimer after it (the
    # labels' convention: "we implement reasonable measures ..., but cannot guarantee absolute security" is present)
    "The Vendor shall protect student data with reasonable safeguards; no method of storage is completely secure.",
    "We apply reasonable safeguards to student data, although no method of storage is completely secure.",
    "The Vendor will keep student data secure and confidential.",
    "We protect student records with encryption and access controls.",
])
def test_a_security_commitment_stays_present(library, text):  # stays
    assert status(text, library, "security") == "present"


def test_a_hashed_password_is_security_of_one_kind_of_data(library):
    assert status("Passwords are stored only as salted hashes.", library, "security") == "partial"


@pytest.mark.parametrize("text, pid", [
    # an effort idiom is not read into a binding duty that merely mentions the word "best"
    ("The Vendor shall delete student data within 30 days of the District's written request, in the manner "
     "the District judges best.", "deletion"),
])
def test_an_effort_idiom_stays_in_its_place(library, text, pid):  # stays
    assert status(text, library, pid) == "present"


# ---------------------------------------------------------------- use limitation: the restriction as a noun, the reach widened by the vendor's own ends


@pytest.mark.parametrize("text", [
    # the restriction said of the use, as a noun
    "The Processor's processing of pupil records is confined to the purposes set out in this Agreement.",
    "Use of pupil data by the Supplier is restricted to following the Board's written instructions.",
    "Any use of student information by the Vendor shall be limited to performing the Services for the District.",
    "The Contractor will confine its use of student records to what this Agreement authorizes.",
    # no use at all, save what the contract allows
    "Other than as this Addendum allows, the Provider will make no use of student data.",
    # "may", closed by "for no purpose other than": a restriction, not a permission
    "The Vendor may access student data for no reason other than supporting the District's use of the Service.",
])
def test_a_use_confined_to_the_contracts_purposes_in_other_words_is_a_use_limitation(library, text):
    assert status(text, library, "use_limitation") == "present"


@pytest.mark.parametrize("text", [
    # the contractor's own ends added to the authorized ones
    "The Vendor will use student records only to provide the Services and to develop its other products.",
    "Student data may be used solely to deliver the Service to the District, as well as to improve our own "
    "offerings.",
])
def test_a_use_limit_widened_by_the_contractors_own_ends_is_partial(library, text):
    assert status(text, library, "use_limitation") == "partial"


@pytest.mark.parametrize("text", [
    "The Vendor shall use student data only to perform its obligations under this Agreement.",
    "The Vendor will use student data only to provide and improve the Services for the District.",
    # a ban on one use is not a limit to the contract's purposes
    "The Vendor shall make no use of student data for advertising.",
])
def test_the_use_limitation_guards_stay(library, text):  # stays
    want = "missing" if "advertising" in text else "present"
    assert status(text, library, "use_limitation") == want


# ---------------------------------------------------------------- deletion on the board's word, retention past the end


@pytest.mark.parametrize("text", [
    # the board "tells" or "says so"; "get rid of" is deletion
    "The Contractor shall erase a pupil's records whenever the Board tells it to.",
    "Whenever the District asks, the Company will get rid of the student records the District names, within "
    "thirty days.",
])
def test_the_boards_word_to_delete_in_other_words_is_a_deletion_request(library, text):
    assert status(text, library, "deletion") == "present"


@pytest.mark.parametrize("text", [
    # the board tells parents, not the contractor (the eleventh round's guard)
    "The Vendor deletes a student's records when the District tells parents how to ask for it.",
    "The Vendor deletes inactive accounts when the District tells the teachers to archive them.",
])
def test_the_board_telling_someone_else_is_no_deletion_request(library, text):  # stays
    assert status(text, library, "deletion") != "present"


def test_deletion_as_the_board_directs_with_no_process_is_partial(library):
    # the labels: "at the direction of" with no process is partial; "as directed by" is the same
    assert status("The Vendor shall destroy student records as instructed by the Board.", library,
                  "deletion") == "partial"


@pytest.mark.parametrize("text", [
    # the services, the engagement or the contract coming to an end, in other words
    "Once the services end, the Processor will erase all pupil information it holds.",
    "The Supplier shall destroy the Board's student records at the close of the engagement.",
    "At contract end the Vendor must either hand back or wipe all student information.",
    # retention forbidden past the term, with the data as the subject
    "No student records may be kept by the Contractor beyond the term of this Agreement.",
])
def test_the_end_of_the_contract_in_other_words_ends_the_retention(library, text):
    assert status(text, library, "no_retention") == "present"


@pytest.mark.parametrize("text", [
    # "beyond" a purpose, not the contract's end
    "The Vendor shall not retain student data beyond what it needs to provide the Services.",
    "The Vendor keeps student data for as long as the District's account stays open.",
])
def test_keeping_the_data_tied_to_no_end_of_the_contract_stays_short_of_present(library, text):  # stays
    assert status(text, library, "no_retention") != "present"


# ---------------------------------------------------------------- a breach by its kinds, and contact as notice


@pytest.mark.parametrize("text", [
    # the kinds of breach by name
    "The Vendor shall tell the District within 24 hours of any theft or leak of pupil records.",
    # the data lost, or taken by someone not authorized
    "If student information in the Contractor's care is lost or improperly disclosed, the Contractor shall "
    "notify the Board within 48 hours.",
    "The Provider will inform the District within three days of learning that an unauthorized party obtained "
    "student records.",
    # a breach that "affects" the data
    "Whenever a breach affects student data, we notify the District within five days.",
    # contact as notice
    "The Vendor will contact the District within 72 hours of discovering a breach of student data.",
])
def test_a_breach_by_its_kinds_and_a_notice_by_contact_is_breach_notification(library, text):
    assert status(text, library, "breach_notification") == "present"


@pytest.mark.parametrize("text", [
    # no breach: a loss of service, the vendor's own loss, or contact about something else
    "The Vendor will contact the District within 72 hours of any change to its subprocessors.",
    "The Vendor will notify the District within 24 hours of any loss of service lasting more than an hour.",
])
def test_contact_or_a_loss_that_is_no_breach_stays_missing(library, text):  # stays
    assert status(text, library, "breach_notification") == "missing"


# ---------------------------------------------------------------- review and correction, advertising, in other words


@pytest.mark.parametrize("text", [
    "A guardian may look over the records the Vendor keeps on the guardian's child and have any error fixed "
    "through the school.",
    "The Provider will let a pupil's parent examine the pupil's records and challenge any that are inaccurate.",
])
def test_review_and_correction_in_other_words(library, text):
    assert status(text, library, "review_correction") == "present"


@pytest.mark.parametrize("text", [
    # "barred", "refrain from": a ban in other words
    "The Supplier is barred from using pupil information for commercial advertising.",
    "The Company shall refrain from using student data for any advertising purpose.",
    # promoting products to students is advertising to them
    "No student data may be used to promote products to students or their parents.",
])
def test_a_ban_on_advertising_in_other_words(library, text):
    assert status(text, library, "no_advertising") == "present"


@pytest.mark.parametrize("text, pid, want", [
    # promoting the service to the district is not advertising with student data
    ("The Vendor may promote its services to other districts.", "no_advertising", "missing"),
    # a user who refrains from sharing a password binds no contractor
    ("Users shall refrain from sharing their passwords.", "security", "missing"),
])
def test_the_new_words_stay_in_their_place(library, text, pid, want):  # stays
    assert status(text, library, pid) == want


# ---------------------------------------------------------------- ownership in other words


@pytest.mark.parametrize("text", [
    # the school "holds" or "has" the right, title and interest
    "As between the parties, the Board has all right, title and interest in the pupil records.",
    # no transfer of ownership away from the school
    "Nothing in this Agreement conveys ownership of any student data from the District to the Vendor.",
    # "under the ownership of"
    "All student records stay under the ownership and control of the Board.",
])
def test_the_schools_ownership_in_other_words(library, text):
    assert status(text, library, "ownership") == "present"


@pytest.mark.parametrize("text", [
    # the school's right to ask for something is no ownership
    "The District has the right to request deletion of student data at any time.",
    # the vendor's own software
    "Nothing in this Agreement conveys ownership of the Vendor's software to the District.",
])
def test_a_right_or_a_conveyance_that_is_no_ownership_of_the_data(library, text):  # stays
    assert status(text, library, "ownership") == "missing"


# ---------------------------------------------------------------- a question and its answer


@pytest.mark.parametrize("text, pid", [
    ("Q: Who owns the pupil records we hold?\n\nA: Your school district does. We only keep them for it.", "ownership"),
    ("How long is student data kept after the contract ends?\n\nWe delete all of it within 30 days.", "no_retention"),
    ("Q: What if there is a breach of student data? A: We tell the district within 72 hours.", "breach_notification"),
    ("What may student data be used for? Only to run the service for the school, and nothing else.",
     "use_limitation"),
])
def test_an_answer_is_read_with_its_question(library, text, pid):
    assert status(text, library, pid) == "present"


def test_a_no_to_a_yes_or_no_question_is_a_denial_and_a_question_claims_nothing(library):
    r = report("Do you sell student data?\n\nNo, never.\n\nDo you show students ads based on their data?\n\n"
               "No.", library)
    assert not r.conflicts
    assert r.finding("no_advertising").status == "present"


def test_an_answer_reaches_two_sentences_and_stops_at_a_heading(library):  # the span of an answer
    r = report("Who owns student data?\n\nWe answer below.\n\nSee the table.\n\nThe district does.", library)
    assert r.finding("ownership").status == "missing"


# ---------------------------------------------------------------- a writer whose first language is not English


@pytest.mark.parametrize("text, pid", [
    # the contract's end as a noun ("the finishing of", "the ending of") or "is finished"
    ("After the finishing of this contract, the Supplier destroys all pupil data in at most 30 days.", "no_retention"),
    ("With the ending of the Agreement, the Provider will delete all student records.", "no_retention"),
    ("The Provider shall erase all student data when the contract is finished.", "no_retention"),  # stays
    # a request in the progressive, a demand as the school's request
    ("The Vendor will make the deletion of student data within 20 days when the Board is requesting it.", "deletion"),
    ("On the District's written demand, student data is to be erased by the Provider within 15 days.", "deletion"),  # stays
    # a breach "touching" the data, a notice "announced"
    ("In case of any breach touching student data, the Provider informs the District in 48 hours.",
     "breach_notification"),
    ("The Processor has the obligation to announce to the Board any security incident with student data within "
     "72 hours.", "breach_notification"),
    # "other aims than", "forbidden for the Provider to use"
    ("It is forbidden for the Provider to use the student data for other aims than those of this Agreement.",
     "use_limitation"),
    # "keeps the full ownership"
    ("The District keeps the full ownership over all student data.", "ownership"),
    # "consult" the data, "demand rectification"
    ("Parents can consult the data of their child and demand rectification through the school.",
     "review_correction"),
])
def test_a_duty_in_a_non_native_writers_english(library, text, pid):
    assert status(text, library, pid) == "present"


# ---------------------------------------------------------------- the round's review: over-readings mended (all "stays")


@pytest.mark.parametrize("text, pid, allowed", [
    # a user barred from something bans nothing of the contractor's
    ("Pupils are barred from sharing logins, and we pass student data to advertisers for their marketing.",
     "no_advertising", {"missing", "partial"}),
    # "unlawful purpose" and obligations that survive termination are not severability; nor is access "severed"
    ("The Vendor shall not use student data for any unlawful purpose. These duties remain binding after "
     "termination.", "severability", {"missing"}),
    ("An account used to harass others will have its access severed at once.", "severability", {"missing"}),
    # a question's words are not the answer's: a "no", or an answer that does not say it
    ("Is this contract governed by Connecticut law? No, by the law of Texas.", "governing_law", {"missing", "partial"}),
    ("Do you encrypt student records? We are looking into it.", "security", {"missing", "partial"}),
    ("Will you erase student data when the Board asks? We keep it while it is useful to us.", "deletion",
     {"missing", "partial"}),
    ("Who owns the pupil data? We do, and the district licenses it from us.", "ownership", {"missing", "partial"}),
    # ownership words about other things
    ("The Board has title to the laptops it buys, and student data is hosted by the Vendor.", "ownership", {"missing"}),
    ("The District keeps the right to end this Agreement if student data is misused.", "ownership", {"missing"}),
    # "with respect to FERPA" commits to nothing
    ("With respect to FERPA, the parties will talk through any questions in good faith.", "ferpa",
     {"partial", "missing"}),
    # an access control, or the use of the service, is not a limit to the contract's purposes
    ("Access to student data is limited to the Vendor's authorized staff.", "use_limitation", {"missing", "partial"}),
    ("The Vendor shall make no use of the Board's logo except as this Agreement allows.", "use_limitation",
     {"missing", "partial"}),
    # a loss of service, of access, or of a card is no breach of the data
    ("The Vendor will notify the District within a day of any loss of service affecting student records.",
     "breach_notification", {"missing", "partial"}),
    ("The Vendor will notify the District within a day if a student's library card is lost.",
     "breach_notification", {"missing", "partial"}),
    # retention left to the contractor's discretion
    ("Student data kept until contract end may be destroyed afterwards at the Vendor's discretion.", "no_retention",
     {"missing", "partial"}),
    # consulting the District, or keeping devices safe, is not review or security of the data
    ("The Vendor will consult the District before changing how student data is handled, and parents will be told.",
     "review_correction", {"missing", "partial"}),
    ("The Vendor keeps the school's tablets safe in its warehouse and hosts student data in the cloud.", "security",
     {"missing", "partial"}),
    # an effort idiom in one clause leaves a binding duty in another whole
    ("Our staff work hard to support teachers; the Vendor shall encrypt student data at rest and in transit.",
     "security", {"present"}),
    ("We do our best to answer quickly, and we will notify the District within 72 hours of any breach of student "
     "data.", "breach_notification", {"present"}),
    # FERPA with a condition on something else
    ("The Vendor shall comply with FERPA, and where applicable with other states' privacy laws.", "ferpa", {"present"}),
    ("The Vendor shall comply with FERPA when it receives education records covered by this Agreement.", "ferpa",
     {"present"}),
    # the Agreement survives as well as the section
    ("If any provision is held invalid, the other terms of this Section and of the Agreement remain in force.",
     "severability", {"present"}),
    # a denial of the contractor's own ends, and the districts' own services
    ("The Vendor shall use student data only to provide the Services, and never to develop or market its other "
     "products.", "use_limitation", {"present"}),
    # every plan
    ("For customers on the Free plan and on every paid plan, the Vendor will delete student data within 30 days "
     "of the District's written request.", "deletion", {"present"}),
])
def test_the_reviews_over_readings_stay_mended(library, text, pid, allowed):  # stays
    assert status(text, library, pid) in allowed
