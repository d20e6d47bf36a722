# Quick start: `make run` runs the bot, `make test` runs every check. Each sets itself up.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
BABEL_KEYWORDS := -k _ -k N_ -k ngettext:1,2

.PHONY: run test lint typecheck unit catalogs messages clean bench

$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

catalogs: $(INSTALLED)
	$(BIN)/python -c 'from knowledge.i18n import compile_catalogs; compile_catalogs()'

run: $(INSTALLED) catalogs
	$(BIN)/python -m bot run

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(INSTALLED)
	$(BIN)/mypy
	$(BIN)/mypy alembic/env.py alembic/versions

unit: $(INSTALLED) catalogs
	$(BIN)/python -m pytest

test: lint typecheck unit

# After adding or changing messages: extract them, update both catalogs, fill the translations
# from tools/translations.py (it fails listing any message still untranslated).
messages: $(INSTALLED)
	$(BIN)/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) --no-location --sort-output \
		--project Pobratym --copyright-holder "Pobratym contributors" -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching
	$(BIN)/python tools/fill_catalogs.py

clean:
	rm -rf $(VENV) var *.egg-info .mypy_cache .ruff_cache .pytest_cache
	find locales -name '*.mo' -delete

# Start-up, latency and memory of the question answering, curated vs national scale.
bench: $(INSTALLED) catalogs
	$(BIN)/python -m benchmarks.qa_benchmark
