"""`sdpa register list` answered from the statuses the register stores: the same lines, notes and
exit codes as the full command on any day, filter and page, for the board asked for only; the
full command whenever the quick one is not sure (a new register, a status not yet stored, an
option it does not read); and a fresh command that never loads typer, pydantic or the ORM."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from generator.cli.commands import app
from generator.cli.quick import quick_list, read_list_line
from generator.records.quick import CONTRACT_STATUSES, PLAIN, shipped_a_provisions
from generator.records.register import Register
from generator.records.review import review_check
from generator.records.status import contract_status, listed_page, refresh_due, status_counts
from generator.records.tables import DueStateRow
from generator.records.tenancy import add_board

from .test_due_scale import DAYS, varied_register
from .test_register import fresh_url
from .test_review import READING

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch):
    for name in ("SDPA_BOARD", "SDPA_DATABASE_URL", "SDPA_BOARD_ID"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def region(request, tmp_path):
    """A register of two boards: board 1 with 40 contracts of every kind, board 2 with 12."""
    url = fresh_url(request.param, tmp_path)
    with Register(url, actor="tester") as reg:
        other = add_board(reg.engine, "Hillside Board of Education")
        varied_register(reg, n=40, seed=11)
    with Register(url, actor="tester", board_id=other) as reg:
        varied_register(reg, n=12, seed=12)
    return url, other


def full(args: list[str]):
    """The typer command's answer: (stdout, stderr, exit code)."""
    result = runner.invoke(app, args)
    return result.stdout, result.stderr, result.exit_code


def quick(args: list[str], capsys):
    """The quick path's answer, or None when it leaves the command line to typer."""
    capsys.readouterr()
    code = quick_list(args)
    out, err = capsys.readouterr()
    if code is None:
        assert out == err == ""  # it said nothing before leaving it
        return None
    return out, err, code


def lists(url: str, board: int | None, extra: list[str]) -> list[str]:
    return ["register", *(["--board-id", str(board)] if board else []), "list", "--db", url, *extra]


ASKS = [[], ["--page", "2", "--per-page", "7"], ["--format", "json"], ["--format", "json", "--page", "1"],
        ["--all"], ["--vendor", "labs"], ["--vendor", "LEARNING", "--per-page", "3", "--page", "2"],
        ["--status", "posted", "--status", "ended"], ["--status", "notice sent"],
        ["--status", "cure date passed — counsel to decide", "--all"], ["--page", "40"], ["--vendor", "nobody"],
        ["--status=awaiting review", "--per-page=5"]]


def test_the_quick_list_says_what_the_full_command_says_on_any_day_and_filter(region, capsys):
    url, other = region
    for day in DAYS:
        for ask in ASKS:
            for board in (None, other):
                args = lists(url, board, [*ask, "--today", day.isoformat()])
                expected = full(args)  # first: it derives whatever is not stored yet
                assert quick(args, capsys) == expected, args


def test_each_board_lists_only_its_own_contracts(region, capsys):
    url, other = region
    for board in (None, other):  # each board's statuses derived and stored by the full command
        assert full(lists(url, board, []))[2] == 0
    mine = json.loads(quick(lists(url, None, ["--format", "json"]), capsys)[0])
    theirs = json.loads(quick(lists(url, other, ["--format", "json"]), capsys)[0])
    assert len(mine) == 40 and len(theirs) == 12
    assert not {c["id"] for c in mine} & {c["id"] for c in theirs}
    assert {c["product"] for c in theirs} == {f"Product {i}" for i in range(12)}
    with Register(url) as first, Register(url, board_id=other) as second:  # the app's status counts too
        assert sum(status_counts(first, DAYS[2]).values()) == 40
        assert sum(status_counts(second, DAYS[2]).values()) == 12


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_stored_sentence_is_the_derived_one_on_every_day(kind, tmp_path):
    """What each status says (as of no day, after the cure date, after the term) is stored when
    the contract is derived; on any day the list shows the sentence the status gives that day."""
    with Register(fresh_url(kind, tmp_path)) as reg:
        varied_register(reg, n=60, seed=4)
        contracts = reg.contracts()
        seen = set()
        for day in [*DAYS, *(c.term_end + timedelta(days=1) for c in contracts if c.term_end),
                    *(n.cure_date + timedelta(days=d) for c in contracts for n in c.notices for d in (0, 1))]:
            rows, total = listed_page(reg, day, limit=None)
            assert total == len(contracts)
            derived = [contract_status(c, day) for c in contracts]
            assert [(r.status, r.why) for r in rows] == [(s.status, s.why) for s in derived], day
            seen |= {r.status for r in rows}
        assert {"ended", "notice sent", "cure date passed — counsel to decide", "amended",
                "awaiting review", "gaps found"} <= seen <= set(CONTRACT_STATUSES)


