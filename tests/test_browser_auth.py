"""Sign-in end to end in a real headless Chromium: Streamlit's own OpenID Connect (st.login)
against a test identity provider (oidc-provider-mock) that the test starts on 127.0.0.1. A
signed-in editor adds a contract and the register's log names them; a viewer cannot; and without
sign-in the app refuses to serve beyond 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_browser import ARGS, CHROMIUM, free_port

EDITOR = "pat.editor@shoreline.example"
VIEWER = "sam.viewer@shoreline.example"
UNPROVEN = "kim.unproven@shoreline.example"  # listed as an editor; the provider does not vouch


@pytest.fixture(scope="module")
def identity_provider():
    """The test identity provider on 127.0.0.1, in a process of its own (pytest's warnings-as-
    errors would break it): anyone may sign in as any address typed into its form."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{url}/.well-known/openid-configuration", proc, "the test identity provider")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def vouch_for(identity_provider: str, email: str) -> None:
    """Tell the test identity provider that ``email`` is a proven address (``email_verified``:
    true), as a district's provider says of its staff; an address typed into its form without this
    carries no ``email_verified`` claim at all."""
    import json

    body = json.dumps({"email": email, "email_verified": True}).encode()
    req = urllib.request.Request(f"{identity_provider}/users/{email}", data=body, method="PUT",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        assert r.status == 204


def write_secrets(path: Path, port: int, identity_provider: str) -> Path:
    """A ``secrets.toml`` at ``path`` configuring sign-in for an app on 127.0.0.1:``port`` against
    the test identity provider; returns ``path``."""
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{"k" * 40}"\n'
        'client_id = "sdpa-test"\n'
        'client_secret = "sdpa-test-secret"\n'
        f'server_metadata_url = "{identity_provider}/.well-known/openid-configuration"\n', encoding="utf-8")
    return path


@contextlib.contextmanager
def serving(proc: subprocess.Popen, url: str, what: str = "streamlit"):
    """Wait until the app ``proc`` answers at ``url``, then stop it when the block ends."""
    try:
        _wait_for(f"{url}/_stcore/health", proc, what)
        yield proc
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _wait_for(url: str, proc: subprocess.Popen, what: str) -> None:
    for _ in range(120):
        if proc.poll() is not None:
            pytest.fail(f"{what} exited at start")
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    proc.kill()
    pytest.fail(f"{what} did not start")


def _start_app(tmp: Path, port: int, address: str, secrets: Path | None, db_url: str,
               *options: str) -> subprocess.Popen:
    args = [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.port", str(port),
            "--server.address", address, "--server.headless", "true", *options]
    if secrets is None:  # an empty secrets file: no sign-in, whatever the checkout holds
        secrets = tmp / "no-secrets.toml"
        secrets.write_text("", encoding="utf-8")
    args += ["--secrets.files", str(secrets)]
    env = {**os.environ, "SDPA_DATABASE_URL": db_url}
    env.pop("SDPA_BOARD", None)
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture(scope="module", autouse=True)
def chromium_present() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is not installed; .ci/run should have installed it")
        pytest.skip("chromium is not installed")


@pytest.fixture(scope="module")
def signed_in_app(tmp_path_factory, identity_provider):
    import generator as g
    from generator.records.register import Register

    tmp = tmp_path_factory.mktemp("auth")
    db_url = f"sqlite:///{tmp / 'register.sqlite3'}"
    data = g.read_board_file(ROOT / "examples" / "board.example.yaml").model_dump(mode="json")
    data.update(name="Shoreline Board of Education", access={"admin": [], "editor": [EDITOR, UNPROVEN], "viewer": [VIEWER]})
    with Register(db_url, actor="setup") as reg:
        g.save_board(reg, g.board_from_dict(data))
    for email in (EDITOR, VIEWER):
        vouch_for(identity_provider, email)
    yield from serve_signed_in(tmp, identity_provider, db_url)


def serve_signed_in(tmp: Path, identity_provider: str, db_url: str):
    """Run the app on a free port with sign-in through ``identity_provider``; yield (url, db_url)."""
    port = free_port()
    secrets = write_secrets(tmp / "secrets.toml", port, identity_provider)
    url = f"http://127.0.0.1:{port}"
    with serving(_start_app(tmp, port, "127.0.0.1", secrets, db_url), url):
        yield url, db_url


