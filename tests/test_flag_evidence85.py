"""Review flags, eighty-fifth round (issue 14 item 9): a name word with the letters of ``Văn``/``Vân`` and other
marks (HG94 typewriter-10 bc-059's signer ``Võ Ván Hưng`` for ``Võ Văn Hưng`` at 0.874; HG97 seals-32 cv-014's
``Đào Thùy Vần`` for ``Đào Thùy Vân`` at 0.778), read surely and stored unflagged. No name writes those letters
otherwise (``ván``, ``vần``, ``vấn`` are words, no names). Flagged, never changed."""

from __future__ import annotations

from archivist.namerival import spelling_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def test_a_name_word_spelling_van_with_other_marks_is_doubted() -> None:
    for name, word in (("Võ Ván Hưng", "Ván"), ("Đào Thùy Vần", "Vần"), ("NGUYỄN VẤN AN", "VẤN")):
        why = spelling_doubt(name)
        assert why is not None and f"'{word}'" in why, (name, why)
    for name in ("Võ Văn Hưng", "Đào Thùy Vân", "Nguyễn Văn Vân", "Văn Thị Hoa", "Lê Vàng Anh"):
        assert spelling_doubt(name) is None, name
    assert spelling_doubt("Vấn Hoa") is None  # a family name is not judged: the rule is about given names


def test_the_signer_through_extract_is_flagged_and_kept() -> None:
    def signed(name: str):
        return _extract(_page(HEAD + FOOT[:4] + [[(1000, name)]]))

    wrong = signed("Võ Ván Hưng")
    assert wrong.signer.value == "Võ Ván Hưng" and "signer" in wrong.needs_review
    assert "'Ván' is no name" in (wrong.signer.review or "")
    right = signed("Võ Văn Hưng")
    assert right.signer.value == "Võ Văn Hưng" and "signer" not in right.needs_review
