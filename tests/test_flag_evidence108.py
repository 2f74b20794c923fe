"""Review flags, hundred-and-eighth round (issue 14 item 9, session 38, fitted on the fresh seed 131): a signer's
given-name word with a listed given name's letters and marks no listed spelling gives them, which a second reading
of the name's line does not confirm (HG131 typewriter-07-ttr-206: the typed ``Dương Thanh Phong`` stored ``Dương
Thạnh Phong`` at 0.87, the line read again ``Dương Thạ::ih Phong``). Flagged, kept; nothing held out behind it."""

from __future__ import annotations

from archivist.nameread import name_box, unlisted_marks_doubt
from archivist.ocrtext import PageText
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

HG131 = ("'Thạnh' is no listed given name ('Thanh', 'Thành' are), and the name's line read again gave "
         "'Dương Thạ::ih Phong'")


def test_an_unlisted_marking_a_reading_does_not_confirm_is_doubted() -> None:
    got = {"read": "Dương Thạnh Phong", "scan": "Dương Thạ::ih Phong"}
    assert unlisted_marks_doubt(got, "Dương Thạnh Phong") == HG131
    assert unlisted_marks_doubt({"read": "Dương Thanh Phong", "scan": ""}, "Dương Thạnh Phong") is not None


def test_listed_names_confirmed_readings_and_empty_readings_are_not_doubted() -> None:
    assert unlisted_marks_doubt({"read": "Dương Thạ::ih Phong", "scan": ""}, "Dương Thanh Phong") is None  # listed
    both = {"read": "Lê Thị Thuỷ", "scan": "Lê Thị Thuỷ"}  # UA361: a real name the lexicon does not list, read so twice
    assert unlisted_marks_doubt(both, "Lê Thị Thuỷ") is None
    assert unlisted_marks_doubt({"read": "", "scan": ""}, "Dương Thạnh Phong") is None  # nothing read: no evidence
    assert unlisted_marks_doubt({"read": "Thạnh Văn Phong", "scan": ""}, "Thạnh Văn Phong") is None  # a family name
    assert unlisted_marks_doubt({"read": "Dương Xyz Phong", "scan": ""}, "Dương Xyz Phong") is None  # no name's letters


def _signed(name: str, reading: dict | None) -> PageText:
    rows = [[(x, t.replace("Hà Hữu Thắng", name)) for x, t in row] for row in HEAD + FOOT]
    page = _page(rows)
    box = name_box(1, page.words or [])
    return PageText(1, page.text, page.words or [], (), page.rivals,
                    name_reading={"box": box, **reading} if reading else None)


def test_the_signer_is_flagged_and_kept_through_extract() -> None:
    wrong = _extract(_signed("Dương Thạnh Phong", {"read": "Dương Thạnh Phong", "scan": "Dương Thạ::ih Phong"}))
    assert wrong.signer.value == "Dương Thạnh Phong" and wrong.signer.review == HG131
    assert "signer" in wrong.needs_review
    agreed = _extract(_signed("Dương Thạnh Phong", {"read": "Dương Thạnh Phong", "scan": "Dương Thạnh Phong"}))
    assert agreed.signer.value == "Dương Thạnh Phong" and agreed.signer.review is None
    unread = _extract(_signed("Dương Thạnh Phong", None))  # a record kept before names were read again
    assert unread.signer.review is None
