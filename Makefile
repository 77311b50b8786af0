# kg — the two commands a user needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= kg-data
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: setup browser bytecode run test test-quality bench clean

# What running needs (the package and its dependencies), and on top of it what testing needs.
RUN_STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
JS_STAMP   := tests/js/node_modules/.installed

setup: $(TEST_STAMP) $(JS_STAMP) browser bytecode

# The browser tests drive Debian's chromium through its chromedriver; a CJK font makes their
# screenshots show Chinese.
BROWSER_PACKAGES := chromium chromium-driver fonts-wqy-microhei

# Installs the Debian packages the browser tests need when they are missing and we may (root);
# otherwise says which ones to install.
browser:
	@missing=$$(for p in $(BROWSER_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; \
	  else echo "the browser tests need: sudo apt-get install $$missing" >&2; fi; \
	fi

# Re-install only when the packaging metadata changed: `make setup` is fast when nothing did.
$(RUN_STAMP): setup.cfg setup.py pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# kg's bytecode, saved once here: without it every process (each build worker too) compiles kg's
# modules from source, ~0.2 CPU-s, and PYTHONDONTWRITEBYTECODE=1, which some environments set, keeps
# Python from ever saving it; bytecode saved here is read whatever that variable says. An editable
# install leaves none (pip saves it for a regular install); a module edited since is recompiled in
# memory until the next `make setup`. Fast when nothing changed.
bytecode:
	$(BIN)/python -m compileall -q kg

$(TEST_STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# graphology-graphml and graphology-gexf (the readers of sigma.js-based tools) read our exports back in tests.
$(JS_STAMP): tests/js/package.json tests/js/package-lock.json
	cd tests/js && npm ci --no-audit --no-fund --silent
	touch $@

run: $(RUN_STAMP) bytecode
	$(BIN)/kg build examples/ --store $(STORE)
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

# The default suite: everything under tests/ but tests/quality, and nothing outside the repository.
test: setup
	$(BIN)/python -m pytest -n 2 -q --ignore=tests/quality

# Quality floors on ../shared (dev gold, training set, the annotators' scorer); see
# tests/quality/conftest.py. pytest's exit status 5 (no test collected) is not a failure here.
test-quality: setup
	$(BIN)/python -m pytest -n 2 -q tests/quality; status=$$?; \
	if [ $$status -eq 5 ]; then echo "test-quality: no quality test collected"; exit 0; fi; exit $$status

bench: setup
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache
