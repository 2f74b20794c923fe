"""The recipients' label found behind a speck's token: a `_` read before `Nơi nhận:` (seed 200's speckled page,
session 41) hid the label, so the recipients were taken for the signature block. `\\W` does not take `_`."""

from __future__ import annotations

import pytest

from archivist.footer import footer_segments
from archivist.ocrtext import Line


def _line(index: int, text: str, top: int) -> Line:
    spans, x, at = [], 120, 0
    for w in text.split():
        spans.append((at, at + len(w), (x, top, x + 14 * len(w), top + 35), 0.95))
        at, x = at + len(w) + 1, x + 14 * len(w) + 12
    return Line(1, index, text, spans)


@pytest.mark.parametrize("label", ["Nơi nhận:", "_ Nơi nhận:", "__Nơi nhận:", "- Nơi nhận:"])
def test_label_found_behind_marks(label: str) -> None:
    lines = [_line(0, label, 100), _line(1, "- Như trên;", 140), _line(2, "- Lưu: VT.", 180)]
    left, right, labelled = footer_segments(lines)
    assert labelled
    assert [ln.text for ln in left] == ["- Như trên;", "- Lưu: VT."]
    assert right == []


def test_word_before_label_is_not_a_label() -> None:
    lines = [_line(0, "Các nơi nhận", 100), _line(1, "- Như trên;", 140)]
    assert not footer_segments(lines)[2]
