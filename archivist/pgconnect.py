"""Reaching a PostgreSQL server: one connection's settings, and a failure said in one line without the password.

Kept apart from the index backend (archivist/index_pg.py) so that archivist/indexowner.py, which that backend
calls, can reach the server too without the two importing each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import ServiceUnavailable

CONNECT_TIMEOUT = 10  # seconds: an unreachable server is reported, not waited on


def shown_url(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


@contextmanager
def unavailable_as_error(url: str) -> Iterator[None]:
    """A server that cannot be reached (or went away) as one line, not a driver traceback."""
    import psycopg

    try:
        yield
    except psycopg.OperationalError as e:
        reason = (str(e).strip().splitlines() or ["connection failed"])[-1].strip()
        raise ServiceUnavailable(f"cannot reach the PostgreSQL index {shown_url(url)}: {reason}; check that the "
                                 "server is running and the address (archive.json \"index\") is right") from None
