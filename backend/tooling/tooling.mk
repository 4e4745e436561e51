# Developer tooling: benchmarks, the load bench, the fuzz run and the Lambda image check. Included by
# the root Makefile (ROOT, BACKEND, PY, VENV, CI, the shell flags and the venv target come from
# there), which also defines `bench` as the list of the bench-* targets below, in order. The fault,
# security and short fuzz tests run in `make backend-test`, beside the code they test.

FUZZ_EXAMPLES ?= 200
IMAGE_CHECK_DIR := $(ROOT)/.build/image-check
# 90, not 80, since passkeys: py_webauthn needs cryptography, whose Rust extension alone is 14 MB.
# It is imported on the first passkey request only, so a cold start does not pay for it.
IMAGE_MAX_MB ?= 90
# The image runs Python 3.12: use a 3.12 interpreter when the machine has one, else python3.
IMAGE_PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12.*/bin/python3.12) \
	$(shell command -v python3.12 2>/dev/null) python3)

.PHONY: bench-api
bench-api: venv ## Habit list and stats server time on PostgreSQL (BENCH_DATABASE_URL); stats of 10 years against 10 ms
	cd $(BACKEND) && $(PY) -m tooling.bench.api

.PHONY: bench-signin
bench-signin: venv ## Sign-in server time p50/p95 with the production hasher (Argon2id) and PBKDF2 before, against 250 ms
	cd $(BACKEND) && $(PY) -m tooling.bench.signin

.PHONY: bench-history
bench-history: venv ## List, stats and write cost for 1, 10 and 56 years of history, dense and sparse (flat), and the Loop export (grows), on PostgreSQL
	cd $(BACKEND) && $(PY) -m tooling.bench.history

.PHONY: bench-cold-start
bench-cold-start: venv ## Lambda cold start (import + first /health/, CPU), median of 5, runtime lock as in the image, against bare Django + DRF + Mangum (goal <= 1.2x)
	cd $(BACKEND) && $(PY) -m tooling.bench.cold_start --runs 5

.PHONY: bench-load
bench-load: venv ## Load bench: the product served as the Lambda serves it (BENCH_SERVER=uvicorn for ASGI), Locust, 32 users, against a bare-view ceiling
	cd $(BACKEND) && $(PY) -m tooling.bench.load

.PHONY: bench-instructions
bench-instructions: venv ## The cached habit list's instructions a request against the bare view's (callgrind; needs valgrind and what bench-load left); not part of bench
	cd $(BACKEND) && $(PY) -m tooling.bench.instructions

.PHONY: bench-first-run
bench-first-run: ## A fresh clone of HEAD: git clone + make run until /health/ answers (goal 60 s)
	cd $(BACKEND) && $(PY) -m tooling.bench.first_run

# `make bench` starts from an empty table of goals and prints it at its end (tooling/bench/goals.py).
.PHONY: bench-reset bench-summary
bench-reset: venv
	cd $(BACKEND) && $(PY) -m tooling.bench.goals --reset

bench-summary: venv ## The goals the benches of this `make bench` recorded, one row each
	cd $(BACKEND) && $(PY) -m tooling.bench.goals

.PHONY: fuzz
fuzz: venv ## Fuzz every API operation with schemathesis, 200 examples each (FUZZ_EXAMPLES=n, FUZZ_SEED=n)
	cd $(BACKEND) && FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) LOG_LEVEL=WARNING $(PY) -m pytest \
		core/tests/test_fuzz.py -q -s -p no:logging

# The image itself is built by `make deploy-image` (buildspec/deploy.mk) from the Dockerfile, which
# installs its dependencies with the same backend/requirements/install-runtime.sh.
.PHONY: image-check
image-check: venv ## Install the image's dependencies as the Dockerfile does, serve /health/ through the handler in isolation (<= 90 MB)
	@echo "image-check: interpreter $(IMAGE_PYTHON)"
	@if [ "$(IMAGE_PYTHON)" = python3 ]; then \
		echo "image-check: no Python 3.12 here; the image runs 3.12, this check runs $$(python3 -V)"; fi
	cd $(BACKEND) && $(PY) -m tooling.image_check --python "$(IMAGE_PYTHON)" \
		--target $(IMAGE_CHECK_DIR)/packages --max-mb $(IMAGE_MAX_MB)
