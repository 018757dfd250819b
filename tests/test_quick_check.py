"""`sdpa check FILE` answered without typer (generator/cli/quick_check.py): for every command
line it answers, what it prints and its exit code are the typer command's; every other command
line is left to typer. The contracts here are our own wording."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.cli.quick_check import read_check_line

from .conftest import ROOT

TERMS = """\
Brightpath Learning: Terms for Schools

1. Ownership. Student data remains the property of the District.
2. Deletion. We will delete student data within thirty (30) days of the District's written request.
3. Changes. We may change these terms at any time by posting them on our website.
4. Law. These terms are governed by the laws of the State of Texas.
"""

TYPER = "import sys; from generator.cli.commands import run; sys.exit(run(sys.argv[1:]))"


def both(*args: str) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    """The command line run by the console script's entry point (the quick path when it can)
    and by the typer command alone."""
    env_cwd = {"cwd": ROOT, "capture_output": True, "text": True, "timeout": 120, "check": False}
    quick = subprocess.run([sys.executable, "-m", "generator.cli", *args], **env_cwd)
    typer = subprocess.run([sys.executable, "-c", TYPER, *args], **env_cwd)
    return quick, typer


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("quick-check")
    (folder / "terms.txt").write_text(TERMS)
    (folder / "compliant-words.md").write_text("# Nothing here\n\nWe offer a reading game.\n")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is no PDF at all\n")
    (folder / "escape.txt").write_text("We may sell student data.\x1b[31m Red text.\x1b[0m\n")
    return folder


@pytest.mark.parametrize("line", [
    ["{terms}"],
    ["{terms}", "--format", "json"],
    ["{terms}", "--format=markdown"],
    ["--format", "json", "{terms}", "--fail-on-gaps"],
    ["--fail-on-gaps", "{terms}"],
    ["{terms}", "--max-mb", "0.5", "--format", "table"],
    ["{terms}", "--max-mb=0.00001"],  # the file is larger than the limit
    ["{terms}", "--max-mb", "0"],
    ["{terms}", "--max-mb", "nan"],
    ["{terms}", "--max-mb", "2000"],
    ["{md}", "--format", "json"],
    ["{broken}"],
    ["{missing}", "--format", "json"],
    ["{escape}"],  # the reader leaves a terminal's codes out of the sentences it quotes
])
def test_the_quick_path_prints_what_the_typer_command_prints(files, line):
    args = ["check", *fill(line, files)]
    quick, typer = both(*args)
    assert (quick.stdout, quick.stderr, quick.returncode) == (typer.stdout, typer.stderr, typer.returncode)
    assert quick.returncode in (0, 1, 2) and (quick.stdout or quick.stderr)
    # and the quick path answered it, without typer
    probe = ("import sys; from generator.cli.quick_check import quick_check; code = quick_check(sys.argv[1:]); "
             "sys.stdout.flush(); print('typer' in sys.modules, code, file=sys.stderr)")
    res = subprocess.run([sys.executable, "-c", probe, *args], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=False)
    assert res.stderr.strip().endswith(f"False {quick.returncode}"), res.stderr[-2000:]


def fill(line: list[str], files) -> list[str]:
    return [a.format(terms=files / "terms.txt", md=files / "compliant-words.md", broken=files / "broken.pdf",
                     missing=files / "none.pdf", escape=files / "escape.txt", nonascii=files / "café.txt")
            for a in line]


@pytest.mark.parametrize(("shell", "env"), [
    ('exec "$@" | true', {}),  # the reader has gone: exit 1, nothing said, as typer exits
    ('exec "$@" --fail-on-gaps | true', {}),
    ('exec "$@" >/dev/full', {}),  # a full disk: one line, exit 2
    ('exec "$@"', {"PYTHONIOENCODING": "ascii"}),  # a report this stream cannot hold: left to typer
])
def test_output_that_cannot_be_written_ends_as_the_typer_command_ends(files, shell, env):
    import os

    (files / "café.txt").write_text(TERMS.replace("Brightpath", "Brightpath Café"), encoding="utf-8")
    target = files / ("café.txt" if env else "terms.txt")
    results = []
    for cmd in ([sys.executable, "-m", "generator.cli"], [sys.executable, "-c", TYPER]):
        script = shell.replace('"$@"', '"$@" check "$0"') if "| true" not in shell else \
            'set -o pipefail; ' + shell.replace('"$@"', '"$@" check "$0"')
        res = subprocess.run(["bash", "-c", script, str(target), *cmd], cwd=ROOT, capture_output=True,
                             text=True, timeout=120, check=False, env={**os.environ, **env})
        results.append((res.stdout, res.stderr, res.returncode))
    assert results[0] == results[1]
    assert results[0][2] in (1, 2) or env, results[0]


@pytest.mark.parametrize("args", [
    ["check"],
    ["check", "-"],  # standard input: read once, so typer reads it
    ["check", "a.pdf", "b.pdf"],
    ["check", "a.pdf", "--help"],
    ["check", "a.pdf", "--clauses", "my-clauses"],
    ["check", "a.pdf", "--format", "xml"],
    ["check", "a.pdf", "--format"],
    ["check", "a.pdf", "--format", "json", "--format", "table"],
    ["check", "a.pdf", "--fail-on-gaps", "--fail-on-gaps"],
    ["check", "a.pdf", "--fail-on-gaps=yes"],
    ["check", "a.pdf", "--max-mb", "five"],
    ["check", "a.pdf", "--max-mb", "-5"],
    ["check", "a.pdf", "--max-mb", "１０"],  # typer reads ASCII digits only
    ["check", "", "a.pdf"],
    ["check", ""],
    ["check", "a.pdf", "--", "b.pdf"],
    ["check", "a.pdf", "--verbose"],
    ["redline", "a.docx"],
])
def test_a_command_line_it_is_not_sure_of_is_left_to_typer(args):
    assert read_check_line(args) is None
