# Two commands: `make run` (set up and start the app) and `make test` (set up and run the tests).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# Listen beyond this computer (ADDRESS=0.0.0.0) only with sign-in configured: see docs/admin.md.
ADDRESS ?= 127.0.0.1

.PHONY: run test install install-test bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# The start check refuses to listen beyond this computer without sign-in; it prints the host names
# the app answers to (server.allowedHosts, the loopback names, the host of [auth] redirect_uri).
run: install
	@set -f; hosts="$$($(BIN)/python -c "import sys, generator.records.access as a; sys.exit(a.main(sys.argv[1:]))" \
	  $(ADDRESS))" && exec $(BIN)/streamlit run streamlit_app.py --server.address $(ADDRESS) --server.port $(PORT) $$hosts

test: install-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install-test
	$(BIN)/python benchmarks/accuracy.py
	$(BIN)/python benchmarks/blind.py
	$(BIN)/python benchmarks/check_speed.py
	$(BIN)/python benchmarks/batch.py --n 1000 --also 10000
	$(BIN)/python benchmarks/hostile.py
	$(BIN)/python benchmarks/redline.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
