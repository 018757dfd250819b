"""Every page of the browser app, driven with streamlit's AppTest (no browser)."""

from __future__ import annotations

import time

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
    # citations never break after "§" or "§ 10-": a no-break space and a no-break hyphen hold them
    to_confirm = at.warning[-1].value
    assert "§\u00a010\u2011234" in to_confirm and "§ " not in to_confirm and "10\\-234" not in to_confirm
    assert "10\u2011234bb" in titles[8] and "10-234" not in titles[8]
    assert to_confirm.index("234bb\\(a\\)\\(5\\)") < to_confirm.index("234bb\\(a\\)\\(10\\)")  # reading order


def test_router_runs(fresh_register):
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Check a contract"


def test_addendum_page_validates_and_renders(fresh_register):
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


def test_check_page_shows_gaps(fresh_register):
    at = page("check").run()
    assert not at.exception and at.title[0].value == "Check a contract"


def test_batch_page(fresh_register):
    at = page("batch").run()
    assert not at.exception and at.title[0].value == "Batch"


def test_notices_page_computes_deadlines(fresh_register):
    import datetime as dt

    at = page("notices").run()
    at.date_input(key="executed").set_value(dt.date(2026, 12, 22)).run()
    assert not at.exception
    (table,) = [h.proto.body for h in at.get("html")]  # text in the page, not a canvas grid
    assert "December 30, 2026" in table and "Post the executed contract on the website" in table


@pytest.mark.parametrize("kind", ["annual-notice", "deletion-request"])
def test_notices_page_letters(fresh_register, kind):
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


# ---------------------------------------------------------------- sign-in, roles, the board (app-a)

AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "c" * 32,
        "client_id": "sdpa", "client_secret": "secret",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


@pytest.fixture()
def listen_on():
    """Set Streamlit's ``server.address`` for the test (AppTest runs the app in this process)."""
    from streamlit import config

    before = config.get_option("server.address")
    yield lambda address: config.set_option("server.address", address, "test")
    config.set_option("server.address", before, "test")


def router() -> AppTest:
    return AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)


def texts(at: AppTest) -> str:
    parts = [e.value for kind in (at.caption, at.warning, at.error, at.info, at.success, at.markdown)
             for e in kind]
    return "\n".join(str(p) for p in parts)


def test_without_sign_in_every_page_says_it_serves_this_computer_only(fresh_register, listen_on):
    listen_on("127.0.0.1")
    for path in ("check", "board", "batch"):
        at = router()
        at.switch_page(f"app_pages/{path}.py").run()
        assert not at.exception
        assert "serves this computer only (127.0.0.1)" in texts(at)
        assert "shipped example profile (Waterbury Board of Education)" in at.warning[0].value


@pytest.mark.parametrize("address", ["0.0.0.0", "10.0.0.5", ""])
def test_without_sign_in_the_app_refuses_to_serve_the_network(fresh_register, listen_on, address):
    listen_on(address)
    at = router().run()
    assert not at.exception
    assert at.error[0].value.startswith("sdpa will not serve on")
    assert not at.title, "a page was shown although the app must refuse"


def test_with_sign_in_a_visitor_must_sign_in_first(fresh_register, listen_on):
    listen_on("0.0.0.0")
    at = router()
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception
    assert at.button(key="sign_in").label == "Sign in"
    assert [t.value for t in at.title] == ["sdpa: student data privacy"]


def _signed_in(email: str, board_yaml: str | None = None) -> AppTest:
    at = router()
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "email": email, "email_verified": True, "iat": int(time.time()) - 60}
    return at


@pytest.fixture()
def shoreline(fresh_register, board):
    import generator as g
    from generator.records.register import Register

    data = board.model_dump(mode="json")
    data.update(name="Shoreline Board of Education", short_name="Shoreline Public Schools",
                access={"admin": ["chief@shoreline.example"], "editor": ["@shoreline.example"],
                        "viewer": ["parent.liaison@shoreline.example"]})
    with Register(fresh_register, actor="setup") as reg:
        g.save_board(reg, g.board_from_dict(data))
    return fresh_register


