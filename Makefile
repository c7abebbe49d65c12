# Every target creates .venv and installs the project on first use.
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check lock lint system bench

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

# Warnings stop the build, as under --strict; BUILD_ARGS="--with zensical" for another generator.
build: $(VENV)/.installed
	$(PY) -m build_tools build $(BUILD_ARGS)

# --strict like build, so that check and build give the same verdict.
check: $(VENV)/.installed
	$(PY) -m build_tools check --strict

# At a release: add the deep links of the current content to content/anchors.lock.
lock: $(VENV)/.installed
	$(PY) -m build_tools lock

# Build 1, 100 and 1,000 generated exercises our way and the default way, and print what it
# cost; BENCH_ARGS="--with-10000 --docs docs/benchmark" for 10,000 and the docs page.
# Compiled first: where PYTHONDONTWRITEBYTECODE is set, every build would compile build_tools.
bench: $(VENV)/.installed
	$(PY) -m compileall -q build_tools
	$(PY) -m tests.bench $(BENCH_ARGS)

lint: $(VENV)/.installed
	$(PY) -m ruff check build_tools tests
	$(PY) -m ruff format --check build_tools tests
	$(PY) -m mypy

system:
	.ci/install-system-packages

# axe-core and the Nu Html Checker for the browser tests. No install scripts: vnu-jar's would
# fetch a Java runtime, and the system one is used instead.
node_modules/.package-lock.json: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

test: $(VENV)/.installed system node_modules/.package-lock.json
	$(PY) -m ruff check build_tools tests
	$(PY) -m mypy
	$(PY) -m pytest
