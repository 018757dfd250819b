"""Contracts register: what is due, every contract (search and filter), each contract's history,
and every action of `sdpa register` as one small form. The database is the server's setting."""

import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path

import streamlit as st

import generator as g
from app_pages import common, shared_agreements

board = st.session_state.get("board") or g.load_board()
today = dt.date.today()

st.title("Contracts register")
st.caption("Every contract under which a company receives student data, what the law asks next, and "
           "the board's public list. The register is kept in the server's database, which the "
           "administrator sets (SDPA_DATABASE_URL or the board profile).")
if flash := st.session_state.pop("register_flash", None):
    st.success(flash)


def done(message: str) -> None:
    """Show ``message`` after the rerun that brings the page up to date."""
    st.session_state["register_flash"] = message
    st.rerun()


def label(c) -> str:
    return common.contract_label(c.id, c.vendor.name, c.product)


def pick(reg, key: str, ids: set[int] | None = None):
    """A contract chosen from every contract of the register (or those of ``ids``)."""
    return common.contract_picker(reg, key, ids=ids)


def no_date(value, label: str) -> bool:
    """True when the required date ``label`` was left empty, after saying so in one line."""
    if value is None:
        st.error(f"{label}: enter the date.")
    return value is None


def not_yet(label: str, value) -> bool:
    """True when the event's date ``label`` is after today (an event is recorded once it has
    happened), after saying so in one line naming the field."""
    try:
        g.past_event(value, label, today)
    except g.SdpaError as exc:
        common.show_error(exc)
        return True
    return False


def not_an_email(value: str, label: str) -> bool:
    """True when ``value`` is neither empty nor an email address, after saying so in one line."""
    try:
        g.check_email(value.strip())
    except ValueError as exc:
        st.error(g.md_escape(f"{label}: {exc}"))
        return True
    return False


#: The add form's widgets and the value each starts with.
ADD_KEYS = {"a_vendor": "", "a_product": "", "a_executed": None, "a_term_end": None, "a_email": "", "a_purpose": "",
            "a_data": "", "a_anyway": False}


def categories(text: str) -> list[str]:
    return [x.strip() for x in text.replace("\n", ";").split(";") if x.strip()]


# ------------------------------------------------------------------ one small form per action


def add_form(reg, contracts) -> None:
    if st.session_state.pop("a_added", False):  # a contract was added: start the next one empty
        # a value set (not removed) here is sent to the browser, which would otherwise keep showing
        # what was typed; the file box cannot be set, so it is a new one (its key counts the adds)
        st.session_state.update(ADD_KEYS)
        st.session_state["a_adds"] = st.session_state.get("a_adds", 0) + 1
    for key, empty in ADD_KEYS.items():  # each widget takes its value from here (no date is today's by default)
        st.session_state.setdefault(key, empty)
    with st.form("add_form"):
        c1, c2 = st.columns(2)
        vendor = c1.text_input("Vendor (the company's legal name)", key="a_vendor")
        product = c2.text_input("Product or service", key="a_product")
        executed = c1.date_input("Date signed by both parties (if signed)", key="a_executed")
        term_end = c2.date_input("End of the term (if any)", key="a_term_end")
        email = c1.text_input("Vendor's privacy contact email", key="a_email")
        purpose = c2.text_input("Purpose", key="a_purpose")
        data = st.text_area("Student data the vendor receives (one per line, or separated by ;)", key="a_data")
        signed = st.file_uploader("Signed contract", type=["pdf", "docx", "txt", "md"],
                                  key=f"a_file_{st.session_state.get('a_adds', 0)}")
        anyway = st.checkbox("Add it even if the register already has this vendor and product", key="a_anyway")
        add = st.form_submit_button("Add the contract")
    if not add or not common.allowed_to("change the register") or not_yet("Date signed by both parties", executed):
        return
    if not_an_email(email, "Vendor's privacy contact email"):
        return
    dups = reg.find_duplicates(vendor, product) if vendor.strip() and product.strip() else []
    if dups and not anyway:
        st.warning("Already in the register: " + "; ".join(g.md_escape(label(c)) for c in dups)
                   + ". Tick “Add it even if…” to add another contract for them.")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = None
        if signed is not None:
            path = Path(tmp) / g.safe_filename(signed.name, "contract")
            path.write_bytes(signed.getvalue())
        cid = reg.add_contract(vendor=vendor, product=product, executed=executed, term_end=term_end,
                               purpose=purpose, contact_email=email.strip(), data_categories=categories(data), file=path)
    st.session_state["a_added"] = True
    done(f"Added contract #{cid}: {g.md_escape(vendor)}, {g.md_escape(product)}.")