def test_signed_in_roles(shoreline, listen_on):
    listen_on("0.0.0.0")
    at = _signed_in("stranger@elsewhere.example").run()
    assert "stranger\\@elsewhere\\.example has no access to sdpa" in at.error[0].value and not at.title
    at = _signed_in("chief@shoreline.example")
    at.user["email_verified"] = False  # the provider does not vouch for the address
    at.run()
    assert "has no access to sdpa" in at.error[0].value and not at.title
    at = _signed_in("parent.liaison@shoreline.example")
    at.switch_page("app_pages/board.py").run()
    assert not at.exception and not at.warning, "the saved profile is in use: no example banner"
    assert "(viewer)" in at.sidebar.caption[0].value
    assert at.button[0].disabled, "a viewer can save the board profile"
    assert "only an editor, counsel or an administrator can change the vendor directory" in texts(at)
    at = _signed_in("bursar@shoreline.example")
    at.switch_page("app_pages/board.py").run()
    assert at.button[0].disabled and "(editor)" in at.sidebar.caption[0].value
    assert at.text_input(key="dv_name") is not None  # an editor keeps the vendor directory


def test_an_admin_cannot_lock_themselves_out(shoreline, listen_on):
    import generator as g

    listen_on("0.0.0.0")
    at = _signed_in("chief@shoreline.example")
    at.switch_page("app_pages/board.py").run()
    at.text_area(key="bp_admin_0").input("someone.else@shoreline.example")
    at.button[0].click().run()
    assert at.error[0].value.startswith("Who may use the app: this would take the administrator role from you")
    assert g.resolve_board()[0].access.admin == ["chief@shoreline.example"]


def test_board_profile_form_saves_for_everyone(fresh_register, listen_on):
    import generator as g

    listen_on("127.0.0.1")
    at = router()
    at.switch_page("app_pages/board.py").run()
    assert "shipped example profile" in at.warning[0].value
    at.text_input(key="bp_name_0").input("Shoreline Board of Education")
    at.number_input(key="bp_cure_0").set_value(45)
    at.text_area(key="bp_closures_0").input("2026-12-24\nnot a date")
    at.button[0].click().run()
    assert at.error[0].value.startswith("Extra days the central office is closed, line 2: Input should be")
    assert g.resolve_board()[1] == "example", "an invalid profile was saved"
    at.text_area(key="bp_closures_0").input("2026-12-24")
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert at.success[0].value == "Saved: every page and document now uses Shoreline Board of Education."
    assert not at.warning, "the example banner stayed after saving"
    board, source = g.resolve_board()
    assert (board.name, board.cure_period_days, source) == ("Shoreline Board of Education", 45, "saved")
    assert [d.isoformat() for d in board.closures] == ["2026-12-24"]
    # the next document uses it: a fresh session of the addendum page prints the saved board
    assert router().switch_page("app_pages/check.py").run().session_state["board"].name == board.name


def test_board_yaml_upload_loads_once_and_the_page_then_idles(fresh_register, listen_on, board):
    """The old page called st.rerun() on every pass while the file sat in the uploader (one core
    at 100%); now a YAML fills the form once and a run ends on its own."""
    import generator as g

    listen_on("127.0.0.1")
    at = page("board")
    at.run()
    text = g.board_yaml(board.model_copy(update={"name": "Harbor Board of Education"}))
    at.file_uploader(key="profile_yaml").upload("harbor.yaml", text.encode(), "application/yaml").run()
    assert not at.exception
    assert at.session_state["board_form_version"] == 1
    assert at.text_input(key="bp_name_1").value == "Harbor Board of Education"
    for _ in range(2):  # the file stays in the uploader; the form is not reloaded from it again
        at.run()
        assert "Loaded Harbor Board of Education into the form below" in texts(at)
    assert at.session_state["board_form_version"] == 1, "the same upload was loaded again"
    assert g.resolve_board()[1] == "example", "loading a file must not save it"
    at.file_uploader(key="profile_yaml").set_value(("bad.yaml", b"name: [", "application/yaml")).run()
    assert at.error[0].value.startswith("bad\\.yaml\\: invalid YAML")


