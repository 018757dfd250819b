"""`sdpa letter …`: the board's letters and notices."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from generator.cli.common import (
    BoardOpt,
    ClausesOpt,
    DateOpt,
    DbOpt,
    OutOpt,
    PdfOpt,
    VendorOpt,
    date_option,
    default_letter_date,
    get_library,
    letter_inputs,
    open_register,
    user_errors,
    write_outputs,
)
from generator.errors import InputError


def letter_amendment_cmd(
    contract: Path = typer.Argument(..., help="The vendor's contract (PDF, DOCX, TXT, MD)."),
    vendor: Path = VendorOpt,
    out: Path = typer.Option(..., "--out", help="Where to write the letter (DOCX); the addendum goes beside it."),
    contract_date: Optional[str] = typer.Option(None, "--contract-date", help="Date of the contract (default: the vendor file's contract_date)."),
    renewed: Optional[str] = typer.Option(None, "--renewed", help="Date the contract was last amended or renewed, if any."),
    registered: Optional[int] = typer.Option(None, "--register-contract", help="The contract's id in the register: "
                                             "the letter follows counsel's confirmed verdict on this document."),
    db: Optional[str] = DbOpt,
    board: Optional[Path] = BoardOpt,
    when: Optional[str] = DateOpt,
    pdf: bool = PdfOpt,
    clauses: Optional[Path] = ClausesOpt,
) -> None:
    """Write the amendment letter for a contract with gaps, with the addendum.

    The letter gives the § 10-234bb(f) notice (void if not amended) only when a § 10-234bb(a)
    provision is missing or partial and the contract was entered into on or after July 1, 2018
    (an amendment or renewal since is stated, and left to counsel); it needs the contract's date
    for that (the vendor file's contract_date, --contract-date, or the register's contract).

    Example: sdpa letter amendment acme-terms.pdf --vendor acme.json --contract-date 2019-08-01 --out out/acme-letter.docx
    """
    from generator.checking.one_file import check_file
    from generator.checking.voidness import counsel_note
    from generator.documents.letters import amendment_letter, amendment_voidness
    from generator.documents.render import render_addendum
    from generator.documents.trace import unverified_citations

    with user_errors():
        lib = get_library(clauses)
        profile, sent, v = letter_inputs(board, when, vendor)
        signed = date_option(contract_date, "--contract-date")
        again = date_option(renewed, "--renewed")
        c = None
        if registered is not None:  # the register's dates are the contract's: the letter and it agree
            with open_register(db, board) as (reg, _):
                c = reg.contract(registered)
            for flag, given, kept in (("--contract-date", signed, c.executed), ("--renewed", again, c.renewed or c.amended)):
                if given and kept and given != kept:
                    typer.echo(f"warning: {flag} {given} differs from the register's {kept} for contract {registered}; "
                               "the letter uses the date given", err=True)
            signed, again = signed or c.executed, again or c.renewed or c.amended
        if signed:
            v = v.model_copy(update={"contract_date": signed})
        if not v.contract_date:
            raise InputError("--contract-date: the contract's date is needed (the vendor file has no "
                             "contract_date): the letter says whether § 10-234bb(f) applies from it, "
                             "and the addendum names it")
        from generator.records.review import acting_verdict, draft_reason

        report = check_file(contract, lib)
        why_draft = draft_reason(c, report)
        report, by = acting_verdict(c, report)
        letter = amendment_letter(report, v, profile, sent=sent, library=lib, renewed=again, confirmed_by=by)
        if letter is None:
            typer.echo(f"{contract.name}: all eleven provisions present and no conflicting term; no letter is needed")
            return
        typer.echo(f"{contract.name}: {report.summary()}" + (f" (confirmed by {by})" if by else
                                                             f" (a reading: the letter is a DRAFT: {why_draft})"))
        note = counsel_note(amendment_voidness(report, v, library=lib, renewed=again))
        if note:
            typer.echo(f"note: {note}")
        unverified = unverified_citations(letter, lib)
        if unverified:
            typer.echo("to confirm with counsel before sending (not checked against the statute's text; "
                       f"see sdpa library --trace): {', '.join(unverified)}")
        write_outputs([(out, letter), (out.with_name(out.stem + "-addendum.docx"), render_addendum(v, profile, lib))], pdf)


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
    from generator.deadlines import website_notice_due
    from generator.documents.letters import contract_posting
    from generator.documents.render import long_date, write_file
    from generator.models import check_web_address

    with user_errors():
        profile, _, v = letter_inputs(board, None, vendor)
        day = date_option(executed, "--executed")
        try:
            contract_url = check_web_address(contract_url)
        except ValueError as exc:
            raise InputError(f"--contract-url: {exc}") from None
        docx_bytes, html = contract_posting(v, profile, executed=day, contract_url=contract_url, draft=draft)
        write_outputs([(out, docx_bytes)], pdf)
        html_path = write_file(out.with_suffix(".html"), html.encode("utf-8"))
        typer.echo(f"wrote {html_path}")
        typer.echo(f"post by {long_date(website_notice_due(day))} (5 business days)")


def letter_annual_cmd(
    out: Path = OutOpt, board: Optional[Path] = BoardOpt, when: Optional[str] = DateOpt, pdf: bool = PdfOpt,
) -> None:
    """The yearly notice to students and parents of the website listing the contracts (by September 1).

    Example: sdpa letter annual-notice --date 2027-08-15 --out out/annual-notice.docx
    """
    from generator.documents.letters import annual_notice

    with user_errors():
        profile, day, _ = letter_inputs(board, when)
        write_outputs([(out, annual_notice(profile, when=day))], pdf)


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
    from generator.deadlines import parent_breach_notice_due
    from generator.documents.letters import breach_notice
    from generator.documents.render import long_date

    with user_errors():
        profile, day, v = letter_inputs(board, when, vendor)
        got = date_option(received, "--received")
        data = breach_notice(v, profile, when=day, received=got, released=released, actions=actions,
                             what_happened=what_happened, discovered=date_option(discovered, "--discovered"))
        write_outputs([(out, data)], pdf)
        typer.echo(f"send by {long_date(parent_breach_notice_due(got))} (2 business days)")


def letter_deletion_cmd(
    vendor: Path = VendorOpt,
    data: str = typer.Option(..., "--data", help="The student data to delete (students, categories, dates)."),
    operator: bool = typer.Option(False, "--operator", help="The vendor is an operator (runs a website, service or app for school purposes): cite its own duty to delete (§ 10-234cc(a))."),
    out: Path = OutOpt, board: Optional[Path] = BoardOpt, when: Optional[str] = DateOpt, pdf: bool = PdfOpt,
) -> None:
    """The board's request that a vendor delete named student data under the contract's deletion provision, with the statutory exceptions.

    Example: sdpa letter deletion-request --vendor acme.json --data "all records of students who left in June 2026" --out out/delete.docx
    """
    from generator.documents.letters import deletion_request

    with user_errors():
        profile, day, v = letter_inputs(board, when, vendor)
        write_outputs([(out, deletion_request(v, profile, when=day, data=data, operator=operator))], pdf)


def letter_iep_cmd(
    vendor: Path = VendorOpt,
    student: str = typer.Option(..., "--student", help="The student's name."),
    plan: str = typer.Option("iep", "--plan", help="iep (adds the planning and placement team's signature) or 504."),
    effort: str = typer.Option("", "--effort", help="The Board's effort to contract with the operator."),
    equivalent: str = typer.Option("", "--equivalent-search", help="The Board's search for an equivalent service."),
    assurances: str = typer.Option("", "--assurances", help="What the service assures about FERPA, HIPAA and § 10-234cc."),
    source: str = typer.Option("", "--assurance-source", help="Where those assurances come from."),
    out: Path = OutOpt, board: Optional[Path] = BoardOpt, when: Optional[str] = DateOpt, pdf: bool = PdfOpt,
) -> None:
    """The acknowledgement a parent signs for a service necessary to an IEP or 504 plan that cannot comply.

    Example: sdpa letter iep-exception --vendor speechapp.json --student "J. Doe" --out out/iep.docx
    """
    from generator.documents.letters import iep_exception

    if plan not in ("iep", "504"):
        typer.echo("sdpa: error: --plan must be iep or 504", err=True)
        raise typer.Exit(2)
    with user_errors():
        profile, day, v = letter_inputs(board, when, vendor)
        letter = iep_exception(v, profile, when=day, student=student, iep=plan == "iep", effort=effort,
                               equivalent_search=equivalent, assurances=assurances, assurance_source=source)
        missing = [flag for flag, value in (("--effort", effort), ("--equivalent-search", equivalent),
                                            ("--assurances", assurances)) if not value.strip()]
        if missing:
            typer.echo(f"warning: not given, marked TO COMPLETE in the letter: {', '.join(missing)}", err=True)
        write_outputs([(out, letter)], pdf)


def letter_operator_cmd(
    report: Path = typer.Argument(..., help="The vetting report as JSON (sdpa vet ... --format json)."),
    app: str = typer.Option(..., "--app", help="The app's name."),
    operator: str = typer.Option(..., "--operator", help="The company that runs it."),
    contact: list[str] = typer.Option([], "--contact", help="An address line under the operator's name (repeat)."),
    reply_by: Optional[str] = typer.Option(None, "--reply-by", help="The date to answer by, if any."),
    out: Path = OutOpt, db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt,
    when: Optional[str] = DateOpt, pdf: bool = PdfOpt,
) -> None:
    """Ask an app's operator to confirm in writing what its terms leave silent or limited.

    The letter is a draft until counsel has confirmed the app's verdict on these same documents
    (sdpa apps confirm). Example: sdpa letter operator quizly.json --app Quizly --operator "Quizly Inc." --out out/quizly.docx
    """
    from generator.cli.apps import read_vet_report
    from generator.documents.operator_letter import operator_letter
    from generator.records.apps import confirmed_by_for

    with user_errors():
        vetted = read_vet_report(report)
        with open_register(db, board) as (reg, profile):
            by = confirmed_by_for(reg, app, vetted)
        day = date_option(when, "--date") or default_letter_date(profile)
        letter = operator_letter(vetted, profile, app=app, operator=operator, when=day, contact=contact,
                                 reply_by=date_option(reply_by, "--reply-by"), confirmed_by=by)
        if letter is None:
            typer.echo("the terms are silent or limited on no restriction: no letter is needed")
            return
        if not by:
            typer.echo("sdpa: note: DRAFT — counsel has not confirmed this app's verdict on these documents "
                       "(sdpa apps confirm)", err=True)
        write_outputs([(out, letter)], pdf)
