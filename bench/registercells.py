"""Register rows counted cell by cell against the page text, as issue 14 item 9 counts fields.

Why cells and not rows: item 9 asks how many wrong values nobody will look at again. A register row is one line
of the review sheet, so a row flagged puts every cell of it before a person, and a row not flagged leaves every
cell of it unchecked; but a row holds several values, and a row with its sex misread is one wrong value, not
five. So each truth row gives one observation per cell, flagged when its row is (``archivist.toreview.
row_flagged``, as the sheet lists rows), in five kinds: ``entry``, ``dates`` (registration and birth, two cells),
``name``, ``sex`` and ``parents`` (the mother's and the father's names, one after the other: the page's text does
not part them, see bench/registers.py). A cell is right when its value is the truth's, wrong when another value
is stored, missed when none is (a row not read at all: each of its cells; flagged where its page carries an
"its rows were not read" row).

The rows read are the record's ``metadata.entries`` (re-read with the current code when the records are
rescored); rows are matched to the truth's by their place on the page, as bench/registers.py matches them.
"""

from __future__ import annotations

from archivist.toreview import row_flagged
from bench.registers import truth_rows

#: cell kind -> the truth row's keys it counts (one cell each)
KINDS: dict[str, tuple[str, ...]] = {"entry": ("entry",), "dates": ("registered", "event_date"),
                                     "name": ("person",), "sex": ("sex",), "parents": ("parents",)}
COUNTS = ("cells", "right", "right_flagged", "wrong_flagged", "wrong_unflagged", "missed", "missed_flagged")


def _values(entry: dict) -> dict[str, str | None]:
    """A read row's values under the truth's keys (the parents' two names as one)."""
    got = {k: entry.get(k) for k in ("entry", "registered", "person", "event_date", "sex")}
    got["parents"] = " ".join(x for x in (entry.get("mother"), entry.get("father")) if x) or None
    return got


def cell_observations(truth: dict, entries: list[dict]) -> list[dict]:
    """One observation per cell of every truth row of ``truth`` (a generated document) against ``entries``
    (its record's register rows): kind, truth, value read, right, missed, flagged, the row's reason."""
    out = []
    for n, page in enumerate(truth["pages"], start=1):
        rows = truth_rows(page.get("text") or "")
        mine = [e for e in entries if e.get("page") == n]
        read = [e for e in mine if e.get("cells")]
        page_flag = any(not e.get("cells") and row_flagged(e) for e in mine)
        for i, t in enumerate(rows):
            r = read[i] if i < len(read) else None
            got = _values(r) if r else {}
            flagged = row_flagged(r) if r else page_flag
            for kind, keys in KINDS.items():
                for key in keys:
                    value = got.get(key)
                    out.append({"document": truth["document"], "page": n, "row": i + 1, "kind": kind, "key": key,
                                "truth": t[key], "value": value, "right": value == t[key],
                                "missed": value in (None, ""), "flagged": flagged,
                                "review": (r or {}).get("review")})
    return out


def observations(docs: list[tuple[dict, dict]]) -> list[dict]:
    """Every register cell of the (truth, record) pairs ``docs`` (bench.accuracy.pair_pages), the truths
    that are registers only (a page whose text holds a register's rows)."""
    out = []
    for t, rec in docs:
        if t.get("kind") == "civil_status":
            out += cell_observations(t, (rec.get("metadata") or {}).get("entries") or [])
    return out


def counts(obs: list[dict]) -> dict[str, int]:
    """The observations' right, wrong and missed cells, each with how many were flagged."""
    right = [o for o in obs if o["right"]]
    wrong = [o for o in obs if not o["right"] and not o["missed"]]
    missed = [o for o in obs if o["missed"] and not o["right"]]
    return {"cells": len(obs), "right": len(right), "right_flagged": sum(o["flagged"] for o in right),
            "wrong_flagged": sum(o["flagged"] for o in wrong), "wrong_unflagged": sum(not o["flagged"] for o in wrong),
            "missed": len(missed), "missed_flagged": sum(o["flagged"] for o in missed)}


def table(obs: list[dict]) -> dict[str, dict[str, int]]:
    """Per cell kind (the kinds with a cell), then ``all``."""
    out = {k: counts([o for o in obs if o["kind"] == k]) for k in KINDS if any(o["kind"] == k for o in obs)}
    return out | {"all": counts(obs)}


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def markdown(tab: dict[str, dict[str, int]], title: str = "Register rows (cells against the page text)") -> str:
    """The per-kind table; its last line, ``register cells``, is the one a count of item 9 adds up."""
    lines = [f"### {title}", "", "| cell | cells | right | right flagged | wrong flagged | wrong unflagged | "
             "missed (flagged) |", "|---|---|---|---|---|---|---|"]
    for kind, c in tab.items():
        wrong = c["wrong_flagged"] + c["wrong_unflagged"]
        label = "**register cells**" if kind == "all" else kind
        lines.append(f"| {label} | {c['cells']} | {c['right']} | {c['right_flagged']} "
                     f"({_share(c['right_flagged'], c['right'])}) | {c['wrong_flagged']} | {c['wrong_unflagged']} "
                     f"({_share(c['wrong_unflagged'], wrong)}) | {c['missed']} ({c['missed_flagged']}) |")
    return "\n".join(lines) + "\n"


def unflagged_lines(obs: list[dict], limit: int = 40) -> list[str]:
    """The wrong cells no flag puts before a person, one line each (what a flag rule is fitted on)."""
    return [f"  unflagged wrong register {o['key']}: {o['value']!r} for {o['truth']!r} "
            f"[{o['document']} p.{o['page']} row {o['row']}]"
            for o in obs if not o["right"] and not o["missed"] and not o["flagged"]][:limit]
