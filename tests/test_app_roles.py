"""Every action in the app is checked on the server, immediately before it runs, against the role
the signed-in person has at that moment. The tests send each action directly: a viewer presses a
button the browser shows disabled, or an editor fills a form and loses the role (the board profile
is saved again) before pressing it. Nothing may be written, and the page must say it refused."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from streamlit.testing.v1 import AppTest

import generator as g
from generator.records.register import Register

from .conftest import FIXTURES, ROOT

CHIEF, EDITOR, VIEWER = "chief@shoreline.example", "ed@shoreline.example", "val@shoreline.example"
AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "c" * 32,
        "client_id": "sdpa", "client_secret": "secret",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


def _profile(board, editors: list[str], admins: tuple[str, ...] = (CHIEF,)) -> g.Board:
    data = board.model_dump(mode="json")
    data.update(name="Shoreline Board of Education",
                access={"admin": list(admins), "editor": editors, "viewer": [VIEWER, EDITOR, CHIEF]})
    return g.board_from_dict(data)


@pytest.fixture()
def shoreline(fresh_register, board):
    """A register whose profile makes ED an editor, with one contract and one breach on it."""
    with Register(fresh_register, actor="setup") as reg:
        g.save_board(reg, _profile(board, [EDITOR]))
        cid = reg.add_contract(vendor="Harborview Tutoring LLC", product="Homework Help")
        reg.record_breach(cid, notice_received=dt.date(2026, 3, 2), discovered=None, description="a test")
        g.save_vendor(reg, g.vendor_from_dict({"name": "Tidewater Learning"}, "test"))
    return fresh_register


def demote(url: str, board, admins: tuple[str, ...] = (CHIEF,)) -> None:
    """Save the profile again with ED only a viewer (as an administrator would in another tab), and
    only ``admins`` administrators."""
    with Register(url, actor=CHIEF) as reg:
        g.save_board(reg, _profile(board, [], admins))


def signed_in(email: str, page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "email": email, "email_verified": True, "iat": int(time.time()) - 60}
    at.switch_page(f"app_pages/{page}.py")
    return at.run()


def log_length(url: str) -> int:
    with Register(url) as reg:
        return len(reg.log())


REFUSALS = ("Refused:", "only an editor, counsel or an administrator can", "Only an administrator can")


def refused(at: AppTest) -> bool:
    """The page said no: the check before the action ("Refused: …"), or, on the run after the role
    was lost, the page's own line in place of the form the role no longer opens."""
    said = [str(e.value) for kind in (at.error, at.info, at.caption) for e in kind]
    return not at.exception and any(r in line for line in said for r in REFUSALS)


def button(at: AppTest, label: str):
    """The button ``label``, as a crafted client sees it: enabled, whatever the browser shows."""
    (found,) = [b for b in at.button if b.label == label]
    found.proto.disabled = False  # AppTest, like a browser, will not press a disabled button
    return found


# ---------------------------------------------------------------- the board profile


def test_a_viewer_pressing_the_disabled_save_changes_nothing(shoreline, board):
    at = signed_in(VIEWER, "board")
    assert [b.disabled for b in at.button if b.label == "Save for everyone"] == [True]
    save = button(at, "Save for everyone")
    at.text_area(key="bp_admin_0").input(f"{CHIEF}\n{VIEWER}")  # the viewer lists themselves as admin
    before = log_length(shoreline)
    save.click().run()  # Streamlit 1.67 drops it as the disabled button's; our own check would refuse it
    assert not at.exception and not at.success
    assert log_length(shoreline) == before
    assert g.resolve_board()[0].access.admin == [CHIEF]


def test_saving_the_profile_refuses_an_administrator_who_lost_the_role(shoreline, board):
    at = signed_in(CHIEF, "board")
    at.text_input(key="bp_name_0").input("Shoreline Regional Board of Education")
    demote(shoreline, board, admins=("it.lead@shoreline.example",))
    before = log_length(shoreline)
    button(at, "Save for everyone").click().run()
    assert refused(at)
    assert log_length(shoreline) == before
    assert g.resolve_board()[0].name == "Shoreline Board of Education"


def test_a_viewer_cannot_load_a_profile_file(shoreline, board):
    at = signed_in(VIEWER, "board")
    text = g.board_yaml(board.model_copy(update={"name": "Harbor Board of Education"}))
    uploader = at.file_uploader(key="profile_yaml")
    uploader.proto.disabled = False  # as a crafted client would send it
    uploader.upload("harbor.yaml", text.encode(), "application/yaml").run()
    assert refused(at)
    assert "board_draft" not in at.session_state


