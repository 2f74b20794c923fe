"""Session 48's debts of session 47, paid without a change of behaviour: one guard for every recipients rule
(archivist/fields.py), the signature's gap found from the footer the page stage parsed already (archivist/signgap.py),
and the civil form's order judged against a day the caller gives (archivist/recordorder.py)."""

from __future__ import annotations

from datetime import date

from archivist import nameread, numberread
from archivist.fields import Field, flag_recipients, open_recipients
from archivist.recordorder import flag_recorded_order, order_doubt
from archivist.signgap import drop_gap_strokes, gap_strokes
from tests.test_flag_evidence47 import EXTRACT
from tests.test_signgap import FOOT, HEADER, STROKES, page


def test_a_recipients_rule_looks_only_at_items_not_flagged_yet() -> None:
    assert open_recipients({}) is None
    assert open_recipients({"recipients": Field(None, 0.0)}) is None  # not found
    assert open_recipients({"recipients": Field("Như trên", 0.8)}) is None  # not a list
    assert open_recipients({"recipients": Field([], 0.8)}) is None  # no item to doubt
    flagged = Field(["Như trên;"], 0.8, review="first reason")
    assert open_recipients({"recipients": flagged}) is None
    rec = Field(["Như trên;", None, "Lưu: VT."], 0.8)
    assert open_recipients({"recipients": rec}) == (rec, ["Như trên;", "Lưu: VT."])  # the strings only


def test_a_recipients_rule_gives_its_reason_and_keeps_a_first_one() -> None:
    seen: list[list[str]] = []

    def doubt(items: list[str]) -> str | None:
        seen.append(items)
        return "doubted" if "Lưu: VT" in items else None

    found = {"recipients": Field(["Lưu: VT", 7], 0.8)}
    flag_recipients(found, doubt)
    assert found["recipients"].review == "doubted" and seen == [["Lưu: VT"]]
    flag_recipients(found, lambda items: "second reason")  # flagged already: its first reason stays
    assert found["recipients"].review == "doubted"
    right = {"recipients": Field(["Như trên;"], 0.8)}
    flag_recipients(right, doubt)
    assert right["recipients"].review is None
    empty = {"recipients": Field([], 0.0)}
    flag_recipients(empty, lambda items: "never asked")
    assert empty["recipients"].review is None


def test_the_gap_is_found_from_the_page_stages_footer_as_from_its_own() -> None:
    """The page stage parses the footer on the page's lines (numberread.page_header, nameread.page_footer); the gap
    takes it when its words are that very list, and finds the same strokes as parsing the footer again."""
    for rows, number in ((FOOT, 2), (HEADER, 1)):
        words = page(rows)
        footer = nameread.page_footer(number, words, numberread.page_header(number, words)[0])
        assert gap_strokes(number, words, (words, footer)) == gap_strokes(number, words)
        assert drop_gap_strokes(number, words, (words, footer)) == drop_gap_strokes(number, words)
    words = page(FOOT)
    dropped = [w.text for w in words if w not in drop_gap_strokes(2, words, (words, None))]
    assert dropped == []  # taken as given: "no signature block" on these words, nothing parsed again
    other = page(FOOT)  # equal words, but another list: its footer is not taken for these
    assert [w.text for w in words if w not in drop_gap_strokes(2, words, (other, None))] == STROKES


def test_a_forms_order_is_judged_against_the_day_the_caller_gives() -> None:
    """The birth (13/11/2008) and registration (02/12/2008) an extract dated 2003 records: after its date, a doubt;
    the same text judged as on 1 January 2008 has them in the future (misreads of their own), and no doubt. The
    answer depends on the day given, not on the clock the test or a re-run meets."""
    text = EXTRACT.format(year=2003)
    reason, field = order_doubt(date(2003, 1, 5), text, today=date(2026, 1, 1))
    assert "13/11/2008" in reason and field == "event_date"
    assert order_doubt(date(2003, 1, 5), text, today=date(2008, 1, 1)) is None

    def found() -> dict[str, Field]:
        return {"date": Field("2003-01-05", 0.807), "event_date": Field("2008-11-13", 0.85)}

    early, late = found(), found()
    flag_recorded_order(early, text, today=date(2008, 1, 1))
    flag_recorded_order(late, text, today=date(2026, 1, 1))
    assert early["date"].review is None and early["event_date"].review is None
    assert "after its own date" in (late["date"].review or "") and late["event_date"].review == late["date"].review
