"""Reliability, security and speed, measured (issue 8).

- `servers`: throwaway PostgreSQL and Redis servers and a subprocess product server, for the fault
  tests (`reliability/tests/test_faults.py`).
- `bench`, `locustfile`, `ceiling`: the load bench behind `make bench-load`, and the bare Django
  JSON view that gives it its ceiling.
- `tests/`: security checks, fault injection, and the schemathesis fuzz (short in the suite, long
  behind `make fuzz`); `reliability.mk` holds the make targets.
"""