@pytest.fixture()
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _sign_in(browser, url: str, email: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    page.get_by_role("button", name="Sign in").click()
    page.locator("input[name=sub]").fill(email)  # the test provider's own sign-in form
    page.get_by_role("button", name="Authorize").click()
    page.get_by_text(f"Signed in as {email}").wait_for()
    return context, page


def test_an_editor_adds_a_contract_and_the_log_names_them(signed_in_app, browser):
    from generator.records.register import Register

    url, db_url = signed_in_app
    context, page = _sign_in(browser, url, EDITOR)
    assert page.get_by_text("shipped example profile").count() == 0
    page.goto(f"{url}/register")
    page.get_by_text("Contracts (0)").wait_for()  # "Add a contract" is the action the page opens on
    page.get_by_label("Vendor (the company's legal name)").fill("Harborview Tutoring LLC")
    page.get_by_label("Product or service").fill("Harborview Homework Help")
    page.get_by_role("button", name="Add the contract").click()
    page.get_by_text("Contracts (1)").wait_for()
    context.close()
    with Register(db_url) as reg:
        entry = reg.log()[-1]
    assert (entry.action, entry.actor) == ("add contract", EDITOR)
    assert entry.details["vendor"] == "Harborview Tutoring LLC"


def test_a_viewer_cannot_edit(signed_in_app, browser):
    from generator.records.register import Register
    from generator.records.tables import ContractRow

    url, db_url = signed_in_app
    with Register(db_url) as reg:
        before = reg.count(ContractRow)
    context, page = _sign_in(browser, url, VIEWER)
    page.goto(f"{url}/register")
    page.get_by_text("Contracts (").first.wait_for()  # "Add a contract" is the action the page opens on
    page.get_by_text("only an editor, counsel or an administrator can change the register").wait_for()
    assert page.get_by_role("button", name="Add the contract").count() == 0
    page.goto(f"{url}/board")
    page.get_by_text("Only an administrator can change the board profile.").wait_for()
    assert page.get_by_role("button", name="Save for everyone").is_disabled()
    context.close()
    with Register(db_url) as reg:
        assert reg.count(ContractRow) == before


@pytest.mark.parametrize("email", ["outsider@elsewhere.example",  # in no list
                                   UNPROVEN])  # listed, but the provider sends no email_verified claim
def test_an_unlisted_or_unproven_account_sees_nothing(signed_in_app, browser, email):
    url, _ = signed_in_app
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    page.get_by_role("button", name="Sign in").click()
    page.locator("input[name=sub]").fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.get_by_text("has no access to sdpa").wait_for()
    assert page.get_by_text("Check a contract").count() == 0
    context.close()


def test_without_sign_in_the_app_refuses_the_network(tmp_path, browser):
    port = free_port()
    proc = _start_app(tmp_path, port, "0.0.0.0", None, f"sqlite:///{tmp_path / 'r.sqlite3'}")
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{url}/_stcore/health", proc, "streamlit")
        page = browser.new_page()
        page.goto(url)
        page.get_by_text("sdpa will not serve on 0.0.0.0 without sign-in").wait_for()
        assert page.get_by_text("Check a contract").count() == 0
        assert page.locator("input[type=file]").count() == 0
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@contextlib.contextmanager
def forwarding_proxy(target: int, forwarded_for: str = "203.0.113.9"):
    """A reverse proxy on a free loopback port in front of ``target``: it adds ``X-Forwarded-For`` to each
    request (WebSocket upgrades included) and closes plain requests after their answer, so that every one is
    read; yields its port."""
    import socket
    import threading

    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    stop = threading.Event()

    def pipe(a: socket.socket, b: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := a.recv(65536):
                b.sendall(data)
        with contextlib.suppress(OSError):
            b.shutdown(socket.SHUT_WR)

    def serve(client: socket.socket) -> None:
        head = b""
        while b"\r\n\r\n" not in head and len(head) < 65536:
            chunk = client.recv(65536)
            if not chunk:
                return
            head += chunk
        top, _, rest = head.partition(b"\r\n\r\n")
        lines = top.split(b"\r\n")
        upgrade = any(line.lower().startswith(b"upgrade:") for line in lines[1:])
        if not upgrade:  # one request a connection: each one passes through here
            lines = [line for line in lines if not line.lower().startswith(b"connection:")] + [b"Connection: close"]
        lines.insert(1, b"X-Forwarded-For: " + forwarded_for.encode())
        upstream = socket.create_connection(("127.0.0.1", target))
        opened.append(upstream)
        upstream.sendall(b"\r\n".join(lines) + b"\r\n\r\n" + rest)
        back = threading.Thread(target=pipe, args=(upstream, client), daemon=True)
        back.start()
        pipe(client, upstream)
        back.join()

    def accept() -> None:
        while not stop.is_set():
            with contextlib.suppress(socket.timeout, OSError):
                client, _ = server.accept()
                opened.append(client)
                threading.Thread(target=serve, args=(client,), daemon=True).start()

    opened: list[socket.socket] = []
    accepting = threading.Thread(target=accept, daemon=True)
    accepting.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        accepting.join()
        server.close()
        for sock in opened:  # the pipes end as their sockets close
            sock.close()


def test_without_sign_in_a_proxy_or_another_host_name_is_refused(tmp_path):
    """Even when the administrator lets Streamlit accept any host name, the app itself serves
    only requests that name this computer and come straight from it, with no proxy between."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    proc = _start_app(tmp_path, port, "127.0.0.1", None, f"sqlite:///{tmp_path / 'r.sqlite3'}",
                      "--server.allowedHosts", "*")
    try:
        _wait_for(f"http://127.0.0.1:{port}/_stcore/health", proc, "streamlit")
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                  args=[*ARGS, "--host-resolver-rules=MAP rebind.attacker.example 127.0.0.1"])
            page = b.new_page()
            page.set_default_timeout(60_000)
            page.goto(f"http://rebind.attacker.example:{port}")
            page.get_by_text("so sdpa serves this computer only").wait_for()
            assert page.get_by_text("Check a contract").count() == 0
            # a real proxy in between (a header the browser context adds no longer reached the app's request with
            # Debian's Chromium 150): every request through it carries X-Forwarded-For, as a reverse proxy's would
            with forwarding_proxy(port) as proxy_port:
                proxied = b.new_page()
                proxied.set_default_timeout(60_000)
                proxied.goto(f"http://127.0.0.1:{proxy_port}")
                proxied.get_by_text("so sdpa serves this computer only").wait_for()
                assert proxied.get_by_text("Check a contract").count() == 0
            plain = b.new_page()
            plain.set_default_timeout(60_000)
            plain.goto(f"http://127.0.0.1:{port}")
            plain.get_by_role("heading", name="Check a contract").wait_for()
            b.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
