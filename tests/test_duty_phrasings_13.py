"""The thirteenth round: concepts found by sentences of our own in voices the earlier rounds had
not written (a district's notice to parents, a processor's terms, a template for another country's
schools, a learning platform's terms, a special-education app, order forms and side letters).
Every sentence here is our own wording. Each test of a new reading failed before the round's
change; the cases marked "stays" held before and must still hold."""

from __future__ import annotations

import pytest

from .test_duty_phrasings import finding, report, status


# ---------------------------------------------------------------- advertising: the contractor barred, in any of its forms


@pytest.mark.parametrize("text", [
    "The Vendor is forbidden to use student data for targeted advertising.",
    "The Contractor shall be forbidden to use pupil records for advertising of any kind.",
])
def test_the_contractor_barred_from_advertising_is_a_ban_and_no_conflict(library, text):
    r = report(text, library)
    assert r.finding("no_advertising").status == "present"
    assert not [c for c in r.conflicts if c.kind == "advertising"]


def test_marketing_products_to_students_is_advertising(library):
    assert status("The Provider is not permitted to use student information to market products to students.",
                  library, "no_advertising") == "present"


def test_a_contractor_allowed_to_advertise_with_the_data_is_still_a_conflict(library):  # stays
    r = report("The Vendor may use student data for targeted advertising.", library)
    assert r.finding("no_advertising").status == "missing"
    assert [c.kind for c in r.conflicts] == ["advertising"]
