# Two commands on a fresh machine:  make serve  (build + live preview)  and  make test  (every test).
SHELL := /bin/bash
PY_SYS ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
export NO_MKDOCS_2_WARNING := 1
TEST_SITE := build/test-site
PORT ?= 8000
# The test build is made for, and served at, its own port (hreflang links are absolute).
export TEST_PORT ?= 8765
# Debian's Chromium by default; GitHub's Ubuntu runners have Google Chrome (see .github/workflows).
export CHROMIUM ?= /usr/bin/chromium

.PHONY: serve build check test test-unit test-build test-browser linkcheck linkcheck-external \
        check-translations check-review untranslated new-page bench clean deps-browser

# The virtual environment, rebuilt when the pinned requirements change.
$(BIN)/.installed: requirements.txt
	test -x $(PY) || $(PY_SYS) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

serve: $(BIN)/.installed  ## build and serve with live reload at http://127.0.0.1:8000/
	SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs serve -a 127.0.0.1:$(PORT)

build: $(BIN)/.installed  ## strict build into site/
	$(BIN)/mkdocs build --strict -d site

check: $(BIN)/.installed  ## content checks only (seconds)
	$(PY) -m scripts check

check-translations check-review untranslated: $(BIN)/.installed
	$(PY) -m scripts $@

new-page: $(BIN)/.installed  ## make new-page PAGE=tecken/ny-sida SV="Svensk titel" EN="English title"
	$(PY) -m scripts new-page "$(PAGE)" "$(SV)" "$(EN)"

# Debian's Chromium for the browser tests (never a downloaded browser build).
deps-browser:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Help-card tests (issue 15): zbarimg decodes the cards' QR codes; a Thai font so the Thai card prints as text.
.PHONY: deps-cards
deps-browser: deps-cards
deps-cards:
	@{ test -x /usr/bin/zbarimg && fc-list :lang=th | grep -q . ; } || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zbar-tools fonts-thai-tlwg >/dev/null; }

# A build whose root-absolute links work when served at the root of any local port.
$(TEST_SITE): $(BIN)/.installed
	rm -rf $(TEST_SITE)
	SITE_URL=http://127.0.0.1:$(TEST_PORT)/ $(BIN)/mkdocs build --strict -d $(TEST_SITE)
	chmod -R a+rX build

linkcheck: $(BIN)/.installed  ## internal links and anchors of the built site
	$(PY) scripts/linkcheck.py $(TEST_SITE)

linkcheck-external: $(BIN)/.installed  ## also external links (needs a network)
	$(PY) scripts/linkcheck.py $(TEST_SITE) --external

test-unit: $(BIN)/.installed
	$(BIN)/pytest -q tests/unit

test-build: $(BIN)/.installed
	$(BIN)/pytest -q tests/build

test-browser: $(BIN)/.installed deps-browser
	$(BIN)/pytest -q tests/browser

test: $(BIN)/.installed deps-browser  ## checks, strict build, link check, unit + build + browser tests
	$(PY) -m scripts check
	$(MAKE) --no-print-directory -B $(TEST_SITE)
	$(MAKE) --no-print-directory linkcheck
	$(BIN)/pytest -q tests

bench: $(BIN)/.installed deps-browser  ## build and page-weight figures (minutes); writes build/bench.json
	$(PY) scripts/bench.py

clean:
	rm -rf site build .pytest_cache
