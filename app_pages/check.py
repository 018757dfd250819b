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

# each rerun of the page (any click) shows the last answer for the same file, never a second
# reading: a file that took the whole budget to refuse costs it once, not once per click
_key = (upload.file_id, upload.name, upload.size)
_last = st.session_state.get("check_outcome")
if not _last or _last[0] != _key:
    try:
        _last = (_key, g.check_file(upload.getvalue(), library, name=upload.name))  # one box, one budget
    except g.SdpaError as exc:
        _last = (_key, exc)
    st.session_state["check_outcome"] = _last
if isinstance(_last[1], g.SdpaError):
    common.show_error(_last[1])
    st.stop()
report = _last[1]
present = sum(f.status == "present" for f in report.provisions)
st.subheader(f"{present} of {len(report.provisions)} present, {len(report.conflicts)} "
             f"conflict{'s' if len(report.conflicts) != 1 else ''}")
(st.success if report.compliant else st.warning)(g.md_escape(g.mark_unconfirmed(g.law_verdict(report, library), library)))
gaps = report.gaps
if gaps:
    st.markdown("**Not present:** " + "; ".join(g.md_escape(f"{f.number}. {f.title} ({f.status})") for f in gaps))
st.html(g.report_html(report, library))

stem = g.safe_filename(upload.name.rsplit(".", 1)[0])
st.subheader("Download the report")
c1, c2, c3, c4 = st.columns(4)
c1.download_button("Report (DOCX)", g.report_docx(report, board, library=library), f"{stem}-check.docx",
                   key="dl_docx", on_click="ignore")
c2.download_button("Report (JSON)", g.report_json(report), f"{stem}-check.json",
                   "application/json", key="dl_json", on_click="ignore")
c3.download_button("Report (Markdown)", g.report_markdown(report, library), f"{stem}-check.md",
                   "text/markdown", key="dl_md", on_click="ignore")
if c4.button("Make a PDF", key="make_pdf"):
    try:
        st.session_state["check_pdf"] = (report.sha256, g.report_pdf(report, board, library=library))
    except g.SdpaError as exc:
        common.show_error(exc)
pdf = st.session_state.get("check_pdf")
if pdf and pdf[0] == report.sha256:
    c4.download_button("Report (PDF)", pdf[1], f"{stem}-check.pdf", "application/pdf", key="dl_pdf",
                       on_click="ignore")

# ------------------------------------------------------------------ the workflow in the register

st.divider()
st.subheader("Record and follow up")
user = common.current_user(board)
try:
    with common.open_register(user) as reg:  # names only: a contract's records load once it is picked
        contract = common.contract_picker(
            reg, "w_contract", "Contract in the register", placeholder="Pick the contract this document belongs to",
            help="Add the contract on the Contracts register page first if it is not listed.")
        cid = contract.id if contract is not None else None
        picked = common.contract_label(cid, contract.vendor.name, contract.product) if contract is not None else ""
except g.SdpaError as exc:
    common.show_error(exc)
    st.stop()


def record(action: str, do) -> None:
    """Run one register write for the picked contract; the confirmation survives the rerun."""
    if not common.allowed_to("change the register"):
        return
    try:
        with common.open_register(user) as reg:
            message = do(reg)
    except g.SdpaError as exc:
        common.show_error(exc)
    else:
        st.session_state["check_flash"] = f"{action}: {message}"
        st.rerun()


def record_check(reg) -> str:
    reg.record_check(cid, report.model_dump(mode="json"), today)
    return f"{report.summary()} on {g.md_escape(picked)}."


def record_notice(reg) -> str:
    g.past_event(notice_sent, "Date the letter was sent", today)  # a notice is recorded once it is sent
    cure = g.cure_deadline(notice_sent, board.cure_period_days, board.closures, board.good_friday_proclaimed)
    reg.record_notice(cid, notice_sent, cure)
    return (f"sent {g.long_date(notice_sent)} on {g.md_escape(picked)}; the vendor must amend by "
            f"{g.long_date(cure)}.")


if st.button("Record this check on the contract", key="w_record_check", disabled=contract is None):
    record("Check recorded", record_check)

