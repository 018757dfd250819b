"""The eighteenth round: concepts found by reading ten more whole agreements of our own
(benchmarks/whole/read/, documents 83–92), checked against ten written the same way and never read
(benchmarks/whole/fresh/, 33–42). Every sentence here is our own wording. Each test of a new reading
failed before the round's change; the cases marked "stays" held before and must still hold."""

from __future__ import annotations

import pytest

from generator.checking.scopes import place_label, section_places

from .test_duty_phrasings import finding, status
from .test_duty_phrasings_14 import conflict_kinds

# ---------------------------------------------------------------- a section for another state's schools


@pytest.mark.parametrize("label, place", [
    ("Part 3: Oregon.", "Oregon"),
    ("SCHEDULE F - TEXAS", "TEXAS"),  # as the document writes it
    ("Rider B. Additional Terms for EU and UK Customers", "EU"),
    ("New York Schools", "New York"),
    ("Annex 2 – Provisions Specific to Students in Illinois", "Illinois"),
])
def test_a_label_that_names_only_another_place(label, place):
    assert place_label(label) == place


@pytest.mark.parametrize("label", [
    "Connecticut and Oregon Terms",  # Connecticut's schools too
    "Terms for All States",
    "We follow the GDPR.",  # a sentence that states something
    "The Vendor shall notify Oregon districts within ten days.",
    "Part 3: Breach Notification.",  # no place
    "Schedule of Prices for Texas Instruments Calculators",  # words that are no title's
])
def test_what_is_no_label_of_another_place(label):
    assert place_label(label) == ""


def test_a_label_reaches_its_paragraph_and_a_heading_its_section():
    rows = [
        ("Master Terms", True, 0),  # the title, before any body: no section
        ("The Vendor shall protect student data.", False, 1),
        ("STATE TERMS", True, 2),
        ("Part 1: Oregon.", False, 3), ("The Vendor shall notify within ten days.", False, 3),
        ("The District may audit.", False, 4),  # the next paragraph: the label's reach has ended
        ("OREGON", True, 5), ("The Vendor shall keep a log.", False, 6), ("It shall also delete logs.", False, 7),
        ("GENERAL", True, 8), ("This Agreement binds successors.", False, 9),
    ]
    assert section_places(rows) == ["", "", "", "", "Oregon", "", "", "OREGON", "OREGON", "", ""]


def test_a_label_whose_paragraph_binds_no_one_reaches_the_paragraphs_after_it():
    rows = [
        ("The Vendor shall protect student data.", False, 0),
        ("Part 2: Texas.", False, 1), ("This Part applies only to Texas districts.", False, 1),
        ("(a) The Vendor shall notify within five days.", False, 2), ("(b) The Vendor shall keep a log.", False, 3),
        ("Part 3: Maine.", False, 4), ("(a) The Vendor shall delete on request.", False, 5),
        ("SIGNATURES", True, 6), ("The Vendor shall sign below.", False, 7),
    ]
    assert section_places(rows) == ["", "", "Texas", "Texas", "Texas", "", "Maine", "", ""]


def test_the_label_of_another_part_ends_a_places_reach():
    rows = [("Part 2: Texas.", False, 0), ("This Part applies only to Texas districts.", False, 0),
            ("(a) The Vendor shall keep a log.", False, 1),
            ("Part 3: General Terms.", False, 2), ("The Vendor shall delete the data at the end.", False, 2),
            ("(b) The Vendor shall notify the District.", False, 3)]
    assert section_places(rows) == ["", "Texas", "Texas", "", "", ""]


_STATE_PARTS = """MASTER SERVICES TERMS

1. Services. Bramble Learning provides the reading platform to the District.

2. Notice. Bramble Learning shall tell the District of any security incident affecting Student Data promptly.

3. Laws. The laws of the State of Connecticut govern this Agreement.

SCHEDULE 4 - STATE PARTS

Each Part below applies only to a district located in the State named at the start of the Part.

Part 4.1: Oregon. Bramble Learning shall notify the District in writing within ten (10) days after it learns of any unauthorized disclosure of Student Data, describing what was disclosed.

Part 4.2: Vermont. Bramble Learning shall never use Student Data to direct advertising to students or parents.
"""


