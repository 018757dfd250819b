"""Editing a registered contract (each change logged as old and new) and finding duplicates."""

from __future__ import annotations

from datetime import date

import pytest

from generator.records.database import RegisterError
from generator.records.register import Register


@pytest.fixture()
def reg(tmp_path):
    with Register(f"sqlite:///{tmp_path / 'r.sqlite3'}", actor="clerk@district.example") as r:
        yield r


def test_edit_changes_fields_and_logs_old_and_new(reg):
    cid = reg.add_contract(vendor="Acme Lerning", product="Reader", purpose="reading practice")
    changes = reg.update_contract(cid, vendor="Acme Learning", product="Reader", term_end=date(2027, 6, 30),
                                  data_categories=["Student name", " ", "Grades"])
    assert changes == {"vendor": ["Acme Lerning", "Acme Learning"], "term_end": [None, date(2027, 6, 30)],
                       "data_categories": [[], ["Student name", "Grades"]]}
    c = reg.contract(cid)
    assert (c.vendor.name, c.product, c.term_end, c.purpose) == ("Acme Learning", "Reader", date(2027, 6, 30),
                                                                 "reading practice")
    line = reg.log(cid)[-1]
    assert line.action == "edit contract" and line.actor == "clerk@district.example"
    assert line.details["vendor"] == ["Acme Lerning", "Acme Learning"]
    assert line.details["term_end"] == [None, "2027-06-30"]


def test_edit_with_no_change_logs_nothing(reg):
    cid = reg.add_contract(vendor="Acme", product="Reader")
    before = len(reg.log())
    assert reg.update_contract(cid, product="Reader ") == {}
    assert len(reg.log()) == before


@pytest.mark.parametrize(("changes", "message"), [
    ({"product": "  "}, "product: a contract needs a product"),
    ({"file_data": b"x"}, "cannot edit file_data"),
    ({"purpose": "a\x00b"}, "purpose: contains a control character"),
])
def test_edit_refuses_bad_changes_and_keeps_the_contract(reg, changes, message):
    cid = reg.add_contract(vendor="Acme", product="Reader")
    with pytest.raises(RegisterError, match=message):
        reg.update_contract(cid, **changes)
    assert reg.contract(cid).product == "Reader"


def test_edit_of_a_missing_contract_names_it(reg):
    with pytest.raises(RegisterError, match="no contract with id 9"):
        reg.update_contract(9, product="x")


def test_duplicates_ignore_case_spacing_and_punctuation(reg):
    first = reg.add_contract(vendor="Acme, Inc.", product="Reader Plus")
    reg.add_contract(vendor="Acme, Inc.", product="Math")
    assert [c.id for c in reg.find_duplicates("ACME Inc", "reader-plus")] == [first]
    assert reg.find_duplicates("Acme Holdings", "Reader Plus") == []
