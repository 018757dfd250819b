"""Check a contract: upload it, see each provision's status with evidence, get the letter."""

import datetime as dt

import streamlit as st

import generator as g
from generator.report import MARK

library = st.cache_resource(g.default_library)()
board = st.session_state.get("board") or g.load_board()

st.title("Check a contract")
st.caption("Upload the vendor's contract, terms of service or data privacy agreement. sdpa reads it "
           "against the eleven provisions Connecticut law requires (Conn. Gen. Stat. § 10-234bb).")
upload = st.file_uploader("Contract (PDF, DOCX, TXT or MD)", type=["pdf", "docx", "txt", "md"], key="contract")

if upload is not None:
    try:
        report = g.check_contract(g.read_document(upload.getvalue(), upload.name), library)
    except g.SdpaError as exc:
        st.error(str(exc))
        st.stop()
    present = sum(f.status == "present" for f in report.provisions)
    st.subheader(f"{present} of {len(report.provisions)} present, {len(report.conflicts)} "
                 f"conflict{'s' if len(report.conflicts) != 1 else ''}")
    (st.success if report.compliant else st.warning)(
        "Compliant: every provision is present and no term conflicts." if report.compliant
        else "Not compliant: the contract is void unless the vendor amends it after reasonable notice.")
    gaps = [f for f in report.provisions if f.status != "present"]
    if gaps:
        st.markdown("**Not present:** " + "; ".join(f"{f.number}. {f.title} ({f.status})" for f in gaps))
    st.dataframe(
        [{"#": f.number, "Provision": f.title, "Status": MARK[f.status], "Why": f.explanation,
          "Evidence": " | ".join(f"“{e.text}” ({e.location})" for e in f.evidence)} for f in report.provisions],
        hide_index=True, key="findings")
    if report.conflicts:
        st.markdown("**Conflicting terms** (void under § 10-234bb(e))")
        st.dataframe([{"Kind": c.kind, "Provision": c.provision, "Term": c.text, "Where": c.location,
                       "Why": c.explanation} for c in report.conflicts], hide_index=True, key="conflicts")
    stem = g.safe_filename(upload.name.rsplit(".", 1)[0])
    c1, c2 = st.columns(2)
    c1.download_button("Download report (JSON)", g.report_json(report), f"{stem}-check.json",
                       "application/json", key="dl_json", on_click="ignore")
    c2.download_button("Download report (Markdown)", g.report_markdown(report), f"{stem}-check.md",
                       "text/markdown", key="dl_md", on_click="ignore")

    if not report.compliant:
        st.divider()
        st.subheader("Amendment letter")
        st.caption("The reasonable-notice letter names each gap and conflicting term, gives the cure date "
                   f"({board.cure_period_days} days from the letter, on a business day) and encloses the addendum.")
        with st.form("letter_form"):
            name = st.text_input("Vendor name", key="l_name")
            product = st.text_input("Product or service", key="l_product")
            email = st.text_input("Vendor contact email", key="l_email")
            signed = st.date_input("Contract date", value=dt.date.today(), key="l_contract_date")
            sent = st.date_input("Date of the letter", value=dt.date.today(), key="l_sent")
            submitted = st.form_submit_button("Write the letter")
        if submitted:
            try:
                vendor = g.vendor_from_dict({"name": name, "product": product, "contact_email": email,
                                             "contract_date": signed.isoformat()}, "the form")
                letter = g.amendment_letter(report, vendor, board, sent=sent, library=library)
                addendum = g.render_addendum(vendor, board, library)
            except g.SdpaError as exc:
                st.error(str(exc))
            else:
                due = g.cure_deadline(sent, board.cure_period_days, board.closures)
                st.success(f"Letter ready: the vendor must amend by {g.long_date(due)}.")
                v = g.safe_filename(vendor.name)
                st.download_button("Download the letter (DOCX)", letter, f"{v}-amendment-letter.docx",
                                   key="dl_letter", on_click="ignore")
                st.download_button("Download the addendum (DOCX)", addendum, f"{v}-addendum.docx", key="dl_add", on_click="ignore")
