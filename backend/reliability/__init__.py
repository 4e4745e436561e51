"""Reliability, security and speed, measured (issue 8).

- `servers`: throwaway PostgreSQL and Redis servers and a subprocess product server, for the fault
  tests (`reliability/tests/test_faults.py`).
- `ceiling`: a bare Django JSON view, served like the product, giving the load bench its ceiling.
- `locustfile` and `bench`: the load bench behind `make bench-load`.
- `fuzz`: the schemathesis run, short in the suite and long behind `make fuzz`.
"""
