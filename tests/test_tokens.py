"""The one list of the punctuation a word is read without (archivist/tokens.py), and what the modules that
read some of it as part of a word keep of it."""

from archivist import bodies, crosscheck, fields, recipients, subjectmarks
from archivist.bodies import odd_tokens
from archivist.crosscheck import speck_doubt
from archivist.subjectmarks import quarter_doubt
from archivist.tokens import ANGLES, CORRECTOR_EDGE, EDGE, SEPARATORS, STOPS, STROKES, edge_without, split_edges


def test_edge_is_one_list_without_repeats():
    assert len(set(EDGE)) == len(EDGE)
    assert not any(c.isspace() or c.isalnum() for c in EDGE)


def test_split_edges_parts_a_token_into_lead_word_trail():
    assert split_edges("“Lập,") == ("“", "Lập", ",")
    assert split_edges("(b/c);") == ("(", "b/c", ");")  # a stroke inside a word stays
    assert split_edges("xã") == ("", "xã", "")
    assert split_edges("./.") == ("./.", "", "")  # punctuation only: all lead
    for token in ("“Lập,", "-‹ỦY", "hiện./.", "…", "a", "__x__"):
        assert "".join(split_edges(token)) == token


def test_a_narrower_set_is_the_list_less_what_it_keeps():
    assert set(CORRECTOR_EDGE) == set(EDGE) - set(ANGLES + STROKES)
    assert split_edges("hiên./.", CORRECTOR_EDGE) == ("", "hiên./", ".")  # the correctors leave ./. on the word
    assert edge_without(EDGE) == ""
    for module in (bodies, subjectmarks):
        assert set(module._EDGE) < set(EDGE)
    assert set(crosscheck._EDGE) - set(EDGE) == {" "}


def test_what_the_narrower_sets_keep_on_a_word():
    assert quarter_doubt("Báo cáo quý I|") is not None  # a stroke beside a numeral may be part of it
    assert quarter_doubt("Báo cáo quý II.") is None
    assert speck_doubt(["Lưu: VT, VP. ư//"]) is None  # a letter with strokes is no lone speck
    assert speck_doubt(["Lưu: VT, VP. ư"]) is not None
    assert odd_tokens("›. Họ, chữ đệm") == ["›."]  # an angle quote is a speck in a name
    assert odd_tokens("… Họ, chữ đệm") == []


def test_a_value_and_a_list_item_trim_a_part_of_the_list():
    assert set(SEPARATORS) < set(STOPS) < set(EDGE)
    assert set(recipients.ITEM_EDGE) == set(SEPARATORS + "()")
    assert set(bodies._NAME_TRIM) - {" "} < set(fields._TRIM) - {" "} < set(EDGE)
    assert fields.clean(" _“Về việc (b/c)”. ") == "Về việc (b/c)"  # a value keeps its brackets
    assert fields.clean("—12/…") == "12/…"  # … and a stroke, and an ellipsis
    assert recipients.recipient_debris("(b/c);") == "(b/c)"
