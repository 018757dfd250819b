"""Roles from the board profile, when the app may listen on the network, the saved board profile
and the vendor directory in the register."""

from __future__ import annotations

import pytest

import generator as g
from generator.records.register import Register

from .conftest import ROOT
from .test_register import url  # noqa: F401 - the register on SQLite and on PostgreSQL


@pytest.fixture()
def district(board):
    data = board.model_dump(mode="json")
    data["access"] = {"admin": ["it.lead@shoreline.example"],
                      "editor": ["@shoreline.example", "counsel@lawfirm.example"],
                      "viewer": ["intern@shoreline.example", "@parents.example"]}
    return g.board_from_dict(data)


@pytest.mark.parametrize("email, role", [
    ("it.lead@shoreline.example", "admin"),
    ("it.lead@Shoreline.EXAMPLE", "admin"),          # the domain's case does not matter
    ("IT.Lead@shoreline.example", "editor"),         # the local part is exact: another address of the domain
    (" it.lead@shoreline.example ", "admin"),
    ("it.lead@shoreline.example".replace("i", "\u0130", 1), "editor"),  # dotted capital I is not i
    ("bursar@shoreline.example", "editor"),           # by domain
    ("counsel@lawfirm.example", "editor"),            # by address
    ("partner@lawfirm.example", None),                # the firm's domain is not listed
    ("intern@shoreline.example", "viewer"),           # the address beats its editing domain
    ("guardian@parents.example", "viewer"),
    ("someone@mail.shoreline.example", None),         # a subdomain is another domain
    ("someone@evil-shoreline.example", None),
    ("", None), (None, None), ("no-at-sign", None), ("a@b@shoreline.example", None),
])
def test_role_for(district, email, role):
    assert g.role_for(email, district) == role


def test_a_look_alike_address_never_inherits_a_role(board):
    """The Kelvin sign (U+212A) lower-cases to "k" under Unicode rules; sdpa compares without them."""
    data = board.model_dump(mode="json")
    data["access"] = {"admin": ["kate@shoreline.example"]}
    district = g.board_from_dict(data)
    assert g.role_for("kate@shoreline.example", district) == "admin"
    assert g.role_for("\u212aate@shoreline.example", district) is None
    assert g.role_for("kate@shoreline.e\u212aample", district) is None  # a domain that is not ASCII
    assert g.email_key("\u212aate@Shoreline.Example") == "\u212aate@shoreline.example"


def test_the_deny_list_beats_every_other_list(district):
    data = district.model_dump(mode="json")
    data["access"]["deny"] = ["Bursar@SHORELINE.example", "@parents.example"]
    denied = g.board_from_dict(data)
    assert denied.access.deny == ["Bursar@shoreline.example", "@parents.example"]
    assert g.role_for("Bursar@shoreline.example", denied) is None  # the domain would make them an editor
    assert g.role_for("bursar@shoreline.example", denied) == "editor"  # another local part, another person
    assert g.role_for("guardian@parents.example", denied) is None
    assert g.role_for("it.lead@shoreline.example", denied) == "admin"
    data["access"]["deny"] = ["nobody"]
    with pytest.raises(g.ProfileError, match="access.deny"):
        g.board_from_dict(data, "board.yaml")


@pytest.mark.parametrize("claim, verified", [(True, True), (False, False), ("false", False), ("true", False),
                                             (0, False), (1, False), (None, False), ("", False)])
def test_only_the_boolean_true_verifies_an_address(claim, verified):
    assert g.is_verified(claim) is verified


def test_a_session_lasts_twelve_hours_unless_configured():
    now = 1_800_000_000
    assert not g.session_expired(now - 11 * 3600, now)
    assert g.session_expired(now - 13 * 3600, now)
    assert g.session_expired(now - 3 * 3600, now, hours=2)
    assert g.session_expired(None, now) and g.session_expired("1799999999", now) and g.session_expired(True, now)
    assert g.session_expired(now + 3600, now), "a sign-in from the future"
    assert g.session_hours(None) == g.session_hours("") == 12
    assert g.session_hours("8") == 8
    for bad in ("0", "-1", "a day", "1000"):
        with pytest.raises(g.InputError, match="SDPA_SESSION_HOURS"):
            g.session_hours(bad)


@pytest.mark.parametrize("headers, peer, sign_in, refused", [
    ({}, None, False, False),                                              # no request: the app run in-process
    ({"host": "127.0.0.1:8501"}, None, False, False),
    ({"host": "localhost:8501"}, None, False, False),
    ({"host": "[::1]:8501"}, None, False, False),
    ({"host": "127.0.0.1:8501"}, "10.0.0.7", False, True),                # a visitor from the network
    ({"host": "rebind.attacker.example:8501"}, None, False, True),        # DNS rebinding
    ({"host": "sdpa.district.example"}, None, False, True),               # a reverse proxy's name
    ({"host": "127.0.0.1:8501", "x-forwarded-for": "203.0.113.9"}, None, False, True),  # a proxy keeping the Host
    ({"host": "127.0.0.1:8501", "forwarded": "for=203.0.113.9"}, None, False, True),
    ({"host": ""}, None, False, True),
    ({"host": "a@127.0.0.1"}, None, False, True),
    ({"x-other": "1"}, None, False, True),                                 # a request without a Host
    ({"host": "sdpa.district.example"}, "10.0.0.7", True, False),        # the sign-in's own name
    ({"host": "SDPA.District.Example:443"}, "10.0.0.7", True, False),
    ({"host": "rebind.attacker.example"}, "10.0.0.7", True, True),
    ({"host": "localhost:8501"}, None, True, False),
])
def test_who_may_connect(headers, peer, sign_in, refused):
    problem = g.request_problem(headers, peer, sign_in, allowed=["sdpa.district.example"])
    assert (problem is not None) is refused, problem