@pytest.mark.parametrize("what", ["save", "remove"])
def test_the_vendor_directory_refuses_an_editor_who_lost_the_role(shoreline, board, what):
    at = signed_in(EDITOR, "board")
    if what == "save":
        at.text_input(key="dv_name").input("Marshland Reading Co")
    else:
        at.selectbox(key="dv_pick").select("Tidewater Learning").run()
    demote(shoreline, board)
    before = log_length(shoreline)
    (button(at, "Save the vendor") if what == "save" else
     button(at, "Remove Tidewater Learning from the directory")).click().run()
    assert refused(at)
    assert log_length(shoreline) == before
    with Register(shoreline) as reg:
        assert [v.name for v in g.directory_vendors(reg)] == ["Tidewater Learning"]


# ---------------------------------------------------------------- the register

D = dt.date(2026, 4, 1)
#: action → (widgets to fill, key → value; the button that sends it)
REGISTER = {
    "Add a contract": ({"a_vendor": "Marshland Reading Co", "a_product": "Reader"}, "Add the contract"),
    "Edit a contract": ({"e_contract": 1, "e_product_1": "Homework Help Plus"}, "Save the changes"),
    "Record the execution date": ({"x_contract": 1, "x_date": D}, "Record the execution date"),
    "Record the date a contract was amended or renewed": ({"d_contract": 1, "d_renewed": D}, "Record the dates"),
    "Record the website posting": ({"p_contract": 1}, "Record the posting"),
    "Record an amendment notice": ({"n_contract": 1}, "Record the notice"),
    "Record the outcome of a notice": ({"o_contract": 1}, "Record the outcome"),
    "Record a breach": ({"b_contract": 1, "b_received": D}, "Record the breach"),
    "Record families notified of a breach": ({"f_breach": 1, "f_date": D}, "Record"),
    "Record the annual notice to parents": ({"an_sent": D}, "Record the annual notice"),
    "Record an IEP or Section 504 exception": ({"ex_ref": "S-1", "ex_service": "Reading app",
                                                "ex_operator": "Marsh Co", "ex_signed": D},
                                               "Record the exception"),
    "Report the IEP and Section 504 exceptions of a year": ({}, "Prepare the report"),
    "Publish the public contracts page": ({}, "Build the public page"),
    "Export the register (backup)": ({}, "Prepare the export"),
}


def _fill(at: AppTest, key: str, value) -> None:
    for kind in (at.selectbox, at.date_input, at.text_input, at.text_area):
        try:
            widget = kind(key=key)
        except KeyError:
            continue
        if kind == at.selectbox:  # the pickers stand above the forms: they open them
            widget.select(value).run()
        else:  # a form's widgets are sent with its button
            widget.set_value(value)
        return
    raise AssertionError(f"no widget {key}")


@pytest.mark.parametrize("action", list(REGISTER))
def test_every_register_action_refuses_an_editor_who_lost_the_role(shoreline, board, action):
    fields, label = REGISTER[action]
    at = signed_in(EDITOR, "register")
    at.selectbox(key="action").select(action).run()
    for key, value in fields.items():
        _fill(at, key, value)
    assert not at.exception and not at.error, [e.value for e in at.error]
    demote(shoreline, board)
    before = log_length(shoreline)
    button(at, label).click().run()
    assert refused(at), [e.value for e in at.error]
    assert log_length(shoreline) == before
    assert not any(k in at.session_state for k in ("register_public", "register_export", "register_exceptions"))


def test_an_editor_still_records(shoreline):
    """The same path with the role kept: the check lets the editor through."""
    at = signed_in(EDITOR, "register")
    at.selectbox(key="action").select("Record the execution date").run()
    _fill(at, "x_contract", 1)
    _fill(at, "x_date", D)
    button(at, "Record the execution date").click().run()
    assert not at.error and not at.exception, [e.value for e in at.error]
    with Register(shoreline) as reg:
        assert reg.contracts()[0].executed == D


# ---------------------------------------------------------------- the check page and the batch


