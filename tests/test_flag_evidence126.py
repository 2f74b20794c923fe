"""Review flags, hundred-and-twenty-sixth round (issue 14 item 9, session 40, fitted on the opened sealed seed 138;
nothing held out behind it): a recipients item cut short by a word dropped as debris whose box is wider than its
text (AT138 29-ctr-146-my-loc: ``- Lưu: VT, TC.`` read ``Lưu: VT T.``, the ``T`` dropped, the list stored at 0.85
with ``Lưu: VT`` unflagged; the box of ``T.`` 0.8 of a digit wider than ``T.`` in the page's face). Flagged, kept.
The words are the record's (its page 2, lines 8-14)."""

from __future__ import annotations

from archivist.fields import Field
from archivist.itemtail import foreign_code_doubt, trimmed_words
from archivist.ocrtext import PageText
from archivist.widedebris import wide_debris_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

WORDS = [("Trên", 96.98, (438, 660, 504, 685), 8), ("đây", 96.97, (515, 660, 566, 693), 8),
         ("là", 97.02, (576, 659, 601, 685), 8), ("nội", 96.89, (611, 660, 655, 691), 8),
         ("dung", 96.75, (666, 660, 737, 693), 8), ("do", 96.59, (747, 660, 781, 685), 8),
         ("Ủy", 96.77, (792, 654, 834, 693), 8), ("ban", 96.91, (845, 659, 895, 685), 8),
         ("nhân", 97.02, (906, 660, 974, 685), 8), ("dân", 97.02, (985, 659, 1035, 686), 8),
         ("xã", 96.84, (1046, 660, 1078, 685), 8), ("Mỹ", 97.0, (1089, 660, 1138, 693), 8),
         ("Lộc", 96.51, (1148, 660, 1202, 691), 8), ("ban", 97.01, (1212, 660, 1263, 685), 8),
         ("hành;", 97.0, (1274, 660, 1350, 690), 8), ("nghị", 96.97, (1406, 660, 1468, 693), 8),
         ("quan,", 96.62, (361, 717, 437, 742), 9), ("nghiêm", 95.44, (550, 709, 656, 742), 9),
         ("triển", 96.99, (720, 708, 784, 734), 9), ("khai", 97.0, (795, 709, 855, 734), 9),
         ("thực", 93.3, (866, 709, 927, 740), 9), ("Nơi", 96.69, (360, 791, 410, 814), 10),
         ("nhận:", 96.9, (420, 790, 498, 821), 10), ("-", 93.15, (361, 850, 370, 853), 11),
         ("Như", 96.96, (379, 836, 434, 858), 11), ("trên;", 96.9, (441, 836, 494, 862), 11),
         ("-", 91.43, (361, 888, 370, 890), 12), ("TT", 96.74, (378, 875, 416, 896), 12),
         ("Đảng", 96.1, (424, 874, 490, 903), 12), ("ủy", 96.41, (499, 874, 529, 903), 12),
         ("xã", 93.3, (538, 874, 565, 896), 12), ("(b/c);", 83.61, (575, 874, 639, 902), 12),
         ("-", 92.92, (361, 926, 370, 929), 13), ("TT", 92.53, (378, 914, 416, 934), 13),
         ("HĐND", 91.79, (424, 914, 511, 934), 13), ("xã;", 96.27, (522, 913, 557, 938), 13),
         ("-", 92.44, (361, 964, 370, 966), 14), ("Lưu:", 93.3, (379, 952, 435, 972), 14),
         ("VT", 23.81, (446, 951, 490, 977), 14), ("T.", 56.53, (500, 952, 545, 972), 14)]
CUT = ["'Lưu: VT T' -> 'Lưu: VT': OCR debris dropped"]
#: 0.9 digits on these words (0.8 on the whole page: its face's scale from more words)
REASON = "'T.', dropped from 'Lưu: VT T' as debris, stands in a box 0.9 digits wider than its text: letters of the " \
    "item may be lost"


def _list(words: list[tuple] = WORDS, changes: list[str] = CUT) -> tuple[Field, list[PageText]]:
    rec = Field(["Như trên", "TT Đảng ủy xã (b/c)", "TT HĐND xã", "Lưu: VT"], 0.85, 2, (361, 836, 639, 977),
                "- Như trên;\n- TT Đảng ủy xã (b/c);\n- TT HĐND xã;\n- Lưu: VT T.", changes=changes)
    return rec, [PageText(2, "", words)]


def _with_t(box: tuple[int, int, int, int]) -> list[tuple]:
    return [w if w[0] != "T." else ("T.", 56.53, box, 14) for w in WORDS]


def test_a_dropped_word_in_a_box_wider_than_its_text_doubts_the_list() -> None:
    assert wide_debris_doubt(*_list()) == REASON
    assert trimmed_words(CUT) == [("Lưu: VT T", "Lưu: VT", ["T"])]


def test_a_box_as_wide_as_its_text_tall_or_touching_another_or_nothing_dropped_says_nothing() -> None:
    assert wide_debris_doubt(*_list(_with_t((500, 952, 530, 972)))) is None  # 'T.' as set in the page's face
    assert wide_debris_doubt(*_list(_with_t((500, 930, 545, 990)))) is None  # a speck joined from above or below
    assert wide_debris_doubt(*_list(_with_t((485, 952, 545, 972)))) is None  # runs into 'VT': not its ink alone
    assert wide_debris_doubt(*_list(changes=[])) is None  # nothing dropped
    assert wide_debris_doubt(*_list(WORDS[-5:])) is None  # too few sure words to know the page's face


def test_the_foreign_code_rule_reads_the_same_notes_as_before() -> None:
    assert foreign_code_doubt(["'Lưu: VT; TŒ.' -> 'Lưu: VT': OCR debris dropped"]) == \
        "'TŒ.' was dropped from 'Lưu: VT; TŒ.': a unit's code read with a foreign letter"
    assert foreign_code_doubt(CUT) is None


def _letter(wider: int) -> object:
    """The fifth round's letter with the archive copy read ``Lưu: VT T.``, the box of ``T.`` ``wider`` px wider."""
    foot = [row if "Lưu" not in row[0][1] else [(100, "- Lưu: VT T.")] for row in FOOT]
    page = _page(HEAD + foot)
    words = [(t, c, (b[0], b[1], b[2] + wider, b[3]) if t == "T." else b, ln) for t, c, b, ln in page.words]
    return _extract(PageText(page.number, page.text, words, page.notes, page.rivals))


def test_the_list_is_flagged_and_kept_through_extract() -> None:
    wide = _letter(17)
    assert wide.recipients.value[-1] == "Lưu: VT" and "recipients" in wide.needs_review
    assert wide.recipients.review.startswith("'T.', dropped from 'Lưu: VT T' as debris, stands in a box 1.2 digits")
    narrow = _letter(0)
    assert narrow.recipients.value[-1] == "Lưu: VT" and "recipients" not in narrow.needs_review
