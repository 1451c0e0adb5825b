# Two commands on a fresh machine:  make serve  (build + live preview)  and  make test  (every test).
SHELL := /bin/bash
PY_SYS ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
export NO_MKDOCS_2_WARNING := 1
# The build tool: ProperDocs, the maintained MkDocs 1.x (requirements.txt). Its MkDocs-2 notice is silenced
# with DISABLE_MKDOCS_2_WARNING=true (the value must be "true"); the config file keeps its name mkdocs.yml.
export DISABLE_MKDOCS_2_WARNING := true
DOCS := $(BIN)/properdocs
DOCS_CONFIG := -f mkdocs.yml
TEST_SITE := build/test-site
PORT ?= 8000
# The test build is made for, and served at, its own port (hreflang links are absolute).
export TEST_PORT ?= 8765
# Debian's Chromium by default; GitHub's Ubuntu runners have Google Chrome (see .github/workflows).
export CHROMIUM ?= /usr/bin/chromium
# Debian's nginx for `make serve-nginx` and the browser tests of the shipped scripts/nginx.conf.
export NGINX ?= /usr/sbin/nginx
NGINX_PORT ?= 8080

.PHONY: serve build check test test-unit test-build test-browser linkcheck linkcheck-external \
        check-translations check-review untranslated new-page bench clean deps-browser deps-nginx serve-nginx \
        scorm deps-node deps-xmllint

# The virtual environment, rebuilt when the pinned requirements change.
$(BIN)/.installed: requirements.txt
	test -x $(PY) || $(PY_SYS) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

serve: $(BIN)/.installed  ## build and serve with live reload at http://127.0.0.1:8000/
	SITE_URL=http://127.0.0.1:$(PORT)/ $(DOCS) serve $(DOCS_CONFIG) -w quizzes -a 127.0.0.1:$(PORT)

build: $(BIN)/.installed  ## strict build into site/
	$(DOCS) build $(DOCS_CONFIG) --strict -d site

check: $(BIN)/.installed  ## content checks only (seconds)
	$(PY) -m scripts check

check-translations check-review untranslated: $(BIN)/.installed
	$(PY) -m scripts $@

new-page: $(BIN)/.installed  ## make new-page PAGE=tecken/ny-sida SV="Svensk titel" EN="English title"
	$(PY) -m scripts new-page "$(PAGE)" "$(SV)" "$(EN)"

# Debian's Chromium for the browser tests (never a downloaded browser build).
deps-browser:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's nginx (and its brotli module where Debian has one); RUNLEVEL=1 keeps apt from starting the system service.
deps-nginx:
	@test -x $(NGINX) || { apt-get update -qq && RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }
	@test -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so || { apt-get update -qq && RUNLEVEL=1 \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static \
	  >/dev/null 2>&1 || echo "no brotli module for this nginx: gzip only"; }

serve-nginx: $(BIN)/.installed deps-nginx  ## build and serve under the shipped nginx config at http://127.0.0.1:8080/
	rm -rf build/nginx-site
	$(DOCS) build $(DOCS_CONFIG) --strict -d build/nginx-site
	chmod -R a+rX build
	$(PY) -m scripts.nginx build/nginx-site $(NGINX_PORT)

# Node tools pinned by package-lock.json (Lighthouse, scorm-again, the SCORM 1.2 schemas): `npm ci` whenever
# node_modules is missing or older than the lock, so the lock cannot drift. Debian's nodejs/npm when missing.
deps-node: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# xmllint (Debian's libxml2-utils) validates the SCORM manifest against the SCORM 1.2 schemas.
deps-xmllint:
	@command -v xmllint >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils >/dev/null; }

scorm: $(BIN)/.installed deps-node  ## SCORM 1.2 packages for an LMS, the whole course and each track: build/scorm/*-sv.zip, *-en.zip (COURSE=kurs or a track id for one)
	$(PY) -m scripts.scorm --out build/scorm --course $(or $(COURSE),all)

# Help-card tests (issue 15): zbarimg decodes the cards' QR codes; a Thai font so the Thai card prints as text.
.PHONY: deps-cards
deps-browser: deps-cards
deps-cards:
	@{ test -x /usr/bin/zbarimg && fc-list :lang=th | grep -q . ; } || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zbar-tools fonts-thai-tlwg >/dev/null; }

# A build whose root-absolute links work when served at the root of any local port.
$(TEST_SITE): $(BIN)/.installed
	rm -rf $(TEST_SITE)
	SITE_URL=http://127.0.0.1:$(TEST_PORT)/ $(DOCS) build $(DOCS_CONFIG) --strict -d $(TEST_SITE)
	chmod -R a+rX build

linkcheck: $(BIN)/.installed  ## internal links and anchors of the built site
	$(PY) scripts/linkcheck.py $(TEST_SITE)

linkcheck-external: $(BIN)/.installed  ## also external links (needs a network)
	$(PY) scripts/linkcheck.py $(TEST_SITE) --external

test-unit: $(BIN)/.installed
	$(BIN)/pytest -q tests/unit

test-build: $(BIN)/.installed
	$(BIN)/pytest -q tests/build

test-browser: $(BIN)/.installed deps-browser deps-nginx deps-node
	$(BIN)/pytest -q tests/browser

test: $(BIN)/.installed deps-browser deps-nginx deps-node deps-xmllint  ## checks, strict build, link check, unit + build + browser tests
	$(PY) -m scripts check
	$(MAKE) --no-print-directory -B $(TEST_SITE)
	$(MAKE) --no-print-directory linkcheck
	$(BIN)/pytest -q tests

bench: $(BIN)/.installed deps-browser  ## build and page-weight figures (minutes); writes build/bench.json
	$(PY) scripts/bench.py

clean:
	rm -rf site build .pytest_cache
