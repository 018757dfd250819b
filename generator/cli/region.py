"""`sdpa board add|list|import-register` and `sdpa register offer|offers|adopt|withdraw-offer`: a
region's boards in one register, and the agreements they share."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from generator.cli.common import MAX_EXPORT, BoardOpt, DbOpt, date_option, open_register, read_json, user_errors


def _engine_register(db: Optional[str]):
    from generator.records.database import database_url
    from generator.records.register import Register

    return Register(database_url(None, db), board_id=1)


def board_add_cmd(name: str = typer.Argument(..., help="The board's name, e.g. 'Hillside Board of Education'."),
                  db: Optional[str] = DbOpt) -> None:
    """Add a board to the register (a region's register holds several); print its id.

    Example: sdpa board add "Hillside Board of Education"
    """
    from generator.cli.register import require
    from generator.records.tenancy import add_board

    with user_errors():
        with _engine_register(db) as reg:
            require(reg, "admin", "add a board")  # an administrator of board 1, the region's
            new = add_board(reg.engine, name)
    typer.echo(f"added board {new}: work for it with --board-id {new} (sdpa board --board-id {new} import "
               "PROFILE.yaml saves its profile and roles)")


def board_list_cmd(db: Optional[str] = DbOpt) -> None:
    """List the register's boards: id, short name, name (its saved profile's, when it has one).

    Example: sdpa board list
    """
    from generator.records.directory import board_names

    with user_errors():
        with _engine_register(db) as reg:
            boards = board_names(reg)
    for number, slug, name in boards:
        typer.echo(f"{number:>4}  {slug[:30]:<30} {name}")


def board_import_register_cmd(
    backup: Path = typer.Argument(..., help="A district's register backup (sdpa register export --out FILE.zip)."),
    name: str = typer.Option(..., "--name", help="The new board's name."),
    db: Optional[str] = DbOpt,
) -> None:
    """Move a district's register (its backup, e.g. from its SQLite file) into this register as a
    new board, every record with a new id. Nothing is written unless all of it is.

    Example: sdpa board import-register shoreline.zip --name "Shoreline Board of Education"
    """
    from generator.records.backup import import_register, import_register_zip
    from generator.records.database import database_url
    from generator.records.register import Register
    from generator.records.tenancy import add_board, remove_empty_board

    from generator.cli.register import require

    with user_errors():
        with _engine_register(db) as first:
            require(first, "admin", "add a board")  # an administrator of board 1, the region's
            new = add_board(first.engine, name)
            try:
                with Register(database_url(None, db), board_id=new) as reg:
                    if backup.suffix.lower() == ".json":
                        n = import_register(reg, read_json(backup, "register export", MAX_EXPORT), new_ids=True)
                    else:
                        n = import_register_zip(reg, backup, new_ids=True)
            except BaseException:
                remove_empty_board(first.engine, new)
                raise
    typer.echo(f"imported {n} records into board {new} ({name}); work for it with --board-id {new}")


def register_offer_cmd(contract: int = typer.Argument(..., help="The contract id (this board's, executed)."),
                       when: Optional[str] = typer.Option(None, "--date", help="Date of the offer (default today)."),
                       db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt) -> None:
    """Offer a signed agreement to the region's other boards (a general offer).

    Example: sdpa register --board-id 1 offer 12
    """
    from datetime import date

    from generator.cli.register import require
    from generator.records.sharing import offer_agreement

    with user_errors():
        day = date_option(when, "--date") or date.today()
        with open_register(db, board) as (reg, _):
            require(reg, "editor", "offer an agreement")
            offer = offer_agreement(reg, contract, day)
    typer.echo(f"offered contract {contract} to the other boards as offer {offer}")


def register_withdraw_offer_cmd(offer: int = typer.Argument(..., help="The offer id (sdpa register offers)."),
                                when: Optional[str] = typer.Option(None, "--date", help="Date (default today)."),
                                db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt) -> None:
    """Withdraw this board's general offer (adoptions already made stay).

    Example: sdpa register withdraw-offer 3
    """
    from datetime import date

    from generator.cli.register import require
    from generator.records.sharing import withdraw_offer

    with user_errors():
        day = date_option(when, "--date") or date.today()
        with open_register(db, board) as (reg, _):
            require(reg, "editor", "withdraw an offer")
            withdraw_offer(reg, offer, day)
    typer.echo(f"withdrew offer {offer}")


def register_offers_cmd(db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt) -> None:
    """List the region's open general offers: id, offering board, vendor, product, dates.

    Example: sdpa register offers
    """
    from generator.records.sharing import offers

    with user_errors():
        with open_register(db, board) as (reg, _):
            found = offers(reg)
    for o in found:
        typer.echo(f"{o.id:>4}  {o.board[:28]:<28} {o.vendor[:28]:<28} {o.product[:24]:<24} "
                   f"executed {o.executed}, term ends {o.term_end or '-'}, offered {o.offered}")
    if not found:
        typer.echo("no open offers")


def register_adopt_cmd(offer: int = typer.Argument(..., help="The offer id (sdpa register offers)."),
                       executed: str = typer.Option(..., "--executed", help="The date this board signed the adoption."),
                       term_end: Optional[str] = typer.Option(None, "--term-end", help="Default: the original's."),
                       db: Optional[str] = DbOpt, board: Optional[Path] = BoardOpt) -> None:
    """Adopt another board's general offer into this board's register, with this board's own dates
    (its duty to post notice runs from --executed).

    Example: sdpa register --board-id 2 adopt 3 --executed 2026-01-15
    """
    from generator.cli.register import require
    from generator.records.register import past_event
    from generator.records.sharing import adopt_agreement

    with user_errors():
        signed = past_event(date_option(executed, "--executed"), "--executed")
        end = date_option(term_end, "--term-end")
        with open_register(db, board) as (reg, _):
            require(reg, "editor", "adopt an agreement")
            cid = adopt_agreement(reg, offer, executed=signed, term_end=end)
    typer.echo(f"adopted offer {offer} as contract {cid}")
