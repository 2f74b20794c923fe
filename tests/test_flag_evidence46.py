"""Review flags of session 46 (issue 14 item 9): a crop season's name read with a word one letter off (sealed
HG299 typewriter-09-qd-164's ``vụ Thu bông`` for ``vụ Thu Đông``, 0.882, unflagged), and the fields most types
carry left empty on a document whose type could not be told (sealed HG299 faded-17-cv-111's place and subject)."""

from __future__ import annotations

from types import SimpleNamespace

from archivist.fields import Field, missing
from archivist.levelcomma import comma_lost_doubt, level_slip_doubt
from archivist.required import NOT_FOUND, required_fields
from archivist.seasonflags import season_doubt
from archivist.tonetwin import tone_twin_doubt, tone_twins
from archivist.untyped import common_fields, flag_untyped
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

READ = "Về việc giao chỉ tiêu kế hoạch sản xuất vụ Thu bông năm 2007"


def test_a_season_pair_with_a_word_one_letter_off_is_doubted() -> None:
    why = season_doubt(READ)
    assert why is not None and "'vụ Thu bông'" in why and "'vụ Thu Đông'" in why, why
    assert season_doubt("sản xuất vụ Thư Đông năm 2010") is not None  # the first word off
    assert season_doubt("sản xuất vụ Đồng Xuân năm 2010") is not None  # a mark off: Đồng for Đông
    assert season_doubt("kết quả vụ Hè Thn, năm 2011") is not None  # punctuation after it aside


def test_a_season_as_printed_or_another_phrase_is_not_doubted() -> None:
    for subject in ("sản xuất vụ Thu Đông năm 2007", "vụ Đông Xuân 2010-2011", "vụ Hè Thu.", "vụ Chiêm Xuân",
                    "vụ Đông xuân năm 2010",  # the pair's word in small letters: a house style, as printed
                    "vụ Mùa của xã năm 2012",  # a one-word season: nothing to compare (``của`` is a letter from Mùa)
                    "vụ Hè thu hoạch sớm", "nhiệm vụ Thu chi ngân sách", "vụ Thu", "sản xuất vụ Thu Đông"):
        assert season_doubt(subject) is None, subject


def _subject_page(subject: str) -> list[list[tuple[int, str]]]:
    return [*HEAD[:5], [(400, subject)], *HEAD[6:]]


def test_the_misread_season_is_flagged_through_extract_and_kept() -> None:
    meta = _extract(_page(_subject_page(READ) + FOOT))
    assert meta.subject.value == READ, meta.subject.value
    assert "subject" in meta.needs_review and "'vụ Thu bông'" in (meta.subject.review or ""), meta.subject.review
    right = _extract(_page(_subject_page(READ.replace("bông", "Đông")) + FOOT))
    assert "subject" not in right.needs_review, right.subject.review


def test_the_fields_most_types_carry() -> None:
    assert common_fields() == {"date", "issuer", "subject", "signer", "place", "signer_position"}


def _found(**values: object) -> dict[str, Field]:
    found = {name: missing() for name in ("number_symbol", "date", "place", "issuer", "subject", "recipients")}
    found.update({name: Field(v, 0.9) for name, v in values.items()})
    found["page_count"], found["language"] = Field(1, 1.0), Field("vi", 0.99)
    return found


def test_an_untold_types_empty_common_fields_are_flagged() -> None:
    found = _found(date="2011-07-07", issuer="ỦY BAN NHÂN DÂN XÃ TÂN HƯƠNG")
    flag_untyped(found, SimpleNamespace(type="unknown"))
    flagged = {name for name, f in found.items() if f.review}
    assert flagged == {"place", "subject", "signer", "signer_position"}, flagged
    assert found["subject"].review.startswith(f"{NOT_FOUND}: the type could not be told")
    assert "read it from under the document's title" in found["subject"].review
    assert found["number_symbol"].review is None and found["recipients"].review is None  # one kind's only


def test_a_told_type_or_a_page_without_text_is_left_alone() -> None:
    found = _found(date="2011-07-07")
    flag_untyped(found, SimpleNamespace(type="Công văn"))
    assert not any(f.review for f in found.values())
    empty = _found()  # nothing read: a page without text keeps its one flag for the page
    flag_untyped(empty, SimpleNamespace(type="unknown"))
    assert not any(f.review for f in empty.values())


