# Deploy steps. The CodeBuild specs next to this file call these targets and hold no logic of their
# own; operators run the same targets by hand. Included by the root Makefile (ROOT, PY, BACKEND and the
# shell flags); the Terraform targets reuse terraform.mk's TF, tf-tool and CLI config.
#
# Every value comes from the environment: the CodeBuild projects set them (docs/DEPLOY.md lists them).
#   backend pipeline:   ECR_REPOSITORY_URL, LAMBDA_FUNCTION, MIGRATE_FUNCTION, SITE_URL
#   frontend pipeline:  SITE_BUCKET, DISTRIBUTION_ID
#   terraform pipeline: ENVIRONMENT (staging|production), TF_STATE_BUCKET, TF_STATE_KEY, TF_VAR_*

DOCKER ?= docker
AWS ?= aws
IMAGE_PLATFORM ?= linux/amd64
IMAGE_TAG ?= $(or $(CODEBUILD_RESOLVED_SOURCE_VERSION),$(shell git -C $(ROOT) rev-parse HEAD 2>/dev/null))
IMAGE_URI = $(ECR_REPOSITORY_URL):$(IMAGE_TAG)
ECR_REGISTRY = $(firstword $(subst /, ,$(ECR_REPOSITORY_URL)))
ECR_REPOSITORY = $(patsubst $(ECR_REGISTRY)/%,%,$(ECR_REPOSITORY_URL))
# The deep health check (database and cache): the pipeline wants to know the release works end to end.
# Uptime checks use the shallow /health/, which never wakes a paused database.
SMOKE_URL ?= $(SITE_URL)/health/deep/
FRONTEND_DIST ?= $(ROOT)/frontend/dist
OPS_DEPLOY := cd $(BACKEND) && $(PY) -m ops.deploy

ENVIRONMENT ?= staging
TF_VERSION ?= 1.11.4
TF_ARCH ?= amd64
# One root configuration for both environments; environments/<ENVIRONMENT>/ holds its variable files.
TF_ENV_DIR = $(ROOT)/terraform/environments
TF_STATE_KEY ?= habits/$(ENVIRONMENT)/terraform.tfstate
TF_PLAN = $(ENVIRONMENT).tfplan
# CodeBuild passes the state bucket and key (locking: S3's lock file, use_lockfile in versions.tf); an
# operator's checkout has <ENVIRONMENT>/backend.hcl instead.
TF_BACKEND_ARGS = $(if $(TF_STATE_BUCKET),-backend-config=bucket=$(TF_STATE_BUCKET) \
	-backend-config=key=$(TF_STATE_KEY) -backend-config=region=$(or $(AWS_REGION),us-east-1),\
	-backend-config=$(ENVIRONMENT)/backend.hcl)
# The environment's variable file, and an operator's account values when present (CodeBuild: TF_VAR_*).
TF_VAR_FILES = -var-file=$(ENVIRONMENT)/environment.tfvars \
	$(if $(wildcard $(TF_ENV_DIR)/$(ENVIRONMENT)/terraform.tfvars),-var-file=$(ENVIRONMENT)/terraform.tfvars)

# $(call require,NAME): stop with a clear message when a variable the step needs is empty.
require = $(if $(strip $($(1))),,$(error $(1) is not set; see docs/DEPLOY.md, "Pipeline settings"))
environment_check = $(if $(filter staging production staging-dr production-dr,$(ENVIRONMENT)),,\
	$(error ENVIRONMENT must be staging, production, staging-dr or production-dr (a pilot light), not "$(ENVIRONMENT)"))

.PHONY: deploy-image
deploy-image: ## Build the Lambda image and push it to ECR tagged with the commit (skipped if it is there)
	$(call require,ECR_REPOSITORY_URL)
	$(call require,IMAGE_TAG)
	@if $(AWS) ecr describe-images --repository-name $(ECR_REPOSITORY) \
			--image-ids imageTag=$(IMAGE_TAG) >/dev/null 2>&1; then \
		echo "$(IMAGE_URI) is already in ECR (tags are immutable): not rebuilding"; \
	else \
		$(AWS) ecr get-login-password | $(DOCKER) login --username AWS --password-stdin $(ECR_REGISTRY) && \
		$(DOCKER) build --platform $(IMAGE_PLATFORM) --provenance=false -t $(IMAGE_URI) $(ROOT) && \
		$(DOCKER) push $(IMAGE_URI); \
	fi

