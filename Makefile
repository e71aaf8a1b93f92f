# casewatch — the only way things get installed, run and tested (CI runs `make test` on a clean clone).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup system-deps run demo test test-postgres lint bench bench-peers clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

VENDOR := src/casewatch/web/static/vendor
$(VENDOR)/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --silent --no-audit --no-fund
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/govuk
	cp frontend/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css \
	   frontend/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(VENDOR)/govuk/
	cp -r frontend/node_modules/govuk-frontend/dist/govuk/assets $(VENDOR)/govuk/assets
	cp frontend/node_modules/axe-core/axe.min.js $(VENDOR)/
	cp frontend/node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/
	touch $@

setup: $(STAMP) $(VENDOR)/.installed  ## create .venv, install casewatch with its test extras, fetch GOV.UK Frontend (npm)

SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
system-deps:  ## Debian packages: pdftoppm (poppler-utils), Pango and HarfBuzz-subset (WeasyPrint), chromium (browser tests; Playwright never downloads one), postgresql (the app database's second backend, tested)
	@command -v pdftoppm >/dev/null 2>&1 || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq poppler-utils)
	@ldconfig -p | grep -q libpangoft2 || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0)
	@ldconfig -p | grep -q libharfbuzz-subset || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libharfbuzz-subset0)
	@command -v /usr/bin/chromium >/dev/null 2>&1 || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq postgresql)

DEMO_OUT  ?= var/demo
DEMO_SIZE ?= small
PORT      ?= 8000
run: setup  ## synthetic council -> DuckDB -> headline figures, the report in var/demo/report, the dashboard on http://127.0.0.1:8000 (DEMO_OUT, DEMO_SIZE, PORT change them; the README test runs it so)
	$(BIN)/casewatch demo --out $(DEMO_OUT) --size $(DEMO_SIZE)
	CASEWATCH_WEB_DB=$(abspath $(DEMO_OUT))/web.sqlite3 $(BIN)/casewatch serve --db $(DEMO_OUT)/casewatch.duckdb --demo-accounts --port $(PORT)

demo: run

lint: setup
	$(BIN)/ruff check src tests bench tools

test: setup system-deps lint  ## the whole suite (app database in SQLite), then the web tests again on PostgreSQL; pytest's "no tests collected" (exit 5) fails the build
	$(BIN)/pytest -q -p no:cacheprovider
	$(MAKE) --no-print-directory test-postgres

test-postgres: setup system-deps  ## the web tests (but the browser journeys) with the app database in a throwaway PostgreSQL on loopback
	@url=$$($(BIN)/python tools/pg_cluster.py start var/pg) && \
	  DATABASE_URL="$$url" $(BIN)/pytest -q -p no:cacheprovider tests/web --ignore-glob="tests/web/test_browser*.py"; \
	  rc=$$?; $(BIN)/python tools/pg_cluster.py stop var/pg; exit $$rc

bench: setup  ## speed and memory figures (docs/performance.md)
	$(BIN)/python bench/synth_load.py --size large

bench-peers: setup  ## casewatch vs the DfE's csc-validator-be-903/-cin (installed in var/bench/peers only)
	$(BIN)/python bench/peer_cin.py --size medium --repeat 1
	$(BIN)/python bench/peer_903.py --size medium --repeat 1

clean:
	rm -rf $(VENV) var .pytest_cache build *.egg-info src/*.egg-info