def test_a_duty_in_another_states_part_does_not_count_for_connecticut(library):
    breach = finding(_STATE_PARTS, library, "breach_notification")
    assert breach.status == "partial"  # "promptly" in the body; the ten days are Oregon's
    assert all("Oregon" not in e.text for e in breach.evidence)
    assert status(_STATE_PARTS, library, "no_advertising") == "missing"


def test_the_same_duties_in_the_body_still_count(library):  # stays
    body = _STATE_PARTS.replace("Part 4.1: Oregon. ", "").replace("Part 4.2: Vermont. ", "") \
        .replace("SCHEDULE 4 - STATE PARTS\n\nEach Part below applies only to a district located in the State named at "
                 "the start of the Part.\n\n", "")
    assert status(body, library, "breach_notification") == "present"
    assert status(body, library, "no_advertising") == "present"


def test_a_part_for_connecticut_counts(library):  # stays
    text = _STATE_PARTS.replace("Part 4.1: Oregon.", "Part 4.1: Connecticut.")
    assert status(text, library, "breach_notification") == "present"


def test_a_headed_section_for_another_state_reaches_to_the_next_heading(library):
    text = ("DATA TERMS\n\nThe Provider uses Student Data only to run the Service for the District.\n\n"
            "ILLINOIS SCHOOLS\n\nThe Provider shall delete a student's records within 30 days after the District "
            "asks it in writing.\n\nGENERAL\n\nIf a court holds any term invalid, the other terms stay in force.\n")
    assert status(text, library, "deletion") != "present"
    assert status(text, library, "severability") == "present"  # stays: after the next heading
    plain = text.replace("ILLINOIS SCHOOLS", "DELETION")
    assert status(plain, library, "deletion") == "present"  # stays


def test_a_title_naming_a_state_is_the_whole_documents_not_a_section(library):  # stays
    text = ("CALIFORNIA STUDENT DATA ADDENDUM\n\nThe Provider shall delete a student's records within 30 days after "
            "the District asks it in writing.\n")
    assert status(text, library, "deletion") == "present"


# ---------------------------------------------------------------- a family sent on to the school by its defined name


@pytest.mark.parametrize("text", [
    "If a parent or student writes to Lumen Labs asking to see or fix a record, Lumen Labs will not act on the "
    "request and will instead refer the requester to Customer.",
    "Requests from families to inspect or amend records reach the Licensee: Vendor will direct each such request to "
    "Licensee without answering it.",
])
def test_sending_a_familys_request_on_to_the_school_by_its_defined_name_is_partial(library, text):
    assert status(text, library, "review_correction") == "partial"


# ---------------------------------------------------------------- vouching for an act is not doing it


@pytest.mark.parametrize("text", [
    "Upon the District's request, the Vendor will certify the deletion in writing.",
    "At the Board's written request, an officer of the Contractor shall attest to the destruction of the records.",
])
def test_a_certificate_of_deletion_on_request_is_no_means_to_have_data_deleted(library, text):
    assert status(text, library, "deletion") != "present"


@pytest.mark.parametrize("text", [
    "Upon the District's written request, the Vendor shall delete the student data it names within 30 days and "
    "certify the deletion in writing.",
    "Upon receiving a written request from the District, the Vendor shall confirm receipt of the request and delete "
    "the student data it names within ten days.",
])
def test_deleting_and_then_certifying_is_still_the_deletion(library, text):  # stays
    assert status(text, library, "deletion") == "present"


def test_the_library_trace_says_a_certificate_is_not_the_act(library):
    from generator.checking.frame_rules import rule_in_words
    deletion = next(p for p in library.provisions if p.id == "deletion")
    assert "certify or confirm the act" in rule_in_words(deletion.detect.frame)


# ---------------------------------------------------------------- data kept past the end, read as a frame


@pytest.mark.parametrize("text", [
    "The Vendor may keep Student Data in an archive for up to twenty-four (24) months after this Agreement ends.",  # stays
    "Student Data held in backup systems may be retained until the backups are overwritten, which happens within "
    "two hundred (200) days.",
    "After the term, Orbit Learning will retain Student Data under its standard retention schedule.",
    "Backup copies of Student Data are destroyed within fourteen (14) months of their creation.",
    "Notwithstanding Section 9, Orbit Learning may retain attendance logs for up to six (6) years after each school day.",
])
def test_a_term_keeping_student_data_long_past_the_end_is_a_retention_conflict(library, text):
    assert "retention" in conflict_kinds(text, library)


