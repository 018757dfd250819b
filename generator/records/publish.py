"""The board's public contracts page (``index.html``), its CSV and the posted contract files."""

from __future__ import annotations

import csv
import html
import re
from datetime import date
from pathlib import Path

from generator.deadlines import website_notice_due
from generator.documents.render import long_date, safe_filename
from generator.errors import InputError
from generator.models import Board
from generator.reading.spreadsheets import safe_cell
from generator.records.register import Register
from generator.records.tables import ContractRow


def _standing(c: ContractRow, today: date) -> str:
    """"In effect", "Ended on <date>" once the term has ended, or "Void since <date>" once
    counsel recorded it void (the public page's column); never void on a reading alone."""
    if c.term_end and c.term_end < today:
        return f"Ended on {long_date(c.term_end)}"
    void = [n for n in c.notices if n.outcome == "void"]
    if void and not any(n.outcome == "amended" and n.id > void[-1].id for n in c.notices):
        return f"Void since {long_date(void[-1].outcome_date)} (no longer in effect)"
    return "In effect"


MARK = "<!-- written by sdpa: the board's public contracts page -->"
_OUR_FILE = re.compile(r"^\d+-[A-Za-z0-9._-]+\.(?:pdf|docx|txt|md|bin)$")
_WEB = re.compile(r"^https?://[^\s<>\"'`\x00-\x1f\x7f]+$", re.I)
TO_COMPLETE = "[to complete: {}]"


def web_link(url: str, text: str | None = None) -> str:
    """An escaped link to ``url`` when it is an http(s) address, else the escaped text alone:
    a ``javascript:`` or ``data:`` address from the board profile never reaches the page."""
    url = (url or "").strip()
    shown = html.escape(text if text is not None else url)
    return f'<a href="{html.escape(url)}">{shown}</a>' if _WEB.match(url) else shown


def missing_notice_fields(c: ContractRow) -> list[str]:
    """The fields the policy's notice must state that contract ``c`` lacks: ``purpose`` and
    ``data categories`` (the student data that may be collected)."""
    return [f for f, v in (("purpose", c.purpose), ("data categories", c.data_categories)) if not v]


def _posted_on_time(c: ContractRow) -> bool:
    return bool(c.postings) and c.postings[0].posted <= website_notice_due(c.executed)


def _contract_cell(c: ContractRow, link: str) -> str:
    if link:
        return f'<a href="{html.escape(link)}">Contract ({html.escape(Path(link).suffix[1:].upper())})</a>'
    if c.withheld_reason:
        return f"Not posted: {html.escape(c.withheld_reason)}"
    return "Not posted: the register holds no copy yet"


def _prepare(out: Path) -> Path:
    """``out/contracts``, made ready; refuses an ``index.html`` that sdpa did not write."""
    page = out / "index.html"
    if page.exists() and MARK not in page.read_text(encoding="utf-8", errors="replace")[:4000]:
        raise InputError(f"{page}: an index.html that sdpa did not write is already there; publish into "
                         "an empty folder (or the folder of an earlier sdpa page)")
    files = out / "contracts"
    files.mkdir(parents=True, exist_ok=True)
    return files


