"""The board's public contracts page (``index.html``), its CSV and the posted contract files."""

from __future__ import annotations

import csv
import html
from datetime import date
from pathlib import Path

from generator.documents.render import long_date, safe_filename
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


def publish(reg: Register, out: Path, board: Board, today: date) -> tuple[Path, Path]:
    """Write the public contracts page (``index.html``), ``contracts.csv`` and the contract files
    under ``out/contracts/``. Lists every executed contract, those whose term has ended marked
    as ended (the website keeps information on all contracts), with the notice fields the
    policy requires; holds no personal data about students; escapes every field."""
    out.mkdir(parents=True, exist_ok=True)
    files = out / "contracts"
    files.mkdir(exist_ok=True)
    rows = []
    for c in reg.contracts():
        if not c.executed:
            continue
        link = ""
        if c.file_sha256:
            suffix = Path(c.file_name).suffix.lower()
            suffix = suffix if suffix in (".pdf", ".docx", ".txt", ".md") else ".bin"
            link = f"contracts/{c.id}-{safe_filename(c.vendor.name)}{suffix}"
            (out / link).write_bytes(reg.contract_file(c.id) or b"")  # one stored file at a time
        rows.append((c, link))
    e = html.escape
    body = []
    for c, link in rows:
        data = "".join(f"<li>{e(x)}</li>" for x in c.data_categories) or "<li>See the contract.</li>"
        kind = Path(link).suffix[1:].upper()
        cell = f'<a href="{e(link)}">Contract ({e(kind)})</a>' if link else "On request"
        body.append(
            f'<tr><th scope="row">{e(c.vendor.name)}</th><td>{e(c.product)}</td>'
            f'<td><time datetime="{c.executed.isoformat()}">{e(long_date(c.executed))}</time></td>'
            f"<td>{e(_standing(c, today))}</td>"
            f"<td>{e(c.description or c.title or c.product)}</td><td>{e(c.purpose)}</td><td><ul>{data}</ul></td>"
            f"<td>{cell}</td></tr>")
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Student data contracts: {e(board.name)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}
table{{border-collapse:collapse;width:100%}}th,td{{border:1px solid #777;padding:.4rem;text-align:left;vertical-align:top}}
caption{{text-align:left;font-weight:bold;margin-bottom:.5rem}}a{{color:#0645ad}}</style>
</head>
<body>
<main>
<h1>Student data contracts</h1>
<p>{e(board.name)} lists here every contract under which a company receives student information,
student records or student-generated content, as Connecticut law requires (Conn. Gen. Stat. § 10-234bb).
Each contract is posted within five business days of being signed. Questions: {e(board.privacy_officer.name)}{f", {e(board.privacy_officer.email)}" if board.privacy_officer.email else ""}.</p>
<p>The address of this page, which we send to students and parents each year by September 1:
<a href="{e(board.public_page)}">{e(board.public_page)}</a></p>
<table>
<caption>Executed contracts ({len(rows)}, those that have ended marked so), updated {e(today.isoformat())}</caption>
<thead><tr><th scope="col">Company</th><th scope="col">Product or service</th><th scope="col">Executed</th>
<th scope="col">In effect</th>
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
                    "contract"])
        for c, link in rows:
            w.writerow([safe_cell(x) for x in (c.vendor.name, c.product, c.executed.isoformat(), _standing(c, today),
                                                  c.description or c.title or c.product, c.purpose,
                                                  "; ".join(c.data_categories), link)])
    return page_path, csv_path
