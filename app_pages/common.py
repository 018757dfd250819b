"""What every page shares: the board profile in use, who is signed in and their role, the register
opened from the server's configuration only, the vendor picker, and one-line errors."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import streamlit as st

import generator as g

log = logging.getLogger("sdpa.app")


@dataclass(frozen=True)
class User:
    """Who is using the app: ``email`` is the signed-in address, or the server's login name when
    sign-in is not configured (then the one local user is ``admin``)."""

    email: str
    role: str | None
    sign_in: bool  # sign-in is configured on this server

    @property
    def can_edit(self) -> bool:
        return g.can_edit(self.role)

    @property
    def can_administer(self) -> bool:
        return g.can_administer(self.role)


def auth_settings() -> Mapping | None:
    """The ``[auth]`` section of the server's ``secrets.toml``, or ``None`` when there is none."""
    try:
        auth = st.secrets.get("auth")
    except Exception:  # noqa: BLE001 - no secrets file at all
        return None
    return auth if isinstance(auth, Mapping) else None


def sign_in_provider() -> str | None:
    """The provider for ``st.login`` (``""``: the one in ``[auth]``), or ``None`` without sign-in."""
    return g.auth_provider(auth_settings())


BOARD_CHOSEN = "sdpa_board_id"  # session state: the board picked in the sidebar's switcher


def requested_board() -> int | None:
    """The board this visit asks for: ``?board=N`` in the address, else the one picked in the
    sidebar, else ``None`` (then ``SDPA_BOARD_ID``, else board 1). Only a request: the role the
    user holds in that board (checked on the server on every run) decides what they may see.
    Raises :class:`generator.SdpaError` when the address names no valid board id."""
    asked = st.query_params.get("board") or st.session_state.get(BOARD_CHOSEN)
    return g.board_id_in_use(asked) if asked else None


def current_board_id() -> int:
    """The board this session works for: :func:`requested_board`, else ``SDPA_BOARD_ID``, else 1."""
    return requested_board() or g.board_id_in_use(None)


def current_board() -> tuple[g.Board, str]:
    """The profile of the board in use (:func:`current_board_id`) and where it came from
    (``file``, ``saved`` or ``example``)."""
    return g.resolve_board(board_id=current_board_id())


def user_boards(email: str, board: g.Board) -> list[tuple[int, str, str]]:
    """The boards of the register (``board``'s configuration) where ``email`` holds a role, as
    ``(id, name, role)``: what the switcher lists (kept for 30 seconds). Without sign-in the one
    local user administers every board."""
    return _boards_of(g.database_url(board), email, sign_in_provider() is None, os.environ.get("SDPA_BOARD") or None)


@st.cache_data(ttl=30, show_spinner=False, max_entries=1000)
def _boards_of(url: str, email: str, local: bool, profile_file: str | None) -> list[tuple[int, str, str]]:
    # kept 30 seconds: this list only draws the switcher; every role check reads the profile anew
    if local:
        with g.Register(url, board_id=1) as reg:
            return [(b.id, b.name, "admin") for b in g.list_boards(reg.engine)]
    return g.boards_for(url, email, profile_file)


def current_user(board: g.Board | None = None) -> User:
    """The person using this session and the role the board profile gives them. A signed-in
    address the provider does not vouch for (``email_verified`` not the boolean true), or a
    sign-in older than the session lifetime (``SDPA_SESSION_HOURS``, 12 hours), has no role."""
    if sign_in_provider() is None:
        return User(os.environ.get("SDPA_USER") or os.environ.get("USER") or "local user", "admin", False)
    if not st.user.is_logged_in:
        return User("", None, True)
    email = str(st.user.get("email") or "")
    if not g.is_verified(st.user.get("email_verified")) or session_ended():
        return User(email, None, True)
    return User(email, g.role_for(email, board or current_board()[0]), True)


def session_ended() -> bool:
    """True when the signed-in visitor's sign-in (the ID token's ``iat``) is older than the session
    lifetime. Raises :class:`generator.InputError` when ``SDPA_SESSION_HOURS`` is not valid."""
    hours = g.session_hours(os.environ.get("SDPA_SESSION_HOURS"))
    return g.session_expired(st.user.get("iat"), time.time(), hours)


