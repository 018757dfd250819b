"""Connecticut business days and the statutory deadlines of §§ 10-234bb and 10-234dd.

Statutory deadlines (the website notice of a contract, the families' breach notice) count
weekends and Connecticut's legal holidays (Conn. Gen. Stat. § 1-4) only: a statute's "business
day" does not bend to one office's closures. The board profile's ``closures`` move only the
board's own dates, such as the cure date it gives a vendor."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable

# Subsection letters are not verified (see docs/law.md); the periods are the board policy's.
WEBSITE_NOTICE_BUSINESS_DAYS = 5      # § 10-234bb (to confirm): post notice of an executed contract
PARENT_BREACH_BUSINESS_DAYS = 2       # § 10-234dd (to confirm): board notifies students and parents
VENDOR_BREACH_DAYS = 30               # § 10-234dd (to confirm): student information, not directory
VENDOR_BREACH_DAYS_DIRECTORY = 60     # § 10-234dd (to confirm): directory information, records, content
ANNUAL_NOTICE = (9, 1)                # the board policy: by September 1 each year


@lru_cache(maxsize=64)
def _state_holidays(year: int) -> dict[date, str]:
    # The package moves a fixed-date holiday on a Saturday to the Friday before and one on a
    # Sunday to the Monday after, as § 1-4 does (tests/test_deadlines.py checks it against § 1-4
    # year by year); it also lists Good Friday and Thanksgiving, which § 1-4 makes legal holidays
    # only as days the Governor or the President appoints: Thanksgiving is proclaimed every year,
    # Good Friday counts only when the board profile says it was (``good_friday_proclaimed``).
    import holidays  # on first use: a check or a page that counts no days never loads its calendars

    return dict(holidays.country_holidays("US", subdiv="CT", years=year, observed=True))


def holiday_name(day: date, good_friday: bool = False) -> str | None:
    """The Connecticut legal holiday (§ 1-4, with its Saturday and Sunday rule) on ``day``, or None.
    Good Friday counts only with ``good_friday`` (the board profile's ``good_friday_proclaimed``)."""
    name = _state_holidays(day.year).get(day)
    return None if name == "Good Friday" and not good_friday else name


def is_business_day(day: date, closures: Iterable[date] = (), good_friday: bool = False) -> bool:
    """True on a weekday that is not a Connecticut legal holiday nor one of ``closures``
    (pass closures only for the board's own dates, never for a statutory deadline)."""
    return day.weekday() < 5 and holiday_name(day, good_friday) is None and day not in set(closures)


def add_business_days(start: date, n: int, closures: Iterable[date] = (), good_friday: bool = False) -> date:
    """The ``n``-th business day after ``start`` (``start`` itself is not counted); ``closures``
    are skipped too (only for the board's own dates)."""
    closed = set(closures)
    day, left = start, n
    while left > 0:
        day += timedelta(days=1)
        if is_business_day(day, closed, good_friday):
            left -= 1
    return day


def next_business_day(day: date, closures: Iterable[date] = (), good_friday: bool = False) -> date:
    """``day`` itself when it is a business day, else the next one."""
    closed = set(closures)
    while not is_business_day(day, closed, good_friday):
        day += timedelta(days=1)
    return day


def website_notice_due(executed: date, good_friday: bool = False) -> date:
    """Last day to post notice of an executed contract on the board's website: 5 business days,
    counting weekends and Connecticut legal holidays only (never the board's closures)."""
    return add_business_days(executed, WEBSITE_NOTICE_BUSINESS_DAYS, good_friday=good_friday)


def vendor_breach_notice_due(discovered: date) -> dict[str, date]:
    """Latest dates for the contractor's notice of a breach to the board, in calendar days from
    discovery: 30 for student information other than directory information; 60 for directory
    information, student records or student-generated content (§ 10-234dd)."""
    return {
        "student_information": discovered + timedelta(days=VENDOR_BREACH_DAYS),
        "directory_records_or_content": discovered + timedelta(days=VENDOR_BREACH_DAYS_DIRECTORY),
    }


def parent_breach_notice_due(received: date, good_friday: bool = False) -> date:
    """Last day for the board to notify affected students and parents: 2 business days after it
    receives the contractor's notice (§ 10-234dd), counting weekends and Connecticut legal
    holidays only (never the board's closures)."""
    return add_business_days(received, PARENT_BREACH_BUSINESS_DAYS, good_friday=good_friday)


def annual_parent_notice_due(today: date) -> date:
    """The next September 1 on or after ``today``: the yearly notice of the website's address."""
    this_year = date(today.year, *ANNUAL_NOTICE)
    return this_year if today <= this_year else date(today.year + 1, *ANNUAL_NOTICE)


def annual_notice_year_due(today: date) -> date:
    """September 1 of ``today``'s year: the notice of the year that is due, or overdue after it
    until it is sent (compare :func:`annual_parent_notice_due`, the next September 1)."""
    return date(today.year, *ANNUAL_NOTICE)


def cure_deadline(notice_sent: date, period_days: int = 30, closures: Iterable[date] = (),
                  good_friday: bool = False) -> date:
    """The date by which a vendor must amend: ``period_days`` calendar days after the notice,
    moved forward to the next business day when it lands on a weekend, holiday or closure."""
    return next_business_day(notice_sent + timedelta(days=period_days), closures, good_friday)


def deadlines(*, executed: date | None = None, breach_discovered: date | None = None,
              breach_notice_received: date | None = None, notice_sent: date | None = None,
              today: date | None = None, cure_period_days: int = 30,
              closures: Iterable[date] = (), good_friday: bool = False) -> dict[str, object]:
    """Every deadline that follows from the dates given (only those), as in ``sdpa deadlines``.

    ``annual_parent_notice_due`` is given when ``today`` is. ``closures`` (the board's own closed
    days) move only the cure date; the statutory deadlines ignore them. ``good_friday``: count
    Good Friday as a legal holiday (when proclaimed; the board profile's setting).
    """
    closed = list(closures)
    out: dict[str, object] = {}
    if executed:
        out["website_notice_due"] = website_notice_due(executed, good_friday)
    if breach_discovered:
        out["vendor_breach_notice_due"] = vendor_breach_notice_due(breach_discovered)
    if breach_notice_received:
        out["parent_breach_notice_due"] = parent_breach_notice_due(breach_notice_received, good_friday)
    if today:
        out["annual_parent_notice_due"] = annual_parent_notice_due(today)
    if notice_sent:
        out["cure_deadline"] = cure_deadline(notice_sent, cure_period_days, closed, good_friday)
    return out
