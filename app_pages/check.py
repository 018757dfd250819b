"""Check a contract: upload it, read each provision's status with its evidence, download the
report, record the check on a contract in the register, write the letter, record the notice."""

import datetime as dt

import streamlit as st

import generator as g
from app_pages import common

library = st.cache_resource(g.default_library)()
board = st.session_state.get("board") or g.load_board()
today = dt.date.today()

st.title("Check a contract")
st.caption("Upload the vendor's contract, terms of service or data privacy agreement. sdpa reads it "
           "against the eleven provisions Connecticut law requires (Conn. Gen. Stat. § 10-234bb).")
if flash := st.session_state.pop("check_flash", None):
    st.success(flash)
upload = st.file_uploader("Contract (PDF, DOCX, TXT or MD)", type=["pdf", "docx", "txt", "md"], key="contract")
if upload is None:
    st.stop()

try:
    report = g.check_contract(g.read_document(upload.getvalue(), upload.name), library)
except g.SdpaError as exc:
    st.error(g.md_escape(exc))
    st.stop()
present = sum(f.status == "present" for f in report.provisions)
st.subheader(f"{present} of {len(report.provisions)} present, {len(report.conflicts)} "
             f"conflict{'s' if len(report.conflicts) != 1 else ''}")
(st.success if report.compliant else st.warning)(
    "Compliant: every provision is present and no term conflicts." if report.compliant
    else "Not compliant: a provision is missing or weaker than the law asks, or a term conflicts. "
    "The amendment letter below tells the vendor what to add; a conflicting term is void, and a contract "
    "lacking a § 10-234bb(a) provision can become void if the vendor does not amend it after reasonable "
    "notice (§ 10-234bb(f)).")
gaps = report.gaps
if gaps:
    st.markdown("**Not present:** " + "; ".join(g.md_escape(f"{f.number}. {f.title} ({f.status})") for f in gaps))
st.html(g.report_html(report))

stem = g.safe_filename(upload.name.rsplit(".", 1)[0])
st.subheader("Download the report")
c1, c2, c3, c4 = st.columns(4)
c1.download_button("Report (DOCX)", g.report_docx(report, board, library=library), f"{stem}-check.docx",
                   key="dl_docx", on_click="ignore")
c2.download_button("Report (JSON)", g.report_json(report), f"{stem}-check.json",
                   "application/json", key="dl_json", on_click="ignore")
c3.download_button("Report (Markdown)", g.report_markdown(report), f"{stem}-check.md",
                   "text/markdown", key="dl_md", on_click="ignore")
if c4.button("Make a PDF", key="make_pdf"):
    try:
        st.session_state["check_pdf"] = (report.sha256, g.report_pdf(report, board, library=library))
    except g.SdpaError as exc:
        st.error(g.md_escape(exc))
pdf = st.session_state.get("check_pdf")
if pdf and pdf[0] == report.sha256:
    c4.download_button("Report (PDF)", pdf[1], f"{stem}-check.pdf", "application/pdf", key="dl_pdf",
                       on_click="ignore")

# ------------------------------------------------------------------ the workflow in the register

st.divider()
st.subheader("Record and follow up")
user = common.current_user(board)
try:
    with common.open_register(user) as reg:
        contracts = reg.contracts()
except g.SdpaError as exc:
    st.error(g.md_escape(exc))
    st.stop()
choices = {c.id: f"#{c.id} {c.vendor.name}: {c.product}" for c in contracts}
cid = st.selectbox("Contract in the register", list(choices), format_func=choices.get, index=None,
                   placeholder="Pick the contract this document belongs to", key="w_contract",
                   help="Add the contract on the Contracts register page first if it is not listed.")
contract = next((c for c in contracts if c.id == cid), None)


def record(action: str, do) -> None:
    """Run one register write for the picked contract; the confirmation survives the rerun."""
    if not common.refuse_unless_editor(user):
        return
    try:
        with common.open_register(user) as reg:
            message = do(reg)
    except g.SdpaError as exc:
        st.error(g.md_escape(exc))
    else:
        st.session_state["check_flash"] = f"{action}: {message}"
        st.rerun()


def record_check(reg) -> str:
    reg.record_check(cid, report.model_dump(mode="json"), today)
    return f"{report.summary()} on {g.md_escape(choices[cid])}."


def record_notice(reg) -> str:
    cure = g.cure_deadline(notice_sent, board.cure_period_days, board.closures)
    reg.record_notice(cid, notice_sent, cure)
    return (f"sent {g.long_date(notice_sent)} on {g.md_escape(choices[cid])}; the vendor must amend by "
            f"{g.long_date(cure)}.")


if st.button("Record this check on the contract", key="w_record_check", disabled=contract is None):
    record("Check recorded", record_check)

if not report.compliant:
    st.markdown("**Amendment letter**")
    st.caption("The reasonable-notice letter names each gap and conflicting term, gives the cure date "
               f"({board.cure_period_days} days from the letter, on a business day) and encloses the addendum.")
    with st.form("letter_form"):
        c1, c2 = st.columns(2)
        name = c1.text_input("Vendor name", value=contract.vendor.name if contract else "", key=f"l_name_{cid}")
        product = c2.text_input("Product or service", value=contract.product if contract else "",
                                key=f"l_product_{cid}")
        email = c1.text_input("Vendor's privacy contact email", key=f"l_email_{cid}",
                              value=contract.vendor.contact_email if contract else "")
        signed = c2.date_input("Date of the vendor's contract", value=None, key="l_contract_date",
                               help="The date the contract was signed, as it appears on it.")
        sent = c1.date_input("Date of the letter", value=today, key="l_sent")
        submitted = st.form_submit_button("Write the letter")
    if submitted:
        if signed is None:
            st.error("Date of the vendor's contract: enter the date the contract was signed.")
        else:
            try:
                vendor = g.vendor_from_dict({"name": name, "product": product, "contact_email": email,
                                             "contract_date": signed.isoformat()}, "the form")
                letter = g.amendment_letter(report, vendor, board, sent=sent, library=library)
                addendum = g.render_addendum(vendor, board, library)
            except g.VendorError as exc:
                for line in g.problem_lines(exc.problems):
                    st.error(g.md_escape(line))
            except g.SdpaError as exc:
                st.error(g.md_escape(exc))
            else:
                due = g.cure_deadline(sent, board.cure_period_days, board.closures)
                st.session_state["n_sent"] = sent  # the notice below is the letter just written
                st.success(f"Letter ready: the vendor must amend by {g.long_date(due)}.")
                v = g.safe_filename(vendor.name)
                st.download_button("Download the letter (DOCX)", letter, f"{v}-amendment-letter.docx",
                                   key="dl_letter", on_click="ignore")
                st.download_button("Download the addendum (DOCX)", addendum, f"{v}-addendum.docx",
                                   key="dl_add", on_click="ignore")

    st.markdown("**Record the notice**")
    st.session_state.setdefault("n_sent", today)
    with st.form("notice_form"):
        notice_sent = st.date_input("Date the letter was sent", key="n_sent")
        st.caption(f"The cure date follows from the board profile: {board.cure_period_days} days, "
                   "moved to the next business day.")
        noticed = st.form_submit_button("Record the notice on the contract", disabled=contract is None)
    if noticed and contract is not None:
        record("Notice recorded", record_notice)
