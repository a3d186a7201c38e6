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
# The suite is safe for parallel workers (own tmp dirs, own server port per worker). Tests
# that measure time or memory (marked serial) run afterwards, with the machine to themselves.
# --dist worksteal: a worker that runs out of tests takes half of the other's queue, so both
# finish together (with the default `load`, one worker sat idle for minutes while the other
# worked through its queue of browser tests).
PYTEST_ARGS ?= -n 2 --dist worksteal -m 'not serial'
# The serial phase collects only the files that mark a test serial: collecting all ~80 test
# files (imports and assertion rewriting) to select eight tests took 10-20 s.
SERIAL_FILES := $(shell grep -l 'mark\.serial' tests/test_*.py 2>/dev/null)
SERIAL_ARGS ?= -m serial $(SERIAL_FILES)
# The suite starts ~40 Python processes (pytest workers, app servers, CLI runs) that import
# the same modules; with PYTHONDONTWRITEBYTECODE set in the environment each one compiled
# them (and pytest rewrote every test file's asserts) again. The tests let Python keep them.
TEST_ENV := env -u PYTHONDONTWRITEBYTECODE
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help
.PHONY: help venv data db run cluster test lint bench clean distclean

help:
	@echo "make venv       create $(VENV) and install the project with its dev tools"
	@echo "make data       rebuild data/*.csv from the raw files in $(RAW_DATA)"
	@echo "make db         build $(KLIMAT_DB) from data/*.csv (only if a CSV changed)"
	@echo "make run        make db, then start the app on port $(PORT)"
	@echo "make cluster    PostgreSQL + N app processes (default 2) behind HAProxy on PORT (8500)"
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

# The official raw files (SCB, SMHI NED, Trafikanalys) beside the repository.
RAW_DATA ?= ../shared/data

data: $(STAMP)
	$(PY) -m store.sources --raw "$(RAW_DATA)"

db: $(STAMP)
	$(PY) -m store build --db "$(KLIMAT_DB)" --data data

run: db
	KLIMAT_DB="$(KLIMAT_DB)" $(PY) -m ui.server --server.port $(PORT)

# Several app processes behind HAProxy, users' data in PostgreSQL (deploy/cluster.py). Needs
# Debian's postgresql and haproxy. Ctrl-C stops all of it; the data stays in .cluster/.
N ?= 2
CLUSTER_PORT := $(if $(filter command line environment override,$(origin PORT)),$(PORT),8500)
cluster: $(STAMP)
	KLIMAT_DB="$(KLIMAT_DB)" $(PY) -m deploy.cluster --processes $(N) --port $(CLUSTER_PORT)

test: $(STAMP)
	@if [ ! -x "$(CHROMIUM_PATH)" ]; then \
	  echo "NOTE: no Chromium at $(CHROMIUM_PATH): the browser (e2e) tests will be SKIPPED" \
	       "(with CI=true they FAIL). Install it with 'sudo apt-get install chromium" \
	       "fonts-dejavu-core', or run '.ci/run' as root on Debian." >&2; \
	fi
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { ! command -v haproxy \
	     >/dev/null && [ ! -x /usr/sbin/haproxy ]; }; then \
	  echo "NOTE: PostgreSQL or HAProxy is missing: the PostgreSQL store tests and the cluster" \
	       "tests will be SKIPPED (with CI=true they FAIL). Install them with 'sudo apt-get" \
	       "install postgresql haproxy', or run '.ci/run' as root on Debian." >&2; \
	fi
	$(BIN)/ruff check .
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)
	$(TEST_ENV) $(PY) -m pytest $(SERIAL_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf .pytest_cache .ruff_cache .hypothesis build *.egg-info
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
