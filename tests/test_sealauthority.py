"""A signature block's authority code glued to its heading by a seal's stroke (archivist/signwords.py, ``_glued``):
``TMzỦY BAN NHÂN DÂN``, ``KT:-CHỦ TỊCH``, as the red seal's ring over the space between ``TM.`` and ``ỦY`` was read
on the seals group of seeds 520-524 (session 49: the authority not found on 16 of 40 documents, 11 of them this)."""

from __future__ import annotations

import pytest

from archivist.classify import PageText
from archivist.extract import extract
from archivist.signwords import authority_of

BODY = ("ỦY BAN NHÂN DÂN XÃ TRUNG NGHĨA\nSố: 088/TB-UBND\n\nTHÔNG BÁO\nVề việc lịch trực\n\n"
        "Ủy ban nhân dân xã thông báo./.\n")
FOOT = "Nơi nhận:\n- Lưu: VT, TP.\nTMzỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nVũ Tiến Trung"


@pytest.mark.parametrize("line,code,rest", [
    ("TMzỦY BAN NHÂN DÂN", "TM.", "ỦY BAN NHÂN DÂN"),  # seed 521 tb-088, the seal's stroke read ``z``
    ("TMểỦY BAN NHÀN DÂN", "TM.", "ỦY BAN NHÀN DÂN"),  # seed 523 ttr-221
    ("TMxỬÝ BAN NHÂN DÂN", "TM.", "ỬÝ BAN NHÂN DÂN"),  # seed 520 qd-183
    ("TM: ỦY BAN NHÂN DÂN", "TM.", "ỦY BAN NHÂN DÂN"),  # seed 523 kh-126
    ("KT:-CHỦ TỊCH", "KT.", "CHỦ TỊCH"),  # seed 524 ttr-180: two marks
    ("KTzCHỦ TỊCH", "KT.", "CHỦ TỊCH"),  # seed 524 qd-119
])
def test_a_code_glued_to_its_heading_is_the_authority(line: str, code: str, rest: str) -> None:
    found = authority_of(line)
    assert found is not None and found[0] == code and line[found[1]:] == rest


@pytest.mark.parametrize("line", [
    "TMDV ỦY BAN",  # two letters between: a word of its own, no stroke
    "TMDV ABC", "TMz", "TMzỦY",  # no heading after it
    "TMx ủy ban nhân dân",  # the rest not in capitals
    "“KT:CHỦ TỊCH",  # opening with a mark: left to the flags (tests/test_flag_evidence19.py)
])
def test_no_heading_after_the_stroke_or_no_code_is_no_authority(line: str) -> None:
    assert authority_of(line) is None


def test_the_glued_authority_lets_the_position_and_name_be_read() -> None:
    """Seed 521's ``tb-088`` as its record reads: before, no authority, no position, no signer (the heading line was
    no block's opening); now the three, as printed."""
    v = extract([PageText(1, BODY + FOOT)]).values()
    assert (v["authority"], v["signer_position"], v["signer"]) == ("TM.", "CHỦ TỊCH", "Vũ Tiến Trung")
