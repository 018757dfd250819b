"""The shortcuts that make the check fast never change what it reports: words that rule out a
frame before it is read, a period's unit looked for before its number, a sentence's pattern hits
kept for the next check in the same process. The contract below is our own wording."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from generator.checking.analysis import check_contract
from generator.checking.engine import forget_texts
from generator.checking.frame_rules import conflict_frame
from generator.checking.frames import could_conflict, read_frame
from generator.checking.one_file import check_file
from generator.checking.periods import periods
from generator.documents.report import report_json
from generator.reading.extract import read_document
from generator.reading.limits import TooComplex, check_time, time_budget
from generator.reading.sandbox import unboxed

from .conftest import ROOT

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


PIPELINED = """
import time
from generator.checking.analysis import check_contract
from generator.checking.one_file import check_file, check_read, start_check
from generator.documents.report import report_json
from generator.errors import ExtractError, LibraryError
from generator.library import default_library
from generator.reading import sandbox
from generator.reading.extract import read_document
from generator.reading.limits import TooComplex
from tests import test_check_speed as t

sandbox.fork_boxes()
assert sandbox.forks_boxes(), "a small single-threaded process forks its boxes"
with sandbox.unboxed():
    alone = report_json(check_contract(read_document(t.CONTRACT.encode(), "brightpath.txt")))
checking = start_check(t.CONTRACT.encode(), name="brightpath.txt")
assert checking.reading is not None, "the reading runs in a box of its own while the check gets ready"
assert report_json(checking.finish(default_library())) == alone
try:
    check_file(b"%PDF-1.4 this is no PDF", name="broken.pdf")
except ExtractError as exc:
    assert "broken.pdf" in str(exc), exc
else:
    raise AssertionError("a broken PDF was read")
for _ in range(3):  # more readings left unfinished than boxes may run at once: each gives its turn back
    try:
        with start_check(t.CONTRACT.encode(), name="brightpath.txt"):
            raise LibraryError("library.yaml: a broken library")
    except LibraryError:
        pass
for _ in range(4):  # file after file, as a batch's worker checks them: the boxes kept do not pile up
    assert report_json(check_file(t.CONTRACT.encode(), name="brightpath.txt")) == alone
assert len(sandbox._pool().idle) <= sandbox.box_limit("workers")
with sandbox.unboxed():
    document = read_document(t.CONTRACT.encode(), "brightpath.txt")
    try:  # the reading began an hour ago: the check has no budget left
        check_read(document, default_library(), time.monotonic() - 3600)
    except TooComplex as exc:
        assert "brightpath.txt" in str(exc), exc
    else:
        raise AssertionError("a check ran past the budget its reading began")
