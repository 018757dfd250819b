"""Clause library: read each provision sdpa enforces."""

import streamlit as st

from generator import default_library

library = st.cache_resource(default_library)()
st.title("Clause library")
st.caption(f"{library.name}, version {library.version} (effective {library.effective_date}, "
           f"clauses {library.content_hash})")
for p in library.provisions:
    with st.expander(f"{p.number}. {p.title} — {p.citation}"):
        st.markdown(f"**What the law requires.** {p.requirement}")
        st.markdown("**Model text**")
        st.text(p.text)
