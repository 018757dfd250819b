"""The contracts register, on SQLite and on a real PostgreSQL server: status, what is due, the
public page, export/import between the two, and two writers at once."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from datetime import date

import html5lib
import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from generator.cli.commands import app
from generator.records.backup import export_register, import_register
from generator.records.database import RegisterError
from generator.records.publish import publish
from generator.records.register import Register
from generator.records.status import contract_status, due_items
from generator.records.tables import Base, ContractRow, LogRow

runner = CliRunner()
D = date.fromisoformat
PG = os.environ.get("SDPA_TEST_POSTGRES_URL", "")


def fresh_url(kind: str, tmp_path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'register.sqlite3'}"
    if not PG:
        if os.environ.get("CI"):
            pytest.fail("SDPA_TEST_POSTGRES_URL is not set; .ci/run starts PostgreSQL and sets it")
        pytest.skip("no PostgreSQL server (set SDPA_TEST_POSTGRES_URL)")
    from sqlalchemy import create_engine

    import generator.records.duties  # noqa: F401  (its tables are on the same Base)

    engine = create_engine(PG)
    with engine.begin() as conn:
        Base.metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    return PG


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    return fresh_url(request.param, tmp_path)


@pytest.fixture()
def reg(url):
    with Register(url, actor="tester") as r:
        yield r


def test_posting_due_then_overdue(reg, board):
    from generator.records.duties import record_annual_notice

    record_annual_notice(reg, D("2026-08-20"))
    reg.add_contract(vendor="Acme Learning", product="Reader", executed=D("2026-12-22"))
    (item, annual) = due_items(reg, D("2026-12-29"), board)
    assert (item.what, item.due, item.overdue) == (
        "post notice of the executed contract on the website", D("2026-12-30"), False)
    assert annual.due == D("2027-09-01")
    (item, _) = due_items(reg, D("2026-12-31"), board)
    assert item.overdue and item.due == D("2026-12-30")


def test_cli_due(url, tmp_path):
    args = ["--db", url]
    assert runner.invoke(app, ["register", "record", "annual-notice", "--sent", "2026-08-20", *args]).exit_code == 0
    assert runner.invoke(app, ["register", "add", "--vendor", "Acme", "--product", "Reader",
                               "--executed", "2025-12-22", *args]).exit_code == 0
    out = runner.invoke(app, ["register", "due", "--today", "2025-12-29", *args]).stdout
    assert "due     2025-12-30  #1 Acme: post notice of the executed contract" in out
    out = runner.invoke(app, ["register", "due", "--today", "2025-12-31", *args]).stdout
    assert "OVERDUE 2025-12-30  #1 Acme" in out


def test_after_the_cure_date_counsel_decides(reg, board):
    from generator.records.review import review_check

    cid = reg.add_contract(vendor="Gapwell", product="Math", executed=D("2026-12-01"))
    report = {"library_version": "x", "compliant": False, "provisions": [{"id": "governing_law", "status": "missing"}]}
    reg.record_check(cid, report, D("2027-01-04"))
    assert contract_status(reg.contract(cid), D("2027-01-05")).status == "awaiting review"
    review_check(reg, cid, role="counsel", confirm_rest=True)
    assert contract_status(reg.contract(cid), D("2027-01-05")).status == "gaps found"
    reg.record_notice(cid, D("2027-01-13"), D("2027-02-16"))
    st = contract_status(reg.contract(cid), D("2027-02-16"))
    assert st.status == "notice sent" and "February 16, 2027" in st.why
    st = contract_status(reg.contract(cid), D("2027-02-17"))
    assert st.status == "cure date passed — counsel to decide"
    assert "notice to amend sent January 13, 2027" in st.why and "February 16, 2027" in st.why
    overdue = [i for i in due_items(reg, D("2027-02-17"), board) if i.overdue]
    assert any("counsel to decide whether the contract is void" in i.what for i in overdue)
    reg.record_outcome(cid, "amended", D("2027-02-10"))
    assert contract_status(reg.contract(cid), D("2027-03-01")).status == "amended"


def test_expired_and_posted(reg):
    cid = reg.add_contract(vendor="A", product="P", executed=D("2026-01-05"), term_end=D("2026-06-30"))
    reg.record_posting(cid, D("2026-01-08"))
    assert contract_status(reg.contract(cid), D("2026-03-01")).status == "posted"
    assert contract_status(reg.contract(cid), D("2026-07-01")).status == "ended"


def test_breach_timeline(reg, board):
    cid = reg.add_contract(vendor="A", product="P", executed=D("2026-09-01"))
    reg.record_posting(cid, D("2026-09-02"))
    bid = reg.record_breach(cid, notice_received=D("2027-02-10"), discovered=D("2027-02-01"))
    items = [i for i in due_items(reg, D("2027-02-17"), board) if i.contract_id == cid]
    assert {(i.what[:22], i.due, i.overdue) for i in items} == {
        ("notify the affected st", D("2027-02-16"), True), ("post notice of the bre", D("2027-02-16"), True)}
    reg.update_breach(bid, families_notified=D("2027-02-12"), posted=D("2027-02-12"))
    assert [i for i in due_items(reg, D("2027-02-17"), board) if i.contract_id == cid] == []


def test_log_is_append_only_record_of_each_change(reg):
    cid = reg.add_contract(vendor="A", product="P", executed=D("2026-09-01"))
    reg.record_posting(cid, D("2026-09-02"))
    log = reg.log(cid)
    assert [e.action for e in log] == ["add contract", "record posting"]
    assert {e.actor for e in log} == {"tester"}


def test_publish_page_is_valid_escaped_and_links_work(reg, board, tmp_path):
    f = tmp_path / "acme.pdf"
    f.write_bytes(b"%PDF-1.4 signed contract")
    reg.add_contract(vendor="<script>alert(1)</script>", product="Reader & Co", executed=D("2026-12-22"),
                     description="Reading practice", purpose="Instruction",
                     data_categories=["=cmd|' /C calc'!A0", "Student name"], file=f)
    reg.add_contract(vendor="Unsigned", product="Draft only")
    page, table = publish(reg, tmp_path / "site", board, D("2027-01-05"))
    source = page.read_text()
    parser = html5lib.HTMLParser(strict=True)
    root = parser.parse(source)  # raises on any parse error; returns the <html> element
    assert root.get("lang") == "en"
    assert root.find(".//{http://www.w3.org/1999/xhtml}title").text.startswith("Student data contracts")
    assert "<script>alert(1)</script>" not in source and "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    assert 'scope="col"' in source and "<caption>" in source and "Unsigned" not in source
    href = source.split('<a href="contracts/')[1].split('"')[0]
    linked = tmp_path / "site" / "contracts" / href
    assert hashlib.sha256(linked.read_bytes()).hexdigest() == hashlib.sha256(f.read_bytes()).hexdigest()
    rows = table.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 2 and "'=cmd" in rows[1] and "Student name" in rows[1]


def test_export_import_round_trip_between_databases(tmp_path, board):
    if not PG and not os.environ.get("CI"):
        pytest.skip("no PostgreSQL server (set SDPA_TEST_POSTGRES_URL)")
    f = tmp_path / "c.txt"
    f.write_bytes(b"contract text \xe2\x9c\x93")
    a = Register(fresh_url("sqlite", tmp_path), actor="a")
    b = Register(fresh_url("postgresql", tmp_path), actor="b")
    c = Register(f"sqlite:///{tmp_path / 'back.sqlite3'}")
    try:
        _round_trip(a, b, c, f)
    finally:
        for r in (a, b, c):
            r.close()


def _round_trip(a: Register, b: Register, c: Register, f) -> None:
    cid = a.add_contract(vendor="Café Ölund", product="P", executed=D("2026-12-22"), data_categories=["x"], file=f)
    a.record_check(cid, {"library_version": "2026.1", "compliant": False, "provisions": []}, D("2027-01-02"))
    a.record_notice(cid, D("2027-01-13"), D("2027-02-16"))
    bid = a.record_breach(cid, notice_received=D("2027-02-10"))
    a.update_breach(bid, families_notified=D("2027-02-11"))
    exported = export_register(a)
    import_register(b, json.loads(json.dumps(exported)))
    assert export_register(b) == exported
    import_register(c, export_register(b))
    assert export_register(c) == exported
    b.add_contract(vendor="Next", product="Q")  # ids continue after the imported ones
    assert max(x.id for x in b.contracts()) == cid + 1
    with pytest.raises(RegisterError, match="not empty"):
        import_register(b, exported)


def test_two_writers_lose_nothing(url):
    errors: list[Exception] = []

    def writer(name: str) -> None:
        try:
            with Register(url, actor=name) as r:
                for i in range(25):
                    cid = r.add_contract(vendor=f"{name} vendor {i % 3}", product=f"P{i}", executed=D("2026-09-01"))
                    r.record_posting(cid, D("2026-09-02"))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("alice", "bob")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Register(url) as r:
        assert r.count(ContractRow) == 50 and r.count(LogRow) == 100
        assert len({c.vendor.name for c in r.contracts()}) == 6


def test_bad_input(reg, tmp_path):
    with pytest.raises(RegisterError, match="no contract with id 99"):
        reg.record_posting(99, D("2027-01-01"))
    with pytest.raises(RegisterError, match="cannot read the file"):
        reg.add_contract(vendor="A", product="P", file=tmp_path / "missing.pdf")
    cid = reg.add_contract(vendor="A", product="P")
    with pytest.raises(RegisterError, match="no open amendment notice"):
        reg.record_outcome(cid, "amended", D("2027-01-01"))


def test_cannot_reach_database_is_one_line():
    res = runner.invoke(app, ["register", "list", "--db", "postgresql+psycopg://u:secret@127.0.0.1:1/nope"])
    assert res.exit_code == 2 and "cannot open the register" in res.stderr and "secret" not in res.stderr


def test_csv_import(tmp_path):
    (tmp_path / "c.txt").write_text("signed")
    src = tmp_path / "contracts.csv"
    src.write_text("Vendor Name,Product,Executed,Data Collected,Contract File\n"
                   "Acme,Reader,12/22/2026,Student name; Grades,c.txt\nBeta,Math,2027-01-04,,\n")
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    res = runner.invoke(app, ["register", "import", str(src), "--db", db])
    assert res.exit_code == 0 and "added 2 contracts" in res.stdout
    listed = json.loads(runner.invoke(app, ["register", "list", "--db", db, "--format", "json",
                                            "--today", "2027-01-05"]).stdout)
    assert [(x["vendor"], x["executed"], x["status"]) for x in listed] == [
        ("Acme", "2026-12-22", "executed"), ("Beta", "2027-01-04", "executed")]


def test_import_a_batch_manifest(tmp_path):
    from .conftest import ROOT

    assert runner.invoke(app, ["batch", str(ROOT / "examples/vendors.csv"), "--out", str(tmp_path / "b"),
                               "--jobs", "1"]).exit_code == 0
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    res = runner.invoke(app, ["register", "import", str(tmp_path / "b" / "manifest.csv"), "--db", db])
    assert res.exit_code == 0 and "added 12 contracts" in res.stdout
    listed = json.loads(runner.invoke(app, ["register", "list", "--db", db, "--format", "json"]).stdout)
    assert listed[0]["vendor"] == "BrightPath Learning, Inc." and listed[0]["product"] == "BrightPath Reading"
    assert {x["status"] for x in listed} == {"draft"}
    assert runner.invoke(app, ["register", "record", "executed", "1", "--date", "2025-12-22", "--db", db]).exit_code == 0
    due = runner.invoke(app, ["register", "due", "--db", db, "--today", "2025-12-29"]).stdout
    assert "2025-12-30  #1 BrightPath Learning, Inc.: post notice" in due


def test_control_characters_are_refused_on_every_database(reg):
    with pytest.raises(RegisterError, match="vendor: contains a control character"):
        reg.add_contract(vendor="Acme\x00Evil", product="P")
    with pytest.raises(RegisterError, match="data category 2: contains a control character"):
        reg.add_contract(vendor="Acme", product="P", data_categories=["ok", "bad\x07"])
    assert reg.count(ContractRow) == 0


# ---------------------------------------------------------------- events are recorded once they have happened


@pytest.mark.parametrize("args", [
    ["notice", "1", "--sent", "{future}"],
    ["outcome", "1", "--outcome", "amended", "--date", "{future}"],
    ["renewed", "1", "--date", "{future}"],
    ["amended", "1", "--date", "{future}"],
    ["posting", "1", "--date", "{future}"],
    ["breach", "1", "--received", "{future}"],
    ["breach", "1", "--received", "{past}", "--discovered", "{future}"],
    ["families-notified", "1", "--date", "{future}"],
    ["annual-notice", "--sent", "{future}"],
])
def test_an_event_dated_after_today_is_refused_naming_the_option(tmp_path, args):
    from datetime import date, timedelta

    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    assert runner.invoke(app, ["register", "add", "--vendor", "A", "--product", "P", "--executed", "2026-09-01",
                               "--db", db]).exit_code == 0
    assert runner.invoke(app, ["register", "record", "breach", "1", "--received", "2026-10-01",
                               "--db", db]).exit_code == 0
    future, past = date.today() + timedelta(days=20), date.today() - timedelta(days=3)
    typed = [a.format(future=future, past=past) for a in args]
    res = runner.invoke(app, ["register", "record", *typed, "--db", db])
    option = typed[typed.index(str(future)) - 1]
    assert res.exit_code == 2 and res.stderr.strip().splitlines() == [res.stderr.strip()]
    assert f"{option}: " in res.stderr and "is after today" in res.stderr
    log = runner.invoke(app, ["register", "show", "1", "--db", db]).stdout
    assert [x for x in log.splitlines() if x.startswith("log")][-1].endswith("record breach")  # nothing new


def test_a_contact_email_that_is_not_an_address_is_refused_on_import(tmp_path):
    csv = tmp_path / "contracts.csv"
    csv.write_text("vendor_name,product,contact_email\nGood Co,Reader,privacy@good.example\n"
                   "Bad Co,Writer,not-an-email\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    res = runner.invoke(app, ["register", "import", str(csv), "--db", db])
    assert res.exit_code == 2 and "line 3" in res.stderr and "'not-an-email' is not an email address" in res.stderr


@pytest.mark.parametrize("address", ["https://…/acme.pdf", "https:///acme.pdf", "acme.pdf", "ftp://files.example/a.pdf",
                                     "https://www.district.example/contracts/acme …pdf"])
def test_a_posting_address_must_be_a_whole_web_address(tmp_path, address):
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    assert runner.invoke(app, ["register", "add", "--vendor", "A", "--product", "P", "--executed", "2026-09-01",
                               "--db", db]).exit_code == 0
    res = runner.invoke(app, ["register", "record", "posting", "1", "--date", "2026-09-03", "--url", address,
                              "--db", db])
    assert res.exit_code == 2 and res.stderr.startswith("sdpa: error: --url: ") and "not a whole web address" in res.stderr
    assert "record posting" not in runner.invoke(app, ["register", "show", "1", "--db", db]).stdout
    ok = "https://www.district.example/contracts/acme.pdf"
    res = runner.invoke(app, ["register", "record", "posting", "1", "--date", "2026-09-03", "--url", ok, "--db", db])
    assert res.exit_code == 0 and f"posted 2026-09-03 {ok}" in runner.invoke(app, ["register", "show", "1", "--db", db]).stdout


def test_the_posting_letter_refuses_a_placeholder_address(tmp_path):
    from .conftest import ROOT

    out = tmp_path / "posting.docx"
    res = runner.invoke(app, ["letter", "contract-posting", "--vendor", str(ROOT / "examples" / "vendor.json"),
                              "--executed", "2026-09-01", "--out", str(out), "--contract-url", "https://…/acme.pdf"])
    assert res.exit_code == 2 and "--contract-url: " in res.stderr and not out.exists()


def test_an_empty_list_says_so_and_a_page_past_it_is_an_error(tmp_path):
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    assert runner.invoke(app, ["register", "add", "--vendor", "Acme Learning", "--product", "Reader",
                               "--db", db]).exit_code == 0
    wanted = ["register", "list", "--status", "gaps found", "--vendor", "acme", "--per-page", "100", "--db", db]
    res = runner.invoke(app, wanted)
    assert res.exit_code == 0 and res.stdout == "" and res.stderr.strip() == "no contract matches"
    res = runner.invoke(app, [*wanted, "--page", "2"])
    assert res.exit_code == 2 and res.stderr.strip() == "sdpa: error: --page 2: no contract matches, so there is no page 2"
    res = runner.invoke(app, ["register", "list", "--page", "5", "--db", db])
    assert res.exit_code == 2 and "there is 1 page" in res.stderr