def edit_form(reg, contracts) -> None:
    c = pick(reg, "e_contract")
    if c is None:
        return
    with st.form("edit_form"):
        c1, c2 = st.columns(2)
        vendor = c1.text_input("Vendor", value=c.vendor.name, key=f"e_vendor_{c.id}")
        product = c2.text_input("Product or service", value=c.product, key=f"e_product_{c.id}")
        title = c1.text_input("Contract title", value=c.title, key=f"e_title_{c.id}")
        term_end = c2.date_input("End of the term", value=c.term_end, key=f"e_term_end_{c.id}")
        purpose = st.text_input("Purpose", value=c.purpose, key=f"e_purpose_{c.id}")
        withheld = st.text_input("Why the public page does not link the contract, if it does not (e.g. "
                                 "“redacted copy pending”)", value=c.withheld_reason, key=f"e_withheld_{c.id}")
        description = st.text_area("Description (shown on the public page)", value=c.description,
                                   key=f"e_description_{c.id}")
        data = st.text_area("Student data the vendor receives (one per line)", value="\n".join(c.data_categories),
                            key=f"e_data_{c.id}")
        save = st.form_submit_button("Save the changes")
    if save and common.allowed_to("change the register"):
        changes = reg.update_contract(c.id, vendor=vendor, product=product, title=title, term_end=term_end,
                                      purpose=purpose, description=description, data_categories=categories(data),
                                      withheld_reason=withheld)
        names = {"data_categories": "student data", "term_end": "end of the term"}
        done(f"Saved contract #{c.id}: changed " + ", ".join(names.get(k, k) for k in changes) + "."
             if changes else f"Contract #{c.id}: nothing changed.")


def executed_form(reg, contracts) -> None:
    c = pick(reg, "x_contract")
    with st.form("executed_form"):
        when = st.date_input("Date signed by both parties", value=None, key="x_date")
        save = st.form_submit_button("Record the execution date", disabled=c is None)
    if save and c is not None and common.allowed_to("change the register"):
        if no_date(when, "Date signed by both parties") or not_yet("Date signed by both parties", when):
            return
        reg.record_executed(c.id, when)
        due = g.deadlines(executed=when)["website_notice_due"]
        done(f"Contract #{c.id} executed on {g.long_date(when)}: post it on the website by {g.long_date(due)}.")


def posted_form(reg, contracts) -> None:
    c = pick(reg, "p_contract")
    with st.form("posted_form"):
        when = st.date_input("Date posted on the website", value=today, key="p_date")
        url = st.text_input("Web address of the posting (optional)", key="p_url")
        save = st.form_submit_button("Record the posting", disabled=c is None)
    if save and c is not None and common.allowed_to("change the register"):
        if not_yet("Date posted on the website", when):
            return
        try:
            url = g.check_web_address(url)
        except ValueError as exc:
            st.error(g.md_escape(f"Web address of the posting: {exc}"))
            return
        reg.record_posting(c.id, when, url.strip())
        done(f"Contract #{c.id} posted on the website on {g.long_date(when)}.")


