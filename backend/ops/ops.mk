# Operator tools in backend/ops: their tests, lint, and the disaster-recovery drill against moto.
# Included by the root Makefile, which defines ROOT, PY, BACKEND and the shell flags.
# ops-test is not a prerequisite of `test`: the backend suite already collects backend/ops/tests.

.PHONY: ops-test
ops-test: ## Test the operator CLIs (ops.dr, ops.deploy) against moto
	cd $(BACKEND) && $(PY) -m pytest ops/tests -q -p no:cacheprovider

.PHONY: ops-lint
ops-lint: ## Lint and type-check backend/ops (ruff, mypy --strict)
	cd $(BACKEND) && $(PY) -m ruff check ops
	cd $(BACKEND) && $(PY) -m ruff format --check ops
	cd $(BACKEND) && $(PY) -m mypy --strict ops

.PHONY: dr-drill
dr-drill: ## Rehearse docs/RUNBOOK_DR.md against moto with us-east-1 refused: failover, way back, RPO and RTO
	cd $(BACKEND) && $(PY) -m ops.drill
