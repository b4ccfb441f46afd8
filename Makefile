# Two commands do all set-up on a fresh machine (Python >= 3.11, pip, make):
#   make start   install the kit into .venv and open the course in JupyterLab (127.0.0.1)
#   make test    install with test extras (and Chromium if missing) and run all five test tiers
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   := 127.0.0.1
PORT   ?= 8888
APPS_PORT ?= 8866

.PHONY: start apps test test-library test-notebooks test-browser chromium postgresql bench bench-load clean help

help:
	@echo "make start  - open the course in JupyterLab (calculators open through Voila)"
	@echo "make apps   - serve the calculators alone with Voila"
	@echo "make test   - run every test tier (library, exercises, apps, notebooks, browser)"
	@echo "make bench  - run benchmarks against pyworkforce (installs it into .venv)"
	@echo "make bench-load - 10/20/30 browsers at once on one calculator server (about 12 min)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps re-run the install only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

# Jupyter refuses to run as root (containers, CI machines) without --allow-root.
AS_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
# The course works offline: no update check, no news feed, no PyPI extension manager.
LAB_OFFLINE := --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
	--LabApp.news_url=None --LabApp.extension_manager=readonly
# Calculators render with our Voila template "ccskills" (no CDN links). The server settings
# (kernel cap and busy page, freeing closed pages' kernels, 64 MiB uploads) are installed with
# the kit into .venv/etc/jupyter (voila.json, jupyter_server_config.d/ccskills.json), so they
# apply wherever Voila or JupyterLab starts; voila.json here is the same file.
VOILA_TEMPLATE := ccskills

# The index links voila/render/apps/<name>.ipynb: Voila runs inside JupyterLab.
start: $(VENV)/.installed
	$(BIN)/jupyter lab --ip=$(HOST) --port=$(PORT) --ServerApp.root_dir=course \
		--LabApp.default_url=/lab/tree/00_guide.ipynb \
		--VoilaConfiguration.template=$(VOILA_TEMPLATE) $(LAB_OFFLINE) $(AS_ROOT)

# For a class working on one calculator, keep CLASS kernels of it ready (about 165 MB each),
# e.g. make apps WARM=erlang_calculator.ipynb CLASS=30: pages then skip the kernel start.
# Taken pages are refilled a minute later, within the kernel cap.
CLASS ?= 20
WARM_POOLS = '--VoilaKernelManager.kernel_pools_config={"default": {"pool_size": 1}, "$(WARM)": {"pool_size": $(CLASS)}}'
WARM_POOL = $(if $(WARM),$(WARM_POOLS) --VoilaKernelManager.fill_delay=60)

apps: $(VENV)/.installed
	$(BIN)/voila course/apps --Voila.ip=$(HOST) --port=$(APPS_PORT) --no-browser \
		--template=$(VOILA_TEMPLATE) $(WARM_POOL)

# Debian's Chromium for the browser tier (CI runs as root), with a Chinese font so that
# screenshots show the labels. If it cannot be installed, the browser tests fail with a
# sentence saying how to install it (or set CCSKILLS_CHROMIUM=/path/to/chrome).
chromium:
	@if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's chromium for the browser tests ..."; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			chromium fonts-wqy-microhei >/dev/null) \
		|| echo "Could not install chromium with apt-get; the browser tier will say how to install it."; \
	else echo "chromium is missing and this user cannot apt-get it; the browser tier will say how to install it."; fi

# PostgreSQL server binaries for the progress store's tests (a throwaway cluster on 127.0.0.1,
# tests/pg_server.py). If they cannot be installed, those tests fail saying how to install them.
postgresql:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's postgresql for the progress store tests ..."; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
		|| echo "Could not install postgresql with apt-get; the progress store tests will say how to install it."; \
	else echo "postgresql is missing and this user cannot apt-get it; the progress store tests will say how to install it."; fi

# Tests never record into a trainee's progress store (kernels they start inherit this too).
test test-library test-notebooks test-browser bench-load: export CCSKILLS_PROGRESS = off

test: $(VENV)/.installed-test chromium postgresql
	$(MAKE) --no-print-directory test-library test-notebooks test-browser

# Tiers 1-3: library (with doctests), exercise checkers, apps headless.
test-library: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -m "not browser" --doctest-modules src/ccskills tests

# Tier 4: every notebook under course/ runs top to bottom on a fresh kernel.
test-notebooks: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -p no:cacheprovider --nbval-lax --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg course

# Tier 5: Voila in Chromium, driven by Playwright, no internet.
test-browser: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -m browser tests/browser

# Benchmarks run ccskills and its peer (pyworkforce) in one process; the peer is installed
# only into this separate environment, never into the kit's own.
BENCH := .venv-bench
$(BENCH)/.installed: pyproject.toml
	[ -x $(BENCH)/bin/python ] || $(PYTHON) -m venv $(BENCH)
	$(BENCH)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH)/bin/python -m pip install --quiet -e ".[bench,test]"
	touch $@

bench: $(BENCH)/.installed chromium
	cd benchmarks && ../$(BENCH)/bin/python run_all.py

# The workshop load alone: first-chart p50/p95, kernels and memory at 10, 20, 30 sessions.
bench-load: $(VENV)/.installed-test chromium
	$(BIN)/python benchmarks/load_calculators.py

clean:
	rm -rf $(VENV) $(BENCH) .pytest_cache .hypothesis
