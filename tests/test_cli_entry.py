"""The ``sdpa`` command builds only the command (or group) it is asked to run: each one still
parses, helps and refuses exactly as in the whole app."""

from __future__ import annotations

from typer.testing import CliRunner

from generator.cli.commands import COMMANDS, GROUPS, app, app_for

runner = CliRunner()


def _line(group, name: str) -> list[str]:
    if group is app:
        return [name]
    parent = next(key for key, value in GROUPS.items() if value is group or group in
                  [info.typer_instance for info in value.registered_groups])
    return [parent, name] if GROUPS[parent] is group else [parent, "report", name]


def test_every_command_helps_the_same_when_built_alone():
    for group, name, _ in COMMANDS:
        args = _line(group, name) + ["--help"]
        alone, whole = runner.invoke(app_for(args), args), runner.invoke(app, args)
        assert alone.exit_code == whole.exit_code == 0, (args, alone.output)
        assert alone.output == whole.output, args


def test_a_bad_option_or_a_misspelt_command_is_refused_the_same_way():
    for args in (["check", "--no-such-option"], ["register", "lst"], ["chek"], []):
        alone, whole = runner.invoke(app_for(args), args), runner.invoke(app, args)
        assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output), args
    assert app_for(["chek"]) is app and app_for(["--help"]) is app


def test_a_command_alone_runs(tmp_path):
    contract = tmp_path / "terms.txt"
    contract.write_text("This Agreement is governed by the laws of the State of Connecticut.\n")
    res = runner.invoke(app_for(["check", str(contract)]), ["check", str(contract), "--format", "json"])
    assert res.exit_code in (0, 1), res.output
    assert '"governing_law"' in res.output


def _sdpa(*args: str):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, cwd=root)


def test_a_command_line_that_cannot_be_used_is_one_line_naming_the_commands_help():
    for args, says in ((["chek"], "no such command 'chek'"),
                       (["register", "add", "--contact-email", "x"], "no such option: --contact-email"),
                       (["register", "list", "--page", "x"], "invalid value for '--page'")):
        res = _sdpa(*args)
        assert res.returncode == 2, args
        assert res.stderr.count("\n") == 1 and res.stderr.startswith("sdpa: error: "), res.stderr
        assert says in res.stderr and "--help)" in res.stderr, res.stderr


def test_exit_codes_pass_through_the_entry_point(tmp_path):
    contract = tmp_path / "terms.txt"
    contract.write_text("This Agreement is governed by the laws of the State of Connecticut.\n")
    assert _sdpa("check", str(contract)).returncode == 0
    assert _sdpa("check", str(contract), "--fail-on-gaps").returncode == 1  # gaps found
    assert _sdpa("check", str(tmp_path / "none.pdf")).returncode == 2
    group = _sdpa("register")  # a group with nothing after it: its help, as before
    assert group.returncode == 2 and "list" in group.stdout


def test_a_check_ends_at_once_with_its_whole_report_and_its_exit_code(tmp_path):
    # `sdpa check` ends without Python's teardown of its modules (generator/cli/__init__.py):
    # its report is still whole and its exit code kept, also when it was started with its
    # standard error or its standard output closed
    import json
    import subprocess
    import sys
    from pathlib import Path

    contract = tmp_path / "terms.txt"
    contract.write_text("The Provider shall delete student data within 30 days of the Board's request.\n"
                        "We may change these terms at any time by posting them on our website.\n")
    res = _sdpa("check", str(contract), "--format", "json", "--fail-on-gaps")
    assert res.returncode == 1, res.stderr  # gaps found
    report = json.loads(res.stdout)
    assert len(report["provisions"]) == 11 and report["conflicts"]
    assert res.stdout.endswith("}\n")
    cmd = [sys.executable, "-m", "generator.cli", "check", str(contract), "--format", "json"]
    root = Path(__file__).resolve().parent.parent
    closed_err = subprocess.run(["sh", "-c", 'exec "$@" 2>&-', "sh", *cmd], stdout=subprocess.PIPE, cwd=root,
                                check=False)
    assert closed_err.returncode == 0 and json.loads(closed_err.stdout)["provisions"]
    closed_out = subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", *cmd], stderr=subprocess.PIPE, cwd=root,
                                check=False, text=True)
    assert closed_out.returncode == 0 and "Traceback" not in closed_out.stderr, closed_out.stderr
