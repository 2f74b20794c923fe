"""A page task as the main process hands it to a worker, without importing the page stage.

Why a module of its own: the main process of a batch on a pool (``--workers 2`` and more) never reads a page
itself, yet importing :mod:`archivist.pagework` to name its task and function pulled OpenCV, NumPy's image
code, tesserocr, the restoration, tables and blocks into it: about 0.1 CPU s of imports every batch paid
before its first page, for modules only the fork server and its workers use (bench/RESULTS.md, issue 16,
session 23). The functions here are what the pool pickles (by name) and runs; each imports the page stage
when it is first called, in the worker (where the fork server has already imported it) or, with
``--workers 1``, in this process.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .models import PageRef

if TYPE_CHECKING:
    from .models import Failure, PageResult

__all__ = ["PageTask", "init_worker", "process_page"]


@dataclass(frozen=True)
class PageTask:
    doc: int  # index of the document in the batch
    number: int  # 1-based page number in the document
    ref: PageRef
    engine: str
    lang: str
    force_ocr: bool = False
    layout: str = "tesseract"


def process_page(task: PageTask) -> PageResult | Failure:
    """:func:`archivist.pagework.process_page`, imported where the page is worked on."""
    from .pagework import process_page as work

    return work(task)


def init_worker() -> None:
    """:func:`archivist.pagework.init_worker`, imported in the worker it sets up."""
    from .pagework import init_worker as init

    init()
