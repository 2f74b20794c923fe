"""Earlier versions of an input: a dossier folder or a file archived before with other content.

A missed page rescanned into a dossier folder that is already archived (or a file rescanned at its
path) gives the input another SHA-256, so another id: the batch archives it as a new document and
keeps the old one, since archivist never replaces or deletes what it archived. That is right, but
silent it leaves two versions that both turn up in a search, so the batch says so, one line per input,
with the command that records which version replaces which (``archivist supersede``).

The lookup reads the index's ``documents`` table (id, source, page_count), which the SQLite and the
PostgreSQL backends share, once per batch and before anything of the batch is written; the records'
``source.paths`` (the pages' resolved paths, joined by ``; ``) are that ``source`` column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .models import DocumentInput
from .plural import plural

_PART = re.compile(r"-\d\d$")  # a part of a split input: <input id>-NN


@dataclass(frozen=True)
class Earlier:
    """One input archived before from the same place: its documents' ids and their pages in all."""

    ids: tuple[str, ...]
    pages: int

    def shown(self) -> str:
        return f"{', '.join(self.ids)} ({_pages(self.pages)})"


def _pages(n: int) -> str:
    return plural(n, "page")


def place_of(doc: DocumentInput) -> tuple[Path, bool]:
    """(path, is_folder): the folder of a dossier, or the file, the input was read from.

    A file input is its one source as given; anything else (a folder of pages) is the folder
    holding its pages, which is what stays the same when a page is added."""
    given = Path(doc.label).resolve()
    if len(doc.sources) == 1 and given == doc.sources[0]:
        return doc.sources[0], False
    return doc.sources[0].parent, True


class Sources:
    """The index's documents by where they were read from, grouped once per batch so that each input's
    lookup costs a dictionary access, not a pass over an archive of tens of thousands of documents."""

    def __init__(self, rows: list[tuple[str, str | None, int | None]]) -> None:
        """``rows``: (id, source, page_count) of every document, as the index gives them (``source_rows``)."""
        self.by_file: dict[str, list[tuple[str, int]]] = {}
        self.by_folder: dict[str, list[tuple[str, int]]] = {}
        for doc_id, source, pages in rows:
            if source:
                self.by_file.setdefault(source, []).append((doc_id, pages or 0))
                first = Path(source.split("; ", 1)[0])
                self.by_folder.setdefault(str(first.parent), []).append((doc_id, pages or 0))

    def earlier(self, doc: DocumentInput) -> list[Earlier]:
        """The inputs read from where ``doc`` is read from (the same file, or pages of the same folder) but
        with other content (another id); the parts of a split input are one earlier input."""
        place, folder = place_of(doc)
        groups: dict[str, list[tuple[str, int]]] = {}
        for doc_id, pages in (self.by_folder if folder else self.by_file).get(str(place), []):
            base = _PART.sub("", doc_id)
            if base != doc.id:
                groups.setdefault(base, []).append((doc_id, pages))
        return [Earlier(tuple(sorted(i for i, _ in g)), sum(n for _, n in g)) for _, g in sorted(groups.items())]


def version_warning(label: str, earlier: list[Earlier], ids: list[str], pages: int, archive: str = "ARCHIVE") -> str:
    """The batch's line for an input archived beside earlier versions of it: what happened, and what to do.

    What to do is a recorded supersession (archivist/supersede.py), never a deletion: the exact command
    when one document replaces one, its pattern when the versions were split into several documents."""
    import shlex

    them = "them" if len(earlier) > 1 else "it"
    old = [i for e in earlier for i in e.ids]
    where = shlex.quote(str(archive))
    todo = (f"if this version replaces {them}, say so (nothing is deleted): archivist supersede {old[0]} --by {ids[0]} "
            f"--archive {where}" if len(old) == 1 and len(ids) == 1 else
            "for each earlier document a new one replaces, say so (nothing is deleted): archivist supersede OLD --by "
            f"NEW --archive {where}")
    return (f"{label}: already archived as {' and '.join(e.shown() for e in earlier)}; this version "
            f"({', '.join(ids)}, {_pages(pages)}) is archived beside {them} — "
            f"{'all' if len(earlier) > 1 else 'both'} are kept; {todo}")
