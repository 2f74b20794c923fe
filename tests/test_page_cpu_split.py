"""The benches' splits of a batch's CPU (session 31): bench/page_cpu.py's exclusive pieces add up to the page stage,
and bench/main_cpu.py compares report images whatever PDF hash their names carry."""

from __future__ import annotations

from pathlib import Path

from bench.main_cpu import _report_images
from bench.page_cpu import _PIECES, INCLUSIVE_ONLY, _exclusive


def test_the_exclusive_pieces_add_up_to_the_page_stage() -> None:
    acc = {label: 0.01 * (i + 1) for i, (_, _, label) in enumerate(_PIECES)}
    acc["page stage (process_page)"] = 5.0
    out = _exclusive(acc)
    summary = {"beside the engine (process_page - engine)"}
    assert abs(sum(v for k, v in out.items() if k not in summary) - 5.0) < 1e-9
    assert abs(out["beside the engine (process_page - engine)"] - (5.0 - out["engine (_read - word walk)"])) < 1e-9
    assert len({label for _, _, label in _PIECES}) == len(_PIECES)  # one clock a label
    residual = {"process_page beside all of these", *summary}
    for _, _, label in _PIECES:  # every other clock counts in some piece of the split, not only in the residual
        if label in INCLUSIVE_ONLY:
            continue
        more = _exclusive({**acc, label: acc[label] + 1.0})
        assert any(abs(more[k] - out[k]) > 1e-9 for k in out if k not in residual), label


def test_a_second_readings_engine_calls_count_in_the_engine_not_in_it() -> None:
    """Session 41: a reading that calls ``recognize`` (the unread lines) is given without that call's CPU, which the
    engine's pieces hold; the split still adds up to the page stage."""
    acc = {label: 0.01 * (i + 1) for i, (_, _, label) in enumerate(_PIECES)}
    acc["page stage (process_page)"] = 5.0
    lines = "lines left unread (unreadlines.read_lines)"
    plain, inside = _exclusive(acc), _exclusive(acc, {lines: 0.004})
    assert abs(inside[lines] - (acc[lines] - 0.004)) < 1e-9 and abs(plain[lines] - acc[lines]) < 1e-9
    summary = {"beside the engine (process_page - engine)"}
    assert abs(sum(v for k, v in inside.items() if k not in summary) - 5.0) < 1e-9


def test_report_images_are_keyed_without_the_pdf_hash(tmp_path: Path) -> None:
    for run, digest in (("a", "0123456789ab"), ("b", "ba9876543210")):
        folder = tmp_path / run / "report-files"
        folder.mkdir(parents=True)
        (folder / f"doc-051f88b2e9787a61-{digest}-p1.jpg").write_bytes(b"page")
        (folder / f"doc-051f88b2e9787a61-{digest}-t.jpg").write_bytes(b"thumb")
    a, b = _report_images(tmp_path / "a"), _report_images(tmp_path / "b")
    assert a == b and set(a) == {"doc-051f88b2e9787a61-p1.jpg", "doc-051f88b2e9787a61-t.jpg"}
    (tmp_path / "b" / "report-files" / "doc-051f88b2e9787a61-ba9876543210-t.jpg").write_bytes(b"other")
    assert _report_images(tmp_path / "b") != a
