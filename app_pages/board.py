"""Board profile: the district's own setup, saved in the register for every staff member, and the
vendor directory (a vendor's details saved once, picked from a list on other pages)."""

import streamlit as st

import generator as g
from app_pages import common

board, source = common.current_board()
user = common.current_user(board)

st.title("Board profile")
st.caption("Every document sdpa writes is printed with this profile: the board's name and address, "
           "its privacy officer and signatory, and how long a vendor has to amend its contract.")
if flash := st.session_state.pop("board_flash", None):
    st.success(flash)
if source == "file":
    st.info("This server reads the board profile from the file named by SDPA_BOARD, which takes "
            "precedence over a profile saved here. Edit that file, or ask the administrator to unset "
            "SDPA_BOARD to use the form below.")

LABELS = {"name": "Board's legal name", "short_name": "Short name (for example, the district's name)",
          "address": "Mailing address", "website": "Board website",
          "contracts_page": "Web page listing the board's student data contracts",
          "privacy_officer": "Privacy officer", "signatory": "Signatory",
          "cure_period_days": "Days a vendor has to amend after the notice",
          "closures": "Extra days the central office is closed", "access": "Who may use the app"}
PARTS = {"admin": "administrators", "counsel": "counsel", "editor": "editors", "viewer": "viewers",
         "deny": "denied"}


def label_of(field: str) -> str:
    """A human label for a field name such as ``privacy_officer.email`` or ``closures.2``."""
    top, _, rest = field.partition(".")
    part = f"line {int(rest) + 1}" if rest.isdigit() else PARTS.get(rest, rest)
    return f"{LABELS.get(top, top)}, {part}" if rest else LABELS.get(top, top)


def lines(text: str) -> list[str]:
    return [x.strip() for x in text.splitlines() if x.strip()]


# ------------------------------------------------------------ import a YAML into the form

st.session_state.setdefault("board_form_version", 0)
upload = st.file_uploader("Load a profile from YAML (as board.example.yaml) into the form", type=["yaml", "yml"],
                          key="profile_yaml", disabled=not user.can_administer)
if upload is not None and common.allowed_to("load a board profile", "admin"):
    try:
        imported = g.board_from_yaml(upload.getvalue(), upload.name)
    except g.SdpaError as exc:
        common.show_error(exc)
    else:
        if st.session_state.get("board_imported") != upload.file_id:  # once per file: no rerun loop
            st.session_state.update(board_imported=upload.file_id, board_draft=imported,
                                    board_form_version=st.session_state["board_form_version"] + 1)
        if "board_draft" in st.session_state:  # until saved
            st.info(f"Loaded {g.md_escape(imported.name)} into the form below: check it, then save it "
                    "for everyone.")

draft = st.session_state.get("board_draft") or board
v = st.session_state["board_form_version"]

# ------------------------------------------------------------ the form

with st.form(f"board_form_{v}"):
    c1, c2 = st.columns(2)
    name = c1.text_input(LABELS["name"] + " *", draft.name, key=f"bp_name_{v}")
    short = c2.text_input(LABELS["short_name"], draft.short_name, key=f"bp_short_{v}")
    address = c1.text_area(LABELS["address"] + " (one line per line)", "\n".join(draft.address), key=f"bp_address_{v}")
    website = c2.text_input(LABELS["website"] + " *", draft.website, key=f"bp_website_{v}")
    page = c2.text_input(LABELS["contracts_page"], draft.contracts_page, key=f"bp_page_{v}",
                         help="Parents are pointed to this page (Conn. Gen. Stat. § 10-234bb(g)); "
                              "the website is used when it is empty.")
    people = {}
    for field, heading in (("privacy_officer", "**Privacy officer** (named in notices to parents and vendors)"),
                           ("signatory", "**Signatory** (signs addenda and letters for the board)")):
        st.markdown(heading)
        person, cols = getattr(draft, field), st.columns(4)
        people[field] = {part: col.text_input(part.capitalize() + (" *" if part == "name" else ""),
                                              getattr(person, part), key=f"bp_{field}_{part}_{v}")
                         for col, part in zip(cols, ("name", "title", "email", "phone"))}
    c1, c2 = st.columns(2)
    cure = c1.number_input(LABELS["cure_period_days"], min_value=1, max_value=365,
                           value=draft.cure_period_days, step=1, key=f"bp_cure_{v}")
    closures = c2.text_area(LABELS["closures"] + " (one date per line, YYYY-MM-DD; weekends and "
                            "Connecticut holidays are already counted; closures move only the Board's "
                            "cure date, never a statutory deadline)",
                            "\n".join(d.isoformat() for d in draft.closures), key=f"bp_closures_{v}")
    c1, c2 = st.columns(2)
    good_friday = c1.checkbox("Good Friday was proclaimed a holiday (§ 1-4 makes it one only when the Governor "
                              "or the President appoints it; unticked, it is a business day)",
                              value=draft.good_friday_proclaimed, key=f"bp_good_friday_{v}")
    posting_from = c2.date_input("Track the website posting of contracts executed from (default July 1, 2018)",
                                 value=draft.posting_from, key=f"bp_posting_from_{v}")
    st.markdown("**Who may use the app** once sign-in is configured (one email address, or a whole "
                "domain such as @district.org, per line; an address listed itself wins over its domain)")
    c1, c0, c2, c3 = st.columns(4)
    access = {"admin": lines(c1.text_area("Administrators (this page)", "\n".join(draft.access.admin),
                                          key=f"bp_admin_{v}")),
              "counsel": lines(c0.text_area("Counsel (confirm checks, record void)",
                                            "\n".join(draft.access.counsel), key=f"bp_counsel_{v}")),
              "editor": lines(c2.text_area("Editors (the register, the vendor directory)",
                                           "\n".join(draft.access.editor), key=f"bp_editor_{v}")),
              "viewer": lines(c3.text_area("Viewers (read only)", "\n".join(draft.access.viewer),
                                           key=f"bp_viewer_{v}")),
              "deny": lines(st.text_area("Denied (no access, whatever the lists above say)",
                                         "\n".join(draft.access.deny), key=f"bp_deny_{v}"))}
    save = st.form_submit_button("Save for everyone", type="primary",
                                 disabled=not user.can_administer or source == "file")

