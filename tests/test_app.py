"""Every page of the browser app, driven with streamlit's AppTest (no browser)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from .conftest import ROOT

PAGES = ROOT / "app_pages"


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
    at = page("addendum").run()
    assert not at.exception
    assert at.info[0].value == "Still needed: name, product, contact_email"
    at.text_input(key="name").input("O'Brien & <Sons> {{ 7*7 }}")
    at.text_input(key="product").input("Reader")
    at.text_input(key="contact_email").input("not-an-email").run()
    assert any("contact_email" in e.value for e in at.error)
    at.text_input(key="contact_email").input("privacy@obrien.example").run()
    assert not at.error and not at.exception


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
    assert "Already in the register: #1 Acme Learning" in at.warning[0].value.replace("\\", "")


def test_board_page():
    at = page("board").run()
    assert not at.exception and at.title[0].value == "Board profile"
    assert at.json[0].value and "Waterbury Board of Education" in at.json[0].value
