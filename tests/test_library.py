"""The clause library: eleven provisions, validated on load, broken files named precisely."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator import PROVISION_IDS, LibraryError, load_library
from generator.cli.commands import app
from generator.documents.render import render_text
from generator.library import CLAUSES_DIR
from generator.models import Vendor

runner = CliRunner()


def test_eleven_provisions_in_statutory_order(library):
    assert [p.id for p in library.provisions] == list(PROVISION_IDS)
    assert [p.number for p in library.provisions] == list(range(1, 12))
    for p in library.provisions[:10]:
        assert f"§ 10-234bb(a)({p.number})" in p.citation
    assert "§ 10-234bb(d)(2)" in library.provision("no_advertising").citation
    assert library.version and len(library.content_hash) == 12


@pytest.mark.parametrize("pid", PROVISION_IDS)
def test_every_provision_renders_and_is_complete(library, board, vendor, pid):
    p = library.provision(pid)
    assert p.requirement and p.version and p.cure and p.detect.missing_explanation
    text = render_text(p.text, {"vendor": vendor.model_dump(), "board": board.model_dump()}, p.source)
    assert "{{" not in text and "{%" not in text and len(text) > 150
    bare = Vendor(name="Acme")  # a vendor with no optional details still gets lawful text
    text = render_text(p.text, {"vendor": bare.model_dump(), "board": board.model_dump()}, p.source)
    assert "{{" not in text and len(text) > 150


def test_filled_provisions_use_vendor_details(library, board, vendor):
    ctx = {"vendor": vendor.model_dump(), "board": board.model_dump()}
    assert "deletes the data from production systems within 14 days" in render_text(
        library.provision("deletion").text, ctx)
    breach = render_text(library.provision("breach_notification").text, ctx)
    assert "thirty (30) days" in breach and "sixty (60) days" in breach and "within 72 hours" in breach


@pytest.fixture()
def clause_copy(tmp_path: Path) -> Path:
    target = tmp_path / "clauses"
    shutil.copytree(CLAUSES_DIR, target)
    return target


def test_unknown_key_names_file_and_key(clause_copy):
    f = clause_copy / "provisions" / "03-use_limitation.md"
    f.write_text(f.read_text().replace("title:", "titel:", 1))
    with pytest.raises(LibraryError) as err:
        load_library(clause_copy)
    assert "03-use_limitation.md" in str(err.value)
    assert "'titel': unknown key" in str(err.value) and "'title': required key is missing" in str(err.value)


def test_bad_yaml_names_file_and_line(clause_copy):
    f = clause_copy / "provisions" / "05-security.md"
    f.write_text(f.read_text().replace("version: \"1.1\"", "version: [1.1", 1))
    with pytest.raises(LibraryError, match=r"05-security.md: invalid YAML at line \d+"):
        load_library(clause_copy)


def with_rule(text: str, pattern: str) -> str:
    """A provision file's text with one more partial rule, ``pattern``, in front of its others."""
    assert text.count("  partial:\n") == 1
    return text.replace("  partial:\n", f"  partial:\n    - all: ['{pattern}']\n")


def test_bad_pattern_and_unknown_vocabulary_fail_at_load(clause_copy):
    f = clause_copy / "provisions" / "10-severability.md"
    f.write_text(with_rule(f.read_text(), "sever(ab"))
    with pytest.raises(LibraryError, match="10-severability.md: bad pattern"):
        load_library(clause_copy)
    f.write_text(f.read_text().replace("'sever(ab'", "'{NOPE}'"))
    with pytest.raises(LibraryError, match=r"\{NOPE\} is not in the vocabulary"):
        load_library(clause_copy)


def test_a_weakeners_unless_pattern_is_checked_at_load(clause_copy):
    f = clause_copy / "provisions" / "07-no_retention.md"
    text = f.read_text()
    assert "      unless: '" in text
    f.write_text(text.replace("      unless: '", "      unless: 'sooner(?<!x)|", 1))
    with pytest.raises(LibraryError, match="07-no_retention.md: pattern .* is not RE2 syntax"):
        load_library(clause_copy)


def test_a_vocabulary_entry_may_name_an_entry_above_it_not_below(clause_copy):
    lib = load_library(clause_copy)
    barred = lib.vocabulary["VENDOR_BARRED"]  # written with {VENDOR}, which stands above it
    assert "{VENDOR}" not in barred and lib.vocabulary["VENDOR"] in barred
    meta = clause_copy / "library.yaml"
    text = meta.read_text()
    meta.write_text(text.replace("  VENDOR_BARRED: '{VENDOR}", "  VENDOR_BARRED: '{VENDOR_OBTAINS}", 1))
    with pytest.raises(LibraryError, match=r"library.yaml: \{VENDOR_OBTAINS\} is not in the vocabulary"):
        load_library(clause_copy)


