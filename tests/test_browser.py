"""End to end in a real headless Chromium (Debian's) against `streamlit run` on a free port:
check a contract and get its letter; run a batch with a bad row and download the ZIP."""

from __future__ import annotations

import csv
import io
import os
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
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is not installed; .ci/run should have installed it")
        pytest.skip("chromium is not installed")
    port = _free_port()
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
    if os.environ.get("SDPA_SCREENSHOTS"):  # refresh the README's pictures
        shutil.copy(tmp_path / f"{name}.png", ROOT / "docs" / f"{name}.png")


def _download(page, label: str, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_check_a_contract_and_get_the_letter(page, app_url, tmp_path):
    page.goto(app_url)  # the check page is the default page, served at /
    page.get_by_text("Check a contract", exact=True).first.wait_for()
    page.locator("input[type=file]").set_input_files(str(FIXTURES / "gapwell-terms.txt"))
    page.get_by_text("8 of 11 present, 1 conflict").wait_for()
    gaps = page.locator("p", has_text="Not present:").first.inner_text()
    assert "4. Review and correction" in gaps and "9. Connecticut law governs" in gaps
    assert "11. No advertising" in gaps
    page.get_by_label("Vendor name").fill("Gapwell Learning LLC")
    page.get_by_label("Product or service").fill("Gapwell Math")
    page.get_by_label("Vendor contact email").fill("legal@gapwell.example")
    page.get_by_role("button", name="Write the letter").click()
    page.get_by_text("Letter ready").wait_for()
    _shot(page, tmp_path, "check")
    letter = docx_text(_download(page, "Download the letter (DOCX)", tmp_path))
    assert "Gapwell Learning LLC" in letter and "Conn. Gen. Stat. § 10-234bb(a)(9)" in letter


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


@pytest.mark.parametrize("path", ["addendum", "notices", "register", "library", "board"])
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
