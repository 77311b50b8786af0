# kg — the two commands a user needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STORE  ?= kg-data
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: setup browser run test bench clean

JS_STAMP := tests/js/node_modules/.installed
# The browser tests drive Debian's chromium through its chromedriver; a CJK font makes their
# screenshots show Chinese.
BROWSER_PACKAGES := chromium chromium-driver fonts-wqy-microhei

setup: $(STAMP) $(JS_STAMP) browser

# Installs the Debian packages the browser tests need when they are missing and we may (root);
# otherwise says which ones to install.
browser:
	@missing=$$(for p in $(BROWSER_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; \
	  else echo "the browser tests need: sudo apt-get install $$missing" >&2; fi; \
	fi

# Re-install only when the packaging metadata changed: `make setup` is fast when nothing did.
$(STAMP): setup.cfg setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# graphology-graphml (the GraphML reader of sigma.js-based tools) reads our exports back in tests.
$(JS_STAMP): tests/js/package.json tests/js/package-lock.json
	cd tests/js && npm ci --no-audit --no-fund --silent
	touch $@

run: setup
	$(BIN)/kg build examples/ --store $(STORE)
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/python -m pytest -n 2 -q

bench: setup
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache
