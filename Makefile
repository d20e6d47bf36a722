# Quick start: `make run` runs the bot, `make test` runs every check. Each sets itself up.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
BABEL_KEYWORDS := -k _ -k N_ -k ngettext:1,2

.PHONY: run chat editor test lint typecheck unit catalogs messages clean bench

$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

# The .po files are the source; their compiled .mo files are build products (not in Git).
CATALOGS := $(patsubst %.po,%.mo,$(wildcard locales/*/LC_MESSAGES/messages.po))

catalogs: $(CATALOGS)

locales/%/LC_MESSAGES/messages.mo: locales/%/LC_MESSAGES/messages.po $(INSTALLED)
	$(BIN)/pybabel compile --domain messages --directory locales --locale $* --statistics

run: $(INSTALLED) catalogs
	$(BIN)/python -m bot run

# The local chat with the whole bot, without Telegram; `editor`: as a super-admin.
chat: $(INSTALLED) catalogs
	$(BIN)/python -m bot chat

editor: $(INSTALLED) catalogs
	$(BIN)/python -m bot chat --admin

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(INSTALLED)
	$(BIN)/mypy
	$(BIN)/mypy alembic/env.py alembic/versions

unit: $(INSTALLED) catalogs
	$(BIN)/python -m pytest

test: lint typecheck unit

# After adding or changing messages in code: extract them and update both catalogs. English
# takes the source text; the Ukrainian translations are written by hand in
# locales/uk/LC_MESSAGES/messages.po, and this lists every message still waiting for one.
messages: $(INSTALLED)
	$(BIN)/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) --no-location --sort-output \
		--project Pobratym --copyright-holder "Pobratym contributors" -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching \
		--width 99 --ignore-obsolete
	$(BIN)/python tools/catalogs.py

clean:
	rm -rf $(VENV) var *.egg-info .mypy_cache .ruff_cache .pytest_cache
	find locales -name '*.mo' -delete

# The bot beside bare aiogram (the update path, start-up and memory, Telegram's limits), then
# the question answering's start-up, latency and memory, curated vs national scale.
# BENCH="--full" broadcasts 10,000 instead of 1,000.
bench: $(INSTALLED) catalogs
	$(BIN)/python -m benchmarks $(BENCH)
	$(BIN)/python -m benchmarks.qa_benchmark
	$(BIN)/python -m benchmarks.places_benchmark
	$(BIN)/python -m benchmarks.extraction_benchmark
