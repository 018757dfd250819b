"""Shared fixtures: the shipped library, board and vendor; golden files; LibreOffice presence."""

from __future__ import annotations

import atexit
import io
import json
import os
import shutil
import tempfile
from pathlib import Path

import docx
import pytest

import generator.records.directory  # noqa: F401 - its tables join Base.metadata, so drop_all in tests drops them too
from generator import load_board, load_library
from generator.models import Vendor

# what sdpa caches (the validated clause library) goes to a folder of this run, not the home's
if "SDPA_CACHE_DIR" not in os.environ:
    os.environ["SDPA_CACHE_DIR"] = tempfile.mkdtemp(prefix="sdpa-test-cache-")
    atexit.register(shutil.rmtree, os.environ["SDPA_CACHE_DIR"], True)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
EVAL = ROOT.parent / "shared" / "eval"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.txt")


@pytest.fixture(scope="session")
def library():
    return load_library()


@pytest.fixture(scope="session")
def board():
    return load_board(ROOT / "examples" / "board.example.yaml")


@pytest.fixture()
def vendor() -> Vendor:
    return Vendor(**json.loads((ROOT / "examples" / "vendor.json").read_text()))


def docx_text(data: bytes | Path, raw: bool = False) -> str:
    """All text a reader sees in a DOCX: body paragraphs, tables, headers and footers. Unless
    ``raw``, the non-breaking space and hyphen that keep citations whole read as " " and "-"."""
    d = docx.Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    for s in d.sections:
        parts += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
    text = "\n".join(parts)
    return text if raw else text.replace("\u00a0", " ").replace("\u2011", "-")


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)


@pytest.fixture()
def golden(request: pytest.FixtureRequest):
    """Compare text with tests/golden/<name>.txt (rewrite it with --update-golden)."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / f"{name}.txt"
        if request.config.getoption("--update-golden") or not path.exists():
            if not request.config.getoption("--update-golden") and os.environ.get("CI"):
                pytest.fail(f"golden file {path} is missing; run pytest --update-golden")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert text == path.read_text(encoding="utf-8"), f"text differs from {path}"

    return check


@pytest.fixture(scope="session")
def soffice() -> str:
    """LibreOffice; in CI it must be there (``.ci/run`` installs it), elsewhere the test skips."""
    exe = shutil.which("soffice")
    if not exe:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is not installed; .ci/run should have installed it")
        pytest.skip("LibreOffice is not installed")
    return exe


@pytest.fixture(scope="session")
def addendum_files(tmp_path_factory, board, soffice) -> dict[str, Path]:
    """The example vendor's addendum as DOCX and as a LibreOffice PDF (made once per run)."""
    from generator import convert_to_pdf, render_addendum

    out = tmp_path_factory.mktemp("addendum")
    vendor = Vendor(**json.loads((ROOT / "examples" / "vendor.json").read_text()))
    docx_path = out / "addendum.docx"
    docx_path.write_bytes(render_addendum(vendor, board))
    (pdf_path,) = convert_to_pdf([docx_path])
    return {"docx": docx_path, "pdf": pdf_path}


@pytest.fixture()
def fresh_register(tmp_path, monkeypatch) -> str:
    """An empty SQLite register of the test's own (``$SDPA_DATABASE_URL``), and no ``$SDPA_BOARD``:
    the board profile in use is the shipped example until one is saved."""
    monkeypatch.delenv("SDPA_BOARD", raising=False)
    url = f"sqlite:///{tmp_path / 'register.sqlite3'}"
    monkeypatch.setenv("SDPA_DATABASE_URL", url)
    return url


def downgrade_register(engine, revision: str) -> None:
    """Take a SQLite register's schema down to Alembic ``revision`` (an older register, for the
    upgrade tests). SQLite rebuilds tables on the way down: foreign keys off, as for any migration."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "generator" / "records" / "migrations"))
    with engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
