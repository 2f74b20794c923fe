"""Review flags, forty-fifth round (issue 14 item 9): a recipients list whose bracketed code, written small by
Decree 30 (``(b/c)``, for report), holds a capital (HG55 typewriter-09-ttr-087's ``TT Đảng ủy xã (B/c)``, the typed
``b`` read ``B``). Flagged, never changed."""

from __future__ import annotations

from archivist.structflags import code_case_doubt
from tests.test_flag_evidence import HEAD, _extract, _page


def _foot(item: str) -> list[list[tuple[int, str]]]:
    return [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
            [(100, f"- {item};")], [(100, "- Lưu: VT, TC.")], [(1000, "Hà Hữu Thắng")]]


def test_a_code_read_with_a_capital_is_doubted() -> None:
    why = code_case_doubt(["Như trên", "TT Đảng ủy xã (B/c)", "Lưu VT, TC"])
    assert why is not None and "'(B/c)'" in why and "TT Đảng ủy xã (B/c)" in why
    assert code_case_doubt(["UBND huyện (b/C)"]) and code_case_doubt(["Phòng Tư pháp (T/h)"])
    assert code_case_doubt(["UBND huyện ( B / c )"])  # spaces read inside the brackets


def test_a_small_code_or_an_item_without_one_is_not_doubted() -> None:
    assert code_case_doubt(["Như trên", "TT Đảng ủy xã (b/c)", "Lưu VT, TC"]) is None
    assert code_case_doubt(["Phòng Tư pháp (t/h)", "Đảng ủy (đ/b)"]) is None
    assert code_case_doubt(["TT HĐND xã", "Lưu: VT, VP"]) is None and code_case_doubt([]) is None
    assert code_case_doubt(["Sở GD/ĐT"]) is None  # a body's code of two capitals, unbracketed: not the form


def test_a_capital_code_is_flagged_and_stored_as_read_through_extract() -> None:
    meta = _extract(_page(HEAD + _foot("TT Đảng ủy xã (B/c)")))
    assert "TT Đảng ủy xã (B/c)" in meta.recipients.value and "recipients" in meta.needs_review
    assert "'(B/c)'" in (meta.recipients.review or "")
    small = _extract(_page(HEAD + _foot("TT Đảng ủy xã (b/c)")))
    assert "TT Đảng ủy xã (b/c)" in small.recipients.value and small.needs_review == []
