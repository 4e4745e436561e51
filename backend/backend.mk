# Backend tasks: the virtual environment, lint, tests, the local server. Included by the Makefile.

# Two stamps: the runtime set (what `make run` serves with: requirements/runtime.txt, the Lambda's
# lock, which holds everything runserver needs) and, on top of it, the development and test
# toolchain (dev.txt: linters, pytest, the benches' tools), which every other task uses.
RUNTIME_STAMP := $(VENV)/.installed-runtime
VENV_STAMP := $(VENV)/.installed
RUNTIME_REQUIREMENTS := $(BACKEND)/requirements/runtime.txt
DEV_REQUIREMENTS := $(BACKEND)/requirements/dev.txt
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
MANAGE := cd $(BACKEND) && $(PY) manage.py

# --no-compile: Python compiles a module when it is first imported; compiling all of them here
# (botocore's thousands, which a local run never imports) would double the install's time.
$(RUNTIME_STAMP): $(RUNTIME_REQUIREMENTS)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) --no-deps --no-compile -r $(RUNTIME_REQUIREMENTS)
	@touch $@

$(VENV_STAMP): $(DEV_REQUIREMENTS) $(RUNTIME_STAMP)
	$(PIP) --upgrade "pip>=24"
	$(PIP) -r $(DEV_REQUIREMENTS)
	@touch $@

.PHONY: venv venv-runtime
venv-runtime: $(RUNTIME_STAMP) ## Create .venv with the runtime set only (what `make run` needs)

venv: $(VENV_STAMP) ## Create .venv and install the locked Python dependencies, development tools included

.PHONY: lock
lock: venv ## Re-lock Python dependencies from requirements/*.in (pip-compile)
	$(PY) -m pip install --quiet pip-tools
	cd $(BACKEND)/requirements && for name in runtime dev; do \
		$(VENV)/bin/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-index-url \
			--no-emit-find-links -o $$name.txt $$name.in; done

.PHONY: backend-lint
backend-lint: venv ## ruff (lint + format check), mypy, and the import contracts (lint-imports, in pyproject.toml)
	cd $(BACKEND) && $(VENV)/bin/ruff check .
	cd $(BACKEND) && $(VENV)/bin/ruff format --check .
	cd $(BACKEND) && $(VENV)/bin/mypy .
	cd $(BACKEND) && $(VENV)/bin/lint-imports --no-cache

.PHONY: fmt
fmt: venv ## Format and auto-fix the Python code
	cd $(BACKEND) && $(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .

.PHONY: backend-test
backend-test: venv ## Backend tests (pytest, coverage >= 90 %); PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set
	cd $(BACKEND) && $(PY) -m pytest --cov --cov-report=term -q $(PYTEST_ARGS)

.PHONY: migrate
migrate: venv-runtime ## Apply database migrations
	$(MANAGE) migrate --noinput

# The local VAPID key pair (Web Push), made once; git-ignored. VAPID_PRIVATE_KEY, when set, wins.
VAPID_KEY_FILE := $(BACKEND)/.vapid-private-key

$(VAPID_KEY_FILE): | $(RUNTIME_STAMP)
	cd $(BACKEND) && umask 077 && $(PY) -c "from habits.reminding.webpush import generate_private_key as g; print(g())" > $@.tmp && mv $@.tmp $@

.PHONY: run
# Served as localhost (bound to 127.0.0.1): passkeys need a host name, and their origin follows PORT.
# The reminder sender runs beside the server (every 60 s) and stops with it.
run: export WEBAUTHN_ORIGINS ?= http://localhost:$(PORT),http://localhost:5173
# The Python and the front-end installs are independent: they run side by side (-j2).
run: ## Serve the whole product on http://localhost:$(PORT) (demo account on first run) with the reminder sender
	@$(MAKE) --no-print-directory -j2 venv-runtime frontend-build
	@$(MAKE) --no-print-directory migrate $(VAPID_KEY_FILE)
	$(MANAGE) seed_demo
	cd $(BACKEND) && export VAPID_PRIVATE_KEY="$${VAPID_PRIVATE_KEY:-$$(cat $(VAPID_KEY_FILE))}" && \
		{ $(PY) manage.py send_reminders --every 60 & sender=$$!; \
		trap 'kill $$sender 2>/dev/null' EXIT INT TERM; \
		$(PY) manage.py runserver localhost:$(PORT); }

# The translations (backend/locale): makemessages and compilemessages need GNU gettext (Debian:
# apt-get install gettext); nothing else does. The .mo files are committed, and
# core/tests/test_translations.py checks, in pure Python, that they match the .po files and that
# every message the code marks is translated. Tests, migrations and developer tooling are not
# extracted: nothing in them reaches a user.
MESSAGES_IGNORE := $(foreach pattern,*/tests/* */migrations/* tooling/* ops/* lambda_tests/* \
	staticfiles/* conftest.py factories.py,--ignore='$(pattern)')

.PHONY: messages
messages: venv ## Extract the API's messages into backend/locale/{es,de}, then compile them (needs GNU gettext)
	$(MANAGE) makemessages --locale es --locale de --add-location file --no-obsolete $(MESSAGES_IGNORE)
	$(MANAGE) compilemessages --ignore .venv
