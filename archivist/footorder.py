"""The footer's two columns in reading order: the left column (``Nơi nhận:`` and its list, or a record of minutes'
secretary's block) top to bottom, then the right (the signature block: authority, position, name).

Why: Decree 30 puts the recipients beside the signature block, and a record of minutes puts ``THƯ KÝ`` beside
``CHỦ TỌA``, each with a name under it. Tesseract reads them line by line across both columns (``Nơi nhận: KT.
CHỦ TỊCH`` / ``- UBND huyện Thọ Xuân; PHÓ CHỦ TỊCH``, ``THƯ KÝ CHỦ TỌA`` / ``Mai Thành Tuấn Bùi Thu Nhung``),
as it does a header (:mod:`archivist.headorder`): the record's text and the PDF's text layer interleave the list
with the signer, which garbles copy-paste and phrase search. The footer's left column is not centred (a list is
aligned on its left edge), so the cut is found from the gap itself: the first line among the page's last whose
widest gap is plainly a column gap (:func:`archivist.headorder.clear_cut`) with capitals after it (an authority,
a position) and, before it, ``Nơi nhận`` as the footer parser reads the label or the other signer's heading
(minutes' ``THƯ KÝ`` beside ``CHỦ TỌA``) opens the footer. The footer parser finds a block by the row and column
its lines stand on (:mod:`archivist.pagerows`), so it reads the same signer in either order (session 43's, ranking
by line numbers, took the secretary's block for the chair's once they were put one after the other: seed 229's
``bb-095``; bench/RESULTS.md, "Minutes' signatures in reading order (session 44)");
every line from it is cut at its own wide gap within the gap the lines cut so far leave between the columns, or
taken whole into the column on whose side it stands, down to the first line that reaches across (bench/RESULTS.md,
"Footer columns in reading order (session 43, second round)").

Tesseract may also read the columns as blocks of their own but cut the left one short: on a decision's last page that
holds only the footer, ``Nơi nhận:`` and the first recipient, then the signature block's heading, then the other
recipients (each with a stroke of the signature read beside it), then the name (seeds 350 and 352's ``qd-207``,
``qd-229``, ``qd-063``: 32-52% word error in reading order on pages read 0-4% as a bag; bench/RESULTS.md, "Ruled
tables' pages in reading order (session 46)"). No line holds both columns' openings there, so the footer is also
opened by a label line and a heading read as a line of its own on the label's row, right of it (:func:`opens_beside`).

On speckled pages the opening line is read with a speck or a stroke in the columns' gap (``Bên`` at 17: two gaps of
like width, neither plainly the columns'), or its label garbled (``Nơtnhận:``, ``NgĩDINHệ``), which the footer
parser does not take: a token read at low confidence inside the gap is set aside to find the cut (:func:`_cut`), and
a label the list's dashes stand under opens the footer whatever it reads (:func:`label_by_place`; bench/RESULTS.md,
"Speckled pages in reading order, the footer (session 49, second round)").

No word's text, box or confidence changes: only the order of the words and the lines' numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from .footer import _NOI_NHAN
from .headorder import MIN_TWO, _lines, clear_cut, reordered, span
from .models import Word
from .ocrtext import _fold, upper_ratio
from .signwords import in_capitals

#: The footer is within the page's last lines; its first line is looked for among them.
TAIL_LINES = 16
#: A part is in capitals (an authority, a position) when this share of its letters are capitals.
CAPITALS = 0.8
#: A gap that cuts a line into the footer's columns is at least this share of the gap the clear line opening the
#: footer left (typed pages: 400-830 px against word gaps of 20-40; a recipient line as wide as ``(b/C);`` leaves
#: 246 of an opening 550).
GAP_SHARE = 0.3
#: A heading read as a line of its own opens the footer beside ``Nơi nhận:`` within this many lines after the label
#: (seeds 350 and 352: two, the first recipient read with the label; four leaves room for two recipients more).
BESIDE_LINES = 4
#: The heading stands on the label's row: their boxes share this share of the shorter one's height at least.
SAME_ROW = 0.5
#: A token read under this confidence standing alone in the columns' gap of a footer's first line is set aside to
#: find the cut (speckled pages: a speck or a signature's stroke read ``Bên`` at 17 between ``Nơi nhận:`` and
#: ``KT. CHỦ TỊCH`` leaves two gaps of like width, neither :func:`clear_cut`'s; bench/RESULTS.md, "Speckled pages in
#: reading order, the footer (session 49, second round)").
WEAK = 40
#: A label the footer parser misses (``NgĩDINHệ``, ``nhận:`` without ``Nơi``) is taken for ``Nơi nhận:`` where this
#: many of the lines after it open with a list's dash standing under it (:func:`label_by_place`).
DASH_LINES = 2
#: Decree 30 sets the list's dashes under the label's first letter (6-7 px right of it at 200 dpi): a dash stands
#: at most this many of the label's heights right of the label's left edge...
DASH_RIGHT = 1.0
#: ...and at most this many left of it, where the label's first word was lost (``nhận:`` without ``Nơi``: 2 heights).
DASH_LEFT = 3.0
#: A label read garbled is at most this many tokens (``Nơi nhận:`` read in three pieces).
LABEL_WORDS = 3
#: Lines after the label looked at for the list's dashes.
DASH_LOOK = 4
#: What a list's dash is read as.
DASHES = ("-", "–", "—", "+", "•")


def _heading(part: str) -> bool:
    """``part`` reads as a signature block's heading: in capitals (an authority, a position), or a printed position
    but for the case of some letters (``THƯ ký``, :func:`archivist.signwords.in_capitals`)."""
    return upper_ratio(part) >= CAPITALS or in_capitals(part) is not None


def _cut(line: Sequence[Word]) -> tuple[int, float, float] | None:
    """Where ``line`` is plainly cut in two: the index of the first word after the cut and the gap's left and right
    x. At :func:`clear_cut`'s gap, or at the gap the line's words read at :data:`WEAK` confidence or more leave
    (:func:`clear_cut` of those) where the words between its sides are all weak and stand inside it: a speck or a
    stroke in the columns' gap, which goes with the left part. None otherwise."""
    k = clear_cut(line)
    if k is not None:
        return k, line[k - 1].bbox[2], line[k].bbox[0]
    strong = [w for w in line if w.conf >= WEAK]
    j = clear_cut(strong) if len(strong) < len(line) else None
    if j is None:
        return None
    lo, hi = strong[j - 1].bbox[2], strong[j].bbox[0]
    a, b = (next(n for n, w in enumerate(line) if w is strong[i]) for i in (j - 1, j))
    if all(w.conf < WEAK and w.bbox[0] >= lo and w.bbox[2] <= hi for w in line[a + 1:b]):
        return b, lo, hi
    return None


