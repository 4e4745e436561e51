# Reliability, security and speed, measured (issue 8). Included by the Makefile.
# The security, fault and short fuzz tests run in `make backend-test` (reliability/tests/).

FUZZ_EXAMPLES ?= 200

.PHONY: fuzz
fuzz: venv ## Fuzz every API operation with schemathesis, 200 examples each (FUZZ_EXAMPLES=n, FUZZ_SEED=n)
	cd $(BACKEND) && FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) LOG_LEVEL=WARNING $(PY) -m pytest \
		reliability/tests/test_fuzz.py -q -s -p no:logging

.PHONY: bench-load
bench-load: venv ## Load bench: the product served as the Lambda serves it (BENCH_SERVER=uvicorn for ASGI), Locust, 32 users, against a bare-view ceiling
	cd $(BACKEND) && $(PY) -m reliability.bench

.PHONY: bench
bench: bench-load
