"""End to end in a real headless Chromium (Debian's) against `streamlit run` on a free port:
check a contract, read its results as page text (desktop and 390 px), record the check, write
the letter and record the notice; run a batch with a bad row; every register action."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, docx_text

CHROMIUM = "/usr/bin/chromium"
DOCS_PICTURES = {"check", "check-390", "register", "batch"}  # the screenshots docs/ shows
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is not installed; .ci/run should have installed it")
        pytest.skip("chromium is not installed")
    port = free_port()
    env = {**os.environ, "SDPA_DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('db') / 'r.sqlite3'}"}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--server.headless", "true"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture()
def page(app_url, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 2000})
        pg = context.new_page()
        pg.set_default_timeout(60_000)
        yield pg
        context.close()
        browser.close()


def _shot(page, tmp_path: Path, name: str) -> None:
    page.locator("h1").first.scroll_into_view_if_needed()  # the app scrolls an inner container
    page.wait_for_timeout(500)
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
    if os.environ.get("SDPA_SCREENSHOTS") and name in DOCS_PICTURES:  # refresh the docs' pictures
        shutil.copy(tmp_path / f"{name}.png", ROOT / "docs" / f"{name}.png")


def _download(page, label: str, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def _idle(page) -> None:
    """Wait until the app has finished its rerun (Streamlit's "running" indicator is gone)."""
    page.wait_for_timeout(300)
    page.locator("[data-testid=stStatusWidget]").wait_for(state="detached")


def _pick(page, label: str | re.Pattern, option: str) -> None:
    """Choose ``option`` (a part of its text) in the select box labelled ``label`` (its whole
    label, or a pattern); a rerun that redraws the list while it opens is retried."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(4):
        _idle(page)
        exact = None if isinstance(label, re.Pattern) else True
        page.get_by_role("combobox", name=label, exact=exact).first.click()
        try:
            page.get_by_role("option", name=re.compile(re.escape(option))).first.click(timeout=5_000)
        except PlaywrightTimeout:
            if attempt == 3:
                raise
            page.keyboard.press("Escape")
        else:
            _idle(page)
            return


def _date(page, label: str, iso: str) -> None:
    """Type ``iso`` (YYYY-MM-DD) into the date field labelled ``label``."""
    page.get_by_role("group", name=label, exact=True).get_by_role("spinbutton").first.click()
    page.keyboard.type(iso.replace("-", ""))
    page.keyboard.press("Escape")  # close the calendar, which would cover the buttons below


def _action(page, name: str) -> None:
    _pick(page, "What do you want to do?", name)


def _record(page, action: str, contract: str, button: str, dates: dict[str, str] | None = None) -> None:
    """Open the register action ``action`` for ``contract``, type ``dates`` ({label: ISO date})
    and press ``button``."""
    _action(page, action)
    _pick(page, "Contract", contract)
    for label, iso in (dates or {}).items():
        _date(page, label, iso)
    page.get_by_role("button", name=button).click()


def _flash(page, text: str) -> str:
    """The message box (success, warning, error) holding ``text``, once it shows."""
    alert = page.locator("[data-testid=stAlert]").filter(has_text=text)
    alert.wait_for()
    return alert.inner_text()


def _add_contract(page, app_url, vendor: str, product: str) -> None:
    page.goto(f"{app_url}/register")
    page.get_by_label("Vendor (the company's legal name)").fill(vendor)
    page.get_by_label("Product or service").fill(product)
    page.get_by_role("button", name="Add the contract").click()
    _flash(page, f"{vendor}, {product}")


def _status(page, vendor: str, *wanted: str) -> str:
    """The status the register page's contract list shows for ``vendor``'s contract, once it is
    one of ``wanted`` (Streamlit redraws the page top down: the list may still be the last run's
    when the confirmation above it shows). Fails if it never becomes one of them."""
    from playwright.sync_api import expect

    row = page.locator("tr", has=page.locator('td[data-label="Status"]')).filter(has_text=vendor).first
    cell = row.locator('td[data-label="Status"]')
    expect(cell).to_have_text(re.compile("^(?:" + "|".join(map(re.escape, wanted)) + ")$"), timeout=60_000)  # a loaded machine redraws slowly
    return cell.inner_text()


def _words(text: str) -> str:
    return " ".join(text.split())


def test_check_results_are_page_text_and_the_workflow_reaches_the_register(page, app_url, tmp_path, library):
    from generator import check_contract, read_document

    expected = check_contract(read_document(FIXTURES / "gapwell-terms.txt"), library)
    _add_contract(page, app_url, "Gapwell Learning LLC", "Gapwell Math")
    page.goto(app_url)  # the check page is the default page, served at /
    page.get_by_text("Check a contract", exact=True).first.wait_for()
    page.locator("input[type=file]").set_input_files(str(FIXTURES / "gapwell-terms.txt"))
    page.get_by_text("8 of 11 present, 1 conflict").wait_for()
    gaps = page.locator("p", has_text="Not present:").first.inner_text()
    assert "4. Review and correction" in gaps and "9. Connecticut law governs" in gaps
    for width in (1400, 390):
        page.set_viewport_size({"width": width, "height": 2000 if width > 400 else 7000})
        report = page.locator(".sdpa-report")
        text = _words(report.inner_text())
        for f in expected.provisions:
            card = _words(report.locator(f"[data-provision={f.id}]").inner_text())
            assert f"{f.number}. {f.title}" in card and {"present": "✔", "partial": "partial", "missing": "✘"}[f.status] in card
            assert f.status in card and _words(f.explanation) in card
            for e in f.evidence:
                assert f"“{_words(e.text)}”" in card and e.location in card
        for c in expected.conflicts:
            assert _words(c.text) in text
        assert "for counsel to confirm" in text
        assert report.evaluate("e => e.scrollWidth <= e.clientWidth")  # nothing cut off at the right
        _shot(page, tmp_path, "check" if width > 400 else "check-390")
    page.set_viewport_size({"width": 1400, "height": 2000})
    report_docx = docx_text(_download(page, "Report (DOCX)", tmp_path))
    assert "Contract check report: gapwell-terms.txt" in report_docx and "Waterbury Board of Education" in report_docx
    page.get_by_role("button", name="Make a PDF").click()
    assert _download(page, "Report (PDF)", tmp_path).read_bytes().startswith(b"%PDF")

    _pick(page, "Contract in the register", "Gapwell Learning LLC: Gapwell Math")
    page.get_by_role("button", name="Record this check on the contract").click()
    assert "8 of 11 present" in _flash(page, "Check recorded")
    page.get_by_role("button", name="Write the letter").click()
    _flash(page, "enter the date the contract was signed")
    _idle(page)  # the form is drawn again after the message: read it once the run is over
    assert page.get_by_label("Vendor name").input_value() == "Gapwell Learning LLC"  # from the register
    page.get_by_label("Vendor's privacy contact email").fill("legal@gapwell.example")
    _date(page, "Date of the vendor's contract", "2025-08-15")
    _date(page, "Date of the letter", "2026-12-01")
    page.get_by_role("button", name="Write the letter").click()
    page.get_by_text("Letter ready: the vendor must amend by December 31, 2026").wait_for()
    letter = docx_text(_download(page, "Download the letter (DOCX)", tmp_path))
    assert "Gapwell Learning LLC" in letter and "Conn. Gen. Stat. § 10-234bb(a)(9)" in letter
    assert "dated August 15, 2025" in letter
    page.get_by_role("button", name="Record the notice on the contract").click()
    assert "must amend by December 31, 2026" in _flash(page, "Notice recorded")
    page.goto(f"{app_url}/register")
    assert _status(page, "Gapwell Learning LLC", "notice sent") == "notice sent"


def test_batch_with_a_bad_row(page, app_url, tmp_path):
    src = tmp_path / "vendors.csv"
    with src.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["vendor_name", "product", "contact_email", "contract_date"])
        w.writerow(["Alpha Reading Co", "Alpha", "a@alpha.example", "2026-09-01"])
        w.writerow(["Broken Row Inc", "Beta", "not-an-email", "2026-09-01"])
        w.writerow(["Gamma Math LLC", "Gamma", "g@gamma.example", "9/15/2026"])
    page.goto(f"{app_url}/batch")
    page.locator("input[type=file]").first.set_input_files(str(src))  # the vendor list, not the contracts
    page.get_by_text("3 rows: 2 ready, 1 with problems").wait_for()
    page.get_by_text("line 3, contact_email").wait_for()
    page.get_by_role("button", name="Generate 2 addenda").click()
    page.get_by_text("2 generated").wait_for()
    _shot(page, tmp_path, "batch")
    archive = _download(page, "Download the ZIP (addenda, letters, manifest)", tmp_path)
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
        assert {"addenda/Alpha-Reading-Co.docx", "addenda/Gamma-Math-LLC.docx", "manifest.csv"} <= names
        assert "Gamma Math LLC" in docx_text(z.read("addenda/Gamma-Math-LLC.docx"))
        manifest = list(csv.DictReader(io.StringIO(z.read("manifest.csv").decode("utf-8-sig"))))
    assert [m["outcome"] for m in manifest] == ["generated", "rejected", "generated"]


@pytest.mark.parametrize("path", ["addendum", "vet", "notices", "register", "library", "board"])
def test_every_page_renders(page, app_url, tmp_path, path):
    page.goto(f"{app_url}/{path}")
    page.locator("h1").first.wait_for()
    assert page.locator("[data-testid=stException]").count() == 0
    _shot(page, tmp_path, path)


def test_hostile_uploads_get_named_errors(page, app_url, tmp_path):
    from .hostile.corpus import blank_pdf, encrypted_pdf, zip_bomb_docx

    cases = {"locked.pdf": (encrypted_pdf("s3cret"), "encrypted with a password"),
             "bomb.docx": (zip_bomb_docx(), "a ZIP bomb"), "scan.pdf": (blank_pdf(2), "run it through OCR first")}
    for fname, (data, message) in cases.items():
        path = tmp_path / fname
        path.write_bytes(data)
        page.goto(app_url)
        page.locator("input[type=file]").set_input_files(str(path))
        alert = page.get_by_role("alert").filter(has_text=fname)
        alert.wait_for()
        assert message in alert.inner_text()
        assert page.locator("[data-testid=stException]").count() == 0
    path = tmp_path / "vendors.csv"
    path.write_bytes(bytes(range(256)))
    page.goto(f"{app_url}/batch")
    page.locator("input[type=file]").first.set_input_files(str(path))
    page.get_by_role("alert").filter(has_text="vendors.csv: this is a binary file").wait_for()


# ---------------------------------------------------------------- the register page, one test per few actions
# (after test_every_page_renders, so that docs/register.png shows a register with contracts)


def test_register_add_duplicate_edit_history_and_search(page, app_url, tmp_path):
    from playwright.sync_api import expect

    _add_contract(page, app_url, "Aspen Art Co", "Aspen Draw")
    for field in ("Vendor (the company's legal name)", "Product or service"):  # the form starts empty again
        expect(page.get_by_label(field)).to_have_value("")
    _add_contract(page, app_url, "Alder Reading Co", "Alder Books")
    page.get_by_label("Vendor (the company's legal name)").fill("alder reading co.")
    page.get_by_label("Product or service").fill("Alder Books")
    page.get_by_role("button", name="Add the contract").click()
    assert "Already in the register" in _flash(page, "Alder Reading Co: Alder Books")
    assert page.locator("tr", has_text="Alder Reading Co").filter(
        has=page.locator('td[data-label="Status"]')).count() == 1  # the second click added nothing
    _action(page, "Edit a contract")
    _pick(page, "Contract", "Alder Reading Co: Alder Books")
    page.get_by_label("Purpose").fill("Reading practice at home")
    page.get_by_role("button", name="Save the changes").click()
    _flash(page, "changed purpose")
    _action(page, "See the history of a contract")
    _pick(page, "Contract", "Alder Reading Co: Alder Books")
    line = page.locator("table", has_text="History of").locator("tr", has_text="edit contract").first
    line.wait_for()
    assert "purpose: (empty) → Reading practice at home" in line.inner_text()
    page.get_by_label("Search").fill("alder")
    page.get_by_label("Search").press("Enter")
    page.get_by_text(re.compile(r"^1 of \d+ shown")).wait_for()
    assert _status(page, "Alder Reading Co", "draft") == "draft"
    assert page.locator("tr", has=page.locator('td[data-label="Status"]')).filter(has_text="Aspen").count() == 0
    _shot(page, tmp_path, "register")


def test_register_executed_posted_and_publish(page, app_url, tmp_path):
    _add_contract(page, app_url, "Birch Math Inc", "Birch Tutor")
    import datetime as dt

    import generator as g

    signed = dt.date.today() - dt.timedelta(days=14)  # a date after today is refused by the page
    due = g.deadlines(executed=signed)["website_notice_due"]
    _record(page, "Record the execution date", "Birch Math Inc: Birch Tutor", "Record the execution date",
            {"Date signed by both parties": signed.isoformat()})
    assert f"post it on the website by {g.long_date(due)}" in _flash(page, f"executed on {g.long_date(signed)}")
    _action(page, "Record the website posting")
    _pick(page, "Contract", "Birch Math Inc: Birch Tutor")
    page.get_by_label("Web address of the posting (optional)").fill("https://district.example/birch")
    page.get_by_role("button", name="Record the posting").click()
    _flash(page, "posted on the website")
    assert _status(page, "Birch Math Inc", "posted") == "posted"
    _action(page, "Publish the public contracts page")
    page.get_by_role("button", name="Build the public page").click()
    assert "(Birch Math Inc, Birch Tutor): purpose is missing" in _flash(page, "purpose is missing")
    page.get_by_text("Draft: build it even where").click()
    _idle(page)
    page.get_by_role("button", name="Build the public page").click()
    with zipfile.ZipFile(_download(page, "Download the public page (ZIP)", tmp_path)) as z:
        index = z.read("index.html").decode("utf-8")
        assert "Birch Math Inc" in index and g.long_date(signed) in index and "contracts.csv" in z.namelist()
        assert "DRAFT" in index and "[to complete: purpose]" in index


def test_register_notice_outcome_and_export(page, app_url, tmp_path):
    _add_contract(page, app_url, "Cedar Science LLC", "Cedar Lab")
    _record(page, "Record an amendment notice", "Cedar Science LLC: Cedar Lab", "Record the notice",
            {"Date the amendment notice was sent": "2026-12-01"})
    assert "must amend by December 31, 2026" in _flash(page, "Notice to amend contract")
    # after the cure date, "cure date passed": nothing shows a § 10-234bb(a) gap, so (f) does not void it
    assert _status(page, "Cedar Science LLC", "notice sent", "cure date passed — counsel to decide")
    _action(page, "Record the outcome of a notice")
    _pick(page, "Contract", "Cedar Science LLC: Cedar Lab")
    page.get_by_text("Amended: the vendor signed").click()
    page.get_by_role("button", name="Record the outcome").click()
    _flash(page, "notice amended")
    assert _status(page, "Cedar Science LLC", "amended") == "amended"
    _action(page, "Export the register (backup)")
    page.get_by_role("button", name="Prepare the export").click()
    with zipfile.ZipFile(_download(page, "Download the export (ZIP)", tmp_path)) as z:
        export = json.loads(z.read("manifest.json"))
        tables = {name: [json.loads(line) for line in z.read(entry["member"]).splitlines()]
                  for name, entry in export["tables"].items()}  # each table a JSON Lines member
    assert export["format"] == "sdpa-register"
    (vid,) = [v["id"] for v in tables["vendors"] if v["name"] == "Cedar Science LLC"]
    (cid,) = [c["id"] for c in tables["contracts"] if c["vendor_id"] == vid]
    assert [(n["sent"], n["outcome"]) for n in tables["notices"] if n["contract_id"] == cid] == [("2026-12-01", "amended")]


def test_register_breach_and_families_notified(page, app_url, tmp_path):
    _add_contract(page, app_url, "Dogwood Video Corp", "Dogwood Stream")
    _record(page, "Record a breach", "Dogwood Video Corp: Dogwood Stream", "Record the breach")
    _flash(page, "enter the date")  # the date the vendor's notice came is required
    _date(page, "Date the vendor's breach notice was received", "2025-12-23")  # an event is past: no later date
    page.get_by_role("button", name="Record the breach").click()
    assert "by December 26, 2025" in _flash(page, "recorded on contract")  # 2 business days, Christmas skipped
    _action(page, "Record families notified of a breach")
    _pick(page, "Breach", "Dogwood Video Corp")
    _date(page, "Date the families were notified", "2025-12-24")
    page.get_by_role("button", name="Record", exact=True).click()
    _flash(page, "families notified on December 24, 2025")
    from playwright.sync_api import expect

    # the timeline below redraws after the confirmation above it shows
    expect(page.locator("table.sdpa-table", has_text="Families notified").last).to_contain_text("December 24, 2025")


def test_register_annual_notice(page, app_url):
    import datetime as dt

    from generator import long_date

    today = dt.date.today()
    page.goto(f"{app_url}/register")
    _action(page, "Record the annual notice to parents")
    assert "is not recorded" in _flash(page, f"notice of {today.year}")
    page.get_by_role("button", name="Record the annual notice").click()
    _flash(page, "Date the notice was sent: enter the date")
    _date(page, "Date the notice was sent", today.isoformat())
    page.get_by_role("button", name="Record the annual notice").click()
    _flash(page, f"Annual notice of {today.year} recorded")
    _action(page, "Record the annual notice to parents")
    assert f"was sent on {long_date(today)}" in _flash(page, "The next one is due by")
    due = page.locator("tr", has_text="annual notice to students and parents")
    assert f"September 1, {today.year + 1}" in due.inner_text()  # this year's is done: next year's is due
    assert "OVERDUE" not in due.inner_text()


def test_register_exception_and_the_years_report(page, app_url, tmp_path):
    import datetime as dt

    year = dt.date.today().year
    page.goto(f"{app_url}/register")
    _action(page, "Record an IEP or Section 504 exception")
    page.get_by_role("textbox", name="Student reference (not the name)").fill("Robin Example")
    page.get_by_text("Section 504 plan", exact=True).click()
    page.get_by_label("Service, website or app").fill("TalkBoard Speech Drills")
    page.get_by_label("Who operates it (company)").fill("TalkBoard Labs")
    page.get_by_label("The board's effort to contract with the operator", exact=False).fill(
        "Sent our addendum twice in March; the operator declined.")
    page.get_by_label("The board's search for an equivalent service").fill("Three speech apps tried; none fits.")
    _date(page, "Date the parent signed the acknowledgement", f"{year}-03-16")
    page.get_by_role("button", name="Record the exception").click()
    _flash(page, "student reference")  # a name is refused: the register keeps a reference only
    page.get_by_role("textbox", name="Student reference (not the name)").fill("S-20417")
    page.get_by_role("button", name="Record the exception").click()
    assert "under the child's Section 504 plan" in _flash(page, "TalkBoard Speech Drills")
    _action(page, "Report the IEP and Section 504 exceptions of a year")
    assert "TalkBoard Labs" in page.locator("table", has_text=f"In use during {year}").inner_text()
    page.get_by_role("button", name="Prepare the report").click()
    report = docx_text(_download(page, "Download the report (DOCX)", tmp_path))
    assert "Commission for Educational Technology" in report and "TalkBoard Speech Drills" in report
    assert "The search for an equivalent service: Three speech apps tried" in report
    table = _download(page, "Download the table (CSV)", tmp_path).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(table)))
    assert [(r["service"], r["plan"], r["signed"]) for r in rows] == [("TalkBoard Speech Drills", "504", f"{year}-03-16")]
    assert "S-20417" not in table and "S-20417" not in report  # the Commission's copy names no student


def test_check_page_redline_downloads_tracked_changes(page, app_url, tmp_path):
    from tools.redline_sample import sample_contract

    src = tmp_path / "northwind-terms.docx"
    src.write_bytes(sample_contract())
    page.goto(app_url)
    page.locator("input[type=file]").set_input_files(str(src))
    page.get_by_text(re.compile(r"\d+ of 11 present")).wait_for()
    page.get_by_label("Vendor name").fill("Northwind Learning Inc.")
    page.get_by_role("button", name="Mark up the vendor's DOCX (tracked changes)").click()
    summary = _flash(page, "Redline ready")
    assert re.search(r"\d+ provisions? inserted, \d+ conflicting terms? struck", summary)
    out = _download(page, "Download the redline (DOCX)", tmp_path)
    assert out.name == "northwind-terms-redline.docx"
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
        assert "<w:ins " in body and "<w:del " in body and "word/comments.xml" in z.namelist()
    assert "Northwind Learning Inc." in docx_text(out) or "Northwind Learning Inc." in body
    page.locator("input[type=file]").set_input_files(str(FIXTURES / "gapwell-terms.txt"))
    page.get_by_text("needs the vendor's contract as a DOCX").wait_for()
    _idle(page)  # the DOCX's form stays on the page, faded, until the run ends
    assert page.get_by_role("button", name="Mark up the vendor's DOCX (tracked changes)").count() == 0
