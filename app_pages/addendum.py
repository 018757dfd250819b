"""Addendum: a vendor's details in, the signed-ready addendum out (DOCX, and PDF with LibreOffice)."""

import shutil

import streamlit as st

import generator as g
from app_pages import common

library = st.cache_resource(g.default_library)()
board = st.session_state.get("board") or g.load_board()
CATEGORIES = ["Student name", "Student ID number", "Date of birth", "Grade level and school", "School email",
              "Home address", "Parent or guardian contact", "Demographics", "Attendance", "Grades",
              "Assessment results", "Student work", "Audio or video recordings", "Photographs",
              "Special indicators (IEP, 504, ELL)", "Health information", "Usage data"]

st.title("Addendum")
st.caption("The Student Data Privacy Addendum for one vendor: the eleven provisions of Conn. Gen. Stat. "
           "§ 10-234bb, filled in with the vendor's details. Fields marked * are required.")
FIELDS = {f: f for f in ("name", "product", "contact_email", "contact_name", "signatory_name", "signatory_title",
                         "address", "purpose", "data_collected", "deletion_method", "review_procedure",
                         "breach_steps")}
common.vendor_picker("addendum_pick", FIELDS, lists=frozenset({"data_collected"}))
# one row of columns per pair, so that on a phone each pair stays together (a signatory beside their title)
c1, c2 = st.columns(2)
name = c1.text_input("Vendor name *", key="name", help="The contractor's legal name, exactly as it will sign.")
product = c2.text_input("Product or service *", key="product")
c1, c2 = st.columns(2)
email = c1.text_input("Vendor's privacy contact email *", key="contact_email")
signed = c2.date_input("Contract date *", value=None, key="contract_date",
                       help="The date of the vendor's contract this addendum amends.")
c1, c2 = st.columns(2)
contact = c1.text_input("Vendor's privacy contact (name)", key="contact_name")
term_end = c2.date_input("End of the term", value=None, key="term_end")
c1, c2 = st.columns(2)
signatory = c1.text_input("Who signs for the vendor (name)", key="signatory_name",
                          help="Printed under the vendor's signature line; the contact's name is used when empty.")
signatory_title = c2.text_input("Signatory's title", key="signatory_title",
                                help="For example: Chief Executive Officer.")
address = st.text_input("Vendor's address", key="address")
purpose = st.text_area("Purpose (why the Board shares student data)", key="purpose")
# a vendor from the directory may name categories of its own: keep them among the choices
options = CATEGORIES + [x for x in st.session_state.get("data_collected", []) if x not in CATEGORIES]
data = st.multiselect("Student data the vendor receives", options, key="data_collected",
                      accept_new_options=True, help="Pick from the list or type another category.")
with st.expander("The vendor's own procedures (otherwise the clause library's default procedure is used)"):
    deletion = st.text_area("How the Board requests deletion (provision 2)", key="deletion_method")
    review = st.text_area("How a student or parent reviews and corrects data (provision 4)", key="review_procedure")
    breach = st.text_area("Steps to notify the Board of a breach (provision 6)", key="breach_steps")
draft = st.checkbox("Draft: allow missing required fields, marked in red to complete", key="draft")

fields = {"name": name, "product": product, "contact_email": email,
          "contract_date": signed.isoformat() if signed else None, "contact_name": contact,
          "signatory_name": signatory, "signatory_title": signatory_title, "address": address,
          "purpose": purpose, "data_collected": data,
          "deletion_method": deletion, "review_procedure": review, "breach_steps": breach,
          "term_end": term_end.isoformat() if term_end else None}
vendor, missing = None, []
if not name.strip():
    st.info("Still needed: " + ", ".join(g.field_label(f).lower() for f in g.REQUIRED_FIELDS if not fields[f]))
else:
    try:
        vendor = g.vendor_from_dict({k: v for k, v in fields.items() if v not in (None, "", [])}, "the form")
        missing = g.missing_fields(vendor)
    except g.VendorError as exc:
        for line in g.problem_lines(exc.problems):
            st.error(g.md_escape(line))
if vendor is not None and missing and not draft:
    st.info("Still needed: " + ", ".join(g.field_label(f).lower() for f in missing))
if vendor is not None and (draft or missing):  # otherwise writing the addendum refuses them, once, below
    for line in g.problem_lines([("breach_steps", late) for late in g.vendor_breach_problems(vendor.breach_steps)]):
        st.warning(g.md_escape(line))
if vendor is not None and (not missing or draft):
    try:
        data_docx = g.render_addendum(vendor, board, library, draft=draft)
    except g.VendorError as exc:  # each problem once, naming its field
        for line in g.problem_lines(exc.problems):
            st.error(g.md_escape(line))
        st.caption("Or tick “Draft” to write the addendum anyway, and review it before anyone signs.")
    except g.SdpaError as exc:
        common.show_error(exc)
    else:
        stem = g.safe_filename(vendor.name) + "-addendum"
        st.download_button("Download DOCX", data_docx, f"{stem}.docx", key="dl_docx", on_click="ignore")
        if shutil.which("soffice"):
            if st.button("Make a PDF", key="make_pdf"):
                try:
                    st.download_button("Download PDF", g.pdf_bytes(data_docx, stem), f"{stem}.pdf", key="dl_pdf",
                                       on_click="ignore")
                except g.SdpaError as exc:
                    common.show_error(exc)
        else:
            st.info("PDF needs LibreOffice on the server (apt-get install libreoffice-writer-nogui).")
