# The commands the README names; CI runs `make test` (through .ci/run) and nothing else.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= eventwire.duckdb

.PHONY: setup demo test lint browser bench bench-corpus eval clean

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

# Debian's Chromium for tests/test_browser.py (which skips without it); installed only when running as root.
browser:
	@command -v chromium >/dev/null || \
	if [ "$$(id -u)" = 0 ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else echo "chromium is not installed and this is not root: the browser tests will be skipped"; fi

test: lint browser
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python bench/throughput.py

bench-corpus: setup
	$(BIN)/python bench/corpus.py --articles 2000

eval: setup
	$(BIN)/eventwire eval ../shared/eval/dev/gold.jsonl --articles ../shared/samples
	$(BIN)/eventwire eval tests/gold/examples.jsonl --articles examples

clean:
	rm -rf $(VENV) $(DB) build *.egg-info
