"""Property tests (hypothesis): any vendor text gives a valid DOCX or a clear validation error;
any CSV row is accounted for; mutated PDFs and DOCX files give a document or a named error."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import generator as g
from generator.batch import vendor_from_row
from generator.reading.extract import read_document
from generator.reading.spreadsheets import rows_from_file

from .conftest import docx_text
from .hostile.corpus import slow_text

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
                    derandomize=True)
TEXT = st.text(max_size=80)


BOARD = g.load_board()
LIBRARY = g.default_library()


def _folded(text: str) -> str:
    return " ".join(text.split())


@SETTINGS
@given(name=TEXT, product=TEXT, purpose=st.text(max_size=300), data=st.lists(TEXT, max_size=4))
def test_any_vendor_text_gives_a_docx_or_a_named_error(name, product, purpose, data):
    board, library = BOARD, LIBRARY
    fields = {"name": name, "product": product, "contact_email": "a@b.example", "contract_date": "2026-09-01",
              "purpose": purpose, "data_collected": data}
    try:
        vendor = g.vendor_from_dict(fields, "fuzz")
        blob = g.render_addendum(vendor, board, library)
    except g.VendorError as exc:
        assert str(exc).startswith("fuzz: ") or "missing fields" in str(exc)
        assert exc.problems
        return
    text = _folded(docx_text(blob))  # python-docx parses it: well-formed XML
    # a line break inside a one-line field prints as a space
    assert _folded(vendor.name) in text and _folded(vendor.product) in text


@SETTINGS
@given(rows=st.lists(st.lists(st.text(max_size=40), min_size=0, max_size=6), max_size=12))
def test_any_csv_rows_are_each_accounted_for(rows):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["vendor_name", "product", "contact_email", "contract_date"])
    w.writerows(rows)
    data = buf.getvalue().encode("utf-8")
    try:
        parsed = list(rows_from_file(io.BytesIO(data), "fuzz.csv"))
    except g.InputError as exc:
        assert str(exc).startswith("fuzz.csv: ")
        return
    assert len(parsed) == sum(1 for r in rows if any(c.strip() for c in r))
    for row in parsed:
        vendor, problems = vendor_from_row(row)
        assert (vendor is None) == bool(problems)
        assert all(col and why for col, why in problems)


def _mutate(base: bytes, edits: list[tuple[int, int]], cut: int) -> bytes:
    out = bytearray(base[: max(1, len(base) - cut)])
    for pos, value in edits:
        out[pos % len(out)] = value
    return bytes(out)


@pytest.fixture(scope="module")
def samples(addendum_files):
    return {"pdf": addendum_files["pdf"].read_bytes(), "docx": addendum_files["docx"].read_bytes()}


@SETTINGS
@given(edits=st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=30),
       cut=st.integers(0, 2000), kind=st.sampled_from(["pdf", "docx"]))
def test_mutated_files_give_a_document_or_a_named_error(samples, edits, cut, kind):
    data = _mutate(samples[kind], edits, cut)
    try:
        doc = read_document(data, f"fuzz.{kind}")
    except g.ExtractError as exc:
        assert str(exc).startswith(f"fuzz.{kind}: ")
        return
    assert doc.segments and g.check_contract(doc).provisions


@SETTINGS
@given(parts=st.dictionaries(st.sampled_from(["word/document.xml", "[Content_Types].xml", "_rels/.rels",
                                              "word/styles.xml"]), st.binary(max_size=300), min_size=1))
def test_arbitrary_zip_parts_give_a_named_error(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    try:
        read_document(buf.getvalue(), "fuzz.docx")
    except g.ExtractError as exc:
        assert str(exc).startswith("fuzz.docx: ")


def test_regression_line_break_in_a_one_line_field():
    """Found by hypothesis: a product typed with a line break prints on one line."""
    vendor = g.vendor_from_dict({"name": "0", "product": "0\n0", "contact_email": "a@b.example",
                                 "contract_date": "2026-09-01"})
    assert "provides 0 0 (the" in _folded(docx_text(g.render_addendum(vendor, BOARD, LIBRARY)))


def test_regression_external_entity_in_docx():
    """Found by the hostile corpus: an entity reference node has no string tag."""
    from .hostile.corpus import W, docx_with

    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
           f"<w:document {W}><w:body><w:p><w:r><w:t>before &x; after</w:t></w:r></w:p></w:body></w:document>")
    assert read_document(docx_with(xml.encode()), "x.docx").text.startswith("before")


# ---------------------------------------------------------------- text: linear time, nothing lost

def _completes(path, timeout: float = 60):
    """Run `sdpa check` on ``path`` in a fresh process; a timeout fails the test (a guard against
    a quadratic path coming back, not a measure of speed)."""
    import subprocess
    import sys

    from .conftest import ROOT

    return subprocess.run([sys.executable, "-m", "generator.cli", "check", str(path), "--format", "json"],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)


@pytest.mark.parametrize("case", list(slow_text()))
def test_text_that_once_took_minutes_is_checked(case, tmp_path):
    import json

    name, data = slow_text()[case]
    path = tmp_path / name
    path.write_bytes(data)
    proc = _completes(path)
    if proc.returncode == 2:  # refused by a size or budget limit: one line naming the file
        assert proc.stderr.count("\n") == 1 and name in proc.stderr, proc.stderr
        return
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    assert report["document"] == name and len(report["provisions"]) == 11


MARKUP_TEXT = st.lists(st.sampled_from(list("abcAB ]([)*_#|:.;,-\n\t\"'") + ["6. ", "(a) ", "A. ", "](x)", "\n\n",
                                                                          "U.S.C. ", "- "]),
                       max_size=200).map("".join)
WORDS_TEXT = st.lists(st.sampled_from(["student", "data", "Board", "shall", "not", "A.", "U.S.C.", "6.", "(a)",
                                       "Notice", "sell", "delete", "|", ":", "-", "**", "#", "\n", "\n\n", "e.g.",
                                       "thirty", "(30)", "days", "Section", "5."]),
                      max_size=300).map(" ".join)


@settings(max_examples=80, deadline=10_000, derandomize=True)  # deadline: a guard against blow-ups
@given(text=st.one_of(MARKUP_TEXT, WORDS_TEXT))
def test_any_text_gets_a_report_and_loses_no_word(text):
    import re

    from generator.reading.sentences import sentences

    try:
        doc = read_document(text.encode(), "fuzz.md")
    except g.ExtractError as exc:  # an empty file, say: a named error
        assert str(exc).startswith("fuzz.md: ")
        return
    report = g.check_contract(doc, LIBRARY)
    assert [f.id for f in report.provisions] == list(g.PROVISION_IDS)
    if "](" not in text:  # a link's target is dropped on purpose; otherwise every word is kept, in order
        words = re.findall(r"[A-Za-z0-9]+", text)
        kept = re.findall(r"[A-Za-z0-9]+", " ".join(s.body for s in sentences(doc)))
        assert kept == words


@settings(max_examples=40, deadline=10_000, derandomize=True)
@given(text=WORDS_TEXT)
def test_a_docx_of_any_text_reads_as_the_text(text, tmp_path_factory):
    from generator.reading.sentences import sentences

    from .test_parity import text_to_docx

    if not text.strip():
        return
    path = tmp_path_factory.mktemp("fuzz") / "t.docx"
    text_to_docx(text, path)
    as_text = [s.text for s in sentences(read_document(text.encode(), "t.txt"))]
    assert [s.text for s in sentences(read_document(path))] == as_text
