"""The register says only what the law says: breaches on ended contracts, the annual notice,
the IEP / 504 exception and its yearly report, void only under § 10-234bb(f), ended contracts
kept on the public page."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from generator.cli.commands import app
from generator.records.database import RegisterError
from generator.records.duties import exceptions_in_year, record_exception
from generator.records.publish import publish
from generator.records.register import Register
from generator.records.status import contract_status, due_items

from .conftest import docx_text
from .test_register import reg, url  # noqa: F401  (the same fixtures: SQLite and PostgreSQL)

runner = CliRunner()
D = date.fromisoformat


def due_json(url: str, today: str) -> list[dict]:
    res = runner.invoke(app, ["register", "due", "--today", today, "--format", "json", "--db", url])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_breach_on_an_ended_contract_is_still_due(url):
    args = ["--db", url]
    assert runner.invoke(app, ["register", "add", "--vendor", "Acme", "--product", "Reader", "--executed",
                               "2025-09-01", "--term-end", "2026-01-31", *args]).exit_code == 0
    assert runner.invoke(app, ["register", "record", "breach", "1", "--received", "2026-02-10", *args]).exit_code == 0
    items = [i for i in due_json(url, "2026-02-11") if i["contract"] == 1]
    assert {(i["what"], i["due"]) for i in items} == {  # Lincoln's Birthday (Thursday the 12th) skipped
        ("notify the affected students and parents of the breach", "2026-02-13"),
        ("post notice of the breach on the website", "2026-02-13")}


def test_annual_notice_is_overdue_until_recorded(url):
    annual = [i for i in due_json(url, "2026-09-05") if i["contract"] is None]
    assert [(i["due"], i["overdue"]) for i in annual] == [("2026-09-01", True)]
    res = runner.invoke(app, ["register", "record", "annual-notice", "--sent", "2026-08-20", "--db", url])
    assert res.exit_code == 0 and "2026" in res.stdout
    annual = [i for i in due_json(url, "2026-09-05") if i["contract"] is None]
    assert [(i["due"], i["overdue"]) for i in annual] == [("2027-09-01", False)]
    before = [i for i in due_json(url, "2027-08-15") if i["contract"] is None]
    assert [(i["due"], i["overdue"]) for i in before] == [("2027-09-01", False)]


def _checked(reg: Register, executed: str, missing: str) -> int:
    from generator.records.review import review_check

    cid = reg.add_contract(vendor=f"V{executed}{missing}", product="P", executed=D(executed))
    reg.record_check(cid, {"library_version": "x", "compliant": False,
                           "provisions": [{"id": missing, "status": "missing"}]}, D("2027-01-04"))
    review_check(reg, cid, role="counsel", confirm_rest=True)
    reg.record_notice(cid, D("2027-01-13"), D("2027-02-16"))
    return cid


def test_void_is_never_derived_and_f_is_named_only_when_it_applies(reg, board):
    a_gap = _checked(reg, "2019-03-01", "governing_law")
    policy_gap = _checked(reg, "2019-03-01", "no_advertising")
    older = _checked(reg, "2017-03-01", "governing_law")
    day = D("2027-02-17")
    for cid in (a_gap, policy_gap, older):
        st = contract_status(reg.contract(cid), day)
        assert st.status == "cure date passed — counsel to decide" and "February 16, 2027" in st.why
    assert "§ 10-234bb(f) (to confirm) may apply" in contract_status(reg.contract(a_gap), day).why
    assert "does not apply" in contract_status(reg.contract(older), day).why
    items = {i.contract_id: i for i in due_items(reg, day, board) if i.contract_id}
    assert "§ 10-234bb(f)" in items[a_gap].citation
    assert "§ 10-234bb(f)" not in items[policy_gap].citation and "§ 10-234bb(f)" not in items[older].citation
    assert all("counsel to decide" in items[c].what for c in (a_gap, policy_gap, older))


def test_public_page_keeps_ended_contracts_marked(reg, board, tmp_path):
    notice = {"purpose": "practice", "data_categories": ["name"]}
    reg.add_contract(vendor="Still Going", product="P", executed=D("2026-09-01"), **notice)
    reg.add_contract(vendor="All Done", product="Q", executed=D("2025-09-01"), term_end=D("2026-06-30"), **notice)
    page, table = publish(reg, tmp_path / "site", board, D("2027-01-05"))
    source = page.read_text()
    assert "All Done" in source and "Ended on June 30, 2026" in source and "In effect" in source
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert {r["company"]: r["in_effect"] for r in rows} == {"Still Going": "In effect",
                                                           "All Done": "Ended on June 30, 2026"}


def test_exceptions_recorded_and_reported(url, board, tmp_path):
    args = ["--db", url]
    ok = ["register", "record", "exception", "--student-ref", "S-1042", "--plan", "iep", "--service",
          "TalkBoard AAC", "--operator", "TalkBoard Inc.", "--effort",
          "Asked TalkBoard to sign our addendum on 2027-01-05 (refused)", "--ppt-member", "R. Lopez, speech pathologist",
          "--equivalent-search", "Reviewed two other AAC apps, neither fits", "--signed", "2027-01-20", *args]
    res = runner.invoke(app, ok)
    assert res.exit_code == 0 and "recorded exception 1" in res.stdout
    res = runner.invoke(app, [*ok[:4], "S-2001", "--plan", "504", *ok[7:-len(args) - 2], "--signed", "2026-03-02",
                              "--ended", "2026-06-20", *args])
    assert res.exit_code == 0, res.output
    out = tmp_path / "exceptions-2027.csv"
    res = runner.invoke(app, ["register", "report", "exceptions", "--year", "2027", "--out", str(out), *args])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [(r["service"], r["plan"], r["signed"]) for r in rows] == [("TalkBoard AAC", "iep", "2027-01-20")]
    assert "S-1042" not in out.read_text(encoding="utf-8-sig")
    summary = docx_text(out.with_suffix(".docx"))
    assert "Commission for Educational Technology" in summary and "TalkBoard AAC" in summary
    assert "1 child with an IEP and 0 with a Section 504 plan" in summary and "S-1042" not in summary
    assert "The search for an equivalent service: Reviewed two other AAC apps" in summary
    assert "No search for an equivalent service is recorded" not in summary
    with Register(url) as r:
        assert [e.student_ref for e in exceptions_in_year(r, 2026)] == ["S-2001"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("student_ref", "Jane Doe", "not the name"), ("plan", "ifsp", "must be iep or 504"),
    ("effort", "", "evidence of the effort"), ("ppt_member", "", "planning and placement team member"),
    ("assurance_source", "", "where the service's assurances come from")])
def test_exception_refuses_bad_fields(reg, field, value, message):
    fields = {"student_ref": "S1", "plan": "504", "service": "App", "effort": "asked", "signed": D("2027-01-02")}
    if field in ("ppt_member", "assurance_source"):
        fields.update(plan="iep", ppt_member="R. Lopez", assurances="FERPA: its privacy notice says so")
    fields[field] = value
    with pytest.raises(RegisterError, match=message):
        record_exception(reg, **fields)


def test_record_needs_a_contract_id_except_board_records(url):
    res = runner.invoke(app, ["register", "record", "posting", "--db", url])
    assert res.exit_code == 2 and "needs the contract id" in res.stderr
