# storytrace: the two commands a fresh machine needs are `make demo` and `make test`.
# Everything installs into ./.venv from the package registry, pinned by requirements/lock.txt.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
LOCK   := requirements/lock.txt
DEMO_DB := $(VENV)/demo.db
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: demo test test-slow test-dask test-browser gate lint typecheck check bench clean install

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml $(LOCK)
	$(BIN)/pip install --quiet -c $(LOCK) -e '.[dev,web]'
	@touch $@

$(VENV)/.installed-dask: $(VENV)/.installed
	$(BIN)/pip install --quiet -c $(LOCK) -e '.[dev,dask]'
	@touch $@

$(VENV)/.installed-browser: $(VENV)/.installed
	$(BIN)/pip install --quiet -c $(LOCK) -e '.[dev,web,browser]'
	@touch $@

install: $(VENV)/.installed

## demo: install, then trace the bundled example corpus and print the result
demo: $(VENV)/.installed
	@rm -f $(DEMO_DB)
	$(BIN)/storytrace trace examples/input --db $(DEMO_DB) --json $(VENV)/demo-report.json
	@echo "JSON report written to $(VENV)/demo-report.json"

## test: the test suite CI runs (slow, optional-engine and browser tests have their own targets)
test: $(VENV)/.installed
	$(BIN)/python -m pytest -q -m "not slow and not dask and not browser"

test-slow: $(VENV)/.installed
	$(BIN)/python -m pytest -q -m "slow"

test-dask: $(VENV)/.installed-dask
	$(BIN)/python -m pytest -q -m "dask"

## test-browser: end-to-end tests in the system's headless chromium (screenshots in artifacts/)
test-browser: $(VENV)/.installed-browser
	$(BIN)/python -m pytest -q -m "browser" tests/browser

## gate: trace the gold corpora and fail below the floors in tests/quality/floors.json
gate: $(VENV)/.installed
	$(BIN)/python tests/quality/gate.py

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests $(wildcard benchmarks)
	$(BIN)/ruff format --check src tests $(wildcard benchmarks)

typecheck: $(VENV)/.installed
	$(BIN)/mypy

check: lint typecheck test

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/ingest_bench.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
