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
    # (a term for another jurisdiction's people or data does not count for Connecticut, the labels' convention:
    # missing since the tenth round; one programme, adults or one source of data make a term partial)
    Case("Texas schools only", "narrower scope", "no_retention",
         "For students enrolled in schools located in Texas, the Provider shall delete all student data within "
         "60 days after the agreement terminates.", "missing"),
    Case("EU residents' erasure", "narrower scope", "deletion",
         "If you reside in the European Union, you may ask us to erase your personal data, and we will do so "
         "within one month.", "partial"),
    Case("California residents' deletion", "narrower scope", "deletion",
         "California residents may request that we delete the personal information we hold about them.",
         "missing"),
    Case("one programme's encryption", "narrower scope", "security",
         "This commitment applies only to data collected through the Summer Bridge program: the Company shall "
         "encrypt student data at rest and in transit.", "partial"),
    Case("adult learners' advertising ban", "narrower scope", "no_advertising",
         "For users aged 18 or over, the Vendor will not use personal data to serve targeted advertising.",
         "partial"),
    Case("New York agencies' breach notice", "narrower scope", "breach_notification",
         "Where the customer is a New York educational agency, the Provider shall notify the agency of any breach "
         "of student data within seven days.", "missing"),
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
    conflict("de-identified data kept, no conflict", "de-identified", "We may keep de-identified and aggregated data "
             "indefinitely to improve our products.", absent={"retention"}),
]


# A second batch, written after the first batch's fixes and before running the check on it: a
# fresh measure of whether those fixes carried over to new wording.
SECOND = [
    # ------------------------------------------------ a duty owed to someone else
    Case("notice to each account holder", "owed to another", "breach_notification",
         "The Operator will send a notice to each affected account holder within 10 days of confirming a data "
         "breach.", "partial"),
    Case("notice to the insurer and the police", "owed to another", "breach_notification",
         "We will notify our insurance carrier and law enforcement of any security incident within 24 hours.",
         NOT_PRESENT),
    Case("subprocessors delete on the provider's word", "owed to another", "deletion",
         "Subprocessors must delete student data when the Provider instructs them to.", NOT_PRESENT),
    Case("users correct their profile page", "owed to another", "review_correction",
         "Users may review and correct their profile information at any time from the account page.",
         "partial"),
    Case("teachers export and correct grades", "owed to another", "review_correction",
         "The Provider shall give each teacher a way to export and correct the grades they entered.",
         NOT_PRESENT),
    Case("partners keep shared data secure", "owed to another", "security",
         "Our partners agree to keep the data we share with them secure.", NOT_PRESENT),
    # ------------------------------------------------ narrower scope
    Case("students in Illinois schools", "narrower scope", "review_correction",
         "Students in our Illinois schools may ask us to correct their records, and we will do so within 15 "
         "days.", "missing"),
    Case("notice to the UK regulator", "narrower scope", "breach_notification",
         "For data subjects in the United Kingdom, the Provider shall notify the Information Commissioner of a "
         "breach within 72 hours.", NOT_PRESENT),
    Case("EU users' right to erasure", "narrower scope", "deletion",
         "Under the GDPR, EU users have the right to erasure of their personal data.", NOT_PRESENT),
    Case("one pilot's return of data", "narrower scope", "no_retention",
         "For the District's Early Reading pilot only, the Contractor will return all student data within 30 "
         "days after the pilot ends.", "partial"),
    Case("Washington student data encrypted", "narrower scope", "security",
         "Washington student data shall be stored only in encrypted form.", "missing"),
    Case("no ads in Canada", "narrower scope", "no_advertising",
         "If you are located in Canada, we will not use your personal information for advertising.", "missing"),
    # ------------------------------------------------ a mention with no duty
    Case("section 7 explains breaches", "mention, no duty", "breach_notification",
         "Section 7 explains how we handle a data breach.", NOT_PRESENT),
    Case("see the retention schedule", "mention, no duty", "no_retention",
         "See our Data Retention Schedule for details on how long we keep records.", NOT_PRESENT),
    Case("security is a value", "mention, no duty", "security",
         "Security is one of our core values.", NOT_PRESENT),
    Case("read about FERPA rights", "mention, no duty", "ferpa",
         "Click here to read about your FERPA rights.", NOT_PRESENT),
    Case("this addendum addresses ownership", "mention, no duty", "ownership",
         "This addendum addresses ownership of student data.", NOT_PRESENT),
    # ------------------------------------------------ may, endeavour, aim, reserve
    Case("will try to correct", "may/endeavour", "review_correction",
         "The Vendor will try to correct inaccurate student records when a parent points them out.",
         NOT_PRESENT),
    Case("may return at the end", "may/endeavour", "no_retention",
         "We may return student data to the school when the contract ends.", "partial"),
    Case("at its option, notify", "may/endeavour", "breach_notification",
         "Provider may, at its option, notify the District of security incidents.", "partial"),
    Case("we seek to limit use", "may/endeavour", "use_limitation",
         "We seek to limit our use of student data to educational purposes.", "partial"),
    Case("we do not intend to advertise", "may/endeavour", "no_advertising",
         "We do not intend to use student data for advertising.", "partial"),
    # ------------------------------------------------ deletion with a tail, a backup, only on request
    Case("backups overwritten yearly", "tail/backup/request", "no_retention",
         "The Provider will destroy student data within 90 days after termination; backup copies are "
         "overwritten on a 12-month cycle.", "partial"),
    Case("after the end only if the school asks", "tail/backup/request", "no_retention",
         "Once the contract has ended, we delete student data only if the school asks us to.", "partial"),
    Case("retained 24 months after termination", "tail/backup/request", "no_retention",
         "Upon termination, student data will be retained for 24 months and then securely deleted.", "partial"),
    Case("save for archival copies", "tail/backup/request", "deletion",
         "The District may request deletion at any time, and the Provider shall delete the data within 30 days, "
         "save for copies held in archival storage.", "partial"),
    # ------------------------------------------------ "Confidential Information" against student data
    Case("each other's Confidential Information", "Confidential Information", "security",
         "Both parties shall keep each other's Confidential Information confidential and shall not disclose it "
         "to third parties.", "partial"),
    Case("the customer's business information", "Confidential Information", "security",
         "The Supplier shall protect the Customer's business information, such as pricing and trade secrets, "
         "from unauthorized disclosure.", NOT_PRESENT),
    # ------------------------------------------------ a list of verbs
    Case("identify, gather, erase or return", "list of verbs", "deletion",
         "Upon the Board's written request, the Contractor shall identify, gather and then securely erase or "
         "return all pupil records.", "present"),
    Case("log, monitor, encrypt and back up", "list of verbs", "security",
         "The Provider shall log, monitor, encrypt and back up student data, and shall limit access to "
         "authorized staff.", "present"),
    Case("see, print, challenge or amend", "list of verbs", "review_correction",
         "A parent may ask the school to let them see, print, challenge or amend their child's records, and the "
         "Vendor shall help the school do so.", "present"),
    # ------------------------------------------------ words between "right" and the verb
    Case("the board shall have the right to direct", "right ... verb", "deletion",
         "The Board shall have the right, at any time and for any reason, to direct the Vendor to destroy "
         "student records.", "present"),
    # ------------------------------------------------ stems inside other words, nouns as verbs
    Case("an erasable whiteboard", "stem inside a word", "deletion",
         "The District may request that the Provider bring an erasable whiteboard to the training session.",
         "missing"),
    Case("staff familiarise themselves", "stem inside a word", "review_correction",
         "Staff must familiarise themselves with these terms and correct any misunderstanding before the first "
         "day of class.", NOT_PRESENT),
    Case("returns of hardware", "noun as verb", "no_retention",
         "Returns of hardware are accepted within 30 days of the end of the term, together with their account "
         "records.", NOT_PRESENT),
    Case("notice periods for termination", "noun as verb", "breach_notification",
         "Notice periods for termination are set out in Schedule B.", "missing"),
    Case("the data protection officer", "noun as verb", "security",
         "Data protection officer: Jane Roe, reachable at dpo@example.com.", NOT_PRESENT),
    # ------------------------------------------------ the user's own control
    Case("unsubscribe from marketing", "own control", "no_advertising",
         "You may opt out of marketing emails by using the unsubscribe link in each message.", NOT_PRESENT),
    Case("parents delete the account in the app", "own control", "deletion",
         "Parents can delete their child's account from the Family app at any time.", "partial"),
    Case("location tracking in device settings", "own control", "security",
         "You can turn off location tracking in your device settings.", NOT_PRESENT),
    # ------------------------------------------------ exceptions that swallow the duty
    Case("except with partners we choose", "swallowing exception", "use_limitation",
         "We will not share student data with third parties, except with partners we choose.", NOT_PRESENT),
    Case("unless the provider determines notice is not warranted", "swallowing exception", "breach_notification",
         "The Provider shall notify the District of a breach of student data within 5 days, unless the Provider "
         "determines that notice is not warranted.", "partial"),
    Case("except where the company elects to keep it", "swallowing exception", "no_retention",
         "Student data will be deleted within 30 days after the contract ends, except where the Company elects "
         "to keep it for product research.", "partial"),
    Case("except as the law requires", "swallowing exception", "no_retention",
         "Except as required by law, the Provider shall return all student data to the District within 30 days "
         "after the Agreement ends.", "present"),
    # ------------------------------------------------ plain, complete duties
    Case("no ownership rights; belongs to the District", "plain duty", "ownership",
         "The Provider acknowledges that it has no ownership rights in Student Data, which belongs to the "
         "District.", "present"),
    Case("as between the parties the School owns", "plain duty", "ownership",
         "As between the parties, the School owns all pupil information.", "present"),
    Case("if the Board asks in writing, erase", "plain duty", "deletion",
         "If the Board asks in writing, the Vendor will erase the student records named in the request within "
         "20 days and confirm that it has done so.", "present"),
    Case("used only to deliver the services (passive)", "plain duty", "use_limitation",
         "Student Data may be used by the Provider only for the purpose of delivering the services under this "
         "Agreement.", "present"),
    Case("no purpose the Board has not authorized", "plain duty", "use_limitation",
         "The Company will not use student information for any purpose not authorized by the Board.", "present"),
    Case("through the District, with the provider's help", "plain duty", "review_correction",
         "Parents and eligible students may review their education records and request corrections through the "
         "District, and the Provider will cooperate with the District to make them.", "present"),
    Case("a written security programme", "plain duty", "security",
         "Provider maintains a written information security program with administrative, technical and "
         "physical safeguards for Student Data.", "present"),
    Case("notify within 72 hours and describe", "plain duty", "breach_notification",
         "In the event of a data breach affecting student records, the Provider will notify the Board within 72 "
         "hours and will describe the breach, the data involved and the steps taken.", "present"),
    Case("return or destroy at the Board's choice", "plain duty", "no_retention",
         "Upon completion of the services, the Contractor will return or destroy all student information, at "
         "the Board's choice, within 45 days.", "present"),
    Case("a school official that complies", "plain duty", "ferpa",
         "With respect to student data, the Vendor is a school official under FERPA and will comply with its "
         "requirements.", "present"),
    Case("Connecticut law, no conflict rules", "plain duty", "governing_law",
         "Connecticut law governs this Agreement, without regard to its conflict-of-laws rules.", "present"),
    Case("severed, the rest remains", "plain duty", "severability",
         "If any provision of this Agreement is held invalid, that provision will be severed and the rest of "
         "the Agreement will remain in effect.", "present"),
    Case("never used to direct ads", "plain duty", "no_advertising",
         "Student data will never be used to direct advertising to students or their families.", "present"),
    Case("California law governs", "plain duty", "governing_law",
         "This Agreement is governed by California law.", "missing"),
]

