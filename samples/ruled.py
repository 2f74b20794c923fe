"""A ruled table on the page: every cell boxed, heading row bold and centred, a row that does not fit
opening a new page that repeats the heading. Used by the table documents of :mod:`samples.tables`
through the ``("table", Table)`` block of :func:`samples.documents.flow`.

Each cell's text is a :class:`~samples.layout.Line`, placed row by row and, inside a row, cell by
cell (a wrapped cell's lines in turn): the ground truth reads the table in the order a person does.
"""

from __future__ import annotations

from dataclasses import dataclass

from samples.layout import A4_H, PT, Line, Rule, Writer, wrap

PAD = 1.2  # mm between a rule and the text of its cell


@dataclass
class Column:
    head: str
    width: float  # mm
    align: str = "left"  # left | center | right


@dataclass
class Table:
    """What :func:`place` draws: a heading row (bold, centred), optionally the column numbers under it
    (as printed registers have), then the body rows; ``pt`` is the body's type size."""

    columns: list[Column]
    rows: list[list[str]]
    pt: float = 12.0
    numbered: bool = False


def _cell_lines(text: str, width: float, pt: float, style: str) -> list[str]:
    return [" ".join(ws) for ws in wrap(text.split(), width - 2 * PAD, pt, style)] if text.strip() else []


def place(w: Writer, table: Table) -> None:
    """Draw ``table`` from the writer's position: every cell ruled; a row that does not fit opens a
    new page, which repeats the heading row (the column numbers, where printed, stand in for it)."""
    g = w.geo
    total = sum(c.width for c in table.columns)
    x_left = g.x0 + max(0.0, (g.width - total) / 2)
    edges = [x_left]
    for c in table.columns:
        edges.append(edges[-1] + c.width)
    pitch = table.pt * PT * 1.18
    head = [(c.head, "bold") for c in table.columns]
    numbers = [(f"({i})", "italic") for i in range(1, len(table.columns) + 1)]

    def lay(cells: list[tuple[str, str]]) -> list[list[str]]:
        return [_cell_lines(t, c.width, table.pt, s) for (t, s), c in zip(cells, table.columns, strict=True)]

    top = w.y
    rows_here: list[float] = []

    def close() -> None:  # bottom rule and the vertical rules of this page's part of the table
        bottom = w.y
        w.page.rules.append(Rule(edges[0], edges[-1], bottom, pt=0.6))
        for x in edges:
            w.page.rules.append(Rule(x, x, top, bottom, pt=0.6))

    def row(cells: list[tuple[str, str]], centred: bool) -> None:
        nonlocal top
        laid = lay(cells)
        n = max(1, *(len(c) for c in laid))
        height = n * pitch + 2 * PAD
        if w.y + height > A4_H - g.mb and rows_here:
            close()
            w.new_page()
            w.y += 2.0
            top = w.y
            rows_here.clear()
            if not centred:
                row(numbers if table.numbered else head, True)
        w.page.rules.append(Rule(edges[0], edges[-1], w.y, pt=0.6))
        for i, (lines, col) in enumerate(zip(laid, table.columns, strict=True)):
            y0 = w.y + PAD + (n - len(lines)) * pitch / 2 + table.pt * PT * 0.9
            align = "center" if centred else col.align
            x = {"left": edges[i] + PAD, "center": (edges[i] + edges[i + 1]) / 2, "right": edges[i + 1] - PAD}[align]
            style = cells[i][1]
            for j, text in enumerate(lines):
                w.page.lines.append(Line(text, x, y0 + j * pitch, table.pt, style, align))
        w.page.flow += 1
        w.y += height
        rows_here.append(height)

    row(head, True)
    if table.numbered:
        row(numbers, True)
    for cells in table.rows:
        row([(t, "regular") for t in cells], False)
    close()
    w.y += g.gap + 2.0