def notice_form(reg, contracts) -> None:
    c = pick(reg, "n_contract")
    for caution in g.notice_cautions(c) if c is not None else []:
        st.warning(caution)
    with st.form("notice_form"):
        sent = st.date_input("Date the amendment notice was sent", value=today, key="n_sent")
        st.caption(f"The cure date is {board.cure_period_days} days later, moved to a business day "
                   "(board profile).")
        save = st.form_submit_button("Record the notice", disabled=c is None)
    if save and c is not None and common.allowed_to("change the register"):
        if not_yet("Date the amendment notice was sent", sent):
            return
        cure = g.cure_deadline(sent, board.cure_period_days, board.closures, board.good_friday_proclaimed)
        dated = g.notice_date_caution(c, sent)
        reg.record_notice(c.id, sent, cure)
        done(f"Notice to amend contract #{c.id} sent {g.long_date(sent)}: the vendor must amend by "
             f"{g.long_date(cure)}." + (f" Note: {dated}" if dated else ""))


OUTCOMES = {"amended": "Amended: the vendor signed the addendum or amended the contract",
            "withdrawn": "Withdrawn: the notice was withdrawn"}


def outcome_form(reg, contracts) -> None:
    c = pick(reg, "o_contract")
    st.caption("“Void” is counsel's to record: see “Record a contract void (counsel)”.")
    with st.form("outcome_form"):
        outcome = st.radio("Outcome of the latest notice", list(OUTCOMES), format_func=OUTCOMES.get, key="o_outcome")
        when = st.date_input("Date of the outcome", value=today, key="o_date")
        save = st.form_submit_button("Record the outcome", disabled=c is None)
    if save and c is not None and common.allowed_to("change the register"):
        if not_yet("Date of the outcome", when):
            return
        reg.record_outcome(c.id, outcome, when)
        done(f"Contract #{c.id}: notice {outcome} on {g.long_date(when)}.")


def dates_form(reg, contracts) -> None:
    c = pick(reg, "d_contract")
    st.caption("The date a contract was executed decides whether the rules for contracts entered into from "
               "July 1, 2018 apply (§ 10-234bb(f); the Board's policy). An amendment or renewal since is "
               "recorded for counsel, who decides whether it brings the contract under them (to confirm).")
    with st.form("dates_form"):
        c1, c2 = st.columns(2)
        amended = c1.date_input("Date last amended", value=None, key="d_amended")
        renewed = c2.date_input("Date last renewed", value=None, key="d_renewed")
        save = st.form_submit_button("Record the dates", disabled=c is None)
    if save and c is not None and common.allowed_to("record a contract's dates"):
        if not_yet("Date last amended", amended) or not_yet("Date last renewed", renewed):
            return
        g.record_dates(reg, c.id, amended=amended, renewed=renewed)
        done(f"Contract #{c.id}: dates recorded.")


def counsel_only() -> bool:
    """True when the person on this request (re-read now, on the server) is counsel or admin;
    otherwise say why not (one line) and return False."""
    now = common.current_user(board)
    if g.can_confirm(now.role):
        return True
    st.info(f"You are signed in as {g.md_escape(now.email)} with {now.role or 'no'} access: only counsel or "
            "an administrator can confirm a check or record a contract void.")
    return False


STATUS_WORDS = {"present": "present", "partial": "partial (weaker than the law asks)", "missing": "missing"}


