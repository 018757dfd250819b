"""Shared agreements across a region's boards: a board offers its signed agreement with a vendor to
the other boards (a "general offer"), and another board adopts it into its own register as a new
contract that points at the original, with its own dates and its own duty to post it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from generator.records.database import RegisterError
from generator.records.register import Register
from generator.records.tables import BoardRow, ContractRow, OfferRow


@dataclass(frozen=True)
class Offer:
    """A general offer as every board sees it: ``board`` is the offering board's name."""

    id: int
    board_id: int
    board: str
    contract_id: int
    vendor: str
    product: str
    executed: date
    term_end: date | None
    purpose: str
    data_categories: list[str]
    offered: date
    offered_by: str
    withdrawn: date | None


def offer_agreement(reg: Register, cid: int, when: date) -> int:
    """Offer contract ``cid`` of ``reg``'s board to the region's other boards from ``when``;
    return the offer's id. Raises :class:`RegisterError` when the contract is not the board's,
    is not yet executed (only a signed agreement can be offered), or is already offered."""
    with reg.session() as s, s.begin():
        c = reg.contract_in(s, cid)  # the board's own contract, or an error
        if c.executed is None:
            raise RegisterError(f"contract {cid} is not executed yet: only a signed agreement can be offered")
        if c.adopted_from is not None:
            raise RegisterError(f"contract {cid} was itself adopted from contract {c.adopted_from}: offer the original")
        taken = s.scalar(select(OfferRow).where(OfferRow.contract_id == cid))
        if taken is not None and taken.withdrawn is None:
            raise RegisterError(f"contract {cid} is already offered (offer {taken.id})")
        if taken is not None:  # offered again after a withdrawal
            taken.offered, taken.withdrawn, taken.offered_by = when, None, reg.actor[:320]
            row = taken
        else:
            row = OfferRow(board_id=reg.board_id, contract_id=cid, vendor=c.vendor.name, product=c.product,
                           executed=c.executed, term_end=c.term_end, purpose=c.purpose,
                           data_categories=list(c.data_categories or []), offered=when,
                           offered_by=reg.actor[:320])
            s.add(row)
        s.flush()
        reg.log_change(s, "offer agreement", cid, offer=row.id, offered=when)
        return row.id


def withdraw_offer(reg: Register, offer_id: int, when: date) -> None:
    """Withdraw offer ``offer_id`` of ``reg``'s board from ``when`` (contracts already adopted
    stay). Raises :class:`RegisterError` when it is not this board's open offer."""
    with reg.session() as s, s.begin():
        row = s.get(OfferRow, offer_id)
        if row is None or row.board_id != reg.board_id:
            raise RegisterError(f"offer {offer_id} is not an offer of this board")
        if row.withdrawn is not None:
            raise RegisterError(f"offer {offer_id} was already withdrawn on {row.withdrawn}")
        row.withdrawn = when
        reg.log_change(s, "withdraw offer", row.contract_id, offer=offer_id, withdrawn=when)


def _offer(s: Session, row: OfferRow) -> Offer:
    board = s.get(BoardRow, row.board_id)
    return Offer(row.id, row.board_id, board.name if board else str(row.board_id), row.contract_id, row.vendor,
                 row.product, row.executed, row.term_end, row.purpose, list(row.data_categories or []),
                 row.offered, row.offered_by, row.withdrawn)


def offers(reg: Register, *, include_withdrawn: bool = False) -> list[Offer]:
    """The region's general offers, newest first: every board's, open ones only unless
    ``include_withdrawn``."""
    with reg.snapshot() as s:
        q = select(OfferRow).order_by(OfferRow.id.desc())
        if not include_withdrawn:
            q = q.where(OfferRow.withdrawn.is_(None))
        return [_offer(s, row) for row in s.scalars(q)]


def adopt_agreement(reg: Register, offer_id: int, *, executed: date, term_end: date | None = None,
                    description: str = "") -> int:
    """Adopt offer ``offer_id`` into ``reg``'s board: a new contract with the offer's vendor,
    product, purpose and data categories, ``adopted_from`` the original contract, and this
    board's own ``executed`` date (the day it signed the adoption, which starts its own duty to
    post notice) and ``term_end`` (default the original's). Returns the new contract's id.
    Raises :class:`RegisterError` when the offer is unknown or withdrawn, is this board's own,
    or was already adopted by this board."""
    with reg.session() as s, s.begin():
        row = s.get(OfferRow, offer_id)
        if row is None:
            raise RegisterError(f"there is no offer {offer_id} (sdpa register offers)")
        if row.withdrawn is not None:
            raise RegisterError(f"offer {offer_id} was withdrawn on {row.withdrawn}")
        if row.board_id == reg.board_id:
            raise RegisterError(f"offer {offer_id} is this board's own contract {row.contract_id}")
        already = s.scalar(select(ContractRow.id).where(ContractRow.board_id == reg.board_id,
                                                        ContractRow.adopted_from == row.contract_id))
        if already is not None:
            raise RegisterError(f"this board already adopted offer {offer_id} as contract {already}")
        cid = reg.insert_contract(s, vendor=row.vendor, product=row.product, executed=executed,
                                  term_end=term_end if term_end is not None else row.term_end,
                                  purpose=row.purpose, description=description,
                                  data_categories=list(row.data_categories or []))
        reg.contract_in(s, cid).adopted_from = row.contract_id
        reg.log_change(s, "adopt agreement", cid, offer=offer_id, original=row.contract_id,
                       offering_board=row.board_id)
        return cid
