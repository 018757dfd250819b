"""`sdpa vet`: may a teacher use this app? A service's own terms read against the policy's
restrictions on operators."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from generator.cli.common import ClausesOpt, get_library, user_errors
from generator.errors import InputError


def vet_cmd(
    terms: Path = typer.Argument(..., help="The service's terms of service: PDF, DOCX, TXT, MD or a saved HTML page."),
    more: Optional[list[Path]] = typer.Argument(None, help="Its privacy policy and any other document of it."),
    format: str = typer.Option("text", "--format", help="text, json or markdown"),
    fail_on_conditions: bool = typer.Option(False, "--fail-on-conditions",
                                            help="Exit 1 unless the verdict is 'may be used'."),
    clauses: Optional[Path] = ClausesOpt,
) -> None:
    """Vet an app from its terms and privacy policy: audience, the four operator restrictions
    (targeted advertising, profiling, sale, disclosure) and a verdict with the policy's reason.

    Exit code: 0 (1 with --fail-on-conditions when the verdict is not 'may be used'); 2 for a
    file that cannot be read.

    Example: sdpa vet terms.pdf privacy.html --format json
    """
    from generator.checking.operators import vet_documents
    from generator.documents.vet_report import vet_markdown, vet_text

    if format not in ("text", "json", "markdown"):
        typer.echo("sdpa: error: --format must be text, json or markdown", err=True)
        raise typer.Exit(2)
    paths = [terms, *(more or [])]
    with user_errors():
        lib = get_library(clauses)
        for p in paths:
            if str(p) == "-":
                raise InputError("-: sdpa vet reads files, not standard input")
        report = vet_documents(paths, lib)
    if format == "json":
        typer.echo(json.dumps(report.to_json_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo((vet_markdown if format == "markdown" else vet_text)(report))
    if fail_on_conditions and report.verdict != "may be used":
        raise typer.Exit(1)