def review_form(reg, contracts) -> None:
    st.caption("A check is a reading until counsel confirms it. Confirm or change each provision, low "
               "confidence first; a change needs a short reason. Letters, the register's status and the "
               "public page follow the confirmed verdict.")
    if not counsel_only():
        return
    c = pick(reg, "r_contract", set(reg.checked_ids()))
    if c is None:
        return
    check = g.latest_check(c)
    if g.current_review(c) is not None:
        st.success(f"This check is confirmed (by {g.md_escape(g.current_review(c).reviewer)}); a new "
                   "review replaces it.")
    with st.form("review_form"):
        chosen, terms = {}, {}
        for p in g.review_order(check.report):
            c1, c2 = st.columns([1, 2])
            flag = " ⚠️ low confidence" if p.get("confidence") == "low" else ""
            status = c1.selectbox(f"{p.get('number', '')}. {p.get('title') or p['id']}{flag}", list(STATUS_WORDS),
                                  index=list(STATUS_WORDS).index(p["status"]), format_func=STATUS_WORDS.get,
                                  key=f"r_{c.id}_{check.id}_{p['id']}",
                                  help=g.md_escape(p["explanation"]) if p.get("explanation") else None)
            why = c2.text_input(f"Why, for {p.get('title') or p['id']} (needed for a change; the letter to the vendor "
                                "gives it as the reason)", key=f"r_{c.id}_{check.id}_{p['id']}_why")
            # what the reading rests on, beside the choice: counsel confirms against the contract's own words
            quotes = [f"“{g.md_escape(e.get('text', ''))}” ({g.md_escape(e.get('location', ''))})"
                      for e in p.get("evidence", [])]
            said = "  \n".join(([g.md_escape(p["explanation"])] if p.get("explanation") else []) + quotes)
            if said:
                c1.caption(said)
            chosen[p["id"]] = g.Decision(status, why)
        for i, t in enumerate(check.report.get("conflicts", []), start=1):
            c1, c2 = st.columns([1, 2])
            held = c1.radio(f"Conflicting term {i}: “{g.md_escape(t.get('text', '')[:200])}”", ["conflicts", "no conflict"],
                            key=f"r_{c.id}_{check.id}_c{i}")
            why = c2.text_input(f"Reason (term {i}; needed for “no conflict”)", key=f"r_{c.id}_{check.id}_c{i}_why")
            terms[i] = g.Decision(held, why)
        save = st.form_submit_button("Confirm the verdict")
    if save and counsel_only():
        now = common.current_user(board)
        g.review_check(reg, c.id, role=now.role, provisions=chosen, conflicts=terms)
        changed = [p.get("title") or p["id"] for p in check.report["provisions"]
                   if p["id"] in chosen and chosen[p["id"]].value != p["status"]]
        done(f"Contract #{c.id}: verdict confirmed" + (f"; changed: {', '.join(changed)}." if changed else "."))


def void_form(reg, contracts) -> None:
    st.caption("Only counsel records a contract void: after the cure date of the notice to amend, with the "
               "contract's execution date on file, its check confirmed, and a reason. § 10-234bb(f) voids a "
               "contract entered into on or after July 1, 2018 that still lacks an (a) provision after "
               "reasonable notice (to confirm).")
    if not counsel_only():
        return
    c = pick(reg, "v_contract")
    with st.form("void_form"):
        when = st.date_input("Date", value=today, key="v_date")
        reason = st.text_input("Reason (kept in the register)", key="v_reason")
        save = st.form_submit_button("Record the contract void", disabled=c is None)
    if save and c is not None and counsel_only():
        g.record_void(reg, c.id, role=common.current_user(board).role, when=when, reason=reason)
        done(f"Contract #{c.id} recorded void on {g.long_date(when)}.")


def breach_form(reg, contracts) -> None:
    c = pick(reg, "b_contract")
    with st.form("breach_form"):
        c1, c2 = st.columns(2)
        received = c1.date_input("Date the vendor's breach notice was received", value=None, key="b_received")
        discovered = c2.date_input("Date the vendor discovered it (if known)", value=None, key="b_discovered")
        description = st.text_area("What happened (for the board's records)", key="b_description")
        save = st.form_submit_button("Record the breach", disabled=c is None)
    if save and c is not None and common.allowed_to("change the register"):
        if (no_date(received, "Date the vendor's breach notice was received")
                or not_yet("Date the vendor's breach notice was received", received)
                or not_yet("Date the vendor discovered it", discovered)):
            return
        bid = reg.record_breach(c.id, notice_received=received, discovered=discovered, description=description)
        due = g.deadlines(breach_notice_received=received)["parent_breach_notice_due"]
        done(f"Breach {bid} recorded on contract #{c.id}: notify the affected students and parents by "
             f"{g.long_date(due)}.")


