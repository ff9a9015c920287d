# The commands the README names; CI runs `make test` (through .ci/run) and nothing else.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= eventwire.duckdb

.PHONY: setup demo test lint bench eval clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/eventwire ingest examples/ --db $(DB)
	$(BIN)/eventwire events --db $(DB)
	$(BIN)/eventwire quotes --db $(DB)

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src

test: lint
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python bench/throughput.py

eval: setup
	$(BIN)/eventwire eval ../shared/eval/dev/gold.jsonl --articles ../shared/samples

clean:
	rm -rf $(VENV) $(DB) build *.egg-info
