# Terraform tasks: format, validate, test (mocked provider) and scan (checkov).
# Included by the root Makefile, which defines ROOT, CI and the shell flags.

TF ?= terraform
TF_DIR := $(ROOT)/terraform
TF_MODULE_DIRS := $(sort $(patsubst %/,%,$(dir $(wildcard $(TF_DIR)/modules/*/main.tf))))
# One root configuration for both environments (environments/<name>/ holds each one's variable files).
TF_ENV_DIRS := $(patsubst %/,%,$(dir $(wildcard $(TF_DIR)/environments/main.tf)))
TF_TEST_DIRS := $(sort $(patsubst %/tests/,%,$(dir $(wildcard $(TF_DIR)/modules/*/tests/*.tftest.hcl))))

# Provider source: a local filesystem mirror when there is one (this machine has no registry access),
# the public registry otherwise. The CLI config is always generated so that a TF_CLI_CONFIG_FILE
# inherited from the environment never applies.
TF_PLUGIN_MIRROR ?= $(if $(wildcard /opt/tf-plugins),/opt/tf-plugins,)
TF_CLI_CONFIG := $(ROOT)/.build/terraformrc
export TF_CLI_CONFIG_FILE := $(TF_CLI_CONFIG)
export TF_IN_AUTOMATION := 1
export CHECKPOINT_DISABLE := 1

CHECKOV_VENV := $(ROOT)/.venv-checkov
CHECKOV_REQUIREMENTS := $(TF_DIR)/requirements-checkov.txt

# Under CI=true a missing terraform fails the run; elsewhere each Terraform step is skipped with a note.
# tf-tool is the same check as a target (buildspec/deploy.mk depends on it).
tf_require = if ! command -v $(TF) >/dev/null 2>&1; then \
	if [ "$(CI)" = "true" ]; then echo "$@: terraform is required under CI=true but was not found" >&2; exit 1; fi; \
	echo "$@: skipped (terraform not found; install Terraform >= 1.11 or set TF=/path/to/terraform)"; exit 0; fi

.PHONY: tf-tool
tf-tool:
	@command -v $(TF) >/dev/null 2>&1 || { echo "terraform not found: install Terraform >= 1.11 (make tf-install)" >&2; exit 1; }

.PHONY: $(TF_CLI_CONFIG)
$(TF_CLI_CONFIG):
	@mkdir -p $(dir $@)
	@if [ -n "$(TF_PLUGIN_MIRROR)" ]; then \
		printf '%s\n' \
			'provider_installation {' \
			'  filesystem_mirror {' \
			'    path    = "$(TF_PLUGIN_MIRROR)"' \
			'    include = ["registry.terraform.io/hashicorp/*"]' \
			'  }' \
			'  direct {' \
			'    exclude = ["registry.terraform.io/hashicorp/*"]' \
			'  }' \
			'}' > $@; \
	else \
		: > $@; \
	fi

.PHONY: tf-fmt
tf-fmt: $(TF_CLI_CONFIG) ## Check Terraform formatting (terraform fmt -check -recursive)
	@$(tf_require); echo "== fmt terraform/"; $(TF) -chdir=$(TF_DIR) fmt -check -recursive -diff

.PHONY: tf-init
tf-init: $(TF_CLI_CONFIG)
	@$(tf_require); \
	for dir in $(TF_ENV_DIRS); do \
		echo "== init $${dir#$(ROOT)/}"; \
		$(TF) -chdir=$$dir init -backend=false -lockfile=readonly -input=false -no-color >/dev/null; \
	done; \
	for dir in $(TF_MODULE_DIRS); do \
		echo "== init $${dir#$(ROOT)/}"; \
		$(TF) -chdir=$$dir init -backend=false -input=false -no-color >/dev/null; \
	done

# A module that declares configuration_aliases cannot be validated on its own (hashicorp/terraform#28490),
# so every module is validated from a copy under .build that adds empty provider blocks for its aliases.
# All modules are copied first, side by side, so that the stack's ../<module> sources resolve to copies
# without those blocks (each copy has them only while it is the one validated).
TF_VALIDATE_DIR := $(ROOT)/.build/tf-validate

.PHONY: tf-validate
tf-validate: tf-init ## Validate the environments' root configuration and every module (init -backend=false, validate)
	@$(tf_require); \
	for dir in $(TF_ENV_DIRS); do \
		echo "== validate $${dir#$(ROOT)/}"; \
		$(TF) -chdir=$$dir validate -no-color; \
	done; \
	rm -rf $(TF_VALIDATE_DIR) && mkdir -p $(TF_VALIDATE_DIR); \
	for dir in $(TF_MODULE_DIRS); do \
		mkdir -p $(TF_VALIDATE_DIR)/$$(basename $$dir); \
		tar -C $$dir --exclude=.terraform --exclude=.terraform.lock.hcl --exclude=tests -cf - . | tar -C $(TF_VALIDATE_DIR)/$$(basename $$dir) -xf -; \
	done; \
	for dir in $(TF_MODULE_DIRS); do \
		echo "== validate $${dir#$(ROOT)/}"; \
		work=$(TF_VALIDATE_DIR)/$$(basename $$dir); \
		for alias in $$(sed -n 's/.*configuration_aliases *= *\[\(.*\)\].*/\1/p' $$dir/versions.tf | tr -d ' ' | tr ',' ' '); do \
			printf 'provider "%s" {\n  alias = "%s"\n}\n' "$${alias%%.*}" "$${alias#*.}" >> $$work/validate_providers.tf; \
		done; \
		$(TF) -chdir=$$work init -backend=false -input=false -no-color >/dev/null; \
		$(TF) -chdir=$$work validate -no-color; \
		rm -f $$work/validate_providers.tf; \
	done

.PHONY: tf-test
tf-test: tf-init ## Run terraform test (mocked AWS provider) in every module, the stack's suite for both environments included
	@$(tf_require); \
	for dir in $(TF_TEST_DIRS); do \
		echo "== test $${dir#$(ROOT)/}"; \
		$(TF) -chdir=$$dir test -no-color; \
	done

$(CHECKOV_VENV)/bin/checkov: $(CHECKOV_REQUIREMENTS)
	$(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install --quiet --disable-pip-version-check -r $(CHECKOV_REQUIREMENTS)
	@touch $@

.PHONY: tf-scan
tf-scan: $(CHECKOV_VENV)/bin/checkov ## Scan terraform/ with checkov (zero failed checks; skips only inline with a reason)
	$(CHECKOV_VENV)/bin/checkov --directory $(TF_DIR) --framework terraform secrets \
		--quiet --compact --skip-download

# Stdlib Python only: runs with or without terraform on the machine.
.PHONY: cost
cost: ## Fail when the Terraform declares an hourly/monthly-billed resource docs/COST.md does not count (or COST.md names one that is gone)
	cd $(TF_DIR)/tools && $(PYTHON) -m unittest -q test_cost_check
	cd $(ROOT) && $(PYTHON) terraform/tools/cost_check.py --terraform terraform --cost-doc docs/COST.md

# The moved blocks, checked: an environment applied (mocked) from TF_MOVED_BASE, the last commit before
# the single composition, is planned from the working tree; the deployed resources must keep their state.
TF_MOVED_BASE ?= dbb2bad
TF_MOVED_DIR := $(ROOT)/.build/tf-moved

.PHONY: tf-moved-check
tf-moved-check: $(TF_CLI_CONFIG) ## Check that an environment deployed before the single composition keeps its resources (moved blocks)
	@$(tf_require); \
	rm -rf $(TF_MOVED_DIR) && mkdir -p $(TF_MOVED_DIR)/old $(TF_MOVED_DIR)/new; \
	git -C $(ROOT) archive $(TF_MOVED_BASE) terraform | tar -x -C $(TF_MOVED_DIR)/old; \
	tar -C $(ROOT) --exclude=.terraform -cf - terraform | tar -x -C $(TF_MOVED_DIR)/new; \
	mkdir -p $(TF_MOVED_DIR)/new/terraform/environments/tests; \
	cp $(TF_DIR)/tools/moved.tftest.hcl $(TF_MOVED_DIR)/new/terraform/environments/tests/; \
	$(TF) -chdir=$(TF_MOVED_DIR)/new/terraform/environments init -backend=false -input=false -no-color >/dev/null; \
	$(TF) -chdir=$(TF_MOVED_DIR)/new/terraform/environments test -no-color

# Disaster recovery, from the stack's mocked plans (primary and pilot light of each environment): no
# account-wide name shared, and backend/ops/operator_policy.json equal to the operator role's policy as
# Terraform renders it (backend/ops/tests/test_operator_permissions.py checks the runbook against it).
TF_PLANS_JSON := $(ROOT)/.build/stack-plans.json

.PHONY: tf-dr-check
tf-dr-check: $(TF_CLI_CONFIG) ## Fail on an account-wide name shared by a primary and its pilot light, or an operator policy file behind Terraform's
	cd $(TF_DIR)/tools && $(PYTHON) -m unittest -q test_global_names test_operator_policy
	@$(tf_require); \
	cd $(ROOT) && $(PYTHON) terraform/tools/stack_plans.py --terraform terraform --out $(TF_PLANS_JSON) --tf $(TF) && \
	$(PYTHON) terraform/tools/global_names.py $(TF_PLANS_JSON) && \
	$(PYTHON) terraform/tools/operator_policy.py $(TF_PLANS_JSON) --check backend/ops/operator_policy.json

.PHONY: tf-docs
tf-docs: ## Regenerate the modules' README Inputs/Outputs tables from their variables.tf and outputs.tf
	$(PYTHON) $(TF_DIR)/tools/module_docs.py

.PHONY: tf-docs-check
tf-docs-check: ## Fail when a module's README tables differ from its variables.tf and outputs.tf (make tf-docs)
	$(PYTHON) $(TF_DIR)/tools/module_docs.py --check

.PHONY: tf-check
tf-check: tf-fmt tf-validate tf-test tf-scan cost tf-dr-check tf-docs-check ## All Terraform checks: fmt, validate, test, checkov, cost, DR names and operator policy, module docs

