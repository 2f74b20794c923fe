"""What every archivist command shares: the one place where a failure becomes one line and an exit code.

Library code raises :class:`archivist.errors.ArchivistError` with a message written for the archivist;
an OS error that is the machine's doing (full disk, read-only folder) is said as such; anything else
unexpected is still one line (``ARCHIVIST_DEBUG=1`` shows the traceback, for a bug report). Every
command is an :class:`ArchivistCommand`, so this holds whether it runs under ``archivist`` or alone
(``CliRunner().invoke(search, …)`` in the tests).
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, NoReturn

import click
from click.exceptions import NoArgsIsHelpError

from .errors import EXIT_FAILED, ArchivistError, from_os_error


def _wants_json(ctx: click.Context | None, args: list[str] | None = None) -> bool:
    """Whether the command was asked for ``--json``: then a script reads stdout, and a failure must be JSON there
    too, or the script reads nothing and has to scrape stderr. ``args`` for a failure before the options were
    parsed (a bad value), when ``ctx.params`` holds nothing yet."""
    if args and "--json" in args[: args.index("--") if "--" in args else len(args)]:
        return True
    while ctx is not None:
        if ctx.params.get("json") or ctx.params.get("as_json"):
            return True
        ctx = ctx.parent
    return False


def fail(lines: list[str], code: int, ctx: click.Context | None = None, args: list[str] | None = None) -> NoReturn:
    """End the command: ``error: <first line>`` (and any detail lines, indented) on stderr, and under ``--json``
    the same as one JSON object on stdout (``{"error": …, "details": […], "exit_code": N}``), so that stdout is
    JSON whether the command succeeded or not and the exit code says which."""
    first, *details = lines or ["failed"]
    click.echo(f"error: {' '.join(first.split())}", err=True)
    for line in details:
        click.echo(f"  {line.strip()}", err=True)
    if _wants_json(ctx if ctx is not None else click.get_current_context(silent=True), args):
        click.echo(json.dumps({"error": " ".join(first.split()), "details": [d.strip() for d in details],
                               "exit_code": code}, ensure_ascii=False))
    sys.exit(code)


def _die(message: str, code: int, ctx: click.Context | None = None, args: list[str] | None = None) -> NoReturn:
    fail([message], code, ctx, args)


def _usage_line(e: click.ClickException, ctx: click.Context | None) -> str:
    """A Click usage error as one line that says where to look: Click's own three lines (usage, a hint, the
    error) read as a wall of text to someone new, and put the one thing that matters last."""
    message = e.format_message().rstrip(".")
    if isinstance(e, click.UsageError):
        ctx = e.ctx or ctx
        if ctx is not None:
            return f"{message} (see '{ctx.command_path} --help')"
    return message


def index_address(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--index`` as given, when archivist can use it: a postgresql:// address or 'sqlite' (the archive's own
    index.sqlite). Anything else is refused before any write: archive.json would otherwise remember an address
    no index can be opened at."""
    from .archiveinfo import SQLITE_INDEX, is_postgres  # here: archiveinfo reads the schemas (jsonschema), which
    # the CLI's import must not pull into the fork server the workers start from (tests/test_page_stage_cost.py)

    if value is None or value == SQLITE_INDEX or is_postgres(value):
        return value
    raise click.BadParameter(f"{value!r}: give a postgresql://USER@HOST/DB address or 'sqlite'")


class _OneLine:
    """What every archivist command and group does with a failure: one line, the exit code, JSON under --json."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        given = list(args)  # Click's parser consumes the list it is given
        try:
            return super().make_context(info_name, args, parent=parent, **extra)  # type: ignore[misc]
        except click.UsageError as e:
            if isinstance(e, NoArgsIsHelpError):  # a group run bare (``archivist fonds``): listing what it does is
                # the answer, not an error, so the help goes to stdout and the exit code is 0 (Click's is 2, on stderr)
                click.echo(e.ctx.get_help(), color=e.ctx.color)
                raise click.exceptions.Exit(0) from None
            _die(_usage_line(e, e.ctx or parent), e.exit_code, e.ctx or parent, given)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)  # type: ignore[misc]
        except NoArgsIsHelpError:
            raise
        except click.ClickException as e:
            _die(_usage_line(e, ctx), e.exit_code, ctx, list(ctx.args))


class ArchivistCommand(_OneLine, click.Command):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArchivistError as e:  # with its detail lines (the fonds there are, for a --fonds not found)
            fail([str(e), *getattr(e, "details", [])], e.exit_code)
        except KeyboardInterrupt:
            _die("interrupted: run the same command again to resume (finished documents are kept)", 130)
        except OSError as e:
            env = from_os_error(e, e.filename or "the archive folder")
            if env is None and os.environ.get("ARCHIVIST_DEBUG"):
                raise
            _die(str(env) if env else f"{e.filename or 'a file'}: {e.strerror or e}",
                 env.exit_code if env else EXIT_FAILED)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except Exception as e:  # noqa: BLE001 - no traceback ever; the debug switch shows it
            if os.environ.get("ARCHIVIST_DEBUG"):
                raise
            _die(f"unexpected {type(e).__name__}: {e} (a bug: run again with ARCHIVIST_DEBUG=1 and report what it "
                 "prints)", EXIT_FAILED)


class ArchivistGroup(_OneLine, click.Group):
    """A command group whose commands are :class:`ArchivistCommand` (and whose groups are such groups)."""

    command_class = ArchivistCommand
    group_class = type


def json_option(what: str) -> Any:
    """``--json``, said the same way on every command: what it prints, on stdout, for a script; an error is then
    a JSON object there too (see :func:`fail`)."""
    return click.option("--json", "as_json", is_flag=True,
                        help=f"Print {what} as JSON on stdout (for scripts; an error is a JSON object with "
                             "'error' and 'exit_code').")


def echo_json(data: Any) -> None:
    """One JSON document on stdout, Vietnamese letters as they are (not \\u escapes)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))
