"""Who may do what in the app: roles from the board profile, and when the app may listen beyond
this computer (only with sign-in configured)."""

from __future__ import annotations

import ipaddress
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from generator.errors import InputError
from generator.models import Board, email_key

ROLES = ("viewer", "editor", "counsel", "admin")  # each role can do everything the ones before it can
LOCAL_ONLY = "127.0.0.1"
SESSION_HOURS = 12.0  # how long a sign-in lasts unless SDPA_SESSION_HOURS says otherwise


def role_for(email: str | None, board: Board) -> str | None:
    """The role the board profile's ``access`` lists give ``email``: ``"admin"``, ``"counsel"``,
    ``"editor"``, ``"viewer"``, or ``None`` (no access). The address and the lists are compared as
    :func:`generator.models.email_key` gives them: the domain in ASCII lower case, the local part
    exact, no Unicode folding. An address or domain in the ``deny`` list has no access at all.
    Otherwise an entry naming the address itself wins over an entry naming its domain (so one
    person of an editing domain can be made a viewer); among entries of the same kind the highest
    role wins. Domains match exactly (``@district.org`` does not cover ``@mail.district.org``).
    Never raises."""
    address = email_key(email or "")
    if address.count("@") != 1 or address.startswith("@") or address.endswith("@"):
        return None
    domain = "@" + address.split("@")[1]
    if address in board.access.deny or domain in board.access.deny:
        return None
    lists = {role: getattr(board.access, role) for role in ROLES}
    for wanted in (address, domain):
        found = [role for role in ROLES if wanted in lists[role]]
        if found:
            return found[-1]
    return None


def boards_for(url: str, email: str | None, profile_file: str | Path | None = None) -> list[tuple[int, str, str]]:
    """The boards of the register at ``url`` where ``email`` has a role, in id order, as
    ``(board id, board name, role)`` (the name of its saved profile, else of its row): each board's role from its own profile (the file
    ``profile_file`` when one is configured for every board, else the board's saved profile,
    else the shipped example), as :func:`role_for` reads it. Raises
    :class:`generator.records.database.RegisterError` when the register cannot be opened."""
    from generator.records.board import EXAMPLE_BOARD, read_board_file
    from generator.records.directory import saved_board
    from generator.records.register import Register
    from generator.records.tenancy import list_boards

    fixed = read_board_file(profile_file) if profile_file else None
    found = []
    with Register(url, board_id=1) as reg:
        for row in list_boards(reg.engine):
            saved = None if fixed else saved_board(reg.for_board(row.id))
            role = role_for(email, fixed or saved or read_board_file(EXAMPLE_BOARD))
            if role is not None:
                found.append((row.id, saved.name if saved else row.name, role))
    return found


def is_verified(claim: object) -> bool:
    """True only when the sign-in provider's ``email_verified`` claim is the boolean ``True``:
    the string ``"false"``, ``1``, ``"true"`` or a missing claim are not a proof. Never raises."""
    return claim is True


def session_expired(issued_at: object, now: float, hours: float = SESSION_HOURS) -> bool:
    """True when a sign-in whose ID token was issued at ``issued_at`` (seconds since the epoch,
    the token's ``iat`` claim) is older than ``hours`` at ``now``, or when ``issued_at`` is not a
    number or lies more than five minutes in the future: the visitor must sign in again.
    Never raises."""
    if isinstance(issued_at, bool) or not isinstance(issued_at, (int, float)):
        return True
    return issued_at > now + 300 or now - issued_at > hours * 3600


def session_hours(value: str | None) -> float:
    """The session lifetime in hours from ``SDPA_SESSION_HOURS`` (``value``), 12 when it is unset
    or empty. Raises :class:`InputError` unless it is a number of hours above 0 and at most 720."""
    if value is None or not value.strip():
        return SESSION_HOURS
    try:
        hours = float(value)
    except ValueError:
        hours = -1.0
    if not 0 < hours <= 720:
        raise InputError(f"SDPA_SESSION_HOURS: {value!r} is not a number of hours between 0 and 720")
    return hours


def has_role(role: str | None, needed: str) -> bool:
    """True when ``role`` may do what ``needed`` (``"viewer"``, ``"editor"``, ``"counsel"`` or
    ``"admin"``) may."""
    if needed == "admin":
        return can_administer(role)
    if needed == "counsel":
        return can_confirm(role)
    if needed == "editor":
        return can_edit(role)
    return role in ROLES


#: Who may do what a role may, in words.
ROLE_WORDS = {"admin": "an administrator", "counsel": "counsel or an administrator",
              "editor": "an editor, counsel or an administrator", "viewer": "someone with a role"}


def require_role(role: str | None, needed: str, what: str) -> None:
    """Return when ``role`` may do what ``needed`` may (:func:`has_role`); raise
    :class:`InputError` ("only an editor, counsel or an administrator can add a contract (your
    role: viewer)") otherwise: the check the command line makes before a write."""
    if not has_role(role, needed):
        raise InputError(f"only {ROLE_WORDS[needed]} can {what} (your role: {role or 'none'})")


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


