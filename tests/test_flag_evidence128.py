"""Review flags, hundred-and-twenty-eighth round (issue 14 item 9, session 40 second round, fitted on the case it
catches; nothing held out behind it): a people's committee's head with its ``NHÂN`` read two letters off while
``BAN`` and ``DÂN`` stand whole in place (HG176 typewriter-09-kh-104-yen-thinh: ``ỦY BAN NHÂN DÂN XÃ YÊN THỊNH``
read ``ỦY BAN HÊN DÂN …``, stored at 0.768 unflagged: one letter off would have been restored and flagged,
``HÊN`` shares none of ``NHÂN``'s unmarked form). Flagged, kept."""

from __future__ import annotations

from archivist.fields import Field
from archivist.structflags import flag_structure, head_doubt

READ = "ỦY BAN HÊN DÂN XÃ YÊN THỊNH"


def test_the_head_with_its_third_word_read_otherwise_is_doubted() -> None:
    assert head_doubt(READ) == "'ỦY BAN HÊN DÂN' is not 'ỦY BAN NHÂN DÂN' written whole: the header misread"
    assert head_doubt("HỘI ĐỒNG HÊN DÂN XÃ YÊN THỊNH") is not None  # the council's head, the same word


def test_the_head_whole_and_other_bodies_are_not() -> None:
    for value in ("ỦY BAN NHÂN DÂN XÃ YÊN THỊNH", "UỶ BAN NHÂN DÂN XÃ YÊN THỊNH", "ỦY BAN DÂN TỘC",
                  "ỦY BAN MẶT TRẬN TỔ QUỐC XÃ YÊN THỊNH", "ỦY BAN KIỂM TRA ĐẢNG ỦY XÃ YÊN THỊNH",
                  "HỘI ĐỒNG NHÂN DÂN XÃ YÊN THỊNH", "ỦY BAN DÂN SỐ XÃ YÊN THỊNH",
                  "ỦY BAN HÊN TỘC XÃ YÊN THỊNH"):  # two words off: another body, or too far to say
        assert head_doubt(value) is None, value


def test_the_issuer_is_flagged_and_kept_through_flag_structure() -> None:
    issuer = Field(READ, 0.768, 1, (150, 140, 820, 190), READ)
    flag_structure({"issuer": issuer})
    assert issuer.value == READ and (issuer.review or "").endswith("the header misread")