def test_a_failing_page_shows_one_line_and_no_traceback(fresh_register, listen_on, monkeypatch):
    import generator as g

    listen_on("127.0.0.1")

    def broken(*_a, **_k):
        raise RuntimeError("/srv/sdpa/secret-path exploded")

    monkeypatch.setattr(g, "resolve_board", broken)
    at = router().run()
    assert not at.exception
    (err,) = at.error
    assert err.value.startswith("Something went wrong on this page (RuntimeError)")
    assert "/srv" not in err.value
    monkeypatch.setattr(g, "resolve_board", lambda *a, **k: (_ for _ in ()).throw(g.ProfileError("board.yaml: key 'name': required")))
    at = router().run()
    assert [e.value for e in at.error] == [g.md_escape("board.yaml: key 'name': required")]


def test_config_hides_error_details():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["address"] == "127.0.0.1"


def _batch_csv(*rows: list[str]) -> bytes:
    import csv as csv_mod
    import io

    out = io.StringIO()
    w = csv_mod.writer(out)
    w.writerow(["vendor_name", "product", "contact_email", "contract_date", "contract_file"])
    w.writerows(rows)
    return out.getvalue().encode()


def _contracts_zip(**files: bytes) -> bytes:
    import io
    import zipfile

    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as z:
        for name, data in files.items():
            z.writestr(name.replace("__", "/"), data)
    return bundle.getvalue()


def _run_batch_page(source: bytes, contracts: bytes) -> AppTest:
    at = page("batch").run()
    at.file_uploader(key="vendors").upload("vendors.csv", source, "text/csv")
    at.file_uploader(key="contracts").upload("contracts.zip", contracts, "application/zip").run()
    assert not at.exception
    return at


def test_batch_with_uploaded_contracts_warns_for_every_unchecked_row(fresh_register):
    from .conftest import FIXTURES

    at = _run_batch_page(_batch_csv(
        ["Gapwell Learning LLC", "Gapwell Math", "legal@gapwell.example", "2026-09-01", "terms/gapwell.txt"],
        ["Missing Files Co", "Ghost", "g@ghost.example", "2026-09-01", "terms/never-sent.pdf"],
        ["No Contract LLC", "Plain", "p@plain.example", "2026-09-01", ""],
        ["Bad Row", "X", "[click](http://evil.example)", "2026-09-01", ""],
    ), _contracts_zip(**{"terms__gapwell.txt": (FIXTURES / "gapwell-terms.txt").read_bytes()}))
    # the row whose contract was not uploaded is counted with the problems before anything runs
    assert at.subheader[0].value == "4 rows: 2 ready, 2 with problems"
    listing = at.markdown[-1].value
    assert "line 5, contact\\_email:" in listing and "](http" not in listing, "CSV text became Markdown"
    assert "line 3, contract\\_file: terms\\/never\\-sent\\.pdf is not among the uploaded contracts" in listing
    at.button(key="generate").click().run()
    assert not at.exception, at.exception
    # a contract that cannot be read rejects its row (errors.csv names it), and the page says which
    assert at.success[0].value == "2 generated (1 with an amendment letter), 2 rejected."
    (warning,) = [w.value for w in at.warning]
    assert warning.startswith("Line 3: the contract terms\\/never\\-sent\\.pdf was not checked (contract\\_file")
    assert "/tmp" not in warning and "input" not in warning


def test_batch_page_never_reads_a_server_file(fresh_register):
    at = _run_batch_page(_batch_csv(
        ["Reader Co", "R", "r@reader.example", "2026-09-01", "/etc/passwd"],
        ["Climber Co", "C", "c@climber.example", "2026-09-01", "../../../../etc/passwd"],
    ), _contracts_zip(**{"unrelated.txt": b"x"}))
    # neither named file is among the uploads: both rows are problems and nothing can run
    assert at.subheader[0].value == "2 rows: 0 ready, 2 with problems"
    assert at.button(key="generate").disabled
    assert "etc\\/passwd is not among the uploaded contracts" in at.markdown[-1].value


def test_batch_from_the_directory(fresh_register, vendor):
    import generator as g
    from generator.records.register import Register

    with Register(fresh_register) as reg:
        g.save_vendor(reg, vendor)
    at = page("batch").run()
    at.multiselect(key="batch_pick").set_value([vendor.name]).run()
    assert "Give the contract date" in at.info[0].value
    import datetime as dt

    at.date_input(key="batch_date").set_value(dt.date(2026, 9, 1)).run()
    assert at.subheader[0].value == "1 rows: 1 ready, 0 with problems"
    at.button(key="generate").click().run()
    assert not at.exception and at.success[0].value.startswith("1 generated")