def test_pattern_the_check_engine_cannot_run(clause_copy):
    f = clause_copy / "provisions" / "10-severability.md"
    f.write_text(with_rule(f.read_text(), "severab(?!le)"))
    res = runner.invoke(app, ["library", "--clauses", str(clause_copy)])
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "10-severability.md" in lines[0] and "not RE2 syntax" in lines[0]


def test_cli_library_lists_and_fails_in_one_line(clause_copy):
    ok = runner.invoke(app, ["library", "--clauses", str(clause_copy)])
    assert ok.exit_code == 0
    assert "11  no_advertising" in ok.output and "§ 10-234bb(a)(9)" in ok.output
    f = clause_copy / "provisions" / "01-ownership.md"
    f.write_text(f.read_text().replace("citation:", "citaton:", 1))
    bad = runner.invoke(app, ["library", "--clauses", str(clause_copy)])
    assert bad.exit_code == 2
    lines = bad.stderr.strip().splitlines()
    assert len(lines) == 1 and "01-ownership.md" in lines[0] and "citaton" in lines[0]


def test_library_metadata(library):
    assert library.effective_date <= date.today()
    assert library.sections.index("definitions") < library.sections.index("provisions")
    assert {"definitions", "acknowledgement", "precedence", "schedule"} <= set(library.parts)


def _clause(library, board, vendor, pid: str) -> str:
    p = library.provision(pid)
    return render_text(p.text, {"vendor": vendor.model_dump(), "board": board.model_dump()}, p.source)


def test_student_generated_content_is_the_students(library, board, vendor):
    text = _clause(library, board, vendor, "ownership")
    assert "Student-generated content is the property of the student who created it" in text
    assert "Student information and student records remain the property of, and under the control of, the Board" in text
    assert "content remain" not in text and "They remain the property" not in text


def test_no_retention_tail_after_the_services(library, board, vendor):
    text = _clause(library, board, vendor, "no_retention")
    assert "upon the completion of the services under the Agreement or the expiration of the Agreement" in text
    assert "sixty (60) days after the end" not in text


def test_definitions_keep_the_statutory_exclusions(library, board, vendor):
    text = render_text(library.parts["definitions"].text, {"vendor": vendor.model_dump(), "board": board.model_dump()})
    assert "but not de-identified information that the Contractor uses" in text
    assert "but not an advertisement shown to a student on a website at the time" in text


def test_basis_tells_statute_from_policy(library):
    assert library.a_provisions() == set(PROVISION_IDS) - {"no_advertising"}
    assert library.provision("no_advertising").basis == "policy"
    assert "§ 10-234bb(d)(2)" in library.provision("no_advertising").basis_note


def test_security_does_not_claim_to_restate_subsection_c(library, board, vendor):
    assert "10-234bb(c) requires" not in _clause(library, board, vendor, "security")


# ---------------------------------------------------------------- the trace


def test_trace_prints_all_eleven_rows_in_every_format():
    import json as json_

    res = runner.invoke(app, ["library", "--trace"])
    assert res.exit_code == 0, res.output
    heads = [ln for ln in res.stdout.splitlines() if ln[:2].strip().isdigit()]
    assert [int(ln[:2]) for ln in heads] == list(range(1, 12))
    data = json_.loads(runner.invoke(app, ["library", "--trace", "--format", "json"]).stdout)
    assert [r["id"] for r in data["provisions"]] == list(PROVISION_IDS)
    md = runner.invoke(app, ["library", "--trace", "--format", "markdown"]).stdout
    assert sum(ln.startswith("| ") and ln[2:4].strip().isdigit() for ln in md.splitlines()) == 11
    assert runner.invoke(app, ["library", "--format", "markdown"]).exit_code == 2
    listed = json_.loads(runner.invoke(app, ["library", "--format", "json"]).stdout)["provisions"]
    assert [p["basis"] for p in listed] == ["10-234bb(a)"] * 10 + ["policy"]


def test_trace_comes_from_the_clause_files(clause_copy, board):
    """Edit a clause file and the trace follows: nothing in it is written twice."""
    from generator.documents.trace import library_trace

    f = clause_copy / "provisions" / "09-governing_law.md"
    f.write_text(f.read_text().replace("Add a statement that the laws", "Insert a sentence that the laws", 1))
    rows = {r.id: r for r in library_trace(load_library(clause_copy), board)}
    assert rows["governing_law"].cure.startswith("Insert a sentence that the laws")
    row = rows["deletion"]
    assert "{{" not in row.clause and "{%" not in row.clause and "**" not in row.clause
    assert row.present_when == load_library(clause_copy).provision("deletion").detect.present_explanation
    assert rows["no_advertising"].basis.startswith("the Board's policy")


