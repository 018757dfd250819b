"""The register page's shared agreements: offer one of this board's signed agreements to the
region's other boards, or adopt another board's offer (a new contract of this board, with its own
dates and its own duty to post notice). Thin: each form is one library call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

import generator as g
from app_pages import common


def offer_form(reg, contracts, done: Callable[[str], None]) -> None:
    """Offer an executed contract of this board to the other boards."""
    signed = {c.id: c for c in contracts if c.executed and c.adopted_from is None}
    if not signed:
        st.info("Only an executed contract of this board can be offered; none is recorded yet.")
        return
    cid = st.selectbox("Signed agreement to offer", list(signed), index=None, key="offer_contract",
                       format_func=lambda i: common.contract_label(i, signed[i].vendor.name, signed[i].product),
                       placeholder="Pick a contract")
    if st.button("Offer it to the other boards", key="offer_save", disabled=cid is None) and cid is not None \
            and common.allowed_to("offer an agreement"):
        offer = g.offer_agreement(reg, cid, dt.date.today())
        done(f"Contract #{cid} is offered to the other boards (offer {offer}).")


def adopt_form(reg, contracts, done: Callable[[str], None]) -> None:
    """Adopt another board's open offer as a contract of this board."""
    found = {o.id: o for o in g.offers(reg) if o.board_id != reg.board_id}
    if not found:
        st.info("No other board offers an agreement at the moment.")
        return
    oid = st.selectbox("Offer to adopt", list(found), index=None, key="adopt_offer",
                       format_func=lambda i: f"{found[i].vendor}: {found[i].product} (from {found[i].board}, "
                                             f"executed {g.long_date(found[i].executed)})",
                       placeholder="Pick an offer")
    with st.form("adopt_form"):
        executed = st.date_input("Date this board signed the adoption", value=None, key="adopt_date")
        save = st.form_submit_button("Adopt into this board's register", disabled=oid is None)
    if save and oid is not None and common.allowed_to("adopt an agreement"):
        if executed is None:
            st.error("Date this board signed the adoption: give the date.")
            return
        cid = g.adopt_agreement(reg, oid, executed=executed)
        due = g.deadlines(executed=executed)["website_notice_due"]
        done(f"Adopted as contract #{cid}: post it on this board's website by {g.long_date(due)}.")
