"""The approved-apps list: a vetting recorded by an editor, confirmed by counsel only, re-vetted
when the operator's documents change (counsel's word then no longer applies), the review date,
the list for teachers (CSV and page, escaped), the backup and its checks, and `sdpa apps`."""

from __future__ import annotations

import copy
import csv
import hashlib
import io
from datetime import date

import pytest
from typer.testing import CliRunner

import generator as g
from generator.cli.commands import app as cli
from generator.findings import Evidence
from generator.records.backup import export_register, import_register, register_checksum
from generator.records.database import RegisterError
from generator.records.register import Register
from generator.vetting import RESTRICTION_IDS, RestrictionReading, VetReport, VettedDocument

runner = CliRunner()
D = date.fromisoformat
TITLES = {"targeted_advertising": "Targeted advertising", "profiling": "Profiling of students",
          "sale": "Sale of student information", "disclosure": "Disclosure of student information"}


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def vet_report(docs: tuple[str, ...] = ("terms.txt", "privacy.txt"), version: str = "v1", **statuses: str) -> VetReport:
    """A report as the engine would give it: each restriction ``prohibited`` unless named, the
    verdict following the statuses as the issue describes it."""
    readings = {}
    for rid in RESTRICTION_IDS:
        status = statuses.get(rid, "prohibited")
        evidence = [] if status == "silent" else [Evidence(text=f"Our words about {TITLES[rid].lower()}.",
                                                           location="terms.txt, paragraph 2")]
        readings[rid] = RestrictionReading(
            id=rid, title=TITLES[rid], status=status, evidence=evidence, policy=f"The policy on {rid}.",
            explanation=f"read as {status}", missing=["sharing with affiliates is excepted"] if status == "limited" else [])
    all_status = {r.status for r in readings.values()}
    verdict = ("may not be used" if "allowed" in all_status else
               "may be used with conditions" if all_status & {"silent", "limited"} else "may be used")
    conditions = [f"ask the operator to confirm {TITLES[r]}" for r in RESTRICTION_IDS
                  if readings[r].status in ("silent", "limited")]
    return VetReport(documents=[VettedDocument(name=d, sha256=sha(d + version)) for d in docs],
                     library_version="test", audience="school", restrictions=readings, verdict=verdict,
                     reason="as the policy says", conditions=conditions)


@pytest.fixture()
def reg(tmp_path):
    with Register(f"sqlite:///{tmp_path / 'register.sqlite3'}", actor="pat@district.example") as r:
        yield r


def test_an_editor_records_a_vetting_and_it_awaits_counsel(reg):
    rid = g.record_vetting(reg, vet_report(profiling="silent"), app="Quizly", operator="Quizly Inc.",
                           asked_by="a.teacher@district.example", role="editor", when=D("2026-12-01"))
    rec = g.app_record(reg, "Quizly", today=D("2026-12-02"))
    assert rec.status == "awaiting review" and rec.read_verdict == "may be used with conditions"
    assert rec.review_date == D("2027-12-01")  # a year on, by default
    assert [d["name"] for d in rec.documents] == ["terms.txt", "privacy.txt"]
    assert rec.documents[0]["date"] == "2026-12-01" and len(rec.documents[0]["sha256"]) == 64
    assert rec.report["restrictions"]["profiling"]["status"] == "silent"
    assert g.approved_apps(reg, D("2026-12-02")) == []
    assert reg.log()[-1].action == "vet app" and reg.log()[-1].details["reading"] == rid


def test_a_viewer_cannot_record_and_an_editor_cannot_confirm(reg):
    with pytest.raises(RegisterError, match="only an editor, counsel or an administrator"):
        g.record_vetting(reg, vet_report(), app="Quizly", role="viewer")
    g.record_vetting(reg, vet_report(), app="Quizly", role="editor")
    with pytest.raises(RegisterError, match="only counsel or an administrator can confirm"):
        g.confirm_app(reg, "Quizly", role="editor")
    assert [line.action for line in reg.log()] == ["add app", "vet app"]


