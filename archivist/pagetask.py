"""What the main process hands a worker for each page, without importing the page stage.

Why a module of its own: the main process of a batch on a pool (``--workers 2`` and more) never reads a page
itself, yet importing :mod:`archivist.pagework` to name its task and function pulled tesserocr and the page
stage's own modules (orientation, OSD, restoration, tables, cells) into it, imports every batch paid before
its first page, for code only the fork server and its workers run (bench/RESULTS.md, issue 16,
session 23). The functions here are what the pool pickles (by name) and runs; each calls the page stage's
own, importing it on its first call: in the worker, where the fork server has already imported it, or, with
``--workers 1``, in this process. (:class:`PageTask` itself is one of the shared types, archivist/models.py.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import PageTask

if TYPE_CHECKING:
    from .models import Failure, PageResult

__all__ = ["PageTask", "init_worker", "process_page"]


def process_page(task: PageTask) -> PageResult | Failure:
    """:func:`archivist.pagework.process_page`, imported where the page is worked on."""
    from .pagework import process_page as work

    return work(task)


def init_worker() -> None:
    """:func:`archivist.pagework.init_worker`, imported in the worker it sets up."""
    from .pagework import init_worker as init

    init()
