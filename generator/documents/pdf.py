"""Convert DOCX files to PDF with LibreOffice, many files per call, each call with its own profile."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.errors import ConversionError

INSTALL_HINT = (
    "LibreOffice is needed for PDF output: install it with "
    "'apt-get install libreoffice-writer-nogui' (Debian/Ubuntu) or from libreoffice.org"
)


def soffice_path() -> str | None:
    """The LibreOffice executable, or None when it is not installed ($SDPA_SOFFICE overrides)."""
    return os.environ.get("SDPA_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx_files: list[Path], outdir: Path | None = None, timeout: float = 300) -> list[Path]:
    """Convert each DOCX to a PDF beside it (or in ``outdir``) in one LibreOffice call.

    Each call gets its own LibreOffice profile folder (``-env:UserInstallation``): two
    processes sharing one profile make one fail silently. Returns the PDF paths in order.
    Raises :class:`ConversionError` when LibreOffice is missing, fails, or writes no PDF for a file.
    """
    files = [Path(f) for f in docx_files]
    if not files:
        return []
    exe = soffice_path()
    if not exe:
        raise ConversionError(INSTALL_HINT)
    groups: dict[Path, list[Path]] = {}
    for f in files:
        groups.setdefault(Path(outdir) if outdir else f.parent, []).append(f)
    for target, group in groups.items():
        target.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="sdpa-lo-") as profile:
            cmd = [
                exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                "--norestore", "--nologo", "--convert-to", "pdf", "--outdir", str(target),
                *[str(f) for f in group],
            ]
            try:
                proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
            except subprocess.TimeoutExpired:
                raise ConversionError(
                    f"LibreOffice did not finish converting {len(group)} file(s) within {timeout:.0f} s"
                ) from None
            except OSError as exc:
                raise ConversionError(f"cannot start LibreOffice ({exc}); {INSTALL_HINT}") from None
        for f in group:
            pdf = target / (f.stem + ".pdf")
            if not pdf.is_file() or pdf.stat().st_size == 0:
                detail = (proc.stderr or proc.stdout).strip().splitlines()
                raise ConversionError(
                    f"{f.name}: LibreOffice wrote no PDF (exit {proc.returncode}"
                    + (f": {detail[-1]}" if detail else "") + ")"
                )
    return [(Path(outdir) if outdir else f.parent) / (f.stem + ".pdf") for f in files]


def pdf_bytes(docx: bytes, stem: str = "document", timeout: float = 300) -> bytes:
    """One DOCX given as bytes, converted with LibreOffice in a private temporary folder;
    returns the PDF bytes. ``stem`` names the temporary file (made safe here). Raises
    :class:`ConversionError` as :func:`convert_to_pdf` does."""
    from generator.documents.render import safe_filename

    with tempfile.TemporaryDirectory(prefix="sdpa-pdf-") as tmp:
        path = Path(tmp) / f"{safe_filename(stem, 'document')}.docx"
        path.write_bytes(docx)
        (pdf,) = convert_to_pdf([path], timeout=timeout)
        return pdf.read_bytes()