def request_refusal() -> str | None:
    """Why this visitor's connection must be refused (its peer, its ``Host``, a proxy between), or
    ``None``: the check of :func:`generator.request_problem` on the request Streamlit saw."""
    headers = {str(k).lower(): str(v) for k, v in st.context.headers.items()}
    auth = auth_settings() or {}
    allowed = [*(st.get_option("server.allowedHosts") or []),
               urlsplit(str(auth.get("redirect_uri") or "")).hostname or ""]
    return g.request_problem(headers, st.context.ip_address, sign_in_provider() is not None, allowed)


def allowed_to(what: str, needed: str = "editor") -> bool:
    """The server's check immediately before an action: re-reads who is signed in and the role the
    profile of the CURRENT board gives them now, and returns True when that role is at least ``needed``;
    otherwise shows one error naming ``what`` was refused and returns False. A disabled button in
    the browser is never the check."""
    user = current_user(current_board()[0])
    if g.has_role(user.role, needed):
        return True
    st.error(f"Refused: {g.md_escape(user.email or 'a visitor who is not signed in')} has "
             f"{user.role or 'no'} access, and only {g.ROLE_WORDS.get(needed, 'a user with a role')} can {what}. Nothing was changed.")
    return False


def open_register(user: User | None = None) -> g.Register:
    """The register named by the server's configuration (``SDPA_DATABASE_URL``, else the board
    profile's ``database``), its log lines signed with ``user``'s email. Never a visitor's input."""
    user = user or current_user()
    return g.Register(g.database_url(current_board()[0]), actor=(user.email or "unknown")[:120],
                      board_id=current_board_id())


def refuse_unless_editor(user: User, what: str = "change the register") -> bool:
    """True when ``user`` may edit; otherwise say why not (one line) and return False."""
    if user.can_edit:
        return True
    st.info(f"You are signed in as {g.md_escape(user.email)} with {user.role or 'no'} access: "
            f"only {g.ROLE_WORDS['editor']} can {what}.")
    return False


def show_error(exc: BaseException) -> None:
    """One line for the visitor, never a traceback: sdpa's own errors say what to fix; anything
    else names only its kind, with the details in the server's log."""
    if isinstance(exc, g.SdpaError):
        st.error(g.md_escape(exc))  # the message may quote a file's or a vendor's text
        return
    log.error("page failed", exc_info=exc)
    st.error(f"Something went wrong on this page ({type(exc).__name__}); nothing was saved by the "
             "failed step. The server's log has the details for the administrator.")


def _as_widget_value(value: object, keep_list: bool) -> object:
    if isinstance(value, list) and not keep_list:
        return "; ".join(str(x) for x in value)
    return value


def contract_label(cid: int, vendor: str, product: str) -> str:
    """How a contract is named in every picker and list: ``#12 Acme Learning: Reader``."""
    return f"#{cid} {vendor}: {product}"


def contract_picker(reg: g.Register, key: str, label: str = "Contract", ids: set[int] | None = None,
                    placeholder: str = "Pick a contract", help: str | None = None):
    """A contract chosen from every contract of ``reg`` (or those of ``ids``) by its label alone;
    only the one picked is loaded, with its records (None until one is picked)."""
    labels = {i: contract_label(i, vendor, product) for i, vendor, product in reg.contract_labels()
              if ids is None or i in ids}
    cid = st.selectbox(label, list(labels), format_func=labels.get, index=None, placeholder=placeholder,
                       key=key, help=help)
    return reg.contract(cid) if cid in labels else None


def vendor_picker(key: str, fields: Mapping[str, str], *, lists: frozenset[str] = frozenset(),
                  label: str = "Vendor from the directory") -> g.Vendor | None:
    """A list of the vendors saved in the directory; picking one fills the page's widgets.

    ``fields`` maps a vendor field (``contact_email``) to the key of the widget it fills; list
    fields are joined with ``; `` unless named in ``lists`` (for a multiselect). Returns the
    picked vendor, or ``None``. Call it above the widgets it fills."""
    try:
        with open_register() as reg:
            vendors = {v.name: v for v in g.directory_vendors(reg)}
    except g.SdpaError as exc:
        show_error(exc)
        return None
    if not vendors:
        st.caption("No vendor is saved in the directory yet: the Board profile page keeps it, and a "
                   "vendor saved there can be picked here to fill the form.")
        return None

    def fill() -> None:
        picked = vendors.get(st.session_state.get(key) or "")
        if picked is None:
            return
        for field, widget in fields.items():
            st.session_state[widget] = _as_widget_value(getattr(picked, field), field in lists)

    name = st.selectbox(label, list(vendors), index=None, key=key, on_change=fill,
                        placeholder="Pick a saved vendor, or type the details below")
    return vendors.get(name or "")
