"""The generator's pool of real names the lexicon does not list (samples/names.py, ``--names unlisted``)."""

from __future__ import annotations

import random
import re

import pytest

from archivist.highland import is_highland
from archivist.lexicon import name_spellings
from archivist.marks import MarkRestorer
from archivist.unlisted import unlisted_name_doubt
from samples import names
from samples.generate import DEFAULT_DPI, FORMATS
from samples.hard import plan_groups
from samples.plan_all import plan_all
from samples.slots import person

_WORD = re.compile(r"\w+")


def _listed(word: str, index: int) -> bool:
    section = name_spellings()["surnames" if index == 0 else "given"]
    return any(word.lower() in spellings for spellings in section.values())


@pytest.mark.parametrize("name", [n for n, _ in names.ALIKE if not is_highland(n)])
def test_alike_names_are_changed_by_the_restorer(name: str) -> None:
    """Each name of the alike half, read exactly as printed (and in capitals, as forms print a person), is what the
    restorer turns into another listed name: the case the measurement is for."""
    restorer = MarkRestorer([])
    assert restorer.restore(name) != name
    assert restorer.restore(name.upper()) != name.upper()


@pytest.mark.parametrize("name", [n for n, _ in names.ALIKE if is_highland(n)])
def test_alike_names_of_the_mountain_peoples_are_now_kept_as_read(name: str) -> None:
    """The alike names of the Highlands' and mountain peoples (the Dao ``Phàn A Sử``, the Ê Đê ``Hơ Niê H'Nga``)
    were changed by the restorer before session 37; an ``A`` or a lineage name marks them now and they are kept."""
    restorer = MarkRestorer([])
    assert restorer.restore(name) == name
    assert restorer.restore(name.upper()) == name.upper()


@pytest.mark.parametrize("name", [n for n, _ in names.HIGHLANDS])
def test_no_highlands_name_is_turned_into_a_listed_one_silently(name: str) -> None:
    """Each name of the ``--names highlands`` pool, read as printed (and in capitals), is kept, or changed and
    flagged with the reading (``Đinh Văn Thứ``: ``Thu`` is listed, ``Thứ`` a name too; ``Lường`` beside
    ``Lương``)."""
    restorer = MarkRestorer([])
    for read in (name, name.upper()):
        value = restorer.restore(read)
        assert value == read or unlisted_name_doubt(value, read), (read, value)


def test_the_highlands_pool_holds_both_genders() -> None:
    assert {g for _, g in names.HIGHLANDS} == {"M", "F"}
    with names.name_pool("highlands"):
        drawn = [person(random.Random(s)) for s in range(40)]
    assert all(dict(names.HIGHLANDS)[n] == g for n, g in drawn)
    assert names.pool() == "listed"


@pytest.mark.parametrize("name", [n for n, _ in names.OTHER])
def test_other_names_are_left_alone_and_unlisted(name: str) -> None:
    restorer = MarkRestorer([])
    assert restorer.restore(name) == name
    assert not all(_listed(w, i) for i, w in enumerate(_WORD.findall(name)))


def test_both_halves_hold_both_genders_and_no_listed_name() -> None:
    for pool in (names.ALIKE, names.OTHER):
        assert {g for _, g in pool} == {"M", "F"}
        assert all(not all(_listed(w, i) for i, w in enumerate(_WORD.findall(n))) for n, _ in pool)


def test_pool_switch_draws_from_the_pools_and_restores_the_default() -> None:
    every = {n for n, _ in names.ALIKE + names.OTHER}
    listed_draw = [person(random.Random(3)) for _ in range(5)]
    with names.name_pool("unlisted"):
        drawn = [person(random.Random(s)) for s in range(40)]
        assert names.pool() == "unlisted"
    assert names.pool() == "listed"
    assert all(n in every for n, _ in drawn)
    assert any(n in dict(names.ALIKE) for n, _ in drawn) and any(n in dict(names.OTHER) for n, _ in drawn)
    assert all(dict(names.ALIKE + names.OTHER)[n] == g for n, g in drawn)  # the gender drawn is the name's
    assert [person(random.Random(3)) for _ in range(5)] == listed_draw  # outside: as before
    with pytest.raises(RuntimeError), names.name_pool("unlisted"):
        raise RuntimeError
    assert names.pool() == "listed"
    with pytest.raises(ValueError, match="unknown name pool"), names.name_pool("made-up"):
        pass


def test_documents_carry_unlisted_signers_persons_and_register_rows() -> None:
    """A plan of every type and the tables group drawn under the unlisted pool: signers and civil-status persons
    hold unlisted names, and a register page's rows print them (the person's family name is the father's)."""
    every = {n for n, _ in names.ALIKE + names.OTHER}
    given = {" ".join(n.split()[1:]) for n in every}
    with names.name_pool("unlisted"):
        docs = [d for s in plan_all(361, 30, 4, FORMATS, DEFAULT_DPI, "mixed") for d in s.docs]
        tables = [d for s in plan_groups(361, 6, ["tables"], 4) for d in s.docs]
    signers = [d.metadata["signer"] for d in docs if d.metadata.get("signer")]
    persons = [d.extra["civil"]["person"] for d in docs if (d.extra.get("civil") or {}).get("person")]
    assert signers and all(s in every for s in signers)
    assert persons and all(" ".join(p.split()[1:]) in given for p in persons)
    register = [d for d in tables if "so-khai-sinh-bang" in d.slug]
    assert register
    text = "\n".join(p.text() for d in register for p in d.pages)
    assert sum(n.split()[-1] in text for n in every) >= 5
