"""The clause library: eleven provisions, validated on load, broken files named precisely."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator import PROVISION_IDS, LibraryError, load_library
from generator.cli import app
from generator.library import CLAUSES_DIR
from generator.models import Vendor
from generator.render import render_text

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
    f.write_text(f.read_text().replace("version: \"1.0\"", "version: [1.0", 1))
    with pytest.raises(LibraryError, match=r"05-security.md: invalid YAML at line \d+"):
        load_library(clause_copy)


def test_bad_pattern_and_unknown_vocabulary_fail_at_load(clause_copy):
    f = clause_copy / "provisions" / "10-severability.md"
    f.write_text(f.read_text().replace("- all: ['severab']", "- all: ['sever(ab']"))
    with pytest.raises(LibraryError, match="10-severability.md: bad pattern"):
        load_library(clause_copy)
    f.write_text(f.read_text().replace("'sever(ab'", "'{NOPE}'"))
    with pytest.raises(LibraryError, match=r"\{NOPE\} is not in the vocabulary"):
        load_library(clause_copy)


def test_pattern_the_check_engine_cannot_run(clause_copy):
    f = clause_copy / "provisions" / "10-severability.md"
    f.write_text(f.read_text().replace("- all: ['severab']", "- all: ['severab(?!le)']"))
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