def test_access_lists_can_be_prepared_before_sign_in_is_on(fresh_register, listen_on):
    import generator as g

    listen_on("127.0.0.1")
    at = page("board").run()
    at.text_area(key="bp_admin_0").input("chief@shoreline.example")
    at.text_area(key="bp_editor_0").input("@shoreline.example\nnot an address")
    at.button[0].click().run()
    assert at.error[0].value.startswith("Who may use the app, editors: ")
    at.text_area(key="bp_editor_0").input("@Shoreline.example")
    at.button[0].click().run()
    assert not at.error, at.error[0].value
    access = g.resolve_board()[0].access
    assert (access.admin, access.editor) == (["chief@shoreline.example"], ["@shoreline.example"])


def test_vendor_directory_on_the_board_page(fresh_register, listen_on):
    import generator as g
    from generator.records.register import Register

    listen_on("127.0.0.1")
    at = page("board").run()
    at.text_input(key="dv_name").input("Harbor Tutoring LLC")
    at.text_input(key="dv_email").input("privacy@harbor.example")
    at.text_input(key="dv_data").input("Student name; Grades")
    at.button[1].click().run()
    assert not at.exception and not at.error
    assert at.success[0].value == "Saved Harbor Tutoring LLC in the vendor directory."
    with Register(fresh_register) as reg:
        saved = g.directory_vendor(reg, "Harbor Tutoring LLC")
    assert saved.data_collected == ["Student name", "Grades"]
    at = page("board").run()  # a new session picks the vendor: the form fills from the directory
    at.selectbox(key="dv_pick").set_value("Harbor Tutoring LLC").run()
    assert at.text_input(key="dv_email").value == "privacy@harbor.example"
    assert at.text_input(key="dv_data").value == "Student name; Grades"
    at.button(key="dv_remove").click().run()
    assert at.success[0].value == "Removed Harbor Tutoring LLC from the directory."
    with Register(fresh_register) as reg:
        assert g.directory_vendors(reg) == []


def test_website_notice_carries_the_execution_date(fresh_register):
    import datetime as dt

    at = page("notices").run()
    at.selectbox(key="kind").set_value("contract-posting").run()
    at.text_input(key="v_name").input("Acme Learning").run()
    assert at.info[0].value == "Enter the date the contract was executed." and not at.code
    at.date_input(key="when_executed").set_value(dt.date(2026, 12, 22)).run()
    # the law's notice states the purpose and the data that may be collected: without them, one line says so
    assert "purpose" in shown(at.error[0].value) and "data_collected" in shown(at.error[0].value) and not at.code
    at.text_input(key="v_purpose").input("Reading practice")
    at.text_input(key="v_data").input("Student name; Reading level").run()
    assert not at.exception and not at.error
    html = at.code[0].value
    assert 'datetime="2026-12-22"' in html and "December 22, 2026" in html
    assert dt.date.today().isoformat() not in html
    assert any("December 30, 2026" in c.value for c in at.caption)  # 5 business days, Christmas skipped


# ---------------------------------------------------------------- vendor picker, redline, register duties (app-c)


def _save_vendors(url: str, *vendors) -> None:
    import generator as g
    from generator.records.register import Register

    with Register(url) as reg:
        for v in vendors:
            g.save_vendor(reg, v)


def test_a_vendor_from_the_directory_fills_the_addendum_form(fresh_register):
    import datetime as dt

    import generator as g

    saved = g.Vendor(name="Quill Writing Co.", product="Quill Essays", contact_email="privacy@quill.example",
                     contact_name="Dana Reyes", signatory_name="Sam Ortiz", signatory_title="President",
                     address="12 Elm Street, Hartford, CT", purpose="Essay feedback for grades 6 to 8",
                     data_collected=["Student name", "Essay drafts kept for a term"],
                     breach_steps="Call the Board's data officer within a day.")
    _save_vendors(fresh_register, saved)
    at = page("addendum").run()
    at.selectbox(key="addendum_pick").set_value("Quill Writing Co.").run()
    assert not at.exception and not at.error
    for field in ("name", "product", "contact_email", "contact_name", "signatory_name", "signatory_title",
                  "address"):
        assert at.text_input(key=field).value == getattr(saved, field), field
    assert at.text_area(key="purpose").value == saved.purpose
    assert at.text_area(key="breach_steps").value == saved.breach_steps
    # a category of the vendor's own wording stays selected beside the page's list
    assert at.multiselect(key="data_collected").value == saved.data_collected
    assert [i.value for i in at.info] == ["Still needed: contract date"]  # one contract's date is not in the directory
    at.date_input(key="contract_date").set_value(dt.date(2026, 9, 1)).run()
    assert not at.info and [b.label for b in at.get("download_button")] == ["Download DOCX"]


