"""Counsel's review end to end in a real headless Chromium, signed in through Streamlit's own
OpenID Connect against the test identity provider: an editor records a check and the letter
comes out marked draft; counsel confirms the reading, changing one provision; the letter, the
register and the public page then follow the confirmed verdict; an editor cannot record "void",
counsel cannot before the cure date, and can after it."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from .conftest import FIXTURES, ROOT, docx_text
from .test_browser import _date, _download, _flash, _idle, _pick, _status, _words
from .test_browser_auth import (  # noqa: F401
    _sign_in,
    browser,
    chromium_present,
    identity_provider,
    serve_signed_in,
    vouch_for,
)

EDITOR = "pat.editor@shoreline.example"
COUNSEL = "lee.counsel@shoreline.example"
VENDOR = "Gapwell Learning LLC"


@pytest.fixture(scope="module")
def review_app(tmp_path_factory, identity_provider):  # noqa: F811
    import generator as g
    from generator.records.register import Register

    tmp = tmp_path_factory.mktemp("review")
    db_url = f"sqlite:///{tmp / 'register.sqlite3'}"
    data = g.read_board_file(ROOT / "examples" / "board.example.yaml").model_dump(mode="json")
    data.update(name="Shoreline Board of Education",
                access={"admin": [], "counsel": [COUNSEL], "editor": [EDITOR], "viewer": []})
    with Register(db_url, actor="setup") as reg:
        g.save_board(reg, g.board_from_dict(data))
        reg.add_contract(vendor=VENDOR, product="Gapwell Math", executed=date(2019, 3, 1),
                         purpose="math practice", data_categories=["name", "grade level"])
    for email in (EDITOR, COUNSEL):  # the provider proves both addresses (email_verified: true)
        vouch_for(identity_provider, email)
    yield from serve_signed_in(tmp, identity_provider, db_url)


def _letter(page, tmp_path) -> None:
    """Check the fixture contract on the check page and pick the register's contract."""
    page.locator("input[type=file]").set_input_files(str(FIXTURES / "gapwell-terms.txt"))
    page.get_by_text("8 of 11 present, 1 conflict").wait_for()
    def filled() -> bool:  # while Streamlit redraws, the old field may still stand beside the new one
        return any(f.input_value() == "Gapwell Math" for f in page.get_by_label("Product or service").all())

    for _ in range(3):  # a pick made while the upload's rerun is still drawing is lost: pick again
        _pick(page, "Contract in the register", f"{VENDOR}: Gapwell Math")
        if filled():
            break
    assert filled()  # the register's contract fills the letter form


def _write_letter(page, tmp_path) -> str:
    _idle(page)  # the picked contract filled the form, its date with the register's execution date
    page.get_by_label("Vendor name").fill(VENDOR)
    page.get_by_label("Vendor's privacy contact email").fill("legal@gapwell.example")
    _date(page, "Date of the vendor's contract", "2019-03-01")
    _idle(page)
    ready = page.get_by_text("Letter ready").first
    for _ in range(3):  # a click that lands while the form is still redrawing is lost: press again
        page.get_by_role("button", name="Write the letter").click()
        try:
            ready.wait_for(timeout=20000)
            break
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError: wait for the page, then retry
            _idle(page)
    ready.wait_for()
    return docx_text(_download(page, "Download the letter (DOCX)", tmp_path))


def _register_action(page, url: str, action: str) -> None:
    page.goto(f"{url}/register")
    page.get_by_text("Contracts (").first.wait_for()
    _pick(page, "What do you want to do?", action)


def _refused_to(browser, url: str, who: str, action: str, message: str, button: str) -> None:
    """Sign in as ``who``, pick ``action`` on the register page, and see it refused: the
    message on screen and no button to press."""
    context, page = _sign_in(browser, url, who)
    _register_action(page, url, action)
    page.get_by_text(message).wait_for()
    assert page.get_by_role("button", name=button).count() == 0
    context.close()


