"""The addendum the Check page encloses with its letter, for a contract picked from the register,
states that contract's purpose and student data in Schedule A (as `sdpa letter amendment
--vendor` does with a vendor file), not the generic wording for an agreement that names none."""

from __future__ import annotations

import datetime as dt

import generator
from generator.records.register import Register

from .conftest import FIXTURES, docx_text
from .test_app import _check_page_with


def test_the_enclosed_addendum_states_the_registered_purpose_and_data(fresh_register, monkeypatch):
    with Register(fresh_register) as reg:
        reg.add_contract(vendor="Brightleaf Learning LLC", product="Brightleaf Reader",
                         executed=dt.date(2026, 11, 2), contact_email="privacy@brightleaf.example",
                         purpose="Reading practice for grades 2-5",
                         data_categories=["Student name", "grade", "reading scores"])
    written: list[bytes] = []
    real = generator.render_addendum

    def kept(*args, **kw):
        written.append(real(*args, **kw))
        return written[-1]

    monkeypatch.setattr(generator, "render_addendum", kept)
    at = _check_page_with("brightleaf.txt", (FIXTURES / "gapwell-terms.txt").read_bytes())
    at.selectbox(key="w_contract").select(1).run()
    assert at.text_input(key="l_purpose_1").value == "Reading practice for grades 2-5"
    assert at.text_input(key="l_data_1").value == "Student name; grade; reading scores"
    next(b for b in at.button if b.label == "Write the letter").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert len(written) == 1
    schedule = docx_text(written[0]).split("Schedule A")[-1]
    assert "Reading practice for grades 2-5" in schedule
    assert "Student name" in schedule and "reading scores" in schedule
    assert "the school purposes described in the Agreement" not in schedule
    assert "the categories named in the Agreement" not in schedule
