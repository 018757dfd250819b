"""The ``sdpa`` command. :func:`main` is the console script's entry point: one page of ``sdpa
register list`` is answered from the stored statuses without typer, pydantic or the ORM when it
can be (:mod:`generator.cli.quick`); every other command line runs through the typer app of
:mod:`generator.cli.commands`, the map of every command."""

from __future__ import annotations

import sys


def main() -> None:
    """Entry point of the ``sdpa`` console script: run the command line and exit with its code
    (see :func:`generator.cli.commands.run`)."""
    from generator.cli.quick import quick_list

    args = sys.argv[1:]
    code = quick_list(args)
    if code is None:  # not a list it answers alone: the full command
        from generator.cli.commands import run

        code = run(args)
    sys.exit(code)
