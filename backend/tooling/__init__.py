"""Developer tooling, apart from the product and never deployed: benchmarks, load, probes.

- `servers`: throwaway PostgreSQL and Redis servers and a subprocess HTTP server, for the fault
  tests (`core/tests/test_faults.py`) and the load bench.
- `lambda_server`: HTTP in, an API Gateway event through `lambda_handler.handler`, HTTP out.
- `bench/`: `make bench`'s parts: `api` (server time of the hot reads), `cold_start` with
  `lambda_probe` and the `hello` baseline, `load` with `locustfile`, `mix`, `ceiling` and its
  `settings`.
- `image_check`: `make image-check`, the Lambda image's dependencies installed and served outside
  Docker.
- `tooling.mk`: the make targets of all of the above.
"""