def families_form(reg, contracts) -> None:
    breaches = {b.id: (c, b) for c in reg.contracts(reg.breached_ids()) for b in c.breaches}
    if not breaches:
        st.info("No breach is recorded yet.")
        return
    bid = st.selectbox("Breach", list(breaches), index=None, placeholder="Pick a breach", key="f_breach",
                       format_func=lambda i: f"Breach {i}, {label(breaches[i][0])}: notice received "
                                             f"{g.long_date(breaches[i][1].notice_received)}")
    with st.form("families_form"):
        notified = st.date_input("Date the families were notified", value=None, key="f_date")
        posted = st.date_input("Date the breach was posted on the website (if posted)", value=None, key="f_posted")
        save = st.form_submit_button("Record", disabled=bid is None)
    if save and bid is not None and common.allowed_to("change the register"):
        if notified is None and posted is None:
            st.error("Enter the date the families were notified, or the date it was posted.")
            return
        if not_yet("Date the families were notified", notified) or not_yet("Date the breach was posted", posted):
            return
        reg.update_breach(bid, families_notified=notified, posted=posted)
        done(f"Breach {bid}: " + "; ".join(x for x in (
            notified and f"families notified on {g.long_date(notified)}",
            posted and f"posted on {g.long_date(posted)}") if x) + ".")


def annual_notice_form(reg, contracts) -> None:
    sent = g.annual_notice_sent(reg, today.year)
    due, overdue = g.annual_notice_due(reg, today)
    if sent:
        st.success(f"The notice of {today.year} was sent on {g.long_date(sent)}. The next one is due by "
                   f"{g.long_date(due)}.")
    elif overdue:
        st.warning(f"⚠️ OVERDUE: the notice of {today.year} was due by {g.long_date(due)} and is not recorded.")
    else:
        st.info(f"The notice of {today.year} is due by {g.long_date(due)}; it is not recorded yet.")
    st.caption("Each school year the board tells students and parents, electronically, where its list of "
               "contracts is published (board policy: by September 1). The Notices and deadlines page "
               "writes the notice; record here the day it went out.")
    with st.form("annual_form"):
        when = st.date_input("Date the notice was sent", value=None, key="an_sent")
        save = st.form_submit_button("Record the annual notice")
    if save and not no_date(when, "Date the notice was sent") and common.allowed_to("change the register"):
        if not_yet("Date the notice was sent", when):
            return
        if earlier := g.annual_notice_sent(reg, when.year):
            st.warning(f"The notice of {when.year} is already recorded (sent {g.long_date(earlier)}); "
                       "nothing was added.")
            return
        g.record_annual_notice(reg, when)
        done(f"Annual notice of {when.year} recorded: sent {g.long_date(when)}.")


#: The plans the exception covers, as ``record_exception`` names them, in words.
PLANS = {"iep": "IEP", "504": "Section 504 plan"}


