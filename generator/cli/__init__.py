"""The ``sdpa`` command. :func:`main` is the console script's entry point: one page of ``sdpa
register list`` is answered from the stored statuses without typer, pydantic or the ORM when it
can be (:mod:`generator.cli.quick`), and ``sdpa check FILE`` without typer
(:mod:`generator.cli.quick_check`); every other command line runs through the typer app of
:mod:`generator.cli.commands`, the map of every command."""

from __future__ import annotations

import sys

#: commands after which this process has nothing left for Python's own exit to do but end the
#: check's boxes and flush the log: it ends at once (:func:`end_now`), about 40 ms sooner, where
#: tearing down every module would cost a fresh ``sdpa check`` a tenth of its time
ENDS_AT_ONCE = frozenset({"check"})


def main() -> None:
    """Entry point of the ``sdpa`` console script: run the command line and exit with its code
    (see :func:`generator.cli.commands.run`)."""
    from generator.cli.quick import quick_list
    from generator.cli.quick_check import quick_check

    args = sys.argv[1:]
    code = None
    if sys.stdout is not None and sys.stderr is not None:  # started with one closed (`2>&-`): typer copes
        code = quick_list(args)
        if code is None:
            code = quick_check(args)
    if code is None:  # not a list or a check it answers alone: the full command
        from generator.cli.commands import run

        code = run(args)
    if args[:1] and args[0] in ENDS_AT_ONCE:
        end_now(code)
    sys.exit(code)


def end_now(code: int) -> None:
    """End this process with exit code ``code`` without Python's teardown of its modules: its
    output flushed, its boxes ended (:func:`~generator.reading.sandbox.close_boxes`) and logging
    shut down first, the exit handlers a command that only reads and prints leaves to run.
    Returns, ending nothing, when the output cannot be flushed (a closed pipe, a full disk), so
    that Python's own exit reports it as it always does."""
    import logging
    import os

    from generator.reading.sandbox import close_boxes

    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None: the command was started with it closed (`2>&-`)
                stream.flush()
    except (OSError, ValueError):  # a closed pipe, a full disk, a closed stream
        return
    close_boxes()
    logging.shutdown()
    os._exit(code)
