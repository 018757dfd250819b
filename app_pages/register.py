"""Contracts register: status of every contract, what is due (overdue first), add a contract,
a breach's timeline, and the public contracts page."""

import datetime as dt
import tempfile
from pathlib import Path

import streamlit as st

import generator as g
from app_pages import common
from generator import register as r

board = st.session_state.get("board") or g.load_board()
today = dt.date.today()

st.title("Contracts register")
user = common.current_user(board)
try:
    reg = common.open_register(user)  # the server's configuration only; the log names the user
except g.SdpaError as exc:
    common.show_error(exc)
    st.stop()

try:
    items = r.due_items(reg, today, board)
    st.subheader("What is due")
    st.dataframe([{"": "⚠️ OVERDUE" if i.overdue else "due", "Date": i.due.isoformat(),
                   "Contract": f"#{i.contract_id} {i.vendor}" if i.contract_id else "board",
                   "What": i.what, "Law": i.citation} for i in items], hide_index=True, key="due")

    contracts = reg.contracts()
    st.subheader(f"Contracts ({len(contracts)})")
    st.dataframe([{"#": c.id, "Vendor": c.vendor.name, "Product": c.product,
                   "Executed": c.executed.isoformat() if c.executed else "",
                   "Status": (s := r.contract_status(c, today)).status, "Why": s.why} for c in contracts],
                 hide_index=True, key="contracts")

    with st.expander("Add a contract"):
        if common.refuse_unless_editor(user):
            with st.form("add_form"):
                vendor = st.text_input("Vendor", key="a_vendor")
                product = st.text_input("Product", key="a_product")
                executed = st.date_input("Executed", value=None, key="a_executed")
                purpose = st.text_input("Purpose", key="a_purpose")
                data = st.text_input("Student data (separated by ;)", key="a_data")
                signed = st.file_uploader("Signed contract", type=["pdf", "docx", "txt", "md"], key="a_file")
                add = st.form_submit_button("Add")
            if add:
                with tempfile.TemporaryDirectory() as tmp:
                    path = None
                    if signed is not None:
                        path = Path(tmp) / g.safe_filename(signed.name, "contract")
                        path.write_bytes(signed.getvalue())
                    cid = reg.add_contract(vendor=vendor, product=product, executed=executed, purpose=purpose,
                                           data_categories=[x.strip() for x in data.split(";") if x.strip()],
                                           file=path)
                st.success(f"Added contract {cid}.")
                st.rerun()

    breaches = [(c, b) for c in contracts for b in c.breaches]
    if breaches:
        st.subheader("Breach timelines")
        for c, b in breaches:
            due = g.deadlines(breach_notice_received=b.notice_received, breach_discovered=b.discovered,
                              closures=board.closures)
            steps = [("Discovered by the vendor", b.discovered), ("Vendor's notice received", b.notice_received),
                     ("Families notified", b.families_notified), ("Posted on the website", b.posted)]
            st.markdown(f"**#{c.id} {c.vendor.name}**: families must be notified by "
                        f"{g.long_date(due['parent_breach_notice_due'])}")
            st.table([{"Step": s, "Date": d.isoformat() if d else "not yet"} for s, d in steps])

    with st.expander("Public contracts page (preview)"):
        with tempfile.TemporaryDirectory() as tmp:
            page, _ = r.publish(reg, Path(tmp), board, today)
            st.html(page.read_text(encoding="utf-8").split("<body>")[1].split("</body>")[0])
except g.SdpaError as exc:
    st.error(str(exc))
finally:
    reg.close()
