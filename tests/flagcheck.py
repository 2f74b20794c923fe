"""The end-to-end check of review flags against the generator's truth, shared by the flag tests."""

from __future__ import annotations


def assert_wrong_flagged(truth: dict, rec: dict) -> int:
    """Assert that every value of the record ``rec`` that differs from ``truth`` (a ground-truth document
    paired with it) is flagged for review; return how many values were compared."""
    from bench.groups import FIELDS, _norm, _truth_value

    meta, review, checked = rec["metadata"], set(rec["metadata"]["needs_review"]), 0
    for _, rkey, tkey, where in FIELDS:
        want, read = _norm(_truth_value(truth, tkey, where)), _norm(meta.get(rkey))
        if want is not None and read is not None:
            checked += 1
            assert read == want or rkey in review, (rec["label"], rkey, read, want)
    return checked
