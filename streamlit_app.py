"""sdpa in the browser: the router. It checks who may use the app and where it may listen, then
runs the page; each page lives in app_pages/ and calls the generator library."""

import streamlit as st

import generator as g
from app_pages import common

st.set_page_config(page_title="sdpa: student data privacy", page_icon="📄", layout="wide")
st.cache_resource(g.warm_check)()  # once per server process: a visitor's first check runs warm

pages = {
    "Documents": [
        st.Page("app_pages/check.py", title="Check a contract", url_path="check", default=True),
        st.Page("app_pages/vet.py", title="Vet an app", url_path="vet"),
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


def switcher(boards: list[tuple[int, str, str]]) -> None:
    """The sidebar's board switcher: only the boards where the user holds a role (none shown when
    there is only one). Picking one drops any ``?board=`` from the address."""
    if len(boards) < 2:
        return
    names = {b: f"{name} ({role})" for b, name, role in boards}
    current = common.current_board_id()

    def pick() -> None:
        st.session_state[common.BOARD_CHOSEN] = st.session_state["board_switcher"]
        st.query_params.pop("board", None)

    if current in names:
        st.session_state["board_switcher"] = current
    st.sidebar.selectbox("Board", list(names), format_func=names.get, key="board_switcher", on_change=pick)


def gate() -> None:
    """Stop here (with one line saying why) unless this visitor may use the app."""
    provider = common.sign_in_provider()
    problem = (g.listen_problem(st.get_option("server.address"), sign_in=provider is not None)
               or common.request_refusal())  # this request: its peer, its Host, a proxy between
    if problem:
        st.error(g.md_escape(problem))  # it may quote the request's Host or forwarded address
        st.stop()
    board, source = common.current_board()
    user = common.current_user(board)
    proven = not user.sign_in or (st.user.is_logged_in and g.is_verified(st.user.get("email_verified"))
                                  and not common.session_ended())
    boards = common.user_boards(user.email, board) if proven else []  # where they hold a role
    if user.role is None and boards and common.requested_board() is None:
        # nothing asked for, and no role in the default board: open the first board they have
        st.session_state[common.BOARD_CHOSEN] = boards[0][0]
        board, source = common.current_board()
        user = common.current_user(board)
    st.session_state["board"] = board  # the pages print documents with this profile
    if not user.sign_in:
        st.caption("Sign-in is not configured, so this app serves this computer only (127.0.0.1). "
                   "To open it to colleagues, see the administrator's guide (docs/admin.md).")
    elif not st.user.is_logged_in:
        st.title("sdpa: student data privacy")
        st.write(f"Sign in with your {g.md_escape(board.short_name or board.name)} account to continue.")
        st.button("Sign in", key="sign_in", type="primary", on_click=st.login, args=(provider or None,))
        st.stop()
    elif user.role is None and common.session_ended():
        st.title("sdpa: student data privacy")
        st.info("Your sign-in has expired: sign out, then sign in again to continue.")
        st.button("Sign out", key="sign_out", on_click=st.logout)
        st.stop()
    elif user.role is None and boards:  # a board asked for (?board=N) where they hold no role
        st.error(f"Refused: {g.md_escape(user.email)} has no access to board {common.current_board_id()}. "
                 "Pick one of your boards in the sidebar.")
        switcher(boards)
        st.button("Sign out", key="sign_out", on_click=st.logout)
        st.stop()
    elif user.role is None:
        st.error(f"{g.md_escape(user.email or 'This account')} has no access to sdpa. Ask the administrator to add "
                 "you to the board profile's access lists.")
        st.button("Sign out", key="sign_out", on_click=st.logout)
        st.stop()
    else:
        st.sidebar.caption(f"Signed in as {g.md_escape(user.email)} ({user.role})")
        st.sidebar.button("Sign out", key="sign_out", on_click=st.logout)
    if user.role is not None:
        switcher(boards)
    if source == "example":
        st.warning(f"This app is using the shipped example profile ({g.md_escape(board.name)}): every "
                   "document names that board. An administrator sets your board on the Board profile "
                   "page.", icon="⚠️")


try:
    gate()
    st.navigation(pages).run()
except Exception as exc:  # noqa: BLE001 - no traceback ever reaches a visitor
    common.show_error(exc)
