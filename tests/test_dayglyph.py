"""A day no calendar has, repaired by the engine's own second glyph (archivist/dayglyph.py; bench/RESULTS.md,
"Flags, session 48's round"): session 47's sealed AT398 read ``ngày 37 tháng 7 năm 2009`` for a printed 27, the
digit table's one date was 31, the engine had weighed ``2`` for the ``3``. The words and the rival below are that
record's; the value stays flagged either way."""

from __future__ import annotations

from archivist import classify
from archivist.classify import PageText
from archivist.dates import find_dates
from archivist.dayglyph import engine_readings, reread_guess
from archivist.extract import extract
from archivist.fields import Field

LINE = [("Tiên", 95.0, (880, 1206, 950, 1241), 18), ("Phong,", 95.0, (960, 1206, 1100, 1241), 18),
        ("ngày", 96.39, (1111, 1206, 1186, 1241), 18), ("37", 92.21, (1196, 1206, 1236, 1234), 18),
        ("tháng", 96.0, (1246, 1206, 1330, 1241), 18), ("7", 96.0, (1340, 1206, 1360, 1234), 18),
        ("năm", 96.0, (1370, 1206, 1430, 1241), 18), ("2009", 96.0, (1440, 1206, 1527, 1234), 18)]
RIVAL = {(1196, 1206, 1236, 1234): ("37", ((0, "2", 93.0, 57.7),))}
GUESS = "the day was read as 37, which no calendar has; 31 is a guess from digits the engine confuses"


def _date() -> Field:
    return Field("2009-07-31", 0.735, 1, (1111, 1206, 1527, 1241), "ngày 37 tháng 7 năm 2009", review=GUESS)


def _page(rivals: dict) -> PageText:
    return PageText(1, " ".join(w[0] for w in LINE), list(LINE), (), rivals)


def test_the_table_guesses_31_for_37() -> None:
    (dm,) = find_dates("ngày 37 tháng 7 năm 2009")
    assert dm.value.isoformat() == "2009-07-31" and dm.guessed == GUESS


def test_the_engines_second_glyph_gives_the_day_kept_flagged() -> None:
    f = _date()
    reread_guess(f, [_page(RIVAL)])
    assert f.value == "2009-07-27"
    assert f.review == ("the day was read as 37, which no calendar has; the engine's second choice for a digit of it "
                        "gives 27 (the table of digits it confuses gave 31): a guess from the pixels")


def test_without_a_rival_or_with_the_tables_own_pick_nothing_moves() -> None:
    f = _date()
    reread_guess(f, [_page({})])
    assert (f.value, f.review) == ("2009-07-31", GUESS)
    reread_guess(f, [_page({(1196, 1206, 1236, 1234): ("37", ((1, "1", 93.0, 57.7),))})])  # 31: the table's
    assert (f.value, f.review) == ("2009-07-31", GUESS)
    unguessed = Field("2009-07-27", 0.9, 1, (1111, 1206, 1527, 1241), "ngày 27 tháng 7 năm 2009")
    reread_guess(unguessed, [_page(RIVAL)])  # a date read as a date is not judged here
    assert unguessed.value == "2009-07-27" and unguessed.review is None


def test_only_rivals_inside_the_number_and_making_a_date_count() -> None:
    from datetime import date
    assert engine_readings("37", 0, ((0, "2", 93.0, 57.7), (1, "9", 90.0, 50.0)), date(2009, 7, 31), "day") \
        == {date(2009, 7, 27)}  # 39 no date either
    assert engine_readings("19", 5, ((0, "1", 93.0, 57.7),), date(2009, 10, 5), "month") == set()  # not its digit
    assert engine_readings("19", 0, ((1, "0", 93.0, 57.7),), date(2009, 10, 5), "month") == {date(2009, 10, 5)}


def test_through_extract_the_date_and_its_line() -> None:
    head = [("UBND", 95.0, (100, 100, 200, 130), 0), ("XÃ", 95.0, (210, 100, 250, 130), 0),
            ("TIÊN", 95.0, (260, 100, 330, 130), 0), ("PHONG", 95.0, (340, 100, 440, 130), 0),
            ("Số:", 95.0, (100, 1206, 160, 1241), 18), ("12/XN-UBND", 95.0, (170, 1206, 400, 1241), 18)]
    words = head + LINE
    lines: dict[int, list[str]] = {}
    for w in words:
        lines.setdefault(w[3], []).append(w[0])
    text = "\n".join(" ".join(ws) for _, ws in sorted(lines.items()))
    classify._LAST = None
    meta = extract([PageText(1, text, words, (), RIVAL)])
    assert meta.date.value == "2009-07-27" and "date" in meta.needs_review
    assert "engine's second choice" in (meta.date.review or "")
