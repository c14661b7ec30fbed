# Two commands set everything up: `make report` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: test report lab lint format data validate bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

test: $(STAMP)
	$(BIN)/ruff check jbanalysis tests benchmarks scripts
	$(BIN)/ruff format --check jbanalysis tests benchmarks scripts
	$(BIN)/python -m pytest

report: $(STAMP)
	$(BIN)/jbanalysis report --out reports

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks

lint: $(STAMP)
	$(BIN)/ruff check jbanalysis tests benchmarks scripts

format: $(STAMP)
	$(BIN)/ruff format jbanalysis tests benchmarks scripts

# Rebuild data/observations.csv and data/datapackage.json from data/sources/.
data: $(STAMP)
	$(BIN)/python -m jbanalysis.data build

validate: $(STAMP)
	$(BIN)/jbanalysis data validate

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf reports build dist .pytest_cache