def test_allowed_host_patterns():
    assert g.request_problem({"host": "app.district.example"}, "10.0.0.7", True, ["*.district.example"]) is None
    assert g.request_problem({"host": "district.example.evil"}, "10.0.0.7", True, ["*.district.example"])
    assert g.request_problem({"host": "anything.example"}, "10.0.0.7", True, ["*"]) is None


@pytest.mark.parametrize("role, needed, ok", [
    (None, "viewer", False), ("viewer", "viewer", True), ("viewer", "editor", False), ("editor", "editor", True),
    ("editor", "admin", False), ("admin", "admin", True), ("admin", "editor", True), ("owner", "viewer", False),
])
def test_has_role(role, needed, ok):
    assert g.has_role(role, needed) is ok


def test_nobody_has_a_role_in_the_shipped_example(board):
    assert g.role_for("dataprivacy@waterbury.k12.ct.us", board) is None


def test_what_each_role_may_do():
    assert [g.can_edit(r) for r in (None, "viewer", "editor", "admin")] == [False, False, True, True]
    assert [g.can_administer(r) for r in (None, "viewer", "editor", "admin")] == [False, False, False, True]


def test_access_entries_are_checked_and_normalised(board):
    data = board.model_dump(mode="json")
    data["access"] = {"editor": ["Shoreline.example"]}
    assert g.board_from_dict(data).access.editor == ["@shoreline.example"]
    data["access"] = {"editor": ["everyone"]}
    with pytest.raises(g.ProfileError, match="access.editor.*'everyone' is neither an email address nor a domain"):
        g.board_from_dict(data, "board.yaml")
    data["access"] = {"owner": ["a@b.example"]}
    with pytest.raises(g.ProfileError, match="access.owner"):
        g.board_from_dict(data, "board.yaml")


AUTH = {"redirect_uri": "https://sdpa.district.example/oauth2callback", "cookie_secret": "x" * 32}
PROVIDER = {"client_id": "id", "client_secret": "secret",
            "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration"}


def test_auth_provider_reads_the_auth_section():
    assert g.auth_provider(None) is None
    assert g.auth_provider({}) is None
    assert g.auth_provider({**AUTH, **PROVIDER}) == ""
    assert g.auth_provider({**AUTH, "google": PROVIDER}) == "google"
    assert g.auth_provider({**AUTH, "google": {**PROVIDER, "client_secret": ""}}) is None
    assert g.auth_provider({**PROVIDER, "cookie_secret": "x" * 32}) is None  # no redirect_uri
    assert g.auth_provider({**PROVIDER, "redirect_uri": AUTH["redirect_uri"]}) is None  # no cookie secret


@pytest.mark.parametrize("address, local", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("127.0.0.2", True), ("0.0.0.0", False), ("", False),
                                            (None, False), ("10.1.2.3", False), ("::", False),
                                            ("sdpa.district.example", False)])
def test_loopback(address, local):
    assert g.is_loopback(address) is local


def test_listening_beyond_this_computer_needs_sign_in():
    assert g.listen_problem("127.0.0.1", sign_in=False) is None
    assert g.listen_problem("0.0.0.0", sign_in=True) is None
    problem = g.listen_problem("0.0.0.0", sign_in=False)
    assert problem.startswith("sdpa will not serve on 0.0.0.0 without sign-in")
    assert "every network interface" in g.listen_problem("", sign_in=False)


# ---------------------------------------------------------------- the saved profile


@pytest.fixture()
def db_url(fresh_register):
    return fresh_register


def test_profile_resolution_order(db_url, district, tmp_path, monkeypatch):
    assert g.resolve_board()[1] == "example"
    assert not (tmp_path / "register.sqlite3").exists(), "looking for a saved profile created a register"
    with Register(db_url, actor="it.lead@shoreline.example") as reg:
        g.save_board(reg, district.model_copy(update={"name": "Shoreline Board of Education"}))
        assert reg.log()[-1].actor == "it.lead@shoreline.example"
        assert reg.log()[-1].action == "save board profile"
    board, source = g.resolve_board()
    assert (board.name, source) == ("Shoreline Board of Education", "saved")
    assert g.load_board().access.admin == ["it.lead@shoreline.example"]
    monkeypatch.setenv("SDPA_BOARD", str(ROOT / "examples" / "board.example.yaml"))
    assert g.resolve_board()[1] == "file"
    assert g.load_board().name == "Waterbury Board of Education"
    assert g.load_board(ROOT / "examples" / "board.example.yaml", register_url=db_url).name == "Waterbury Board of Education"