SECOND_CONFLICTS = [
    conflict("disclosed in a sale of the business", "conflict", "The Provider may disclose student data to third "
             "parties in connection with a sale of all or part of its business.", found={"sale"}),
    conflict("offers tailored to interests", "conflict", "We may use the information we collect about students "
             "to send them offers tailored to their interests.", found={"advertising"}),
    conflict("retained indefinitely", "conflict", "We retain student data indefinitely.", found={"retention"}),
    conflict("updated by posting", "conflict", "We may update this Privacy Policy at any time by posting the "
             "revised version on this page.", found={"unilateral_change"}),
    conflict("the school warrants consents", "conflict", "The School warrants that it has obtained all consents "
             "that FERPA and COPPA require for the Provider to collect student data.", found={"other"}),
    conflict("at its discretion, modify or replace", "right ... verb", "Company reserves the right, at its "
             "discretion and without notice, to modify or replace any part of this Policy.",
             found={"unilateral_change"}),
    conflict("changed only with written consent", "plain duty", "Company may change these terms only with the "
             "District's written consent.", absent={"unilateral_change"}),
    conflict("de-identified data to improve products", "de-identified", "De-identified student data may be used "
             "by the Provider to develop and improve its products.", absent={"other", "advertising"}),
    conflict("anonymized statistics for marketing", "de-identified", "We may share aggregated, anonymized "
             "statistics with our partners for marketing purposes.", absent={"advertising"}),
    conflict("California law is another state's", "plain duty", "This Agreement is governed by California law.",
             found={"governing_law_other_state"}),
]


# A third batch, written after the second batch's fixes and before running the check on it.
THIRD = [
    Case("the school tells the provider of a compromise", "owed to another", "breach_notification",
         "The School shall notify the Provider within 48 hours if it learns that a student's login credentials "
         "have been compromised.", NOT_PRESENT),
    Case("authorized users protect what they download", "owed to another", "security",
         "Each Authorized User must keep their password confidential and must protect student information they "
         "download.", NOT_PRESENT),
    Case("teachers delete at the end of the year", "owed to another", "no_retention",
         "Teachers shall delete student data from their devices when the school year ends.", NOT_PRESENT),
    Case("the district deletes what it no longer needs", "owed to another", "deletion",
         "The District is responsible for deleting student data it no longer needs from the platform.",
         NOT_PRESENT),
    Case("notice to the reporter of a vulnerability", "owed to another", "breach_notification",
         "The Provider will notify the user who reported a security vulnerability within 5 business days.",
         NOT_PRESENT),
    Case("Virginia residents' copy and correction", "narrower scope", "review_correction",
         "Residents of Virginia may request a copy of their data and its correction.", "partial"),
    Case("district employees, not students", "narrower scope", "deletion",
         "Employees of the District may ask the Provider to delete their account data.", NOT_PRESENT),
    Case("customers in Australia", "narrower scope", "breach_notification",
         "For customers in Australia, we will notify the customer of an eligible data breach within 30 days.",
         "missing"),
    Case("available on request", "mention, no duty", "security",
         "Information about how we secure data is available on request.", NOT_PRESENT),
    Case("summarised in the table", "mention, no duty", "no_retention",
         "Our approach to data retention is summarised in the table below.", NOT_PRESENT),
    Case("parents often ask", "mention, no duty", "review_correction",
         "Parents often ask how they can see their child's records.", NOT_PRESENT),
    Case("we value your trust", "mention, no duty", "security",
         "We value your trust and never take student privacy lightly.", NOT_PRESENT),
    Case("the advertising section explains", "mention, no duty", "no_advertising",
         "The advertising section of our Privacy Policy explains our practices.", NOT_PRESENT),
    Case("may choose to encrypt", "may/endeavour", "security",
         "Provider may choose to encrypt student data where feasible.", "partial"),
    Case("reasonable attempts to notify", "may/endeavour", "breach_notification",
         "We will make reasonable attempts to notify the school of a breach of student data within 72 hours.",
         "partial"),
    Case("expects to delete", "may/endeavour", "no_retention",
         "Provider expects to delete student data within 60 days after the contract ends.", "partial"),
    Case("generally does not advertise", "may/endeavour", "no_advertising",
         "The Company generally does not use student information for advertising.", "partial"),
    Case("where practicable, inform", "may/endeavour", "breach_notification",
         "Where practicable, the Vendor will inform the District of a breach of student data within 30 days.",
         "partial"),
    Case("logs kept three years", "tail/backup/request", "no_retention",
         "Student data is deleted at the end of the contract, but logs containing student identifiers are kept "
         "for three years.", "partial"),
    Case("and may keep a copy", "tail/backup/request", "no_retention",
         "The Provider will return student data to the District at the end of the term and may keep a copy for "
         "its records.", "partial"),
    Case("other than data in system logs", "tail/backup/request", "deletion",
         "Upon the District's request, the Provider will delete student data, other than data in system logs, "
         "which are purged every 180 days.", "partial"),
    Case("payment card data encrypted", "other data", "security",
         "The Provider shall encrypt all payment card data using industry-standard encryption.", NOT_PRESENT),
    Case("account credentials deleted", "other data", "deletion",
         "We will delete your account credentials within 30 days of the school's request.", NOT_PRESENT),
    Case("no sale of de-identified data to advertisers", "de-identified", "no_advertising",
         "The Provider shall not sell de-identified data to advertisers.", NOT_PRESENT),
    Case("stop, return and delete", "list of verbs", "deletion",
         "The Provider will, upon the District's written request, (a) stop processing, (b) return and (c) delete "
         "the student data identified in the request.", "present"),
    Case("return or destroy and certify", "plain duty", "no_retention",
         "At the end of the Agreement, the Contractor shall, at the Board's option, return or destroy all Student "
         "Data, and certify the destruction in writing.", "present"),
    Case("reasonable security procedures", "plain duty", "security",
         "Provider shall implement and maintain reasonable security procedures and practices to protect student "
         "data from unauthorized access, destruction, use, modification or disclosure.", "present"),
    Case("agrees it will notify within thirty days", "plain duty", "breach_notification",
         "Vendor agrees that it will notify the Board of any unauthorized release of student information no "
         "later than thirty days after discovery.", "present"),
    Case("are and remain the property", "plain duty", "ownership",
         "Student records are and remain the property of the Board.", "present"),
    Case("not use, sell, rent or disclose", "plain duty", "use_limitation",
         "The Provider shall not use, sell, rent, or disclose student data for any purpose other than to provide "
         "the services.", "present"),
    Case("complies with FERPA", "plain duty", "ferpa",
         "The Provider complies with FERPA in handling education records received from the School.", "present"),
    Case("allow a parent to review and correct", "plain duty", "review_correction",
         "The Company shall allow a student's parent to review the student's records and to correct any error, "
         "through a request to the Board.", "present"),
    Case("in no event advertising profiles", "plain duty", "no_advertising",
         "In no event will student data be used to create advertising profiles or to target advertisements.",
         "present"),
    Case("invalidity does not affect the rest", "plain duty", "severability",
         "The invalidity of any provision shall not affect the validity of the remaining provisions.", "present"),
    Case("Connecticut law without conflict principles", "plain duty", "governing_law",
         "The laws of the State of Connecticut, without regard to conflict-of-law principles, govern this "
         "Agreement.", "present"),
    Case("in confidence and safeguarded", "plain duty", "security",
         "The Provider shall maintain student data in confidence and safeguard it against loss, theft and "
         "unauthorized use.", "present"),
]