@pytest.mark.parametrize("text", [
    "The Vendor retains Student Data only for as long as necessary to provide the Service.",
    "Backups of Student Data are overwritten within sixty (60) days.",
    "The District keeps student records for the periods its own retention schedule sets.",
    "The Vendor may retain de-identified data for five (5) years after the term.",
    "The Vendor may keep invoices naming students for seven (7) years where the law requires it.",
    "We do not promise that files stored in the Service will be kept indefinitely.",
    "The Vendor shall not retain Student Data for more than thirty (30) days after the Agreement ends.",
])
def test_a_short_tail_a_purpose_limit_or_another_partys_records_is_no_retention_conflict(library, text):  # stays
    assert "retention" not in conflict_kinds(text, library)


def test_the_library_trace_says_how_long_is_too_long(library):
    from generator.checking.frame_rules import rule_in_words
    keep = next(p for p in library.provisions if p.id == "no_retention")
    assert "more than 90 days past the end" in rule_in_words(keep.detect.frame, keep.conflicts)


# ---------------------------------------------------------------- the contractor's own short name


_NAMED = ('This Agreement is made between Fenwick Reading Press, LLC, a Delaware limited liability company '
          '("Publisher"), and the Board of Education of the Town of Ashford (the "Board").\n\n')


def test_a_short_name_defined_for_the_contractor_is_the_contractor():
    from generator.checking.parties import contractor_names
    assert contractor_names([_NAMED]) == {"Publisher"}
    assert contractor_names(['Acme Learning, Inc. (the "Vendor") and the District (the "District")']) == set()  # stays
    assert contractor_names(['The District (the "Publisher") and Acme Learning']) == set()  # no company named


def test_a_duty_of_the_contractor_under_a_role_word_it_was_given_counts(library):
    text = _NAMED + ("Publisher shall notify the Board in writing within forty-eight (48) hours after it discovers any "
                     "unauthorized release of Student Data, stating what was released and what it has done about it.")
    assert status(text, library, "breach_notification") == "present"
    kept = _NAMED + "Publisher may retain Student Data in an archive for up to three (3) years after termination."
    assert "retention" in conflict_kinds(kept, library)


def test_a_publisher_that_is_not_the_contractor_stays_a_third_party(library):  # stays
    text = ('This Agreement is made between Acme Learning, Inc. (the "Vendor") and the Board of Education of the '
            'Town of Ashford (the "Board").\n\nA publisher shall notify the Board in writing within forty-eight (48) '
            'hours after it discovers any unauthorized release of Student Data.')
    assert status(text, library, "breach_notification") != "present"


# ---------------------------------------------------------------- "the School's own ...": an adjective, not ownership


@pytest.mark.parametrize("text", [
    "Student Data uploaded by a teacher is compared only with essays kept in the School's own account.",
    "Each District may keep records of student data requests in the District's own files.",
])
def test_the_schools_own_something_is_no_statement_of_who_owns_the_data(library, text):
    assert status(text, library, "ownership") != "present"


def test_the_school_owning_the_data_still_reads_present(library):  # stays
    assert status("The School owns all student records that the Service holds.", library, "ownership") == "present"


@pytest.mark.parametrize("text", [
    "The District shall own all Student Data, and the Vendor acquires no rights in it.",
    "The Board will retain ownership of every student record the Vendor processes.",
])
def test_the_school_that_shall_own_the_data_is_named_owner_not_bound_to_a_duty(library, text):
    assert status(text, library, "ownership") == "present"


# ---------------------------------------------------------------- the round's reviewers: sentences of their own


def reviewed(name: str) -> list[dict]:
    """A round's reviewers' documents kept as guards (``tests/fixtures/<name>``): each with the provision it
    checks, or "conflict:<kind>", what a lawyer reads there, and why."""
    import json
    from pathlib import Path
    return json.loads((Path(__file__).parent / "fixtures" / name).read_text())


def assert_read_as_judged(case: dict, library) -> None:
    """The check reads a reviewer's document as the reviewer judged it: the provision's status, or whether a
    conflict of the kind is listed."""
    if case["check"].startswith("conflict:"):
        assert (case["check"][9:] in conflict_kinds(case["text"], library)) is case["want"], case["why"]
    else:
        assert status(case["text"], library, case["check"]) == case["want"], case["why"]


