"""The model's word list is unpacked once and then read from the cache (archivist/tesswords.py).

Real Tesseract tools and the installed ``vie`` model; the cache folder is a temporary one."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist import syllables, tesswords
from archivist.tessdata import tessdata_dir


@pytest.fixture
def model(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("ARCHIVIST_CACHE_DIR", str(tmp_path / "cache"))
    path = Path(tessdata_dir(), "vie.traineddata")
    if not path.exists() or tesswords._unpack(path) is None:
        pytest.skip("Tesseract's combine_tessdata/dawg2wordlist or the vie model is not installed")
    return path


def test_first_call_unpacks_and_stores_the_same_list(model):
    unpacked = tesswords._unpack(model)
    assert tesswords.model_words(model) == unpacked
    stored = tesswords.cache_path(model)
    assert stored.read_text(encoding="utf-8") == unpacked
    assert len(unpacked.split()) > 1000


def test_later_calls_read_the_cache(model):
    tesswords.model_words(model)
    stored = tesswords.cache_path(model)
    stored.write_text("nguồi\n", encoding="utf-8")  # what only the cache can say
    assert tesswords.model_words(model) == "nguồi\n"
    syllables.model_list.cache_clear()
    syllables.attested.cache_clear()
    try:
        assert syllables.attested() == frozenset({"nguồi"}) | syllables.UNLISTED  # with the words it lacks
    finally:
        syllables.model_list.cache_clear()
        syllables.attested.cache_clear()


def test_the_cache_is_keyed_by_the_models_bytes(model, tmp_path):
    other = tmp_path / "vie.traineddata"
    other.write_bytes(model.read_bytes() + b"\0")
    assert tesswords.cache_path(other) != tesswords.cache_path(model)
    assert tesswords.cache_path(other).name.startswith("tesswords-1-vie-")


def test_an_unwritable_cache_still_gives_the_list(model, tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("ARCHIVIST_CACHE_DIR", str(blocked / "cache"))  # under a file: cannot be made
    assert tesswords.model_words(model) == tesswords._unpack(model)


def test_the_models_digest_is_hashed_once_per_file(model, monkeypatch):
    import hashlib

    want = hashlib.sha256(model.read_bytes()).hexdigest()
    assert tesswords.model_digest(model) == want

    def no_read(self):
        raise AssertionError(f"{self} read again")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    assert tesswords.model_digest(model) == want  # from the memo: the model is not read


def test_a_model_rewritten_in_place_is_hashed_again(model, tmp_path):
    """Same path, same size, modification time set back: the change time still moves, so no stale digest."""
    import hashlib
    import os

    copy = tmp_path / "vie.traineddata"
    data = model.read_bytes()
    copy.write_bytes(data)
    st = copy.stat()
    first = tesswords.model_digest(copy)
    changed = bytes([data[0] ^ 1]) + data[1:]
    with open(copy, "r+b") as f:
        f.write(changed[:1])
    os.utime(copy, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert copy.stat().st_size == st.st_size and copy.stat().st_mtime_ns == st.st_mtime_ns
    assert tesswords.model_digest(copy) == hashlib.sha256(changed).hexdigest() != first


def test_the_syllable_tables_read_back_are_the_generated_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVIST_CACHE_DIR", str(tmp_path / "cache"))
    want = syllables._generate()
    folded = frozenset(syllables.fold_marks(s) for s in want)
    for _ in range(2):  # built and stored, then read from the file
        syllables.syllables.cache_clear()
        syllables.folded_syllables.cache_clear()
        try:
            assert syllables.syllables() == want and syllables.folded_syllables() == folded
        finally:
            syllables.syllables.cache_clear()
            syllables.folded_syllables.cache_clear()
    assert len(list((tmp_path / "cache").glob("syllables-*.txt"))) == 1


def test_a_derived_table_follows_its_source(tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVIST_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "rules.py"
    source.write_text("RULES = 1\n", encoding="utf-8")
    calls = []

    def build(value: str):
        calls.append(value)
        return [value, "a"]

    assert tesswords.derived_lines("t", source, lambda: build("one")) == ["a", "one"]
    assert tesswords.derived_lines("t", source, lambda: build("other")) == ["a", "one"]  # read back, not built
    source.write_text("RULES = 2\n", encoding="utf-8")  # the code changed: built again
    assert tesswords.derived_lines("t", source, lambda: build("two")) == ["a", "two"]
    assert calls == ["one", "two"]
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("ARCHIVIST_CACHE_DIR", str(blocked / "cache"))  # cannot be made: built each time
    assert tesswords.derived_lines("t", source, lambda: build("three")) == ["a", "three"]