THIRD_CONFLICTS = [
    conflict("ads based on activity", "conflict", "We may show ads to students based on their activity in the app.",
             found={"advertising"}),
    conflict("transferred to a successor", "conflict", "Student data may be transferred to a successor entity if "
             "we are acquired.", found={"sale"}),
    conflict("revised on thirty days' notice", "conflict", "Company may revise this Agreement by giving thirty "
             "days' notice by email.", found={"unilateral_change"}),
    conflict("kept up to seven years", "conflict", "We keep records of student activity for up to seven years.",
             found={"retention"}),
    conflict("the customer answers for FERPA", "conflict", "The Customer is responsible for complying with FERPA "
             "and shall indemnify the Company for any failure to do so.", found={"other"}),
    conflict("amended only in a signed writing", "plain duty", "Neither party may amend this Agreement except in "
             "a writing signed by both.", absent={"unilateral_change"}),
    conflict("never shows advertisements", "plain duty", "We will never show advertisements to students.",
             absent={"advertising"}),
]


# A fourth batch, written after the third batch's fixes and before running the check on it.
FOURTH = [
    Case("a copy of the families' notice", "owed to another", "breach_notification",
         "The Provider will provide the District with a copy of any breach notice it sends to students' "
         "families.", "partial"),
    Case("each subprocessor's measures", "owed to another", "security",
         "Each Subprocessor shall implement appropriate technical and organisational measures to protect the "
         "personal data it processes.", NOT_PRESENT),
    Case("students keep login details secure", "owed to another", "security",
         "Students are expected to keep their login details secure and report any suspected breach to their "
         "teacher.", NOT_PRESENT),
    Case("the district's staff comply with FERPA", "owed to another", "ferpa",
         "The District shall ensure that its staff comply with FERPA when using the Service.", NOT_PRESENT),
    Case("students attending schools in Ontario", "narrower scope", "deletion",
         "Students attending schools in Ontario may request deletion of their records by contacting our privacy "
         "office.", "missing"),
    Case("the Teacher Pro edition only", "narrower scope", "deletion",
         "In the Teacher Pro edition only, administrators can export and delete class data.", NOT_PRESENT),
    Case("a customer that is a school in Utah", "narrower scope", "no_retention",
         "Where the Customer is a school in Utah, the Provider shall return all student data within 10 days "
         "after termination.", "missing"),
    Case("the plan in Appendix D", "mention, no duty", "breach_notification",
         "You can find our data breach response plan in Appendix D.", NOT_PRESENT),
    Case("what FERPA is", "mention, no duty", "ferpa",
         "FERPA is a federal law that protects the privacy of student education records.", NOT_PRESENT),
    Case("ownership addressed elsewhere", "mention, no duty", "ownership",
         "The question of who owns student data is addressed in the Master Agreement.", NOT_PRESENT),
    Case("deleting is permanent", "mention, no duty", "deletion",
         "Deleting data is permanent, so please be careful.", NOT_PRESENT),
    Case("every effort to keep secure", "may/endeavour", "security",
         "We make every effort to keep student data secure.", "partial"),
    Case("may, but is not obliged to, delete", "may/endeavour", "deletion",
         "Provider may, but is not obliged to, delete inactive accounts after one year.", NOT_PRESENT),
    Case("would normally delete", "may/endeavour", "no_retention",
         "We would normally delete student data within 90 days after the contract ends.", "partial"),
    Case("excluding data for business purposes", "tail/backup/request", "no_retention",
         "When the Agreement terminates, the Provider shall delete student data, excluding data the Provider "
         "needs for its legitimate business purposes.", "partial"),
    Case("subject to our retention policy", "tail/backup/request", "no_retention",
         "Student data is deleted 30 days after the contract ends, subject to our standard data retention "
         "policy.", "partial"),
    Case("the Board's proprietary information", "Confidential Information", "security",
         "Vendor shall safeguard the Board's proprietary information, including its pricing, with reasonable "
         "care.", NOT_PRESENT),
    Case("aggregated data not subject to deletion", "de-identified", "deletion",
         "Aggregated data that does not identify students is not subject to the deletion obligations in this "
         "section.", NOT_PRESENT),
    Case("cease, return and erase", "list of verbs", "deletion",
         "The Contractor shall, within 30 days of the Board's written request: (i) cease using, (ii) return, and "
         "(iii) permanently erase the requested student records.", "present"),
    Case("a list of parents' rights", "list of verbs", "review_correction",
         "Parents and eligible students may:\n(a) review the student's records held by the Provider;\n(b) request "
         "that errors be corrected; and\n(c) receive a response within 15 days.", "present"),
    Case("retains the right, by notice, to instruct", "right ... verb", "deletion",
         "The Board retains the right, by written notice at any time during the term, to instruct the "
         "Contractor to destroy student records.", "present"),
    Case("nondestructive testing", "stem inside a word", "deletion",
         "The District may request the Provider's nondestructive testing results.", "missing"),
    Case("the deletion process is described", "noun as verb", "deletion",
         "The deletion process is described in the Help Center.", NOT_PRESENT),
    Case("security updates monthly", "noun as verb", "security",
         "Security updates are released monthly.", NOT_PRESENT),
    Case("parents turn off sharing", "own control", "use_limitation",
         "Parents can turn off data sharing with third parties in the parent portal.", NOT_PRESENT),
    Case("except as our Privacy Policy describes", "swallowing exception", "use_limitation",
         "The Provider shall not use student data for any purpose other than providing the Service, except as "
         "otherwise described in our Privacy Policy.", "partial"),
    Case("unless law enforcement asks for a delay", "swallowing exception", "breach_notification",
         "Provider will notify the District of a breach of student data within 72 hours unless law enforcement "
         "asks it to delay.", "present"),
    Case("except ads for our own products", "swallowing exception", "no_advertising",
         "Student data will not be used for advertising, except for advertising of our own products to "
         "teachers.", "partial"),
    Case("owned by and under the control of the LEA", "plain duty", "ownership",
         "Contractor acknowledges that all Student Data is owned by and under the control of the LEA.",
         "present"),
    Case("a request from an authorized official", "plain duty", "deletion",
         "Upon receiving a written deletion request from an authorized District official, the Provider shall "
         "delete the specified student data within 10 business days.", "present"),
    Case("limit use to Exhibit A", "plain duty", "use_limitation",
         "Vendor shall limit its use of Pupil Records to the purposes set out in Exhibit A and shall not use them "
         "for any other purpose.", "present"),
    Case("inspect and have corrected, forwarded by the School", "plain duty", "review_correction",
         "Parents may request to inspect their child's records and to have inaccurate records corrected; the "
         "Provider shall cooperate with any such request forwarded by the School.", "present"),
    Case("measures to keep secure and confidential", "plain duty", "security",
         "Provider shall take commercially reasonable administrative, physical and technical measures to keep "
         "student data secure and confidential.", "present"),
    Case("report to the privacy officer in 24 hours", "plain duty", "breach_notification",
         "The Vendor shall report any unauthorized access to student data to the District's privacy officer "
         "within 24 hours of discovery.", "present"),
    Case("returned then destroyed after expiration", "plain duty", "no_retention",
         "All student data in the Provider's possession shall be returned to the LEA and then destroyed within "
         "60 days after the expiration of this Agreement.", "present"),
    Case("as required of a school official", "plain duty", "ferpa",
         "The Provider shall handle education records as required of a school official under the Family "
         "Educational Rights and Privacy Act.", "present"),
    Case("interpreted under Connecticut law", "plain duty", "governing_law",
         "This Addendum shall be interpreted in accordance with the laws of Connecticut.", "present"),
    Case("void parts, the rest stays in force", "plain duty", "severability",
         "If any part of this Addendum is found to be void, the remaining parts shall stay in force.", "present"),
    Case("no targeted ads, no advertising profiles", "plain duty", "no_advertising",
         "The Provider will not serve targeted ads to students or use student data to build advertising "
         "profiles.", "present"),
    Case("New York law governs", "plain duty", "governing_law",
         "This Agreement shall be governed by the laws of the State of New York.", "missing"),
]

