"""A file that cannot be read says what to do about it, the same words wherever the reason is shown.

One real ``archivist process --json`` over a folder holding a good scan beside each kind of unreadable file (an
empty file, a truncated JPEG, a PDF with no pages, an encrypted PDF, text saved as ``.jpg``, an image too large
to be a page). Each failure is one line naming the file, its reason ending in what the archivist can do, and that
line is word for word the same on the terminal, in ``--json``'s failures, in report.json and in report.html
(where it is also shown in Vietnamese). The good scan is still written and the exit code says some failed.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from html import escape

import pytest

from archivist.reportlang import vietnamese
from tests.badinput import _encoded, _png_bomb, encrypted_pdf, small_page

GOOD = "trang tốt.jpg"

#: file -> (what is wrong, what to do): the reason must be exactly "<wrong>…; <to do>".
EXPECTED: dict[str, tuple[str, str]] = {
    "rỗng.jpg": ("the file is empty (0 bytes)", "copy it again from the scanner, or scan the page again"),
    "cắt cụt.jpg": ("the JPEG image is damaged or truncated (",
                    "save it again from the scanner software, or scan the page again"),
    "không trang.pdf": ("the PDF has no pages (it may be damaged)",
                        "save it again from the scanner software, or scan the pages again"),
    "có mật khẩu.pdf": ("the PDF is encrypted with a password", "ask for the password and save an unlocked copy"),
    "ghi chú.jpg": ("not an image file: it holds text, though its name ends in .jpg",
                    "move it out of the scans folder, or put the page's scan in its place"),
    "quá lớn.png": ("the image claims 60000x60000 pixels, over the 200 MP limit",
                    "split it, or scan it again at 300 dpi"),
}


def _no_pages_pdf() -> bytes:
    import pikepdf

    buf = io.BytesIO()
    pikepdf.new().save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("advice")
    scans = base / "scans"
    scans.mkdir()
    jpeg = _encoded(small_page(200, seed=21, lines=3), "JPEG", quality=80, dpi=(200, 200))
    files = {GOOD: jpeg, "rỗng.jpg": b"", "cắt cụt.jpg": jpeg[: len(jpeg) // 2], "không trang.pdf": _no_pages_pdf(),
             "có mật khẩu.pdf": encrypted_pdf(), "ghi chú.jpg": "Danh sách cần quét lại.\n".encode(),
             "quá lớn.png": _png_bomb(60000, 60000)}
    for name, data in files.items():
        (scans / name).write_bytes(data)
    archive = base / "archive"
    cmd = [sys.executable, "-c", "from archivist.cli import main; main()", "process", str(scans),
           "--archive", str(archive), "--workers", "1", "--json"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    return {"scans": scans, "archive": archive, "res": res, "out": json.loads(res.stdout),
            "report": json.loads((archive / "report.json").read_text(encoding="utf-8")),
            "html": (archive / "report.html").read_text(encoding="utf-8")}


def test_the_batch_goes_on_and_the_exit_code_says_some_failed(batch: dict) -> None:
    res, out = batch["res"], batch["out"]
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    assert [d["label"] for d in out["documents"] if d["status"] == "processed"] == [str(batch["scans"] / GOOD)]
    assert sorted(f["path"] for f in out["failures"]) == sorted(str(batch["scans"] / n) for n in EXPECTED)


@pytest.mark.parametrize("name", EXPECTED)
def test_each_reason_says_what_to_do_in_one_line(batch: dict, name: str) -> None:
    wrong, todo = EXPECTED[name]
    path = str(batch["scans"] / name)
    (reason,) = [f["reason"] for f in batch["out"]["failures"] if f["path"] == path]
    assert reason.startswith(wrong) and reason.endswith(f"; {todo}"), reason
    assert "\n" not in reason and len(reason) < 240
    lines = [line for line in batch["res"].stderr.splitlines() if path in line]
    assert lines == [f"error: {path}: {reason}"]  # piped: one plain line, the same words


@pytest.mark.parametrize("name", EXPECTED)
def test_report_json_and_html_show_the_same_words(batch: dict, name: str) -> None:
    path = str(batch["scans"] / name)
    (reason,) = [f["reason"] for f in batch["out"]["failures"] if f["path"] == path]
    assert [f["reason"] for f in batch["report"]["failures"] if f["path"] == path] == [reason]
    vi = vietnamese(reason)
    assert vi != reason and vi.split("; ")[-1].startswith("hãy "), vi  # the advice is read in Vietnamese too
    assert f'data-en="{escape(reason)}">{escape(vi)}</td>' in batch["html"]


def test_advice_is_translated_only_with_a_known_reason_before_it() -> None:
    assert vietnamese("the file is empty (0 bytes); copy it again from the scanner, or scan the page again") == \
        "tệp rỗng (0 byte); hãy chép lại tệp từ máy quét, hoặc quét lại trang"
    unknown = "a reason no pattern knows; split it, or scan it again at 300 dpi"
    assert vietnamese(unknown) == unknown  # never half translated
    odd = "the file is empty (0 bytes); some other advice"
    assert vietnamese(odd) == odd