def vendor_from_form(name: str, product: str, email: str, signed: dt.date | None, purpose: str = "",
                     data: str = ""):
    """The vendor typed in the letter form (its purpose and student data go into the enclosed
    addendum's Schedule A), or None after saying (one line each) what is wrong."""
    fields = {"name": name, "product": product, "contact_email": email,
              "contract_date": signed.isoformat() if signed else None, "purpose": purpose.strip(),
              "data_collected": [x.strip() for x in data.split(";") if x.strip()]}
    try:
        return g.vendor_from_dict({k: v for k, v in fields.items() if v not in ("", [])}, "the form")
    except g.VendorError as exc:
        for line in g.problem_lines(exc.problems):
            st.error(g.md_escape(line))
    return None


def write_letter(vendor: g.Vendor, sent: dt.date, renewed: dt.date | None) -> None:
    acting, by = g.acting_verdict(contract, report)
    try:
        letter = g.amendment_letter(acting, vendor, board, sent=sent, library=library, renewed=renewed,
                                    confirmed_by=by)
        addendum = g.render_addendum(vendor, board, library)
    except g.SdpaError as exc:
        common.show_error(exc)
        return
    if letter is None:
        st.success("Counsel's confirmed verdict finds nothing to amend: no letter is needed.")
        return
    due = g.cure_deadline(sent, board.cure_period_days, board.closures, board.good_friday_proclaimed)
    st.session_state["n_sent"] = sent  # the notice below is the letter just written
    st.success(f"Letter ready: the vendor must amend by {g.long_date(due)}."
               + (f" It follows the verdict {g.md_escape(by)} confirmed." if by else ""))
    if not by:
        st.warning(f"{g.DRAFT_MARK}: the letter rests on this reading. Record the check on "
                   "the contract and have counsel confirm it (Contracts register → Confirm a check) before "
                   "sending it.")
    if note := g.counsel_note(g.amendment_voidness(acting, vendor, library=library, renewed=renewed)):
        st.info(note)  # for the board's staff, not the vendor: whether § 10-234bb(f) applies
    if unverified := g.unverified_citations(letter, library):
        st.info("To confirm with counsel before sending (not checked against the statute's text; see the "
                "Clause library page): " + g.md_escape(", ".join(unverified)))
    v = g.safe_filename(vendor.name)
    st.download_button("Download the letter (DOCX)", letter, f"{v}-amendment-letter.docx",
                       key="dl_letter", on_click="ignore")
    st.download_button("Download the addendum (DOCX)", addendum, f"{v}-addendum.docx",
                       key="dl_add", on_click="ignore")


def write_redline(vendor: g.Vendor) -> None:
    if not common.allowed_to("mark up the vendor's contract"):
        return
    try:
        acting, by = g.acting_verdict(contract, report)
        result = g.redline_document(upload.getvalue(), vendor, board, library=library, name=upload.name,
                                    verdict=acting, confirmed_by=by)
    except g.SdpaError as exc:
        common.show_error(exc)
        return
    st.success(f"Redline ready: {result.summary()}.")
    if result.draft:
        st.warning(f"{g.DRAFT_MARK}: the redline rests on this reading and opens with that mark. Record the "
                   "check on the contract and have counsel confirm it before sending it.")
    if result.unplaced:
        st.warning("Not marked up (add these by hand): " + g.md_escape("; ".join(result.unplaced)))
    st.download_button("Download the redline (DOCX)", result.docx, f"{stem}-redline.docx", key="dl_redline",
                       on_click="ignore")