FOURTH_CONFLICTS = [
    conflict("advertising partners show ads", "conflict", "We may share student information with advertising "
             "partners who may use it to show relevant ads.", found={"advertising"}),
    conflict("among the assets transferred", "conflict", "In the event of a merger, acquisition or bankruptcy, "
             "user data may be among the assets transferred.", found={"sale"}),
    conflict("legitimate business interests", "conflict", "Data may be retained for as long as necessary for our "
             "legitimate business interests.", found={"retention"}),
    conflict("take effect when posted", "conflict", "We may modify these terms; the modified terms take effect "
             "when posted.", found={"unilateral_change"}),
    conflict("the customer obtained parental consent", "conflict", "The Customer represents that it has obtained "
             "verifiable parental consent for each student under 13.", found={"other"}),
    conflict("reserve, to the extent permitted, the right", "right ... verb", "We reserve, to the maximum extent "
             "permitted by law, the right to change or discontinue these Terms.", found={"unilateral_change"}),
    conflict("not changed without written agreement", "plain duty", "The Provider will not change these terms "
             "without the District's written agreement.", absent={"unilateral_change"}),
    conflict("no sale, rent or trade", "plain duty", "We do not sell, rent or trade student information.",
             absent={"sale"}),
    conflict("de-identified data kept after the end", "de-identified", "We may retain de-identified student data "
             "after the contract ends.", absent={"retention"}),
]


# A fifth batch, written after the fourth batch's fixes and before running the check on it.
FIFTH = [
    Case("notify the customer's users", "owed to another", "breach_notification",
         "Vendor will promptly notify Customer's users of any breach affecting their data.", "partial"),
    Case("we'll let you know by email", "owed to another", "breach_notification",
         "We'll let you know by email if your account is involved in a data breach.", NOT_PRESENT),
    Case("service providers contractually required", "owed to another", "security",
         "Third-party service providers are contractually required to protect student data.", NOT_PRESENT),
    Case("cause its affiliates to delete", "owed to another", "deletion",
         "The Provider shall cause its affiliates to delete student data at the District's request.", "present"),
    Case("an LEA located in the EEA", "narrower scope", "deletion",
         "Where the LEA is located in the European Economic Area, Provider shall delete Customer Data on the LEA's "
         "instruction.", "missing"),
    Case("only users of Classroom Plus", "narrower scope", "no_advertising",
         "This Section 9 applies only to users of the Classroom Plus service: Provider shall not use student data "
         "for advertising.", "partial"),
    Case("learn about cookies", "mention, no duty", "use_limitation",
         "Learn more about how we use cookies in our Cookie Notice.", NOT_PRESENT),
    Case("privacy at the heart", "mention, no duty", "deletion",
         "Student privacy is at the heart of everything we do, including our approach to deletion requests.",
         NOT_PRESENT),
    Case("intends to comply with FERPA", "may/endeavour", "ferpa",
         "Provider intends to comply with FERPA.", "partial"),
    Case("best judgment whether to notify", "may/endeavour", "breach_notification",
         "Provider will use its best judgment in deciding whether to notify the District of a breach.",
         NOT_PRESENT),
    Case("subject to its schedule, may delete", "tail/backup/request", "no_retention",
         "Subject to its data retention schedule, Provider may delete student data after the contract ends.",
         NOT_PRESENT),
    Case("except what the law requires it to keep", "swallowing exception", "deletion",
         "The District may ask for deletion, which the Provider will carry out within 90 days, except for data "
         "the Provider is required to keep by law.", "present"),
    # § 10-234bb(a)(7) (as the 2018 House amendment worded it; codified text to confirm) excepts only an account a
    # student or parent keeps; the disaster-recovery exception is (a)(2)'s, for deletion on request (the eval
    # README: "backups kept" is partial no-retention)
    Case("except disaster-recovery backups", "swallowing exception", "no_retention",
         "Provider will delete student data at the end of the Agreement, except data in backups that are not "
         "accessible to the public and are used only for disaster recovery.", "partial"),
    Case("retaining one archival copy", "tail/backup/request", "no_retention",
         "Provider will return student data within 30 days after termination, retaining only one archival copy "
         "for audit purposes.", "partial"),
    Case("as protective as for its own confidential information", "Confidential Information", "security",
         "Provider shall protect all Customer Data using measures at least as protective as those it uses for its "
         "own confidential information.", "present"),
    Case("student data as Confidential Information", "Confidential Information", "security",
         "The Recipient will protect the Student Data it receives as Confidential Information under this "
         "Agreement.", "present"),
    Case("de-identified data deleted at the end", "de-identified", "no_retention",
         "De-identified data will be deleted when the Agreement ends.", NOT_PRESENT),
    Case("export, transfer, then delete", "list of verbs", "deletion",
         "Upon the District's request, the Provider shall export, transfer, and then delete all student data in "
         "its systems.", "present"),
    Case("see, update and correct through the teacher", "list of verbs", "review_correction",
         "A parent can see, update and correct their child's information by asking the child's teacher, who will "
         "forward the request to the Provider.", "present"),
    Case("the right, upon notice, to demand", "right ... verb", "deletion",
         "The School has the right, at any time upon thirty days' notice, to demand the return or destruction of "
         "student data.", "present"),
    Case("users delete their photos", "own control", "deletion",
         "Users may delete their photos, and we will remove them from our servers within 30 days.", "partial"),
    Case("ask us to stop marketing", "own control", "no_advertising",
         "You can ask us to stop using your data for marketing at any time.", NOT_PRESENT),
    Case("or as the provider deems appropriate", "swallowing exception", "use_limitation",
         "The Provider will not disclose student data except as necessary to provide the services or as the "
         "Provider deems appropriate.", NOT_PRESENT),
    Case("except as the Board directs", "swallowing exception", "no_retention",
         "Except as the Board directs otherwise in writing, the Contractor shall destroy student data within 60 "
         "days after the contract expires.", "present"),
    Case("unless a continuing need", "swallowing exception", "no_retention",
         "Unless the Provider has a continuing need for it, student data will be deleted at the end of the term.",
         "partial"),
    Case("ownership remains with the Board", "plain duty", "ownership",
         "Ownership of all student data remains with the Board at all times.", "present"),
    Case("only as needed to perform", "plain duty", "use_limitation",
         "The Contractor may use student records only as needed to perform its obligations under this "
         "Agreement.", "present"),
    Case("encryption, access controls, audits", "plain duty", "security",
         "Provider shall secure student data using encryption, access controls and regular security audits.",
         "present"),
    Case("five calendar days, describing what happened", "plain duty", "breach_notification",
         "Provider will notify the LEA of any confirmed data breach involving student data within five calendar "
         "days, describing what happened and what data was involved.", "present"),
    Case("dispose and certify within thirty days", "plain duty", "no_retention",
         "Within thirty days of the end of the contract, Provider will securely dispose of all student data and "
         "certify the disposal to the Board.", "present"),
    Case("each party complies; a school official", "plain duty", "ferpa",
         "Each party will comply with FERPA, and Provider will act as a school official.", "present"),
    Case("Connecticut law applies", "plain duty", "governing_law",
         "Connecticut law applies to this Agreement.", "present"),
    Case("the other clauses stay in force", "plain duty", "severability",
         "A holding that one clause is unenforceable leaves the other clauses in force.", "present"),
    Case("may not be used for behavioral advertising", "plain duty", "no_advertising",
         "Student data may not be used for behavioral advertising.", "present"),
    Case("Massachusetts law governs disputes", "plain duty", "governing_law",
         "The laws of Massachusetts govern any dispute.", "missing"),
]