def test_a_vendor_from_the_directory_fills_the_notice(fresh_register):
    import generator as g

    _save_vendors(fresh_register, g.Vendor(name="Quill Writing Co.", product="Quill Essays",
                                           purpose="Essay feedback", data_collected=["Student name", "Essays"]))
    at = page("notices").run()
    at.selectbox(key="kind").set_value("contract-posting").run()
    at.selectbox(key="notices_pick").set_value("Quill Writing Co.").run()
    assert (at.text_input(key="v_name").value, at.text_input(key="v_data").value,
            at.text_input(key="v_purpose").value) == ("Quill Writing Co.", "Student name; Essays", "Essay feedback")


def _check_page_with(upload_name: str, data: bytes) -> AppTest:
    at = page("check").run()
    at.file_uploader(key="contract").upload(upload_name, data, "application/octet-stream").run()
    assert not at.exception
    return at


def test_check_page_redlines_a_docx_with_the_picked_vendor(fresh_register, library):
    import generator as g
    from tools.redline_sample import sample_contract

    contract = sample_contract()
    _save_vendors(fresh_register, g.Vendor(name="Northwind Learning Inc.", product="Northwind Tutor",
                                           contact_email="privacy@northwind.example"))
    at = _check_page_with("northwind-terms.docx", contract)
    at.selectbox(key="check_pick").set_value("Northwind Learning Inc.").run()
    assert at.text_input(key="l_email_None").value == "privacy@northwind.example"
    next(b for b in at.button if b.label == "Mark up the vendor's DOCX (tracked changes)").click().run()
    assert not at.exception and not at.error
    expected = g.redline_document(contract, g.Vendor(name="Northwind Learning Inc.", product="Northwind Tutor",
                                                     contact_email="privacy@northwind.example"),
                                  g.load_board(), library=library, name="northwind-terms.docx")
    assert [s.value for s in at.success] == [f"Redline ready: {expected.summary()}."]
    assert "Download the redline (DOCX)" in [b.label for b in at.get("download_button")]


def test_check_page_offers_no_redline_for_a_text_file(fresh_register):
    from .conftest import FIXTURES

    at = _check_page_with("gapwell-terms.txt", (FIXTURES / "gapwell-terms.txt").read_bytes())
    assert "Write the letter" in [b.label for b in at.button]
    assert not [b for b in at.button if b.label.startswith("Mark up")]
    assert any("needs the vendor's contract as a DOCX" in c.value for c in at.caption)


def test_notices_page_annual_deadline_follows_the_register(fresh_register):
    import datetime as dt

    import generator as g
    from generator.records.register import Register

    def deadlines_table(at: AppTest) -> str:
        return at.get("html")[0].proto.body

    today = dt.date.today()
    at = page("notices").run()
    with Register(fresh_register) as reg:
        due, overdue = g.annual_notice_due(reg, today)
    assert g.long_date(due) in deadlines_table(at)
    assert ("overdue: no notice of" in deadlines_table(at)) == overdue
    with Register(fresh_register) as reg:
        g.record_annual_notice(reg, today)
    at.run()
    assert f"September 1, {today.year + 1}" in deadlines_table(at) and "overdue" not in deadlines_table(at)


