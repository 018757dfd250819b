"""`sdpa apps …`: the approved-apps list: record a vetting, confirm it (counsel), list and export."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from generator.cli.common import BoardOpt, DbOpt, TodayOpt, date_option, open_register, read_json, today_option, user_errors
from generator.errors import InputError

FORMATS = ("csv", "html")


def read_vet_report(path: Path):
    """The vetting report in ``path`` (``sdpa vet --format json``, ``-`` for standard input);
    raises InputError naming the file when it is not one."""
    from pydantic import ValidationError

    from generator.vetting import VetReport

    try:
        return VetReport.model_validate(read_json(path, "vetting report"))
    except ValidationError as exc:
        raise InputError(f"{path}: not a vetting report (sdpa vet --format json): "
                         f"{str(exc).splitlines()[0][:200]}") from None


def apps_list_cmd(db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt, today: Optional[str] = TodayOpt) -> None:
    """List every vetted app: its status, the verdict as read and as confirmed, the review date.

    Example: sdpa apps list
    """
    from generator.records.apps import app_records

    with user_errors():
        with open_register(db, board) as (reg, _):
            records = app_records(reg, today_option(today))
    if not records:
        typer.echo("no app has been vetted yet (sdpa apps record REPORT.json --app NAME)")
    for r in records:
        typer.echo(f"{r.id}\t{r.name}\t{r.operator or '-'}\t{r.status}\tread: {r.read_verdict}\t"
                   f"review: {r.review_date or '-'}" + (f"\tconditions: {'; '.join(r.conditions)}" if r.conditions else ""))


def apps_record_cmd(
    documents: list[Path] = typer.Argument(..., help="The app's documents (terms, privacy policy: PDF, DOCX, TXT, "
                                           "MD, HTML), or one vetting report as JSON (sdpa vet ... --format json)."),
    app: str = typer.Option(..., "--app", help="The app's name as teachers know it."),
    operator: str = typer.Option("", "--operator", help="The company that runs it."),
    asked_by: str = typer.Option("", "--asked-by", help="Who asked to use it."),
    review: Optional[str] = typer.Option(None, "--review-date", help="When to look at it again (default: a year on)."),
    when: Optional[str] = typer.Option(None, "--date", help="The date the documents were vetted (default today)."),
    db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt,
) -> None:
    """Vet an app's documents (or take a vetting report) and record it in the approved-apps list
    (editor, counsel or admin). New documents (other hashes) for a listed app make a new reading,
    which counsel must confirm again.

    Example: sdpa apps record terms.pdf privacy.html --app Quizly --operator "Quizly Inc."
    """
    from generator.checking.operators import vet_documents
    from generator.records.apps import app_record, record_vetting
    from generator.records.review import local_role

    with user_errors():
        if len(documents) == 1 and documents[0].suffix.lower() == ".json":
            vetted = read_vet_report(documents[0])
        else:
            vetted = vet_documents(documents)
        with open_register(db, board) as (reg, _):
            record_vetting(reg, vetted, app=app, role=local_role(reg), operator=operator,
                           asked_by=asked_by, when=date_option(when, "--date"),
                           review_date=date_option(review, "--review-date"))
            rec = app_record(reg, app.strip())
    typer.echo(f"recorded {rec.name}: read as {rec.read_verdict}; {rec.status}")


def apps_confirm_cmd(
    app: str = typer.Argument(..., help="The app's name (or id) in the list."),
    verdict: Optional[str] = typer.Option(None, "--verdict", help="may be used | may be used with conditions | "
                                          "may not be used (default: as read; a change needs --reason)."),
    reason: str = typer.Option("", "--reason", help="Why (kept in the register; needed for a change)."),
    condition: list[str] = typer.Option([], "--condition", help="A condition of use (repeat; default: the reading's)."),
    review: Optional[str] = typer.Option(None, "--review-date", help="When to look at it again."),
    db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt,
) -> None:
    """Confirm (or change) the verdict on an app's latest reading: counsel or admin only.

    Example: sdpa apps confirm Quizly --condition "no student names in quiz titles"
    """
    from generator.records.apps import app_record, confirm_app
    from generator.records.review import local_role

    with user_errors():
        with open_register(db, board) as (reg, _):
            key = int(app) if app.isdigit() else app
            confirm_app(reg, key, role=local_role(reg), verdict=verdict, reason=reason,
                        conditions=condition or None, review_date=date_option(review, "--review-date"))
            rec = app_record(reg, key)
    typer.echo(f"{rec.name}: {rec.verdict}, confirmed by {rec.confirmed_by}; review by {rec.review_date or '-'}")


def apps_export_cmd(
    fmt: str = typer.Option("csv", "--format", help="csv (for a spreadsheet) or html (a page for teachers)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Where to write it (default: standard output)."),
    db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt, today: Optional[str] = TodayOpt,
) -> None:
    """Export the approved-apps list for teachers.

    Example: sdpa apps export --format html --out approved-apps.html
    """
    from generator.documents.render import write_file
    from generator.records.apps import app_records, apps_csv, apps_page

    with user_errors():
        if fmt not in FORMATS:
            raise InputError(f"--format {fmt!r}: use csv or html")
        day = today_option(today)
        with open_register(db, board) as (reg, profile):
            records = app_records(reg, day)
        data = apps_csv(records) if fmt == "csv" else apps_page(records, profile.name, day).encode("utf-8")
        if out is None:
            typer.echo(data.decode("utf-8-sig"), nl=False)
            return
        typer.echo(f"wrote {write_file(out, data)}")
