# Chet: `make run` starts the bot (console chat without a token); `make test` runs the whole suite offline.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test test-postgres check lint typecheck fuzz bench contract clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,voice,postgres]'
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install Chet with dev, voice and postgres extras (idempotent)

run: install  ## the Telegram bot with TELEGRAM_BOT_TOKEN, else the console chat
	$(BIN)/chet run

test: install  ## the whole suite, offline (the ledger tests run on SQLite and on a PostgreSQL started by the session)
	$(BIN)/python -m pytest -q

test-postgres: install  ## the whole suite again with every ledger on PostgreSQL
	CHET_TEST_LEDGER=postgres $(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check bot memory prompts tests benchmarks tools
	$(BIN)/ruff format --check bot memory prompts tests benchmarks tools

typecheck: install
	$(BIN)/mypy

check: lint typecheck test  ## what CI runs (.ci/run): lint, types, then the whole suite

FUZZ_SIZE ?= 3000
FUZZ_EXAMPLES ?= 300
fuzz: install  ## the robustness suite at length: FUZZ_SIZE real sentences per source, FUZZ_EXAMPLES generated texts per property
	CHET_FUZZ_SIZE=$(FUZZ_SIZE) CHET_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -m fuzz

bench: install  ## benchmarks; results in benchmarks/results/
	$(BIN)/python -m benchmarks.run_all

contract: install
	$(PY) ../shared/contract_check.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
