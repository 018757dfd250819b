"""The host names the app answers to follow the sign-in's own address: `make run` gives Streamlit
``server.allowedHosts`` as configured, the loopback names and the host of ``[auth] redirect_uri``,
so colleagues reach the app at the address they sign in at, and a DNS-rebinding page, which names
another host, is refused."""

from __future__ import annotations

import os
import subprocess
import sys

from generator.records.access import allowed_hosts, main

from .conftest import ROOT
from .test_browser import free_port
from .test_browser_auth import serving
from .test_fresh_install import _websocket_status

SIGN_IN = {"redirect_uri": "https://SDPA.District.example:8443/oauth2callback", "cookie_secret": "x" * 32,
           "client_id": "id", "client_secret": "secret",
           "server_metadata_url": "https://accounts.example/.well-known/openid-configuration"}
SHIPPED = ["localhost", "127.0.0.1", "::1"]


def test_the_sign_in_address_is_added_to_the_configured_names():
    assert allowed_hosts(SIGN_IN, SHIPPED) == [*SHIPPED, "sdpa.district.example"]
    assert allowed_hosts(SIGN_IN, ["intranet.district.example"]) == [
        "intranet.district.example", *SHIPPED, "sdpa.district.example"]


def test_without_sign_in_only_this_computer_is_named():
    assert allowed_hosts(None, []) == SHIPPED
    half = {k: v for k, v in SIGN_IN.items() if k != "client_id"}  # no provider: no sign-in
    assert allowed_hosts(half, SHIPPED) == SHIPPED


def test_a_malformed_redirect_address_adds_no_name():
    for bad in ("https://user@evil.example@x/", "https://[::1/oauth2callback", "not a url", ""):
        assert allowed_hosts({**SIGN_IN, "redirect_uri": bad}, SHIPPED)[:3] == SHIPPED
        assert "evil.example" not in " ".join(allowed_hosts({**SIGN_IN, "redirect_uri": bad}, SHIPPED))


def _secrets(path, redirect: str):
    path.write_text("[auth]\n" + "".join(f'{k} = "{v}"\n' for k, v in {**SIGN_IN, "redirect_uri": redirect}.items()),
                    encoding="utf-8")
    return path


def test_the_start_check_prints_the_names_for_streamlit(tmp_path, capsys):
    config = tmp_path / "config.toml"
    config.write_text('[server]\nallowedHosts = ["intranet.district.example"]\n', encoding="utf-8")
    secrets = _secrets(tmp_path / "secrets.toml", "https://sdpa.district.example/oauth2callback")
    assert main(["0.0.0.0", str(secrets), str(config)]) == 0
    assert capsys.readouterr().out.split() == [
        "--server.allowedHosts=intranet.district.example", "--server.allowedHosts=localhost",
        "--server.allowedHosts=127.0.0.1", "--server.allowedHosts=::1",
        "--server.allowedHosts=sdpa.district.example"]
    config.write_text("[server\n", encoding="utf-8")
    assert main(["127.0.0.1", str(secrets), str(config)]) == 2
    assert "not a readable Streamlit config file" in capsys.readouterr().err


def test_the_app_started_as_make_run_starts_it_answers_at_the_sign_in_address_only(tmp_path):
    port = free_port()
    secrets = _secrets(tmp_path / "secrets.toml", f"http://sdpa.district.example:{port}/oauth2callback")
    start = subprocess.run([sys.executable, "-c", "import sys, generator.records.access as a; "
                            "sys.exit(a.main(sys.argv[1:]))", "127.0.0.1", str(secrets)],
                           cwd=ROOT, capture_output=True, text=True, check=True)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--secrets.files", str(secrets),
         *start.stdout.split()],
        cwd=ROOT, env={**os.environ, "SDPA_DATABASE_URL": f"sqlite:///{tmp_path / 'r.sqlite3'}"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with serving(proc, f"http://127.0.0.1:{port}"):
        assert _websocket_status(port, f"sdpa.district.example:{port}") == 101  # the sign-in's address
        assert _websocket_status(port, f"localhost:{port}") == 101
        assert _websocket_status(port, f"rebind.attacker.example:{port}") != 101  # a rebinding page


def test_make_run_takes_the_port_the_readme_shows():
    assert "make run PORT=8502" in (ROOT / "README.md").read_text(encoding="utf-8")
    # run as a user runs it: not as a sub-make of `make test` (which adds "Entering directory" lines)
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    dry = subprocess.run(["make", "-n", "run", "PORT=8502"], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True)
    line = next(x for x in dry.stdout.splitlines() if "streamlit run" in x)
    assert "streamlit run streamlit_app.py" in line and "--server.port 8502" in line
    assert "$hosts" in line  # with the host names the start check printed
