"""Vetting an app end to end in a real headless Chromium, signed in through Streamlit's own OpenID
Connect against the test identity provider: an editor uploads an app's terms and privacy policy
(two documents written for this test), reads the verdict and the quoted sentences, records the
app in the approved-apps list and writes the letter to its operator (a draft); the editor gets no
confirm form; counsel confirms the verdict with a condition, and the list (CSV) shows it."""

from __future__ import annotations

from datetime import date

from .conftest import docx_text
from .test_browser import _download, _flash, _idle, _pick
from .test_browser_auth import _sign_in, browser, chromium_present, identity_provider  # noqa: F401
from .test_browser_review import COUNSEL, EDITOR, review_app  # noqa: F401 - the Shoreline board: an editor and counsel

TERMS = """Brightboard Terms of Service

Brightboard is a classroom quiz service built for K-12 schools, teachers and their students.

We never show advertising to students, and we do not use student data to choose or target ads.

We do not sell, rent or trade student personal information.

We do not disclose student information to anyone, except to our affiliates.
"""
PRIVACY = """# Brightboard Privacy Policy

We use student information to maintain, support and improve the service.

We keep student accounts for as long as the school keeps its subscription.
"""


def _press(page, button: str, until: str) -> str:
    """Press a form's ``button`` until the message holding ``until`` shows (a click that lands
    while the form is still redrawing is lost: press again); return the message."""
    shown = page.locator("[data-testid=stAlert]").filter(has_text=until).first
    for _ in range(3):
        _idle(page)
        page.get_by_role("button", name=button).click()
        try:
            shown.wait_for(timeout=20000)
            break
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError: wait for the page, then retry
            continue
    return _flash(page, until)


def test_an_app_is_vetted_recorded_and_confirmed_by_counsel(review_app, browser, tmp_path):  # noqa: F811
    import generator as g
    from generator.records.register import Register

    url, db_url = review_app
    (tmp_path / "brightboard-terms.txt").write_text(TERMS, encoding="utf-8")
    (tmp_path / "brightboard-privacy.md").write_text(PRIVACY, encoding="utf-8")

    # an editor vets the app from its two documents and reads the verdict and the quoted sentences
    context, page = _sign_in(browser, url, EDITOR)
    page.goto(f"{url}/vet")
    page.locator("input[type=file]").set_input_files([str(tmp_path / "brightboard-terms.txt"),
                                                      str(tmp_path / "brightboard-privacy.md")])
    page.get_by_text("Verdict: may be used with conditions").wait_for()
    page.get_by_text("This is an automated reading of the app's terms, for counsel to confirm").wait_for()
    page.get_by_text("“We do not disclose student information to anyone, except to our affiliates.”").wait_for()
    page.get_by_text("“We do not sell, rent or trade student personal information.”").wait_for()
    assert page.get_by_text("The policy says").count() == 4  # the policy's wording beside each restriction
    page.get_by_text("Disclosing student information: limited").first.wait_for()

    # and records it in the approved-apps list
    page.get_by_label("App", exact=True).first.fill("Brightboard")
    page.get_by_label("Operator (the company that runs it)").fill("Brightboard Learning Inc.")
    page.get_by_label("Who asked to use it").fill("a fourth-grade teacher")
    _press(page, "Record in the approved-apps list", "Recorded Brightboard")
    with Register(db_url) as reg:
        rec = g.app_record(reg, "Brightboard")
        shoreline = g.saved_board(reg)
    assert (rec.status, rec.read_verdict, rec.operator) == ("awaiting review", "may be used with conditions",
                                                            "Brightboard Learning Inc.")
    assert sorted(d["name"] for d in rec.documents) == ["brightboard-privacy.md", "brightboard-terms.txt"]
    assert rec.review_date == g.a_year_on(date.today())

    # the letter to the operator, before counsel has confirmed: a draft naming what to confirm
    page.get_by_label("App", exact=True).last.fill("Brightboard")
    page.get_by_label("Operator", exact=True).fill("Brightboard Learning Inc.")
    day, note = g.letter_date(board=shoreline)  # a business day: today, or the next one
    page.get_by_text(note or f"Dated {g.long_date(day)}.").wait_for()
    _press(page, "Write the letter", "Letter ready")
    letter = " ".join(docx_text(_download(page, "Download the letter (DOCX)", tmp_path)).split())
    assert "DRAFT — not confirmed by counsel" in letter and "Disclosing student information" in letter
    assert g.long_date(day) in letter

    # an editor gets no confirm form
    page.get_by_text("only counsel or an administrator can confirm an app's verdict").wait_for()
    assert page.get_by_role("button", name="Confirm the verdict").count() == 0
    context.close()

    # counsel confirms it, with a condition of use
    context, page = _sign_in(browser, url, COUNSEL)
    page.goto(f"{url}/vet")
    page.get_by_text("The approved-apps list").wait_for()
    _pick(page, "App", "Brightboard")
    page.get_by_label("Conditions of use (one a line)").fill("school-issued accounts only")
    _press(page, "Confirm the verdict", "verdict confirmed")
    with Register(db_url) as reg:
        rec = g.app_record(reg, "Brightboard")
        line = reg.log()[-1]
    assert (rec.status, rec.confirmed_by, rec.conditions) == ("may be used with conditions", COUNSEL,
                                                              ["school-issued accounts only"])
    assert (line.action, line.actor) == ("confirm app", COUNSEL)
    for _ in range(3):  # a button pressed while the page still redraws gives the list before the confirmation
        _idle(page)
        csv_text = _download(page, "The list (CSV)", tmp_path).read_text(encoding="utf-8-sig")
        if "school-issued accounts only" in csv_text:
            break
    assert "Brightboard" in csv_text and "school-issued accounts only" in csv_text
    context.close()