def test_check_page_letter_tells_staff_when_f_cannot_void_an_older_contract(fresh_register):
    """A contract from before July 1, 2018 lacking an (a) provision: the letter is written, and
    the page tells the board's staff (not the vendor) that counsel decides; renewed since, the
    note still stands and says whether that counts is to confirm."""
    import datetime as dt

    from .conftest import FIXTURES

    at = _check_page_with("gapwell-terms.txt", (FIXTURES / "gapwell-terms.txt").read_bytes())
    at.text_input(key="l_name_None").input("Gapwell Learning LLC")
    at.text_input(key="l_product_None").input("Gapwell Math")
    at.text_input(key="l_email_None").input("legal@gapwell.example")
    at.date_input(key="l_contract_date_None").set_value(dt.date(2017, 5, 1))
    next(b for b in at.button if b.label == "Write the letter").click().run()
    assert not at.exception and not at.error
    assert any("Counsel should decide" in i.value for i in at.info)
    at.date_input(key="l_renewed").set_value(dt.date(2020, 7, 1))
    next(b for b in at.button if b.label == "Write the letter").click().run()
    assert not at.exception and not at.error and at.success
    assert any("Counsel should decide" in i.value and "to confirm" in i.value for i in at.info)


# ---------------------------------------------------------------- the register page: backups, the add form (backups)


def test_register_page_add_form_starts_empty_after_an_add_and_refuses_a_future_date(fresh_register):
    import datetime as dt

    at = page("register").run()
    at.text_input(key="a_vendor").input("Acme Learning")
    at.text_input(key="a_product").input("Reader")
    at.date_input(key="a_executed").set_value(dt.date.today() + dt.timedelta(days=30))
    at.button[0].click().run()
    assert "is after today" in at.error[0].value and at.subheader[1].value == "Contracts (0)"
    assert at.text_input(key="a_vendor").value == "Acme Learning"  # nothing typed is lost
    at.date_input(key="a_executed").set_value(dt.date.today())
    at.button[0].click().run()
    assert not at.exception and at.subheader[1].value == "Contracts (1)"
    assert at.text_input(key="a_vendor").value == "" and at.text_input(key="a_product").value == ""


def test_register_page_builds_the_public_page_only_when_asked(fresh_register, monkeypatch):
    import generator as g

    calls = []
    real = g.publish
    monkeypatch.setattr(g, "publish", lambda *a, **k: calls.append(1) or real(*a, **k))
    at = page("register").run()
    at.run()
    assert calls == []  # views and reruns write no stored file
    at.toggle(key="public_preview").set_value(True).run()
    assert calls == [1] and not at.exception


def test_register_page_exports_a_zip(fresh_register):
    import io
    import zipfile

    at = page("register").run()
    at.selectbox(key="action").set_value("Export the register (backup)").run()
    at.button(key="export").click().run()
    assert not at.exception and not at.error
    data = at.session_state["register_export"]
    assert "manifest.json" in zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_check_page_warns_before_a_notice_on_a_reading_counsel_has_not_confirmed(fresh_register):
    import datetime as dt

    import generator as g
    from generator.records.register import Register

    from .conftest import FIXTURES

    with Register(fresh_register) as reg:
        cid = reg.add_contract(vendor="Gapwell Learning LLC", product="Gapwell Math", executed=dt.date(2026, 9, 1))
    at = _check_page_with("gapwell-terms.txt", (FIXTURES / "gapwell-terms.txt").read_bytes())
    at.selectbox(key="w_contract").set_value(cid).run()
    next(b for b in at.button if b.label == "Record this check on the contract").click().run()
    assert any("counsel has not confirmed" in w.value for w in at.warning)
    next(b for b in at.button if b.label == "Record the notice on the contract").click().run()
    assert not at.exception and not at.error
    with Register(fresh_register) as reg:
        status = g.contract_status(reg.contract(cid), dt.date.today())
    assert status.status == "notice sent" and "awaiting counsel's review" in status.why
    with Register(fresh_register) as reg:
        g.review_check(reg, cid, role="counsel", confirm_rest=True)
    at.run()
    assert not any("counsel has not confirmed" in w.value for w in at.warning)


