"""The shortcuts that make the check fast never change what it reports: words that rule out a
frame before it is read, a period's unit looked for before its number, a sentence's pattern hits
kept for the next check in the same process. The contract below is our own wording."""

from __future__ import annotations

from generator.checking.analysis import check_contract, forget_texts
from generator.checking.frame_rules import conflict_frame
from generator.checking.frames import could_conflict, read_frame
from generator.checking.one_file import check_file
from generator.checking.periods import periods
from generator.documents.report import report_json
from generator.reading.extract import read_document
from generator.reading.sandbox import unboxed

CONTRACT = """\
Data Agreement between the Board and Brightpath Learning

1. Ownership. All student data remains the property of the Board.
2. Deletion. The Provider shall delete all student data within thirty (30) days of the Board's written request.
3. Use. The Provider will use student data only to provide the services to the Board.
4. Changes. We may change these terms at any time by posting a new version on our website.
5. Advertising. We may use the information we collect to show advertisements to students.
6. Security. The Provider shall maintain reasonable security measures to protect student data.
7. Breach. The Provider shall notify the Board of any breach of student data within seventy-two hours.
8. Marketing. We will never use student data for marketing, and we do not sell it.
9. Retention. We keep usage records for as long as your account is active and for two weeks after.
"""


def test_a_second_check_of_the_same_contract_reports_exactly_what_the_first_did(library):
    with unboxed():
        first = report_json(check_contract(read_document(CONTRACT.encode(), "brightpath.txt"), library))
        second = report_json(check_contract(read_document(CONTRACT.encode(), "brightpath.txt"), library))
        forget_texts()  # as a document this process has not seen
        afresh = report_json(check_contract(read_document(CONTRACT.encode(), "brightpath.txt"), library))
    boxed = report_json(check_file(CONTRACT.encode(), library, name="brightpath.txt"))
    assert first == second == afresh == boxed
    report = check_contract(read_document(CONTRACT.encode(), "brightpath.txt"), library)
    assert {"unilateral_change", "advertising"} <= {c.kind for c in report.conflicts}
    assert report.finding("deletion").status == "present"


SENTENCES = [
    "We may change these terms at any time by posting a new version on our website.",
    "We may change the service at any time.",
    "The Provider may modify this agreement only with the Board's written consent.",
    "We may use the information we collect to show advertisements to students.",
    "We will never use student data for advertising.",
    "We may share aggregated data with partners for marketing.",
    "Our partners may use cookies for ads on other sites.",
    "You may change your password at any time.",
    "Brightpath may update its Privacy Policy from time to time.",
]


def test_the_words_that_rule_out_a_conflict_never_rule_out_one_its_frame_finds(library):
    specs = [c.frame for p in library.provisions for c in p.conflicts if c.frame is not None]
    assert specs
    found = ruled_out = 0
    for spec in specs:
        for text in SENTENCES:
            if conflict_frame(read_frame(text), spec):
                found += 1
                assert could_conflict(text, spec), (text, spec.actions)
            ruled_out += not could_conflict(text, spec)
    assert found >= 2  # the change of terms by posting and the advertisements are conflicts
    assert ruled_out >= 5  # and most sentences are set aside by their words alone


def test_periods_are_read_whatever_the_case_of_their_unit():
    assert [p.days for p in periods("within THIRTY (30) DAYS of the request")] == [30]
    assert [p.days for p in periods("no later than seventy-two Hours after")] == [3]
    assert [p.days for p in periods("within two wee\u212as")] == [14]  # the Kelvin sign is a K to a regex
    assert periods("promptly, and in any case without undue delay") == []
