"""The ``sdpa`` command: thin over the library; errors become one line and exit code 2."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer

from .board import load_board
from .errors import InputError, SdpaError
from .library import load_library
from .models import Library

app = typer.Typer(
    help="Student data privacy addenda, contract checks, notices and deadlines for "
    "Connecticut boards of education (Conn. Gen. Stat. §§ 10-234aa to 10-234dd).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

BoardOpt = typer.Option(None, "--board", help="Board profile YAML (default: $SDPA_BOARD or board.example.yaml).")
ClausesOpt = typer.Option(None, "--clauses", help="Clause library folder (default: $SDPA_CLAUSES or the shipped clauses/).")


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn an :class:`SdpaError` into one line on stderr and exit code 2."""
    try:
        yield
    except SdpaError as exc:
        typer.echo(f"sdpa: error: {exc}", err=True)
        raise typer.Exit(2) from None


def get_library(clauses: Optional[Path]) -> Library:
    """The clause library at ``clauses`` (else ``$SDPA_CLAUSES``, else the shipped one)."""
    import os

    return load_library(clauses or os.environ.get("SDPA_CLAUSES") or None)


MAX_EXPORT = 2**30  # a register export read back: stored files make it large


def read_json(path: Path, what: str, max_bytes: int = 10 * 2**20) -> object:
    """Parse JSON from ``path`` (``-`` for standard input), at most ``max_bytes`` of it, from a
    regular file only; raise InputError naming the file."""
    from .errors import InputError
    from .limits import read_bounded, read_stream_bounded

    try:
        if str(path) == "-":
            data = read_stream_bounded(sys.stdin.buffer, max_bytes, f"standard input ({what})")
        else:
            data = read_bounded(path, max_bytes, f"{path} ({what})")
        return json.loads(data.decode("utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise InputError(f"{path}: the {what} is not valid JSON ({str(exc)[:200]})") from None


@app.command("library")
def library_cmd(
    clauses: Optional[Path] = ClausesOpt,
    format: str = typer.Option("table", "--format", help="table or json"),
) -> None:
    """List the clause library's provisions: number, id, title, citation.

    Example: sdpa library --format json
    """
    with user_errors():
        lib = get_library(clauses)
    if format == "json":
        typer.echo(json.dumps({
            "name": lib.name, "version": lib.version, "effective_date": lib.effective_date.isoformat(),
            "content_hash": lib.content_hash,
            "provisions": [{"number": p.number, "id": p.id, "title": p.title, "citation": p.citation,
                            "version": p.version} for p in lib.provisions],
        }, indent=2, ensure_ascii=False))
        return
    typer.echo(f"{lib.name}, version {lib.version} (effective {lib.effective_date}, clauses {lib.content_hash})")
    for p in lib.provisions:
        typer.echo(f"{p.number:>2}  {p.id:<20} {p.title:<42} {p.citation}")


@app.command("addendum")
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
    from .pdf import convert_to_pdf
    from .render import render_addendum, write_file
    from .vendors import vendor_from_dict

    with user_errors():
        lib = get_library(clauses)
        profile = load_board(board)
        v = vendor_from_dict(read_json(vendor, "vendor file"), str(vendor))
        write_file(out, render_addendum(v, profile, lib, draft=draft))
        typer.echo(f"wrote {out}")
        if pdf:
            for p in convert_to_pdf([out]):
                typer.echo(f"wrote {p}")


@app.command("check")
def check_cmd(
    contract: Path = typer.Argument(..., help="The vendor's contract: PDF, DOCX, TXT or MD; - for standard input."),
    format: str = typer.Option("table", "--format", help="table, json or markdown"),
    fail_on_gaps: bool = typer.Option(False, "--fail-on-gaps", help="Exit 1 when a provision is not present or a term conflicts."),
    max_mb: float = typer.Option(50, "--max-mb", help="Refuse files larger than this many MB."),
    clauses: Optional[Path] = ClausesOpt,
) -> None:
    """Check a vendor's contract against the eleven provisions; report gaps and conflicts.

    Example: sdpa check acme-terms.pdf --format json
    """
    from .analysis import check_contract
    from .extract import read_document
    from .report import report_json, report_markdown, report_table

    if format not in ("table", "json", "markdown"):
        typer.echo("sdpa: error: --format must be table, json or markdown", err=True)
        raise typer.Exit(2)
    with user_errors():
        lib = get_library(clauses)
        if not 0 < max_mb <= 1024:  # also false for nan
            raise InputError(f"--max-mb: {max_mb} must be a number of MB above 0 and at most 1024")
        limit = int(max_mb * 1024 * 1024)
        if str(contract) == "-":
            doc = read_document(sys.stdin.buffer.read(limit + 1), "stdin", max_bytes=limit)
        else:
            doc = read_document(contract, max_bytes=limit)
        report = check_contract(doc, lib)
    render = {"json": report_json, "markdown": report_markdown, "table": report_table}[format]
    typer.echo(render(report))
    if fail_on_gaps and not report.compliant:
        raise typer.Exit(1)


def _date_opt(value: Optional[str], name: str):
    from .errors import InputError
    from .models import parse_date

    if value is None:
        return None
    try:
        parsed = parse_date(value)
    except ValueError as exc:
        raise InputError(f"{name}: {exc}") from None
    if not hasattr(parsed, "isoformat"):
        raise InputError(f"{name}: {value!r} is not a date (use YYYY-MM-DD)")
    return parsed


@app.command("deadlines")
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
    from .deadlines import deadlines
    from .render import long_date

    with user_errors():
        profile = load_board(board)
        result = deadlines(
            executed=_date_opt(executed, "--executed"),
            breach_discovered=_date_opt(breach_discovered, "--breach-discovered"),
            breach_notice_received=_date_opt(breach_notice_received, "--breach-notice-received"),
            notice_sent=_date_opt(notice_sent, "--notice-sent"),
            today=_date_opt(today, "--today"),
            cure_period_days=profile.cure_period_days, closures=profile.closures,
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


letter_app = typer.Typer(help="Write the board's letters and notices.", no_args_is_help=True)
app.add_typer(letter_app, name="letter")

OutOpt = typer.Option(..., "--out", help="Where to write the DOCX.")
PdfOpt = typer.Option(False, "--pdf", help="Also write a PDF beside each DOCX (needs LibreOffice).")
DateOpt = typer.Option(None, "--date", help="Date of the letter, YYYY-MM-DD (default today).")
VendorOpt = typer.Option(..., "--vendor", help="Vendor details as JSON (see examples/vendor.json).")


def _emit(files: list[tuple[Path, bytes]], pdf: bool) -> None:
    """Write each (path, DOCX bytes), convert them to PDF in one call when asked, say what was written."""
    from .pdf import convert_to_pdf
    from .render import write_file

    written = [write_file(path, data) for path, data in files]
    if pdf:
        written += convert_to_pdf(written)
    for path in written:
        typer.echo(f"wrote {path}")


def _letter_inputs(board: Optional[Path], when: Optional[str], vendor: Optional[Path] = None):
    """The board profile, the letter's date (default today) and the vendor, if one is named."""
    from datetime import date

    from .vendors import vendor_from_dict

    profile = load_board(board)
    day = _date_opt(when, "--date") or date.today()
    v = vendor_from_dict(read_json(vendor, "vendor file"), str(vendor)) if vendor else None
    return profile, day, v


@letter_app.command("amendment")
def letter_amendment_cmd(
    contract: Path = typer.Argument(..., help="The vendor's contract (PDF, DOCX, TXT, MD)."),
    vendor: Path = VendorOpt,
    out: Path = typer.Option(..., "--out", help="Where to write the letter (DOCX); the addendum goes beside it."),
    board: Optional[Path] = BoardOpt,
    when: Optional[str] = DateOpt,
    pdf: bool = PdfOpt,
    clauses: Optional[Path] = ClausesOpt,
) -> None:
    """Write the reasonable-notice amendment letter for a contract with gaps, with the addendum.

    Example: sdpa letter amendment acme-terms.pdf --vendor acme.json --out out/acme-letter.docx
    """
    from .analysis import check_contract
    from .extract import read_document
    from .letters import amendment_letter
    from .render import render_addendum

    with user_errors():
        lib = get_library(clauses)
        profile, sent, v = _letter_inputs(board, when, vendor)
        report = check_contract(read_document(contract), lib)
        letter = amendment_letter(report, v, profile, sent=sent, library=lib)
        if letter is None:
            typer.echo(f"{contract.name}: all eleven provisions present and no conflicting term; no letter is needed")
            return
        typer.echo(f"{contract.name}: {report.summary()}")
        _emit([(out, letter), (out.with_name(out.stem + "-addendum.docx"), render_addendum(v, profile, lib))], pdf)


@letter_app.command("contract-posting")
def letter_posting_cmd(
    vendor: Path = VendorOpt,
    executed: str = typer.Option(..., "--executed", help="Date the contract was executed."),
    out: Path = OutOpt,
    contract_url: str = typer.Option("", "--contract-url", help="Web address of the posted contract."),
    board: Optional[Path] = BoardOpt,
    pdf: bool = PdfOpt,
) -> None:
    """The website notice of an executed contract, as DOCX and as an HTML fragment (OUT with .html).

    Example: sdpa letter contract-posting --vendor acme.json --executed 2026-12-22 --out out/acme-posting.docx
    """
    from .deadlines import website_notice_due
    from .letters import contract_posting
    from .render import long_date, write_file

    with user_errors():
        profile, _, v = _letter_inputs(board, None, vendor)
        day = _date_opt(executed, "--executed")
        docx_bytes, html = contract_posting(v, profile, executed=day, contract_url=contract_url)
        _emit([(out, docx_bytes)], pdf)
        html_path = write_file(out.with_suffix(".html"), html.encode("utf-8"))
        typer.echo(f"wrote {html_path}")
        typer.echo(f"post by {long_date(website_notice_due(day, profile.closures))} (5 business days)")


@letter_app.command("annual-notice")
def letter_annual_cmd(
    out: Path = OutOpt, board: Optional[Path] = BoardOpt, when: Optional[str] = DateOpt, pdf: bool = PdfOpt,
) -> None:
    """The yearly notice to students and parents of the website listing the contracts (by September 1).

    Example: sdpa letter annual-notice --date 2027-08-15 --out out/annual-notice.docx
    """
    from .letters import annual_notice

    with user_errors():
        profile, day, _ = _letter_inputs(board, when)
        _emit([(out, annual_notice(profile, when=day))], pdf)


@letter_app.command("breach-notice")
def letter_breach_cmd(
    vendor: Path = VendorOpt,
    received: str = typer.Option(..., "--received", help="Date the board received the vendor's breach notice."),
    released: str = typer.Option(..., "--released", help="What student information was involved."),
    actions: str = typer.Option(..., "--actions", help="What the board is doing about it."),
    what_happened: str = typer.Option("", "--what-happened", help="A plain account of the incident."),
    discovered: Optional[str] = typer.Option(None, "--discovered", help="Date the vendor discovered it."),
    out: Path = OutOpt, board: Optional[Path] = BoardOpt, when: Optional[str] = DateOpt, pdf: bool = PdfOpt,
) -> None:
    """The board's notice to affected students and parents (due 2 business days after the vendor's notice).

    Example: sdpa letter breach-notice --vendor acme.json --received 2027-02-10 --released "names and grades" --actions "..." --out out/breach.docx
    """
    from .deadlines import parent_breach_notice_due
    from .letters import breach_notice
    from .render import long_date

    with user_errors():
        profile, day, v = _letter_inputs(board, when, vendor)
        got = _date_opt(received, "--received")
        data = breach_notice(v, profile, when=day, received=got, released=released, actions=actions,
                             what_happened=what_happened, discovered=_date_opt(discovered, "--discovered"))
        _emit([(out, data)], pdf)
        typer.echo(f"send by {long_date(parent_breach_notice_due(got, profile.closures))} (2 business days)")


@letter_app.command("deletion-request")
def letter_deletion_cmd(
    vendor: Path = VendorOpt,
    data: str = typer.Option(..., "--data", help="The student data to delete (students, categories, dates)."),
    out: Path = OutOpt, board: Optional[Path] = BoardOpt, when: Optional[str] = DateOpt, pdf: bool = PdfOpt,
) -> None:
    """The board's request that a vendor delete named student data, with the statutory exceptions.

    Example: sdpa letter deletion-request --vendor acme.json --data "all records of students who left in June 2026" --out out/delete.docx
    """
    from .letters import deletion_request

    with user_errors():
        profile, day, v = _letter_inputs(board, when, vendor)
        _emit([(out, deletion_request(v, profile, when=day, data=data))], pdf)


@letter_app.command("iep-exception")
def letter_iep_cmd(
    vendor: Path = VendorOpt,
    student: str = typer.Option(..., "--student", help="The student's name."),
    plan: str = typer.Option("iep", "--plan", help="iep (adds the planning and placement team's signature) or 504."),
    out: Path = OutOpt, board: Optional[Path] = BoardOpt, when: Optional[str] = DateOpt, pdf: bool = PdfOpt,
) -> None:
    """The acknowledgement a parent signs for a service necessary to an IEP or 504 plan that cannot comply.

    Example: sdpa letter iep-exception --vendor speechapp.json --student "J. Doe" --out out/iep.docx
    """
    from .letters import iep_exception

    if plan not in ("iep", "504"):
        typer.echo("sdpa: error: --plan must be iep or 504", err=True)
        raise typer.Exit(2)
    with user_errors():
        profile, day, v = _letter_inputs(board, when, vendor)
        _emit([(out, iep_exception(v, profile, when=day, student=student, iep=plan == "iep"))], pdf)


@app.command("batch")
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
    from .batch import run_batch

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


register_app = typer.Typer(help="The contracts register: status, what is due, the public page.",
                           no_args_is_help=True)
app.add_typer(register_app, name="register")
DbOpt = typer.Option(None, "--db", help="Register URL or SQLite path (default: $SDPA_DATABASE_URL, else the board profile's database).")
TodayOpt = typer.Option(None, "--today", help="Date to judge by (default today).")


@contextmanager
def _register(db: Optional[str], board: Optional[Path]) -> Iterator[tuple]:
    """The register and the board profile, the register closed afterwards."""
    from .register import Register, database_url

    profile = load_board(board)
    reg = Register(database_url(profile, db))
    try:
        yield reg, profile
    finally:
        reg.close()


def _today(value: Optional[str]):
    from datetime import date

    return _date_opt(value, "--today") or date.today()


@register_app.command("add")
def register_add_cmd(
    vendor: str = typer.Option(..., "--vendor", help="The vendor's name."),
    product: str = typer.Option(..., "--product"),
    executed: Optional[str] = typer.Option(None, "--executed", help="Date executed."),
    term_end: Optional[str] = typer.Option(None, "--term-end"),
    description: str = typer.Option("", "--description"),
    purpose: str = typer.Option("", "--purpose"),
    data: str = typer.Option("", "--data", help="Student data categories, separated by ;"),
    file: Optional[Path] = typer.Option(None, "--file", help="The signed contract (stored in the register)."),
    db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt,
) -> None:
    """Add a contract. Example: sdpa register add --vendor Acme --product Reader --executed 2026-12-22 --file acme.pdf"""
    with user_errors():
        with _register(db, board) as (reg, _):
            cid = reg.add_contract(vendor=vendor, product=product, executed=_date_opt(executed, "--executed"),
                                   term_end=_date_opt(term_end, "--term-end"), description=description,
                                   purpose=purpose, data_categories=[x.strip() for x in data.split(";") if x.strip()],
                                   file=file)
    typer.echo(f"added contract {cid}")


@register_app.command("import")
def register_import_cmd(
    file: Path = typer.Argument(..., help="A register export (.json) or a CSV of existing contracts."),
    db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt,
) -> None:
    """Import a JSON export (into an empty register) or a CSV of contracts.

    Example: sdpa register import contracts.csv
    """
    from .backup import import_contracts_csv, import_register

    with user_errors():
        with _register(db, board) as (reg, _):
            if file.suffix.lower() == ".json":
                n = import_register(reg, read_json(file, "register export", MAX_EXPORT))
                typer.echo(f"imported {n} records")
                return
            ids = import_contracts_csv(reg, file)
    typer.echo(f"added {len(ids)} contracts")


@register_app.command("list")
def register_list_cmd(db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt, today: Optional[str] = TodayOpt,
                      format: str = typer.Option("table", "--format", help="table or json")) -> None:
    """List every contract with its derived status."""
    from .register import contract_status

    with user_errors():
        with _register(db, board) as (reg, _):
            day = _today(today)
            rows = [(c, contract_status(c, day)) for c in reg.contracts()]
    if format == "json":
        typer.echo(json.dumps([{"id": c.id, "vendor": c.vendor.name, "product": c.product,
                                "executed": c.executed.isoformat() if c.executed else None,
                                "status": s.status, "why": s.why} for c, s in rows], indent=2, ensure_ascii=False))
        return
    for c, s in rows:
        typer.echo(f"{c.id:>4}  {c.vendor.name[:30]:<30} {c.product[:24]:<24} {s.status:<12} {s.why}")


@register_app.command("show")
def register_show_cmd(contract: int = typer.Argument(...), db: Optional[str] = DbOpt,
                      board: Optional[Path] = BoardOpt, today: Optional[str] = TodayOpt) -> None:
    """Show one contract, its records and its log."""
    from .register import contract_status

    with user_errors():
        with _register(db, board) as (reg, _):
            c = reg.contract(contract)
            s = contract_status(c, _today(today))
            log = reg.log(contract)
    typer.echo(f"contract {c.id}: {c.vendor.name}, {c.product}")
    typer.echo(f"status: {s.status} ({s.why})")
    typer.echo(f"executed {c.executed or '-'}, term ends {c.term_end or '-'}; file {c.file_name or '-'} "
               f"{('sha256 ' + c.file_sha256) if c.file_sha256 else ''}")
    for n in c.notices:
        typer.echo(f"notice sent {n.sent}, cure by {n.cure_date}, outcome {n.outcome or 'open'} {n.outcome_date or ''}")
    for p in c.postings:
        typer.echo(f"posted {p.posted} {p.url}")
    for b in c.breaches:
        typer.echo(f"breach {b.id}: notice received {b.notice_received}, families notified {b.families_notified or '-'}, "
                   f"posted {b.posted or '-'}")
    for entry in log:
        typer.echo(f"log {entry.at:%Y-%m-%d %H:%M} {entry.actor}: {entry.action}")


@register_app.command("record")
def register_record_cmd(
    kind: str = typer.Argument(..., help="executed, check, notice, outcome, posting, breach or families-notified"),
    contract: int = typer.Argument(..., help="The contract id (for families-notified: the breach id)."),
    file: Optional[Path] = typer.Option(None, "--file", help="check: the contract file to check."),
    sent: Optional[str] = typer.Option(None, "--sent", help="notice: date sent."),
    outcome: str = typer.Option("", "--outcome", help="outcome: amended, void or withdrawn."),
    on: Optional[str] = typer.Option(None, "--date", help="posting/outcome/families-notified: the date."),
    url: str = typer.Option("", "--url", help="posting: the page address."),
    received: Optional[str] = typer.Option(None, "--received", help="breach: date the vendor's notice came."),
    discovered: Optional[str] = typer.Option(None, "--discovered", help="breach: date the vendor discovered it."),
    db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt,
) -> None:
    """Record an event on a contract.

    Example: sdpa register record notice 3 --sent 2027-01-13   (the cure date follows from the board profile)
    """
    from datetime import date

    from .deadlines import cure_deadline

    with user_errors():
        with _register(db, board) as (reg, profile):
            when = _date_opt(on, "--date") or date.today()
            if kind == "check":
                from .analysis import check_contract
                from .extract import read_document

                if not file:
                    raise InputError("record check needs --file")
                report = check_contract(read_document(file), get_library(None))
                reg.record_check(contract, report.model_dump(mode="json"), when)
                typer.echo(f"recorded check: {report.summary()}")
            elif kind == "notice":
                day = _date_opt(sent, "--sent") or when
                cure = cure_deadline(day, profile.cure_period_days, profile.closures)
                reg.record_notice(contract, day, cure)
                typer.echo(f"recorded notice sent {day}; cure date {cure}")
            elif kind == "executed":
                reg.record_executed(contract, when)
                typer.echo(f"recorded executed on {when}")
            elif kind == "outcome":
                reg.record_outcome(contract, outcome, when)
                typer.echo(f"recorded outcome {outcome}")
            elif kind == "posting":
                reg.record_posting(contract, when, url)
                typer.echo(f"recorded posting on {when}")
            elif kind == "breach":
                got = _date_opt(received, "--received")
                if not got:
                    raise InputError("record breach needs --received")
                bid = reg.record_breach(contract, notice_received=got, discovered=_date_opt(discovered, "--discovered"))
                typer.echo(f"recorded breach {bid}")
            elif kind == "families-notified":
                reg.update_breach(contract, families_notified=when)
                typer.echo(f"recorded families notified on {when}")
            else:
                raise InputError(f"unknown record kind {kind!r}")


@register_app.command("due")
def register_due_cmd(db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt, today: Optional[str] = TodayOpt,
                     format: str = typer.Option("table", "--format", help="table or json")) -> None:
    """What is due or overdue, overdue first. Example: sdpa register due --today 2026-12-29"""
    from .register import due_items

    with user_errors():
        with _register(db, board) as (reg, profile):
            items = due_items(reg, _today(today), profile)
    if format == "json":
        typer.echo(json.dumps([{"contract": i.contract_id, "vendor": i.vendor, "what": i.what,
                                "due": i.due.isoformat(), "overdue": i.overdue, "citation": i.citation}
                               for i in items], indent=2, ensure_ascii=False))
        return
    for i in items:
        flag = "OVERDUE" if i.overdue else "due"
        who = f"#{i.contract_id} {i.vendor}: " if i.contract_id else ""
        typer.echo(f"{flag:<8}{i.due}  {who}{i.what} ({i.citation})")


@register_app.command("publish")
def register_publish_cmd(out: Path = typer.Option(..., "--out"), db: Optional[str] = DbOpt,
                         board: Optional[Path] = BoardOpt, today: Optional[str] = TodayOpt) -> None:
    """Write the public contracts page (index.html), contracts.csv and the contract files."""
    from .register import publish

    with user_errors():
        with _register(db, board) as (reg, profile):
            page, table = publish(reg, out, profile, _today(today))
    typer.echo(f"wrote {page} and {table}")


@register_app.command("export")
def register_export_cmd(out: Optional[Path] = typer.Option(None, "--out", help="File to write (default: stdout)."),
                        db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt) -> None:
    """Export the whole register as JSON (for backup, or to move between SQLite and PostgreSQL)."""
    from .backup import export_register

    with user_errors():
        with _register(db, board) as (reg, _):
            text = json.dumps(export_register(reg), indent=1, ensure_ascii=False)
        if out:
            from .render import write_file

            write_file(out, text.encode("utf-8"))
            typer.echo(f"wrote {out}")
        else:
            typer.echo(text)


def main() -> None:
    """Entry point of the ``sdpa`` console script. An error sdpa did not foresee is still one
    line and exit code 2, never a traceback (``SDPA_DEBUG=1`` shows the traceback)."""
    import os

    try:
        app()
    except Exception as exc:  # noqa: BLE001 - the last guard between a bug and the user
        if os.environ.get("SDPA_DEBUG"):
            raise
        typer.echo(f"sdpa: error: unexpected {type(exc).__name__}: {str(exc)[:200]!r} "
                   "(please report it; SDPA_DEBUG=1 shows where)", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
