# Two commands do all set-up on a fresh machine (Python >= 3.11, pip, make):
#   make start   install the kit into .venv and open the course in JupyterLab (127.0.0.1)
#   make test    install with test extras (and Chromium if missing) and run all five test tiers
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   := 127.0.0.1
PORT   ?= 8888
APPS_PORT ?= 8866

.PHONY: start apps test test-library test-notebooks test-browser chromium postgresql chp wheelhouse constraints \
	materials templates fonts bench bench-load bench-load-hub bench-forecast-real clean help

help:
	@echo "make start  - open the course in JupyterLab (calculators open through Voila)"
	@echo "make apps   - serve the calculators alone with Voila"
	@echo "make test   - run every test tier (library, exercises, apps, notebooks, browser)"
	@echo "make bench  - run benchmarks against pyworkforce (installs it into .venv)"
	@echo "make bench-load - 10/20/30 browsers at once on one calculator server (about 12 min)"
	@echo "make bench-load-hub - 10/20/30 trainees at once on a throwaway JupyterHub (about 15 min)"
	@echo "make bench-forecast-real - forecast methods and auto vs the planner's 4-week mean on real public data (QUICK=1: 4 origins)"
	@echo "make templates - the management templates (Word/Excel: rules, processes, roles, floor, system; zh + en, examples and blanks) into ccskills_templates/"
	@echo "make materials - every printable file (PDF: glossary, handouts, role-play kits ...) into materials/"
	@echo "make wheelhouse - every wheel the course needs in wheelhouse/, to install with no internet"
	@echo "make chp    - configurable-http-proxy from npm into .venv/node_modules (the hub test needs it)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# pyproject.toml has ranges; constraints.txt the exact set the tests ran with, used by every install.
# The core (pip install ccskills) computes; [course] adds JupyterLab, Voila, widgets, charts, the
# progress store and PDFs; [test] the test tools and a throwaway JupyterHub.
CONSTRAINTS := constraints.txt
PIP_INSTALL := $(BIN)/python -m pip install --quiet -c $(CONSTRAINTS)

# Stamps re-run the install only when pyproject.toml or constraints.txt changes.
$(VENV)/.installed: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(PIP_INSTALL) -e ".[course]"
	touch $@

$(VENV)/.installed-test: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(PIP_INSTALL) -e ".[course,test]"
	touch $@ $(VENV)/.installed $(VENV)/.installed-materials

$(VENV)/.installed-materials: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(PIP_INSTALL) -e ".[course,materials]"
	touch $@ $(VENV)/.installed

# The printable set, built offline from the kit's figures into materials/ (Typst, Chinese fonts
# embedded). Debian's Noto CJK fonts are installed when no Chinese font is found and this runs as
# root; otherwise the build stops with a sentence saying how to install one.
MATERIALS ?= materials
materials: $(VENV)/.installed-materials fonts
	$(BIN)/python -m ccskills materials --out $(MATERIALS)

# The management track's templates a manager edits and keeps (issue 16): rules, processes with
# their swimlane maps, role documents, the floor system and the management system, as Word and
# Excel files in zh and en, each as a worked example from the kit's centre and as a blank.
TEMPLATES_OUT ?= ccskills_templates
templates: $(VENV)/.installed
	$(BIN)/python -m ccskills templates --out $(TEMPLATES_OUT)

fonts:
	@if ls /usr/share/fonts/opentype/noto/NotoSerifCJK* >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's fonts-noto-cjk for the printable materials ..."; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null) \
		|| echo "Could not install fonts-noto-cjk with apt-get; the build will say how to install a Chinese font."; \
	else echo "No Noto CJK font and this user cannot apt-get it; the build will use another Chinese font or say how to install one."; fi

# `python -m ccskills start|apps` (src/ccskills/launcher) builds the server command lines, so
# that a laptop without make (Windows) gets the same servers: JupyterLab on 127.0.0.1 with
# course/ as root and the guide first, Lab's update check / news / PyPI extension manager off,
# --allow-root when run as root, calculators through Voila's offline template "ccskills". The
# server settings (kernel cap and busy page, freeing closed pages' kernels, 64 MiB uploads) are
# installed with the kit into .venv/etc/jupyter (voila.json, jupyter_server_config.json),
# so they apply wherever Voila or JupyterLab starts; voila.json here is the same file.
start: $(VENV)/.installed
	$(BIN)/python -m ccskills start --ip=$(HOST) --port=$(PORT)

# For a class working on one calculator, keep CLASS kernels of it ready (about 165 MB each),
# e.g. make apps WARM=erlang_calculator.ipynb CLASS=30: pages then skip the kernel start.
# Taken pages are refilled a minute later, within the kernel cap.
CLASS ?= 20
apps: $(VENV)/.installed
	$(BIN)/python -m ccskills apps --ip=$(HOST) --port=$(APPS_PORT) $(if $(WARM),--warm=$(WARM) --class=$(CLASS))

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
test test-library test-notebooks test-browser bench-load bench-load-hub: export CCSKILLS_PROGRESS = off

