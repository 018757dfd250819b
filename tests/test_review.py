"""Counsel's review: a check is a reading until counsel confirms it, provision by provision; what
acts on a verdict (the register's status, the letter) follows the confirmed one; "void" is
recorded only by counsel, after the cure date, with the contract's date and a reason."""

from __future__ import annotations

from datetime import date

import pytest
from typer.testing import CliRunner

from generator.cli.commands import app
from generator.records.database import RegisterError
from generator.records.register import Register
from generator.records.review import Decision, confirmed_report, record_dates, record_void, review_check
from generator.records.status import contract_status

from .test_register import fresh_url

runner = CliRunner()
D = date.fromisoformat

READING = {"library_version": "x", "compliant": False, "document": "terms.pdf", "sha256": "a" * 64,
           "provisions": [{"id": "ownership", "number": 1, "title": "Student data is not the contractor's",
                           "status": "present", "confidence": "high"},
                          {"id": "security", "number": 5, "title": "Security and confidentiality", "status": "partial",
                           "confidence": "low"},
                          {"id": "governing_law", "number": 9, "title": "Connecticut law governs", "status": "missing",
                           "confidence": "high"}],
           "conflicts": [{"kind": "advertising", "provision": "no_advertising", "text": "We may show ads.",
                          "location": "page 2", "explanation": "advertising"}]}


@pytest.fixture(params=["sqlite", "postgresql"])
def reg(request, tmp_path):
    with Register(fresh_url(request.param, tmp_path), actor="lee.counsel@district.example") as r:
        yield r


def _checked(reg: Register, executed: str = "2019-03-01") -> int:
    cid = reg.add_contract(vendor="Readwell", product="Reader", executed=D(executed))
    reg.record_check(cid, READING, D("2027-01-04"))
    return cid


def test_an_editor_cannot_confirm_and_the_reading_awaits_review(reg):
    cid = _checked(reg)
    with pytest.raises(RegisterError, match="only counsel or an administrator"):
        review_check(reg, cid, role="editor", confirm_rest=True)
    st = contract_status(reg.contract(cid), D("2027-01-05"))
    assert st.status == "awaiting review" and "not present: 5. Security and confidentiality; 9." in st.why
    assert confirmed_report(reg.contract(cid)) is None


def test_counsel_confirms_and_changes_with_reasons_beside_the_reading(reg):
    cid = _checked(reg)
    with pytest.raises(RegisterError, match="needs a reason"):
        review_check(reg, cid, role="counsel", provisions={"security": Decision("present")}, confirm_rest=True)
    with pytest.raises(RegisterError, match="not yet decided: .*governing_law"):
        review_check(reg, cid, role="counsel", provisions={"security": Decision("partial")})
    review_check(reg, cid, role="counsel", confirm_rest=True,
                 provisions={"security": Decision("present", "§ 4 encrypts at rest and in transit"),
                             "governing_law": Decision("missing")},
                 conflicts={1: Decision("conflicts")})
    c = reg.contract(cid)
    report = confirmed_report(c)
    assert {p["id"]: (p["reading"], p["status"]) for p in report["provisions"]} == {
        "ownership": ("present", "present"), "security": ("partial", "present"),
        "governing_law": ("missing", "missing")}
    assert report["confirmed_by"] == "lee.counsel@district.example" and len(report["conflicts"]) == 1
    st = contract_status(c, D("2027-01-05"))
    assert st.status == "gaps found" and "not present: 9. Connecticut law governs" in st.why
    assert "Security" not in st.why
    line = reg.log(cid)[-1]
    assert line.action == "confirm check" and line.actor == "lee.counsel@district.example"
    assert "encrypts" in line.details["changed"]["security"]


def test_a_newer_check_is_a_new_reading(reg):
    cid = _checked(reg)
    review_check(reg, cid, role="admin", confirm_rest=True)
    reg.record_check(cid, {**READING, "document": "terms-amended.pdf", "sha256": "b" * 64},  # the vendor's new version
                     D("2027-02-01"))
    assert contract_status(reg.contract(cid), D("2027-02-02")).status == "awaiting review"


def test_void_only_by_counsel_after_the_cure_date_with_a_reason(reg):
    cid = _checked(reg)
    review_check(reg, cid, role="counsel", confirm_rest=True)
    reg.record_notice(cid, D("2027-01-13"), D("2027-02-16"))
    with pytest.raises(RegisterError, match="only by counsel"):
        reg.record_outcome(cid, "void", D("2027-02-17"))
    with pytest.raises(RegisterError, match="only counsel"):
        record_void(reg, cid, role="editor", when=D("2027-02-17"), reason="still no governing law")
    with pytest.raises(RegisterError, match="has not passed"):
        record_void(reg, cid, role="counsel", when=D("2027-02-16"), reason="still no governing law")
    with pytest.raises(RegisterError, match="reason"):
        record_void(reg, cid, role="counsel", when=D("2027-02-17"), reason=" ")
    assert contract_status(reg.contract(cid), D("2027-02-17")).status == "cure date passed — counsel to decide"
    record_void(reg, cid, role="counsel", when=D("2027-02-17"), reason="still no governing law")
    st = contract_status(reg.contract(cid), D("2027-02-18"))
    assert st.status == "void" and "lee.counsel@district.example" in st.why and "still no governing law" in st.why


def test_void_needs_the_execution_date_on_file(reg):
    cid = reg.add_contract(vendor="Undated", product="P")
    reg.record_check(cid, READING, D("2027-01-04"))
    review_check(reg, cid, role="counsel", confirm_rest=True)
    reg.record_notice(cid, D("2027-01-13"), D("2027-02-16"))
    with pytest.raises(RegisterError, match="date it was executed"):
        record_void(reg, cid, role="counsel", when=D("2027-03-01"), reason="x")


def test_void_is_refused_when_counsel_found_nothing_lacking(reg):
    cid = _checked(reg)
    review_check(reg, cid, role="counsel", conflicts={1: Decision("no conflict", "§ 3 bars ads to students")},
                 provisions={"security": Decision("present", "§ 4 encrypts data"),
                             "governing_law": Decision("present", "§ 12 chooses Connecticut law")},
                 confirm_rest=True)
    reg.record_notice(cid, D("2027-01-13"), D("2027-02-16"))
    with pytest.raises(RegisterError, match="finds nothing lacking"):
        record_void(reg, cid, role="counsel", when=D("2027-03-01"), reason="not amended")


def test_void_is_refused_for_a_contract_from_before_july_2018_unless_renewed_since(reg):
    cid = _checked(reg, executed="2017-05-01")
    review_check(reg, cid, role="counsel", confirm_rest=True)
    reg.record_notice(cid, D("2027-01-13"), D("2027-02-16"))
    with pytest.raises(RegisterError, match="before July 1, 2018"):
        record_void(reg, cid, role="counsel", when=D("2027-03-01"), reason="not amended")
    # renewed since: whether that brings it under the rule is counsel's call, and counsel may record it
    record_dates(reg, cid, renewed=D("2019-08-01"))
    record_void(reg, cid, role="counsel", when=D("2027-03-01"), reason="renewed in 2019; counsel holds (f) applies")
    assert contract_status(reg.contract(cid), D("2027-03-02")).status == "void"


