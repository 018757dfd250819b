"""The Vet an app page in-process (AppTest): the approved-apps list shows what is recorded; only
counsel or an administrator gets the confirm form; a confirm pressed by someone who has lost the
counsel role since the form opened is refused on the server and writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

import generator as g
from generator.records.register import Register

from .test_app_roles import VIEWER, log_length, signed_in
from .test_apps import vet_report

COUNSEL, EDITOR = "lee@shoreline.example", "ed@shoreline.example"


def _profile(board, counsel: list[str]) -> g.Board:
    data = board.model_dump(mode="json")
    data.update(name="Shoreline Board of Education",
                access={"admin": [], "counsel": counsel, "editor": [EDITOR], "viewer": [VIEWER, COUNSEL]})
    return g.board_from_dict(data)


@pytest.fixture()
def vetted(fresh_register, board):
    with Register(fresh_register, actor=EDITOR) as reg:
        g.save_board(reg, _profile(board, [COUNSEL]))
        g.record_vetting(reg, vet_report(profiling="silent"), app="Quizly", operator="Quizly Inc.", role="editor",
                         when=dt.date.today())
    return fresh_register


def test_counsel_confirms_an_app_on_the_page(vetted):
    at = signed_in(COUNSEL, "vet")
    assert not at.exception
    assert at.dataframe[0].value["status"].tolist() == ["awaiting review"]
    at.selectbox(key="vet_c_app").select(at.selectbox(key="vet_c_app").options[0]).run()
    at.button[[b.label for b in at.button].index("Confirm the verdict")].click().run()
    assert not at.exception
    assert any("verdict confirmed (may be used with conditions)" in str(s.value) for s in at.success)
    with Register(vetted) as reg:
        rec = g.app_record(reg, "Quizly")
    assert (rec.verdict, rec.confirmed_by) == ("may be used with conditions", COUNSEL)


def test_an_editor_gets_no_confirm_form(vetted):
    at = signed_in(EDITOR, "vet")
    assert not at.exception
    assert any("only counsel or an administrator can confirm an app's verdict" in str(i.value) for i in at.info)
    assert "Confirm the verdict" not in [b.label for b in at.button]


def test_a_confirm_after_losing_the_counsel_role_is_refused_and_writes_nothing(vetted, board):
    at = signed_in(COUNSEL, "vet")
    at.selectbox(key="vet_c_app").select(at.selectbox(key="vet_c_app").options[0]).run()
    with Register(vetted, actor="chief") as reg:  # counsel is made a viewer in another tab
        g.save_board(reg, _profile(board, []))
    before = log_length(vetted)
    at.button[[b.label for b in at.button].index("Confirm the verdict")].click().run()
    said = [str(i.value) for i in at.info]  # the page's own line in place of the form the role no longer opens
    assert not at.exception and any("only counsel or an administrator can confirm" in line for line in said)
    assert log_length(vetted) == before
    with Register(vetted) as reg:
        assert g.app_record(reg, "Quizly").status == "awaiting review"


def test_terms_pasted_from_the_apps_page_are_vetted(vetted):
    at = signed_in(EDITOR, "vet")
    at.text_area(key="vet_text").input(
        "Quizzo is a quiz app made for K-12 classrooms. We may share student information with our partners for "
        "their own marketing purposes.").run()
    assert not at.exception
    assert [h.value for h in at.subheader][0] == "Verdict: may not be used"
    assert any("permit what the policy forbids" in e.value for e in at.error)
    assert any("the terms as published on the app" in m.value for m in at.markdown)  # the quotes say where they come from
