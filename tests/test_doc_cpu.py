"""bench/doc_cpu.py's clocks (session 42): a piece's exclusive CPU leaves out the clocked pieces it calls, so the pieces
add up to the outermost one; a recursive piece is counted once inclusive; the first call is kept apart."""

from __future__ import annotations

import time

import pytest

from bench import doc_cpu


def _spin(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


@pytest.fixture(autouse=True)
def _fresh_clocks() -> None:
    for d in (doc_cpu.ACC, doc_cpu.INC, doc_cpu.CALLS, doc_cpu.FIRST):
        d.clear()


def test_exclusive_pieces_add_up_to_the_outer_one() -> None:
    inner = doc_cpu._clock("inner", lambda: _spin(0.02))

    def outer_body() -> None:
        _spin(0.01)
        inner()
        inner()
    outer = doc_cpu._clock("outer", outer_body)
    outer()
    assert doc_cpu.CALLS == {"inner": 2, "outer": 1}
    assert doc_cpu.ACC["inner"] >= 0.04 and 0.01 <= doc_cpu.ACC["outer"] < 0.03
    assert abs(doc_cpu.ACC["inner"] + doc_cpu.ACC["outer"] - doc_cpu.INC["outer"]) < 1e-9
    assert doc_cpu.FIRST["inner"] < doc_cpu.ACC["inner"]  # the first of two calls only


def test_a_recursive_piece_is_counted_once_inclusive() -> None:
    def body(n: int) -> None:
        _spin(0.005)
        if n:
            rec(n - 1)
    rec = doc_cpu._clock("rec", body)
    rec(3)
    assert doc_cpu.CALLS["rec"] == 4
    assert abs(doc_cpu.ACC["rec"] - doc_cpu.INC["rec"]) < 1e-9  # four calls' own CPU, the whole once


def test_a_clocked_function_is_not_clocked_twice() -> None:
    import types

    mod = types.ModuleType("archivist.fake")

    def f() -> int:
        return 1
    f.__module__, f.__qualname__ = "archivist.fake", "f"
    mod.f = f
    doc_cpu._wrap_namespace(mod)
    wrapped = mod.f
    doc_cpu._wrap_namespace(mod)
    assert mod.f is wrapped and mod.f() == 1 and doc_cpu.CALLS["archivist.fake.f"] == 1
