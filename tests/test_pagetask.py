"""The main process of a pooled batch names its page task and function without the page stage (issue 16,
session 23): importing the pipeline leaves OpenCV's page code, tesserocr and pagework out, and what the pool
pickles for each page is the light module's function, which runs the page stage's own."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_pipeline_imports_no_page_stage() -> None:
    code = ("import sys, archivist.pipeline, archivist.cli; "
            "print(sorted(m for m in ('archivist.pagework', 'archivist.restore', 'archivist.tables', 'archivist.osd', "
            "'archivist.orient', 'tesserocr') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_the_pool_pickles_the_light_function_and_task() -> None:
    from archivist import pipeline
    from archivist.models import PageRef, PageTask

    assert b"archivist.pagetask" in pickle.dumps(pipeline.process_page)
    task = PageTask(0, 1, PageRef(Path("a.png"), "image"), "tesserocr", "vie")
    assert pickle.loads(pickle.dumps(task)) == task and b"archivist.pagework" not in pickle.dumps(task)


def test_the_light_function_runs_the_page_stage(tmp_path: Path) -> None:
    """A file that is no image fails the same way through either function: the wrapper is the page stage's."""
    from archivist import pagetask, pagework
    from archivist.models import Failure, PageRef, PageTask

    bad = tmp_path / "note.png"
    bad.write_text("not an image", encoding="utf-8")
    task = PageTask(0, 1, PageRef(bad, "image"), "tesserocr", "vie")
    got, want = pagetask.process_page(task), pagework.process_page(task)
    assert isinstance(got, Failure) and got == want