def test_a_status_not_yet_stored_is_left_to_the_full_command_which_stores_it(tmp_path, capsys):
    url = fresh_url("sqlite", tmp_path)
    with Register(url) as reg:
        cid = reg.add_contract(vendor="Acme", product="Reader", executed=date(2026, 9, 2))
        args = lists(url, None, ["--today", "2026-12-01"])
        full(args)
        assert "executed on September 2, 2026; not yet posted" in quick(args, capsys)[0]
        reg.record_posting(cid, date(2026, 9, 3), "https://example.org/1")  # its stored state is now out of date
        assert quick(args, capsys) is None
        out, _, code = full(args)
        assert code == 0 and "posted on the website on September 3, 2026" in out
        assert quick(args, capsys) == (out, "", 0)


def test_a_state_stored_by_older_rules_is_left_to_the_full_command(tmp_path, capsys):
    url = fresh_url("sqlite", tmp_path)
    with Register(url) as reg:
        reg.add_contract(vendor="Acme", product="Reader", executed=date(2026, 9, 2))
        args = lists(url, None, ["--today", "2026-12-01"])
        expected = full(args)
        with reg.session() as s, s.begin():  # as sdpa's previous rules stored it: no sentence
            s.execute(update(DueStateRow).values(basis="rules 3", why_base=None))
        assert quick(args, capsys) is None
        assert full(args) == expected
        assert refresh_due(reg) == 0  # the full command stored it again, by today's rules
        with reg.snapshot() as s:
            assert set(s.scalars(select(DueStateRow.basis))) == {PLAIN}
        assert quick(args, capsys) == expected


@pytest.mark.parametrize("args", [
    ["register", "list", "--help"],
    ["register", "list", "--board", "examples/board.example.yaml"],
    ["register", "list", "--page", "0"],
    ["register", "list", "--page", "two"],
    ["register", "list", "--per-page", "10001"],
    ["register", "list", "--page", "1", "--page", "2"],
    ["register", "list", "--today", "12/01/2026"],
    ["register", "list", "--today", "1850-01-01"],
    ["register", "list", "--vendor"],
    ["register", "list", "--all", "--all"],
    ["register", "list", "extra"],
    ["register", "list", "--", "--all"],
    ["register", "due"],
    ["register", "list", "--board-id", "2"],
    ["register", "--board-id", "2", "--board-id", "3", "list"],
    ["register", "--board-id=", "list"],
    ["register", "--board-id", "", "list"],
    ["register", "list", "--all=1"],
    ["register", "list", "--per-page", "5", "--all=7"],
    ["list"],
])
def test_a_command_line_it_is_not_sure_of_is_left_to_typer(args):
    assert read_list_line(args) is None


def test_registers_it_cannot_answer_from_are_left_to_the_full_command(tmp_path, capsys, monkeypatch):
    url = fresh_url("sqlite", tmp_path)
    new = f"sqlite:///{tmp_path / 'not-yet.sqlite3'}"
    assert quick(lists(new, None, []), capsys) is None
    assert not (tmp_path / "not-yet.sqlite3").exists()  # the full command makes it, as it always did
    with Register(url) as reg:
        reg.add_contract(vendor="Acme", product="Reader", executed=date(2026, 9, 2))
    full(lists(url, None, []))
    assert quick(lists(url, None, []), capsys) is not None
    assert quick(lists(url, 7, []), capsys) is None  # no board 7: the full command says so
    assert full(lists(url, 7, []))[2] == 2
    assert quick(lists(url, None, ["--status", "lost"]), capsys) is None  # the full command names the statuses
    assert quick(["register", "list"], capsys) is None  # no --db and no $SDPA_DATABASE_URL: a profile decides
    monkeypatch.setenv("SDPA_DATABASE_URL", url)
    assert quick(["register", "list"], capsys) is not None
    monkeypatch.setenv("SDPA_BOARD", str(ROOT / "examples" / "board.example.yaml"))
    assert quick(["register", "list"], capsys) is None  # a profile file is read and checked by the full command
    monkeypatch.delenv("SDPA_BOARD")
    monkeypatch.setenv("SDPA_BOARD_ID", "x")
    assert quick(["register", "list"], capsys) is None


