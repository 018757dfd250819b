"""`sdpa check` and `sdpa redline`: a vendor's contract read against the eleven provisions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from generator.cli.common import (
    BoardOpt,
    ClausesOpt,
    DbOpt,
    get_library,
    load_board,
    open_register,
    read_json,
    user_errors,
)
from generator.cli.shared import FORMATS, MAX_MB, format_report, limit_bytes
from generator.errors import InputError


def check_cmd(
    contract: Path = typer.Argument(..., help="The vendor's contract: PDF, DOCX, TXT or MD; - for standard input."),
    format: str = typer.Option("table", "--format", help="table, json or markdown"),
    fail_on_gaps: bool = typer.Option(False, "--fail-on-gaps", help="Exit 1 when a provision is not present or a term conflicts."),
    max_mb: float = typer.Option(MAX_MB, "--max-mb", help="Refuse files larger than this many MB."),
    clauses: Optional[Path] = ClausesOpt,
) -> None:
    """Check a vendor's contract against the eleven provisions; report gaps and conflicts.

    Example: sdpa check acme-terms.pdf --format json
    """
    from generator.checking.one_file import start_check

    if format not in FORMATS:
        typer.echo("sdpa: error: --format must be table, json or markdown", err=True)
        raise typer.Exit(2)
    with user_errors():
        limit = limit_bytes(max_mb)
        source = sys.stdin.buffer.read(limit + 1) if str(contract) == "-" else contract
        # read and checked under one budget; the reading starts first, the library loads meanwhile
        with start_check(source, name="stdin" if str(contract) == "-" else None, max_bytes=limit) as checking:
            lib = get_library(clauses)
            report = checking.finish(lib)
    typer.echo(format_report(report, lib, format))  # the same text as the quick path (cli/quick_check.py)
    if fail_on_gaps and not report.compliant:
        raise typer.Exit(1)


def redline_cmd(
    contract: Path = typer.Argument(..., help="The vendor's own contract as DOCX."),
    vendor: Path = typer.Option(..., "--vendor", help="Vendor details as JSON (see examples/vendor.json)."),
    out: Path = typer.Option(..., "--out", help="Where to write the marked-up DOCX."),
    board: Optional[Path] = BoardOpt,
    author: Optional[str] = typer.Option(None, "--author", help="Author of the changes (default: the board's name)."),
    registered: Optional[int] = typer.Option(None, "--register-contract", help="The contract's id in the register: "
                                             "the changes follow counsel's confirmed verdict on this document."),
    db: Optional[str] = DbOpt,
    clauses: Optional[Path] = ClausesOpt,
) -> None:
    """Return the vendor's DOCX with tracked changes: missing provisions inserted, conflicting
    terms struck, each with a comment citing the law. Without counsel's confirmed verdict
    (--register-contract) the changes rest on the check's reading and the document is marked
    as a draft.

    Example: sdpa redline acme-terms.docx --vendor acme.json --register-contract 3 --out out/acme-redline.docx
    """
    from generator.documents.redlining import redline_document
    from generator.documents.render import write_file
    from generator.forms import vendor_from_dict
    from generator.reading.extract import MAX_BYTES
    from generator.reading.limits import read_bounded

    with user_errors():
        lib = get_library(clauses)
        profile = load_board(board)
        v = vendor_from_dict(read_json(vendor, "vendor file"), str(vendor))
        if out.resolve() == contract.resolve():
            raise InputError(f"{out}: --out is the vendor's document itself; write the redline elsewhere")
        data = read_bounded(contract, MAX_BYTES, str(contract))  # a device or a pipe: one line, at once
        verdict, by = None, ""
        if registered is not None:
            from generator.checking.analysis import check_contract
            from generator.reading.extract import read_document
            from generator.records.review import acting_verdict

            reading = check_contract(read_document(data, contract.name), lib)
            with open_register(db, board) as (reg, _):
                verdict, by = acting_verdict(reg.contract(registered), reading)
        result = redline_document(data, v, profile, author=author, library=lib, name=contract.name,
                                  verdict=verdict, confirmed_by=by)
        typer.echo(f"{contract.name}: {result.report.summary()}"
                   + (f" (confirmed by {by})" if by else " (a reading: the redline is a DRAFT until counsel confirms it)"))
        for item in result.dropped:
            typer.echo(f"left out of the redline: the vendor's {item}", err=True)
        for item in result.unplaced:
            typer.echo(f"not marked (could not be found in the DOCX): {item}", err=True)
        if not (result.supplied or result.struck):
            typer.echo(f"{contract.name}: nothing to change; no redline written")
            return
        write_file(out, result.docx)
        typer.echo(result.summary())
        typer.echo(f"wrote {out}")