def publish(reg: Register, out: Path, board: Board, today: date, draft: bool = False) -> tuple[Path, Path]:
    """Write the public contracts page (``index.html``), ``contracts.csv`` and the contract files
    under ``out/contracts/`` (removing files of contracts no longer listed). Lists every executed
    contract with its execution date, description, purpose, student data categories and the
    contract (a link, or the reason it is not posted); ended and void contracts marked so.
    Returns the paths of the page and the CSV. Raises :class:`InputError` naming the contract
    and field when a listed contract lacks its purpose or data categories (unless ``draft``,
    which marks each "to complete"), or when ``out`` holds an ``index.html`` sdpa did not write.
    Says every contract was posted within five business days only when the register shows it."""
    listed = [c for c in reg.contracts() if c.executed]
    if not draft:
        for c in listed:
            if missing := missing_notice_fields(c):
                raise InputError(f"contract {c.id} ({c.vendor.name}, {c.product}): {missing[0]} is missing; the "
                                 "public page must state it (edit the contract, or publish a --draft)")
    out.mkdir(parents=True, exist_ok=True)
    files = _prepare(out)
    rows = []
    for c in listed:
        link = ""
        if c.file_sha256 and not c.withheld_reason:
            suffix = Path(c.file_name).suffix.lower()
            suffix = suffix if suffix in (".pdf", ".docx", ".txt", ".md") else ".bin"
            link = f"contracts/{c.id}-{safe_filename(c.vendor.name)}{suffix}"
            (out / link).write_bytes(reg.contract_file(c.id) or b"")  # one stored file at a time
        rows.append((c, link))
    keep = {Path(link).name for _, link in rows if link}
    for old in files.iterdir():
        if old.is_file() and _OUR_FILE.match(old.name) and old.name not in keep:
            old.unlink()
    e = html.escape
    body = []
    for c, link in rows:
        data = "".join(f"<li>{e(x)}</li>" for x in c.data_categories) or f"<li>{e(TO_COMPLETE.format('data categories'))}</li>"
        # the posting date when the register holds it; the public is never shown the board's to-do
        posted = f" (notice posted {e(long_date(c.postings[0].posted))})" if c.postings else ""
        body.append(
            f'<tr><th scope="row">{e(c.vendor.name)}</th><td>{e(c.product)}</td>'
            f'<td><time datetime="{c.executed.isoformat()}">{e(long_date(c.executed))}</time>{posted}</td>'
            f"<td>{e(_standing(c, today))}</td>"
            f"<td>{e(c.description or c.title or c.product)}</td>"
            f"<td>{e(c.purpose or TO_COMPLETE.format('purpose'))}</td><td><ul>{data}</ul></td>"
            f"<td>{_contract_cell(c, link)}</td></tr>")
    if rows and all(_posted_on_time(c) for c, _ in rows):
        on_time = "Each contract listed was posted within five business days of being signed. "
    elif any(c.postings for c, _ in rows):
        on_time = "Where we have recorded the date a contract's notice was posted, it is shown beside its execution date. "
    else:
        on_time = ""
    officer = board.privacy_officer
    contact = e(officer.name) + (f", {e(officer.email)}" if officer.email else "")
    page = f"""<!DOCTYPE html>
<html lang="en">
{MARK}
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{"DRAFT: " if draft else ""}Student data contracts: {e(board.name)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}
table{{border-collapse:collapse;width:100%}}th,td{{border:1px solid #777;padding:.4rem;text-align:left;vertical-align:top}}
caption{{text-align:left;font-weight:bold;margin-bottom:.5rem}}a{{color:#0645ad}}</style>
</head>
<body>
<main>
<h1>{"DRAFT (not for posting): " if draft else ""}Student data contracts</h1>
<p>{e(board.name)} lists here every contract under which a company receives student information,
student records or student-generated content, as Connecticut law requires (Conn. Gen. Stat. § 10-234bb).
{on_time}Questions: {contact}.</p>
<p>The address of this page, which we send to students and parents each year by September 1:
{web_link(board.public_page)}</p>
<table>
<caption>Executed contracts ({len(rows)}, those that have ended or are void marked so), updated <time datetime="{today.isoformat()}">{e(long_date(today))}</time></caption>
<thead><tr><th scope="col">Company</th><th scope="col">Product or service</th><th scope="col">Executed</th>
<th scope="col">Standing</th>
<th scope="col">Description</th><th scope="col">Purpose</th><th scope="col">Student information that may be collected</th>
<th scope="col">Contract</th></tr></thead>
<tbody>
{chr(10).join(body)}
</tbody>
</table>
</main>
</body>
</html>
"""
    page_path = out / "index.html"
    page_path.write_text(page, encoding="utf-8")
    csv_path = out / "contracts.csv"
    with csv_path.open("w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["company", "product", "executed", "in_effect", "description", "purpose", "data_collected",
                    "contract", "posted"])
        for c, link in rows:
            w.writerow([safe_cell(x) for x in (c.vendor.name, c.product, c.executed.isoformat(), _standing(c, today),
                                                  c.description or c.title or c.product, c.purpose,
                                                  "; ".join(c.data_categories), link or c.withheld_reason,
                                                  c.postings[0].posted.isoformat() if c.postings else "")])
    return page_path, csv_path
