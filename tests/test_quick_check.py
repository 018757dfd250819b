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
    ["{escape}"],  # typer strips the terminal's codes: the quick path leaves this one to it
])
def test_the_quick_path_prints_what_the_typer_command_prints(files, line):
    args = ["check", *(a.format(terms=files / "terms.txt", md=files / "compliant-words.md",
                                broken=files / "broken.pdf", missing=files / "none.pdf",
                                escape=files / "escape.txt") for a in line)]
    quick, typer = both(*args)
    assert (quick.stdout, quick.stderr, quick.returncode) == (typer.stdout, typer.stderr, typer.returncode)
    assert quick.returncode in (0, 1, 2) and (quick.stdout or quick.stderr)


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
    ["check", "a.pdf", "--", "b.pdf"],
    ["check", "a.pdf", "--verbose"],
    ["redline", "a.docx"],
])
def test_a_command_line_it_is_not_sure_of_is_left_to_typer(args):
    assert read_check_line(args) is None


def test_a_check_it_answers_loads_no_typer(files):
    probe = ("import sys; from generator.cli.quick_check import quick_check; "
             "code = quick_check(['check', sys.argv[1], '--format', 'json']); sys.stdout.flush(); "
             "print('typer' in sys.modules, code, file=sys.stderr)")
    res = subprocess.run([sys.executable, "-c", probe, str(files / "terms.txt")], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=False)
    assert res.stderr.strip().endswith("False 0"), res.stderr[-2000:]
    assert '"document": "terms.txt"' in res.stdout
