"""sdpa in the browser: the router. Each page lives in app_pages/ and calls the generator library."""

import streamlit as st

st.set_page_config(page_title="sdpa: student data privacy", page_icon="📄", layout="wide")

pages = [
    st.Page("app_pages/library.py", title="Clause library", url_path="library", default=True),
]
st.navigation(pages).run()
