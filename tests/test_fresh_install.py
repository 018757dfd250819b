"""As shipped: a fresh virtual environment with nothing but ``pip install .`` (no extras, no
editable install) runs the app, and a colleague signs in through the test identity provider in a
real Chromium. Sign-in failed as shipped once because Authlib's ``httpx`` was only in the test
extras; this test has no extras to lean on. The same server refuses a WebSocket that names
another host (a DNS-rebinding page) and answers one that names this computer.

It needs the network (or pip's cache) to install the dependencies, Chromium and about a minute;
in CI (``CI`` set) a missing Chromium fails the test instead of skipping it."""

from __future__ import annotations

import base64
import os
import shutil
import socket
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_browser import free_port
from .test_browser_auth import (  # noqa: F401
    _sign_in,
    browser,
    chromium_present,
    identity_provider,
    serving,
    vouch_for,
    write_secrets,
)

EDITOR = "lee.editor@shoreline.example"
SKIP = shutil.ignore_patterns(".venv", ".git", "__pycache__", "build", "*.egg-info", ".pytest_cache",
                              ".hypothesis", "out", "*.sqlite3", "secrets.toml")


def _imports(path: Path) -> set[str]:
    import ast

    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_every_import_at_run_time_is_a_main_dependency():
    """What the app, the CLI and the library import is installed by a plain ``pip install .``
    (the test extras do not count), checked without building an environment."""
    import re
    import tomllib
    from importlib.metadata import packages_distributions

    files = [*(ROOT / "generator").rglob("*.py"), *(ROOT / "app_pages").glob("*.py"), ROOT / "streamlit_app.py"]
    third_party = set().union(*map(_imports, files)) - set(sys.stdlib_module_names) - {"generator", "app_pages"}
    main = {re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].lower().replace("_", "-")
            for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    owners = packages_distributions()
    undeclared = {m: owners.get(m) for m in third_party
                  if not {d.lower().replace("_", "-") for d in owners.get(m, [])} & main}
    assert not undeclared, f"imported at run time but not a main dependency: {undeclared}"
    assert {"authlib", "httpx"} <= main, "Streamlit's sign-in needs Authlib, and Authlib needs httpx"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the project and a fresh virtual environment with only ``pip install <copy>``."""
    tmp = tmp_path_factory.mktemp("shipped")
    src = tmp / "sdpa"
    shutil.copytree(ROOT, src, ignore=SKIP)
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    done = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                           str(src)], capture_output=True, text=True, env=_clean_env())
    assert done.returncode == 0, f"pip install . failed:\n{done.stderr[-3000:]}"
    return src, python


def _clean_env(**extra: str) -> dict[str, str]:
    """The environment without this test run's virtual environment leaking into the fresh one."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if not p.startswith(str(Path(sys.prefix))))
    return {**env, **extra}


@pytest.fixture(scope="module")
def shipped_app(shipped, identity_provider, tmp_path_factory):  # noqa: F811 - the fixture imported above
    src, python = shipped
    tmp = tmp_path_factory.mktemp("shipped-app")
    db_url = f"sqlite:///{tmp / 'register.sqlite3'}"
    board = subprocess.run(  # the profile saved with the fresh environment's own sdpa
        [str(python), "-c",
         "import sys, generator as g; from generator.records.register import Register\n"
         "d = g.read_board_file('examples/board.example.yaml').model_dump(mode='json')\n"
         f"d.update(name='Shoreline Board of Education', access={{'editor': ['{EDITOR}']}})\n"
         "with Register(sys.argv[1], actor='setup') as reg: g.save_board(reg, g.board_from_dict(d))",
         db_url], cwd=src, capture_output=True, text=True, env=_clean_env())
    assert board.returncode == 0, board.stderr[-2000:]
    vouch_for(identity_provider, EDITOR)
    port = free_port()
    secrets = write_secrets(tmp / "secrets.toml", port, identity_provider)
    proc = subprocess.Popen(
        [str(python), "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--secrets.files", str(secrets)],
        cwd=src, env=_clean_env(SDPA_DATABASE_URL=db_url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    with serving(proc, url, "streamlit from the fresh install"):
        yield url, port


def test_a_bare_install_signs_a_colleague_in(shipped_app, browser):  # noqa: F811
    url, _ = shipped_app
    context, page = _sign_in(browser, url, EDITOR)
    page.get_by_text(f"Signed in as {EDITOR} (editor)").wait_for()
    page.get_by_role("heading", name="Check a contract").wait_for()
    assert page.get_by_text("Internal Server Error").count() == 0
    context.close()


def _websocket_status(port: int, host: str) -> int:
    """The HTTP status the app answers to a WebSocket opening that names ``host``."""
    key = base64.b64encode(os.urandom(16)).decode()
    request = (f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
               f"Origin: http://{host}\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(request.encode())
        head = s.recv(1024).decode("latin-1")
    return int(head.split()[1])


def test_a_rebinding_host_cannot_open_the_app(shipped_app):
    _, port = shipped_app
    assert _websocket_status(port, f"127.0.0.1:{port}") == 101
    assert _websocket_status(port, f"rebind.attacker.example:{port}") != 101


def test_a_bare_install_checks_and_drafts_outside_the_checkout(shipped, tmp_path):
    """The installed ``sdpa`` carries its clause library, templates and example board: from a folder
    that is not the checkout it checks a contract and drafts an addendum. (It once looked for
    ``clauses/`` beside the installed package, in site-packages, and said it was not found.)"""
    src, python = shipped
    sdpa = python.parent / "sdpa"
    contract = tmp_path / "terms.txt"
    contract.write_text("The Contractor shall delete all student data within 30 days after the Board "
                        "requests deletion.\n", encoding="utf-8")
    checked = subprocess.run([str(sdpa), "check", str(contract), "--format", "json"], cwd=tmp_path,
                             capture_output=True, text=True, env=_clean_env())
    assert checked.returncode == 0, checked.stderr[-2000:]
    import json

    report = {p["id"]: p["status"] for p in json.loads(checked.stdout)["provisions"]}
    assert len(report) == 11 and report["deletion"] == "present"
    shutil.copy(src / "examples" / "vendor.json", tmp_path / "vendor.json")
    drafted = subprocess.run([str(sdpa), "addendum", "--vendor", "vendor.json", "--out", "addendum.docx"],
                             cwd=tmp_path, capture_output=True, text=True, env=_clean_env())
    assert drafted.returncode == 0, drafted.stderr[-2000:]
    from docx import Document

    text = "\n".join(p.text for p in Document(str(tmp_path / "addendum.docx")).paragraphs)
    assert "Waterbury Board of Education" in text  # the shipped example board
    assert "student data" in text.lower()
    site = subprocess.run([str(python), "-c", "import generator.cache as c; print(c.ROOT)"], cwd=tmp_path,
                          capture_output=True, text=True, env=_clean_env())
    installed = Path(site.stdout.strip())
    assert installed.is_relative_to(python.parent.parent), site.stdout  # the environment's, not the copy's
    for folder in ("clauses", "templates"):  # every file of the library and the templates is carried
        files = {p.relative_to(src) for p in (src / folder).rglob("*") if p.is_file()}
        assert files and all((installed / f).is_file() for f in files), folder
