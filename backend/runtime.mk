# The Lambda runtime: the image's dependencies checked outside Docker, and the cold-start benchmark.
# Included by the root Makefile, which defines ROOT, BACKEND, PY, VENV, CI, the shell flags and the
# venv target. The image itself is built by `make deploy-image` (buildspec/deploy.mk) from the
# Dockerfile, which installs its dependencies with the same backend/scripts/install-runtime.sh.

IMAGE_CHECK_DIR := $(ROOT)/.build/image-check
IMAGE_MAX_MB ?= 80
# The image runs Python 3.12: use a 3.12 interpreter when the machine has one, else python3.
IMAGE_PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12.*/bin/python3.12) \
	$(shell command -v python3.12 2>/dev/null) python3)


.PHONY: image-check
image-check: venv ## Install the image's dependencies as the Dockerfile does, serve /health/ through the handler in isolation (<= 80 MB)
	@echo "image-check: interpreter $(IMAGE_PYTHON)"
	@if [ "$(IMAGE_PYTHON)" = python3 ]; then \
		echo "image-check: no Python 3.12 here; the image runs 3.12, this check runs $$(python3 -V)"; fi
	cd $(BACKEND) && $(PY) scripts/image_check.py --python "$(IMAGE_PYTHON)" \
		--target $(IMAGE_CHECK_DIR)/packages --max-mb $(IMAGE_MAX_MB)

.PHONY: bench-cold-start
bench-cold-start: venv ## Lambda cold start (import + first /health/), median of 5, against bare Django + DRF + Mangum
	cd $(BACKEND) && $(PY) scripts/bench_cold_start.py --runs 5
