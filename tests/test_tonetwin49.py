"""A signer's word with no tone mark read weakly beside a toned listed twin is doubted only where the engine weighed
another mark for it (archivist/tonetwin.py, session 49): over 310 stored runs the rule was the only reason on 21
right signers, 18 of them such plain words (``Trinh`` beside ``Trình``), and on no wrong one."""

from __future__ import annotations

from archivist.classify import PageText
from archivist.fields import Field
from archivist.nametwin import flag_name_twins
from archivist.tonetwin import mark_weighed, tone_twin_doubt


def test_a_mark_weighed_is_a_letter_with_other_marks() -> None:
    assert mark_weighed("Trinh", ((2, "ì", 80.0, 60.0),))
    assert not mark_weighed("Trinh", ((2, "l", 80.0, 60.0),))  # another letter, not a mark
    assert not mark_weighed("Trinh", ())


def test_a_plain_word_read_weakly_needs_a_mark_weighed() -> None:
    read = [("Ngô", 93.0), ("Bích", 92.0)]
    assert tone_twin_doubt("Ngô Bích Trinh", [*read, ("Trinh", 71.5, False)]) is None
    why = tone_twin_doubt("Ngô Bích Trinh", [*read, ("Trinh", 71.5, True)])
    assert why is not None and why.startswith("'Trinh' was read at 71.5 and 'Trình' is a listed name")
    assert tone_twin_doubt("Ngô Bích Trinh", [*read, ("Trinh", 71.5)]) is not None  # not known: doubted as before


def test_a_toned_word_read_weakly_is_doubted_without_a_rival() -> None:
    why = tone_twin_doubt("Lâm Thủy Oanh", [("Lâm", 93.0), ("Thủy", 72.4, False), ("Oanh", 91.0)])
    assert why is not None and "'Thùy' is a listed name a tone mark away" in why


def test_through_the_name_twins_the_pages_rivals_are_read() -> None:
    words = [("Ngô", 93.0, (100, 500, 160, 530), 9), ("Bích", 92.0, (170, 500, 240, 530), 9),
             ("Trinh", 71.5, (250, 500, 340, 530), 9)]

    def signer() -> Field:
        return Field("Ngô Bích Trinh", 0.8, 1, (100, 500, 340, 530), "Ngô Bích Trinh")

    plain, weighed = signer(), signer()
    flag_name_twins({"signer": plain}, ["Ngô Bích Trinh"], [PageText(1, "Ngô Bích Trinh", words, (), {})])
    assert plain.review is None
    rivals = {(250, 500, 340, 530): ("Trinh", ((2, "ì", 80.0, 60.0),))}
    flag_name_twins({"signer": weighed}, ["Ngô Bích Trinh"], [PageText(1, "Ngô Bích Trinh", words, (), rivals)])
    assert weighed.review is not None and "'Trình' is a listed name a tone mark away" in weighed.review
