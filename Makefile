# Samen School Maken: two commands for everyone, a few more for developers.
#   make start   set up (first time) and open the kit in your browser
#   make test    set up and run every test
# Everything installs into .venv with the exact versions in requirements.lock.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.samenschool-installed
PORT   ?=
PYTEST_ARGS ?=

.PHONY: start lab test bench setup lock check clean help handouts

help:
	@echo "make start  - de kit openen in je browser (eerste keer: installeren)"
	@echo "make test   - alle tests draaien"
	@echo "make lab    - JupyterLab openen om de notebooks aan te passen"
	@echo "make bench  - snelheid en geheugen meten (benchmarks/)"
	@echo "make handouts - afdrukbare handouts maken in dist/handouts/"

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Samen School Maken heeft Python 3.10 of nieuwer nodig. Je hebt Python " + sys.version.split()[0] + ".")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(PY) requirements.lock pyproject.toml
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@# rfc3987-syntax builds ~35 parsers at import (~3 s on every Jupyter start); nothing in
	@# Jupyter needs the one format it checks (see TECH-NOTES / README). pip check stays clean.
	$(PY) -m pip uninstall --quiet --yes rfc3987-syntax
	$(PY) -m pip check
	@touch $(STAMP)

setup: $(STAMP)

start: $(STAMP)
	$(VENV)/bin/samenschool start $(if $(PORT),--poort $(PORT),)

lab: $(STAMP)
	$(VENV)/bin/samenschool start --lab $(if $(PORT),--poort $(PORT),)

check: $(STAMP)
	$(VENV)/bin/samenschool controle

test: $(STAMP)
	$(PY) -m pytest --nbval-lax -n 2 --dist loadfile -p no:cacheprovider $(PYTEST_ARGS)

handouts: $(STAMP)
	$(VENV)/bin/samenschool handouts

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

# Developers: refresh the pins after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --universal --python-version 3.10 --no-header -o requirements.lock
	$(PY) tools/sync_environment_yml.py

clean:
	rm -rf $(VENV) .pytest_cache build dist src/*.egg-info
