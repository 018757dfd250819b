"""Notices and deadlines: the statutory dates in Connecticut business days, and each notice."""

import datetime as dt

import streamlit as st

import generator as g
from app_pages import common

board = st.session_state.get("board") or g.load_board()
today = dt.date.today()

st.title("Notices and deadlines")
st.subheader("Deadlines")
st.caption("Statutory deadlines count business days: weekends and Connecticut's legal holidays "
           "(Conn. Gen. Stat. § 1-4, observed dates included) are skipped. The closures in the board "
           "profile move only the board's own cure date.")
c1, c2 = st.columns(2)
executed = c1.date_input("Contract executed", value=None, key="executed")
notice_sent = c2.date_input("Amendment notice sent", value=None, key="notice_sent")
discovered = c1.date_input("Vendor discovered a breach", value=None, key="breach_discovered")
received = c2.date_input("Board received the vendor's breach notice", value=None, key="breach_received")
result = g.deadlines(executed=executed, breach_discovered=discovered, breach_notice_received=received,
                     notice_sent=notice_sent, today=today, cure_period_days=board.cure_period_days,
                     closures=board.closures)
labels = {"website_notice_due": "Post the executed contract on the website (5 business days)",
          "parent_breach_notice_due": "Notify affected students and parents (2 business days)",
          "annual_parent_notice_due": "Annual notice to students and parents of the website address (board policy)",
          "cure_deadline": f"Vendor must amend by ({board.cure_period_days} days)"}
rows = []
for key, value in result.items():
    if key == "vendor_breach_notice_due":
        rows.append({"Deadline": "Vendor's breach notice: student information (30 days)",
                     "Date": g.long_date(value["student_information"])})
        rows.append({"Deadline": "Vendor's breach notice: directory information, records, content (60 days)",
                     "Date": g.long_date(value["directory_records_or_content"])})
    elif key == "annual_parent_notice_due":  # the register knows whether this year's was sent
        try:
            with common.open_register() as reg:
                value, overdue = g.annual_notice_due(reg, today)
        except g.SdpaError:
            overdue = False
        rows.append({"Deadline": labels[key], "Date": g.long_date(value) + (
            f" (overdue: no notice of {value.year} is recorded in the register)" if overdue else "")})
    else:
        rows.append({"Deadline": labels[key], "Date": g.long_date(value)})
st.html(g.html_table(rows))

st.subheader("Notices")
kind = st.selectbox("Notice", ["annual-notice", "contract-posting", "breach-notice", "deletion-request",
                               "iep-exception"], key="kind",
                    format_func=lambda k: {"annual-notice": "Annual notice to parents",
                                           "contract-posting": "Website notice of an executed contract",
                                           "breach-notice": "Breach notice to families",
                                           "deletion-request": "Request to delete student data",
                                           "iep-exception": "IEP / Section 504 acknowledgement"}[k])
vendor = None
if kind != "annual-notice":
    common.vendor_picker("notices_pick", {"name": "v_name", "product": "v_product", "data_collected": "v_data",
                                          "purpose": "v_purpose"})
    c1, c2 = st.columns(2)
    vname = c1.text_input("Vendor name", key="v_name")
    vproduct = c2.text_input("Product or service", key="v_product")
    vdata = st.text_input("Student data collected (separated by ;)", key="v_data")
    vpurpose = (st.text_input("Purpose of the contract (the website notice must state it)", key="v_purpose")
                if kind == "contract-posting" else "")
    if vname:
        try:
            vendor = g.vendor_from_dict({"name": vname, "product": vproduct, "data_collected": vdata,
                                         "purpose": vpurpose}, "the form")
        except g.VendorError as exc:
            for line in g.problem_lines(exc.problems):
                st.error(g.md_escape(line))
if kind == "contract-posting":  # the notice is dated with the contract's execution, which the law counts from
    when = st.date_input("Date the contract was executed (signed by both parties)", value=None, key="when_executed")
    if when:
        st.caption("Post it on the website by " + g.long_date(g.deadlines(executed=when)["website_notice_due"])
                   + " (5 business days).")
else:
    letter_day, letter_note = g.letter_date(board=board)  # a business day: today, or the next one
    when = st.date_input("Date of the notice", value=letter_day, key="when")
    if letter_note:
        st.caption(letter_note)  # our own words and dates, no vendor text
try:
    files: list[tuple[str, bytes, str]] = []
    if kind == "annual-notice":
        files.append(("annual-notice.docx", g.annual_notice(board, when=when), ""))
        st.caption("Once it is sent, record the date on the Contracts register page (“Record the annual "
                   "notice to parents”), so that the register stops listing it as due.")
    elif vendor is None:
        st.info("Enter the vendor's name.")
    elif kind == "contract-posting":
        url = st.text_input("Web address of the posted contract", key="url")
        if when is None:
            st.info("Enter the date the contract was executed.")
            st.stop()
        try:
            url = g.check_web_address(url)
        except ValueError as exc:
            st.error(g.md_escape(f"Web address of the posted contract: {exc}"))
            st.stop()
        docx, html = g.contract_posting(vendor, board, executed=when, contract_url=url)
        files += [("contract-posting.docx", docx, ""), ("contract-posting.html", html.encode(), "text/html")]
        st.code(html, language="html")
    elif kind == "breach-notice":
        got = st.date_input("Vendor's notice received", value=when, key="received")
        released = st.text_area("What information was involved", key="released")
        actions = st.text_area("What the Board is doing", key="actions")
        if released and actions:
            files.append(("breach-notice.docx", g.breach_notice(vendor, board, when=when, received=got,
                                                                 released=released, actions=actions), ""))
    elif kind == "deletion-request":
        data = st.text_area("The student data to delete", key="data")
        if data:
            files.append(("deletion-request.docx", g.deletion_request(vendor, board, when=when, data=data), ""))
    elif kind == "iep-exception":
        student = st.text_input("Student's name", key="student")
        plan = st.radio("Plan", ["IEP", "Section 504"], key="plan", horizontal=True)
        effort = st.text_area("The Board's effort to contract with the operator", key="iep_effort")
        search = st.text_area("The Board's search for an equivalent service", key="iep_search")
        assurances = st.text_area("The service's assurances about FERPA, HIPAA and § 10-234cc", key="iep_assurances")
        source = st.text_input("Where those assurances come from (document, date)", key="iep_source")
        if not (effort and search and assurances):
            st.info("What is not filled in is marked TO COMPLETE in the acknowledgement: it states only "
                    "what you give here.")
        if student:
            files.append(("iep-exception.docx", g.iep_exception(vendor, board, when=when, student=student,
                                                                 iep=plan == "IEP", effort=effort,
                                                                 equivalent_search=search, assurances=assurances,
                                                                 assurance_source=source), ""))
    for i, (fname, data_bytes, mime) in enumerate(files):
        st.download_button(f"Download {fname}", data_bytes, fname, mime or None, key=f"dl_{i}", on_click="ignore")
except g.SdpaError as exc:
    common.show_error(exc)
