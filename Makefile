# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MO := translations/en/LC_MESSAGES/messages.mo
HOST ?= 127.0.0.1
PORT ?= 5000
# Content-hashed copies of static/ and their manifest (Flask-Static-Digest): built
# here, never committed (.gitignore). HASHED matches the copies, not the sources.
DIGEST := static/cache_manifest.json
HASHED := -regextype posix-extended -regex '.*-[0-9a-f]{32}\.[^/]*'
STATIC := $(shell find static -type f ! -name cache_manifest.json ! -name '*.br' ! \( $(HASHED) \))

.PHONY: run test lint audit install install-dev browser-deps translations migrate demo bench bench-quick bench-lighthouse clean

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

$(MO): translations/en/LC_MESSAGES/messages.po $(VENV)/.runtime
	$(BIN)/pybabel compile -d translations >/dev/null

# Rebuilt whenever a static file changes; old copies go first.
$(DIGEST): $(STATIC) $(VENV)/.runtime
	find static -type f \( $(HASHED) -o -name '*.br' \) -delete
	$(BIN)/flask --app app digest compile >/dev/null

install: $(VENV)/.runtime $(MO) $(DIGEST)

install-dev: $(VENV)/.dev $(MO) $(DIGEST)

## make run: set up, migrate, load the demo data, serve on http://127.0.0.1:5000
run: install
	$(BIN)/flask --app app db upgrade
	$(BIN)/flask --app app seed-demo
	$(BIN)/flask --app app run --host $(HOST) --port $(PORT)

## make test: set up, install Chromium for the browser tests where allowed, run every test
test: install-dev browser-deps
	$(BIN)/pytest

## make lint: style (ruff), dead code (vulture), package boundaries (import-linter), security (bandit)
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/vulture
	$(BIN)/lint-imports --no-cache
	$(BIN)/bandit -q -r sammachip -ll

## make audit: known vulnerabilities in the pinned requirements (needs the network: not in CI)
audit: install-dev
	$(BIN)/pip install --quiet pip-audit
	$(BIN)/pip-audit -r requirements.txt

browser-deps:
	@bash scripts/browser-deps.sh

## Extract UI strings and update the English catalogue (then translate the new ones)
translations: $(VENV)/.runtime
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output -o translations/messages.pot . >/dev/null
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-wrap --ignore-obsolete >/dev/null
	$(BIN)/pybabel compile -d translations >/dev/null

bench: install-dev
	$(BIN)/python -m bench.run

bench-quick: install-dev
	$(BIN)/python -m bench.run --quick

## make bench-lighthouse: the village page's LCP against a static copy (needs npm; installs Lighthouse)
bench-lighthouse: install-dev browser-deps
	$(BIN)/python -m bench.lighthouse

clean:
	rm -rf $(VENV) instance/*.db* $(MO) $(DIGEST)
	find static -type f \( $(HASHED) -o -name '*.br' \) -delete
