"""Every page of the browser app, driven with streamlit's AppTest (no browser)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from .conftest import ROOT

PAGES = ROOT / "app_pages"


def shown(markdown: str) -> str:
    """What a Markdown message shows: backslash escapes (``generator.md_escape``) removed."""
    import re

    return re.sub(r"\\(.)", r"\1", markdown)


def page(name: str) -> AppTest:
    return AppTest.from_file(str(PAGES / f"{name}.py"), default_timeout=60)


def test_library_page_lists_every_provision(library):
    at = page("library").run()
    assert not at.exception
    titles = [e.label for e in at.expander]
    assert len(titles) == 11
    assert titles[8].startswith("9. Connecticut law governs")


def test_router_runs():
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Check a contract"


def test_addendum_page_validates_and_renders():
    import datetime as dt

    at = page("addendum").run()
    assert not at.exception
    assert at.info[0].value == "Still needed: vendor name, product or service, contact email, contract date"
    at.text_input(key="name").input("O'Brien & <Sons> {{ 7*7 }}")
    at.text_input(key="product").input("Reader")
    at.text_input(key="contact_email").input("not-an-email").run()
    assert [shown(e.value) for e in at.error] == ["Contact email: 'not-an-email' is not an email address"]
    at.text_input(key="contact_email").input("privacy@obrien.example")
    at.date_input(key="contract_date").set_value(dt.date(2026, 9, 1))
    at.date_input(key="term_end").set_value(dt.date(2026, 1, 1)).run()
    assert [shown(e.value) for e in at.error] == ["End of the term 2026-01-01 is before contract date 2026-09-01"]
    at.date_input(key="term_end").set_value(None)
    at.text_input(key="signatory_name").input("Pat O'Brien")
    at.text_input(key="signatory_title").input("Managing Director").run()
    assert not at.error and not at.exception and not at.info
    assert [b.label for b in at.get("download_button")] == ["Download DOCX"]
    labels = [w.label for w in (*at.text_input, *at.text_area, *at.date_input)]
    assert not [x for x in labels if "_" in x], labels  # words, never field names


def test_check_page_shows_gaps():
    at = page("check").run()
    assert not at.exception and at.title[0].value == "Check a contract"


def test_batch_page():
    at = page("batch").run()
    assert not at.exception and at.title[0].value == "Batch"


def test_notices_page_computes_deadlines():
    import datetime as dt

    at = page("notices").run()
    at.date_input(key="executed").set_value(dt.date(2026, 12, 22)).run()
    assert not at.exception
    dates = at.dataframe[0].value["Date"].tolist()
    assert "December 30, 2026" in dates


@pytest.mark.parametrize("kind", ["annual-notice", "deletion-request"])
def test_notices_page_letters(kind):
    at = page("notices").run()
    at.selectbox(key="kind").set_value(kind).run()
    if kind != "annual-notice":
        at.text_input(key="v_name").input("Acme").run()
        at.text_area(key="data").input("All records of students who left in June").run()
    assert not at.exception and not at.error


def test_register_page_has_no_database_box_and_adds_once(tmp_path, monkeypatch):
    monkeypatch.setenv("SDPA_DATABASE_URL", f"sqlite:///{tmp_path / 'r.sqlite3'}")
    at = page("register").run()
    assert not at.exception and not at.error
    assert not [w for w in at.text_input if "database" in w.label.lower() or "://" in (w.value or "")]
    assert at.subheader[1].value == "Contracts (0)"
    for _ in range(2):  # the second click on Add is stopped by the duplicate warning
        at.text_input(key="a_vendor").input("Acme Learning")
        at.text_input(key="a_product").input("Reader")
        at.button[0].click().run()
    assert not at.exception
    assert at.subheader[1].value == "Contracts (1)"
    assert "Already in the register: #1 Acme Learning" in shown(at.warning[0].value)


def test_board_page():
    at = page("board").run()
    assert not at.exception and at.title[0].value == "Board profile"
    assert at.json[0].value and "Waterbury Board of Education" in at.json[0].value


def test_website_notice_carries_the_execution_date():
    import datetime as dt

    at = page("notices").run()
    at.selectbox(key="kind").set_value("contract-posting").run()
    at.text_input(key="v_name").input("Acme Learning").run()
    assert at.info[0].value == "Enter the date the contract was executed." and not at.code
    at.date_input(key="when_executed").set_value(dt.date(2026, 12, 22)).run()
    assert not at.exception and not at.error
    html = at.code[0].value
    assert 'datetime="2026-12-22"' in html and "December 22, 2026" in html
    assert dt.date.today().isoformat() not in html
    assert any("December 30, 2026" in c.value for c in at.caption)  # 5 business days, Christmas skipped
