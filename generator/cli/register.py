"""`sdpa register …`: the contracts register, what is due, the public page, backups and reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Optional

import typer

from generator.cli.common import (
    MAX_EXPORT,
    BoardOpt,
    DateOpt,
    DbOpt,
    TodayOpt,
    date_option,
    get_library,
    open_register,
    read_json,
    today_option,
    user_errors,
)
from generator.cli.quick import (
    EMPTY,
    FORMAT,
    MAX_PER_PAGE,
    NO_MATCH,
    PER_PAGE,
    contract_lines,
    page_message,
    which_page,
)
from generator.errors import InputError


def require(reg, needed: str, what: str) -> None:
    """Refuse (one line, exit 2) unless the person running the command has role ``needed`` in
    ``reg``: the role the access lists of the profile saved in the register give ``$SDPA_USER``
    (else the login name), as :func:`generator.records.review.local_role` reads it. Not
    authentication: see docs/cli.md."""
    from generator.records.access import require_role
    from generator.records.review import local_role

    require_role(local_role(reg), needed, what)


def register_add_cmd(
    vendor: str = typer.Option(..., "--vendor", help="The vendor's name."),
    product: str = typer.Option(..., "--product"),
    executed: Optional[str] = typer.Option(None, "--executed", help="Date executed."),
    term_end: Optional[str] = typer.Option(None, "--term-end"),
    description: str = typer.Option("", "--description"),
    purpose: str = typer.Option("", "--purpose"),
    data: str = typer.Option("", "--data", help="Student data categories, separated by ;"),
    file: Optional[Path] = typer.Option(None, "--file", help="The signed contract (stored in the register)."),
    withheld: str = typer.Option("", "--withheld", help="Why the public page does not link the contract "
                                 "(e.g. \"redacted copy pending\")."),
    db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt,
) -> None:
    """Add a contract. Example: sdpa register add --vendor Acme --product Reader --executed 2025-12-22 --file acme.pdf"""
    from generator.records.register import past_event
    from generator.records.status import refresh_due

    with user_errors():
        with open_register(db, board) as (reg, _):
            require(reg, "editor", "add a contract")
            cid = reg.add_contract(vendor=vendor, product=product,
                                   executed=past_event(date_option(executed, "--executed"), "--executed"),
                                   term_end=date_option(term_end, "--term-end"), description=description,
                                   purpose=purpose, data_categories=[x.strip() for x in data.split(";") if x.strip()],
                                   file=file, withheld_reason=withheld)
            refresh_due(reg)  # its status stored now, so the next `register list` answers quickly
    typer.echo(f"added contract {cid}")


def register_import_cmd(
    file: Path = typer.Argument(..., help="A register backup (.zip, or an older .json export) or a CSV of "
                                          "existing contracts."),
    db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt,
) -> None:
    """Import a backup (into an empty register) or a CSV of contracts.

    Example: sdpa register import sdpa-register.zip
    """
    from generator.records.backup import import_register, import_register_zip
    from generator.records.contract_csv import import_contracts_csv
    from generator.records.status import refresh_due

    with user_errors():
        with open_register(db, board) as (reg, _):
            require(reg, "editor", "import into the register")
            if file.suffix.lower() == ".zip":
                message = f"imported {import_register_zip(reg, file)} records"
            elif file.suffix.lower() == ".json":
                message = f"imported {import_register(reg, read_json(file, 'register export', MAX_EXPORT))} records"
            else:
                message = f"added {len(import_contracts_csv(reg, file))} contracts"
            refresh_due(reg)  # what is due, derived now: the first look at it is then fast
    typer.echo(message)


PageOpt = typer.Option(None, "--page", min=1, help="Which page to show (from 1; default 1, or every one "
                                                 "with --format json).")
PerPageOpt = typer.Option(PER_PAGE, "--per-page", min=1, max=MAX_PER_PAGE, help="How many on a page.")
AllOpt = typer.Option(False, "--all", help="Every one, not a page (the default for --format json).")
VendorFilterOpt = typer.Option("", "--vendor", help="Only vendors whose name contains this (any case).")


def page_note(shown: int, total: int, page: int, per_page: int, everything: bool,
              empty: str = "nothing matches") -> None:
    """Say on stderr what :func:`generator.cli.quick.page_message` says of this page; its error
    (a page past the last) exits with code 2."""
    said = page_message(shown, total, page, per_page, everything, empty)
    if said is None:
        return
    typer.echo(said[0], err=True)
    if said[1]:
        raise typer.Exit(said[1])


def register_list_cmd(db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt, today: Optional[str] = TodayOpt,
                      format: str = typer.Option(FORMAT, "--format", help="table or json"),
                      page: Optional[int] = PageOpt, per_page: int = PerPageOpt, everything: bool = AllOpt,
                      vendor: str = VendorFilterOpt,
                      status: list[str] = typer.Option([], "--status", help="Only contracts with this status "
                                                       "(repeat for several).")) -> None:
    """List the contracts with their derived status, a page at a time.

    Example: sdpa register list --status "gaps found" --page 2
    """
    from generator.records.status import listed_page

    page, everything = which_page(page, everything, format)
    with user_errors():
        with open_register(db, board) as (reg, _):
            day = today_option(today)
            rows, total = listed_page(reg, day, offset=0 if everything else (page - 1) * per_page,
                                      limit=None if everything else per_page, vendor=vendor, statuses=status)
    for line in contract_lines(rows, format):
        typer.echo(line)
    page_note(len(rows), total, page, per_page, everything, NO_MATCH if vendor or status else EMPTY)


def register_show_cmd(contract: int = typer.Argument(...), db: Optional[str] = DbOpt,
                      board: Optional[Path] = BoardOpt, today: Optional[str] = TodayOpt) -> None:
    """Show one contract, its records and its log."""
    from generator.records.status import contract_status

    with user_errors():
        with open_register(db, board) as (reg, _):
            c = reg.contract(contract)
            s = contract_status(c, today_option(today))
            log = reg.log(contract)
    typer.echo(f"contract {c.id}: {c.vendor.name}, {c.product}")
    typer.echo(f"status: {s.status} ({s.why})")
    typer.echo(f"executed {c.executed or '-'}, term ends {c.term_end or '-'}; file {c.file_name or '-'} "
               f"{('sha256 ' + c.file_sha256) if c.file_sha256 else ''}")
    for n in c.notices:
        typer.echo(f"notice sent {n.sent}, cure by {n.cure_date}, outcome {n.outcome or 'open'} {n.outcome_date or ''}"
                   + (f" by {n.outcome_by}: {n.outcome_reason}" if n.outcome_reason else ""))
    for r in c.reviews:
        typer.echo(f"review of check {r.check_id} by {r.reviewer} ({r.role}) at {r.reviewed_at:%Y-%m-%d %H:%M}:")
        for p in r.verdict.get("provisions", []):
            typer.echo(f"  {p['id']:<20} reading {p['reading']:<8} confirmed {p['status']:<8} {p['reason']}")
    for p in c.postings:
        typer.echo(f"posted {p.posted} {p.url}")
    for b in c.breaches:
        typer.echo(f"breach {b.id}: notice received {b.notice_received}, families notified {b.families_notified or '-'}, "
                   f"posted {b.posted or '-'}")
    for entry in log:
        typer.echo(f"log {entry.at:%Y-%m-%d %H:%M} {entry.actor}: {entry.action}")


def register_record_cmd(
    kind: str = typer.Argument(..., help="executed, amended, renewed, check, notice, outcome, posting, breach, "
                                         "families-notified, annual-notice or exception"),
    contract: Optional[int] = typer.Argument(None, help="The contract id (for families-notified: the breach id; "
                                                        "none for annual-notice and exception)."),
    file: Optional[Path] = typer.Option(None, "--file", help="check: the contract file to check."),
    sent: Optional[str] = typer.Option(None, "--sent", help="notice: date sent."),
    outcome: str = typer.Option("", "--outcome", help="outcome: amended or withdrawn (void: sdpa register void)."),
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
    ppt_member: str = typer.Option("", "--ppt-member", help="exception (IEP): the planning and placement team member who signed."),
    equivalent: str = typer.Option("", "--equivalent-search", help="exception: the search for an equivalent service."),
    assurances: str = typer.Option("", "--assurances", help="exception: the service's FERPA, HIPAA and § 10-234cc assurances."),
    assurance_source: str = typer.Option("", "--assurance-source", help="exception: where those assurances come from."),
    ended: Optional[str] = typer.Option(None, "--ended", help="exception: date the service stopped being used, if it has."),
    db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt,
) -> None:
    """Record an event on a contract, the year's annual notice, or a service used under the IEP / 504 exception.

    Example: sdpa register record notice 3 --sent 2027-01-13   (the cure date follows from the board profile)
    Example: sdpa register record annual-notice --sent 2027-08-20
    Example: sdpa register record exception --student-ref S1234 --plan iep --service "SpeechApp" --effort "asked 2027-01-05; no equivalent found" --signed 2027-01-20
    """
    from datetime import date

    from generator.deadlines import cure_deadline
    from generator.records.register import past_event

    if kind not in ("annual-notice", "exception") and contract is None:
        typer.echo(f"sdpa: error: record {kind} needs the contract id (or breach id)", err=True)
        raise typer.Exit(2)
    with user_errors():
        with open_register(db, board) as (reg, profile):
            require(reg, "editor", "record in the register")
            when = date_option(on, "--date") or date.today()
            past_event(when, "--date")  # every event, the execution too, is recorded once it has happened
            if kind == "annual-notice":
                from generator.records.duties import record_annual_notice

                day = past_event(date_option(sent, "--sent"), "--sent") or when
                record_annual_notice(reg, day)
                typer.echo(f"recorded the annual notice of {day.year}, sent {day}")
            elif kind == "exception":
                from generator.records.duties import record_exception

                day = date_option(signed, "--signed")
                if not day:
                    raise InputError("--signed: the date the acknowledgement was signed is required")
                eid = record_exception(reg, student_ref=student_ref, plan=plan, service=service, effort=effort,
                                       operator=operator, signed=day, ended=date_option(ended, "--ended"),
                                       ppt_member=ppt_member, equivalent_search=equivalent,
                                       assurances=assurances, assurance_source=assurance_source)
                typer.echo(f"recorded exception {eid}")
            elif kind == "check":
                from generator.checking.one_file import check_file

                if not file:
                    raise InputError("record check needs --file")
                report = check_file(file, get_library(None))
                reg.record_check(contract, report.model_dump(mode="json"), when)
                typer.echo(f"recorded check: {report.summary()}")
            elif kind == "notice":
                day = past_event(date_option(sent, "--sent"), "--sent") or when
                from generator.records.review import notice_cautions

                cure = cure_deadline(day, profile.cure_period_days, profile.closures, profile.good_friday_proclaimed)
                for caution in notice_cautions(reg.contract(contract), day):
                    typer.echo(f"sdpa: note: {caution}", err=True)
                reg.record_notice(contract, day, cure)
                typer.echo(f"recorded notice sent {day}; cure date {cure}")
            elif kind == "executed":
                reg.record_executed(contract, when)
                typer.echo(f"recorded executed on {when}")
            elif kind in ("amended", "renewed"):
                from generator.records.review import record_dates

                record_dates(reg, contract, **{kind: when})
                typer.echo(f"recorded {kind} on {when}")
            elif kind == "outcome":
                reg.record_outcome(contract, outcome, when)
                typer.echo(f"recorded outcome {outcome}")
            elif kind == "posting":
                from generator.models import check_web_address

                try:
                    url = check_web_address(url)
                except ValueError as exc:
                    raise InputError(f"--url: {exc}") from None
                reg.record_posting(contract, when, url)
                typer.echo(f"recorded posting on {when}")
            elif kind == "breach":
                got = past_event(date_option(received, "--received"), "--received")
                if not got:
                    raise InputError("record breach needs --received")
                bid = reg.record_breach(contract, notice_received=got,
                                        discovered=past_event(date_option(discovered, "--discovered"), "--discovered"))
                typer.echo(f"recorded breach {bid}")
            elif kind == "families-notified":
                reg.update_breach(contract, families_notified=when)
                typer.echo(f"recorded families notified on {when}")
            else:
                raise InputError(f"unknown record kind {kind!r}")


def register_review_cmd(
    contract: int = typer.Argument(..., help="The contract id; its latest stored check is reviewed."),
    provision: list[str] = typer.Option([], "--provision", help="ID=STATUS:REASON, e.g. governing_law=missing:"
                                        "the clause names New York law (repeat; a changed status needs a reason)."),
    conflict: list[str] = typer.Option([], "--conflict", help="N=conflicts or N=no conflict:REASON for the "
                                       "check's Nth conflicting term (repeat)."),
    confirm_rest: bool = typer.Option(False, "--confirm-rest", help="Confirm every item not named as the check read it."),
    db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt,
) -> None:
    """Confirm (or change) a stored check, provision by provision: counsel or admin only. Without
    arguments, lists the check's reading, low confidence first.

    Example: sdpa register review 3 --provision security=partial:"no encryption at rest" --confirm-rest
    """
    from generator.documents.report import TERMINAL_WIDTH, terminal_wrap
    from generator.records.review import (
        confirmed_report,
        latest_check,
        local_role,
        not_present,
        parse_decision,
        review_check,
        review_order,
    )

    with user_errors():
        with open_register(db, board) as (reg, profile):
            if not provision and not conflict and not confirm_rest:
                check = latest_check(reg.contract(contract))
                if check is None:
                    raise InputError(f"contract {contract} has no stored check (sdpa register record check)")
                width = shutil.get_terminal_size((TERMINAL_WIDTH, 24)).columns  # wrapped, nothing cut
                for p in review_order(check.report):
                    typer.echo(f"{p['id']:<20} {p['status']:<8} {p.get('confidence', '')}")
                    quoted = [f"“{e.get('text', '')}” ({e.get('location', '')})" for e in p.get("evidence", [])[:1]]
                    for text in (p.get("explanation", ""), *quoted):
                        typer.echo("\n".join(terminal_wrap(text, width, 4)))
                for i, t in enumerate(check.report.get("conflicts", []), start=1):
                    typer.echo(f"conflict {i} ({t.get('location', '')}):")
                    typer.echo("\n".join(terminal_wrap(f"“{t.get('text', '')}”", width, 4)))
                return
            decided = dict(parse_decision(x, "--provision") for x in provision)
            terms = {}
            for x in conflict:
                key, d = parse_decision(x, "--conflict")
                if not key.isdigit():
                    raise InputError(f"--conflict {key}: give the conflicting term's number (1, 2, …)")
                terms[int(key)] = d
            review_check(reg, contract, role=local_role(reg), provisions=decided,
                         conflicts=terms, confirm_rest=confirm_rest)
            report = confirmed_report(reg.contract(contract))
    gaps = not_present(report["provisions"])
    typer.echo(f"confirmed by {report['confirmed_by']}: " + (f"not present: {'; '.join(gaps)}" if gaps else
                                                             "all provisions present")
               + f"; {len(report['conflicts'])} conflicting term(s)")


def register_void_cmd(
    contract: int = typer.Argument(...),
    reason: str = typer.Option(..., "--reason", help="Why the contract is void (kept in the register)."),
    on: Optional[str] = typer.Option(None, "--date", help="The date (default: today); after the cure date."),
    db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt,
) -> None:
    """Record a contract void: counsel or admin only, after the cure date of its notice, with the
    contract's execution date on file, its check confirmed, and a reason.

    Example: sdpa register void 3 --reason "governing law still New York after notice of 2027-01-13"
    """
    from datetime import date

    from generator.records.review import local_role, record_void

    with user_errors():
        with open_register(db, board) as (reg, profile):
            when = date_option(on, "--date") or date.today()
            record_void(reg, contract, role=local_role(reg), when=when, reason=reason)
    typer.echo(f"recorded contract {contract} void on {when}")


def register_due_cmd(db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt, today: Optional[str] = TodayOpt,
                     format: str = typer.Option("table", "--format", help="table or json"),
                     page: Optional[int] = PageOpt, per_page: int = PerPageOpt, everything: bool = AllOpt,
                     vendor: str = VendorFilterOpt,
                     before: Optional[str] = typer.Option(None, "--due-before", help="Only what is due on or "
                                                          "before this date.")) -> None:
    """What is due or overdue, overdue first, a page at a time. Example: sdpa register due --today 2026-12-29"""
    from generator.records.status import due_page

    page, everything = which_page(page, everything, format)
    with user_errors():
        with open_register(db, board) as (reg, profile):
            found = due_page(reg, today_option(today), profile, offset=0 if everything else (page - 1) * per_page,
                             limit=None if everything else per_page, vendor=vendor,
                             before=date_option(before, "--due-before"))
    items = found.items
    if format == "json":
        typer.echo(json.dumps([{"contract": i.contract_id, "vendor": i.vendor, "what": i.what,
                                "due": i.due.isoformat(), "overdue": i.overdue, "citation": i.citation}
                               for i in items], indent=2, ensure_ascii=False))
    else:
        for i in items:
            flag = "OVERDUE" if i.overdue else "due"
            who = f"#{i.contract_id} {i.vendor}: " if i.contract_id else ""
            typer.echo(f"{flag:<8}{i.due}  {who}{i.what} ({i.citation})")
    page_note(len(items), found.total, page, per_page, everything, "nothing is due")


def register_publish_cmd(out: Path = typer.Option(..., "--out"), db: Optional[str] = DbOpt,
                         board: Optional[Path] = BoardOpt, today: Optional[str] = TodayOpt,
                         draft: bool = typer.Option(False, "--draft", help="Write it even when a contract lacks "
                                                    "its purpose or data categories, each marked to complete.")) -> None:
    """Write the public contracts page (index.html), contracts.csv and the contract files. Refuses
    (exit 2, naming the contract and field) when a listed contract lacks its purpose or student
    data categories, unless --draft; never overwrites an index.html sdpa did not write."""
    from generator.records.publish import publish

    with user_errors():
        with open_register(db, board) as (reg, profile):
            require(reg, "editor", "publish the public contracts page")
            page, table = publish(reg, out, profile, today_option(today), draft=draft)
    typer.echo(f"wrote {page} and {table}")


def register_export_cmd(out: Optional[Path] = typer.Option(
                            None, "--out", help="The backup to write: a .zip (any size), or a .json in the "
                                                "older one-file format (default: that JSON on stdout)."),
                        db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt) -> None:
    """Back up the whole register (or move it between SQLite and PostgreSQL).

    Example: sdpa register export --out sdpa-register.zip
    """
    from generator.records.backup import export_register, export_register_zip

    with user_errors():
        with open_register(db, board) as (reg, _):
            if out and out.suffix.lower() != ".json":
                counts = export_register_zip(reg, out)
                typer.echo(f"wrote {out}: {sum(counts.values())} records, "
                           f"{counts['contracts']} contracts; it restores with: sdpa register import {out}")
                return
            text = json.dumps(export_register(reg), indent=1, ensure_ascii=False)
        if out:
            from generator.documents.render import write_file

            write_file(out, text.encode("utf-8"))
            typer.echo(f"wrote {out}")
        else:
            typer.echo(text)


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

    from generator.documents.render import write_file
    from generator.records.duties import exceptions_report

    if not 2000 <= year <= 2100:
        typer.echo("sdpa: error: --year must be a year such as 2027", err=True)
        raise typer.Exit(2)
    with user_errors():
        with open_register(db, board) as (reg, profile):
            table, summary = exceptions_report(reg, year, profile, date_option(when, "--date") or date.today())
        for path in (write_file(out, table.encode("utf-8-sig")), write_file(out.with_suffix(".docx"), summary)):
            typer.echo(f"wrote {path}")