@pytest.mark.parametrize("case", reviewed("reviewed_18.json"), ids=lambda c: c["id"])
def test_the_reviewers_sentences_read_as_a_lawyer_reads_them(library, case):
    """Two reviewers wrote documents aimed at this round's readings (docs/check.md, "The eighteenth round"); these
    read worse part-way through the round, or better than before it."""
    assert_read_as_judged(case, library)


# ---------------------------------------------------------------- selling more with what students did, other words


@pytest.mark.parametrize("text", [
    "Nothing in this Section stops the Vendor from recommending premium practice tools to teachers on the basis of "
    "their classes' quiz scores.",
    "The Vendor may suggest additional paid titles to each reader on the basis of the reader's assessment results.",
])
def test_offers_chosen_on_the_basis_of_results_are_advertising(library, text):
    assert "advertising" in conflict_kinds(text, library)


@pytest.mark.parametrize("text", [
    "The Vendor may suggest premium practice tools to a teacher who asks for them.",
    "The Vendor shall not recommend paid titles on the basis of any student's assessment results.",
])
def test_offers_made_without_students_results_or_refused_are_no_advertising(library, text):  # stays
    assert "advertising" not in conflict_kinds(text, library)


# ---------------------------------------------------------------- who owns the data, said inside a definition


def test_a_definition_that_says_the_data_stays_the_schools_states_ownership(library):
    text = ('2.4 "Pupil Records" means every record about a pupil that the Vendor receives or creates under this '
            "Agreement, all of which are and shall remain the property of the Board.")
    found = finding(text, library, "ownership")
    assert found.status == "present"
    assert found.evidence[0].text.startswith('"Pupil Records" … all of which')  # an excerpt, marked as one


@pytest.mark.parametrize("text", [
    '2.4 "Pupil Records" means every record about a pupil that the Vendor receives or creates under this Agreement.',
    '2.5 "Vendor Materials" means the software and content of the Vendor, all of which remain the property of the '
    "Vendor.",
])
def test_a_definition_that_says_no_such_thing_states_no_ownership(library, text):  # stays
    assert status(text, library, "ownership") != "present"


# ---------------------------------------------------------------- a defined term of conduct carries its definition


_BARRED = ('1.4 "Barred Practice" means directing advertisements to a student or family on the basis of Student Data, '
           "or selling Student Data.\n\n")


def test_a_duty_that_names_a_defined_practice_is_read_with_its_definition(library):
    from generator.checking.conduct import conduct_terms, with_conduct
    assert "directing advertisements" in with_conduct("Larkspur shall not engage in any Barred Practice.",
                                                      conduct_terms([(_BARRED.strip(), True)]))
    assert status(_BARRED + "6.1 Larkspur shall not engage in any Barred Practice.", library, "no_advertising") == "present"


def test_a_defined_thing_is_not_read_into_every_sentence_that_names_it(library):  # stays
    from generator.checking.conduct import conduct_terms
    assert conduct_terms([('"Student Data" means any record about a student, which the Vendor shall never use for '
                           "advertising.", True)]) == {}
    text = _BARRED + "6.1 Larkspur shall report each Barred Practice it learns of to the District."
    assert status(text, library, "no_advertising") != "present"


# ---------------------------------------------------------------- the second read batch (93–99)


@pytest.mark.parametrize("text", [
    "Where a School uses the Service with pupils under 13, the School, not Larkspur, is responsible for answering "
    "parents who ask to see or correct their child's records.",
    "If the District has adopted a FERPA policy, the District, and not the Vendor, is solely responsible for "
    "responding to parents' requests to inspect and amend records.",  # stays
])
def test_the_schools_duty_after_an_opening_condition_is_still_the_schools(library, text):
    assert status(text, library, "review_correction") != "present"


def test_a_duty_only_once_another_agreement_is_in_place_binds_only_under_it(library):
    text = 'When a District Agreement is in place, Larkspur will act as a "school official" under FERPA.'
    assert status(text, library, "ferpa") != "present"
    assert status('Larkspur will act as a "school official" under FERPA.', library, "ferpa") == "present"  # stays


@pytest.mark.parametrize("text", [
    "For a School established in the United Kingdom, Larkspur will notify the School of a breach of Student Data "
    "within 48 hours.",
    "For each district located in Oregon, the Vendor will notify the district of a breach of student data within "
    "72 hours.",
])
def test_a_duty_for_one_school_or_district_of_another_place_does_not_count(library, text):
    assert status(text, library, "breach_notification") != "present"