def test_cli_review_and_void(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    board = tmp_path / "board.yaml"
    from .conftest import ROOT

    text = (ROOT / "examples" / "board.example.yaml").read_text(encoding="utf-8")
    board.write_text(text + "access:\n  editor: [pat@district.example]\n  counsel: [lee@district.example]\n",
                     encoding="utf-8")
    import generator as g

    with Register(url) as reg:
        g.save_board(reg, g.read_board_file(board))  # the roles that count: the register's own profile
        cid = _checked(reg)
        reg.record_notice(cid, D("2027-01-13"), D("2027-02-16"))
    args = ["--db", url]
    monkeypatch.setenv("SDPA_USER", "pat@district.example")
    res = runner.invoke(app, ["register", "review", str(cid), "--confirm-rest", *args])
    assert res.exit_code != 0 and "only counsel" in res.output
    # a profile file of one's own, listing nobody (so its one user would be admin), changes nothing
    anyone = tmp_path / "mine.yaml"
    anyone.write_text(text, encoding="utf-8")
    res = runner.invoke(app, ["register", "review", str(cid), "--confirm-rest", *args, "--board", str(anyone)])
    assert res.exit_code != 0 and "only counsel" in res.output
    listing = runner.invoke(app, ["register", "review", str(cid), *args]).stdout.splitlines()
    assert listing[0].startswith("security")  # the low-confidence reading comes first
    monkeypatch.setenv("SDPA_USER", "lee@district.example")
    res = runner.invoke(app, ["register", "review", str(cid), "--provision",
                              "governing_law=partial:names Connecticut courts but not its law",
                              "--conflict", "1=no conflict:ads only to teachers", "--confirm-rest", *args])
    assert res.exit_code == 0, res.output
    assert "not present: 5. Security and confidentiality; 9. Connecticut law governs" in res.stdout and "0 conflicting" in res.stdout
    res = runner.invoke(app, ["register", "void", str(cid), "--reason", "x", "--date", "2027-02-16", *args])
    assert res.exit_code != 0 and "has not passed" in res.output
    res = runner.invoke(app, ["register", "void", str(cid), "--reason", "not amended", "--date", "2027-02-17", *args])
    assert res.exit_code == 0, res.output
    show = runner.invoke(app, ["register", "show", str(cid), "--today", "2027-02-18", *args]).stdout
    assert "status: void" in show and "reading missing  confirmed partial" in show


def test_posting_is_tracked_from_the_board_profiles_date(reg, board):
    from generator.records.status import due_items

    old = reg.add_contract(vendor="Oldway", product="P", executed=D("2017-05-01"))
    new = reg.add_contract(vendor="Newway", product="P", executed=D("2019-05-01"))
    posting = {i.contract_id for i in due_items(reg, D("2027-01-05"), board) if "post notice of the executed" in i.what}
    assert posting == {new}  # the default: from July 1, 2018
    earlier = board.model_copy(update={"posting_from": D("2016-10-01")})
    posting = {i.contract_id for i in due_items(reg, D("2027-01-05"), earlier) if "post notice of the executed" in i.what}
    assert posting == {old, new}


# ---------------------------------------------------------------- the public page as the policy asks


def _listed(reg: Register, **extra) -> int:
    fields = {"vendor": "Readwell", "product": "Reader", "executed": D("2019-03-01"), "description": "reading app",
              "purpose": "reading practice", "data_categories": ["name", "reading level"], **extra}
    return reg.add_contract(**fields)


def test_publish_refuses_a_contract_without_purpose_or_data_unless_draft(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    with Register(url) as reg:
        _listed(reg)
        bare = _listed(reg, vendor="Bare Co", purpose="")
    res = runner.invoke(app, ["register", "publish", "--out", str(tmp_path / "site"), "--db", url])
    assert res.exit_code == 2 and f"contract {bare} (Bare Co, Reader): purpose is missing" in res.output
    assert not (tmp_path / "site" / "index.html").exists()
    res = runner.invoke(app, ["register", "publish", "--out", str(tmp_path / "site"), "--db", url, "--draft"])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "site" / "index.html").read_text()
    assert "DRAFT" in page and "[to complete: purpose]" in page


def test_the_page_states_what_the_policy_asks_and_nothing_it_cannot_back(tmp_path, board):
    from generator.records.publish import publish

    signed = tmp_path / "signed.pdf"
    signed.write_bytes(b"%PDF-1.4 signed")
    with Register(f"sqlite:///{tmp_path / 'r.sqlite3'}", actor="lee") as reg:
        linked = _listed(reg, file=signed)
        _listed(reg, vendor="Held Back", withheld_reason="redacted copy pending")
        gone = _listed(reg, vendor="Gone Void", file=signed)
        reg.record_posting(linked, D("2019-03-04"))
        reg.record_check(gone, READING, D("2027-01-04"))
        review_check(reg, gone, role="counsel", confirm_rest=True)
        reg.record_notice(gone, D("2027-01-13"), D("2027-02-16"))
        record_void(reg, gone, role="counsel", when=D("2027-02-17"), reason="not amended")
        hostile = board.model_copy(update={"contracts_page": "javascript:alert(1)"})
        page = publish(reg, tmp_path / "site", hostile, D("2027-03-01"))[0].read_text()
        files = sorted(p.name for p in (tmp_path / "site" / "contracts").iterdir())
        assert files == [f"{linked}-Readwell.pdf", f"{gone}-Gone-Void.pdf"]
        reg.update_contract(gone, withheld_reason="void: no longer posted")
        publish(reg, tmp_path / "site", board, D("2027-03-01"))
        assert sorted(p.name for p in (tmp_path / "site" / "contracts").iterdir()) == [f"{linked}-Readwell.pdf"]
    assert "reading practice" in page and "reading level" in page and "March 1, 2019" in page
    assert "Not posted: redacted copy pending" in page and f'href="contracts/{linked}-Readwell.pdf"' in page
    assert "Void since February 17, 2027" in page
    assert "within five business days" not in page  # two contracts have no posting recorded
    # the public sees the posting date where it is recorded, and never the board's own to-do
    assert "notice posted March 4, 2019" in page and "not yet recorded" not in page
    import re

    text = re.sub(r"<[^>]+>", "", page)  # what a reader sees
    assert "shown beside its execution date" in text and "updated March 1, 2027" in text
    assert 'href="javascript' not in page  # the profile's script address is text, never a link


def test_publish_never_overwrites_a_page_it_did_not_write(tmp_path, board):
    from generator import InputError
    from generator.records.publish import publish

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html>the board's home page</html>")
    with Register(f"sqlite:///{tmp_path / 'r.sqlite3'}") as reg:
        _listed(reg)
        with pytest.raises(InputError, match="sdpa did not write"):
            publish(reg, site, board, D("2027-03-01"))
    assert (site / "index.html").read_text() == "<html>the board's home page</html>"


def test_the_cli_letter_follows_counsels_verdict_on_the_same_document(tmp_path):
    from generator import check_contract, default_library, read_document

    from .conftest import FIXTURES, docx_text

    contract = FIXTURES / "gapwell-terms.txt"
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    with Register(url, actor="lee@district.example") as reg:
        cid = reg.add_contract(vendor="Gapwell Learning LLC", product="Gapwell Math", executed=D("2019-03-01"))
        report = check_contract(read_document(contract), default_library())
        reg.record_check(cid, report.model_dump(mode="json"), D("2027-01-04"))
    args = ["letter", "amendment", str(contract), "--vendor", str(FIXTURES / "gapwell-vendor.json"),
            "--contract-date", "2019-03-01", "--date", "2027-01-13", "--register-contract", str(cid), "--db", url]
    res = runner.invoke(app, [*args, "--out", str(tmp_path / "draft.docx")])
    assert res.exit_code == 0 and "DRAFT" in res.stdout
    assert "DRAFT — not confirmed by counsel" in docx_text(tmp_path / "draft.docx")
    with Register(url, actor="lee@district.example") as reg:
        review_check(reg, cid, role="counsel", confirm_rest=True,
                     provisions={"governing_law": Decision("present", "§ 12 chooses Connecticut law")})
    res = runner.invoke(app, [*args, "--out", str(tmp_path / "final.docx")])
    assert res.exit_code == 0 and "confirmed by lee@district.example" in res.stdout
    final = docx_text(tmp_path / "final.docx")
    assert "DRAFT" not in final and "Connecticut law governs" not in final and "Review and correction" in final


def test_the_example_registers_page_backs_everything_it_shows(tmp_path):
    """examples/contracts.csv imported and published (not a draft): every contract shows its
    purpose, its data categories and the contract or the reason it is withheld."""
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    from .conftest import ROOT

    assert runner.invoke(app, ["register", "import", str(ROOT / "examples" / "contracts.csv"), "--db", url]).exit_code == 0
    res = runner.invoke(app, ["register", "publish", "--out", str(tmp_path / "site"), "--db", url,
                              "--today", "2027-01-05"])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "site" / "index.html").read_text()
    import csv as csv_module

    text = (ROOT / "examples" / "contracts.csv").read_text(encoding="utf-8")
    rows = list(csv_module.DictReader(text.splitlines()))
    for row in rows:
        assert row["purpose"] in page
        assert all(x.strip() in page for x in row["data_collected"].split(";"))
    assert "Not posted: redacted copy pending review by counsel" in page and 'href="contracts/1-Gapwell' in page
    assert "Ended on June 30, 2023" in page and "within five business days" not in page


