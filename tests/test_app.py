"""The browser app's pages run without error (streamlit AppTest)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from .conftest import ROOT


def test_library_page_lists_every_provision(library):
    at = AppTest.from_file(str(ROOT / "app_pages" / "library.py"), default_timeout=30).run()
    assert not at.exception
    titles = [e.label for e in at.expander]
    assert len(titles) == 11
    assert titles[8].startswith("9. Connecticut law governs")
