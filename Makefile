# Two commands for newcomers: `make serve` and `make test`. Everything installs itself into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test lint format check bench preview install clean

$(STAMP): requirements.txt requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## Build and serve at http://127.0.0.1:8000 with live reload on content, YAML, hooks and tools.
serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload -a 127.0.0.1:8000

## Build the production site into site/.
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## Run every test (unit, build, search quality, browser) after the style check (ruff).
test: $(STAMP) lint
	$(BIN)/python -m pytest -q

## Style: ruff lint and format check (`make format` fixes what it can).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## All quality gates without rendering HTML (quick feedback for editors).
check: $(STAMP)
	$(BIN)/python -m tools check

## Test version for co-creation groups: concept pages, banner, feedback links, "Wat is er veranderd".
## Gives site-preview/ and site-preview.zip (opens from disk, no server or internet needed).
preview: $(STAMP)
	$(BIN)/python -m tools preview

## Benchmark: synthetic national dataset and the real region.
bench: $(STAMP)
	$(BIN)/python -m tools bench

clean:
	rm -rf site $(VENV) docs/hulp