def opens_footer(line: Sequence[Word]) -> int | None:
    """Where ``line`` is cut into the footer's two columns (the index of the right column's first word): at a
    clear gap (:func:`_cut`) with a heading after it (:func:`_heading`) and, before it, ``Nơi nhận`` as the
    footer parser finds it (a label it misses stays as read) or the other signer's heading (minutes' ``THƯ KÝ``
    beside ``CHỦ TỌA``); None otherwise."""
    cut = _cut(line)
    if cut is None:
        return None
    k, lo, _ = cut
    left, right = (" ".join(w.text for w in part) for part in ([w for w in line[:k] if w.bbox[0] < lo], line[k:]))
    # cut past a weak token: beside the label only, not beside a heading (a faded section heading in capitals,
    # ``III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI`` with ``GIAN`` read at 0, opened none: seed 525's faded ``bc-026``)
    weak = line[k - 1].bbox[0] >= lo
    if _heading(right) and (_NOI_NHAN.match(_fold(left)) or (_heading(left) and not weak)):
        return k
    return None


def label_by_place(lines: Sequence[Sequence[Word]], start: int, k: int) -> bool:
    """Whether ``lines[start][:k]`` stands where ``Nơi nhận:`` stands, whatever it reads: :data:`DASH_LINES` of the
    :data:`DASH_LOOK` lines after it open with a list's dash (:data:`DASHES`) under it (:data:`DASH_RIGHT` of its
    left edge, :data:`DASH_LEFT` where its first word was lost). Why: on speckled pages the label is read garbled
    (``NgĩDINHệ``, ``nhận:``), which the footer parser's label does not take, and the footer stayed read across
    both columns; the dashes under it are the list's, which only the label opens."""
    label = lines[start][:k]
    if len(label) > LABEL_WORDS or _heading(" ".join(w.text for w in label)):  # a section's heading over a list
        return False
    x0, height = label[0].bbox[0], max(w.bbox[3] - w.bbox[1] for w in label)
    dashed = [line for line in lines[start + 1:start + 1 + DASH_LOOK] if line[0].text.startswith(DASHES)
              and -DASH_LEFT * height <= line[0].bbox[0] - x0 <= DASH_RIGHT * height]
    return len(dashed) >= DASH_LINES


