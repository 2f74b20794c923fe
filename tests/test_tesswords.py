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
        assert syllables.attested() == frozenset({"nguồi"})
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