def test_the_newest_saved_profile_wins_and_database_is_never_saved(db_url, board):
    with Register(db_url) as reg:
        assert g.saved_board(reg) is None
        g.save_board(reg, board.model_copy(update={"name": "First Board", "database": "/elsewhere.db"}))
        g.save_board(reg, board.model_copy(update={"name": "Second Board"}))
        saved = g.saved_board(reg)
    assert saved.name == "Second Board" and saved.database == ""


def test_board_yaml_round_trip_and_errors(board):
    text = g.board_yaml(board)
    assert "database" not in text
    again = g.board_from_yaml(text.encode("utf-8"), "exported.yaml")
    assert again == board.model_copy(update={"database": ""})
    with pytest.raises(g.ProfileError, match=r"^upload.yaml: invalid YAML"):
        g.board_from_yaml("name: [unclosed", "upload.yaml")
    with pytest.raises(g.ProfileError, match=r"^upload.yaml: not UTF-8 text"):
        g.board_from_yaml(b"\xff\xfe\x00name", "upload.yaml")
    with pytest.raises(g.ProfileError, match=r"^upload.yaml: .*website"):
        g.board_from_yaml("name: A Board\nprivacy_officer: {name: X}\nsignatory: {name: Y}\n", "upload.yaml")


# ---------------------------------------------------------------- the vendor directory


def test_vendor_directory(url, vendor):  # noqa: F811
    with Register(url, actor="buyer@shoreline.example") as reg:
        assert g.directory_vendors(reg) == []
        g.save_vendor(reg, vendor)
        kept = g.directory_vendor(reg, vendor.name)
        assert kept.contact_email == vendor.contact_email and kept.purpose == vendor.purpose
        assert kept.contract_date is None and kept.contract_file == ""  # one contract's details are not kept
        g.save_vendor(reg, vendor.model_copy(update={"contact_email": "new@vendor.example"}))
        assert [v.contact_email for v in g.directory_vendors(reg)] == ["new@vendor.example"]
        g.save_vendor(reg, vendor.model_copy(update={"name": "Another Vendor"}))
        assert [v.name for v in g.directory_vendors(reg)] == sorted(["Another Vendor", vendor.name])
        g.remove_vendor(reg, "Another Vendor")
        with pytest.raises(g.VendorError, match="^Another Vendor: not in the vendor directory"):
            g.directory_vendor(reg, "Another Vendor")
        with pytest.raises(g.VendorError, match="not in the vendor directory"):
            g.remove_vendor(reg, "Another Vendor")
        actions = [(e.actor, e.action) for e in reg.log()]
    assert actions == [("buyer@shoreline.example", "add vendor to directory"),
                       ("buyer@shoreline.example", "update vendor in directory"),
                       ("buyer@shoreline.example", "add vendor to directory"),
                       ("buyer@shoreline.example", "remove vendor from directory")]


def test_the_start_check_reads_the_secrets_file(tmp_path, capsys):
    from generator.records.access import main

    secrets = tmp_path / "secrets.toml"
    assert main(["0.0.0.0", str(secrets)]) == 2  # no file: no sign-in
    assert "sdpa will not serve on 0.0.0.0 without sign-in" in capsys.readouterr().err
    assert main(["127.0.0.1", str(secrets)]) == 0
    lines = [f'{k} = "{v}"' for k, v in {**AUTH, **PROVIDER}.items()]
    secrets.write_text("[auth]\n" + "\n".join(lines) + "\n")
    assert main(["0.0.0.0", str(secrets)]) == 0
    secrets.write_text("[auth\n")
    assert main(["0.0.0.0", str(secrets)]) == 2
    assert "not a readable secrets file" in capsys.readouterr().err


def test_an_older_register_gains_the_new_tables(fresh_register, board):
    """A register made before migration 0003 is upgraded when it is next opened."""
    from sqlalchemy import inspect

    from .conftest import downgrade_register

    with Register(fresh_register) as reg:
        reg.add_contract(vendor="Kept Vendor", product="Kept")
        downgrade_register(reg.engine, "0001")
        assert "board_profiles" not in inspect(reg.engine).get_table_names()
    with Register(fresh_register) as reg:
        g.save_board(reg, board)
        assert g.saved_board(reg).name == board.name
        assert [c.vendor.name for c in reg.contracts()] == ["Kept Vendor"]


def test_the_next_document_prints_the_saved_board(fresh_register, board, vendor):
    from .conftest import docx_text

    with Register(fresh_register) as reg:
        g.save_board(reg, board.model_copy(update={"name": "Shoreline Board of Education"}))
    text = docx_text(g.render_addendum(vendor, g.load_board()))
    assert "Shoreline Board of Education" in text and "Waterbury Board of Education" not in text
