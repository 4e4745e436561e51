# Every task of the project. `make help` lists them.
# Each part's tasks live next to its code (backend/*.mk, backend/ops/, backend/tooling/, frontend/,
# terraform/, buildspec/) and are included below; `test` and `bench` here name, in order, everything
# they run (make runs prerequisites left to right).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
PYTHON ?= python3
VENV := $(ROOT)/.venv
PY := $(VENV)/bin/python
BACKEND := $(ROOT)/backend
PORT ?= 8000
CI ?=

.PHONY: help
help: ## List every task with a line each
	@grep -hE '^[a-zA-Z0-9_.-]+:.*?## ' $(MAKEFILE_LIST) | sort -u | \
		awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

include backend/backend.mk
include backend/ops/ops.mk
include backend/tooling/tooling.mk
include frontend/frontend.mk
include terraform/terraform.mk
include buildspec/deploy.mk

.PHONY: lint
lint: backend-lint frontend-lint ## Every linter: ruff, mypy, import contracts (backend); tsc, ESLint, prettier (front end)

.PHONY: test
test: lint backend-test image-check frontend-test e2e tf-check ## Run every suite: lint, backend, image, front end, browser e2e, Terraform

.PHONY: bench
bench: bench-reset bench-api bench-history bench-signin bench-cold-start bench-load frontend-size bench-first-run bench-summary ## Print every benchmark (API server time, history, sign-in, cold start, load, front-end size, a fresh clone's first run), then each goal of issue 20 in one table
