# casewatch — the only way things get installed, run and tested (CI runs `make test` on a clean clone).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run demo test lint bench bench-peers clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install casewatch with its test extras

run: setup  ## synthetic council -> DuckDB -> headline figures (report and dashboard arrive with later issues)
	$(BIN)/casewatch demo --out var/demo

demo: run

lint: setup
	$(BIN)/ruff check src tests bench tools

test: setup lint  ## the whole suite; pytest's "no tests collected" (exit 5) fails the build
	$(BIN)/pytest -q -p no:cacheprovider

bench: setup  ## speed and memory figures (docs/performance.md)
	$(BIN)/python bench/synth_load.py --size large

bench-peers: setup  ## casewatch vs the DfE's csc-validator-be-903/-cin (installed in var/bench/peers only)
	$(BIN)/python bench/peer_cin.py --size medium --repeat 1
	$(BIN)/python bench/peer_903.py --size medium --repeat 1

clean:
	rm -rf $(VENV) var .pytest_cache build *.egg-info src/*.egg-info
