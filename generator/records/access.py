"""Who may do what in the app: roles from the board profile, and when the app may listen beyond
this computer (only with sign-in configured)."""

from __future__ import annotations

import ipaddress
import sys
from collections.abc import Mapping
from pathlib import Path

from generator.errors import InputError
from generator.models import Board

ROLES = ("viewer", "editor", "counsel", "admin")  # each role can do everything the ones before it can
LOCAL_ONLY = "127.0.0.1"


def role_for(email: str | None, board: Board) -> str | None:
    """The role the board profile's ``access`` lists give ``email``: ``"admin"``, ``"counsel"``,
    ``"editor"``, ``"viewer"``, or ``None`` (no access). An entry naming the address itself wins over an entry
    naming its domain (so one person of an editing domain can be made a viewer); among entries of
    the same kind the highest role wins. Domains match exactly (``@district.org`` does not cover
    ``@mail.district.org``); case is ignored. Never raises."""
    address = (email or "").strip().lower()
    if address.count("@") != 1 or address.startswith("@") or address.endswith("@"):
        return None
    domain = "@" + address.split("@")[1]
    lists = {role: getattr(board.access, role) for role in ROLES}
    for wanted in (address, domain):
        found = [role for role in ROLES if wanted in lists[role]]
        if found:
            return found[-1]
    return None


def can_edit(role: str | None) -> bool:
    """True when ``role`` may change the register and the vendor directory (editor, counsel, admin)."""
    return role in ("editor", "counsel", "admin")


def can_confirm(role: str | None) -> bool:
    """True when ``role`` may confirm a check's verdict and record a contract or a term void
    (counsel, admin)."""
    return role in ("counsel", "admin")


def can_administer(role: str | None) -> bool:
    """True when ``role`` may change the board profile and who has access (admin only)."""
    return role == "admin"


def auth_provider(auth: Mapping | None) -> str | None:
    """The provider to pass to Streamlit's ``st.login`` from the ``[auth]`` section of
    ``secrets.toml``: ``""`` for a provider configured in ``[auth]`` itself, the first named
    ``[auth.NAME]`` section otherwise, or ``None`` when sign-in is not configured (no
    ``redirect_uri`` or ``cookie_secret``, or no provider with ``client_id``,
    ``client_secret`` and ``server_metadata_url``). Never raises."""
    if not isinstance(auth, Mapping) or not auth.get("redirect_uri") or not auth.get("cookie_secret"):
        return None

    def complete(section: Mapping) -> bool:
        return all(section.get(k) for k in ("client_id", "client_secret", "server_metadata_url"))

    if complete(auth):
        return ""
    for name, section in auth.items():
        if isinstance(section, Mapping) and complete(section):
            return str(name)
    return None


def is_loopback(address: str | None) -> bool:
    """True when ``address`` (Streamlit's ``server.address``) reaches only this computer.
    An empty address means every network interface, so it is not loopback."""
    value = (address or "").strip().strip("[]")
    if value == "localhost":
        return True
    try:
        return ipaddress.ip_address(value).is_loopback
    except ValueError:
        return False


def listen_problem(address: str | None, sign_in: bool) -> str | None:
    """Why the app must not serve on ``address``, or ``None`` when it may: without sign-in the
    app serves only this computer (127.0.0.1); with sign-in it may listen anywhere."""
    if sign_in or is_loopback(address):
        return None
    where = address or "every network interface"
    return (f"sdpa will not serve on {where} without sign-in: configure [auth] in "
            f".streamlit/secrets.toml (see docs/admin.md), or listen on {LOCAL_ONLY} only.")


def secrets_auth(path: str | Path) -> Mapping | None:
    """The ``[auth]`` section of the Streamlit secrets file at ``path``, or ``None`` when the file
    is missing or has none. Raises :class:`InputError` when the file is not valid TOML."""
    import tomllib

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: not a readable secrets file ({exc})") from None
    auth = data.get("auth")
    return auth if isinstance(auth, Mapping) else None


def main(argv: list[str] | None = None) -> int:
    """The check ``make run`` makes before it starts the app, with ``argv`` = ADDRESS [SECRETS]:
    returns 2 after one line on stderr when the app must not listen on ADDRESS with the sign-in
    the SECRETS file configures (default ``.streamlit/secrets.toml``), else 0."""
    args = sys.argv[1:] if argv is None else argv
    address = args[0] if args else LOCAL_ONLY
    try:
        auth = secrets_auth(args[1] if len(args) > 1 else ".streamlit/secrets.toml")
    except InputError as exc:
        print(f"sdpa: error: {exc}", file=sys.stderr)
        return 2
    problem = listen_problem(address, sign_in=auth_provider(auth) is not None)
    if problem:
        print(f"sdpa: error: {problem}", file=sys.stderr)
        return 2
    return 0
