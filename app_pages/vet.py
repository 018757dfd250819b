"""Vet an app: upload its terms and privacy policy, read the verdict against the policy's
restrictions on operators, record it in the approved-apps list, write the letter to the
operator; counsel confirms the verdict; the list for teachers as CSV and as a page."""

import datetime as dt
import json

import streamlit as st

import generator as g
from app_pages import common

library = st.cache_resource(g.default_library)()
board = st.session_state.get("board") or g.load_board()
today = dt.date.today()
SHOW = {"may be used": st.success, "may be used with conditions": st.warning, "may not be used": st.error}
WHO = {"school": "designed and marketed for school purposes: the policy's restrictions apply",
       "general": "designed and marketed for individuals generally: the policy's restrictions do not apply",
       "unclear": "unclear: the documents do not say who the service is for"}

st.title("Vet an app")
st.caption("May a teacher use this app on its own terms? Upload its terms of service and privacy policy, or "
           "paste them. "
           "sdpa reads them against the restrictions the Board's policy places on operators (targeted "
           "advertising, profiling, sale, disclosure; Conn. Gen. Stat. § 10-234cc, to confirm).")
if flash := st.session_state.pop("vet_flash", None):
    st.success(flash)
user = common.current_user(board)


def save(action: str, needed: str, do) -> None:
    """One write to the approved-apps list, checked on the server first; the message survives the rerun."""
    if not common.allowed_to(action, needed):
        return
    try:
        with common.open_register(user) as reg:
            message = do(reg, common.current_user(board).role)
    except g.SdpaError as exc:
        common.show_error(exc)
    else:
        st.session_state["vet_flash"] = message
        st.rerun()


def show_report(report: g.VetReport) -> None:
    st.subheader(f"Verdict: {report.verdict}")
    SHOW[report.verdict](g.md_escape(report.reason))
    st.caption(g.VET_NOTE)
    if report.conditions:
        st.markdown("**Ask the operator to confirm in writing:**\n" +
                    "\n".join(f"- {g.md_escape(c)}" for c in report.conditions))
    st.markdown(f"**Audience:** {WHO[report.audience]}")
    for ev in report.audience_evidence[:2]:
        st.markdown(f"> “{g.md_escape(ev.text)}” ({g.md_escape(ev.location)})")
    for rid in g.RESTRICTION_IDS:
        r = report.restrictions.get(rid)
        if r is None:
            continue
        low = " — read it yourself" if r.confidence == "low" else ""
        st.markdown(f"#### {g.md_escape(r.title)}: {r.status} (confidence {r.confidence}{low})")
        left, right = st.columns(2)
        left.markdown("**The terms say**")
        for ev in r.evidence:
            left.markdown(f"> “{g.md_escape(ev.text)}” ({g.md_escape(ev.location)})")
        if not r.evidence:
            left.caption("Nothing on this in the documents.")
        left.caption(g.md_escape(r.explanation))
        for m in r.missing:
            left.caption(f"Missing: {g.md_escape(m)}")
        right.markdown("**The policy says**")
        right.markdown(g.md_escape(r.policy))
    if report.permitted_uses:
        st.markdown("**Permitted uses recognised** (never counted against the operator): "
                    + "; ".join(g.md_escape(u.title) for u in report.permitted_uses))
    for note in report.notes:
        st.caption(g.md_escape(note))


uploads = st.file_uploader("The app's documents (PDF, DOCX, TXT, MD, or an HTML page saved from the web)",
                           type=["pdf", "docx", "txt", "md", "html", "htm"], accept_multiple_files=True,
                           key="vet_docs")
pasted = st.text_area("Or paste the terms as they read on the app's page (click-through text)", key="vet_text",
                      max_chars=200_000, height=150).strip()
PASTED = "the terms as published on the app's page"  # its name in the quotes and in the letter to the operator
documents = [(u.name, u.getvalue()) for u in uploads or []] + ([(PASTED, pasted)] if pasted else [])
report = None
if documents:
    try:
        report = g.vet_texts(documents, library)
    except g.SdpaError as exc:
        common.show_error(exc)
