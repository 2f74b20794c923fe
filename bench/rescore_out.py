"""An accuracy run's stored records re-described by the code of another tree, written as a run's records.

Why: bench/field_ab.py compares two runs' stored records field by field; a change to the extractor alone
(not to how pages are read) is compared on the same stored OCR words, each side described by its own tree
(before: a checkout of main; after: the branch)::

    cd TREE && .venv/bin/python bench/rescore_out.py TREE SRC_OUT DEST_OUT

``TREE``'s ``bench.accuracy.rescore_records`` is used, so the script may run against a tree that lacks it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> None:
    tree, src, dest = map(Path, sys.argv[1:4])
    sys.path.insert(0, str(tree.resolve()))
    from bench.accuracy import rescore_records

    records = [json.loads(p.read_text(encoding="utf-8"))
               for p in sorted((src / "archive" / "documents").glob("*.json"))]
    out = dest / "archive" / "documents"
    out.mkdir(parents=True, exist_ok=True)
    for rec in rescore_records(records):
        (out / (rec["id"].replace("@", "_") + ".json")).write_text(json.dumps(rec, ensure_ascii=False),
                                                                 encoding="utf-8")


if __name__ == "__main__":
    main()
