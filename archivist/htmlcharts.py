"""Small inline-SVG charts for the HTML quality report (archivist.htmlreport).

Why hand-drawn SVG rather than a plotting library: the report must be one static file that opens
offline from a USB stick, the three charts are simple bar charts, and a few lines of SVG are
smaller, faster to open and easier to escape than an embedded plotting runtime or a PNG.

A bar is ``Bar(text, count, key)``: ``key`` names a translatable label (see labels.json) that the
page's language toggle swaps, for bars such as "unknown"; data text (document types, years) is
shown as it is. Every piece of text goes through html.escape.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from html import escape
from typing import NamedTuple


class Bar(NamedTuple):
    text: str
    count: int
    key: str | None = None  # a label key in labels.json, translated by the page's language toggle


def _label(bar: Bar, x: float, y: float, anchor: str, extra: str = "") -> str:
    """One bar's caption; long captions are shortened and the full text kept as a tooltip."""
    short = bar.text if len(bar.text) <= 24 else bar.text[:23] + "…"
    data = f' data-l="{escape(bar.key)}"' if bar.key else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}{data}><title>{escape(bar.text)}</title>'
            f"{escape(short)}</text>")


def _frame(width: int, height: int, title_key: str, title: str, body: Iterable[str]) -> str:
    return (f'<figure class="chart"><figcaption data-l="{escape(title_key)}">{escape(title)}</figcaption>'
            f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">'
            + "".join(body) + "</svg></figure>")


def hbar_chart(bars: Sequence[Bar], title_key: str, title: str, width: int = 380) -> str:
    """Horizontal bars with the caption on the left: for categories with long names (document types)."""
    row, label_w, pad = 22, 170, 40
    height = max(row * len(bars) + 10, 40)
    top = max((b.count for b in bars), default=0) or 1
    span = width - label_w - pad
    body = []
    for i, b in enumerate(bars):
        y = 5 + i * row
        w = span * b.count / top
        body.append(_label(b, label_w - 6, y + 15, "end"))
        body.append(f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" class="bar"/>')
        body.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 15}" class="n">{b.count}</text>')
    return _frame(width, height, title_key, title, body)


def column_chart(bars: Sequence[Bar], title_key: str, title: str, width: int = 380, height: int = 220) -> str:
    """Vertical columns with captions underneath (turned when there are many): years, histogram bins."""
    base, top_pad, left = height - 44, 16, 8
    top = max((b.count for b in bars), default=0) or 1
    slot = (width - 2 * left) / max(len(bars), 1)
    turn = slot < 34
    every = math.ceil(14 / slot)  # with many bars (decades of years) only every n-th caption fits
    body = [f'<line x1="{left}" y1="{base}" x2="{width - left}" y2="{base}" class="axis"/>']
    for i, b in enumerate(bars):
        x = left + i * slot
        h = (base - top_pad) * b.count / top
        cx = x + slot / 2
        body.append(f'<rect x="{x + slot * 0.12:.1f}" y="{base - h:.1f}" width="{slot * 0.76:.1f}" height="{h:.1f}" '
                    f'class="bar"/>')
        if b.count:
            body.append(f'<text x="{cx:.1f}" y="{base - h - 3:.1f}" text-anchor="middle" class="n">{b.count}</text>')
        extra = f' transform="rotate(-45 {cx:.1f} {base + 12})"' if turn else ""
        if i % every == 0 or i == len(bars) - 1:
            body.append(_label(b, cx, base + 14, "end" if turn else "middle", extra))
    return _frame(width, height, title_key, title, body)


def histogram(values: Iterable[float], step: float = 5.0, hi: float = 100.0, floor: float = 50.0) -> list[Bar]:
    """Bins of ``step`` up to ``hi``; everything below ``floor`` (or below the lowest value) in the first bin.

    OCR confidences crowd between 80 and 100, so equal bins from 0 would leave most of the chart
    empty; the first bin therefore starts at ``floor`` or at the lowest value, whichever is lower.
    """
    vals = [v for v in values if v is not None and not math.isnan(v)]
    lo = min(floor, step * math.floor(min(vals, default=floor) / step))
    edges = [lo + i * step for i in range(int(round((hi - lo) / step)))]
    counts = [0] * len(edges)
    for v in vals:
        i = min(max(int((v - lo) // step), 0), len(edges) - 1)
        counts[i] += 1
    return [Bar(f"{e:g}–{e + step:g}", c) for e, c in zip(edges, counts, strict=True)]