FIFTH_CONFLICTS = [
    conflict("usernames shared with sponsors", "conflict", "Student usernames may be shared with sponsors who run "
             "promotions in the app.", found={"advertising"}),
    conflict("kept until you ask", "conflict", "Your data will be kept until you ask us to delete it.",
             found={"retention"}),
    conflict("amend at any time, tell of material changes", "conflict", "We can amend this agreement at any time; "
             "we'll tell you about material changes.", found={"unilateral_change"}),
    conflict("schools must get parental consent", "conflict", "Schools must get parental consent before students "
             "use the service, and we rely on the school for that consent.", found={"other"}),
    conflict("the company sold, the data not", "conflict", "If our company is sold, student data may pass to the "
             "buyer.", found={"sale"}),
    conflict("mutual written agreement", "plain duty", "The parties may amend this Addendum by mutual written "
             "agreement.", absent={"unilateral_change"}),
    conflict("never sold, even in a sale", "plain duty", "We never sell student data, even if our company is "
             "sold.", absent={"sale"}),
    conflict("research without re-identifying", "de-identified", "We may use de-identified data for research, and "
             "we will not attempt to re-identify it.", absent={"other", "advertising"}),
]


# A sixth batch (acc7), written before running the check on it: other kinds of vendor (assessment, bus
# routing, cafeteria payments, library e-books, tutoring marketplaces, learning management, proctoring) and
# other drafting (numbered definitions, covenants, "it is agreed that", passive voice).
SIXTH = [
    Case("riders' guardians told of a breach", "owed to another", "breach_notification",
         "Should the routing platform suffer unauthorized access to rider information, RouteWise shall notify the "
         "guardians of affected riders within ten (10) days.", "partial"),
    Case("a tutor alerted to a compromised account", "owed to another", "breach_notification",
         "The Marketplace will alert the tutor whose account was compromised within 24 hours of detecting "
         "suspicious sign-in activity.", NOT_PRESENT),
    Case("the cardholder corrects a top-up", "owed to another", "review_correction",
         "The cardholder may review the meal account balance and correct a mistaken top-up by contacting the "
         "payment processor.", NOT_PRESENT),
    Case("a testing centre deletes at a candidate's request", "owed to another", "deletion",
         "Exam recordings are deleted by the testing centre at the request of the candidate.", NOT_PRESENT),
    Case("publishers secure their own analytics", "owed to another", "security",
         "Each publisher whose titles appear in the e-book catalogue is responsible for securing its own reader "
         "analytics.", NOT_PRESENT),
    Case("Illinois districts' destruction", "narrower scope", "no_retention",
         "For Customers that are Illinois school districts, Provider shall destroy all Covered Information within "
         "30 days after the Agreement ends.", "missing"),
    Case("pupils in the United Kingdom see and correct", "narrower scope", "review_correction",
         "Pupils in the United Kingdom, and their parents, may ask to see and correct the personal data we hold "
         "about them.", "missing"),
    Case("three pilot schools' gradebooks encrypted", "narrower scope", "security",
         "Only for the three pilot schools, the LMS vendor shall encrypt gradebook data at rest.", "partial"),
    Case("adult continuing education learners' ads", "narrower scope", "no_advertising",
         "Learners enrolled in the Adult Continuing Education program will not have their data used to target "
         "ads.", "partial"),
    Case("Quebec residents require deletion", "narrower scope", "deletion",
         "Residents of Quebec may require the Company to delete their personal information, and the Company will "
         "comply within 30 days.", "missing"),
    Case("a reserved Data Destruction section", "mention, no duty", "deletion",
         "Section 12 (Data Destruction) is reserved.", NOT_PRESENT),
    Case("the FAQ on how long footage is kept", "mention, no duty", "no_retention",
         "Questions about how long proctoring footage is kept are answered in our FAQ.", NOT_PRESENT),
    Case("a FERPA compliance brief on request", "mention, no duty", "ferpa",
         "Schools wishing to understand how our assessments fit within FERPA can request our compliance brief.",
         NOT_PRESENT),
    Case("a security whitepaper on request", "mention, no duty", "security",
         "Our security whitepaper, available on request, describes the safeguards used across the cafeteria "
         "payment platform.", NOT_PRESENT),
    Case("aims to inform within 72 hours", "may/endeavour", "breach_notification",
         "RouteWise aims to inform the District of any security incident affecting rider data within 72 hours.",
         NOT_PRESENT),
    Case("may, at its discretion, purge histories", "may/endeavour", "no_retention",
         "Upon expiry of the subscription, the Library Platform may, at its discretion, purge patron reading "
         "histories.", NOT_PRESENT),
    Case("strives to use only for assessments", "may/endeavour", "use_limitation",
         "The Provider strives to use student information solely for delivering the assessments the District "
         "has ordered.", NOT_PRESENT),
    Case("hopes to keep data secure", "may/endeavour", "security",
         "The Company hopes to keep all student data secure but cannot guarantee it.", NOT_PRESENT),
    Case("backup tapes kept twelve months", "tail/backup/request", "no_retention",
         "On termination all Student Data is erased from production systems; backup tapes holding Student Data "
         "are retained for twelve months.", "partial"),
    Case("returned only if asked before expiry", "tail/backup/request", "no_retention",
         "If the District so requests in writing before the Agreement expires, the Vendor will return all Pupil "
         "Records.", "partial"),
    Case("deleted 180 days after expiration", "tail/backup/request", "no_retention",
         "Student data will be deleted one hundred eighty (180) days following the expiration of this Agreement.",
         "partial"),
    Case("deleted on request, backup archives persist", "tail/backup/request", "deletion",
         "At the District's written request the Provider shall delete the requested student records, but copies "
         "in backup archives will persist until overwritten in the ordinary course.", "partial"),
    Case("each party's Confidential Information in confidence", "Confidential Information", "security",
         "Each party shall hold the other's Confidential Information in strict confidence and protect it with "
         "reasonable care.", NOT_PRESENT),
    Case("Confidential Information expressly includes Student Data", "Confidential Information", "security",
         "Recipient shall protect Confidential Information, which for this Agreement expressly includes all "
         "Student Data, using industry-standard administrative, technical and physical safeguards.", "present"),
    Case("aggregated ridership kept indefinitely", "de-identified", "no_retention",
         "Aggregated ridership statistics that identify no student may be retained indefinitely.", NOT_PRESENT),
    Case("de-identified results never advertised", "de-identified", "no_advertising",
         "De-identified assessment results will never be used for advertising.", NOT_PRESENT),
    Case("anonymized usage data to improve", "de-identified", "use_limitation",
         "The Provider shall use anonymized usage data only to improve the learning platform.", NOT_PRESENT),
    Case("view, download, amend or erase in the Family Portal", "list of verbs", "review_correction",
         "Through the Family Portal, a parent may view, download, amend or erase the records the tutoring service "
         "holds about the parent's child.", "present"),
    Case("collect, store, analyze and share only as needed", "list of verbs", "use_limitation",
         "Vendor shall collect, store, analyze, and share Pupil Data only as needed to provide the Services "
         "described in Exhibit A.", "present"),
    Case("return, destroy or render unreadable", "list of verbs", "deletion",
         "Upon the Board's written instruction, Contractor shall return, destroy, or render permanently unreadable "
         "any student data specified in that instruction.", "present"),
    Case("the District may, by notice, require deletion", "right ... verb", "deletion",
         "The District may, at any time and by written notice to the Provider, require that the Provider delete "
         "specified student records.", "present"),
    Case("familiarize staff with dashboards", "stem inside a word", "review_correction",
         "Provider will familiarize district staff with the dashboards used to review class progress.",
         NOT_PRESENT),
    Case("unadvertised features", "stem inside a word", "no_advertising",
         "Unadvertised features of the proctoring software may be enabled by the School.", NOT_PRESENT),
    Case("notifications about bus delays", "stem inside a word", "breach_notification",
         "Notifications about bus delays are sent to parents' phones.", NOT_PRESENT),
    Case("meal account holders own funds", "noun as verb", "ownership",
         "Meal account holders own the funds deposited in their accounts.", NOT_PRESENT),
    Case("the return policy for e-readers", "noun as verb", "deletion",
         "Our return policy for damaged e-readers is described in Schedule 4.", NOT_PRESENT),
    Case("clear reading history on one's own device", "own control", "deletion",
         "Students can remove downloaded e-books and clear their reading history on their own device at any time.",
         NOT_PRESENT),
    Case("turn off promotional emails", "own control", "no_advertising",
         "Parents may turn off promotional emails in their notification settings.", NOT_PRESENT),
    Case("covenant with a business-need exception", "swallowing exception", "use_limitation",
         "Provider covenants that it shall not use Student Data for any purpose other than the Services, except "
         "where Provider determines that another use serves a legitimate business need.", NOT_PRESENT),
    Case("except data retained for product development", "swallowing exception", "no_retention",
         "All student data shall be destroyed within 60 days after the contract ends, except such data as "
         "Provider retains for product development.", "partial"),
    Case("unless a signed amendment says otherwise", "swallowing exception", "no_retention",
         "Unless the parties agree otherwise in a signed amendment, Provider shall delete all Student Data within "
         "45 days after termination.", "present"),
    Case("numbered definitions, then ownership", "plain duty", "ownership",
         "1.1 \"LEA\" means the Board of Education of the Town. 1.2 \"Student Data\" means any information about "
         "an LEA student. 4.1 All Student Data is and remains the property of the LEA.", "present"),
    Case("Provider covenants a use limit", "plain duty", "use_limitation",
         "Provider covenants that Student Data shall be used solely to perform the services set out in Section 2 "
         "and for no other purpose.", "present"),
    Case("it is agreed the District shall be notified", "plain duty", "breach_notification",
         "It is agreed that the District shall be notified by the Contractor of any unauthorized release of "
         "student records no later than fourteen (14) days after the Contractor discovers it.", "present"),
    Case("destroyed within thirty days, certificate furnished", "plain duty", "no_retention",
         "Upon expiration of this Agreement, all student records held by the Vendor shall be destroyed within "
         "thirty days, and a certificate of destruction shall be furnished to the Board.", "present"),
    Case("agrees it is a school official and complies", "plain duty", "ferpa",
         "The Assessment Company agrees that it is a school official with a legitimate educational interest and "
         "shall comply with FERPA, 20 U.S.C. § 1232g, in handling pupil records.", "present"),
    Case("interpreted under and governed by Connecticut law", "plain duty", "governing_law",
         "This Agreement is to be interpreted under, and governed by, the laws of the State of Connecticut.",
         "present"),
    Case("should any term be held invalid", "plain duty", "severability",
         "Should any term of this Addendum be held invalid by a court, the remaining terms shall continue in full "
         "force.", "present"),
    Case("inspect through the District, provide and correct", "plain duty", "review_correction",
         "A parent or eligible student who wishes to inspect the student's records held by the Provider may submit "
         "a request to the District, and the Provider shall, within 10 business days of the District's notice, "
         "provide the records and make any corrections the District approves.", "present"),
    Case("a written information security program", "plain duty", "security",
         "Provider shall maintain a written information security program with administrative, technical and "
         "physical safeguards designed to protect Student Data from unauthorized access.", "present"),
    Case("no targeting advertising at students, parents or staff", "plain duty", "no_advertising",
         "The LMS Provider shall not use any Student Data to target advertising to students, parents or staff.",
         "present"),
    Case("New Jersey law governs", "plain duty", "governing_law",
         "This Agreement shall be governed by the laws of the State of New Jersey.", "missing"),
]

