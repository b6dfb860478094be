# The two commands of the README: `make report` and `make test`.
# Only python3 (3.11 or newer) and make are needed; everything else goes into .venv.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: report test lint typecheck unit accuracy speed clean

report: $(VENV)/.installed
	$(BIN)/verify check seeds --report-dir reports --exit-zero
	$(BIN)/verify rules --isolated --markdown > docs/rules.md.tmp && mv docs/rules.md.tmp docs/rules.md

test: $(VENV)/.installed-test lint typecheck unit

lint: $(VENV)/.installed-test
	$(BIN)/ruff check verify tests benchmarks
	$(BIN)/ruff format --check verify tests benchmarks

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy verify

unit: $(VENV)/.installed-test
	$(BIN)/pytest

accuracy: $(VENV)/.installed
	$(BIN)/python benchmarks/accuracy.py

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("verify needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