.PHONY: deploy-migrate
deploy-migrate: venv ## Put the commit's image on the migration function and run "migrate --noinput" there; fail on a non-zero exit status
	$(call require,MIGRATE_FUNCTION)
	$(call require,ECR_REPOSITORY_URL)
	$(OPS_DEPLOY) migrate --function $(MIGRATE_FUNCTION) --image-uri $(IMAGE_URI) --command "migrate --noinput"

.PHONY: deploy-lambda
deploy-lambda: venv ## After deploy-migrate: update the API function, publish a version, move the live alias
	$(call require,LAMBDA_FUNCTION)
	$(call require,ECR_REPOSITORY_URL)
	$(OPS_DEPLOY) update-lambda --function $(LAMBDA_FUNCTION) --image-uri $(IMAGE_URI)

.PHONY: deploy-smoke
deploy-smoke: venv ## GET SITE_URL/health/deep/ (database and cache) through CloudFront until it answers 200 (5 tries)
	$(call require,SITE_URL)
	$(OPS_DEPLOY) smoke --url $(SMOKE_URL) --attempts 5

.PHONY: deploy-frontend
deploy-frontend: venv ## Upload frontend/dist to SITE_BUCKET with cache headers; prune stale files
	$(call require,SITE_BUCKET)
	$(OPS_DEPLOY) sync-frontend --dist $(FRONTEND_DIST) --bucket $(SITE_BUCKET)

.PHONY: deploy-invalidate
deploy-invalidate: venv ## Invalidate /index.html and / in the CloudFront distribution DISTRIBUTION_ID
	$(call require,DISTRIBUTION_ID)
	$(OPS_DEPLOY) invalidate --distribution $(DISTRIBUTION_ID) --paths /index.html /

# The Terraform pipeline runs buildspec/terraform.yml twice: ACTION=plan, then after the manual
# approval ACTION=apply on the plan action's output artifact.
TF_PIPELINE_plan := tf-fmt tf-validate tf-test cost tf-plan
TF_PIPELINE_apply := tf-apply

.PHONY: tf-pipeline
tf-pipeline: ## Terraform pipeline step: ACTION=plan (fmt, validate, test, cost, plan) or ACTION=apply
	$(if $(TF_PIPELINE_$(ACTION)),,$(error ACTION must be plan or apply, not "$(ACTION)"))
	$(environment_check)
	$(MAKE) -C $(ROOT) --no-print-directory $(TF_PIPELINE_$(ACTION))

.PHONY: tf-plan
tf-plan: tf-tool $(TF_CLI_CONFIG) ## Plan ENVIRONMENT (staging|production) against its remote state into ENVIRONMENT.tfplan
	$(environment_check)
	$(TF) -chdir=$(TF_ENV_DIR) init -input=false -lockfile=readonly -reconfigure $(TF_BACKEND_ARGS)
	$(TF) -chdir=$(TF_ENV_DIR) plan -input=false -lock-timeout=5m $(TF_VAR_FILES) -out=$(TF_PLAN)

.PHONY: tf-apply
tf-apply: tf-tool $(TF_CLI_CONFIG) ## Apply ENVIRONMENT's saved plan (the pipeline's second action, after approval)
	$(environment_check)
	@test -f $(TF_ENV_DIR)/$(TF_PLAN) || { echo "no saved plan $(TF_ENV_DIR)/$(TF_PLAN)" >&2; exit 1; }
	$(TF) -chdir=$(TF_ENV_DIR) init -input=false -lockfile=readonly -reconfigure $(TF_BACKEND_ARGS)
	$(TF) -chdir=$(TF_ENV_DIR) apply -input=false -lock-timeout=5m $(TF_PLAN)

.PHONY: tf-install
tf-install: ## Install Terraform TF_VERSION into /usr/local/bin, checked against HashiCorp's SHA256SUMS
	@if command -v $(TF) >/dev/null 2>&1; then $(TF) version; exit 0; fi; \
	version=$(TF_VERSION); work=$$(mktemp -d); \
	base=https://releases.hashicorp.com/terraform/$$version; \
	zip=terraform_$${version}_linux_$(TF_ARCH).zip; \
	curl -fsSL -o $$work/$$zip $$base/$$zip; \
	curl -fsSL -o $$work/SHA256SUMS $$base/terraform_$${version}_SHA256SUMS; \
	(cd $$work && grep " $$zip$$" SHA256SUMS | sha256sum -c -); \
	unzip -o -q $$work/$$zip -d /usr/local/bin terraform; rm -rf $$work; terraform version