def _checked(email: str) -> AppTest:
    at = signed_in(email, "check")
    import io

    import docx

    document = docx.Document()
    for line in (FIXTURES / "gapwell-terms.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    data = buf.getvalue()
    at.file_uploader(key="contract").upload("vendor-contract.docx", data,
                                            "application/vnd.openxmlformats-officedocument."
                                            "wordprocessingml.document").run()
    assert not at.exception
    return at


@pytest.mark.parametrize("label", ["Record this check on the contract", "Record the notice on the contract",
                                   "Mark up the vendor's DOCX (tracked changes)"])
def test_the_check_page_refuses_a_viewer(shoreline, board, label):
    at = _checked(VIEWER)
    at.selectbox(key="w_contract").select(1).run()
    if label.startswith("Mark up"):
        at.text_input(key="l_name_1").set_value("Harborview Tutoring LLC")
        at.text_input(key="l_product_1").set_value("Homework Help")
        at.text_input(key="l_email_1").set_value("privacy@harborview.example")
        at.date_input(key="l_contract_date_1").set_value(dt.date(2025, 8, 1)).run()
    before = log_length(shoreline)
    button(at, label).click().run()
    assert any(e.value.startswith("Refused:") for e in at.error), [e.value for e in at.error]
    assert log_length(shoreline) == before
    assert not [b for b in at.get("download_button") if "redline" in str(b.proto.label)]


def test_a_viewer_cannot_run_a_batch(shoreline):
    at = signed_in(VIEWER, "batch")
    rows = b"vendor_name,product,contact_email,contract_date\nMarsh Co,Reader,p@marsh.example,2026-01-05\n"
    at.file_uploader(key="vendors").upload("vendors.csv", rows, "text/csv").run()
    button(at, "Generate 1 addenda").click().run()
    assert any(e.value.startswith("Refused:") for e in at.error)
    assert not at.get("download_button")


def test_the_shipped_config_answers_only_to_this_computer():
    import tomllib

    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]
    assert sorted(server["allowedHosts"]) == ["127.0.0.1", "::1", "localhost"]


@pytest.mark.parametrize("claims, says", [
    ({"iat": int(time.time()) - 13 * 3600}, "Your sign-in has expired"),
    ({"email_verified": "true"}, "has no access to sdpa"),
    ({"email_verified": "false"}, "has no access to sdpa"),
    ({"email_verified": 1}, "has no access to sdpa"),
    ({"email_verified": None}, "has no access to sdpa"),
])
def test_an_old_sign_in_or_an_unproven_address_opens_no_page(shoreline, claims, says):
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "email": CHIEF, "email_verified": True, "iat": int(time.time()) - 60,
               **claims}
    at.run()
    assert not at.exception
    assert says in " ".join(str(e.value) for kind in (at.error, at.info) for e in kind)
    assert [t.value for t in at.title] in ([], ["sdpa: student data privacy"]), "a page ran"
    assert not at.get("file_uploader")


def test_the_session_lifetime_follows_the_setting(shoreline, monkeypatch):
    monkeypatch.setenv("SDPA_SESSION_HOURS", "1")
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "email": CHIEF, "email_verified": True, "iat": int(time.time()) - 2 * 3600}
    at.run()
    assert "Your sign-in has expired" in " ".join(e.value for e in at.info)
    monkeypatch.setenv("SDPA_SESSION_HOURS", "3")
    at.run()
    assert "(admin)" in at.sidebar.caption[0].value


@pytest.mark.parametrize("page", ["check", "batch", "register", "board"])
def test_a_visitor_who_has_not_signed_in_gets_no_upload_box(shoreline, page):
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": False}
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception
    assert at.button(key="sign_in").label == "Sign in"
    assert not at.get("file_uploader")


def test_the_letter_follows_counsels_gap_where_the_reading_found_none(shoreline, board):
    """The reading of the board's own addendum is compliant; counsel confirms one provision as
    missing all the same. The check page then offers the letter, which acts on counsel's verdict."""
    vendor = g.vendor_from_dict({"name": "Harborview Tutoring LLC", "product": "Homework Help",
                                 "contact_email": "privacy@harborview.example",
                                 "contract_date": "2025-08-01"}, "test")
    data = g.render_addendum(vendor, board, None)
    reading = g.check_contract(g.read_document(data, "addendum.docx"))
    assert reading.compliant
    with Register(shoreline, actor=CHIEF) as reg:
        reg.record_check(1, reading.model_dump(mode="json"), dt.date(2026, 4, 1))
        g.review_check(reg, 1, role="admin", confirm_rest=True,
                       provisions={"governing_law": g.Decision("missing", "the signed copy strikes § 9")})
    at = signed_in(EDITOR, "check")
    at.file_uploader(key="contract").upload("addendum.docx", data, "application/vnd.openxmlformats-"
                                            "officedocument.wordprocessingml.document").run()
    at.selectbox(key="w_contract").select(1).run()
    assert not at.exception
    assert [b for b in at.button if b.label == "Write the letter"]
