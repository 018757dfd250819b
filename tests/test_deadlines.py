"""Deadlines in Connecticut business days, as a board's staff would count them on a calendar."""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml
from typer.testing import CliRunner

from generator.cli import app
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
    # Good Friday is skipped
    assert cli_json("--executed", "2027-03-25")["website_notice_due"] == "2027-04-02"
    assert cli_json("--breach-discovered", "2027-01-05") == {"vendor_breach_notice_due": {
        "student_information": "2027-02-04", "directory_records_or_content": "2027-03-06"}}


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


def test_closures_from_the_profile():
    assert website_notice_due(D("2026-12-22"), [D("2026-12-24")]) == D("2026-12-31")
    assert add_business_days(D("2026-12-22"), 5, [D("2026-12-24"), D("2026-12-31")]) == D("2027-01-04")


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


def test_cli_uses_board_closures_and_cure_period(tmp_path):
    profile = yaml.safe_load((ROOT / "board.example.yaml").read_text())
    profile.update(closures=["2026-12-24"], cure_period_days=10)
    path = tmp_path / "board.yaml"
    path.write_text(yaml.safe_dump(profile))
    out = cli_json("--executed", "2026-12-22", "--notice-sent", "2027-01-04", "--board", str(path))
    assert out == {"website_notice_due": "2026-12-31", "cure_deadline": "2027-01-14"}


def test_cli_errors():
    res = runner.invoke(app, ["deadlines", "--executed", "2027-02-30"])
    assert res.exit_code == 2 and "--executed" in res.stderr and "not a real date" in res.stderr
    assert runner.invoke(app, ["deadlines"]).exit_code == 2
    res = runner.invoke(app, ["deadlines", "--executed", "12/22/2026"])
    assert "December 30, 2026" in res.stdout
