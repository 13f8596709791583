# make run / make test work on a fresh clone: each sets up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test eval bench setup clean chromium

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(PY) -m pipeline.main_job

# The web UI tests drive Debian's chromium (never a Playwright-downloaded browser).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "installing Debian's chromium for the web UI tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  ($$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium) \
	    || echo "warning: chromium could not be installed; the web UI tests will be skipped"; \
	fi

test: $(STAMP) chromium
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) -m benchmarks.eval_all

bench: $(STAMP)
	$(PY) -m benchmarks.bench_all

clean:
	rm -rf $(VENV) build *.egg-info