def host_name(host: str | None) -> str | None:
    """The host name in a ``Host`` header (``sdpa.district.org:8501``, ``[::1]:8501``), in ASCII
    lower case without port or trailing dot, or ``None`` when the header is missing or malformed."""
    from urllib.parse import urlsplit

    text = (host or "").strip()
    if not text or any(c in text for c in "/?#@\\ "):
        return None
    try:
        parts = urlsplit(f"//{text}")
        _ = parts.port  # a port that is not a number makes the header malformed
    except ValueError:
        return None
    name = (parts.hostname or "").rstrip(".")
    return name.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")) or None


def host_allowed(name: str, allowed: Iterable[str]) -> bool:
    """True when the host ``name`` is loopback or matches an entry of ``allowed`` (a host name,
    ``*.district.org`` for its subdomains, or ``*`` for any), as ``server.allowedHosts`` reads."""
    if is_loopback(name):
        return True
    for entry in allowed:
        pattern = (entry or "").strip().lower().rstrip(".")
        if pattern == "*" or name == pattern or (pattern.startswith("*.") and name.endswith(pattern[1:])):
            return True
    return False


PROXY_HEADERS = ("forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip")


def request_problem(headers: Mapping[str, str] | None, peer: str | None, sign_in: bool,
                    allowed: Iterable[str] = ()) -> str | None:
    """Why the app must refuse a visitor's connection, or ``None`` when it may serve it.

    ``headers`` are the request's headers (keys in lower case), ``peer`` the address it came
    from (``None``: this computer). Without sign-in only this computer is served: the peer and
    the ``Host`` must be loopback and no proxy header may be present (behind a proxy every
    visitor would be the local administrator). With sign-in the ``Host`` must be loopback or in
    ``allowed`` (the sign-in's own address and ``server.allowedHosts``), so a page on another
    site that rebinds its name to this server cannot drive the app. An empty ``headers`` means
    no network request at all (the app run in-process, as in tests): nothing to refuse."""
    if not headers:
        return None
    name = host_name(headers.get("host"))
    if name is None:
        return "This request names no valid host, so sdpa refuses it."
    if sign_in:
        if host_allowed(name, allowed):
            return None
        return (f"sdpa does not answer to the host name {name}: the administrator lists the names it "
                "serves in server.allowedHosts (see docs/admin.md).")
    if peer is not None and not is_loopback(peer):
        return (f"Sign-in is not configured, so sdpa serves this computer only, not {peer}: "
                "configure sign-in to open it to colleagues (see docs/admin.md).")
    if not is_loopback(name) or any(headers.get(h) for h in PROXY_HEADERS):
        return ("Sign-in is not configured, so sdpa serves this computer only and refuses requests "
                "through another host name or a proxy: configure sign-in (see docs/admin.md).")
    return None


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


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def allowed_hosts(auth: Mapping | None, configured: Iterable[str] = ()) -> list[str]:
    """The host names the app answers to, for Streamlit's ``server.allowedHosts``: the names
    ``configured`` (``.streamlit/config.toml``), the loopback names, and, when ``auth`` configures
    sign-in, the host of its ``redirect_uri`` (the address colleagues sign in at, so the app
    answers there without a second setting). Each once, in that order; never empty."""
    from urllib.parse import urlsplit

    names = [str(h).strip() for h in configured if str(h).strip()] + list(LOOPBACK_NAMES)
    if auth_provider(auth) is not None:
        try:
            own = host_name(urlsplit(str(auth.get("redirect_uri") or "")).netloc)
        except ValueError:
            own = None
        names += [own] if own else []
    return list(dict.fromkeys(names))


def configured_hosts(path: str | Path) -> list[str]:
    """``server.allowedHosts`` in the Streamlit config file at ``path`` ([] when the file or the
    key is missing). Raises :class:`InputError` when the file is not valid TOML."""
    import tomllib

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: not a readable Streamlit config file ({exc})") from None
    hosts = (data.get("server") or {}).get("allowedHosts") or []
    return [str(h) for h in hosts] if isinstance(hosts, list) else [str(hosts)]


def main(argv: list[str] | None = None) -> int:
    """The check ``make run`` makes before it starts the app, with ``argv`` = ADDRESS [SECRETS
    [CONFIG]]: returns 2 after one line on stderr when the app must not listen on ADDRESS with the
    sign-in the SECRETS file configures (default ``.streamlit/secrets.toml``). Otherwise prints
    the ``--server.allowedHosts=NAME`` options to start Streamlit with (see
    :func:`allowed_hosts`; CONFIG defaults to ``.streamlit/config.toml``) and returns 0."""
    args = sys.argv[1:] if argv is None else argv
    address = args[0] if args else LOCAL_ONLY
    try:
        auth = secrets_auth(args[1] if len(args) > 1 else ".streamlit/secrets.toml")
        configured = configured_hosts(args[2] if len(args) > 2 else ".streamlit/config.toml")
    except InputError as exc:
        print(f"sdpa: error: {exc}", file=sys.stderr)
        return 2
    problem = listen_problem(address, sign_in=auth_provider(auth) is not None)
    if problem:
        print(f"sdpa: error: {problem}", file=sys.stderr)
        return 2
    print(" ".join(f"--server.allowedHosts={h}" for h in allowed_hosts(auth, configured)))
    return 0