SIXTH_CONFLICTS = [
    conflict("reading histories recommend sponsored titles", "conflict", "Patron reading histories may be used to "
             "recommend sponsored titles from partner publishers.", found={"advertising"}),
    conflict("home addresses sold to mapping partners", "conflict", "Student home addresses and pick-up times may "
             "be sold to mapping partners.", found={"sale"}),
    conflict("exam sessions kept five years", "conflict", "Recorded exam sessions are retained for five years to "
             "support appeals and improve our detection models.", found={"retention"}),
    conflict("revised by posting, continued use accepts", "conflict", "The Provider may revise this Agreement from "
             "time to time by posting an updated version on its website; continued use signifies acceptance.",
             found={"unilateral_change"}),
    conflict("the District indemnifies for consent", "conflict", "The District shall be solely responsible for "
             "obtaining any parental consent required by law and shall indemnify the Company for any failure to "
             "do so.", found={"other"}),
    conflict("amendments signed by both", "plain duty", "No amendment to this Agreement is effective unless signed "
             "by authorized representatives of both the District and the Provider.", absent={"unilateral_change"}),
    conflict("never sell or rent to anyone", "plain duty", "Provider will never sell or rent student information "
             "to anyone.", absent={"sale"}),
    conflict("aggregate meal statistics published", "de-identified", "We may publish aggregate statistics about "
             "meal participation that do not identify any student.", absent={"sale", "advertising", "other"}),
]


