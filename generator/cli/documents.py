"""`sdpa addendum`, `sdpa deadlines` and `sdpa batch`: the addendum for one vendor or a list, and the dates that follow."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from generator.cli.common import (
    BoardOpt,
    ClausesOpt,
    date_option,
    get_library,
    load_board,
    read_json,
    user_errors,
)


def addendum_cmd(
    vendor: Path = typer.Option(..., "--vendor", help="Vendor details as JSON (see examples/vendor.json); - for stdin."),
    out: Path = typer.Option(..., "--out", help="Where to write the DOCX."),
    board: Optional[Path] = BoardOpt,
    clauses: Optional[Path] = ClausesOpt,
    pdf: bool = typer.Option(False, "--pdf", help="Also write a PDF beside the DOCX (needs LibreOffice)."),
    draft: bool = typer.Option(False, "--draft", help="Render even with missing fields, marked in red to complete."),
) -> None:
    """Generate the student data privacy addendum for one vendor.

    Example: sdpa addendum --vendor examples/vendor.json --out out/addendum.docx --pdf
    """
    from generator.documents.pdf import convert_to_pdf
    from generator.documents.render import render_addendum, write_file
    from generator.forms import vendor_from_dict

    with user_errors():
        lib = get_library(clauses)
        profile = load_board(board)
        v = vendor_from_dict(read_json(vendor, "vendor file"), str(vendor))
        from generator.documents.breach_timing import vendor_breach_problems

        for late in vendor_breach_problems(v.breach_steps):
            typer.echo(f"warning: breach_steps: {late}", err=True)
        write_file(out, render_addendum(v, profile, lib, draft=draft))
        typer.echo(f"wrote {out}")
        if pdf:
            for p in convert_to_pdf([out]):
                typer.echo(f"wrote {p}")


def deadlines_cmd(
    executed: Optional[str] = typer.Option(None, "--executed", help="Date the contract was executed."),
    breach_discovered: Optional[str] = typer.Option(None, "--breach-discovered", help="Date the vendor discovered a breach."),
    breach_notice_received: Optional[str] = typer.Option(None, "--breach-notice-received", help="Date the board received the vendor's breach notice."),
    notice_sent: Optional[str] = typer.Option(None, "--notice-sent", help="Date the amendment (reasonable-notice) letter was sent."),
    today: Optional[str] = typer.Option(None, "--today", help="Today's date, for the annual parent notice."),
    board: Optional[Path] = BoardOpt,
    format: str = typer.Option("table", "--format", help="table or json"),
) -> None:
    """Print the statutory deadlines that follow from the dates given, in Connecticut business days.

    Example: sdpa deadlines --executed 2026-12-22 --breach-notice-received 2027-02-10 --format json
    """
    from generator.deadlines import deadlines
    from generator.documents.render import long_date

    with user_errors():
        profile = load_board(board)
        result = deadlines(
            executed=date_option(executed, "--executed"),
            breach_discovered=date_option(breach_discovered, "--breach-discovered"),
            breach_notice_received=date_option(breach_notice_received, "--breach-notice-received"),
            notice_sent=date_option(notice_sent, "--notice-sent"),
            today=date_option(today, "--today"),
            cure_period_days=profile.cure_period_days, closures=profile.closures,
            good_friday=profile.good_friday_proclaimed,
        )
    if not result:
        typer.echo("sdpa: error: give at least one date (see sdpa deadlines --help)", err=True)
        raise typer.Exit(2)

    def iso(v):
        return {k: x.isoformat() for k, x in v.items()} if isinstance(v, dict) else v.isoformat()

    if format == "json":
        typer.echo(json.dumps({k: iso(v) for k, v in result.items()}, indent=2))
        return
    labels = {
        "website_notice_due": "Post the executed contract on the website by (5 business days)",
        "vendor_breach_notice_due": "Vendor must notify the board of the breach by",
        "parent_breach_notice_due": "Notify affected students and parents by (2 business days)",
        "annual_parent_notice_due": "Annual notice of the website address to parents by",
        "cure_deadline": f"Vendor must amend the contract by ({profile.cure_period_days} days)",
    }
    for key, value in result.items():
        if isinstance(value, dict):
            typer.echo(f"{labels[key]}:")
            typer.echo(f"  student information (not directory): {long_date(value['student_information'])} (30 days)")
            typer.echo(f"  directory information, records or content: {long_date(value['directory_records_or_content'])} (60 days)")
        else:
            typer.echo(f"{labels[key]}: {long_date(value)}")


def batch_cmd(
    file: Path = typer.Argument(..., help="Vendors as CSV or XLSX (columns in the README)."),
    out: Path = typer.Option(..., "--out", help="Output folder: addenda/, manifest.csv, errors.csv."),
    board: Optional[Path] = BoardOpt,
    clauses: Optional[Path] = ClausesOpt,
    zip_output: bool = typer.Option(False, "--zip", help="Pack the documents, manifest and errors into documents.zip."),
    pdf: bool = typer.Option(False, "--pdf", help="Also convert every document to PDF (needs LibreOffice)."),
    draft: bool = typer.Option(False, "--draft", help="Render rows missing optional details with placeholders."),
    jobs: int = typer.Option(0, "--jobs", help="Worker processes (default: every core)."),
    contracts_dir: Optional[Path] = typer.Option(None, "--contracts-dir", help="Folder the contract_file column is read from (default: the CSV's folder); files elsewhere are refused."),
) -> None:
    """Generate an addendum for every row of a CSV or XLSX of vendors, with a manifest of every row.

    Example: sdpa batch examples/vendors.csv --out out/batch --zip
    """
    from generator.batch import run_batch

    with user_errors():
        lib, profile = get_library(clauses), load_board(board)
        if sys.stderr.isatty():
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                          transient=True) as bar:
                task = bar.add_task("rows done: 0")
                result = run_batch(file, out, profile, lib, draft=draft, jobs=jobs or None, pdf=pdf,
                                   zip_output=zip_output, contracts_dir=contracts_dir,
                                   progress=lambda n: bar.update(task, description=f"rows done: {n:,}"))
        else:
            result = run_batch(file, out, profile, lib, draft=draft, jobs=jobs or None, pdf=pdf,
                               zip_output=zip_output, contracts_dir=contracts_dir)
    typer.echo(f"{file.name}: {result.rows} rows: {result.generated} generated "
               f"({result.letters} with an amendment letter), {result.rejected} rejected")
    typer.echo(f"wrote {result.manifest} and {result.errors}")
    if result.archive:
        typer.echo(f"wrote {result.archive}")
    if result.pdfs:
        typer.echo(f"wrote {result.pdfs} PDFs")
    raise typer.Exit(result.exit_code)