def test_an_untold_type_sends_its_empty_fields_to_review_through_extract() -> None:
    rows = [[(100, "UBND HUYỆN QUỲNH LƯU")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ QUỲNH HẬU")],
            [(1000, "ngày 21 tháng 3 năm 2016")], [(100, "các hộ gia đình trong xã được biết và thực hiện.")]]
    meta = _extract(_page(rows))
    assert meta.classification is not None and meta.classification.type == "unknown", meta.classification
    assert {"subject", "place", "signer"} <= set(meta.needs_review), meta.needs_review
    assert meta.subject.value in (None, "") and (meta.subject.review or "").startswith(NOT_FOUND)


# --- a signer's name word a tone from another listed name, read weakly -------------------------------------------

def test_tone_twins_are_listed_names_a_tone_mark_apart() -> None:
    assert tone_twins("Thủy", 2) == ["thùy"] and tone_twins("Thanh", 1) == ["thành"]
    assert tone_twins("Hà", 0) == ["hạ"]  # a family name's twin from its own list
    assert tone_twins("Lâm", 0) == [] and tone_twins("Oanh", 2) == []  # no listed twin
    assert tone_twins("Vần", 1) == []  # an unlisted word has none: other rules judge it
    assert "thúy" not in tone_twins("Thủy", 2)  # not listed: no twin of the list's


def test_a_weakly_read_word_with_a_tone_twin_is_doubted() -> None:
    why = tone_twin_doubt("Lâm Thủy Oanh", [("Lâm", 93.0), ("Thủy", 72.4), ("Oanh", 91.0)])
    assert why is not None and "'Thủy' was read at 72.4 and" in why and "'Thùy'" in why, why
    why = tone_twin_doubt("Lâm Thủy Oanh", [("Lâm", 93.0), ("Thủy", 79.6), ("Oanh", 91.0)])
    assert why is not None and "read at 79.6 and" in why, why  # under 80, as the rule is, not rounded to 80
    assert tone_twin_doubt("Lâm Thủy Oanh", [("Lâm", 93.0), ("Thủy,", 72.4), ("Oanh", 91.0)])  # a comma glued on


def test_a_surely_read_twin_or_a_weak_word_without_one_is_not_doubted() -> None:
    assert tone_twin_doubt("Lâm Thủy Oanh", [("Lâm", 93.0), ("Thủy", 92.0), ("Oanh", 91.0)]) is None
    assert tone_twin_doubt("Lâm Thủy Oanh", [("Lâm", 60.0), ("Thủy", 92.0), ("Oanh", 61.0)]) is None  # no twin weak
    assert tone_twin_doubt("Lâm Thủy Oanh", [("LâmThủy", 60.0), ("Oanh", 91.0)]) is None  # no word of its own


# --- two bodies listed without their comma ---------------------------------------------------------------------

def test_two_bodies_side_by_side_without_a_comma_are_doubted() -> None:
    why = comma_lost_doubt("TT Đảng ủy HĐND xã")  # fresh HG345 speckle-20-qd-073's item, 0.85 unflagged
    assert why is not None and "'Đảng ủy HĐND'" in why and "two bodies" in why, why
    assert comma_lost_doubt("TT HĐND UBND xã") is not None
    for item in ("TT Đảng ủy, HĐND xã", "Chủ tịch, các PCT UBND xã", "Thường trực HĐND - UBND xã",
                 "Văn phòng HĐND và UBND xã", "UBMTTQ VN xã", "Đảng ủy xã"):
        assert comma_lost_doubt(item) is None, item


# --- a civil-status extract's own number -------------------------------------------------------------------------

def test_an_extract_is_asked_for_its_own_number_a_certificate_or_a_leaf_is_not() -> None:
    assert "number_symbol" in required_fields("Khai sinh", "civil_status", "Trích lục")  # Số: 81/TLKS-BS
    assert "number_symbol" in required_fields("Kết hôn", "civil_status", "Trích lục")
    for form in ("Giấy chứng nhận", "Sổ đăng ký", "Tờ khai", None):
        assert "number_symbol" not in required_fields("Kết hôn", "civil_status", form), form


def test_a_level_list_ending_in_a_word_a_letter_from_a_level_is_doubted() -> None:
    why = level_slip_doubt("V/v tổ chức thu gom rác thải sinh hoạt tại các thôn, ấn")  # fresh HG346 cv-180
    assert why is not None and "'thôn, ấn'" in why, why
    for text in ("tại các thôn, ấp", "các thôn, ấp;", "các thôn, tổ dân phố", "các xã, phường, thị trấn",
                 "thôn, bản.", "các thôn, xóm", "tại thôn, ấn định thời gian"):  # a word not ending the list
        assert level_slip_doubt(text) is None, text
