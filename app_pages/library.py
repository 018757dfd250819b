"""Clause library: the trace a lawyer can review, provision by provision, generated from clauses/."""

import re

import streamlit as st

import generator as g

library = st.cache_resource(g.default_library)()
board = st.session_state.get("board") or g.load_board()


def md(text: object) -> str:
    """``text`` as Markdown that shows it literally, its citations never broken after "§ 10-"."""
    return g.md_escape(g.nobreak_citations(str(text))).replace("§ ", "§\u00a0")  # md_escape drops the no-break space


st.title("Clause library")
st.caption(f"{library.name}, version {library.version} (effective {library.effective_date}, fingerprint "
           f"of the clause text {library.content_hash}). Each provision: what the law requires and where it "
           "says so, the model clause (shown for a sample vendor), what the contract check counts as present "
           "or partial, and what the amendment letter asks the vendor to add. A citation marked "
           "“to confirm” has not been checked against the statute's text.")
rows = g.library_trace(library, board)
for r in rows:
    with st.expander(g.nobreak_citations(f"{r.number}. {r.title} — {r.citation}")):
        st.markdown(f"**Required by** {md(r.basis)}")
        st.markdown(f"**What the law requires.** {md(r.requirement)}")
        st.markdown("**Where the law says so**")
        for c in r.citations:
            mark = "✔ verified" if c.verified else "⚠ to confirm"
            st.markdown(f"- {md(c.citation)}: {mark} ({md(c.note)})")
        st.markdown("**Model clause** (for a sample vendor)")
        for para in r.clause.split("\n\n"):
            st.markdown(md(para))
        st.markdown(f"**The check counts it present when:** {md(r.present_when)}")
        st.markdown(f"**Partial when:** {md(r.partial_when)}")
        st.markdown(f"**Missing when:** {md(r.missing_when)}")
        cure = r.cure + (f" {r.letter_note}" if r.letter_note else "")
        st.markdown(f"**The amendment letter asks the vendor to:** {md(cure)}")
def reading_order(citation: str) -> tuple:
    """Connecticut's sections first, in number order: (a)(5) before (a)(10)."""
    return (not citation.startswith("§"),
            [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", citation)])


to_confirm = sorted({c.citation for r in rows for c in r.to_confirm}, key=reading_order)
st.warning("Citations to confirm with counsel: " + md(", ".join(to_confirm)), icon="⚠")
st.download_button("Download the trace (Markdown)", g.trace_markdown(library, board), "clause-trace.md",
                   "text/markdown", key="dl_trace", on_click="ignore")
