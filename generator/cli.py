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

BoardOpt = typer.Option(None, "--board", help="Board profile YAML (default: $SDPA_BOARD, else the profile saved "
                        "in the register, else board.example.yaml).")
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
    format: str = typer.Option("table", "--format", help="table or json (with --trace also markdown)"),
    trace: bool = typer.Option(False, "--trace", help="Per provision: the law and its citations (verified or to confirm), the model clause, what the check counts as present or partial, the cure."),
    board: Optional[Path] = BoardOpt,
) -> None:
    """List the clause library's provisions: number, id, title, citation; with --trace, the
    provision-by-provision trace a lawyer can review.

    Example: sdpa library --format json
    Example: sdpa library --trace --format markdown > trace.md
    """
    if format not in ("table", "json", "markdown") or (format == "markdown" and not trace):
        typer.echo("sdpa: error: --format must be table or json (markdown only with --trace)", err=True)
        raise typer.Exit(2)
    with user_errors():
        lib = get_library(clauses)
        if trace:
            from .trace import trace_json, trace_markdown, trace_table

            render = {"json": trace_json, "markdown": trace_markdown, "table": trace_table}[format]
            typer.echo(render(lib, load_board(board)))
            return
    if format == "json":
        typer.echo(json.dumps({
            "name": lib.name, "version": lib.version, "effective_date": lib.effective_date.isoformat(),
            "content_hash": lib.content_hash,
            "provisions": [{"number": p.number, "id": p.id, "title": p.title, "citation": p.citation,
                            "basis": p.basis, "version": p.version} for p in lib.provisions],
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
    contract_date: Optional[str] = typer.Option(None, "--contract-date", help="Date of the contract (default: the vendor file's contract_date)."),
    renewed: Optional[str] = typer.Option(None, "--renewed", help="Date the contract was last amended or renewed, if any."),
    board: Optional[Path] = BoardOpt,
    when: Optional[str] = DateOpt,
    pdf: bool = PdfOpt,
    clauses: Optional[Path] = ClausesOpt,
) -> None:
    """Write the amendment letter for a contract with gaps, with the addendum.

    The letter gives the § 10-234bb(f) notice (void if not amended) only when a § 10-234bb(a)
    provision is missing or partial and the contract is dated, amended or renewed on or after
    July 1, 2018; it needs the contract's date for that (the vendor file's contract_date or
    --contract-date).

    Example: sdpa letter amendment acme-terms.pdf --vendor acme.json --contract-date 2019-08-01 --out out/acme-letter.docx
    """
    from .analysis import check_contract
    from .extract import read_document
    from .letters import amendment_letter, amendment_voidness
    from .render import render_addendum
    from .trace import docx_citations
    from .voidness import counsel_note

    with user_errors():
        lib = get_library(clauses)
        profile, sent, v = _letter_inputs(board, when, vendor)
        signed = _date_opt(contract_date, "--contract-date")
        if signed:
            v = v.model_copy(update={"contract_date": signed})
        if not v.contract_date:
            raise InputError("--contract-date: the contract's date is needed (the vendor file has no "
                             "contract_date): the letter says whether § 10-234bb(f) applies from it, "
                             "and the addendum names it")
        again = _date_opt(renewed, "--renewed")
        report = check_contract(read_document(contract), lib)
        letter = amendment_letter(report, v, profile, sent=sent, library=lib, renewed=again)
        if letter is None:
            typer.echo(f"{contract.name}: all eleven provisions present and no conflicting term; no letter is needed")
            return
        typer.echo(f"{contract.name}: {report.summary()}")
        note = counsel_note(amendment_voidness(report, v, library=lib, renewed=again))
        if note:
            typer.echo(f"note: {note}")
        unverified = [c.citation for c in docx_citations(letter, lib) if not c.verified]
        if unverified:
            typer.echo("to confirm with counsel before sending (not checked against the statute's text; "
                       f"see sdpa library --trace): {', '.join(unverified)}")
        _emit([(out, letter), (out.with_name(out.stem + "-addendum.docx"), render_addendum(v, profile, lib))], pdf)


@letter_app.command("contract-posting")
def letter_posting_cmd(
    vendor: Path = VendorOpt,
    executed: str = typer.Option(..., "--executed", help="Date the contract was executed."),
    out: Path = OutOpt,
    contract_url: str = typer.Option("", "--contract-url", help="Web address of the posted contract."),
    board: Optional[Path] = BoardOpt,
    pdf: bool = PdfOpt,
    draft: bool = typer.Option(False, "--draft", help="Write it even without the purpose or data categories, marked to complete."),
) -> None:
    """The website notice of an executed contract, as DOCX and as an HTML fragment (OUT with .html).

    The notice must state the contract's purpose and the student data it may collect: a vendor
    file without purpose or data_collected exits 2 naming them, unless --draft.

    Example: sdpa letter contract-posting --vendor acme.json --executed 2026-12-22 --out out/acme-posting.docx
    """
    from .deadlines import website_notice_due
    from .letters import contract_posting
    from .render import long_date, write_file

    with user_errors():
        profile, _, v = _letter_inputs(board, None, vendor)
        day = _date_opt(executed, "--executed")
        docx_bytes, html = contract_posting(v, profile, executed=day, contract_url=contract_url, draft=draft)
        _emit([(out, docx_bytes)], pdf)
        html_path = write_file(out.with_suffix(".html"), html.encode("utf-8"))
        typer.echo(f"wrote {html_path}")
        typer.echo(f"post by {long_date(website_notice_due(day))} (5 business days)")


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
        typer.echo(f"send by {long_date(parent_breach_notice_due(got))} (2 business days)")


@letter_app.command("deletion-request")
def letter_deletion_cmd(
    vendor: Path = VendorOpt,
    data: str = typer.Option(..., "--data", help="The student data to delete (students, categories, dates)."),
    operator: bool = typer.Option(False, "--operator", help="The vendor is an operator (runs a website, service or app for school purposes): cite its own duty to delete (§ 10-234cc(a))."),
    out: Path = OutOpt, board: Optional[Path] = BoardOpt, when: Optional[str] = DateOpt, pdf: bool = PdfOpt,
) -> None:
    """The board's request that a vendor delete named student data under the contract's deletion provision, with the statutory exceptions.

    Example: sdpa letter deletion-request --vendor acme.json --data "all records of students who left in June 2026" --out out/delete.docx
    """
    from .letters import deletion_request

    with user_errors():
        profile, day, v = _letter_inputs(board, when, vendor)
        _emit([(out, deletion_request(v, profile, when=day, data=data, operator=operator))], pdf)


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

    # with --db, the profile saved in that register (not in the default one) is the board's
    profile = load_board(board, register_url=database_url(None, db) if db else None)
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
    kind: str = typer.Argument(..., help="executed, check, notice, outcome, posting, breach, families-notified, "
                                         "annual-notice or exception"),
    contract: Optional[int] = typer.Argument(None, help="The contract id (for families-notified: the breach id; "
                                                        "none for annual-notice and exception)."),
    file: Optional[Path] = typer.Option(None, "--file", help="check: the contract file to check."),
    sent: Optional[str] = typer.Option(None, "--sent", help="notice: date sent."),
    outcome: str = typer.Option("", "--outcome", help="outcome: amended, void or withdrawn."),
    on: Optional[str] = typer.Option(None, "--date", help="posting/outcome/families-notified: the date."),
    url: str = typer.Option("", "--url", help="posting: the page address."),
    received: Optional[str] = typer.Option(None, "--received", help="breach: date the vendor's notice came."),
    discovered: Optional[str] = typer.Option(None, "--discovered", help="breach: date the vendor discovered it."),
    student_ref: str = typer.Option("", "--student-ref", help="exception: the board's reference for the child (e.g. student ID), never the name."),
    plan: str = typer.Option("", "--plan", help="exception: iep or 504."),
    service: str = typer.Option("", "--service", help="exception: the website, online service or app used."),
    operator: str = typer.Option("", "--operator", help="exception: who operates it."),
    effort: str = typer.Option("", "--effort", help="exception: the evidence of the effort to contract and to find an equivalent service (name no student)."),
    signed: Optional[str] = typer.Option(None, "--signed", help="exception: date the parent (and IEP team member) signed."),
    ended: Optional[str] = typer.Option(None, "--ended", help="exception: date the service stopped being used, if it has."),
    db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt,
) -> None:
    """Record an event on a contract, the year's annual notice, or a service used under the IEP / 504 exception.

    Example: sdpa register record notice 3 --sent 2027-01-13   (the cure date follows from the board profile)
    Example: sdpa register record annual-notice --sent 2027-08-20
    Example: sdpa register record exception --student-ref S1234 --plan iep --service "SpeechApp" --effort "asked 2027-01-05; no equivalent found" --signed 2027-01-20
    """
    from datetime import date

    from .deadlines import cure_deadline

    if kind not in ("annual-notice", "exception") and contract is None:
        typer.echo(f"sdpa: error: record {kind} needs the contract id (or breach id)", err=True)
        raise typer.Exit(2)
    with user_errors():
        with _register(db, board) as (reg, profile):
            when = _date_opt(on, "--date") or date.today()
            if kind == "annual-notice":
                from .duties import record_annual_notice

                day = _date_opt(sent, "--sent") or when
                record_annual_notice(reg, day)
                typer.echo(f"recorded the annual notice of {day.year}, sent {day}")
            elif kind == "exception":
                from .duties import record_exception

                day = _date_opt(signed, "--signed")
                if not day:
                    raise InputError("--signed: the date the acknowledgement was signed is required")
                eid = record_exception(reg, student_ref=student_ref, plan=plan, service=service, effort=effort,
                                       operator=operator, signed=day, ended=_date_opt(ended, "--ended"))
                typer.echo(f"recorded exception {eid}")
            elif kind == "check":
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


@app.command("redline")
def redline_cmd(
    contract: Path = typer.Argument(..., help="The vendor's own contract as DOCX."),
    vendor: Path = typer.Option(..., "--vendor", help="Vendor details as JSON (see examples/vendor.json)."),
    out: Path = typer.Option(..., "--out", help="Where to write the marked-up DOCX."),
    board: Optional[Path] = BoardOpt,
    author: Optional[str] = typer.Option(None, "--author", help="Author of the changes (default: the board's name)."),
    clauses: Optional[Path] = ClausesOpt,
) -> None:
    """Return the vendor's DOCX with tracked changes: missing provisions inserted, conflicting
    terms struck, each with a comment citing the law.

    Example: sdpa redline acme-terms.docx --vendor acme.json --out out/acme-redline.docx
    """
    from .redlining import redline_document
    from .render import write_file
    from .vendors import vendor_from_dict

    with user_errors():
        lib = get_library(clauses)
        profile = load_board(board)
        v = vendor_from_dict(read_json(vendor, "vendor file"), str(vendor))
        if out.resolve() == contract.resolve():
            raise InputError(f"{out}: --out is the vendor's document itself; write the redline elsewhere")
        try:
            data = contract.read_bytes()
        except OSError as exc:
            raise InputError(f"{contract}: cannot read the file ({exc.strerror})") from None
        result = redline_document(data, v, profile, author=author, library=lib, name=contract.name)
        typer.echo(f"{contract.name}: {result.report.summary()}")
        for item in result.unplaced:
            typer.echo(f"not marked (could not be found in the DOCX): {item}", err=True)
        if not (result.supplied or result.struck):
            typer.echo(f"{contract.name}: nothing to change; no redline written")
            return
        write_file(out, result.docx)
        typer.echo(result.summary())
        typer.echo(f"wrote {out}")


board_app = typer.Typer(help="The board profile the app and every command use, saved in the register.",
                        no_args_is_help=True)
app.add_typer(board_app, name="board")
SOURCES = {"file": "the file named by --board or $SDPA_BOARD", "saved": "the profile saved in the register",
           "example": "the shipped example (board.example.yaml): set up your board with `sdpa board import`"}


def _board_in_use(db: Optional[str]):
    from .board import resolve_board
    from .register import database_url

    return resolve_board(register_url=database_url(None, db) if db else None)


@board_app.command("show")
def board_show_cmd(db: Optional[str] = DbOpt) -> None:
    """Print the board profile in use as YAML, and (on stderr) where it comes from.

    Example: sdpa board show
    """
    from .directory import board_yaml

    with user_errors():
        profile, source = _board_in_use(db)
    typer.echo(f"# from {SOURCES[source]}", err=True)
    typer.echo(board_yaml(profile), nl=False)


@board_app.command("import")
def board_import_cmd(path: Path = typer.Argument(..., help="Board profile YAML (as board.example.yaml)."),
                     db: Optional[str] = DbOpt) -> None:
    """Validate a board profile and save it in the register for everyone (its `database` key is
    ignored: where the register lives is the server's configuration).

    Example: sdpa board import shoreline-board.yaml
    """
    from .directory import board_from_yaml, save_board
    from .register import Register, database_url

    with user_errors():
        try:
            with path.open("rb") as fh:
                text = fh.read(1024 * 1024 + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        if len(text) > 1024 * 1024:
            raise InputError(f"{path}: a board profile is limited to 1 MB")
        profile = board_from_yaml(text, str(path))
        with Register(database_url(None, db)) as reg:
            save_board(reg, profile)
    typer.echo(f"saved {profile.name} as the board profile in the register")


@board_app.command("export")
def board_export_cmd(out: Optional[Path] = typer.Option(None, "--out", help="File to write (default: stdout)."),
                     db: Optional[str] = DbOpt) -> None:
    """Write the board profile in use as YAML (to keep, edit, or import elsewhere).

    Example: sdpa board export --out board.yaml
    """
    from .directory import board_yaml

    with user_errors():
        profile, _ = _board_in_use(db)
        text = board_yaml(profile)
        if out:
            try:
                out.write_text(text, encoding="utf-8")
            except OSError as exc:
                raise InputError(f"{out}: cannot write ({exc.strerror})") from None
    if out:
        typer.echo(f"wrote {out}")
    else:
        typer.echo(text, nl=False)
report_app = typer.Typer(help="Reports from the register.", no_args_is_help=True)
register_app.add_typer(report_app, name="report")


@report_app.command("exceptions")
def register_report_exceptions_cmd(
    year: int = typer.Option(..., "--year", help="The calendar year to report."),
    out: Path = typer.Option(..., "--out", help="Where to write the CSV; the DOCX summary goes beside it."),
    db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt, when: Optional[str] = DateOpt,
) -> None:
    """The year's services used under the IEP / Section 504 exception, for the Commission for
    Educational Technology: a CSV (no student reference) and a DOCX summary.

    Example: sdpa register report exceptions --year 2027 --out out/exceptions-2027.csv
    """
    from datetime import date

    from .duties import exceptions_report
    from .render import write_file

    if not 2000 <= year <= 2100:
        typer.echo("sdpa: error: --year must be a year such as 2027", err=True)
        raise typer.Exit(2)
    with user_errors():
        with _register(db, board) as (reg, profile):
            table, summary = exceptions_report(reg, year, profile, _date_opt(when, "--date") or date.today())
        for path in (write_file(out, table.encode("utf-8-sig")), write_file(out.with_suffix(".docx"), summary)):
            typer.echo(f"wrote {path}")


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