def test_the_shipped_libraries_a_provisions_are_kept_beside_its_cache(tmp_path, monkeypatch):
    from generator.library import default_library

    expected = frozenset(default_library().a_provisions())
    assert len(expected) >= 10
    monkeypatch.setenv("SDPA_CACHE_DIR", str(tmp_path / "cache"))
    assert shipped_a_provisions() == expected  # read from the library, then kept
    kept = list((tmp_path / "cache").glob("a-provisions-*.json"))
    assert len(kept) == 1 and sorted(json.loads(kept[0].read_text())) == sorted(expected)
    kept[0].write_text('{"damaged": ')
    assert shipped_a_provisions() == expected
    kept[0].write_text('["only-one"]')  # a kept answer is used as it is (the key says it fits the files)
    assert shipped_a_provisions() == frozenset({"only-one"})
    monkeypatch.setenv("SDPA_CACHE_DIR", "off")
    assert shipped_a_provisions() == expected


def test_a_fresh_list_loads_neither_typer_nor_pydantic_nor_the_orm(tmp_path):
    url = fresh_url("sqlite", tmp_path)
    with Register(url, actor="counsel@shoreline.example") as reg:
        reg.add_contract(vendor="Acme", product="Reader", executed=date(2026, 9, 2))
        cid = reg.add_contract(vendor="Beta", product="Atlas", executed=date(2026, 9, 3))
        reg.record_check(cid, READING, date(2026, 10, 1))  # a confirmed check: the list needs the library's terms
        review_check(reg, cid, role="counsel", confirm_rest=True)
    code = ("import sys\nfrom generator.cli import main\ntry:\n    main()\nfinally:\n"
            "    print(sorted(m for m in ('typer', 'pydantic', 'sqlalchemy.orm', 'generator.records.tables') "
            "if m in sys.modules), file=sys.stderr)\n")
    env = {"PATH": "/usr/bin:/bin", "SDPA_CACHE_DIR": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code, "register", "list", "--db", url, "--today", "2026-12-01"],
                           capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert first.returncode == 0, first.stderr
    assert "Acme" in first.stdout and "gaps found" in first.stdout
    # the first list derives the new contract's status: the full command, typer and all
    assert "typer" in first.stderr
    again = subprocess.run([sys.executable, "-c", code, "register", "list", "--db", url, "--today", "2026-12-01"],
                           capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert again.returncode == 0 and again.stdout == first.stdout
    assert again.stderr.strip().splitlines()[-1] == "[]"


def test_a_register_of_the_previous_version_upgrades_and_lists_the_same(tmp_path, capsys):
    """A register whose statuses were stored before their sentences were (migration 0007, rules
    3) opens as always: the migration adds the columns, the first list derives every contract
    again, and the list says what it said before."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, text

    from generator.records.database import MIGRATIONS

    url = fresh_url("sqlite", tmp_path)
    with Register(url) as reg:
        varied_register(reg, n=25, seed=8)
    args = lists(url, None, ["--all", "--today", "2027-02-17"])
    before = full(args)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    engine = create_engine(url)
    with engine.connect() as conn:  # back to the previous version, as an older sdpa left it
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0007")
            assert "why_base" not in {r[1] for r in conn.execute(text("PRAGMA table_info(due_state)"))}
            # each basis as rules 3 named it: plain, or a hash of the rules and the library
            conn.execute(text("UPDATE due_state SET basis = CASE WHEN basis = :p THEN 'rules 3' "
                              "ELSE '0123456789abcdef' END"), {"p": PLAIN})
            assert conn.scalar(text("SELECT count(DISTINCT basis) FROM due_state")) == 2
    engine.dispose()
    assert quick(args, capsys) is None  # opened, migrated, but its statuses are the old rules'
    assert full(args) == before
    assert quick(args, capsys) == before


def test_a_register_that_cannot_be_opened_is_said_once_as_the_full_command_says_it(capsys):
    args = lists("postgresql+psycopg://sdpa:sdpa@127.0.0.1:1/nothing", None, [])  # no server on port 1
    said = quick(args, capsys)
    assert said == full(args)
    assert said[2] == 2 and said[1].startswith("sdpa: error: cannot open the register at")


def test_a_contract_written_to_between_the_refresh_and_the_read_is_still_listed(tmp_path, monkeypatch):
    import generator.records.status as status

    with Register(fresh_url("sqlite", tmp_path)) as reg:
        varied_register(reg, n=8, seed=6)
        refresh_due(reg)
        with reg.session() as s, s.begin():  # another writer's change, after this reader's refresh
            s.query(DueStateRow).filter(DueStateRow.contract_id == 3).delete()
        monkeypatch.setattr(status, "refresh_due", lambda *a, **k: 0)
        rows, total = listed_page(reg, DAYS[3], limit=None)
        assert total == 8 and [r.id for r in rows] == list(range(1, 9))
        assert [(r.status, r.why) for r in rows] == [
            (s.status, s.why) for s in (contract_status(c, DAYS[3]) for c in reg.contracts())]


def _sdpa(args: list[str], env: dict, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=ROOT, env=env, timeout=120, **kw)


def _typer(args: list[str], env: dict, **kw) -> subprocess.CompletedProcess:
    code = "import sys\nfrom generator.cli.commands import run\nsys.exit(run(sys.argv[1:]))\n"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, timeout=120, **kw)


@pytest.fixture()
def stored(tmp_path):
    """A SQLite register of 300 contracts, one with a name outside ASCII, every status stored;
    the environment of a plain terminal session."""
    url = fresh_url("sqlite", tmp_path)
    with Register(url) as reg:
        for i in range(300):
            reg.add_contract(vendor="Café Numérique" if i == 7 else f"Vendor {i}", product=f"Product {i}",
                             executed=date(2026, 9, 2))
        refresh_due(reg)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "SDPA_CACHE_DIR": str(tmp_path / "cache"),
           "PYTHONIOENCODING": "utf-8"}
    return url, env


def test_the_list_comes_before_its_note_as_the_full_command_writes_them(stored):
    url, env = stored
    args = lists(url, None, ["--today", "2026-12-01"])
    quick_run = _sdpa(args, env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    typer_run = _typer(args, env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert quick_run.returncode == typer_run.returncode == 0
    assert quick_run.stdout == typer_run.stdout
    assert quick_run.stdout.splitlines()[-1].startswith("page 1 of 6 (300 in all)")


def test_output_a_terminal_cannot_take_goes_to_the_full_command_and_no_traceback_shows(stored):
    url, env = stored
    args = lists(url, None, ["--today", "2026-12-01", "--all"])
    ascii_env = {**env, "PYTHONIOENCODING": "ascii"}
    quick_run = _sdpa(args, ascii_env, capture_output=True)
    typer_run = _typer(args, ascii_env, capture_output=True)
    assert (quick_run.returncode, quick_run.stdout, quick_run.stderr) == (
        typer_run.returncode, typer_run.stdout, typer_run.stderr)
    assert b"Traceback" not in quick_run.stderr and b"Product 299" in quick_run.stdout


def test_a_reader_that_stops_early_ends_the_list_quietly(stored):
    # nobody reads the list (`| head -0`): nothing is said, and the exit code is typer's, 1
    url, env = stored
    ends = []
    for entry in (["-m", "generator.cli"], ["-c", "import sys; from generator.cli.commands import run; "
                                                  "sys.exit(run(sys.argv[1:]))"]):
        with subprocess.Popen([sys.executable, *entry, *lists(url, None, ["--all"])], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
            proc.stdout.close()
            err = proc.stderr.read()
            ends.append((proc.wait(timeout=120), err))
    assert ends[0] == ends[1] == (1, b"")


def test_a_person_whose_name_holds_terminal_codes_cannot_write_to_the_register(tmp_path, monkeypatch):
    """The acting person's name is printed in statuses ("confirmed by …") and the log: one that
    holds a control character such as a terminal's escape is refused before anything is written."""
    from generator.records.database import RegisterError

    url = fresh_url("sqlite", tmp_path)
    with pytest.raises(RegisterError, match="control character"):
        Register(url, actor="\x1b[31mMallory\x1b[0m")
    monkeypatch.setenv("SDPA_USER", "counsel\x07@example.org")
    with pytest.raises(RegisterError, match="SDPA_USER"):
        Register(url)
    monkeypatch.setenv("SDPA_USER", "counsel@example.org")
    with Register(url) as reg:
        assert reg.actor == "counsel@example.org"


def test_a_contract_added_with_the_command_is_listed_by_the_quick_path_at_once(tmp_path, monkeypatch):
    # `sdpa register add` stores the new contract's status, so the next list needs no full command
    url = fresh_url("sqlite", tmp_path)
    monkeypatch.setenv("SDPA_CACHE_DIR", str(tmp_path / "cache"))
    for vendor in ("Brightpath Learning", "Lumen Reading"):
        res = CliRunner().invoke(app, ["register", "add", "--db", url, "--vendor", vendor, "--product", "Reader",
                                       "--executed", "2026-09-02"])
        assert res.exit_code == 0, res.output
    probe = ("import sys; from generator.cli.quick import quick_list; "
             "code = quick_list(sys.argv[1:]); print('answered' if code is not None else 'left to typer', "
             "file=sys.stderr)")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "SDPA_CACHE_DIR": str(tmp_path / "cache")}
    res = subprocess.run([sys.executable, "-c", probe, *lists(url, None, ["--today", "2026-12-01"])], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=120, check=False)
    assert res.stderr.strip().endswith("answered"), res.stderr[-2000:]
    assert "Brightpath Learning" in res.stdout and "Lumen Reading" in res.stdout