if report is not None:
    show_report(report)
    stem = g.safe_filename(documents[0][0].rsplit(".", 1)[0])
    st.download_button("Report (JSON)", json.dumps(report.to_json_dict(), indent=2, ensure_ascii=False),
                       f"{stem}-vetting.json", "application/json", key="vet_dl_json", on_click="ignore")

    st.divider()
    st.subheader("Record it in the approved-apps list")
    with st.form("vet_record"):
        c1, c2 = st.columns(2)
        app_name = c1.text_input("App", key="vet_app")
        operator = c2.text_input("Operator (the company that runs it)", key="vet_operator")
        c1, c2 = st.columns(2)
        asked_by = c1.text_input("Who asked to use it", key="vet_asked_by")
        review = c2.date_input("Review date", value=g.a_year_on(today), key="vet_review")
        recorded = st.form_submit_button("Record in the approved-apps list")

    def record(reg, role) -> str:
        g.record_vetting(reg, report, app=app_name, role=role, operator=operator, asked_by=asked_by,
                         when=today, review_date=review)
        return f"Recorded {g.md_escape(app_name.strip())}: read as {report.verdict}; counsel confirms it below."

    if recorded:
        save("record a vetting in the approved-apps list", "editor", record)

    asked = [r for r in report.restrictions.values() if r.status in ("silent", "limited")]
    if asked:
        st.subheader("Letter to the operator")
        st.caption("It asks the operator to confirm in writing what its terms leave silent or limited: "
                   + ", ".join(g.md_escape(r.title) for r in asked) + ".")
        with st.form("vet_letter"):
            c1, c2 = st.columns(2)
            l_app = c1.text_input("App", key="vet_l_app")
            l_operator = c2.text_input("Operator", key="vet_l_operator")
            contact = st.text_input("Operator's address or privacy contact", key="vet_l_contact")
            letter_day, letter_note = g.letter_date(board=board)  # a business day: today, or the next one
            st.caption(letter_note or f"Dated {g.long_date(letter_day)}.")
            wrote = st.form_submit_button("Write the letter")
        if wrote:
            try:
                with common.open_register(user) as reg:
                    by = g.confirmed_by_for(reg, l_app, report)
                letter = g.operator_letter(report, board, app=l_app, operator=l_operator, when=letter_day,
                                           contact=[contact] if contact.strip() else [], confirmed_by=by)
            except g.SdpaError as exc:
                common.show_error(exc)
            else:
                st.success("Letter ready." + (f" Counsel ({g.md_escape(by)}) confirmed this app's verdict on these "
                                              "documents." if by else ""))
                if not by:
                    st.warning("DRAFT — not confirmed by counsel: record the vetting and have counsel confirm it "
                               "before sending the letter.")
                st.download_button("Download the letter (DOCX)", letter, f"{g.safe_filename(l_app)}-operator-letter.docx",
                                   key="vet_dl_letter", on_click="ignore")

# ------------------------------------------------------------------ the list, and counsel's confirmation

st.divider()
st.subheader("The approved-apps list")
try:
    with common.open_register(user) as reg:
        records = g.app_records(reg, today)
except g.SdpaError as exc:
    common.show_error(exc)
    st.stop()
if not records:
    st.caption("No app has been vetted yet.")
else:
    st.dataframe([{"app": r.name, "operator": r.operator, "status": r.status, "read as": r.read_verdict,
                   "confirmed by": r.confirmed_by, "conditions": "; ".join(r.conditions),
                   "review date": r.review_date} for r in records], hide_index=True, key="vet_list")
    c1, c2 = st.columns(2)
    c1.download_button("The list (CSV)", g.apps_csv(records), "approved-apps.csv", "text/csv",
                       key="vet_dl_csv", on_click="ignore")
    c2.download_button("The page for teachers (HTML)", g.apps_page(records, board.name, today),
                       "approved-apps.html", "text/html", key="vet_dl_html", on_click="ignore")

st.subheader("Confirm an app's verdict (counsel)")
st.caption("A vetting is a reading until counsel confirms it. The confirmed verdict holds only for the "
           "documents it was confirmed on: new terms from the operator are vetted, and confirmed, again.")
if not g.can_confirm(user.role):
    st.info(f"You are signed in as {g.md_escape(user.email)} with {user.role or 'no'} access: only counsel or "
            "an administrator can confirm an app's verdict.")
elif records:
    by_id = {r.id: r for r in records}
    waiting = sorted(by_id, key=lambda i: bool(by_id[i].verdict))  # those awaiting counsel first
    pick = st.selectbox("App", waiting, format_func=lambda i: f"{by_id[i].name} ({by_id[i].status})", index=None,
                        placeholder="Pick an app", key="vet_c_app")
    rec = by_id.get(pick)
    if rec is not None:
        st.markdown(f"Read as **{rec.read_verdict}** from " + g.md_escape(", ".join(d["name"] for d in rec.documents)))
        with st.form("vet_confirm"):
            verdict = st.selectbox("Verdict", list(g.VERDICTS), index=list(g.VERDICTS).index(rec.read_verdict),
                                   key=f"vet_c_verdict_{rec.id}")
            reason = st.text_input("Reason (needed for a change)", key=f"vet_c_reason_{rec.id}")
            conditions = st.text_area("Conditions of use (one a line)", value="\n".join(rec.conditions),
                                      key=f"vet_c_conditions_{rec.id}")
            review = st.date_input("Review date", value=rec.review_date or g.a_year_on(today), key=f"vet_c_review_{rec.id}")
            confirmed = st.form_submit_button("Confirm the verdict")

        def confirm(reg, role) -> str:
            g.confirm_app(reg, rec.id, role=role, verdict=verdict, reason=reason, review_date=review,
                          conditions=[c.strip() for c in conditions.splitlines() if c.strip()])
            return f"{g.md_escape(rec.name)}: verdict confirmed ({verdict})."

        if confirmed:
            save("confirm an app's verdict", "counsel", confirm)
