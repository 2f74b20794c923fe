# Two commands on a fresh Debian machine: `make run` and `make test`.
# Each installs what is missing (Debian packages, the .venv) and is fast when all is there.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARCHIVE ?= archive-out

.PHONY: run test test-fast wheel-check setup system venv lint clean bench samples

setup: system venv

system:
	@bash scripts/setup-system.sh

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

# The samples are a merged commune's (Xã Yên Bình, Lào Cai): init sets up its fonds (nothing changes on a re-run).
run: setup
	$(BIN)/archivist init --archive $(ARCHIVE) --commune 04714
	$(BIN)/archivist process samples/scans --archive $(ARCHIVE)
	$(BIN)/archivist fonds list --archive $(ARCHIVE)
	$(BIN)/archivist search "quyet dinh" --archive $(ARCHIVE) --limit 5

# The wheel check runs before pytest so that pytest's summary stays the last line CI reads.
# --durations=15: every log names the fifteen slowest tests (pytest prints them before its summary, which stays last).
test: setup
	$(BIN)/ruff check archivist tests bench samples
	bash scripts/wheel-check.sh $(PYTHON)
	$(BIN)/python -m pytest -q -ra --durations=15

# Day to day: the suite without the slow end-to-end tests (those marked slow: whole batches through OCR).
test-fast: setup
	$(BIN)/ruff check archivist tests bench samples
	$(BIN)/python -m pytest -q -ra -m "not slow"

# The built wheel, installed in a fresh environment outside the checkout, runs a batch, verify and a search.
wheel-check: venv
	bash scripts/wheel-check.sh $(PYTHON)

lint: venv
	$(BIN)/ruff check archivist tests bench samples

samples: venv
	$(BIN)/python samples/generate.py --out samples

bench: setup
	$(BIN)/python bench/run

clean:
	rm -rf $(ARCHIVE) .pytest_cache