def test_a_heading_run_into_its_clause_is_no_part_of_the_next_sentence(library):
    text = ("9.4 FERPA Matters. If a School is subject to FERPA, the School, not Larkspur, is responsible for deciding "
            "how parents review and correct their children's records.")
    assert status(text, library, "review_correction") != "present"


def test_making_the_corrections_the_school_directs_is_more_than_a_referral(library):  # stays
    text = ("If a parent asks to see or fix a record the Vendor holds, the Vendor must give the record to the District, "
            "and make corrections the District directs, within ten days. The Vendor should send parents who write to "
            "it directly to the District.")
    assert status(text, library, "review_correction") == "present"


def test_a_sentence_that_goes_on_with_the_schools_duty_is_the_schools(library):
    text = ("3.3 Duties of schools. Schools are responsible for complying with FERPA, COPPA and other laws that apply "
            'to their use of the Services. This includes deciding whether Larkspur may be treated as a "school '
            "official\" under the School's annual FERPA notice and getting any parental consent those laws require.")
    assert status(text, library, "ferpa") != "present"
    assert status('Larkspur shall act as a "school official" under FERPA.', library, "ferpa") == "present"  # stays


@pytest.mark.parametrize("text", [
    "We claim no ownership of Student Work.",
    "The Vendor claims no ownership of any student content, and nothing here transfers any right in it to the Vendor.",
])
def test_no_claim_on_the_students_own_work_alone_is_partial_ownership(library, text):
    assert status(text, library, "ownership") == "partial"


def test_no_claim_on_the_work_and_the_records_is_still_ownership(library):  # stays
    text = "The District owns all Student Data and Student Work, and the Vendor claims no ownership of either."
    assert status(text, library, "ownership") == "present"


def test_an_address_is_one_word_where_a_rule_counts_words(library):
    from generator.checking.scopes import as_read
    assert as_read("Write to privacy@larkspur-learning.example or see https://larkspur.example/privacy.") == \
        "Write to address or see address."
    text = ("Student Data named by the District in a written deletion request sent to records@larkspur-learning.example "
            "is to be erased by Larkspur within thirty (30) days after the request is received.")
    assert status(text, library, "deletion") == "present"
    assert status(text.replace("records@larkspur-learning.example", "our records office"), library,
                  "deletion") == "present"  # stays


@pytest.mark.parametrize("text", [
    "Once the Board and Larkspur sign a Student Data Addendum, Larkspur will delete all student data within 30 days "
    "after this Agreement ends.",
    "Upon execution of a separate privacy agreement, Larkspur shall notify the Board of any breach of student data "
    "within 48 hours.",
    "If the parties later enter into a data protection agreement, Larkspur will not use student data for targeted "
    "advertising.",
])
def test_a_duty_that_waits_for_another_document_is_not_yet_owed(library, text):
    pid = "no_retention" if "delete" in text else "breach_notification" if "breach" in text else "no_advertising"
    assert status(text, library, pid) != "present"


def test_a_duty_on_signing_this_agreement_is_owed(library):  # stays
    text = "Upon execution of this Agreement, Larkspur shall notify the Board of any breach of student data within 48 hours."
    assert status(text, library, "breach_notification") == "present"


@pytest.mark.parametrize("text", [
    '"Barred Uses" means renting Student Data, but does not include directing advertisements to pupils based on '
    "Student Data.\n\nLarkspur will not make any Barred Uses of Student Data.",
    '"Barred Uses" means directing advertisements to pupils based on Student Data.\n\nIf Larkspur learns that a '
    "teacher has made a Barred Use, Larkspur will tell the District.",
    '"Barred Uses" means directing advertisements to pupils in Quebec based on their data.\n\nLarkspur will not '
    "make any Barred Uses.",
])
def test_a_definition_carries_neither_what_it_leaves_out_nor_into_a_condition_nor_another_place(library, text):
    assert status(text, library, "no_advertising") != "present"


def test_the_card_says_which_term_another_places_part_set_aside(library):
    breach = finding(_STATE_PARTS, library, "breach_notification")
    assert "does not count for Connecticut: it applies only to the section for Oregon" in breach.explanation
