# Klimatscenarier. Needs only python3 (>= 3.11); everything else goes into .venv.
#   make run    build the database from data/ and start the app on http://localhost:8501
#   make test   ruff + the whole pytest suite, browser tests included
# Every target is safe to repeat: the venv is re-installed only when pyproject.toml changes,
# and the database is rebuilt only when a CSV in data/ changes.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
# The database file; the environment variable KLIMAT_DB overrides it.
KLIMAT_DB ?= klimat.duckdb
PORT ?= 8501
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH
# The suite is safe for parallel workers (own tmp dirs, own server port per worker).
PYTEST_ARGS ?= -n 2
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help
.PHONY: help venv db run test lint bench clean distclean

help:
	@echo "make venv       create $(VENV) and install the project with its dev tools"
	@echo "make db         build $(KLIMAT_DB) from data/*.csv (only if a CSV changed)"
	@echo "make run        make db, then start the app on port $(PORT)"
	@echo "make test       ruff check + pytest (browser tests need $(CHROMIUM_PATH))"
	@echo "make lint       ruff check"
	@echo "make bench      run the benchmarks (python -m bench)"
	@echo "make clean      remove caches (keeps $(VENV) and the database with saved scenarios)"
	@echo "make distclean  clean, and remove $(VENV) too"

venv: $(STAMP)

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "Python 3.11 or newer is needed; '$(PYTHON)' is $$($(PYTHON) -V 2>&1)." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Re-install only when the dependencies may have changed.
$(STAMP): pyproject.toml constraints.txt | $(PY)
	$(PY) -m pip install -c constraints.txt -e '.[dev]'
	@touch $@

db: $(STAMP)
	$(PY) -m store build --db "$(KLIMAT_DB)" --data data

run: db
	KLIMAT_DB="$(KLIMAT_DB)" $(PY) -m ui.serve --server.port $(PORT)  # warm caches first

test: $(STAMP)
	@if [ ! -x "$(CHROMIUM_PATH)" ]; then \
	  echo "NOTE: no Chromium at $(CHROMIUM_PATH): the browser (e2e) tests will be SKIPPED" \
	       "(with CI=true they FAIL). Install it with 'sudo apt-get install chromium" \
	       "fonts-dejavu-core', or run '.ci/run' as root on Debian." >&2; \
	fi
	$(BIN)/ruff check .
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf .pytest_cache .ruff_cache .hypothesis build *.egg-info
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
