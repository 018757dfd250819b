"""Clause library: the trace a lawyer can review, provision by provision, generated from clauses/."""

import streamlit as st

import generator as g

library = st.cache_resource(g.default_library)()
board = st.session_state.get("board") or g.load_board()

st.title("Clause library")
st.caption(f"{library.name}, version {library.version} (effective {library.effective_date}, "
           f"clauses {library.content_hash}). Each provision: what the law requires and where it says "
           "so, the model clause (shown for a sample vendor), what the contract check counts as present "
           "or partial, and what the amendment letter asks the vendor to add. A citation marked "
           "“to confirm” has not been checked against the statute's text.")
rows = g.library_trace(library, board)
for r in rows:
    with st.expander(f"{r.number}. {r.title} — {r.citation}"):
        st.markdown(f"**Required by** {g.md_escape(r.basis)}")
        st.markdown(f"**What the law requires.** {g.md_escape(r.requirement)}")
        st.markdown("**Where the law says so**")
        for c in r.citations:
            mark = "✔ verified" if c.verified else "⚠ to confirm"
            st.markdown(f"- {g.md_escape(c.citation)}: {mark} ({g.md_escape(c.note)})")
        st.markdown("**Model clause** (for a sample vendor)")
        for para in r.clause.split("\n\n"):
            st.markdown(g.md_escape(para))
        st.markdown(f"**The check counts it present when:** {g.md_escape(r.present_when)}")
        st.markdown(f"**Partial when:** {g.md_escape(r.partial_when)}")
        st.markdown(f"**Missing when:** {g.md_escape(r.missing_when)}")
        cure = r.cure + (f" {r.letter_note}" if r.letter_note else "")
        st.markdown(f"**The amendment letter asks the vendor to:** {g.md_escape(cure)}")
to_confirm = sorted({c.citation for r in rows for c in r.to_confirm})
st.warning("Citations to confirm with counsel: " + g.md_escape(", ".join(to_confirm)), icon="⚠")
st.download_button("Download the trace (Markdown)", g.trace_markdown(library, board), "clause-trace.md",
                   "text/markdown", key="dl_trace", on_click="ignore")