def exception_form(reg, contracts) -> None:
    st.caption("A website, online service or app used without a contract because it is unique and "
               "necessary to implement a child's IEP or Section 504 plan and its operator cannot meet the "
               "law's contract requirements (the exception's other conditions: to confirm with counsel). "
               "Identify the child by the board's reference (such as the student ID number), never by name.")
    with st.form("exception_form"):
        c1, c2 = st.columns(2)  # a row of columns per pair: on a phone each pair stays together
        ref = c1.text_input("Student reference (not the name)", key="ex_ref",
                            help="Letters, digits and . _ / - only, no spaces; up to 40 characters.")
        plan = c2.radio("Plan", list(PLANS), key="ex_plan", horizontal=True, format_func=PLANS.get)
        c1, c2 = st.columns(2)
        service = c1.text_input("Service, website or app", key="ex_service")
        operator = c2.text_input("Who operates it (company)", key="ex_operator")
        effort = st.text_area("The board's effort to contract with the operator (name no student)", key="ex_effort")
        search = st.text_area("The board's search for an equivalent service that complies", key="ex_search")
        c1, c2 = st.columns(2)
        assurances = c1.text_area("The service's assurances about FERPA, HIPAA and § 10-234cc", key="ex_assurances")
        source = c2.text_input("Where those assurances come from (document, date)", key="ex_source")
        ppt = st.text_input("Planning and placement team member who signed (IEP)", key="ex_ppt")
        c1, c2 = st.columns(2)
        signed = c1.date_input("Date the parent signed the acknowledgement", value=None, key="ex_signed")
        ended = c2.date_input("Date its use ended (if it has)", value=None, key="ex_ended")
        save = st.form_submit_button("Record the exception")
    if save and not no_date(signed, "Date the agreement to use it was signed") and common.allowed_to("change the register"):
        eid = g.record_exception(reg, student_ref=ref, plan=plan, service=service, effort=effort, signed=signed,
                                 operator=operator, ended=ended, equivalent_search=search, assurances=assurances,
                                 assurance_source=source, ppt_member=ppt)
        done(f"Exception {eid} recorded: {g.md_escape(service.strip())} under the child's "
             f"{PLANS[plan]}, signed {g.long_date(signed)}.")


def exceptions_report_form(reg, contracts) -> None:
    st.caption("The year's services used under the IEP / Section 504 exception, for the board's yearly "
               "report to the Commission for Educational Technology (P.A. 18-125; to confirm with "
               "counsel). The report names services and plans, never a student.")
    year = st.number_input("Year", min_value=2018, max_value=today.year + 1, value=today.year, step=1,
                           key="ex_year")
    records = g.exceptions_in_year(reg, int(year))
    if not records:
        st.info(f"No exception is recorded for {int(year)}.")
    else:
        st.html(g.html_table([{"Service": x.service, "Operator": x.operator, "Plan": PLANS.get(x.plan, x.plan),
                               "Signed": g.long_date(x.signed), "Ended": g.long_date(x.ended) if x.ended else ""}
                              for x in records], caption=f"In use during {int(year)}: {len(records)}"))
    if st.button("Prepare the report", key="ex_report") and common.allowed_to("prepare the report"):
        table, summary = g.exceptions_report(reg, int(year), board, today)
        st.session_state["register_exceptions"] = (int(year), table, summary)
    ready = st.session_state.get("register_exceptions")
    if ready and ready[0] == int(year):
        c1, c2 = st.columns(2)
        c1.download_button("Download the report (DOCX)", ready[2], f"iep-504-exceptions-{ready[0]}.docx",
                           key="dl_ex_docx", on_click="ignore")
        c2.download_button("Download the table (CSV)", ready[1], f"iep-504-exceptions-{ready[0]}.csv", "text/csv",
                           key="dl_ex_csv", on_click="ignore")


def history_form(reg, contracts) -> None:
    c = pick(reg, "h_contract")
    if c is not None:
        st.html(g.html_table([{"When": f"{line.at:%Y-%m-%d %H:%M}", "Who": line.actor, "What": line.action,
                               "Details": details(line)} for line in reg.log(c.id)], caption=f"History of {label(c)}"))


def details(line) -> str:
    """A log line's details in words: an edit reads "purpose: (empty) → Reading at home", counsel's
    changes "changed: security partial → present: encrypts at rest", a yes/no "compliant: no"."""
    def show(value) -> str:
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, dict):
            return "; ".join(f"{k} {show(v)}" for k, v in value.items()) or "(none)"
        if isinstance(value, list):
            return ", ".join(map(str, value)) or "(empty)"
        return "(empty)" if value in (None, "") else str(value)

    parts = []
    for key, value in line.details.items():
        if line.action == "edit contract" and isinstance(value, list) and len(value) == 2:
            parts.append(f"{key}: {show(value[0])} → {show(value[1])}")
        elif value not in (None, ""):
            parts.append(f"{key}: {show(value)}")
    return "; ".join(parts)