def test_the_cli_letter_takes_the_contracts_dates_from_the_register(tmp_path):
    from .conftest import FIXTURES, docx_text

    contract = FIXTURES / "gapwell-terms.txt"
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    with Register(url, actor="lee@district.example") as reg:
        cid = reg.add_contract(vendor="Gapwell Learning LLC", product="Gapwell Math", executed=D("2017-05-01"))
    args = ["letter", "amendment", str(contract), "--vendor", str(FIXTURES / "gapwell-vendor.json"),
            "--date", "2027-01-13", "--register-contract", str(cid), "--db", url]
    res = runner.invoke(app, [*args, "--out", str(tmp_path / "l.docx")])
    assert res.exit_code == 0, res.output
    text = docx_text(tmp_path / "l.docx")
    assert "dated May 1, 2017" in text and "void under" not in text  # the register's 2017 date, so no (f) claim
    res = runner.invoke(app, [*args, "--contract-date", "2019-03-01", "--out", str(tmp_path / "m.docx")])
    assert res.exit_code == 0 and "differs from the register's 2017-05-01" in res.output


# ---------------------------------------------------------------- a notice on a reading counsel has not confirmed


def test_a_notice_on_an_unconfirmed_check_keeps_counsels_review_in_view(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    with Register(url) as reg:
        cid = reg.add_contract(vendor="Readwell", product="Reader", executed=D("2019-03-01"))
        reg.record_check(cid, READING, D("2026-10-20"))
    args = ["--db", url]
    early = runner.invoke(app, ["register", "record", "notice", str(cid), "--sent", "2026-10-19", *args])
    assert early.exit_code == 0, early.output  # recorded, but the command line says what to check first
    assert "Counsel has not confirmed this contract's latest check" in early.stderr
    assert "The notice is dated October 19, 2026, before the check of October 20, 2026" in early.stderr
    with Register(url) as reg:
        reg.record_outcome(cid, "withdrawn", D("2026-10-21"))  # the slip undone
    res = runner.invoke(app, ["register", "record", "notice", str(cid), "--sent", "2026-11-02", *args])
    assert res.exit_code == 0, res.output
    assert "Counsel has not confirmed" in res.stderr and "before the check" not in res.stderr
    show = runner.invoke(app, ["register", "show", str(cid), "--today", "2026-11-20", *args]).stdout
    assert "status: notice sent" in show and "awaiting counsel's review" in show
    due = runner.invoke(app, ["register", "due", "--today", "2026-11-20", *args]).stdout
    assert "counsel to confirm the check" in due
    listed = runner.invoke(app, ["register", "list", "--today", "2027-03-01", *args]).stdout
    assert "cure date passed" in listed and "awaiting counsel's review" in listed
    # once counsel confirms, the item goes and the status no longer says so
    with Register(url) as reg:
        review_check(reg, cid, role="counsel", confirm_rest=True)
    due = runner.invoke(app, ["register", "due", "--today", "2026-11-20", *args]).stdout
    assert "counsel to confirm the check" not in due and "vendor must amend" in due
    show = runner.invoke(app, ["register", "show", str(cid), "--today", "2026-11-20", *args]).stdout
    assert "status: notice sent" in show and "awaiting counsel" not in show


def test_items_stored_by_an_older_version_are_derived_again(tmp_path):
    from sqlalchemy import delete, update

    from generator.records.tables import DueRow, DueStateRow

    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    with Register(url) as reg:
        cid = _checked(reg)
        reg.record_notice(cid, D("2027-01-13"), D("2027-02-16"))
        runner.invoke(app, ["register", "due", "--db", url])  # the items are stored
        with reg.session() as s, s.begin():  # as the version before this one left them
            s.execute(delete(DueRow).where(DueRow.what.startswith("counsel to confirm")))
            s.execute(update(DueStateRow).values(basis=""))
    due = runner.invoke(app, ["register", "due", "--today", "2027-01-20", "--db", url]).stdout
    assert "counsel to confirm the check" in due


# ---------------------------------------------------------------- the command line checks the role before a write


def test_the_cli_checks_the_editor_and_admin_roles_before_writing(tmp_path, monkeypatch):
    from .conftest import ROOT

    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    profile = tmp_path / "board.yaml"
    profile.write_text((ROOT / "examples" / "board.example.yaml").read_text(encoding="utf-8")
                       + "access:\n  admin: [ada@district.example]\n  editor: [pat@district.example]\n"
                         "  viewer: [vic@district.example]\n", encoding="utf-8")
    args = ["--db", url]
    monkeypatch.setenv("SDPA_USER", "anyone@else.example")
    assert runner.invoke(app, ["board", "import", str(profile), *args]).exit_code == 0  # none saved yet: allowed
    csv = tmp_path / "contracts.csv"
    csv.write_text("vendor_name,product\nViewer Co,X\n", encoding="utf-8")
    writes = [["register", "add", "--vendor", "Viewer Co", "--product", "X"],
              ["register", "import", str(csv)],
              ["register", "record", "posting", "1", "--date", "2026-09-03"],
              ["register", "record", "annual-notice", "--sent", "2026-08-20"],
              ["register", "publish", "--out", str(tmp_path / "site"), "--draft"],
              ["register", "offer", "1", "--date", "2026-09-05"]]
    for who in ("vic@district.example", "anyone@else.example"):
        monkeypatch.setenv("SDPA_USER", who)
        for command in writes:
            res = runner.invoke(app, [*command, *args])
            assert res.exit_code == 2, command
            assert res.stderr.startswith("sdpa: error: only an editor, counsel or an administrator can "), command
        res = runner.invoke(app, ["board", "import", str(profile), *args])
        assert res.exit_code == 2 and "only an administrator can save the board profile" in res.stderr
    assert runner.invoke(app, ["register", "list", "--db", url]).stderr.strip() == "the register holds no contract"
    monkeypatch.setenv("SDPA_USER", "pat@district.example")
    assert runner.invoke(app, ["register", "add", "--vendor", "Editor Co", "--product", "Y", *args]).exit_code == 0
    assert runner.invoke(app, ["board", "import", str(profile), *args]).exit_code == 2
    monkeypatch.setenv("SDPA_USER", "ada@district.example")
    assert runner.invoke(app, ["board", "import", str(profile), *args]).exit_code == 0


def test_only_an_administrator_of_the_first_board_adds_a_board_or_moves_a_district_in(tmp_path, monkeypatch):
    from .conftest import ROOT

    url = f"sqlite:///{tmp_path / 'region.sqlite3'}"
    profile = tmp_path / "region.yaml"
    profile.write_text((ROOT / "examples" / "board.example.yaml").read_text(encoding="utf-8")
                       + "access:\n  admin: [ada@region.example]\n  editor: [pat@region.example]\n", encoding="utf-8")
    monkeypatch.setenv("SDPA_USER", "ada@region.example")
    assert runner.invoke(app, ["board", "import", str(profile), "--db", url]).exit_code == 0
    district = f"sqlite:///{tmp_path / 'district.sqlite3'}"
    with Register(district) as reg:
        reg.add_contract(vendor="Acme Learning", product="Reader")
    backup = tmp_path / "district.zip"
    assert runner.invoke(app, ["register", "export", "--db", district, "--out", str(backup)]).exit_code == 0
    monkeypatch.setenv("SDPA_USER", "pat@region.example")  # an editor of board 1
    for command in (["board", "add", "Hillside Board of Education"],
                    ["board", "import-register", str(backup), "--name", "Shoreline Board of Education"]):
        res = runner.invoke(app, [*command, "--db", url])
        assert res.exit_code == 2 and "only an administrator can add a board" in res.stderr, command
    assert len(runner.invoke(app, ["board", "list", "--db", url]).output.splitlines()) == 1  # board 1 alone
    monkeypatch.setenv("SDPA_USER", "ada@region.example")
    assert runner.invoke(app, ["board", "add", "Hillside Board of Education", "--db", url]).exit_code == 0
    res = runner.invoke(app, ["board", "import-register", str(backup), "--name", "Shoreline Board of Education",
                              "--db", url])
    assert res.exit_code == 0, res.output


def test_a_letter_says_why_it_is_a_draft(tmp_path):
    from generator import check_contract, read_document

    from .conftest import FIXTURES

    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    confirmed = FIXTURES / "gapwell-terms.txt"
    other = tmp_path / "gapwell-terms-v2.txt"
    other.write_text(confirmed.read_text(encoding="utf-8") + "\nA later page of the same terms.\n", encoding="utf-8")
    with Register(url) as reg:
        cid = reg.add_contract(vendor="Gapwell Learning LLC", product="Gapwell Math", executed=D("2019-05-01"))
        reg.record_check(cid, check_contract(read_document(confirmed)).model_dump(mode="json"), D("2026-10-20"))
    args = ["letter", "amendment", "--vendor", str(FIXTURES / "gapwell-vendor.json"), "--date", "2027-01-13",
            "--register-contract", str(cid), "--db", url]
    res = runner.invoke(app, [*args, str(confirmed), "--out", str(tmp_path / "a.docx")])
    assert f"DRAFT: counsel has not confirmed contract {cid}'s latest check (of 2026-10-20)" in res.output
    with Register(url) as reg:
        review_check(reg, cid, role="counsel", confirm_rest=True)
    res = runner.invoke(app, [*args, str(confirmed), "--out", str(tmp_path / "b.docx")])
    assert "(confirmed by" in res.output and "DRAFT" not in res.output
    res = runner.invoke(app, [*args, str(other), "--out", str(tmp_path / "c.docx")])
    assert res.exit_code == 0, res.output
    assert "but of another file: this one" in res.output and "record a check of it" in res.output


def test_recording_the_same_reading_again_keeps_counsels_confirmation(reg):
    cid = _checked(reg)
    review_check(reg, cid, role="counsel", confirm_rest=True,
                 provisions={"security": Decision("present", "§ 4 encrypts at rest and in transit")})
    for again in (READING, {**READING, "document": "terms (1).pdf"}):  # the same bytes, whatever the file is called
        with pytest.raises(RegisterError, match="already has this check, recorded January 4, 2027, and counsel has "
                                                "confirmed it.*Nothing was recorded, so counsel's confirmation stands"):
            reg.record_check(cid, again, D("2027-01-09"))
    c = reg.contract(cid)
    assert len(c.checks) == 1 and confirmed_report(c) is not None
    assert contract_status(c, D("2027-01-10")).status != "awaiting review"
    # a new version of the document (or a new reading) is a new check, awaiting counsel
    reg.record_check(cid, {**READING, "document": "terms-v2.pdf", "sha256": "c" * 64}, D("2027-01-09"))
    c = reg.contract(cid)
    assert len(c.checks) == 2 and confirmed_report(c) is None
    assert contract_status(c, D("2027-01-10")).status == "awaiting review"


def test_two_people_recording_the_same_check_at_once_store_it_once(tmp_path, monkeypatch):
    """On PostgreSQL the contract's row is locked while a check is compared with its latest one, so
    the second writer waits and is refused. The first writer's transaction is held open (a pause
    after its log line) so that the second one starts while it is still uncommitted."""
    import threading
    import time

    url = fresh_url("postgresql", tmp_path)
    with Register(url) as reg:
        cid = reg.add_contract(vendor="Readwell", product="Reader", executed=D("2019-03-01"))
    logged = Register.log_change

    def held_open(self, *args, **kwargs):
        logged(self, *args, **kwargs)
        time.sleep(1.0)

    monkeypatch.setattr(Register, "log_change", held_open)
    said = []

    def record() -> None:
        try:
            with Register(url) as r:
                said.append(r.record_check(cid, READING, D("2027-01-04")))
        except RegisterError as exc:
            said.append(str(exc))

    writers = [threading.Thread(target=record) for _ in range(2)]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    monkeypatch.setattr(Register, "log_change", logged)
    with Register(url) as reg:
        assert len(reg.contract(cid).checks) == 1
    assert sum(isinstance(x, str) and "already has this check" in x for x in said) == 1, said
