"""A letter is dated on a business day by default: today when the board's office is open, else
the next day it is, said beside the date (app) or on stderr (command line). And the Check page's
contract date comes from the register's contract once it is picked."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

import generator as g
from generator.cli.commands import app
from generator.records.register import Register

from .conftest import FIXTURES, docx_text
from .test_app import _check_page_with, page

SUNDAY = dt.date(2026, 12, 6)


class OnSunday(dt.date):
    """A calendar whose today is Sunday, December 6, 2026."""

    @classmethod
    def today(cls):
        return SUNDAY


@pytest.fixture
def on_sunday(monkeypatch):
    import generator.documents.letters as letters

    monkeypatch.setattr(letters, "date", OnSunday)


def test_a_letter_written_on_a_day_the_office_is_closed_is_dated_the_next_business_day():
    assert g.letter_date(dt.date(2026, 12, 7)) == (dt.date(2026, 12, 7), "")  # a Monday: today
    assert g.letter_date(SUNDAY) == (dt.date(2026, 12, 7), "today is a Sunday: dated Monday, December 7, 2026")
    day, note = g.letter_date(dt.date(2026, 12, 25))  # Christmas on a Friday, then the weekend
    assert day == dt.date(2026, 12, 28) and note.startswith("today is Christmas Day")
    board = g.load_board().model_copy(update={"closures": [dt.date(2026, 12, 28)]})
    day, note = g.letter_date(dt.date(2026, 12, 25), board)
    assert day == dt.date(2026, 12, 29) and "Tuesday, December 29, 2026" in note


def test_the_command_line_dates_a_letter_written_on_sunday_monday(on_sunday, tmp_path):
    out = tmp_path / "annual.docx"
    res = CliRunner().invoke(app, ["letter", "annual-notice", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "today is a Sunday: dated Monday, December 7, 2026" in res.stderr
    text = docx_text(out.read_bytes())
    assert "December 7, 2026" in text and "December 6, 2026" not in text
    given = CliRunner().invoke(app, ["letter", "annual-notice", "--out", str(out), "--date", "2026-12-06"])
    assert given.exit_code == 0 and "today is" not in given.stderr  # a date given is kept as given
    assert "December 6, 2026" in docx_text(out.read_bytes())


def test_the_notices_page_dates_a_notice_written_on_sunday_monday(on_sunday, fresh_register):
    at = page("notices").run()
    at.selectbox(key="kind").set_value("deletion-request").run()
    assert at.date_input(key="when").value == dt.date(2026, 12, 7)
    assert any("today is a Sunday: dated Monday, December 7, 2026" in c.value for c in at.caption)


def test_the_check_page_dates_the_letter_on_a_business_day_and_takes_the_contract_date_from_the_register(
        on_sunday, fresh_register):
    with Register(fresh_register) as reg:
        reg.add_contract(vendor="Gapwell Learning LLC", product="Gapwell Math", executed=dt.date(2025, 8, 1))
    at = _check_page_with("gapwell-terms.txt", (FIXTURES / "gapwell-terms.txt").read_bytes())
    assert at.date_input(key="l_sent").value == dt.date(2026, 12, 7)
    assert any("today is a Sunday: dated Monday, December 7, 2026" in c.value for c in at.caption)
    assert at.date_input(key="l_contract_date_None").value is None
    at.selectbox(key="w_contract").select(1).run()
    assert at.date_input(key="l_contract_date_1").value == dt.date(2025, 8, 1)  # the register's date
    at.date_input(key="l_contract_date_1").set_value(dt.date(2025, 7, 15))  # still the user's to change
    next(b for b in at.button if b.label == "Write the letter").click().run()
    assert not at.exception and at.date_input(key="l_contract_date_1").value == dt.date(2025, 7, 15)


def test_a_batch_run_on_sunday_dates_its_amendment_letters_monday(on_sunday, tmp_path):
    from .test_batch import ROOT, read_csv

    res = CliRunner().invoke(app, ["batch", str(ROOT / "examples/vendors.csv"), "--out", str(tmp_path), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    letters = [m for m in read_csv(tmp_path / "manifest.csv") if m["outcome"] == "letter written"]
    assert letters
    for m in letters:
        text = docx_text(tmp_path / m["files"].split()[1])
        assert "December 7, 2026" in text and "December 6, 2026" not in text