def publish_form(reg, contracts) -> None:
    st.caption("The public page lists every executed contract, those that have ended marked so, with the "
               "notice fields the law requires, and links to the stored contract files. Put the unzipped "
               "folder on the board's website.")
    draft = st.checkbox("Draft: build it even where a contract lacks its purpose or student data (each "
                        "marked to complete; not for posting)", key="publish_draft")
    if st.button("Build the public page", key="publish") and common.allowed_to("publish the register"):
        with tempfile.TemporaryDirectory() as tmp:
            page, _ = g.publish(reg, Path(tmp), board, today, draft=draft)
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                for f in sorted(Path(tmp).rglob("*")):
                    if f.is_file():
                        z.write(f, f.relative_to(tmp).as_posix())
        st.session_state["register_public"] = buf.getvalue()
    if data := st.session_state.get("register_public"):
        st.download_button("Download the public page (ZIP)", data, "public-contracts-page.zip", "application/zip",
                           key="dl_public", on_click="ignore")


def export_form(reg, contracts) -> None:
    st.caption("The whole register as one ZIP: a manifest (JSON) of every record beside the stored contract "
               "files. A backup, or a way to move the register to another database (sdpa register import).")
    if st.button("Prepare the export", key="export") and common.allowed_to("export the register"):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "register.zip"
            g.export_register_zip(reg, path)  # an error is shown by the page, below
            st.session_state["register_export"] = path.read_bytes()
    if data := st.session_state.get("register_export"):
        st.download_button("Download the export (ZIP)", data, f"sdpa-register-{today.isoformat()}.zip",
                           "application/zip", key="dl_export", on_click="ignore")


#: Every action of `sdpa register`, each one form. Add an action by adding a function here.
ACTIONS = {
    "Add a contract": add_form,
    "See the history of a contract": history_form,
    "Edit a contract": edit_form,
    "Record the execution date": executed_form,
    "Record the website posting": posted_form,
    "Record an amendment notice": notice_form,
    "Record the outcome of a notice": outcome_form,
    "Confirm a check (counsel)": review_form,
    "Record a contract void (counsel)": void_form,
    "Record the date a contract was amended or renewed": dates_form,
    "Record a breach": breach_form,
    "Record families notified of a breach": families_form,
    "Record the annual notice to parents": annual_notice_form,
    "Record an IEP or Section 504 exception": exception_form,
    "Report the IEP and Section 504 exceptions of a year": exceptions_report_form,
    "Publish the public contracts page": publish_form,
    "Export the register (backup)": export_form,
    "Offer a signed agreement to the other boards": lambda reg, cs: shared_agreements.offer_form(reg, cs, done),
    "Adopt another board's offered agreement": lambda reg, cs: shared_agreements.adopt_form(reg, cs, done),
}
#: The actions a viewer may take: they change nothing.
READ_ONLY = {"See the history of a contract"}


# ------------------------------------------------------------------ the page

user = common.current_user(board)
try:
    reg = common.open_register(user)  # the server's configuration only; the log names the user
except g.SdpaError as exc:
    common.show_error(exc)
    st.stop()
PER_PAGE = 50  # contracts a page; the due view shows DUE_PER_PAGE items a page
DUE_PER_PAGE = 25


