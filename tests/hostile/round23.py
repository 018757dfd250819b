"""Hostile inputs of issue 23's last round (backups and rough edges), made by code: a photo
renamed .pdf, a spreadsheet cut off mid-sheet, YAML nested past Python's recursion limit, a
vendor name that is a Markdown image, and backups that forge log lines or name a student."""

from __future__ import annotations

import io
import json
import zipfile


def jpeg_named_pdf() -> bytes:
    """The first bytes of a JPEG photo (JFIF), and enough after them to look like a file."""
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 8


def truncated_sheet_xlsx() -> bytes:
    """A real workbook whose first sheet's XML stops half-way (the parser meets it row by row)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["vendor_name", "product", "contact_email", "contract_date"])
    for i in range(40):
        wb.active.append([f"Vendor {i}", "Reader", f"v{i}@example.com", "2026-09-01"])
    whole = io.BytesIO()
    wb.save(whole)
    out = io.BytesIO()
    with zipfile.ZipFile(whole) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data[: len(data) // 2] if name == "xl/worksheets/sheet1.xml" else data)
    return out.getvalue()


def deep_yaml(depth: int = 5000) -> bytes:
    """A board profile whose name is a list nested ``depth`` deep."""
    return b"name: " + b"[" * depth + b"]" * depth + b"\n"


MARKDOWN_NAME = "![x](http://evil.example/i.png) **Bold** Learning"


def spoiled_backup(good: bytes, table: str, column: str, value: object) -> bytes:
    """The ZIP backup ``good`` with one cell of its manifest changed (a forged log line, a
    student's name in an exception record, a profile that no longer validates)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "manifest.json":
                manifest = json.loads(data)
                manifest["tables"][table][0][column] = value
                data = json.dumps(manifest).encode()
            dst.writestr(name, data)
    return out.getvalue()
