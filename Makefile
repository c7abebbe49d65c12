# Every target creates .venv and installs the project on first use.
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check lint system bench

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

# --dirty: a save rebuilds only the pages it changed (the plugin knows which), so an edit shows
# within a second at a thousand exercises. MkDocs warns on every dirty build, so no --strict here;
# a record with a problem still stops the rebuild and prints its findings.
serve: $(VENV)/.installed
	$(PY) -m mkdocs serve --dirty

build: $(VENV)/.installed
	$(PY) -m mkdocs build --strict

check: $(VENV)/.installed
	$(PY) -m build_tools check

# Build 1, 100 and 1,000 generated exercises our way and the default way, and print what it
# cost; BENCH_ARGS="--with-10000 --docs docs/benchmark" for 10,000 and the docs page.
bench: $(VENV)/.installed
	$(PY) -m tests.bench $(BENCH_ARGS)

lint: $(VENV)/.installed
	$(PY) -m ruff check build_tools tests
	$(PY) -m ruff format --check build_tools tests

system:
	.ci/install-system-packages

test: $(VENV)/.installed system
	$(PY) -m ruff check build_tools tests
	$(PY) -m pytest