# the section follows counsel's confirmed verdict as well as the reading: counsel may have found a
# gap the reading did not (the letter itself acts on the confirmed verdict: write_letter)
if not (report.compliant and g.acting_verdict(contract, report)[0].compliant):
    is_docx = upload.name.lower().endswith(".docx")
    st.markdown("**Amendment letter" + (" or redline**" if is_docx else "**"))
    st.caption("The reasonable-notice letter names each gap and conflicting term, gives the cure date "
               f"({board.cure_period_days} days from the letter, on a business day) and encloses the addendum."
               + (" The redline is the vendor's own DOCX back with each missing provision inserted and each "
                  "conflicting term struck as Word tracked changes, each with a comment citing the law."
                  if is_docx else " A redline (tracked changes in the vendor's own document) needs the "
                  "vendor's contract as a DOCX; upload that instead to get one."))
    widgets = {"name": f"l_name_{cid}", "product": f"l_product_{cid}", "contact_email": f"l_email_{cid}",
               "purpose": f"l_purpose_{cid}", "data_collected": f"l_data_{cid}"}
    from_register = {"name": contract.vendor.name, "product": contract.product,
                     "contact_email": contract.vendor.contact_email, "purpose": contract.purpose,
                     "data_collected": "; ".join(contract.data_categories or [])} if contract else {}
    for field, key in widgets.items():  # the register's contract fills the form until it is edited
        st.session_state.setdefault(key, from_register.get(field, ""))
    st.session_state.setdefault(f"l_contract_date_{cid}", contract.executed if contract is not None else None)
    letter_day, letter_note = g.letter_date(board=board)  # a business day: today, or the next one
    common.vendor_picker("check_pick", widgets)
    with st.form("letter_form"):
        c1, c2 = st.columns(2)  # a row of columns per pair: on a phone the fields keep this order
        name = c1.text_input("Vendor name", key=widgets["name"])
        product = c2.text_input("Product or service", key=widgets["product"])
        c1, c2 = st.columns(2)
        email = c1.text_input("Vendor's privacy contact email", key=widgets["contact_email"])
        signed = c2.date_input("Date of the vendor's contract", key=f"l_contract_date_{cid}",  # the register's date
                               help="The date the contract was signed, as it appears on it. The letter needs it.")
        c1, c2 = st.columns(2)
        purpose = c1.text_input("Purpose (for the enclosed addendum)", key=widgets["purpose"],
                                help="Why the Board shares student data: Schedule A of the addendum states it.")
        data = c2.text_input("Student data the vendor receives (separated by ;)", key=widgets["data_collected"],
                             help="Schedule A of the addendum names these categories, and no others.")
        c1, c2 = st.columns(2)
        renewed = c1.date_input("Date it was last amended or renewed (if it was)", value=None, key="l_renewed",
                                help="§ 10-234bb(f) voids a contract lacking a required provision if it was entered "
                                     "into on or after July 1, 2018. The letter states this date; whether an "
                                     "amendment or renewal counts is counsel's call (to confirm).")
        sent = c2.date_input("Date of the letter", value=letter_day, key="l_sent")
        if letter_note:
            c2.caption(letter_note)  # our own words and dates, no vendor text
        b1, b2 = st.columns(2)
        submitted = b1.form_submit_button("Write the letter")
        marked = (b2.form_submit_button("Mark up the vendor's DOCX (tracked changes)") if is_docx else False)
    if submitted:
        if signed is None:
            st.error("Date of the vendor's contract: enter the date the contract was signed.")
        elif vendor := vendor_from_form(name, product, email, signed, purpose, data):
            write_letter(vendor, sent, renewed)
    if marked and (vendor := vendor_from_form(name, product, email, signed, purpose, data)):
        write_redline(vendor)

    st.markdown("**Record the notice**")
    if contract is not None and not g.acting_verdict(contract, report)[1]:
        st.warning(f"The letter rests on a reading counsel has not confirmed (the letter is marked DRAFT: "
                   f"{g.md_escape(g.draft_reason(contract, report))}). "
                   "You may still record the notice; the register then keeps \"counsel to confirm the check\" "
                   "due, and the contract's status says the check awaits counsel's review, until counsel "
                   "confirms it on the Contracts register page.")
    st.session_state.setdefault("n_sent", today)
    with st.form("notice_form"):
        notice_sent = st.date_input("Date the letter was sent", key="n_sent")
        st.caption(f"The cure date follows from the board profile: {board.cure_period_days} days, "
                   "moved to the next business day.")
        noticed = st.form_submit_button("Record the notice on the contract", disabled=contract is None)
    if noticed and contract is not None:
        record("Notice recorded", record_notice)
