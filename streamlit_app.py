"""sdpa in the browser: the router. Each page lives in app_pages/ and calls the generator library."""

import streamlit as st

import generator as g

st.set_page_config(page_title="sdpa: student data privacy", page_icon="📄", layout="wide")
st.cache_resource(g.warm_check)()  # once per server process: a visitor's first check runs warm

pages = {
    "Documents": [
        st.Page("app_pages/check.py", title="Check a contract", url_path="check", default=True),
        st.Page("app_pages/addendum.py", title="Addendum", url_path="addendum"),
        st.Page("app_pages/batch.py", title="Batch", url_path="batch"),
        st.Page("app_pages/notices.py", title="Notices and deadlines", url_path="notices"),
    ],
    "Records": [
        st.Page("app_pages/register.py", title="Contracts register", url_path="register"),
        st.Page("app_pages/library.py", title="Clause library", url_path="library"),
        st.Page("app_pages/board.py", title="Board profile", url_path="board"),
    ],
}
st.navigation(pages).run()
