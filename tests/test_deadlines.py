"""Deadlines in Connecticut business days, as a board's staff would count them on a calendar."""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml
from typer.testing import CliRunner

from generator.cli.commands import app
from generator.deadlines import (
    add_business_days,
    annual_parent_notice_due,
    cure_deadline,
    is_business_day,
    parent_breach_notice_due,
    vendor_breach_notice_due,
    website_notice_due,
)

from .conftest import ROOT

runner = CliRunner()
D = date.fromisoformat


def cli_json(*args: str) -> dict:
    res = runner.invoke(app, ["deadlines", *args, "--format", "json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_issue_examples_through_the_cli():
    assert cli_json("--executed", "2026-12-22") == {"website_notice_due": "2026-12-30"}
    # Lincoln's Birthday (Fri) and Washington's Birthday (Mon) are skipped
    assert cli_json("--breach-notice-received", "2027-02-10") == {"parent_breach_notice_due": "2027-02-16"}
    # Good Friday (2027-03-26) is a business day unless the board profile says it was proclaimed
    assert cli_json("--executed", "2027-03-25")["website_notice_due"] == "2027-04-01"
    assert cli_json("--breach-discovered", "2027-01-05") == {"vendor_breach_notice_due": {
        "student_information": "2027-02-04", "directory_records_or_content": "2027-03-06"}}


def test_good_friday_counts_only_when_the_board_says_it_was_proclaimed(tmp_path):
    from .conftest import ROOT

    proclaimed = tmp_path / "board.yaml"
    proclaimed.write_text((ROOT / "examples" / "board.example.yaml").read_text(encoding="utf-8")
                          + "good_friday_proclaimed: true\n", encoding="utf-8")
    assert cli_json("--executed", "2027-03-25", "--board", str(proclaimed))["website_notice_due"] == "2027-04-02"
    assert is_business_day(date(2027, 3, 26)) and not is_business_day(date(2027, 3, 26), good_friday=True)


def test_only_the_inputs_given():
    out = cli_json("--notice-sent", "2027-01-04", "--today", "2027-09-02")
    assert out == {"cure_deadline": "2027-02-03", "annual_parent_notice_due": "2028-09-01"}


@pytest.mark.parametrize(("day", "business"), [
    ("2027-12-24", False),  # Christmas observed on Friday
    ("2027-12-31", False),  # New Year's Day 2028 observed on Friday
    ("2027-07-05", False),  # Independence Day observed on Monday
    ("2026-11-11", False),  # Veterans Day
    ("2026-11-27", True),   # the day after Thanksgiving is not a state holiday
    ("2026-11-28", False),  # Saturday
])
def test_business_days(day, business):
    assert is_business_day(D(day)) is business


def test_year_end_and_observed_holidays():
    # Dec 23 2027 (Thu) + 5: Dec 24 and 31 are observed holidays; Dec 27-30 count 1-4
    assert website_notice_due(D("2027-12-23")) == D("2028-01-03")
    assert parent_breach_notice_due(D("2027-12-30")) == D("2028-01-04")


def test_closures_are_skipped_only_where_asked():
    assert add_business_days(D("2026-12-22"), 5, [D("2026-12-24"), D("2026-12-31")]) == D("2027-01-04")
    assert add_business_days(D("2026-12-22"), 5) == D("2026-12-30")


def test_cure_date_never_on_a_closed_day():
    assert cure_deadline(D("2027-01-02")) == D("2027-02-01")   # Feb 1 is a Monday: unchanged
    # Jan 13 + 30 = Feb 12 (Lincoln's Birthday), then a weekend, then Washington's Birthday
    assert cure_deadline(D("2027-01-13")) == D("2027-02-16")
    assert cure_deadline(D("2027-01-13"), 45) == D("2027-03-01")  # Feb 27 is a Saturday


def test_breach_limits_are_calendar_days():
    due = vendor_breach_notice_due(D("2027-01-05"))
    assert due["directory_records_or_content"].weekday() == 5  # a Saturday stays a Saturday


def test_annual_notice():
    assert annual_parent_notice_due(D("2027-09-01")) == D("2027-09-01")
    assert annual_parent_notice_due(D("2027-01-15")) == D("2027-09-01")


def _profile(tmp_path, **changes) -> str:
    profile = yaml.safe_load((ROOT / "examples" / "board.example.yaml").read_text())
    profile.update(changes)
    path = tmp_path / "board.yaml"
    path.write_text(yaml.safe_dump(profile))
    return str(path)


def test_closures_move_the_cure_date_but_not_statutory_deadlines(tmp_path):
    board = _profile(tmp_path, closures=["2026-12-23", "2026-12-24", "2026-12-28"])
    out = cli_json("--executed", "2026-12-22", "--breach-notice-received", "2026-12-22",
                   "--board", board)
    assert out == {"website_notice_due": "2026-12-30", "parent_breach_notice_due": "2026-12-24"}
    # Nov 28 + 30 days = Dec 28, a closure: the board's own cure date moves to Dec 29
    assert cli_json("--notice-sent", "2026-11-28")["cure_deadline"] == "2026-12-28"
    assert cli_json("--notice-sent", "2026-11-28", "--board", board)["cure_deadline"] == "2026-12-29"


def test_cli_uses_board_cure_period(tmp_path):
    out = cli_json("--notice-sent", "2027-01-04", "--board", _profile(tmp_path, cure_period_days=10))
    assert out == {"cure_deadline": "2027-01-14"}


def _section_1_4(year: int) -> set[date]:
    """The legal holidays § 1-4 names for ``year`` (as read in ../shared/legal/1-4.md), with its
    rule: a fixed-date day on a Sunday is kept on the Monday after, on a Saturday on the Friday
    before."""
    from datetime import timedelta

    def nth_monday(month: int, n: int, after: int = 1) -> date:
        d = date(year, month, after)
        d += timedelta(days=(7 - d.weekday()) % 7)
        return d + timedelta(weeks=n - 1)

    def last_monday(month: int) -> date:
        d = date(year, month + 1, 1) - timedelta(days=1)
        return d - timedelta(days=d.weekday())

    days = {nth_monday(1, 1, after=15), nth_monday(2, 3), last_monday(5), nth_monday(9, 1), nth_monday(10, 2)}
    for month, day in ((1, 1), (2, 12), (6, 19), (7, 4), (11, 11), (12, 25)):
        d = date(year, month, day)
        days.add({5: d - timedelta(days=1), 6: d + timedelta(days=1)}.get(d.weekday(), d))
    return days


@pytest.mark.parametrize("year", range(2026, 2061))
def test_holidays_follow_section_1_4(year):
    """Every legal holiday of § 1-4, moved by its Saturday/Sunday rule, is a day off; every other
    day off is Good Friday or Thanksgiving (days appointed by the Governor or President)."""
    from generator.deadlines import holiday_name

    legal = _section_1_4(year)
    for day in legal:
        if day.weekday() < 5:
            assert not is_business_day(day), day
    jan1_next = date(year + 1, 1, 1)
    if jan1_next.weekday() == 5:  # New Year's Day on a Saturday: the Friday before, Dec 31
        assert not is_business_day(date(year, 12, 31))
    d = date(year, 1, 1)
    while d.year == year:
        name = holiday_name(d)
        if name and d.weekday() < 5 and d not in legal and d != date(year, 12, 31):
            assert name in ("Good Friday", "Thanksgiving Day"), (d, name)
        d = d.fromordinal(d.toordinal() + 1)


def test_saturday_holiday_is_kept_on_the_friday_before():
    assert not is_business_day(D("2027-12-24"))  # Christmas 2027 is a Saturday
    assert not is_business_day(D("2028-11-10"))  # Veterans' Day 2028 is a Saturday
    assert not is_business_day(D("2028-02-11"))  # Lincoln Day 2028 is a Saturday
    assert is_business_day(D("2027-12-27"))      # and not also on the Monday after


def test_cli_errors():
    res = runner.invoke(app, ["deadlines", "--executed", "2027-02-30"])
    assert res.exit_code == 2 and "--executed" in res.stderr and "not a real date" in res.stderr
    assert runner.invoke(app, ["deadlines"]).exit_code == 2
    res = runner.invoke(app, ["deadlines", "--executed", "12/22/2026"])
    assert "December 30, 2026" in res.stdout
