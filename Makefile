# Every target creates .venv and installs the project on first use.
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check lint system

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

serve: $(VENV)/.installed
	$(PY) -m mkdocs serve --strict

build: $(VENV)/.installed
	$(PY) -m mkdocs build --strict

# --strict like build and serve, so that check and build give the same verdict.
check: $(VENV)/.installed
	$(PY) -m build_tools check --strict

lint: $(VENV)/.installed
	$(PY) -m ruff check build_tools tests
	$(PY) -m ruff format --check build_tools tests

system:
	.ci/install-system-packages

test: $(VENV)/.installed system
	$(PY) -m ruff check build_tools tests
	$(PY) -m pytest
