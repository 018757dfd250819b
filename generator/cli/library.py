"""`sdpa library`: the clause library and its trace for counsel."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from generator.cli.common import BoardOpt, ClausesOpt, get_library, load_board, user_errors


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
            from generator.documents.trace import trace_json, trace_markdown, trace_table

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