def test_register_page_refuses_an_event_after_today_and_a_contact_email_that_is_not_one(fresh_register):
    import datetime as dt

    from generator.records.register import Register

    at = page("register").run()
    at.text_input(key="a_vendor").input("Acme Learning")
    at.text_input(key="a_product").input("Reader")
    at.text_input(key="a_email").input("nope")
    at.button[0].click().run()
    assert "Vendor's privacy contact email: 'nope' is not an email address" in shown(at.error[0].value)
    assert at.subheader[1].value == "Contracts (0)" and at.text_input(key="a_email").value == "nope"
    with Register(fresh_register) as reg:
        cid = reg.add_contract(vendor="Acme Learning", product="Reader", executed=dt.date(2026, 9, 1))
    at.selectbox(key="action").set_value("Record an amendment notice").run()
    at.selectbox(key="n_contract").set_value(cid).run()
    assert not any("Counsel has not confirmed" in w.value for w in at.warning)  # no check, nothing to confirm
    at.date_input(key="n_sent").set_value(dt.date.today() + dt.timedelta(days=60))
    next(b for b in at.button if b.label == "Record the notice").click().run()
    assert any(shown(e.value).startswith("Date the amendment notice was sent: ") and "is after today" in e.value
               for e in at.error)
    with Register(fresh_register) as reg:
        assert reg.contract(cid).notices == []
        from .test_review import READING

        reg.record_check(cid, READING, dt.date(2026, 10, 1))
    at.run()
    assert any("Counsel has not confirmed this contract's latest check" in w.value for w in at.warning)
    at.date_input(key="n_sent").set_value(dt.date(2026, 9, 30))  # a day before the check it rests on
    next(b for b in at.button if b.label == "Record the notice").click().run()
    assert any("The notice is dated September 30, 2026, before the check of October 1, 2026" in m.value for m in at.success)


def test_register_page_history_reads_as_words_and_a_review_error_as_the_form_names_it(fresh_register):
    import datetime as dt
    import re

    import generator as g
    from generator.records.register import Register

    from .test_review import READING

    with Register(fresh_register) as reg:
        cid = reg.add_contract(vendor="Readwell", product="Reader", executed=dt.date(2026, 9, 1))
        reg.record_check(cid, READING, dt.date(2026, 10, 1))
        g.review_check(reg, cid, role="counsel", confirm_rest=True,
                       provisions={"security": g.Decision("missing", "no safeguard named")})
    at = page("register").run()
    at.selectbox(key="action").set_value("See the history of a contract").run()
    at.selectbox(key="h_contract").set_value(cid).run()
    history = next(h.proto.body for h in at.get("html") if "History of" in h.proto.body)
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", history, flags=re.S))
    assert "compliant: no" in text and "security partial → missing: no safeguard named" in text
    assert "{" not in text and "False" not in text
    with Register(fresh_register) as reg:
        reg.record_check(cid, {**READING, "document": "terms-v2.pdf", "sha256": "b" * 64},  # a new reading for counsel
                         dt.date(2026, 10, 2))
    at.selectbox(key="action").set_value("Confirm a check (counsel)").run()
    at.selectbox(key="r_contract").set_value(cid).run()
    at.selectbox(key=f"r_{cid}_2_security").set_value("missing")
    next(b for b in at.button if b.label == "Confirm the verdict").click().run()
    assert at.error and not any("--" in e.value for e in at.error)
    assert any("provision security: changing partial to missing needs a reason" in shown(e.value) for e in at.error)


def test_register_page_add_form_has_no_date_until_one_is_given(fresh_register):
    at = page("register").run()
    assert at.date_input(key="a_executed").value is None and at.date_input(key="a_term_end").value is None
    assert not at.warning and not at.exception


def test_the_counsel_form_shows_what_each_reading_rests_on(fresh_register):
    import datetime as dt

    from generator.records.register import Register

    from .test_review import READING

    reading = {**READING, "provisions": [
        {**p, "explanation": "The contractor commits to safeguards for the data.",
         "evidence": [*({"text": f"Duty {n}.", "location": f"§ {n}"} for n in (1, 2, 3)),
                      {"text": "The Vendor encrypts pupil files at rest.", "location": "§ 4, first sentence"}]}
        if p["id"] == "security" else p for p in READING["provisions"]]}
    with Register(fresh_register) as reg:
        cid = reg.add_contract(vendor="Readwell", product="Reader", executed=dt.date(2026, 9, 1))
        reg.record_check(cid, reading, dt.date(2026, 10, 1))
    at = page("register").run()
    at.selectbox(key="action").set_value("Confirm a check (counsel)").run()
    at.selectbox(key="r_contract").set_value(cid).run()
    captions = [c.value.replace("\\", "") for c in at.caption]  # as shown: Markdown's escapes dropped
    assert any("safeguards for the data" in c and "“The Vendor encrypts pupil files at rest.” (§ 4, first sentence)" in c
               for c in captions), captions
