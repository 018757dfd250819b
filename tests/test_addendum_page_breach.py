"""The Addendum page says once, as an error naming the field, that the vendor's breach steps give
it longer than the addendum allows (the walk saw a warning and then the same as an error)."""

from __future__ import annotations

import datetime as dt

from .test_app import page

LATE = "Brightleaf will email the Board within 90 days of discovering a breach."


def _filled(steps: str):
    at = page("addendum").run()
    at.text_input(key="name").input("Brightleaf Learning LLC")
    at.text_input(key="product").input("Brightleaf Reader")
    at.text_input(key="contact_email").input("privacy@brightleaf.example")
    at.text_input(key="contact_name").input("Dana Reyes")
    at.date_input(key="contract_date").set_value(dt.date(2026, 11, 2))
    at.text_area(key="purpose").input("Reading practice for grades 2-5")
    at.multiselect(key="data_collected").select("Student name")
    at.text_area(key="breach_steps").input(steps)
    return at.run()


def test_late_breach_steps_are_one_error_naming_the_field(fresh_register):
    at = _filled(LATE)
    assert not at.exception
    said = [e.value for e in at.error] + [w.value for w in at.warning]
    assert len([x for x in said if "90 days" in x]) == 1, said
    (error,) = [e.value for e in at.error]
    assert error.startswith("Steps to notify the Board of a breach") and "90 days" in error  # the field, as labelled
    assert not at.get("download_button")  # no addendum that contradicts itself


def test_a_draft_keeps_the_warning_and_writes_the_addendum(fresh_register):
    at = _filled(LATE)
    at.checkbox(key="draft").check().run()
    assert not at.exception and not at.error
    assert len([w for w in at.warning if "90 days" in w.value]) == 1
    assert at.get("download_button")