def test_counsel_confirms_and_the_law_acts_on_the_confirmed_verdict(review_app, browser, tmp_path):  # noqa: F811
    import generator as g
    from generator.records.register import Register

    url, db_url = review_app
    # an editor records the check; the letter on this unconfirmed reading is a draft
    context, page = _sign_in(browser, url, EDITOR)
    _letter(page, tmp_path)
    page.get_by_role("button", name="Record this check on the contract").click()
    _flash(page, "Check recorded")
    draft = _write_letter(page, tmp_path)
    assert "DRAFT — not confirmed by counsel" in draft
    page.get_by_text("To confirm with counsel before sending").wait_for()
    page.goto(f"{url}/register")
    assert _status(page, VENDOR, "awaiting review") == "awaiting review"
    context.close()
    _refused_to(browser, url, EDITOR, "Confirm a check (counsel)",
                "only counsel or an administrator can confirm a check", "Confirm the verdict")

    # counsel confirms the reading, changes one provision (with a reason) and keeps the rest
    context, page = _sign_in(browser, url, COUNSEL)
    _register_action(page, url, "Confirm a check (counsel)")
    _pick(page, "Contract", f"{VENDOR}: Gapwell Math")
    _pick(page, re.compile(r"^9\. Connecticut law governs"), "present")
    page.get_by_label(re.compile(r"^Why, for Connecticut law governs \(needed for a change; the letter to the "
                                 r"vendor gives it as the reason\)")).fill("§ 12 chooses Connecticut law")
    page.get_by_role("button", name="Confirm the verdict").click()
    assert "changed: Connecticut law governs" in _flash(page, "verdict confirmed")
    assert _status(page, VENDOR, "gaps found") == "gaps found"
    with Register(db_url) as reg:
        c = reg.contracts()[0]
        confirmed = g.confirmed_report(c)
        line = reg.log(c.id)[-1]
    statuses = {p["id"]: (p["reading"], p["status"]) for p in confirmed["provisions"]}
    assert statuses["governing_law"] == ("missing", "present")
    assert statuses["review_correction"] == ("missing", "missing")  # confirmed as read
    assert statuses["ownership"] == ("present", "present")
    assert (line.action, line.actor) == ("confirm check", COUNSEL)

    # the letter now follows the confirmed verdict: no draft mark, no governing-law gap
    page.goto(url)
    _letter(page, tmp_path)
    final = _write_letter(page, tmp_path)
    assert "DRAFT" not in final and "Connecticut law governs" not in final
    assert "4. Review and correction" in _words(final)
    context.close()

    # void: not by an editor; not by counsel before the cure date; by counsel after it
    sent = date.today() - timedelta(days=60)
    with Register(db_url, actor="setup") as reg:
        cure = g.cure_deadline(sent, 30, [])
        reg.record_notice(reg.contracts()[0].id, sent, cure)
    _refused_to(browser, url, EDITOR, "Record a contract void (counsel)",
                "only counsel or an administrator can", "Record the contract void")
    context, page = _sign_in(browser, url, COUNSEL)
    _register_action(page, url, "Record a contract void (counsel)")
    _pick(page, "Contract", f"{VENDOR}: Gapwell Math")
    _date(page, "Date", (sent + timedelta(days=1)).isoformat())
    page.get_by_label("Reason (kept in the register)").fill("review and correction still missing")
    page.get_by_role("button", name="Record the contract void").click()
    assert "has not passed" in _flash(page, "has not passed")
    _date(page, "Date", date.today().isoformat())
    page.get_by_role("button", name="Record the contract void").click()
    _flash(page, "recorded void")
    assert _status(page, VENDOR, "void") == "void"
    page.get_by_text("Public contracts page (preview)").click()
    page.get_by_text("Show the preview").click()  # built only when asked
    page.get_by_text("Void since").first.wait_for(state="attached")
    preview = page.locator("table").filter(has_text="Gapwell Math").last.text_content()
    assert "Void since" in preview
    context.close()