def test_counsel_confirms_and_the_app_is_approved_with_its_conditions(reg):
    g.record_vetting(reg, vet_report(sale="silent"), app="Quizly", operator="Quizly Inc.", role="editor",
                     when=D("2026-12-01"))
    g.confirm_app(reg, "Quizly", role="counsel", conditions=["no student names in quiz titles"])
    (rec,) = g.approved_apps(reg, D("2026-12-05"))
    assert (rec.status, rec.verdict, rec.confirmed_by) == ("may be used with conditions",
                                                           "may be used with conditions", "pat@district.example")
    assert rec.conditions == ["no student names in quiz titles"]
    line = reg.log()[-1]
    assert (line.action, line.details["role"], line.details["verdict"]) == ("confirm app", "counsel",
                                                                            "may be used with conditions")


def test_changing_the_verdict_needs_a_reason(reg):
    g.record_vetting(reg, vet_report(sale="allowed"), app="Quizly", role="editor")
    with pytest.raises(RegisterError, match="needs a reason"):
        g.confirm_app(reg, "Quizly", role="counsel", verdict="may be used")
    with pytest.raises(RegisterError, match="must be one of"):
        g.confirm_app(reg, "Quizly", role="counsel", verdict="fine", reason="x")
    g.confirm_app(reg, "Quizly", role="admin", verdict="may be used with conditions",
                  reason="the affiliates are bound by the same terms (their DPA, section 4)")
    rec = g.app_record(reg, "Quizly")
    assert (rec.read_verdict, rec.verdict) == ("may not be used", "may be used with conditions")
    assert "DPA" in rec.reason


def test_new_terms_make_a_new_reading_and_counsel_must_look_again(reg):
    g.record_vetting(reg, vet_report(), app="Quizly", role="editor", when=D("2026-12-01"))
    g.confirm_app(reg, "Quizly", role="counsel")
    assert g.app_record(reg, "Quizly").status == "may be used"
    # the same documents read again: nothing new
    first = reg.log()[-1].id
    g.record_vetting(reg, vet_report(), app="Quizly", role="editor", when=D("2026-12-03"))
    assert reg.log()[-1].id == first and g.app_record(reg, "Quizly").status == "may be used"
    # the operator changed its privacy policy: a new reading; the confirmation held only for the old one
    g.record_vetting(reg, vet_report(version="v2", sale="allowed"), app="Quizly", role="editor",
                     when=D("2027-02-01"))
    rec = g.app_record(reg, "Quizly")
    assert rec.status == "terms changed — awaiting review" and rec.verdict == ""
    assert rec.read_verdict == "may not be used" and reg.log()[-1].details["terms_changed"] is True
    assert g.approved_apps(reg) == []
    g.confirm_app(reg, "Quizly", role="counsel")
    assert g.app_record(reg, "Quizly").status == "may not be used"


def test_a_usable_app_past_its_review_date_is_no_longer_approved(reg):
    g.record_vetting(reg, vet_report(), app="Quizly", role="editor", when=D("2026-01-10"),
                     review_date=D("2026-06-30"))
    g.confirm_app(reg, "Quizly", role="counsel")
    assert [r.name for r in g.approved_apps(reg, D("2026-06-30"))] == ["Quizly"]
    assert g.app_record(reg, "Quizly", D("2026-07-01")).status == "review due"
    assert g.approved_apps(reg, D("2026-07-01")) == []
    with pytest.raises(RegisterError, match="only an editor"):
        g.set_review_date(reg, "Quizly", D("2027-06-30"), role="viewer")
    g.set_review_date(reg, "Quizly", D("2027-06-30"), role="editor")
    assert [r.name for r in g.approved_apps(reg, D("2026-07-01"))] == ["Quizly"]


def test_bad_input_is_refused_naming_the_field(reg):
    with pytest.raises(RegisterError, match="^app: name the app"):
        g.record_vetting(reg, vet_report(), app="  ", role="editor")
    with pytest.raises(RegisterError, match="^operator: 3"):
        g.record_vetting(reg, vet_report(), app="Quizly", operator="x" * 301, role="editor")
    with pytest.raises(RegisterError, match="no app 'Nothing'"):
        g.confirm_app(reg, "Nothing", role="counsel")