# A seventh batch (acc7), written with the sixth and before running the check on either: tables turned into
# sentences, lists with lead-ins, "shall not ... except ...", duties stated as the district's rights and
# cross-references.
SEVENTH = [
    Case("a table row for breach notice", "plain duty", "breach_notification",
         "Obligation: breach notification. Responsible party: Vendor. Recipient: District privacy officer. "
         "Deadline: 48 hours from discovery.", "present"),
    Case("a table row for retention", "plain duty", "no_retention",
         "Data category: Student Data. Retention after the contract ends: none; deleted within 30 days of "
         "termination.", "present"),
    Case("the Provider shall: store, encrypt, restrict", "plain duty", "security",
         "The Provider shall: (a) store Student Data only in data centres in the United States; (b) encrypt Student "
         "Data in transit and at rest; and (c) restrict access to personnel who need it.", "present"),
    Case("shall not use except (i) (ii) (iii)", "plain duty", "use_limitation",
         "Provider shall not use Student Data except: (i) to deliver the Services; (ii) as the District instructs "
         "in writing; or (iii) as required by law.", "present"),
    Case("no targeted ads except with a parent's consent", "swallowing exception", "no_advertising",
         "Provider shall not use student data for targeted advertising except to the extent a parent has "
         "consented.", "partial"),
    Case("District may require return or deletion", "plain duty", "deletion",
         "District may require Provider to return or delete any Student Data at any time by written notice.",
         "present"),
    Case("the District may direct a correction", "plain duty", "review_correction",
         "Where a parent disputes the accuracy of a student record, the District may direct the Provider to "
         "correct it, and the Provider shall do so within ten days.", "partial"),
    Case("retention governed by Section 7", "mention, no duty", "no_retention",
         "Retention of Student Data is governed by Section 7.", NOT_PRESENT),
    Case("as set out in Section 7, delete on request", "plain duty", "deletion",
         "As set out in Section 7, the Provider shall delete Student Data within 15 days after receiving the "
         "District's request.", "present"),
    Case("the District is entitled to written notice", "plain duty", "breach_notification",
         "The District is entitled to written notice from the Provider of any Security Breach within five (5) "
         "business days after the Provider learns of it.", "present"),
    Case("Customer retains all right, title and interest", "plain duty", "ownership",
         "As between the parties, Customer retains all right, title and interest in and to Customer Data, which "
         "includes all Student Data.", "present"),
    Case("no ownership interest transferred", "plain duty", "ownership",
         "No ownership interest in any pupil record is transferred to or acquired by the Contractor under this "
         "Agreement.", "present"),
    Case("observe all laws including FERPA", "plain duty", "ferpa",
         "In performing the Services, the Company will observe all applicable laws, including without limitation "
         "the Family Educational Rights and Privacy Act, COPPA, and Conn. Gen. Stat. §§ 10-234aa to 10-234dd.",
         "present"),
    # the board's half of the duty only; the labelling rules read a FERPA duty put on the school as missing (19th round)
    Case("the District responsible for FERPA", "owed to another", "ferpa",
         "The District is responsible for complying with FERPA when it shares records with the Vendor.",
         NOT_PRESENT),
    Case("suit in Hartford, Delaware law", "narrower scope", "governing_law",
         "Any suit shall be brought in Hartford, Connecticut, but this Agreement is governed by Delaware law.",
         NOT_PRESENT),
    Case("a court may modify, the others unaffected", "plain duty", "severability",
         "If a court finds any provision unenforceable, the court may modify it to the minimum extent necessary, "
         "and the other provisions are unaffected.", "present"),
    Case("the School notifies families", "owed to another", "breach_notification",
         "The School shall notify affected families of any breach reported to it by the Vendor.", NOT_PRESENT),
    Case("tutors agree to keep learner information secure", "owed to another", "security",
         "Tutors listed on the Marketplace agree to keep learner information secure and confidential.",
         NOT_PRESENT),
    Case("instructors delete submissions", "owed to another", "deletion",
         "Instructors may delete student submissions from their course shells at any time.", NOT_PRESENT),
    Case("a test-taker asks for a recording's deletion", "owed to another", "deletion",
         "A test-taker may ask the Proctoring Service to delete his or her session recording, and the Service will "
         "do so within 14 days.", "partial"),
    Case("data hosted in the EU region encrypted", "narrower scope", "security",
         "Customer Data hosted in our EU region is encrypted at rest with AES-256.", "missing"),
    Case("Florida student records used solely", "narrower scope", "use_limitation",
         "Florida student records will be used solely to provide the Services.", "missing"),
    Case("no ads in one module", "narrower scope", "no_advertising",
         "No advertisements are shown within the Kids Reading Corner module.", NOT_PRESENT),
    Case("breach of staff accounts", "narrower scope", "breach_notification",
         "The Provider will notify the District within 72 hours of any breach involving teacher or staff "
         "accounts.", NOT_PRESENT),
    Case("Data Ownership: see the Master Agreement", "mention, no duty", "ownership",
         "Data Ownership. See the Master Agreement.", NOT_PRESENT),
    Case("the Privacy Notice explains access and correction", "mention, no duty", "review_correction",
         "Our Privacy Notice explains how parents can exercise their rights to access and correct information.",
         NOT_PRESENT),
    Case("FERPA defined", "mention, no duty", "ferpa",
         "\"FERPA\" means the Family Educational Rights and Privacy Act and its implementing regulations.",
         NOT_PRESENT),
    Case("will endeavour to return when it concludes", "may/endeavour", "no_retention",
         "The Contractor will endeavour to return all student records to the Board when the contract concludes.",
         NOT_PRESENT),
    Case("we can delete student accounts", "may/endeavour", "deletion",
         "On request from the School, we can delete student accounts.", NOT_PRESENT),
    Case("our goal is 24 hours", "may/endeavour", "breach_notification",
         "Our goal is to notify schools within 24 hours of confirming a breach.", NOT_PRESENT),
    Case("purged two years after the subscription lapses", "tail/backup/request", "no_retention",
         "Student records are purged two years after the District's subscription lapses.", "partial"),
    Case("deleted after termination on written request", "tail/backup/request", "no_retention",
         "Following termination, Vendor shall delete student data upon receipt of the District's written request.",
         "partial"),
    Case("apart from system logs kept indefinitely", "tail/backup/request", "no_retention",
         "At the end of the Agreement, Provider shall delete all Student Data within 30 days, apart from system "
         "logs, which it may keep indefinitely.", "partial"),
    Case("the District uses the Vendor's Confidential Information", "Confidential Information", "use_limitation",
         "The District shall use the Vendor's Confidential Information only to evaluate and administer this "
         "Agreement.", NOT_PRESENT),
    Case("Student Data treated as confidential and used only", "Confidential Information", "use_limitation",
         "Provider shall treat all Student Data as confidential and use it only to provide the Services to the "
         "District.", "present"),
    Case("aggregate results shared with researchers", "de-identified", "use_limitation",
         "The Vendor may share aggregate, de-identified assessment results with research partners.", NOT_PRESENT),
    Case("de-identified data sets destroyed on request", "de-identified", "deletion",
         "De-identified data sets will be destroyed upon the District's request.", NOT_PRESENT),
    Case("access, review and request amendment", "list of verbs", "review_correction",
         "Parents and eligible students may access, review, and request amendment of the education records the "
         "Provider maintains, by sending a request to the District, which the Provider shall honor within 15 "
         "days.", "present"),
    Case("the right, exercisable at any time, to have data deleted", "right ... verb", "deletion",
         "The Board shall have the right, exercisable at any time and for any reason, to have all student data in "
         "the Contractor's possession deleted.", "present"),
    Case("a quarterly retainer fee", "stem inside a word", "no_retention",
         "The District shall pay a retainer fee each quarter.", NOT_PRESENT),
    Case("the vendor's securities", "stem inside a word", "security",
         "The Vendor's securities are listed on the Nasdaq exchange.", NOT_PRESENT),
    Case("data holders listed", "noun as verb", "ownership",
         "Data holders under this Agreement are listed in Schedule B.", NOT_PRESENT),
    Case("use of the kiosks requires a PIN", "noun as verb", "use_limitation",
         "Use of the cafeteria kiosks requires a student PIN.", NOT_PRESENT),
    Case("students edit their own profile", "own control", "review_correction",
         "Students can edit their profile picture and display name in Settings.", NOT_PRESENT),
    Case("except as the Privacy Policy permits", "swallowing exception", "use_limitation",
         "Provider shall not disclose Student Data to any third party except as permitted by Provider's Privacy "
         "Policy, as amended from time to time.", NOT_PRESENT),
    Case("delete on request unless law requires keeping", "swallowing exception", "deletion",
         "Upon the District's written request, Provider shall delete the Student Data identified in the request "
         "unless state or federal law requires Provider to keep it.", "present"),
    Case("targeted advertising: prohibited", "plain duty", "no_advertising",
         "Targeted advertising using Student Data: prohibited.", "present"),
    Case("protected by the Vendor through encryption", "plain duty", "security",
         "Student Data will be protected by the Vendor through encryption, firewalls and role-based access.",
         "present"),
]

SEVENTH_CONFLICTS = [
    conflict("affiliates market to families", "conflict", "Vendor may share student contact details with its "
             "affiliates so that they can market their own products to families.", found={"advertising"}),
    conflict("transferred to a purchaser in bankruptcy", "conflict", "In the event of bankruptcy, student data may "
             "be transferred to a purchaser of the Provider's assets.", found={"sale"}),
    conflict("kept as long as it considers them useful", "conflict", "Provider retains usage records about students "
             "for as long as it considers them useful.", found={"retention"}),
    conflict("at any time and without notice, modify", "right ... verb", "Provider reserves the right, at any time "
             "and without notice, to modify this Agreement.", found={"unilateral_change"}),
    conflict("the School warrants notices and consents", "conflict", "The School warrants that it has provided all "
             "notices and obtained all consents required under FERPA and COPPA.", found={"other"}),
    conflict("changes after the Board approves", "plain duty", "Changes to this Addendum take effect only after the "
             "Board approves them in writing.", absent={"unilateral_change"}),
    conflict("neither vendor nor affiliates advertise", "plain duty", "Neither the Vendor nor its affiliates will use "
             "student data to advertise or market to students or families.", absent={"advertising"}),
    conflict("de-identified scores kept for norming", "de-identified", "Provider may keep de-identified score data "
             "indefinitely for norming studies.", absent={"retention"}),
]