# configurable-http-proxy for the throwaway JupyterHub of the hub test (tests/hub_server.py finds
# .venv/node_modules/.bin/configurable-http-proxy). Needs Node.js's npm (installed from Debian when
# missing and run as root, like chromium); the proxy file itself is the stamp, so this runs once.
CHP_VERSION := 5.3.0
CHP := $(VENV)/node_modules/.bin/configurable-http-proxy
chp: $(CHP)
$(CHP): | $(BIN)/python
	@if ! command -v npm >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's nodejs and npm for configurable-http-proxy ..."; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) || true; fi
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-audit --no-fund --prefix $(VENV) configurable-http-proxy@$(CHP_VERSION) \
		|| echo "Could not install configurable-http-proxy with npm; the hub test will say how to install it."; \
	else echo "npm is missing, so the hub test cannot get configurable-http-proxy: install Node.js" \
		"(Debian/Ubuntu: sudo apt-get install -y nodejs npm; elsewhere https://nodejs.org), then make chp."; fi

test: $(VENV)/.installed-test chromium postgresql chp fonts
	$(MAKE) --no-print-directory test-library test-notebooks test-browser

# Tiers 1-3: library (with doctests), exercise checkers, apps headless.
# The library and notebook tiers run on TEST_WORKERS pytest-xdist workers (measured on 2 cores:
# library 9.5 -> 5.7 min, notebooks 3.9 -> 2.3 min); a notebook's cells share its kernel, so the
# notebook tier keeps each file on one worker. TEST_WORKERS=0 runs them in one process.
TEST_WORKERS ?= 2
XDIST := $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS))
test-library: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q $(XDIST) -m "not browser" --doctest-modules src/ccskills tests

# Tier 4: every notebook under course/ runs top to bottom on a fresh kernel.
test-notebooks: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q $(XDIST) $(if $(XDIST),--dist loadfile) -p no:cacheprovider --nbval-lax --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg course

# Tier 5: Voila in Chromium, driven by Playwright, no internet.
test-browser: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -m browser tests/browser

# Benchmarks run ccskills and its peer (pyworkforce) in one process; the peer is installed
# only into this separate environment, never into the kit's own.
BENCH := .venv-bench
$(BENCH)/.installed: pyproject.toml $(CONSTRAINTS)
	[ -x $(BENCH)/bin/python ] || $(PYTHON) -m venv $(BENCH)
	$(BENCH)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH)/bin/python -m pip install --quiet -c $(CONSTRAINTS) -e ".[course,bench,test]"
	touch $@

bench: $(BENCH)/.installed chromium
	cd benchmarks && ../$(BENCH)/bin/python run_all.py

# The workshop load alone: first-chart p50/p95, kernels and memory at 10, 20, 30 sessions.
bench-load: $(VENV)/.installed-test chromium
	$(BIN)/python benchmarks/load_calculators.py

# The class on a real hub: server start, first chart, memory per server and kernel, kernel deaths
# and idle culling at 10, 20, 30 trainees (deploy/z2jh/values.yaml is sized from it). The culler
# is a hub service the kit itself never imports, so it is installed here only.
bench-load-hub: $(VENV)/.installed-test chromium chp
	$(PIP_INSTALL) jupyterhub-idle-culler==2.0.0
	$(BIN)/python benchmarks/load_hub.py

# Issue 14's protocol on real public data (datasets/real) and the simulated lines: last 8 weekly
# origins (QUICK=1: 4), 7-day horizon, WAPE over open slots, auto vs the planner's 4-week mean.
bench-forecast-real: $(VENV)/.installed
	$(BIN)/python benchmarks/forecast_real.py $(if $(QUICK),--quick)

# Every wheel the course needs for this platform and Python, with the kit's own (which carries the
# course), for a training room with no internet: copy wheelhouse/ to a machine of the same OS and
# Python and run the line in wheelhouse/install-offline.txt. The wheels are the constrained versions,
# one of each, so --no-index needs no constraints file. (For Windows laptops, build it on Windows:
# py -m pip wheel -c constraints.txt -w wheelhouse ".[course]")
WHEELHOUSE := wheelhouse
wheelhouse: | $(BIN)/python
	rm -rf $(WHEELHOUSE) && mkdir -p $(WHEELHOUSE) && echo '*' > $(WHEELHOUSE)/.gitignore
	$(BIN)/python -m pip wheel --quiet -c $(CONSTRAINTS) -w $(WHEELHOUSE) ".[course]"
	printf '%s\n' \
		'# ccskills with no internet, on the same OS and Python as the machine that made this folder.' \
		'# From the folder that holds wheelhouse/ (Windows: py instead of python3, .venv\Scripts\ instead of .venv/bin/):' \
		'python3 -m venv .venv' \
		'.venv/bin/python -m pip install --no-index --find-links wheelhouse "ccskills[course]"' \
		'.venv/bin/python -m ccskills start' \
		> $(WHEELHOUSE)/install-offline.txt
	@echo "$(WHEELHOUSE)/: $$(ls $(WHEELHOUSE)/*.whl | wc -l) wheels, $$(du -sh $(WHEELHOUSE) | cut -f1); see $(WHEELHOUSE)/install-offline.txt"

# After upgrading packages inside .venv and running the tests: write the tested set back.
constraints: | $(BIN)/python
	{ sed -n '/^#/p' $(CONSTRAINTS); $(BIN)/python -m pip freeze --all --exclude-editable \
		| grep -viE '^(pip|setuptools|wheel)=='; } > $(CONSTRAINTS).new && mv $(CONSTRAINTS).new $(CONSTRAINTS)

clean:
	rm -rf $(VENV) $(BENCH) $(WHEELHOUSE) .pytest_cache .hypothesis