def pager(key: str, total: int, per_page: int) -> int:
    """Previous / next buttons for a list of ``total`` items; returns the 0-based page shown."""
    last = max(0, (total - 1) // per_page)
    page = min(st.session_state.get(key, 0), last)
    if last:
        c1, c2, c3 = st.columns([1, 2, 1])
        if c1.button("← Previous", key=f"{key}_prev", disabled=page == 0):
            page -= 1
        if c3.button("Next →", key=f"{key}_next", disabled=page == last):
            page += 1
        c2.caption(f"Page {page + 1} of {last + 1} ({total:,} in all)")
    st.session_state[key] = page
    return page


try:
    st.subheader("What is due")
    d1, d2 = st.columns(2)
    due_vendor = d1.text_input("Vendor", key="due_vendor", placeholder="part of a vendor's name").strip()
    due_before = d2.date_input("Due on or before", value=None, key="due_before")
    due_at = st.session_state.get("due_page", 0)
    found = g.due_page(reg, today, board, offset=due_at * DUE_PER_PAGE, limit=DUE_PER_PAGE,
                       vendor=due_vendor, before=due_before)
    if pager("due_page", found.total, DUE_PER_PAGE) != due_at:  # a button moved the page
        st.rerun()
    st.html(g.html_table([{"": "⚠️ OVERDUE" if i.overdue else "due", "Date": g.long_date(i.due),
                           "Contract": f"#{i.contract_id} {i.vendor}" if i.contract_id else "the board",
                           "What": i.what, "Law": g.nobreak_citations(i.citation)} for i in found.items])
            or "<p>Nothing is due.</p>")

    counts = g.status_counts(reg, today)
    st.subheader(f"Contracts ({sum(counts.values()):,})")
    c1, c2 = st.columns(2)
    query = c1.text_input("Search", key="search", placeholder="vendor, product, purpose…").strip()
    wanted = c2.multiselect("Status", sorted(counts), key="status_filter")
    at = st.session_state.get("list_page", 0)
    listed = g.contracts_page(reg, today, offset=at * PER_PAGE, limit=PER_PAGE, search=query, statuses=wanted)
    if pager("list_page", listed.total, PER_PAGE) != at:
        st.rerun()
    contracts = [c for c, _ in listed.items]
    statuses = {c.id: s for c, s in listed.items}
    if listed.total != sum(counts.values()):
        st.caption(f"{listed.total:,} of {sum(counts.values()):,} shown.")
    st.html(g.html_table([{"#": c.id, "Vendor": c.vendor.name, "Product": c.product,
                           "Executed": g.long_date(c.executed) if c.executed else "",
                           "Status": statuses[c.id].status, "Why": statuses[c.id].why} for c in contracts])
            or "<p>No contract.</p>")
    
    st.subheader("Record or change")
    action = st.selectbox("What do you want to do?", list(ACTIONS), key="action")
    try:
        if action in READ_ONLY or common.refuse_unless_editor(user):
            ACTIONS[action](reg, contracts)
    except g.SdpaError as exc:
        common.show_error(exc)

    breaches = [(c, b) for c in reg.contracts(reg.breached_ids()) for b in c.breaches]
    if breaches:
        st.subheader("Breach timelines")
        for c, b in breaches:
            due = g.deadlines(breach_notice_received=b.notice_received, breach_discovered=b.discovered)
            steps = [("Discovered by the vendor", b.discovered), ("Vendor's notice received", b.notice_received),
                     ("Families notified", b.families_notified), ("Posted on the website", b.posted)]
            st.markdown(f"**{g.md_escape(label(c))}**: families must be notified by "
                        f"{g.long_date(due['parent_breach_notice_due'])}")
            st.html(g.html_table([{"Step": s, "Date": g.long_date(d) if d else "not yet"} for s, d in steps]))

    with st.expander("Public contracts page (preview)"):
        # built only when asked: building it writes every stored file, too much for each rerun
        if st.toggle("Show the preview", key="public_preview"):
            with tempfile.TemporaryDirectory() as tmp:
                page, _ = g.publish(reg, Path(tmp), board, today, draft=True)
                st.html(page.read_text(encoding="utf-8").split("<body>")[1].split("</body>")[0])
except g.SdpaError as exc:
    common.show_error(exc)
finally:
    reg.close()
