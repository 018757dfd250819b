"""A challenge set for the contract check (issue 19): short passages, in our own words, as a
vendor might write them, each with the status a board's lawyer would give the provision it
concerns under Conn. Gen. Stat. § 10-234bb(a) and the labelling conventions of docs/check.md.

The expected statuses were written before the check was run on these passages. They are spread
over the eleven provisions, the conflict kinds and the classes of error issue 19 lists, and they
include plain, complete duties phrased in several ways, so that the set punishes a check that is
too strict as much as one that is too lenient.

Where a lawyer could fairly say either "partial" or "missing" (a topic named with no duty at all),
the expected value is the pair: the costly error the set guards against is "present".

A case the check still gets wrong stays here as a strict expected failure with its reason
(``KNOWN``), so the score stays honest. ``python tests/test_challenge.py`` prints the score by
class."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from generator import check_contract
from generator.reading.extract import read_document

NOT_PRESENT = ("partial", "missing")


class Case(NamedTuple):
    name: str
    kind: str  # the class of error it probes
    pid: str
    text: str
    want: str | tuple[str, ...]


CASES = [
    # ------------------------------------------------ a duty owed to someone else
    Case("breach owed to users", "owed to another", "breach_notification",
         "If we discover that someone has gained unauthorized access to personal information, we will notify "
         "affected users by email within 72 hours.", "partial"),
    Case("breach owed to parents only", "owed to another", "breach_notification",
         "In the event of a security incident involving student data, the Company will inform the parents of "
         "affected students within five days.", "partial"),
    Case("deletion on a parent's request", "owed to another", "deletion",
         "Upon a written request from a parent, the Provider will delete the child's personal information within "
         "30 days.", "partial"),
    Case("a partners' use limit", "owed to another", "use_limitation",
         "Our service providers may use the information we share with them only to perform services on our "
         "behalf.", NOT_PRESENT),
    Case("teachers edit rosters", "owed to another", "review_correction",
         "Teachers can review and edit the rosters they upload through the class dashboard.", NOT_PRESENT),
    Case("notice of a breach of contract to the vendor", "owed to another", "breach_notification",
         "Notice of any breach of this Agreement shall be given to the Vendor by the District within 30 days.",
         "missing"),
    # ------------------------------------------------ narrower scope
    Case("Texas schools only", "narrower scope", "no_retention",
         "For students enrolled in schools located in Texas, the Provider shall delete all student data within "
         "60 days after the agreement terminates.", "partial"),
    Case("EU residents' erasure", "narrower scope", "deletion",
         "If you reside in the European Union, you may ask us to erase your personal data, and we will do so "
         "within one month.", "partial"),
    Case("California residents' deletion", "narrower scope", "deletion",
         "California residents may request that we delete the personal information we hold about them.",
         "partial"),
    Case("one programme's encryption", "narrower scope", "security",
         "This commitment applies only to data collected through the Summer Bridge program: the Company shall "
         "encrypt student data at rest and in transit.", "partial"),
    Case("adult learners' advertising ban", "narrower scope", "no_advertising",
         "For users aged 18 or over, the Vendor will not use personal data to serve targeted advertising.",
         "partial"),
    Case("New York agencies' breach notice", "narrower scope", "breach_notification",
         "Where the customer is a New York educational agency, the Provider shall notify the agency of any breach "
         "of student data within seven days.", "partial"),
    # ------------------------------------------------ a mention with no duty
    Case("learn how we keep data safe", "mention, no duty", "security",
         "To learn how we keep your information safe, please review the Security section of our website.",
         NOT_PRESENT),
    Case("the policy describes use and retention", "mention, no duty", "use_limitation",
         "Our Privacy Policy describes how student data is used and how long it is retained.", NOT_PRESENT),
    Case("privacy matters to families", "mention, no duty", "security",
         "We know how important the privacy and security of children's information is to families and schools.",
         NOT_PRESENT),
    Case("where to read about FERPA", "mention, no duty", "ferpa",
         "For more information about FERPA, visit the website of the U.S. Department of Education.", NOT_PRESENT),
    Case("where to ask about deletion", "mention, no duty", "deletion",
         "Questions about deleting student data can be sent to our privacy team at privacy@example.com.",
         NOT_PRESENT),
    # ------------------------------------------------ may, endeavour, aim, reserve
    Case("we strive to protect", "may/endeavour", "security",
         "We strive to protect student data using industry-standard safeguards.", "partial"),
    Case("the provider may delete on request", "may/endeavour", "deletion",
         "The Provider may delete student data when the District asks it to.", "partial"),
    Case("we aim to notify", "may/endeavour", "breach_notification",
         "We aim to notify the school of any breach of student data within 72 hours.", "partial"),
    Case("will endeavour to return at the end", "may/endeavour", "no_retention",
         "The Company will endeavour to return or destroy student data within 60 days after the agreement ends.",
         "partial"),
    Case("reserves the right to keep", "may/endeavour", "no_retention",
         "We reserve the right to keep student data after the contract ends for as long as we consider it "
         "useful.", NOT_PRESENT),
    # ------------------------------------------------ deletion with a tail, a backup, only on request
    Case("backups persist for a year", "tail/backup/request", "no_retention",
         "At the end of the contract the Provider will delete student data, except that copies kept in routine "
         "backups may persist for up to a year.", "partial"),
    Case("archived copies may remain", "tail/backup/request", "deletion",
         "Within 30 days of the District's written request the Vendor shall delete the requested student data, "
         "although archived copies may remain on its systems.", "partial"),
    Case("deleted at the end only if asked", "tail/backup/request", "no_retention",
         "Student data will be deleted upon termination if the District so requests in writing.", "partial"),
    Case("kept eighteen months after the end", "tail/backup/request", "no_retention",
         "After the agreement ends, the Provider will keep student data for 18 months and then delete it.",
         "partial"),
    Case("deleted thirty days after expiry", "tail/backup/request", "no_retention",
         "The Contractor shall delete all student records no later than 30 days after the contract expires.",
         "present"),
    # ------------------------------------------------ "Confidential Information" against student data
    Case("the discloser's Confidential Information", "Confidential Information", "security",
         "The Recipient shall hold the Discloser's Confidential Information in strict confidence and protect it "
         "with the same care it uses for its own.", "partial"),
    Case("Confidential Information defined to include student data", "Confidential Information", "security",
         "In this Agreement, Confidential Information includes all Student Data. The Provider shall protect "
         "Confidential Information with administrative, technical and physical safeguards.", "present"),
    # ------------------------------------------------ de-identified or aggregate data
    Case("de-identified data kept for ever", "de-identified", "no_retention",
         "We may keep de-identified and aggregated data indefinitely to improve our products.", "missing"),
    Case("aggregate data to improve the service", "de-identified", "use_limitation",
         "Aggregate data that cannot identify any student may be used to improve our services.", "missing"),
    Case("no ads with de-identified data", "de-identified", "no_advertising",
         "We will not use de-identified information for advertising.", NOT_PRESENT),
    # ------------------------------------------------ a list of verbs
    Case("locate, copy, export, return and delete", "list of verbs", "deletion",
         "Upon the District's request, the Provider shall locate, copy, export, return and then permanently "
         "delete the student data it holds.", "present"),
    Case("view, download, correct, update or delete", "list of verbs", "review_correction",
         "Parents may, through the school, view, download, correct, update or delete their child's records, and "
         "the Provider will carry out each such request.", "present"),
    Case("encrypt, back up, monitor and safeguard", "list of verbs", "security",
         "The Provider shall encrypt, back up, monitor and otherwise safeguard all student data it stores.",
         "present"),
    # ------------------------------------------------ words between "right" and the verb
    Case("the board's right, on notice, to require deletion", "right ... verb", "deletion",
         "The District has the right, upon written notice to the Provider, to require the deletion of any "
         "student data, and the Provider shall comply within 30 days.", "present"),
    # ------------------------------------------------ stems inside other words
    Case("familiarize", "stem inside a word", "review_correction",
         "Teachers can familiarize themselves with the dashboard and correct typos in assignment titles.",
         NOT_PRESENT),
    Case("deleterious content", "stem inside a word", "deletion",
         "The school may request that the Provider report any deleterious content found in student posts.",
         "missing"),
    Case("the disposition of a ticket", "stem inside a word", "deletion",
         "Upon the District's request, the Provider will report the disposition of each support ticket.",
         "missing"),
    Case("in return for the fees", "stem inside a word", "no_retention",
         "In return for the fees, the Provider gives the School reports on student data until the end of the "
         "term.", "missing"),
    # ------------------------------------------------ nouns read as verbs
    Case("deletion requests are logged", "noun as verb", "deletion",
         "Deletion requests from the District are logged by our support team.", NOT_PRESENT),
    Case("a breach notice template", "noun as verb", "breach_notification",
         "A template for the District's data breach notice letters is attached as Exhibit C.", "missing"),
    # ------------------------------------------------ the user's own control against the board's right
    Case("cookies in your own browser", "own control", "deletion",
         "You can delete cookies at any time through your own browser settings.", NOT_PRESENT),
    Case("students remove their own posts", "own control", "deletion",
         "Students can remove their own posts from a class stream at any time.", "partial"),
    Case("parents update contact details in settings", "own control", "review_correction",
         "Parents may update their contact details in the app's settings page.", NOT_PRESENT),
    # ------------------------------------------------ exceptions that swallow the duty
    Case("except as we decide", "swallowing exception", "use_limitation",
         "The Vendor shall not use student data for any purpose other than providing the services, except for "
         "such other purposes as the Vendor may determine.", "partial"),
    Case("unless our business requires", "swallowing exception", "deletion",
         "Unless otherwise required by our business needs, we will delete student data within 30 days of the "
         "school's request.", "partial"),
    Case("unless the user consents to ads", "swallowing exception", "no_advertising",
         "The Provider shall not use student data for targeted advertising unless it has obtained the user's "
         "consent.", "partial"),
    Case("the law's own exception", "swallowing exception", "no_retention",
         "Unless the law requires a longer period, the Provider shall delete student data within 30 days after "
         "the contract ends.", "present"),
    # ------------------------------------------------ plain, complete duties (over-strictness)
    Case("sole property of the Board", "plain duty", "ownership",
         "All student records remain the sole property of the Board, and the Contractor acquires no ownership "
         "interest in them.", "present"),
    Case("under the control of the LEA", "plain duty", "ownership",
         "Student Data is and shall remain under the control of the LEA.", "present"),
    Case("deleted by the Provider (passive)", "plain duty", "deletion",
         "Student data shall be deleted by the Provider within thirty days of receiving a written deletion "
         "request from the District.", "present"),
    Case("obligations include deleting", "plain duty", "deletion",
         "The Contractor's obligations include deleting any student information the Board asks it to delete, "
         "within 14 days of the Board's request.", "present"),
    Case("solely to perform the services", "plain duty", "use_limitation",
         "The Vendor shall use Pupil Records solely to perform the services described in this Agreement.",
         "present"),
    Case("only on the District's instructions", "plain duty", "use_limitation",
         "Provider will process Customer Data only on the documented instructions of the District and for no "
         "other purpose.", "present"),
    Case("inspect and ask for corrections", "plain duty", "review_correction",
         "A parent, legal guardian or eligible student may inspect the student's records and ask for corrections "
         "by contacting the school, and the Provider will make any correction within ten days.", "present"),
    Case("protected by the Vendor (passive)", "plain duty", "security",
         "Student data will be protected by the Vendor with administrative, technical and physical safeguards "
         "that meet industry standards.", "present"),
    Case("a list with a lead-in", "plain duty", "security",
         "The Provider shall:\n(a) encrypt student data in transit and at rest;\n(b) limit access to student data "
         "to staff who need it;\n(c) train its staff in data security.", "present"),
    Case("notify the Board within 48 hours", "plain duty", "breach_notification",
         "Should an unauthorized disclosure of student information occur, the Company shall notify the Board in "
         "writing within 48 hours of discovery.", "present"),
    Case("obligations include notifying", "plain duty", "breach_notification",
         "Contractor's obligations include notifying the District of any breach of student data without "
         "unreasonable delay and in no case later than 10 days after discovery.", "present"),
    Case("return then destroy at expiry", "plain duty", "no_retention",
         "On expiration of this Agreement, the Operator shall return all Student Data to the School and then "
         "destroy any remaining copies.", "present"),
    Case("destroyed within 60 days (passive)", "plain duty", "no_retention",
         "Within 60 days after this Agreement terminates, all student data held by the Provider will be "
         "destroyed.", "present"),
    Case("a school official under FERPA", "plain duty", "ferpa",
         "The Provider agrees to comply with FERPA and acts as a school official with a legitimate educational "
         "interest in the student data.", "present"),
    Case("both parties ensure FERPA compliance", "plain duty", "ferpa",
         "The Board and the Contractor shall each ensure compliance with the Family Educational Rights and "
         "Privacy Act, 20 U.S.C. § 1232g.", "present"),
    Case("Connecticut law governs", "plain duty", "governing_law",
         "This Agreement is governed by and shall be construed under the laws of the State of Connecticut.",
         "present"),
    Case("another state's law governs", "plain duty", "governing_law",
         "This Agreement shall be governed by the laws of the State of Delaware.", "missing"),
    Case("the remaining terms continue", "plain duty", "severability",
         "Should a court find any term of this Agreement unenforceable, the remaining terms continue in full "
         "force and effect.", "present"),
    Case("under no circumstances target ads", "plain duty", "no_advertising",
         "Under no circumstances will the Vendor use student information to target advertisements to students.",
         "present"),
    Case("prohibited from advertising", "plain duty", "no_advertising",
         "Provider is prohibited from using Student Data for targeted advertising.", "present"),
]


class ConflictCase(NamedTuple):
    name: str
    kind: str
    text: str
    found: frozenset[str]  # conflict kinds a lawyer would list
    absent: frozenset[str]  # conflict kinds a lawyer would not


def conflict(name, kind, text, found=(), absent=()):
    return ConflictCase(name, kind, text, frozenset(found), frozenset(absent))


CONFLICTS = [
    conflict("personalized ads from partners", "conflict", "We may use information about students' activity on "
             "the service to show them personalized ads from our partners.", found={"advertising"}),
    conflict("data passes in a merger", "conflict", "If Acme is acquired by or merges with another company, "
             "student data may be transferred to the buyer as a business asset.", found={"sale"}),
    conflict("kept as long as we see fit", "conflict", "We keep student data for as long as we see fit, even "
             "after the school closes its account.", found={"retention"}),
    conflict("continued use means acceptance", "conflict", "These terms may be changed by us from time to time, "
             "and your continued use of the service means you accept the changes.", found={"unilateral_change"}),
    conflict("the school answers for COPPA consent", "conflict", "The School is solely responsible for obtaining "
             "any parental consent that COPPA requires.", found={"other"}),
    conflict("a perpetual licence to publish", "conflict", "By uploading content, you grant the Company a "
             "perpetual, irrevocable licence to use, copy and publish it for any purpose.", found={"other"}),
    conflict("sole judgment to revise", "right ... verb", "We reserve the right, at any time and for any reason "
             "in our sole judgment, to revise these Terms by posting them on our site.", found={"unilateral_change"}),
    conflict("retains the right to amend", "right ... verb", "The Company retains the right, without prior notice "
             "to you, to amend this Agreement.", found={"unilateral_change"}),
    conflict("amended only in writing by both", "plain duty", "These Terms may be amended only by a written "
             "amendment signed by both parties.", absent={"unilateral_change"}),
    conflict("never sells nor advertises", "plain duty", "The Provider shall never sell student data or use it "
             "for advertising.", absent={"sale", "advertising"}),
    conflict("you may change your password", "own control", "You may change your password at any time.",
             absent={"unilateral_change"}),
    conflict("account holders keep copies", "noun as verb", "Account holders keep a copy of every file they "
             "upload.", absent={"retention"}),
    conflict("de-identified data kept for ever", "de-identified", "We may keep de-identified and aggregated data "
             "indefinitely to improve our products.", absent={"retention"}),
]


# cases the check still gets wrong: name -> the concept it lacks (strict expected failures)
KNOWN: dict[str, str] = {
    "Confidential Information defined to include student data": "a definition in one sentence does not carry into the next",
    "in return for the fees": "'return' as a noun is read as the verb",
    "a breach notice template": "a noun phrase about a notice form is read as a partial breach procedure",
}


def _check(text: str, library):
    return check_contract(read_document(text.encode(), "t.txt"), library)


def _status_ok(case: Case, library) -> tuple[bool, str]:
    got = _check(case.text, library).finding(case.pid).status
    want = case.want if isinstance(case.want, tuple) else (case.want,)
    return got in want, got


def _conflicts_ok(case: ConflictCase, library) -> tuple[bool, set[str]]:
    got = {c.kind for c in _check(case.text, library).conflicts}
    return case.found <= got and not (case.absent & got), got


def _param(case):
    marks = [pytest.mark.xfail(strict=True, reason=KNOWN[case.name])] if case.name in KNOWN else []
    return pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_a_passage_gets_the_status_a_lawyer_gives(case, library):
    ok, got = _status_ok(case, library)
    assert ok, f"{case.pid}: got {got}, a lawyer gives {case.want}"


@pytest.mark.parametrize("case", [_param(c) for c in CONFLICTS])
def test_a_passage_gets_the_conflicts_a_lawyer_lists(case, library):
    ok, got = _conflicts_ok(case, library)
    assert ok, f"got {sorted(got)}; wanted {sorted(case.found)} and none of {sorted(case.absent)}"


def test_the_set_spreads_over_every_provision_and_conflict_kind(library):
    assert {c.pid for c in CASES} == {p.id for p in library.provisions}
    assert {k for c in CONFLICTS for k in c.found} == {"advertising", "sale", "retention", "unilateral_change", "other"}
    assert len(CASES) + len(CONFLICTS) >= 60
    assert not set(KNOWN) - {c.name for c in CASES} - {c.name for c in CONFLICTS}


def score() -> str:
    """The set's score by class, as docs/check.md reports it."""
    from collections import defaultdict

    from generator import load_library

    library = load_library()
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong = []
    for c in CASES:
        ok, got = _status_ok(c, library)
        right[c.kind][0] += ok
        right[c.kind][1] += 1
        if not ok:
            wrong.append(f"  {c.name} ({c.pid}): got {got}, want {c.want}")
    for c in CONFLICTS:
        ok, got = _conflicts_ok(c, library)
        right[c.kind][0] += ok
        right[c.kind][1] += 1
        if not ok:
            wrong.append(f"  {c.name} (conflicts): got {sorted(got)}")
    total = [sum(v[0] for v in right.values()), sum(v[1] for v in right.values())]
    lines = [f"{kind:24} {a}/{n}" for kind, (a, n) in right.items()]
    lines.append(f"{'all':24} {total[0]}/{total[1]} {100 * total[0] / total[1]:.1f}%")
    return "\n".join(lines + ["wrong:"] + wrong)


if __name__ == "__main__":
    print(score())