print("pipelined: ok")
"""


@pytest.mark.parametrize("boxes", ["2", "1"])  # with one box allowed, the check gets ready in the command itself
def test_a_file_read_in_its_own_box_while_the_check_gets_ready_is_reported_as_in_one_box(boxes):
    # in a fresh small process, as the sdpa command is (this test process is too large to fork)
    env = {k: v for k, v in os.environ.items() if k != "SDPA_BOX"} | {"SDPA_BOX_WORKERS": boxes}
    res = subprocess.run([sys.executable, "-c", PIPELINED], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0 and "pipelined: ok" in res.stdout, res.stderr[-2000:]


def test_a_budget_begun_elsewhere_is_spent_from_its_start():
    with pytest.raises(TooComplex, match="late.txt: .* within 5 s"):
        with time_budget("late.txt", 5, started=time.monotonic() - 10):
            check_time()
    with time_budget("early.txt", 5, started=time.monotonic() - 1):
        check_time()  # four seconds left


@pytest.mark.parametrize("text, scope", [
    ("If you reside in California, we will delete your data on request.", "California"),
    ("These terms apply only to teachers in the pilot.", "teachers in the pilot"),
    ("Where EU data protection law applies, we will erase personal data.", "where EU law applies"),
    ("For users aged 18 or over, we keep logs for a year.", "adults"),
    ("The Provider shall encrypt data only for the Reading Pilot program.", "Reading Pilot"),
    ("Students enrolled in the Bright Path Summer program may see ads.", "Bright Path Summer program"),
    ("For students enrolled in schools located in texas, the Provider will delete records.", "people or schools in texas"),
    ("We never sell data, and that promise covers everyone.", ""),
])
def test_the_words_a_narrower_scope_needs_never_hide_one(text, scope):
    # a sentence is searched for a narrower scope only when it holds a place, "only to", an age,
    # a programme or a course: each kind of scope is still read
    forget_texts()
    assert read_frame(text).scope == scope


def test_the_shipped_library_is_named_to_a_box_and_a_box_with_another_gets_it_whole(monkeypatch):
    from generator.checking.one_file import LibraryChanged, Shipped, for_box, library_here
    from generator.library import default_library, load_library

    shipped = default_library()
    named = for_box(shipped)
    assert named == Shipped(shipped.source_key) and shipped.source_key
    assert library_here(named) is shipped
    own = load_library()  # the same clauses, but not this process's shipped library: sent whole
    assert for_box(own) is own and library_here(own) is own
    with pytest.raises(LibraryChanged):
        library_here(Shipped("0" * 32))
    with unboxed():
        alone = report_json(check_contract(read_document(CONTRACT.encode(), "brightpath.txt"), shipped))
    assert report_json(check_file(CONTRACT.encode(), shipped, name="brightpath.txt")) == alone
    # clauses/ changed after this process loaded its library: the box's shipped library is not
    # this one, and the check is run again with this one sent whole
    monkeypatch.setattr(shipped, "source_key", "edited-since")
    assert report_json(check_file(CONTRACT.encode(), shipped, name="brightpath.txt")) == alone


def test_a_rule_changed_on_disk_is_another_library_for_a_box(tmp_path):
    # what names the shipped library to a box covers every file, rules and lists included, not
    # only the clause texts: a box never checks with rules other than its sender's
    import shutil

    from generator.library import CLAUSES_DIR, load_library

    folder = tmp_path / "clauses"
    shutil.copytree(CLAUSES_DIR, folder)
    before = load_library(folder)
    rule = folder / "provisions" / "06-breach_notification.md"
    rule.write_text(rule.read_text().replace("max_days: 30", "max_days: 10"))
    after = load_library(folder)
    assert after.content_hash == before.content_hash  # the clause texts are the same
    assert after.source_key and after.source_key != before.source_key
    (folder / "library.yaml").write_text((folder / "library.yaml").read_text() + "\n# a comment\n")
    assert load_library(folder).source_key not in (before.source_key, after.source_key)


def test_where_each_character_is_is_what_pdfium_says():
    # the reader asks pdfium directly for the boxes of each line's first and last characters:
    # every character of a LibreOffice PDF is where pdfium's own get_charbox puts it
    import io

    import docx
    import pypdfium2 as pdfium

    from generator.documents.pdf import pdf_bytes
    from generator.reading.lines import CharBoxes

    d = docx.Document()
    for line in CONTRACT.splitlines():
        d.add_paragraph(line)
    d.add_paragraph("Indented and hyphen-\nated lines, a tab\there, and « quotes » too.").paragraph_format.left_indent = 400000
    buf = io.BytesIO()
    d.save(buf)
    pdf = pdfium.PdfDocument(pdf_bytes(buf.getvalue(), "brightpath"))
    page = pdf[0]
    tp = page.get_textpage()
    try:
        boxes = CharBoxes(tp)
        n = tp.count_chars()
        assert n > 500
        for i in range(n):
            if tp.get_text_range(i, 1).isspace():
                continue
            left, _, right, _ = tp.get_charbox(i)
            assert (boxes.left(i), boxes.right(i)) == (left, right), i
            assert boxes.loose_bottom(i) == tp.get_charbox(i, loose=True)[1], i
        with pytest.raises(pdfium.PdfiumError):
            boxes.left(n + 10)  # no such character: pdfium's error, as get_charbox raises it
        with pytest.raises(pdfium.PdfiumError):
            boxes.loose_bottom(n + 10)
    finally:
        tp.close()
        page.close()
        pdf.close()


def test_what_a_check_keeps_is_the_library_s_own(library):
    """A second check of the same text with a library whose rules or patterns differ is weighed by that library,
    not by what the check kept from the first (the frames' gaps are kept by rule, the views by patterns): each
    report is the one a process that kept nothing gives."""
    doc = lambda: read_document(CONTRACT.encode(), "brightpath.txt")  # noqa: E731
    needs_more = library.model_copy(deep=True)
    rule = next(p for p in needs_more.provisions if p.id == "deletion").detect.frame
    rule.needs, rule.needs_reason = [["zebra"]], "it names no zebra"
    other_words = library.model_copy(deep=True)  # deletion found by other words: the security sentence
    deletion = next(p for p in other_words.provisions if p.id == "deletion")
    for r in (*deletion.detect.present, *deletion.detect.partial):
        r.all, r.none = [r"\bsecurity measures\b"], []
    deletion.detect.frame = deletion.detect.frame.model_copy(update={"topic": [], "finds": False})
    with unboxed():
        afresh = {}
        for lib in (library, needs_more, other_words):
            forget_texts()
            afresh[id(lib)] = report_json(check_contract(doc(), lib))
        for lib in (library, needs_more, other_words, library, other_words, needs_more):
            assert report_json(check_contract(doc(), lib)) == afresh[id(lib)]
        assert check_contract(doc(), library).finding("deletion").status == "present"
        found = check_contract(doc(), needs_more).finding("deletion")
        assert (found.status, found.explanation) == ("partial", "Addressed only in part: it names no zebra.")
        assert "security measures" in check_contract(doc(), other_words).finding("deletion").evidence[0].text


def test_a_full_memo_is_emptied_not_grown_and_a_same_key_is_the_object_itself():
    from generator.checking.memo import Memo, Same

    memo, made = Memo(2), []
    for key in ("a", "b", "a", "c", "d", "c"):
        assert memo.get(key, lambda k=key: made.append(k) or k.upper()) == key.upper()
        assert len(memo.answers) <= 2
    assert made == ["a", "b", "c", "d"]  # "a" was kept; making "c" found the memo full and emptied it first
    assert set(memo.answers) == {"c", "d"}
    rule, twin = {"all": ["x"]}, {"all": ["x"]}
    assert Same(rule) == Same(rule) and Same(rule) != Same(twin) and hash(Same(rule)) == id(rule)