# An eighth batch (acc7), written after the sixth and seventh batches' fixes and before running the check on
# it, to measure whether those fixes carry: other vendors again (photography, wellbeing apps, athletics
# registration, fundraising, interpreting, bus tracking) and British and formal drafting ("undertakes",
# "forthwith", "save as", "in no event", the Supplier and the School, a question and its answer).
EIGHTH = [
    Case("undertakes to erase forthwith on written demand", "plain duty", "deletion",
         "The Supplier undertakes to erase forthwith any Pupil Data the School specifies in a written demand.",
         "present"),
    Case("families close the account in Settings", "own control", "deletion",
         "Families can close their account from the Settings page, which removes their child's profile.",
         NOT_PRESENT),
    Case("in no event later than sixty days", "plain duty", "breach_notification",
         "In no event shall the Supplier notify the School of a personal data breach later than sixty (60) days "
         "after becoming aware of it.", "partial"),
    Case("the School and parents within 72 hours", "plain duty", "breach_notification",
         "The Company will notify the School and affected parents of any unauthorised access to student information "
         "without undue delay, and in any case within 72 hours.", "present"),
    Case("save as required by law, not retained once expired", "plain duty", "no_retention",
         "Save as required by law, the Supplier shall not retain any Pupil Data once the contract has expired.",
         "present"),
    Case("deleted when no longer needed", "tail/backup/request", "no_retention",
         "Pupil Data is deleted when the Supplier no longer needs it.", NOT_PRESENT),
    Case("other than anonymised statistics", "de-identified", "no_retention",
         "Within 30 days after the contract ends the Supplier shall delete all Pupil Data, other than anonymised "
         "statistics.", "present"),
    Case("counsellors view and annotate notes", "owed to another", "review_correction",
         "School counsellors may view and annotate session notes in the wellbeing app.", NOT_PRESENT),
    Case("a copy through the School, corrections in 21 days", "plain duty", "review_correction",
         "Parents may request, through the School, a copy of their child's records held by the Supplier, and the "
         "Supplier shall correct any inaccuracy the School confirms within 21 days.", "present"),
    Case("where the UK GDPR applies", "narrower scope", "security",
         "Where the UK GDPR applies, the Processor shall implement appropriate technical and organisational "
         "measures to protect Personal Data.", "missing"),
    Case("athlete forms encrypted by the Company", "plain duty", "security",
         "All athlete registration forms, including medical information, are encrypted by the Company in storage "
         "and in transit.", "present"),
    Case("designed with FERPA in mind", "mention, no duty", "ferpa",
         "Our platform is designed with FERPA in mind.", NOT_PRESENT),
    Case("a school official under direct control", "plain duty", "ferpa",
         "For FERPA purposes the Supplier acts as a school official under the School's direct control and will "
         "handle education records only as FERPA permits.", "present"),
    Case("the laws of England and Wales", "plain duty", "governing_law",
         "This contract is governed by the laws of England and Wales.", "missing"),
    Case("the State of Connecticut's laws govern", "plain duty", "governing_law",
         "The State of Connecticut's laws govern this Addendum, without regard to conflict-of-laws rules.",
         "present"),
    Case("severed and the rest enforced", "plain duty", "severability",
         "Any provision found unenforceable shall be severed, and the rest of this Agreement enforced as written.",
         "present"),
    Case("images belong to the School", "plain duty", "ownership",
         "Images of pupils taken under this contract belong to the School, not the Photographer.", "present"),
    Case("the Company owns aggregated statistics", "de-identified", "ownership",
         "The Company owns all aggregated, de-identified statistics derived from use of the service.",
         NOT_PRESENT),
    Case("only on documented instructions", "plain duty", "use_limitation",
         "The Supplier shall process Pupil Data only on the School's documented instructions.", "present"),
    Case("any other purpose it announces", "swallowing exception", "use_limitation",
         "The Company uses student data only to run the app, and for any other purpose the Company announces in its "
         "privacy notice.", NOT_PRESENT),
    Case("bus locations never used for ads", "plain duty", "no_advertising",
         "Bus location data about pupils is never used to select or show advertisements.", "present"),
    Case("contextual ads, never targeted with student data", "plain duty", "no_advertising",
         "We show contextual ads in the free version but never use student data to target them.", "present"),
]

EIGHTH_CONFLICTS = [
    conflict("a question and its answer: no sale", "plain duty", "Q: Does the app sell student data? A: No, never.",
             absent={"sale"}),
    conflict("tickets sold, information never", "noun as verb", "Student information is never sold; only event "
             "tickets are sold through the app.", absent={"sale"}),
    conflict("offers from local businesses", "conflict", "With the School's consent, the Platform may email parents "
             "offers from local businesses based on their children's activity.", found={"advertising"}),
    conflict("transcripts kept a year after", "conflict", "Transcripts of interpreted parent meetings are kept for "
             "one year after the service ends.", found={"retention"}),
    conflict("vary on thirty days' notice", "conflict", "The Supplier may vary these terms by giving the School "
             "thirty days' notice.", found={"unilateral_change"}),
    conflict("handed to the buyer with the assets", "conflict", "Should the Supplier's business be sold, pupil "
             "records will be handed to the buyer with the other assets.", found={"sale"}),
    conflict("the School alone answers for FERPA", "conflict", "The School alone answers for any breach of FERPA "
             "arising from the data it uploads.", found={"other"}),
]


# cases the check still gets wrong: name -> the concept it lacks (strict expected failures)
KNOWN: dict[str, str] = {
    "a breach notice template": "a noun phrase about a notice form is read as a partial breach procedure",
    "one pilot's return of data": "the end of a pilot is not read as the end of the contract",
    "a copy of the families' notice": "a copy of a notice sent to others is not read as notice to the board",
    "usernames shared with sponsors": "sponsors' promotions are not read as advertising",
    "as protective as for its own confidential information": "a standard of care named by the contractor's own "
    "Confidential Information is read as the data (reading it as a standard cleared a development sentence about "
    "one kind of data and lost its low confidence, so it was not kept)",
    # sixth and seventh batches (acc7)
    "a table row for breach notice": "a table turned into label-and-value sentences has no modal and no verb",
    "a table row for retention": "a table turned into label-and-value sentences has no modal and no verb",
    "targeted advertising: prohibited": "a table's 'prohibited' has no modal and is read as a mention",
    "contextual ads, never targeted with student data": "ads shown without student data are read as a partial "
    "advertising term",
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


@pytest.mark.parametrize("case", [_param(c) for c in CASES + SECOND + THIRD + FOURTH + FIFTH + SIXTH
                                             + SEVENTH + EIGHTH])
def test_a_passage_gets_the_status_a_lawyer_gives(case, library):
    ok, got = _status_ok(case, library)
    assert ok, f"{case.pid}: got {got}, a lawyer gives {case.want}"


@pytest.mark.parametrize("case", [_param(c) for c in CONFLICTS + SECOND_CONFLICTS + THIRD_CONFLICTS + FOURTH_CONFLICTS
                                                + FIFTH_CONFLICTS + SIXTH_CONFLICTS + SEVENTH_CONFLICTS
                                                + EIGHTH_CONFLICTS])
def test_a_passage_gets_the_conflicts_a_lawyer_lists(case, library):
    ok, got = _conflicts_ok(case, library)
    assert ok, f"got {sorted(got)}; wanted {sorted(case.found)} and none of {sorted(case.absent)}"


def test_the_set_spreads_over_every_provision_and_conflict_kind(library):
    for cases, conflicts in ((CASES, CONFLICTS), (SECOND, SECOND_CONFLICTS), (THIRD, THIRD_CONFLICTS),
                               (FOURTH, FOURTH_CONFLICTS), (FIFTH, FIFTH_CONFLICTS), (SIXTH, SIXTH_CONFLICTS),
                               (SEVENTH, SEVENTH_CONFLICTS), (EIGHTH, EIGHTH_CONFLICTS)):
        assert {c.pid for c in cases} == {p.id for p in library.provisions}
        assert {k for c in conflicts for k in c.found} >= {"advertising", "sale", "retention", "unilateral_change",
                                                           "other"}
    names = [c.name for c in CASES + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH]
    names += [c.name for c in CONFLICTS + SECOND_CONFLICTS + THIRD_CONFLICTS + FOURTH_CONFLICTS + FIFTH_CONFLICTS
              + SIXTH_CONFLICTS + SEVENTH_CONFLICTS + EIGHTH_CONFLICTS]
    assert len(names) >= 60 and len(set(names)) == len(names)
    assert not set(KNOWN) - set(names)


def score() -> str:
    """The set's score by class and batch, as docs/check.md reports it, with the cases it gets wrong."""
    from collections import defaultdict

    from generator import load_library

    library = load_library()
    lines, wrong = [], []
    for batch, cases, conflicts in (("first", CASES, CONFLICTS), ("second", SECOND, SECOND_CONFLICTS),
                                    ("third", THIRD, THIRD_CONFLICTS), ("fourth", FOURTH, FOURTH_CONFLICTS),
                                    ("fifth", FIFTH, FIFTH_CONFLICTS), ("sixth", SIXTH, SIXTH_CONFLICTS),
                                    ("seventh", SEVENTH, SEVENTH_CONFLICTS), ("eighth", EIGHTH, EIGHTH_CONFLICTS)):
        right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        gaps = [0, 0]  # passages a lawyer calls partial or missing, and those the check calls present
        for c in cases:
            ok, got = _status_ok(c, library)
            right[c.kind][0] += ok
            right[c.kind][1] += 1
            if "present" not in (c.want if isinstance(c.want, tuple) else (c.want,)):
                gaps[0] += 1
                gaps[1] += got == "present"
            if not ok:
                wrong.append(f"  {batch}: {c.name} ({c.pid}): got {got}, want {c.want}")
        for c in conflicts:
            ok, got = _conflicts_ok(c, library)
            right[c.kind][0] += ok
            right[c.kind][1] += 1
            if not ok:
                wrong.append(f"  {batch}: {c.name} (conflicts): got {sorted(got)}")
        total = [sum(v[0] for v in right.values()), sum(v[1] for v in right.values())]
        lines += [f"{batch} batch:"] + [f"  {kind:24} {a}/{n}" for kind, (a, n) in right.items()]
        lines.append(f"  {'all':24} {total[0]}/{total[1]} {100 * total[0] / total[1]:.1f}%; gaps called present "
                     f"{gaps[1]}/{gaps[0]}")
    return "\n".join(lines + ["wrong:"] + wrong)


if __name__ == "__main__":
    print(score())