def test_every_citation_in_clauses_is_verified_or_marked_to_confirm(library, board):
    from generator.documents.trace import citations_in, library_trace, parts_citations

    checks = [c for r in library_trace(library, board) for c in r.citations]
    checks += [c for cs in parts_citations(library).values() for c in cs]
    unknown = {c.citation for c in checks if c.note == "not checked against the statute's text"}
    assert unknown == set(), f"add these to clauses/library.yaml citations: {sorted(unknown)}"
    known = set(library.citations.verified) | set(library.citations.to_confirm)
    for path in CLAUSES_DIR.rglob("*.md"):  # conflict explanations and front matter too
        assert set(citations_in(path.read_text())) <= known, path.name
    by = {r.id: r for r in library_trace(library, board)}
    assert [c.citation for c in by["review_correction"].to_confirm] == []
    assert "§ 10-234bb(d)(2)" in [c.citation for c in by["no_advertising"].to_confirm]
    text = runner.invoke(app, ["library", "--trace"]).stdout
    assert "§ 10-234bb(d)(2) (TO CONFIRM:" in text and "§ 10-234bb(a)(1) (verified)" in text


def test_citations_are_read_as_a_lawyer_writes_them():
    from generator.documents.trace import citations_in

    assert citations_in("Conn. Gen. Stat. § 10-234bb(e), (f); §§ 10-234aa to 10-234dd; 20 U.S.C. § 1232g, "
                        "34 C.F.R. Part 99 and § 1-4") == [
        "§ 10-234bb(e)", "§ 10-234bb(f)", "§§ 10-234aa to 10-234dd", "20 U.S.C. § 1232g", "34 C.F.R. Part 99", "§ 1-4"]


def test_app_page_shows_the_trace_without_template_code():
    from streamlit.testing.v1 import AppTest

    from .conftest import ROOT

    at = AppTest.from_file(str(ROOT / "app_pages" / "library.py"), default_timeout=60).run()
    assert not at.exception
    assert [e.label.split(".")[0] for e in at.expander] == [str(n) for n in range(1, 12)]
    shown = " ".join(m.value for m in at.markdown)
    for label in ("What the law requires", "Model clause", "present when", "Partial when",
                  "The amendment letter asks the vendor to", "to confirm"):
        assert label in shown, label
    assert "{{" not in shown and "{%" not in shown
    assert "§\u00a010\u2011234bb\\(d\\)\\(2\\)" in at.warning[0].value  # kept whole on a line


def test_a_library_read_again_comes_from_the_cache_unchanged(clause_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("SDPA_CACHE_DIR", str(tmp_path / "cache"))
    first = load_library(clause_copy)
    assert len(list((tmp_path / "cache").glob("library-*.json"))) == 1
    import generator.library as module

    def no_reading(base):
        raise AssertionError("the clause files were parsed again")

    monkeypatch.setattr(module, "_read_library", no_reading)
    assert load_library(clause_copy) == first


def test_an_edited_clause_file_is_read_anew_not_taken_from_the_cache(clause_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("SDPA_CACHE_DIR", str(tmp_path / "cache"))
    before = load_library(clause_copy)
    path = clause_copy / "provisions" / "02-deletion.md"
    path.write_text(path.read_text().replace("No means is given for the board", "Nothing tells the board how"))
    after = load_library(clause_copy)
    assert after.provision("deletion").detect.missing_explanation.startswith("Nothing tells the board how")
    assert before.provision("deletion").detect.missing_explanation.startswith("No means is given")
    path.write_text(path.read_text().replace("detect:", "detect:\n  unknown_key: 1", 1))
    with pytest.raises(LibraryError, match="02-deletion.md: key 'detect.unknown_key': unknown key"):
        load_library(clause_copy)  # a broken file fails as before: no cached copy hides it


def test_an_edited_operator_rules_file_is_read_anew_not_taken_from_the_cache(clause_copy, tmp_path, monkeypatch):
    # the operator rules (operators.yaml) are part of the library: an edit to them is a new key
    monkeypatch.setenv("SDPA_CACHE_DIR", str(tmp_path / "cache"))
    before = load_library(clause_copy)
    path = clause_copy / "operators.yaml"
    path.write_text(path.read_text().replace('version: "', 'version: "edited-', 1))
    after = load_library(clause_copy)
    assert after.operators.version.startswith("edited-")
    assert not before.operators.version.startswith("edited-")


def test_a_damaged_or_unwritable_cache_is_passed_over(clause_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("SDPA_CACHE_DIR", str(tmp_path / "cache"))
    first = load_library(clause_copy)
    (cached,) = (tmp_path / "cache").glob("library-*.json")
    cached.write_text('{"name": "half a file')
    assert load_library(clause_copy) == first
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("SDPA_CACHE_DIR", str(blocked / "cache"))
    assert load_library(clause_copy) == first
    monkeypatch.setenv("SDPA_CACHE_DIR", "off")
    assert load_library(clause_copy) == first