HOSTILE = "<script>alert(1)</script> & =HYPERLINK(\"http://x\")"


def test_the_list_for_teachers_escapes_every_name_and_condition(reg):
    g.record_vetting(reg, vet_report(), app=HOSTILE, operator="<b>Op</b>", role="editor")
    g.confirm_app(reg, HOSTILE, role="counsel", conditions=["<img src=x onerror=alert(2)>"])
    g.record_vetting(reg, vet_report(profiling="allowed"), app="Trackr", role="editor")
    g.confirm_app(reg, "Trackr", role="counsel")
    g.record_vetting(reg, vet_report(), app="Pending", role="editor")
    page = g.apps_page(g.app_records(reg), "Shoreline <Board>", D("2026-12-01"))
    assert "<script>" not in page and "<img" not in page and "<b>Op" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "Shoreline &lt;Board&gt;" in page
    assert "May be used (1)" in page and "May not be used (1)" in page and "ask before using (1)" in page
    rows = list(csv.DictReader(io.StringIO(g.apps_csv(g.app_records(reg)).decode("utf-8-sig"))))
    by_app = {r["app"]: r for r in rows}
    assert by_app["Trackr"]["status"] == "may not be used" and by_app["Pending"]["status"] == "awaiting review"
    assert by_app[HOSTILE]["conditions"] == "<img src=x onerror=alert(2)>"
    rec = g.app_record(reg, HOSTILE)
    rec.name = "=cmd|' /C calc'!A0"
    assert "\n'=cmd" in g.apps_csv([rec]).decode("utf-8-sig")  # a spreadsheet shows it as text, never runs it


def test_the_backup_keeps_apps_and_checks_them_on_import(reg, tmp_path):
    g.record_vetting(reg, vet_report(sale="silent"), app="Quizly", role="editor")
    g.confirm_app(reg, "Quizly", role="counsel")
    data = export_register(reg)
    assert [r["name"] for r in data["tables"]["apps"]] == ["Quizly"]
    with Register(f"sqlite:///{tmp_path / 'copy.sqlite3'}") as copy_reg:
        import_register(copy_reg, copy.deepcopy(data))
        assert register_checksum(copy_reg) == register_checksum(reg)
        assert g.app_record(copy_reg, "Quizly").verdict == "may be used with conditions"
    zipped = tmp_path / "backup.zip"
    assert g.export_register_zip(reg, zipped)["app_confirmations"] == 1
    with Register(f"sqlite:///{tmp_path / 'from-zip.sqlite3'}") as copy_reg:
        g.import_register_zip(copy_reg, zipped)
        assert register_checksum(copy_reg) == register_checksum(reg)
    before = register_checksum(reg)
    g.set_review_date(reg, "Quizly", D("2030-01-01"), role="editor")
    assert register_checksum(reg) != before  # the checksum covers the apps
    bad = copy.deepcopy(data)
    bad["tables"]["app_readings"][0]["documents"][0]["sha256"] = "not a hash"
    with Register("sqlite://") as empty, pytest.raises(RegisterError, match=r"app_readings\[0\]\.documents"):
        import_register(empty, bad)
    bad = copy.deepcopy(data)
    bad["tables"]["app_readings"][0]["report"]["verdict"] = "sure, why not"
    with Register("sqlite://") as empty, pytest.raises(RegisterError, match=r"app_readings\[0\]\.report"):
        import_register(empty, bad)
    bad = copy.deepcopy(data)
    bad["tables"]["app_confirmations"][0]["verdict"] = "approved"
    with Register("sqlite://") as empty, pytest.raises(RegisterError, match=r"app_confirmations\[0\]\.verdict"):
        import_register(empty, bad)


