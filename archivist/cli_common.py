"""What every archivist command shares: the one place where a failure becomes one line and an exit code.

Library code raises :class:`archivist.errors.ArchivistError` with a message written for the archivist;
an OS error that is the machine's doing (full disk, read-only folder) is said as such; anything else
unexpected is still one line (``ARCHIVIST_DEBUG=1`` shows the traceback, for a bug report). Every
command is an :class:`ArchivistCommand`, so this holds whether it runs under ``archivist`` or alone
(``CliRunner().invoke(search, …)`` in the tests).
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from .errors import EXIT_FAILED, ArchivistError, from_os_error


def _die(message: str, code: int) -> None:
    click.echo(f"error: {' '.join(message.split())}", err=True)
    sys.exit(code)


def index_address(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--index`` as given, when archivist can use it: a postgresql:// address or 'sqlite' (the archive's own
    index.sqlite). Anything else is refused before any write: archive.json would otherwise remember an address
    no index can be opened at."""
    from .archiveinfo import SQLITE_INDEX, is_postgres  # here: archiveinfo reads the schemas (jsonschema), which
    # the CLI's import must not pull into the fork server the workers start from (tests/test_page_stage_cost.py)

    if value is None or value == SQLITE_INDEX or is_postgres(value):
        return value
    raise click.BadParameter(f"{value!r}: give a postgresql://USER@HOST/DB address or 'sqlite'")


class ArchivistCommand(click.Command):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArchivistError as e:
            _die(str(e), e.exit_code)
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


class ArchivistGroup(click.Group):
    """A command group whose commands are :class:`ArchivistCommand` (and whose groups are such groups)."""

    command_class = ArchivistCommand
    group_class = type