def opens_beside(lines: Sequence[Sequence[Word]], start: int) -> tuple[float, float] | None:
    """The columns' gap (left, right x) where ``lines[start]`` is ``Nơi nhận`` alone (as the footer parser reads the
    label, nothing after it) and one of the :data:`BESIDE_LINES` lines after it is a heading (:func:`_heading`: an
    authority, a position) standing on the label's row (:data:`SAME_ROW`) and wholly right of it: the two columns'
    first lines read as lines of their own. None otherwise (a label with words after it opens the footer only as
    :func:`opens_footer` says)."""
    label = lines[start]
    if not _label_alone(label):
        return None
    for line in lines[start + 1:start + 1 + BESIDE_LINES]:
        if (gap := _on_row_right(label, line)) is not None:
            return gap
    return None


def opens_before(lines: Sequence[Sequence[Word]], start: int) -> tuple[float, float] | None:
    """The columns' gap (left, right x) where ``lines[start]`` is a heading read as a line of its own right before
    the line of ``Nơi nhận``, on the label's row and wholly right of it (:func:`opens_beside` the other way round:
    the heading's top a few pixels over the label's, Tesseract read the signature block's first; seed 495's seals
    ``ttr-218``, ``TM. ỦY-BAN NHÂN DÂN`` 8 px over ``Nơi nhận:``). The label is its line alone, or its line's left
    part where the line opens a footer itself (:func:`opens_footer`: the seal over ``CHỦ TỊCH`` read ``TNGG`` on
    the label's line). None otherwise."""
    if start + 1 >= len(lines):
        return None
    line = lines[start + 1]
    k = opens_footer(line)
    label = line[:k] if k is not None else line
    if not _label_alone(label):
        return None
    return _on_row_right(label, lines[start])


def _label_alone(line: Sequence[Word]) -> bool:
    """``line`` is ``Nơi nhận`` as the footer parser reads the label, nothing after it."""
    return bool(_NOI_NHAN.fullmatch(_fold(" ".join(w.text for w in line)).strip()))


def _on_row_right(label: Sequence[Word], line: Sequence[Word]) -> tuple[float, float] | None:
    """The gap between ``label`` and ``line`` where ``line`` is a heading (:func:`_heading`) on the label's row
    (:data:`SAME_ROW`) wholly right of it; None otherwise."""
    a, b = span(label), span(line)
    height = min(a[3] - a[1], b[3] - b[1])
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    if b[0] > a[2] and height > 0 and overlap >= SAME_ROW * height and _heading(" ".join(w.text for w in line)):
        return a[2], b[0]
    return None


