# Front end: React + TypeScript + Vite SPA, rendered by Preact (preact/compat, frontend/README.md). Included by the root Makefile (ROOT, CI, PY come from there).

FRONTEND := $(ROOT)/frontend
FRONTEND_DEPS_STAMP := $(FRONTEND)/node_modules/.deps-stamp
FRONTEND_SOURCES := $(shell find $(FRONTEND)/src -type f 2>/dev/null) \
	$(addprefix $(FRONTEND)/,index.html vite.config.ts tsconfig.json package.json package-lock.json)
CHROMIUM ?= /usr/bin/chromium

.PHONY: frontend-deps frontend-build frontend-lint frontend-test frontend-size e2e api-types api-types-check

# npm ci only when node_modules is missing or the lock file is newer than the last install.
# Two sets: everything (lint, tests, e2e, types: FRONTEND_DEPS_STAMP), and only what a build needs
# (`npm ci --omit=dev`: Preact, the query client, Lingui, Vite, kept in
# "dependencies" for that reason; FRONTEND_BUILD_STAMP), which is all `make run` installs. The
# full set also builds; installing the build set removes the others, hence its stamp goes.
FRONTEND_BUILD_STAMP := $(FRONTEND)/node_modules/.build-deps-stamp
$(FRONTEND_DEPS_STAMP): $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund
	touch $@

frontend-deps: $(FRONTEND_DEPS_STAMP) ## Install front-end packages (npm ci) when the lock file changed

define frontend-build-deps
	@lock=$(FRONTEND)/package-lock.json; \
	if { [ ! -f $(FRONTEND_DEPS_STAMP) ] || [ $$lock -nt $(FRONTEND_DEPS_STAMP) ]; } && \
		{ [ ! -f $(FRONTEND_BUILD_STAMP) ] || [ $$lock -nt $(FRONTEND_BUILD_STAMP) ]; }; then \
		echo "cd $(FRONTEND) && npm ci --omit=dev --no-audit --no-fund"; \
		cd $(FRONTEND) && npm ci --omit=dev --no-audit --no-fund && touch $(FRONTEND_BUILD_STAMP); \
	fi
endef

# dist/index.html is rewritten by every build, so it stands for the whole of dist/. A build needs
# the build set only, or the full one when it is there.
$(FRONTEND)/dist/index.html: $(FRONTEND_SOURCES) $(FRONTEND)/package-lock.json
	$(call frontend-build-deps)
	cd $(FRONTEND) && npm run build

frontend-build: $(FRONTEND)/dist/index.html ## Build the SPA into frontend/dist (only when its sources changed)

# Runs scripts/api-types.mjs on the backend's current OpenAPI schema, written to a temporary file.
define run-api-types
	@schema="$$(mktemp)"; trap 'rm -f "$$schema"' EXIT; \
	cd $(BACKEND) && $(PY) manage.py spectacular --format openapi-json --settings config.settings.test --file "$$schema"; \
	cd $(FRONTEND) && node scripts/api-types.mjs "$$schema" $(1)
endef

api-types: venv $(FRONTEND_DEPS_STAMP) ## Regenerate frontend/src/types/api.ts and api-rules.ts from the backend's OpenAPI schema
	$(call run-api-types)

api-types-check: venv $(FRONTEND_DEPS_STAMP) ## Fail when frontend/src/types/api*.ts no longer match the backend's OpenAPI schema
	$(call run-api-types,--check)

frontend-lint: $(FRONTEND_DEPS_STAMP) ## Front end: tsc, ESLint (layers, hooks), prettier --check and the message catalogs (extracted, translated)
	cd $(FRONTEND) && npm run typecheck && npm run lint && npm run format:check && npm run i18n:check

frontend-test: frontend-lint api-types-check ## Front end: frontend-lint, api-types-check, then the unit tests (Vitest)
	cd $(FRONTEND) && npm test

frontend-size: $(FRONTEND_DEPS_STAMP) frontend-build venv ## First-load JS and CSS (gzip, 120 KB budget, 80 KB goal); time to Today's rows at 3 s latency (2 s budget)
	cd $(FRONTEND) && CHROMIUM="$(CHROMIUM)" PYTHON="$(PY)" npm run size

# Chromium comes from the system (no browser downloads); as root we try to install it.
# Under CI=true a missing browser fails the run; elsewhere the suite is skipped with a note.
e2e: $(FRONTEND_DEPS_STAMP) frontend-build venv ## Browser end-to-end tests: headless Chromium against a fresh Django server
	@if [ ! -x "$(CHROMIUM)" ] && [ "$$(id -u)" = 0 ]; then \
		apt-get install -y chromium >/dev/null 2>&1 || \
		{ apt-get update >/dev/null 2>&1 && apt-get install -y chromium >/dev/null 2>&1; } || true; \
	fi; \
	if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$(CI)" = "true" ]; then echo "e2e: Chromium is missing at $(CHROMIUM)" >&2; exit 1; fi; \
		echo "e2e: skipped (no Chromium at $(CHROMIUM); install it or set CHROMIUM=/path/to/chromium)"; \
		exit 0; \
	fi; \
	cd $(FRONTEND) && CHROMIUM="$(CHROMIUM)" PYTHON="$(PY)" npm run e2e

