"""What a first-time user or an attacker met in issue 23's last round, each checked as they would
check it: the words on the page, the line the command prints."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser

import pytest
import yaml

import generator as g
from generator.errors import ExtractError, InputError, ProfileError
from generator.reading.extract import read_document

from .conftest import ROOT, docx_text
from .hostile.round23 import MARKDOWN_NAME, deep_yaml, jpeg_named_pdf, truncated_sheet_xlsx
from .test_app import listen_on  # noqa: F401  (a fixture)


def _sdpa(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, timeout=timeout,
                          cwd=ROOT, stdin=subprocess.DEVNULL)


def _one_line(proc: subprocess.CompletedProcess, *expect: str) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2 and "Traceback" not in err and "unexpected" not in err, err
    assert len(err.strip().splitlines()) == 1 and err.startswith("sdpa: error: "), err
    for e in expect:
        assert e in err, err
    return err


# ---------------------------------------------------------------- documents say what was typed


def test_a_vendor_name_with_docxtpl_escapes_prints_as_typed(library, board, vendor):
    odd = vendor.model_copy(update={"name": "Acme {_{ x }_} {_% y %_} Learning"})
    text = docx_text(g.render_addendum(odd, board, library))
    assert "Acme {_{ x }_} {_% y %_} Learning" in text
    assert "Acme {{ x }}" not in text


def test_a_blank_board_legal_name_is_refused(board):
    data = yaml.safe_load((ROOT / "examples" / "board.example.yaml").read_text())
    for blank in ("", "   "):
        with pytest.raises(ProfileError, match="name.*the board's legal name is required"):
            g.board_from_dict({**data, "name": blank}, "the board form")
    assert g.board_from_dict(data, "the board form").name == board.name


# ---------------------------------------------------------------- files that are not what they say


def test_a_photo_renamed_pdf_is_named_for_what_it_is(tmp_path):
    with pytest.raises(ExtractError, match=r"^scan\.pdf: not a PDF \(looks like a JPEG image\)"):
        read_document(jpeg_named_pdf(), "scan.pdf")
    (tmp_path / "scan.pdf").write_bytes(jpeg_named_pdf())
    _one_line(_sdpa("check", str(tmp_path / "scan.pdf")), "not a PDF (looks like a JPEG image)")


def test_a_spreadsheet_cut_off_mid_sheet_is_one_named_line(tmp_path):
    with pytest.raises(InputError, match=r"^cut\.xlsx: row \d+: the XLSX is damaged or truncated"):
        list(g.rows_from_file(io.BytesIO(truncated_sheet_xlsx()), "cut.xlsx"))
    (tmp_path / "cut.xlsx").write_bytes(truncated_sheet_xlsx())
    _one_line(_sdpa("batch", str(tmp_path / "cut.xlsx"), "--out", str(tmp_path / "out")), "cut.xlsx")


def test_yaml_nested_too_deeply_is_one_named_line(tmp_path):
    with pytest.raises(ProfileError, match="deep.yaml: invalid YAML"):
        g.board_from_yaml(deep_yaml(), "deep.yaml")
    (tmp_path / "deep.yaml").write_bytes(deep_yaml())
    _one_line(_sdpa("board", "import", str(tmp_path / "deep.yaml"), "--db", f"sqlite:///{tmp_path / 'r.db'}"),
              "deep.yaml: invalid YAML")


def test_a_docx_cut_off_mid_document_is_one_named_line(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Connecticut law governs this agreement. " * 40)
    whole = io.BytesIO()
    d.save(whole)
    cut = io.BytesIO()
    with zipfile.ZipFile(whole) as src, zipfile.ZipFile(cut, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data[: len(data) // 2] if name == "word/document.xml" else data)
    (tmp_path / "cut.docx").write_bytes(cut.getvalue())
    _one_line(_sdpa("check", str(tmp_path / "cut.docx")), "cut.docx")
    _one_line(_sdpa("redline", str(tmp_path / "cut.docx"), "--vendor", str(ROOT / "examples" / "vendor.json"),
                    "--out", str(tmp_path / "r.docx")), "cut.docx")


@pytest.mark.parametrize("command", ["redline", "board import"])
def test_devices_and_pipes_are_refused_at_once(tmp_path, command):
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        if command == "redline":
            args = ["redline", path, "--vendor", str(ROOT / "examples" / "vendor.json"),
                    "--out", str(tmp_path / "r.docx")]
        else:
            args = ["board", "import", path, "--db", f"sqlite:///{tmp_path / 'r.db'}"]
        _one_line(_sdpa(*args, timeout=30), path)  # a hang or 5 GB read would fail the timeout


# ---------------------------------------------------------------- what the app and reports show


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _check(library, text: str):
    return g.check_contract(read_document(text.encode(), "terms.txt"), library)


def test_copied_card_text_keeps_status_and_confidence_apart(library):
    report = _check(library, "Connecticut law governs this agreement.")
    reader = _Text()
    reader.feed(g.report_html(report))
    copied = "".join(reader.parts)
    assert "present · confidence high" in copied or "present · confidence low" in copied
    assert not re.search(r"(present|partial|missing)confidence", copied)


def test_markdown_report_reads_cleanly_and_names_conflicts_in_words(library):
    from markdown_it import MarkdownIt

    name = "## Terms **x** [a](http://evil.example) <b>y</b>.txt"
    report = g.check_contract(read_document(b"Acme may sell student data to [partners]. This agreement is "
                                            b"governed by the laws of the State of California.", name), library)
    md = g.report_markdown(report)
    assert "Conn. Gen. Stat." in md and "Conn\\." not in md and "10\\-234" not in md  # no escape clutter
    assert "Sale of student data" in md and "| sale |" not in md and "| use_limitation |" not in md
    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "<a " not in html and "<strong>" not in html and "<b>" not in html
    assert "Contract check: ## Terms **x** [a](http://evil.example) &lt;b&gt;y&lt;/b&gt;.txt</h1>" in html
    assert "sell student data to [partners].”" in html


def test_a_markdown_vendor_name_shows_literally_on_the_board_page(fresh_register, listen_on):
    from streamlit.testing.v1 import AppTest

    from generator.records.register import Register

    with Register(fresh_register) as reg:
        g.save_vendor(reg, g.Vendor(name=MARKDOWN_NAME, product="Reader"))
    listen_on("127.0.0.1")
    at = AppTest.from_file(str(ROOT / "app_pages" / "board.py"), default_timeout=60).run()
    at.selectbox(key="dv_pick").set_value(MARKDOWN_NAME).run()
    remove = at.button(key="dv_remove")
    assert remove.label == f"Remove {g.md_escape(MARKDOWN_NAME)} from the directory"
    remove.click().run()
    assert not at.exception
    assert "![x]" not in at.success[0].value and "\\!\\[x\\]" in at.success[0].value


def test_the_batch_page_counts_a_contract_it_was_not_given_before_it_runs(fresh_register):
    from streamlit.testing.v1 import AppTest

    from .conftest import FIXTURES
    from .test_app import _batch_csv

    at = AppTest.from_file(str(ROOT / "app_pages" / "batch.py"), default_timeout=60).run()
    assert "a ZIP (its folders kept), or the files themselves" in at.file_uploader(key="contracts").label
    at.file_uploader(key="vendors").upload("vendors.csv", _batch_csv(
        ["Gapwell Learning LLC", "Gapwell Math", "legal@gapwell.example", "2026-09-01", "gapwell.txt"],
        ["Other Co", "Math", "o@other.example", "2026-09-01", "contracts/other.txt"]), "text/csv")
    at.file_uploader(key="contracts").upload("gapwell.txt", (FIXTURES / "gapwell-terms.txt").read_bytes(), "text/plain")
    at.file_uploader(key="contracts").upload("other.txt", b"Connecticut law governs.", "text/plain").run()
    assert not at.exception
    assert at.subheader[0].value == "2 rows: 1 ready, 1 with problems"
    listing = at.markdown[-1].value.replace("\\", "")
    assert "line 3, contract_file: contracts/other.txt is not among the uploaded contracts" in listing
    assert "write other.txt in contract_file, or upload a ZIP that keeps the folders" in listing


def test_missing_uploads_knows_zip_folders_and_single_files():
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as z:
        z.writestr("terms/a.pdf", b"%PDF-1.4")
        z.writestr("__MACOSX/terms/._b.pdf", b"")
    uploads = [("bundle.zip", bundle.getvalue()), ("c.docx", b"PK")]
    missing = g.missing_uploads({2: "terms/a.pdf", 3: "c.docx", 4: "terms/b.pdf", 5: "x/c.docx"}, uploads)
    assert sorted(missing) == [4, 5]
    assert missing[4] == "terms/b.pdf is not among the uploaded contracts"
    assert "c.docx was uploaded alone" in missing[5]


def test_the_command_line_refuses_a_future_execution_date_as_the_app_does(tmp_path):
    from datetime import date, timedelta

    later = date.today() + timedelta(days=20)
    proc = _sdpa("register", "add", "--vendor", "Acme", "--product", "Reader", "--executed", later.isoformat(),
                 "--db", f"sqlite:///{tmp_path / 'r.db'}")
    assert proc.returncode == 2 and proc.stdout == b""
    said = proc.stderr.decode()
    assert said.startswith("sdpa: error: --executed: ") and "is after today" in said and len(said.splitlines()) == 1
    today = _sdpa("register", "add", "--vendor", "Beta", "--product", "Reader", "--executed",
                  date.today().isoformat(), "--db", f"sqlite:///{tmp_path / 'r.db'}")
    assert today.returncode == 0 and today.stderr == b""