def _opening(lines: Sequence[Sequence[Word]], start: int) -> tuple[float, float, int | None] | None:
    """The columns' gap (left, right x) ``lines[start]`` opens a footer with, and where that line is cut (the index
    of its right part's first word, :func:`_cut`), None where it is a label with a heading beside it
    (:func:`opens_beside`, :func:`opens_before`) rather than one line cut in two (:func:`opens_footer`, or a label
    the parser misses that its place shows, :func:`label_by_place`)."""
    cut = _cut(lines[start])
    if cut is not None and (opens_footer(lines[start]) is not None or (
            _heading(" ".join(w.text for w in lines[start][cut[0]:])) and label_by_place(lines, start, cut[0]))):
        return cut[1], cut[2], cut[0]
    beside = opens_beside(lines, start) or opens_before(lines, start)
    return None if beside is None else (*beside, None)


def _split(line: Sequence[Word], lo: float, hi: float, opening: float) -> tuple[list[Word], list[Word]] | None:
    """``line``'s words in the left and the right column, the columns' gap between ``lo`` and ``hi`` (x): cut at
    its widest gap that overlaps theirs and is at least :data:`GAP_SHARE` of the ``opening`` line's (a word gap
    inside a long recipient line overlaps it too), or taken whole into the column on whose side of the gap it
    stands (its middle); None where it reaches across the gap (a body line, a page number centred on the page)."""
    gaps = [(b.bbox[0] - a.bbox[2], k) for k, (a, b) in enumerate(zip(line[:-1], line[1:], strict=True), start=1)
            if a.bbox[2] < hi and b.bbox[0] > lo and b.bbox[0] - a.bbox[2] >= GAP_SHARE * opening]
    if gaps:
        k = max(gaps)[1]
        return list(line[:k]), list(line[k:])
    x0, x1 = min(w.bbox[0] for w in line), max(w.bbox[2] for w in line)
    if x1 < hi and (x0 + x1) / 2 < (lo + hi) / 2:
        return list(line), []
    if x0 > lo and (x0 + x1) / 2 > (lo + hi) / 2:
        return [], list(line)
    return None


def footer_columns(lines: Sequence[Sequence[Word]]) -> tuple[int, int, list[list[Word]], int]:
    """The footer among ``lines``: the indices of its first line and of the line after it (the first with a word
    across the gap), its parts in reading order (the left column's, then the right's), and how many of its lines
    were cut in two. ``(len(lines), len(lines), [], 0)`` where no line opens a footer (:func:`opens_footer`)."""
    for start in range(max(0, len(lines) - TAIL_LINES), len(lines)):
        gap = _opening(lines, start)
        if gap is None:
            continue
        lo, hi, k = gap
        opening = hi - lo
        lefts: list[list[Word]] = []
        rights: list[list[Word]] = []
        twos = MIN_TWO if k is None else 0  # the label and a heading on its row: a footer without more
        end = start
        for line in lines[start:]:
            first = k is not None and end == start  # cut where it opened: a weak token in the gap goes left
            parts = (list(line[:k]), list(line[k:])) if first else _split(line, lo, hi, opening)
            if parts is None:
                break
            if parts[0] and parts[1]:  # the gap both columns leave: narrowed by every line cut in two after it
                lo, hi = (lo, hi) if first else (max(lo, parts[0][-1].bbox[2]), min(hi, parts[1][0].bbox[0]))
                twos += 1
            lefts += [parts[0]] if parts[0] else []
            rights += [parts[1]] if parts[1] else []
            end += 1
        return start, end, lefts + rights, twos
    return len(lines), len(lines), [], 0


def footer_order(words: list[Word]) -> list[Word]:
    """``words`` with the footer's columns in reading order (:func:`footer_columns`): the left column's lines,
    then the right column's, each part its own line; lines after the footer renumbered after them. The words as
    they were (the same object) where no footer with :data:`archivist.headorder.MIN_TWO` lines in two columns is
    found (a page whose one two-column line is a table's row or a form's label and value), or its order is already
    so (:func:`archivist.headorder.reordered`)."""
    lines = _lines(words)
    return reordered(words, lines, *footer_columns(lines))