def test_the_apps_command_records_confirms_lists_and_exports(tmp_path, monkeypatch):
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    monkeypatch.setenv("SDPA_USER", "lee@district.example")
    monkeypatch.delenv("SDPA_BOARD", raising=False)
    report = tmp_path / "quizly.json"
    report.write_text(vet_report(profiling="silent").model_dump_json())
    res = runner.invoke(cli, ["apps", "record", str(report), "--app", "Quizly", "--operator", "Quizly Inc.",
                              "--asked-by", "a.teacher", "--db", db])
    assert res.exit_code == 0, res.output
    assert "awaiting review" in res.output
    res = runner.invoke(cli, ["apps", "confirm", "Quizly", "--condition", "no free-text answers", "--db", db])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli, ["apps", "list", "--db", db])
    assert "Quizly" in res.output and "may be used with conditions" in res.output
    out = tmp_path / "apps.csv"
    res = runner.invoke(cli, ["apps", "export", "--format", "csv", "--out", str(out), "--db", db])
    assert res.exit_code == 0, res.output
    assert "no free-text answers" in out.read_text(encoding="utf-8-sig")
    res = runner.invoke(cli, ["apps", "export", "--format", "html", "--db", db])
    assert "<h2>May be used with conditions (1)</h2>" in res.output
    res = runner.invoke(cli, ["apps", "confirm", "Nothing", "--db", db])
    assert res.exit_code == 2 and "no app 'Nothing'" in res.output


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_list_works_on_both_databases_and_a_backup_restores_it(kind, tmp_path):
    from .test_register import fresh_url

    url = fresh_url(kind, tmp_path)
    with Register(url, actor="pat@district.example") as r:
        g.record_vetting(r, vet_report(profiling="silent"), app="Quizly", role="editor", when=D("2026-12-01"))
        g.confirm_app(r, "Quizly", role="counsel", conditions=["school accounts only"])
        g.record_vetting(r, vet_report(version="v2"), app="Quizly", role="editor", when=D("2027-01-05"))
        data = export_register(r)
        assert g.app_record(r, "Quizly").status == "terms changed — awaiting review"
    with Register("sqlite://") as copy_reg:
        import_register(copy_reg, data)
        rec = g.app_record(copy_reg, "Quizly")
        assert rec.status == "terms changed — awaiting review" and len(copy_reg.log()) == 4


def test_an_older_register_gains_the_apps_tables(tmp_path):
    from sqlalchemy import inspect

    from .conftest import downgrade_register

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    with Register(url) as r:
        r.add_contract(vendor="Kept Vendor", product="Kept")
        downgrade_register(r.engine, "0004")
        assert "apps" not in inspect(r.engine).get_table_names()
    with Register(url) as r:
        g.record_vetting(r, vet_report(), app="Quizly", role="editor")
        assert [c.vendor.name for c in r.contracts()] == ["Kept Vendor"]
        assert g.app_record(r, "Quizly").status == "awaiting review"


def test_the_command_vets_documents_itself_and_refuses_a_viewer(tmp_path, monkeypatch, board):
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    monkeypatch.delenv("SDPA_BOARD", raising=False)
    data = board.model_dump(mode="json")
    data["access"] = {"admin": [], "counsel": [], "editor": ["ed@district.example"], "viewer": ["val@district.example"]}
    with Register(db, actor="setup") as r:
        g.save_board(r, g.board_from_dict(data))
    terms = tmp_path / "terms.txt"
    terms.write_text("Quizly is a homework app made for K-12 schools and their teachers.\n\n"
                     "We do not sell, rent or trade student personal information.\n", encoding="utf-8")
    monkeypatch.setenv("SDPA_USER", "val@district.example")
    res = runner.invoke(cli, ["apps", "record", str(terms), "--app", "Quizly", "--db", db])
    assert res.exit_code == 2 and "only an editor, counsel or an administrator" in res.output
    monkeypatch.setenv("SDPA_USER", "ed@district.example")
    res = runner.invoke(cli, ["apps", "record", str(terms), "--app", "Quizly", "--db", db])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli, ["apps", "confirm", "Quizly", "--db", db])
    assert res.exit_code == 2 and "only counsel or an administrator can confirm" in res.output
    with Register(db) as r:
        rec = g.app_record(r, "Quizly")
    assert rec.status == "awaiting review" and [d["name"] for d in rec.documents] == ["terms.txt"]
    assert rec.report["restrictions"]["sale"]["status"] == "prohibited"
