# Two commands set everything up: `make report` and `make test`. Every target creates .venv when
# missing. `make check` is the contributor's fast loop: ruff, then every test that runs no notebook.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: test check report lab lint format data validate bench clean

# ruff reads notebooks too (.ipynb: each cell linted and formatted like a module)
LINTED := jbanalysis tests benchmarks scripts notebooks conftest.py

# `make lab [PORT=8890] [ARGS="--ip=0.0.0.0 --no-browser"]`: JupyterLab on notebooks/.
# Jupyter refuses to start as root without --allow-root (containers and CI run as root), so it
# is added for root only. PORT empty: Jupyter's default (8888, or the next free port).
PORT    ?=
ARGS    ?=
USER_ID ?= $(shell id -u)
LAB_FLAGS := --notebook-dir=notebooks $(if $(PORT),--port=$(PORT)) $(if $(filter 0,$(USER_ID)),--allow-root)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[lab,test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

# The whole suite, notebooks and report renders included: what CI runs.
test: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/python -m pytest

# Everything that needs no notebook execution (tests marked `slow` are left to `make test`).
check: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/python -m pytest -m "not slow" -n auto --dist loadscope

report: $(STAMP)
	$(BIN)/jbanalysis report --out reports

lab: $(STAMP)
	$(BIN)/jupyter lab $(LAB_FLAGS) $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)

format: $(STAMP)
	$(BIN)/ruff format $(LINTED)

# Rebuild data/observations.csv and data/datapackage.json from data/sources/.
data: $(STAMP)
	$(BIN)/python -m jbanalysis.data build

validate: $(STAMP)
	$(BIN)/jbanalysis data validate

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf reports build dist .pytest_cache
