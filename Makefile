# make run / make test work on a fresh clone: each sets up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test eval bench setup clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(PY) -m pipeline.main_job

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) -m benchmarks.eval_all

bench: $(STAMP)
	$(PY) -m benchmarks.bench_all

clean:
	rm -rf $(VENV) build *.egg-info
