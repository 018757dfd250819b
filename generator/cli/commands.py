"""The ``sdpa`` command's typer app: thin over the library, one module a command group; errors
become one line and exit code 2. This file is the map: every command and the function that runs
it, in the order `sdpa --help` lists them (:func:`generator.cli.main` is the entry point)."""

from __future__ import annotations

import typer

from generator.cli import apps, board, check, documents, letters, library, region, register, vet
from generator.cli.common import BoardIdOpt, choose_board
from generator.cli.shared import unexpected_line

HELP = ("Student data privacy addenda, contract checks, notices and deadlines for "
        "Connecticut boards of education (Conn. Gen. Stat. §§ 10-234aa to 10-234dd).")
SETTINGS = {"no_args_is_help": True, "pretty_exceptions_enable": False, "add_completion": False}
app = typer.Typer(help=HELP, **SETTINGS)

letter_app = typer.Typer(help="Write the board's letters and notices.", no_args_is_help=True)
app.add_typer(letter_app, name="letter")


@letter_app.callback()
def letter_board(board_id: int = BoardIdOpt) -> None:
    """Write the board's letters and notices (with the profile of board --board-id; default 1)."""
    choose_board(board_id)


register_app = typer.Typer(help="The contracts register: status, what is due, the public page.",
                           no_args_is_help=True)


@register_app.callback()
def register_board(board_id: int = BoardIdOpt) -> None:
    """The contracts register of one board (--board-id; default 1)."""
    choose_board(board_id)


app.add_typer(register_app, name="register")
report_app = typer.Typer(help="Reports from the register.", no_args_is_help=True)
register_app.add_typer(report_app, name="report")
board_app = typer.Typer(help="The board profile the app and every command use, saved in the register; "
                             "a region's boards.", no_args_is_help=True)


@board_app.callback()
def board_board(board_id: int = BoardIdOpt) -> None:
    """The board profile (of board --board-id; default 1) and the register's boards."""
    choose_board(board_id)


app.add_typer(board_app, name="board")
apps_app = typer.Typer(help="The approved-apps list: apps vetted against the policy's operator restrictions.",
                       no_args_is_help=True)
app.add_typer(apps_app, name="apps")

COMMANDS = [  # (group, name, function)
    (app, "library", library.library_cmd),
    (app, "addendum", documents.addendum_cmd),
    (app, "check", check.check_cmd),
    (app, "vet", vet.vet_cmd),
    (app, "deadlines", documents.deadlines_cmd),
    (letter_app, "amendment", letters.letter_amendment_cmd),
    (letter_app, "contract-posting", letters.letter_posting_cmd),
    (letter_app, "annual-notice", letters.letter_annual_cmd),
    (letter_app, "breach-notice", letters.letter_breach_cmd),
    (letter_app, "deletion-request", letters.letter_deletion_cmd),
    (letter_app, "iep-exception", letters.letter_iep_cmd),
    (letter_app, "operator", letters.letter_operator_cmd),
    (app, "batch", documents.batch_cmd),
    (register_app, "add", register.register_add_cmd),
    (register_app, "import", register.register_import_cmd),
    (register_app, "list", register.register_list_cmd),
    (register_app, "show", register.register_show_cmd),
    (register_app, "record", register.register_record_cmd),
    (register_app, "review", register.register_review_cmd),
    (register_app, "void", register.register_void_cmd),
    (register_app, "due", register.register_due_cmd),
    (register_app, "publish", register.register_publish_cmd),
    (register_app, "export", register.register_export_cmd),
    (register_app, "offer", region.register_offer_cmd),
    (register_app, "offers", region.register_offers_cmd),
    (register_app, "adopt", region.register_adopt_cmd),
    (register_app, "withdraw-offer", region.register_withdraw_offer_cmd),
    (app, "redline", check.redline_cmd),
    (board_app, "show", board.board_show_cmd),
    (board_app, "import", board.board_import_cmd),
    (board_app, "export", board.board_export_cmd),
    (board_app, "add", region.board_add_cmd),
    (board_app, "list", region.board_list_cmd),
    (board_app, "import-register", region.board_import_register_cmd),
    (report_app, "exceptions", register.register_report_exceptions_cmd),
    (apps_app, "list", apps.apps_list_cmd),
    (apps_app, "record", apps.apps_record_cmd),
    (apps_app, "confirm", apps.apps_confirm_cmd),
    (apps_app, "export", apps.apps_export_cmd),
]
for group, name, function in COMMANDS:
    group.command(name)(function)
GROUPS = {"letter": letter_app, "register": register_app, "board": board_app, "apps": apps_app}


def app_for(args: list[str]) -> typer.Typer:
    """The app to run for the command line ``args`` (without the program's name): when it opens
    with a command or a group, an app of that one alone, so that typer builds one command (or one
    group) rather than all of them before it starts; otherwise (help, a misspelt command) the
    whole :data:`app`. The command parses, runs and helps as it does in the whole app."""
    first = args[0] if args else ""
    top = {name: function for group, name, function in COMMANDS if group is app}
    if first not in GROUPS and first not in top:
        return app
    one = typer.Typer(help=HELP, **SETTINGS)
    one.callback()(_root)  # a group even of one command: `sdpa check X` keeps the word "check"
    if first in GROUPS:
        one.add_typer(GROUPS[first], name=first)
    else:
        one.command(first)(top[first])
    return one


def _root() -> None:
    """Student data privacy addenda, contract checks, notices and deadlines (`sdpa --help` lists
    every command)."""


def run(args: list[str]) -> int:
    """Run the command line ``args`` (without the program's name) with typer and return its exit
    code. A command line that cannot be used (a misspelt command, an unknown option, a bad value)
    is one line and exit code 2, naming the command's help; an error sdpa did not foresee is still
    one line and exit code 2, never a traceback (``SDPA_DEBUG=1`` shows the traceback)."""
    import os

    from generator.reading.sandbox import fork_boxes

    fork_boxes()  # one command, one thread: its boxes start as copies of it, not new interpreters
    try:
        code = app_for(args)(args=args, standalone_mode=False)
    except typer.Abort:
        typer.echo("Aborted!", err=True)
        code = 1
    except typer.TyperException as exc:  # the command line itself (typer's usage errors)
        code = usage_error(exc)
    except Exception as exc:  # the last guard between a bug and the user
        if os.environ.get("SDPA_DEBUG"):
            raise
        typer.echo(unexpected_line(exc), err=True)
        code = 2
    return code if isinstance(code, int) else 0


def usage_error(exc: Exception) -> int:
    """Say a usage error in one line on stderr (``sdpa: error: no such option: --x (sdpa
    register add --help)``) and return its exit code; a group or command run without what it
    needs shows its help, as ``--help`` would."""
    message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
    ctx = getattr(exc, "ctx", None)
    if not message.strip():  # a group run with nothing after it: its help is already shown
        pass
    elif "\n" in message.strip():  # the help text itself
        typer.echo(message, err=True)
    else:
        where = f" ({ctx.command_path} --help)" if ctx is not None else ""
        typer.echo(f"sdpa: error: {message[:1].lower() + message[1:]}{where}", err=True)
    return getattr(exc, "exit_code", 2)
