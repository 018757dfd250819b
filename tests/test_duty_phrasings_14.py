"""The fourteenth round: concepts found by sentences of our own in genres the earlier rounds had
not written (amendments and riders, another state's model agreement, a researcher's data-sharing
memorandum, a trust-centre FAQ, a reseller's pass-through terms, counsel's confirming email, a
policy that restates the law). Every sentence here is our own wording. Each test of a new reading
failed before the round's change; the cases marked "stays" held before and must still hold."""

from __future__ import annotations

import pytest

from .test_duty_phrasings import report, status

# ---------------------------------------------------------------- conflicts: the board's own act is no term of the contractor's


@pytest.mark.parametrize("text", [
    "The District may use directory information to advertise school events.",
    "The District, not the Vendor, may use directory information to advertise school events.",
    "The Board may share student names with local newspapers to announce honour rolls and advertise graduation.",
])
def test_the_boards_own_advertising_is_no_conflict(library, text):
    assert [c.kind for c in report(text, library).conflicts] == []


@pytest.mark.parametrize("text", [
    "The Vendor may use student data to advertise its products to students.",
    "By using the Service, you agree that we may show advertisements based on students' activity.",  # the user's term counts
    "The District permits the Vendor to use student data to advertise its other products.",  # the board's consent to the contractor's act
])
def test_the_contractors_advertising_is_still_a_conflict(library, text):  # stays
    assert "advertising" in [c.kind for c in report(text, library).conflicts]


# ---------------------------------------------------------------- use limitation: "contract" is a whole word


@pytest.mark.parametrize("text", [
    "The Vendor shall not use student data except to deliver Contractor-branded promotions.",
    "We will not use student information other than to provide contractors with leads.",
])
def test_contractor_is_not_the_contract(library, text):
    assert status(text, library, "use_limitation") in ("partial", "missing")


@pytest.mark.parametrize("text", [
    "The Vendor shall not use student data except to perform its obligations under the contract.",
    "The Vendor shall not use student data except to provide the contract services.",
])
def test_the_contracts_own_purposes_still_limit_use(library, text):  # stays
    assert status(text, library, "use_limitation") == "present"


# ---------------------------------------------------------------- FERPA: an effort to comply is not compliance


@pytest.mark.parametrize("text", [
    "The Vendor shall use reasonable efforts to comply with FERPA.",
    "The Provider will make commercially reasonable efforts to handle student records in accordance with FERPA.",
    "The Provider agrees to use its best efforts toward compliance with the Family Educational Rights and Privacy Act.",
])
def test_an_effort_to_comply_with_ferpa_is_partial(library, text):
    assert status(text, library, "ferpa") == "partial"


@pytest.mark.parametrize("text", [
    "The Vendor shall comply with FERPA and shall make reasonable efforts to assist the District with parent requests.",
    "The Contractor, as a school official, shall comply with FERPA; it shall use best efforts to resolve any complaint.",
])
def test_ferpa_compliance_beside_an_effort_at_something_else_is_present(library, text):  # stays
    assert status(text, library, "ferpa") == "present"


# ---------------------------------------------------------------- advertising: a negation reaches each verb of an "or" list


@pytest.mark.parametrize("text", [
    "Do you sell student data or show ads? No, never.",
    "We will never track students, sell their data, or show them ads.",
])
def test_not_selling_data_or_showing_ads_bans_advertising(library, text):
    assert status(text, library, "no_advertising") == "present"


@pytest.mark.parametrize("text", [
    "We will not sell student data and show ads only to logged-out visitors.",
    "We do not currently sell data or show ads.",
    "We do not sell data, but we show ads to teachers based on their activity.",
])
def test_a_negation_that_does_not_reach_the_ads_is_no_ban(library, text):  # stays
    assert status(text, library, "no_advertising") in ("partial", "missing")