if not user.can_administer:
    st.caption("Only an administrator can change the board profile.")
if save and common.allowed_to("change the board profile", "admin"):
    data = {"name": name, "short_name": short, "address": lines(address), "website": website,
            "contracts_page": page, **people, "cure_period_days": int(cure),
            "closures": lines(closures), "access": access, "good_friday_proclaimed": good_friday,
            "posting_from": posting_from.isoformat() if posting_from else "2018-07-01"}
    problems = g.board_problems(data)
    new = g.board_from_dict(data, "the form") if not problems else None
    if new is not None and user.sign_in and g.role_for(user.email, new) != "admin":
        problems = [("access", f"this would take the administrator role from you ({user.email}); "
                               "keep yourself among the administrators")]
    for field, reason in problems:
        st.error(f"{label_of(field)}: {g.md_escape(reason)}")
    if not problems:
        with common.open_register(user) as reg:
            g.save_board(reg, new)
        st.session_state.pop("board_draft", None)
        st.session_state["board_flash"] = f"Saved: every page and document now uses {g.md_escape(new.name)}."
        st.rerun()  # once, so the banner and every widget show the saved profile

st.download_button("Download the profile (YAML)", g.board_yaml(board), "board.yaml", "application/yaml",
                   key="dl_profile", on_click="ignore")

# ------------------------------------------------------------ the vendor directory

st.divider()
st.subheader("Vendor directory")
st.caption("Save a vendor's details once; pick the vendor from the list wherever a page asks for one.")
with common.open_register(user) as reg:
    saved = g.directory_vendors(reg)
if saved:
    st.dataframe([{"Vendor": d.name, "Product": d.product, "Contact": d.contact_name,
                   "Contact email": d.contact_email} for d in saved], hide_index=True, key="directory")
if common.refuse_unless_editor(user, "change the vendor directory"):
    FIELDS = {"name": "dv_name", "product": "dv_product", "contact_name": "dv_contact",
              "contact_email": "dv_email", "address": "dv_address", "purpose": "dv_purpose",
              "data_collected": "dv_data", "signatory_name": "dv_sig_name", "signatory_title": "dv_sig_title"}
    picked = common.vendor_picker("dv_pick", FIELDS, label="Edit a saved vendor")
    with st.form("directory_form"):
        c1, c2 = st.columns(2)
        entry = {"name": c1.text_input("Vendor's legal name *", key="dv_name"),
                 "product": c2.text_input("Product or service", key="dv_product"),
                 "contact_name": c1.text_input("Privacy contact's name", key="dv_contact"),
                 "contact_email": c2.text_input("Privacy contact's email", key="dv_email"),
                 "signatory_name": c1.text_input("Who signs for the vendor", key="dv_sig_name"),
                 "signatory_title": c2.text_input("Their title", key="dv_sig_title"),
                 "address": st.text_input("Vendor's address", key="dv_address"),
                 "purpose": st.text_area("Purpose (why the board shares student data)", key="dv_purpose"),
                 "data_collected": st.text_input("Student data the vendor receives (separated by ;)",
                                                 key="dv_data")}
        store = st.form_submit_button("Save the vendor")
    if store and common.allowed_to("change the vendor directory"):
        try:
            vendor = g.vendor_from_dict({k: x for k, x in entry.items() if x}, "the vendor form")
            with common.open_register(user) as reg:
                g.save_vendor(reg, vendor)
        except g.SdpaError as exc:
            common.show_error(exc)
        else:
            st.session_state["board_flash"] = f"Saved {g.md_escape(vendor.name)} in the vendor directory."
            st.rerun()
    if (picked is not None and st.button(f"Remove {g.md_escape(picked.name)} from the directory", key="dv_remove")
            and common.allowed_to("change the vendor directory")):
        with common.open_register(user) as reg:
            g.remove_vendor(reg, picked.name)
        st.session_state.pop("dv_pick", None)
        st.session_state["board_flash"] = f"Removed {g.md_escape(picked.name)} from the directory."
        st.rerun()
